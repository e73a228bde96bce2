//! Any WeChat answer judged: an errcode explained by the catalogue (-1 worth another attempt),
//! a problem response (HTML, a redirect, an empty body, a 5xx) told for what it is.

use crate::error::Failure;
use crate::lang::Lang;
use crate::net::client::{Answer, Verdict};
use crate::platform::Platform;
use crate::redact::sanitize;
use crate::wechat::catalog;
use crate::wechat::catalog::Context;
use crate::wechat::response::Problem;

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
    catalog::explain(platform, context, errcode, Some(errmsg), lang).into_failure(lang)
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
