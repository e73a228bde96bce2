//! The store at its edges: WxJava's lock shared with WxJava, a force refresh written through, a
//! fleet's reports of a rejected token, WeChat Work apps of one corp, values checked against
//! their key, and readers of a local cache that never hold the secret.

use crate::common::redis_server::RedisServer;
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
