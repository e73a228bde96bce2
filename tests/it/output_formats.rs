//! Handing the token on: `--format token|json|env|query` (env evaluated by a real `sh`, with a
//! hostile token too) and `--output FILE` (atomic, permissions, never through a link, not
//! rewritten when unchanged, untouched on failure).

use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::Path;
use std::process::Command;

use crate::common::*;

/// A token a hostile server could send: every shell metacharacter, all ASCII graphic.
const NASTY: &str = r#"T'$(touch${IFS}PWNED)"`id`;x\&|<>*?[]{}~!#%=+,./:@^"#;

fn nasty_token() -> Reply {
    Reply::json(&serde_json::json!({"access_token": NASTY, "expires_in": 7200}).to_string())
}

/// `sh -c SCRIPT` with wxtoken on PATH and the test credentials in the environment.
fn sh(mock: &Mock, dir: &Path, script: &str) -> std::process::Output {
    let bin_dir = Path::new(env!("CARGO_BIN_EXE_wxtoken")).parent().unwrap();
    Command::new("sh")
        .arg("-c")
        .arg(script)
        .current_dir(dir)
        .env_clear()
        .env("PATH", format!("{}:/usr/bin:/bin", bin_dir.display()))
        .env("WXTOKEN_APPID", APPID)
        .env("WXTOKEN_SECRET", SECRET)
        .env("WXTOKEN_API_BASE", mock.url())
        .output()
        .unwrap()
}

#[test]
fn env_output_is_evaluated_by_sh_even_for_a_hostile_token() {
    let mock = Mock::start(vec![nasty_token(), Reply::token(7200)]);
    let dir = tempdir();
    for expected in [NASTY, TOKEN] {
        let out = sh(
            &mock,
            &dir,
            r#"set -e; eval "$(wxtoken fetch --format env)"; printf '%s|%s' "$WXTOKEN_ACCESS_TOKEN" "$WXTOKEN_EXPIRES_AT""#,
        );
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert!(out.status.success(), "{out:?}");
        let (token, expires) = stdout.rsplit_once('|').unwrap();
        assert_eq!(token, expected);
        assert!(expires.parse::<u64>().unwrap() > 1_700_000_000, "{stdout}");
        assert!(!dir.join("PWNED").exists(), "the token was run as code");
    }
}

#[test]
fn a_failed_env_fetch_makes_eval_fail() {
    let mock = Mock::start(vec![Reply::errcode(40125, "invalid appsecret")]);
    let dir = tempdir();
    let out = sh(
        &mock,
        &dir,
        r#"eval "$(wxtoken fetch --format env)" || { echo "eval failed: $?"; exit 0; }; echo "went on""#,
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(stdout, "eval failed: 1\n", "{out:?}");
    // Under `set -e` the script stops.
    let out = sh(
        &mock,
        &dir,
        r#"set -e; eval "$(wxtoken fetch --format env)"; echo "went on""#,
    );
    assert!(!out.status.success(), "{out:?}");
    assert!(!String::from_utf8_lossy(&out.stdout).contains("went on"));
}

#[test]
fn query_format_is_url_encoded() {
    let mock = Mock::start(vec![nasty_token(), Reply::token(7200)]);
    let out = run(fetch(&mock).args(["--format", "query"]));
    assert_eq!(out.code, 0, "{out:?}");
    let value = out.stdout.strip_prefix("access_token=").unwrap().trim_end();
    assert!(
        value
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"-._~%".contains(&b)),
        "{value}"
    );
    assert!(value.starts_with("T%27%24%28touch"), "{value}");
    let out = run(fetch(&mock).env("WXTOKEN_FORMAT", "query"));
    assert_eq!(out.stdout, format!("access_token={TOKEN}\n"));
}

#[test]
fn json_format_is_what_json_prints_and_json_beats_the_variable() {
    let mock = Mock::start(vec![Reply::token(7200); 3]);
    let a = run(fetch(&mock).args(["--format", "json"])).json();
    let b = run(fetch(&mock).arg("--json")).json();
    let c = run(fetch(&mock).arg("--json").env("WXTOKEN_FORMAT", "env")).json();
    for doc in [&a, &b, &c] {
        assert_eq!(doc["access_token"], TOKEN);
        assert_eq!(doc["expires_in"], 7200);
        assert_eq!(doc["source"], "network");
    }
    let out = run(fetch(&mock).args(["--format", "yaml"]));
    assert_eq!(out.code, 2, "{out:?}");
    assert!(
        out.stderr
            .contains("possible values: token, json, env, query"),
        "{out:?}"
    );
}

