//! A call of any WeChat API (`wxtoken api`): where it goes (only to the API base's host, the
//! token never in the path the user typed), its fields as `gh api` takes them, its body, and
//! what kind of answer came back (judged by the body: WeChat's Content-Type cannot be trusted).

use serde_json::{Map, Value};

use crate::encoding::percent_encode;
use crate::error::Failure;
use crate::lang::Lang;
use crate::net::api_base::ApiBase;
use crate::net::client::{Call, Request};
use crate::tr;

/// The largest answer `api` takes: a media file or a QR code, far larger than a token.
pub const MAX_ANSWER: u64 = 64 * 1024 * 1024;

/// The URL of `path` (without the token): a path under the API base, or a full URL on the API
/// base's own host and port. Anything that would send the token elsewhere, or that carries an
/// `access_token` of its own, is a usage error.
pub fn target(path: &str, base: &ApiBase, lang: Lang) -> Result<String, Failure> {
    let shown = crate::redact::sanitize(&path.chars().take(200).collect::<String>());
    if path.is_empty() || path.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err(Failure::usage(tr!(
            lang,
            "PATH must be an API path such as cgi-bin/user/get, without spaces or control characters, not \"{shown}\"",
            "PATH 必须是接口路径（如 cgi-bin/user/get），不能含空格或控制字符，而不是 \"{shown}\""
        )));
    }
    let path = path.split('#').next().unwrap_or_default();
    let url = if let Some(rest) = path
        .strip_prefix("https://")
        .or_else(|| path.strip_prefix("http://"))
    {
        let scheme = if path.starts_with("https://") {
            "https"
        } else {
            "http"
        };
        let authority = rest.split(['/', '?']).next().unwrap_or_default();
        let (host, port) = match authority.rsplit_once(':') {
            Some((h, p)) if p.bytes().all(|b| b.is_ascii_digit()) && !p.is_empty() => {
                (h, p.parse::<u16>().ok())
            }
            _ => (authority, None),
        };
        let default_port = if scheme == "https" { 443 } else { 80 };
        let same = scheme == base.scheme
            && host.eq_ignore_ascii_case(&base.host)
            && port.unwrap_or(default_port) == base.port
            && !authority.contains('@');
        if !same {
            let host = crate::redact::sanitize(host);
            let ours = crate::redact::sanitize(&base.host_port());
            return Err(Failure::usage(tr!(
                lang,
                "{shown} is not on the API base's host ({ours}): the token would go to {host}; nothing was sent",
                "{shown} 不在 API 基础地址的主机（{ours}）上：token 会被发给 {host}；没有发出任何请求"
            ))
            .with_hint(tr!(
                lang,
                "give a path such as cgi-bin/user/get, or set --api-base to that host if it is your gateway",
                "请给出接口路径（如 cgi-bin/user/get）；如果那是你的网关，请用 --api-base 指定它"
            )));
        }
        // The base's own spelling of its origin, then the URL's path and query: a host
        // written in other letters is the same host, sent as the base names it.
        let origin_end = base.as_str()[base.scheme.len() + 3..]
            .find('/')
            .map_or(base.as_str().len(), |i| base.scheme.len() + 3 + i);
        let rest = &path[scheme.len() + 3 + authority.len()..];
        let rest = if rest.starts_with('/') {
            rest.to_string()
        } else {
            format!("/{rest}")
        };
        format!("{}{rest}", &base.as_str()[..origin_end])
    } else {
        base.url(&format!("/{}", path.trim_start_matches('/')))
    };
    let query = url.split_once('?').map(|(_, q)| q).unwrap_or_default();
    if query.split('&').any(|p| {
        p.split('=')
            .next()
            .unwrap_or_default()
            .eq_ignore_ascii_case("access_token")
    }) {
        return Err(Failure::usage(lang.pick(
            "PATH carries an access_token of its own: leave it out, wxtoken adds the token (and keeps it out of your shell history)",
            "PATH 自带了 access_token：请去掉它，wxtoken 会加上 token（也不会留在 shell 历史中）",
        )));
    }
    Ok(url)
}

