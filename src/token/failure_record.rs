//! A failure another run recorded for the runs that waited on its lock (in the cache or the
//! store), read back from its JSON document, which a cache directory's group or a store's other
//! users could have written: untrusted. Only its kind, errcode, errmsg, HTTP status and
//! retryable flag are read (each bounded); a WeChat errcode is explained afresh by the catalogue
//! of the platform, and every exit code comes from this binary's table, never from the record.
//! Escaping what is shown is the output's (`output::streams::write_stderr_pieces`). The record is
//! written as [`Failure::to_json_document`] makes it.

use serde_json::Value;

use crate::error::Failure;
use crate::lang::Lang;
use crate::platform::Platform;
use crate::wechat::catalog;

/// The failure in a record, or `None` for a record that is not a holder's.
pub fn read(doc: &Value, platform: Platform, lang: Lang) -> Option<Failure> {
    /// Longer texts are cut: a record is a few hundred bytes.
    const MAX_TEXT: usize = 1024;
    let e = doc.get("error")?;
    let text = |k: &str| {
        e.get(k)
            .and_then(Value::as_str)
            .map(|s| s.chars().take(MAX_TEXT).collect::<String>())
    };
    let message = text("message")?;
    let hints: Vec<String> = text("hint")
        .map(|h| h.lines().take(8).map(str::to_string).collect())
        .unwrap_or_default();
    let retryable = e.get("retryable").and_then(Value::as_bool).unwrap_or(false);
    Some(match text("kind")?.as_str() {
        "network" => Failure::Network {
            message,
            hints,
            retryable,
        },
        "response" => Failure::Response {
            message,
            hints,
            http_status: e
                .get("http_status")
                .and_then(Value::as_u64)
                .and_then(|s| u16::try_from(s).ok()),
        },
        "store" => Failure::Store {
            message,
            hints,
            retryable,
        },
        "wechat" => {
            let errcode = e.get("errcode").and_then(Value::as_i64)?;
            let errmsg = text("errmsg");
            catalog::explain(
                platform,
                catalog::Context::Fetch,
                errcode,
                errmsg.as_deref(),
                lang,
            )
            .into_failure(lang)
        }
        // A fetch fails in none of the other ways: such a record is not a holder's, and the
        // waiting run goes on to fetch for itself.
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::wechat::catalog::Context;
    use serde_json::json;

    #[test]
    fn a_failure_survives_its_record() {
        let wechat = catalog::explain(Platform::Mp, Context::Fetch, 40164, None, Lang::En)
            .into_failure(Lang::En);
        for f in [
            wechat,
            Failure::network("n").permanent().with_hint("h"),
            Failure::store("s", true),
        ] {
            let back = read(&f.to_json_document(), Platform::Mp, Lang::En).unwrap();
            assert_eq!(back.exit_code(), f.exit_code());
            assert_eq!(back.message(), f.message());
            assert_eq!(back.hints(), f.hints());
            assert_eq!(back.retryable(), f.retryable());
        }
    }

    #[test]
    fn a_planted_record_decides_no_exit_code() {
        // A record claims success, or a code of its choosing: the local table decides.
        let planted = |kind: &str, extra: Value| {
            let mut doc = json!({ "error": { "kind": kind, "message": "m" }, "exit_code": 0 });
            for (k, v) in extra.as_object().unwrap() {
                doc["error"][k] = v.clone();
            }
            read(&doc, Platform::Mp, Lang::En)
        };
        let w = planted("wechat", json!({ "errcode": 40164, "message": "all good" })).unwrap();
        assert_eq!(w.exit_code(), 7);
        assert!(
            !w.message().contains("all good"),
            "rebuilt from the catalogue"
        );
        assert_eq!(planted("network", json!({})).unwrap().exit_code(), 3);
        assert_eq!(planted("store", json!({})).unwrap().exit_code(), 11);
        for kind in ["exec", "usage", "internal", "other"] {
            assert!(planted(kind, json!({})).is_none(), "{kind}");
        }
        assert!(planted("wechat", json!({})).is_none(), "no errcode");
        let long = "x".repeat(10_000);
        let f = planted("network", json!({ "message": long })).unwrap();
        assert!(f.message().len() <= 1024);
    }
}
