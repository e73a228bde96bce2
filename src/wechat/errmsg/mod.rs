//! Pulling the request id and the caller's IP out of WeChat's `errmsg` strings: every form of
//! `wechat-api.md` §5.1 and §5.2 (`rid: X`, `hint: [X]`, `hints: [ req_id: X ]`, WeCom's
//! `hint: [H], from ip: IP`, the third-party platform's `requestIP: IP`), and what people do to
//! them before pasting (masking, cutting); and what else WeChat Work's form tells (the time in
//! its hint, its devtool link).

use std::net::{IpAddr, SocketAddr};

/// The request id in an errmsg, in any of the forms WeChat has used:
/// `... rid: 658cff8e-7783352d-44cb33e5` (also `rid:X` and `rid:  @X`), `..., rid: ...`,
/// `... hint: [jotvMa01143580]` (also `hint: [X!]`), `..., hints: [ req_id: IgXGma08222015 ]`,
/// `hints: [X]`, and WeCom's `hint: [H]`. A `rid:` wins over a hint. A masked id
/// (`xxxxxxxx-xxxxxxxx-xxxxxxxx`, `6610524e-3c4d5e6f-XXXXXXXX`, `…***`) is returned as pasted,
/// so is an id a log cut short; `hint: []`, a bare `hint:` and `[redacted]` give none.
pub fn request_id(errmsg: &str) -> Option<String> {
    let lower = errmsg.to_ascii_lowercase();
    for marker in ["rid:", "req_id:"] {
        for pos in marker_positions(&lower, marker).into_iter().rev() {
            if let Some(id) = id_at(&errmsg[pos + marker.len()..], false) {
                return Some(id);
            }
        }
    }
    let mut hints: Vec<(usize, usize)> = ["hint:", "hints:"]
        .iter()
        .flat_map(|m| {
            marker_positions(&lower, m)
                .into_iter()
                .map(move |p| (p, p + m.len()))
        })
        .collect();
    hints.sort();
    for (_, end) in hints.into_iter().rev() {
        let rest = errmsg[end..].trim_start();
        let Some(inner) = rest.strip_prefix('[') else {
            continue;
        };
        let inner = inner.trim_start();
        let inner = match inner.get(..7) {
            Some(p) if p.eq_ignore_ascii_case("req_id:") => &inner[7..],
            _ => inner,
        };
        if let Some(id) = id_at(inner, true) {
            return Some(id);
        }
    }
    None
}

/// Whether a request id (as [`request_id`] returns it) is whole, so that it can be looked up:
/// not masked (`*`, `…`, a group of x's as in `xxxxxxxx-xxxxxxxx-xxxxxxxx`) and not a current
/// rid cut short (`5fd3c0a1-6e2b7d4f-`).
pub fn id_is_whole(id: &str) -> bool {
    if id.is_empty() || id.contains(['*', '…']) {
        return false;
    }
    let x_group = |g: &str| g.len() >= 3 && g.chars().all(|c| c == 'x' || c == 'X');
    if id.split(['-', '.', '_']).any(x_group) {
        return false;
    }
    let b = id.as_bytes();
    let cut_rid = b.len() > 8
        && b.len() < 26
        && b.iter().enumerate().all(|(i, &c)| match i {
            8 | 17 => c == b'-',
            _ => c.is_ascii_digit() || (b'a'..=b'f').contains(&c),
        });
    !cut_rid
}

/// Where `marker` (lower case) starts in `lower` as a word of its own (`grid:` is no `rid:`).
fn marker_positions(lower: &str, marker: &str) -> Vec<usize> {
    lower
        .match_indices(marker)
        .map(|(p, _)| p)
        .filter(|&p| {
            !lower[..p]
                .chars()
                .next_back()
                .is_some_and(|c| c.is_ascii_alphanumeric() || c == '_')
        })
        .collect()
}

/// A character of a request id: letters, digits, `-`, `_`, `.`, and the `*` and `…` of a mask.
fn is_id_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.' | '*' | '…')
}

