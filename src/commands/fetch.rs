//! `wxtoken fetch`: one token, printed for a script; from the classic or the stable endpoint,
//! optionally through the local cache.

use serde_json::json;

use crate::cli::FetchCommand;
use crate::error::Failure;
use crate::output::Printer;
use crate::output::format::{self, Format};
use crate::output::token_file::OutputFile;
use crate::platform::Endpoint;
use crate::settings::profile::own::ProfileSettings;
use crate::time;
use crate::token::{self, plan::Obtained};

pub fn run(
    command: &FetchCommand,
    profile: &ProfileSettings,
    printer: &Printer,
) -> Result<u8, Failure> {
    let args = &command.fetch;
    // --json is --format json, and beats WXTOKEN_FORMAT and a profile's format.
    let format = match command.deliver.format {
        _ if args.out.json.json => Format::Json,
        Some(f) => f,
        None => Format::Token,
    };
    let output = match &command.deliver.file.output {
        Some(path) => Some(OutputFile::check(path, printer.lang)?),
        None => None,
    };
    let obtained = crate::settings::token::fetch_plan(args, profile, printer)
        .and_then(|(plan, access)| Ok((token::obtain(&plan, &access, printer)?, plan.endpoint)));
    match obtained {
        Ok((got, endpoint)) => deliver_token(printer, &got, endpoint, format, output.as_ref()),
        Err(failure) => {
            if format == Format::Env && output.is_none() {
                crate::output::streams::write_stdout_quietly(format::ENV_FAILURE);
            }
            Err(failure)
        }
    }
}

/// The result in its format, on stdout or in the `--output` file.
fn deliver_token(
    printer: &Printer,
    got: &Obtained,
    endpoint: Endpoint,
    format: Format,
    output: Option<&OutputFile>,
) -> Result<u8, Failure> {
    let doc = json!({
        "access_token": "",
        "expires_in": got.expires_in,
        "expires_at": time::rfc3339(got.expires_at),
        "source": got.source,
        "endpoint": endpoint.name(),
        "platform": endpoint.platform_name(),
    });
    let text = format::render(
        format,
        &got.access_token,
        got.expires_at,
        &printer.stamp(&doc),
    );
    crate::output::token_file::deliver(printer, &text, format, output)
}
