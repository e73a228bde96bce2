//! Where a token is kept between runs, as the token core sees it: one slot per token, read,
//! locked, written, and left a failure for the runs waiting on the lock. The local cache
//! (`cache/`) and the Redis store (`store/`) are the two keepers; `locked_fetch.rs` drives them.

use std::time::Duration;

use crate::error::Failure;

/// A token kept in a cache or store.
#[derive(Debug, Clone)]
pub struct Stored {
    pub access_token: String,
    /// Absolute unix time it expires (for an SDK's key: when the SDK stops using it).
    pub expires_at: u64,
    /// When it was fetched, in milliseconds, where the layout keeps it.
    pub fetched_at_ms: Option<u64>,
    /// Whether it came from a `--force-refresh`.
    pub rotated: bool,
}

impl Stored {
    pub fn remaining(&self, now: u64) -> u64 {
        self.expires_at.saturating_sub(now)
    }
}

/// Something went wrong with a cache or store.
pub enum Trouble {
    /// The local cache: an entry or file cannot be used; the run goes on without it where that
    /// is safe.
    Warn(String),
    /// The store cannot be used at all (unreachable, refusing, answering garbage): exit 11,
    /// never a fallback to fetching around it.
    Fail(Failure),
}

/// A held lock: released when dropped.
pub struct Held<'a> {
    /// Another run held it when this one asked: what that run stored or recorded since then is
    /// this run's to share.
    pub waited_since_ms: Option<u64>,
    /// The lock's value where the keeper can lose it (a store's lease): a write goes through
    /// only while the lock still holds it.
    pub fence: Option<String>,
    release: Option<Box<dyn FnOnce() + 'a>>,
}

impl<'a> Held<'a> {
    pub fn new(waited_since_ms: Option<u64>, release: impl FnOnce() + 'a) -> Held<'a> {
        Held {
            waited_since_ms,
            fence: None,
            release: Some(Box::new(release)),
        }
    }

    /// The same lock, whose writes are fenced by `value`.
    pub fn fenced(mut self, value: String) -> Held<'a> {
        self.fence = Some(value);
        self
    }
}

impl Drop for Held<'_> {
    fn drop(&mut self) {
        if let Some(release) = self.release.take() {
            release();
        }
    }
}

/// Where one token is kept.
pub trait Slot {
    /// `cache` or `store`: the JSON `source` of a token served from here, and the word in
    /// messages.
    fn kind(&self) -> &'static str;
    /// Where it is (a path, or the store's masked URL and key), for `-v` and messages.
    fn location(&self) -> String;
    /// The token kept here: `Ok(None)` when there is none (or it belongs to another secret).
    fn read(&self) -> Result<Option<Stored>, Trouble>;
    /// Take the lock, waiting at most `wait` (a store also until the holder's lease can have
    /// run out). `Ok(None)`: the wait ran out.
    fn lock(&self, wait: Duration) -> Result<Option<Held<'_>>, Trouble>;
    /// Keep a token; under `held` (the lock this run took), only while that lock is still this
    /// run's, checked in the same atomic step as the write. `Ok(false)`: the lock was no longer
    /// this run's (its lease ran out while it was stalled, and another run may have stored a
    /// newer token since), and nothing was written.
    fn write(
        &self,
        held: Option<&Held>,
        access_token: &str,
        expires_in: u64,
        rotated: bool,
    ) -> Result<bool, Trouble>;
    /// Leave `failure` (masked) for the runs waiting on the lock.
    fn record_failure(&self, failure: &Failure) -> Result<(), Trouble>;
    /// The failure a lock holder recorded at or after `since_ms`.
    fn failure_since(&self, since_ms: u64) -> Option<Failure>;
}
