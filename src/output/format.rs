//! Handing the token on: the formats `fetch` prints (`--format`). `--output FILE` has a module
//! of its own, the token file's.

use serde_json::Value;

/// `--format` choices.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// The token alone, on one line
    Token,
    /// One JSON document: access_token, expires_in, expires_at, source, endpoint, platform
    Json,
    /// `export WXTOKEN_ACCESS_TOKEN=...` and `export WXTOKEN_EXPIRES_AT=...`, quoted for POSIX
    /// shells
    Env,
    /// `access_token=...`, URL-encoded, for building request URLs
    Query,
}

/// The result in `format`: `doc` is the JSON document without the token, `expires_at` unix
/// seconds.
pub fn render(format: Format, token: &str, expires_at: u64, doc: &Value) -> String {
    match format {
        Format::Token => format!("{token}\n"),
        Format::Json => {
            let mut doc = crate::redact::redact_json(doc);
            doc["access_token"] = Value::String(token.to_string());
            format!("{doc}\n")
        }
        Format::Env => format!(
            "export WXTOKEN_ACCESS_TOKEN={}\nexport WXTOKEN_EXPIRES_AT={expires_at}\n",
            shell_quote(token)
        ),
        Format::Query => format!("access_token={}\n", crate::encoding::percent_encode(token)),
    }
}

/// What stdout gets when `--format env` fails: a command that fails, so that
/// `eval "$(wxtoken fetch --format env)"` fails too (an empty eval would succeed).
pub const ENV_FAILURE: &str = "false\n";

/// `value` in single quotes for a POSIX shell (a `'` becomes `'\''`).
pub fn shell_quote(value: &str) -> String {
    format!("'{}'", value.replace('\'', r"'\''"))
}

/// Whether a token file's content `old` is the result `new`: the same bytes, or for JSON the
/// same document but for what changes from one run to the next without the token changing
/// (`expires_in`, `source`).
pub(crate) fn same_result(old: &[u8], new: &str, format: Format) -> bool {
    if old == new.as_bytes() {
        return true;
    }
    if format != Format::Json {
        return false;
    }
    let stable = |text: &[u8]| {
        let mut doc: Value = serde_json::from_slice(text).ok()?;
        let map = doc.as_object_mut()?;
        map.remove("expires_in");
        map.remove("source");
        Some(doc)
    };
    matches!((stable(old), stable(new.as_bytes())), (Some(a), Some(b)) if a == b)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats() {
        let doc = serde_json::json!({"access_token": "", "expires_in": 7200});
        assert_eq!(render(Format::Token, "T-1", 5, &doc), "T-1\n");
        assert_eq!(
            render(Format::Env, "a'b", 17, &doc),
            "export WXTOKEN_ACCESS_TOKEN='a'\\''b'\nexport WXTOKEN_EXPIRES_AT=17\n"
        );
        assert_eq!(
            render(Format::Query, "a b&c=d/é", 1, &doc),
            "access_token=a%20b%26c%3Dd%2F%C3%A9\n"
        );
        let json: Value = serde_json::from_str(&render(Format::Json, "T", 1, &doc)).unwrap();
        assert_eq!(json["access_token"], "T");
        assert_eq!(json["expires_in"], 7200);
    }
}
