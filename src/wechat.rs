//! The WeChat token API on top of the HTTP client: building the requests of the classic and the
//! stable token endpoints and turning their answers into tokens or explained failures.

use crate::catalog;
use crate::catalog::{Context, Platform};
use crate::client::{Answer, Client, Request, Verdict};
use crate::credentials::Credentials;
use crate::error::{Failure, WeChatError};
use crate::lang::Lang;
use crate::output::{Printer, sanitize};
use crate::response::{self, Problem};

/// Which token endpoint.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Endpoint {
    /// `GET /cgi-bin/token`: every call invalidates the previous token.
    Token,
    /// `POST /cgi-bin/stable_token`: the same token for every caller while it is valid.
    StableToken,
    /// WeChat Work's `GET /cgi-bin/gettoken?corpid=&corpsecret=`: one token per app.
    WecomToken,
}

impl Endpoint {
    pub fn name(self) -> &'static str {
        match self {
            Endpoint::Token => "token",
            Endpoint::StableToken => "stable_token",
            Endpoint::WecomToken => "gettoken",
        }
    }

    /// `mp` or `wecom`, as `--platform` and the JSON output name it.
    pub fn platform_name(self) -> &'static str {
        match self {
            Endpoint::WecomToken => "wecom",
            Endpoint::Token | Endpoint::StableToken => "mp",
        }
    }

    pub fn from_name(name: &str) -> Option<Endpoint> {
        match name {
            "token" => Some(Endpoint::Token),
            "stable_token" => Some(Endpoint::StableToken),
            "gettoken" => Some(Endpoint::WecomToken),
            _ => None,
        }
    }
}

/// A token as WeChat issued it.
#[derive(Debug, Clone)]
pub struct Token {
    pub access_token: String,
    pub expires_in: u64,
}

/// The request for a token. The secret is encoded into the URL (classic) or the JSON body
/// (stable), and masked in what is shown.
pub fn token_request(
    client: &Client,
    creds: &Credentials,
    endpoint: Endpoint,
    force_refresh: bool,
) -> Request {
    let base = &client.settings().api_base;
    let encode = crate::api_base::percent_encode;
    match endpoint {
        Endpoint::WecomToken => {
            let url = base.url("/cgi-bin/gettoken");
            let query =
                |secret: &str| format!("?corpid={}&corpsecret={secret}", encode(&creds.appid));
            Request {
                shown_url: format!("{url}{}", query("***")),
                url: format!("{url}{}", query(&encode(creds.secret.expose()))),
                json_body: None,
            }
        }
        Endpoint::Token => {
            let url = base.url("/cgi-bin/token");
            let query = |secret: &str| {
                format!(
                    "?grant_type=client_credential&appid={}&secret={secret}",
                    crate::api_base::percent_encode(&creds.appid)
                )
            };
            Request {
                shown_url: format!("{url}{}", query("***")),
                url: format!(
                    "{url}{}",
                    query(&crate::api_base::percent_encode(creds.secret.expose()))
                ),
                json_body: None,
            }
        }
        Endpoint::StableToken => {
            let url = base.url("/cgi-bin/stable_token");
            let body = serde_json::json!({
                "grant_type": "client_credential",
                "appid": creds.appid,
                "secret": creds.secret.expose(),
                "force_refresh": force_refresh,
            });
            Request {
                shown_url: url.clone(),
                url,
                json_body: Some(body.to_string()),
            }
        }
    }
}

/// Fetch a token: retries after errcode -1, network failures and 5xx; explains the rest.
pub fn fetch_token(client: &Client, req: &Request, printer: &Printer) -> Result<Token, Failure> {
    let platform = client.settings().platform;
    client.send(req, printer, |answer| {
        judge_token(answer, platform, printer.lang)
    })
}

/// Judge a token endpoint's answer.
pub fn judge_token(answer: &Answer, platform: Platform, lang: Lang) -> Verdict<Token> {
    match response::parse(answer.status, &answer.body) {
        Ok(response::Answer::Token {
            access_token,
            expires_in,
        }) => {
            crate::redact::register_secret(&access_token);
            Verdict::Done(Token {
                access_token,
                expires_in,
            })
        }
        Ok(response::Answer::Error { errcode, errmsg }) => {
            errcode_verdict(platform, errcode, &errmsg, Context::Fetch, lang)
        }
        Err(problem) => judge_problem(problem, answer, lang),
    }
}

/// An errcode answer: -1 (WeChat busy) is worth another attempt, every other one is final.
pub fn errcode_verdict<T>(
    platform: Platform,
    errcode: i64,
    errmsg: &str,
    context: Context,
    lang: Lang,
) -> Verdict<T> {
    let f = wechat_failure(platform, errcode, errmsg, context, lang);
    if errcode == -1 {
        Verdict::Retry(f)
    } else {
        Verdict::Fail(f)
    }
}

/// A problem response: 5xx are worth another attempt, the rest are final.
pub fn judge_problem<T>(problem: Problem, answer: &Answer, lang: Lang) -> Verdict<T> {
    let retry = problem.status() >= 500;
    let f = match what_answered(&problem, answer, lang) {
        Some(f) => f,
        None => problem_failure(problem, lang),
    };
    if retry {
        Verdict::Retry(f)
    } else {
        Verdict::Fail(f)
    }
}

