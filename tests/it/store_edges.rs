//! The store at its edges: WxJava's lock shared with WxJava, a force refresh written through, a
//! Redis that never answers, and readers of a local cache that never hold the secret.

use crate::common::redis_server::{Options, RedisServer};
use crate::common::*;
use redis::Commands;
use std::os::unix::fs::PermissionsExt;
use std::time::{Duration, Instant};

/// wxtoken joins WxJava's lock: while a WxJava process holds it, wxtoken waits, and it never
/// releases a lock it did not take.
#[test]
fn wxjava_s_lock_is_shared_with_wxjava() {
    let redis = RedisServer::start();
    let mut con = redis.client();
    let lock = format!("wx:lock:{APPID}:accessTokenLock");
    let _: () = redis::cmd("SET")
        .arg(&lock)
        .arg("a-wxjava-uuid")
        .arg("PX")
        .arg(1500)
        .query(&mut con)
        .unwrap();
    let mock = Mock::start(vec![Reply::token(7200)]);
    let started = Instant::now();
    let out = run(fetch(&mock).args(["--store", &redis.url(), "--store-layout", "wxjava"]));
    assert_eq!(out.code, 0, "{out:?}");
    assert!(
        started.elapsed() >= Duration::from_millis(1000),
        "it waited for WxJava's lease"
    );
    assert_eq!(mock.count(), 1);
    // WxJava stored a token while wxtoken waited: served, no request.
    let _: () = con.del(format!("wx:access_token:{APPID}")).unwrap();
    let _: () = redis::cmd("SET")
        .arg(&lock)
        .arg("a-wxjava-uuid")
        .arg("PX")
        .arg(800)
        .query(&mut con)
        .unwrap();
    let writer = {
        let url = redis.url();
        std::thread::spawn(move || {
            std::thread::sleep(Duration::from_millis(300));
            let mut con = redis::Client::open(url).unwrap().get_connection().unwrap();
            let _: () = con
                .set_ex(
                    format!("wx:access_token:{APPID}"),
                    "WXJAVATOKEN_0123456789",
                    7200,
                )
                .unwrap();
        })
    };
    let out = run(fetch(&mock).args(["--store", &redis.url(), "--store-layout", "wxjava"]));
    writer.join().unwrap();
    assert_eq!(out.code, 0, "{out:?}");
    assert_eq!(out.stdout.trim(), "WXJAVATOKEN_0123456789");
    assert_eq!(mock.count(), 1, "WxJava's token was served");
}

#[test]
fn a_lock_another_run_took_after_a_lease_ran_out_is_never_released() {
    let redis = RedisServer::start();
    let mut con = redis.client();
    let lock = format!("wxtoken:lock:mp:{APPID}:token");
    // The mock answers after replacing the lock, as a run that took it after this one's lease
    // ran out would have.
    let url = redis.url();
    let mock = Mock::with(move |_, _| {
        let mut con = redis::Client::open(url.as_str())
            .unwrap()
            .get_connection()
            .unwrap();
        let _: () = con
            .set_ex(format!("wxtoken:lock:mp:{APPID}:token"), "someone-else", 30)
            .unwrap();
        Reply::token(7200)
    });
    let out = run(fetch(&mock).args(["--store", &redis.url()]));
    // The write is fenced too: the lock is not this run's, so nothing is written, and with
    // nothing stored by the other run the holder fails (exit 11).
    assert_eq!(out.code, 11, "{out:?}");
    assert!(out.stderr.contains("ran out while it fetched"), "{out:?}");
    let held: Option<String> = con.get(&lock).unwrap();
    assert_eq!(held.as_deref(), Some("someone-else"));
    let stored: Option<String> = con.get(format!("wxtoken:token:mp:{APPID}:token")).unwrap();
    assert_eq!(stored, None);
}

