//! JSON values in a paste: balanced objects, strings, and the answers they hold.

use serde_json::{Map, Value};

use super::found::{Found, MAX_NESTING, MAX_OBJECT};

/// How long the bracketed object starting at `s` (with `{`) is, quotes respected: a quote opens
/// a string only where a JSON or repr value or key can start (after `{[,:=`, or a Python
/// `u`/`b`/`r` there), so that an apostrophe in a Java map's errmsg is just a letter. `None` when
/// the brackets do not close within [`MAX_OBJECT`] bytes and [`MAX_NESTING`] levels. One pass over
/// at most that much text, so that looking at every `{` of a paste stays cheap.
pub(super) fn balanced_len(s: &str, budget: &mut usize) -> Option<usize> {
    let b = s.as_bytes();
    let limit = b.len().min(MAX_OBJECT).min(*budget);
    let mut i = 0;
    let len = balanced_prefix(&b[..limit], &mut i);
    // What serde or the repr reader read again of it counts twice.
    *budget = budget.saturating_sub(i + 1 + len.unwrap_or(0));
    len
}

/// [`balanced_len`] of `b`, with `i` left where reading stopped.
pub(super) fn balanced_prefix(b: &[u8], i: &mut usize) -> Option<usize> {
    let limit = b.len();
    let opener = |c: u8| matches!(c, b'{' | b'[' | b',' | b':' | b'=');
    let mut stack: Vec<u8> = Vec::new();
    // The last two bytes that were not blanks, outside strings.
    let (mut prev, mut before) = (b' ', b' ');
    while *i < limit {
        let c = b[*i];
        match c {
            b'{' | b'[' => {
                stack.push(if c == b'{' { b'}' } else { b']' });
                if stack.len() > MAX_NESTING {
                    return None;
                }
            }
            b'}' | b']' => {
                if stack.pop() != Some(c) {
                    return None;
                }
                if stack.is_empty() {
                    return Some(*i + 1);
                }
            }
            b'"' | b'\''
                if opener(prev)
                    || (matches!(prev, b'u' | b'U' | b'b' | b'B' | b'r' | b'R')
                        && b[*i - 1] == prev
                        && opener(before)) =>
            {
                match string_end(b, *i, c) {
                    Some(end) => *i = end,
                    None => {
                        *i = limit;
                        return None;
                    }
                }
            }
            _ => {}
        }
        if !c.is_ascii_whitespace() {
            (before, prev) = (prev, c);
        }
        *i += 1;
    }
    None
}

/// Where the string opened by the quote `q` at `start` ends (its last byte): at the same quote,
/// backslash escapes skipped, or at a typographic `”` that ends a JSON value.
pub(super) fn string_end(b: &[u8], start: usize, q: u8) -> Option<usize> {
    const CURLY: &[u8] = "”".as_bytes();
    let mut j = start + 1;
    while j < b.len() {
        match b[j] {
            b'\\' => j += 2,
            c if c == q => return Some(j),
            _ if q == b'"' && b[j..].starts_with(CURLY) => {
                let after = b[j + CURLY.len()..]
                    .iter()
                    .find(|c| !c.is_ascii_whitespace());
                if matches!(after, Some(b',' | b'}')) {
                    return Some(j + CURLY.len() - 1);
                }
                j += 1;
            }
            _ => j += 1,
        }
    }
    None
}

/// A success without an errcode: a token with its lifetime (WeChat's answer, `wxtoken fetch
/// --json`), or getcallbackip's `ip_list`. A bare `access_token` field is a request's parameter
/// echoed in a log, not an answer.
pub(super) fn is_success(has: impl Fn(&str) -> bool) -> bool {
    (has("access_token") && has("expires_in")) || has("ip_list")
}

pub(super) fn is_code_key(k: &str) -> bool {
    k.eq_ignore_ascii_case("errcode") || k.eq_ignore_ascii_case("err_code")
}

pub(super) fn is_msg_key(k: &str) -> bool {
    k.eq_ignore_ascii_case("errmsg") || k.eq_ignore_ascii_case("err_msg")
}

pub(super) fn answer_of(map: &Map<String, Value>) -> Option<Found> {
    let field = |is: fn(&str) -> bool| map.iter().find(|(k, _)| is(k)).map(|(_, v)| v);
    let code = match field(is_code_key) {
        Some(Value::Number(n)) => n.as_i64(),
        Some(Value::String(s)) => s.trim().parse().ok(),
        Some(_) => None,
        None => is_success(|k| map.contains_key(k)).then_some(0),
    }?;
    let msg = field(is_msg_key).and_then(|v| match v {
        Value::String(s) => Some(s.clone()),
        Value::Null => None,
        other => Some(other.to_string()),
    });
    Some((code, msg))
}
