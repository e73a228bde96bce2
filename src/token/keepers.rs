//! The one constructor of the keepers: a token's place in a Redis store or in the local cache,
//! built from what the run knows of the token ([`Wanted`]), for a refresher (with the secret:
//! it may fetch, write and lock) and a `--no-fetch` reader (without it) alike.

use std::path::Path;
use std::time::Duration;

use super::cache::slot::CacheSlot;
use super::cache::{self, Cache, Key};
use super::keeper::Slot;
use super::store::StoreChoice;
use super::store::layout::Target;
use super::store::place::RedisPlace;
use crate::error::Failure;
use crate::output::Printer;
use crate::platform::{Endpoint, Platform};

/// What the run knows of the token it wants kept.
pub struct Wanted<'a> {
    pub endpoint: Endpoint,
    pub platform: Platform,
    pub appid: &'a str,
    pub agentid: Option<&'a str>,
    /// The API base the token is for (the local cache's entries are per API base).
    pub api_base: &'a str,
    /// The secret, where the run has it (a reader has it only for PowerWeChat's key, an MD5
    /// of appid and secret, and sends it nowhere).
    pub secret: Option<&'a str>,
    /// A reader: it serves what is kept and never writes, so it matches no secret's
    /// fingerprint (the entry of any secret is served).
    pub reads_only: bool,
    /// How long a lock taken for a fetch is held at most.
    pub lease: Duration,
}

impl Wanted<'_> {
    /// The fingerprint of the secret that a refresher's entries carry.
    fn fingerprint(&self) -> Option<String> {
        match (self.reads_only, self.secret) {
            (false, Some(secret)) => Some(cache::fingerprint(self.appid, secret)),
            _ => None,
        }
    }

    /// The token's slot in the store `choice` names, connected with `ca_cert` and within
    /// `timeout`, handed to `serve`.
    pub fn in_store<T>(
        &self,
        choice: &StoreChoice,
        ca_cert: Option<&Path>,
        timeout: Duration,
        printer: &Printer,
        serve: impl FnOnce(&dyn Slot) -> Result<T, Failure>,
    ) -> Result<T, Failure> {
        let place = RedisPlace {
            choice,
            target: Target {
                endpoint: self.endpoint,
                appid: self.appid,
                agentid: self.agentid,
                secret: self.secret,
                prefix: &choice.prefix,
            },
            platform: self.platform,
            ca_cert,
            timeout,
            fingerprint: self.fingerprint(),
            lease: if self.reads_only {
                Duration::ZERO
            } else {
                self.lease
            },
        };
        place.serve(printer, |slot| serve(slot))
    }

    /// The token's entry in `cache`.
    pub fn in_cache<'a>(&'a self, cache: &'a Cache) -> CacheSlot<'a> {
        CacheSlot {
            cache,
            key: Key {
                appid: self.appid,
                endpoint: self.endpoint,
                api_base: self.api_base,
                fingerprint: self.fingerprint().unwrap_or_default(),
                agentid: self.agentid,
            },
            any_secret: self.reads_only,
        }
    }
}
