//! Everything wxtoken prints. stdout carries only the result (a token or one JSON document);
//! everything for people goes to stderr, escaped, with every known secret masked.

use std::io::{self, IsTerminal, Write};
use std::sync::Mutex;

use clap::ValueEnum;
use colored::Colorize;
use serde_json::Value;

use crate::error::Failure;
use crate::lang::Lang;

/// `--color` choices.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    /// Colour when stderr is a terminal, NO_COLOR is unset or empty, and TERM is not dumb
    Auto,
    /// Always colour
    Always,
    /// Never colour
    Never,
}

/// Whether a stream gets colour, decided for that stream alone.
pub fn use_color(
    choice: ColorChoice,
    stream_is_terminal: bool,
    env: impl Fn(&str) -> Option<String>,
) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            let no_color = env("NO_COLOR").is_some_and(|v| !v.is_empty());
            let dumb = env("TERM").is_some_and(|v| v == "dumb");
            stream_is_terminal && !no_color && !dumb
        }
    }
}

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
    for s in [
        secret.to_string(),
        crate::client::percent_encode(secret),
        json,
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

/// Write the result to stdout. Any failure, a closed pipe too, means the result was lost.
fn write_stdout(text: &str) -> Result<(), Failure> {
    let mut out = io::stdout().lock();
    out.write_all(text.as_bytes())
        .and_then(|_| out.flush())
        .map_err(|e| {
            let why = match e.kind() {
                io::ErrorKind::BrokenPipe => "the reading end of the pipe is closed".to_string(),
                _ => crate::error::io_reason(&e),
            };
            Failure::internal(format!("cannot write the result to stdout: {why}"))
        })
}

/// Write to stdout where a failure changes nothing (the run has failed already).
pub fn write_stdout_quietly(text: &str) {
    let _ = io::stdout().lock().write_all(text.as_bytes());
}

/// Text for people on stderr: always masked here, the one way out for it. Errors are ignored
/// (there is nowhere left to report them).
pub fn write_stderr(text: &str) {
    let _ = io::stderr().lock().write_all(redact(text).as_bytes());
}

/// How output looks, decided once from the command line and the environment.
#[derive(Debug, Clone)]
pub struct Printer {
    pub color: ColorChoice,
    pub lang: Lang,
    pub json: bool,
    pub quiet: bool,
    pub verbose: bool,
}

impl Printer {
    /// Set up colour for stderr and return the printer. (stdout carries results; only the
    /// doctor's report there is ever coloured, decided for stdout on its own.)
    pub fn new(color: ColorChoice, lang: Lang, json: bool, quiet: bool, verbose: bool) -> Printer {
        let colour = use_color(color, io::stderr().is_terminal(), |k| std::env::var(k).ok());
        colored::control::set_override(colour);
        Printer {
            color,
            lang,
            json,
            quiet,
            verbose,
        }
    }

    /// Pick the English or the Chinese text.
    pub fn t<'a>(&self, en: &'a str, zh: &'a str) -> &'a str {
        self.lang.pick(en, zh)
    }

    /// The result on stdout: text (masked).
    pub fn result_line(&self, line: &str) -> Result<(), Failure> {
        write_stdout(&format!("{}\n", redact(line)))
    }

    /// The result on stdout: one JSON document (every string value masked).
    pub fn result_json(&self, doc: &Value) -> Result<(), Failure> {
        write_stdout(&format!("{}\n", redact_json(doc)))
    }

    /// The token itself on stdout: the one thing ever written unmasked.
    pub fn result_token(&self, token: &str) -> Result<(), Failure> {
        write_stdout(&format!("{token}\n"))
    }

    /// A JSON result whose `access_token` field is the token: everything else masked.
    pub fn result_token_json(&self, doc: &Value, token: &str) -> Result<(), Failure> {
        let mut doc = redact_json(doc);
        doc["access_token"] = Value::String(token.to_string());
        write_stdout(&format!("{doc}\n"))
    }

    /// A line for people on stderr (already escaped where needed); masked.
    pub fn info(&self, line: &str) {
        write_stderr(&format!("{line}\n"));
    }

    /// A note on stderr that `--quiet` silences.
    pub fn note(&self, line: &str) {
        if !self.quiet {
            write_stderr(&format!("wxtoken: {line}\n"));
        }
    }

    pub fn warn(&self, message: &str) {
        if self.quiet {
            return;
        }
        let label = format!("{}:", self.t("warning", "警告")).yellow().bold();
        write_stderr(&format!("wxtoken: {label} {message}\n"));
    }

    /// A `-v` line on stderr.
    pub fn verbose(&self, message: &str) {
        if self.verbose {
            write_stderr(&format!("{} {message}\n", "*".dimmed()));
        }
    }

    /// Report a failure: the human text on stderr, and with --json the document on stdout.
    pub fn failure(&self, failure: &Failure) {
        self.failure_with_document(failure, &failure.to_json_document());
    }

    /// Report a failure, with `doc` as the JSON document (for commands that add fields).
    pub fn failure_with_document(&self, failure: &Failure, doc: &Value) {
        let label = format!("{}:", self.t("error", "错误")).red().bold();
        let mut text = format!("wxtoken: {label} {}\n", failure.message());
        if !self.quiet {
            if let Failure::WeChat(w) = failure
                && !w.errmsg.is_empty()
            {
                text.push_str(&format!("  errmsg: {}\n", sanitize(&w.errmsg)));
            }
            for hint in failure.hints() {
                text.push_str(&format!("  {} {}\n", "hint:".cyan(), hint));
            }
        }
        write_stderr(&text);
        if self.json {
            // The failure stands whether or not its document can be written.
            let _ = write_stdout(&format!("{}\n", redact_json(doc)));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colour_decision() {
        let none = |_: &str| None;
        assert!(use_color(ColorChoice::Auto, true, none));
        assert!(!use_color(ColorChoice::Auto, false, none));
        assert!(use_color(ColorChoice::Always, false, none));
        assert!(!use_color(ColorChoice::Never, true, none));
        assert!(!use_color(ColorChoice::Auto, true, |k| (k == "NO_COLOR")
            .then(|| "1".into())));
        assert!(use_color(ColorChoice::Auto, true, |k| (k == "NO_COLOR")
            .then(String::new)));
        assert!(!use_color(ColorChoice::Auto, true, |k| (k == "TERM")
            .then(|| "dumb".into())));
    }

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
