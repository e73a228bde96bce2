//! What a command wants of a token (a [`Plan`]), and what it gets ([`Obtained`]).

use std::path::PathBuf;

use crate::error::Failure;
use crate::output::Printer;
use crate::platform::Endpoint;
use crate::time;
use crate::token::store::StoreChoice;
use crate::tr;
use crate::wechat::token_api::Token;

/// `--min-ttl` when not given.
pub const DEFAULT_MIN_TTL: u64 = 300;
/// The longest a token lives (classic and stable): a `--min-ttl` of that or more never reuses.
pub const MAX_LIFETIME: u64 = 7200;

/// A token, and where it came from.
pub struct Obtained {
    pub access_token: String,
    pub expires_in: u64,
    pub expires_at: u64,
    /// `network`, `cache` or `store`.
    pub source: &'static str,
}

/// What a command wants of a token (or a ticket): where from, where it is kept, and how fresh.
#[derive(Clone)]
pub struct Plan {
    pub endpoint: Endpoint,
    /// `--cache`: keep it in the local cache (created if need be).
    pub cache: bool,
    /// The cache directory, as settled (`--cache-dir`, WXTOKEN_CACHE_DIR, else under
    /// XDG_CACHE_HOME or HOME); `None` when nothing names one.
    pub cache_dir: Option<PathBuf>,
    /// `--store`: keep it in a Redis store instead.
    pub store: Option<StoreChoice>,
    /// The least life, in seconds, a kept token must have left to be served.
    pub min_ttl: u64,
    /// `--force-refresh`: rotate the stable token (and replace what is kept).
    pub force_refresh: bool,
    /// `--rejected`: this token was rejected (errcode 40001, 42001): fetch anew, under the
    /// keeper's lock, only while the keeper still holds it; else serve what it holds.
    pub rejected: Option<String>,
}

/// `--min-ttl`: only where a token is kept; a value a token never reaches is warned about.
pub fn min_ttl(given: Option<u64>, kept: bool, printer: &Printer) -> Result<u64, Failure> {
    match given {
        Some(_) if !kept => Err(Failure::usage(printer.t(
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

/// A token just fetched.
pub(crate) fn fresh(token: &Token) -> Obtained {
    Obtained {
        access_token: token.access_token.clone(),
        expires_in: token.expires_in,
        expires_at: time::now_unix().saturating_add(token.expires_in),
        source: "network",
    }
}
