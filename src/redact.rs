//! The one redaction point: every secret and token of the run, and every sensitive value in
//! text that came from a server or a paste, masked before anything leaves the process; and text
//! from outside made safe for a terminal. The printer (`output.rs`) is the only way out, and it
//! passes everything through here.

use std::sync::Mutex;

use serde_json::Value;

static SECRETS: Mutex<Vec<String>> = Mutex::new(Vec::new());

/// Remember a secret (an AppSecret, a token, a proxy password) so that nothing that leaves the
/// process can carry it: its raw form and the forms a server or gateway echoes it back in
/// (percent-encoded, JSON-escaped, HTML-escaped).
pub fn register_secret(secret: &str) {
    if secret.len() < 4 {
        return; // too short to mask without mangling ordinary text
    }
    let mut secrets = SECRETS.lock().unwrap_or_else(|e| e.into_inner());
    let json = serde_json::to_string(secret).unwrap_or_default();
    let json = json.trim_matches('"').to_string();
    let html = secret
        .replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('\'', "&#39;")
        .replace('<', "&lt;")
        .replace('>', "&gt;");
    // What JSON encoders other than serde write: PHP escapes `/`, Go escapes `&`, `<`, `>`.
    let json_slashes = json.replace('/', "\\/");
    let json_go = json
        .replace('&', "\\u0026")
        .replace('<', "\\u003c")
        .replace('>', "\\u003e");
    for s in [
        secret.to_string(),
        crate::encoding::percent_encode(secret),
        json,
        json_slashes,
        json_go,
        html,
    ] {
        if !secrets.contains(&s) {
            secrets.push(s);
        }
    }
    // Longest first, so that a form containing another is masked whole.
    secrets.sort_by_key(|s| std::cmp::Reverse(s.len()));
}

/// `text` with every registered secret replaced by `***`.
pub fn redact(text: &str) -> String {
    let secrets = SECRETS.lock().unwrap_or_else(|e| e.into_inner());
    let mut out = text.to_string();
    for s in secrets.iter() {
        if out.contains(s.as_str()) {
            out = out.replace(s.as_str(), "***");
        }
    }
    out
}

/// The keys whose values are secrets or tokens wherever they appear in server text.
const SENSITIVE_KEYS: &[&str] = &[
    "access_token",
    "component_appsecret",
    "appsecret",
    "corpsecret",
    "secret",
];

/// Text that came from a server or a paste: every registered secret masked first (whole, before
/// anything can split it), then every value of a sensitive key (`key=VALUE` in a query,
/// `"key":"VALUE"` in JSON, `'key': 'VALUE'` in a repr). Call this before cutting the text: a
/// cut can split a secret the mask then cannot recognise.
pub fn mask_server_text(text: &str) -> String {
    let text = &redact(text);
    let lower = text.to_ascii_lowercase();
    let bytes = lower.as_bytes();
    let mut spans: Vec<(usize, usize)> = Vec::new();
    for key in SENSITIVE_KEYS {
        let mut from = 0;
        while let Some(pos) = lower[from..].find(key) {
            let start = from + pos;
            from = start + key.len();
            let boundary = start == 0
                || !(bytes[start - 1].is_ascii_alphanumeric() || bytes[start - 1] == b'_');
            if !boundary {
                continue;
            }
            let mut i = start + key.len();
            let skip_quotes = |i: &mut usize| {
                while *i < bytes.len() && matches!(bytes[*i], b'"' | b'\'' | b'\\') {
                    *i += 1;
                }
            };
            let skip_spaces = |i: &mut usize| {
                while *i < bytes.len() && bytes[*i] == b' ' {
                    *i += 1;
                }
            };
            skip_quotes(&mut i);
            skip_spaces(&mut i);
            if i >= bytes.len() || !matches!(bytes[i], b'=' | b':') {
                continue;
            }
            i += 1;
            skip_spaces(&mut i);
            skip_quotes(&mut i);
            let value_start = i;
            while i < bytes.len()
                && !matches!(
                    bytes[i],
                    b'&' | b'"' | b'\'' | b'\\' | b',' | b'}' | b']' | b')' | b'<' | b'>' | b';'
                )
                && !bytes[i].is_ascii_whitespace()
            {
                i += 1;
            }
            if i > value_start && &text[value_start..i] != "***" {
                spans.push((value_start, i));
            }
        }
    }
    spans.sort();
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for (s, e) in spans {
        if s < at {
            continue;
        }
        out.push_str(&text[at..s]);
        out.push_str("***");
        at = e;
    }
    out.push_str(&text[at..]);
    out
}

/// Words that make a key's value a secret wherever the key appears in a recorded request:
/// `component_access_token`, `authorizer_refresh_token`, `jsapi_ticket`, `session_key` …
const SECRET_KEY_WORDS: &[&str] = &["token", "ticket", "secret", "session_key", "password"];

