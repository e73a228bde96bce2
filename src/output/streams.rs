//! The one way out of the process: the result on stdout, and text for people on stderr, every
//! known secret masked, control characters escaped, no line over [`MAX_LINE`] bytes.

use std::io::{self, Write};

use serde_json::Value;

use crate::error::Failure;
use crate::lang::Lang;
use crate::redact::{redact, redact_json, sanitize};

/// Write the result to stdout. Any failure, a closed pipe too, means the result was lost.
pub(super) fn write_stdout(text: &str, lang: Lang) -> Result<(), Failure> {
    write_stdout_bytes(text.as_bytes(), lang)
}

/// Bytes on stdout as they are (a file answer of `wxtoken api`); see [`write_stdout`].
pub fn write_stdout_bytes(bytes: &[u8], lang: Lang) -> Result<(), Failure> {
    let lost = |why: &str| {
        Failure::internal(crate::tr!(
            lang,
            "cannot write the result to stdout: {why}",
            "无法把结果写到标准输出：{why}"
        ))
    };
    if crate::process::stdout_was_closed() {
        return Err(lost(lang.pick(
            "stdout was closed when wxtoken started",
            "wxtoken 启动时标准输出已关闭",
        )));
    }
    let mut out = io::stdout().lock();
    out.write_all(bytes)
        .and_then(|_| out.flush())
        .map_err(|e| match e.kind() {
            io::ErrorKind::BrokenPipe => {
                lost(lang.pick("the reading end of the pipe is closed", "管道的读端已关闭"))
            }
            _ => lost(&crate::error::io_reason(&e, lang)),
        })
}

/// Write to stdout where a failure changes nothing (the run has failed already).
pub fn write_stdout_quietly(text: &str) {
    if crate::process::stdout_was_closed() {
        return;
    }
    let _ = io::stdout().lock().write_all(text.as_bytes());
}

/// Text for people on stderr: always masked here, the one way out for it. Errors are ignored
/// (there is nowhere left to report them).
pub fn write_stderr(text: &str, lang: Lang) {
    write_stderr_pieces(&[Piece::Text(text)], lang);
}

/// A piece of what goes to stderr: wxtoken's own painted label (its colour codes kept), or text
/// from anywhere (a server's errmsg, a stored record, a file, the command line), which is
/// masked and escaped.
pub enum Piece<'a> {
    Ours(String),
    Text(&'a str),
}

/// The one way text reaches stderr: every known secret masked, every control character of the
/// text escaped but its line breaks (no text from anywhere can move the cursor, clear the screen
/// or retitle the terminal; only wxtoken's own labels carry colour), no line over [`MAX_LINE`].
pub fn write_stderr_pieces(pieces: &[Piece], lang: Lang) {
    let _ = io::stderr()
        .lock()
        .write_all(cap_lines(&for_people(pieces), lang).as_bytes());
}

/// Pieces as people see them, on stderr or stdout alike: wxtoken's own labels as they are,
/// any other text masked, and its control characters escaped but its line breaks.
pub(super) fn for_people(pieces: &[Piece]) -> String {
    let mut out = String::new();
    for piece in pieces {
        match piece {
            Piece::Ours(label) => out.push_str(label),
            Piece::Text(text) => {
                let masked = redact(text);
                for (i, line) in masked.split('\n').enumerate() {
                    if i > 0 {
                        out.push('\n');
                    }
                    out.push_str(&sanitize(line));
                }
            }
        }
    }
    out
}

/// No line for people is longer than this: a value echoed back in a message (a 100 KB path or
/// proxy URL, a pasted blob) is cut, after masking, and says how much was left out.
pub const MAX_LINE: usize = 2048;

/// `text` with every line over [`MAX_LINE`] bytes cut at a character boundary.
pub(super) fn cap_lines(text: &str, lang: Lang) -> std::borrow::Cow<'_, str> {
    if text.lines().all(|l| l.len() <= MAX_LINE) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len().min(64 * 1024));
    for piece in text.split_inclusive('\n') {
        let (line, end) = match piece.strip_suffix('\n') {
            Some(line) => (line, "\n"),
            None => (piece, ""),
        };
        out.push_str(&cap(line, lang));
        out.push_str(end);
    }
    std::borrow::Cow::Owned(out)
}

/// One string cut to [`MAX_LINE`] bytes, with a note of how many characters were left out.
fn cap(line: &str, lang: Lang) -> std::borrow::Cow<'_, str> {
    if line.len() <= MAX_LINE {
        return std::borrow::Cow::Borrowed(line);
    }
    let mut at = MAX_LINE;
    while !line.is_char_boundary(at) {
        at -= 1;
    }
    let left_out = line[at..].chars().count();
    let note = lang.pick("more characters not shown", "个字符未显示");
    std::borrow::Cow::Owned(format!("{}… ({left_out} {note})", &line[..at]))
}

/// A report's or a failure's JSON document as printed: masked, and no string in it over
/// [`MAX_LINE`] bytes.
pub fn capped_json(doc: &Value, lang: Lang) -> String {
    fn cap_strings(v: &mut Value, lang: Lang) {
        match v {
            Value::String(s) if s.len() > MAX_LINE => *s = cap(s, lang).into_owned(),
            Value::Array(items) => items.iter_mut().for_each(|v| cap_strings(v, lang)),
            Value::Object(map) => map.values_mut().for_each(|v| cap_strings(v, lang)),
            _ => {}
        }
    }
    let mut doc = redact_json(doc);
    cap_strings(&mut doc, lang);
    format!("{doc}\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_lines_are_cut_after_masking_and_say_so() {
        let short = "wxtoken: error: short\n  hint: fine\n";
        assert_eq!(cap_lines(short, Lang::En), short);
        let long = format!(
            "wxtoken: error: cannot read {}\n  hint: h\n",
            "é".repeat(3000)
        );
        let cut = cap_lines(&long, Lang::En);
        let lines: Vec<&str> = cut.lines().collect();
        assert_eq!(lines.len(), 2, "{cut}");
        assert!(lines[0].len() < MAX_LINE + 64, "{}", lines[0].len());
        assert!(
            lines[0].ends_with("more characters not shown)"),
            "{}",
            lines[0]
        );
        let zh = cap_lines(&long, Lang::Zh);
        assert!(
            zh.lines().next().unwrap().ends_with("个字符未显示)"),
            "{zh}"
        );
        assert_eq!(lines[1], "  hint: h");
        assert!(cut.ends_with('\n'));
        let doc = serde_json::json!({"error": {"message": "x".repeat(10_000), "n": 1}});
        let printed = capped_json(&doc, Lang::En);
        assert!(printed.len() < MAX_LINE + 200, "{}", printed.len());
        assert!(printed.ends_with('\n'));
    }
}
