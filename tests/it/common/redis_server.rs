//! A real `redis-server`, started by a test on a free loopback port (or a unix socket), with
//! its data in a temp directory; stopped when dropped. Without redis-server on PATH the test
//! fails: a Redis test never passes without one (.ci/run installs it; README says how).

use std::net::TcpListener;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

pub struct RedisServer {
    child: Option<Child>,
    pub port: u16,
    /// The port without TLS (the same as `port` unless the server speaks TLS).
    plain_port: u16,
    pub dir: PathBuf,
    pub password: Option<&'static str>,
    /// `rediss://` only: the CA that signed the server's certificate (PEM file).
    pub ca_file: Option<PathBuf>,
}

#[derive(Default)]
pub struct Options {
    pub password: Option<&'static str>,
    pub tls: bool,
    /// With `tls`: clients must show a certificate the test CA signed (Redis's own default);
    /// `client.pem` and `client.key` beside the CA are one.
    pub client_auth: bool,
    pub unix_socket: bool,
    /// More of redis-server's options (`--replicaof 127.0.0.1 PORT`, say).
    pub extra: Vec<String>,
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

impl RedisServer {
    pub fn start() -> RedisServer {
        RedisServer::with(Options::default())
    }

    pub fn with(opts: Options) -> RedisServer {
        let found = Command::new("redis-server")
            .arg("--version")
            .stdout(Stdio::null())
            .status()
            .is_ok_and(|s| s.success());
        assert!(
            found,
            "redis-server is not installed: the store tests need it (apt-get install redis-server; bash .ci/run installs it)"
        );
        let dir = super::tempdir();
        for _ in 0..5 {
            let port = free_port();
            let mut args: Vec<String> = vec![
                "--bind".into(),
                "127.0.0.1".into(),
                "--save".into(),
                "".into(),
                "--appendonly".into(),
                "no".into(),
                "--dir".into(),
                dir.display().to_string(),
                "--protected-mode".into(),
                "no".into(),
            ];
            args.extend(opts.extra.iter().cloned());
            let mut ca_file = None;
            // With TLS, a plain port too, for the test's own client.
            let plain_port = if opts.tls { free_port() } else { port };
            if opts.tls {
                let (ca, cert, key) = tls_files(&dir);
                ca_file = Some(ca.clone());
                for (k, v) in [
                    ("--port", plain_port.to_string()),
                    ("--tls-port", port.to_string()),
                    ("--tls-cert-file", cert.display().to_string()),
                    ("--tls-key-file", key.display().to_string()),
                    ("--tls-ca-cert-file", ca.display().to_string()),
                    (
                        "--tls-auth-clients",
                        if opts.client_auth { "yes" } else { "no" }.to_string(),
                    ),
                ] {
                    args.push(k.into());
                    args.push(v);
                }
            } else {
                args.push("--port".into());
                args.push(port.to_string());
            }
            if opts.unix_socket {
                args.push("--unixsocket".into());
                args.push(dir.join("redis.sock").display().to_string());
                args.push("--unixsocketperm".into());
                args.push("700".into());
            }
            if let Some(p) = opts.password {
                args.push("--requirepass".into());
                args.push(p.into());
            }
            let child = Command::new("redis-server")
                .args(&args)
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .spawn()
                .expect("redis-server starts");
            let mut server = RedisServer {
                child: Some(child),
                port,
                plain_port,
                dir: dir.clone(),
                password: opts.password,
                ca_file,
            };
            if server.wait_ready(opts.unix_socket) {
                return server;
            }
            server.stop();
        }
        panic!("redis-server did not start");
    }

    fn wait_ready(&mut self, unix: bool) -> bool {
        let deadline = Instant::now() + Duration::from_secs(10);
        while Instant::now() < deadline {
            if let Some(child) = &mut self.child
                && child.try_wait().ok().flatten().is_some()
            {
                return false;
            }
            // Ours, not whatever else took the port between free_port() and redis-server's bind
            // (another test's server): the server on the plain port reports this child's pid.
            // Redis binds every listener before it serves, so the TLS port is ours too.
            let pid = self.child.as_ref().map(Child::id);
            let ours = pid.is_some_and(|pid| self.reports_pid(pid));
            if ours && (!unix || self.dir.join("redis.sock").exists()) {
                return true;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        false
    }

    fn reports_pid(&self, pid: u32) -> bool {
        let Ok(client) = redis::Client::open(self.plain_url()) else {
            return false;
        };
        let Ok(mut con) = client.get_connection_with_timeout(Duration::from_millis(500)) else {
            return false;
        };
        let info: String = redis::cmd("INFO")
            .arg("server")
            .query(&mut con)
            .unwrap_or_default();
        info.lines()
            .any(|l| l.trim() == format!("process_id:{pid}"))
    }

    fn plain_url(&self) -> String {
        match self.password {
            Some(p) => format!("redis://:{p}@127.0.0.1:{}", self.plain_port),
            None => format!("redis://127.0.0.1:{}", self.plain_port),
        }
    }

    /// `redis://[:password@]127.0.0.1:PORT` (`rediss://` with TLS).
    pub fn url(&self) -> String {
        let scheme = if self.ca_file.is_some() {
            "rediss"
        } else {
            "redis"
        };
        match self.password {
            Some(p) => format!("{scheme}://:{p}@127.0.0.1:{}", self.port),
            None => format!("{scheme}://127.0.0.1:{}", self.port),
        }
    }

    pub fn socket_url(&self) -> String {
        format!("unix://{}", self.dir.join("redis.sock").display())
    }

    /// A client of the test's own, or `None` while the server refuses or drops connections (a
    /// server changing its role in a failover closes its clients).
    pub fn try_client(&self) -> Option<redis::Connection> {
        redis::Client::open(self.plain_url())
            .ok()?
            .get_connection_with_timeout(Duration::from_secs(5))
            .ok()
    }

    /// A client of the test's own, to look at keys as an SDK would.
    pub fn client(&self) -> redis::Connection {
        redis::Client::open(self.plain_url())
            .unwrap()
            .get_connection_with_timeout(Duration::from_secs(5))
            .expect("the test connects to its redis-server")
    }

    pub fn stop(&mut self) {
        if let Some(mut child) = self.child.take() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }
}

impl Drop for RedisServer {
    fn drop(&mut self) {
        self.stop();
    }
}

/// A test CA, and a certificate for 127.0.0.1 it signed, as PEM files.
fn tls_files(dir: &std::path::Path) -> (PathBuf, PathBuf, PathBuf) {
    use rcgen::{CertificateParams, DnType, KeyPair};
    let (ca, cert, key) = super::test_certificates();
    let paths = (
        dir.join("ca.pem"),
        dir.join("server.pem"),
        dir.join("server.key"),
    );
    std::fs::write(&paths.0, ca.pem()).unwrap();
    std::fs::write(&paths.1, cert.pem()).unwrap();
    std::fs::write(&paths.2, key.serialize_pem()).unwrap();
    // A client certificate the same CA signed, its key private to its owner.
    let client_key = KeyPair::generate().unwrap();
    let mut client_params =
        CertificateParams::new(vec!["wxtoken-test-client".to_string()]).unwrap();
    client_params
        .distinguished_name
        .push(DnType::CommonName, "wxtoken test client");
    let client = client_params.signed_by(&client_key, &ca).unwrap();
    std::fs::write(dir.join("client.pem"), client.pem()).unwrap();
    let key_path = dir.join("client.key");
    std::fs::write(&key_path, client_key.serialize_pem()).unwrap();
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&key_path, std::fs::Permissions::from_mode(0o600)).unwrap();
    (paths.0, paths.1, paths.2)
}
