//! `cache list --store` and `cache clear --store`: the tokens a Redis store keeps in one layout
//! (never a token itself), and removing wxtoken's, or one app's.

use std::time::Duration;

use serde_json::json;

use crate::error::Failure;
use crate::error::code;
use crate::output::Printer;
use crate::platform::Platform;
use crate::time;
use crate::token::store::StoreChoice;
use crate::token::store::connection::RedisStore;
use crate::token::store::layout::{self, Layout};
use crate::token::store::value::{self, Raw};
use crate::tr;

/// The listing's bound, in `--timeout`s (each command's bound).
const LISTING_TIMEOUTS: u32 = 3;

struct Row {
    /// The key as shown (powerwechat's MD5 is not).
    key: String,
    appid: Option<String>,
    endpoint: Option<String>,
    expires_at: Option<u64>,
}

fn rows(
    store: &RedisStore,
    choice: &StoreChoice,
    timeout: Duration,
    printer: &Printer,
) -> Result<Vec<(String, Row)>, Failure> {
    let now = time::now_unix();
    let mut rows = Vec::new();
    for key in store.token_keys(choice.layout, &choice.prefix, timeout * LISTING_TIMEOUTS)? {
        let keys = layout::recognise::found_keys(choice.layout, &key);
        let raw: Raw = store.raw(&keys)?;
        match value::decode(choice.layout, &raw, now, printer.lang) {
            Ok(Some(d)) => {
                let own = d.own.as_ref();
                rows.push((
                    key.clone(),
                    Row {
                        key: layout::recognise::shown_key(choice.layout, &key),
                        appid: own.map(|v| v.appid.clone()),
                        endpoint: own.map(|v| v.endpoint.clone()),
                        expires_at: Some(d.expires_at),
                    },
                ));
            }
            Ok(None) => {}
            Err(why) => {
                let shown = layout::recognise::shown_key(choice.layout, &key);
                printer.warn(&tr!(
                    printer.lang,
                    "ignoring the value at {shown}: {why}",
                    "忽略 {shown} 处的值：{why}"
                ));
            }
        }
    }
    Ok(rows)
}

pub fn list(
    choice: &StoreChoice,
    ca_cert: Option<&std::path::Path>,
    timeout: Duration,
    printer: &Printer,
) -> Result<u8, Failure> {
    let store = RedisStore::connect(&choice.url, ca_cert, timeout, printer.lang)?;
    let rows = rows(&store, choice, timeout, printer)?;
    let now = time::now_unix();
    if printer.json {
        let entries: Vec<_> = rows
            .iter()
            .map(|(_, r)| {
                json!({
                    "key": r.key,
                    "appid": r.appid,
                    "endpoint": r.endpoint,
                    "expires_at": r.expires_at.map(time::rfc3339),
                    "expires_in": r.expires_at.map(|at| at.saturating_sub(now)),
                })
            })
            .collect();
        printer.result_json(&json!({
            "store": store.shown,
            "layout": choice.layout.name(),
            "entries": entries,
        }))?;
    } else if rows.is_empty() {
        let (shown, layout) = (&store.shown, choice.layout.name());
        printer.info(&tr!(
            printer.lang,
            "no tokens of the {layout} layout in {shown}",
            "{shown} 中没有 {layout} 布局的 token"
        ));
    } else {
        let mut table = vec![vec![
            "KEY".to_string(),
            "EXPIRES_AT".to_string(),
            "REMAINING".to_string(),
        ]];
        for (_, r) in &rows {
            let left = r.expires_at.map_or(0, |at| at.saturating_sub(now));
            table.push(vec![
                r.key.clone(),
                r.expires_at.map(time::rfc3339).unwrap_or_default(),
                crate::token::cache::human_duration(left),
            ]);
        }
        printer.table(&table, &[0])?; // KEY
    }
    Ok(code::OK)
}

pub fn clear(
    choice: &StoreChoice,
    platform: Platform,
    appid: Option<&str>,
    ca_cert: Option<&std::path::Path>,
    timeout: Duration,
    printer: &Printer,
) -> Result<u8, Failure> {
    let layout = choice.layout;
    if layout.shared_namespace() && appid.is_none() {
        let name = layout.name();
        return Err(Failure::usage(tr!(
            printer.lang,
            "the {name} layout's keys may belong to apps that are not wxtoken's: name the app whose token to remove with --appid",
            "{name} 布局的键可能属于其他应用：请用 --appid 指定要删除哪个应用的 token"
        )));
    }
    if layout == Layout::Powerwechat {
        return Err(Failure::usage(printer.t(
            "powerwechat's keys are MD5s of appid and secret: wxtoken cannot tell whose they are; remove the key with redis-cli DEL",
            "powerwechat 的键是 appid 与 secret 的 MD5：wxtoken 无法判断属于谁；请用 redis-cli DEL 删除",
        )));
    }
    let store = RedisStore::connect(&choice.url, ca_cert, timeout, printer.lang)?;
    let mut removed = 0u64;
    for key in store.token_keys(layout, &choice.prefix, timeout * LISTING_TIMEOUTS)? {
        // Exact keys only: the ones the key-naming function gives the app.
        let ours = appid.is_none_or(|want| {
            layout::recognise::is_token_key_of(
                layout,
                &choice.prefix,
                platform,
                want,
                &key,
                printer.lang,
            )
        });
        if !ours {
            continue;
        }
        let mut doomed = vec![key.clone()];
        doomed.extend(layout::expiry_key(layout, &key));
        let doomed: Vec<&str> = doomed.iter().map(String::as_str).collect();
        if store.delete(&doomed)? > 0 {
            removed += 1;
        }
    }
    if printer.json {
        printer.result_json(&json!({ "store": store.shown, "removed": removed }))?;
    } else {
        let (s, shown) = (if removed == 1 { "" } else { "s" }, &store.shown);
        printer.info(&tr!(
            printer.lang,
            "removed {removed} stored token{s} from {shown}",
            "已从 {shown} 删除 {removed} 个存储的 token"
        ));
    }
    Ok(code::OK)
}