fn mode(path: &Path) -> u32 {
    std::fs::symlink_metadata(path)
        .unwrap()
        .permissions()
        .mode()
        & 0o7777
}

/// Files in `dir` other than `keep`: temp files left behind.
fn others(dir: &Path, keep: &[&str]) -> Vec<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
        .filter(|n| !keep.contains(&n.as_str()))
        .collect()
}

#[test]
fn output_writes_a_private_file_and_nothing_on_stdout() {
    let mock = Mock::start(vec![Reply::token(7200); 2]);
    let dir = tempdir();
    let file = dir.join("token");
    let out = run(fetch(&mock).arg("--output").arg(&file));
    assert_eq!((out.code, out.stdout.as_str()), (0, ""), "{out:?}");
    assert_eq!(
        std::fs::read_to_string(&file).unwrap(),
        format!("{TOKEN}\n")
    );
    assert_eq!(mode(&file), 0o600);
    let out = run(fetch(&mock)
        .args(["--format", "env", "--output"])
        .arg(&file));
    assert_eq!(out.code, 0, "{out:?}");
    assert!(
        std::fs::read_to_string(&file)
            .unwrap()
            .starts_with("export WXTOKEN_ACCESS_TOKEN=")
    );
    assert_eq!(others(&dir, &["token"]), Vec::<String>::new());
}

#[test]
fn an_unchanged_token_does_not_rewrite_the_file() {
    let mock = Mock::start(vec![Reply::token(7200)]);
    let dir = tempdir();
    let file = dir.join("token");
    let cache = dir.join("cache");
    let args = |cmd: &mut assert_cmd::Command| {
        cmd.args(["--cache", "--output"])
            .arg(&file)
            .arg("--cache-dir")
            .arg(&cache)
            .arg("-v");
    };
    let mut first = fetch(&mock);
    args(&mut first);
    assert_eq!(run(&mut first).code, 0);
    let before = std::fs::metadata(&file).unwrap();
    std::thread::sleep(std::time::Duration::from_millis(20));
    let mut second = fetch(&mock);
    args(&mut second);
    let out = run(&mut second);
    assert_eq!(out.code, 0, "{out:?}");
    assert!(
        out.stderr
            .contains("already holds this result; not rewritten"),
        "{out:?}"
    );
    let after = std::fs::metadata(&file).unwrap();
    assert_eq!(
        (before.ino(), before.mtime_nsec()),
        (after.ino(), after.mtime_nsec())
    );
    assert_eq!(mock.count(), 1);
    // An unchanged file that others can read is narrowed, though not rewritten.
    std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o644)).unwrap();
    let mut third = fetch(&mock);
    args(&mut third);
    let out = run(&mut third);
    assert!(
        out.stderr.contains("wider than a token file may be"),
        "{out:?}"
    );
    let now = std::fs::metadata(&file).unwrap();
    assert_eq!((now.ino(), now.mode() & 0o777), (before.ino(), 0o600));
}

#[test]
fn an_existing_files_mode_is_kept_up_to_600_and_narrowed_beyond() {
    let mock = Mock::start(vec![Reply::token(7200); 5]);
    let dir = tempdir();
    for (old, new, warned) in [
        (0o600, 0o600, false),
        (0o400, 0o400, false),
        (0o640, 0o600, true),
        (0o644, 0o600, true),
        (0o666, 0o600, true),
    ] {
        let file = dir.join(format!("token-{old:o}"));
        std::fs::write(&file, "old\n").unwrap();
        std::fs::set_permissions(&file, std::fs::Permissions::from_mode(old)).unwrap();
        let out = run(fetch(&mock).arg("--output").arg(&file));
        assert_eq!(out.code, 0, "{out:?}");
        assert_eq!(mode(&file), new, "{old:o}");
        assert_eq!(
            out.stderr.contains("wider than a token file may be"),
            warned,
            "{out:?}"
        );
        assert_eq!(
            std::fs::read_to_string(&file).unwrap(),
            format!("{TOKEN}\n")
        );
    }
}