/// A field as given: its key path (`a[b][]` is `a`, `b`, push) and its value.
#[derive(Debug, Clone, PartialEq)]
pub struct Field {
    pub key: String,
    pub value: Value,
}

/// `-f key=value` (a string) or `-F key=value` (typed); `read` reads `@FILE` and `@-`.
pub fn field(
    raw: &str,
    typed: bool,
    read: &mut dyn FnMut(&str) -> Result<String, Failure>,
    lang: Lang,
) -> Result<Field, Failure> {
    let shown = crate::redact::sanitize(&raw.chars().take(80).collect::<String>());
    let (key, value) = match raw.split_once('=') {
        Some((k, v)) if !k.is_empty() => (k, Some(v)),
        None if raw.ends_with("[]") && raw.len() > 2 => (raw, None),
        _ => {
            return Err(Failure::usage(tr!(
                lang,
                "a field is key=value, not \"{shown}\"",
                "字段的格式是 key=value，而不是 \"{shown}\""
            )));
        }
    };
    if key
        .split('[')
        .next()
        .is_some_and(|k| k.eq_ignore_ascii_case("access_token"))
    {
        return Err(Failure::usage(lang.pick(
            "a field named access_token is not sent: wxtoken adds the token itself (a second one could make WeChat reject a good token)",
            "不会发送名为 access_token 的字段：wxtoken 会自己加上 token（多一个可能让微信拒绝有效的 token）",
        )));
    }
    if key_path(key).is_none() {
        return Err(Failure::usage(tr!(
            lang,
            "the field's key is not name, name[sub] or name[]: \"{shown}\"",
            "字段名不是 name、name[sub] 或 name[]：\"{shown}\""
        )));
    }
    let value = match value {
        // `key[]` alone: an empty array.
        None => Value::Array(Vec::new()),
        Some(v) if !typed => Value::String(v.to_string()),
        Some("true") => Value::Bool(true),
        Some("false") => Value::Bool(false),
        Some("null") => Value::Null,
        Some(v) if v.parse::<i64>().is_ok() && !v.starts_with('+') => {
            Value::from(v.parse::<i64>().unwrap_or_default())
        }
        Some(v) if v.starts_with('@') => Value::String(read(&v[1..])?),
        Some(v) => Value::String(v.to_string()),
    };
    let key = if value.as_array().is_some_and(Vec::is_empty) && key.ends_with("[]") {
        key.trim_end_matches("[]").to_string()
    } else {
        key.to_string()
    };
    Ok(Field { key, value })
}

/// One step of a key path.
#[derive(Debug, PartialEq)]
enum Step<'a> {
    Key(&'a str),
    Push,
}

/// `a[b][]` as `a`, `b`, push; `None` for a malformed key.
fn key_path(key: &str) -> Option<Vec<Step<'_>>> {
    let (first, mut rest) = match key.find('[') {
        Some(i) => (&key[..i], &key[i..]),
        None => (key, ""),
    };
    if first.is_empty() {
        return None;
    }
    let mut steps = vec![Step::Key(first)];
    while !rest.is_empty() {
        let inner = rest.strip_prefix('[')?;
        let end = inner.find(']')?;
        let name = &inner[..end];
        steps.push(if name.is_empty() {
            Step::Push
        } else {
            Step::Key(name)
        });
        rest = &inner[end + 1..];
    }
    Some(steps)
}

