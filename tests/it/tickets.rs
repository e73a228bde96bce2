//! `wxtoken ticket` and `wxtoken sign` against a mock WeChat API and a real redis-server: each
//! ticket kind, one ticket fetch for many runs, readers without the secret, every layout's keys
//! and values as the SDKs read them, empty tickets never served, the documented signature, and
//! `sign --check` finding each kind of mismatch.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use redis::Commands;

use crate::common::redis_server::RedisServer;
use crate::common::*;

const CORPID: &str = "ww0123456789abcdef";
const CORPSECRET: &str = "Wc0rpS3cretWc0rpS3cretWc0rpS3cretWc0rpS3cr";

/// Counts of token and ticket fetches.
#[derive(Clone, Default)]
struct Counts {
    tokens: Arc<AtomicUsize>,
    tickets: Arc<AtomicUsize>,
}

impl Counts {
    fn tokens(&self) -> usize {
        self.tokens.load(Ordering::SeqCst)
    }
    fn tickets(&self) -> usize {
        self.tickets.load(Ordering::SeqCst)
    }
}

/// The ticket `n`-th fetched for `kind`.
fn ticket_of(kind: &str, n: usize) -> String {
    format!(
        "TICKET_{kind}_{n}_bxLdikRXVbTPdHSM05e5u5sUoXNKd8-41ZO3MhKoyN5OfkWITDGgnr2fwJ0m9E8NYzWKVZvdVtaUgWvsdshFKA"
    )
}

/// The mock: tokens numbered by fetch; a ticket answer after `delay`, for the kind the path
/// and `type` name, only with a token it issued.
fn ticket_mock(delay: Duration) -> (Mock, Counts) {
    let counts = Counts::default();
    let c = counts.clone();
    let mock = Mock::with(move |req, _| {
        let q = req.query();
        let param = |k: &str| q.iter().find(|(n, _)| n == k).map(|(_, v)| v.clone());
        match req.path() {
            "/cgi-bin/token" | "/cgi-bin/stable_token" | "/cgi-bin/gettoken" => {
                let n = c.tokens.fetch_add(1, Ordering::SeqCst) + 1;
                Reply::json(&format!(
                    r#"{{"access_token":"{TOKEN}{n}","expires_in":7200}}"#
                ))
            }
            path => {
                let kind = match (path, param("type").as_deref()) {
                    ("/cgi-bin/ticket/getticket", Some("jsapi")) => "jsapi",
                    ("/cgi-bin/ticket/getticket", Some("wx_card")) => "wx_card",
                    ("/cgi-bin/get_jsapi_ticket", None) => "corp",
                    ("/cgi-bin/ticket/get", Some("agent_config")) => "agent",
                    _ => return Reply::errcode(40066, "invalid url"),
                };
                let token = param("access_token").unwrap_or_default();
                if !token.starts_with(TOKEN) {
                    return Reply::errcode(40001, "invalid credential");
                }
                std::thread::sleep(delay);
                let n = c.tickets.fetch_add(1, Ordering::SeqCst) + 1;
                Reply::json(&format!(
                    r#"{{"errcode":0,"errmsg":"ok","ticket":"{}","expires_in":7200}}"#,
                    ticket_of(kind, n)
                ))
            }
        }
    });
    (mock, counts)
}

fn mp(mock: &Mock, args: &[&str]) -> assert_cmd::Command {
    with_credentials(mock, args)
}

fn wecom(mock: &Mock, args: &[&str]) -> assert_cmd::Command {
    let mut cmd = wxtoken();
    cmd.args(args)
        .args(["--platform", "wecom", "--agentid", "1000002"])
        .env("WXTOKEN_CORPID", CORPID)
        .env("WXTOKEN_CORPSECRET", CORPSECRET)
        .env("WXTOKEN_WECOM_API_BASE", mock.url());
    cmd
}

