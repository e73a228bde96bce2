//! Everything wxtoken prints. stdout carries only the result (a token or one JSON document);
//! everything for people goes to stderr, escaped, with every known secret masked.

use std::io::{self, IsTerminal};

use anstyle::{AnsiColor, Style};
use clap::ValueEnum;
use serde_json::Value;

use crate::error::Failure;
use crate::lang::Lang;
use crate::redact::redact_json;

pub mod format;
pub mod streams;
pub mod token_file;

use streams::{
    Piece, cap_lines, capped_json, for_people, write_stderr, write_stderr_pieces, write_stdout,
};

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

/// The styles wxtoken uses, by what they mean.
#[derive(Debug, Clone, Copy)]
pub enum Tone {
    Error,
    Warning,
    Hint,
    Dim,
    Ok,
}

impl Tone {
    fn style(self) -> Style {
        let fg = |c: AnsiColor| Style::new().fg_color(Some(c.into()));
        match self {
            Tone::Error => fg(AnsiColor::Red).bold(),
            Tone::Warning => fg(AnsiColor::Yellow).bold(),
            Tone::Hint => fg(AnsiColor::Cyan),
            Tone::Dim => Style::new().dimmed(),
            Tone::Ok => fg(AnsiColor::Green),
        }
    }
}

/// `text` in `tone` when `on`, else plain.
fn paint(on: bool, tone: Tone, text: &str) -> String {
    if on {
        let style = tone.style();
        format!("{style}{text}{style:#}")
    } else {
        text.to_string()
    }
}

/// How output looks, decided once from the command line and the environment: the language,
/// and colour for each stream on its own (`--color`, NO_COLOR, TERM=dumb, and whether that very
/// stream is a terminal).
#[derive(Debug, Clone)]
pub struct Printer {
    pub lang: Lang,
    pub json: bool,
    pub quiet: bool,
    pub verbose: bool,
    /// The profile in effect: named in every JSON document.
    pub profile: Option<String>,
    stderr_color: bool,
    stdout_color: bool,
    /// Whether a status line (`progress`) may be shown: stderr is a terminal, and neither -q,
    /// --json nor -v asked for other output.
    status_line: bool,
    /// A status line is on the screen now (cleared before anything else is written).
    status_shown: std::cell::Cell<bool>,
    /// The terminal's width when stdout is one: tables are cut to fit it.
    stdout_columns: Option<usize>,
}

impl Printer {
    pub fn new(color: ColorChoice, lang: Lang, json: bool, quiet: bool, verbose: bool) -> Printer {
        let env = |k: &str| std::env::var(k).ok();
        Printer {
            lang,
            json,
            quiet,
            verbose,
            profile: None,
            status_line: io::stderr().is_terminal() && !quiet && !json && !verbose,
            status_shown: std::cell::Cell::new(false),
            stderr_color: use_color(color, io::stderr().is_terminal(), env),
            stdout_color: use_color(color, io::stdout().is_terminal(), env),
            stdout_columns: crate::terminal::stdout_columns(),
        }
    }

    /// `error:` (or `错误:`), coloured if stderr gets colour.
    pub fn error_label(&self) -> String {
        self.paint_stderr(Tone::Error, &format!("{}:", self.t("error", "错误")))
    }

    /// Text for a result on stdout, coloured if stdout gets colour (doctor's report).
    pub fn paint_stdout(&self, tone: Tone, text: &str) -> String {
        paint(self.stdout_color, tone, text)
    }

    fn paint_stderr(&self, tone: Tone, text: &str) -> String {
        paint(self.stderr_color, tone, text)
    }

    /// Pick the English or the Chinese text.
    pub fn t<'a>(&self, en: &'a str, zh: &'a str) -> &'a str {
        self.lang.pick(en, zh)
    }

    /// The result on stdout: text for people (masked, control characters escaped).
    pub fn result_line(&self, line: &str) -> Result<(), Failure> {
        write_stdout(
            &format!("{}\n", for_people(&[Piece::Text(line)])),
            self.lang,
        )
    }

    /// A table on stdout (`rows`, the first the header): at a terminal the widest of the
    /// `cuttable` columns shrink to the terminal's width, cut with `…`; in a pipe or a file
    /// nothing is cut.
    pub fn table(&self, rows: &[Vec<String>], cuttable: &[usize]) -> Result<(), Failure> {
        self.result_line(&crate::columns::table(rows, cuttable, self.stdout_columns))
    }

    /// The terminal's width when stdout is one, for a table printed with other text.
    pub fn stdout_columns(&self) -> Option<usize> {
        self.stdout_columns
    }

    /// `doc` with the profile in effect named (`"profile"`), where one is.
    pub fn stamp(&self, doc: &Value) -> Value {
        let mut doc = doc.clone();
        if let (Some(name), Some(map)) = (&self.profile, doc.as_object_mut()) {
            map.insert("profile".into(), Value::String(name.clone()));
        }
        doc
    }

