//! `--stable`, `--force-refresh`, `--cache` and `wxtoken cache`, against the mock server.

use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::process::Stdio;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use crate::common::*;

/// A mock of stable_token's semantics: the same token while it is valid, with its remaining
/// lifetime; force_refresh issues a new one.
fn stable_mock() -> Mock {
    let state = Mutex::new((1u32, Instant::now()));
    Mock::with(move |req, _| {
        if req.method != "POST" {
            return Reply::errcode(43002, "require POST method");
        }
        let body = req.body_json();
        let mut st = state.lock().unwrap();
        if body["force_refresh"] == true {
            *st = (st.0 + 1, Instant::now());
        }
        let left = 7200 - st.1.elapsed().as_secs();
        Reply::json(&format!(
            r#"{{"access_token":"{TOKEN}-gen{}","expires_in":{left}}}"#,
            st.0
        ))
    })
}

fn stable_token(generation: u32) -> String {
    format!("{TOKEN}-gen{generation}")
}

/// Every file in `dir` (recursively): none may hold the secret, in its name or its content.
fn assert_no_secret_in(dir: &Path) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        assert!(
            !path.to_string_lossy().contains(SECRET),
            "secret in a file name: {path:?}"
        );
        if path.is_dir() {
            assert_no_secret_in(&path);
        } else {
            let text = String::from_utf8_lossy(&std::fs::read(&path).unwrap()).to_string();
            assert!(!text.contains(SECRET), "secret in {path:?}");
        }
    }
}

/// The one entry file in a cache directory.
fn entry_file(dir: &Path) -> std::path::PathBuf {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|x| x == "json"))
        .expect("a cache entry")
}

fn cached(mock: &Mock, dir: &Path) -> assert_cmd::Command {
    let mut cmd = fetch(mock);
    cmd.arg("--cache").arg("--cache-dir").arg(dir);
    cmd
}

#[test]
fn stable_is_a_post_with_the_exact_json_body_and_no_secret_in_the_url() {
    let mock = stable_mock();
    let out = run(fetch(&mock).args(["--stable", "--json"]));
    assert_eq!(out.code, 0, "{out:?}");
    let doc = out.json();
    assert_eq!(doc["endpoint"], "stable_token");
    assert_eq!(doc["source"], "network");
    assert_eq!(doc["access_token"], stable_token(1));
    let req = mock.last();
    assert_eq!(req.method, "POST");
    assert_eq!(req.target, "/cgi-bin/stable_token");
    assert!(!req.target.contains(SECRET));
    assert_eq!(req.header("content-type"), Some("application/json"));
    assert_eq!(
        req.body_json(),
        serde_json::json!({"grant_type": "client_credential", "appid": APPID, "secret": SECRET, "force_refresh": false})
    );
}

#[test]
fn normal_mode_stable_calls_return_the_same_token_and_force_refresh_rotates_it() {
    let mock = stable_mock();
    let a = run(fetch(&mock).arg("--stable"));
    let b = run(fetch(&mock).arg("--stable"));
    assert_eq!(a.code, 0);
    assert_eq!(a.stdout, format!("{}\n", stable_token(1)));
    assert_eq!(a.stdout, b.stdout);
    let c = run(fetch(&mock).args(["--stable", "--force-refresh"]));
    assert_eq!(c.code, 0, "{c:?}");
    assert_eq!(c.stdout, format!("{}\n", stable_token(2)));
    assert_eq!(mock.last().body_json()["force_refresh"], true);
    assert_eq!(mock.count(), 3);
}

#[test]
fn force_refresh_without_stable_is_a_usage_error() {
    let mock = stable_mock();
    let out = run(fetch(&mock).args(["--force-refresh", "--json"]));
    assert_eq!(out.code, 2, "{out:?}");
    assert!(
        out.stderr
            .contains("--force-refresh works only with --stable"),
        "{out:?}"
    );
    assert_eq!(out.json()["error"]["kind"], "usage");
    assert_eq!(mock.count(), 0);
}

#[test]
fn stable_errcodes_map_like_the_classic_ones() {
    for (code, exit) in [(40164, 7), (40125, 6), (43002, 13), (45011, 8), (89503, 7)] {
        let mock = Mock::start(vec![Reply::errcode(
            code,
            "stable says no rid: 11111111-22222222-33333333",
        )]);
        let out = run(fetch(&mock).args(["--stable", "--json", "--retries", "0"]));
        assert_eq!(out.code, exit, "{code}: {out:?}");
        assert_eq!(out.json()["error"]["errcode"], code);
        assert_eq!(out.json()["error"]["rid"], "11111111-22222222-33333333");
    }
}

