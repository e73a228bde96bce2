//! The token endpoints (classic, stable, WeChat Work's gettoken): their requests, and their
//! answers turned into tokens or explained failures.

use crate::error::Failure;
use crate::lang::Lang;
use crate::net::client::{Answer, Client, Request, Verdict};
use crate::output::Printer;
use crate::platform::Endpoint;
use crate::platform::Platform;
use crate::wechat::catalog::Context;
use crate::wechat::credentials::Credentials;
use crate::wechat::response::{self};

use super::judge::{errcode_verdict, judge_problem};

/// A token as WeChat issued it.
#[derive(Debug, Clone)]
pub struct Token {
    pub access_token: String,
    pub expires_in: u64,
}

/// The request for a token. The secret is encoded into the URL (classic) or the JSON body
/// (stable), and masked in what is shown. `None` for a ticket's endpoint (a ticket is asked for
/// with a token: `ticket_api.rs`).
pub fn token_request(
    client: &Client,
    creds: &Credentials,
    endpoint: Endpoint,
    force_refresh: bool,
) -> Option<Request> {
    let base = &client.settings().api_base;
    let encode = crate::encoding::percent_encode;
    match endpoint {
        Endpoint::WecomToken => {
            let url = base.url("/cgi-bin/gettoken");
            let query =
                |secret: &str| format!("?corpid={}&corpsecret={secret}", encode(&creds.appid));
            Some(Request {
                shown_url: format!("{url}{}", query("***")),
                url: format!("{url}{}", query(&encode(creds.secret.expose()))),
                json_body: None,
                call: None,
            })
        }
        Endpoint::Token => {
            let url = base.url("/cgi-bin/token");
            let query = |secret: &str| {
                format!(
                    "?grant_type=client_credential&appid={}&secret={secret}",
                    crate::encoding::percent_encode(&creds.appid)
                )
            };
            Some(Request {
                shown_url: format!("{url}{}", query("***")),
                url: format!(
                    "{url}{}",
                    query(&crate::encoding::percent_encode(creds.secret.expose()))
                ),
                json_body: None,
                call: None,
            })
        }
        Endpoint::StableToken => {
            let url = base.url("/cgi-bin/stable_token");
            let body = serde_json::json!({
                "grant_type": "client_credential",
                "appid": creds.appid,
                "secret": creds.secret.expose(),
                "force_refresh": force_refresh,
            });
            Some(Request {
                shown_url: url.clone(),
                url,
                json_body: Some(body.to_string()),
                call: None,
            })
        }
        Endpoint::JsapiTicket
        | Endpoint::CardTicket
        | Endpoint::CorpTicket
        | Endpoint::AgentTicket => None,
    }
}

/// A token fetched from `endpoint` with `creds` now, with no keeper (doctor's check).
pub fn fetch_now(
    client: &Client,
    creds: &Credentials,
    endpoint: Endpoint,
    printer: &Printer,
) -> Result<Token, Failure> {
    match token_request(client, creds, endpoint, false) {
        Some(req) => fetch_token(client, &req, printer),
        None => Err(not_a_token_endpoint(endpoint)),
    }
}

/// A ticket's endpoint where a token's was expected: a bug, said as one.
pub fn not_a_token_endpoint(endpoint: Endpoint) -> Failure {
    let name = endpoint.name();
    Failure::internal(format!("{name} is a ticket's endpoint, not a token's"))
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
    match response::parse(answer.status, &answer.body, lang) {
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
