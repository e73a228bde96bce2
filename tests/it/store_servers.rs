//! The store's servers of every kind and how they fail: TLS with client certificates, a
//! Sentinel failover, a read-only replica, a user denied MULTI, a store that never answers or
//! stops mid-run, a SCAN cursor that never ends, and each refusal told by its kind.

use crate::common::redis_server::{Options, RedisServer};
use crate::common::*;
use redis::Commands;
use std::os::unix::fs::PermissionsExt;
use std::time::{Duration, Instant};

/// A "Redis" that accepts and never answers: each operation ends at --timeout, exit 11.
#[test]
fn a_store_that_never_answers_ends_at_the_timeout() {
    let silent = Mock::start(vec![Reply::Hang]);
    let mock = Mock::start(vec![Reply::token(7200)]);
    let started = Instant::now();
    let out = run(fetch(&mock).args([
        "--store",
        &format!("redis://127.0.0.1:{}", silent.addr.port()),
        "--timeout",
        "1",
    ]));
    assert_eq!(out.code, 11, "{out:?}");
    assert!(
        started.elapsed() < Duration::from_secs(8),
        "{:?}",
        started.elapsed()
    );
    assert_eq!(mock.count(), 0);
}

/// A Redis stand-in on loopback whose SCAN cursor never comes back to 0 (every other command
/// is answered +OK); returns its URL and how many SCANs it answered.
fn endless_scan_server() -> (String, std::sync::Arc<std::sync::atomic::AtomicUsize>) {
    use std::io::{BufRead, BufReader, Write};
    use std::sync::atomic::{AtomicUsize, Ordering};
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("redis://{}", listener.local_addr().unwrap());
    let scans = std::sync::Arc::new(AtomicUsize::new(0));
    let counter = scans.clone();
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(stream) = stream else { return };
            let counter = counter.clone();
            std::thread::spawn(move || {
                let mut out = stream.try_clone().unwrap();
                let mut reader = BufReader::new(stream);
                loop {
                    // A command: *N, then N bulk strings ($len, bytes).
                    let mut line = String::new();
                    if reader.read_line(&mut line).unwrap_or(0) == 0 {
                        return;
                    }
                    let n: usize = line.trim().trim_start_matches('*').parse().unwrap_or(0);
                    let mut words = Vec::new();
                    for _ in 0..n {
                        let mut len = String::new();
                        let mut word = String::new();
                        let _ = reader.read_line(&mut len);
                        let _ = reader.read_line(&mut word);
                        words.push(word.trim().to_ascii_uppercase());
                    }
                    let answer = if words.first().map(String::as_str) == Some("SCAN") {
                        counter.fetch_add(1, Ordering::SeqCst);
                        "*2\r\n$1\r\n7\r\n*0\r\n".to_string()
                    } else {
                        "+OK\r\n".to_string()
                    };
                    if out.write_all(answer.as_bytes()).is_err() {
                        return;
                    }
                }
            });
        }
    });
    (url, scans)
}

#[test]
fn a_scan_cursor_that_never_ends_ends_cache_list_and_clear() {
    let (url, scans) = endless_scan_server();
    for command in ["list", "clear"] {
        let out = run(wxtoken().args(["cache", command, "--store", &url]));
        assert_eq!(out.code, 11, "{command}: {out:?}");
        assert!(
            out.stderr.contains("did not finish within 2000 SCAN calls"),
            "{out:?}"
        );
    }
    assert_eq!(scans.load(std::sync::atomic::Ordering::SeqCst), 4000);
}

