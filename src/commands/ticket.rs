//! `wxtoken ticket KIND`: a JS-SDK ticket, kept and shared as a token is, printed for a script
//! (or one JSON document).

use serde_json::json;

use crate::cli::{TicketArgs, TicketFormat};
use crate::error::Failure;
use crate::output::Printer;
use crate::output::format::Format;
use crate::output::token_file::OutputFile;
use crate::settings::profile::own::ProfileSettings;
use crate::settings::ticket;
use crate::time;

pub fn run(args: &TicketArgs, profile: &ProfileSettings, printer: &Printer) -> Result<u8, Failure> {
    let platform = args.fetch.platform.get();
    let endpoint = ticket::endpoint(args.kind, platform, printer)?;
    let output = match &args.file.output {
        Some(path) => Some(OutputFile::check(path, printer.lang)?),
        None => None,
    };
    let asking = ticket::Asking {
        command: "ticket",
        token_stdin: args.given.token_stdin,
        read_only: false,
    };
    let (plan, access) = ticket::ticket_source(&args.fetch, endpoint, &asking, profile, printer)?;
    let got = crate::token::ticket::obtain_ticket(&plan, &access, printer)?;
    let json = printer.json || args.format == Some(TicketFormat::Json);
    let (text, format) = if json {
        let doc = json!({
            "ticket": got.access_token,
            "expires_in": got.expires_in,
            "expires_at": time::rfc3339(got.expires_at),
            "source": got.source,
            "kind": endpoint.name(),
            "platform": platform.name(),
        });
        (format!("{}\n", printer.stamp(&doc)), Format::Json)
    } else {
        (format!("{}\n", got.access_token), Format::Token)
    };
    crate::output::token_file::deliver(printer, &text, format, output.as_ref())
}
