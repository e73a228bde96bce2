//! The cache under attack: planted links, FIFOs, huge and hostile entries, directories other
//! users own or can write, `cache clear` next to other files, and concurrent runs against
//! failing, stopped and killed lock holders, with request counts.

use std::os::unix::fs::{PermissionsExt, symlink};
use std::path::{Path, PathBuf};
use std::process::{Child, Stdio};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use crate::common::*;

/// A private scratch directory, removed when dropped.
struct Scratch(PathBuf);

impl Scratch {
    fn new() -> Scratch {
        let dir = tempdir();
        std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o700)).unwrap();
        Scratch(dir)
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::set_permissions(&self.0, std::fs::Permissions::from_mode(0o700));
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn cached(mock: &Mock, dir: &Path) -> assert_cmd::Command {
    let mut cmd = fetch(mock);
    cmd.arg("--cache").arg("--cache-dir").arg(dir);
    cmd
}

fn names(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
        .collect();
    v.sort();
    v
}

/// The entry's file name for the test appid, classic endpoint, and this mock (learned from a
/// first run in a throw-away directory).
fn entry_name(mock: &Mock, stable: bool) -> String {
    let probe = Scratch::new();
    let mut cmd = cached(mock, &probe.0);
    if stable {
        cmd.arg("--stable");
    }
    assert_eq!(run(&mut cmd).code, 0);
    names(&probe.0)
        .into_iter()
        .find(|n| n.ends_with(".json"))
        .unwrap()
}

/// A cache with one classic entry in it, the mock that served it, and the entry's name.
struct Warm {
    mock: Mock,
    name: String,
    dir: Scratch,
    cache: PathBuf,
}

impl Warm {
    fn new() -> Warm {
        let mock = Mock::start(vec![Reply::token(7200)]);
        let name = entry_name(&mock, false);
        let dir = Scratch::new();
        let cache = dir.0.join("cache");
        assert_eq!(run(&mut cached(&mock, &cache)).code, 0);
        Warm {
            mock,
            name,
            dir,
            cache,
        }
    }
}

/// The lock file of an entry: per appid and endpoint (`wx….token.lock`), not per API base.
fn lock_of(entry: &str) -> String {
    let mut parts = entry.split('.');
    format!("{}.{}.lock", parts.next().unwrap(), parts.next().unwrap())
}

fn mkfifo(path: &Path) {
    let status = std::process::Command::new("mkfifo")
        .arg(path)
        .status()
        .unwrap();
    assert!(status.success());
}

#[test]
fn a_planted_symlink_at_the_entry_is_never_read_or_written_through() {
    let Warm {
        mock,
        name,
        dir,
        cache,
    } = Warm::new();
    std::fs::remove_file(cache.join(&name)).unwrap();
    // To /dev/zero: read whole, it would take all memory; to a victim file: it must not change.
    let victim = dir.0.join("victim");
    std::fs::write(&victim, "precious").unwrap();
    for target in [Path::new("/dev/zero"), victim.as_path()] {
        let _ = std::fs::remove_file(cache.join(&name));
        symlink(target, cache.join(&name)).unwrap();
        let started = Instant::now();
        let out = run(cached(&mock, &cache).arg("--json"));
        assert_eq!(out.code, 0, "{out:?}");
        assert!(started.elapsed() < Duration::from_secs(10));
        assert_eq!(out.json()["source"], "network", "a link is never served");
        assert!(out.stderr.contains("symbolic link"), "{out:?}");
        // The new entry replaced the link itself.
        let meta = std::fs::symlink_metadata(cache.join(&name)).unwrap();
        assert!(meta.file_type().is_file(), "{meta:?}");
    }
    assert_eq!(std::fs::read_to_string(&victim).unwrap(), "precious");
}

#[test]
fn a_planted_symlink_at_the_lock_creates_nothing_and_stops_a_classic_fetch() {
    let mock = Mock::start(vec![Reply::token(7200)]);
    let name = entry_name(&mock, false);
    let dir = Scratch::new();
    let cache = dir.0.join("cache");
    std::fs::create_dir(&cache).unwrap();
    std::fs::set_permissions(&cache, std::fs::Permissions::from_mode(0o700)).unwrap();
    let victim = dir.0.join("created-by-an-attacker's-link");
    symlink(&victim, cache.join(lock_of(&name))).unwrap();
    let before = mock.count();
    let out = run(&mut cached(&mock, &cache));
    assert_eq!(out.code, 11, "{out:?}");
    assert!(out.stderr.contains("symbolic link"), "{out:?}");
    assert!(!victim.exists(), "the lock was created through the link");
    assert_eq!(mock.count(), before, "nothing fetched");
    // A stable token rotates nothing: a warning, and the token.
    let stable_name = name.replace(".token.", ".stable_token.");
    symlink(&victim, cache.join(lock_of(&stable_name))).unwrap();
    let out = run(cached(&mock, &cache).arg("--stable"));
    assert_eq!(out.code, 0, "{out:?}");
    assert!(out.stderr.contains("warning"), "{out:?}");
    assert!(!victim.exists());
}