/// A run of `[A-Za-z0-9_-]` at least this long is a token wherever it stands (WeChat's tokens
/// are 136 to 157 characters; nothing else in a request record is this long).
const TOKEN_RUN: usize = 80;

/// A request as WeChat recorded it (`rid/get`: its URL, body and response), masked before it is
/// shown: what [`mask_server_text`] masks; the value of every key with a [`SECRET_KEY_WORDS`]
/// word in it (`component_access_token=…`, `"authorizer_refresh_token": "…"`, and
/// percent-encoded, `access_token%3D…`); and every token-shaped run of [`TOKEN_RUN`] or more
/// characters or AppSecret-shaped run (32 lowercase hex digits), whatever precedes it.
pub fn mask_request_record(text: &str) -> String {
    let text = mask_server_text(text);
    let text = mask_secret_keys(&text);
    mask_token_runs(&text)
}

/// The values of keys that name a secret (see [`mask_request_record`]).
fn mask_secret_keys(text: &str) -> String {
    let bytes = text.as_bytes();
    let word = |c: u8| c.is_ascii_alphanumeric() || c == b'_';
    let at = |i: usize, s: &str| {
        bytes.len() >= i + s.len() && bytes[i..i + s.len()].eq_ignore_ascii_case(s.as_bytes())
    };
    let mut spans = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if !word(bytes[i]) {
            i += 1;
            continue;
        }
        let start = i;
        while i < bytes.len() && word(bytes[i]) {
            i += 1;
        }
        let key = text[start..i].to_ascii_lowercase();
        if !SECRET_KEY_WORDS.iter().any(|w| key.contains(w)) {
            continue;
        }
        // Closing quotes (plain, escaped or encoded), the separator, opening quotes.
        let mut j = i;
        let skip_quotes = |j: &mut usize| loop {
            if *j < bytes.len() && matches!(bytes[*j], b'"' | b'\'' | b'\\' | b' ') {
                *j += 1;
            } else if at(*j, "%22") {
                *j += 3;
            } else {
                break;
            }
        };
        skip_quotes(&mut j);
        if j < bytes.len() && matches!(bytes[j], b'=' | b':') {
            j += 1;
        } else if at(j, "%3d") || at(j, "%3a") {
            j += 3;
        } else {
            continue;
        }
        skip_quotes(&mut j);
        let value = j;
        while j < bytes.len()
            && !matches!(
                bytes[j],
                b'&' | b'"' | b'\'' | b'\\' | b',' | b'}' | b']' | b')' | b'<' | b'>' | b';'
            )
            && !bytes[j].is_ascii_whitespace()
            && !at(j, "%26")
            && !at(j, "%22")
        {
            j += 1;
        }
        if j > value && &text[value..j] != "***" {
            spans.push((value, j));
        }
        i = j.max(i);
    }
    let mut out = String::with_capacity(text.len());
    let mut from = 0;
    for (s, e) in spans {
        out.push_str(&text[from..s]);
        out.push_str("***");
        from = e;
    }
    out.push_str(&text[from..]);
    out
}

/// Token-shaped and AppSecret-shaped runs (see [`mask_request_record`]).
fn mask_token_runs(text: &str) -> String {
    let run_char = |c: char| c.is_ascii_alphanumeric() || c == '_' || c == '-';
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find(run_char) {
        out.push_str(&rest[..start]);
        let run = &rest[start..];
        let len = run.find(|c: char| !run_char(c)).unwrap_or(run.len());
        let word = &run[..len];
        let secret_shaped = len == 32
            && word
                .bytes()
                .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b));
        out.push_str(if len >= TOKEN_RUN || secret_shaped {
            "***"
        } else {
            word
        });
        rest = &run[len..];
    }
    out.push_str(rest);
    out
}

/// `doc` with every string value masked (before serialization: JSON escaping would hide a
/// secret holding `"` or `\` from a mask that runs on the serialized text).
pub fn redact_json(doc: &Value) -> Value {
    match doc {
        Value::String(s) => Value::String(redact(s)),
        Value::Array(items) => Value::Array(items.iter().map(redact_json).collect()),
        Value::Object(map) => Value::Object(
            map.iter()
                .map(|(k, v)| (k.clone(), redact_json(v)))
                .collect(),
        ),
        other => other.clone(),
    }
}

/// Text that came from outside (a server, a file), made safe for a terminal: control
/// characters and bidirectional overrides are shown as escapes instead of acting.
pub fn sanitize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        let bidi = matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}');
        if c.is_control() || bidi {
            out.extend(c.escape_default());
        } else {
            out.push(c);
        }
    }
    out
}

