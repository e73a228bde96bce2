//! `--store redis+cluster://`: one token for a fleet through a real three-master Redis Cluster,
//! in every layout, with the lock in the token's slot (wxtoken's keys) or key by key (an SDK's
//! own lock or expiry key), and `cache list/clear --store` over every master.

use crate::common::redis_cluster::RedisCluster;
use crate::common::*;
use redis::Commands;
use std::process::Stdio;
use std::time::{Duration, Instant};

fn fetch_cluster(mock: &Mock, cluster: &RedisCluster, args: &[&str]) -> assert_cmd::Command {
    let mut cmd = fetch(mock);
    cmd.args(["--store", &cluster.url()]).args(args);
    cmd
}

fn spawn_fetch(cluster: &RedisCluster, mock: &Mock, args: &[&str]) -> std::process::Child {
    std::process::Command::new(env!("CARGO_BIN_EXE_wxtoken"))
        .env_clear()
        .args(["fetch", "--store", &cluster.url()])
        .args(args)
        .env("WXTOKEN_APPID", APPID)
        .env("WXTOKEN_SECRET", SECRET)
        .env("WXTOKEN_API_BASE", mock.url())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap()
}

const LAYOUTS: [&str; 5] = [
    "wxtoken",
    "wxjava",
    "silenceper-go",
    "wechatpy",
    "powerwechat",
];

#[test]
fn a_cluster_keeps_one_token_for_the_fleet_in_every_layout() {
    let cluster = RedisCluster::start();
    let mut owners = std::collections::BTreeSet::new();
    for layout in LAYOUTS {
        let mock = Mock::start(vec![Reply::token(7200)]);
        let args = ["--store-layout", layout, "--json"];
        let first = run(&mut fetch_cluster(&mock, &cluster, &args));
        assert_eq!(first.code, 0, "{layout}: {first:?}");
        assert_eq!(first.json()["source"], "network", "{layout}");
        let again = run(&mut fetch_cluster(&mock, &cluster, &args));
        assert_eq!(again.code, 0, "{layout}: {again:?}");
        assert_eq!(again.json()["source"], "store", "{layout}");
        assert_eq!(again.json()["access_token"], TOKEN, "{layout}");
        // A reader without the secret (powerwechat's key needs it, though it is sent nowhere).
        let mut reader = wxtoken();
        reader
            .args(["fetch", "--no-fetch", "--store", &cluster.url()])
            .args(["--store-layout", layout])
            .env("WXTOKEN_APPID", APPID);
        if layout == "powerwechat" {
            reader.env("WXTOKEN_SECRET", SECRET);
        }
        let read = run(&mut reader);
        assert_eq!(read.code, 0, "{layout}: {read:?}");
        assert_eq!(read.stdout.trim(), TOKEN, "{layout}");
        assert_eq!(mock.count(), 1, "{layout}: one request");
        // Nothing is left locked, and the token key is where the cluster says.
        assert!(cluster.keys("*lock*").is_empty(), "{layout}");
        let token_keys: Vec<String> = cluster
            .keys("*access_token*")
            .into_iter()
            .chain(cluster.keys("wxtoken:token:*"))
            .filter(|k| !k.ends_with("_expires_at"))
            .collect();
        for key in &token_keys {
            owners.insert(cluster.owner_of(key));
        }
    }
    assert!(
        owners.len() > 1,
        "the layouts' keys live on more than one master (redirects were followed): {owners:?}"
    );
    let mut con = cluster.client();
    let at: String = con
        .get(format!("wechatpy:{APPID}_access_token_expires_at"))
        .unwrap();
    let at: u64 = at.parse().unwrap();
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs();
    assert!(
        at > now + 7000 && at <= now + 7200,
        "wechatpy's expiry: {at}"
    );
    for key in cluster.keys("*") {
        assert!(
            !key.contains(SECRET) && !key.contains(&SECRET[..10]),
            "{key}"
        );
    }
}

#[test]
fn concurrent_force_refreshes_rotate_once_in_a_cluster() {
    // The lock lives in the token's slot (wxtoken's keys) or is the SDK's own (WxJava): either
    // way 8 runs asked to rotate at once make one rotation.
    let cluster = RedisCluster::start();
    for layout in ["wxtoken", "wxjava", "silenceper-go"] {
        let requests = eight_force_refreshes(&cluster.url(), layout);
        assert_eq!(requests, 1, "{layout}: one rotation for 8 runs");
    }
}

