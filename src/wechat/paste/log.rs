//! Log lines: `[40164] MSG`, `code[45009] msg[MSG]`, `errcode=40001 , errmsg=MSG`, `Error code: N, message: MSG`.

use super::found::{Found, Placed};

/// The answers in the lines of `text[from..to]` (text around and between objects), placed.
pub(super) fn lines(text: &str, from: usize, to: usize, codes_allowed: bool) -> Vec<Placed> {
    let mut out = Vec::new();
    let gap = &text[from..to];
    let mut rows: Vec<(usize, &str)> = Vec::new();
    let mut at = 0;
    for line in gap.split_inclusive('\n') {
        rows.push((from + at, line.trim_end_matches(['\r', '\n'])));
        at += line.len();
    }
    let mut i = 0;
    while i < rows.len() {
        let (pos, line) = rows[i];
        i += 1;
        if codes_allowed && let Some(codes) = only_codes(line) {
            out.extend(codes.into_iter().map(|c| (pos, c)));
            continue;
        }
        let Some((code, mut msg)) = log_line(line) else {
            continue;
        };
        // `errcode: 40001` on one line, `errmsg: MSG` on the next (YAML, a pretty-printer).
        if msg.is_none()
            && let Some(&(_, next)) = rows.get(i)
            && code_in(next).is_none()
            && let Some(m) = message_in(next, None)
        {
            msg = Some(m);
            i += 1;
        }
        out.push((pos, (code, msg)));
    }
    out
}

/// Keys that introduce an errcode in a log line, longest first.
pub(super) const CODE_KEYS: &[&str] = &[
    "errcode",
    "err_code",
    "errorcode",
    "error_code",
    "error-code",
    "error code",
    "err code",
    "code",
    "错误代码",
    "错误码",
];

/// Keys that introduce an errmsg in a log line.
pub(super) const MSG_KEYS: &[&str] = &[
    "errmsg",
    "err_msg",
    "errormsg",
    "error_msg",
    "error-msg",
    "error msg",
    "err msg",
    "message",
    "msg",
    "错误信息",
];

/// One log line's answer: a keyed code (`errcode=N`, `Error code: N`, `code[N]`) with a keyed
/// message if any, or `[N] MSG`.
pub(super) fn log_line(line: &str) -> Option<Found> {
    if let Some((code, key_start)) = code_in(line) {
        return Some((code, message_in(line, Some(key_start))));
    }
    bracketed_code(line)
}

/// Where `key` starts in `line` as a word of its own; `lower` is `line` in ASCII lower case.
pub(super) fn keys_in(line: &str, lower: &str, key: &str) -> Vec<usize> {
    let word_char = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric() || c == '_');
    lower
        .match_indices(key)
        .map(|(p, _)| p)
        .filter(|&p| {
            // Chinese keys need no word boundary.
            let bounded = !key.is_ascii()
                || !(word_char(line[..p].chars().next_back())
                    || word_char(line[p + key.len()..].chars().next()));
            // `HTTP status code: 500` is no errcode.
            let other_code = key == "code"
                && ["status ", "http ", "exit ", "response "]
                    .iter()
                    .any(|w| lower[..p].ends_with(w));
            bounded && !other_code
        })
        .collect()
}

/// After a key: closing quotes, blanks, then the separator (`=`, `:`, `：`, or `[`).
pub(super) fn after_separator(rest: &str) -> Option<(&str, char)> {
    let rest = rest.trim_start_matches(['"', '\'']).trim_start();
    let sep = rest
        .chars()
        .next()
        .filter(|c| matches!(c, '=' | ':' | '：' | '['))?;
    Some((rest[sep.len_utf8()..].trim_start(), sep))
}

