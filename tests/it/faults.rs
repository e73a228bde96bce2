//! A mock that misbehaves on purpose. Every case ends with its documented exit code and a clear
//! message, never a panic, and nothing leaked (run() checks every output for the secret).

use std::time::{Duration, Instant};

use crate::common::*;

/// Run and check the failure is a clean one: the exit code, one error line first, no panic.
fn fails_cleanly(cmd: &mut assert_cmd::Command, code: i32) -> Outcome {
    let out = run(cmd);
    assert_eq!(out.code, code, "{out:?}");
    if out.stdout.is_empty() {
        // Without --json nothing goes to stdout.
    } else {
        assert_eq!(
            out.json()["exit_code"],
            code,
            "with --json, one document: {out:?}"
        );
    }
    assert!(out.stderr.starts_with("wxtoken: error: "), "{out:?}");
    assert!(
        !out.stderr.contains("panicked") && !out.stderr.contains("internal error"),
        "{out:?}"
    );
    out
}

fn token_body() -> Vec<u8> {
    format!(r#"{{"access_token":"{TOKEN}","expires_in":7200}}"#).into_bytes()
}

#[test]
fn connection_reset_mid_body() {
    let body = token_body();
    let mock = Mock::start(vec![Reply::ResetMidBody {
        sent: body[..20].to_vec(),
        total: body.len(),
    }]);
    let out = fails_cleanly(fetch(&mock).args(["--retries", "1"]), 3);
    assert!(
        out.stderr.contains("reset") || out.stderr.contains("closed before"),
        "{out:?}"
    );
    assert_eq!(mock.count(), 2, "a network failure is retried");
}

#[test]
fn connection_closed_mid_body() {
    let mut raw = b"HTTP/1.1 200 OK\r\nContent-Length: 500\r\n\r\n".to_vec();
    raw.extend_from_slice(&token_body()[..30]);
    let mock = Mock::start(vec![Reply::Raw(raw)]);
    let out = fails_cleanly(fetch(&mock).args(["--retries", "0"]), 3);
    assert!(
        out.stderr.contains("closed before the answer was complete"),
        "{out:?}"
    );
}

#[test]
fn headers_then_silence_ends_at_the_timeout() {
    let mock = Mock::start(vec![Reply::HeadersThenSilence]);
    let started = Instant::now();
    let out = fails_cleanly(fetch(&mock).args(["--timeout", "1", "--retries", "0"]), 3);
    assert!(out.stderr.contains("within the timeout of 1 s"), "{out:?}");
    assert!(
        started.elapsed() < Duration::from_secs(8),
        "{:?}",
        started.elapsed()
    );
}

#[test]
fn a_body_trickling_one_byte_a_second_ends_at_the_timeout() {
    let mock = Mock::start(vec![Reply::Trickle {
        body: token_body(),
        delay: Duration::from_secs(1),
    }]);
    let started = Instant::now();
    let out = fails_cleanly(
        fetch(&mock).args(["--timeout", "2", "--retries", "0", "--json"]),
        3,
    );
    assert!(out.stderr.contains("timeout"), "{out:?}");
    let took = started.elapsed();
    assert!(
        took >= Duration::from_millis(1900) && took < Duration::from_secs(9),
        "{took:?}"
    );
}

/// Run wxtoken fetch against `mock` (as `fetch` does, with `args`) with its data limited to
/// `limit` bytes (RLIMIT_DATA: the heap and every private writable mapping), and return its
/// exit code and stderr. A run that needed more fails to allocate and aborts, which no
/// documented exit code covers. (The peak RSS of one child cannot be read here: a child forked
/// from this test binary starts out counting the binary's own memory.)
fn fetch_limited(mock: &Mock, args: &[&str], limit: u64) -> (Option<i32>, String) {
    use std::os::unix::process::CommandExt;
    let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_wxtoken"));
    cmd.env_clear()
        .env("PATH", std::env::var("PATH").unwrap_or_default())
        .env("WXTOKEN_APPID", APPID)
        .env("WXTOKEN_SECRET", SECRET)
        .env("WXTOKEN_API_BASE", mock.url())
        .arg("fetch")
        .args(args)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped());
    // SAFETY: setrlimit is async-signal-safe, and the closure touches nothing else.
    unsafe {
        cmd.pre_exec(move || {
            let data = libc::rlimit {
                rlim_cur: limit,
                rlim_max: limit,
            };
            if libc::setrlimit(libc::RLIMIT_DATA, &data) == 0 {
                Ok(())
            } else {
                Err(std::io::Error::last_os_error())
            }
        });
    }
    let out = cmd.output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr).to_string();
    assert!(!stderr.contains(SECRET), "the secret leaked: {stderr}");
    (out.status.code(), stderr)
}

