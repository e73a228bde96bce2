//! The groups of flags the commands share, each declared once and flattened where it is used:
//! output, platform, credentials, connection, trusted roots, cache directory.

use std::path::PathBuf;

use clap::Args;

use crate::lang::LangChoice;
use crate::output::ColorChoice;
use crate::redact::Secret;

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

/// `--json` and `-v` before the command (`wxtoken -v fetch`), as the first release took them:
/// the same as after it.
#[derive(Debug, Args)]
pub struct LeadingArgs {
    #[arg(long = "json", hide = true)]
    pub json_first: bool,

    #[arg(short = 'v', long = "verbose", hide = true)]
    pub verbose_first: bool,
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
    pub fn platform(self) -> crate::platform::Platform {
        match self {
            PlatformChoice::Mp => crate::platform::Platform::Mp,
            PlatformChoice::Wecom => crate::platform::Platform::Wecom,
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
    pub fn get(&self) -> crate::platform::Platform {
        self.platform
            .map(PlatformChoice::platform)
            .unwrap_or(crate::platform::Platform::Mp)
    }
}

/// The app's credentials.
#[derive(Debug, Args)]
#[command(next_help_heading = "Credentials")]
pub struct CredArgs {
    /// The AppID (wx followed by 16 hex digits) [env: WXTOKEN_APPID, read for Official Accounts
    /// and Mini Programs only]
    // No clap `env` here and below: each platform reads its own variables (settings::cred_input),
    // so that one platform's credentials never go to the other's gateway.
    #[arg(long, value_name = "APPID")]
    pub appid: Option<String>,

    /// With --platform wecom: the CorpID (ww followed by 16 hex digits), instead of --appid
    /// [env: WXTOKEN_CORPID, read for WeChat Work only]
    #[arg(long, value_name = "CORPID")]
    pub corpid: Option<String>,

    /// With --platform wecom: the app's Secret, instead of --secret. Prefer WXTOKEN_CORPSECRET or
    /// --secret-file [env: WXTOKEN_CORPSECRET, read for WeChat Work only, never shown]
    #[arg(long, value_name = "SECRET", value_parser = parse_secret)]
    pub corpsecret: Option<Secret>,

    /// With --platform wecom: the app's AgentId, a label for the cache and messages (gettoken
    /// does not take it) [env: WXTOKEN_AGENTID, read for WeChat Work only]
    #[arg(long, value_name = "ID")]
    pub agentid: Option<String>,

    /// The AppSecret. Prefer WXTOKEN_SECRET or --secret-file: a flag shows up in shell history
    /// and in `ps` [env: WXTOKEN_SECRET, read for Official Accounts and Mini Programs only,
    /// never shown]
    // No clap `env` attribute: clap would hold the environment's secret as a plain argument
    // value, which its errors echo; WXTOKEN_SECRET is read in `credentials::load`, after
    // --secret-file, with an empty value counting as unset. The value is a `Secret` from the
    // moment it is parsed, so that no `{:?}` of these structs can print it.
    #[arg(long, value_name = "SECRET", value_parser = parse_secret)]
    pub secret: Option<Secret>,

    /// Read the AppSecret from a file ("-" for stdin); surrounding whitespace is trimmed
    #[arg(long, value_name = "PATH", conflicts_with_all = ["secret", "corpsecret"])]
    pub secret_file: Option<PathBuf>,
}

/// `--retries`: 0 to 10, said in words (clap's range parser says "0..=10").
fn parse_retries(raw: &str) -> Result<u32, String> {
    raw.trim()
        .parse::<u32>()
        .ok()
        .filter(|n| *n <= 10)
        .ok_or_else(|| "a whole number from 0 to 10".to_string())
}

fn parse_secret(raw: &str) -> Result<Secret, std::convert::Infallible> {
    Ok(Secret::new(raw.to_string()))
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
          value_parser = parse_retries)]
    pub retries: u32,

    /// Proxy URL: http://, https://, socks5h://, socks5:// or socks4://. Without it,
    /// https_proxy/HTTPS_PROXY (http_proxy/HTTP_PROXY for an http API base) and
    /// all_proxy/ALL_PROXY are used as curl does, and no_proxy/NO_PROXY respected
    #[arg(long, value_name = "URL")]
    pub proxy: Option<String>,

    #[command(flatten)]
    pub ca: CaCertArg,
}

/// The trusted roots, for WeChat's API and for a `rediss://` store alike.
#[derive(Debug, Args)]
pub struct CaCertArg {
    /// PEM file of extra trusted root certificates, added to the built-in ones; "system" adds the
    /// operating system's (those update-ca-certificates installs)
    #[arg(long, value_name = "PATH", env = "WXTOKEN_CA_CERT")]
    pub ca_cert: Option<PathBuf>,
}

/// How long `cache list/clear --store` may wait for the store.
#[derive(Debug, Args)]
pub struct StoreTimeoutArg {
    /// With --store: seconds each Redis command may take (decimals allowed); listing the keys
    /// takes at most three times this as a whole
    #[arg(
        long,
        value_name = "SECS",
        env = "WXTOKEN_TIMEOUT",
        default_value = "10"
    )]
    pub timeout: String,
}

/// Where the token cache lives.
#[derive(Debug, Args)]
#[command(next_help_heading = "Cache")]
pub struct CacheDirArg {
    /// Cache directory [default: $XDG_CACHE_HOME/wxtoken, else ~/.cache/wxtoken]
    #[arg(long, value_name = "DIR", env = "WXTOKEN_CACHE_DIR")]
    pub cache_dir: Option<PathBuf>,
}

/// `--output FILE`: the result written to a file instead of stdout (fetch, ticket).
#[derive(Debug, Args)]
pub struct OutputFileArg {
    /// Write the result to FILE instead of stdout: atomically (a reader sees the old content or
    /// the new, never part), mode 0600 for a new file; an unchanged result is not rewritten
    #[arg(long, value_name = "FILE")]
    pub output: Option<std::path::PathBuf>,
}

/// `--token-stdin`: a token the user gives instead of one obtained (api, ticket, sign).
#[derive(Debug, Args)]
pub struct TokenStdinArg {
    /// Read the access_token from stdin instead of obtaining one (WXTOKEN_ACCESS_TOKEN, which
    /// `wxtoken exec` sets, is used the same way): used as it is, never kept or replaced, and
    /// nothing obtained with it is kept
    #[arg(long)]
    pub token_stdin: bool,
}