#[test]
fn each_kind_is_fetched_from_its_endpoint_with_the_token() {
    let (mock, counts) = ticket_mock(Duration::ZERO);
    for (args, kind) in [
        (vec!["ticket", "jsapi", "--stable"], "jsapi"),
        (vec!["ticket", "wx_card", "--stable"], "wx_card"),
    ] {
        let out = run(&mut mp(&mock, &args));
        assert_eq!(out.code, 0, "{args:?}: {out:?}");
        assert!(
            out.stdout.trim().starts_with(&format!("TICKET_{kind}_")),
            "{out:?}"
        );
    }
    for (args, kind) in [
        (vec!["ticket", "jsapi"], "corp"),
        (vec!["ticket", "agent_config"], "agent"),
    ] {
        let out = run_hiding(&mut wecom(&mock, &args), CORPSECRET);
        assert_eq!(out.code, 0, "{args:?}: {out:?}");
        assert!(
            out.stdout.trim().starts_with(&format!("TICKET_{kind}_")),
            "{out:?}"
        );
    }
    assert_eq!(counts.tickets(), 4);
    // --json: the ticket, what it is, and a life shorter than the 7200 s it claims.
    let out = run(&mut mp(&mock, &["ticket", "jsapi", "--stable", "--json"]));
    let doc = out.json();
    assert_eq!(doc["kind"], "jsapi_ticket");
    assert_eq!(doc["expires_in"], 7200 - 1800);
    assert_eq!(doc["source"], "network");
    // The wrong platform's kind is a usage error before any request.
    let before = mock.count();
    let out = run(&mut mp(&mock, &["ticket", "agent_config"]));
    assert_eq!(out.code, 2, "{out:?}");
    let out = run_hiding(&mut wecom(&mock, &["ticket", "wx_card"]), CORPSECRET);
    assert_eq!(out.code, 2, "{out:?}");
    assert_eq!(mock.count(), before);
}

#[test]
fn sixteen_runs_with_a_cache_make_one_ticket_fetch_and_readers_need_no_secret() {
    let (mock, counts) = ticket_mock(Duration::from_millis(800));
    let dir = tempdir();
    let (base, dir_s) = (mock.url(), dir.display().to_string());
    let envs = [
        ("WXTOKEN_APPID", APPID),
        ("WXTOKEN_SECRET", SECRET),
        ("WXTOKEN_API_BASE", &base),
    ];
    let args = [
        "ticket",
        "jsapi",
        "--stable",
        "--cache",
        "--cache-dir",
        &dir_s,
    ];
    let outs = at_once(16, &args, &envs);
    let first = String::from_utf8_lossy(&outs[0].stdout).to_string();
    for out in &outs {
        assert!(out.status.success(), "{out:?}");
        assert_eq!(
            String::from_utf8_lossy(&out.stdout),
            first,
            "one ticket for all"
        );
    }
    assert_eq!(counts.tickets(), 1, "one ticket fetch");
    assert_eq!(counts.tokens(), 1, "and one token fetch, kept beside it");
    // A reader: no secret, no request.
    let before = mock.count();
    let reader = |kind: &str| {
        run(wxtoken()
            .args([
                "ticket",
                kind,
                "--stable",
                "--cache",
                "--no-fetch",
                "--cache-dir",
                &dir_s,
            ])
            .env("WXTOKEN_APPID", APPID)
            .env("WXTOKEN_API_BASE", mock.url()))
    };
    let out = reader("jsapi");
    assert_eq!(out.code, 0, "{out:?}");
    assert_eq!(out.stdout, first);
    assert_eq!(mock.count(), before);
    // A reader of a ticket nobody keeps is told it is the ticket, and whose refresher to check.
    let out = reader("wx_card");
    assert_eq!(out.code, 11, "{out:?}");
    assert!(out.stderr.contains("no ticket is kept"), "{out:?}");
    assert!(
        out.stderr.contains("(wxtoken ticket with the secret"),
        "{out:?}"
    );
    assert_eq!(mock.count(), before);
    // The cache holds no secret and no token in any file name.
    for entry in std::fs::read_dir(&dir).unwrap() {
        let name = entry.unwrap().file_name().to_string_lossy().to_string();
        assert!(!name.contains(SECRET) && !name.contains(TOKEN), "{name}");
    }
}

/// The store's value at `key` and its TTL in seconds.
fn stored(redis: &RedisServer, key: &str) -> (Option<String>, i64) {
    let mut con = redis.client();
    let value: Option<String> = con.get(key).unwrap();
    let ttl: i64 = con.ttl(key).unwrap();
    (value, ttl)
}

