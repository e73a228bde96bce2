//! `wxtoken fetch`: one token, printed for a script; from the classic or the stable endpoint,
//! optionally through the local cache.

use serde_json::json;

use crate::cache::{self, Cache, Key};
use crate::cli::FetchArgs;
use crate::client::{Client, Request};
use crate::credentials::Credentials;
use crate::error::Failure;
use crate::output::Printer;
use crate::time;
use crate::wechat::{self, Endpoint, Token};

pub fn run(args: &FetchArgs, printer: &Printer) -> Result<u8, Failure> {
    if args.force_refresh && !args.stable {
        return Err(Failure::usage(printer.t(
            "--force-refresh works only with --stable (every classic fetch already issues a new token)",
            "--force-refresh 只能与 --stable 一起使用（普通接口每次获取都会签发新 token）",
        )));
    }
    let creds = super::load_credentials(&args.creds, printer)?;
    let client = super::connect(&args.conn, printer.lang)?;
    let endpoint = if args.stable {
        Endpoint::StableToken
    } else {
        Endpoint::Token
    };
    let req = wechat::token_request(&client, &creds, endpoint, args.force_refresh);
    if !args.cache {
        let token = wechat::fetch_token(&client, &req, printer)?;
        return print_fresh(printer, &token, endpoint);
    }
    match usable_cache(args, &creds, printer) {
        Ok(cache) => through_cache(&cache, args, &creds, &client, &req, endpoint, printer),
        Err(why) => {
            printer.warn(&format!(
                "{why}; {}",
                printer.t("not caching", "本次不使用缓存")
            ));
            let token = wechat::fetch_token(&client, &req, printer)?;
            print_fresh(printer, &token, endpoint)
        }
    }
}

/// The cache directory, created if need be, or why there is none to use.
fn usable_cache(args: &FetchArgs, creds: &Credentials, printer: &Printer) -> Result<Cache, String> {
    if crate::credentials::secret_looks_right(&creds.appid) {
        // A swapped appid is a secret: it must not end up in a cache file or its name.
        return Err(printer
            .t(
                "the appid looks like an AppSecret",
                "appid 看起来像 AppSecret",
            )
            .to_string());
    }
    match cache::resolve_dir(args.cache_dir.cache_dir.as_deref(), super::env_var) {
        Some(dir) => Cache::open(dir).map_err(|w| w.0),
        None => Err(cache::no_dir_message(printer.lang).to_string()),
    }
}

/// Serve from the cache, or fetch under the entry's lock so that concurrent invocations on a
/// cold cache make one upstream request between them.
fn through_cache(
    cache: &Cache,
    args: &FetchArgs,
    creds: &Credentials,
    client: &Client,
    req: &Request,
    endpoint: Endpoint,
    printer: &Printer,
) -> Result<u8, Failure> {
    let key = Key {
        appid: &creds.appid,
        endpoint,
        api_base: client.settings().api_base.as_str(),
        fingerprint: cache::fingerprint(&creds.appid, creds.secret.expose()),
    };
    let name = key.file_name();
    printer.verbose(&format!("cache: {}", cache.path_of(&name).display()));
    let mut warned = false;
    let mut read = || match cache.read(&name) {
        Ok(entry) => entry,
        Err(w) => {
            if !warned {
                printer.warn(&w.0);
                warned = true;
            }
            None
        }
    };
    // A hit needs no lock: entries are replaced atomically.
    let before = if args.force_refresh { None } else { read() };
    if let Some(entry) = &before
        && key.serves(entry, time::now_unix(), args.min_ttl, false)
    {
        return print_cached(printer, entry, endpoint);
    }
    let lock = match cache.lock(
        &name,
        client.worst_case() + std::time::Duration::from_secs(5),
    ) {
        Ok(Some(lock)) => Some(lock),
        Ok(None) => {
            printer.warn(printer.t(
                "another wxtoken held the cache lock for too long; fetching without waiting for it",
                "另一个 wxtoken 占用缓存锁过久；不再等待，直接获取",
            ));
            None
        }
        Err(w) => {
            printer.warn(&w.0);
            None
        }
    };
    // Whoever held the lock may have just stored a token: that one is served even with less
    // than --min-ttl left, so that concurrent invocations make one request between them.
    if !args.force_refresh
        && let Some(entry) = read()
    {
        let fresh = before.as_ref().is_none_or(|b| {
            b.fetched_at != entry.fetched_at || b.access_token != entry.access_token
        });
        if key.serves(&entry, time::now_unix(), args.min_ttl, fresh) {
            return print_cached(printer, &entry, endpoint);
        }
    }
    printer.verbose(if args.force_refresh {
        "cache: skipped (--force-refresh)"
    } else {
        "cache: miss"
    });
    let token = wechat::fetch_token(client, req, printer)?;
    let entry = key.entry(&token.access_token, token.expires_in, time::now_unix());
    if let Err(w) = cache.write(&name, &entry) {
        printer.warn(&format!(
            "{}; {}",
            w.0,
            printer.t("the token was not cached", "token 未写入缓存")
        ));
    }
    drop(lock);
    print_fresh(printer, &token, endpoint)
}

fn print_fresh(printer: &Printer, token: &Token, endpoint: Endpoint) -> Result<u8, Failure> {
    let expires_at = time::now_unix().saturating_add(token.expires_in);
    print_token(
        printer,
        &token.access_token,
        token.expires_in,
        expires_at,
        "network",
        endpoint,
    )
}

fn print_cached(
    printer: &Printer,
    entry: &cache::Entry,
    endpoint: Endpoint,
) -> Result<u8, Failure> {
    let left = entry.remaining(time::now_unix());
    printer.verbose(&format!("cache: hit, {} left", cache::human_duration(left)));
    crate::output::register_secret(&entry.access_token);
    print_token(
        printer,
        &entry.access_token,
        left,
        entry.expires_at,
        "cache",
        endpoint,
    )
}

/// The result: the token alone, or the JSON document.
fn print_token(
    printer: &Printer,
    access_token: &str,
    expires_in: u64,
    expires_at: u64,
    source: &str,
    endpoint: Endpoint,
) -> Result<u8, Failure> {
    let written = if printer.json {
        printer.result_json(&json!({
            "access_token": access_token,
            "expires_in": expires_in,
            "expires_at": time::rfc3339(expires_at),
            "source": source,
            "endpoint": endpoint.name(),
        }))
    } else {
        printer.result_line(access_token)
    };
    written.map(|_| 0).map_err(|e| Failure::Internal {
        message: format!("cannot write to stdout: {e}"),
    })
}
