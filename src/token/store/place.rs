//! One token's place in a Redis store: the store connected and the token's slot built, in one
//! place for the refresher and the reader alike.

use std::time::Duration;

use super::StoreChoice;
use super::connection::RedisStore;
use super::layout::{self, Target};
use super::redis::RedisSlot;
use crate::error::Failure;
use crate::output::Printer;
use crate::platform::Platform;

/// A Redis store connected, and the slot of one token in it, handed to `serve`: the one place
/// either is built. `fingerprint` is the secret's, where the run has the secret; `lease` how
/// long a lock taken here is held at most.
pub struct RedisPlace<'a> {
    pub choice: &'a StoreChoice,
    pub target: Target<'a>,
    pub platform: Platform,
    pub ca_cert: Option<&'a std::path::Path>,
    pub timeout: Duration,
    pub fingerprint: Option<String>,
    pub lease: Duration,
}

impl RedisPlace<'_> {
    pub fn serve<T>(
        self,
        printer: &Printer,
        serve: impl FnOnce(&RedisSlot) -> Result<T, Failure>,
    ) -> Result<T, Failure> {
        let (layout, lang) = (self.choice.layout, printer.lang);
        let mut keys = layout::keys(layout, &self.target, lang).map_err(Failure::usage)?;
        if self.choice.url.is_cluster() {
            keys = layout::for_cluster(keys, layout, lang).map_err(Failure::usage)?;
        }
        let store =
            RedisStore::connect(&self.choice.url, self.ca_cert, self.timeout, printer.lang)?;
        let slot = RedisSlot::new(
            &store,
            self.choice.layout,
            keys,
            &self.target,
            self.platform,
            self.fingerprint,
            self.lease,
        );
        let served = serve(&slot);
        drop(slot);
        for note in store.take_notes() {
            printer.warn(&note);
        }
        served
    }
}
