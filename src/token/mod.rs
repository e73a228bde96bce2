//! The token core: how a token is obtained, kept and shared. A command settles a [`Plan`] (which
//! endpoint, where the token is kept, how much life it must have left) and an [`Access`] (the
//! secret and a client to fetch with, or a reader's key without the secret), and [`obtain`]
//! turns them into a token or a typed failure; a token the user gives is read by [`given`].
//! No command-line type enters here.

pub mod cache;
pub mod failure_record;
pub mod given;
pub mod held;
pub mod keeper;
mod keepers;
mod locked_fetch;
pub mod plan;
pub mod reader;
pub mod store;
pub mod ticket;

use crate::error::Failure;
use crate::net::client::Client;
use crate::output::Printer;
use crate::platform::Endpoint;
use crate::wechat::credentials::Credentials;
use crate::wechat::token_api;
use cache::{Cache, Unusable};
use keepers::Wanted;
use locked_fetch::Run;
use plan::{Obtained, Plan, fresh};
use reader::Reader;

/// How the token is had.
pub enum Access {
    /// Fetched with the secret through this client (or served from where it is kept).
    Fetch { creds: Credentials, client: Client },
    /// Served from where a refresher keeps it, without the secret (`--no-fetch`).
    Read(Reader),
}

/// The token for `plan` through `access`: the one entry point every command gets a token from.
pub fn obtain(plan: &Plan, access: &Access, printer: &Printer) -> Result<Obtained, Failure> {
    match access {
        Access::Read(reader) => reader::serve(plan, reader, printer),
        Access::Fetch { creds, client } => fetch_with(plan, creds, client, printer),
    }
}

/// A token from where it is kept, or fetched with `creds` through `client` (under the keeper's
/// lock where one is used): [`obtain`] for a client the caller goes on using.
pub fn fetch_with(
    plan: &Plan,
    creds: &Credentials,
    client: &Client,
    printer: &Printer,
) -> Result<Obtained, Failure> {
    let Some(req) = token_api::token_request(client, creds, plan.endpoint, plan.force_refresh)
    else {
        return Err(token_api::not_a_token_endpoint(plan.endpoint));
    };
    keep(plan, creds, client, printer, &|| {
        token_api::fetch_token(client, &req, printer)
    })
}

/// A ticket of `plan.endpoint` (the app's, by `creds`) from where it is kept, or fetched by
/// `fetch` (with a token) under the keeper's lock: one ticket fetch for every run that shares
/// the keeper.
pub fn ticket_with(
    plan: &Plan,
    creds: &Credentials,
    client: &Client,
    printer: &Printer,
    fetch: &dyn Fn() -> Result<token_api::Token, Failure>,
) -> Result<Obtained, Failure> {
    keep(plan, creds, client, printer, fetch)
}

/// What is kept for `plan` (a token or a ticket), or what `fetch` gets, kept there.
fn keep(
    plan: &Plan,
    creds: &Credentials,
    client: &Client,
    printer: &Printer,
    fetch: &dyn Fn() -> Result<token_api::Token, Failure>,
) -> Result<Obtained, Failure> {
    let endpoint = plan.endpoint;
    let run = Run {
        force_refresh: plan.force_refresh,
        rejected: plan.rejected.as_deref(),
        min_ttl: plan.min_ttl,
        client,
        fetch,
        endpoint,
        printer,
    };
    let settings = client.settings();
    let wanted = Wanted {
        endpoint,
        platform: creds.platform,
        appid: &creds.appid,
        agentid: creds.agentid.as_deref(),
        api_base: settings.api_base.as_str(),
        secret: Some(creds.secret.expose()),
        reads_only: false,
        lease: locked_fetch::fetch_budget(client, endpoint),
    };
    if let Some(choice) = &plan.store {
        let (ca_cert, timeout) = (settings.ca_cert.as_deref(), settings.timeout);
        return wanted.in_store(choice, ca_cert, timeout, printer, |slot| run.through(slot));
    }
    if !plan.cache && !plan.force_refresh {
        return Ok(fresh(&fetch()?));
    }
    match usable_cache(plan, creds, printer) {
        Ok(Some(cache)) => run.through(&wanted.in_cache(&cache)),
        Ok(None) => run.uncached(),
        Err(unusable) => {
            // A classic fetch (or a rotation) without the cache's lock is exactly the harm
            // --cache exists to prevent: refuse. A normal-mode stable fetch rotates nothing.
            if plan.cache && (endpoint != Endpoint::StableToken || plan.force_refresh) {
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
    plan: &Plan,
    creds: &Credentials,
    printer: &Printer,
) -> Result<Option<Cache>, Unusable> {
    if crate::wechat::credentials::id_may_be_a_secret(&creds.appid) {
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
    match plan.cache_dir.clone() {
        Some(dir) if plan.cache => Cache::open(dir, printer.lang).map(Some),
        // A force refresh without --cache updates an existing cache, and creates none.
        Some(dir) => Cache::open_existing(dir, printer.lang),
        None if plan.cache => Err(Unusable {
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
