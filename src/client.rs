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
use crate::lang::Lang;
use crate::output::Printer;
use crate::proxy::{self, ProxyDecision};
use crate::response::MAX_BODY;
use crate::tr;

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
    pub fn parse(raw: &str, lang: Lang) -> Result<ApiBase, Failure> {
        let shown = crate::output::sanitize(raw);
        let bad = |why: String| {
            Failure::usage(tr!(
                lang,
                "--api-base is not an http(s) URL ({why}): {shown}",
                "--api-base 不是 http(s) URL（{why}）：{shown}"
            ))
            .with_hint(tr!(
                lang,
                "for example --api-base {DEFAULT_API_BASE} or https://gateway.example.com/wx/",
                "例如 --api-base {DEFAULT_API_BASE} 或 https://gateway.example.com/wx/"
            ))
        };
        if raw.chars().any(|c| c.is_whitespace() || c.is_control()) {
            return Err(bad(tr!(lang, "it contains whitespace", "含有空白字符")));
        }
        let uri: Uri = raw
            .parse()
            .map_err(|_| bad(tr!(lang, "it does not parse", "无法解析")))?;
        let scheme = match uri.scheme_str() {
            Some(s @ ("http" | "https")) => s.to_string(),
            Some(_) => {
                return Err(bad(tr!(
                    lang,
                    "the scheme must be http or https",
                    "协议必须是 http 或 https"
                )));
            }
            None => {
                return Err(bad(tr!(
                    lang,
                    "it has no http:// or https://",
                    "缺少 http:// 或 https://"
                )));
            }
        };
        let host = match uri.host() {
            Some(h) if !h.is_empty() => h.to_string(),
            _ => return Err(bad(tr!(lang, "it has no host", "缺少主机名"))),
        };
        if uri.query().is_some() || raw.contains('#') {
            return Err(bad(tr!(
                lang,
                "it must not carry a query or a fragment",
                "不能带查询参数或片段"
            )));
        }
        // An `@` in the path is fine (gateways use it); in the authority it is a user name.
        if uri.authority().is_some_and(|a| a.as_str().contains('@')) {
            return Err(bad(tr!(
                lang,
                "it must not carry a user name or password",
                "不能带用户名或密码"
            )));
        }
        // Read the port from the authority as written: the URI parser drops one it cannot
        // parse (`:99999`), which would then silently become 80 or 443.
        let authority = uri.authority().map(|a| a.as_str()).unwrap_or("");
        let port_text = match authority.rsplit_once(':') {
            Some((host, port)) if !host.is_empty() && !port.contains(']') => Some(port),
            _ => None,
        };
        let port = match port_text {
            None | Some("") => {
                if scheme == "https" {
                    443
                } else {
                    80
                }
            }
            Some(p) => match p.parse::<u16>() {
                Ok(n) if n > 0 && p.bytes().all(|b| b.is_ascii_digit()) => n,
                _ => {
                    let p = crate::output::sanitize(p);
                    return Err(bad(tr!(
                        lang,
                        "the port {p} is not a number from 1 to 65535",
                        "端口 {p} 不是 1 到 65535 之间的数字"
                    )));
                }
            },
        };
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

/// `--timeout`: seconds, decimals allowed, from 0.001 to 86400.
pub fn parse_timeout(raw: &str, lang: Lang) -> Result<Duration, Failure> {
    let shown: String = crate::output::sanitize(raw).chars().take(40).collect();
    let error = || {
        Failure::usage(tr!(
            lang,
            "--timeout must be a number of seconds from 0.001 to 86400, not \"{shown}\"",
            "--timeout 必须是 0.001 到 86400 之间的秒数，而不是 \"{shown}\""
        ))
    };
    let secs: f64 = raw.trim().parse().map_err(|_| error())?;
    if !(secs.is_finite() && (0.001..=86_400.0).contains(&secs)) {
        return Err(error());
    }
    Ok(Duration::from_secs_f64(secs))
}

/// Connection settings shared by every command that talks to WeChat.
#[derive(Debug, Clone)]
pub struct ConnSettings {
    pub api_base: ApiBase,
    pub timeout: Duration,
    pub retries: u32,
    pub proxy: ProxyDecision,
    pub ca_cert: Option<PathBuf>,
    /// The language of failure messages.
    pub lang: Lang,
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

#[derive(Clone)]
pub struct Client {
    agent: Agent,
    settings: ConnSettings,
}

impl Client {
    /// Check the settings and build the agent; a bad proxy URL or CA file is a usage error.
    pub fn new(settings: ConnSettings) -> Result<Client, Failure> {
        let lang = settings.lang;
        let proxy = match settings.proxy.proxy() {
            Some(p) => Some(
                ureq::Proxy::new(&proxy::ProxyUrl::parse(&p.url).for_client()).map_err(|_| {
                    let (source, shown) = (
                        &p.source,
                        crate::output::sanitize(&proxy::display_url(&p.url)),
                    );
                    Failure::usage(tr!(
                        lang,
                        "the proxy URL from {source} is not usable: {shown}",
                        "来自 {source} 的代理 URL 无法使用：{shown}"
                    ))
                    .with_hint(tr!(
                        lang,
                        "a proxy URL looks like http://host:port or http://user:password@host:port",
                        "代理 URL 形如 http://host:port 或 http://user:password@host:port"
                    ))
                })?,
            ),
            None => None,
        };
        let mut tls = TlsConfig::builder();
        if let Some(path) = &settings.ca_cert {
            tls = tls.root_certs(root_certs_with(path, lang)?);
        }
        let config = Agent::config_builder()
            .http_status_as_error(false)
            .timeout_global(Some(settings.timeout))
            .user_agent(format!("wxtoken/{}", env!("CARGO_PKG_VERSION")))
            .proxy(proxy)
            .max_redirects(0)
            // A token exchange is tiny: ureq's 128 KiB buffers (zeroed on every start) cost more
            // time than the whole request does.
            .max_response_header_size(16 * 1024)
            .input_buffer_size(32 * 1024)
            .output_buffer_size(8 * 1024)
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

    /// One attempt under one deadline that covers everything: DNS, connect, proxy CONNECT, TLS,
    /// headers and body. The attempt runs on its own thread, so that no phase (a resolver that
    /// hangs, a proxy that trickles its answer a byte at a time) can outlive `--timeout`; a
    /// thread left behind ends with the process.
    pub fn exchange(&self, req: &Request) -> Result<Answer, Failure> {
        let (tx, rx) = std::sync::mpsc::channel();
        let (me, req) = (self.clone(), req.clone());
        std::thread::Builder::new()
            .name("attempt".into())
            .spawn(move || {
                let _ = tx.send(me.exchange_unbounded(&req));
            })
            .map_err(|e| Failure::internal(format!("cannot start a thread: {e}")))?;
        match rx.recv_timeout(self.settings.timeout) {
            Ok(result) => result,
            Err(_) => Err(self.timed_out()),
        }
    }

    /// No complete answer within the timeout.
    fn timed_out(&self) -> Failure {
        let s = &self.settings;
        let lang = s.lang;
        let target = s.api_base.host_port();
        let secs = fmt_secs(s.timeout);
        self.proxy_hint(
            Failure::network(tr!(
                lang,
                "no complete answer from {target} within the timeout of {secs}",
                "{target} 在超时 {secs} 内没有给出完整应答"
            ))
            .with_hint(tr!(
                lang,
                "raise --timeout if the network is slow; the server or a proxy in between may be stuck",
                "网络慢时可调大 --timeout；服务器或中间的代理可能卡住了"
            )),
        )
    }

    /// The hint that names the proxy in use, if any.
    fn proxy_hint(&self, f: Failure) -> Failure {
        let lang = self.settings.lang;
        match self.settings.proxy.proxy() {
            Some(p) => {
                let (shown, source) = (proxy::display_url(&p.url), &p.source);
                f.with_hint(tr!(
                    lang,
                    "requests go through the proxy {shown} (from {source}); check it, or bypass it with NO_PROXY",
                    "请求经由代理 {shown}（来自 {source}）；请检查它，或用 NO_PROXY 绕过"
                ))
            }
            None => f,
        }
    }

    fn exchange_unbounded(&self, req: &Request) -> Result<Answer, Failure> {
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
            return Err(too_large(status, self.settings.lang));
        }
        let body = response
            .body_mut()
            .with_config()
            .limit(MAX_BODY)
            .read_to_vec()
            .map_err(|e| match e {
                ureq::Error::BodyExceedsLimit(_) => too_large(status, self.settings.lang),
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
        let first_started = Instant::now();
        let lang = self.settings.lang;
        let summary = |f: Failure, attempt: u32| {
            if attempt < 2 {
                return f;
            }
            let total = first_started.elapsed().as_secs_f64();
            let each = fmt_secs(self.settings.timeout);
            f.append_message(&tr!(
                lang,
                " ({attempt} attempts in {total:.1} s, {each} each)",
                "（共 {attempt} 次尝试，用时 {total:.1} 秒，每次最多 {each}）"
            ))
        };
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
                    if matches!(f, Failure::Network { .. }) && f.retryable() {
                        Verdict::Retry(f)
                    } else {
                        Verdict::Fail(f)
                    }
                }
            };
            match verdict {
                Verdict::Done(t) => return Ok(t),
                Verdict::Fail(f) => return Err(summary(f, attempt)),
                Verdict::Retry(f) if attempt >= attempts => return Err(summary(f, attempt)),
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
        let lang = s.lang;
        let target = s.api_base.host_port();
        let via = s.proxy.proxy();
        let proxy_hint = |f: Failure| self.proxy_hint(f);
        let network = Failure::network;
        let response = |message: String| Failure::Response {
            message,
            hints: Vec::new(),
            http_status: None,
        };
        let what = match via {
            Some(p) => {
                let shown = proxy::display_url(&p.url);
                tr!(lang, "the proxy {shown}", "代理 {shown}")
            }
            None => target.clone(),
        };
        let timed_out = || self.timed_out();
        match e {
            ureq::Error::Timeout(_) | ureq::Error::BodyStalled => timed_out(),
            ureq::Error::HostNotFound => {
                let host = via
                    .map(|p| proxy::display_url(&p.url))
                    .unwrap_or_else(|| s.api_base.host.clone());
                proxy_hint(
                    network(tr!(
                        lang,
                        "cannot resolve the host name {host}",
                        "无法解析主机名 {host}"
                    ))
                    .with_hint(tr!(
                        lang,
                        "check the host name in --api-base (or the proxy) and this machine's DNS",
                        "请检查 --api-base（或代理）中的主机名以及本机 DNS"
                    )),
                )
            }
            ureq::Error::ConnectionFailed => proxy_hint(network(tr!(
                lang,
                "cannot connect to {what}",
                "无法连接 {what}"
            ))),
            ureq::Error::ConnectProxyFailed(why) if why.contains("responded 407") => {
                let has_credentials = via.is_some_and(|p| {
                    proxy::ProxyUrl::parse(&p.url).password.is_some()
                        || proxy::ProxyUrl::parse(&p.url).user.is_some()
                });
                let f = if has_credentials {
                    Failure::network(tr!(
                        lang,
                        "{what} rejected the credentials given in its URL (HTTP 407)",
                        "{what} 拒绝了其 URL 中的用户名和密码（HTTP 407）"
                    ))
                } else {
                    Failure::network(tr!(
                        lang,
                        "{what} wants credentials (HTTP 407)",
                        "{what} 需要用户名和密码（HTTP 407）"
                    ))
                };
                proxy_hint(f.permanent().with_hint(tr!(
                    lang,
                    "put them in the proxy URL: http://user:password@host:port (percent-encode special characters)",
                    "请写在代理 URL 中：http://user:password@host:port（特殊字符需百分号编码）"
                )))
            }
            ureq::Error::ConnectProxyFailed(why) => {
                let why = crate::output::sanitize(&why);
                let f = network(tr!(
                    lang,
                    "the proxy refused to open a tunnel to {target}: {why}",
                    "代理拒绝建立到 {target} 的隧道：{why}"
                ));
                // A refusal (403 and the like) does not change on the next attempt.
                let f = if why.contains("did not respond") {
                    f
                } else {
                    f.permanent()
                };
                proxy_hint(f)
            }
            ureq::Error::Io(io) if io.get_ref().is_some_and(|e| e.is::<rustls::Error>()) => {
                let permanent = io
                    .get_ref()
                    .and_then(|e| e.downcast_ref::<rustls::Error>())
                    .is_some_and(is_certificate_error);
                tls_failure(&target, &io.to_string(), permanent, lang)
            }
            ureq::Error::Io(io) => match io.kind() {
                ErrorKind::TimedOut | ErrorKind::WouldBlock => timed_out(),
                kind => proxy_hint(network(match kind {
                    ErrorKind::ConnectionRefused => {
                        tr!(lang, "connection refused by {what}", "{what} 拒绝连接")
                    }
                    ErrorKind::ConnectionReset
                    | ErrorKind::ConnectionAborted
                    | ErrorKind::BrokenPipe => {
                        tr!(
                            lang,
                            "the connection to {what} was reset",
                            "与 {what} 的连接被重置"
                        )
                    }
                    ErrorKind::UnexpectedEof => tr!(
                        lang,
                        "the connection to {what} closed before the answer was complete",
                        "与 {what} 的连接在应答完整之前就关闭了"
                    ),
                    _ => tr!(
                        lang,
                        "network error talking to {what}: {io}",
                        "与 {what} 通信时出现网络错误：{io}"
                    ),
                })),
            },
            ureq::Error::Tls(why) => tls_failure(&target, why, false, lang),
            ureq::Error::Rustls(err) => {
                tls_failure(&target, &err.to_string(), is_certificate_error(&err), lang)
            }
            ureq::Error::Pem(_) => Failure::usage(tr!(
                lang,
                "the --ca-cert file is not valid PEM",
                "--ca-cert 文件不是有效的 PEM"
            )),
            ureq::Error::BodyExceedsLimit(_) => too_large(0, lang),
            ureq::Error::Decompress(_, err) => response(tr!(
                lang,
                "the gzip body from {target} could not be decompressed: {err}",
                "无法解压来自 {target} 的 gzip 内容：{err}"
            )),
            ureq::Error::LargeResponseHeader(_, _) => response(tr!(
                lang,
                "the response headers from {target} are too large",
                "来自 {target} 的响应头过大"
            )),
            ureq::Error::Protocol(err) => response(tr!(
                lang,
                "{target} did not answer in valid HTTP: {err}",
                "{target} 的应答不是有效的 HTTP：{err}"
            )),
            ureq::Error::InvalidProxyUrl => Failure::usage(tr!(
                lang,
                "the proxy URL is not usable",
                "代理 URL 无法使用"
            )),
            ureq::Error::BadUri(_) => Failure::usage(tr!(
                lang,
                "--api-base does not make a valid URL",
                "--api-base 无法构成有效的 URL"
            )),
            other => Failure::Internal {
                message: tr!(
                    lang,
                    "unexpected HTTP client error: {other}",
                    "意外的 HTTP 客户端错误：{other}"
                ),
            },
        }
    }
}

/// A certificate the roots do not vouch for: another attempt gets the same certificate.
fn is_certificate_error(e: &rustls::Error) -> bool {
    matches!(
        e,
        rustls::Error::InvalidCertificate(_) | rustls::Error::NoCertificatesPresented
    )
}

/// TLS failed: most often an intercepting proxy or a gateway with its own authority.
pub fn tls_failure(target: &str, why: &str, permanent: bool, lang: Lang) -> Failure {
    let why = crate::output::sanitize(why);
    let f = Failure::network(tr!(
        lang,
        "TLS handshake with {target} failed: {why}",
        "与 {target} 的 TLS 握手失败：{why}"
    ))
    .with_hint(tr!(
        lang,
        "if a corporate proxy or a private gateway uses its own certificate authority, pass its PEM file with --ca-cert",
        "如果公司代理或私有网关使用自己的证书颁发机构，请用 --ca-cert 传入其 PEM 文件"
    ));
    if permanent { f.permanent() } else { f }
}

fn too_large(status: u16, lang: Lang) -> Failure {
    let kib = MAX_BODY / 1024;
    Failure::Response {
        message: tr!(
            lang,
            "the response is larger than {kib} KiB; a token response is under 1 KiB, so this is not WeChat",
            "响应超过 {kib} KiB；token 响应不到 1 KiB，所以这不是微信的应答"
        ),
        hints: vec![tr!(
            lang,
            "check --api-base and any proxy in between",
            "请检查 --api-base 以及中间的代理"
        )],
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
pub fn extra_ca_certs(path: &Path, lang: Lang) -> Result<Vec<Certificate<'static>>, Failure> {
    let shown = crate::output::sanitize(&path.display().to_string());
    let pem = std::fs::read(path).map_err(|e| {
        let why = crate::error::io_reason(&e);
        Failure::usage(tr!(
            lang,
            "cannot read --ca-cert {shown}: {why}",
            "无法读取 --ca-cert {shown}：{why}"
        ))
    })?;
    let mut extra = Vec::new();
    for item in ureq::tls::parse_pem(&pem) {
        match item {
            Ok(PemItem::Certificate(c)) => extra.push(c),
            Ok(_) => {}
            Err(_) => {
                return Err(Failure::usage(tr!(
                    lang,
                    "--ca-cert {shown} is not a valid PEM file",
                    "--ca-cert {shown} 不是有效的 PEM 文件"
                )));
            }
        }
    }
    if extra.is_empty() {
        return Err(Failure::usage(tr!(
            lang,
            "--ca-cert {shown} holds no PEM certificate",
            "--ca-cert {shown} 中没有 PEM 证书"
        )));
    }
    Ok(extra)
}

/// The built-in roots plus every certificate in the PEM file at `path`.
fn root_certs_with(path: &Path, lang: Lang) -> Result<RootCerts, Failure> {
    let mut all: Vec<Certificate<'static>> = webpki_root_certs::TLS_SERVER_ROOT_CERTS
        .iter()
        .map(|der| Certificate::from_der(der.as_ref()))
        .collect();
    all.extend(extra_ca_certs(path, lang)?);
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
        let b = ApiBase::parse("https://gw.example.com/wx/", Lang::En).unwrap();
        assert_eq!(
            b.url("/cgi-bin/token"),
            "https://gw.example.com/wx/cgi-bin/token"
        );
        assert_eq!(b.port, 443);
        let b = ApiBase::parse("http://127.0.0.1:8080", Lang::En).unwrap();
        assert_eq!(
            b.url("/cgi-bin/token"),
            "http://127.0.0.1:8080/cgi-bin/token"
        );
        assert_eq!(b.host_port(), "127.0.0.1:8080");
        assert_eq!(ApiBase::parse("http://[::1]", Lang::En).unwrap().port, 80);
        assert_eq!(
            ApiBase::parse("http://[::1]:81/x", Lang::En).unwrap().port,
            81
        );
        assert_eq!(
            ApiBase::parse("https://h/gw/@wx", Lang::En).unwrap().port,
            443
        );
        for bad in [
            "",
            "ftp://x",
            "api.weixin.qq.com",
            "http://",
            "https://x/?a=b",
            "https://u:p@x",
            "http://a b",
            "http://127.0.0.1:99999",
            "https://127.0.0.1:70000/wx",
            "http://127.0.0.1:0",
            "http://127.0.0.1:+80",
            "http://127.0.0.1:abc",
        ] {
            assert_eq!(
                ApiBase::parse(bad, Lang::Zh).unwrap_err().exit_code(),
                2,
                "{bad}"
            );
        }
    }

    #[test]
    fn timeouts() {
        assert_eq!(
            parse_timeout("10", Lang::En).unwrap(),
            Duration::from_secs(10)
        );
        assert_eq!(
            parse_timeout("0.5", Lang::En).unwrap(),
            Duration::from_millis(500)
        );
        for bad in ["0", "-1", "abc", "", "inf", "NaN", "1e9"] {
            assert!(parse_timeout(bad, Lang::En).is_err(), "{bad}");
        }
    }
}
