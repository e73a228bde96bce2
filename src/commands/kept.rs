//! `fetch --no-fetch`: a reader of what a refresher keeps (in a Redis store, or in a local cache
//! directory it shares with its group). It never contacts WeChat and never holds the secret.

use std::time::Duration;

use super::fetch::CacheOptions;
use super::reuse::{self, Obtained};
use crate::cache::{self, Cache, CacheSlot, Key};
use crate::cli::FetchArgs;
use crate::credentials::{self, Credentials};
use crate::error::Failure;
use crate::output::Printer;
use crate::store::layout::{self, Layout, Target};
use crate::store::redis::{RedisSlot, RedisStore};
use crate::wechat::Endpoint;

pub(crate) fn serve_kept(
    args: &FetchArgs,
    opts: &CacheOptions,
    endpoint: Endpoint,
    printer: &Printer,
) -> Result<Obtained, Failure> {
    let lang = printer.lang;
    if opts.store.is_none() && !opts.cache {
        return Err(Failure::usage(printer.t(
            "--no-fetch (WXTOKEN_NO_FETCH) works only with --store or --cache: it serves the token they keep",
            "--no-fetch（WXTOKEN_NO_FETCH）只能与 --store 或 --cache 一起使用：它只提供二者保存的 token",
        )));
    }
    if opts.force_refresh {
        return Err(Failure::usage(printer.t(
            "--force-refresh fetches a new token: it cannot go with --no-fetch",
            "--force-refresh 会获取新 token：不能与 --no-fetch 一起使用",
        )));
    }
    let platform = args.platform.get();
    let input = args.creds.input(platform, lang)?;
    let appid = credentials::load_id(&input, lang)?;
    let agentid = input.agentid;
    let settings = super::conn_settings(&args.conn, platform, lang)?;
    if let Some(choice) = opts.store {
        // powerwechat's key is an MD5 of appid and secret: only there is the secret read, and
        // it is sent nowhere.
        let creds: Option<Credentials> = if choice.layout == Layout::Powerwechat {
            Some(super::load_credentials(&args.creds, platform, printer)?)
        } else {
            None
        };
        let target = Target {
            endpoint,
            appid: &appid,
            agentid,
            secret: creds.as_ref().map(|c| c.secret.expose()),
            prefix: &choice.prefix,
        };
        let keys = layout::keys(choice.layout, &target, lang).map_err(Failure::usage)?;
        let store = RedisStore::connect(
            &choice.url,
            settings.ca_cert.as_deref(),
            settings.timeout,
            lang,
        )?;
        let slot = RedisSlot::new(
            &store,
            choice.layout,
            keys,
            &target,
            platform,
            None,
            Duration::ZERO,
        );
        return reuse::serve_only(&slot, opts.min_ttl, printer);
    }
    let Some(dir) = cache::resolve_dir(opts.cache_dir, super::env_var) else {
        return Err(Failure::usage(cache::no_dir_message(lang)));
    };
    let shown = crate::redact::sanitize(&dir.display().to_string());
    let cache = match Cache::open_for_reading(dir) {
        Ok(Some(cache)) => cache,
        Ok(None) => {
            return Err(Failure::store(
                crate::tr!(
                    lang,
                    "there is no cache directory {shown}; nothing was fetched (--no-fetch)",
                    "缓存目录 {shown} 不存在；没有获取 token（--no-fetch）"
                ),
                true,
            ));
        }
        Err(unusable) => return Err(unusable.into_failure()),
    };
    let key = Key {
        appid: &appid,
        endpoint,
        api_base: settings.api_base.as_str(),
        fingerprint: String::new(),
        agentid,
    };
    let slot = CacheSlot {
        cache: &cache,
        key,
        any_secret: true,
    };
    reuse::serve_only(&slot, opts.min_ttl, printer)
}
