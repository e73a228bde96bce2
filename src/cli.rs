//! The command line, as clap derive types. Doc comments are the help text.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

use crate::credentials::{CredInput, Secret};
use crate::lang::LangChoice;
use crate::output::ColorChoice;

mod access;
mod fetch;
pub mod lazy;
pub mod profile;
mod store;
mod tools;
pub use fetch::{ExecArgs, FetchArgs, FetchCommand, ProfileArgs, ProfilesArgs};
pub use store::{StoreArgs, StoreChoice, StoreSelectArgs, check_prefix};
pub use tools::{QuotaClearArgs, QuotaCommand, QuotaGetArgs, RidArgs, ToolTokenArgs};

/// Get a WeChat access_token right, explain every failure, and never break anyone else's token.
#[derive(Debug, Parser)]
// The exit-code table is added as after_help only when help is shown (see `crate::main`):
// building it on every run cost 8% of a cache hit.
#[command(name = "wxtoken", version, propagate_version = true)]
pub struct Cli {
    #[command(flatten)]
    pub output: OutputArgs,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Fetch an access_token and print it (or one JSON document with --json)
    ///
    /// Every call of the classic endpoint invalidates the token other processes hold (after about
    /// 5 minutes). Where more than one process or machine needs the token, use --stable (safe from
    /// any number of machines at once) and/or --cache (one upstream fetch shared by every
    /// invocation on this machine).
    #[command(
        after_help = "Examples:\n  wxtoken fetch --profile mini --stable --cache\n  eval \"$(wxtoken fetch --profile mini --format env)\"\n  curl \"https://api.weixin.qq.com/cgi-bin/getcallbackip?$(wxtoken fetch --format query)\"\n  wxtoken fetch --profile oa --output /run/app/wx-token    # from cron, with --cache or --store"
    )]
    Fetch(FetchCommand),

    /// Run a command with a token in its environment: WXTOKEN_ACCESS_TOKEN, and
    /// WXTOKEN_EXPIRES_AT (unix seconds)
    ///
    /// Takes fetch's options, then `--` and the command. The command replaces wxtoken (signals
    /// reach it, its exit status is wxtoken's). It gets the token, never a secret: WXTOKEN_SECRET,
    /// WXTOKEN_CORPSECRET, WXTOKEN_STORE and a profile's secret_env variable are not passed on.
    /// When no token can be had the command does not run, and wxtoken exits with its own code
    /// (127 when the command is not found, 126 when it cannot be run: checked before any fetch).
    #[command(
        after_help = "Examples:\n  wxtoken exec --profile mini --stable --cache -- ./send-template.sh\n  wxtoken exec --profile oa -- sh -c 'curl \"https://api.weixin.qq.com/cgi-bin/get_current_selfmenu_info?access_token=$WXTOKEN_ACCESS_TOKEN\"'"
    )]
    Exec(ExecArgs),

    /// List the profiles of the config file (never a secret)
    ///
    /// Name, platform, appid or corpid, where the secret comes from, the endpoint, and the cache
    /// or store. The profile a command would use now (--profile or WXTOKEN_PROFILE, else the
    /// file's default_profile) is marked with *.
    Profiles(ProfilesArgs),

    /// Explain errcodes or a pasted WeChat response, offline
    ///
    /// Exit 0 when every input was recognised, 10 when a code is not in the catalogue (what is
    /// known is still printed), 2 when an input is neither a code nor a WeChat JSON response.
    #[command(
        after_help = "Examples:\n  wxtoken explain 40164 -1\n  wxtoken explain '{\"errcode\":40164,\"errmsg\":\"invalid ip 1.2.3.4, not in whitelist rid: ...\"}'\n  curl -s \"$URL\" | wxtoken explain -\n  wxtoken explain --all --json | jq '.[] | select(.retryable)'"
    )]
    Explain(ExplainArgs),

    /// Check whether WeChat accepts an access_token, without fetching a new one
    ///
    /// Calls the read-only GET /cgi-bin/getcallbackip. Exit 0 when the token is accepted; 6 when
    /// it is expired, superseded, malformed or missing; other errcodes as in fetch (40164 is 7 and
    /// says nothing about the token).
    #[command(
        after_help = "Examples:\n  wxtoken fetch --stable --cache | wxtoken check\n  WXTOKEN_ACCESS_TOKEN=... wxtoken check --json | jq .valid"
    )]
    Check(CheckArgs),

    /// Diagnose a setup step by step: credentials, proxy, DNS, TCP and TLS, clock, whitelist
    ///
    /// Never invalidates a token in use: the credentials and IP whitelist are checked with one
    /// normal-mode stable_token call, never the classic endpoint.
    Doctor(DoctorArgs),

    /// List or remove cached tokens (never shows a token)
    #[command(subcommand)]
    Cache(CacheCommand),

    /// Show or reset the daily API call quotas (Official Accounts, Mini Programs)
    #[command(subcommand)]
    Quota(QuotaCommand),

    /// Look up a request id (rid): when, from which IP, what was sent and answered
    ///
    /// One POST /cgi-bin/openapi/rid/get, with a token as for quota get. WeChat keeps the rids of
    /// the token's own account for 7 days. Secrets and tokens in the record are shown as ***.
    Rid(RidArgs),

    /// Print a shell completion script
    ///
    /// For example: wxtoken completions bash > ~/.local/share/bash-completion/completions/wxtoken
    Completions(CompletionsArgs),
}

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell
    #[arg(value_enum, value_name = "SHELL")]
    pub shell: clap_complete::Shell,
}

