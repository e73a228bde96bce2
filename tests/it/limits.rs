//! Edges of time, of the process and of input: every wait is bounded, nothing that cannot be
//! mended is retried, a broken stdout or stderr never turns into a panic or a signal, core
//! dumps are off, and bad input (from the user or the network) is refused before it does harm.

use crate::common::*;

use std::os::fd::{FromRawFd, OwnedFd};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// The binary as a plain process (not assert_cmd, which captures stdout and stderr): a clean
/// environment with credentials, its output wired by the caller.
fn process(api_base: &str) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_wxtoken"));
    cmd.env_clear()
        .env("WXTOKEN_APPID", APPID)
        .env("WXTOKEN_SECRET", SECRET)
        .env("WXTOKEN_API_BASE", api_base);
    cmd
}

fn dev_full() -> Stdio {
    Stdio::from(
        std::fs::OpenOptions::new()
            .write(true)
            .open("/dev/full")
            .unwrap(),
    )
}

/// The write end of a pipe whose read end is already closed: every write fails with EPIPE.
fn closed_pipe() -> Stdio {
    let mut fds = [0; 2];
    // SAFETY: pipe fills two fresh descriptors; each is then owned exactly once.
    unsafe {
        assert_eq!(libc::pipe(fds.as_mut_ptr()), 0);
        drop(OwnedFd::from_raw_fd(fds[0]));
        Stdio::from(OwnedFd::from_raw_fd(fds[1]))
    }
}

