//! wxtoken: get a WeChat access_token right, explain every failure, and never break anyone
//! else's token. The binary is a thin wrapper around [`main`].
//!
//! Public modules are the ones the integration tests and the fuzz targets drive directly (the
//! catalogue, the exit table, the response and errmsg parsers, redaction); everything else is
//! private to the crate.

pub(crate) mod api_base;
pub(crate) mod cache;
pub mod catalog;
pub(crate) mod cli;
pub(crate) mod client;
pub(crate) mod commands;
pub(crate) mod conn;
pub(crate) mod credentials;
pub(crate) mod encoding;
pub mod errmsg;
pub mod error;
pub mod lang;
pub(crate) mod output;
pub(crate) mod proxy;
pub mod redact;
pub mod response;
pub(crate) mod safe_fs;
pub mod time;
pub(crate) mod tls;
pub(crate) mod transport_error;
pub mod wechat;

/// A stand-in for the environment in unit tests: `env_of(&[("NAME", "value")])`.
#[cfg(test)]
pub(crate) fn env_of(
    pairs: &'static [(&'static str, &'static str)],
) -> impl Fn(&str) -> Option<String> {
    move |name| {
        pairs
            .iter()
            .find(|(k, _)| *k == name)
            .map(|(_, v)| v.to_string())
    }
}

use std::ffi::OsString;
use std::panic::{self, AssertUnwindSafe};

use clap::{FromArgMatches, Parser};

use cli::{Cli, Command};
use error::Failure;
use lang::Lang;
use output::Printer;

/// Parse the command line, run the command, and return the exit code.
pub fn main(args: Vec<OsString>) -> u8 {
    safe_fs::prepare_process();
    panic::set_hook(Box::new(|info| {
        let what = info
            .payload()
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_default();
        // Never eprintln!: a second panic on a full stderr would abort the process.
        output::write_stderr(&format!(
            "wxtoken: error: internal error: {} (this is a bug; please report it)\n",
            output::sanitize(&what)
        ));
    }));
    let json_requested = args.iter().any(|a| a == "--json");
    // Help (asked for, or shown for a bare `wxtoken`) carries the exit-code table; building it is
    // not free, so a run that shows no help does not.
    let shows_help = args.len() <= 1
        || args
            .iter()
            .skip(1)
            .any(|a| a == "-h" || a == "--help" || a == "help");
    let parsed = if shows_help {
        cli::command_with_exit_codes()
            .try_get_matches_from(&args)
            .and_then(|m| Cli::from_arg_matches(&m))
    } else {
        Cli::try_parse_from(&args)
    };
    let cli = match parsed {
        Ok(cli) => cli,
        Err(e) => {
            // clap echoes a stray argument back: one that looks like an AppSecret (a forgotten
            // --secret, say) or follows --secret must not be shown.
            let mut previous_was_secret = false;
            for arg in args.iter().filter_map(|a| a.to_str()) {
                if previous_was_secret || credentials::secret_looks_right(arg) {
                    redact::register_secret(arg);
                }
                previous_was_secret = arg == "--secret";
            }
            return clap_error(e, json_requested);
        }
    };
    match panic::catch_unwind(AssertUnwindSafe(|| run(&cli))) {
        Ok(code) => code,
        Err(_) => {
            if cli.output.json {
                let f = Failure::internal("internal error (a bug)");
                output::write_stdout_quietly(&format!("{}\n", f.to_json_document()));
            }
            1
        }
    }
}

fn run(cli: &Cli) -> u8 {
    let o = &cli.output;
    let lang = Lang::resolve(o.lang, commands::env_var);
    let printer = Printer::new(o.color, lang, o.json, o.quiet, o.verbose);
    let result = match &cli.command {
        Command::Fetch(args) => commands::fetch::run(args, &printer),
        Command::Check(args) => commands::check::run(args, &printer),
        Command::Doctor(args) => commands::doctor::run(args, &printer),
        Command::Explain(args) => commands::explain::run(args, &printer),
        Command::Cache(command) => commands::cache::run(command, &printer),
        Command::Completions { shell } => {
            let script = commands::completions::script(*shell);
            printer
                .result_line(String::from_utf8_lossy(&script).trim_end())
                .map(|_| 0)
        }
    };
    match result {
        Ok(code) => code,
        Err(failure) => {
            printer.failure(&failure);
            failure.exit_code()
        }
    }
}

/// clap's own errors (unknown flag, bad value): exit 2, and a JSON document with --json.
fn clap_error(e: clap::Error, json: bool) -> u8 {
    use clap::error::ErrorKind;
    if matches!(e.kind(), ErrorKind::DisplayHelp | ErrorKind::DisplayVersion)
        || e.kind() == ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand && !e.use_stderr()
    {
        // Help that cannot be written (a full disk, a closed stdout) is lost: not a success.
        return if e.print().is_ok() { 0 } else { 1 };
    }
    output::write_stderr(&e.render().to_string());
    if json {
        let rendered = e.render().to_string();
        let first = rendered
            .lines()
            .next()
            .unwrap_or("")
            .trim_start_matches("error: ")
            .to_string();
        let f = Failure::usage(first);
        output::write_stdout_quietly(&format!("{}\n", output::redact_json(&f.to_json_document())));
    }
    2
}
