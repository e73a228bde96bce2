//! The blocking HTTP client: one agent per run; one deadline per attempt; the body cap;
//! retries with backoff. Where the request is sent. (Failure wording: `transport_error.rs`;
//! trusted roots: `tls.rs`; the base URL: `api_base.rs`.)

use std::time::{Duration, Instant};

use ureq::Agent;
use ureq::unversioned::transport::{
    ConnectProxyConnector, Connector, SocksConnector, TcpConnector,
};

use crate::error::Failure;
use crate::net::connection::{ConnSettings, MAX_BODY};
use crate::net::forward_proxy::{ForwardConnector, ProxyResolver};
use crate::net::proxy;
use crate::net::transport_error::{self, fmt_secs};
use crate::output::Printer;
use crate::tr;

const FIRST_BACKOFF: Duration = Duration::from_millis(500);
const MAX_BACKOFF: Duration = Duration::from_secs(8);

/// A request to send: the URL as sent and as shown (secrets masked), and a JSON body for POST.
#[derive(Debug, Clone)]
pub struct Request {
    pub url: String,
    pub shown_url: String,
    pub json_body: Option<String>,
    /// A call of `wxtoken api`: its own method, headers and body, and a larger answer cap.
    pub call: Option<Box<Call>>,
}

/// What a request of `wxtoken api` has beyond a token exchange.
#[derive(Debug, Clone)]
pub struct Call {
    pub method: String,
    /// Extra headers, as given (`-H`).
    pub headers: Vec<(String, String)>,
    /// The body and its Content-Type.
    pub body: Option<(String, Vec<u8>)>,
    /// The largest answer taken (a QR code or a media file is far larger than a token).
    pub max_body: u64,
    /// Whether the request may be sent again after a failure that may have come after WeChat
    /// received it (a timeout, a broken answer): a GET may, a POST (a message sent, a file
    /// uploaded) may not. A failure to connect is retried either way.
    pub resendable: bool,
}

impl Request {
    /// Whether a failure that may have come after WeChat received this request may be followed
    /// by sending it again (not a call's POST: see [`Call::resendable`]).
    pub fn resendable(&self) -> bool {
        self.call.as_ref().is_none_or(|c| c.resendable)
    }

    /// The method, as sent.
    pub fn method(&self) -> &str {
        match (&self.call, &self.json_body) {
            (Some(call), _) => &call.method,
            (None, Some(_)) => "POST",
            (None, None) => "GET",
        }
    }
}

/// What to do with an answer.
pub enum Verdict<T> {
    Done(T),
    /// Worth another attempt (if any are left); else this failure stands.
    Retry(Failure),
    Fail(Failure),
}

/// A raw HTTP answer.
#[derive(Debug, Clone)]
pub struct Answer {
    pub status: u16,
    pub body: Vec<u8>,
    /// The `Date` header, if any.
    pub date: Option<String>,
    /// The `Location` header, if any (wxtoken follows no redirect).
    pub location: Option<String>,
    /// The request as shown to people: method and URL with the secret masked.
    pub request: String,
    /// The HTTP version and every header, as received (for `wxtoken api --include`).
    pub version: String,
    pub headers: Vec<(String, String)>,
}

#[derive(Clone)]
pub struct Client {
    agent: Agent,
    settings: ConnSettings,
    /// Requests go to the proxy as forward requests (an http:// base behind an http:// proxy).
    forwarding: bool,
}

