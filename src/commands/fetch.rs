//! `wxtoken fetch`: one token, printed for a script; from the classic or the stable endpoint,
//! optionally through the local cache.

use serde_json::json;

use std::path::Path;
use std::time::Duration;

use crate::cache::{self, Cache, Key, Unusable};
use crate::catalog::Platform;
use crate::cli::FetchArgs;
use crate::client::{Client, Request};
use crate::credentials::Credentials;
use crate::error::Failure;
use crate::output::Printer;
use crate::time;
use crate::tr;
use crate::wechat::{self, Endpoint, Token};

/// `--min-ttl` when not given.
const DEFAULT_MIN_TTL: u64 = 300;
/// The longest a token lives (classic and stable): a `--min-ttl` of that or more never reuses.
const MAX_LIFETIME: u64 = 7200;

pub fn run(args: &FetchArgs, printer: &Printer) -> Result<u8, Failure> {
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
    let min_ttl = min_ttl(args.min_ttl, args.cache, printer)?;
    let creds = super::load_credentials(&args.creds, platform, printer)?;
    let client = super::connect(&args.conn, platform, printer)?;
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
    };
    let got = obtain(&opts, &creds, &client, endpoint, printer)?;
    print_token(printer, &got, endpoint)
}

/// `--min-ttl`: only with a cache; a value a token never reaches is warned about.
pub(crate) fn min_ttl(given: Option<u64>, cache: bool, printer: &Printer) -> Result<u64, Failure> {
    match given {
        Some(_) if !cache => Err(Failure::usage(printer.t(
            "--min-ttl works only with --cache (or WXTOKEN_CACHE=1): without a cache every run fetches",
            "--min-ttl 只能与 --cache（或 WXTOKEN_CACHE=1）一起使用：不用缓存时每次都会获取",
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
}

/// A token, and where it came from.
pub(crate) struct Obtained {
    pub access_token: String,
    pub expires_in: u64,
    pub expires_at: u64,
    /// `network` or `cache`.
    pub source: &'static str,
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
        opts,
        creds,
        client,
        req: &req,
        endpoint,
        printer,
    };
    if !opts.cache && !opts.force_refresh {
        let token = wechat::fetch_token(client, &req, printer)?;
        return Ok(fresh(&token));
    }
    match usable_cache(opts, creds, printer) {
        Ok(Some(cache)) => run.through_cache(&cache),
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

/// One fetch: what it needs to go through the cache or around it.
struct Run<'a> {
    opts: &'a CacheOptions<'a>,
    creds: &'a Credentials,
    client: &'a Client,
    req: &'a Request,
    endpoint: Endpoint,
    printer: &'a Printer,
}

impl Run<'_> {
    fn uncached(&self) -> Result<Obtained, Failure> {
        let token = wechat::fetch_token(self.client, self.req, self.printer)?;
        self.say_rotated(false);
        Ok(fresh(&token))
    }

    fn say_rotated(&self, cached: bool) {
        if self.opts.force_refresh {
            self.printer.note(if cached {
                self.printer.t(
                    "rotated the stable token: the previous one stops working for every other holder; the cache entry was replaced",
                    "已轮换 stable token：其他持有者手中的旧 token 将失效；缓存条目已替换",
                )
            } else {
                self.printer.t(
                    "rotated the stable token: the previous one stops working for every other holder",
                    "已轮换 stable token：其他持有者手中的旧 token 将失效",
                )
            });
        }
    }

    /// Serve from the cache, or fetch under the entry's lock so that concurrent invocations
    /// make one upstream attempt chain between them, success or failure.
    fn through_cache(&self, cache: &Cache) -> Result<Obtained, Failure> {
        let (args, printer) = (self.opts, self.printer);
        let key = Key {
            appid: &self.creds.appid,
            endpoint: self.endpoint,
            api_base: self.client.settings().api_base.as_str(),
            fingerprint: cache::fingerprint(&self.creds.appid, self.creds.secret.expose()),
            agentid: self.creds.agentid.as_deref(),
        };
        let path = cache.entry_path(&key).display().to_string();
        printer.verbose(&tr!(printer.lang, "cache: {path}", "缓存：{path}"));
        let mut warned = false;
        let mut read = || match cache.read(&key) {
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
            return Ok(cached(printer, entry));
        }
        // Only a normal-mode stable fetch may go on without the lock: it rotates nothing.
        // (WeChat Work's gettoken too: whether a fetch disturbs other holders is not documented.)
        let lock_required = self.endpoint != Endpoint::StableToken || args.force_refresh;
        let wait = self.client.worst_case() + Duration::from_secs(5);
        let lock = match cache.lock(&key, wait) {
            Ok(Some(lock)) => Some(lock),
            Ok(None) if lock_required => {
                let secs = wait.as_secs();
                return Err(Failure::store(
                    tr!(
                        printer.lang,
                        "another wxtoken has held the cache lock for more than {secs} s; nothing was fetched (fetching now would invalidate the token it is getting)",
                        "另一个 wxtoken 占用缓存锁已超过 {secs} 秒；没有获取 token（此时获取会让它正在获取的 token 失效）"
                    ),
                    true,
                )
                .with_hint(printer.t(
                    "a wxtoken may be stopped (Ctrl-Z, SIGSTOP) or stuck: find it with pgrep -a wxtoken",
                    "可能有 wxtoken 被暂停（Ctrl-Z、SIGSTOP）或卡住：用 pgrep -a wxtoken 查找",
                )));
            }
            Ok(None) => {
                printer.warn(printer.t(
                    "another wxtoken held the cache lock for too long; fetching a stable token without waiting for it",
                    "另一个 wxtoken 占用缓存锁过久；不再等待，直接获取 stable token",
                ));
                None
            }
            Err(w) if lock_required => {
                return Err(Failure::store(
                    format!(
                        "{}; {}",
                        w.0,
                        printer.t("nothing was fetched", "没有获取 token")
                    ),
                    false,
                ));
            }
            Err(w) => {
                printer.warn(&w.0);
                None
            }
        };
        if lock.is_some() {
            let entry = read();
            if args.force_refresh {
                // Another run rotated while this one waited: that rotation is this one's.
                if let Some(entry) = entry
                    && let Some(since) = lock.as_ref().and_then(|l| l.waited_since_ms)
                    && key.rotated_since(&entry, since)
                {
                    printer.note(printer.t(
                        "another wxtoken rotated the stable token while this one waited; using that token",
                        "另一个 wxtoken 在等待期间已轮换 stable token；使用该 token",
                    ));
                    return Ok(cached(printer, &entry));
                }
            } else if let Some(entry) = entry {
                // Whoever held the lock may have just stored a token: that one is served even
                // with less than --min-ttl left.
                let fresh = before.as_ref().is_none_or(|b| {
                    b.fetched_at != entry.fetched_at || b.access_token != entry.access_token
                });
                if key.serves(&entry, time::now_unix(), args.min_ttl, fresh) {
                    return Ok(cached(printer, &entry));
                }
            }
            // The holder this run waited on failed: its failure is this run's too.
            if let Some(since) = lock.as_ref().and_then(|l| l.waited_since_ms)
                && let Some(failure) = cache.failure_since(&key, since)
            {
                printer.verbose(printer.t(
                    "cache: the run holding the lock failed; sharing its failure",
                    "缓存：持有锁的进程失败了；沿用它的失败结果",
                ));
                return Err(failure);
            }
        }
        printer.verbose(if args.force_refresh {
            printer.t(
                "cache: skipped (--force-refresh)",
                "缓存：跳过（--force-refresh）",
            )
        } else {
            printer.t("cache: miss", "缓存：未命中")
        });
        let token = match wechat::fetch_token(self.client, self.req, printer) {
            Ok(token) => token,
            Err(f) => {
                if lock.is_some()
                    && let Err(w) = cache.record_failure(&key, &f)
                {
                    printer.warn(&w.0);
                }
                return Err(f);
            }
        };
        let entry = key.entry(&token.access_token, token.expires_in, args.force_refresh);
        let stored = cache.write(&key, &entry);
        if let Err(w) = &stored {
            printer.warn(&format!(
                "{}; {}",
                w.0,
                printer.t("the token was not cached", "token 未写入缓存")
            ));
        }
        drop(lock);
        self.say_rotated(stored.is_ok());
        Ok(fresh(&token))
    }
}

fn fresh(token: &Token) -> Obtained {
    Obtained {
        access_token: token.access_token.clone(),
        expires_in: token.expires_in,
        expires_at: time::now_unix().saturating_add(token.expires_in),
        source: "network",
    }
}

fn cached(printer: &Printer, entry: &cache::Entry) -> Obtained {
    let left = entry.remaining(time::now_unix());
    let left_text = cache::human_duration(left);
    printer.verbose(&tr!(
        printer.lang,
        "cache: hit, {left_text} left",
        "缓存：命中，剩余 {left_text}"
    ));
    Obtained {
        access_token: entry.access_token.clone(),
        expires_in: left,
        expires_at: entry.expires_at,
        source: "cache",
    }
}

/// The result: the token alone, or the JSON document.
fn print_token(printer: &Printer, got: &Obtained, endpoint: Endpoint) -> Result<u8, Failure> {
    if printer.json {
        printer.result_token_json(
            &json!({
                "access_token": "",
                "expires_in": got.expires_in,
                "expires_at": time::rfc3339(got.expires_at),
                "source": got.source,
                "endpoint": endpoint.name(),
                "platform": endpoint.platform_name(),
            }),
            &got.access_token,
        )?;
    } else {
        printer.result_token(&got.access_token)?;
    }
    Ok(0)
}
