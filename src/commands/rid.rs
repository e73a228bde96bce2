//! `wxtoken rid`: what WeChat recorded of one request (`POST /cgi-bin/openapi/rid/get`): when it
//! was made, how long it took, from which IP, and what was sent and answered. The request's URL,
//! body and answer can carry the secret and tokens: every field is masked before it is shown,
//! in every output mode.

use serde_json::{Map, Value, json};

use crate::cli::RidArgs;
use crate::error::Failure;
use crate::error::code;
use crate::lang::Lang;
use crate::output::Printer;
use crate::platform::Platform;
use crate::redact::mask_request_record;
use crate::redact::sanitize;
use crate::settings::profile::own::ProfileSettings;
use crate::settings::token::TokenSource;
use crate::wechat::catalog;
use crate::wechat::errmsg;
use crate::wechat::management;
use crate::wechat::response;
use crate::{time, tr};

pub fn run(args: &RidArgs, profile: &ProfileSettings, printer: &Printer) -> Result<u8, Failure> {
    let lang = printer.lang;
    management::refuse_wecom(args.platform.get(), "rid", printer)?;
    let rid = find_rid(&args.rid, lang)?;
    let source = TokenSource::decide(&args.token, profile, "rid", printer)?;
    let client = crate::settings::connect(&args.conn, profile, Platform::Mp, printer)?;
    let token = source.token(&client, printer)?;
    let req = management::request(
        &client.settings().api_base,
        "/cgi-bin/openapi/rid/get",
        &token,
        &json!({ "rid": rid }),
    );
    let answer = client
        .send(&req, printer, |a| {
            management::judge(a, "rid/get", Some("request"), lang)
        })
        .map_err(|f| dated(f, &rid, lang))?;
    let empty = Map::new();
    let record = answer
        .get("request")
        .and_then(Value::as_object)
        .unwrap_or(&empty);
    let mut doc = shown_record(record);
    doc["rid"] = json!(rid);
    doc["token_source"] = json!(source.name());
    doc["platform"] = json!("mp");
    if printer.json {
        printer.result_json(&doc)?;
    } else {
        printer.result_line(&text(&doc, lang))?;
    }
    Ok(code::OK)
}

/// The record as `--json` shows it: every text field masked ([`mask_request_record`]), the
/// time also in RFC 3339, and the errcode of the answer it holds, if any.
fn shown_record(record: &Map<String, Value>) -> Value {
    let text = |name: &str| match record.get(name) {
        None | Some(Value::Null) => Value::Null,
        Some(Value::String(s)) => json!(mask_request_record(s)),
        Some(other) => json!(mask_request_record(&other.to_string())),
    };
    let number = |name: &str| record.get(name).and_then(Value::as_u64);
    let invoke_time = number("invoke_time");
    let response_body = text("response_body");
    let errcode = response_body.as_str().and_then(|body| {
        match response::parse(200, body.as_bytes(), crate::lang::Lang::En) {
            Ok(response::Answer::Error { errcode, .. }) => Some(errcode),
            _ => None,
        }
    });
    json!({
        "invoke_time": invoke_time,
        "invoked_at": invoke_time.map(time::rfc3339),
        "cost_in_ms": number("cost_in_ms"),
        "client_ip": text("client_ip"),
        "request_url": text("request_url"),
        "request_body": text("request_body"),
        "response_body": response_body,
        "response_errcode": errcode,
    })
}

