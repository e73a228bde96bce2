//! Shared test support: a mock WeChat server on 127.0.0.1 (real TCP, real HTTP) that counts
//! requests, and a runner for the real binary in a clean environment that checks every output
//! for the secret.
#![allow(dead_code)]

pub mod redis_cluster;
pub mod redis_server;

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::Duration;

pub const APPID: &str = "wx0123456789abcdef";
pub const SECRET: &str = "5ec2e75ec2e75ec2e75ec2e75ec2e7ab";
pub const TOKEN: &str = "78_Tk-QzN3aXbY7cT9pLmK2vR5sW8eH1jG4fD6uI0oP3lZxCvBnMqAsDfGhJkL_token";

/// One request as the mock received it.
#[derive(Debug, Clone)]
pub struct Recorded {
    pub method: String,
    /// Path and query, as sent.
    pub target: String,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Recorded {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    pub fn path(&self) -> &str {
        self.target.split('?').next().unwrap_or("")
    }

    /// The decoded query parameters.
    pub fn query(&self) -> Vec<(String, String)> {
        let Some((_, q)) = self.target.split_once('?') else {
            return Vec::new();
        };
        q.split('&')
            .filter(|p| !p.is_empty())
            .map(|p| {
                let (k, v) = p.split_once('=').unwrap_or((p, ""));
                (decode(k), decode(v))
            })
            .collect()
    }

    pub fn body_json(&self) -> serde_json::Value {
        serde_json::from_slice(&self.body).expect("request body is JSON")
    }
}

fn decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).unwrap();
            out.push(u8::from_str_radix(hex, 16).unwrap());
            i += 3;
        } else {
            out.push(if bytes[i] == b'+' { b' ' } else { bytes[i] });
            i += 1;
        }
    }
    String::from_utf8(out).unwrap()
}

/// What the mock does with a request.
#[derive(Debug, Clone)]
pub enum Reply {
    /// A complete response with Content-Length.
    Http {
        status: u16,
        content_type: &'static str,
        body: Vec<u8>,
        extra_headers: Vec<(String, String)>,
    },
    /// These bytes, as they are, then close.
    Raw(Vec<u8>),
    /// Read the request and never answer (until the client goes away).
    Hang,
    /// Headers announcing `body`, then the body one byte per `delay`.
    Trickle { body: Vec<u8>, delay: Duration },
    /// Headers announcing `total` bytes, `sent` of them, then a TCP reset.
    ResetMidBody { sent: Vec<u8>, total: usize },
    /// Headers, then silence.
    HeadersThenSilence,
    /// A 200 whose body is `len` bytes, written in chunks (never held in memory whole), with or
    /// without a Content-Length announcing it.
    Flood { len: usize, announced: bool },
}

impl Reply {
    pub fn json(body: &str) -> Reply {
        Reply::status(200, "application/json", body)
    }

    pub fn status(status: u16, content_type: &'static str, body: &str) -> Reply {
        Reply::Http {
            status,
            content_type,
            body: body.as_bytes().to_vec(),
            extra_headers: Vec::new(),
        }
    }

    pub fn token(expires_in: u64) -> Reply {
        Reply::json(&format!(
            r#"{{"access_token":"{TOKEN}","expires_in":{expires_in}}}"#
        ))
    }

    pub fn errcode(code: i64, errmsg: &str) -> Reply {
        Reply::json(&serde_json::json!({"errcode": code, "errmsg": errmsg}).to_string())
    }
}

type Handler = dyn Fn(&Recorded, usize) -> Reply + Send + Sync;

/// A mock WeChat server. Each connection gets its own thread; every request is recorded.
pub struct Mock {
    pub addr: SocketAddr,
    scheme: &'static str,
    count: Arc<AtomicUsize>,
    requests: Arc<Mutex<Vec<Recorded>>>,
    connections: Arc<AtomicUsize>,
    /// What a handler's panic said: the test that caused it fails when the mock is dropped,
    /// instead of seeing a dropped connection (exit 3) and guessing why.
    panicked: Arc<Mutex<Option<String>>>,
}