#[test]
fn a_symlinked_cache_directory_is_refused_by_fetch_list_and_clear() {
    let mock = Mock::start(vec![Reply::token(7200)]);
    let dir = Scratch::new();
    let real = dir.0.join("real");
    assert_eq!(run(&mut cached(&mock, &real)).code, 0);
    let link = dir.0.join("link");
    symlink(&real, &link).unwrap();
    let before = names(&real);
    let out = run(&mut cached(&mock, &link));
    assert_eq!(out.code, 11, "{out:?}");
    assert!(out.stderr.contains("symbolic link"), "{out:?}");
    for sub in ["list", "clear"] {
        let out = run(wxtoken().args(["cache", sub, "--cache-dir"]).arg(&link));
        assert_eq!(out.code, 11, "{sub}: {out:?}");
    }
    assert_eq!(names(&real), before, "nothing behind the link was touched");
    assert_eq!(mock.count(), 1);
}

#[test]
fn fifos_never_hang_fetch_or_list() {
    let Warm {
        mock,
        name,
        dir: _dir,
        cache,
    } = Warm::new();
    std::fs::remove_file(cache.join(&name)).unwrap();
    mkfifo(&cache.join(&name));
    let started = Instant::now();
    let out = run(&mut cached(&mock, &cache));
    assert_eq!(out.code, 0, "{out:?}");
    assert!(out.stderr.contains("not a regular file"), "{out:?}");
    let out = run(wxtoken().args(["cache", "list", "--cache-dir"]).arg(&cache));
    assert_eq!(out.code, 0, "{out:?}");
    // A FIFO at the lock: the open neither blocks nor succeeds.
    std::fs::remove_file(cache.join(lock_of(&name))).unwrap();
    mkfifo(&cache.join(lock_of(&name)));
    let _ = std::fs::remove_file(cache.join(&name));
    let out = run(&mut cached(&mock, &cache));
    assert_eq!(out.code, 11, "{out:?}");
    assert!(out.stderr.contains("not a regular file"), "{out:?}");
    assert!(
        started.elapsed() < Duration::from_secs(20),
        "a FIFO hung a run"
    );
}

#[test]
fn a_huge_entry_is_refused_without_reading_it() {
    let Warm {
        mock,
        name,
        dir: _dir,
        cache,
    } = Warm::new();
    // 200 MB, sparse: cheap to make, ruinous to read whole.
    let f = std::fs::File::create(cache.join(&name)).unwrap();
    f.set_len(200 * 1024 * 1024).unwrap();
    let out = run(cached(&mock, &cache).arg("--json"));
    assert_eq!(out.code, 0, "{out:?}");
    assert_eq!(out.json()["source"], "network");
    assert!(out.stderr.contains("bytes"), "{out:?}");
    let out = run(wxtoken().args(["cache", "list", "--cache-dir"]).arg(&cache));
    assert_eq!(out.code, 0, "{out:?}");
}