/// The fields as one JSON object (`gh api`'s nesting rules).
pub fn body_object(fields: &[Field], lang: Lang) -> Result<Value, Failure> {
    let mut root = Value::Object(Map::new());
    for f in fields {
        let steps = key_path(&f.key).unwrap_or_default();
        let mut at = &mut root;
        for (i, step) in steps.iter().enumerate() {
            let last = i + 1 == steps.len();
            let next_is_push = steps.get(i + 1) == Some(&Step::Push);
            let fresh = || {
                if next_is_push {
                    Value::Array(Vec::new())
                } else {
                    Value::Object(Map::new())
                }
            };
            at = match (step, at) {
                (Step::Key(k), Value::Object(map)) => {
                    if last {
                        map.insert(k.to_string(), f.value.clone());
                        break;
                    }
                    map.entry(k.to_string()).or_insert_with(fresh)
                }
                (Step::Push, Value::Array(items)) => {
                    if last {
                        items.push(f.value.clone());
                        break;
                    }
                    // `a[][b]=1`: into the last object, unless it has `b` already (gh's rule:
                    // `-f 'button[][name]=A' -f 'button[][type]=click'` is one button).
                    let reuse = match (items.last(), steps.get(i + 1)) {
                        (Some(Value::Object(m)), Some(Step::Key(k))) => {
                            !m.contains_key(*k) || steps.get(i + 2).is_some()
                        }
                        _ => false,
                    };
                    if !reuse {
                        items.push(fresh());
                    }
                    match items.last_mut() {
                        Some(item) => item,
                        None => break,
                    }
                }
                _ => {
                    let key = crate::redact::sanitize(&f.key);
                    return Err(Failure::usage(tr!(
                        lang,
                        "the field {key} clashes with another field's shape (an object, an array or a value)",
                        "字段 {key} 与另一个字段的结构（对象、数组或值）冲突"
                    )));
                }
            };
        }
    }
    Ok(root)
}

/// The fields as query parameters (a string as it is, anything else as its JSON text).
pub fn query_string(fields: &[Field]) -> String {
    fields
        .iter()
        .map(|f| {
            let value = match &f.value {
                Value::String(s) => s.clone(),
                other => other.to_string(),
            };
            format!("{}={}", percent_encode(&f.key), percent_encode(&value))
        })
        .collect::<Vec<_>>()
        .join("&")
}

/// The request of a call: `url` with `query` added and the token as `access_token` (shown as
/// `***` everywhere a URL is shown).
pub fn request(url: &str, query: &str, token: &str, call: Call) -> Request {
    let joiner = if url.contains('?') { '&' } else { '?' };
    let extra = if query.is_empty() {
        String::new()
    } else {
        format!("{query}&")
    };
    Request {
        url: format!("{url}{joiner}{extra}access_token={}", percent_encode(token)),
        shown_url: format!("{url}{joiner}{extra}access_token=***"),
        json_body: None,
        call: Some(Box::new(call)),
    }
}

/// `-H 'Name: value'`, checked: a header name, and neither Host nor Content-Length (wxtoken
/// sets those).
pub fn header(raw: &str, lang: Lang) -> Result<(String, String), Failure> {
    let shown = crate::redact::sanitize(&raw.chars().take(80).collect::<String>());
    let parsed = raw.split_once(':').and_then(|(name, value)| {
        let name = name.trim();
        let ok = !name.is_empty()
            && name
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"-_".contains(&b))
            && !value.contains(['\r', '\n'])
            && !["host", "content-length"].contains(&name.to_ascii_lowercase().as_str());
        ok.then(|| (name.to_string(), value.trim().to_string()))
    });
    parsed.ok_or_else(|| {
        Failure::usage(tr!(
            lang,
            "-H takes 'Name: value' (not Host or Content-Length), not \"{shown}\"",
            "-H 的格式是 'Name: value'（不能是 Host 或 Content-Length），而不是 \"{shown}\""
        ))
    })
}

/// What an answer's body is.
#[derive(Debug)]
pub enum Kind {
    /// A JSON object, whatever the Content-Type said.
    Json(Map<String, Value>),
    /// Text that should have been JSON (an HTML page, broken JSON) or nothing at all.
    Broken(&'static str),
    /// Anything else: an image, a media file.
    Binary,
}

/// The kind of `body`, by its bytes.
pub fn kind(body: &[u8]) -> Kind {
    if let Ok(Value::Object(map)) = serde_json::from_slice::<Value>(body) {
        return Kind::Json(map);
    }
    let text = std::str::from_utf8(body).map(str::trim_start);
    match text {
        _ if body.iter().all(u8::is_ascii_whitespace) => Kind::Broken("an empty body"),
        Ok(t) if t.starts_with('<') => Kind::Broken("an HTML or XML page"),
        Ok(t) if t.starts_with(['{', '[']) => Kind::Broken("JSON that does not parse"),
        _ => Kind::Binary,
    }
}

#[cfg(test)]
mod tests;