#[test]
fn a_holder_whose_lock_ran_out_never_overwrites_a_newer_token_in_a_cluster() {
    // As with one server (store.rs), for a lock in the token's slot (wxtoken), WxJava's own lock
    // in another slot (checked before the write), and wechatpy's expiry key in another slot.
    let cluster = RedisCluster::start();
    let newer = format!("{}NEWER", &TOKEN[..TOKEN.len() - 5]);
    for layout in ["wxtoken", "wxjava", "wechatpy"] {
        let answer = format!(r#"{{"access_token":"{TOKEN}","expires_in":7200}}"#);
        let slow = Mock::start(vec![Reply::Trickle {
            body: answer.into_bytes(),
            delay: Duration::from_millis(15),
        }]);
        let fast = Mock::start(vec![Reply::json(&format!(
            r#"{{"access_token":"{newer}","expires_in":7200}}"#
        ))]);
        let holder = spawn_fetch(&cluster, &slow, &["--store-layout", layout]);
        let started = Instant::now();
        while slow.count() == 0 {
            assert!(started.elapsed() < Duration::from_secs(20), "{layout}");
            std::thread::sleep(Duration::from_millis(10));
        }
        let locks = cluster.keys("*lock*");
        assert_eq!(locks.len(), 1, "{layout}: {locks:?}");
        if layout != "wxjava" {
            assert!(locks[0].starts_with('{'), "in the token's slot: {locks:?}");
        }
        let _: () = cluster.client().del(&locks[0]).unwrap();
        let other = run(&mut fetch_cluster(
            &fast,
            &cluster,
            &["--store-layout", layout],
        ));
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
        let mut reader = wxtoken();
        reader
            .args(["fetch", "--no-fetch", "--store", &cluster.url()])
            .args(["--store-layout", layout])
            .env("WXTOKEN_APPID", APPID);
        let read = run(&mut reader);
        assert_eq!(
            read.stdout.trim(),
            newer,
            "{layout}: the store keeps the newer token"
        );
        assert_eq!((slow.count(), fast.count()), (1, 1), "{layout}");
    }
}

/// An appid of the test's, distinct per `n`.
fn appid(n: usize) -> String {
    format!("wx{n:016x}")
}

#[test]
fn cache_list_and_clear_span_every_master() {
    let cluster = RedisCluster::start();
    let mock = Mock::with(|_, _| Reply::token(7200));
    for n in 0..6 {
        let out = run(fetch_cluster(&mock, &cluster, &[]).env("WXTOKEN_APPID", appid(n)));
        assert_eq!(out.code, 0, "{out:?}");
    }
    let owners: std::collections::BTreeSet<usize> = cluster
        .keys("wxtoken:token:*")
        .iter()
        .map(|k| cluster.owner_of(k))
        .collect();
    assert!(owners.len() > 1, "keys on several masters: {owners:?}");
    let list = |args: &[&str]| {
        run(wxtoken()
            .args(["cache", "list", "--json", "--store", &cluster.url()])
            .args(args))
    };
    let listed = list(&["--timeout", "5"]);
    assert_eq!(listed.code, 0, "{listed:?}");
    let entries = listed.json()["entries"].as_array().unwrap().clone();
    assert_eq!(entries.len(), 6, "{entries:?}");
    assert!(!listed.stdout.contains(TOKEN), "a listing shows no token");
    let cleared = run(wxtoken()
        .args(["cache", "clear", "--json", "--store", &cluster.url()])
        .args(["--appid", &appid(3)]));
    assert_eq!(cleared.code, 0, "{cleared:?}");
    assert_eq!(cleared.json()["removed"], 1);
    let left: Vec<String> = list(&[]).json()["entries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["appid"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(left.len(), 5);
    assert!(!left.contains(&appid(3)), "{left:?}");
    let bad = run(wxtoken().args(["cache", "list", "--store", &cluster.url(), "--timeout", "0"]));
    assert_eq!(bad.code, 2, "{bad:?}");
    assert!(bad.stderr.contains("--timeout"), "{bad:?}");
}

#[test]
fn a_cluster_node_named_as_one_server_says_to_name_the_cluster() {
    // Through redis://, the nodes that do not hold the key's slot answer MOVED: exit 11 with
    // the cluster form to use, and nothing fetched.
    let cluster = RedisCluster::start();
    let mut moved = 0;
    for node in &cluster.nodes {
        let mock = Mock::start(vec![Reply::token(7200)]);
        let url = format!("redis://127.0.0.1:{}", node.port);
        let out = run(fetch(&mock).args(["--store", &url]));
        // A node may hold every key this run touches; most hold some of them.
        if out.code == 0 {
            continue;
        }
        assert_eq!(out.code, 11, "{out:?}");
        assert!(out.stderr.contains("node of a Redis Cluster"), "{out:?}");
        assert!(out.stderr.contains("--store redis+cluster://"), "{out:?}");
        assert_eq!(mock.count(), 0, "nothing fetched around the store");
        moved += 1;
    }
    assert!(moved >= 2, "at least two of three nodes redirect");
}

#[test]
fn cluster_urls_are_checked_before_anything_is_sent() {
    let mock = Mock::start(vec![Reply::token(7200)]);
    for (url, why) in [
        ("redis+cluster://127.0.0.1:7000/3", "only database 0"),
        ("redis+cluster://127.0.0.1", "host:port"),
        ("redis+cluster://127.0.0.1:7000,", "host:port"),
        ("redis+cluster://:pw-S3cr3t@127.0.0.1:7000?x=1", "query"),
        ("redis+cluster://:pw-S3cr3t@127.0.0.1:0", "host:port"),
    ] {
        let out = run_hiding(fetch(&mock).args(["--store", url]), "pw-S3cr3t");
        assert_eq!(out.code, 2, "{url}: {out:?}");
        assert!(out.stderr.contains(why), "{url}: {out:?}");
        assert!(!out.stderr.contains(SECRET));
    }
    // Braces in the prefix would move wxtoken's lock out of the token's slot.
    let out = run(fetch(&mock).args([
        "--store",
        "redis+cluster://127.0.0.1:7000",
        "--store-prefix",
        "app{1}",
    ]));
    assert_eq!(out.code, 2, "{out:?}");
    assert!(out.stderr.contains("braces"), "{out:?}");
    assert_eq!(mock.count(), 0);
}

#[test]
fn an_unreachable_cluster_is_exit_11_with_its_password_masked() {
    let mock = Mock::start(vec![Reply::token(7200)]);
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let url = format!("redis+cluster://user:pw-S3cr3t@127.0.0.1:{port}");
    let out = run_hiding(
        fetch(&mock).args(["--store", &url, "--timeout", "2"]),
        "pw-S3cr3t",
    );
    assert_eq!(out.code, 11, "{out:?}");
    assert!(out.stderr.contains("127.0.0.1"), "{out:?}");
    assert_eq!(mock.count(), 0);
}
