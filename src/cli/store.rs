//! The command line of the shared Redis store (fetch's "Shared store" options, and what
//! `cache list` and `cache clear` work on).

use clap::Args;
use clap::builder::{PossibleValue, PossibleValuesParser, TypedValueParser};

use crate::token::store::layout::Layout;

/// `--store-layout`: one of the layouts the token core knows, by name, each with its help.
fn layout_parser() -> impl TypedValueParser<Value = Layout> {
    PossibleValuesParser::new(
        Layout::ALL.map(|layout| PossibleValue::new(layout.name()).help(layout.about())),
    )
    .map(|name| Layout::from_name(&name).unwrap_or(Layout::Wxtoken))
}

/// Which Redis store, and its keys: fetch's and exec's shared store, and what `cache list` and
/// `cache clear` work on instead of the local cache.
#[derive(Debug, Args)]
#[command(next_help_heading = "Shared store")]
pub struct StoreArgs {
    /// A Redis store that keeps the token for a whole fleet, with the lock there too (for cache
    /// list and clear: the store to work on instead of the local cache):
    /// redis://[user:password@]host[:port][/db], rediss://… (TLS), unix:///path/redis.sock,
    /// redis+sentinel://host:port[,host:port…]/service[/db] or
    /// redis+cluster://host:port[,host:port…]
    #[arg(
        long,
        value_name = "URL",
        env = "WXTOKEN_STORE",
        hide_env_values = true
    )]
    pub store: Option<String>,

    /// The keys and values of the store: wxtoken's own, or those of the SDK whose apps read the
    /// token [default: wxtoken]
    #[arg(long, value_name = "LAYOUT", value_parser = layout_parser(), env = "WXTOKEN_STORE_LAYOUT")]
    pub store_layout: Option<Layout>,

    /// The part of the keys an SDK lets its users configure [default: wxtoken; WxJava wx (wx:cp
    /// for WeChat Work; its Mini Program starter uses wa); wechatpy wechatpy; silenceper-go
    /// gowechat_officialaccount_ (gowechat_miniprogram_ for a Mini Program)]
    #[arg(long, value_name = "PREFIX", env = "WXTOKEN_STORE_PREFIX")]
    pub store_prefix: Option<String>,

    /// For rediss://: the client certificate (PEM) a store that authenticates its clients asks
    /// for (Redis's default, tls-auth-clients yes); with --store-client-key
    #[arg(long, value_name = "PATH", env = "WXTOKEN_STORE_CLIENT_CERT")]
    pub store_client_cert: Option<std::path::PathBuf>,

    /// For rediss://: the client certificate's private key (PEM), in a file only its owner may
    /// read (never shown)
    #[arg(long, value_name = "PATH", env = "WXTOKEN_STORE_CLIENT_KEY")]
    pub store_client_key: Option<std::path::PathBuf>,
}