/// The first keyed errcode of a line, and where its key starts.
pub(super) fn code_in(line: &str) -> Option<(i64, usize)> {
    let lower = line.to_ascii_lowercase();
    let mut best: Option<(i64, usize)> = None;
    for key in CODE_KEYS {
        for p in keys_in(line, &lower, key) {
            if best.is_some_and(|(_, b)| b <= p) {
                continue;
            }
            let Some((rest, _)) = after_separator(&line[p + key.len()..]) else {
                continue;
            };
            let rest = rest.trim_start_matches(['"', '\'']);
            let digits = rest
                .char_indices()
                .take_while(|(i, c)| c.is_ascii_digit() || (*i == 0 && *c == '-'))
                .count();
            let glued = rest[digits..]
                .chars()
                .next()
                .is_some_and(|c| c.is_ascii_alphanumeric() || c == '.' || c == '_');
            if let Ok(code) = rest[..digits].parse::<i64>()
                && !glued
            {
                best = Some((code, p));
            }
        }
    }
    best
}

/// The keyed message of a line: `[..]` with its brackets balanced, a quoted string, or the rest
/// of the line (up to the code's key when the message comes first).
pub(super) fn message_in(line: &str, code_at: Option<usize>) -> Option<String> {
    let lower = line.to_ascii_lowercase();
    let mut keys: Vec<(usize, &str)> = MSG_KEYS
        .iter()
        .flat_map(|k| keys_in(line, &lower, k).into_iter().map(move |p| (p, *k)))
        .collect();
    keys.sort();
    keys.into_iter().find_map(|(p, key)| {
        let (rest, sep) = after_separator(&line[p + key.len()..])?;
        let text = if sep == '[' {
            let mut depth = 1;
            let end = rest
                .char_indices()
                .find(|(_, c)| {
                    match c {
                        '[' => depth += 1,
                        ']' => depth -= 1,
                        _ => {}
                    }
                    depth == 0
                })
                .map_or(rest.len(), |(i, _)| i);
            rest[..end].to_string()
        } else if let Some(q) = rest.chars().next().filter(|c| matches!(c, '"' | '\'')) {
            let inner = &rest[1..];
            let mut prev = ' ';
            let end = inner
                .char_indices()
                .find(|&(_, c)| {
                    let close = c == q && prev != '\\';
                    prev = c;
                    close
                })
                .map_or(inner.len(), |(i, _)| i);
            inner[..end].replace(&format!("\\{q}"), &q.to_string())
        } else {
            // `rest` is the end of `line`: where it starts there.
            let rest_at = line.len() - rest.len();
            let end = match code_at {
                Some(c) if c > rest_at => c - rest_at,
                _ => rest.len(),
            };
            rest[..end]
                .trim_end()
                .trim_end_matches([',', ';', '，', '；'])
                .to_string()
        };
        let text = text.trim();
        (!text.is_empty()).then(|| text.to_string())
    })
}

/// `[40164] MSG` (a timestamp may come first): a plausible errcode in brackets, the rest of the
/// line its message.
pub(super) fn bracketed_code(line: &str) -> Option<Found> {
    for (i, _) in line.match_indices('[') {
        let inner = &line[i + 1..];
        // A code is short: look no further for its closing bracket.
        let Some(close) = inner.bytes().take(12).position(|b| b == b']') else {
            continue;
        };
        let Ok(code) = inner[..close].trim().parse::<i64>() else {
            continue;
        };
        // -1, or a code of WeChat's ranges: thread ids and counters in brackets are no errcode.
        if code != -1 && !(40_000..1_000_000).contains(&code) {
            continue;
        }
        let msg = inner[close + 1..]
            .trim_start_matches([' ', ':', '-', '：', '\t'])
            .trim();
        return Some((code, (!msg.is_empty()).then(|| msg.to_string())));
    }
    None
}

/// `40001`, `40164 -1`, a line of codes: the codes.
pub(super) fn only_codes(text: &str) -> Option<Vec<Found>> {
    let codes: Option<Vec<Found>> = text
        .split_whitespace()
        .map(|w| w.parse::<i64>().ok().map(|c| (c, None)))
        .collect();
    codes.filter(|c| !c.is_empty())
}