#[test]
fn a_force_refresh_writes_through_the_store() {
    let redis = RedisServer::start();
    let mock = Mock::start(vec![
        Reply::token(7200),
        Reply::json(r#"{"access_token":"ROTATED_0123456789abcdef","expires_in":7200}"#),
    ]);
    let first = run(fetch(&mock).args(["--store", &redis.url(), "--stable"]));
    assert_eq!(first.code, 0, "{first:?}");
    let rotated = run(fetch(&mock).args(["--store", &redis.url(), "--stable", "--force-refresh"]));
    assert_eq!(rotated.code, 0, "{rotated:?}");
    assert_eq!(rotated.stdout.trim(), "ROTATED_0123456789abcdef");
    assert!(
        rotated.stderr.contains("the store entry was replaced"),
        "{rotated:?}"
    );
    let read = run(wxtoken()
        .args(["fetch", "--no-fetch", "--stable", "--store", &redis.url()])
        .env("WXTOKEN_APPID", APPID));
    assert_eq!(read.stdout.trim(), "ROTATED_0123456789abcdef", "{read:?}");
    assert_eq!(mock.count(), 2);
}

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

#[test]
fn the_store_url_and_its_password_are_never_shown() {
    let redis = RedisServer::start();
    let url = format!("redis://default:hunter2redis@127.0.0.1:{}", redis.port);
    let help = run(wxtoken()
        .args(["fetch", "--help"])
        .env("WXTOKEN_STORE", &url));
    assert!(!help.stdout.contains("hunter2redis"), "{help:?}");
    let mock = Mock::start(vec![Reply::token(7200)]);
    // A redis-server without a password takes any password for the default user.
    for extra in [&["-v"][..], &["--json"]] {
        let out = run(fetch(&mock).env("WXTOKEN_STORE", &url).args(extra));
        assert!(
            !out.stdout.contains("hunter2redis") && !out.stderr.contains("hunter2redis"),
            "{out:?}"
        );
        assert_eq!(out.code, 0, "{out:?}");
        if extra == ["-v"] {
            assert!(out.stderr.contains("default:***@"), "{out:?}");
        }
    }
    let bad = run(fetch(&mock).args(["--store", "redis://u:hunter2redis@[::1"]));
    assert_eq!(bad.code, 2, "{bad:?}");
    assert!(!bad.stderr.contains("hunter2redis"), "{bad:?}");
}

/// `--no-fetch --cache`: no secret, no request; exit 11 on a miss.
#[test]
fn a_cache_reader_needs_no_secret() {
    let home = tempdir();
    let mock = Mock::start(vec![Reply::token(7200)]);
    let out = run(fetch(&mock).args(["--cache"]).env("HOME", &home));
    assert_eq!(out.code, 0, "{out:?}");
    let reader = |extra: &[&str]| {
        run(wxtoken()
            .args(["fetch", "--cache", "--no-fetch"])
            .args(extra)
            .env("HOME", &home)
            .env("WXTOKEN_APPID", APPID)
            .env("WXTOKEN_API_BASE", mock.url()))
    };
    let out = reader(&["--json"]);
    assert_eq!(out.code, 0, "{out:?}");
    assert_eq!(out.json()["source"], "cache");
    let out = reader(&["--stable"]);
    assert_eq!(
        out.code, 11,
        "nothing kept for the stable endpoint: {out:?}"
    );
    assert_eq!(mock.count(), 1);
}

/// A refresher's setgid, group-readable directory: entries 0640, and a reader that is another
/// user reads them; a directory its group can write is refused.
#[test]
fn a_group_of_readers_shares_a_refreshers_cache() {
    if !needs_root("a_group_of_readers_shares_a_refreshers_cache") {
        return;
    }
    let base = tempdir();
    let dir = base.join("shared");
    std::fs::create_dir(&dir).unwrap();
    std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o2750)).unwrap();
    let mock = Mock::start(vec![Reply::token(7200)]);
    let out = run(fetch(&mock).args(["--cache", "--cache-dir"]).arg(&dir));
    assert_eq!(out.code, 0, "{out:?}");
    let entry = std::fs::read_dir(&dir)
        .unwrap()
        .flatten()
        .find(|e| e.file_name().to_string_lossy().ends_with(".json"))
        .unwrap();
    assert_eq!(
        entry.metadata().unwrap().permissions().mode() & 0o777,
        0o640
    );
    // Hand it to another user (the refresher): root reading it is a reader that is not the owner.
    let chown = |path: &std::path::Path| {
        let c = std::ffi::CString::new(path.as_os_str().as_encoded_bytes()).unwrap();
        // SAFETY: a valid C string; 65534 is nobody.
        assert_eq!(unsafe { libc::chown(c.as_ptr(), 65534, 65534) }, 0);
    };
    chown(&dir);
    for e in std::fs::read_dir(&dir).unwrap().flatten() {
        chown(&e.path());
    }
    let reader = || {
        run(wxtoken()
            .args([
                "fetch",
                "--cache",
                "--no-fetch",
                "--cache-owner",
                "nobody",
                "--cache-dir",
            ])
            .arg(&dir)
            .env("WXTOKEN_APPID", APPID)
            .env("WXTOKEN_API_BASE", mock.url()))
    };
    let out = reader();
    assert_eq!(out.code, 0, "{out:?}");
    assert_eq!(out.stdout.trim(), TOKEN);
    std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o2770)).unwrap();
    let out = reader();
    assert_eq!(
        out.code, 11,
        "a directory its group can write is refused: {out:?}"
    );
    assert_eq!(mock.count(), 1);
}

