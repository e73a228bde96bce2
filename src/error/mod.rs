//! Every failure of wxtoken as one typed error, and the one place that turns it into an exit code.

use serde_json::{Value, json};

use crate::platform::Platform;
use crate::wechat::catalog::{self, Explanation};

pub mod code;

/// A WeChat errcode answer, explained (see [`catalog::explain`]).
#[derive(Debug, Clone)]
pub struct WeChatError {
    pub errcode: i64,
    pub errmsg: String,
    pub rid: Option<String>,
    pub ip: Option<String>,
    pub message: String,
    pub hints: Vec<String>,
    pub exit_code: u8,
    pub retryable: bool,
}

impl WeChatError {
    /// The failure for an explained errcode: its hints, then the request id.
    pub fn from_explanation(x: Explanation, lang: crate::lang::Lang) -> WeChatError {
        let mut hints = x.hints;
        hints.extend(
            x.rid
                .as_deref()
                .map(|rid| catalog::rid_hint(rid, x.platform, lang)),
        );
        WeChatError {
            errcode: x.errcode,
            errmsg: x.errmsg.unwrap_or_default(),
            rid: x.rid,
            ip: x.ip,
            message: x.message,
            hints,
            exit_code: x.exit_code,
            retryable: x.retryable,
        }
    }
}

/// One failure, of one of the documented kinds.
#[derive(Debug, Clone)]
pub enum Failure {
    /// Bad or missing arguments or input; always found before any request.
    Usage { message: String, hints: Vec<String> },
    /// DNS, connect, TLS, proxy, timeout. `retryable` is false for what another attempt cannot
    /// mend (a proxy that wants credentials, an untrusted certificate).
    Network {
        message: String,
        hints: Vec<String>,
        retryable: bool,
    },
    /// An answer that is not a usable WeChat answer.
    Response {
        message: String,
        hints: Vec<String>,
        http_status: Option<u16>,
    },
    /// WeChat answered with an errcode.
    WeChat(Box<WeChatError>),
    /// The token store (the cache) cannot be used safely, so nothing was fetched.
    Store {
        message: String,
        hints: Vec<String>,
        retryable: bool,
    },
    /// `exec`: the command to run could not be started (126: found but not runnable; 127: not
    /// found), as a shell reports it.
    Launch {
        message: String,
        hints: Vec<String>,
        code: u8,
    },
    /// The answer at a confirmation prompt was not yes: nothing was done.
    Declined { message: String },
    /// `api --paginate`: `--max-pages` was reached before the last page.
    Pages { message: String },
    /// A bug or an unexpected condition of the machine.
    Internal { message: String },
}

impl Failure {
    pub fn usage(message: impl Into<String>) -> Failure {
        Failure::Usage {
            message: message.into(),
            hints: Vec::new(),
        }
    }

    pub fn network(message: impl Into<String>) -> Failure {
        Failure::Network {
            message: message.into(),
            hints: Vec::new(),
            retryable: true,
        }
    }

    pub fn store(message: impl Into<String>, retryable: bool) -> Failure {
        Failure::Store {
            message: message.into(),
            hints: Vec::new(),
            retryable,
        }
    }

    pub fn declined(message: impl Into<String>) -> Failure {
        Failure::Declined {
            message: message.into(),
        }
    }

    pub fn internal(message: impl Into<String>) -> Failure {
        Failure::Internal {
            message: message.into(),
        }
    }

    /// A network failure that another attempt cannot mend.
    pub fn permanent(mut self) -> Failure {
        if let Failure::Network { retryable, .. } = &mut self {
            *retryable = false;
        }
        self
    }

    /// The same failure with `suffix` added to its message.
    pub fn append_message(mut self, suffix: &str) -> Failure {
        match &mut self {
            Failure::Usage { message, .. }
            | Failure::Network { message, .. }
            | Failure::Response { message, .. }
            | Failure::Store { message, .. }
            | Failure::Launch { message, .. }
            | Failure::Declined { message }
            | Failure::Pages { message }
            | Failure::Internal { message } => message.push_str(suffix),
            Failure::WeChat(w) => w.message.push_str(suffix),
        }
        self
    }

