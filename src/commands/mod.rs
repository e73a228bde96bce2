//! One module per subcommand, and the set-up they share.

pub mod cache;
pub mod check;
pub mod completions;
pub mod doctor;
pub mod exec;
pub mod explain;
pub mod fetch;
mod kept;
pub mod profiles;
pub mod quota;
mod reuse;
pub mod rid;
mod store_admin;
pub mod tools;

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
    let (variable, default) = match platform {
        Platform::Mp => ("WXTOKEN_API_BASE", DEFAULT_API_BASE),
        Platform::Wecom => ("WXTOKEN_WECOM_API_BASE", WECOM_API_BASE),
    };
    let from_env = env_var(variable).filter(|v| !v.is_empty());
    let raw = args
        .api_base
        .clone()
        .or(from_env)
        .or_else(|| args.profile_api_base.clone());
    let api_base = ApiBase::parse(raw.as_deref().unwrap_or(default), lang)?;
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
        // WeChat Work: "建议重试次数不超过3次".
        retries: match platform {
            Platform::Wecom => args.retries.min(3),
            Platform::Mp => args.retries,
        },
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

/// The host of a proxy URL (without port or brackets).
fn proxy_host(url: &str) -> String {
    let host_port = crate::proxy::ProxyUrl::parse(url).host_port;
    let host = match host_port.rsplit_once(':') {
        Some((h, p)) if p.bytes().all(|b| b.is_ascii_digit()) => h.to_string(),
        _ => host_port,
    };
    host.trim_start_matches('[')
        .trim_end_matches(']')
        .to_string()
}

/// A plain `http://` API base on another machine: the secret (and the token) cross the network
/// unencrypted. Loopback (a local gateway) is fine.
pub fn warn_plain_http(settings: &ConnSettings, printer: &Printer) {
    let base = &settings.api_base;
    let host = base.host.trim_start_matches('[').trim_end_matches(']');
    let is_loopback = |host: &str| {
        host.eq_ignore_ascii_case("localhost")
            || host
                .parse::<std::net::IpAddr>()
                .is_ok_and(|ip| ip.is_loopback())
    };
    let loopback = is_loopback(host);
    if base.scheme == "http" && !loopback {
        printer.warn(&crate::tr!(
            printer.lang,
            "--api-base is plain http:// on {host}, not this machine: the secret and the token travel unencrypted",
            "--api-base 是明文 http://，主机 {host} 不是本机：secret 和 token 将以明文传输"
        ));
    } else if base.scheme == "http"
        && let Some(p) = settings.proxy.proxy()
        && !is_loopback(proxy_host(&p.url).as_str())
    {
        // A local gateway reached through a proxy on another machine: the proxy sees it all.
        let shown = crate::proxy::display_url(&p.url);
        printer.warn(&crate::tr!(
            printer.lang,
            "--api-base is plain http:// and goes through the proxy {shown}: the secret and the token reach the proxy unencrypted (NO_PROXY={host} bypasses it)",
            "--api-base 是明文 http://，且经由代理 {shown}：secret 和 token 以明文到达代理（NO_PROXY={host} 可绕过代理）"
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
