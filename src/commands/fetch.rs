//! `wxtoken fetch`: one token, printed for a script.

use serde_json::json;

use crate::cli::FetchArgs;
use crate::error::Failure;
use crate::output::Printer;
use crate::time;
use crate::wechat::{self, Endpoint, Token};

pub fn run(args: &FetchArgs, printer: &Printer) -> Result<u8, Failure> {
    let creds = super::load_credentials(&args.creds, printer)?;
    let client = super::connect(&args.conn)?;
    let endpoint = Endpoint::Token;
    let req = wechat::token_request(&client, &creds, endpoint, false);
    let token = wechat::fetch_token(&client, &req, printer)?;
    print_token(printer, &token, "network", endpoint)?;
    Ok(0)
}

/// The result: the token alone, or the JSON document.
pub fn print_token(
    printer: &Printer,
    token: &Token,
    source: &str,
    endpoint: Endpoint,
) -> Result<(), Failure> {
    let written = if printer.json {
        let expires_at = time::rfc3339(time::now_unix().saturating_add(token.expires_in));
        printer.result_json(&json!({
            "access_token": token.access_token,
            "expires_in": token.expires_in,
            "expires_at": expires_at,
            "source": source,
            "endpoint": endpoint.name(),
        }))
    } else {
        printer.result_line(&token.access_token)
    };
    written.map_err(|e| Failure::Internal {
        message: format!("cannot write to stdout: {e}"),
    })
}