#[test]
fn cache_hit_makes_no_request() {
    let dir = tempdir().join("cache");
    let mock = Mock::start(vec![Reply::token(7200)]);
    let first = run(cached(&mock, &dir).arg("--json"));
    assert_eq!(first.code, 0, "{first:?}");
    assert_eq!(first.json()["source"], "network");
    let second = run(cached(&mock, &dir).arg("--json"));
    assert_eq!(second.code, 0, "{second:?}");
    let doc = second.json();
    assert_eq!(doc["source"], "cache");
    assert_eq!(doc["access_token"], TOKEN);
    assert!(doc["expires_in"].as_u64().unwrap() <= 7200);
    assert!(doc["expires_in"].as_u64().unwrap() >= 7190);
    assert_eq!(doc["expires_at"], first.json()["expires_at"]);
    let plain = run(&mut cached(&mock, &dir));
    assert_eq!(plain.stdout, format!("{TOKEN}\n"));
    assert_eq!(mock.count(), 1);
    assert_no_secret_in(&dir);
}

#[test]
fn cache_from_the_environment() {
    let dir = tempdir();
    let mock = Mock::start(vec![Reply::token(7200)]);
    for _ in 0..2 {
        let out = run(fetch(&mock)
            .env("WXTOKEN_CACHE", "1")
            .env("WXTOKEN_CACHE_DIR", &dir));
        assert_eq!(out.code, 0, "{out:?}");
    }
    assert_eq!(mock.count(), 1);
    // XDG_CACHE_HOME, then HOME.
    let xdg = tempdir();
    let out = run(fetch(&mock).arg("--cache").env("XDG_CACHE_HOME", &xdg));
    assert_eq!(out.code, 0, "{out:?}");
    assert_eq!(
        std::fs::read_dir(xdg.join("wxtoken")).unwrap().count(),
        3,
        "entry, lock and CACHEDIR.TAG"
    );
    let home = tempdir();
    let out = run(fetch(&mock).arg("--cache").env("HOME", &home));
    assert_eq!(out.code, 0, "{out:?}");
    assert!(home.join(".cache/wxtoken").is_dir());
}

#[test]
fn min_ttl_decides_reuse() {
    let dir = tempdir();
    let mock = Mock::start(vec![Reply::token(600)]);
    assert_eq!(run(&mut cached(&mock, &dir)).code, 0);
    // 600 s left: fine for the default 300, not for 900.
    assert_eq!(run(&mut cached(&mock, &dir)).code, 0);
    assert_eq!(mock.count(), 1);
    let out = run(cached(&mock, &dir).args(["--min-ttl", "900", "--json"]));
    assert_eq!(out.json()["source"], "network");
    assert_eq!(mock.count(), 2);
    let out = run(cached(&mock, &dir).env("WXTOKEN_MIN_TTL", "900"));
    assert_eq!(out.code, 0);
    assert_eq!(mock.count(), 3);
}

#[test]
fn an_expired_entry_is_never_served() {
    let dir = tempdir();
    let mock = Mock::start(vec![Reply::token(1)]);
    assert_eq!(run(&mut cached(&mock, &dir)).code, 0);
    std::thread::sleep(Duration::from_millis(2100));
    let out = run(cached(&mock, &dir).args(["--min-ttl", "0", "--json"]));
    assert_eq!(out.json()["source"], "network", "{out:?}");
    assert_eq!(mock.count(), 2);
}

#[test]
fn a_changed_secret_or_api_base_is_a_miss() {
    let dir = tempdir();
    let mock = Mock::start(vec![Reply::token(7200)]);
    assert_eq!(run(&mut cached(&mock, &dir)).code, 0);
    let other = "ffffffffffffffffffffffffffffff01";
    let out = run_hiding(
        cached(&mock, &dir)
            .env("WXTOKEN_SECRET", other)
            .arg("--json"),
        other,
    );
    assert_eq!(out.json()["source"], "network");
    assert_eq!(mock.count(), 2);
    let out =
        run(cached(&mock, &dir).args(["--api-base", &format!("{}/prefix", mock.url()), "--json"]));
    assert_eq!(out.json()["source"], "network");
    assert_eq!(mock.count(), 3);
    // Classic and stable are separate entries too.
    let out = run(cached(&mock, &dir).args(["--stable", "--json"]));
    assert_eq!(out.json()["endpoint"], "stable_token");
    assert_eq!(out.json()["source"], "network");
    assert_eq!(mock.count(), 4);
}