impl Client {
    /// Check the settings and build the agent; a bad proxy URL or CA file is a usage error.
    pub fn new(settings: ConnSettings) -> Result<Client, Failure> {
        let lang = settings.lang;
        let proxy = match settings.proxy.proxy() {
            Some(p) => Some(proxy::for_client(&p.url, lang).map_err(|hint| {
                let (source, shown) = (
                    &p.source,
                    crate::redact::sanitize(&proxy::display_url(&p.url)),
                );
                Failure::usage(tr!(
                    lang,
                    "the proxy URL from {source} is not usable: {shown}",
                    "来自 {source} 的代理 URL 无法使用：{shown}"
                ))
                .with_hint(hint)
            })?),
            None => None,
        };
        // An http:// API base behind a plain http:// proxy: a forward request, as curl sends it,
        // rather than ureq's CONNECT (which squid refuses for plain http by default).
        let forward = match (settings.api_base.scheme.as_str(), settings.proxy.proxy()) {
            ("http", Some(p)) => crate::net::forward_proxy::Forward::for_proxy(&p.url),
            _ => None,
        };
        let proxy = if forward.is_some() { None } else { proxy };
        let tls = crate::net::tls::client_config(settings.ca_cert.as_deref(), lang)?;
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
            // A forward request's line is rewritten once per connection: never reuse one (a
            // retry, or doctor's second call, opens its own).
            .max_idle_connections(if forward.is_some() { 0 } else { 3 })
            .max_idle_connections_per_host(if forward.is_some() { 0 } else { 1 })
            .build();
        // ureq's own chain (SOCKS, HTTP proxy tunnel, TCP), with wxtoken's TLS step at the end.
        let connector = ()
            .chain(SocksConnector::default())
            .chain(ConnectProxyConnector::default())
            .chain(TcpConnector::default())
            .chain(ForwardConnector {
                forward: forward.clone(),
            })
            .chain(crate::net::tls::TlsConnector { config: tls });
        Ok(Client {
            forwarding: forward.is_some(),
            agent: Agent::with_parts(config, connector, ProxyResolver::new(forward)),
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
        self.exchange_telling(req, None)
    }

    /// [`Self::exchange`], saying at a terminal what it waits for once the answer takes more
    /// than a second.
    fn exchange_telling(
        &self,
        req: &Request,
        waiting: Option<(&Printer, String)>,
    ) -> Result<Answer, Failure> {
        let (tx, rx) = std::sync::mpsc::channel();
        let resendable = req.resendable();
        let (me, req) = (self.clone(), req.clone());
        std::thread::Builder::new()
            .name("attempt".into())
            .spawn(move || {
                let _ = tx.send(me.exchange_unbounded(&req));
            })
            .map_err(|e| Failure::internal(format!("cannot start a thread: {e}")))?;
        let timeout = self.settings.timeout;
        let first = timeout.min(Duration::from_secs(1));
        let result = match (rx.recv_timeout(first), waiting) {
            (Ok(result), _) => Ok(result),
            (Err(_), Some((printer, line))) if timeout > first => {
                printer.progress(&line);
                rx.recv_timeout(timeout - first)
            }
            (Err(e), _) => Err(e),
        };
        result.unwrap_or_else(|_| {
            let f = transport_error::timed_out(&self.settings);
            // Past the deadline the request may have reached WeChat: a POST is not sent again.
            Err(if resendable { f } else { f.permanent() })
        })
    }

    fn exchange_unbounded(&self, req: &Request) -> Result<Answer, Failure> {
        let result = match (&req.call, &req.json_body) {
            (Some(call), _) => self.send_call(&req.url, call),
            (None, None) => self.agent.get(&req.url).call(),
            (None, Some(body)) => self
                .agent
                .post(&req.url)
                .header("Content-Type", "application/json")
                .send(body.as_str()),
        };
        let resendable = req.resendable();
        let mut response = result.map_err(|e| {
            let unsent = matches!(
                e,
                ureq::Error::HostNotFound
                    | ureq::Error::ConnectionFailed
                    | ureq::Error::ConnectProxyFailed(_)
            );
            let f = transport_error::transport_failure(&self.settings, e);
            if resendable || unsent {
                f
            } else {
                f.permanent()
            }
        })?;
        let status = response.status().as_u16();
        if status == 407 && self.forwarding {
            return Err(transport_error::proxy_wants_credentials(&self.settings));
        }
        let header = |name: &str| {
            response
                .headers()
                .get(name)
                .and_then(|v| v.to_str().ok())
                .map(str::to_string)
        };
        let date = header("date");
        let location = header("location");
        let max_body = req.call.as_ref().map_or(MAX_BODY, |c| c.max_body);
        if let Some(len) = header("content-length").and_then(|v| v.trim().parse::<u64>().ok())
            && len > max_body
        {
            return Err(transport_error::too_large(
                status,
                max_body,
                self.settings.lang,
            ));
        }
        let version = format!("{:?}", response.version());
        let headers = match &req.call {
            Some(_) => response
                .headers()
                .iter()
                .map(|(k, v)| (k.to_string(), String::from_utf8_lossy(v.as_bytes()).into()))
                .collect(),
            None => Vec::new(),
        };
        let body = response
            .body_mut()
            .with_config()
            .limit(max_body)
            .read_to_vec()
            .map_err(|e| match e {
                ureq::Error::BodyExceedsLimit(_) => {
                    transport_error::too_large(status, max_body, self.settings.lang)
                }
                other => transport_error::transport_failure(&self.settings, other),
            })?;
        Ok(Answer {
            status,
            body,
            date,
            location,
            request: format!("{} {}", req.method(), req.shown_url),
            version,
            headers,
        })
    }

    /// A call of `wxtoken api`: any method, its headers, its body.
    fn send_call(
        &self,
        url: &str,
        call: &Call,
    ) -> Result<ureq::http::Response<ureq::Body>, ureq::Error> {
        let mut builder = ureq::http::Request::builder()
            .method(call.method.as_str())
            .uri(url);
        for (name, value) in &call.headers {
            builder = builder.header(name.as_str(), value.as_str());
        }
        match &call.body {
            Some((content_type, bytes)) => {
                // A Content-Type given with -H wins over the body's own.
                let given = call
                    .headers
                    .iter()
                    .any(|(n, _)| n.eq_ignore_ascii_case("content-type"));
                if !given {
                    builder = builder.header("Content-Type", content_type.as_str());
                }
                let request = builder.body(bytes.as_slice())?;
                self.agent.run(request)
            }
            None => self.agent.run(builder.body(())?),
        }
    }

    /// Send `req` until `judge` is satisfied, retrying what is worth retrying with exponential
    /// backoff (500 ms, doubling, capped at 8 s), at most `retries` times.
    pub fn send<T>(
        &self,
        req: &Request,
        printer: &Printer,
        judge: impl Fn(&Answer) -> Verdict<T>,
    ) -> Result<T, Failure> {
        let method = req.method();
        let lang = self.settings.lang;
        let shown = &req.shown_url;
        printer.verbose(&tr!(
            lang,
            "request: {method} {shown}",
            "请求：{method} {shown}"
        ));
        let proxy = self.settings.proxy.describe(self.settings.lang);
        printer.verbose(&tr!(lang, "proxy: {proxy}", "代理：{proxy}"));
        let attempts = self.settings.retries.saturating_add(1);
        let mut backoff = FIRST_BACKOFF;
        let mut attempt = 1;
        let first_started = Instant::now();
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
        // Whatever the outcome, no status line is left on the screen.
        struct Clear<'a>(&'a Printer);
        impl Drop for Clear<'_> {
            fn drop(&mut self) {
                self.0.progress_done();
            }
        }
        let _clear = Clear(printer);
        let host = &self.settings.api_base.host;
        let secs = fmt_secs(self.settings.timeout);
        loop {
            let started = Instant::now();
            let waiting = tr!(
                lang,
                "waiting for {host} (attempt {attempt}/{attempts}, at most {secs})",
                "等待 {host} 应答（第 {attempt}/{attempts} 次尝试，最多 {secs}）"
            );
            let outcome = self.exchange_telling(req, Some((printer, waiting)));
            let elapsed = started.elapsed().as_millis();
            let verdict = match outcome {
                Ok(answer) => {
                    let (status, bytes) = (answer.status, answer.body.len());
                    printer.verbose(&tr!(
                        lang,
                        "attempt {attempt}/{attempts}: HTTP {status}, {bytes} bytes, {elapsed} ms",
                        "第 {attempt}/{attempts} 次尝试：HTTP {status}，{bytes} 字节，{elapsed} 毫秒"
                    ));
                    judge(&answer)
                }
                Err(f) => {
                    let why = f.message();
                    printer.verbose(&tr!(
                        lang,
                        "attempt {attempt}/{attempts}: failed after {elapsed} ms: {why}",
                        "第 {attempt}/{attempts} 次尝试：{elapsed} 毫秒后失败：{why}"
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
                    let (ms, why) = (backoff.as_millis(), f.message());
                    printer.verbose(&tr!(
                        lang,
                        "retrying in {ms} ms ({why})",
                        "{ms} 毫秒后重试（{why}）"
                    ));
                    let wait = backoff.as_secs_f64();
                    printer.progress(&tr!(
                        lang,
                        "attempt {attempt}/{attempts} failed ({why}); trying again in {wait:.1} s",
                        "第 {attempt}/{attempts} 次尝试失败（{why}）；{wait:.1} 秒后重试"
                    ));
                    std::thread::sleep(backoff);
                    backoff = (backoff * 2).min(MAX_BACKOFF);
                    attempt += 1;
                }
            }
        }
    }
}
