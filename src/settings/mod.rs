//! Settings settled once: the command line, the environment and a profile become what a command
//! runs with (credentials, connection, where a token is kept, the language). Commands call
//! these; the token core, the WeChat layer and the network layer never see a clap type.

pub mod api_request;
pub mod cache_scope;
pub mod credentials;
pub mod profile;
mod secret_file;

use profile::own::ProfileSettings;
pub mod ticket;
pub mod token;

use std::ffi::OsString;

use crate::process::env_var;

use crate::cli::{Cli, ConnArgs, CredArgs, StoreArgs};
use crate::error::Failure;
use crate::lang::Lang;
use crate::net::api_base::{ApiBase, DEFAULT_API_BASE, WECOM_API_BASE};
use crate::net::client::Client;
use crate::net::connection::ConnSettings;
use crate::net::proxy;
use crate::output::Printer;
use crate::platform::Platform;
use crate::settings::credentials::CredInput;
use crate::token::store::layout::Layout;
use crate::token::store::url::StoreUrl;
use crate::token::store::{StoreChoice, check_prefix};
use crate::wechat::credentials::Credentials;

/// The command line with its profile applied (a profile's settings become the flags' defaults:
/// the command line is parsed again), and the language of the run, decided after the profile,
/// which may set it. A failure comes with the printer to tell it with.
pub fn settle(
    cli: Cli,
    args: &[OsString],
) -> Result<(Cli, Lang, ProfileSettings), (Failure, Printer)> {
    // The language of what reading the config file may have to say.
    let given = Lang::resolve(cli.output.lang, env_var);
    let (color, json, quiet) = (cli.output.color, cli.command.json(), cli.output.quiet);
    let (mut cli, from_profile) = profile::apply::apply(cli, args, given)
        .map_err(|f| (f, Printer::new(color, given, json, quiet, false)))?;
    if let Err(flag) = cli.hoist_leading_flags() {
        let failure = Failure::usage(crate::tr!(
            given,
            "{flag} does not apply to this command",
            "{flag} 不适用于此命令"
        ));
        return Err((failure, Printer::new(color, given, json, quiet, false)));
    }
    let lang = Lang::resolve(cli.output.lang, env_var);
    Ok((cli, lang, from_profile))
}

/// What the command line, the platform's variables and the profile gave for
/// [`credentials::load`]: the one place that builds it. Each platform has its own variables
/// (`WXTOKEN_APPID`, `WXTOKEN_SECRET` for Official Accounts and Mini Programs;
/// `WXTOKEN_CORPID`, `WXTOKEN_CORPSECRET`, `WXTOKEN_AGENTID` for WeChat Work): one platform's
/// are never read for the other. `--corpid`, `--corpsecret` and `--agentid` name WeChat Work's
/// credentials: with another platform they are a usage error.
pub fn cred_input<'a>(
    args: &'a CredArgs,
    profile: &'a ProfileSettings,
    platform: Platform,
    lang: Lang,
) -> Result<CredInput<'a>, Failure> {
    use credentials::IdSource;
    let used = profile.used.as_ref();
    let id_in_args = used.is_some_and(|u| u.id_in_args);
    let agentid_in_args = used.is_some_and(|u| u.agentid_in_args);
    let corp_flags = (args.corpid.is_some() && !id_in_args) || args.corpsecret.is_some();
    if platform == Platform::Mp && corp_flags {
        return Err(Failure::usage(lang.pick(
            "--corpid and --corpsecret are WeChat Work's: add --platform wecom, or use --appid and --secret",
            "--corpid 和 --corpsecret 属于企业微信：请加 --platform wecom，或改用 --appid 和 --secret",
        )));
    }
    if platform == Platform::Mp && args.agentid.is_some() && !agentid_in_args {
        return Err(Failure::usage(lang.pick(
            "--agentid is WeChat Work's: add --platform wecom",
            "--agentid 属于企业微信：请加 --platform wecom",
        )));
    }
    let (id_var, secret_var) = match platform {
        Platform::Mp => ("WXTOKEN_APPID", "WXTOKEN_SECRET"),
        Platform::Wecom => ("WXTOKEN_CORPID", "WXTOKEN_CORPSECRET"),
    };
    let var = |name: &str| env_var(name).filter(|v| !v.is_empty());
    // A flag, then the platform's variable, then the profile.
    let given = args.corpid.as_deref().or(args.appid.as_deref());
    let (appid, id_source) = match (given, var(id_var)) {
        (Some(id), _) if !id_in_args => (Some(id.to_string()), IdSource::Flag),
        (_, Some(id)) => (Some(id), IdSource::Var(id_var)),
        (Some(id), None) => (Some(id.to_string()), IdSource::Profile),
        (None, None) => (None, IdSource::None),
    };
    let agentid = match (platform, args.agentid.as_deref(), var("WXTOKEN_AGENTID")) {
        (Platform::Mp, ..) => None,
        (_, Some(a), _) if !agentid_in_args => Some(a.to_string()),
        (_, _, Some(a)) => Some(a),
        (_, a, None) => a.map(str::to_string),
    };
    Ok(CredInput {
        platform,
        appid,
        id_source,
        secret: args.corpsecret.as_ref().or(args.secret.as_ref()),
        secret_file: args.secret_file.as_deref(),
        secret_var,
        agentid,
        profile_secret: profile.secret.as_ref(),
        profile: used,
    })
}