#[test]
fn every_layout_keeps_tickets_where_its_sdk_reads_them() {
    let redis = RedisServer::start();
    let (mock, _) = ticket_mock(Duration::ZERO);
    let url = redis.url();
    // (wechatpy and PowerWeChat keep no stable tokens: their token is a classic one.)
    let fetch = |layout: &str, kind: &str| {
        let stable = if ["wechatpy", "powerwechat"].contains(&layout) {
            "--no-profile"
        } else {
            "--stable"
        };
        let out = run(&mut mp(
            &mock,
            &[
                "ticket",
                kind,
                stable,
                "--store",
                &url,
                "--store-layout",
                layout,
            ],
        ));
        assert_eq!(out.code, 0, "{layout} {kind}: {out:?}");
        out.stdout.trim().to_string()
    };
    // WxJava: plain, TTL expires_in - 200 as WxJava writes it (the margin is taken on reading
    // any ticket in an SDK's layout, whoever wrote it).
    let t = fetch("wxjava", "jsapi");
    let (v, ttl) = stored(&redis, &format!("wx:ticket:key:{APPID}:jsapi"));
    assert_eq!(v.as_deref(), Some(t.as_str()));
    assert!((6900..=7000).contains(&ttl), "{ttl}");
    // Read back, it has 1800 s less.
    let out = run(wxtoken()
        .args([
            "ticket",
            "jsapi",
            "--store",
            &url,
            "--store-layout",
            "wxjava",
            "--no-fetch",
            "--json",
        ])
        .env("WXTOKEN_APPID", APPID));
    let left = out.json()["expires_in"].as_u64().unwrap();
    assert!((5100..=5200).contains(&left), "{out:?}");
    let t = fetch("wxjava", "wx_card");
    assert_eq!(
        stored(&redis, &format!("wx:ticket:key:{APPID}:wx_card")).0,
        Some(t)
    );
    // wechatpy: a JSON string, and the expiry as epoch seconds in its own key.
    let t = fetch("wechatpy", "jsapi");
    let key = format!("wechatpy:{APPID}_jsapi_ticket");
    let (v, _) = stored(&redis, &key);
    assert_eq!(serde_json::from_str::<String>(&v.unwrap()).unwrap(), t);
    let at: u64 = stored(&redis, &format!("{key}_expires_at"))
        .0
        .unwrap()
        .parse()
        .unwrap();
    assert!(at > wxtoken_now() + 4000, "{at}");
    let t = fetch("wechatpy", "wx_card");
    let v = stored(&redis, &format!("wechatpy:{APPID}_jsapi_card_ticket"))
        .0
        .unwrap();
    assert_eq!(serde_json::from_str::<String>(&v).unwrap(), t);
    // silenceper-go: plain, its 1500 s margin.
    let t = fetch("silenceper-go", "jsapi");
    let (v, ttl) = stored(
        &redis,
        &format!("gowechat_officialaccount__jsapi_ticket_{APPID}"),
    );
    assert_eq!(v, Some(t));
    assert!((5600..=5700).contains(&ttl), "{ttl}");
    // PowerWeChat: WeChat's whole answer.
    let t = fetch("powerwechat", "jsapi");
    let v = stored(
        &redis,
        &format!("powerwechat.basic_service.jssdk.ticket.jsapi.{APPID}"),
    )
    .0;
    let doc: serde_json::Value = serde_json::from_str(&v.unwrap()).unwrap();
    assert_eq!(doc["ticket"], t.as_str());
    // Where an SDK keeps no such ticket: refused, nothing sent.
    let before = mock.count();
    for (layout, kind) in [("silenceper-go", "wx_card"), ("powerwechat", "wx_card")] {
        let out = run(&mut mp(
            &mock,
            &[
                "ticket",
                kind,
                "--stable",
                "--store",
                &url,
                "--store-layout",
                layout,
            ],
        ));
        assert_eq!(out.code, 2, "{layout} {kind}: {out:?}");
        assert!(
            says(&out.stderr, "has no key for the wx_card_ticket"),
            "{out:?}"
        );
    }
    assert_eq!(mock.count(), before);
    // WeChat Work: WxJava's corp and app keys, silenceper's agent key, wechatpy's per corp.
    let w = |layout: &str, kind: &str| {
        let out = run_hiding(
            &mut wecom(
                &mock,
                &["ticket", kind, "--store", &url, "--store-layout", layout],
            ),
            CORPSECRET,
        );
        assert_eq!(out.code, 0, "{layout} {kind}: {out:?}");
        out.stdout.trim().to_string()
    };
    let t = w("wxjava", "jsapi");
    let key = format!("wx:cp:wechat_cp_jsapi_ticket_key:{CORPID}:1000002");
    assert_eq!(stored(&redis, &key).0, Some(t));
    let t = w("wxjava", "agent_config");
    let key = format!("wx:cp:wechat_cp_agent_jsapi_ticket_key:{CORPID}:1000002");
    assert_eq!(stored(&redis, &key).0, Some(t));
    let t = w("silenceper-go", "agent_config");
    let key = format!("gowechat_work__agent_jsapi_ticket_{CORPID}_1000002");
    assert_eq!(stored(&redis, &key).0, Some(t));
    let t = w("wechatpy", "agent_config");
    let v = stored(&redis, &format!("wechatpy:{CORPID}_agent_jsapi_ticket"))
        .0
        .unwrap();
    assert_eq!(serde_json::from_str::<String>(&v).unwrap(), t);
    // Nothing secret in any key or value.
    let mut con = redis.client();
    let keys: Vec<String> = con.keys("*").unwrap();
    for key in &keys {
        assert!(!key.contains(SECRET) && !key.contains(CORPSECRET), "{key}");
        let v: Option<String> = con.get(key).unwrap_or(None);
        let v = v.unwrap_or_default();
        assert!(!v.contains(SECRET) && !v.contains(CORPSECRET), "{key}: {v}");
    }
}