    pub fn with_hint(mut self, hint: impl Into<String>) -> Failure {
        match &mut self {
            Failure::Usage { hints, .. }
            | Failure::Network { hints, .. }
            | Failure::Store { hints, .. }
            | Failure::Launch { hints, .. }
            | Failure::Response { hints, .. } => hints.push(hint.into()),
            Failure::WeChat(w) => w.hints.push(hint.into()),
            Failure::Declined { .. } | Failure::Pages { .. } | Failure::Internal { .. } => {}
        }
        self
    }

    /// The exit code: decided here and nowhere else.
    pub fn exit_code(&self) -> u8 {
        match self {
            Failure::Internal { .. } => code::INTERNAL,
            Failure::Usage { .. } => code::USAGE,
            Failure::Network { .. } => code::NETWORK,
            Failure::Response { .. } => code::RESPONSE,
            Failure::Store { .. } => code::STORE,
            Failure::Launch { code, .. } => *code,
            Failure::Declined { .. } => code::DECLINED,
            Failure::Pages { .. } => code::PAGES,
            Failure::WeChat(w) => w.exit_code,
        }
    }

    pub fn kind(&self) -> &'static str {
        match self {
            Failure::Usage { .. } => "usage",
            Failure::Network { .. } => "network",
            Failure::Response { .. } => "response",
            Failure::WeChat(_) => "wechat",
            Failure::Store { .. } => "store",
            Failure::Launch { .. } => "exec",
            Failure::Declined { .. } => "declined",
            Failure::Pages { .. } => "pages",
            Failure::Internal { .. } => "internal",
        }
    }

    pub fn message(&self) -> &str {
        match self {
            Failure::Usage { message, .. }
            | Failure::Network { message, .. }
            | Failure::Response { message, .. }
            | Failure::Store { message, .. }
            | Failure::Launch { message, .. }
            | Failure::Declined { message }
            | Failure::Pages { message }
            | Failure::Internal { message } => message,
            Failure::WeChat(w) => &w.message,
        }
    }

    pub fn hints(&self) -> &[String] {
        match self {
            Failure::Usage { hints, .. }
            | Failure::Network { hints, .. }
            | Failure::Store { hints, .. }
            | Failure::Launch { hints, .. }
            | Failure::Response { hints, .. } => hints,
            Failure::WeChat(w) => &w.hints,
            Failure::Declined { .. } | Failure::Pages { .. } | Failure::Internal { .. } => &[],
        }
    }

    /// Whether trying again (later, unchanged) can succeed.
    pub fn retryable(&self) -> bool {
        match self {
            Failure::Network { retryable, .. } | Failure::Store { retryable, .. } => *retryable,
            Failure::Response { http_status, .. } => http_status.is_some_and(|s| s >= 500),
            Failure::WeChat(w) => w.retryable,
            Failure::Usage { .. }
            | Failure::Launch { .. }
            | Failure::Declined { .. }
            | Failure::Pages { .. }
            | Failure::Internal { .. } => false,
        }
    }

    /// The `error` object of the JSON output.
    pub fn to_json(&self) -> Value {
        let hint = if self.hints().is_empty() {
            Value::Null
        } else {
            Value::String(self.hints().join("\n"))
        };
        let mut error = json!({
            "kind": self.kind(),
            "message": self.message(),
            "hint": hint,
            "retryable": self.retryable(),
        });
        match self {
            Failure::WeChat(w) => {
                error["errcode"] = json!(w.errcode);
                error["errmsg"] = json!(w.errmsg);
                error["rid"] = json!(w.rid);
                error["ip"] = json!(w.ip);
            }
            Failure::Response { http_status, .. } => {
                error["http_status"] = json!(http_status);
            }
            _ => {}
        }
        error
    }

    /// A failure another run recorded for the runs that waited on its lock, read back from its
    /// JSON document, which a cache directory's group or a store's other users could have
    /// written: untrusted. Only its kind, errcode, errmsg, HTTP status and retryable flag are
    /// read (each bounded); a WeChat errcode is explained afresh by the catalogue of
    /// `platform`, and every exit code comes from this binary's table, never from the record.
    /// Escaping what is shown is the output's (`output::write_stderr_pieces`).
    pub fn from_record(
        doc: &Value,
        platform: Platform,
        lang: crate::lang::Lang,
    ) -> Option<Failure> {
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
                let x = catalog::explain(
                    platform,
                    catalog::Context::Fetch,
                    errcode,
                    errmsg.as_deref(),
                    lang,
                );
                Failure::WeChat(Box::new(WeChatError::from_explanation(x, lang)))
            }
            // A fetch fails in none of the other ways: such a record is not a holder's, and the
            // waiting run goes on to fetch for itself.
            _ => return None,
        })
    }

    /// The whole JSON document printed on failure with `--json`.
    pub fn to_json_document(&self) -> Value {
        json!({ "error": self.to_json(), "exit_code": self.exit_code() })
    }
}