#[test]
fn store_refusals_are_told_by_kind() {
    let redis = RedisServer::start();
    let mut con = redis.client();
    // A user the store's ACL denies EVAL (the fenced write, the lock's release).
    let _: () = redis::cmd("ACL")
        .arg("SETUSER")
        .arg("noeval")
        .arg("on")
        .arg(">Pw0rdNoEval_123")
        .arg("~*")
        .arg("+@all")
        .arg("-eval")
        .query(&mut con)
        .unwrap();
    let port = redis.url().rsplit(':').next().unwrap().to_string();
    let url = format!("redis://noeval:Pw0rdNoEval_123@127.0.0.1:{port}");
    let mock = Mock::start(vec![Reply::token(7200)]);
    let out = run(fetch(&mock).args(["--store", &url]));
    assert_eq!(out.code, 11, "{out:?}");
    assert!(
        out.stderr
            .contains("the store's ACL does not let this user do it"),
        "{out:?}"
    );
    assert!(out.stderr.contains("could not be stored"), "{out:?}");
    assert!(out.stderr.contains("new classic token"), "{out:?}");
    // The release (a compare-and-delete script) was refused too: what stays locked, how long.
    assert!(
        out.stderr.contains("the lock wxtoken:lock:mp:")
            && out
                .stderr
                .contains("stays taken until its lease runs out, in at most"),
        "{out:?}"
    );
    let locked: i64 = redis::cmd("PTTL")
        .arg(format!("wxtoken:lock:mp:{APPID}:token"))
        .query(&mut con)
        .unwrap();
    assert!(
        locked > 0,
        "the lock is still there, with its lease: {locked}"
    );
    let _: () = redis::cmd("DEL")
        .arg(format!("wxtoken:lock:mp:{APPID}:token"))
        .query(&mut con)
        .unwrap();
    assert!(!out.stderr.contains("Pw0rdNoEval_123"), "{out:?}");
    // A wrong password: told as such, never shown.
    let url = format!("redis://noeval:Wr0ngPassw0rd_456@127.0.0.1:{port}");
    let out = run(fetch(&mock).args(["--store", &url]));
    assert_eq!(out.code, 11, "{out:?}");
    assert!(
        out.stderr.contains("refused this run's credentials"),
        "{out:?}"
    );
    assert!(!out.stderr.contains("Wr0ngPassw0rd_456"), "{out:?}");
    assert_eq!(mock.count(), 1, "no fetch around a store that refuses");
}

#[test]
fn a_run_stopped_and_continued_while_the_store_answers_goes_on() {
    // Ctrl-Z, then fg: a read with a timeout that a stop signal interrupts fails with EINTR
    // (signal(7)); the command is sent again within the same deadline. The store is kept busy
    // (DEBUG SLEEP) so that the run is waiting for an answer when it is stopped.
    let redis = RedisServer::with(Options {
        extra: vec!["--enable-debug-command".into(), "yes".into()],
        ..Options::default()
    });
    let mock = Mock::start(vec![Reply::token(7200)]);
    let mut busy = redis.client();
    let sleeper = std::thread::spawn(move || {
        let _: () = redis::cmd("DEBUG")
            .arg("SLEEP")
            .arg("1.5")
            .query(&mut busy)
            .unwrap();
    });
    std::thread::sleep(Duration::from_millis(100));
    let child = std::process::Command::new(env!("CARGO_BIN_EXE_wxtoken"))
        .env_clear()
        .args(["fetch", "--timeout", "6", "--store", &redis.url()])
        .env("WXTOKEN_APPID", APPID)
        .env("WXTOKEN_SECRET", SECRET)
        .env("WXTOKEN_API_BASE", mock.url())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let pid = child.id() as i32;
    std::thread::sleep(Duration::from_millis(500));
    // SAFETY: plain signals to the child this test started (it has not been waited for).
    unsafe { libc::kill(pid, libc::SIGSTOP) };
    std::thread::sleep(Duration::from_millis(200));
    unsafe { libc::kill(pid, libc::SIGCONT) };
    let out = child.wait_with_output().unwrap();
    sleeper.join().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert!(!stderr.contains("Interrupted"), "{stderr}");
    assert_eq!(String::from_utf8_lossy(&out.stdout).trim(), TOKEN);
    assert_eq!(mock.count(), 1);
}

#[test]
fn a_user_denied_multi_stores_and_serves_in_every_layout() {
    // No transaction where one is not needed: a write under the lock is its fenced script,
    // one key is one SET.
    let redis = RedisServer::start();
    let _: () = redis::cmd("ACL")
        .arg("SETUSER")
        .arg("nomulti")
        .arg("on")
        .arg(">Pw0rdNoMulti_123")
        .arg("~*")
        .arg("+@all")
        .arg("-multi")
        .arg("-exec")
        .query(&mut redis.client())
        .unwrap();
    let port = redis.url().rsplit(':').next().unwrap().to_string();
    let url = format!("redis://nomulti:Pw0rdNoMulti_123@127.0.0.1:{port}");
    for layout in [
        "wxtoken",
        "wxjava",
        "silenceper-go",
        "wechatpy",
        "powerwechat",
    ] {
        let mock = Mock::start(vec![Reply::token(7200)]);
        for source in ["network", "store"] {
            let out = run(fetch(&mock).args(["--store", &url, "--json", "--store-layout", layout]));
            assert_eq!(out.code, 0, "{layout}: {out:?}");
            assert_eq!(out.json()["source"], source, "{layout}");
            assert!(out.stderr.is_empty(), "{layout}: {out:?}");
        }
    }
}