impl Drop for Mock {
    fn drop(&mut self) {
        let message = self
            .panicked
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .take();
        if let Some(message) = message
            && !thread::panicking()
        {
            panic!("the mock server's handler panicked: {message}");
        }
    }
}

impl Mock {
    /// Answer the n-th request with `replies[n]`; the last reply repeats.
    pub fn start(replies: Vec<Reply>) -> Mock {
        assert!(!replies.is_empty());
        Mock::with(move |_, n| replies[n.min(replies.len() - 1)].clone())
    }

    /// Answer with whatever `handler` says for (request, index of the request).
    pub fn with(handler: impl Fn(&Recorded, usize) -> Reply + Send + Sync + 'static) -> Mock {
        Mock::listen(handler, None)
    }

    /// A mock that speaks HTTPS with a certificate for 127.0.0.1 and localhost, issued by a
    /// certificate authority made for it; returns the mock and the authority's PEM.
    pub fn start_tls(replies: Vec<Reply>) -> (Mock, String) {
        let (config, ca_pem) = tls_config();
        let mock = Mock::listen(
            move |_, n| replies[n.min(replies.len() - 1)].clone(),
            Some(config),
        );
        (mock, ca_pem)
    }

    fn listen(
        handler: impl Fn(&Recorded, usize) -> Reply + Send + Sync + 'static,
        tls: Option<Arc<rustls::ServerConfig>>,
    ) -> Mock {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let addr = listener.local_addr().unwrap();
        let count = Arc::new(AtomicUsize::new(0));
        let requests = Arc::new(Mutex::new(Vec::new()));
        let connections = Arc::new(AtomicUsize::new(0));
        let handler: Arc<Handler> = Arc::new(handler);
        let tls_on = tls.is_some();
        let (c, r, accepted) = (count.clone(), requests.clone(), connections.clone());
        let panicked = Arc::new(Mutex::new(None));
        let p = panicked.clone();
        thread::spawn(move || {
            for stream in listener.incoming() {
                let Ok(stream) = stream else { continue };
                accepted.fetch_add(1, Ordering::SeqCst);
                let _ = stream.set_read_timeout(Some(Duration::from_secs(60)));
                let (c, r, h, tls) = (c.clone(), r.clone(), handler.clone(), tls.clone());
                let p = p.clone();
                thread::spawn(move || {
                    let served =
                        std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| match tls {
                            None => serve(stream, &c, &r, &*h),
                            Some(config) => {
                                let Ok(conn) = rustls::ServerConnection::new(config) else {
                                    return;
                                };
                                serve(rustls::StreamOwned::new(conn, stream), &c, &r, &*h)
                            }
                        }));
                    if let Err(payload) = served {
                        let message = payload
                            .downcast_ref::<&str>()
                            .map(|s| s.to_string())
                            .or_else(|| payload.downcast_ref::<String>().cloned())
                            .unwrap_or_else(|| "a panic".into());
                        p.lock()
                            .unwrap_or_else(|e| e.into_inner())
                            .get_or_insert(message);
                    }
                });
            }
        });
        Mock {
            addr,
            scheme: if tls_on { "https" } else { "http" },
            count,
            requests,
            connections,
            panicked,
        }
    }

    pub fn url(&self) -> String {
        format!("{}://{}", self.scheme, self.addr)
    }

    /// Requests received (CONNECT requests of a proxied client excluded).
    pub fn count(&self) -> usize {
        self.count.load(Ordering::SeqCst)
    }

    /// TCP connections accepted (a TLS handshake that failed counts; it is no request).
    pub fn connections(&self) -> usize {
        self.connections.load(Ordering::SeqCst)
    }

    pub fn requests(&self) -> Vec<Recorded> {
        self.requests.lock().unwrap().clone()
    }

    pub fn last(&self) -> Recorded {
        self.requests()
            .last()
            .cloned()
            .expect("the mock received a request")
    }
}

/// A server-side connection: plain TCP or TLS over TCP.
pub trait Conn: Read + Write {
    /// Make the coming close a TCP reset.
    fn reset_on_close(&self);
}