#[test]
fn output_refuses_links_special_files_and_missing_directories_before_any_request() {
    let mock = Mock::start(vec![Reply::token(7200)]);
    let dir = tempdir();
    let target = dir.join("target");
    std::fs::write(&target, "keep\n").unwrap();
    std::os::unix::fs::symlink(&target, dir.join("link")).unwrap();
    let fifo = dir.join("fifo");
    let c = std::ffi::CString::new(fifo.to_str().unwrap()).unwrap();
    // SAFETY: a valid NUL-terminated path.
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
    let cases: &[(std::path::PathBuf, &str)] = &[
        (dir.join("link"), "it is a symbolic link"),
        (fifo.clone(), "it is not a regular file"),
        (dir.clone(), "it is not a regular file"),
        (dir.join("missing/token"), "its directory: no such file"),
        (
            Path::new("/dev/null").to_path_buf(),
            "it is not a regular file",
        ),
    ];
    for (path, needle) in cases {
        let out = run(fetch(&mock).arg("--output").arg(path));
        assert_eq!(out.code, 2, "{path:?}: {out:?}");
        assert!(out.stderr.contains(needle), "{needle}: {out:?}");
    }
    assert_eq!(std::fs::read_to_string(&target).unwrap(), "keep\n");
    assert_eq!(mock.count(), 0);
}

#[test]
fn a_failed_fetch_leaves_the_file_as_it_was() {
    let mock = Mock::start(vec![Reply::errcode(40125, "invalid appsecret")]);
    let dir = tempdir();
    let file = dir.join("token");
    std::fs::write(&file, "previous\n").unwrap();
    let out = run(fetch(&mock)
        .args(["--format", "env", "--output"])
        .arg(&file));
    assert_eq!(out.code, 6, "{out:?}");
    assert_eq!(out.stdout, "", "{out:?}");
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "previous\n");
    assert_eq!(others(&dir, &["token"]), Vec::<String>::new());
    let fresh = dir.join("fresh");
    let out = run(fetch(&mock).arg("--output").arg(&fresh));
    assert_eq!(out.code, 6, "{out:?}");
    assert!(!fresh.exists());
}

#[test]
fn a_write_that_fails_is_exit_1_and_leaves_no_temp_file() {
    // A full disk, as far as the write is concerned: RLIMIT_FSIZE of 10 bytes makes writing
    // the token fail (EFBIG) after the checks passed.
    let mock = Mock::start(vec![Reply::token(7200)]);
    let dir = tempdir();
    let file = dir.join("token");
    let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_wxtoken"));
    cmd.env_clear()
        .env("WXTOKEN_APPID", APPID)
        .env("WXTOKEN_SECRET", SECRET)
        .env("WXTOKEN_API_BASE", mock.url())
        .args(["fetch", "--output"])
        .arg(&file);
    use std::os::unix::process::CommandExt;
    // SAFETY: setrlimit and signal are async-signal-safe; nothing else runs before exec.
    unsafe {
        cmd.pre_exec(|| {
            let limit = libc::rlimit {
                rlim_cur: 10,
                rlim_max: 10,
            };
            libc::setrlimit(libc::RLIMIT_FSIZE, &limit);
            libc::signal(libc::SIGXFSZ, libc::SIG_IGN);
            Ok(())
        });
    }
    let out = cmd.output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("cannot write --output"), "{stderr}");
    assert!(
        !stderr.contains(TOKEN) && !stderr.contains(SECRET),
        "{stderr}"
    );
    assert_eq!(
        others(&dir, &[]),
        Vec::<String>::new(),
        "no temp file, no token file"
    );
}

