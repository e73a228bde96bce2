//! Finding WeChat answers in what people paste (`wechat-api.md` §5.3): a JSON object anywhere in
//! a log line, pretty-printed or escaped inside another JSON string; Python, Java and JavaScript
//! reprs; log forms (`[40164] MSG`, `code[45009] msg[MSG]`, `errcode=40001 , errmsg=MSG`,
//! `Error code: 60020, message: MSG`); `curl -si` output with its status line and headers; several
//! of them, in order; and plain errcodes. Pure functions: nothing here prints or masks (the
//! explanation path masks errmsg).

mod found;
mod json;
mod log;
mod repr;
#[cfg(test)]
mod tests;

use serde_json::Value;

pub use found::Found;
use found::{MAX_DEPTH, Placed};
use json::{answer_of, balanced_len, is_code_key, is_msg_key, is_success};
use log::{lines, only_codes};
use repr::{Field, Repr};

/// Every WeChat answer in `text`, in the order they appear: `(errcode, errmsg)`. A text that is
/// only whitespace-separated integers is that list of errcodes (so is a line of them among other
/// text). A success without an errcode (`access_token` with `expires_in`, or `ip_list`) is
/// errcode 0. Empty when the text holds no answer.
pub fn answers(text: &str) -> Vec<Found> {
    find(text, 0, true)
}

pub(super) fn find(text: &str, depth: usize, codes_allowed: bool) -> Vec<Found> {
    let text = text.trim_start_matches('\u{feff}');
    if codes_allowed && let Some(codes) = only_codes(text) {
        return codes;
    }
    let from_curl: Vec<Found> = match curl_responses(text) {
        // What came before the first response (a command line, a log line) is looked at too.
        Some((before, responses)) => scan(before, depth, codes_allowed)
            .into_iter()
            .chain(responses.into_iter().flat_map(|r| r.answers(depth)))
            .collect(),
        None => Vec::new(),
    };
    // A status line that was only words in a log: the text as it is.
    let found = if from_curl.is_empty() {
        scan(text, depth, codes_allowed)
    } else {
        from_curl
    };
    if found.is_empty() && depth < MAX_DEPTH && text.contains("\\\"") {
        // JSON escaped inside a string that is not itself whole JSON (a log field, a cut line).
        return find(&unescape_quotes(text), depth + 1, false);
    }
    found
}

pub(super) fn unescape_quotes(text: &str) -> String {
    text.replace("\\\\", "\u{0}")
        .replace("\\\"", "\"")
        .replace('\u{0}', "\\")
}

// ---------------------------------------------------------------------------------------------
// curl -si output

/// One HTTP response of `curl -si` output: its header lines and its body.
pub(super) struct HttpResponse<'a> {
    headers: Vec<(&'a str, &'a str)>,
    body: &'a str,
}

impl HttpResponse<'_> {
    /// The body's answers, else the one in WeCom's `Error-Code`/`Error-Msg` headers.
    fn answers(&self, depth: usize) -> Vec<Found> {
        let found = find(self.body, depth, false);
        if !found.is_empty() {
            return found;
        }
        let header = |name: &str| {
            self.headers
                .iter()
                .find(|(k, _)| k.eq_ignore_ascii_case(name))
                .map(|(_, v)| v.trim())
        };
        match header("Error-Code").and_then(|c| c.parse::<i64>().ok()) {
            Some(code) => vec![(
                code,
                header("Error-Msg")
                    .filter(|m| !m.is_empty())
                    .map(str::to_string),
            )],
            None => Vec::new(),
        }
    }
}

/// The text before the first response and the responses of `curl -si` (or `-i`, `-D -`)
/// output, when `text` has an HTTP status line.
pub(super) fn curl_responses(text: &str) -> Option<(&str, Vec<HttpResponse<'_>>)> {
    let starts = status_lines(text);
    let &first = starts.first()?;
    let mut out = Vec::new();
    for (n, &start) in starts.iter().enumerate() {
        let end = starts.get(n + 1).copied().unwrap_or(text.len());
        let chunk = &text[start..end];
        // The status line, then headers up to an empty line (or a line that is no header).
        let mut headers = Vec::new();
        let mut at = chunk.find('\n').map_or(chunk.len(), |i| i + 1);
        while at < chunk.len() {
            let line_end = chunk[at..].find('\n').map_or(chunk.len(), |i| at + i + 1);
            let line = chunk[at..line_end].trim_end_matches(['\r', '\n']);
            if line.trim().is_empty() {
                at = line_end;
                break;
            }
            match line.split_once(':') {
                Some((name, value))
                    if !name.is_empty()
                        && name
                            .bytes()
                            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_') =>
                {
                    headers.push((name, value));
                    at = line_end;
                }
                _ => break,
            }
        }
        out.push(HttpResponse {
            headers,
            body: &chunk[at.min(chunk.len())..],
        });
    }
    Some((&text[..first], out))
}