impl Conn for TcpStream {
    fn reset_on_close(&self) {
        let _ = socket2::SockRef::from(self).set_linger(Some(Duration::ZERO));
    }
}

impl Conn for rustls::StreamOwned<rustls::ServerConnection, TcpStream> {
    fn reset_on_close(&self) {
        self.sock.reset_on_close();
    }
}

fn read_request(stream: &mut impl Conn) -> Option<Recorded> {
    let mut buf = Vec::new();
    let mut byte = [0u8; 1];
    while !buf.ends_with(b"\r\n\r\n") {
        match read_some(stream, &mut byte) {
            Ok(1) => buf.push(byte[0]),
            _ => return None,
        }
        if buf.len() > 64 * 1024 {
            return None;
        }
    }
    let head = String::from_utf8_lossy(&buf).to_string();
    let mut lines = head.split("\r\n");
    let mut first = lines.next()?.split(' ');
    let method = first.next()?.to_string();
    let target = first.next()?.to_string();
    let headers: Vec<(String, String)> = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.trim().to_string(), v.trim().to_string()))
        .collect();
    let len = headers
        .iter()
        .find(|(k, _)| k.eq_ignore_ascii_case("content-length"))
        .and_then(|(_, v)| v.parse::<usize>().ok())
        .unwrap_or(0);
    let mut body = vec![0u8; len];
    stream.read_exact(&mut body).ok()?;
    Some(Recorded {
        method,
        target,
        headers,
        body,
    })
}

fn serve(
    mut stream: impl Conn,
    count: &AtomicUsize,
    requests: &Mutex<Vec<Recorded>>,
    handler: &Handler,
) {
    let Some(mut req) = read_request(&mut stream) else {
        return;
    };
    if req.method == "CONNECT" {
        // Act as an HTTP proxy: open the tunnel (to ourselves) and serve what comes through it.
        let _ = stream.write_all(b"HTTP/1.1 200 Connection established\r\n\r\n");
        requests.lock().unwrap().push(req.clone());
        let Some(inner) = read_request(&mut stream) else {
            return;
        };
        req = inner;
    }
    let n = count.fetch_add(1, Ordering::SeqCst);
    requests.lock().unwrap().push(req.clone());
    let reply = handler(&req, n);
    write_reply(stream, reply);
}

fn head(status: u16, content_type: &str, len: usize, extra: &[(String, String)]) -> Vec<u8> {
    let mut h = format!(
        "HTTP/1.1 {status} X\r\nContent-Type: {content_type}\r\nContent-Length: {len}\r\nConnection: close\r\n"
    );
    for (k, v) in extra {
        h.push_str(&format!("{k}: {v}\r\n"));
    }
    if !extra.iter().any(|(k, _)| k.eq_ignore_ascii_case("date")) {
        h.push_str(&format!(
            "Date: {}\r\n",
            wxtoken::time::http_date(wxtoken::time::now_unix())
        ));
    }
    h.push_str("\r\n");
    h.into_bytes()
}

fn write_reply(mut stream: impl Conn, reply: Reply) {
    match reply {
        Reply::Http {
            status,
            content_type,
            body,
            extra_headers,
        } => {
            let _ = stream.write_all(&head(status, content_type, body.len(), &extra_headers));
            let _ = stream.write_all(&body);
        }
        Reply::Raw(bytes) => {
            let _ = stream.write_all(&bytes);
        }
        Reply::Hang => hold(&mut stream),
        Reply::Flood { len, announced } => {
            let head = if announced {
                format!(
                    "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {len}\r\n\r\n"
                )
            } else {
                "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\n\r\n"
                    .to_string()
            };
            let _ = stream.write_all(head.as_bytes());
            let chunk = vec![b'a'; 64 * 1024];
            let mut left = len;
            while left > 0 {
                let n = left.min(chunk.len());
                if stream.write_all(&chunk[..n]).is_err() {
                    return;
                }
                left -= n;
            }
        }
        Reply::HeadersThenSilence => {
            let _ = stream.write_all(&head(200, "application/json", 100, &[]));
            hold(&mut stream);
        }
        Reply::Trickle { body, delay } => {
            let _ = stream.write_all(&head(200, "application/json", body.len(), &[]));
            for b in body {
                if stream.write_all(&[b]).is_err() {
                    return;
                }
                thread::sleep(delay);
            }
        }
        Reply::ResetMidBody { sent, total } => {
            let _ = stream.write_all(&head(200, "application/json", total, &[]));
            let _ = stream.write_all(&sent);
            let _ = stream.flush();
            thread::sleep(Duration::from_millis(50));
            stream.reset_on_close();
        }
    }
    let _ = stream.flush();
}

