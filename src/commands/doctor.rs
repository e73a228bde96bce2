//! `wxtoken doctor`: a guided diagnosis, one line per step. It never prints the secret or a
//! token, and never calls the classic endpoint: the credentials and the IP whitelist are checked
//! with one normal-mode stable_token call, which rotates nothing.

use std::cell::RefCell;
use std::io::{IsTerminal, Read, Write};
use std::net::{SocketAddr, TcpStream, ToSocketAddrs};
use std::sync::{Arc, mpsc};
use std::time::{Duration, Instant};

use serde_json::{Value, json};

use crate::cli::DoctorArgs;
use crate::client::{self, Client, ConnSettings};
use crate::credentials::{self, CredInput, SecretSource};
use crate::error::Failure;
use crate::output::{Printer, sanitize, use_color};
use crate::proxy;
use crate::time;
use crate::wechat::{self, Endpoint};

const MAX_SKEW: i64 = 60;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Status {
    Ok,
    Warning,
    Failed,
    Skipped,
}

impl Status {
    fn word(self) -> &'static str {
        match self {
            Status::Ok => "ok",
            Status::Warning => "warning",
            Status::Failed => "failed",
            Status::Skipped => "skipped",
        }
    }
}

struct Step {
    name: &'static str,
    status: Status,
    detail: String,
    hints: Vec<String>,
    exit_code: u8,
    error: Option<Value>,
}

impl Step {
    fn new(name: &'static str, status: Status, detail: impl Into<String>) -> Step {
        Step {
            name,
            status,
            detail: detail.into(),
            hints: Vec::new(),
            exit_code: 0,
            error: None,
        }
    }

    fn failed(name: &'static str, failure: &Failure) -> Step {
        Step {
            name,
            status: Status::Failed,
            detail: failure.message().to_string(),
            hints: failure.hints().to_vec(),
            exit_code: failure.exit_code(),
            error: Some(failure.to_json()),
        }
    }

    fn hint(mut self, hint: impl Into<String>) -> Step {
        self.hints.push(hint.into());
        self
    }
}

pub fn run(args: &DoctorArgs, printer: &Printer) -> Result<u8, Failure> {
    let settings = super::conn_settings(&args.conn, printer.lang)?;
    let mut steps = Vec::new();

    // 1. Credentials: present and plausible.
    let input = CredInput {
        appid: args.creds.appid.as_deref(),
        secret: args.creds.secret.as_deref(),
        secret_file: args.creds.secret_file.as_deref(),
    };
    let creds = match credentials::load(&input, printer.lang, super::env_var) {
        Ok(c) => {
            let source = match c.secret_source {
                SecretSource::Flag => "--secret",
                SecretSource::File => "--secret-file",
                SecretSource::Stdin => "stdin",
                SecretSource::Env => "WXTOKEN_SECRET",
            };
            let detail = format!(
                "appid {}, secret from {source} ({} characters)",
                sanitize(&c.appid),
                c.secret.expose().len()
            );
            let warnings = credentials::format_warnings(&c, printer.lang);
            let mut step = Step::new(
                "credentials",
                if warnings.is_empty() {
                    Status::Ok
                } else {
                    Status::Warning
                },
                detail,
            );
            step.hints = warnings;
            steps.push(step);
            Some(c)
        }
        Err(f) => {
            steps.push(Step::failed("credentials", &f));
            None
        }
    };

    // 2. The proxy in effect and where it came from.
    let client = match Client::new(settings.clone()) {
        Ok(client) => {
            steps.push(Step::new("proxy", Status::Ok, settings.proxy.describe()));
            Some(client)
        }
        Err(f) => {
            steps.push(Step::failed("proxy", &f));
            None
        }
    };

    // 3-4. DNS, then TCP and TLS; 5-6. the clock and the stable_token call.
    let reachable = client.is_some() && network_steps(&settings, &mut steps);
    match (&client, &creds, reachable) {
        (Some(client), Some(creds), true) => token_steps(client, creds, printer, &mut steps),
        _ => {
            let why = if reachable {
                "needs valid credentials"
            } else {
                "needs a connection"
            };
            steps.push(Step::new(
                "clock",
                Status::Skipped,
                format!("skipped: {why}"),
            ));
            steps.push(Step::new(
                "whitelist",
                Status::Skipped,
                format!("skipped: {why}"),
            ));
        }
    }

    let exit_code = steps
        .iter()
        .find(|s| s.status == Status::Failed)
        .map(|s| s.exit_code)
        .unwrap_or(0);
    report(printer, &settings, &steps, exit_code)?;
    Ok(exit_code)
}