/// An io error's reason without the OS error number noise.
pub fn io_reason(e: &std::io::Error) -> String {
    use std::io::ErrorKind;
    let lang = crate::lang::Lang::current();
    let (en, zh) = match e.kind() {
        ErrorKind::NotFound => ("no such file", "没有这个文件"),
        ErrorKind::PermissionDenied => ("permission denied", "权限不足"),
        ErrorKind::InvalidData => ("not valid UTF-8 text", "不是有效的 UTF-8 文本"),
        ErrorKind::IsADirectory => ("is a directory", "是一个目录"),
        ErrorKind::NotADirectory => (
            "a part of the path is not a directory",
            "路径中有一部分不是目录",
        ),
        ErrorKind::StorageFull => ("no space left on the device", "设备上没有剩余空间"),
        ErrorKind::BrokenPipe => ("the reading end of the pipe is closed", "管道的读端已关闭"),
        _ => return e.to_string(),
    };
    lang.pick(en, zh).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::Lang;
    use crate::platform::Platform;
    use crate::wechat::catalog::Context;

    fn wechat(errcode: i64, context: Context) -> Failure {
        let x = catalog::explain(Platform::Mp, context, errcode, None, Lang::En);
        Failure::WeChat(Box::new(WeChatError::from_explanation(x, Lang::En)))
    }

    #[test]
    fn exit_codes_by_kind() {
        assert_eq!(Failure::internal("").exit_code(), 1);
        assert_eq!(Failure::usage("x").exit_code(), 2);
        assert_eq!(Failure::network("").exit_code(), 3);
        assert_eq!(Failure::store("", false).exit_code(), 11);
        assert_eq!(
            Failure::Response {
                message: String::new(),
                hints: vec![],
                http_status: None
            }
            .exit_code(),
            4
        );
        assert_eq!(wechat(-1, Context::Fetch).exit_code(), 5);
        assert_eq!(wechat(99999, Context::Fetch).exit_code(), 10);
        assert_eq!(wechat(42001, Context::Fetch).exit_code(), 10);
        assert_eq!(wechat(42001, Context::Check).exit_code(), 6);
        assert_eq!(wechat(40164, Context::Check).exit_code(), 7);
    }

    #[test]
    fn a_failure_survives_its_record() {
        for f in [
            wechat(40164, Context::Fetch),
            Failure::network("n").permanent().with_hint("h"),
            Failure::store("s", true),
        ] {
            let back = Failure::from_record(&f.to_json_document(), Platform::Mp, Lang::En).unwrap();
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
            Failure::from_record(&doc, Platform::Mp, Lang::En)
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

    #[test]
    fn json_shape() {
        let doc = wechat(40164, Context::Fetch).to_json_document();
        assert_eq!(doc["exit_code"], 7);
        assert_eq!(doc["error"]["kind"], "wechat");
        assert!(doc["error"]["rid"].is_null());
        let doc = Failure::Response {
            message: "m".into(),
            hints: vec!["h".into()],
            http_status: Some(502),
        }
        .to_json_document();
        assert_eq!(doc["error"]["http_status"], 502);
        assert_eq!(doc["error"]["retryable"], true);
        assert_eq!(doc["error"]["hint"], "h");
    }
}
