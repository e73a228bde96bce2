//! Every failure of wxtoken as one typed error, and the one place that turns it into an exit code.

use serde_json::{Value, json};

pub mod code;

/// A WeChat errcode answer, explained (by the catalogue: `wechat::catalog::Explanation::into_error`).
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

    /// The whole JSON document printed on failure with `--json`.
    pub fn to_json_document(&self) -> Value {
        json!({ "error": self.to_json(), "exit_code": self.exit_code() })
    }
}

/// An io error's reason without the OS error number noise.
pub fn io_reason(e: &std::io::Error, lang: crate::lang::Lang) -> String {
    use std::io::ErrorKind;
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

    /// A WeChat failure as the catalogue hands it over (its exit code decided there).
    fn wechat(exit_code: u8) -> Failure {
        Failure::WeChat(Box::new(WeChatError {
            errcode: 40164,
            errmsg: "invalid ip 203.0.113.9".into(),
            rid: None,
            ip: Some("203.0.113.9".into()),
            message: "IP not whitelisted".into(),
            hints: vec!["add 203.0.113.9".into()],
            exit_code,
            retryable: false,
        }))
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
        // A WeChat failure exits with the code its explanation chose (per category).
        assert_eq!(wechat(7).exit_code(), 7);
        assert_eq!(wechat(5).exit_code(), 5);
    }

    #[test]
    fn json_shape() {
        let doc = wechat(7).to_json_document();
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
