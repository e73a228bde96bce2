//! WeChat's API management calls (`quota`, `rid`): the platform they exist on, their requests,
//! their paths, and the judging of their answers.

use serde_json::{Map, Value};

use crate::encoding::percent_encode;
use crate::error::Failure;
use crate::lang::Lang;
use crate::net::api_base::ApiBase;
use crate::net::client::{Answer, Request, Verdict};
use crate::output::Printer;
use crate::platform::Platform;
use crate::tr;
use crate::wechat;
use crate::wechat::catalog::Context;
use crate::wechat::response;

/// WeChat Work has none of these APIs: a usage error before anything is read or sent.
pub fn refuse_wecom(platform: Platform, command: &str, printer: &Printer) -> Result<(), Failure> {
    if platform != Platform::Wecom {
        return Ok(());
    }
    Err(Failure::usage(tr!(
        printer.lang,
        "WeChat Work has no such API: wxtoken {command} is for Official Accounts and Mini Programs (--platform mp); nothing was sent",
        "企业微信没有这类接口：wxtoken {command} 仅适用于公众号和小程序（--platform mp）；没有发出任何请求"
    )))
}

/// A POST of `body` to `path` with the token as its `access_token` parameter (shown as `***`).
pub fn request(base: &ApiBase, path: &str, token: &str, body: &Value) -> Request {
    let url = base.url(path);
    Request {
        url: format!("{url}?access_token={}", percent_encode(token)),
        shown_url: format!("{url}?access_token=***"),
        json_body: Some(body.to_string()),
        call: None,
    }
}

/// Judge the answer of `what` (a management call): errcode 0 and, when `field` is named, that
/// object, is done; an errcode is explained by the catalogue (-1 is worth another attempt); an
/// HTML page, an empty body, a 5xx and the like are explained as for a token; any other JSON is
/// a bad response.
pub fn judge(
    answer: &Answer,
    what: &str,
    field: Option<&str>,
    lang: Lang,
) -> Verdict<Map<String, Value>> {
    let parsed = response::parse(answer.status, &answer.body, lang);
    if let Ok(response::Answer::Error { errcode, errmsg }) = &parsed {
        return wechat::judge::errcode_verdict(
            Platform::Mp,
            *errcode,
            errmsg,
            Context::Fetch,
            lang,
        );
    }
    let text = String::from_utf8_lossy(&answer.body);
    let text = text.trim_start_matches('\u{feff}').trim();
    if (200..300).contains(&answer.status)
        && let Ok(Value::Object(map)) = serde_json::from_str::<Value>(text)
    {
        let zero = match map.get("errcode") {
            Some(Value::Number(n)) => n.as_i64() == Some(0),
            Some(Value::String(s)) => s.trim() == "0",
            _ => false,
        };
        let done = match field {
            // A call that answers with nothing but errcode: only errcode 0 says it took effect.
            None => zero,
            Some(f) => {
                map.get(f).is_some_and(Value::is_object) && (zero || !map.contains_key("errcode"))
            }
        };
        if done {
            return Verdict::Done(map);
        }
    }
    match parsed {
        Err(problem)
            if problem.status() >= 500 || !matches!(problem, response::Problem::NoToken { .. }) =>
        {
            wechat::judge::judge_problem(problem, answer, lang)
        }
        _ => {
            let message = match field {
                Some(f) => tr!(
                    lang,
                    "the answer to {what} has neither {f} nor an errcode",
                    "{what} 的返回既没有 {f} 也没有 errcode"
                ),
                None => tr!(
                    lang,
                    "the answer to {what} has no errcode 0: whether it took effect is not known",
                    "{what} 的返回中没有 errcode 0：无法确定是否已生效"
                ),
            };
            let status = answer.status;
            Verdict::Fail(Failure::Response {
                message: format!("{message} (HTTP {status}): {}", response::excerpt(text)),
                hints: vec![
                    lang.pick(
                        "check that --api-base points at WeChat or a gateway to it",
                        "请确认 --api-base 指向微信或其网关",
                    )
                    .to_string(),
                ],
                http_status: Some(status),
            })
        }
    }
}

/// A `cgi_path` as WeChat wants it: the path alone, starting with `/`. Usage errors never echo
/// the input (a pasted URL may carry a token in its query).
pub fn cgi_path(raw: &str, lang: Lang) -> Result<String, Failure> {
    let example = lang.pick(
        "for example: /cgi-bin/token, /cgi-bin/message/custom/send",
        "例如：/cgi-bin/token、/cgi-bin/message/custom/send",
    );
    let lower = raw.to_ascii_lowercase();
    if let Some(rest) = ["https://", "http://"]
        .iter()
        .find_map(|s| lower.starts_with(s).then(|| &raw[s.len()..]))
    {
        let path = rest.find('/').map(|i| &rest[i..]).unwrap_or("/");
        let path = path.split(['?', '#']).next().unwrap_or(path);
        let path = crate::redact::sanitize(&crate::redact::mask_request_record(path));
        return Err(Failure::usage(tr!(
            lang,
            "a cgi_path is the path alone, without scheme and host: {path}",
            "cgi_path 只是路径，不带协议和主机：{path}"
        )));
    }
    let bad_char = raw
        .chars()
        .any(|c| c.is_whitespace() || c.is_control() || !c.is_ascii());
    let problem = if raw.is_empty() {
        Some(lang.pick("a cgi_path is empty", "cgi_path 为空"))
    } else if bad_char {
        Some(lang.pick(
            "a cgi_path has whitespace, control or non-ASCII characters in it",
            "cgi_path 中含有空白、控制或非 ASCII 字符",
        ))
    } else if !raw.starts_with('/') {
        Some(lang.pick(
            "a cgi_path starts with / (WeChat answers 76003 otherwise)",
            "cgi_path 必须以 / 开头（否则微信会返回 76003）",
        ))
    } else if raw.contains(['?', '#']) {
        Some(lang.pick(
            "a cgi_path has no query string (nothing from ? on)",
            "cgi_path 不带查询参数（? 及其后的部分）",
        ))
    } else if raw.len() > 256 {
        Some(lang.pick(
            "a cgi_path is longer than any API's path",
            "cgi_path 比任何接口路径都长",
        ))
    } else {
        None
    };
    match problem {
        Some(p) => Err(Failure::usage(p).with_hint(example)),
        None => Ok(raw.to_string()),
    }
}
