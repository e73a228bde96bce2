//! The command line of `fetch` and `exec` (the token and how it is handed on), of `profiles`,
//! and the profile selection every command takes.

use std::ffi::OsString;
use std::path::PathBuf;

use clap::Args;

use super::args::{
    CacheDirArg, ConnArgs, CredArgs, JsonArg, OutputFileArg, PlatformArg, PlatformChoice,
    RequestOutputArgs,
};
use super::store::StoreArgs;
use crate::output::format::Format;

/// Which profile of which config file (every command that uses settings takes these: not
/// global, which would cost every run the copying of them into every subcommand).
#[derive(Debug, Args)]
#[command(next_help_heading = "Profile")]
pub struct ProfileArgs {
    /// Take settings from this profile of the config file (flags and WXTOKEN_* variables
    /// still win) [default: the file's default_profile, if any]
    #[arg(long, value_name = "NAME", env = "WXTOKEN_PROFILE")]
    pub profile: Option<String>,

    /// The config file [default: $XDG_CONFIG_HOME/wxtoken/config.toml, else
    /// ~/.config/wxtoken/config.toml]
    #[arg(long, value_name = "PATH", env = "WXTOKEN_CONFIG")]
    pub config: Option<PathBuf>,

    /// Use no profile for this run: neither --profile (WXTOKEN_PROFILE) nor the file's
    /// default_profile
    #[arg(long)]
    pub no_profile: bool,
}

/// The local token cache: whether a token is kept there, and how fresh it must be.
#[derive(Debug, Args)]
#[command(next_help_heading = "Cache")]
pub struct LocalCacheArgs {
    /// Reuse a token cached on this machine while it has at least --min-ttl seconds left, else
    /// fetch it and keep it there; concurrent invocations share one upstream fetch
    #[arg(long, env = "WXTOKEN_CACHE", value_parser = clap::builder::BoolishValueParser::new(),
          action = clap::ArgAction::SetTrue)]
    pub cache: bool,

    /// With --cache (or fetch's --store): the least lifetime, in seconds, a kept token must
    /// have left to be reused [default: 300]
    #[arg(long, value_name = "SECS", env = "WXTOKEN_MIN_TTL")]
    pub min_ttl: Option<u64>,

    #[command(flatten)]
    pub cache_dir: CacheDirArg,
}

#[derive(Debug, Args)]
// --store and --cache keep the token in two places: one or the other.
#[command(mut_arg("store", |a| a.conflicts_with("cache")))]
pub struct FetchArgs {
    #[command(flatten)]
    pub platform: PlatformArg,

    #[command(flatten)]
    pub creds: CredArgs,

    #[command(flatten)]
    pub conn: ConnArgs,

    /// Use the stable_token endpoint: every caller gets the same token while it is valid, so any
    /// number of machines can call it at once without breaking each other (recommended)
    #[arg(long, help_heading = "Stable token")]
    pub stable: bool,

    /// With --stable: invalidate the current stable token and issue a new one. Costly: at most
    /// 20 a day, at least 30 s apart, and every other holder's stable token stops working
    #[arg(long, help_heading = "Stable token")]
    pub force_refresh: bool,

    #[command(flatten)]
    pub local_cache: LocalCacheArgs,

    #[command(flatten)]
    pub store: StoreArgs,

    /// With --cache or --store: this token was rejected (errcode 40001 or 42001). A new one is
    /// fetched, under the lock, only while the cache or store still holds this one; otherwise
    /// what it holds is served. Any number of runs reporting the same token make one fetch.
    /// "-" reads the token from stdin
    #[arg(long, value_name = "TOKEN", help_heading = "Cache")]
    pub rejected: Option<String>,

    /// With --store or --cache: serve only the token kept there; never contact WeChat, need no
    /// secret; exit 11 when it has less than --min-ttl left
    #[arg(long, env = "WXTOKEN_NO_FETCH", value_parser = clap::builder::BoolishValueParser::new(),
          action = clap::ArgAction::SetTrue, help_heading = "Shared store")]
    pub no_fetch: bool,

    /// With --no-fetch --cache: the user whose cache directory this reader trusts (the
    /// refresher's), besides its own user and root [default: none; a setgid directory of one of
    /// this user's groups is trusted too]
    #[arg(
        long,
        value_name = "USER",
        env = "WXTOKEN_CACHE_OWNER",
        help_heading = "Cache"
    )]
    pub cache_owner: Option<String>,

    #[command(flatten)]
    pub out: RequestOutputArgs,

    // Last: a flattened group's help heading carries over to the options after it.
    #[command(flatten)]
    pub profile: ProfileArgs,
}

/// `fetch`: the token options, and how the result is handed on.
#[derive(Debug, Args)]
pub struct FetchCommand {
    #[command(flatten)]
    pub fetch: FetchArgs,