#[test]
fn a_50_mb_body_is_refused_and_memory_stays_bounded() {
    let fifty_mb = 50 * 1024 * 1024;
    // Announced by Content-Length (refused without reading on), and not announced (the body runs
    // until the connection closes).
    for announced in [true, false] {
        let mock = Mock::start(vec![Reply::Flood {
            len: fifty_mb,
            announced,
        }]);
        // 32 MiB of data at most: a run that read the body whole would need 50 MB more.
        let (code, stderr) = fetch_limited(&mock, &["--json", "--retries", "0"], 32 << 20);
        assert_eq!(code, Some(4), "{stderr}");
        assert!(stderr.contains("larger than 64 KiB"), "{stderr}");
    }
}

#[test]
fn invalid_utf8_in_errmsg() {
    let body = b"{\"errcode\":40013,\"errmsg\":\"invalid appid \xff\xfe\x80 rid: 0a0b0c0d-11111111-22222222\"}".to_vec();
    let mock = Mock::start(vec![Reply::Http {
        status: 200,
        content_type: "text/plain",
        body,
        extra_headers: vec![],
    }]);
    let out = fails_cleanly(fetch(&mock).arg("--json"), 6);
    let doc = out.json();
    assert_eq!(doc["error"]["errcode"], 40013);
    assert_eq!(doc["error"]["rid"], "0a0b0c0d-11111111-22222222");
    assert!(out.stderr.contains("invalid appid"), "{out:?}");
}

#[test]
fn server_errors_with_and_without_an_errcode() {
    for status in [500u16, 502, 503] {
        // Without an errcode: retried, then exit 4 with the status.
        let mock = Mock::start(vec![Reply::status(
            status,
            "text/plain",
            "upstream trouble",
        )]);
        let out = fails_cleanly(fetch(&mock).args(["--retries", "1", "--json"]), 4);
        assert_eq!(out.json()["error"]["http_status"], status);
        assert!(out.stderr.contains(&format!("HTTP {status}")), "{out:?}");
        assert_eq!(mock.count(), 2);

        // An HTML error page from a gateway.
        let mock = Mock::start(vec![Reply::status(
            status,
            "text/html",
            "<html><body><h1>Error</h1></body></html>",
        )]);
        let out = fails_cleanly(fetch(&mock).args(["--retries", "0"]), 4);
        assert!(out.stderr.contains("gateway"), "{out:?}");

        // With a WeChat errcode: the errcode decides, and only -1 is retried.
        let mock = Mock::start(vec![Reply::status(
            status,
            "application/json",
            r#"{"errcode":40164,"errmsg":"invalid ip 1.2.3.4, not in whitelist"}"#,
        )]);
        fails_cleanly(&mut fetch(&mock), 7);
        assert_eq!(mock.count(), 1);
        let mock = Mock::start(vec![
            Reply::status(
                status,
                "application/json",
                r#"{"errcode":-1,"errmsg":"system error"}"#,
            ),
            Reply::token(7200),
        ]);
        let out = run(&mut fetch(&mock));
        assert_eq!(out.code, 0, "{out:?}");
        assert_eq!(mock.count(), 2);
    }
}

#[test]
fn garbage_that_is_not_http() {
    let mock = Mock::start(vec![Reply::Raw(b"SSH-2.0-OpenSSH_9.2\r\n".to_vec())]);
    let out = fails_cleanly(fetch(&mock).args(["--retries", "0"]), 4);
    assert!(out.stderr.contains("valid HTTP"), "{out:?}");
}

#[test]
fn a_proxy_that_refuses() {
    let port = closed_port();
    let mock = Mock::start(vec![Reply::token(7200)]);
    let out = fails_cleanly(
        fetch(&mock).args([
            "--retries",
            "0",
            "--proxy",
            &format!("http://127.0.0.1:{port}"),
        ]),
        3,
    );
    assert!(out.stderr.contains("refused"), "{out:?}");
    assert_eq!(mock.count(), 0);
}

#[test]
fn a_tls_server_whose_certificate_is_not_trusted() {
    let (mock, _ca) = Mock::start_tls(vec![Reply::token(7200)]);
    let out = fails_cleanly(fetch(&mock).args(["--retries", "0"]), 3);
    assert!(
        out.stderr.contains("TLS") && out.stderr.contains("UnknownIssuer"),
        "{out:?}"
    );
    assert!(out.stderr.contains("--ca-cert"), "{out:?}");
    // A CA file that is not the server's does not help either.
    let (_, other_ca) = Mock::start_tls(vec![Reply::token(7200)]);
    let path = tempdir().join("other.pem");
    std::fs::write(&path, other_ca).unwrap();
    fails_cleanly(
        fetch(&mock)
            .args(["--retries", "0", "--ca-cert"])
            .arg(&path),
        3,
    );
    assert_eq!(mock.count(), 0);
}

#[test]
#[should_panic(expected = "the mock server's handler panicked: boom in the handler")]
fn a_panic_in_a_mock_handler_fails_the_test_that_caused_it() {
    let mock = Mock::with(|_, _| panic!("boom in the handler"));
    let out = run(fetch(&mock).args(["--retries", "0"]));
    // wxtoken itself saw a dropped connection: an honest exit 3 that hides the real cause.
    assert_eq!(out.code, 3, "{out:?}");
    drop(mock);
}