/// Keep the connection open, answering nothing, until the client closes it (or 60 s pass).
fn hold(stream: &mut impl Conn) {
    let mut sink = [0u8; 64];
    while let Ok(n) = read_some(stream, &mut sink) {
        if n == 0 {
            break;
        }
    }
}

/// `read`, again after an interruption: under a tracer (CI runs the tests under strace) a signal
/// such as another test's SIGCHLD makes a read with a timeout fail with EINTR, which is not the
/// client closing or stalling. Taking it for either made a mock drop a connection unanswered,
/// and the client rightly retried (a 407 that looked "asked twice"). Every mock reads through
/// here; `read_exact` and `io::copy` already retry.
pub fn read_some(stream: &mut impl Read, buf: &mut [u8]) -> std::io::Result<usize> {
    loop {
        match stream.read(buf) {
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            other => return other,
        }
    }
}

/// A server certificate for 127.0.0.1 and localhost, signed by a fresh test CA.
fn tls_config() -> (Arc<rustls::ServerConfig>, String) {
    use rcgen::{BasicConstraints, CertificateParams, CertifiedIssuer, DnType, IsCa, KeyPair};
    let mut ca_params = CertificateParams::new(Vec::<String>::new()).unwrap();
    ca_params.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
    ca_params
        .distinguished_name
        .push(DnType::CommonName, "wxtoken test CA");
    let ca = CertifiedIssuer::self_signed(ca_params, KeyPair::generate().unwrap()).unwrap();
    let leaf_key = KeyPair::generate().unwrap();
    let leaf = CertificateParams::new(vec!["127.0.0.1".to_string(), "localhost".to_string()])
        .unwrap()
        .signed_by(&leaf_key, &ca)
        .unwrap();
    let key = rustls::pki_types::PrivateKeyDer::try_from(leaf_key.serialize_der()).unwrap();
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let config = rustls::ServerConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .unwrap()
        .with_no_client_auth()
        .with_single_cert(vec![leaf.der().clone()], key)
        .unwrap();
    (Arc::new(config), ca.pem())
}

/// A port on 127.0.0.1 where nothing listens.
pub fn closed_port() -> u16 {
    let l = TcpListener::bind("127.0.0.1:0").unwrap();
    l.local_addr().unwrap().port()
}

/// The binary in a clean environment: no proxy, locale, colour, HOME or WXTOKEN_* variables
/// from the developer's shell.
pub fn wxtoken() -> assert_cmd::Command {
    let mut cmd = assert_cmd::Command::new(env!("CARGO_BIN_EXE_wxtoken"));
    cmd.env_clear();
    cmd.env("PATH", std::env::var("PATH").unwrap_or_default());
    cmd.timeout(Duration::from_secs(60));
    cmd
}

/// The binary with credentials in the environment and the API base pointing at `mock`.
pub fn fetch(mock: &Mock) -> assert_cmd::Command {
    with_credentials(mock, &["fetch"])
}

/// `wxtoken ARGS…` with the test account's credentials in env and `mock` as the API base.
pub fn with_credentials(mock: &Mock, args: &[&str]) -> assert_cmd::Command {
    let mut cmd = wxtoken();
    cmd.args(args)
        .env("WXTOKEN_APPID", APPID)
        .env("WXTOKEN_SECRET", SECRET)
        .env("WXTOKEN_API_BASE", mock.url());
    cmd
}