/// How messages are printed (every command takes these).
#[derive(Debug, Args)]
#[command(next_help_heading = "Output")]
pub struct OutputArgs {
    /// When to colour messages on stderr
    #[arg(long, value_name = "WHEN", value_enum, default_value_t = ColorChoice::Auto, global = true)]
    pub color: ColorChoice,

    /// Language of messages: auto, en or zh (a locale such as zh_CN counts as zh)
    #[arg(long, value_name = "LANG", value_parser = crate::lang::LangParser, env = "WXTOKEN_LANG", default_value = "auto", global = true)]
    pub lang: LangChoice,

    /// No hints or warnings; the one-line error stays
    #[arg(short, long, global = true)]
    pub quiet: bool,
}

/// `--json`, on the commands that print a result.
#[derive(Debug, Args)]
#[command(next_help_heading = "Output")]
pub struct JsonArg {
    /// Print one JSON document on stdout: the result, or {"error": ..., "exit_code": N}
    #[arg(long)]
    pub json: bool,
}

/// `--json` and `-v`, on the commands that talk to WeChat.
#[derive(Debug, Args)]
#[command(next_help_heading = "Output")]
pub struct RequestOutputArgs {
    #[command(flatten)]
    pub json: JsonArg,

    /// Show the requests on stderr: method, URL (secret as ***), proxy, status, timings, retries
    #[arg(short, long)]
    pub verbose: bool,
}

/// `--platform` choices.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum PlatformChoice {
    /// Official Accounts and Mini Programs (api.weixin.qq.com, /cgi-bin/token)
    Mp,
    /// WeChat Work / 企业微信 (qyapi.weixin.qq.com, /cgi-bin/gettoken, one secret per app)
    Wecom,
}

impl PlatformChoice {
    pub fn platform(self) -> crate::catalog::Platform {
        match self {
            PlatformChoice::Mp => crate::catalog::Platform::Mp,
            PlatformChoice::Wecom => crate::catalog::Platform::Wecom,
        }
    }
}

/// Which WeChat platform.
#[derive(Debug, Args)]
pub struct PlatformArg {
    /// The platform: mp (Official Accounts, Mini Programs) or wecom (WeChat Work) [default: mp]
    #[arg(long, value_name = "PLATFORM", value_enum, env = "WXTOKEN_PLATFORM")]
    pub platform: Option<PlatformChoice>,
}

impl PlatformArg {
    /// The platform in effect: as given, else Official Accounts and Mini Programs.
    pub fn get(&self) -> crate::catalog::Platform {
        self.platform
            .map(PlatformChoice::platform)
            .unwrap_or(crate::catalog::Platform::Mp)
    }
}

/// The app's credentials.
#[derive(Debug, Args)]
#[command(next_help_heading = "Credentials")]
pub struct CredArgs {
    /// The AppID (wx followed by 16 hex digits)
    #[arg(long, value_name = "APPID", env = "WXTOKEN_APPID")]
    pub appid: Option<String>,

    /// With --platform wecom: the CorpID (ww followed by 16 hex digits), instead of --appid
    #[arg(long, value_name = "CORPID", env = "WXTOKEN_CORPID")]
    pub corpid: Option<String>,

