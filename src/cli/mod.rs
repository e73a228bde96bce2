//! The command line, as clap derive types. Doc comments are the help text.

use clap::{Args, Parser, Subcommand};

mod api;
mod api_tools;
mod args;
mod fetch;
mod help_zh;
pub mod lazy;
mod per_command;
mod store;
mod ticket;
pub use api::ApiArgs;
pub use api_tools::{QuotaClearArgs, QuotaCommand, QuotaGetArgs, RidArgs, ToolTokenArgs};
pub use args::{
    CaCertArg, CacheDirArg, ConnArgs, CredArgs, JsonArg, LeadingArgs, OutputArgs, PlatformArg,
    PlatformChoice, RequestOutputArgs, StoreTimeoutArg,
};
pub use fetch::{
    ExecArgs, FetchArgs, FetchCommand, ProfileAddArgs, ProfileArgs, ProfilesAction, ProfilesArgs,
};
pub use store::StoreArgs;
pub use ticket::{SignArgs, TicketArgs, TicketFormat, TicketKind};

/// Get a WeChat access_token right, explain every failure, and never break anyone else's token.
#[derive(Debug, Parser)]
// The exit-code table is added as after_help only when help is shown (see `crate::main`):
// building it on every run cost 8% of a cache hit.
#[command(name = "wxtoken", version, propagate_version = true)]
pub struct Cli {
    #[command(flatten)]
    pub output: OutputArgs,

    #[command(flatten)]
    pub leading: LeadingArgs,

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
    #[command(after_help = FETCH_EXAMPLES)]
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

    /// Call any WeChat API with the token managed, and explain its errcode
    ///
    /// The token is obtained as fetch obtains it (profile, --stable, --cache, --store,
    /// --no-fetch), or given with --token-stdin or WXTOKEN_ACCESS_TOKEN, and sent only to the API
    /// base's host. The answer's body goes to stdout (a file answer to --output or a pipe); an
    /// errcode is explained on stderr and exits with its kind. A kept token that WeChat rejects
    /// (40001, 40014, 42001) is reported to the cache or store, which replaces it once for all
    /// its holders, and the call is made once more.
    #[command(after_help = API_EXAMPLES)]
    Api(ApiArgs),

    /// Print a JS-SDK ticket (jsapi, wx_card, agent_config), kept and shared like a token
    ///
    /// The access_token comes as for fetch (profile, --stable, --cache, --store), or given. With
    /// --cache or --store the ticket is kept there too, under the SDKs' own keys, and one run
    /// fetches it while the others wait (WeChat Work allows 400 ticket fetches an hour per corp).
    /// A ticket always claims 7200 s: it is kept 1800 s less, since its real age is unknown.
    #[command(after_help = TICKET_EXAMPLES)]
    Ticket(TicketArgs),

    /// Sign a page for wx.config (or wx.agentConfig, or a card), or find what breaks a signature
    ///
    /// Prints the JSON the page needs (appId, timestamp, nonceStr, signature), signed with the
    /// ticket obtained as `ticket` obtains it. --check takes what the page used and says which
    /// input makes "invalid signature": a #fragment, the URL's encoding, milliseconds, the
    /// order of the fields, or another ticket.
    #[command(after_help = SIGN_EXAMPLES)]
    Sign(SignArgs),

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
    /// The script completes commands, options, their values, profile names (--profile) and the
    /// command after `exec --`. Install it once (the Debian package installs all three):
    #[command(after_help = COMPLETIONS_INSTALL)]
    Completions(CompletionsArgs),

    /// Show a manual page: wxtoken's, or a command's (every option, variable and exit code)
    ///
    /// At a terminal the page opens in man(1); otherwise its roff source is printed, for
    /// `wxtoken man > wxtoken.1` or a package. The same pages are in the repository's man/.
    #[command(
        after_help = "Examples:\n  wxtoken man\n  wxtoken man fetch\n  wxtoken man cache clear\n  wxtoken man --list"
    )]
    Man(ManArgs),
}

#[derive(Debug, Args)]
pub struct ManArgs {
    /// The command whose page to show (none: wxtoken's own page)
    #[arg(value_name = "COMMAND")]
    pub page: Vec<String>,

    /// List the pages, one name a line
    #[arg(long, conflicts_with = "page")]
    pub list: bool,
}

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell
    #[arg(value_enum, value_name = "SHELL")]
    pub shell: clap_complete::Shell,
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
#[command(mut_arg("platform", |a| a.help("The platform whose catalogue explains the codes [default: mp, or wecom for an answer that looks like WeChat Work's (its devtool link, `from ip:`)]")))]
pub struct ExplainArgs {
    /// Errcodes (negative ones too), WeChat JSON responses, or - to read from stdin
    #[arg(value_name = "CODE|RESPONSE", allow_negative_numbers = true)]
    pub inputs: Vec<String>,

    /// Print the whole catalogue
    #[arg(long)]
    pub all: bool,

    #[command(flatten)]
    pub platform: PlatformArg,

    #[command(flatten)]
    pub out: JsonArg,
}