#[test]
fn hostile_entry_contents_are_never_served() {
    let Warm {
        mock,
        name,
        dir: _dir,
        cache,
    } = Warm::new();
    let good: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(cache.join(&name)).unwrap()).unwrap();
    let now = wxtoken::time::now_unix();
    let cases: Vec<(&str, serde_json::Value)> = vec![
        ("control characters", {
            let mut e = good.clone();
            e["access_token"] = "evil\u{1b}]0;pwned\u{7}token".into();
            e
        }),
        ("bidi mark", {
            let mut e = good.clone();
            e["access_token"] = "abc\u{202e}def".into();
            e
        }),
        ("NUL", {
            let mut e = good.clone();
            e["access_token"] = "abc\u{0}def".into();
            e
        }),
        ("expires_at u64::MAX", {
            let mut e = good.clone();
            e["expires_at"] = u64::MAX.into();
            e
        }),
        ("a lifetime of 83 days", {
            let mut e = good.clone();
            e["fetched_at"] = now.into();
            e["expires_at"] = (now + 83 * 86_400).into();
            e
        }),
        ("another appid under this name", {
            let mut e = good.clone();
            e["appid"] = "wxfedcba9876543210".into();
            e
        }),
    ];
    for (what, entry) in cases {
        std::fs::write(cache.join(&name), entry.to_string()).unwrap();
        let out = run(cached(&mock, &cache).arg("--json"));
        assert_eq!(out.code, 0, "{what}: {out:?}");
        assert_eq!(out.json()["source"], "network", "{what}");
        assert_eq!(out.json()["access_token"], TOKEN, "{what}");
        assert!(out.stderr.contains("ignoring"), "{what}: {out:?}");
        assert!(!out.stderr.contains('\u{1b}') && !out.stdout.contains('\u{1b}'));
        let list = run(wxtoken()
            .args(["cache", "list", "--json", "--cache-dir"])
            .arg(&cache));
        assert_eq!(list.code, 0, "{what}: {list:?}");
        for e in list.json()["entries"].as_array().unwrap() {
            let at = e["expires_at"].as_str().unwrap();
            assert!(at.len() == 20 && at.ends_with('Z'), "{what}: {at}");
        }
    }
}

#[test]
fn a_directory_owned_by_another_user_is_refused() {
    if !needs_root("a_directory_owned_by_another_user_is_refused") {
        return;
    }
    let mock = Mock::start(vec![Reply::token(7200)]);
    let dir = Scratch::new();
    let cache = dir.0.join("theirs");
    std::fs::create_dir(&cache).unwrap();
    std::fs::set_permissions(&cache, std::fs::Permissions::from_mode(0o700)).unwrap();
    // nobody
    std::os::unix::fs::chown(&cache, Some(65534), Some(65534)).unwrap();
    let out = run(&mut cached(&mock, &cache));
    assert_eq!(out.code, 11, "{out:?}");
    assert!(out.stderr.contains("owned by uid 65534"), "{out:?}");
    assert!(
        out.stderr.contains(&*cache.to_string_lossy()),
        "names the path: {out:?}"
    );
    assert_eq!(mock.count(), 0);
    assert!(names(&cache).is_empty(), "nothing written there");
    for sub in ["list", "clear"] {
        let out = run(wxtoken().args(["cache", sub, "--cache-dir"]).arg(&cache));
        assert_eq!(out.code, 11, "{sub}: {out:?}");
    }
}

#[test]
fn a_directory_others_can_write_is_refused_with_the_fix() {
    let mock = Mock::start(vec![Reply::token(7200)]);
    let dir = Scratch::new();
    let cache = dir.0.join("open");
    std::fs::create_dir(&cache).unwrap();
    for mode in [0o777, 0o1777, 0o770] {
        std::fs::set_permissions(&cache, std::fs::Permissions::from_mode(mode)).unwrap();
        let out = run(&mut cached(&mock, &cache));
        assert_eq!(out.code, 11, "{mode:o}: {out:?}");
        assert!(out.stderr.contains("other users can write"), "{out:?}");
        assert!(out.stderr.contains("chmod go-w"), "{out:?}");
        let out = run(cached(&mock, &cache).arg("--json"));
        assert_eq!(out.json()["error"]["kind"], "store");
    }
    assert_eq!(mock.count(), 0);
    assert!(names(&cache).is_empty());
    // Stable: a warning, the token, and still nothing written there.
    let out = run(cached(&mock, &cache).arg("--stable"));
    assert_eq!(out.code, 0, "{out:?}");
    assert!(names(&cache).is_empty());
}