#[test]
fn a_store_that_authenticates_its_clients_takes_a_client_certificate() {
    let redis = RedisServer::with(Options {
        tls: true,
        client_auth: true,
        ..Options::default()
    });
    let ca = redis.ca_file.clone().unwrap();
    let dir = ca.parent().unwrap().to_path_buf();
    let (cert, key) = (dir.join("client.pem"), dir.join("client.key"));
    let mock = Mock::start(vec![Reply::token(7200)]);
    let with_cert = |key: &std::path::Path| {
        let mut cmd = fetch(&mock);
        cmd.args(["--store", &redis.url(), "--ca-cert"])
            .arg(&ca)
            .arg("--store-client-cert")
            .arg(&cert)
            .arg("--store-client-key")
            .arg(key);
        cmd
    };
    let out = run(&mut with_cert(&key));
    assert_eq!(out.code, 0, "{out:?}");
    assert_eq!(out.stdout.trim(), TOKEN);
    // Without a certificate the server refuses the connection: exit 11, no fetch around it.
    let out = run(fetch(&mock)
        .args(["--store", &redis.url(), "--ca-cert"])
        .arg(&ca));
    assert_eq!(out.code, 11, "{out:?}");
    assert_eq!(mock.count(), 1);
    // A key others may read, and a certificate without its key: usage errors, nothing sent.
    let open = dir.join("open.key");
    std::fs::copy(&key, &open).unwrap();
    std::fs::set_permissions(&open, std::fs::Permissions::from_mode(0o644)).unwrap();
    let out = run(&mut with_cert(&open));
    assert_eq!(out.code, 2, "{out:?}");
    assert!(out.stderr.contains("chmod 600"), "{out:?}");
    let key_text = std::fs::read_to_string(&key).unwrap();
    let body = key_text.lines().nth(1).unwrap();
    assert!(!out.stderr.contains(body), "the key is never shown");
    let out = run(fetch(&mock)
        .args(["--store", &redis.url(), "--store-client-cert"])
        .arg(&cert));
    assert_eq!(out.code, 2, "{out:?}");
    assert!(out.stderr.contains("go together"), "{out:?}");
    let out = run(fetch(&mock)
        .args(["--store", "redis://127.0.0.1:1", "--store-client-cert"])
        .arg(&cert)
        .arg("--store-client-key")
        .arg(&key));
    assert_eq!(out.code, 2, "{out:?}");
    assert!(out.stderr.contains("rediss://"), "{out:?}");
    assert_eq!(mock.count(), 1);
}