#[test]
fn directory_0700_and_files_0600() {
    let dir = tempdir().join("deep").join("cache");
    let mock = Mock::start(vec![Reply::token(7200)]);
    assert_eq!(run(&mut cached(&mock, &dir)).code, 0);
    let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&dir), 0o700);
    assert_eq!(mode(dir.parent().unwrap()), 0o700);
    let files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(files.len(), 3, "{files:?}");
    for f in files {
        let want = if f.ends_with("CACHEDIR.TAG") {
            0o644
        } else {
            0o600
        };
        assert_eq!(mode(&f), want, "{f:?}");
    }
    let tag = std::fs::read_to_string(dir.join("CACHEDIR.TAG")).unwrap();
    assert!(tag.starts_with("Signature: 8a477f597d28d172789f06886806bc55"));
}

#[test]
fn a_corrupt_entry_is_a_warning_and_a_miss() {
    let dir = tempdir();
    let mock = Mock::start(vec![Reply::token(7200)]);
    assert_eq!(run(&mut cached(&mock, &dir)).code, 0);
    let entry = entry_file(&dir);
    let good = std::fs::read_to_string(&entry).unwrap();
    for bad in ["", "{not json", &good[..good.len() / 2], "{\"format\":1}"] {
        std::fs::write(&entry, bad).unwrap();
        let before = mock.count();
        let out = run(&mut cached(&mock, &dir));
        assert_eq!(out.code, 0, "{out:?}");
        assert_eq!(out.stdout, format!("{TOKEN}\n"));
        assert!(out.stderr.contains("corrupt"), "{out:?}");
        assert_eq!(
            out.stderr.matches("warning").count(),
            1,
            "one warning: {out:?}"
        );
        assert_eq!(mock.count(), before + 1);
        // And it was replaced by a good one.
        let out = run(cached(&mock, &dir).arg("--json"));
        assert_eq!(out.json()["source"], "cache");
    }
}

#[test]
fn an_unusable_cache_stops_a_classic_fetch_and_warns_a_stable_one() {
    let base = tempdir();
    let file = base.join("a-file");
    std::fs::write(&file, "x").unwrap();
    let mock = Mock::start(vec![Reply::token(7200)]);
    // Classic: fetching without the cache would break the token other runs hold: exit 11.
    for quiet in [false, true] {
        let mut cmd = cached(&mock, &file.join("cache"));
        if quiet {
            cmd.arg("-q");
        }
        let out = run(&mut cmd);
        assert_eq!(out.code, 11, "{out:?}");
        assert_eq!(out.stdout, "");
        assert!(
            out.stderr.contains("cannot create the cache directory")
                && out.stderr.contains("nothing was fetched"),
            "{out:?}"
        );
    }
    // No cache location at all (no HOME): the same.
    let out = run(fetch(&mock).arg("--cache"));
    assert_eq!(out.code, 11, "{out:?}");
    assert!(out.stderr.contains("no cache directory"), "{out:?}");
    let out = run(fetch(&mock).args(["--cache", "--json"]));
    assert_eq!(out.json()["error"]["kind"], "store");
    assert_eq!(out.json()["exit_code"], 11);
    assert_eq!(mock.count(), 0, "nothing fetched");
    // Stable (normal mode rotates nothing): a warning, and the token.
    let out = run(cached(&mock, &file.join("cache")).arg("--stable"));
    assert_eq!(out.code, 0, "{out:?}");
    assert_eq!(out.stdout, format!("{TOKEN}\n"));
    assert!(
        out.stderr
            .contains("warning: cannot create the cache directory"),
        "{out:?}"
    );
    let out = run(cached(&mock, &file.join("cache")).args(["--stable", "-q"]));
    assert_eq!((out.code, out.stderr.as_str()), (0, ""), "{out:?}");
    assert_eq!(mock.count(), 2);
}