    /// With --platform wecom: the app's Secret, instead of --secret. Prefer WXTOKEN_CORPSECRET or
    /// --secret-file [env: WXTOKEN_CORPSECRET, never shown]
    #[arg(long, value_name = "SECRET", value_parser = parse_secret)]
    pub corpsecret: Option<Secret>,

    /// With --platform wecom: the app's AgentId, a label for the cache and messages (gettoken
    /// does not take it)
    #[arg(long, value_name = "ID", env = "WXTOKEN_AGENTID")]
    pub agentid: Option<String>,

    /// The AppSecret. Prefer WXTOKEN_SECRET or --secret-file: a flag shows up in shell history
    /// and in `ps` [env: WXTOKEN_SECRET, never shown]
    // No clap `env` attribute: clap would hold the environment's secret as a plain argument
    // value, which its errors echo; WXTOKEN_SECRET is read in `credentials::load`, after
    // --secret-file, with an empty value counting as unset. The value is a `Secret` from the
    // moment it is parsed, so that no `{:?}` of these structs can print it.
    #[arg(long, value_name = "SECRET", value_parser = parse_secret)]
    pub secret: Option<Secret>,

    /// Read the AppSecret from a file ("-" for stdin); surrounding whitespace is trimmed
    #[arg(long, value_name = "PATH", conflicts_with_all = ["secret", "corpsecret"])]
    pub secret_file: Option<PathBuf>,

    /// The profile's secret source (set after parsing, by `crate::profile::apply`).
    #[arg(skip)]
    pub profile_secret: Option<crate::profile::secret::FromProfile>,
}

fn parse_secret(raw: &str) -> Result<Secret, std::convert::Infallible> {
    Ok(Secret::new(raw.to_string()))
}

impl CredArgs {
    /// What the command line gave, for [`crate::credentials::load`]: the one place that builds it.
    /// `--corpid` and `--corpsecret` name WeChat Work's credentials: with another platform they
    /// are a usage error.
    pub fn input(
        &self,
        platform: crate::catalog::Platform,
        lang: crate::lang::Lang,
    ) -> Result<CredInput<'_>, crate::error::Failure> {
        use crate::catalog::Platform;
        let corp_names = self.corpid.is_some() || self.corpsecret.is_some();
        if platform == Platform::Mp && corp_names {
            return Err(crate::error::Failure::usage(lang.pick(
                "--corpid and --corpsecret (WXTOKEN_CORPID) are WeChat Work's: add --platform wecom, or use --appid and --secret",
                "--corpid 和 --corpsecret（WXTOKEN_CORPID）属于企业微信：请加 --platform wecom，或改用 --appid 和 --secret",
            )));
        }
        if platform == Platform::Mp && self.agentid.is_some() {
            return Err(crate::error::Failure::usage(lang.pick(
                "--agentid (WXTOKEN_AGENTID) is WeChat Work's: add --platform wecom",
                "--agentid（WXTOKEN_AGENTID）属于企业微信：请加 --platform wecom",
            )));
        }
        Ok(CredInput {
            platform,
            appid: self.corpid.as_deref().or(self.appid.as_deref()),
            secret: self.corpsecret.as_ref().or(self.secret.as_ref()),
            secret_file: self.secret_file.as_deref(),
            agentid: self.agentid.as_deref(),
            profile_secret: self.profile_secret.as_ref(),
        })
    }
}

/// How to reach WeChat (every command that talks to WeChat takes these).
#[derive(Debug, Args)]
#[command(next_help_heading = "Connection")]
pub struct ConnArgs {
    /// Base URL of the API; may carry a path prefix (gateways with a fixed egress IP)
    /// [default: https://api.weixin.qq.com; with --platform wecom https://qyapi.weixin.qq.com]
    /// [env: WXTOKEN_API_BASE; with --platform wecom WXTOKEN_WECOM_API_BASE]
    // No clap `env`: each platform reads its own variable, so that a gateway set up for one
    // platform never receives the other platform's secret.
    #[arg(long, value_name = "URL")]
    pub api_base: Option<String>,