/// What a run printed, with its exit code.
#[derive(Debug)]
pub struct Outcome {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Outcome {
    pub fn json(&self) -> serde_json::Value {
        let mut docs =
            serde_json::Deserializer::from_str(&self.stdout).into_iter::<serde_json::Value>();
        let doc = docs
            .next()
            .unwrap_or_else(|| panic!("no JSON on stdout: {self:?}"))
            .unwrap_or_else(|e| panic!("stdout is not JSON ({e}): {self:?}"));
        assert!(
            docs.next().is_none(),
            "more than one JSON document on stdout: {self:?}"
        );
        doc
    }
}

/// Run, then check that no output carries `secret` (in any form a bug could print it).
pub fn run_hiding(cmd: &mut assert_cmd::Command, secret: &str) -> Outcome {
    let out = cmd.output().expect("wxtoken runs");
    let outcome = Outcome {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).to_string(),
        stderr: String::from_utf8_lossy(&out.stderr).to_string(),
    };
    assert_no_leak(&outcome, secret);
    outcome
}

/// Run with the standard test secret.
pub fn run(cmd: &mut assert_cmd::Command) -> Outcome {
    run_hiding(cmd, SECRET)
}

/// Run a command that must never print a token at all (check, doctor): not even on stdout.
pub fn run_tokenless(cmd: &mut assert_cmd::Command) -> Outcome {
    let out = run(cmd);
    assert!(
        !out.stdout.contains(TOKEN),
        "this command must never print a token: {out:?}"
    );
    out
}

pub fn assert_no_leak(outcome: &Outcome, secret: &str) {
    for (name, text) in [("stdout", &outcome.stdout), ("stderr", &outcome.stderr)] {
        assert!(
            !text.contains(secret),
            "the secret leaked on {name}: {outcome:?}"
        );
    }
    assert!(
        !outcome.stderr.contains(TOKEN),
        "the token leaked on stderr: {outcome:?}"
    );
}

/// A fresh private directory in the system temp dir (made by `tempfile`: a random name, mode
/// 0700, never one another user planted), removed when the test binary exits, whether its tests
/// passed or failed, so that a run leaves nothing behind in /tmp.
pub fn tempdir() -> std::path::PathBuf {
    static REGISTER: std::sync::Once = std::sync::Once::new();
    REGISTER.call_once(|| {
        // SAFETY: registers a plain function with no arguments to run at exit.
        unsafe { libc::atexit(remove_tempdirs) };
    });
    let dir = tempfile::Builder::new()
        .prefix("wxtoken-test-")
        .tempdir()
        .expect("a temporary directory");
    let path = dir.path().to_path_buf();
    TEMPDIRS.lock().unwrap_or_else(|e| e.into_inner()).push(dir);
    path
}

static TEMPDIRS: Mutex<Vec<tempfile::TempDir>> = Mutex::new(Vec::new());

extern "C" fn remove_tempdirs() {
    use std::os::unix::fs::PermissionsExt;
    let dirs = std::mem::take(&mut *TEMPDIRS.lock().unwrap_or_else(|e| e.into_inner()));
    for dir in dirs {
        // A test may have left it unwritable (mode tests): make it removable first.
        let _ = std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o700));
        drop(dir);
    }
}

/// The request as text, the way a gateway's error page or log line echoes it back: method,
/// target (as sent, percent-encoded), body and every header, on one line.
pub fn echo(req: &Recorded) -> String {
    let mut s = format!(
        "{} {} {}",
        req.method,
        req.target,
        String::from_utf8_lossy(&req.body)
    );
    for (k, v) in &req.headers {
        s.push_str(&format!(" {k}: {v}"));
    }
    s
}

/// The decoded query parameters as `key=value` pairs, the way a gateway logs what it parsed.
pub fn echo_decoded_query(req: &Recorded) -> String {
    req.query()
        .iter()
        .map(|(k, v)| format!("{k}={v}"))
        .collect::<Vec<_>>()
        .join(" ")
}

/// What a [`TestProxy`] does with a CONNECT request. It never forwards anything anywhere.
#[derive(Debug, Clone)]
pub enum ProxyMode {
    /// Answer `200 Connection established`, one byte per `delay`.
    Trickle(Duration),
    /// Read the request, answer nothing.
    Silent,
    /// Answer `407 Proxy Authentication Required` with no body, then close.
    Auth407,
    /// Answer 407 with the request (its Proxy-Authorization header too) echoed in the body.
    Auth407Echo,
}

