//! The JS-SDK tickets: their requests (with an access_token), the judging of their answers, and
//! how long a ticket is kept. A ticket is never served empty or malformed: WeChat's answer is
//! checked here, and a stored one where it is read (`store/value.rs`, `cache/entry.rs`).

use serde_json::Value;

use crate::encoding::percent_encode;
use crate::error::Failure;
use crate::lang::Lang;
use crate::net::api_base::ApiBase;
use crate::net::client::{Answer, Client, Request, Verdict};
use crate::output::Printer;
use crate::platform::{Endpoint, Platform};
use crate::wechat::catalog::Context;
use crate::wechat::judge;
use crate::wechat::response::{self, token_problem};
use crate::wechat::token_api::Token;

/// A ticket's answer always says `expires_in` 7200, also when the same ticket comes back later:
/// its real remaining life is unknown. wxtoken keeps a ticket this much shorter than it claims
/// (the SDKs keep 200 s to 1,500 s; a new ticket does not invalidate the previous one, so an
/// early refetch costs only quota: about 16 fetches a day, against WeChat Work's 100 an hour).
pub const MARGIN: u64 = 1800;

/// The request for the ticket of `endpoint` with `token` (shown as `***`).
pub fn request(base: &ApiBase, endpoint: Endpoint, token: &str) -> Request {
    let (path, kind) = match endpoint {
        Endpoint::CardTicket => ("/cgi-bin/ticket/getticket", Some("wx_card")),
        Endpoint::CorpTicket => ("/cgi-bin/get_jsapi_ticket", None),
        Endpoint::AgentTicket => ("/cgi-bin/ticket/get", Some("agent_config")),
        _ => ("/cgi-bin/ticket/getticket", Some("jsapi")),
    };
    let url = base.url(path);
    let query = |t: &str| match kind {
        Some(kind) => format!("?access_token={t}&type={kind}"),
        None => format!("?access_token={t}"),
    };
    Request {
        url: format!("{url}{}", query(&percent_encode(token))),
        shown_url: format!("{url}{}", query("***")),
        json_body: None,
        call: None,
    }
}

/// Fetch the ticket of `endpoint` with `token`: -1, network failures and 5xx retried, the rest
/// explained. The ticket comes back as a [`Token`] whose life is the answer's less [`MARGIN`].
pub fn fetch(
    client: &Client,
    endpoint: Endpoint,
    token: &str,
    printer: &Printer,
) -> Result<Token, Failure> {
    let req = request(&client.settings().api_base, endpoint, token);
    let platform = endpoint.platform();
    client.send(&req, printer, |answer| {
        judge(answer, platform, printer.lang)
    })
}

/// Judge a ticket endpoint's answer.
pub fn judge(answer: &Answer, platform: Platform, lang: Lang) -> Verdict<Token> {
    let ticket = serde_json::from_slice::<Value>(&answer.body)
        .ok()
        .filter(|doc| doc["errcode"].as_i64().unwrap_or(0) == 0)
        .and_then(|doc| {
            let ticket = doc["ticket"].as_str()?.to_string();
            let expires_in = doc["expires_in"].as_u64().unwrap_or(7200);
            Some((ticket, expires_in))
        });
    if let Some((ticket, expires_in)) = ticket {
        if let Some(why) = token_problem(&ticket) {
            return Verdict::Fail(no_ticket(answer.status, why.say(lang), lang));
        }
        crate::redact::register_secret(&ticket);
        // Never longer than WeChat's documented 7200 s, less the margin; at least a minute.
        let expires_in = expires_in.min(7200).saturating_sub(MARGIN).max(60);
        return Verdict::Done(Token {
            access_token: ticket,
            expires_in,
        });
    }
    match response::parse(answer.status, &answer.body, lang) {
        Ok(response::Answer::Error { errcode, errmsg }) => {
            judge::errcode_verdict(platform, errcode, &errmsg, Context::Check, lang)
        }
        // JSON without a usable ticket (an access_token's answer, or none at all).
        Err(response::Problem::NoToken { .. }) | Ok(response::Answer::Token { .. }) => {
            let why = lang.pick("it has no ticket", "其中没有 ticket");
            Verdict::Fail(no_ticket(answer.status, why, lang))
        }
        Err(problem) => judge::judge_problem(problem, answer, lang),
    }
}

/// A ticket answer that carries no usable ticket (exit 4): never served, never kept.
fn no_ticket(status: u16, why: &str, lang: Lang) -> Failure {
    let why = if why.is_empty() {
        String::new()
    } else {
        format!(": {why}")
    };
    Failure::Response {
        message: crate::tr!(
            lang,
            "the ticket answer is not usable{why} (HTTP {status}); nothing was kept",
            "ticket 应答不可用{why}（HTTP {status}）；没有保存任何内容"
        ),
        hints: vec![lang
            .pick(
                "an empty or malformed ticket makes every JS-SDK signature invalid: check --api-base",
                "空的或格式错误的 ticket 会让所有 JS-SDK 签名无效：请检查 --api-base",
            )
            .to_string()],
        http_status: Some(status),
    }
}