/// Where the first hop goes: the proxy, or the API host.
fn first_hop(settings: &ConnSettings) -> (String, u16, bool) {
    match settings
        .proxy
        .proxy()
        .and_then(|p| ureq::Proxy::new(&p.url).ok())
    {
        Some(p) => (p.host().to_string(), p.port(), true),
        None => (
            settings.api_base.host.clone(),
            settings.api_base.port,
            false,
        ),
    }
}

/// DNS, TCP and TLS. Returns whether WeChat (or the proxy's tunnel to it) is reachable.
fn network_steps(settings: &ConnSettings, steps: &mut Vec<Step>) -> bool {
    let (host, port, via_proxy) = first_hop(settings);
    let what = if via_proxy { "proxy host" } else { "API host" };
    let started = Instant::now();
    let addrs = match resolve(&host, port, settings.timeout) {
        Ok(addrs) if !addrs.is_empty() => addrs,
        Ok(_) | Err(_) => {
            let f = Failure::Network {
                message: format!("cannot resolve the {what} {}", sanitize(&host)),
                hints: vec!["check the host name and this machine's DNS (/etc/resolv.conf)".into()],
            };
            steps.push(Step::failed("dns", &f));
            return false;
        }
    };
    let list: Vec<String> = addrs.iter().map(|a| a.ip().to_string()).collect();
    let mut detail = format!(
        "{what} {} → {} ({} ms)",
        sanitize(&host),
        list.join(", "),
        started.elapsed().as_millis()
    );
    if via_proxy {
        detail.push_str(&format!(
            "; {} is resolved by the proxy",
            settings.api_base.host
        ));
    }
    steps.push(Step::new("dns", Status::Ok, detail));

    match connect(settings, &addrs, via_proxy) {
        Ok(detail) => {
            steps.push(Step::new("connect", Status::Ok, detail));
            true
        }
        Err(f) => {
            steps.push(Step::failed("connect", &f));
            false
        }
    }
}

fn resolve(host: &str, port: u16, timeout: Duration) -> Result<Vec<SocketAddr>, ()> {
    let (tx, rx) = mpsc::channel();
    let target = (
        host.trim_start_matches('[')
            .trim_end_matches(']')
            .to_string(),
        port,
    );
    std::thread::spawn(move || {
        let _ = tx.send(target.to_socket_addrs().map(|a| a.collect::<Vec<_>>()));
    });
    match rx.recv_timeout(timeout) {
        Ok(Ok(addrs)) => Ok(addrs),
        _ => Err(()),
    }
}

