//! The command line of `quota` and `rid`: WeChat's API management tools, for Official Accounts
//! and Mini Programs.

use clap::{Args, Subcommand};

use super::args::{ConnArgs, CredArgs, PlatformArg, RequestOutputArgs};
use super::fetch::{LocalCacheArgs, ProfileArgs};

/// The token an API management call needs: given, or obtained with the credentials the way
/// `fetch` would (its cache too), without disturbing any other holder.
#[derive(Debug, Args)]
#[command(next_help_heading = "Token")]
pub struct ToolTokenArgs {
    /// The access_token to use; else WXTOKEN_ACCESS_TOKEN, else stdin (unless it is a terminal),
    /// else one is fetched with the credentials: a normal-mode stable token, which invalidates
    /// nobody's token
    #[arg(
        long,
        value_name = "TOKEN",
        env = "WXTOKEN_ACCESS_TOKEN",
        hide_env_values = true
    )]
    pub token: Option<String>,

    /// Fetch the token from the classic endpoint (/cgi-bin/token) instead. Every classic fetch
    /// invalidates the token other processes hold (after about 5 minutes)
    #[arg(long)]
    pub classic: bool,

    #[command(flatten)]
    pub creds: CredArgs,

    #[command(flatten)]
    pub local_cache: LocalCacheArgs,

    #[command(flatten)]
    pub profile: ProfileArgs,
}

#[derive(Debug, Subcommand)]
pub enum QuotaCommand {
    /// Show each API's daily limit, calls used and left, and rate limit
    ///
    /// One POST /cgi-bin/openapi/quota/get per path. Without --token, WXTOKEN_ACCESS_TOKEN or a
    /// token on stdin, the token is fetched with the credentials as a normal-mode stable token,
    /// never from the classic endpoint unless --classic is given.
    #[command(
        after_help = "Examples:\n  wxtoken quota get\n  wxtoken quota get /cgi-bin/message/custom/send --json | jq '.quotas[0].remain'\n  wxtoken fetch --stable | wxtoken quota get"
    )]
    Get(QuotaGetArgs),

    /// Reset the daily quotas of every API (10 resets a month), or of one API with --api
    ///
    /// Without --api: POST /cgi-bin/clear_quota/v2 with appid and secret, which works even when
    /// 45009 stops every token fetch; it uses one of the account's 10 resets a month (shared
    /// with clear_quota). With --api: POST /cgi-bin/openapi/quota/clear, one of 50 a month, with
    /// a token. At a terminal wxtoken asks first; elsewhere --yes is required. A reset is sent
    /// once, never retried (a retry could spend a second one).
    #[command(
        after_help = "Examples:\n  wxtoken quota clear\n  wxtoken quota clear --yes --json\n  wxtoken quota clear --api /cgi-bin/message/custom/send --yes"
    )]
    Clear(QuotaClearArgs),
}

impl QuotaCommand {
    pub fn out(&self) -> &RequestOutputArgs {
        match self {
            QuotaCommand::Get(a) => &a.out,
            QuotaCommand::Clear(a) => &a.out,
        }
    }
}

#[derive(Debug, Args)]
pub struct QuotaGetArgs {
    /// API paths, without host or query [default: /cgi-bin/token /cgi-bin/stable_token]
    #[arg(value_name = "CGI_PATH")]
    pub paths: Vec<String>,

    #[command(flatten)]
    pub platform: PlatformArg,

    #[command(flatten)]
    pub token: ToolTokenArgs,

    #[command(flatten)]
    pub conn: ConnArgs,

    #[command(flatten)]
    pub out: RequestOutputArgs,
}

#[derive(Debug, Args)]
pub struct QuotaClearArgs {
    /// Reset only this API's daily quota (one of 50 resets a month; needs a token)
    #[arg(long, value_name = "CGI_PATH")]
    pub api: Option<String>,

    /// Reset without asking (required when stdin is not a terminal)
    #[arg(short, long)]
    pub yes: bool,

    #[command(flatten)]
    pub platform: PlatformArg,

    #[command(flatten)]
    pub token: ToolTokenArgs,

    #[command(flatten)]
    pub conn: ConnArgs,

    #[command(flatten)]
    pub out: RequestOutputArgs,
}

#[derive(Debug, Args)]
#[command(
    after_help = "Examples:\n  wxtoken rid 6610524e-3c4d5e6f-7a8b9c0d\n  wxtoken rid 'invalid appid rid: 6610524e-3c4d5e6f-7a8b9c0d'\n  wxtoken rid --json 6610524e-3c4d5e6f-7a8b9c0d | jq .client_ip"
)]
pub struct RidArgs {
    /// The request id, or the errmsg or WeChat answer that carries it (the id is found in it)
    #[arg(value_name = "RID|ERRMSG")]
    pub rid: String,

    #[command(flatten)]
    pub platform: PlatformArg,

    #[command(flatten)]
    pub token: ToolTokenArgs,

    #[command(flatten)]
    pub conn: ConnArgs,

    #[command(flatten)]
    pub out: RequestOutputArgs,
}