    /// Seconds one attempt may take as a whole: connect, TLS, headers and body (decimals allowed)
    #[arg(
        long,
        value_name = "SECS",
        env = "WXTOKEN_TIMEOUT",
        default_value = "10"
    )]
    pub timeout: String,

    /// Retries after errcode -1, network failures and HTTP 5xx, with exponential backoff from 500 ms
    #[arg(long, value_name = "N", env = "WXTOKEN_RETRIES", default_value_t = 2,
          value_parser = clap::value_parser!(u32).range(0..=10))]
    pub retries: u32,

    /// HTTP(S) proxy URL. Without it, https_proxy/HTTPS_PROXY (http_proxy/HTTP_PROXY for an http
    /// API base) and all_proxy/ALL_PROXY are used as curl does, and no_proxy/NO_PROXY respected
    #[arg(long, value_name = "URL")]
    pub proxy: Option<String>,

    /// PEM file of extra trusted root certificates, added to the built-in ones; "system" adds the
    /// operating system's (those update-ca-certificates installs)
    #[arg(long, value_name = "PATH", env = "WXTOKEN_CA_CERT")]
    pub ca_cert: Option<PathBuf>,

    /// The profile's api_base, after --api-base and the platform's variable (set after
    /// parsing, by `crate::profile::apply`).
    #[arg(skip)]
    pub profile_api_base: Option<String>,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// The token to check; else WXTOKEN_ACCESS_TOKEN, else stdin
    #[arg(
        long,
        value_name = "TOKEN",
        env = "WXTOKEN_ACCESS_TOKEN",
        hide_env_values = true
    )]
    pub token: Option<String>,

    #[command(flatten)]
    pub platform: PlatformArg,

    #[command(flatten)]
    pub conn: ConnArgs,

    #[command(flatten)]
    pub out: RequestOutputArgs,

    #[command(flatten)]
    pub profile: ProfileArgs,
}

#[derive(Debug, Args)]
pub struct DoctorArgs {
    #[command(flatten)]
    pub platform: PlatformArg,

    #[command(flatten)]
    pub creds: CredArgs,

    #[command(flatten)]
    pub conn: ConnArgs,

    #[command(flatten)]
    pub out: RequestOutputArgs,

    #[command(flatten)]
    pub profile: ProfileArgs,
}

#[derive(Debug, Args)]
pub struct ExplainArgs {
    /// Errcodes (negative ones too), WeChat JSON responses, or - to read from stdin
    #[arg(value_name = "CODE|RESPONSE", allow_negative_numbers = true)]
    pub inputs: Vec<String>,

    /// Print the whole catalogue
    #[arg(long)]
    pub all: bool,

    /// The platform whose catalogue explains the codes [default: mp, or wecom for an answer
    /// that looks like WeChat Work's (its devtool link, `from ip:`)]
    #[arg(long, value_name = "PLATFORM", value_enum, env = "WXTOKEN_PLATFORM")]
    pub platform: Option<PlatformChoice>,

    #[command(flatten)]
    pub out: JsonArg,
}

/// Where the token cache lives.
#[derive(Debug, Args)]
#[command(next_help_heading = "Cache")]
pub struct CacheDirArg {
    /// Cache directory [default: $XDG_CACHE_HOME/wxtoken, else ~/.cache/wxtoken]
    #[arg(long, value_name = "DIR", env = "WXTOKEN_CACHE_DIR")]
    pub cache_dir: Option<PathBuf>,
}

#[derive(Debug, Subcommand)]
pub enum CacheCommand {
    /// Show appid, endpoint, expiry and remaining lifetime of each cached token
    List {
        #[command(flatten)]
        dir: CacheDirArg,

        #[command(flatten)]
        store: StoreSelectArgs,

        #[command(flatten)]
        out: JsonArg,

        #[command(flatten)]
        profile: ProfileArgs,
    },
    /// Remove cached tokens (all, or those of one appid)
    Clear {
        /// Only the entries of this AppID
        #[arg(long, value_name = "APPID")]
        appid: Option<String>,

        #[command(flatten)]
        dir: CacheDirArg,

        #[command(flatten)]
        store: StoreSelectArgs,

        #[command(flatten)]
        out: JsonArg,

        #[command(flatten)]
        profile: ProfileArgs,
    },
}

/// The command line with the exit-code table after the help of `wxtoken` and `wxtoken fetch`.
pub fn command_with_exit_codes() -> clap::Command {
    use clap::CommandFactory;
    let table = crate::exit_codes::exit_code_help(crate::lang::Lang::En);
    Cli::command()
        .after_help(table.clone())
        .mut_subcommand("fetch", |c| c.after_help(table))
}

#[cfg(test)]
mod tests;
