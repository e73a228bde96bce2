//! How values are read from the config file, and how its mistakes are described.

use super::keys::{FLAG_KEYS, OWN_KEYS};
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

/// An unknown key, with the nearest known one.
pub(super) fn unknown_key(key: &str, lang: Lang) -> String {
    let known = FLAG_KEYS
        .iter()
        .map(|(k, _)| *k)
        .chain(OWN_KEYS.iter().copied());
    let near = known
        .map(|k| (strsim::levenshtein(k, key), k))
        .min()
        .filter(|(d, _)| *d <= 2)
        .map(|(_, k)| k);
    let shown = crate::redact::sanitize(key);
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

/// A word with a secret's shape: 32 or more letters, digits, `-` and `_` (an AppSecret is 32
/// hex digits, a WeChat Work secret 43 URL-safe characters, a token longer still).
///
/// A secret mixes letters and digits and has few hyphens (a WeChat Work secret, 43 random
/// characters of 64, almost never more than four): a long path or host name of words
/// (`print-wechat-official-account-secret`) is not one.
fn secret_shaped(word: &str) -> bool {
    word.len() >= 32
        && word
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
        && word.bytes().any(|b| b.is_ascii_digit())
        && word.bytes().any(|b| b.is_ascii_alphabetic())
        && word.bytes().filter(|&b| b == b'-').count() <= 4
}

/// Mask, from here on, every word of the config file that has a secret's shape, wherever it
/// stands (a secret pasted as a key, a profile name, a variable's name, a command, a path): no
/// message built from the file, by wxtoken, toml or clap, can show it.
pub fn register_secret_shaped_words(text: &str) {
    for word in text.split(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '_')) {
        if secret_shaped(word) {
            crate::redact::register_secret(word);
        }
    }
}
