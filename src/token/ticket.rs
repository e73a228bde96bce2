//! A JS-SDK ticket, obtained as a token is: from where it is kept (the local cache or a store,
//! under the SDKs' own keys where they have them), or fetched with the app's access_token under
//! the keeper's lock, so that a whole fleet makes one ticket fetch. A token WeChat rejects on
//! the way (40001, 42001) is reported to its keeper once (`held.rs`).

use std::cell::RefCell;

use super::held::{Held, rejects_token};
use super::plan::{Obtained, Plan, fresh};
use super::{Access, obtain, ticket_with};
use crate::error::Failure;
use crate::net::client::Client;
use crate::output::Printer;
use crate::wechat::credentials::Credentials;
use crate::wechat::ticket_api;
use crate::wechat::token_api::Token;

/// How a ticket is had.
pub enum TicketAccess {
    /// With a token the user gave: fetched with it, kept nowhere.
    Given { token: String, client: Client },
    /// Kept and shared: fetched, when the keeper has none, with the token `token` obtains.
    Fetch {
        creds: Credentials,
        client: Client,
        token: Box<RefCell<Held>>,
    },
    /// A reader (`--no-fetch`): the ticket as the refresher keeps it.
    Read(Box<Access>),
}

/// The ticket of `plan.endpoint`.
pub fn obtain_ticket(
    plan: &Plan,
    access: &TicketAccess,
    printer: &Printer,
) -> Result<Obtained, Failure> {
    let endpoint = plan.endpoint;
    match access {
        TicketAccess::Given { token, client } => {
            let ticket = ticket_api::fetch(client, endpoint, token, printer).map_err(|f| {
                let code = errcode(&f);
                Held::given_rejected(f, code, printer)
            })?;
            Ok(fresh(&ticket))
        }
        TicketAccess::Read(access) => obtain(plan, access, printer),
        TicketAccess::Fetch {
            creds,
            client,
            token,
        } => ticket_with(plan, creds, client, printer, &|| {
            fetch_with_token(token, client, plan, printer)
        }),
    }
}

/// The errcode of a WeChat failure, else 0.
fn errcode(f: &Failure) -> i64 {
    match f {
        Failure::WeChat(w) => w.errcode,
        _ => 0,
    }
}

/// One ticket fetch with the token `held` gives; a rejected kept token is reported once and the
/// ticket asked for again with the token that replaces it.
fn fetch_with_token(
    held: &RefCell<Held>,
    client: &Client,
    plan: &Plan,
    printer: &Printer,
) -> Result<Token, Failure> {
    let endpoint = plan.endpoint;
    let token = held.borrow().token(printer)?;
    let failure = match ticket_api::fetch(client, endpoint, &token, printer) {
        Err(f) if rejects_token(endpoint.platform(), errcode(&f)) => f,
        other => return other,
    };
    let code = errcode(&failure);
    let replaced = held.borrow_mut().refresh(&token, printer)?;
    match replaced {
        Some(new) => {
            printer.verbose(printer.t(
                "the token was rejected; asking for the ticket again with the keeper's newer token",
                "token 被拒绝；使用保存处更新后的 token 再次获取 ticket",
            ));
            ticket_api::fetch(client, endpoint, &new, printer)
        }
        None => Err(held.borrow().explain_rejection(failure, code, printer)),
    }
}