fn wxtoken_now() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs()
}

#[test]
fn an_empty_or_malformed_ticket_is_never_served_nor_kept() {
    let redis = RedisServer::start();
    let url = redis.url();
    // An empty ticket planted where WxJava keeps it: a reader does not serve it.
    let mut con = redis.client();
    let key = format!("wx:ticket:key:{APPID}:jsapi");
    let _: () = con.set_ex(&key, "", 3000).unwrap();
    let out = run(wxtoken()
        .args([
            "ticket",
            "jsapi",
            "--store",
            &url,
            "--store-layout",
            "wxjava",
            "--no-fetch",
        ])
        .env("WXTOKEN_APPID", APPID));
    assert_eq!(out.code, 11, "{out:?}");
    assert!(out.stdout.is_empty(), "{out:?}");
    // A refresher replaces it.
    let (mock, counts) = ticket_mock(Duration::ZERO);
    let out = run(&mut mp(
        &mock,
        &[
            "ticket",
            "jsapi",
            "--stable",
            "--store",
            &url,
            "--store-layout",
            "wxjava",
        ],
    ));
    assert_eq!(out.code, 0, "{out:?}");
    assert_eq!(counts.tickets(), 1);
    // WeChat answering an empty ticket: exit 4, nothing kept.
    let empty = Mock::with(|req, _| {
        if req.path().ends_with("token") {
            Reply::token(7200)
        } else {
            Reply::json(r#"{"errcode":0,"errmsg":"ok","ticket":"","expires_in":7200}"#)
        }
    });
    let dir = tempdir();
    let out = run(mp(
        &empty,
        &["ticket", "jsapi", "--stable", "--cache", "--cache-dir"],
    )
    .arg(&dir));
    assert_eq!(out.code, 4, "{out:?}");
    assert!(out.stdout.is_empty());
    let reader = run(wxtoken()
        .args([
            "ticket",
            "jsapi",
            "--stable",
            "--cache",
            "--no-fetch",
            "--cache-dir",
        ])
        .arg(&dir)
        .env("WXTOKEN_APPID", APPID));
    assert_eq!(reader.code, 11, "{reader:?}");
}

#[test]
fn a_rejected_kept_token_is_refreshed_once_for_the_ticket() {
    // The first token is rejected by the ticket endpoint; the next one works.
    let tokens = Arc::new(AtomicUsize::new(0));
    let t = tokens.clone();
    let mock = Mock::with(move |req, _| {
        let q = req.query();
        if req.path().ends_with("token") {
            let n = t.fetch_add(1, Ordering::SeqCst) + 1;
            return Reply::json(&format!(
                r#"{{"access_token":"{TOKEN}{n}","expires_in":7200}}"#
            ));
        }
        let token = q
            .iter()
            .find(|(k, _)| k == "access_token")
            .map(|(_, v)| v.clone());
        if token.as_deref() == Some(&format!("{TOKEN}1")) {
            Reply::errcode(
                40001,
                "invalid credential, access_token is invalid or not latest",
            )
        } else {
            Reply::json(&format!(
                r#"{{"errcode":0,"ticket":"{}","expires_in":7200}}"#,
                ticket_of("jsapi", 1)
            ))
        }
    });
    let dir = tempdir();
    let out = run(mp(&mock, &["ticket", "jsapi", "--cache", "--cache-dir"]).arg(&dir));
    assert_eq!(out.code, 0, "{out:?}");
    assert_eq!(tokens.load(Ordering::SeqCst), 2, "one refresh");
    // A given token is never refreshed.
    let out = run(mp(&mock, &["ticket", "jsapi"]).env("WXTOKEN_ACCESS_TOKEN", format!("{TOKEN}1")));
    assert_eq!(out.code, 6, "{out:?}");
    assert_eq!(tokens.load(Ordering::SeqCst), 2);
    // A given token with a keeper is a usage error (the ticket would be kept as another's).
    let out = run(mp(&mock, &["ticket", "jsapi", "--cache", "--token-stdin"]).write_stdin(TOKEN));
    assert_eq!(out.code, 2, "{out:?}");
}

const DOC_TICKET: &str =
    "sM4AOVdWfPE4DxkXGEs8VMCPGGVi4C3VM0P37wVUCFvkVAy_90u5h9nbSlYy3-Sl-HhTdfl2fzFy1AOcHKP7qg";

#[test]
fn sign_reproduces_the_documented_example_and_check_finds_each_mismatch() {
    let sign = |extra: &[&str]| {
        let mut cmd = wxtoken();
        cmd.args(["sign", "--ticket", DOC_TICKET, "--appid", APPID])
            .args(extra);
        run(&mut cmd)
    };
    let out = sign(&[
        "--nonce",
        "Wm3WZYTPz0wzccnW",
        "--timestamp",
        "1414587457",
        "--url",
        "http://mp.weixin.qq.com?params=value#section",
    ]);
    assert_eq!(out.code, 0, "{out:?}");
    let doc = out.json();
    assert_eq!(doc["signature"], "0f9de62fce790f9a083d5c99e95740ceb90c27ed");
    assert_eq!(doc["appId"], APPID);
    assert_eq!(doc["timestamp"], 1414587457);
    assert_eq!(doc["nonceStr"], "Wm3WZYTPz0wzccnW");
    assert!(
        !out.stdout.contains(DOC_TICKET),
        "the ticket is not printed"
    );
    // Generated nonce and timestamp: a fresh nonce each run.
    let a = sign(&["--url", "https://example.com/"]).json();
    let b = sign(&["--url", "https://example.com/"]).json();
    assert_ne!(a["nonceStr"], b["nonceStr"]);
    let check = |signature: &str, ts: &str, url: &str| {
        sign(&[
            "--check",
            signature,
            "--nonce",
            "Wm3WZYTPz0wzccnW",
            "--timestamp",
            ts,
            "--url",
            url,
        ])
    };
    let right = "0f9de62fce790f9a083d5c99e95740ceb90c27ed";
    let url = "http://mp.weixin.qq.com?params=value";
    let out = check(right, "1414587457", url);
    assert_eq!(out.code, 0, "{out:?}");
    for (ts, page_url, needle) in [
        ("1414587457000", url, "seconds and milliseconds"),
        (
            "1414587457",
            "http://mp.weixin.qq.com/?params=value",
            "trailing slash",
        ),
    ] {
        let out = check(right, ts, page_url);
        assert_eq!(out.code, 16, "{needle}: {out:?}");
        assert!(says(&out.stdout, needle), "{needle}: {out:?}");
    }
    let out = check(&right.to_uppercase(), "1414587457", url);
    assert_eq!(out.code, 16);
    assert!(says(&out.stdout, "uppercase"), "{out:?}");
    let out = check(&"0".repeat(40), "1414587457", url);
    assert_eq!(out.code, 16);
    assert!(says(&out.stdout, "another ticket"), "{out:?}");
    // --json: one document.
    let out = sign(&[
        "--check",
        right,
        "--nonce",
        "N",
        "--timestamp",
        "1",
        "--url",
        url,
        "--json",
    ]);
    assert_eq!(out.code, 16, "{out:?}");
    assert_eq!(out.json()["valid"], false);
    // Bad input before any request.
    for bad in [
        vec!["--url", "example.com/page"],
        vec!["--url", "https://e.com", "--timestamp", "12ab"],
        vec!["--url", "https://e.com", "--nonce", "a&b"],
    ] {
        assert_eq!(sign(&bad).code, 2, "{bad:?}");
    }
}

#[test]
fn check_compares_the_pages_ticket_with_the_kept_one() {
    let (mock, _) = ticket_mock(Duration::ZERO);
    let dir = tempdir();
    let dir_s = dir.display().to_string();
    let kept = run(&mut mp(
        &mock,
        &[
            "ticket",
            "jsapi",
            "--stable",
            "--cache",
            "--cache-dir",
            &dir_s,
        ],
    ));
    let kept = kept.stdout.trim().to_string();
    // What the page should have signed with the kept ticket…
    let good = run(&mut mp(
        &mock,
        &[
            "sign",
            "--stable",
            "--cache",
            "--cache-dir",
            &dir_s,
            "--nonce",
            "n1",
            "--timestamp",
            "100",
            "--url",
            "https://example.com/a",
        ],
    ));
    let signature = good.json()["signature"].as_str().unwrap().to_string();
    let check = |page_ticket: &str, signature: &str| {
        run(&mut mp(
            &mock,
            &[
                "sign",
                "--stable",
                "--cache",
                "--cache-dir",
                &dir_s,
                "--ticket",
                page_ticket,
                "--check",
                signature,
                "--nonce",
                "n1",
                "--timestamp",
                "100",
                "--url",
                "https://example.com/a#x",
            ],
        ))
    };
    // A page that signed with a stale ticket: right for that ticket, but not the kept one.
    let stale = run(wxtoken().args([
        "sign",
        "--ticket",
        "STALE_TICKET_0123",
        "--nonce",
        "n1",
        "--timestamp",
        "100",
        "--url",
        "https://example.com/a",
    ]));
    let stale_signature = stale.json()["signature"].as_str().unwrap().to_string();
    let before = mock.count();
    let out = check("STALE_TICKET_0123", &stale_signature);
    assert_eq!(out.code, 16, "{out:?}");
    assert!(says(&out.stdout, "not the ticket kept now"), "{out:?}");
    // Named a stale ticket, but the page signed with the kept one: right.
    let out = check("STALE_TICKET_0123", &signature);
    assert_eq!(out.code, 0, "{out:?}");
    assert_eq!(
        mock.count(),
        before,
        "the kept ticket is only read: nothing is fetched"
    );
    // Without --cache or --store there is nothing kept to compare with, and nothing is fetched.
    let out = run(&mut mp(
        &mock,
        &[
            "sign",
            "--ticket",
            "STALE_TICKET_0123",
            "--check",
            &stale_signature,
            "--nonce",
            "n1",
            "--timestamp",
            "100",
            "--url",
            "https://example.com/a",
        ],
    ));
    assert_eq!(out.code, 0, "{out:?}");
    assert!(says(&out.stderr, "no kept ticket to compare"), "{out:?}");
    assert_eq!(mock.count(), before);
    assert!(!out.stdout.contains(&kept) && !out.stderr.contains(&kept));
}

#[test]
fn cache_list_and_clear_see_the_tickets_in_a_store() {
    let redis = RedisServer::start();
    let (mock, _) = ticket_mock(Duration::ZERO);
    let url = redis.url();
    let out = run(&mut mp(
        &mock,
        &[
            "ticket",
            "jsapi",
            "--stable",
            "--store",
            &url,
            "--store-layout",
            "wxjava",
        ],
    ));
    assert_eq!(out.code, 0, "{out:?}");
    let list = |layout: &str| {
        run(wxtoken().args([
            "cache",
            "list",
            "--store",
            &url,
            "--store-layout",
            layout,
            "--json",
        ]))
    };
    let out = list("wxjava");
    assert_eq!(out.code, 0, "{out:?}");
    let keys = out.stdout.clone();
    let ticket_key = format!("wx:ticket:key:{APPID}:jsapi");
    assert!(keys.contains(&ticket_key), "{out:?}");
    assert!(
        keys.contains(&format!("wx:access_token:{APPID}")),
        "{out:?}"
    );
    // Cleared with the app's tokens; another app's keys stay.
    let mut con = redis.client();
    let other = "wx:ticket:key:wx00000000000000ff:jsapi";
    let _: () = con.set_ex(other, "OTHER_APPS_TICKET", 3000).unwrap();
    let out = run(wxtoken().args([
        "cache",
        "clear",
        "--store",
        &url,
        "--store-layout",
        "wxjava",
        "--appid",
        APPID,
    ]));
    assert_eq!(out.code, 0, "{out:?}");
    assert_eq!(stored(&redis, &ticket_key).0, None);
    assert_eq!(
        stored(&redis, other).0.as_deref(),
        Some("OTHER_APPS_TICKET")
    );
}