#[test]
fn a_reader_never_sees_a_partial_token_file() {
    let short = r#"{"access_token":"short-token","expires_in":7200}"#.to_string();
    let long = format!(
        r#"{{"access_token":"{}","expires_in":7200}}"#,
        "L".repeat(500)
    );
    let mock = Mock::with(move |_, n| Reply::json(if n % 2 == 0 { &short } else { &long }));
    let dir = tempdir();
    let file = dir.join("token");
    let done = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let reader = {
        let (file, done) = (file.clone(), done.clone());
        std::thread::spawn(move || {
            let mut seen = 0;
            while !done.load(std::sync::atomic::Ordering::SeqCst) {
                if let Ok(text) = std::fs::read_to_string(&file) {
                    let ok = text == "short-token\n" || text == format!("{}\n", "L".repeat(500));
                    assert!(ok, "a partial file: {text:?}");
                    seen += 1;
                }
            }
            seen
        })
    };
    for _ in 0..20 {
        let out = run(fetch(&mock).arg("--output").arg(&file));
        assert_eq!(out.code, 0, "{out:?}");
    }
    done.store(true, std::sync::atomic::Ordering::SeqCst);
    let seen = reader.join().unwrap();
    assert!(seen > 0, "the reader read the file");
    assert_eq!(others(&dir, &["token"]), Vec::<String>::new());
}

#[test]
fn root_rewrites_another_users_token_file_for_them_but_not_in_a_shared_directory() {
    if !needs_root("root_rewrites_another_users_token_file_for_them_but_not_in_a_shared_directory")
    {
        return;
    }
    let mock = Mock::start(vec![Reply::token(7200); 2]);
    let dir = tempdir();
    let file = dir.join("token");
    std::fs::write(&file, "old\n").unwrap();
    std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o400)).unwrap();
    std::os::unix::fs::chown(&file, Some(65534), Some(65534)).unwrap();
    let out = run(fetch(&mock).arg("--output").arg(&file));
    assert_eq!(out.code, 0, "{out:?}");
    let meta = std::fs::metadata(&file).unwrap();
    assert_eq!(
        (meta.uid(), meta.gid(), meta.mode() & 0o777),
        (65534, 65534, 0o400)
    );
    assert_eq!(
        std::fs::read_to_string(&file).unwrap(),
        format!("{TOKEN}\n")
    );
    // In a directory others can write (/tmp-like), another user's file is not replaced.
    let shared = tempdir();
    std::fs::set_permissions(&shared, std::fs::Permissions::from_mode(0o1777)).unwrap();
    let planted = shared.join("token");
    std::fs::write(&planted, "planted\n").unwrap();
    std::os::unix::fs::chown(&planted, Some(65534), Some(65534)).unwrap();
    let out = run(fetch(&mock).arg("--output").arg(&planted));
    assert_eq!(out.code, 2, "{out:?}");
    assert!(out.stderr.contains("owned by uid 65534"), "{out:?}");
    assert_eq!(std::fs::read_to_string(&planted).unwrap(), "planted\n");
    assert_eq!(mock.count(), 1);
}

#[test]
fn a_json_token_file_is_not_rewritten_while_the_token_is_the_same() {
    let mock = Mock::start(vec![Reply::token(7200)]);
    let dir = tempdir();
    let file = dir.join("token.json");
    let run_once = || {
        run(fetch(&mock)
            .args(["--cache", "--format", "json", "--output"])
            .arg(&file)
            .arg("--cache-dir")
            .arg(dir.join("cache")))
    };
    assert_eq!(run_once().code, 0);
    let before = std::fs::metadata(&file).unwrap();
    // A second later the cache hit's expires_in (and its source) differ; the token does not.
    std::thread::sleep(std::time::Duration::from_millis(1100));
    assert_eq!(run_once().code, 0);
    let after = std::fs::metadata(&file).unwrap();
    assert_eq!(
        (before.ino(), before.mtime_nsec()),
        (after.ino(), after.mtime_nsec())
    );
    let doc: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
    assert_eq!(doc["access_token"], TOKEN);
    assert_eq!(mock.count(), 1);
}