#[test]
fn a_failed_fetch_stores_nothing() {
    let dir = tempdir();
    let mock = Mock::start(vec![Reply::errcode(40125, "invalid appsecret")]);
    let out = run(&mut cached(&mock, &dir));
    assert_eq!(out.code, 6, "{out:?}");
    let names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
        .collect();
    assert!(
        names
            .iter()
            .all(|n| n.ends_with(".lock") || n.ends_with(".failed") || n == "CACHEDIR.TAG"),
        "no entry: {names:?}"
    );
}

#[test]
fn force_refresh_skips_a_warm_cache_and_replaces_the_entry() {
    let dir = tempdir();
    let mock = stable_mock();
    let out = run(cached(&mock, &dir).arg("--stable"));
    assert_eq!(out.stdout, format!("{}\n", stable_token(1)));
    let out = run(cached(&mock, &dir).args(["--stable", "--force-refresh", "--json"]));
    assert_eq!(out.json()["source"], "network");
    assert_eq!(out.json()["access_token"], stable_token(2));
    let out = run(cached(&mock, &dir).args(["--stable", "--json"]));
    assert_eq!(out.json()["source"], "cache");
    assert_eq!(out.json()["access_token"], stable_token(2));
    assert_eq!(mock.count(), 2);
}

fn sixteen_at_once(stable: bool) {
    let dir = tempdir();
    let mock = Mock::with(move |req, n| {
        // Slow enough that all 16 are waiting while the first one fetches.
        std::thread::sleep(Duration::from_millis(400));
        assert_eq!(req.method == "POST", stable);
        Reply::json(&format!(
            r#"{{"access_token":"{TOKEN}-{n}","expires_in":7200}}"#
        ))
    });
    let children: Vec<_> = (0..16)
        .map(|_| {
            let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_wxtoken"));
            cmd.env_clear()
                .args(["fetch", "--cache", "--cache-dir"])
                .arg(&dir)
                .env("WXTOKEN_APPID", APPID)
                .env("WXTOKEN_SECRET", SECRET)
                .env("WXTOKEN_API_BASE", mock.url())
                .stdout(Stdio::piped())
                .stderr(Stdio::piped());
            if stable {
                cmd.arg("--stable");
            }
            cmd.spawn().unwrap()
        })
        .collect();
    let outs: Vec<Outcome> = children
        .into_iter()
        .map(|c| {
            let o = c.wait_with_output().unwrap();
            Outcome {
                code: o.status.code().unwrap_or(-1),
                stdout: String::from_utf8_lossy(&o.stdout).to_string(),
                stderr: String::from_utf8_lossy(&o.stderr).to_string(),
            }
        })
        .collect();
    for o in &outs {
        assert_no_leak(o, SECRET);
        assert_eq!(o.code, 0, "{o:?}");
        assert_eq!(o.stderr, "", "{o:?}");
    }
    assert_eq!(
        mock.count(),
        1,
        "16 invocations on a cold cache make exactly one request"
    );
    assert!(
        outs.iter().all(|o| o.stdout == format!("{TOKEN}-0\n")),
        "{outs:?}"
    );
    assert_no_secret_in(&dir);
}

#[test]
fn sixteen_processes_on_a_cold_cache_make_one_classic_request() {
    sixteen_at_once(false);
}

#[test]
fn sixteen_processes_on_a_cold_cache_make_one_stable_request() {
    sixteen_at_once(true);
}