/// The store asked for, if any; every problem is a usage error, found before any request.
pub fn store_choice(
    args: &StoreArgs,
    platform: Platform,
    lang: Lang,
) -> Result<Option<StoreChoice>, Failure> {
    let Some(url) = &args.store else {
        if args.store_layout.is_some() || args.store_prefix.is_some() {
            return Err(Failure::usage(lang.pick(
                "--store-layout and --store-prefix (WXTOKEN_STORE_LAYOUT, WXTOKEN_STORE_PREFIX) work only with --store",
                "--store-layout 和 --store-prefix（WXTOKEN_STORE_LAYOUT、WXTOKEN_STORE_PREFIX）只能与 --store 一起使用",
            )));
        }
        return Ok(None);
    };
    let mut url = StoreUrl::parse(url, lang)?;
    url.client_tls = client_tls(args, &url, lang)?;
    let layout = args.store_layout.unwrap_or(Layout::Wxtoken);
    let prefix = match &args.store_prefix {
        Some(p) => {
            check_prefix(p, lang)?;
            p.clone()
        }
        None => layout.default_prefix(platform).to_string(),
    };
    Ok(Some(StoreChoice {
        url,
        layout,
        prefix,
    }))
}

/// `--store-client-cert` and `--store-client-key`: both or neither, for `rediss://` only, read
/// here (before anything is sent); the key from a file nobody but its owner may read.
fn client_tls(
    args: &StoreArgs,
    url: &StoreUrl,
    lang: Lang,
) -> Result<Option<crate::token::store::url::ClientTls>, Failure> {
    use std::os::unix::fs::MetadataExt;
    let (cert, key) = match (&args.store_client_cert, &args.store_client_key) {
        (None, None) => return Ok(None),
        (Some(cert), Some(key)) => (cert, key),
        _ => {
            return Err(Failure::usage(lang.pick(
                "--store-client-cert and --store-client-key go together (WXTOKEN_STORE_CLIENT_CERT, WXTOKEN_STORE_CLIENT_KEY)",
                "--store-client-cert 和 --store-client-key 必须一起使用（WXTOKEN_STORE_CLIENT_CERT、WXTOKEN_STORE_CLIENT_KEY）",
            )));
        }
    };
    if !url.is_tls() {
        return Err(Failure::usage(lang.pick(
            "--store-client-cert and --store-client-key are for a rediss:// store (TLS)",
            "--store-client-cert 和 --store-client-key 只适用于 rediss://（TLS）存储",
        )));
    }
    const MAX_PEM: u64 = 64 * 1024;
    let unreadable = |path: &std::path::Path, why: String| {
        let shown = crate::redact::sanitize(&path.display().to_string());
        Failure::usage(crate::tr!(
            lang,
            "cannot read {shown}: {why}",
            "无法读取 {shown}：{why}"
        ))
    };
    let cert_bytes = crate::safe_fs::read_trusted(cert, MAX_PEM)
        .map(|(bytes, _, _)| bytes)
        .map_err(|r| unreadable(cert, r.reason(lang)))?;
    // Opened as --secret-file is (a link, as a mounted secret is, is followed; a FIFO never
    // blocks), then judged on the file opened.
    let mut file = crate::safe_fs::open_input(key)
        .map_err(|e| unreadable(key, crate::error::io_reason(&e, lang)))?;
    let key_meta = file
        .metadata()
        .map_err(|e| unreadable(key, crate::error::io_reason(&e, lang)))?;
    if key_meta.mode() & 0o077 != 0 {
        let shown = crate::redact::sanitize(&key.display().to_string());
        return Err(Failure::usage(crate::tr!(
            lang,
            "{shown} holds a private key and others may read it: chmod 600 it",
            "{shown} 存有私钥，但其他人可以读取：请 chmod 600"
        )));
    }
    let mut key_bytes = Vec::new();
    std::io::Read::read_to_end(
        &mut std::io::Read::take(&mut file, MAX_PEM + 1),
        &mut key_bytes,
    )
    .map_err(|e| unreadable(key, crate::error::io_reason(&e, lang)))?;
    if !key_meta.is_file() || key_bytes.len() as u64 > MAX_PEM {
        return Err(unreadable(
            key,
            lang.pick("not a PEM key file", "不是 PEM 私钥文件")
                .to_string(),
        ));
    }
    Ok(Some(crate::token::store::url::ClientTls {
        cert: cert_bytes,
        key: key_bytes,
    }))
}