#[test]
fn root_writes_into_a_services_directory_with_the_services_rights_only() {
    if !needs_root("root_writes_into_a_services_directory_with_the_services_rights_only") {
        return;
    }
    let mock = Mock::start(vec![Reply::token(7200); 3]);
    let base = tempdir();
    let svc = base.join("svc");
    std::fs::create_dir(&svc).unwrap();
    std::os::unix::fs::chown(&svc, Some(65534), Some(65534)).unwrap();
    // A new file in the service's directory is the service's.
    let file = svc.join("token");
    let out = run(fetch(&mock).arg("--output").arg(&file));
    assert_eq!(out.code, 0, "{out:?}");
    let meta = std::fs::metadata(&file).unwrap();
    assert_eq!((meta.uid(), meta.mode() & 0o777), (65534, 0o600));
    // The service points a directory of its own at root's: the write is the service's, and
    // the kernel refuses it; root's file is untouched.
    let roots = base.join("roots");
    std::fs::create_dir(&roots).unwrap();
    std::fs::write(roots.join("token"), "IMPORTANT\n").unwrap();
    let link = svc.join("run");
    std::os::unix::fs::symlink(&roots, &link).unwrap();
    std::os::unix::fs::lchown(&link, Some(65534), Some(65534)).unwrap();
    let out = run(fetch(&mock).arg("--output").arg(link.join("token")));
    assert_eq!(out.code, 2, "{out:?}");
    assert_eq!(
        std::fs::read_to_string(roots.join("token")).unwrap(),
        "IMPORTANT\n"
    );
    let out = run(fetch(&mock).arg("--output").arg(link.join("new")));
    assert_eq!(out.code, 2, "{out:?}");
    assert!(!roots.join("new").exists());
    // Two other users on the way: refused.
    let inner = svc.join("inner");
    std::fs::create_dir(&inner).unwrap();
    std::os::unix::fs::chown(&inner, Some(65533), Some(65533)).unwrap();
    let out = run(fetch(&mock).arg("--output").arg(inner.join("token")));
    assert_eq!(out.code, 2, "{out:?}");
    assert!(out.stderr.contains("two other users"), "{out:?}");
    assert_eq!(mock.count(), 1);
}

#[test]
fn a_user_never_writes_a_token_file_through_another_users_directory() {
    if !needs_root("a_user_never_writes_a_token_file_through_another_users_directory") {
        return;
    }
    let mock = Mock::start(vec![Reply::token(7200)]);
    // uid 65533 owns the way; nobody (65534) owns the last directory, and runs wxtoken.
    let base = tempdir();
    std::fs::set_permissions(&base, std::fs::Permissions::from_mode(0o755)).unwrap();
    let theirs = base.join("theirs");
    std::fs::create_dir(&theirs).unwrap();
    std::os::unix::fs::chown(&theirs, Some(65533), Some(65533)).unwrap();
    let mine = theirs.join("mine");
    std::fs::create_dir(&mine).unwrap();
    std::os::unix::fs::chown(&mine, Some(65534), Some(65534)).unwrap();
    let out = std::process::Command::new("setpriv")
        .args(["--reuid=65534", "--regid=65534", "--clear-groups", "--"])
        .arg(env!("CARGO_BIN_EXE_wxtoken"))
        .args(["fetch", "--output"])
        .arg(mine.join("token"))
        .env_clear()
        .env("WXTOKEN_APPID", APPID)
        .env("WXTOKEN_SECRET", SECRET)
        .env("WXTOKEN_API_BASE", mock.url())
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("belongs to uid 65533"), "{stderr}");
    assert!(!mine.join("token").exists());
    assert_eq!(mock.count(), 0);
}

#[test]
fn a_directory_its_group_or_others_can_write_is_refused() {
    let mock = Mock::start(vec![Reply::token(7200)]);
    let base = tempdir();
    for mode in [0o777, 0o770] {
        let open = base.join(format!("open-{mode:o}"));
        std::fs::create_dir(&open).unwrap();
        std::fs::set_permissions(&open, std::fs::Permissions::from_mode(mode)).unwrap();
        let out = run(fetch(&mock).arg("--output").arg(open.join("token")));
        assert_eq!(out.code, 2, "{out:?}");
        let needle = format!("can be written by others than its owner (mode {mode:o})");
        assert!(out.stderr.contains(&needle), "{out:?}");
    }
    // Sticky, as /tmp: fine.
    let sticky = base.join("sticky");
    std::fs::create_dir(&sticky).unwrap();
    std::fs::set_permissions(&sticky, std::fs::Permissions::from_mode(0o1777)).unwrap();
    let out = run(fetch(&mock).arg("--output").arg(sticky.join("token")));
    assert_eq!(out.code, 0, "{out:?}");
    assert_eq!(mock.count(), 1);
}