/// appid and secret swapped: the "appid" is the secret, and never becomes a key name. Refused
/// before Redis is even connected to.
#[test]
fn a_swapped_appid_never_becomes_a_key() {
    let redis = RedisServer::start();
    let mock = Mock::start(vec![Reply::token(7200)]);
    let out = run(wxtoken()
        .args(["fetch", "--store", &redis.url()])
        .env("WXTOKEN_APPID", SECRET)
        .env("WXTOKEN_SECRET", APPID)
        .env("WXTOKEN_API_BASE", mock.url()));
    assert_eq!(out.code, 2, "{out:?}");
    assert!(out.stderr.contains("swapped"), "{out:?}");
    let keys: Vec<String> = redis.client().keys("*").unwrap();
    assert!(keys.is_empty(), "{keys:?}");
    assert_eq!(mock.count(), 0);
}

#[test]
fn stored_values_are_checked_against_their_key_and_read_bounded() {
    let redis = RedisServer::start();
    let mut con = redis.client();
    let corp = "ww0123456789abcdef";
    let wecom = |agent: &str| {
        let mut cmd = wxtoken();
        cmd.args([
            "fetch",
            "--platform",
            "wecom",
            "--store",
            &redis.url(),
            "--json",
        ])
        .env("WXTOKEN_CORPID", corp)
        .env("WXTOKEN_AGENTID", agent);
        cmd
    };
    let mock = Mock::start(vec![Reply::token(7200)]);
    let first = run(wecom("1000002")
        .env("WXTOKEN_CORPSECRET", SECRET)
        .env("WXTOKEN_WECOM_API_BASE", mock.url()));
    assert_eq!(first.code, 0, "{first:?}");
    // Agent 1000002's value, copied under agent 1000003's key: never served as 1000003's.
    let value: String = con
        .get(format!("wxtoken:token:wecom:{corp}:1000002:gettoken"))
        .unwrap();
    let _: () = con
        .set_ex(
            format!("wxtoken:token:wecom:{corp}:1000003:gettoken"),
            &value,
            7000,
        )
        .unwrap();
    let read = run(wecom("1000003").arg("--no-fetch"));
    assert_eq!(read.code, 11, "{read:?}");
    assert!(read.stderr.contains("does not match its key"), "{read:?}");
    assert!(!read.stdout.contains(TOKEN), "{read:?}");
    // The value's expiry is not believed over the key's: one minute left on the key.
    let key = format!("wxtoken:token:wecom:{corp}:1000002:gettoken");
    let _: () = con.pexpire(&key, 60_000).unwrap();
    let read = run(wecom("1000002").args(["--no-fetch", "--min-ttl", "30"]));
    assert_eq!(read.code, 0, "{read:?}");
    let left = read.json()["expires_in"].as_u64().unwrap();
    assert!(
        left <= 60,
        "the key's TTL, not the value's two hours: {left}"
    );
    // A 32 MB value is never read whole, and is called what it is.
    let huge = vec![b'a'; 32 << 20];
    let _: () = con.set(&key, huge).unwrap();
    let read = run(wecom("1000002").arg("--no-fetch"));
    assert_eq!(read.code, 11, "{read:?}");
    assert!(
        read.stderr
            .contains("33554432 bytes, larger than any token value"),
        "{read:?}"
    );
}

