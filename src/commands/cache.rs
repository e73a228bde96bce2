//! `wxtoken cache list` and `wxtoken cache clear`: what is cached, never the token itself.

use std::path::PathBuf;

use serde_json::json;

use crate::cli::CacheCommand;
use crate::error::Failure;
use crate::error::code;
use crate::lang::Lang;
use crate::output::Printer;
use crate::redact::sanitize;
use crate::time;
use crate::token::cache::{self, Cache};
use crate::tr;

pub fn run(command: &CacheCommand, printer: &Printer) -> Result<u8, Failure> {
    use crate::settings::cache_scope::{self, Scope};
    let appid = match command {
        CacheCommand::List { .. } => None,
        CacheCommand::Clear { appid, .. } => Some(appid.as_deref()),
    };
    match (cache_scope::settle(command.scope(), printer.lang)?, appid) {
        (
            Scope::Store {
                choice,
                ca_cert,
                timeout,
                ..
            },
            None,
        ) => crate::token::store::admin::list(&choice, ca_cert.as_deref(), timeout, printer),
        (
            Scope::Store {
                choice,
                platform,
                ca_cert,
                timeout,
            },
            Some(appid),
        ) => crate::token::store::admin::clear(
            &choice,
            platform,
            appid,
            ca_cert.as_deref(),
            timeout,
            printer,
        ),
        (Scope::Dir(dir), None) => list(dir, printer),
        (Scope::Dir(dir), Some(appid)) => clear(dir, appid, printer),
    }
}

/// The cache directory, if it exists; it must pass the safety checks and carry wxtoken's tag.
fn open(dir: Option<PathBuf>, printer: &Printer) -> Result<(PathBuf, Option<Cache>), Failure> {
    let dir = dir.ok_or_else(|| Failure::usage(cache::no_dir_message(printer.lang)))?;
    let cache =
        Cache::open_existing(dir.clone(), printer.lang).map_err(cache::Unusable::into_failure)?;
    Ok((dir, cache))
}

fn unreadable(dir: &std::path::Path, e: &std::io::Error, lang: Lang) -> Failure {
    let (shown, why) = (
        sanitize(&dir.display().to_string()),
        crate::error::io_reason(e, lang),
    );
    Failure::store(
        tr!(
            lang,
            "cannot read the cache directory {shown}: {why}",
            "无法读取缓存目录 {shown}：{why}"
        ),
        false,
    )
}

fn list(dir: Option<PathBuf>, printer: &Printer) -> Result<u8, Failure> {
    let (dir, cache) = open(dir, printer)?;
    let now = time::now_unix();
    let rows = match &cache {
        None => Vec::new(),
        Some(cache) => {
            let (rows, warnings) = cache
                .list()
                .map_err(|e| unreadable(&dir, &e, printer.lang))?;
            for w in warnings {
                printer.warn(&w.0);
            }
            rows
        }
    };
    if printer.json {
        let entries: Vec<_> = rows
            .iter()
            .map(|e| {
                json!({
                    "appid": e.appid,
                    "agentid": e.agentid,
                    "endpoint": e.endpoint,
                    "api_base": e.api_base,
                    "expires_at": time::rfc3339(e.expires_at),
                    "expires_in": e.remaining(now),
                    "expired": e.remaining(now) == 0,
                })
            })
            .collect();
        printer
            .result_json(&json!({ "cache_dir": dir.display().to_string(), "entries": entries }))?;
    } else if rows.is_empty() {
        let shown = sanitize(&dir.display().to_string());
        printer.info(&tr!(
            printer.lang,
            "no cached tokens in {shown}",
            "{shown} 中没有缓存的 token"
        ));
    } else {
        let header = ["APPID", "ENDPOINT", "EXPIRES_AT", "REMAINING", "API_BASE"];
        let mut table = vec![header.map(String::from).to_vec()];
        for e in &rows {
            let left = e.remaining(now);
            let remaining = if left == 0 {
                printer.t("expired", "已过期").to_string()
            } else {
                cache::human_duration(left)
            };
            table.push(vec![
                match &e.agentid {
                    Some(agent) => format!("{} ({})", sanitize(&e.appid), sanitize(agent)),
                    None => sanitize(&e.appid),
                },
                sanitize(&e.endpoint),
                time::rfc3339(e.expires_at),
                remaining,
                sanitize(&e.api_base),
            ]);
        }
        printer.table(&table, &[4])?; // API_BASE
    }
    Ok(code::OK)
}

fn clear(dir: Option<PathBuf>, appid: Option<&str>, printer: &Printer) -> Result<u8, Failure> {
    let (dir, cache) = open(dir, printer)?;
    let removed = match &cache {
        None => 0,
        Some(cache) => {
            let done = cache
                .clear(appid)
                .map_err(|e| unreadable(&dir, &e, printer.lang))?;
            for w in done.warnings {
                printer.warn(&w.0);
            }
            done.removed
        }
    };
    if printer.json {
        printer
            .result_json(&json!({ "cache_dir": dir.display().to_string(), "removed": removed }))?;
    } else {
        let (s, shown) = (
            if removed == 1 { "" } else { "s" },
            sanitize(&dir.display().to_string()),
        );
        printer.info(&tr!(
            printer.lang,
            "removed {removed} cached token{s} from {shown}",
            "已从 {shown} 删除 {removed} 个缓存的 token"
        ));
    }
    Ok(code::OK)
}