/// An HTTP CONNECT proxy on 127.0.0.1 that misbehaves as told; it counts the connections it
/// accepts and records the requests it reads.
pub struct TestProxy {
    pub addr: SocketAddr,
    connections: Arc<AtomicUsize>,
    requests: Arc<Mutex<Vec<Recorded>>>,
}

impl TestProxy {
    pub fn start(mode: ProxyMode) -> TestProxy {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let addr = listener.local_addr().unwrap();
        let connections = Arc::new(AtomicUsize::new(0));
        let requests = Arc::new(Mutex::new(Vec::new()));
        let (c, r) = (connections.clone(), requests.clone());
        thread::spawn(move || {
            for stream in listener.incoming() {
                let Ok(mut stream) = stream else { continue };
                c.fetch_add(1, Ordering::SeqCst);
                let _ = stream.set_read_timeout(Some(Duration::from_secs(60)));
                let (r, mode) = (r.clone(), mode.clone());
                thread::spawn(move || {
                    let Some(req) = read_request(&mut stream) else {
                        return;
                    };
                    r.lock().unwrap().push(req.clone());
                    match mode {
                        ProxyMode::Trickle(delay) => {
                            for b in b"HTTP/1.1 200 Connection established\r\n\r\n" {
                                if stream.write_all(&[*b]).is_err() {
                                    return;
                                }
                                thread::sleep(delay);
                            }
                            hold(&mut stream);
                        }
                        ProxyMode::Silent => hold(&mut stream),
                        ProxyMode::Auth407 => {
                            let _ = stream
                                .write_all(b"HTTP/1.1 407 Proxy Authentication Required\r\n\r\n");
                        }
                        ProxyMode::Auth407Echo => {
                            let body = echo(&req);
                            let _ = stream.write_all(
                                format!(
                                    "HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm=\"{body}\"\r\nContent-Type: text/plain\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
                                    body.len()
                                )
                                .as_bytes(),
                            );
                        }
                    }
                    let _ = stream.flush();
                });
            }
        });
        TestProxy {
            addr,
            connections,
            requests,
        }
    }

    /// `http://127.0.0.1:PORT`, or with `userinfo@` before the host.
    pub fn url(&self, userinfo: Option<&str>) -> String {
        match userinfo {
            Some(u) => format!("http://{u}@{}", self.addr),
            None => format!("http://{}", self.addr),
        }
    }

    /// TCP connections accepted so far.
    pub fn connections(&self) -> usize {
        self.connections.load(Ordering::SeqCst)
    }

    pub fn requests(&self) -> Vec<Recorded> {
        self.requests.lock().unwrap().clone()
    }
}

/// Removes its directory when dropped, so that a failing test does not leave it behind.
pub struct RemoveOnDrop(pub std::path::PathBuf);

impl Drop for RemoveOnDrop {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// A SOCKS5 proxy on 127.0.0.1 (RFC 1928, with RFC 1929 user/password when `auth` is given):
/// it connects where it is asked and relays both ways; it records each target as requested
/// (a name for socks5h, an address for socks5).
pub struct Socks5 {
    pub addr: SocketAddr,
    targets: Arc<Mutex<Vec<String>>>,
}

impl Socks5 {
    pub fn start(auth: Option<(&'static str, &'static str)>) -> Socks5 {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let addr = listener.local_addr().unwrap();
        let targets = Arc::new(Mutex::new(Vec::new()));
        let t = targets.clone();
        thread::spawn(move || {
            for stream in listener.incoming() {
                let Ok(stream) = stream else { continue };
                let t = t.clone();
                thread::spawn(move || {
                    let _ = socks5_session(stream, auth, &t);
                });
            }
        });
        Socks5 { addr, targets }
    }

    pub fn url(&self, scheme: &str) -> String {
        format!("{scheme}://{}", self.addr)
    }