#[derive(Debug, Subcommand)]
pub enum CacheCommand {
    /// Show appid, endpoint, expiry and remaining lifetime of each cached token
    List {
        #[command(flatten)]
        scope: CacheScope,
    },
    /// Remove cached tokens (all, or those of one appid)
    Clear {
        /// Only the entries of this AppID
        #[arg(long, value_name = "APPID")]
        appid: Option<String>,

        #[command(flatten)]
        scope: CacheScope,
    },
}

/// What `cache list` and `cache clear` work on: the local cache directory, or a Redis store.
#[derive(Debug, Args)]
#[command(
    mut_arg("platform", |a| a.help("The platform whose default prefix applies: mp or wecom [default: mp]")),
    mut_arg("ca_cert", |a| a.help("For rediss://: PEM file of the CA that signed the Redis server's certificate, or \"system\"")),
)]
pub struct CacheScope {
    #[command(flatten)]
    pub dir: CacheDirArg,

    #[command(flatten)]
    pub store: StoreArgs,

    #[command(flatten)]
    pub platform: PlatformArg,

    #[command(flatten)]
    pub ca: CaCertArg,

    #[command(flatten)]
    pub store_timeout: StoreTimeoutArg,

    #[command(flatten)]
    pub out: JsonArg,

    #[command(flatten)]
    pub profile: ProfileArgs,
}

impl CacheCommand {
    pub fn scope(&self) -> &CacheScope {
        match self {
            CacheCommand::List { scope } | CacheCommand::Clear { scope, .. } => scope,
        }
    }
}

/// `wxtoken completions --help`: where each shell looks, and what it needs.
const COMPLETIONS_INSTALL: &str = "Installing:\n  bash  mkdir -p ~/.local/share/bash-completion/completions\n        wxtoken completions bash > ~/.local/share/bash-completion/completions/wxtoken\n        (needs the bash-completion package, loaded by ~/.bashrc: on Debian, root's\n        ~/.bashrc does not load it; add: . /usr/share/bash-completion/bash_completion)\n  zsh   mkdir -p ~/.zfunc && wxtoken completions zsh > ~/.zfunc/_wxtoken\n        and in ~/.zshrc, before compinit: fpath=(~/.zfunc $fpath); autoload -U compinit; compinit\n  fish  wxtoken completions fish > ~/.config/fish/completions/wxtoken.fish\nThen open a new shell.";

/// `wxtoken fetch --help`'s examples (the exit-code table follows them).
const TICKET_EXAMPLES: &str = "Examples:
  wxtoken ticket jsapi --profile oa --stable --store redis://10.0.0.5:6379
  wxtoken ticket jsapi --profile oa --store redis://10.0.0.5:6379 --no-fetch
  wxtoken ticket agent_config --platform wecom --agentid 1000002 --cache --json";

const SIGN_EXAMPLES: &str = "Examples:
  wxtoken sign --profile oa --stable --cache --url 'https://example.com/page?id=1'
  wxtoken sign --platform wecom --agent-config --agentid 1000002 --cache --url \"$PAGE_URL\"
  wxtoken sign --ticket \"$TICKET\" --nonce Wm3WZYTPz0wzccnW --timestamp 1414587457 --url 'http://mp.weixin.qq.com?params=value'
  wxtoken sign --check 0f9de62fce790f9a083d5c99e95740ceb90c27ed --nonce N --timestamp TS --url URL --profile oa --cache";

const API_EXAMPLES: &str = "Examples:
  wxtoken api cgi-bin/user/get --profile oa --stable --cache --paginate | jq -r '.data.openid[]'
  wxtoken api cgi-bin/menu/create --input menu.json
  wxtoken api wxa/getwxacodeunlimit -f scene=a=1 -f page=pages/index/index --output code.jpg
  wxtoken api cgi-bin/media/upload?type=image --form media=@photo.jpg
  wxtoken api --platform wecom cgi-bin/user/list_id -F limit=100 --paginate --slurp
  wxtoken api cgi-bin/message/custom/send --dry-run -f touser=OPENID -f msgtype=text -f 'text[content]=你好'";

const FETCH_EXAMPLES: &str = "Examples:\n  wxtoken fetch --stable                   # a token, safe from any number of machines\n  wxtoken fetch --profile mini --stable --cache\n  TOKEN=$(wxtoken fetch --stable --cache) || exit\n  eval \"$(wxtoken fetch --profile mini --format env)\"\n  curl \"https://api.weixin.qq.com/cgi-bin/getcallbackip?$(wxtoken fetch --format query)\"\n  wxtoken fetch --profile oa --output /run/app/wx-token    # from cron, with --cache or --store\n  wxtoken fetch --store redis://10.0.0.5:6379 --no-fetch   # a reader: the appid alone\n  wxtoken fetch --platform wecom --corpid ww0123456789abcdef --secret-file app.secret";

/// The command line with the exit-code table after the help of `wxtoken` and `wxtoken fetch`.
pub fn command_with_exit_codes(lang: crate::lang::Lang) -> clap::Command {
    use clap::CommandFactory;
    let table = crate::exit_codes::exit_code_help(lang);
    let cmd = Cli::command()
        .after_help(table.clone())
        .mut_subcommand("fetch", |c| {
            c.after_help(format!("{FETCH_EXAMPLES}\n\n{table}"))
        });
    match lang {
        crate::lang::Lang::En => cmd,
        crate::lang::Lang::Zh => help_zh::translate(cmd, ""),
    }
}

#[cfg(test)]
mod tests;
