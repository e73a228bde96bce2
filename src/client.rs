//! The blocking HTTP client: one agent per run, one place for timeouts, proxies, TLS roots,
//! the body cap, retries with backoff, and the translation of transport errors.

use std::io::ErrorKind;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use ureq::Agent;
use ureq::http::Uri;
use ureq::tls::{Certificate, PemItem, RootCerts, TlsConfig};

use crate::error::Failure;
use crate::output::Printer;
use crate::proxy::{self, ProxyDecision};
use crate::response::MAX_BODY;

pub const DEFAULT_API_BASE: &str = "https://api.weixin.qq.com";
const FIRST_BACKOFF: Duration = Duration::from_millis(500);
const MAX_BACKOFF: Duration = Duration::from_secs(8);

/// Percent-encode a query value: everything but RFC 3986's unreserved characters.
pub fn percent_encode(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for b in value.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// A checked `--api-base`: an http(s) URL, kept without its trailing slash.
#[derive(Debug, Clone)]
pub struct ApiBase {
    base: String,
    pub scheme: String,
    pub host: String,
    pub port: u16,
}

impl ApiBase {
    pub fn parse(raw: &str) -> Result<ApiBase, Failure> {
        let bad = |why: &str| {
            Failure::usage(format!(
                "--api-base is not an http(s) URL ({why}): {}",
                crate::output::sanitize(raw)
            ))
            .with_hint(format!(
                "for example --api-base {DEFAULT_API_BASE} or https://gateway.example.com/wx/"
            ))
        };
        if raw.chars().any(|c| c.is_whitespace() || c.is_control()) {
            return Err(bad("it contains whitespace"));
        }
        let uri: Uri = raw.parse().map_err(|_| bad("it does not parse"))?;
        let scheme = match uri.scheme_str() {
            Some(s @ ("http" | "https")) => s.to_string(),
            Some(_) => return Err(bad("the scheme must be http or https")),
            None => return Err(bad("it has no http:// or https://")),
        };
        let host = match uri.host() {
            Some(h) if !h.is_empty() => h.to_string(),
            _ => return Err(bad("it has no host")),
        };
        if uri.query().is_some() || raw.contains('#') {
            return Err(bad("it must not carry a query or a fragment"));
        }
        if raw.contains('@') {
            return Err(bad("it must not carry a user name or password"));
        }
        let port = uri
            .port_u16()
            .unwrap_or(if scheme == "https" { 443 } else { 80 });
        Ok(ApiBase {
            base: raw.trim_end_matches('/').to_string(),
            scheme,
            host,
            port,
        })
    }

    /// The URL of `path` (which starts with `/cgi-bin/`) under this base.
    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    /// The base URL as used (no trailing slash).
    pub fn as_str(&self) -> &str {
        &self.base
    }

    pub fn host_port(&self) -> String {
        format!("{}:{}", self.host, self.port)
    }
}

/// `--timeout`: a positive number of seconds, decimals allowed.
pub fn parse_timeout(raw: &str) -> Result<Duration, Failure> {
    let secs: f64 = raw.trim().parse().map_err(|_| timeout_error(raw))?;
    if !(secs.is_finite() && secs > 0.0 && secs <= 86_400.0) {
        return Err(timeout_error(raw));
    }
    Ok(Duration::from_secs_f64(secs))
}

fn timeout_error(raw: &str) -> Failure {
    Failure::usage(format!(
        "--timeout must be a positive number of seconds (at most 86400), not \"{}\"",
        crate::output::sanitize(raw)
    ))
}

/// Connection settings shared by every command that talks to WeChat.
#[derive(Debug, Clone)]
pub struct ConnSettings {
    pub api_base: ApiBase,
    pub timeout: Duration,
    pub retries: u32,
    pub proxy: ProxyDecision,
    pub ca_cert: Option<PathBuf>,
}

/// A request to send: the URL as sent and as shown (secrets masked), and a JSON body for POST.
#[derive(Debug, Clone)]
pub struct Request {
    pub url: String,
    pub shown_url: String,
    pub json_body: Option<String>,
}

/// What to do with an answer.
pub enum Verdict<T> {
    Done(T),
    /// Worth another attempt (if any are left); else this failure stands.
    Retry(Failure),
    Fail(Failure),
}

/// A raw HTTP answer.
#[derive(Debug)]
pub struct Answer {
    pub status: u16,
    pub body: Vec<u8>,
    /// The `Date` header, if any.
    pub date: Option<String>,
}

pub struct Client {
    agent: Agent,
    settings: ConnSettings,
}

impl Client {
    /// Check the settings and build the agent; a bad proxy URL or CA file is a usage error.
    pub fn new(settings: ConnSettings) -> Result<Client, Failure> {
        let proxy = match settings.proxy.proxy() {
            Some(p) => Some(ureq::Proxy::new(&p.url).map_err(|_| {
                Failure::usage(format!(
                    "the proxy URL from {} is not usable: {}",
                    p.source,
                    crate::output::sanitize(&proxy::display_url(&p.url))
                ))
                .with_hint(
                    "a proxy URL looks like http://host:port or http://user:password@host:port",
                )
            })?),
            None => None,
        };
        let mut tls = TlsConfig::builder();
        if let Some(path) = &settings.ca_cert {
            tls = tls.root_certs(root_certs_with(path)?);
        }
        let config = Agent::config_builder()
            .http_status_as_error(false)
            .timeout_global(Some(settings.timeout))
            .user_agent(format!("wxtoken/{}", env!("CARGO_PKG_VERSION")))
            .proxy(proxy)
            .max_redirects(0)
            .max_redirects_will_error(false)
            .tls_config(tls.build())
            .build();
        Ok(Client {
            agent: config.new_agent(),
            settings,
        })
    }

    pub fn settings(&self) -> &ConnSettings {
        &self.settings
    }

    /// The longest a [`Client::send`] can take: every attempt at the timeout plus every backoff.
    pub fn worst_case(&self) -> Duration {
        let mut total = Duration::ZERO;
        let mut backoff = FIRST_BACKOFF;
        for _ in 0..self.settings.retries {
            total += backoff;
            backoff = (backoff * 2).min(MAX_BACKOFF);
        }
        total + self.settings.timeout * self.settings.retries.saturating_add(1)
    }

    /// One attempt: send and read the (capped) body.
    pub fn exchange(&self, req: &Request) -> Result<Answer, Failure> {
        let result = match &req.json_body {
            None => self.agent.get(&req.url).call(),
            Some(body) => self
                .agent
                .post(&req.url)
                .header("Content-Type", "application/json")
                .send(body.as_str()),
        };
        let mut response = result.map_err(|e| self.transport_failure(e))?;
        let status = response.status().as_u16();
        let header = |name: &str| {
            response
                .headers()
                .get(name)
                .and_then(|v| v.to_str().ok())
                .map(str::to_string)
        };
        let date = header("date");
        if let Some(len) = header("content-length").and_then(|v| v.trim().parse::<u64>().ok())
            && len > MAX_BODY
        {
            return Err(too_large(status));
        }
        let body = response
            .body_mut()
            .with_config()
            .limit(MAX_BODY)
            .read_to_vec()
            .map_err(|e| match e {
                ureq::Error::BodyExceedsLimit(_) => too_large(status),
                other => self.transport_failure(other),
            })?;
        Ok(Answer { status, body, date })
    }

    /// Send `req` until `judge` is satisfied, retrying what is worth retrying with exponential
    /// backoff (500 ms, doubling, capped at 8 s), at most `retries` times.
    pub fn send<T>(
        &self,
        req: &Request,
        printer: &Printer,
        judge: impl Fn(&Answer) -> Verdict<T>,
    ) -> Result<T, Failure> {
        let method = if req.json_body.is_some() {
            "POST"
        } else {
            "GET"
        };
        printer.verbose(&format!("{method} {}", req.shown_url));
        printer.verbose(&format!("proxy: {}", self.settings.proxy.describe()));
        let attempts = self.settings.retries.saturating_add(1);
        let mut backoff = FIRST_BACKOFF;
        let mut attempt = 1;
        loop {
            let started = Instant::now();
            let outcome = self.exchange(req);
            let elapsed = started.elapsed().as_millis();
            let verdict = match outcome {
                Ok(answer) => {
                    printer.verbose(&format!(
                        "attempt {attempt}/{attempts}: HTTP {}, {} bytes, {elapsed} ms",
                        answer.status,
                        answer.body.len()
                    ));
                    judge(&answer)
                }
                Err(f) => {
                    printer.verbose(&format!(
                        "attempt {attempt}/{attempts}: failed after {elapsed} ms: {}",
                        f.message()
                    ));
                    if matches!(f, Failure::Network { .. }) {
                        Verdict::Retry(f)
                    } else {
                        Verdict::Fail(f)
                    }
                }
            };
            match verdict {
                Verdict::Done(t) => return Ok(t),
                Verdict::Fail(f) => return Err(f),
                Verdict::Retry(f) if attempt >= attempts => return Err(f),
                Verdict::Retry(f) => {
                    printer.verbose(&format!(
                        "retrying in {} ms ({})",
                        backoff.as_millis(),
                        f.message()
                    ));
                    std::thread::sleep(backoff);
                    backoff = (backoff * 2).min(MAX_BACKOFF);
                    attempt += 1;
                }
            }
        }
    }

    /// A transport error in words a person can act on. Never includes the URL.
    fn transport_failure(&self, e: ureq::Error) -> Failure {
        let s = &self.settings;
        let target = s.api_base.host_port();
        let via = s.proxy.proxy();
        let proxy_hint = |f: Failure| match via {
            Some(p) => f.with_hint(format!(
                "requests go through the proxy {} (from {}); check it, or bypass it with NO_PROXY",
                proxy::display_url(&p.url),
                p.source
            )),
            None => f,
        };
        let network = |message: String| Failure::Network {
            message,
            hints: Vec::new(),
        };
        let response = |message: String| Failure::Response {
            message,
            hints: Vec::new(),
            http_status: None,
        };
        let connect_what = match via {
            Some(p) => format!("the proxy {}", proxy::display_url(&p.url)),
            None => target.clone(),
        };
        match e {
            ureq::Error::Timeout(_) | ureq::Error::BodyStalled => proxy_hint(
                network(format!(
                    "no complete answer from {target} within the timeout of {}",
                    fmt_secs(s.timeout)
                ))
                .with_hint("raise --timeout if the network is slow; the server or a proxy in between may be stuck"),
            ),
            ureq::Error::HostNotFound => proxy_hint(
                network(format!("cannot resolve the host name {}", via.map(|p| proxy::display_url(&p.url)).unwrap_or_else(|| s.api_base.host.clone())))
                    .with_hint("check the host name in --api-base (or the proxy) and this machine's DNS"),
            ),
            ureq::Error::ConnectionFailed => proxy_hint(network(format!("cannot connect to {connect_what}"))),
            ureq::Error::ConnectProxyFailed(why) => proxy_hint(network(format!(
                "the proxy refused to open a tunnel to {target}: {}",
                crate::output::sanitize(&why)
            ))),
            ureq::Error::Io(io) if io.get_ref().is_some_and(|e| e.is::<rustls::Error>()) => {
                tls_failure(&target, &io.to_string())
            }
            ureq::Error::Io(io) => {
                let message = match io.kind() {
                    ErrorKind::ConnectionRefused => format!("connection refused by {connect_what}"),
                    ErrorKind::ConnectionReset | ErrorKind::ConnectionAborted | ErrorKind::BrokenPipe => {
                        format!("the connection to {connect_what} was reset")
                    }
                    ErrorKind::UnexpectedEof => {
                        format!("the connection to {connect_what} closed before the answer was complete")
                    }
                    ErrorKind::TimedOut | ErrorKind::WouldBlock => format!(
                        "no complete answer from {target} within the timeout of {}",
                        fmt_secs(s.timeout)
                    ),
                    _ => format!("network error talking to {connect_what}: {io}"),
                };
                proxy_hint(network(message))
            }
            ureq::Error::Tls(why) => tls_failure(&target, why),
            ureq::Error::Rustls(err) => tls_failure(&target, &err.to_string()),
            ureq::Error::Pem(_) => Failure::usage("the --ca-cert file is not valid PEM"),
            ureq::Error::BodyExceedsLimit(_) => too_large(0),
            ureq::Error::Decompress(_, err) => {
                response(format!("the gzip body from {target} could not be decompressed: {err}"))
            }
            ureq::Error::LargeResponseHeader(_, _) => {
                response(format!("the response headers from {target} are too large"))
            }
            ureq::Error::Protocol(err) => response(format!("{target} did not answer in valid HTTP: {err}")),
            ureq::Error::InvalidProxyUrl => Failure::usage("the proxy URL is not usable"),
            ureq::Error::BadUri(_) => Failure::usage("--api-base does not make a valid URL"),
            other => Failure::Internal { message: format!("unexpected HTTP client error: {other}") },
        }
    }
}

fn tls_failure(target: &str, why: &str) -> Failure {
    Failure::Network {
        message: format!("TLS with {target} failed: {}", crate::output::sanitize(why)),
        hints: vec![
            "if a corporate proxy or a private gateway uses its own certificate authority, pass its PEM file with --ca-cert"
                .to_string(),
        ],
    }
}

fn too_large(status: u16) -> Failure {
    Failure::Response {
        message: format!(
            "the response is larger than {} KiB; a token response is under 1 KiB, so this is not WeChat",
            MAX_BODY / 1024
        ),
        hints: vec!["check --api-base and any proxy in between".to_string()],
        http_status: (status != 0).then_some(status),
    }
}

pub fn fmt_secs(d: Duration) -> String {
    let s = d.as_secs_f64();
    if s.fract() == 0.0 {
        format!("{s:.0} s")
    } else {
        format!("{s} s")
    }
}

/// Every certificate in the PEM file at `path` (`--ca-cert`); none is a usage error.
pub fn extra_ca_certs(path: &Path) -> Result<Vec<Certificate<'static>>, Failure> {
    let shown = crate::output::sanitize(&path.display().to_string());
    let pem = std::fs::read(path).map_err(|e| {
        Failure::usage(format!(
            "cannot read --ca-cert {shown}: {}",
            crate::credentials::io_reason(&e)
        ))
    })?;
    let mut extra = Vec::new();
    for item in ureq::tls::parse_pem(&pem) {
        match item {
            Ok(PemItem::Certificate(c)) => extra.push(c),
            Ok(_) => {}
            Err(_) => {
                return Err(Failure::usage(format!(
                    "--ca-cert {shown} is not a valid PEM file"
                )));
            }
        }
    }
    if extra.is_empty() {
        return Err(Failure::usage(format!(
            "--ca-cert {shown} holds no PEM certificate"
        )));
    }
    Ok(extra)
}