#[test]
fn a_sentinel_store_follows_a_failover() {
    let master = RedisServer::start();
    let replica = RedisServer::with(Options {
        extra: vec![
            "--replicaof".into(),
            "127.0.0.1".into(),
            master.port.to_string(),
        ],
        ..Options::default()
    });
    let sentinel = SentinelServer::start(master.port);
    let url = format!("redis+sentinel://127.0.0.1:{}/mymaster", sentinel.port);
    let token_key = format!("wxtoken:token:mp:{APPID}:token");
    let mock = Mock::start(vec![
        Reply::token(7200),
        Reply::json(r#"{"access_token":"AFTER_FAILOVER_0123456789","expires_in":7200}"#),
    ]);
    let out = run(fetch(&mock).args(["--store", &url]));
    assert_eq!(out.code, 0, "{out:?}");
    let on_master: Option<String> = master.client().get(&token_key).unwrap();
    assert!(
        on_master.is_some_and(|v| v.contains(TOKEN)),
        "written to the master"
    );
    // The replica becomes the master; the old one, its replica.
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let synced: Option<String> = replica.client().get(&token_key).unwrap();
        if synced.is_some() {
            break;
        }
        assert!(Instant::now() < deadline, "the replica never synced");
        std::thread::sleep(Duration::from_millis(50));
    }
    let _: () = redis::cmd("SENTINEL")
        .arg("FAILOVER")
        .arg("mymaster")
        .query(
            &mut redis::Client::open(format!("redis://127.0.0.1:{}", sentinel.port))
                .unwrap()
                .get_connection()
                .unwrap(),
        )
        .unwrap();
    sentinel.wait_for(|addr| addr.is_some_and(|(_, port)| port == replica.port));
    // The failover is over when the old master has been turned into the new one's replica
    // (until then the sentinels' list of masters may still name the old one).
    // (A server changing its role drops its clients: such a moment reads as no role yet.)
    let role = |server: &RedisServer| {
        let role: Vec<redis::Value> = server
            .try_client()
            .and_then(|mut con| redis::cmd("ROLE").query(&mut con).ok())
            .unwrap_or_default();
        match role.first() {
            Some(redis::Value::BulkString(r)) => String::from_utf8_lossy(r).to_string(),
            _ => String::new(),
        }
    };
    let deadline = Instant::now() + Duration::from_secs(30);
    while !(role(&replica) == "master" && role(&master) == "slave") {
        assert!(Instant::now() < deadline, "the failover never finished");
        std::thread::sleep(Duration::from_millis(50));
    }
    // Removed on the new master: only a run that writes to the new master can store again.
    let _: () = replica.client().del(&token_key).unwrap();
    let out = run(fetch(&mock).args(["--store", &url]));
    assert_eq!(out.code, 0, "{out:?}");
    assert_eq!(out.stdout.trim(), "AFTER_FAILOVER_0123456789");
    let on_new: Option<String> = replica.client().get(&token_key).unwrap();
    assert!(
        on_new.is_some_and(|v| v.contains("AFTER_FAILOVER")),
        "written to the new master"
    );
    // A sentinel URL that names no usable service: a usage error before anything is sent.
    let out = run(fetch(&mock).args(["--store", "redis+sentinel://127.0.0.1:1/"]));
    assert_eq!(out.code, 2, "{out:?}");
    assert!(out.stderr.contains("Sentinel URL"), "{out:?}");
}

#[test]
fn a_read_only_replica_is_told_for_what_it_is() {
    let master = RedisServer::start();
    let replica = RedisServer::with(Options {
        extra: vec![
            "--replicaof".into(),
            "127.0.0.1".into(),
            master.port.to_string(),
        ],
        ..Options::default()
    });
    let mock = Mock::start(vec![Reply::token(7200)]);
    let out = run(fetch(&mock).args(["--store", &replica.url()]));
    assert_eq!(out.code, 11, "{out:?}");
    assert!(out.stderr.contains("read-only replica"), "{out:?}");
    assert!(
        out.stderr.contains("point --store at the master"),
        "{out:?}"
    );
    assert_eq!(
        mock.count(),
        0,
        "the lock is refused first: nothing fetched"
    );
}

/// A redis-server in Sentinel mode watching `master` on `port` as "mymaster"; killed on drop.
struct SentinelServer {
    child: std::process::Child,
    port: u16,
}

impl SentinelServer {
    fn start(master_port: u16) -> SentinelServer {
        let dir = tempdir();
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let conf = dir.join("sentinel.conf");
        std::fs::write(
            &conf,
            format!(
                "port {port}\nbind 127.0.0.1\nprotected-mode no\ndir {}\n\
                 sentinel monitor mymaster 127.0.0.1 {master_port} 1\n\
                 sentinel down-after-milliseconds mymaster 1000\n\
                 sentinel failover-timeout mymaster 5000\n",
                dir.display()
            ),
        )
        .unwrap();
        let child = std::process::Command::new("redis-server")
            .arg(&conf)
            .arg("--sentinel")
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        let sentinel = SentinelServer { child, port };
        sentinel.wait_for(|addr| addr.is_some());
        sentinel
    }

    /// The master's address as the sentinel names it.
    fn master(&self) -> Option<(String, u16)> {
        let client = redis::Client::open(format!("redis://127.0.0.1:{}", self.port)).ok()?;
        let mut con = client
            .get_connection_with_timeout(Duration::from_millis(500))
            .ok()?;
        let addr: Vec<String> = redis::cmd("SENTINEL")
            .arg("get-master-addr-by-name")
            .arg("mymaster")
            .query(&mut con)
            .ok()?;
        Some((addr.first()?.clone(), addr.get(1)?.parse().ok()?))
    }

    fn wait_for(&self, ok: impl Fn(Option<(String, u16)>) -> bool) {
        let deadline = Instant::now() + Duration::from_secs(30);
        while !ok(self.master()) {
            assert!(Instant::now() < deadline, "the sentinel never got there");
            std::thread::sleep(Duration::from_millis(100));
        }
    }
}

impl Drop for SentinelServer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