#[test]
fn cache_clear_never_touches_files_that_are_not_wxtokens() {
    let mock = Mock::start(vec![Reply::token(7200)]);
    let name = entry_name(&mock, false);
    let project = Scratch::new();
    let foreign = [
        ("package.json", "{\"name\":\"app\"}"),
        ("tsconfig.json", "{}"),
        (name.as_str(), "{\"not\":\"an entry\"}"),
        (".hidden.json.1.2.tmp", "x"),
    ];
    for (n, text) in foreign {
        std::fs::write(project.0.join(n), text).unwrap();
    }
    // An untagged directory with other files: fetch will not use it, clear and list refuse.
    let out = run(&mut cached(&mock, &project.0));
    assert_eq!(out.code, 11, "{out:?}");
    assert!(
        out.stderr.contains("not a wxtoken cache directory"),
        "{out:?}"
    );
    let out = run(wxtoken()
        .args(["cache", "clear", "--cache-dir"])
        .arg(&project.0));
    assert_eq!(out.code, 11, "{out:?}");
    for (n, text) in foreign {
        assert_eq!(std::fs::read_to_string(project.0.join(n)).unwrap(), text);
    }
    // A real cache with a stranger inside: clear removes wxtoken's entries only.
    let cache = project.0.join("cache");
    assert_eq!(run(&mut cached(&mock, &cache)).code, 0);
    assert_eq!(run(cached(&mock, &cache).arg("--stable")).code, 0);
    std::fs::write(cache.join("notes.json"), "keep").unwrap();
    let stranger = name.replace("wx0123456789abcdef", "wxfedcba9876543210");
    std::fs::write(cache.join(&stranger), "{\"format\":1}").unwrap();
    let out = run(wxtoken()
        .args(["cache", "clear", "--json", "--cache-dir"])
        .arg(&cache));
    assert_eq!(out.code, 0, "{out:?}");
    assert_eq!(out.json()["removed"], 2);
    assert_eq!(
        names(&cache),
        ["CACHEDIR.TAG", "notes.json", stranger.as_str()],
        "only wxtoken's entries, locks and records went"
    );
}

fn spawn_fetch(mock: &Mock, dir: &Path, extra: &[&str]) -> Child {
    std::process::Command::new(env!("CARGO_BIN_EXE_wxtoken"))
        .env_clear()
        .args(["fetch", "--cache", "--cache-dir"])
        .arg(dir)
        .args(extra)
        .env("WXTOKEN_APPID", APPID)
        .env("WXTOKEN_SECRET", SECRET)
        .env("WXTOKEN_API_BASE", mock.url())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap()
}

fn finish(child: Child) -> Outcome {
    let o = child.wait_with_output().unwrap();
    let out = Outcome {
        code: o.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&o.stdout).to_string(),
        stderr: String::from_utf8_lossy(&o.stderr).to_string(),
    };
    assert_no_leak(&out, SECRET);
    out
}

