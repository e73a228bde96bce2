//! The WeChat token API on top of the HTTP client: building the requests of
//! ../shared/wechat-api.md §1-§3 and turning their answers into tokens or explained failures.

use crate::catalog;
use crate::client::{self, Answer, Client, Request, Verdict};
use crate::credentials::Credentials;
use crate::errmsg;
use crate::error::{Context, Failure, WeChatError};
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
}

impl Endpoint {
    pub fn name(self) -> &'static str {
        match self {
            Endpoint::Token => "token",
            Endpoint::StableToken => "stable_token",
        }
    }

    pub fn from_name(name: &str) -> Option<Endpoint> {
        match name {
            "token" => Some(Endpoint::Token),
            "stable_token" => Some(Endpoint::StableToken),
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
    match endpoint {
        Endpoint::Token => {
            let url = base.url("/cgi-bin/token");
            let query = |secret: &str| {
                format!(
                    "?grant_type=client_credential&appid={}&secret={secret}",
                    client::percent_encode(&creds.appid)
                )
            };
            Request {
                shown_url: format!("{url}{}", query("***")),
                url: format!(
                    "{url}{}",
                    query(&client::percent_encode(creds.secret.expose()))
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
    client.send(req, printer, |answer| judge_token(answer, printer.lang))
}

/// Judge a token endpoint's answer.
pub fn judge_token(answer: &Answer, lang: Lang) -> Verdict<Token> {
    match response::parse(answer.status, &answer.body) {
        Ok(response::Answer::Token {
            access_token,
            expires_in,
        }) => {
            crate::output::register_secret(&access_token);
            Verdict::Done(Token {
                access_token,
                expires_in,
            })
        }
        Ok(response::Answer::Error { errcode, errmsg }) => {
            errcode_verdict(errcode, &errmsg, Context::Fetch, lang)
        }
        Err(problem) => judge_problem(problem, lang),
    }
}

/// An errcode answer: -1 (WeChat busy) is worth another attempt, every other one is final.
pub fn errcode_verdict<T>(errcode: i64, errmsg: &str, context: Context, lang: Lang) -> Verdict<T> {
    let f = wechat_failure(errcode, errmsg, context, lang);
    if errcode == -1 {
        Verdict::Retry(f)
    } else {
        Verdict::Fail(f)
    }
}

/// A problem response: 5xx are worth another attempt, the rest are final.
pub fn judge_problem<T>(problem: Problem, lang: Lang) -> Verdict<T> {
    let retry = problem.status() >= 500;
    let f = problem_failure(problem, lang);
    if retry {
        Verdict::Retry(f)
    } else {
        Verdict::Fail(f)
    }
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

/// An errcode answer, explained from the catalogue, with the rid and IP pulled out of errmsg.
pub fn wechat_failure(errcode: i64, errmsg: &str, context: Context, lang: Lang) -> Failure {
    // Server text: a gateway may echo the request (secret, token) into errmsg.
    let errmsg = &crate::output::mask_server_text(errmsg);
    let rid = errmsg::request_id(errmsg);
    let ip = errmsg::caller_ip(errmsg);
    let entry = catalog::lookup(errcode);
    let (message, mut hints) = match entry {
        // When checking a token, 40001 is about the token, not the AppSecret.
        Some(_) if context == Context::Check && errcode == 40001 => (
            format!(
                "{} (errcode 40001): {}",
                lang.pick("token invalid or superseded", "token 无效或已被覆盖"),
                lang.pick(
                    "WeChat no longer accepts this token: it is invalid, or a newer fetch from the classic endpoint superseded it (each classic fetch invalidates the previous token after about 5 minutes).",
                    "微信不再接受此 token：它无效，或已被普通接口的新一次获取覆盖（每次获取都会让上一个 token 在约 5 分钟后失效）。",
                )
            ),
            vec![lang.pick(
                "fetch a new token; if this keeps happening, another process fetches classic tokens: make every process use --stable or --cache",
                "重新获取 token；如果反复出现，说明有其他进程在获取普通 token：让所有进程都使用 --stable 或 --cache",
            )
            .to_string()],
        ),
        Some(e) => {
            let what = match (&ip, e.category) {
                (Some(ip), catalog::Category::Ip) => format!("{}: {ip}", e.title(lang)),
                _ => e.title(lang).to_string(),
            };
            let mut hints = Vec::new();
            match (&ip, e.code) {
                (Some(ip), 40164) => hints.push(format!(
                    "{} {ip} {}",
                    lang.pick("add", "将"),
                    lang.pick(
                        "to the IP whitelist: mp.weixin.qq.com, Settings and Development > Basic Configuration > IP whitelist (Mini Programs: Development Management > Development Settings); ::ffff:-prefixed forms are the same IPv4 address",
                        "加入 IP 白名单：mp.weixin.qq.com，设置与开发 → 基本配置 → IP白名单（小程序：开发管理 → 开发设置）；::ffff: 开头的形式是同一个 IPv4 地址",
                    )
                )),
                _ => hints.push(e.hint(lang).to_string()),
            }
            if context == Context::Check && e.code == 40164 {
                hints.push(
                    lang.pick(
                        "this says nothing about the token itself: WeChat refused the calling IP before looking at it",
                        "这与 token 本身无关：微信在检查 token 之前就拒绝了调用方 IP",
                    )
                    .to_string(),
                );
            }
            (
                format!("{what} (errcode {errcode}): {}", e.explanation(lang)),
                hints,
            )
        }
        None => (
            format!(
                "{} {errcode} ({}): {}",
                lang.pick("WeChat answered errcode", "微信返回 errcode"),
                lang.pick("not in wxtoken's catalogue", "不在 wxtoken 的错误码表中"),
                sanitize(errmsg)
            ),
            vec![
                lang.pick(
                    "look the code up in WeChat's global return code documentation",
                    "请在微信全局返回码文档中查找该错误码",
                )
                .to_string(),
            ],
        ),
    };
    hints.extend(rid_hint(rid.as_deref(), lang));
    Failure::WeChat(Box::new(WeChatError {
        errcode,
        errmsg: errmsg.to_string(),
        rid,
        ip,
        context,
        message,
        hints,
    }))
}

/// The hint that carries the request id, if there is one.
fn rid_hint(rid: Option<&str>, lang: Lang) -> Option<String> {
    rid.map(|rid| {
        format!(
            "{} {} {}",
            lang.pick(
                "request id (rid) for WeChat support:",
                "请求 ID（rid），联系微信客服时提供："
            ),
            sanitize(rid),
            lang.pick(
                "(the account owner can look it up for 7 days with POST /cgi-bin/openapi/rid/get)",
                "（账号所有者可在 7 天内用 POST /cgi-bin/openapi/rid/get 查询）",
            )
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ip_is_named_in_message_and_hint() {
        let f = wechat_failure(
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
                .iter()
                .any(|h| h.contains("6597b34f-49e4c9dc-1b25fb87"))
        );
    }

    #[test]
    fn unknown_code() {
        let f = wechat_failure(12345, "strange \x1b[31m thing", Context::Fetch, Lang::Zh);
        assert_eq!(f.exit_code(), 10);
        assert!(f.message().contains("12345"));
        assert!(!f.message().contains('\x1b'));
    }
}