/// The record for people: one labelled line per field (server text escaped).
fn text(doc: &Value, lang: Lang) -> String {
    let field = |name: &str| match &doc[name] {
        Value::String(s) if s.is_empty() => lang.pick("(empty)", "（空）").to_string(),
        Value::String(s) => sanitize(s),
        Value::Number(n) => n.to_string(),
        _ => "-".to_string(),
    };
    let took = match &doc["cost_in_ms"] {
        Value::Number(n) => tr!(lang, "{n} ms", "{n} 毫秒"),
        _ => "-".to_string(),
    };
    let mut lines = vec![
        (lang.pick("rid:", "rid："), field("rid")),
        (lang.pick("invoked at:", "调用时间："), field("invoked_at")),
        (lang.pick("took:", "耗时："), took),
        (lang.pick("client IP:", "客户端 IP："), field("client_ip")),
        (
            lang.pick("request URL:", "请求 URL："),
            field("request_url"),
        ),
        (
            lang.pick("request body:", "请求体："),
            field("request_body"),
        ),
        (lang.pick("response:", "响应："), field("response_body")),
    ];
    if let Some(code) = doc["response_errcode"].as_i64() {
        let title = catalog::lookup(Platform::Mp, code)
            .map(|e| e.title(lang))
            .unwrap_or(lang.pick("not in wxtoken's catalogue", "不在 wxtoken 的错误码表中"));
        lines.push((
            lang.pick("errcode:", "错误码："),
            tr!(
                lang,
                "{code}, {title} (wxtoken explain {code})",
                "{code}，{title}（wxtoken explain {code}）"
            ),
        ));
    }
    let cols = |s: &str| -> usize { s.chars().map(|c| if c >= '\u{1100}' { 2 } else { 1 }).sum() };
    let width = lines.iter().map(|(l, _)| cols(l)).max().unwrap_or(0) + 2;
    lines
        .iter()
        .map(|(label, value)| format!("{label}{}{value}", " ".repeat(width - cols(label))))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The request id in what was given: a bare id, or one `errmsg` parsing finds in a pasted
/// errmsg, answer or log line. Usage errors (nothing is sent) for none, for WeChat Work's, and
/// for a masked or cut one; the input itself is never echoed (it may be a token).
fn find_rid(input: &str, lang: Lang) -> Result<String, Failure> {
    if errmsg::looks_like_wecom(input) {
        return Err(Failure::usage(lang.pick(
            "this is WeChat Work's request id (hint): WeChat Work has no API to look it up; nothing was sent",
            "这是企业微信的请求 ID（hint）：企业微信没有查询它的接口；没有发出任何请求",
        ))
        .with_hint(lang.pick(
            "give it to WeChat Work support",
            "联系企业微信客服时提供它",
        )));
    }
    let Some(id) = errmsg::request_id(input).or_else(|| bare_id(input)) else {
        let trimmed = input.trim();
        let chars = trimmed.chars().count();
        let failure = Failure::usage(tr!(
            lang,
            "no request id in the input ({chars} characters): give the rid, or the errmsg that carries it",
            "输入（{chars} 个字符）中没有请求 ID：请给出 rid，或带有它的 errmsg"
        ));
        let failure = if chars >= 32 && response::token_problem(trimmed).is_none() {
            crate::redact::register_secret(trimmed);
            failure.with_hint(lang.pick(
                "it looks like an access_token or a secret (not shown): a token goes in --token or WXTOKEN_ACCESS_TOKEN",
                "它看起来像 access_token 或 secret（不显示）：token 请用 --token 或 WXTOKEN_ACCESS_TOKEN 传入",
            ))
        } else {
            failure
        };
        return Err(failure.with_hint(lang.pick(
            "for example: wxtoken rid 6610524e-3c4d5e6f-7a8b9c0d, or wxtoken rid 'invalid appid rid: 6610524e-3c4d5e6f-7a8b9c0d'",
            "例如：wxtoken rid 6610524e-3c4d5e6f-7a8b9c0d，或 wxtoken rid 'invalid appid rid: 6610524e-3c4d5e6f-7a8b9c0d'",
        )));
    };
    if !errmsg::id_is_whole(&id) {
        let shown = sanitize(&id);
        return Err(Failure::usage(tr!(
            lang,
            "the request id {shown} is masked or cut short, so it cannot be looked up; nothing was sent",
            "请求 ID {shown} 已打码或被截断，无法查询；没有发出任何请求"
        ))
        .with_hint(lang.pick(
            "copy it whole from the original errmsg or log",
            "请从原始 errmsg 或日志中完整复制",
        )));
    }
    Ok(id)
}

/// A request id given alone: a current rid, an older hint id, or one masked the way people mask
/// them (reported as such later); never anything as long as a token or shaped like a secret.
fn bare_id(input: &str) -> Option<String> {
    let s = input.trim();
    let s = s.strip_prefix('@').unwrap_or(s);
    let s = s.trim_end_matches(['!', '.', ',', ';', ')', ']', '}', '"', '\'', '！', '。']);
    let id_char = |c: char| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-' | '*' | '…');
    let shaped = (6..=32).contains(&s.chars().count())
        && s.chars().all(id_char)
        && s.chars().any(|c| c.is_ascii_alphanumeric())
        && !s.eq_ignore_ascii_case("redacted")
        && !crate::wechat::credentials::secret_looks_right(s);
    shaped.then(|| s.to_string())
}

/// On "not found" and "time is error": when the rid says the request was made (the first group
/// of a current rid is its Unix time in hex: observed, not documented).
fn dated(f: Failure, rid: &str, lang: Lang) -> Failure {
    let Failure::WeChat(w) = &f else {
        return f;
    };
    if !matches!(w.errcode, 76001 | 76004) {
        return f;
    }
    let Some(at) = rid_time(rid, time::now_unix()) else {
        return f;
    };
    let (when, days) = (
        time::rfc3339(at),
        time::now_unix().saturating_sub(at) / 86_400,
    );
    f.with_hint(tr!(
        lang,
        "the rid dates the request to {when}, {days} days ago (its first group is the time: observed, not documented); WeChat keeps request records for 7 days",
        "从 rid 看，该请求发生在 {when}，即 {days} 天前（rid 的第一组是时间：为观察所得，文档未写明）；微信只保留 7 天的请求记录"
    ))
}

/// The Unix time in a current rid (`6610524e-…` is 2024-04-05T19:34:38Z), if plausible: from
/// 2015 to a day after `now`.
fn rid_time(rid: &str, now: u64) -> Option<u64> {
    let b = rid.as_bytes();
    let current = b.len() == 26
        && b.iter().enumerate().all(|(i, &c)| match i {
            8 | 17 => c == b'-',
            _ => c.is_ascii_digit() || (b'a'..=b'f').contains(&c),
        });
    if !current {
        return None;
    }
    let at = u64::from_str_radix(&rid[..8], 16).ok()?;
    (1_420_070_400..=now.saturating_add(86_400))
        .contains(&at)
        .then_some(at)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_rid_is_found_alone_or_in_what_was_pasted() {
        let rid = "6610524e-3c4d5e6f-7a8b9c0d";
        for input in [
            rid,
            " 6610524e-3c4d5e6f-7a8b9c0d\n",
            "@6610524e-3c4d5e6f-7a8b9c0d。",
            "invalid appid rid: 6610524e-3c4d5e6f-7a8b9c0d",
            r#"{"errcode":40013,"errmsg":"invalid appid rid: 6610524e-3c4d5e6f-7a8b9c0d"}"#,
        ] {
            assert_eq!(find_rid(input, Lang::En).unwrap(), rid, "{input}");
        }
        assert_eq!(
            find_rid("invalid appid hint: [kRt4Ma0731e512]", Lang::En).unwrap(),
            "kRt4Ma0731e512"
        );
        for input in [
            "",
            "hello world",
            "0f1e2d3c4b5a69788796a5b4c3d2e1f0",
            "invalid appid hint: []",
            "xxxxxxxx-xxxxxxxx-xxxxxxxx",
            "invalid appid rid: 5fd3c0a1-6e2b7d4f-",
            "not allow to access from your ip, hint: [1712345678402917365820194], from ip: 1.2.3.4, more info at https://open.work.weixin.qq.com/devtool/query?e=60020",
        ] {
            let f = find_rid(input, Lang::En).unwrap_err();
            assert_eq!(f.exit_code(), 2, "{input}");
        }
    }

    #[test]
    fn a_current_rid_carries_its_time() {
        let now = 1_800_000_000;
        assert_eq!(
            rid_time("6610524e-3c4d5e6f-7a8b9c0d", now),
            Some(1_712_345_678)
        );
        assert_eq!(rid_time("0000524e-3c4d5e6f-7a8b9c0d", now), None);
        assert_eq!(rid_time("kRt4Ma0731e512", now), None);
    }
}
