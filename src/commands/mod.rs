//! One module per subcommand, and the set-up they share.

pub mod cache;
pub mod check;
pub mod completions;
pub mod doctor;
pub mod explain;
pub mod fetch;

use crate::api_base::ApiBase;
use crate::cli::{ConnArgs, CredArgs};
use crate::client::Client;
use crate::conn::ConnSettings;
use crate::credentials::{self, Credentials};
use crate::error::Failure;
use crate::lang::Lang;
use crate::output::Printer;
use crate::proxy;

pub fn env_var(name: &str) -> Option<String> {
    std::env::var(name).ok()
}

/// Read and check appid and secret, warning about formats that look wrong.
pub fn load_credentials(args: &CredArgs, printer: &Printer) -> Result<Credentials, Failure> {
    let creds = credentials::load(&args.input(), printer.lang, env_var)?;
    for warning in credentials::format_warnings(&creds, printer.lang) {
        printer.warn(&warning);
    }
    Ok(creds)
}

/// Check the connection options (usage errors come out here, before any request).
pub fn conn_settings(args: &ConnArgs, lang: Lang) -> Result<ConnSettings, Failure> {
    let api_base = ApiBase::parse(&args.api_base, lang)?;
    let timeout = crate::conn::parse_timeout(&args.timeout, lang)?;
    let proxy = proxy::decide(
        args.proxy.as_deref(),
        &api_base.scheme,
        &api_base.host,
        env_var,
    );
    Ok(ConnSettings {
        api_base,
        timeout,
        retries: args.retries,
        proxy,
        ca_cert: args.ca_cert.clone(),
        lang,
    })
}

pub fn connect(args: &ConnArgs, lang: Lang) -> Result<Client, Failure> {
    Client::new(conn_settings(args, lang)?)
}