/// Where `HTTP/1.1 200 OK`-like status lines start: at a line's start or right after a body
/// that did not end its line (curl prints the next response straight after).
pub(super) fn status_lines(text: &str) -> Vec<usize> {
    text.match_indices("HTTP/")
        .map(|(i, _)| i)
        .filter(|&i| {
            let before = text[..i].chars().next_back();
            let starts_a_line = before.is_none_or(|c| !(c.is_alphanumeric() || c == '/'));
            let rest = &text.as_bytes()[i + 5..];
            let version = rest
                .iter()
                .take_while(|b| b.is_ascii_digit() || **b == b'.')
                .count();
            starts_a_line
                && version > 0
                && rest.get(version) == Some(&b' ')
                && rest.len() >= version + 4
                && rest[version + 1..version + 4]
                    .iter()
                    .all(u8::is_ascii_digit)
                && rest
                    .get(version + 4)
                    .is_none_or(|b| matches!(b, b' ' | b'\r' | b'\n'))
        })
        .collect()
}

// ---------------------------------------------------------------------------------------------
// Objects (JSON and reprs) anywhere in the text, and log lines around them

pub(super) fn scan(text: &str, depth: usize, codes_allowed: bool) -> Vec<Found> {
    let mut objects: Vec<(usize, usize, Vec<Found>)> = Vec::new();
    let mut next = 0;
    // Looking at every `{` costs at most this many bytes read in all: linear in the paste, however
    // it is made. No real paste comes near it; what is left after it is read as log lines.
    let mut budget = 32 * text.len() + (4 << 20);
    for (i, _) in text.match_indices('{') {
        if i < next {
            continue;
        }
        if budget == 0 {
            break;
        }
        let Some(len) = balanced_len(&text[i..], &mut budget) else {
            continue;
        };
        if let Some((found, len)) = object_at(&text[i..i + len], depth) {
            objects.push((i, i + len, found));
            next = i + len;
        }
    }
    let line_starts: Vec<usize> = std::iter::once(0)
        .chain(text.match_indices('\n').map(|(i, _)| i + 1))
        .collect();
    let line_of = |pos: usize| line_starts.partition_point(|&s| s <= pos) - 1;
    // `[40164] {"errcode":40164,...}`: a log's words around an object naming the same code are
    // that object, not a second answer.
    let mut object_codes = std::collections::HashSet::new();
    for (start, end, found) in &objects {
        for line in line_of(*start)..=line_of(*end) {
            object_codes.extend(found.iter().map(|(code, _)| (line, *code)));
        }
    }
    let mut placed: Vec<Placed> = Vec::new();
    let mut gap_start = 0;
    let gap = |from: usize, to: usize| {
        lines(text, from, to, codes_allowed)
            .into_iter()
            .filter(|(pos, (code, _))| !object_codes.contains(&(line_of(*pos), *code)))
    };
    for (start, end, found) in &objects {
        placed.extend(gap(gap_start, *start));
        placed.extend(found.iter().map(|f| (*start, f.clone())));
        gap_start = *end;
    }
    placed.extend(gap(gap_start, text.len()));
    // Stable: an object's answers keep their order.
    placed.sort_by_key(|(pos, _)| *pos);
    placed.into_iter().map(|(_, f)| f).collect()
}

// ---------------------------------------------------------------------------------------------
// JSON values and reprs: the answers they hold (a string in them is looked into with `find`)
// ---------------------------------------------------------------------------------------------

/// The answers of the JSON value or repr that is `s` (from `{` to its `}`), and how long the
/// value read is; `None` when it is neither, or a repr that holds no answer.
fn object_at(s: &str, depth: usize) -> Option<(Vec<Found>, usize)> {
    let mut values = serde_json::Deserializer::from_str(s).into_iter::<Value>();
    if let Some(Ok(value)) = values.next() {
        let len = values.byte_offset();
        let mut found = Vec::new();
        from_value(&value, depth, &mut found);
        return Some((found, len));
    }
    let (fields, len) = Repr::new(s).object()?;
    let code = fields.iter().find_map(|(k, v)| match v {
        Field::Num(n) if is_code_key(k) => Some(*n),
        Field::Str(s) if is_code_key(k) => s.trim().parse().ok(),
        _ => None,
    });
    let code = code.or_else(|| is_success(|k| fields.iter().any(|(f, _)| f == k)).then_some(0))?;
    let msg = fields.iter().find_map(|(k, v)| match v {
        Field::Str(s) if is_msg_key(k) => Some(s.clone()),
        Field::Num(n) if is_msg_key(k) => Some(n.to_string()),
        _ => None,
    });
    Some((vec![(code, msg)], len))
}

/// The answers in a JSON value: an object with an errcode (or a success) is one; otherwise its
/// values are looked into, strings too (escaped JSON, log text).
fn from_value(value: &Value, depth: usize, out: &mut Vec<Found>) {
    match value {
        Value::Object(map) => match answer_of(map) {
            Some(found) => out.push(found),
            None => map.values().for_each(|v| from_value(v, depth, out)),
        },
        Value::Array(items) => items.iter().for_each(|v| from_value(v, depth, out)),
        Value::String(s) if depth < MAX_DEPTH => out.extend(find(s, depth + 1, false)),
        _ => {}
    }
}
