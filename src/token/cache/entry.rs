//! What the cache holds: entries (a token, its expiry, a fingerprint of the secret, never the
//! secret), the key they are looked up by, and the failure records waiting runs read.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::layout::{entry_name, lock_name, sha256_hex};
use crate::lang::Lang;
use crate::platform::Endpoint;
use crate::time;
use crate::wechat::response::{MAX_EXPIRES_IN, expires_in_problem, token_problem};

pub(super) const FORMAT: u32 = 1;

/// One cached token. The secret itself is never stored, only a fingerprint of it.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Entry {
    pub format: u32,
    pub appid: String,
    pub endpoint: String,
    pub api_base: String,
    /// Salted SHA-256 prefix of appid and secret: a changed secret is a miss.
    pub secret_fingerprint: String,
    pub access_token: String,
    /// Absolute unix time the token expires.
    pub expires_at: u64,
    /// Absolute unix time it was fetched.
    pub fetched_at: u64,
    /// The same in milliseconds: tells a rotation that finished while a run waited.
    #[serde(default)]
    pub fetched_at_ms: u64,
    /// Whether this token came from a `--force-refresh` (a rotation), not a normal fetch.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub rotated: bool,
    /// WeChat Work's AgentId, when given: a label.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub agentid: Option<String>,
}

impl Entry {
    /// The lock this entry's token is fetched under.
    pub(super) fn lock_file(&self) -> String {
        lock_name(&self.appid, &self.endpoint, &self.secret_fingerprint)
    }

    /// The file name this entry belongs under (its content must match its name).
    pub(super) fn file_name(&self) -> String {
        entry_name(
            &self.appid,
            &self.endpoint,
            &self.api_base,
            &self.secret_fingerprint,
        )
    }

    /// Seconds left, 0 when expired.
    pub fn remaining(&self, now: u64) -> u64 {
        self.expires_at.saturating_sub(now)
    }

    /// Why this entry cannot be trusted, if it cannot: checked like a network answer.
    pub(super) fn problem(&self, lang: Lang) -> Option<String> {
        if self.format != FORMAT {
            return Some(format!("format {} is not {FORMAT}", self.format));
        }
        if let Some(why) = token_problem(&self.access_token) {
            return Some(why.say(lang).to_string());
        }
        if Endpoint::from_name(&self.endpoint).is_none() {
            return Some(lang.pick("unknown endpoint", "未知的接口").into());
        }
        let lifetime = self.expires_at.checked_sub(self.fetched_at);
        match lifetime {
            None => Some(
                lang.pick("it expires before it was fetched", "过期时间早于获取时间")
                    .into(),
            ),
            Some(n) if n > MAX_EXPIRES_IN => expires_in_problem(n, lang),
            Some(_) if self.fetched_at > time::now_unix() + MAX_EXPIRES_IN => Some(
                lang.pick("it was fetched in the future", "获取时间在未来")
                    .into(),
            ),
            Some(_) => None,
        }
    }
}

/// The fingerprint kept in an entry: 16 hex digits of a salted SHA-256 of appid and secret.
pub fn fingerprint(appid: &str, secret: &str) -> String {
    sha256_hex(&["wxtoken cache v1", appid, secret])[..16].to_string()
}

/// What a cache lookup is for.
pub struct Key<'a> {
    pub appid: &'a str,
    pub endpoint: Endpoint,
    pub api_base: &'a str,
    pub fingerprint: String,
    /// WeChat Work's AgentId: a label, kept in the entry for `cache list`.
    pub agentid: Option<&'a str>,
}

impl Key<'_> {
    pub(super) fn lock_file(&self) -> String {
        lock_name(self.appid, self.endpoint.name(), &self.fingerprint)
    }

    pub(super) fn name(&self) -> String {
        entry_name(
            self.appid,
            self.endpoint.name(),
            self.api_base,
            &self.fingerprint,
        )
    }

    pub(super) fn matches(&self, entry: &Entry) -> bool {
        entry.appid == self.appid
            && entry.endpoint == self.endpoint.name()
            && entry.api_base == self.api_base
            && entry.secret_fingerprint == self.fingerprint
    }

    pub fn entry(&self, access_token: &str, expires_in: u64, rotated: bool) -> Entry {
        let now_ms = time::now_unix_ms();
        let now = now_ms / 1000;
        Entry {
            format: FORMAT,
            appid: self.appid.to_string(),
            endpoint: self.endpoint.name().to_string(),
            api_base: self.api_base.to_string(),
            secret_fingerprint: self.fingerprint.clone(),
            access_token: access_token.to_string(),
            expires_at: now.saturating_add(expires_in.min(MAX_EXPIRES_IN)),
            fetched_at: now,
            fetched_at_ms: now_ms,
            agentid: self.agentid.map(str::to_string),
            rotated,
        }
    }
}

/// A failure that a lock holder left for the runs that waited on it.
#[derive(Debug, Serialize, Deserialize)]
pub(super) struct FailureRecord {
    pub(super) format: u32,
    pub(super) secret_fingerprint: String,
    pub(super) written_at_ms: u64,
    /// The failure's JSON document, masked.
    pub(super) document: Value,
}

/// Seconds as `1h 23m 45s`.
pub fn human_duration(secs: u64) -> String {
    let (h, m, s) = (secs / 3600, secs % 3600 / 60, secs % 60);
    match (h, m) {
        (0, 0) => format!("{s}s"),
        (0, _) => format!("{m}m {s:02}s"),
        _ => format!("{h}h {m:02}m {s:02}s"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_an_entry_may_hold() {
        let key = Key {
            appid: "wx1",
            endpoint: Endpoint::Token,
            api_base: "b",
            fingerprint: "f".into(),
            agentid: None,
        };
        let mut e = key.entry("T", 1000, false);
        assert!(key.matches(&e));
        let other = Key {
            fingerprint: "g".into(),
            ..key
        };
        assert!(!other.matches(&e), "changed secret");
        assert!(e.problem(Lang::En).is_none());
        e.expires_at = u64::MAX;
        assert!(
            e.problem(Lang::En).is_some(),
            "a lifetime over a day is not served"
        );
        e.expires_at = e.fetched_at + 10;
        e.access_token = "a\u{1b}[31m".into();
        assert!(e.problem(Lang::En).is_some(), "control characters");
    }

    #[test]
    fn durations() {
        assert_eq!(human_duration(5), "5s");
        assert_eq!(human_duration(65), "1m 05s");
        assert_eq!(human_duration(7199), "1h 59m 59s");
    }
}