/// The id at the start of `s` (after blanks and an `@`). A current rid (three groups of 8
/// lowercase hex digits) ends there, whatever a log glued after it; any other id runs as far
/// as id characters go (outside brackets, without a sentence's final dots).
fn id_at(s: &str, bracketed: bool) -> Option<String> {
    let s = s.trim_start();
    let s = s.strip_prefix('@').unwrap_or(s);
    if let Some(rid) = current_rid(s) {
        return Some(rid.to_string());
    }
    let end = s.find(|c: char| !is_id_char(c)).unwrap_or(s.len());
    let id = &s[..end];
    let id = if bracketed {
        id
    } else {
        id.trim_end_matches('.')
    };
    let real =
        id.chars().any(|c| c.is_ascii_alphanumeric()) && !id.eq_ignore_ascii_case("redacted");
    real.then(|| id.to_string())
}

/// `s` starts with a current rid (`6610524e-3c4d5e6f-7a8b9c0d`) not followed by more of an id.
fn current_rid(s: &str) -> Option<&str> {
    let b = s.as_bytes();
    if b.len() < 26 {
        return None;
    }
    let shape = (0..26).all(|i| {
        if i == 8 || i == 17 {
            b[i] == b'-'
        } else {
            b[i].is_ascii_digit() || (b'a'..=b'f').contains(&b[i])
        }
    });
    // Only now is byte 26 known to start a character.
    let ends = shape
        && s[26..]
            .chars()
            .next()
            .is_none_or(|c| c == '.' || !is_id_char(c));
    ends.then(|| &s[..26])
}

/// The caller's IP as WeChat saw it (40164 and friends), in plain IPv4 form when it is one:
/// `invalid ip 8.149.20.108 ipv6 ::ffff:8.149.20.108, not in whitelist rid: ...` gives
/// `8.149.20.108`, and so does the older form without the ipv6 part; WeCom's `from ip: IP` and
/// the third-party platform's `requestIP: IP` give IP. A masked IP (`x.x.x.x`, `10.1.XXX.XXX`,
/// `*****`, `<your_ip>`, `[redacted]`) is no IP.
pub fn caller_ip(errmsg: &str) -> Option<String> {
    let lower = errmsg.to_ascii_lowercase();
    // Where the errmsg names the caller's IP, that word is the IP, or (masked) there is none.
    for marker in ["from ip:", "requestip:", "invalid ip"] {
        if let Some(&pos) = marker_positions(&lower, marker).first() {
            return words(&errmsg[pos + marker.len()..])
                .next()
                .and_then(ip_of)
                .map(|ip| ip.to_string());
        }
    }
    let mut found: Option<IpAddr> = None;
    for ip in words(errmsg).filter_map(ip_of) {
        match (found, ip) {
            // The first IPv4 (or mapped IPv4) wins; a pure IPv6 only if nothing better comes.
            (None, _) | (Some(IpAddr::V6(_)), IpAddr::V4(_)) => found = Some(ip),
            _ => {}
        }
        if matches!(found, Some(IpAddr::V4(_))) {
            break;
        }
    }
    found.map(|ip| ip.to_string())
}

/// Whether the errmsg carries an IPv4-mapped IPv6 address written `::ffff:a.b.c.d` (or
/// `::ffff:0102:0304`): the form that makes people think WeChat saw an IPv6 caller.
pub fn has_ipv4_mapped_form(errmsg: &str) -> bool {
    words(errmsg).any(|w| {
        w.to_ascii_lowercase().contains("::ffff:")
            && matches!(w.trim_end_matches('.').parse::<IpAddr>(),
                Ok(IpAddr::V6(v6)) if v6.to_ipv4_mapped().is_some())
    })
}

/// The words of `text` as far as addresses go: split at blanks and the punctuation a message or
/// a log puts around an address.
fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| {
        c.is_whitespace()
            || matches!(
                c,
                ',' | '，'
                    | ';'
                    | '；'
                    | '='
                    | '('
                    | ')'
                    | '['
                    | ']'
                    | '{'
                    | '}'
                    | '<'
                    | '>'
                    | '"'
                    | '\''
                    | '!'
                    | '！'
                    | '。'
                    | '、'
                    | '（'
                    | '）'
            )
    })
    .filter(|w| !w.is_empty())
}

