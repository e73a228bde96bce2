//! `--store`: one token for a fleet through a real redis-server (started by each test on a
//! free loopback port), in wxtoken's layout and in each SDK's, with readers that never hold the
//! secret.

use crate::common::redis_server::{Options, RedisServer};
use crate::common::*;
use redis::Commands;
use std::process::Stdio;
use std::time::{Duration, Instant};

fn fetch_store(mock: &Mock, redis: &RedisServer, args: &[&str]) -> assert_cmd::Command {
    let mut cmd = fetch(mock);
    cmd.args(["--store", &redis.url()]).args(args);
    cmd
}

/// `wxtoken fetch --store` as a child process of its own, its output captured.
fn spawn_fetch(redis: &RedisServer, mock: &Mock) -> std::process::Command {
    let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_wxtoken"));
    cmd.env_clear()
        .args(["fetch", "--store", &redis.url()])
        .env("WXTOKEN_APPID", APPID)
        .env("WXTOKEN_SECRET", SECRET)
        .env("WXTOKEN_API_BASE", mock.url())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    cmd
}

/// A reader: appid only, no secret anywhere in its environment.
fn reader(redis: &RedisServer, args: &[&str]) -> assert_cmd::Command {
    let mut cmd = wxtoken();
    cmd.args(["fetch", "--no-fetch", "--store", &redis.url()])
        .args(args)
        .env("WXTOKEN_APPID", APPID);
    cmd
}

/// Every key and value in the store, as text: none may carry the secret.
fn assert_store_holds_no_secret(redis: &RedisServer) {
    let mut con = redis.client();
    let keys: Vec<String> = con.keys("*").unwrap();
    for key in keys {
        assert!(
            !key.contains(SECRET) && !key.contains(&SECRET[..10]),
            "{key}"
        );
        let value: Option<Vec<u8>> = redis::cmd("GET").arg(&key).query(&mut con).unwrap_or(None);
        let text = String::from_utf8_lossy(&value.unwrap_or_default()).to_string();
        assert!(!text.contains(SECRET), "{key}: {text}");
    }
}

#[test]
fn one_fetch_then_the_store_serves_and_a_reader_needs_no_secret() {
    let redis = RedisServer::start();
    let mock = Mock::start(vec![Reply::token(7200)]);
    let first = run(&mut fetch_store(&mock, &redis, &["--json"]));
    assert_eq!(first.code, 0, "{first:?}");
    assert_eq!(first.json()["source"], "network");
    let second = run(&mut fetch_store(&mock, &redis, &["--json"]));
    assert_eq!(second.code, 0, "{second:?}");
    assert_eq!(second.json()["source"], "store");
    assert_eq!(second.json()["access_token"], TOKEN);
    assert_eq!(mock.count(), 1);
    let read = run(&mut reader(&redis, &["-v"]));
    assert_eq!(read.code, 0, "{read:?}");
    assert_eq!(read.stdout.trim(), TOKEN);
    assert!(read.stderr.contains("store: hit"), "{read:?}");
    assert_eq!(mock.count(), 1, "a reader never contacts WeChat");
    // wxtoken's value: the token, expiry, endpoint, platform, a fingerprint, never the secret.
    let mut con = redis.client();
    let value: String = con.get(format!("wxtoken:token:mp:{APPID}:token")).unwrap();
    let v: serde_json::Value = serde_json::from_str(&value).unwrap();
    assert_eq!(v["access_token"], TOKEN);
    assert_eq!(v["platform"], "mp");
    assert_eq!(v["endpoint"], "token");
    assert!(v["secret_fingerprint"].as_str().unwrap().len() == 16, "{v}");
    let ttl: i64 = con.ttl(format!("wxtoken:token:mp:{APPID}:token")).unwrap();
    assert!((7100..=7200).contains(&ttl), "{ttl}");
    assert_store_holds_no_secret(&redis);
}

