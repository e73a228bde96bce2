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

/// Remember a secret (an AppSecret or a token) so that no text for people can carry it.
pub fn register_secret(secret: &str) {
    if secret.len() < 4 {
        return; // too short to mask without mangling ordinary text
    }
    let mut secrets = SECRETS.lock().unwrap_or_else(|e| e.into_inner());
    let encoded = crate::client::percent_encode(secret);
    for s in [secret.to_string(), encoded] {
        if !secrets.contains(&s) {
            secrets.push(s);
        }
    }
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

/// Write to stdout; a closed pipe is not an error.
fn write_stdout(text: &str) -> io::Result<()> {
    let mut out = io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|_| out.flush()) {
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(()),
        other => other,
    }
}

fn write_stderr(text: &str) {
    let _ = io::stderr().lock().write_all(text.as_bytes());
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

    /// The result on stdout: a line of text.
    pub fn result_line(&self, line: &str) -> io::Result<()> {
        write_stdout(&format!("{line}\n"))
    }

    /// The result on stdout: one JSON document.
    pub fn result_json(&self, doc: &Value) -> io::Result<()> {
        write_stdout(&format!("{doc}\n"))
    }

    /// A line for people on stderr (already escaped where needed); masked.
    pub fn info(&self, line: &str) {
        write_stderr(&format!("{}\n", redact(line)));
    }

    pub fn warn(&self, message: &str) {
        if self.quiet {
            return;
        }
        let label = format!("{}:", self.t("warning", "警告")).yellow().bold();
        write_stderr(&format!("wxtoken: {label} {}\n", redact(message)));
    }

    /// A `-v` line on stderr.
    pub fn verbose(&self, message: &str) {
        if self.verbose {
            write_stderr(&format!("{} {}\n", "*".dimmed(), redact(message)));
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
        write_stderr(&redact(&text));
        if self.json {
            let doc = redact(&doc.to_string());
            let _ = write_stdout(&format!("{doc}\n"));
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
    fn redact_masks_registered_secrets_and_their_encoding() {
        register_secret("s3cr&t-value");
        assert_eq!(redact("x s3cr&t-value y"), "x *** y");
        assert_eq!(redact("secret=s3cr%26t-value"), "secret=***");
        assert_eq!(redact("nothing here"), "nothing here");
    }
}