/// Run a process to its end, within `limit`, and return its status and what it printed where
/// that was captured.
fn finish(mut cmd: Command, limit: Duration) -> std::process::Output {
    let started = Instant::now();
    let mut child = cmd.spawn().expect("wxtoken starts");
    loop {
        if child.try_wait().unwrap().is_some() {
            break;
        }
        if started.elapsed() > limit {
            let _ = child.kill();
            let _ = child.wait();
            panic!("wxtoken still runs after {limit:?}");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    child.wait_with_output().unwrap()
}

/// The exit code, and a clear failure if a signal (an abort after a panic) ended the process.
fn code_of(out: &std::process::Output) -> i32 {
    use std::os::unix::process::ExitStatusExt;
    match out.status.code() {
        Some(c) => c,
        None => panic!(
            "ended by signal {:?}: {}",
            out.status.signal(),
            String::from_utf8_lossy(&out.stderr)
        ),
    }
}

/// A fetch against the real API host name through `proxy` (which never forwards: nothing
/// leaves the machine).
fn fetch_via(proxy: &TestProxy) -> assert_cmd::Command {
    let mut cmd = wxtoken();
    cmd.arg("fetch")
        .env("WXTOKEN_APPID", APPID)
        .env("WXTOKEN_SECRET", SECRET)
        .env("WXTOKEN_API_BASE", "https://api.weixin.qq.com")
        .args(["--proxy", &proxy.url(None), "--timeout", "1"]);
    cmd
}

fn timed(cmd: &mut assert_cmd::Command) -> (Outcome, Duration) {
    let started = Instant::now();
    let out = run(cmd);
    (out, started.elapsed())
}

#[test]
fn a_trickling_proxy_ends_at_the_timeout() {
    for mode in [
        ProxyMode::Trickle(Duration::from_millis(200)),
        ProxyMode::Silent,
    ] {
        let proxy = TestProxy::start(mode.clone());
        let (out, took) = timed(fetch_via(&proxy).args(["--retries", "0"]));
        assert_eq!(out.code, 3, "{mode:?}: {out:?}");
        assert!(out.stderr.contains("within the timeout"), "{out:?}");
        assert!(took < Duration::from_secs(8), "{mode:?}: took {took:?}");
        assert_eq!(proxy.connections(), 1, "{out:?}");
        assert_eq!(proxy.requests()[0].method, "CONNECT");
        assert_eq!(proxy.requests()[0].target, "api.weixin.qq.com:443");
    }
}

#[test]
fn a_trickling_proxy_with_retries_ends_after_every_attempt() {
    let proxy = TestProxy::start(ProxyMode::Trickle(Duration::from_millis(200)));
    let (out, took) = timed(fetch_via(&proxy).args(["--retries", "2", "--json"]));
    assert_eq!(out.code, 3, "{out:?}");
    assert!(out.stderr.contains("3 attempts in"), "{out:?}");
    assert!(out.stderr.contains("within the timeout"), "{out:?}");
    assert_eq!(out.json()["error"]["retryable"], true);
    // 3 x 1 s + 0.5 s + 1 s of backoff: well under 20 s.
    assert!(took < Duration::from_secs(15), "took {took:?}");
    assert_eq!(proxy.connections(), 3, "{out:?}");
}

#[test]
fn doctor_through_a_trickling_proxy_ends() {
    for mode in [
        ProxyMode::Trickle(Duration::from_millis(200)),
        ProxyMode::Silent,
    ] {
        let proxy = TestProxy::start(mode);
        for args in [&[][..], &["--json"]] {
            let started = Instant::now();
            let out = run_tokenless(
                wxtoken()
                    .arg("doctor")
                    .args(args)
                    .args(["--proxy", &proxy.url(None), "--timeout", "1"])
                    .env("WXTOKEN_APPID", APPID)
                    .env("WXTOKEN_SECRET", SECRET)
                    .env("WXTOKEN_API_BASE", "https://api.weixin.qq.com"),
            );
            let took = started.elapsed();
            assert_eq!(out.code, 3, "{out:?}");
            assert!(took < Duration::from_secs(10), "took {took:?}");
            if args.is_empty() {
                assert!(
                    out.stdout
                        .lines()
                        .any(|l| l.contains("FAIL") && l.contains("connect")),
                    "{out:?}"
                );
            } else {
                let doc = out.json();
                assert_eq!(doc["ok"], false);
                assert_eq!(doc["exit_code"], 3);
            }
        }
    }
}

#[test]
fn a_server_that_never_answers_ends_after_every_attempt() {
    let mock = Mock::start(vec![Reply::Hang]);
    let started = Instant::now();
    let out = run(fetch(&mock).args(["--timeout", "1", "--retries", "1"]));
    let took = started.elapsed();
    assert_eq!(out.code, 3, "{out:?}");
    assert!(out.stderr.contains("2 attempts in"), "{out:?}");
    assert!(out.stderr.contains("within the timeout of 1 s"), "{out:?}");
    assert!(took < Duration::from_secs(6), "took {took:?}");
    assert_eq!(mock.count(), 2);
}

#[test]
fn a_proxy_wanting_credentials_is_asked_once() {
    let mock = Mock::start(vec![Reply::token(7200)]);
    for (userinfo, says) in [
        (None, "wants credentials"),
        (Some("user:hunter2pw"), "rejected the credentials"),
    ] {
        for args in [&[][..], &["--json"], &["-v"]] {
            let proxy = TestProxy::start(ProxyMode::Auth407);
            let (out, took) = timed(
                fetch(&mock)
                    .args(["--retries", "3", "--proxy", &proxy.url(userinfo)])
                    .args(args),
            );
            assert_eq!(out.code, 3, "{out:?}");
            assert_eq!(proxy.connections(), 1, "a 407 was retried: {out:?}");
            assert!(out.stderr.contains(says), "{out:?}");
            assert!(out.stderr.contains("407"), "{out:?}");
            assert!(!out.stderr.contains("attempts in"), "{out:?}");
            assert!(!out.stderr.contains("hunter2pw"), "{out:?}");
            // No backoff was slept through (0.5 + 1 + 2 s).
            assert!(took < Duration::from_secs(3), "took {took:?}");
            if args.contains(&"--json") {
                let doc = out.json();
                assert_eq!(doc["error"]["retryable"], false, "{doc}");
                assert_eq!(doc["error"]["kind"], "network", "{doc}");
                assert_eq!(doc["exit_code"], 3, "{doc}");
            }
        }
    }
    assert_eq!(mock.count(), 0);
}

#[test]
fn an_untrusted_certificate_is_not_retried() {
    for args in [&[][..], &["--json"]] {
        let (mock, _ca) = Mock::start_tls(vec![Reply::token(7200)]);
        let started = Instant::now();
        let out = run(fetch(&mock).args(["--retries", "3"]).args(args));
        let took = started.elapsed();
        assert_eq!(out.code, 3, "{out:?}");
        assert!(out.stderr.contains("--ca-cert"), "{out:?}");
        assert!(!out.stderr.contains("attempts in"), "{out:?}");
        assert_eq!(mock.count(), 0, "no request got through");
        assert_eq!(mock.connections(), 1, "the handshake was retried: {out:?}");
        assert!(took < Duration::from_secs(3), "took {took:?}");
        if args.contains(&"--json") {
            assert_eq!(out.json()["error"]["retryable"], false, "{out:?}");
        }
    }
}

#[test]
fn a_usage_error_with_a_full_stderr_is_still_exit_2() {
    let mock = Mock::start(vec![Reply::token(7200)]);
    let mut cmd = process(&mock.url());
    cmd.args(["fetch", "--frobnicate"])
        .stdout(Stdio::piped())
        .stderr(dev_full());
    let out = finish(cmd, Duration::from_secs(10));
    assert_eq!(code_of(&out), 2);
    assert_eq!(out.stdout, b"");

    let mut cmd = process(&mock.url());
    cmd.args(["fetch", "--frobnicate", "--json"])
        .stdout(dev_full())
        .stderr(dev_full());
    assert_eq!(code_of(&finish(cmd, Duration::from_secs(10))), 2);

    // A usage error found by wxtoken itself (not by the argument parser).
    let mut cmd = process(&mock.url());
    cmd.args(["fetch", "--timeout", "0", "--json"])
        .stdout(dev_full())
        .stderr(dev_full());
    assert_eq!(code_of(&finish(cmd, Duration::from_secs(10))), 2);
    assert_eq!(mock.count(), 0);
}

#[test]
fn a_usage_error_with_a_closed_stderr_pipe_is_still_exit_2() {
    for args in [&["fetch", "--frobnicate"][..], &["fetch", "--timeout", "0"]] {
        let mut cmd = process("http://127.0.0.1:9");
        cmd.args(args).stdout(Stdio::piped()).stderr(closed_pipe());
        let out = finish(cmd, Duration::from_secs(10));
        assert_eq!(code_of(&out), 2, "{args:?}");
        assert_eq!(out.stdout, b"");

        let mut cmd = process("http://127.0.0.1:9");
        cmd.args(args)
            .arg("--json")
            .stdout(closed_pipe())
            .stderr(closed_pipe());
        assert_eq!(code_of(&finish(cmd, Duration::from_secs(10))), 2);
    }
}

#[test]
fn help_that_cannot_be_written_is_exit_1() {
    for args in [&["--help"][..], &["fetch", "--help"], &["--version"]] {
        let mut cmd = process("http://127.0.0.1:9");
        cmd.args(args).stdout(dev_full()).stderr(Stdio::piped());
        let out = finish(cmd, Duration::from_secs(10));
        assert_eq!(code_of(&out), 1, "{args:?}");
        assert!(
            !String::from_utf8_lossy(&out.stderr).contains("panicked"),
            "{args:?}"
        );
        // Where it can be written, it is a success.
        let mut cmd = process("http://127.0.0.1:9");
        cmd.args(args).stdout(Stdio::piped()).stderr(Stdio::piped());
        let out = finish(cmd, Duration::from_secs(10));
        assert_eq!(code_of(&out), 0, "{args:?}");
        assert!(!out.stdout.is_empty());
    }
}

#[test]
fn a_token_that_cannot_be_written_is_exit_1() {
    for args in [&[][..], &["--json"], &["-v"]] {
        let mock = Mock::start(vec![Reply::token(7200)]);
        let mut cmd = process(&mock.url());
        cmd.arg("fetch")
            .args(args)
            .stdout(dev_full())
            .stderr(Stdio::piped());
        let out = finish(cmd, Duration::from_secs(10));
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(code_of(&out), 1, "{args:?}: {stderr}");
        assert!(
            stderr.contains("cannot write the result to stdout"),
            "{stderr}"
        );
        assert!(
            !stderr.contains(TOKEN) && !stderr.contains(SECRET),
            "{stderr}"
        );
        assert_eq!(mock.count(), 1);

        // Both stdout and stderr full: still 1, not a panic.
        let mut cmd = process(&mock.url());
        cmd.arg("fetch")
            .args(args)
            .stdout(dev_full())
            .stderr(dev_full());
        assert_eq!(code_of(&finish(cmd, Duration::from_secs(10))), 1);
    }
}

#[test]
fn a_full_stderr_changes_no_exit_code() {
    // Success: the token is printed even though -v's lines and warnings are lost.
    let mock = Mock::start(vec![Reply::token(7200)]);
    let mut cmd = process(&mock.url());
    cmd.args(["fetch", "-v"])
        .env("WXTOKEN_SECRET", "not-a-hex-secret-so-a-warning")
        .stdout(Stdio::piped())
        .stderr(dev_full());
    let out = finish(cmd, Duration::from_secs(10));
    assert_eq!(code_of(&out), 0);
    assert_eq!(out.stdout, format!("{TOKEN}\n").as_bytes());

    // A failure keeps its own code, with or without --json.
    let mock = Mock::start(vec![Reply::errcode(40164, "invalid ip 1.2.3.4")]);
    for args in [&[][..], &["--json"]] {
        let mut cmd = process(&mock.url());
        cmd.args(["fetch", "-v"])
            .args(args)
            .stdout(Stdio::piped())
            .stderr(closed_pipe());
        let out = finish(cmd, Duration::from_secs(10));
        assert_eq!(code_of(&out), 7, "{args:?}");
        if !args.is_empty() {
            let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
            assert_eq!(doc["exit_code"], 7);
        }
    }
}

/// The soft and hard limits of the "Max core file size" line of /proc/PID/limits.
fn core_limits(pid: u32) -> (String, String) {
    let limits = std::fs::read_to_string(format!("/proc/{pid}/limits")).unwrap();
    let line = limits
        .lines()
        .find(|l| l.starts_with("Max core file size"))
        .unwrap_or_else(|| panic!("no core limit line in {limits}"));
    let mut fields = line["Max core file size".len()..].split_whitespace();
    (
        fields.next().unwrap().to_string(),
        fields.next().unwrap().to_string(),
    )
}

#[test]
fn core_dumps_are_off_while_wxtoken_holds_the_secret() {
    // A control child started the same way: its limit must be non-zero, else this test could
    // not fail (a shell with `ulimit -c 0` and a hard limit of 0, as a user that is not root).
    let mut control = Command::new("sleep");
    let mut control = allow_core_dumps(control.arg("5")).spawn().unwrap();
    let ours = core_limits(control.id());
    let _ = control.kill();
    let _ = control.wait();
    assert_ne!(
        ours,
        ("0".to_string(), "0".to_string()),
        "cannot allow core dumps here (needs root, or a hard core limit above 0), so this test could not fail"
    );
    let mock = Mock::start(vec![Reply::Hang]);
    let mut child = allow_core_dumps(&mut process(&mock.url()))
        .args(["fetch", "--timeout", "5", "--retries", "0"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let started = Instant::now();
    // Once the request has arrived, wxtoken is well past its start (and holds the secret).
    while mock.count() == 0 {
        assert!(
            started.elapsed() < Duration::from_secs(4),
            "the request never came"
        );
        std::thread::sleep(Duration::from_millis(10));
    }
    let limits = core_limits(child.id());
    let _ = child.kill();
    let _ = child.wait();
    // The soft limit is what the kernel applies; the hard one is left as the caller set it, so
    // that a command `exec` runs gets the caller's limit back (tests/exec.rs).
    assert_eq!(
        limits,
        ("0".to_string(), ours.1.clone()),
        "core dumps are on (a control child had {ours:?})"
    );
}

#[test]
fn bad_input_is_refused_before_any_request() {
    let mock = Mock::start(vec![Reply::token(7200)]);
    let dir = tempdir();
    let _cleanup = RemoveOnDrop(dir.clone());
    let big_file = dir.join("big-secret");
    std::fs::write(&big_file, "a".repeat(70_000)).unwrap();

    let huge_appid = "w".repeat(120 * 1024);
    let huge_secret = "s".repeat(70_000);
    let mut cases: Vec<(&str, assert_cmd::Command)> = Vec::new();
    let mut c = fetch(&mock);
    c.env("WXTOKEN_APPID", &huge_appid);
    cases.push(("a 120 KiB appid", c));
    let mut c = fetch(&mock);
    c.env("WXTOKEN_SECRET", &huge_secret);
    cases.push(("a 70,000-byte secret", c));
    let mut c = fetch(&mock);
    c.env_remove("WXTOKEN_SECRET")
        .arg("--secret-file")
        .arg(&big_file);
    cases.push(("a 70,000-byte secret file", c));
    for (what, args) in [
        ("port 0", &["--api-base", "http://127.0.0.1:0"][..]),
        ("a timeout of 1e-9 s", &["--timeout", "1e-9"]),
        ("a timeout of 0.0001 s", &["--timeout", "0.0001"]),
    ] {
        let mut c = fetch(&mock);
        c.args(args);
        cases.push((what, c));
    }
    for (what, mut cmd) in cases {
        for json in [false, true] {
            if json {
                cmd.arg("--json");
            }
            let out = run(&mut cmd);
            assert_eq!(out.code, 2, "{what}: {out:?}");
            assert!(
                out.stderr.starts_with("wxtoken: error: "),
                "{what}: {out:?}"
            );
            // The value is named, not printed back whole.
            assert!(
                out.stderr.len() < 4096,
                "{what}: {} bytes",
                out.stderr.len()
            );
            assert!(!out.stderr.contains("ssssssssss"), "{what}: {out:?}");
            assert!(!out.stderr.contains("wwwwwwwwww"), "{what}: {out:?}");
            if json {
                assert_eq!(out.json()["exit_code"], 2, "{what}: {out:?}");
            }
        }
    }
    assert_eq!(mock.count(), 0, "a request went out");
    assert_eq!(mock.connections(), 0, "a connection was made");
}

/// Regression, fixed (src/client.rs, ApiBase::parse): `http::Uri::port()` is `None` for a port that does not
/// fit in a u16, so the range check never runs and the port silently becomes the scheme's
/// default: `--api-base http://127.0.0.1:99999` connects to 127.0.0.1:80 (exit 3, "connection
/// refused by 127.0.0.1:80 (3 attempts ...)"). Expected: exit 2, "the port 99999 is not a number from
/// 1 to 65535", and no connection anywhere. (The same for `:-1` and `:abc`.)
#[test]
fn an_api_base_port_above_65535_is_a_usage_error() {
    let mock = Mock::start(vec![Reply::token(7200)]);
    for base in [
        "http://127.0.0.1:99999",
        "http://127.0.0.1:65536",
        "https://127.0.0.1:70000/wx",
        "http://127.0.0.1:-1",
        "http://127.0.0.1:abc",
    ] {
        let out = run(fetch(&mock).args(["--retries", "0", "--api-base", base]));
        assert_eq!(out.code, 2, "{base}: {out:?}");
        assert!(out.stderr.contains("from 1 to 65535"), "{base}: {out:?}");
    }
}

#[test]
fn an_at_sign_in_the_api_base_path_is_a_path() {
    let mock = Mock::start(vec![Reply::token(7200)]);
    let out = run(fetch(&mock).args(["--api-base", &format!("{}/gw/@wx", mock.url())]));
    assert_eq!(out.code, 0, "{out:?}");
    assert_eq!(out.stdout, format!("{TOKEN}\n"));
    assert_eq!(mock.count(), 1);
    let req = mock.last();
    assert!(
        req.path().starts_with("/gw/@wx/cgi-bin/token"),
        "{}",
        req.target
    );
    assert_eq!(req.path(), "/gw/@wx/cgi-bin/token");
}

/// Every `*.json` file (a cache entry) under `dir`.
fn entries(dir: &std::path::Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
        .filter(|n| n.ends_with(".json"))
        .collect()
}

/// Fetch (classic and stable, cached and not) against a mock answering `body`: exit 4 with a
/// message containing `says`, and no cache entry written.
fn refused_answer(body: &str, says: &str) {
    let dir = tempdir();
    let _cleanup = RemoveOnDrop(dir.clone());
    let mock = Mock::start(vec![Reply::json(body)]);
    for args in [
        &[][..],
        &["--json"],
        &["--cache"],
        &["--cache", "--json"],
        &["--stable", "--cache"],
    ] {
        let out = run(fetch(&mock)
            .args(["--retries", "0", "--cache-dir"])
            .arg(&dir)
            .args(args));
        assert_eq!(out.code, 4, "{body} {args:?}: {out:?}");
        assert!(out.stderr.contains(says), "{body} {args:?}: {out:?}");
        assert!(
            !out.stderr.chars().any(|c| c.is_control() && c != '\n'),
            "{out:?}"
        );
        assert!(
            !out.stderr.contains('\u{202e}') && !out.stdout.contains('\u{202e}'),
            "{out:?}"
        );
        if args.contains(&"--json") {
            assert_eq!(out.json()["exit_code"], 4);
        } else {
            assert_eq!(out.stdout, "", "{out:?}");
        }
        assert_eq!(entries(&dir), Vec::<String>::new(), "{body} {args:?}");
    }
    assert_eq!(mock.count(), 5);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn an_expires_in_in_milliseconds_is_refused() {
    refused_answer(
        &format!(r#"{{"access_token":"{TOKEN}","expires_in":7200000}}"#),
        "more than a day",
    );
}

#[test]
fn a_token_with_characters_no_token_has_is_refused() {
    for token in [
        r"78_ABC\u0000DEF",
        r"78_ABC\u202eDEF",
        r"78_ABC\u001b[31mDEF",
        "78_ABC DEF",
        r"78_ABC\u4e2d\u6587",
        "78_ABC中文",
        r"78_ABC\u200fDEF",
        r"78_ABC\nDEF",
    ] {
        refused_answer(
            &format!(r#"{{"access_token":"{token}","expires_in":7200}}"#),
            "no usable token",
        );
    }
}

/// A huge value in any flag is refused before any request, and no message echoes it whole: every
/// line for people, and every string of the JSON document, is cut to 2 KiB and says so.
#[test]
fn a_huge_value_in_any_flag_is_never_echoed_whole() {
    let mock = Mock::start(vec![Reply::token(7200)]);
    let huge = "x".repeat(100_000);
    let cases: Vec<(&str, Vec<String>, i32)> = vec![
        (
            "--proxy",
            vec!["--proxy".into(), format!("http://{huge}")],
            2,
        ),
        ("--ca-cert", vec!["--ca-cert".into(), format!("/{huge}")], 2),
        (
            "--cache-dir",
            vec!["--cache".into(), "--cache-dir".into(), format!("/{huge}")],
            11,
        ),
        ("--retries", vec!["--retries".into(), huge.clone()], 2),
        ("--min-ttl", vec!["--min-ttl".into(), huge.clone()], 2),
    ];
    for (what, args, code) in cases {
        for json in [false, true] {
            let mut cmd = fetch(&mock);
            cmd.args(&args);
            if json {
                cmd.arg("--json");
            }
            let out = run(&mut cmd);
            assert_eq!(
                out.code,
                code,
                "{what}: {}",
                &out.stderr[..300.min(out.stderr.len())]
            );
            assert!(
                out.stderr.lines().all(|l| l.len() < 2200),
                "{what}: a line of {} bytes",
                out.stderr.lines().map(str::len).max().unwrap_or(0)
            );
            assert!(out.stderr.contains("more characters not shown"), "{what}");
            if json {
                assert!(
                    out.stdout.len() < 4096,
                    "{what}: {} bytes",
                    out.stdout.len()
                );
                assert_eq!(out.json()["exit_code"], code, "{what}");
            }
        }
    }
    // doctor reports on stdout: the same cap, in text and in JSON.
    for json in [false, true] {
        let mut cmd = with_credentials(&mock, &["doctor", "--proxy"]);
        cmd.arg(format!("http://{huge}"));
        if json {
            cmd.arg("--json");
        }
        let out = run(&mut cmd);
        assert_eq!(
            out.code,
            2,
            "doctor: {}",
            &out.stdout[..300.min(out.stdout.len())]
        );
        assert!(out.stdout.contains("more characters not shown"), "doctor");
        assert!(
            out.stdout.len() < 8192 && out.stderr.len() < 8192,
            "doctor: {} and {} bytes",
            out.stdout.len(),
            out.stderr.len()
        );
        if json {
            assert_eq!(out.json()["exit_code"], 2);
        }
    }
    assert_eq!(mock.count(), 0, "a request went out");
}

/// The mocks' reads take an interruption (EINTR: a signal under CI's tracer) for what it is, not
/// for the client closing: a mock that dropped the connection then made the client retry.
#[test]
fn a_mock_read_survives_an_interruption() {
    struct Interrupted(u8, &'static [u8]);
    impl std::io::Read for Interrupted {
        fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
            if self.0 > 0 {
                self.0 -= 1;
                return Err(std::io::ErrorKind::Interrupted.into());
            }
            let n = self.1.len().min(buf.len());
            buf[..n].copy_from_slice(&self.1[..n]);
            self.1 = &self.1[n..];
            Ok(n)
        }
    }
    let mut buf = [0u8; 8];
    let mut source = Interrupted(3, b"GET");
    assert_eq!(read_some(&mut source, &mut buf).unwrap(), 3);
    assert_eq!(&buf[..3], b"GET");
    assert_eq!(read_some(&mut source, &mut buf).unwrap(), 0);
}