/// TCP connect to the first hop, the CONNECT tunnel through a proxy, and the TLS handshake.
fn connect(
    settings: &ConnSettings,
    addrs: &[SocketAddr],
    via_proxy: bool,
) -> Result<String, Failure> {
    let network = |message: String, hint: &str| Failure::Network {
        message,
        hints: vec![hint.to_string()],
    };
    let started = Instant::now();
    let mut last_error = None;
    let mut stream = None;
    for addr in addrs {
        match TcpStream::connect_timeout(addr, settings.timeout) {
            Ok(s) => {
                stream = Some((s, *addr));
                break;
            }
            Err(e) => last_error = Some((e, *addr)),
        }
    }
    let Some((mut tcp, addr)) = stream else {
        let (e, addr) = last_error.expect("at least one address");
        let hint = match settings.proxy.proxy() {
            Some(p) => format!(
                "the proxy {} comes from {}: check that it runs, or bypass it with NO_PROXY",
                proxy::display_url(&p.url),
                p.source
            ),
            None => {
                "check the firewall and that this machine can reach the internet (or the gateway)"
                    .to_string()
            }
        };
        let what = if via_proxy { "the proxy at " } else { "" };
        return Err(network(
            format!("cannot connect to {what}{addr}: {}", io_words(&e)),
            &hint,
        ));
    };
    let tcp_ms = started.elapsed().as_millis();
    let _ = tcp.set_read_timeout(Some(settings.timeout));
    let _ = tcp.set_write_timeout(Some(settings.timeout));
    let mut detail = format!(
        "TCP {}{addr} in {tcp_ms} ms",
        if via_proxy { "to the proxy " } else { "" }
    );

    if via_proxy {
        let target = settings.api_base.host_port();
        let request = format!("CONNECT {target} HTTP/1.1\r\nHost: {target}\r\n\r\n");
        let status = tcp
            .write_all(request.as_bytes())
            .and_then(|_| read_status_line(&mut tcp))
            .map_err(|e| {
                network(
                    format!(
                        "the proxy did not answer the tunnel request: {}",
                        io_words(&e)
                    ),
                    "check the proxy",
                )
            })?;
        if !status.starts_with("HTTP/1.1 200") && !status.starts_with("HTTP/1.0 200") {
            return Err(network(
                format!(
                    "the proxy refused a tunnel to {target}: {}",
                    sanitize(status.trim())
                ),
                "the proxy may need credentials (http://user:password@host:port) or may block this host",
            ));
        }
        detail.push_str(&format!("; tunnel to {target} open"));
    }

    if settings.api_base.scheme != "https" {
        detail.push_str("; TLS not used (http)");
        return Ok(detail);
    }
    let started = Instant::now();
    let version = tls_handshake(settings, &mut tcp)?;
    detail.push_str(&format!(
        "; {version} handshake in {} ms",
        started.elapsed().as_millis()
    ));
    Ok(detail)
}

fn read_status_line(tcp: &mut TcpStream) -> std::io::Result<String> {
    let mut head = Vec::new();
    let mut byte = [0u8; 1];
    while !head.ends_with(b"\r\n\r\n") && head.len() < 8192 {
        if tcp.read(&mut byte)? == 0 {
            break;
        }
        head.push(byte[0]);
    }
    Ok(String::from_utf8_lossy(&head)
        .lines()
        .next()
        .unwrap_or("")
        .to_string())
}

fn tls_handshake(settings: &ConnSettings, tcp: &mut TcpStream) -> Result<String, Failure> {
    let mut roots = rustls::RootCertStore::empty();
    roots.add_parsable_certificates(webpki_root_certs::TLS_SERVER_ROOT_CERTS.iter().cloned());
    if let Some(path) = &settings.ca_cert {
        let extra = client::extra_ca_certs(path, settings.lang)?;
        roots.add_parsable_certificates(
            extra
                .iter()
                .map(|c| rustls::pki_types::CertificateDer::from(c.der().to_vec())),
        );
    }
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let config = rustls::ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .map_err(|e| Failure::Internal {
            message: format!("TLS set-up: {e}"),
        })?
        .with_root_certificates(roots)
        .with_no_client_auth();
    let host = settings
        .api_base
        .host
        .trim_start_matches('[')
        .trim_end_matches(']')
        .to_string();
    let name = rustls::pki_types::ServerName::try_from(host)
        .map_err(|_| Failure::usage("--api-base has a host name TLS cannot use"))?;
    let mut conn =
        rustls::ClientConnection::new(Arc::new(config), name).map_err(|e| Failure::Internal {
            message: format!("TLS set-up: {e}"),
        })?;
    while conn.is_handshaking() {
        if let Err(e) = conn.complete_io(tcp) {
            return Err(client::tls_failure(
                &settings.api_base.host_port(),
                &e.to_string(),
                settings.lang,
            ));
        }
    }
    Ok(match conn.protocol_version() {
        Some(rustls::ProtocolVersion::TLSv1_3) => "TLS 1.3".to_string(),
        Some(rustls::ProtocolVersion::TLSv1_2) => "TLS 1.2".to_string(),
        Some(other) => format!("{other:?}"),
        None => "TLS".to_string(),
    })
}