/// The built-in roots plus every certificate in the PEM file at `path`.
fn root_certs_with(path: &Path) -> Result<RootCerts, Failure> {
    let mut all: Vec<Certificate<'static>> = webpki_root_certs::TLS_SERVER_ROOT_CERTS
        .iter()
        .map(|der| Certificate::from_der(der.as_ref()))
        .collect();
    all.extend(extra_ca_certs(path)?);
    Ok(RootCerts::Specific(Arc::new(all)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encoding_cannot_inject_parameters() {
        assert_eq!(percent_encode("a&secret=b c"), "a%26secret%3Db%20c");
        assert_eq!(percent_encode("AZaz09-_.~"), "AZaz09-_.~");
        assert_eq!(percent_encode("中"), "%E4%B8%AD");
    }

    #[test]
    fn api_base() {
        let b = ApiBase::parse("https://gw.example.com/wx/").unwrap();
        assert_eq!(
            b.url("/cgi-bin/token"),
            "https://gw.example.com/wx/cgi-bin/token"
        );
        assert_eq!(b.port, 443);
        let b = ApiBase::parse("http://127.0.0.1:8080").unwrap();
        assert_eq!(
            b.url("/cgi-bin/token"),
            "http://127.0.0.1:8080/cgi-bin/token"
        );
        assert_eq!(b.host_port(), "127.0.0.1:8080");
        for bad in [
            "",
            "ftp://x",
            "api.weixin.qq.com",
            "http://",
            "https://x/?a=b",
            "https://u:p@x",
            "http://a b",
        ] {
            assert_eq!(ApiBase::parse(bad).unwrap_err().exit_code(), 2, "{bad}");
        }
    }

    #[test]
    fn timeouts() {
        assert_eq!(parse_timeout("10").unwrap(), Duration::from_secs(10));
        assert_eq!(parse_timeout("0.5").unwrap(), Duration::from_millis(500));
        for bad in ["0", "-1", "abc", "", "inf", "NaN", "1e9"] {
            assert!(parse_timeout(bad).is_err(), "{bad}");
        }
    }
}
