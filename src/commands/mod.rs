//! One module per subcommand, and the set-up they share.

pub mod cache;
pub mod check;
pub mod completions;
pub mod doctor;
pub mod explain;
pub mod fetch;

use crate::api_base::{ApiBase, DEFAULT_API_BASE, WECOM_API_BASE};
use crate::catalog::Platform;
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
pub fn load_credentials(
    args: &CredArgs,
    platform: Platform,
    printer: &Printer,
) -> Result<Credentials, Failure> {
    let creds = credentials::load(&args.input(platform, printer.lang)?, printer.lang, env_var)?;
    for warning in credentials::format_warnings(&creds, printer.lang) {
        printer.warn(&warning);
    }
    Ok(creds)
}

/// Check the connection options (usage errors come out here, before any request).
pub fn conn_settings(
    args: &ConnArgs,
    platform: Platform,
    lang: Lang,
) -> Result<ConnSettings, Failure> {
    let default = match platform {
        Platform::Mp => DEFAULT_API_BASE,
        Platform::Wecom => WECOM_API_BASE,
    };
    let api_base = ApiBase::parse(args.api_base.as_deref().unwrap_or(default), lang)?;
    let timeout = crate::conn::parse_timeout(&args.timeout, lang)?;
    let proxy = proxy::decide(
        args.proxy.as_deref(),
        &api_base.scheme,
        &api_base.host,
        env_var,
    );
    Ok(ConnSettings {
        platform,
        api_base,
        timeout,
        retries: args.retries,
        proxy,
        ca_cert: args.ca_cert.clone(),
        lang,
    })
}

pub fn connect(args: &ConnArgs, platform: Platform, printer: &Printer) -> Result<Client, Failure> {
    let settings = conn_settings(args, platform, printer.lang)?;
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

#[cfg(test)]
mod tests {
    use super::*;
    use clap::Parser;

    fn settings(args: &[&str], platform: Platform) -> ConnSettings {
        let cli = crate::cli::Cli::try_parse_from(args).unwrap();
        let crate::cli::Command::Check(check) = &cli.command else {
            panic!("check");
        };
        conn_settings(&check.conn, platform, Lang::En).unwrap()
    }

    #[test]
    fn each_platform_has_its_own_default_api_base() {
        let mp = settings(&["wxtoken", "check"], Platform::Mp);
        assert_eq!(mp.api_base.as_str(), "https://api.weixin.qq.com");
        let wecom = settings(&["wxtoken", "check"], Platform::Wecom);
        assert_eq!(wecom.api_base.as_str(), "https://qyapi.weixin.qq.com");
        let given = settings(
            &["wxtoken", "check", "--api-base", "http://127.0.0.1:1"],
            Platform::Wecom,
        );
        assert_eq!(given.api_base.as_str(), "http://127.0.0.1:1");
    }
}
