//! Proxies for the tests, on 127.0.0.1: an HTTP CONNECT proxy that answers as told and forwards
//! nothing, and a SOCKS5 proxy that relays; both record what they were asked.
#![allow(dead_code)]

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::Duration;

use super::echo;
use super::mock::{Recorded, hold, read_request};

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
