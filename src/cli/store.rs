//! The command line of the shared Redis store and of `--no-fetch` (fetch's "Shared store"
//! options).

use clap::Args;

use crate::catalog::Platform;
use crate::error::Failure;
use crate::lang::Lang;
use crate::store::layout::Layout;
use crate::store::redis::StoreUrl;

#[derive(Debug, Args)]
#[command(next_help_heading = "Shared store")]
pub struct StoreArgs {
    /// Keep the token in Redis for a whole fleet, with the lock there too:
    /// redis://[user:password@]host[:port][/db], rediss://… (TLS) or unix:///path/redis.sock
    #[arg(
        long,
        value_name = "URL",
        env = "WXTOKEN_STORE",
        hide_env_values = true,
        conflicts_with = "cache"
    )]
    pub store: Option<String>,

    /// The keys and values of the store: wxtoken's own, or those of the SDK whose apps read the
    /// token [default: wxtoken]
    #[arg(long, value_name = "LAYOUT", value_enum, env = "WXTOKEN_STORE_LAYOUT")]
    pub store_layout: Option<Layout>,

    /// The part of the keys an SDK lets its users configure [default: wxtoken; WxJava wx (wx:cp
    /// for WeChat Work; its Mini Program starter uses wa); wechatpy wechatpy; silenceper-go
    /// gowechat_officialaccount_ (gowechat_miniprogram_ for a Mini Program)]
    #[arg(long, value_name = "PREFIX", env = "WXTOKEN_STORE_PREFIX")]
    pub store_prefix: Option<String>,

    /// With --store or --cache: serve only the token kept there; never contact WeChat, need no
    /// secret; exit 11 when it has less than --min-ttl left
    #[arg(long, env = "WXTOKEN_NO_FETCH", value_parser = clap::builder::BoolishValueParser::new(),
          action = clap::ArgAction::SetTrue)]
    pub no_fetch: bool,
}

/// A `--store-prefix`: plain visible ASCII, nothing a key pattern would read as a wildcard.
pub fn check_prefix(p: &str, lang: Lang) -> Result<(), Failure> {
    let plain = !p.is_empty()
        && p.len() <= 200
        && p.chars().all(|c| c.is_ascii_graphic())
        && !p.contains(['*', '?', '[', ']', '\\']);
    if plain {
        return Ok(());
    }
    Err(Failure::usage(lang.pick(
        "--store-prefix must be 1 to 200 visible ASCII characters, without spaces or * ? [ ] \\",
        "--store-prefix 必须是 1 到 200 个可见 ASCII 字符，不含空格和 * ? [ ] \\",
    )))
}

/// `--store` and its layout, checked.
pub struct StoreChoice {
    pub url: StoreUrl,
    pub layout: Layout,
    pub prefix: String,
}

impl StoreArgs {
    /// The store asked for, if any; every problem is a usage error, found before any request.
    pub fn choice(&self, platform: Platform, lang: Lang) -> Result<Option<StoreChoice>, Failure> {
        let Some(url) = &self.store else {
            if self.store_layout.is_some() || self.store_prefix.is_some() {
                return Err(Failure::usage(lang.pick(
                    "--store-layout and --store-prefix (WXTOKEN_STORE_LAYOUT, WXTOKEN_STORE_PREFIX) work only with --store",
                    "--store-layout 和 --store-prefix（WXTOKEN_STORE_LAYOUT、WXTOKEN_STORE_PREFIX）只能与 --store 一起使用",
                )));
            }
            return Ok(None);
        };
        let url = StoreUrl::parse(url, lang)?;
        let layout = self.store_layout.unwrap_or(Layout::Wxtoken);
        let prefix = match &self.store_prefix {
            Some(p) => {
                check_prefix(p, lang)?;
                p.clone()
            }
            None => layout.default_prefix(platform).to_string(),
        };
        Ok(Some(StoreChoice {
            url,
            layout,
            prefix,
        }))
    }
}

/// `cache list` and `cache clear` on a store instead of the local cache.
#[derive(Debug, Args)]
#[command(next_help_heading = "Shared store")]
pub struct StoreSelectArgs {
    /// List or clear the tokens in this Redis store instead of the local cache
    #[arg(
        long,
        value_name = "URL",
        env = "WXTOKEN_STORE",
        hide_env_values = true
    )]
    pub store: Option<String>,

    /// The store's layout [default: wxtoken]
    #[arg(long, value_name = "LAYOUT", value_enum, env = "WXTOKEN_STORE_LAYOUT")]
    pub store_layout: Option<Layout>,

    /// The store's key prefix [default: the layout's]
    #[arg(long, value_name = "PREFIX", env = "WXTOKEN_STORE_PREFIX")]
    pub store_prefix: Option<String>,

    /// The platform whose default prefix applies: mp or wecom [default: mp]
    #[arg(long, value_name = "PLATFORM", value_enum, env = "WXTOKEN_PLATFORM")]
    pub platform: Option<super::PlatformChoice>,

    /// For rediss://: PEM file of the CA that signed the Redis server's certificate, or "system"
    #[arg(long, value_name = "PATH", env = "WXTOKEN_CA_CERT")]
    pub ca_cert: Option<std::path::PathBuf>,
}

impl StoreSelectArgs {
    pub fn choice(&self, lang: Lang) -> Result<Option<StoreChoice>, Failure> {
        let platform = self
            .platform
            .map(super::PlatformChoice::platform)
            .unwrap_or(Platform::Mp);
        StoreArgs {
            store: self.store.clone(),
            store_layout: self.store_layout,
            store_prefix: self.store_prefix.clone(),
            no_fetch: false,
        }
        .choice(platform, lang)
    }
}