/// The address a word is, IPv4-mapped IPv6 in plain IPv4 form; `1.2.3.4.` (a sentence's end),
/// `1.2.3.4:` and `1.2.3.4:8080` count, a masked or unspecified address does not.
fn ip_of(word: &str) -> Option<IpAddr> {
    let mut w = word.trim_end_matches('.');
    if w.ends_with(':') && !w.ends_with("::") {
        w = &w[..w.len() - 1];
    }
    let ip = w
        .parse::<IpAddr>()
        .ok()
        .or_else(|| w.parse::<SocketAddr>().ok().map(|s| s.ip()))?;
    let ip = match ip {
        IpAddr::V6(v6) => v6
            .to_ipv4_mapped()
            .map(IpAddr::V4)
            .unwrap_or(IpAddr::V6(v6)),
        v4 => v4,
    };
    (!ip.is_unspecified()).then_some(ip)
}

/// 2015-01-01T00:00:00Z: no WeChat Work request id is older.
const EARLIEST_RECEIVED: u64 = 1_420_070_400;

/// When WeChat Work received the request, read from its request id (`hint: [H]`): the first 10
/// digits of a WeCom hint (`1712345678402917365820194`, older `1712345678_57_<32 hex>`) are the
/// request's Unix time. Observed, not documented; only a time between 2015-01-01 and a day from
/// now counts.
pub fn received_at(errmsg: &str) -> Option<u64> {
    received_at_given(errmsg, crate::time::now_unix())
}

/// [`received_at`] with the current time given.
fn received_at_given(errmsg: &str, now: u64) -> Option<u64> {
    let id = request_id(errmsg)?;
    wecom_hint_time(&id).filter(|t| (EARLIEST_RECEIVED..=now.saturating_add(86_400)).contains(t))
}

/// The leading Unix time of a WeCom hint: 10 to 25 digits (the newer form, or what a log left
/// of it), or 10 digits, `_`, digits and optionally `_` and hex digits (the older form).
fn wecom_hint_time(id: &str) -> Option<u64> {
    let all_digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    let (head, rest) = (id.get(..10)?, &id[10..]);
    if !all_digits(head) {
        return None;
    }
    let shape = match rest.strip_prefix('_') {
        None => rest.len() <= 15 && all_digits(rest),
        Some(older) => {
            let (n, hex) = older.split_once('_').unwrap_or((older, ""));
            !n.is_empty()
                && all_digits(n)
                && hex.len() <= 32
                && hex.bytes().all(|b| b.is_ascii_hexdigit())
        }
    };
    shape.then(|| head.parse().ok()).flatten()
}

/// The page WeChat Work links from an errmsg (`more info at …?e=CODE`), without the code.
const DEVTOOL_QUERY: &str = "https://open.work.weixin.qq.com/devtool/query?e=";

/// WeChat Work's page for the code, `https://open.work.weixin.qq.com/devtool/query?e=CODE`, when
/// the errmsg carries it whole: a link a log cut off (`…devtool/que`, `?e=`, `?e=600…`) or that
/// runs on into more URL is none. A link cut inside the digits cannot be told from a whole one
/// here: `e=` repeats the errcode, so compare them.
pub fn more_info_link(errmsg: &str) -> Option<String> {
    let lower = errmsg.to_ascii_lowercase();
    lower.match_indices(DEVTOOL_QUERY).find_map(|(pos, _)| {
        let rest = &errmsg[pos + DEVTOOL_QUERY.len()..];
        let sign = usize::from(rest.starts_with('-'));
        let digits = rest[sign..].bytes().take_while(u8::is_ascii_digit).count();
        let end = sign + digits;
        let whole = digits > 0 && rest[end..].chars().next().is_none_or(|c| !continues_url(c));
        whole.then(|| format!("{DEVTOOL_QUERY}{}", &rest[..end]))
    })
}

/// A character that would make the code run on (or show the link was cut with an ellipsis).
fn continues_url(c: char) -> bool {
    c.is_ascii_alphanumeric()
        || matches!(
            c,
            '&' | '#' | '%' | '=' | '_' | '-' | '/' | '?' | '+' | '~' | '…'
        )
}

/// Whether an errmsg reads like WeChat Work's: it has the devtool link (even cut off after
/// `devtool/`) or `from ip:`.
pub fn looks_like_wecom(errmsg: &str) -> bool {
    let lower = errmsg.to_ascii_lowercase();
    lower.contains("open.work.weixin.qq.com/devtool/")
        || !marker_positions(&lower, "from ip:").is_empty()
}

#[cfg(test)]
mod tests;