#[test]
fn a_reader_with_nothing_stored_is_exit_11_and_contacts_nobody() {
    let redis = RedisServer::start();
    let out = run(&mut reader(&redis, &[]));
    assert_eq!(out.code, 11, "{out:?}");
    assert!(out.stderr.contains("no token is kept"), "{out:?}");
    assert!(out.stderr.contains("--no-fetch"), "{out:?}");
    // Too little left for the reader's --min-ttl: exit 11 too.
    let mut con = redis.client();
    let v = serde_json::json!({
        "format": 1, "access_token": TOKEN, "expires_at": now() + 100, "fetched_at": now(),
        "fetched_at_ms": now() * 1000, "endpoint": "token", "platform": "mp", "appid": APPID,
        "secret_fingerprint": "0123456789abcdef"
    });
    let _: () = con
        .set_ex(
            format!("wxtoken:token:mp:{APPID}:token"),
            v.to_string(),
            100,
        )
        .unwrap();
    let out = run(&mut reader(&redis, &["--json"]));
    assert_eq!(out.code, 11, "{out:?}");
    assert!(out.stderr.contains("less than --min-ttl 300"), "{out:?}");
    assert_eq!(out.json()["exit_code"], 11);
    let out = run(&mut reader(&redis, &["--min-ttl", "50"]));
    assert_eq!(out.code, 0, "{out:?}");
}

fn now() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs()
}

/// For each SDK: wxtoken writes, and the key reads exactly as the SDK reads it.
#[test]
fn each_sdk_layout_reads_as_the_sdk_reads_it() {
    let redis = RedisServer::start();
    let mut con = redis.client();
    let run_layout = |layout: &str, extra: &[&str]| {
        let mock = Mock::start(vec![Reply::token(7200)]);
        let out = run(fetch_store(&mock, &redis, &["--store-layout", layout])
            .args(extra)
            .arg("--json"));
        assert_eq!(out.code, 0, "{layout}: {out:?}");
        assert_eq!(mock.count(), 1);
    };
    run_layout("silenceper-go", &[]);
    let key = format!("gowechat_officialaccount__access_token_{APPID}");
    assert_eq!(con.get::<_, String>(&key).unwrap(), TOKEN);
    let ttl: i64 = con.ttl(&key).unwrap();
    assert!((5600..=5700).contains(&ttl), "classic margin 1500 s: {ttl}");
    run_layout("silenceper-go", &["--stable"]);
    let key = format!("gowechat_officialaccount__stable_access_token_{APPID}");
    let ttl: i64 = con.ttl(&key).unwrap();
    assert!((6800..=6900).contains(&ttl), "stable margin 300 s: {ttl}");

    run_layout("wxjava", &[]);
    let key = format!("wx:access_token:{APPID}");
    assert_eq!(con.get::<_, String>(&key).unwrap(), TOKEN);
    assert!(con.ttl::<_, i64>(&key).unwrap() > 7000);
    let lock: Option<String> = con.get(format!("wx:lock:{APPID}:accessTokenLock")).unwrap();
    assert!(lock.is_none(), "the lock was released");

    run_layout("wechatpy", &[]);
    let token: String = con.get(format!("wechatpy:{APPID}_access_token")).unwrap();
    assert_eq!(
        serde_json::from_str::<String>(&token).unwrap(),
        TOKEN,
        "json.loads gives the token"
    );
    let at: String = con
        .get(format!("wechatpy:{APPID}_access_token_expires_at"))
        .unwrap();
    let at: u64 = serde_json::from_str(&at).unwrap();
    assert!(at > now() + 7000 && at <= now() + 7200, "{at}");
    let at_ttl: i64 = con
        .ttl(format!("wechatpy:{APPID}_access_token_expires_at"))
        .unwrap();
    assert_eq!(at_ttl, -1, "wechatpy's expiry key has no TTL");

    run_layout("powerwechat", &[]);
    let md5 = {
        use md5::{Digest, Md5};
        Md5::digest(format!("{APPID}{SECRET}").as_bytes())
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect::<String>()
    };
    let value: String = con.get(format!("powerwechat.access_token.{md5}")).unwrap();
    let v: serde_json::Value = serde_json::from_str(&value).unwrap();
    assert_eq!(v["access_token"], TOKEN);
    assert!(v["expires_in"].is_number(), "{v}");
}

