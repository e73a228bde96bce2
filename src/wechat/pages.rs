//! Pagination of WeChat's lists (`wxtoken api --paginate`): no Link headers, three styles, each
//! with its own way to ask for the next page and to tell the last one.

use serde_json::{Map, Value};

use crate::error::Failure;
use crate::lang::Lang;
use crate::platform::Platform;
use crate::tr;

/// How an API pages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Style {
    /// The answer's `answer` field (next_openid) is sent back as the request's `request` field;
    /// an empty one, or a page of `count` 0, is the last.
    OpenId { request: String, answer: String },
    /// `offset` grows by the answer's `item_count` until it reaches `total_count`.
    Offset { request: String },
    /// WeChat Work's cursor: the answer's `next_cursor` is the next request's `cursor`; an
    /// empty one is the last.
    Cursor { request: String, answer: String },
}

impl Style {
    /// The request's field that asks for a page.
    pub fn request_field(&self) -> &str {
        match self {
            Style::OpenId { request, .. }
            | Style::Offset { request }
            | Style::Cursor { request, .. } => request,
        }
    }
}

/// `url` without the query parameter `field`, and that parameter's (decoded) value: a page
/// asked for in PATH (`?next_openid=X`) becomes a field, so that the next page replaces it
/// rather than being sent beside it.
pub fn take_from_query(url: &str, field: &str) -> (String, Option<String>) {
    let Some((base, query)) = url.split_once('?') else {
        return (url.to_string(), None);
    };
    let mut value = None;
    let kept: Vec<&str> = query
        .split('&')
        .filter(|pair| {
            let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
            if k == field {
                value = Some(crate::encoding::percent_decode(v));
                return false;
            }
            true
        })
        .collect();
    let url = if kept.is_empty() {
        base.to_string()
    } else {
        format!("{base}?{}", kept.join("&"))
    };
    (url, value)
}

/// The styles of the APIs wxtoken knows (path without query, on its platform).
pub fn known(platform: Platform, path: &str) -> Option<Style> {
    let openid = |req: &str| Style::OpenId {
        request: req.into(),
        answer: "next_openid".into(),
    };
    let cursor = || Style::Cursor {
        request: "cursor".into(),
        answer: "next_cursor".into(),
    };
    let path = format!("/{}", path.trim_start_matches('/'));
    match (platform, path.as_str()) {
        (Platform::Mp, "/cgi-bin/user/get" | "/cgi-bin/user/tag/get") => {
            Some(openid("next_openid"))
        }
        (Platform::Mp, "/cgi-bin/tags/members/getblacklist") => Some(openid("begin_openid")),
        (
            Platform::Mp,
            "/cgi-bin/material/batchget_material"
            | "/cgi-bin/freepublish/batchget"
            | "/cgi-bin/draft/batchget",
        ) => Some(Style::Offset {
            request: "offset".into(),
        }),
        (
            Platform::Wecom,
            "/cgi-bin/user/list_id"
            | "/cgi-bin/externalcontact/batch/get_by_user"
            | "/cgi-bin/externalcontact/groupchat/list"
            | "/cgi-bin/kf/sync_msg",
        ) => Some(cursor()),
        _ => None,
    }
}

/// `--paginate-style STYLE[:REQ,ANS]`.
pub fn parse_style(raw: &str, lang: Lang) -> Result<Style, Failure> {
    let (name, fields) = match raw.split_once(':') {
        Some((n, f)) => (n, Some(f)),
        None => (raw, None),
    };
    // openid and cursor name two fields (the request's, the answer's); offset one.
    let pair = |d: (&str, &str)| -> Result<(String, String), Failure> {
        match fields.map(|f| f.split_once(',')) {
            None => Ok((d.0.into(), d.1.into())),
            Some(Some((a, b))) if is_name(a) && is_name(b) => Ok((a.into(), b.into())),
            Some(_) => Err(bad_style(raw, lang)),
        }
    };
    Ok(match name {
        "openid" => {
            let (request, answer) = pair(("next_openid", "next_openid"))?;
            Style::OpenId { request, answer }
        }
        "offset" => match fields {
            Some(f) if is_name(f) => Style::Offset { request: f.into() },
            Some(_) => return Err(bad_style(raw, lang)),
            None => Style::Offset {
                request: "offset".into(),
            },
        },
        "cursor" => {
            let (request, answer) = pair(("cursor", "next_cursor"))?;
            Style::Cursor { request, answer }
        }
        _ => return Err(bad_style(raw, lang)),
    })
}

