//! `fetch --no-fetch`: a reader of what a refresher keeps (in a Redis store, or in a local cache
//! directory it shares with its group). It never contacts WeChat and never holds the secret.

use std::path::PathBuf;
use std::time::Duration;

use super::cache::{self, Cache};
use super::keepers::Wanted;
use super::locked_fetch::serve_only;
use super::plan::{Obtained, Plan};
use crate::error::Failure;
use crate::output::Printer;
use crate::platform::{Endpoint, Platform};
use crate::wechat::credentials::Credentials;

/// Who reads: the key of the token without its secret, and how to reach where it is kept.
pub struct Reader {
    pub platform: Platform,
    pub appid: String,
    pub agentid: Option<String>,
    /// The API base the token is for (the local cache's entries are per API base).
    pub api_base: String,
    pub ca_cert: Option<PathBuf>,
    pub timeout: Duration,
    /// powerwechat's store key is an MD5 of appid and secret: only there is the secret read,
    /// and it is sent nowhere.
    pub creds: Option<Credentials>,
    /// `--cache-owner`: whose local cache directory is trusted besides this user's and root's.
    pub cache_owner: Option<u32>,
}

pub(super) fn serve(plan: &Plan, reader: &Reader, printer: &Printer) -> Result<Obtained, Failure> {
    let failure = match serve_endpoint(plan, plan.endpoint, reader, printer) {
        Ok(got) => return Ok(got),
        Err(f) if f.exit_code() != crate::error::code::STORE => return Err(f),
        Err(f) => f,
    };
    // A reader that misses where the refresher keeps the other endpoint's token (the classic
    // one, the stable one) is told so: the two must agree.
    let (other, hint) = match plan.endpoint {
        Endpoint::Token => (
            Endpoint::StableToken,
            printer.t(
                "the refresher keeps a stable token there, not a classic one: add --stable, as the refresher has it",
                "刷新方在那里保存的是 stable token 而不是普通 token：请像刷新方一样加上 --stable",
            ),
        ),
        Endpoint::StableToken => (
            Endpoint::Token,
            printer.t(
                "the refresher keeps a classic token there, not a stable one: leave out --stable, or give the refresher --stable",
                "刷新方在那里保存的是普通 token 而不是 stable token：请去掉 --stable，或给刷新方加上 --stable",
            ),
        ),
        _ => return Err(failure),
    };
    let mut silent = printer.clone();
    (silent.quiet, silent.verbose) = (true, false);
    if serve_endpoint(plan, other, reader, &silent).is_ok() {
        return Err(Failure::store(failure.message(), true).with_hint(hint));
    }
    Err(failure)
}

/// [`serve`] for `endpoint`'s token.
fn serve_endpoint(
    plan: &Plan,
    endpoint: Endpoint,
    reader: &Reader,
    printer: &Printer,
) -> Result<Obtained, Failure> {
    let lang = printer.lang;
    let wanted = Wanted {
        endpoint,
        platform: reader.platform,
        appid: &reader.appid,
        agentid: reader.agentid.as_deref(),
        api_base: &reader.api_base,
        secret: reader.creds.as_ref().map(|c| c.secret.expose()),
        reads_only: true,
        lease: Duration::ZERO,
    };
    if let Some(choice) = &plan.store {
        let (ca_cert, timeout) = (reader.ca_cert.as_deref(), reader.timeout);
        return wanted.in_store(choice, ca_cert, timeout, printer, |slot| {
            serve_only(slot, endpoint, plan.min_ttl, printer)
        });
    }
    let Some(dir) = plan.cache_dir.clone() else {
        return Err(Failure::usage(cache::no_dir_message(lang)));
    };
    let shown = crate::redact::sanitize(&dir.display().to_string());
    let cache = match Cache::open_for_reading(dir, reader.cache_owner, lang) {
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
    serve_only(&wanted.in_cache(&cache), endpoint, plan.min_ttl, printer)
}