#[test]
fn cache_list_and_clear() {
    let dir = tempdir();
    let mock = Mock::start(vec![Reply::token(7200)]);
    let other_appid = "wxfedcba9876543210";
    assert_eq!(run(&mut cached(&mock, &dir)).code, 0);
    assert_eq!(run(cached(&mock, &dir).arg("--stable")).code, 0);
    assert_eq!(
        run(cached(&mock, &dir).env("WXTOKEN_APPID", other_appid)).code,
        0
    );

    let out = run(wxtoken().args(["cache", "list", "--cache-dir"]).arg(&dir));
    assert_eq!(out.code, 0, "{out:?}");
    assert!(
        !out.stdout.contains(TOKEN),
        "cache list must never show a token: {out:?}"
    );
    assert_eq!(out.stdout.lines().count(), 4, "{out:?}");
    assert!(out.stdout.contains(APPID) && out.stdout.contains(other_appid));
    assert!(out.stdout.contains("stable_token"));
    assert!(
        out.stdout.contains("1h 59m") || out.stdout.contains("2h 00m"),
        "{out:?}"
    );

    let out = run(wxtoken()
        .args(["cache", "list", "--json"])
        .env("WXTOKEN_CACHE_DIR", &dir));
    assert!(!out.stdout.contains(TOKEN));
    let entries = out.json()["entries"].as_array().unwrap().clone();
    assert_eq!(entries.len(), 3);
    for e in &entries {
        assert!(e["expires_in"].as_u64().unwrap() > 7000);
        assert_eq!(e["expired"], false);
        assert!(e["expires_at"].as_str().unwrap().ends_with('Z'));
        assert_eq!(e["api_base"], mock.url());
    }

    let out = run(wxtoken()
        .args(["cache", "clear", "--appid", other_appid, "--cache-dir"])
        .arg(&dir));
    assert_eq!(out.code, 0, "{out:?}");
    assert!(out.stderr.contains("removed 1 cached token"), "{out:?}");
    let out = run(wxtoken()
        .args(["cache", "list", "--json", "--cache-dir"])
        .arg(&dir));
    assert_eq!(out.json()["entries"].as_array().unwrap().len(), 2);

    let out = run(wxtoken()
        .args(["cache", "clear", "--json", "--cache-dir"])
        .arg(&dir));
    assert_eq!(out.json()["removed"], 2);
    let left: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(left, ["CACHEDIR.TAG"], "locks go too; the tag stays");
    let out = run(wxtoken().args(["cache", "list", "--cache-dir"]).arg(&dir));
    assert_eq!(out.stdout, "");
    assert!(out.stderr.contains("no cached tokens"));

    // The next fetch misses.
    let out = run(cached(&mock, &dir).arg("--json"));
    assert_eq!(out.json()["source"], "network");

    // Without any location: a usage error.
    let out = run(wxtoken().args(["cache", "list"]));
    assert_eq!(out.code, 2, "{out:?}");
}

#[test]
fn a_swapped_appid_is_a_secret_and_is_never_cached_or_shown() {
    let dir = tempdir().join("not-created");
    let mock = Mock::start(vec![Reply::token(7200)]);
    // The real secret given as the appid: it must appear nowhere, not even in -v's URL.
    let out = run(cached(&mock, &dir)
        .env("WXTOKEN_APPID", SECRET)
        .env("WXTOKEN_SECRET", APPID)
        .args(["-v", "--stable"]));
    assert_eq!(out.code, 0, "{out:?}");
    assert!(out.stderr.contains("look swapped"), "{out:?}");
    assert!(out.stderr.contains("not caching"), "{out:?}");
    assert!(!dir.exists(), "nothing may be written for such an appid");
    // Classic: no cache, so no fetch either (exit 11), and the secret still nowhere.
    let out = run(cached(&mock, &dir)
        .env("WXTOKEN_APPID", SECRET)
        .env("WXTOKEN_SECRET", APPID)
        .arg("-v"));
    assert_eq!(out.code, 11, "{out:?}");
    assert!(!dir.exists());
    assert_eq!(mock.count(), 1);
}

#[test]
fn a_writer_killed_mid_write_leaves_the_entry_intact() {
    let dir = tempdir();
    let mock = Mock::start(vec![Reply::token(7200)]);
    assert_eq!(run(&mut cached(&mock, &dir)).code, 0);
    let entry = entry_file(&dir);
    // What a run killed between write and rename leaves: half an entry in a temp file.
    let name = entry.file_name().unwrap().to_string_lossy().to_string();
    let good = std::fs::read_to_string(&entry).unwrap();
    // A pid that surely belongs to no running process: a child that has exited.
    let mut child = std::process::Command::new("true").spawn().unwrap();
    let dead = child.id();
    child.wait().unwrap();
    std::fs::write(
        dir.join(format!(".{name}.{dead}.1.tmp")),
        &good[..good.len() / 3],
    )
    .unwrap();
    let out = run(cached(&mock, &dir).arg("--json"));
    assert_eq!(out.json()["source"], "cache", "{out:?}");
    assert_eq!(out.stderr, "", "{out:?}");
    let out = run(wxtoken()
        .args(["cache", "list", "--json", "--cache-dir"])
        .arg(&dir));
    assert_eq!(out.json()["entries"].as_array().unwrap().len(), 1);
    run(wxtoken().args(["cache", "clear", "--cache-dir"]).arg(&dir));
    assert_eq!(
        std::fs::read_dir(&dir).unwrap().count(),
        1,
        "clear removes leftovers too (the tag stays)"
    );
    assert_eq!(mock.count(), 1);
}