    #[command(flatten)]
    pub deliver: DeliverArgs,
}

/// What `fetch` prints, and where.
#[derive(Debug, Args)]
#[command(next_help_heading = "Output")]
pub struct DeliverArgs {
    /// What to print: token (the token alone), json (as --json), env (export lines for
    /// `eval "$(wxtoken fetch --format env)"`; on failure `false`, so that eval fails too) or
    /// query (access_token=..., URL-encoded) [default: token]
    #[arg(long, value_name = "FORMAT", value_enum, env = "WXTOKEN_FORMAT")]
    pub format: Option<Format>,

    #[command(flatten)]
    pub file: OutputFileArg,
}

/// `exec`: the token options, and the command to run with the token in its environment.
#[derive(Debug, Args)]
pub struct ExecArgs {
    #[command(flatten)]
    pub fetch: FetchArgs,

    /// The command and its arguments, after `--`
    #[arg(
        value_name = "CMD",
        last = true,
        required = true,
        value_hint = clap::ValueHint::CommandWithArguments,
        help_heading = "Command"
    )]
    pub command: Vec<OsString>,
}

/// `profiles`.
#[derive(Debug, Args)]
#[command(args_conflicts_with_subcommands = true)]
pub struct ProfilesArgs {
    /// Print only the names, one per line (for completion scripts)
    #[arg(long, conflicts_with = "json")]
    pub names: bool,

    #[command(flatten)]
    pub out: JsonArg,

    #[command(flatten)]
    pub profile: ProfileArgs,

    #[command(subcommand)]
    pub action: Option<ProfilesAction>,
}

#[derive(Debug, clap::Subcommand)]
pub enum ProfilesAction {
    /// Add a profile to the config file (created at mode 0600 where it belongs)
    ///
    /// With one secret source: a file, a variable or a command; a secret written in the file
    /// only with --inline-secret (then read from stdin, or asked for at a terminal). An existing
    /// profile is never replaced.
    #[command(
        after_help = "Examples:\n  wxtoken profiles add mini --appid wx0123456789abcdef --secret-command 'pass show wx/mini' --stable --cache --default\n  wxtoken profiles add work --platform wecom --corpid ww0123456789abcdef --agentid 1000002 --secret-file ~/.config/wxtoken/work.secret\n  wxtoken profiles add oa --appid wx00000000000000aa --secret-env OA_SECRET --store redis://10.0.0.5:6379"
    )]
    Add(ProfileAddArgs),
}

/// `profiles add NAME`.
#[derive(Debug, Args)]
pub struct ProfileAddArgs {
    /// The profile's name: letters, digits, - and _
    #[arg(value_name = "NAME")]
    pub name: String,

    /// The platform: mp (Official Accounts, Mini Programs) or wecom (WeChat Work) [default: mp]
    #[arg(long, value_name = "PLATFORM", value_enum)]
    pub platform: Option<PlatformChoice>,

    /// The AppID (mp) or, with --platform wecom, the CorpID
    #[arg(long, value_name = "ID", visible_alias = "corpid")]
    pub appid: String,

    /// With --platform wecom: the app's AgentId
    #[arg(long, value_name = "ID")]
    pub agentid: Option<String>,

    /// The secret's file (an absolute path is written; ~/ stays as it is)
    #[arg(long, value_name = "PATH", group = "source")]
    pub secret_file: Option<String>,

    /// The variable that holds the secret when the profile is used (not from cron)
    #[arg(long, value_name = "VAR", group = "source")]
    pub secret_env: Option<String>,

    /// The command that prints the secret, as words (run without a shell), e.g. 'pass show wx'
    #[arg(long, value_name = "COMMAND", group = "source")]
    pub secret_command: Option<String>,

    /// Write the secret itself into the file (read from stdin, or asked for at a terminal)
    #[arg(long, group = "source")]
    pub inline_secret: bool,

    /// Fetch stable tokens (recommended for Official Accounts and Mini Programs)
    #[arg(long)]
    pub stable: bool,

    /// Keep the token in the local cache
    #[arg(long, conflicts_with = "store")]
    pub cache: bool,

    /// Keep the token in this Redis store
    #[arg(long, value_name = "URL")]
    pub store: Option<String>,

    /// The API base (a gateway)
    #[arg(long, value_name = "URL")]
    pub api_base: Option<String>,

    /// Make it the default profile (when the file names none yet)
    #[arg(long)]
    pub default: bool,

    /// The config file [default: $XDG_CONFIG_HOME/wxtoken/config.toml, else
    /// ~/.config/wxtoken/config.toml]
    #[arg(long, value_name = "PATH", env = "WXTOKEN_CONFIG")]
    pub config: Option<PathBuf>,

    #[command(flatten)]
    pub out: JsonArg,
}
