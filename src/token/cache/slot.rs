//! The local cache as a [`Slot`]: one entry, its lock and its failure record.

use std::time::Duration;

use super::{Cache, Entry, Key};
use crate::error::Failure;
use crate::token::keeper::{Held, Slot, Stored, Trouble};

/// One token's entry in a cache directory.
pub struct CacheSlot<'a> {
    pub cache: &'a Cache,
    pub key: Key<'a>,
    /// A `--no-fetch` reader, which has no secret: the entry of any secret is served (for
    /// WeChat Work, whose entry names hold the secret's fingerprint, the newest one).
    pub any_secret: bool,
}

fn stored(entry: &Entry) -> Stored {
    Stored {
        access_token: entry.access_token.clone(),
        expires_at: entry.expires_at,
        fetched_at_ms: Some(entry.fetched_at_ms),
        rotated: entry.rotated,
    }
}

impl Slot for CacheSlot<'_> {
    fn kind(&self) -> &'static str {
        "cache"
    }

    fn location(&self) -> String {
        self.cache.entry_path(&self.key).display().to_string()
    }

    fn read(&self) -> Result<Option<Stored>, Trouble> {
        if !self.any_secret {
            return match self.cache.read(&self.key) {
                Ok(Some(e)) if self.key.matches(&e) => Ok(Some(stored(&e))),
                Ok(_) => Ok(None),
                Err(w) => Err(Trouble::Warn(w.0)),
            };
        }
        let (entries, warnings) = self
            .cache
            .list()
            .map_err(|e| Trouble::Warn(crate::error::io_reason(&e, self.cache.lang())))?;
        let newest = entries
            .iter()
            .filter(|e| {
                e.appid == self.key.appid
                    && e.endpoint == self.key.endpoint.name()
                    && e.api_base == self.key.api_base
                    && (self.key.agentid.is_none() || e.agentid.as_deref() == self.key.agentid)
            })
            .max_by_key(|e| e.expires_at);
        match (newest, warnings.into_iter().next()) {
            (Some(e), _) => Ok(Some(stored(e))),
            (None, Some(w)) => Err(Trouble::Warn(w.0)),
            (None, None) => Ok(None),
        }
    }

    fn lock(&self, wait: Duration) -> Result<Option<Held<'_>>, Trouble> {
        match self.cache.lock(&self.key, wait) {
            Ok(Some(lock)) => Ok(Some(Held::new(lock.waited_since_ms, move || drop(lock)))),
            Ok(None) => Ok(None),
            Err(w) => Err(Trouble::Warn(w.0)),
        }
    }

    // The local lock is a file lock held by the process: it cannot run out under a live run.
    fn write(
        &self,
        _held: Option<&Held>,
        access_token: &str,
        expires_in: u64,
        rotated: bool,
    ) -> Result<bool, Trouble> {
        let entry = self.key.entry(access_token, expires_in, rotated);
        self.cache
            .write(&self.key, &entry)
            .map(|()| true)
            .map_err(|w| Trouble::Warn(w.0))
    }

    fn record_failure(&self, failure: &Failure) -> Result<(), Trouble> {
        self.cache
            .record_failure(&self.key, failure)
            .map_err(|w| Trouble::Warn(w.0))
    }

    fn failure_since(&self, since_ms: u64) -> Option<Failure> {
        self.cache.failure_since(&self.key, since_ms)
    }
}
