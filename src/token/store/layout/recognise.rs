//! Which keys of a store are whose: the patterns that find every token and ticket key of a
//! layout (`cache list`), and a key told to be an app's token key (`cache clear --appid`).
//! Read off the naming in `layout` itself.

use super::{Keys, Layout, Target, expiry_key, keys};
use crate::lang::Lang;
use crate::platform::{Endpoint, Platform};

/// Whether `key` is a token key the naming function ([`keys`]) gives `appid` on `platform`:
/// for any of its endpoints, without an AgentId or with the one the key ends in. Exact: a key
/// is never taken for an app's because it contains or ends with its appid.
pub fn is_token_key_of(
    layout: Layout,
    prefix: &str,
    platform: Platform,
    appid: &str,
    key: &str,
    lang: Lang,
) -> bool {
    let endpoints: &[Endpoint] = match platform {
        Platform::Mp => &[
            Endpoint::Token,
            Endpoint::StableToken,
            Endpoint::JsapiTicket,
            Endpoint::CardTicket,
        ],
        Platform::Wecom => &[
            Endpoint::WecomToken,
            Endpoint::CorpTicket,
            Endpoint::AgentTicket,
        ],
    };
    let agent = key
        .rsplit([':', '_'])
        .next()
        .filter(|a| !a.is_empty() && a.bytes().all(|b| b.is_ascii_digit()));
    endpoints.iter().any(|&endpoint| {
        [None, agent].into_iter().any(|agentid| {
            let target = Target {
                endpoint,
                appid,
                agentid,
                secret: None,
                prefix,
            };
            keys(layout, &target, lang).is_ok_and(|k| k.token == key)
        })
    })
}

/// The key patterns (`SCAN MATCH`) of every token and ticket key of `layout` with `prefix`.
pub fn key_patterns(layout: Layout, prefix: &str) -> Vec<String> {
    let p = glob_escape(prefix);
    match layout {
        Layout::Wxtoken => vec![format!("{p}:token:*")],
        Layout::SilenceperGo => vec![
            format!("{p}_*access_token_*"),
            format!("{p}_*jsapi_ticket_*"),
        ],
        Layout::Wxjava => vec![
            format!("{p}:*access_token*"),
            format!("{p}:ticket:key:*"),
            format!("{p}:wechat_cp_*jsapi_ticket_key:*"),
        ],
        Layout::Wechatpy => vec![
            format!("{p}:*_access_token"),
            format!("{p}:*_jsapi_ticket"),
            format!("{p}:*_jsapi_card_ticket"),
        ],
        Layout::Powerwechat => vec![
            format!("{p}.access_token.*"),
            format!("{p}.basic_service.jssdk.ticket.*"),
        ],
    }
}

fn glob_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(c, '*' | '?' | '[' | ']' | '\\') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// The keys to read a token key a scan found (`cache list`): the key, and its expiry's where
/// the layout keeps one apart; no lock, nothing is written.
pub fn found_keys(layout: Layout, token_key: &str) -> Keys {
    Keys {
        expires_at: expiry_key(layout, token_key),
        token: token_key.to_string(),
        lock: String::new(),
        failed: String::new(),
        owner: None,
    }
}

/// A token key as `cache list` shows it: PowerWeChat's MD5 of appid and secret left out.
pub fn shown_key(layout: Layout, key: &str) -> String {
    match (layout, key.rsplit_once('.')) {
        (Layout::Powerwechat, Some((p, _))) if p.ends_with(".access_token") => {
            format!("{}.<md5>", crate::redact::sanitize(p))
        }
        _ => crate::redact::sanitize(key),
    }
}