/// Read and check appid and secret, warning about formats that look wrong.
pub fn load_credentials(
    args: &CredArgs,
    profile: &ProfileSettings,
    platform: Platform,
    printer: &Printer,
) -> Result<Credentials, Failure> {
    let input = cred_input(args, profile, platform, printer.lang)?;
    let creds = credentials::load(&input, printer.lang, env_var)?;
    let (id_from, secret_from) = (&creds.id_from, &creds.secret_from);
    printer.verbose(&crate::tr!(
        printer.lang,
        "credentials: app id from {id_from}, secret from {secret_from}",
        "凭据：应用 ID 来自 {id_from}，secret 来自 {secret_from}"
    ));
    for warning in credentials::format_warnings(&creds, printer.lang) {
        printer.warn(&warning);
    }
    Ok(creds)
}

/// Check the connection options (usage errors come out here, before any request).
pub fn conn_settings(
    args: &ConnArgs,
    profile: &ProfileSettings,
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
        .or_else(|| profile.api_base.clone());
    let api_base = ApiBase::parse(raw.as_deref().unwrap_or(default), lang)?;
    let timeout = crate::net::connection::parse_timeout(&args.timeout, lang)?;
    let mut proxy = proxy::decide(
        args.proxy.as_deref(),
        &api_base.scheme,
        &api_base.host,
        env_var,
    );
    // A profile's proxy is the flag's default: it is told as the profile's.
    if let Some(used) = profile
        .used
        .as_ref()
        .filter(|u| u.keys.iter().any(|k| k == "proxy"))
        && let proxy::ProxyDecision::Via(setting) | proxy::ProxyDecision::Bypassed { setting, .. } =
            &mut proxy
        && setting.source == "--proxy"
    {
        setting.source = format!("profile \"{}\"", crate::redact::sanitize(&used.name));
    }
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
        ca_cert: args.ca.ca_cert.clone(),
        lang,
    })
}

/// The cache directory the options name: `--cache-dir` (or WXTOKEN_CACHE_DIR), else under
/// XDG_CACHE_HOME or HOME; `None` when nothing names one.
pub fn cache_dir(arg: &crate::cli::CacheDirArg) -> Option<std::path::PathBuf> {
    crate::token::cache::resolve_dir(arg.cache_dir.as_deref(), env_var)
}

pub fn connect(
    args: &ConnArgs,
    profile: &ProfileSettings,
    platform: Platform,
    printer: &Printer,
) -> Result<Client, Failure> {
    let settings = conn_settings(args, profile, platform, printer.lang)?;
    warn_plain_http(&settings, printer);
    Client::new(settings)
}

/// The host of a proxy URL (without port or brackets).
fn proxy_host(url: &str) -> String {
    let host_port = crate::net::proxy::ProxyUrl::parse(url).host_port;
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
        let shown = crate::net::proxy::display_url(&p.url);
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
        conn_settings(&check.conn, &ProfileSettings::default(), platform, Lang::En).unwrap()
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