fn is_name(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
}

fn bad_style(raw: &str, lang: Lang) -> Failure {
    let shown = crate::redact::sanitize(raw);
    Failure::usage(tr!(
        lang,
        "--paginate-style takes openid, offset or cursor, optionally with the request's and the answer's field: cursor:cursor,next_cursor; not \"{shown}\"",
        "--paginate-style 取 openid、offset 或 cursor，可带请求和应答中的字段名：cursor:cursor,next_cursor；而不是 \"{shown}\""
    ))
}

/// The field and value that ask for the page after `page`, or `None` when `page` is the last.
/// `offset` is the offset `page` was asked with.
pub fn next(style: &Style, page: &Map<String, Value>, offset: i64) -> Option<(String, Value)> {
    let text = |k: &str| page.get(k).and_then(Value::as_str).unwrap_or_default();
    let number = |k: &str| page.get(k).and_then(Value::as_i64);
    match style {
        Style::OpenId { request, answer } => {
            let next = text(answer);
            let empty_page = number("count") == Some(0);
            (!next.is_empty() && !empty_page).then(|| (request.clone(), Value::from(next)))
        }
        Style::Offset { request } => {
            let items = number("item_count").unwrap_or(0);
            let total = number("total_count").unwrap_or(0);
            let next = offset.saturating_add(items);
            (items > 0 && next < total).then(|| (request.clone(), Value::from(next)))
        }
        Style::Cursor { request, answer } => {
            let next = text(answer);
            let more = page.get("has_more").and_then(Value::as_i64) != Some(0);
            (!next.is_empty() && more).then(|| (request.clone(), Value::from(next)))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn page(v: Value) -> Map<String, Value> {
        v.as_object().unwrap().clone()
    }

    #[test]
    fn each_style_finds_the_next_page_and_the_last() {
        let openid = known(Platform::Mp, "cgi-bin/user/get").unwrap();
        let p = page(json!({"total":3,"count":2,"next_openid":"o2"}));
        assert_eq!(
            next(&openid, &p, 0),
            Some(("next_openid".into(), json!("o2")))
        );
        let last = page(json!({"total":3,"count":1,"next_openid":""}));
        assert_eq!(next(&openid, &last, 0), None);
        let zero = page(json!({"total":3,"count":0,"next_openid":"o3"}));
        assert_eq!(next(&openid, &zero, 0), None);

        let offset = known(Platform::Mp, "/cgi-bin/material/batchget_material").unwrap();
        let p = page(json!({"total_count":45,"item_count":20}));
        assert_eq!(next(&offset, &p, 20), Some(("offset".into(), json!(40))));
        let last = page(json!({"total_count":45,"item_count":5}));
        assert_eq!(next(&offset, &last, 40), None);
        assert_eq!(
            next(&offset, &page(json!({"total_count":45,"item_count":0})), 0),
            None
        );

        let cursor = known(Platform::Wecom, "/cgi-bin/user/list_id").unwrap();
        let p = page(json!({"next_cursor":"c2","dept_user":[]}));
        assert_eq!(next(&cursor, &p, 0), Some(("cursor".into(), json!("c2"))));
        assert_eq!(next(&cursor, &page(json!({"next_cursor":""})), 0), None);
        assert!(known(Platform::Mp, "/cgi-bin/user/list_id").is_none());
    }

    #[test]
    fn styles_from_the_command_line() {
        assert_eq!(
            parse_style("cursor:page_cursor,next_page", Lang::En).unwrap(),
            Style::Cursor {
                request: "page_cursor".into(),
                answer: "next_page".into()
            }
        );
        assert_eq!(
            parse_style("openid", Lang::En).unwrap(),
            Style::OpenId {
                request: "next_openid".into(),
                answer: "next_openid".into()
            }
        );
        for bad in [
            "",
            "pages",
            "cursor:",
            "cursor:a",
            "cursor:a,b c",
            "openid:a,",
        ] {
            assert!(parse_style(bad, Lang::En).is_err(), "{bad}");
        }
    }
}
