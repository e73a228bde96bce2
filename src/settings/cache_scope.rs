//! Where `cache list` and `cache clear` work, settled from their options: a Redis store (with
//! how to reach it) or the local cache directory.

use std::path::PathBuf;
use std::time::Duration;

use crate::cli::CacheScope;
use crate::error::Failure;
use crate::lang::Lang;
use crate::net::connection::parse_timeout;
use crate::platform::Platform;
use crate::token::store::StoreChoice;

/// What `cache list` and `cache clear` work on.
pub enum Scope {
    /// A Redis store instead of the local cache.
    Store {
        choice: Box<StoreChoice>,
        platform: Platform,
        ca_cert: Option<PathBuf>,
        timeout: Duration,
    },
    /// The local cache directory (`--cache-dir`, WXTOKEN_CACHE_DIR, else under
    /// XDG_CACHE_HOME or HOME); `None` when nothing names one.
    Dir(Option<PathBuf>),
}

/// The scope the options name; a bad store URL or timeout is a usage error.
pub fn settle(scope: &CacheScope, lang: Lang) -> Result<Scope, Failure> {
    let platform = scope.platform.get();
    Ok(match super::store_choice(&scope.store, platform, lang)? {
        Some(choice) => Scope::Store {
            choice: Box::new(choice),
            platform,
            ca_cert: scope.ca.ca_cert.clone(),
            timeout: parse_timeout(&scope.store_timeout.timeout, lang)?,
        },
        None => Scope::Dir(super::cache_dir(&scope.dir)),
    })
}