#[test]
fn a_link_of_another_user_anywhere_on_the_way_decides_nothing_for_root() {
    if !needs_root("a_link_of_another_user_anywhere_on_the_way_decides_nothing_for_root") {
        return;
    }
    let mock = Mock::start(vec![Reply::token(7200)]);
    let base = tempdir();
    // root's link -> the other user's link -> root's directory.
    let roots = base.join("rootdir");
    std::fs::create_dir(&roots).unwrap();
    std::fs::write(roots.join("token"), "IMPORTANT\n").unwrap();
    let theirs = base.join("bobhome");
    std::fs::create_dir(&theirs).unwrap();
    std::os::unix::fs::chown(&theirs, Some(4242), Some(4242)).unwrap();
    let link2 = theirs.join("link2");
    std::os::unix::fs::symlink(&roots, &link2).unwrap();
    std::os::unix::fs::lchown(&link2, Some(4242), Some(4242)).unwrap();
    let etc = base.join("etc");
    std::fs::create_dir(&etc).unwrap();
    std::os::unix::fs::symlink(&link2, etc.join("link1")).unwrap();
    let out = run(fetch(&mock).arg("--output").arg(etc.join("link1/token")));
    assert_eq!(out.code, 2, "{out:?}");
    assert!(out.stderr.contains("belongs to uid 4242"), "{out:?}");
    assert_eq!(
        std::fs::read_to_string(roots.join("token")).unwrap(),
        "IMPORTANT\n"
    );
    // A link of root's own, into root's directories, is followed.
    std::fs::remove_file(roots.join("token")).unwrap();
    std::os::unix::fs::symlink(&roots, base.join("direct")).unwrap();
    let out = run(fetch(&mock).arg("--output").arg(base.join("direct/token")));
    assert_eq!(out.code, 0, "{out:?}");
    assert!(roots.join("token").exists());
    assert_eq!(mock.count(), 1);
}

#[test]
fn the_way_is_judged_as_the_kernel_walks_it() {
    let mock = Mock::start(vec![Reply::token(7200)]);
    let base = tempdir();
    // A link held by a directory others may write: whoever writes there could swap the link.
    let shared = base.join("shared");
    let target = base.join("target");
    std::fs::create_dir(&shared).unwrap();
    std::fs::create_dir(&target).unwrap();
    std::os::unix::fs::symlink(&target, shared.join("app")).unwrap();
    std::fs::set_permissions(&shared, std::fs::Permissions::from_mode(0o777)).unwrap();
    let file = base.join("file");
    std::fs::write(&file, "x").unwrap();
    let cases: &[(std::path::PathBuf, &str)] = &[
        (
            shared.join("app/token"),
            "can be written by others than its owner (mode 777)",
        ),
        (file.join("../token"), "is not a directory"),
        (file.join("token"), "is not a directory"),
        (base.join("dir/"), "it names no file"),
        (
            std::path::PathBuf::from(format!("{}/.", base.display())),
            "it names no file",
        ),
    ];
    for (path, needle) in cases {
        let out = run(fetch(&mock).arg("--output").arg(path));
        assert_eq!(out.code, 2, "{path:?}: {out:?}");
        assert!(out.stderr.contains(needle), "{needle}: {out:?}");
    }
    assert_eq!(others(&target, &[]), Vec::<String>::new());
    assert_eq!(mock.count(), 0);
}

#[test]
fn format_json_keeps_stdout_one_json_document_when_the_command_line_is_wrong() {
    let mock = Mock::start(vec![Reply::token(7200)]);
    for (args, env) in [
        (&["--format", "json", "--frobnicate"][..], None),
        (&["--format=json", "--retries", "99"], None),
        (&["--retries", "99"], Some("json")),
    ] {
        let mut cmd = fetch(&mock);
        cmd.args(args);
        if let Some(format) = env {
            cmd.env("WXTOKEN_FORMAT", format);
        }
        let out = run(&mut cmd);
        assert_eq!(out.code, 2, "{args:?}: {out:?}");
        let doc = out.json();
        assert_eq!(doc["exit_code"], 2, "{doc}");
        assert_eq!(doc["error"]["kind"], "usage", "{doc}");
    }
    assert_eq!(mock.count(), 0);
}