    /// The result on stdout: one JSON document (every string value masked).
    pub fn result_json(&self, doc: &Value) -> Result<(), Failure> {
        write_stdout(&format!("{}\n", redact_json(&self.stamp(doc))), self.lang)
    }

    /// A report for people on stdout (doctor): wxtoken's own painted labels, and text masked
    /// and escaped, then no line over [`MAX_LINE`] bytes.
    pub fn report(&self, pieces: &[Piece]) -> Result<(), Failure> {
        write_stdout(
            &format!("{}\n", cap_lines(&for_people(pieces), self.lang)),
            self.lang,
        )
    }

    /// A report's JSON document on stdout: masked, then no string over [`MAX_LINE`] bytes.
    pub fn report_json(&self, doc: &Value) -> Result<(), Failure> {
        write_stdout(&capped_json(&self.stamp(doc), self.lang), self.lang)
    }

    /// The token's result as `crate::output::format::render` made it (everything but the token masked
    /// there): the one thing ever written unmasked.
    pub fn result_unmasked(&self, text: &str) -> Result<(), Failure> {
        write_stdout(text, self.lang)
    }

    /// One status line at a terminal while the run waits (a retry's backoff, a slow answer):
    /// rewritten in place, cleared before anything else is written and when the wait ends.
    /// Never with -q, --json or -v, nor when stderr is not a terminal (a pipe, a log).
    pub fn progress(&self, line: &str) {
        if !self.status_line {
            return;
        }
        write_stderr_pieces(
            &[
                Piece::Ours("\r\x1b[2K".into()),
                Piece::Ours(format!("{} ", self.paint_stderr(Tone::Dim, "wxtoken:"))),
                Piece::Text(line),
            ],
            self.lang,
        );
        self.status_shown.set(true);
    }

    /// Clear the status line, if one is shown.
    pub fn progress_done(&self) {
        if self.status_shown.replace(false) {
            write_stderr_pieces(&[Piece::Ours("\r\x1b[2K".into())], self.lang);
        }
    }

    /// A line for people on stderr (already escaped where needed); masked.
    pub fn info(&self, line: &str) {
        write_stderr(&format!("{line}\n"), self.lang);
    }

    /// A note on stderr that `--quiet` silences.
    pub fn note(&self, line: &str) {
        if !self.quiet {
            write_stderr(&format!("wxtoken: {line}\n"), self.lang);
        }
    }

    pub fn warn(&self, message: &str) {
        if self.quiet {
            return;
        }
        let label = self.paint_stderr(Tone::Warning, &format!("{}:", self.t("warning", "警告")));
        write_stderr_pieces(
            &[
                Piece::Ours(format!("wxtoken: {label} ")),
                Piece::Text(&format!("{message}\n")),
            ],
            self.lang,
        );
    }

    /// A `-v` line on stderr.
    pub fn verbose(&self, message: &str) {
        if self.verbose {
            write_stderr_pieces(
                &[
                    Piece::Ours(format!("{} ", self.paint_stderr(Tone::Dim, "*"))),
                    Piece::Text(&format!("{message}\n")),
                ],
                self.lang,
            );
        }
    }

    /// Report a failure: the human text on stderr, and with --json the document on stdout.
    pub fn failure(&self, failure: &Failure) {
        self.failure_with_document(failure, &failure.to_json_document());
    }

    /// Report a failure on stderr only, with `--json` as one JSON document there (`api`, whose
    /// stdout is the answer's).
    pub fn failure_on_stderr(&self, failure: &Failure) {
        let doc = capped_json(&self.stamp(&failure.to_json_document()), self.lang);
        match self.json {
            true => write_stderr(&doc, self.lang),
            false => self.failure(failure),
        }
    }

    /// Report a failure, with `doc` as the JSON document (for commands that add fields).
    pub fn failure_with_document(&self, failure: &Failure, doc: &Value) {
        let first = format!("{}\n", failure.message());
        let mut pieces = vec![
            Piece::Ours(format!("wxtoken: {} ", self.error_label())),
            Piece::Text(&first),
        ];
        let mut lines = Vec::new();
        if !self.quiet {
            if let Failure::WeChat(w) = failure
                && !w.errmsg.is_empty()
            {
                let label = self.t("errmsg:", "errmsg：");
                lines.push((format!("  {label} "), format!("{}\n", w.errmsg)));
            }
            for hint in failure.hints() {
                let label = self.paint_stderr(Tone::Hint, self.t("hint:", "提示："));
                lines.push((format!("  {label} "), format!("{hint}\n")));
            }
        }
        for (label, text) in &lines {
            pieces.push(Piece::Ours(label.clone()));
            pieces.push(Piece::Text(text));
        }
        write_stderr_pieces(&pieces, self.lang);
        if self.json {
            // The failure stands whether or not its document can be written.
            let _ = write_stdout(&capped_json(&self.stamp(doc), self.lang), self.lang);
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
}