/// For each SDK: a token stored the way the SDK stores it is served, with no request.
#[test]
fn a_token_an_sdk_stored_is_served() {
    let redis = RedisServer::start();
    let mut con = redis.client();
    let md5 = {
        use md5::{Digest, Md5};
        Md5::digest(format!("{APPID}{SECRET}").as_bytes())
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect::<String>()
    };
    let _: () = con
        .set_ex(
            format!("gowechat_officialaccount__access_token_{APPID}"),
            TOKEN,
            5700,
        )
        .unwrap();
    let _: () = con
        .set_ex(format!("wx:access_token:{APPID}"), TOKEN, 7200)
        .unwrap();
    let _: () = con
        .set_ex(
            format!("wechatpy:{APPID}_access_token"),
            format!("\"{TOKEN}\""),
            7200,
        )
        .unwrap();
    let _: () = con
        .set(
            format!("wechatpy:{APPID}_access_token_expires_at"),
            (now() + 7200).to_string(),
        )
        .unwrap();
    let _: () = con
        .set_ex(
            format!("powerwechat.access_token.{md5}"),
            format!(r#"{{"access_token":"{TOKEN}","expires_in":7200}}"#),
            7200,
        )
        .unwrap();
    let mock = Mock::start(vec![Reply::token(7200)]);
    for layout in ["silenceper-go", "wxjava", "wechatpy", "powerwechat"] {
        let out = run(&mut fetch_store(
            &mock,
            &redis,
            &["--store-layout", layout, "--json"],
        ));
        assert_eq!(out.code, 0, "{layout}: {out:?}");
        assert_eq!(out.json()["source"], "store", "{layout}");
        assert_eq!(out.json()["access_token"], TOKEN, "{layout}");
        if layout != "powerwechat" {
            let read = run(&mut reader(&redis, &["--store-layout", layout]));
            assert_eq!(read.code, 0, "{layout}: {read:?}");
            assert_eq!(read.stdout.trim(), TOKEN);
        }
    }
    assert_eq!(mock.count(), 0);
    // A wechatpy token with 60 s or less left (its expiry key and its key's TTL agree) is not
    // served: wechatpy would refetch too.
    let _: () = con
        .set(
            format!("wechatpy:{APPID}_access_token_expires_at"),
            (now() + 30).to_string(),
        )
        .unwrap();
    let _: () = con
        .expire(format!("wechatpy:{APPID}_access_token"), 31)
        .unwrap();
    let out = run(&mut reader(&redis, &["--store-layout", "wechatpy"]));
    assert_eq!(out.code, 11, "{out:?}");
    // wechatpy 1.8 fetched since: the key lives two hours, its old expiry key says 30 s. The
    // expiry key is stale and set aside; the token is served by the key's TTL.
    let _: () = con
        .expire(format!("wechatpy:{APPID}_access_token"), 7200)
        .unwrap();
    let out = run(&mut reader(
        &redis,
        &["--store-layout", "wechatpy", "--json"],
    ));
    assert_eq!(out.code, 0, "{out:?}");
    assert!(out.json()["expires_in"].as_u64().unwrap() > 7000, "{out:?}");
}

#[test]
fn a_layout_that_cannot_hold_it_is_a_usage_error_naming_the_others() {
    let redis = RedisServer::start();
    let mock = Mock::start(vec![Reply::token(7200)]);
    for layout in ["wechatpy", "powerwechat"] {
        let out = run(&mut fetch_store(
            &mock,
            &redis,
            &["--store-layout", layout, "--stable"],
        ));
        assert_eq!(out.code, 2, "{out:?}");
        assert!(out.stderr.contains("no key for stable tokens"), "{out:?}");
        assert!(out.stderr.contains("silenceper-go or wxjava"), "{out:?}");
    }
    let mut wecom = wxtoken();
    wecom
        .args(["fetch", "--platform", "wecom", "--store", &redis.url()])
        .args(["--store-layout", "wechatpy"])
        .env("WXTOKEN_CORPID", "ww0123456789abcdef")
        .env("WXTOKEN_CORPSECRET", SECRET)
        .env("WXTOKEN_WECOM_API_BASE", mock.url());
    let out = run(&mut wecom);
    assert_eq!(out.code, 2, "{out:?}");
    assert!(out.stderr.contains("first 10 characters"), "{out:?}");
    // Bad input, before any request or connection.
    for args in [
        &["--store", "http://127.0.0.1:1"][..],
        &["--store", "redis://127.0.0.1:1", "--cache"],
        &["--store-layout", "wxjava"],
        &["--store", "redis://127.0.0.1:1", "--store-prefix", "a b"],
        &["--no-fetch"],
    ] {
        let out = run(fetch(&mock).args(args));
        assert_eq!(out.code, 2, "{args:?}: {out:?}");
    }
    assert_eq!(mock.count(), 0);
}

/// 32 processes, each with its own HOME (as if on 32 machines), against one Redis: one request.
#[test]
fn thirty_two_machines_make_one_request() {
    let redis = RedisServer::start();
    let mock = Mock::with(|_, _| {
        std::thread::sleep(Duration::from_millis(300));
        Reply::token(7200)
    });
    let children: Vec<_> = (0..32)
        .map(|i| {
            let home = tempdir();
            let timeout = if i % 2 == 0 { "10" } else { "5" };
            spawn_fetch(&redis, &mock)
                .env("HOME", &home)
                .env("WXTOKEN_TIMEOUT", timeout)
                .spawn()
                .unwrap()
        })
        .collect();
    for child in children {
        let out = child.wait_with_output().unwrap();
        assert!(out.status.success(), "{out:?}");
        assert_eq!(String::from_utf8_lossy(&out.stdout).trim(), TOKEN);
        assert!(!String::from_utf8_lossy(&out.stderr).contains(SECRET));
    }
    assert_eq!(mock.count(), 1);
}

/// A holder killed mid-fetch delays the others until its lease runs out, never fails them.
/// A run that takes the store's lock, fetches from a server that never answers, and is killed
/// holding the lock (which outlives it until its lease runs out).
fn kill_a_holder(redis: &RedisServer) {
    let hang = Mock::start(vec![Reply::Hang]);
    let mut holder = spawn_fetch(redis, &hang);
    holder
        .args(["--timeout", "1", "--retries", "0"])
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    let mut holder = holder.spawn().unwrap();
    let lock = format!("wxtoken:lock:mp:{APPID}:token");
    let mut con = redis.client();
    let deadline = Instant::now() + Duration::from_secs(10);
    while !con.exists::<_, bool>(&lock).unwrap() {
        assert!(Instant::now() < deadline, "the holder never took the lock");
        std::thread::sleep(Duration::from_millis(10));
    }
    holder.kill().unwrap();
    holder.wait().unwrap();
}

#[test]
fn a_killed_holder_delays_the_others_and_fails_none() {
    let redis = RedisServer::start();
    kill_a_holder(&redis);
    let lock = format!("wxtoken:lock:mp:{APPID}:token");
    let mut con = redis.client();
    let lease: i64 = con.pttl(&lock).unwrap();
    assert!(lease > 0, "the lock outlives its killed holder: {lease}");
    let mock = Mock::start(vec![Reply::token(7200)]);
    let started = Instant::now();
    let out = run(&mut fetch_store(
        &mock,
        &redis,
        &["--timeout", "1", "--retries", "0"],
    ));
    assert_eq!(out.code, 0, "{out:?}");
    assert_eq!(out.stdout.trim(), TOKEN);
    assert!(
        started.elapsed() >= Duration::from_millis(lease as u64 / 2),
        "it waited for the lease"
    );
    assert_eq!(mock.count(), 1);
}

/// A holder's failure reaches the runs that waited on it: one request between them.
#[test]
fn a_holders_failure_is_shared() {
    let redis = RedisServer::start();
    let mock = Mock::with(|_, _| {
        std::thread::sleep(Duration::from_millis(400));
        Reply::errcode(40125, "invalid appsecret")
    });
    let children: Vec<_> = (0..6)
        .map(|_| spawn_fetch(&redis, &mock).spawn().unwrap())
        .collect();
    for child in children {
        let out = child.wait_with_output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_ne!(out.status.code(), Some(0), "{stderr}");
        assert!(stderr.contains("40125"), "{stderr}");
        assert!(!stderr.contains(SECRET));
    }
    assert_eq!(mock.count(), 1);
}

/// Redis gone, refusing the password, or not Redis at all: exit 11, the address shown with the
/// password masked, and never a fetch around the store.
#[test]
fn an_unusable_store_is_exit_11_and_never_a_direct_fetch() {
    let mock = Mock::start(vec![Reply::token(7200)]);
    let mut stopped = RedisServer::start();
    let url = stopped.url();
    stopped.stop();
    let out = run(fetch(&mock).args(["--store", &url]));
    assert_eq!(out.code, 11, "{out:?}");
    assert!(out.stderr.contains(&url), "{out:?}");
    assert!(out.stderr.contains("nothing was fetched"), "{out:?}");

    let locked = RedisServer::with(Options {
        password: Some("s3cretRedisPw"),
        ..Options::default()
    });
    let wrong = format!("redis://:wr0ngRedisPw@127.0.0.1:{}", locked.port);
    for url in [
        wrong.as_str(),
        &format!("redis://127.0.0.1:{}", locked.port),
    ] {
        for extra in [&[][..], &["--json"], &["-v"]] {
            let out = run(fetch(&mock).args(["--store", url]).args(extra));
            assert_eq!(out.code, 11, "{out:?}");
            for pw in ["wr0ngRedisPw", "s3cretRedisPw"] {
                assert!(
                    !out.stdout.contains(pw) && !out.stderr.contains(pw),
                    "{out:?}"
                );
            }
            assert!(out.stderr.contains(&locked.port.to_string()), "{out:?}");
        }
    }
    let ok = run(fetch(&mock).args(["--store", &locked.url(), "-v"]));
    assert_eq!(ok.code, 0, "{ok:?}");
    assert!(!ok.stderr.contains("s3cretRedisPw"), "{ok:?}");

    // Something that is not Redis: the mock WeChat server answers HTTP.
    let garbage = Mock::start(vec![Reply::token(7200)]);
    let out = run(fetch(&mock).args([
        "--store",
        &format!("redis://127.0.0.1:{}", garbage.addr.port()),
        "--timeout",
        "2",
    ]));
    assert_eq!(out.code, 11, "{out:?}");
    assert_eq!(mock.count(), 1, "only the password-protected run fetched");
}

/// Redis stopped between the refresher's runs: the next run is exit 11, never a direct fetch.
#[test]
fn redis_stopped_mid_run_is_exit_11() {
    let mut redis = RedisServer::start();
    let mock = Mock::start(vec![Reply::token(7200)]);
    let out = run(&mut fetch_store(&mock, &redis, &["--min-ttl", "7199"]));
    assert_eq!(out.code, 0, "{out:?}");
    redis.stop();
    let out = run(&mut fetch_store(&mock, &redis, &["--min-ttl", "7199"]));
    assert_eq!(out.code, 11, "{out:?}");
    assert_eq!(mock.count(), 1);
}

#[test]
fn rediss_with_a_test_ca_and_a_unix_socket() {
    let tls = RedisServer::with(Options {
        tls: true,
        ..Options::default()
    });
    let mock = Mock::start(vec![Reply::token(7200)]);
    let ca = tls.ca_file.clone().unwrap();
    let untrusted = run(fetch(&mock).args(["--store", &tls.url()]));
    assert_eq!(
        untrusted.code, 11,
        "an unknown CA is refused: {untrusted:?}"
    );
    let out = run(fetch(&mock)
        .args(["--store", &tls.url()])
        .arg("--ca-cert")
        .arg(&ca));
    assert_eq!(out.code, 0, "{out:?}");
    assert_eq!(out.stdout.trim(), TOKEN);

    let sock = RedisServer::with(Options {
        unix_socket: true,
        ..Options::default()
    });
    let out = run(fetch(&mock).args(["--store", &sock.socket_url(), "--json"]));
    assert_eq!(out.code, 0, "{out:?}");
    let read = run(wxtoken()
        .args(["fetch", "--no-fetch", "--store", &sock.socket_url()])
        .env("WXTOKEN_APPID", APPID));
    assert_eq!(read.code, 0, "{read:?}");
    assert_eq!(mock.count(), 2);
}

/// A store that echoes nothing back still never sees the secret: not in keys, not in values,
/// in any layout.
#[test]
fn no_key_or_value_in_any_layout_holds_the_secret() {
    let redis = RedisServer::start();
    let mock = Mock::start(vec![
        Reply::errcode(40125, "invalid appsecret"),
        Reply::token(7200),
    ]);
    let failed = run(&mut fetch_store(
        &mock,
        &redis,
        &["--store-layout", "wxjava"],
    ));
    assert_eq!(failed.code, 6, "{failed:?}");
    for layout in [
        "wxtoken",
        "silenceper-go",
        "wxjava",
        "wechatpy",
        "powerwechat",
    ] {
        let out = run(&mut fetch_store(&mock, &redis, &["--store-layout", layout]));
        assert_eq!(out.code, 0, "{layout}: {out:?}");
    }
    assert_store_holds_no_secret(&redis);
}

#[test]
fn cache_list_and_clear_work_on_the_store() {
    let redis = RedisServer::start();
    let mock = Mock::start(vec![Reply::token(7200)]);
    for layout in ["wxtoken", "wxjava"] {
        let out = run(&mut fetch_store(&mock, &redis, &["--store-layout", layout]));
        assert_eq!(out.code, 0, "{out:?}");
    }
    let mut con = redis.client();
    let _: () = con.set("unrelated:key", "keep me").unwrap();
    let _: () = con
        .set_ex("wx:access_token:wxOTHERAPP", "OTHERTOKEN123", 7000)
        .unwrap();
    let list = |args: &[&str]| {
        run(wxtoken()
            .args(["cache", "list", "--store", &redis.url(), "--json"])
            .args(args))
    };
    let out = list(&[]);
    assert_eq!(out.code, 0, "{out:?}");
    let doc = out.json();
    assert_eq!(doc["entries"].as_array().unwrap().len(), 1, "{doc}");
    assert_eq!(doc["entries"][0]["appid"], APPID);
    assert!(!out.stdout.contains(TOKEN), "list never shows a token");
    let out = list(&["--store-layout", "wxjava"]);
    assert_eq!(
        out.json()["entries"].as_array().unwrap().len(),
        2,
        "{out:?}"
    );
    assert!(!out.stdout.contains("OTHERTOKEN123"));

    let clear = |args: &[&str]| {
        run(wxtoken()
            .args(["cache", "clear", "--store", &redis.url()])
            .args(args))
    };
    // An SDK's keys may be other apps': clear wants the appid.
    let out = clear(&["--store-layout", "wxjava"]);
    assert_eq!(out.code, 2, "{out:?}");
    assert!(out.stderr.contains("--appid"), "{out:?}");
    let out = clear(&["--store-layout", "wxjava", "--appid", APPID]);
    assert_eq!(out.code, 0, "{out:?}");
    assert!(out.stderr.contains("removed 1 stored token"), "{out:?}");
    let other: Option<String> = con.get("wx:access_token:wxOTHERAPP").unwrap();
    assert_eq!(
        other.as_deref(),
        Some("OTHERTOKEN123"),
        "another app's key stays"
    );
    let out = clear(&[]);
    assert_eq!(out.code, 0, "{out:?}");
    let gone: Option<String> = con.get(format!("wxtoken:token:mp:{APPID}:token")).unwrap();
    assert!(gone.is_none());
    let kept: Option<String> = con.get("unrelated:key").unwrap();
    assert_eq!(kept.as_deref(), Some("keep me"), "nothing else is touched");
}

#[test]
fn a_holder_whose_lock_ran_out_never_overwrites_a_newer_token() {
    // A holder stalls while it fetches (a pause, swap, SIGSTOP) until its lease runs out; another
    // run then takes the lock and stores a newer token. Here the lease running out is the lock
    // key going away while the holder's answer trickles in. The holder's write is fenced: it
    // stores nothing and serves the newer token.
    let newer = format!("{}NEWER", &TOKEN[..TOKEN.len() - 5]);
    for layout in ["wxtoken", "wxjava", "wechatpy"] {
        let redis = RedisServer::start();
        let answer = format!(r#"{{"access_token":"{TOKEN}","expires_in":7200}}"#);
        let slow = Mock::start(vec![Reply::Trickle {
            body: answer.into_bytes(),
            delay: Duration::from_millis(15),
        }]);
        let fast = Mock::start(vec![Reply::json(&format!(
            r#"{{"access_token":"{newer}","expires_in":7200}}"#
        ))]);
        let holder = spawn_fetch(&redis, &slow)
            .args(["--store-layout", layout])
            .spawn()
            .unwrap();
        let started = Instant::now();
        while slow.count() == 0 {
            assert!(
                started.elapsed() < Duration::from_secs(20),
                "{layout}: no request"
            );
            std::thread::sleep(Duration::from_millis(10));
        }
        let mut con = redis.client();
        let locks: Vec<String> = con.keys("*lock*").unwrap();
        assert_eq!(locks.len(), 1, "{layout}: {locks:?}");
        let _: () = con.del(&locks[0]).unwrap();
        let other = run(&mut fetch_store(&fast, &redis, &["--store-layout", layout]));
        assert_eq!(other.code, 0, "{layout}: {other:?}");
        assert_eq!(other.stdout.trim(), newer, "{layout}");
        let out = holder.wait_with_output().unwrap();
        let (stdout, stderr) = (
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr),
        );
        assert!(!stderr.contains(SECRET) && !stdout.contains(SECRET));
        assert_eq!(out.status.code(), Some(0), "{layout}: {stderr}");
        assert_eq!(
            stdout.trim(),
            newer,
            "{layout}: the holder serves the newer token"
        );
        assert!(
            stderr.contains("ran out while it fetched"),
            "{layout}: {stderr}"
        );
        let read = run(&mut reader(&redis, &["--store-layout", layout]));
        assert_eq!(read.code, 0, "{layout}: {read:?}");
        assert_eq!(
            read.stdout.trim(),
            newer,
            "{layout}: the store keeps the newer token"
        );
        assert_eq!((slow.count(), fast.count()), (1, 1), "{layout}");
    }
}

#[test]
fn a_holder_whose_lock_ran_out_with_nothing_stored_fails_and_says_why() {
    // The lock goes while the holder fetches, and nobody stores a token: exit 11, the classic
    // fetch's consequence told, nothing written.
    let redis = RedisServer::start();
    let answer = format!(r#"{{"access_token":"{TOKEN}","expires_in":7200}}"#);
    let slow = Mock::start(vec![Reply::Trickle {
        body: answer.into_bytes(),
        delay: Duration::from_millis(15),
    }]);
    let holder = spawn_fetch(&redis, &slow).arg("--json").spawn().unwrap();
    let started = Instant::now();
    while slow.count() == 0 {
        assert!(started.elapsed() < Duration::from_secs(20), "no request");
        std::thread::sleep(Duration::from_millis(10));
    }
    let mut con = redis.client();
    let locks: Vec<String> = con.keys("*lock*").unwrap();
    assert_eq!(locks.len(), 1, "{locks:?}");
    // Another run's lock now (its value is not the holder's).
    let _: () = con.set(&locks[0], "another-run").unwrap();
    let out = holder.wait_with_output().unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(11), "{stdout}");
    let doc: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(doc["error"]["kind"], "store", "{doc}");
    let message = doc["error"]["message"].as_str().unwrap();
    assert!(message.contains("ran out while it fetched"), "{doc}");
    assert!(
        doc["error"]["hint"]
            .as_str()
            .unwrap()
            .contains("new classic token"),
        "{doc}"
    );
    assert!(
        !stdout.contains(TOKEN) && !stdout.contains(SECRET),
        "{stdout}"
    );
    let tokens: Vec<String> = con.keys("wxtoken:token:*").unwrap();
    assert!(tokens.is_empty(), "nothing was written: {tokens:?}");
}

#[test]
fn a_planted_failure_record_cannot_decide_the_exit_code_or_reach_the_terminal_raw() {
    // Another user of the store plants a failure record for the runs waiting on a lock: it
    // claims exit code 0 (a script's `TOKEN=$(wxtoken fetch) || exit` would go on with an empty
    // token) and carries terminal escapes. A waiting run takes only the kind from it.
    let redis = RedisServer::start();
    let mock = Mock::start(vec![Reply::token(7200)]);
    assert_eq!(run(&mut fetch_store(&mock, &redis, &[])).code, 0);
    let mut con = redis.client();
    let token_key = format!("wxtoken:token:mp:{APPID}:token");
    let value: String = con.get(&token_key).unwrap();
    let fingerprint =
        serde_json::from_str::<serde_json::Value>(&value).unwrap()["secret_fingerprint"]
            .as_str()
            .unwrap()
            .to_string();
    let _: () = con.del(&token_key).unwrap();
    let lock = format!("wxtoken:lock:mp:{APPID}:token");
    let failed = format!("wxtoken:failed:mp:{APPID}:token");
    // A run waits on a lock another holds; the record is planted while it waits, the lock goes.
    let waiting_on = |document: serde_json::Value, args: &[&str]| {
        let mut con = redis.client();
        let _: () = redis::cmd("SET")
            .arg(&lock)
            .arg("a-holder")
            .arg("PX")
            .arg(3000)
            .query(&mut con)
            .unwrap();
        let waiter = spawn_fetch(&redis, &mock).args(args).spawn().unwrap();
        std::thread::sleep(Duration::from_millis(500));
        let now_ms = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_millis() as u64;
        let record = serde_json::json!({
            "written_at_ms": now_ms,
            "secret_fingerprint": fingerprint,
            "document": document,
        });
        let _: () = con.set(&failed, record.to_string()).unwrap();
        let _: () = con.del(&lock).unwrap();
        waiter.wait_with_output().unwrap()
    };
    let out = waiting_on(
        serde_json::json!({
            "error": {
                "kind": "network",
                "message": "\u{1b}[2J\u{1b}]0;pwned\u{7}all is well",
                "hint": "\u{1b}[31mrun rm -rf now",
                "retryable": false
            },
            "exit_code": 0
        }),
        &[],
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(
        out.status.code(),
        Some(3),
        "a network failure's code: {stderr}"
    );
    assert!(out.stdout.is_empty(), "no token was printed");
    assert!(
        !stderr.contains('\u{1b}') && !stderr.contains('\u{7}'),
        "{stderr:?}"
    );
    assert!(
        stderr.contains("all is well"),
        "the text is shown, escaped: {stderr:?}"
    );
    // A planted WeChat failure is explained by this binary's catalogue, with its exit code.
    let out = waiting_on(
        serde_json::json!({
            "error": { "kind": "wechat", "errcode": 40164, "message": "fine", "errmsg": "x" },
            "exit_code": 0
        }),
        &["--json"],
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(7), "{stdout}");
    let doc: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(doc["exit_code"], 7);
    assert_ne!(doc["error"]["message"], "fine");
    assert_eq!(
        mock.count(),
        1,
        "the waiters shared the holder's failure and fetched nothing"
    );
}

#[test]
fn waiters_wait_for_every_holder_after_a_killed_one() {
    // The first holder is killed with its lock held; its lease runs out, one waiter takes the
    // lock and fetches (slowly). The other waiters count that holder's lease too: all 31 get
    // its token, from one request.
    let redis = RedisServer::start();
    kill_a_holder(&redis);
    let mock = Mock::with(|_, _| {
        std::thread::sleep(Duration::from_millis(800));
        Reply::token(7200)
    });
    let waiters: Vec<_> = (0..31)
        .map(|_| {
            spawn_fetch(&redis, &mock)
                .args(["--timeout", "1", "--retries", "0"])
                .spawn()
                .unwrap()
        })
        .collect();
    for waiter in waiters {
        let out = waiter.wait_with_output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(0), "{stderr}");
        assert_eq!(String::from_utf8_lossy(&out.stdout).trim(), TOKEN);
    }
    assert_eq!(mock.count(), 1, "one request for 31 waiters");
}
