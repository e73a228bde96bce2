//! The mock WeChat server on 127.0.0.1: real TCP, real HTTP (and HTTPS with a certificate
//! authority of its own), every request recorded and counted, each answer what the test says.
#![allow(dead_code)]

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::Duration;

use super::TOKEN;

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

pub(super) fn read_request(stream: &mut impl Conn) -> Option<Recorded> {
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
pub(super) fn hold(stream: &mut impl Conn) {
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
    let (ca, leaf, leaf_key) = super::test_certificates();
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