fn wait_for(what: &str, cond: impl Fn() -> bool) {
    let deadline = Instant::now() + Duration::from_secs(20);
    while !cond() {
        assert!(Instant::now() < deadline, "timed out waiting for {what}");
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// N concurrent runs against a failing server make one attempt chain between them, and every
/// run reports the same failure.
fn concurrent_failures(reply: Reply, retries: &str, exit: i32, requests: usize) {
    let dir = Scratch::new();
    let mock = Mock::with(move |_, _| {
        std::thread::sleep(Duration::from_millis(300));
        reply.clone()
    });
    let children: Vec<_> = (0..16)
        .map(|_| spawn_fetch(&mock, &dir.0, &["--retries", retries]))
        .collect();
    let outs: Vec<Outcome> = children.into_iter().map(finish).collect();
    // The same failure for every run; the holder's line alone ends with its attempts (the
    // waiters' is rebuilt from the record's kind and errcode, which is all they trust of it).
    let first_line = |o: &Outcome| {
        let line = o.stderr.lines().next().unwrap_or("").to_string();
        match line.rfind(" (") {
            Some(i) if line[i..].contains("attempt") => line[..i].to_string(),
            _ => line,
        }
    };
    for o in &outs {
        assert_eq!(o.code, exit, "{o:?}");
        assert_eq!(first_line(o), first_line(&outs[0]), "the same message");
    }
    assert_eq!(mock.count(), requests, "one attempt chain for all 16 runs");
}

#[test]
fn waiters_on_a_failing_holder_share_its_failure_instead_of_fetching_again() {
    // errcode -1 is retried: 3 attempts for the holder, none for the waiters.
    concurrent_failures(Reply::errcode(-1, "system error"), "2", 5, 3);
    concurrent_failures(
        Reply::errcode(
            40164,
            "invalid ip 1.2.3.4, not in whitelist rid: 6610524e-3c4d5e6f-7a8b9c0d",
        ),
        "2",
        7,
        1,
    );
}

#[test]
fn a_stopped_lock_holder_ends_a_classic_waiter_with_exit_11() {
    let dir = Scratch::new();
    let mock = Mock::start(vec![Reply::Hang]);
    let holder = spawn_fetch(&mock, &dir.0, &["--timeout", "30", "--retries", "0"]);
    wait_for("the holder's request", || mock.count() == 1);
    let pid = holder.id() as i32;
    // SAFETY: signalling our own child.
    unsafe { libc::kill(pid, libc::SIGSTOP) };
    let out = run(cached(&mock, &dir.0).args(["--timeout", "0.5", "--retries", "0"]));
    // SAFETY: as above.
    unsafe { libc::kill(pid, libc::SIGKILL) };
    let _ = finish(holder);
    assert_eq!(out.code, 11, "{out:?}");
    assert!(out.stderr.contains("held the cache lock"), "{out:?}");
    assert_eq!(mock.count(), 1, "the waiter fetched no classic token");
}

#[test]
fn a_killed_lock_holder_delays_a_waiter_but_does_not_fail_it() {
    let dir = Scratch::new();
    let mock = Mock::start(vec![Reply::Hang, Reply::token(7200)]);
    let holder = spawn_fetch(&mock, &dir.0, &["--timeout", "30", "--retries", "0"]);
    wait_for("the holder's request", || mock.count() == 1);
    let waiter = spawn_fetch(&mock, &dir.0, &["--timeout", "5", "--retries", "0"]);
    std::thread::sleep(Duration::from_millis(300));
    // SAFETY: signalling our own child.
    unsafe { libc::kill(holder.id() as i32, libc::SIGKILL) };
    let _ = finish(holder);
    let out = finish(waiter);
    assert_eq!(out.code, 0, "{out:?}");
    assert_eq!(out.stdout, format!("{TOKEN}\n"));
    assert_eq!(mock.count(), 2);
}

#[test]
fn cache_clear_never_unlinks_a_lock_another_run_holds() {
    let dir = Scratch::new();
    let mock = Mock::start(vec![Reply::Hang]);
    let holder = spawn_fetch(&mock, &dir.0, &["--timeout", "30", "--retries", "0"]);
    wait_for("the holder's request", || mock.count() == 1);
    let locks = || {
        names(&dir.0)
            .into_iter()
            .filter(|n| n.ends_with(".lock"))
            .count()
    };
    assert_eq!(locks(), 1);
    let out = run(wxtoken()
        .args(["cache", "clear", "--cache-dir"])
        .arg(&dir.0));
    assert_eq!(out.code, 0, "{out:?}");
    assert_eq!(locks(), 1, "the held lock is still there");
    // SAFETY: signalling our own child.
    unsafe { libc::kill(holder.id() as i32, libc::SIGKILL) };
    let _ = finish(holder);
    // Once nobody holds it, clear removes it.
    run(wxtoken()
        .args(["cache", "clear", "--cache-dir"])
        .arg(&dir.0));
    assert_eq!(locks(), 0);
}

/// stable_token's semantics: the same token while valid; force_refresh rotates it.
fn stable_mock() -> Mock {
    let generation = Mutex::new(1u32);
    Mock::with(move |req, _| {
        // Long enough that every concurrent run has started and waits on the lock, however
        // loaded the machine (a run that starts after a rotation ended rotates again).
        std::thread::sleep(Duration::from_millis(1000));
        let mut g = generation.lock().unwrap();
        if req.body_json()["force_refresh"] == true {
            *g += 1;
        }
        Reply::json(&format!(
            r#"{{"access_token":"{TOKEN}-gen{}","expires_in":7000}}"#,
            *g
        ))
    })
}

#[test]
fn sixteen_concurrent_force_refreshes_make_one_rotation() {
    let dir = Scratch::new();
    let mock = stable_mock();
    let children: Vec<_> = (0..16)
        .map(|_| spawn_fetch(&mock, &dir.0, &["--stable", "--force-refresh"]))
        .collect();
    let outs: Vec<Outcome> = children.into_iter().map(finish).collect();
    for o in &outs {
        assert_eq!(o.code, 0, "{o:?}");
        assert_eq!(o.stdout, format!("{TOKEN}-gen2\n"), "{o:?}");
    }
    let rotations = mock
        .requests()
        .iter()
        .filter(|r| r.body_json()["force_refresh"] == true)
        .count();
    assert_eq!(rotations, 1, "one rotation of the 20 a day, not 16");
    assert!(
        outs.iter()
            .any(|o| o.stderr.contains("rotated the stable token")),
        "{outs:?}"
    );
}

#[test]
fn a_force_refresh_without_cache_replaces_the_cached_entry() {
    let dir = Scratch::new();
    let mock = stable_mock();
    let out = run(cached(&mock, &dir.0).arg("--stable"));
    assert_eq!(out.stdout, format!("{TOKEN}-gen1\n"));
    // No --cache, but the cache exists: the rotated-out token must not be served later.
    let out = run(fetch(&mock)
        .args(["--stable", "--force-refresh"])
        .env("WXTOKEN_CACHE_DIR", &dir.0));
    assert_eq!(out.code, 0, "{out:?}");
    assert_eq!(out.stdout, format!("{TOKEN}-gen2\n"));
    assert!(
        out.stderr.contains("rotated the stable token")
            && out.stderr.contains("cache entry was replaced"),
        "{out:?}"
    );
    let out = run(cached(&mock, &dir.0).args(["--stable", "--json"]));
    assert_eq!(out.json()["source"], "cache");
    assert_eq!(out.json()["access_token"], format!("{TOKEN}-gen2"));
    // Without any cache directory, a force refresh creates none and still says it rotated.
    let nowhere = dir.0.join("never-created");
    let out = run(fetch(&mock)
        .args(["--stable", "--force-refresh"])
        .env("WXTOKEN_CACHE_DIR", &nowhere));
    assert_eq!(out.code, 0, "{out:?}");
    assert!(out.stderr.contains("rotated the stable token"), "{out:?}");
    assert!(!nowhere.exists());
    assert_eq!(mock.count(), 3);
}

#[test]
fn a_closed_stdout_never_lends_its_descriptor_to_a_cache_file() {
    use std::os::unix::process::CommandExt;
    let dir = Scratch::new();
    let mock = Mock::start(vec![Reply::token(7200)]);
    let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_wxtoken"));
    cmd.env_clear()
        .args(["fetch", "--cache", "--cache-dir"])
        .arg(&dir.0)
        .env("WXTOKEN_APPID", APPID)
        .env("WXTOKEN_SECRET", SECRET)
        .env("WXTOKEN_API_BASE", mock.url())
        .stderr(Stdio::piped());
    // SAFETY: close(2) between fork and exec: what a shell does for `>&-`.
    unsafe {
        cmd.pre_exec(|| {
            libc::close(1);
            Ok(())
        });
    }
    let out = cmd.output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "the token was lost: {stderr}");
    // A failure with --json writes its document to stdout: into whatever file holds fd 1.
    let failing = Mock::start(vec![Reply::errcode(40125, "invalid appsecret")]);
    let failed = cmd
        .arg("--json")
        .env("WXTOKEN_API_BASE", failing.url())
        .output()
        .unwrap();
    assert_eq!(failed.status.code(), Some(6));
    assert!(stderr.contains("stdout was closed"), "{stderr}");
    assert!(!stderr.contains(TOKEN) && !stderr.contains(SECRET));
    // Every file in the cache is what it should be: the entry parses, nothing else got the token.
    for name in names(&dir.0) {
        let text = std::fs::read_to_string(dir.0.join(&name)).unwrap();
        if name.ends_with(".json") {
            let entry: serde_json::Value = serde_json::from_str(&text).unwrap();
            assert_eq!(entry["access_token"], TOKEN);
        } else if name.ends_with(".lock") {
            assert_eq!(text, "", "{name} received output meant for stdout");
        } else {
            assert!(!text.contains(TOKEN), "{name} received the token: {text:?}");
        }
    }
}

#[test]
fn runs_through_two_api_bases_share_one_lock() {
    // The same account reached directly and through a gateway: one token, so one lock.
    let dir = Scratch::new();
    let direct = Mock::start(vec![Reply::token(7200)]);
    let gateway = Mock::start(vec![Reply::token(7200)]);
    assert_eq!(run(&mut cached(&direct, &dir.0)).code, 0);
    assert_eq!(run(&mut cached(&gateway, &dir.0)).code, 0);
    let files = names(&dir.0);
    let locks: Vec<&String> = files.iter().filter(|n| n.ends_with(".lock")).collect();
    let entries = files.iter().filter(|n| n.ends_with(".json")).count();
    assert_eq!(entries, 2, "an entry per API base: {files:?}");
    assert_eq!(locks, [&format!("{APPID}.token.lock")], "{files:?}");
    // Clearing one appid's entries leaves no entry behind; clearing all removes the free lock.
    let out = run(wxtoken()
        .args(["cache", "clear", "--cache-dir"])
        .arg(&dir.0));
    assert_eq!(out.code, 0, "{out:?}");
    assert_eq!(names(&dir.0), ["CACHEDIR.TAG"]);
}