/// A redirect or a missing path: what it was, and the request it answered (secret masked).
/// None for every other problem.
fn what_answered(problem: &Problem, answer: &Answer, lang: Lang) -> Option<Failure> {
    let status = problem.status();
    let request = sanitize(&answer.request);
    let said = match problem {
        Problem::Html { excerpt, .. }
        | Problem::Status { excerpt, .. }
        | Problem::NotJson { excerpt, .. }
            if !excerpt.is_empty() =>
        {
            format!(": {excerpt}")
        }
        _ => String::new(),
    };
    let (message, hint) = match status {
        300..=399 => {
            let to = answer
                .location
                .as_deref()
                .map(|l| sanitize(&crate::redact::mask_server_text(l)))
                .unwrap_or_else(|| {
                    lang.pick("nowhere (no Location)", "未给出位置（没有 Location）")
                        .to_string()
                });
            (
                crate::tr!(
                    lang,
                    "the server redirected (HTTP {status}) to {to}; the request was {request}{said}",
                    "服务器重定向（HTTP {status}）到 {to}；请求为 {request}{said}"
                ),
                lang.pick(
                    "wxtoken follows no redirect (the secret would go along): point --api-base at the final address (https://, the right host and path)",
                    "wxtoken 不跟随重定向（secret 会被一并带去）：请让 --api-base 直接指向最终地址（https://、正确的主机和路径）",
                ),
            )
        }
        404 => (
            crate::tr!(
                lang,
                "the server has no such path (HTTP 404); the request was {request}{said}",
                "服务器上没有这个路径（HTTP 404）；请求为 {request}{said}"
            ),
            lang.pick(
                "check --api-base: its host, and the path prefix a gateway expects",
                "请检查 --api-base：主机，以及网关要求的路径前缀",
            ),
        ),
        _ => return None,
    };
    Some(Failure::Response {
        message,
        hints: vec![hint.to_string()],
        http_status: Some(status),
    })
}

/// A response that is not a usable WeChat answer, explained.
pub fn problem_failure(problem: Problem, lang: Lang) -> Failure {
    let status = problem.status();
    let (message, hint) = match &problem {
        Problem::Empty { .. } => (
            format!("{} (HTTP {status})", lang.pick("WeChat answered with an empty body", "微信返回了空响应")),
            lang.pick(
                "an empty answer has been seen for a wrong appid or secret: check both, and --api-base",
                "appid 或 secret 错误时曾出现空响应：请检查二者以及 --api-base",
            ),
        ),
        Problem::Html { excerpt, .. } => (
            format!(
                "{} (HTTP {status}): {}",
                lang.pick(
                    "an HTML page came back instead of WeChat's JSON: a proxy, gateway or captive portal answered",
                    "返回的是 HTML 页面而不是微信的 JSON：应答的是代理、网关或认证门户",
                ),
                excerpt
            ),
            lang.pick(
                "check the proxy settings (HTTPS_PROXY, --proxy), log in to the network's portal, or check the gateway behind --api-base",
                "请检查代理设置（HTTPS_PROXY、--proxy）、登录网络认证页面，或检查 --api-base 指向的网关",
            ),
        ),
        Problem::Status { excerpt, .. } => (
            format!(
                "{} HTTP {status}{}{}",
                lang.pick("the server answered", "服务器返回"),
                if excerpt.is_empty() { "" } else { ": " },
                excerpt
            ),
            lang.pick(
                "a gateway or proxy in front of WeChat may be failing; try again later or check --api-base",
                "微信前面的网关或代理可能出了故障；请稍后再试或检查 --api-base",
            ),
        ),
        Problem::NotJson { excerpt, .. } => (
            format!(
                "{} (HTTP {status}): {}",
                lang.pick("the answer is not JSON", "返回内容不是 JSON"),
                excerpt
            ),
            lang.pick("check that --api-base points at WeChat or a gateway to it", "请确认 --api-base 指向微信或其网关"),
        ),
        Problem::NoToken { reason, .. } => (
            format!(
                "{} (HTTP {status}): {}",
                lang.pick("the answer has no usable token", "返回内容中没有可用的 token"),
                sanitize(reason)
            ),
            lang.pick("check that --api-base points at WeChat or a gateway to it", "请确认 --api-base 指向微信或其网关"),
        ),
    };
    Failure::Response {
        message,
        hints: vec![hint.to_string()],
        http_status: Some(status),
    }
}

/// An errcode answer, explained by the catalogue (with the rid and IP pulled out of errmsg).
pub fn wechat_failure(
    platform: Platform,
    errcode: i64,
    errmsg: &str,
    context: Context,
    lang: Lang,
) -> Failure {
    let x = catalog::explain(platform, context, errcode, Some(errmsg), lang);
    Failure::WeChat(Box::new(WeChatError::from_explanation(x, lang)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_failure_carries_the_explanation_and_the_rid_hint() {
        let f = wechat_failure(
            Platform::Mp,
            40164,
            "invalid ip 8.149.20.108 ipv6 ::ffff:8.149.20.108, not in whitelist rid: 6597b34f-49e4c9dc-1b25fb87",
            Context::Fetch,
            Lang::En,
        );
        assert_eq!(f.exit_code(), 7);
        assert!(f.message().contains("8.149.20.108"));
        assert!(f.hints()[0].starts_with("add 8.149.20.108 to the IP whitelist"));
        assert!(
            f.hints()
                .last()
                .is_some_and(|h| h.contains("6597b34f-49e4c9dc-1b25fb87"))
        );
    }
}
