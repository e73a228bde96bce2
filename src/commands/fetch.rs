//! `wxtoken fetch`: one token, printed for a script; from the classic or the stable endpoint,
//! optionally through the local cache.

use serde_json::json;

use std::path::Path;
use std::time::Duration;

use super::reuse::{self, Obtained, Run};
use crate::cache::{self, Cache, CacheSlot, Key, Unusable};
use crate::catalog::Platform;
use crate::cli::{FetchArgs, FetchCommand, StoreChoice};
use crate::client::Client;
use crate::credentials::Credentials;
use crate::deliver::{self, Format};
use crate::error::Failure;
use crate::output::Printer;
use crate::store::layout::{self, Target};
use crate::store::redis::{RedisSlot, RedisStore};
use crate::time;
use crate::token_file::OutputFile;
use crate::tr;
use crate::wechat::{self, Endpoint};

/// `--min-ttl` when not given.
const DEFAULT_MIN_TTL: u64 = 300;
/// The longest a token lives (classic and stable): a `--min-ttl` of that or more never reuses.
const MAX_LIFETIME: u64 = 7200;

pub fn run(command: &FetchCommand, printer: &Printer) -> Result<u8, Failure> {
    let args = &command.fetch;
    // --json is --format json, and beats WXTOKEN_FORMAT and a profile's format.
    let format = match command.deliver.format {
        _ if args.out.json.json => Format::Json,
        Some(f) => f,
        None => Format::Token,
    };
    let output = match &command.deliver.output {
        Some(path) => Some(OutputFile::check(path, printer.lang)?),
        None => None,
    };
    match token(args, printer) {
        Ok((got, endpoint)) => deliver_token(printer, &got, endpoint, format, output.as_ref()),
        Err(failure) => {
            if format == Format::Env && output.is_none() {
                crate::output::write_stdout_quietly(deliver::ENV_FAILURE);
            }
            Err(failure)
        }
    }
}

/// The token `fetch` (and `exec`) gets with these options, and the endpoint it is for.
pub(crate) fn token(args: &FetchArgs, printer: &Printer) -> Result<(Obtained, Endpoint), Failure> {
    let platform = args.platform.get();
    if platform == Platform::Wecom && (args.stable || args.force_refresh) {
        return Err(Failure::usage(printer.t(
            "--stable and --force-refresh are not for WeChat Work: it has no stable-token endpoint (gettoken is its only token call; use --cache to share one token)",
            "--stable 和 --force-refresh 不适用于企业微信：它没有 stable_token 接口（gettoken 是唯一的获取接口；请用 --cache 共享同一个 token）",
        )));
    }
    if args.force_refresh && !args.stable {
        return Err(Failure::usage(printer.t(
            "--force-refresh works only with --stable (every classic fetch already issues a new token)",
            "--force-refresh 只能与 --stable 一起使用（普通接口每次获取都会签发新 token）",
        )));
    }
    let store = args.store.choice(platform, printer.lang)?;
    let min_ttl = min_ttl(args.min_ttl, args.cache || store.is_some(), printer)?;
    let endpoint = match (platform, args.stable) {
        (Platform::Wecom, _) => Endpoint::WecomToken,
        (Platform::Mp, true) => Endpoint::StableToken,
        (Platform::Mp, false) => Endpoint::Token,
    };
    let opts = CacheOptions {
        cache: args.cache,
        force_refresh: args.force_refresh,
        min_ttl,
        cache_dir: args.cache_dir.cache_dir.as_deref(),
        store: store.as_ref(),
    };
    if args.store.no_fetch {
        let got = super::kept::serve_kept(args, &opts, endpoint, printer)?;
        return Ok((got, endpoint));
    }
    let creds = super::load_credentials(&args.creds, platform, printer)?;
    let client = super::connect(&args.conn, platform, printer)?;
    let got = obtain(&opts, &creds, &client, endpoint, printer)?;
    Ok((got, endpoint))
}

/// `--min-ttl`: only with a cache; a value a token never reaches is warned about.
pub(crate) fn min_ttl(given: Option<u64>, cache: bool, printer: &Printer) -> Result<u64, Failure> {
    match given {
        Some(_) if !cache => Err(Failure::usage(printer.t(
            "--min-ttl works only with --cache (or WXTOKEN_CACHE=1) or --store: without them every run fetches",
            "--min-ttl 只能与 --cache（或 WXTOKEN_CACHE=1）或 --store 一起使用：否则每次都会获取",
        ))),
        Some(secs) => {
            if secs >= MAX_LIFETIME {
                printer.warn(&tr!(
                    printer.lang,
                    "--min-ttl {secs} is not less than a token's whole lifetime ({MAX_LIFETIME} s): no cached token will ever be reused",
                    "--min-ttl {secs} 不小于 token 的完整有效期（{MAX_LIFETIME} 秒）：缓存的 token 永远不会被复用"
                ));
            }
            Ok(secs)
        }
        None => Ok(DEFAULT_MIN_TTL),
    }
}

/// How a token is reused: `fetch`'s cache options, which `quota` and `rid` take too.
pub(crate) struct CacheOptions<'a> {
    pub cache: bool,
    pub force_refresh: bool,
    pub min_ttl: u64,
    pub cache_dir: Option<&'a Path>,
    pub store: Option<&'a StoreChoice>,
}