#[test]
fn cache_clear_on_a_store_removes_exact_keys_only() {
    // Keys that contain, start or end with the appid asked for, of other apps: none is touched.
    let redis = RedisServer::start();
    let mut con = redis.client();
    let other = "wx0123456789abcdeffff";
    let kept = [
        format!("wx:access_token:{other}"),
        format!("wx:access_token:x{APPID}"),
        format!("wechatpy:x{APPID}_access_token"),
        format!("wx:lock:{APPID}:accessTokenLock"),
    ];
    for key in &kept {
        let _: () = con.set_ex(key, "SOMEONE_ELSES_TOKEN_0123", 7000).unwrap();
    }
    let clear = |args: &[&str]| {
        run(wxtoken()
            .args(["cache", "clear", "--json", "--store", &redis.url()])
            .args(args))
    };
    for (layout, appid) in [("wxjava", "wx"), ("wxjava", APPID), ("wechatpy", "abcdef")] {
        let out = clear(&["--store-layout", layout, "--appid", appid]);
        assert_eq!(out.code, 0, "{out:?}");
        assert_eq!(out.json()["removed"], 0, "{layout} {appid}: {out:?}");
    }
    for key in &kept {
        let left: Option<String> = con.get(key).unwrap();
        assert!(left.is_some(), "{key} was removed");
    }
    // The app's own keys go, wechatpy's expiry key with its token.
    let _: () = con
        .set_ex(format!("wx:access_token:{APPID}"), "MINE_0123456789", 7000)
        .unwrap();
    let _: () = con
        .set_ex(
            format!("wechatpy:{APPID}_access_token"),
            "\"MINE_0123\"",
            7000,
        )
        .unwrap();
    let _: () = con
        .set(format!("wechatpy:{APPID}_access_token_expires_at"), "1")
        .unwrap();
    let out = clear(&["--store-layout", "wxjava", "--appid", APPID]);
    assert_eq!(out.json()["removed"], 1, "{out:?}");
    let out = clear(&["--store-layout", "wechatpy", "--appid", APPID]);
    assert_eq!(out.json()["removed"], 1, "{out:?}");
    let expiry: Option<String> = con
        .get(format!("wechatpy:{APPID}_access_token_expires_at"))
        .unwrap();
    assert_eq!(expiry, None);
    for key in &kept {
        let left: Option<String> = con.get(key).unwrap();
        assert!(left.is_some(), "{key} was removed");
    }
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
fn concurrent_force_refreshes_rotate_once_in_every_layout() {
    // 8 runs asked to rotate at once: the first rotates, the others see the token change while
    // they wait for the lock and take it (a second rotation would invalidate the first's).
    for layout in ["wxtoken", "wxjava", "silenceper-go"] {
        let redis = RedisServer::start();
        let requests = eight_force_refreshes(&redis.url(), layout);
        assert_eq!(requests, 1, "{layout}: one rotation for 8 runs");
    }
}

/// 16 runs at once, each reporting `rejected`, against `redis` (a store) or `cache_dir`.
fn sixteen_reports(mock: &Mock, keeper: &[String], rejected: &str) -> Vec<std::process::Output> {
    let children: Vec<_> = (0..16)
        .map(|_| {
            std::process::Command::new(env!("CARGO_BIN_EXE_wxtoken"))
                .env_clear()
                .arg("fetch")
                .args(keeper)
                .args(["--rejected", rejected])
                .env("WXTOKEN_APPID", APPID)
                .env("WXTOKEN_SECRET", SECRET)
                .env("WXTOKEN_API_BASE", mock.url())
                .stdout(std::process::Stdio::piped())
                .stderr(std::process::Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    children
        .into_iter()
        .map(|c| c.wait_with_output().unwrap())
        .collect()
}

#[test]
fn sixteen_reports_of_a_rejected_token_make_one_fetch() {
    let redis = RedisServer::start();
    let cache = tempdir();
    let keepers: Vec<(&str, Vec<String>)> = vec![
        ("store", vec!["--store".into(), redis.url()]),
        (
            "store wxjava",
            vec![
                "--store".into(),
                redis.url(),
                "--store-layout".into(),
                "wxjava".into(),
            ],
        ),
        (
            "cache",
            vec![
                "--cache".into(),
                "--cache-dir".into(),
                cache.display().to_string(),
            ],
        ),
    ];
    for (what, keeper) in keepers {
        let first = Mock::start(vec![Reply::token(7200)]);
        let out = run(fetch(&first).args(&keeper));
        assert_eq!(out.code, 0, "{what}: {out:?}");
        assert_eq!(out.stdout.trim(), TOKEN);
        // The kept token was rejected: 16 reports at once, one fetch between them.
        let newer = "NEWER_0123456789abcdefghij";
        let mock = Mock::with(move |_, _| {
            std::thread::sleep(Duration::from_millis(200));
            Reply::json(&format!(
                r#"{{"access_token":"{newer}","expires_in":7200}}"#
            ))
        });
        for out in sixteen_reports(&mock, &keeper, TOKEN) {
            let stderr = String::from_utf8_lossy(&out.stderr);
            assert_eq!(out.status.code(), Some(0), "{what}: {stderr}");
            assert_eq!(String::from_utf8_lossy(&out.stdout).trim(), newer, "{what}");
            assert!(
                !stderr.contains(SECRET) && !stderr.contains(TOKEN),
                "{what}: {stderr}"
            );
        }
        assert_eq!(mock.count(), 1, "{what}: one fetch for 16 reports");
        // A late report of the old token: the kept one is served, nothing is fetched.
        let out = run(fetch(&mock).args(&keeper).args(["--rejected", TOKEN]));
        assert_eq!(out.code, 0, "{what}: {out:?}");
        assert_eq!(out.stdout.trim(), newer);
        assert_eq!(
            mock.count(),
            1,
            "{what}: nothing fetched for a stale report"
        );
    }
}

#[test]
fn rejected_needs_a_keeper_and_one_token() {
    let mock = Mock::start(vec![Reply::token(7200)]);
    let out = run(fetch(&mock).args(["--rejected", TOKEN]));
    assert_eq!(out.code, 2, "{out:?}");
    assert!(
        out.stderr
            .contains("--rejected works only with --cache or --store"),
        "{out:?}"
    );
    let cache = tempdir();
    let out = run(fetch(&mock)
        .args(["--cache", "--cache-dir"])
        .arg(&cache)
        .args(["--rejected", "two tokens"]));
    assert_eq!(out.code, 2, "{out:?}");
    assert!(out.stderr.contains("exactly one token"), "{out:?}");
    // From stdin, as an SDK app hands it over.
    let out = run(fetch(&mock)
        .args(["--cache", "--cache-dir"])
        .arg(&cache)
        .args(["--rejected", "-"])
        .write_stdin(format!("{TOKEN}\n")));
    assert_eq!(out.code, 0, "{out:?}");
    assert_eq!(mock.count(), 1);
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

/// Two WeChat Work apps of one corp: their secrets, and a mock that answers each secret with
/// its own app's token (`TOKEN_OF_APP_A_…`, `TOKEN_OF_APP_B_…`).
const CORP: &str = "ww0123456789abcdef";
const SECRET_A: &str = "AAAAaaaa0123456789abcdefghijklmnopqrstuvwxy";
const SECRET_B: &str = "BBBBbbbb0123456789abcdefghijklmnopqrstuvwxy";

fn corp_mock() -> Mock {
    Mock::with(move |req, _| {
        let app = if req.target.contains("AAAAaaaa") {
            "A"
        } else {
            "B"
        };
        Reply::json(&format!(
            r#"{{"errcode":0,"access_token":"TOKEN_OF_APP_{app}_0123456789","expires_in":7200}}"#
        ))
    })
}

/// `wxtoken fetch --platform wecom --store` as the app whose secret is `secret`.
fn corp_app(redis: &RedisServer, mock: &Mock, secret: &str, args: &[&str]) -> assert_cmd::Command {
    let mut cmd = wxtoken();
    cmd.args(["fetch", "--platform", "wecom", "--store", &redis.url()])
        .args(args)
        .env("WXTOKEN_CORPID", CORP)
        .env("WXTOKEN_CORPSECRET", secret)
        .env("WXTOKEN_WECOM_API_BASE", mock.url());
    cmd
}

#[test]
fn two_wechat_work_apps_of_one_corp_without_agentids_keep_their_own_tokens() {
    let redis = RedisServer::start();
    let (corp, secret_a, secret_b) = (CORP, SECRET_A, SECRET_B);
    let mock = corp_mock();
    let app = |secret: &str| corp_app(&redis, &mock, secret, &[]);
    for _ in 0..2 {
        for (secret, token) in [
            (secret_a, "TOKEN_OF_APP_A_0123456789"),
            (secret_b, "TOKEN_OF_APP_B_0123456789"),
        ] {
            let out = run_hiding(&mut app(secret), secret);
            assert_eq!(out.code, 0, "{out:?}");
            assert_eq!(out.stdout.trim(), token, "each app its own token");
        }
    }
    assert_eq!(
        mock.count(),
        2,
        "one fetch per app, then each is served its own"
    );
    let mut con = redis.client();
    let keys: Vec<String> = con.keys("wxtoken:token:wecom:*").unwrap();
    assert_eq!(keys.len(), 2, "{keys:?}");
    for key in &keys {
        assert!(
            !key.contains("AAAAaaaa") && !key.contains("BBBBbbbb"),
            "{key}"
        );
    }
    // A reader without the secret cannot tell them apart: it is told to use the AgentId.
    let out = run(wxtoken()
        .args([
            "fetch",
            "--platform",
            "wecom",
            "--no-fetch",
            "--store",
            &redis.url(),
        ])
        .env("WXTOKEN_CORPID", corp));
    assert_eq!(out.code, 2, "{out:?}");
    assert!(out.stderr.contains("--agentid"), "{out:?}");
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

#[test]
fn an_sdk_key_shared_by_two_apps_of_a_corp_is_never_taken_over() {
    // WxJava's WeChat Work key without an AgentId names the corp alone. wxtoken keeps the
    // fingerprint of the secret beside the token: the other app's run neither gets nor replaces
    // the first app's token.
    let redis = RedisServer::start();
    let (corp, secret_a, secret_b) = (CORP, SECRET_A, SECRET_B);
    let mock = corp_mock();
    let app = |secret: &str| corp_app(&redis, &mock, secret, &["--store-layout", "wxjava"]);
    let out = run_hiding(&mut app(secret_a), secret_a);
    assert_eq!(out.code, 0, "{out:?}");
    assert_eq!(out.stdout.trim(), "TOKEN_OF_APP_A_0123456789");
    let out = run_hiding(&mut app(secret_b), secret_b);
    assert_eq!(out.code, 11, "{out:?}");
    assert!(out.stderr.contains("another app of this corp"), "{out:?}");
    assert!(out.stderr.contains("--agentid"), "{out:?}");
    let mut con = redis.client();
    let kept: String = con
        .get(format!("wx:cp:wechat_cp_access_token_key:{corp}"))
        .unwrap();
    assert_eq!(kept, "TOKEN_OF_APP_A_0123456789", "app A's token stays");
    let out = run_hiding(&mut app(secret_a), secret_a);
    assert_eq!(out.code, 0, "{out:?}");
    assert_eq!(out.stdout.trim(), "TOKEN_OF_APP_A_0123456789");
    assert_eq!(mock.count(), 1, "app B fetched nothing; app A was served");
}
