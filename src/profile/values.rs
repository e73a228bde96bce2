//! How values are read from the config file, and how its mistakes are described.

use super::{FLAG_KEYS, OWN_KEYS};
use crate::lang::Lang;
use crate::tr;

pub(super) fn expect_str(v: &toml::Value, lang: Lang) -> Result<&str, String> {
    match v {
        toml::Value::String(s) => Ok(s),
        other => {
            let found = other.type_str();
            Err(tr!(
                lang,
                "expected a string, found {found}",
                "应为字符串，实际是 {found}"
            ))
        }
    }
}

/// `secret_command`: a non-empty array of strings (run without a shell).
pub(super) fn expect_argv(v: &toml::Value, lang: Lang) -> Result<Vec<String>, String> {
    let wrong = || {
        lang.pick(
            "expected an array of strings, the command and its arguments (run without a shell), such as [\"pass\", \"show\", \"wx/mini\"]",
            "应为字符串数组：命令及其参数（不经过 shell），例如 [\"pass\", \"show\", \"wx/mini\"]",
        )
        .to_string()
    };
    let toml::Value::Array(items) = v else {
        return Err(wrong());
    };
    let argv: Option<Vec<String>> = items
        .iter()
        .map(|i| i.as_str().map(str::to_string))
        .collect();
    match argv {
        Some(a) if a.first().is_some_and(|c| !c.is_empty()) => Ok(a),
        _ => Err(wrong()),
    }
}

/// The line (from 1) of a byte offset.
pub(super) fn line_of(text: &str, offset: usize) -> usize {
    text.as_bytes()[..offset.min(text.len())]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}

/// toml's message, without a value it may quote (a wrong type names the value).
pub(super) fn toml_message(message: &str) -> String {
    let first = message.lines().next().unwrap_or("").trim();
    match first.split_once("invalid type: ") {
        Some((_, rest)) => match rest.split_once(", expected ") {
            Some((_, expected)) => format!("wrong type, expected {expected}"),
            None => "wrong type".to_string(),
        },
        None => first.to_string(),
    }
}

/// The password of a store URL (`redis://user:password@host`), if it has one.
pub fn url_password(url: &str) -> Option<String> {
    let rest = url.split_once("://")?.1;
    let userinfo = rest.split(['/', '?', '#']).next()?.rsplit_once('@')?.0;
    let password = userinfo.split_once(':').map_or(userinfo, |(_, p)| p);
    (!password.is_empty()).then(|| crate::encoding::percent_decode(password))
}

/// An unknown key, with the nearest known one.
pub(super) fn unknown_key(key: &str, lang: Lang) -> String {
    let known = FLAG_KEYS
        .iter()
        .map(|(k, _)| *k)
        .chain(OWN_KEYS.iter().copied());
    let near = known
        .map(|k| (distance(k, key), k))
        .min()
        .filter(|(d, _)| *d <= 2)
        .map(|(_, k)| k);
    let shown = shown_name(key);
    match near {
        Some(k) => tr!(
            lang,
            "unknown key \"{shown}\" (did you mean {k}?)",
            "未知的键 \"{shown}\"（是否想写 {k}？）"
        ),
        None => tr!(
            lang,
            "unknown key \"{shown}\" (README lists the keys a profile may set)",
            "未知的键 \"{shown}\"（README 列出了 profile 可以设置的键）"
        ),
    }
}

/// Levenshtein distance (short keys only).
fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cur = row[j + 1];
            row[j + 1] = (prev + usize::from(ca != *cb)).min(row[j] + 1).min(cur + 1);
            prev = cur;
        }
    }
    row[b.len()]
}

/// A key or a profile name as shown: one that looks like a secret (a long run of letters and
/// digits: a secret pasted where a name belongs) is masked from here on, and not shown.
pub fn shown_name(name: &str) -> String {
    if name.len() >= 16 && name.chars().all(|c| c.is_ascii_alphanumeric()) {
        crate::redact::register_secret(name);
        return crate::lang::Lang::current()
            .pick(
                "(a name that looks like a secret; not shown)",
                "（看起来像 secret 的名称；不显示）",
            )
            .to_string();
    }
    crate::redact::sanitize(name)
}
