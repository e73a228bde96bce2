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

pub fn connect(args: &ConnArgs, printer: &Printer) -> Result<Client, Failure> {
    let settings = conn_settings(args, printer.lang)?;
    warn_plain_http(&settings, printer);
    Client::new(settings)
}

/// A plain `http://` API base on another machine: the secret (and the token) cross the network
/// unencrypted. Loopback (a local gateway) is fine.
pub fn warn_plain_http(settings: &ConnSettings, printer: &Printer) {
    let base = &settings.api_base;
    let host = base.host.trim_start_matches('[').trim_end_matches(']');
    let loopback = host.eq_ignore_ascii_case("localhost")
        || host
            .parse::<std::net::IpAddr>()
            .is_ok_and(|ip| ip.is_loopback());
    if base.scheme == "http" && !loopback {
        printer.warn(&crate::tr!(
            printer.lang,
            "--api-base is plain http:// on {host}, not this machine: the secret and the token travel unencrypted",
            "--api-base 是明文 http://，主机 {host} 不是本机：secret 和 token 将以明文传输"
        ));
    }
}