/// A secret value (AppSecret or token) whose `Debug` cannot leak it.
#[derive(Clone, PartialEq, Eq)]
pub struct Secret(pub(crate) String);

impl Secret {
    pub fn new(value: String) -> Secret {
        register_secret(&value);
        Secret(value)
    }

    /// The value itself, for the one place that must send it.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for Secret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("(redacted)")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sanitize_escapes_terminal_controls() {
        assert_eq!(sanitize("ok 中文"), "ok 中文");
        let s = sanitize("a\x1b[31mred\r\nb\u{202e}c");
        assert!(
            !s.contains('\x1b') && !s.contains('\r') && !s.contains('\u{202e}'),
            "{s}"
        );
        assert!(s.contains("\\u{1b}"));
    }

    #[test]
    fn redact_masks_registered_secrets_and_their_echoed_forms() {
        register_secret("s3cr&t-value");
        assert_eq!(redact("x s3cr&t-value y"), "x *** y");
        assert_eq!(redact("secret=s3cr%26t-value"), "secret=***");
        assert_eq!(redact("<a>s3cr&amp;t-value</a>"), "<a>***</a>");
        // JSON as PHP (escaped `/`) and Go (escaped `&`) write it.
        register_secret("pa/ss&w0rd");
        assert_eq!(redact(r#"{"s":"pa\/ss&w0rd"}"#), r#"{"s":"***"}"#);
        assert_eq!(redact(r#"{"s":"pa/ss\u0026w0rd"}"#), r#"{"s":"***"}"#);
        assert_eq!(redact("nothing here"), "nothing here");
        register_secret(r#"q"uo\te/%"#);
        let doc = serde_json::json!({"m": r#"echo q"uo\te/% back"#, "n": [r#"q"uo\te/%"#]});
        let shown = redact_json(&doc).to_string();
        assert!(!shown.contains("uo"), "{shown}");
        assert_eq!(
            redact(r#"body {"secret":"q\"uo\\te/%"}"#),
            r#"body {"secret":"***"}"#
        );
    }

    #[test]
    fn a_request_record_keeps_no_secret_or_token() {
        let token = format!("78_{}", "Ab9-_".repeat(28));
        for (input, want) in [
            (
                "/cgi-bin/component/api_component_token?component_access_token=abc&x=1".to_string(),
                "/cgi-bin/component/api_component_token?component_access_token=***&x=1",
            ),
            (
                r#"{"authorizer_refresh_token": "refreshtoken@@@x", "jsapi_ticket":"t"}"#.into(),
                r#"{"authorizer_refresh_token": "***", "jsapi_ticket":"***"}"#,
            ),
            (
                "url=https%3A%2F%2Fx%3Faccess_token%3Dabc%26b%3D1".into(),
                "url=https%3A%2F%2Fx%3Faccess_token%3D***%26b%3D1",
            ),
            (
                r#"{\"session_key\":\"k+y/=\"}"#.into(),
                r#"{\"session_key\":\"***\"}"#,
            ),
            (format!("echo {token} back"), "echo *** back"),
            (
                "0f1e2d3c4b5a69788796a5b4c3d2e1f0 and 6610524e-3c4d5e6f-7a8b9c0d".into(),
                "*** and 6610524e-3c4d5e6f-7a8b9c0d",
            ),
            (
                "/cgi-bin/token?grant_type=client_credential&appid=wx1&secret=s".into(),
                "/cgi-bin/token?grant_type=client_credential&appid=wx1&secret=***",
            ),
            (
                "GET /cgi-bin/stable_token, token: abc def".into(),
                "GET /cgi-bin/stable_token, token: *** def",
            ),
        ] {
            assert_eq!(mask_request_record(&input), want, "{input}");
        }
    }

    #[test]
    fn server_text_masks_every_sensitive_value() {
        for (input, want) in [
            (
                "GET /cgi-bin/token?appid=wx1&secret=abcdef&grant_type=x",
                "GET /cgi-bin/token?appid=wx1&secret=***&grant_type=x",
            ),
            (
                r#"{"access_token":"TOKENVALUE","expires_in":7200}"#,
                r#"{"access_token":"***","expires_in":7200}"#,
            ),
            (
                "{'appsecret': 'zzzz', 'x': 1}",
                "{'appsecret': '***', 'x': 1}",
            ),
            ("corpsecret=abc def", "corpsecret=*** def"),
            (r#"echo {\"secret\":\"v\"}"#, r#"echo {\"secret\":\"***\"}"#),
            ("missing secret parameter", "missing secret parameter"),
            ("mysecret=keep", "mysecret=keep"),
        ] {
            assert_eq!(mask_server_text(input), want, "{input}");
        }
    }
}