/// A token from the cache, or fetched (through the cache's lock where one is used): the one
/// way every command gets a token with credentials.
pub(crate) fn obtain(
    opts: &CacheOptions,
    creds: &Credentials,
    client: &Client,
    endpoint: Endpoint,
    printer: &Printer,
) -> Result<Obtained, Failure> {
    let req = wechat::token_request(client, creds, endpoint, opts.force_refresh);
    let run = Run {
        force_refresh: opts.force_refresh,
        min_ttl: opts.min_ttl,
        client,
        req: &req,
        endpoint,
        printer,
    };
    if let Some(choice) = opts.store {
        let target = Target {
            endpoint,
            appid: &creds.appid,
            agentid: creds.agentid.as_deref(),
            secret: Some(creds.secret.expose()),
            prefix: &choice.prefix,
        };
        let keys = layout::keys(choice.layout, &target, printer.lang).map_err(Failure::usage)?;
        let settings = client.settings();
        let store = RedisStore::connect(
            &choice.url,
            settings.ca_cert.as_deref(),
            settings.timeout,
            printer.lang,
        )?;
        let slot = RedisSlot::new(
            &store,
            choice.layout,
            keys,
            &target,
            creds.platform,
            Some(cache::fingerprint(&creds.appid, creds.secret.expose())),
            client.worst_case() + Duration::from_secs(5),
        );
        return run.through(&slot);
    }
    if !opts.cache && !opts.force_refresh {
        let token = wechat::fetch_token(client, &req, printer)?;
        return Ok(reuse::fresh(&token));
    }
    match usable_cache(opts, creds, printer) {
        Ok(Some(cache)) => {
            let key = Key {
                appid: &creds.appid,
                endpoint,
                api_base: client.settings().api_base.as_str(),
                fingerprint: cache::fingerprint(&creds.appid, creds.secret.expose()),
                agentid: creds.agentid.as_deref(),
            };
            run.through(&CacheSlot {
                cache: &cache,
                key,
                any_secret: false,
            })
        }
        Ok(None) => run.uncached(),
        Err(unusable) => {
            // A classic fetch (or a rotation) without the cache's lock is exactly the harm
            // --cache exists to prevent: refuse. A normal-mode stable fetch rotates nothing.
            if opts.cache && (endpoint != Endpoint::StableToken || opts.force_refresh) {
                return Err(unusable
                    .into_failure()
                    .append_message(printer.t("; nothing was fetched", "；没有获取 token")));
            }
            printer.warn(&format!(
                "{}; {}",
                unusable.message,
                printer.t("not caching", "本次不使用缓存")
            ));
            run.uncached()
        }
    }
}

/// The cache directory, checked and created if need be; `None` where a force refresh without
/// `--cache` has no cache to update.
fn usable_cache(
    opts: &CacheOptions,
    creds: &Credentials,
    printer: &Printer,
) -> Result<Option<Cache>, Unusable> {
    if crate::credentials::id_may_be_a_secret(&creds.appid) {
        // A swapped appid is a secret: it must not end up in a cache file or its name.
        return Err(Unusable {
            message: printer
                .t(
                    "the appid looks like an AppSecret, so it cannot be cached",
                    "appid 看起来像 AppSecret，因此不能写入缓存",
                )
                .to_string(),
            hint: printer
                .t(
                    "check that appid and secret are not swapped",
                    "请确认 appid 与 secret 没有填反",
                )
                .to_string(),
        });
    }
    let dir = cache::resolve_dir(opts.cache_dir, super::env_var);
    match dir {
        Some(dir) if opts.cache => Cache::open(dir).map(Some),
        // A force refresh without --cache updates an existing cache, and creates none.
        Some(dir) => Cache::open_existing(dir),
        None if opts.cache => Err(Unusable {
            message: cache::no_dir_message(printer.lang).to_string(),
            hint: printer
                .t(
                    "or use --stable, which any number of runs may call at once",
                    "或使用 --stable，任意多个进程可同时调用",
                )
                .to_string(),
        }),
        None => Ok(None),
    }
}

/// The result in its format, on stdout or in the `--output` file.
fn deliver_token(
    printer: &Printer,
    got: &Obtained,
    endpoint: Endpoint,
    format: Format,
    output: Option<&OutputFile>,
) -> Result<u8, Failure> {
    let doc = json!({
        "access_token": "",
        "expires_in": got.expires_in,
        "expires_at": time::rfc3339(got.expires_at),
        "source": got.source,
        "endpoint": endpoint.name(),
        "platform": endpoint.platform_name(),
    });
    let text = deliver::render(format, &got.access_token, got.expires_at, &doc);
    let Some(file) = output else {
        printer.result_unmasked(&text)?;
        return Ok(0);
    };
    let (written, warning) = file.write(&text, format, printer.lang)?;
    if let Some(w) = warning {
        printer.warn(&w);
    }
    let shown = crate::output::sanitize(&file.path.display().to_string());
    printer.verbose(&if written {
        tr!(printer.lang, "wrote {shown}", "已写入 {shown}")
    } else {
        tr!(
            printer.lang,
            "{shown} already holds this result; not rewritten",
            "{shown} 已是这个结果；没有重写"
        )
    });
    Ok(0)
}