fn io_words(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::ConnectionRefused => "connection refused".into(),
        std::io::ErrorKind::TimedOut | std::io::ErrorKind::WouldBlock => "timed out".into(),
        _ => e.to_string(),
    }
}

/// The clock (from the answer's Date header) and one normal-mode stable_token call.
fn token_steps(
    client: &Client,
    creds: &credentials::Credentials,
    printer: &Printer,
    steps: &mut Vec<Step>,
) {
    let req = wechat::token_request(client, creds, Endpoint::StableToken, false);
    let date: RefCell<Option<(String, u64)>> = RefCell::new(None);
    let lang = printer.lang;
    let result = client.send(&req, printer, |answer| {
        if let Some(d) = &answer.date {
            *date.borrow_mut() = Some((d.clone(), time::now_unix()));
        }
        wechat::judge_token(answer, lang)
    });

    steps.push(match date.into_inner() {
        Some((header, local)) => match time::parse_http_date(&header) {
            Some(server) => {
                let skew = local as i64 - server as i64;
                if skew.abs() > MAX_SKEW {
                    Step::new(
                        "clock",
                        Status::Warning,
                        format!("this machine's clock is {skew:+} s off the server's"),
                    )
                    .hint("synchronise the clock (NTP): cached tokens expire by this clock")
                } else {
                    Step::new(
                        "clock",
                        Status::Ok,
                        format!("matches the server's (skew {skew:+} s)"),
                    )
                }
            }
            None => Step::new(
                "clock",
                Status::Warning,
                format!(
                    "cannot read the server's Date header: {}",
                    sanitize(&header)
                ),
            ),
        },
        None => Step::new("clock", Status::Skipped, "the server sent no Date header"),
    });

    steps.push(match result {
        Ok(token) => Step::new(
            "whitelist",
            Status::Ok,
            format!(
                "WeChat accepts appid and secret from this IP (normal-mode stable_token: a token with {} left; nothing was invalidated)",
                crate::cache::human_duration(token.expires_in)
            ),
        ),
        Err(f) => Step::failed("whitelist", &f),
    });
}

fn report(
    printer: &Printer,
    settings: &ConnSettings,
    steps: &[Step],
    exit_code: u8,
) -> Result<(), Failure> {
    let written = if printer.json {
        let steps: Vec<Value> = steps
            .iter()
            .map(|s| {
                let mut v = json!({
                    "step": s.name,
                    "status": s.status.word(),
                    "detail": s.detail,
                    "hint": if s.hints.is_empty() { Value::Null } else { Value::String(s.hints.join("\n")) },
                });
                if let Some(e) = &s.error {
                    v["error"] = e.clone();
                }
                v
            })
            .collect();
        let doc = json!({
            "ok": exit_code == 0,
            "exit_code": exit_code,
            "api_base": settings.api_base.as_str(),
            "steps": steps,
        });
        printer.result_json(
            &serde_json::from_str(&crate::output::redact(&doc.to_string())).unwrap_or(doc),
        )
    } else {
        let color = use_color(
            printer.color,
            std::io::stdout().is_terminal(),
            super::env_var,
        );
        let paint = |code: &str, text: &str| {
            if color {
                format!("\x1b[{code}m{text}\x1b[0m")
            } else {
                text.to_string()
            }
        };
        let mut out = format!("wxtoken doctor: {}\n", sanitize(settings.api_base.as_str()));
        for s in steps {
            let mark = match s.status {
                Status::Ok => paint("32", " ok  "),
                Status::Warning => paint("33", " warn"),
                Status::Failed => paint("1;31", " FAIL"),
                Status::Skipped => paint("2", " skip"),
            };
            out.push_str(&format!("{mark}  {:<12} {}\n", s.name, s.detail));
            if !printer.quiet && s.status != Status::Ok {
                for h in &s.hints {
                    out.push_str(&format!("       {:<12} → {h}\n", ""));
                }
            }
        }
        printer.result_line(&crate::output::redact(out.trim_end()))
    };
    written.map_err(|e| Failure::Internal {
        message: format!("cannot write to stdout: {e}"),
    })
}