    pub fn targets(&self) -> Vec<String> {
        self.targets.lock().unwrap().clone()
    }
}

fn socks5_session(
    mut client: TcpStream,
    auth: Option<(&str, &str)>,
    targets: &Mutex<Vec<String>>,
) -> std::io::Result<()> {
    let mut head = [0u8; 2];
    client.read_exact(&mut head)?;
    let mut methods = vec![0u8; head[1] as usize];
    client.read_exact(&mut methods)?;
    match auth {
        None => client.write_all(&[5, 0])?,
        Some((user, pass)) => {
            if !methods.contains(&2) {
                return client.write_all(&[5, 0xff]);
            }
            client.write_all(&[5, 2])?;
            let mut v = [0u8; 2];
            client.read_exact(&mut v)?;
            let mut u = vec![0u8; v[1] as usize];
            client.read_exact(&mut u)?;
            let mut l = [0u8; 1];
            client.read_exact(&mut l)?;
            let mut p = vec![0u8; l[0] as usize];
            client.read_exact(&mut p)?;
            let ok = u == user.as_bytes() && p == pass.as_bytes();
            client.write_all(&[1, if ok { 0 } else { 1 }])?;
            if !ok {
                return Ok(());
            }
        }
    }
    let mut req = [0u8; 4];
    client.read_exact(&mut req)?;
    let host = match req[3] {
        1 => {
            let mut a = [0u8; 4];
            client.read_exact(&mut a)?;
            std::net::Ipv4Addr::from(a).to_string()
        }
        3 => {
            let mut l = [0u8; 1];
            client.read_exact(&mut l)?;
            let mut name = vec![0u8; l[0] as usize];
            client.read_exact(&mut name)?;
            String::from_utf8_lossy(&name).to_string()
        }
        _ => return client.write_all(&[5, 8, 0, 1, 0, 0, 0, 0, 0, 0]),
    };
    let mut port = [0u8; 2];
    client.read_exact(&mut port)?;
    let port = u16::from_be_bytes(port);
    targets.lock().unwrap().push(format!("{host}:{port}"));
    // Only loopback: a name the test made up ("api.weixin.invalid") goes to 127.0.0.1.
    let upstream = TcpStream::connect(("127.0.0.1", port))?;
    client.write_all(&[5, 0, 0, 1, 127, 0, 0, 1, 0, 0])?;
    let (mut a, mut b) = (client.try_clone()?, upstream.try_clone()?);
    let up = thread::spawn(move || {
        let _ = std::io::copy(&mut a, &mut b);
        let _ = b.shutdown(std::net::Shutdown::Write);
    });
    let (mut c, mut d) = (upstream, client);
    let _ = std::io::copy(&mut c, &mut d);
    let _ = up.join();
    Ok(())
}

/// Needs root, to give a directory to another user. Without root it says so and fails, unless
/// the developer opts out with WXTOKEN_TESTS_WITHOUT_ROOT=1 (CI runs as root).
pub fn needs_root(test: &str) -> bool {
    // SAFETY: geteuid has no preconditions.
    if unsafe { libc::geteuid() } == 0 {
        return true;
    }
    if std::env::var_os("WXTOKEN_TESTS_WITHOUT_ROOT").is_some() {
        eprintln!("NOT RUN: {test} needs root (chown to another user)");
        return false;
    }
    panic!(
        "{test} needs root (chown to another user); run as root, or set WXTOKEN_TESTS_WITHOUT_ROOT=1 to skip it knowingly"
    );
}

/// Start children with core dumps allowed (1 MiB), so that a child that changed nothing would
/// show a non-zero limit.
pub fn allow_core_dumps(cmd: &mut std::process::Command) -> &mut std::process::Command {
    use std::os::unix::process::CommandExt;
    // SAFETY: setrlimit is async-signal-safe; nothing else runs between fork and exec.
    unsafe {
        cmd.pre_exec(|| {
            let limit = libc::rlimit {
                rlim_cur: 1 << 20,
                rlim_max: 1 << 20,
            };
            libc::setrlimit(libc::RLIMIT_CORE, &limit);
            Ok(())
        })
    }
}

/// Text for people with what wrapped at 80 columns joined again: a continuation line (indented
/// 15 columns or more, not a hint's `→`) joins the line before it with one space, so that a
/// phrase is found wherever the wrapping fell.
pub fn flat(text: &str) -> String {
    let mut out: Vec<String> = Vec::new();
    for line in text.lines() {
        let rest = line.trim_start();
        let continued = line.len() - rest.len() >= 15 && !rest.starts_with('→');
        match out.last_mut() {
            Some(last) if continued => {
                // Chinese wraps between characters, with no space to put back.
                let wide = |c: Option<char>| c.is_some_and(|c| c >= '\u{2e80}');
                if !(wide(last.chars().last()) || wide(rest.chars().next())) {
                    last.push(' ');
                }
                last.push_str(rest);
            }
            _ => out.push(line.to_string()),
        }
    }
    out.join("\n")
}

/// Whether `text` (wrapped for people, in any language) says `phrase`: compared without any
/// whitespace, since Chinese wraps between characters and a wrapped space is not put back.
pub fn says(text: &str, phrase: &str) -> bool {
    let squeeze = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
    squeeze(text).contains(&squeeze(phrase))
}

/// `wxtoken ARGS` on an 80-column terminal (`script` gives it one), with PATH and `envs` alone
/// in its environment and nothing on stdin: its exit code and everything it wrote, as the
/// terminal received it. The secret must be in none of it.
pub fn at_a_terminal(args: &str, envs: &[(&str, &str)]) -> (i32, String) {
    let command = format!(
        "stty cols 80 rows 24; {} {args}",
        env!("CARGO_BIN_EXE_wxtoken")
    );
    let out = std::process::Command::new("script")
        .args(["-qec", &command, "/dev/null"])
        .env_clear()
        .env("PATH", std::env::var("PATH").unwrap_or_default())
        .envs(envs.iter().copied())
        .stdin(std::process::Stdio::null())
        .output()
        .expect("the script command (util-linux) is needed for this test");
    let text = String::from_utf8_lossy(&out.stdout).to_string();
    assert!(!text.contains(SECRET), "{text:?}");
    (out.status.code().unwrap_or(-1), text)
}

/// `wxtoken ARGS` started `n` times at once, each with PATH and `envs` alone in its
/// environment: their outputs, once all have ended. No run may print the secret on stderr.
pub fn at_once(n: usize, args: &[&str], envs: &[(&str, &str)]) -> Vec<std::process::Output> {
    let children: Vec<_> = (0..n)
        .map(|_| {
            std::process::Command::new(env!("CARGO_BIN_EXE_wxtoken"))
                .env_clear()
                .env("PATH", std::env::var("PATH").unwrap_or_default())
                .args(args)
                .envs(envs.iter().copied())
                .stdout(std::process::Stdio::piped())
                .stderr(std::process::Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    children
        .into_iter()
        .map(|child| {
            let out = child.wait_with_output().unwrap();
            assert!(!String::from_utf8_lossy(&out.stderr).contains(SECRET));
            out
        })
        .collect()
}

/// 8 runs asked to rotate the stable token at once through the store at `url` in `layout`:
/// each must get the one rotated token; returns how many requests reached WeChat (the mock).
pub fn eight_force_refreshes(url: &str, layout: &str) -> usize {
    let mock = Mock::with(|_, _| {
        // Every run has started and waits on the lock by then, however loaded the machine.
        std::thread::sleep(Duration::from_millis(1000));
        Reply::json(r#"{"access_token":"ROTATED_0123456789abcdef","expires_in":7200}"#)
    });
    let base = mock.url();
    let args = [
        "fetch",
        "--stable",
        "--force-refresh",
        "--store",
        url,
        "--store-layout",
        layout,
    ];
    let envs = [
        ("WXTOKEN_APPID", APPID),
        ("WXTOKEN_SECRET", SECRET),
        ("WXTOKEN_API_BASE", &base),
    ];
    for out in at_once(8, &args, &envs) {
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(0), "{layout}: {stderr}");
        assert_eq!(
            String::from_utf8_lossy(&out.stdout).trim(),
            "ROTATED_0123456789abcdef"
        );
    }
    mock.count()
}
