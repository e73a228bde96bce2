//! `wxtoken fetch` against the mock WeChat server: the token printed, the request it sends (flags,
//! secrets, URL encoding, proxies, TLS, redirects), timeouts and network failures, and where the
//! result goes.

use std::time::{Duration, Instant};

use crate::common::*;

#[test]
fn prints_exactly_the_token() {
    let mock = Mock::start(vec![Reply::token(7200)]);
    let out = run(&mut fetch(&mock));
    assert_eq!(out.code, 0, "{out:?}");
    assert_eq!(out.stdout, format!("{TOKEN}\n"));
    assert_eq!(out.stderr, "");
    assert_eq!(mock.count(), 1);
    let req = mock.last();
    assert_eq!(req.method, "GET");
    assert_eq!(req.path(), "/cgi-bin/token");
    let q = req.query();
    assert_eq!(
        q,
        vec![
            ("grant_type".to_string(), "client_credential".to_string()),
            ("appid".to_string(), APPID.to_string()),
            ("secret".to_string(), SECRET.to_string()),
        ]
    );
    assert_eq!(
        req.header("user-agent"),
        Some(concat!("wxtoken/", env!("CARGO_PKG_VERSION")))
    );
}

#[test]
fn json_success_document() {
    let mock = Mock::start(vec![Reply::token(7200)]);
    let before = wxtoken::time::now_unix();
    let out = run(fetch(&mock).arg("--json"));
    assert_eq!(out.code, 0, "{out:?}");
    let doc = out.json();
    assert_eq!(doc["access_token"], TOKEN);
    assert_eq!(doc["expires_in"], 7200);
    assert_eq!(doc["source"], "network");
    assert_eq!(doc["endpoint"], "token");
    let at = doc["expires_at"].as_str().unwrap();
    let low = wxtoken::time::rfc3339(before + 7200);
    let high = wxtoken::time::rfc3339(wxtoken::time::now_unix() + 7200);
    assert!(
        low.as_str() <= at && at <= high.as_str(),
        "{at} not in [{low}, {high}]"
    );
    assert_eq!(doc["platform"], "mp");
    assert_eq!(doc.as_object().unwrap().len(), 6);
}

#[test]
fn a_server_that_never_answers_ends_at_the_timeout() {
    let mock = Mock::start(vec![Reply::Hang]);
    let started = Instant::now();
    let out = run(fetch(&mock).args(["--timeout", "1", "--retries", "0", "--json"]));
    let took = started.elapsed();
    assert_eq!(out.code, 3, "{out:?}");
    assert!(out.stderr.contains("timeout"), "{out:?}");
    assert_eq!(out.json()["error"]["kind"], "network");
    // Generous bounds: ends because of the timeout, not long after it.
    assert!(took >= Duration::from_millis(900), "ended after {took:?}");
    assert!(took < Duration::from_secs(8), "ended after {took:?}");
}

#[test]
fn a_trickling_body_cannot_outlive_the_timeout() {
    let body = format!(r#"{{"access_token":"{TOKEN}","expires_in":7200}}"#).into_bytes();
    let mock = Mock::start(vec![Reply::Trickle {
        body,
        delay: Duration::from_secs(1),
    }]);
    let started = Instant::now();
    let out = run(fetch(&mock).args(["--timeout", "1.5", "--retries", "0"]));
    assert_eq!(out.code, 3, "{out:?}");
    assert!(
        started.elapsed() < Duration::from_secs(10),
        "took {:?}",
        started.elapsed()
    );
}

#[test]
fn network_failures_are_retried() {
    let mock = Mock::start(vec![Reply::Hang, Reply::token(7200)]);
    let out = run(fetch(&mock).args(["--timeout", "0.5"]));
    assert_eq!(out.code, 0, "{out:?}");
    assert_eq!(mock.count(), 2);
}

#[test]
fn connection_refused_exits_3() {
    let port = closed_port();
    let out = run(fetch(&Mock::start(vec![Reply::token(1)]))
        .env("WXTOKEN_API_BASE", format!("http://127.0.0.1:{port}"))
        .args(["--retries", "1", "--json"]));
    assert_eq!(out.code, 3, "{out:?}");
    assert!(out.stderr.contains("refused"), "{out:?}");
    assert!(out.stderr.contains(&format!("127.0.0.1:{port}")), "{out:?}");
    assert_eq!(out.json()["exit_code"], 3);
}

#[test]
fn api_base_with_a_path_prefix_and_trailing_slash() {
    let mock = Mock::start(vec![Reply::token(7200)]);
    let out = run(fetch(&mock).args(["--api-base", &format!("{}/wx/", mock.url())]));
    assert_eq!(out.code, 0, "{out:?}");
    assert_eq!(mock.last().path(), "/wx/cgi-bin/token");
}

#[test]
fn a_flag_beats_its_env_var() {
    let mock = Mock::start(vec![Reply::token(7200)]);
    let other_appid = "wxfedcba9876543210";
    let other_secret = "abcdefabcdefabcdefabcdefabcdef01";
    let out = run(fetch(&mock).args(["--appid", other_appid, "--secret", other_secret]));
    assert_eq!(out.code, 0, "{out:?}");
    assert_no_leak(&out, other_secret);
    let q = mock.last().query();
    assert_eq!(q[1].1, other_appid);
    assert_eq!(q[2].1, other_secret);
}

#[test]
fn secret_file_beats_the_env_var_and_is_trimmed() {
    let dir = tempdir();
    let path = dir.join("secret");
    let file_secret = "0011223344556677889900aabbccddee";
    std::fs::write(&path, format!("  {file_secret}\n\n")).unwrap();
    let mock = Mock::start(vec![Reply::token(7200)]);
    let out = run(fetch(&mock).arg("--secret-file").arg(&path));
    assert_no_leak(&out, file_secret);
    assert_eq!(out.code, 0, "{out:?}");
    assert_eq!(mock.last().query()[2].1, file_secret);
}

#[test]
fn secret_from_stdin() {
    let mock = Mock::start(vec![Reply::token(7200)]);
    let mut cmd = fetch(&mock);
    cmd.env_remove("WXTOKEN_SECRET")
        .args(["--secret-file", "-"])
        .write_stdin(format!("{SECRET}\n"));
    let out = run(&mut cmd);
    assert_eq!(out.code, 0, "{out:?}");
    assert_eq!(mock.last().query()[2].1, SECRET);
}

#[test]
fn values_are_url_encoded_so_nothing_can_be_injected() {
    let mock = Mock::start(vec![Reply::token(7200)]);
    let sneaky = "ab&grant_type=x%2F&appid=wxevil=1";
    let out = run_hiding(fetch(&mock).env("WXTOKEN_SECRET", sneaky), sneaky);
    assert_eq!(out.code, 0, "{out:?}");
    let q = mock.last().query();
    assert_eq!(q.len(), 3, "{q:?}");
    assert_eq!(q[0], ("grant_type".into(), "client_credential".into()));
    assert_eq!(q[2], ("secret".into(), sneaky.into()));
}

#[test]
fn verbose_shows_the_request_but_never_the_secret_or_token() {
    let mock = Mock::start(vec![Reply::errcode(-1, "busy"), Reply::token(7200)]);
    let out = run(fetch(&mock).arg("-v"));
    assert_eq!(out.code, 0, "{out:?}");
    assert!(
        out.stderr.contains(&format!(
            "GET {}/cgi-bin/token?grant_type=client_credential&appid={APPID}&secret=***",
            mock.url()
        )),
        "{out:?}"
    );
    assert!(out.stderr.contains("proxy: none"), "{out:?}");
    assert!(out.stderr.contains("HTTP 200"), "{out:?}");
    assert!(out.stderr.contains("retrying in 500 ms"), "{out:?}");
    assert!(out.stderr.contains("attempt 2/3"), "{out:?}");
}

#[test]
fn lang_zh_explains_in_chinese() {
    let mock = Mock::start(vec![Reply::errcode(40013, "invalid appid")]);
    let out = run(fetch(&mock).args(["--lang", "zh", "--json"]));
    assert_eq!(out.code, 6);
    assert!(out.stderr.contains("不合法的 AppID"), "{out:?}");
    assert!(
        out.json()["error"]["message"]
            .as_str()
            .unwrap()
            .contains("不合法的 AppID")
    );
    let mock = Mock::start(vec![Reply::errcode(40013, "invalid appid")]);
    let out = run(fetch(&mock).env("LANG", "zh_CN.UTF-8"));
    assert!(out.stderr.contains("不合法的 AppID"), "{out:?}");
    let mock = Mock::start(vec![Reply::errcode(40013, "invalid appid")]);
    let out = run(fetch(&mock)
        .env("LANG", "zh_CN.UTF-8")
        .env("WXTOKEN_LANG", "en"));
    assert!(out.stderr.contains("invalid AppID"), "{out:?}");
}

#[test]
fn quiet_keeps_only_the_error_line() {
    let mock = Mock::start(vec![Reply::errcode(
        40164,
        "invalid ip 1.2.3.4, not in whitelist rid: 1",
    )]);
    let out = run(fetch(&mock).args(["-q", "--appid", "wxnothex"]));
    assert_eq!(out.code, 7);
    assert_eq!(out.stderr.lines().count(), 1, "{out:?}");
    assert!(out.stderr.starts_with("wxtoken: error: "));
}

#[test]
fn colour_only_when_asked_or_on_a_terminal() {
    let mock = Mock::start(vec![Reply::errcode(40013, "x")]);
    let out = run(&mut fetch(&mock));
    assert!(!out.stderr.contains('\x1b'), "not a terminal: {out:?}");
    let mock = Mock::start(vec![Reply::errcode(40013, "x")]);
    let out = run(fetch(&mock).args(["--color", "always"]));
    assert!(out.stderr.contains("\x1b["), "{out:?}");
    assert!(!out.stdout.contains('\x1b'));
}

#[test]
fn format_warnings_do_not_stop_the_fetch() {
    let mock = Mock::start(vec![Reply::token(7200)]);
    let out = run(fetch(&mock).args(["--appid", "wxABC"]));
    assert_eq!(out.code, 0, "{out:?}");
    assert!(
        out.stderr
            .contains("warning: the appid does not look like an AppID"),
        "{out:?}"
    );

    let mock = Mock::start(vec![Reply::token(7200)]);
    let out = run_hiding(
        fetch(&mock)
            .env("WXTOKEN_APPID", SECRET)
            .env("WXTOKEN_SECRET", APPID),
        "5ec2e75ec2e75ec2e75ec2e75ec2e7ab-not-used",
    );
    assert_eq!(out.code, 0, "{out:?}");
    assert!(out.stderr.contains("look swapped"), "{out:?}");
    assert_eq!(mock.count(), 1);

    let mock = Mock::start(vec![Reply::token(7200)]);
    let out = run(fetch(&mock).args(["--appid", "wxABC", "-q"]));
    assert_eq!(out.stderr, "", "-q silences warnings");
}

/// Each case: extra args / env changes, and a piece of the expected message.
#[test]
fn usage_errors_exit_2_before_any_request() {
    let dir = tempdir();
    let no_certs = dir.join("empty.pem");
    std::fs::write(&no_certs, "not a certificate\n").unwrap();
    let bad_cert = dir.join("bad.pem");
    std::fs::write(
        &bad_cert,
        "-----BEGIN CERTIFICATE-----\nMIIBAAAA\n-----END CERTIFICATE-----\n",
    )
    .unwrap();
    let missing = dir.join("missing-secret");
    type Setup = Box<dyn Fn(&mut assert_cmd::Command)>;
    let cases: Vec<(&str, Setup, &str)> = vec![
        (
            "no appid",
            Box::new(|c| {
                c.env_remove("WXTOKEN_APPID");
            }),
            "--appid APPID or set WXTOKEN_APPID",
        ),
        (
            "no secret",
            Box::new(|c| {
                c.env_remove("WXTOKEN_SECRET");
            }),
            "WXTOKEN_SECRET",
        ),
        (
            "empty appid",
            Box::new(|c| {
                c.args(["--appid", ""]);
            }),
            "appid is empty",
        ),
        (
            "empty secret",
            Box::new(|c| {
                c.args(["--secret", ""]);
            }),
            "secret is empty",
        ),
        (
            "space in appid",
            Box::new(|c| {
                c.args(["--appid", "wx01 23"]);
            }),
            "appid contains whitespace",
        ),
        (
            "tab in secret",
            Box::new(|c| {
                c.env("WXTOKEN_SECRET", format!("{SECRET}\tx"));
            }),
            "secret contains a control character",
        ),
        (
            "newline in secret",
            Box::new(|c| {
                c.env("WXTOKEN_SECRET", format!("{SECRET}\nx"));
            }),
            "secret contains a control character",
        ),
        (
            "non-ASCII secret",
            Box::new(|c| {
                c.env("WXTOKEN_SECRET", format!("{SECRET}é"));
            }),
            "secret contains a non-ASCII character",
        ),
        (
            "non-ASCII appid",
            Box::new(|c| {
                c.args(["--appid", "wx中文"]);
            }),
            "appid contains a non-ASCII character",
        ),
        (
            "unreadable secret file",
            {
                let m = missing.clone();
                Box::new(move |c| {
                    c.arg("--secret-file").arg(&m);
                })
            },
            "missing-secret",
        ),
        (
            "secret and secret file",
            Box::new(|c| {
                c.args(["--secret", "x", "--secret-file", "y"]);
            }),
            "cannot be used with",
        ),
        (
            "zero timeout",
            Box::new(|c| {
                c.args(["--timeout", "0"]);
            }),
            "--timeout must be a number of seconds from 0.001 to 86400",
        ),
        (
            "word timeout",
            Box::new(|c| {
                c.env("WXTOKEN_TIMEOUT", "soon");
            }),
            "--timeout must be a number of seconds from 0.001 to 86400",
        ),
        (
            "negative timeout",
            Box::new(|c| {
                c.args(["--timeout=-3"]);
            }),
            "--timeout must be a number of seconds from 0.001 to 86400",
        ),
        (
            "ftp api base",
            Box::new(|c| {
                c.args(["--api-base", "ftp://example.com"]);
            }),
            "--api-base is not an http(s) URL",
        ),
        (
            "bare host api base",
            Box::new(|c| {
                c.env("WXTOKEN_API_BASE", "api.weixin.qq.com");
            }),
            "--api-base is not an http(s) URL",
        ),
        (
            "retries word",
            Box::new(|c| {
                c.args(["--retries", "many"]);
            }),
            "--retries",
        ),
        (
            "missing CA file",
            Box::new(|c| {
                c.args(["--ca-cert", "/nonexistent/ca.pem"]);
            }),
            "cannot read --ca-cert /nonexistent/ca.pem",
        ),
        (
            "CA file without certificates",
            {
                let p = no_certs.clone();
                Box::new(move |c| {
                    c.arg("--ca-cert").arg(&p);
                })
            },
            "holds no PEM certificate",
        ),
        (
            "CA file with a certificate that does not parse",
            {
                let p = bad_cert.clone();
                Box::new(move |c| {
                    c.arg("--ca-cert").arg(&p);
                })
            },
            "holds a certificate that cannot be a root",
        ),
        (
            "unknown flag",
            Box::new(|c| {
                c.arg("--frobnicate");
            }),
            "--frobnicate",
        ),
    ];
    for (name, setup, expect) in cases {
        let mock = Mock::start(vec![Reply::token(7200)]);
        let mut cmd = fetch(&mock);
        setup(&mut cmd);
        let out = run(&mut cmd);
        assert_eq!(out.code, 2, "{name}: {out:?}");
        assert!(
            out.stderr.contains(expect),
            "{name}: expected {expect:?} in {out:?}"
        );
        assert_eq!(out.stdout, "", "{name}");
        assert_eq!(mock.count(), 0, "{name}: no request may be made");

        // The same with --json: one JSON document on stdout.
        let mock = Mock::start(vec![Reply::token(7200)]);
        let mut cmd = fetch(&mock);
        cmd.arg("--json");
        setup(&mut cmd);
        let out = run(&mut cmd);
        assert_eq!(out.code, 2, "{name}: {out:?}");
        let doc = out.json();
        assert_eq!(doc["exit_code"], 2, "{name}");
        assert_eq!(doc["error"]["kind"], "usage", "{name}");
        assert_eq!(doc["error"]["retryable"], false, "{name}");
        assert_eq!(mock.count(), 0, "{name}");
    }
}

#[test]
fn a_proxy_from_the_environment_is_used() {
    // The mock acts as the proxy and as WeChat behind it; an http:// base goes as a forward
    // request (absolute URL), as curl sends it.
    let mock = Mock::start(vec![Reply::token(7200)]);
    let out = run(fetch(&mock)
        .env("WXTOKEN_API_BASE", "http://api.weixin.invalid")
        .env("http_proxy", mock.url())
        .arg("-v"));
    assert_eq!(out.code, 0, "{out:?}");
    assert!(
        out.stderr
            .contains(&format!("proxy: {} (from http_proxy)", mock.url())),
        "{out:?}"
    );
    let reqs = mock.requests();
    assert_eq!(reqs.len(), 1, "no CONNECT: {reqs:?}");
    assert_eq!(reqs[0].method, "GET");
    assert!(
        reqs[0]
            .target
            .starts_with("http://api.weixin.invalid/cgi-bin/token?"),
        "{reqs:?}"
    );
    assert_eq!(mock.count(), 1);
}

#[test]
fn a_refusing_proxy_exits_3_and_no_proxy_bypasses_it() {
    let port = closed_port();
    let mock = Mock::start(vec![Reply::token(7200)]);
    let out = run(fetch(&mock)
        .env("HTTP_PROXY", format!("http://127.0.0.1:{port}"))
        .args(["--retries", "0"]));
    assert_eq!(out.code, 3, "{out:?}");
    assert!(
        out.stderr
            .contains(&format!("proxy http://127.0.0.1:{port}")),
        "{out:?}"
    );
    assert!(out.stderr.contains("HTTP_PROXY"), "{out:?}");
    assert_eq!(mock.count(), 0);

    let out = run(fetch(&mock)
        .env("HTTP_PROXY", format!("http://127.0.0.1:{port}"))
        .env("NO_PROXY", "localhost,127.0.0.1")
        .arg("-v"));
    assert_eq!(out.code, 0, "{out:?}");
    assert!(
        out.stderr
            .contains("bypassed because NO_PROXY contains \"127.0.0.1\""),
        "{out:?}"
    );
    assert_eq!(mock.count(), 1);

    let out = run(fetch(&mock).args([
        "--proxy",
        &format!("http://user:pw@127.0.0.1:{port}"),
        "--retries",
        "0",
    ]));
    assert_eq!(out.code, 3, "{out:?}");
    assert!(out.stderr.contains("--proxy"), "{out:?}");
    assert!(
        !out.stderr.contains("pw@"),
        "the proxy password must not be shown: {out:?}"
    );
}

#[test]
fn version_and_help() {
    let out = run(wxtoken().arg("-V"));
    assert_eq!(out.code, 0);
    assert_eq!(
        out.stdout,
        format!("wxtoken {}\n", env!("CARGO_PKG_VERSION"))
    );

    let out = run(wxtoken()
        .args(["fetch", "--help"])
        .env("WXTOKEN_SECRET", SECRET));
    assert_eq!(out.code, 0);
    for needle in [
        "--secret-file",
        "WXTOKEN_SECRET",
        "Exit codes:",
        "40164, 89501",
        "shell history",
    ] {
        assert!(
            out.stdout.contains(needle),
            "{needle} missing from --help: {}",
            out.stdout
        );
    }
    let out = run(wxtoken().arg("--help"));
    assert!(out.stdout.contains("Exit codes:"));
}

#[test]
fn https_with_an_extra_ca_certificate() {
    let (mock, ca_pem) = Mock::start_tls(vec![Reply::token(7200)]);
    let dir = tempdir();
    let ca = dir.join("ca.pem");
    std::fs::write(&ca, &ca_pem).unwrap();

    // Without the CA: the built-in roots do not trust the test CA.
    let out = run(fetch(&mock).args(["--retries", "0", "--json"]));
    assert_eq!(out.code, 3, "{out:?}");
    assert!(out.stderr.contains("TLS"), "{out:?}");
    assert!(out.stderr.contains("--ca-cert"), "{out:?}");
    assert_eq!(mock.count(), 0);

    // With it (flag, then env): trusted, and the built-in roots are still there.
    let out = run(fetch(&mock).arg("--ca-cert").arg(&ca));
    assert_eq!(out.code, 0, "{out:?}");
    assert_eq!(out.stdout, format!("{TOKEN}\n"));
    let out = run(fetch(&mock).env("WXTOKEN_CA_CERT", &ca));
    assert_eq!(out.code, 0, "{out:?}");
    assert_eq!(mock.count(), 2);
}

fn fetch_process(mock: &Mock) -> std::process::Command {
    let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_wxtoken"));
    cmd.env_clear()
        .arg("fetch")
        .env("WXTOKEN_APPID", APPID)
        .env("WXTOKEN_SECRET", SECRET)
        .env("WXTOKEN_API_BASE", mock.url());
    cmd
}

#[test]
fn an_unwritable_stdout_is_an_internal_error_exit_1() {
    let mock = Mock::start(vec![Reply::token(7200)]);
    let out = fetch_process(&mock)
        .stdout(std::fs::File::create("/dev/full").unwrap())
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.starts_with("wxtoken: error: cannot write the result to stdout"),
        "{stderr}"
    );
    assert!(!stderr.contains(TOKEN) && !stderr.contains(SECRET));
}

#[test]
fn a_closed_pipe_loses_the_token_and_is_exit_1() {
    // The reader goes away before the token is written (the mock answers late).
    let mock = Mock::with(|_, _| {
        std::thread::sleep(Duration::from_millis(300));
        Reply::token(7200)
    });
    let mut child = fetch_process(&mock)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "the token was lost: {stderr}");
    assert!(
        stderr.contains("cannot write the result to stdout: the reading end of the pipe is closed"),
        "{stderr}"
    );
    assert!(!stderr.contains(TOKEN) && !stderr.contains(SECRET));
    assert_eq!(mock.count(), 1);
}

#[test]
fn network_and_usage_messages_follow_the_language() {
    let port = closed_port();
    let mock = Mock::start(vec![Reply::token(7200)]);
    let out = run(fetch(&mock)
        .env("WXTOKEN_API_BASE", format!("http://127.0.0.1:{port}"))
        .args(["--retries", "0", "--lang", "zh", "--json"]));
    assert_eq!(out.code, 3, "{out:?}");
    assert!(out.stderr.contains("拒绝连接"), "{out:?}");
    assert!(
        out.json()["error"]["message"]
            .as_str()
            .unwrap()
            .contains("拒绝连接")
    );

    let out = run(fetch(&mock)
        .args(["--timeout", "0"])
        .env("LANG", "zh_CN.UTF-8"));
    assert_eq!(out.code, 2, "{out:?}");
    assert!(
        out.stderr
            .contains("--timeout 必须是 0.001 到 86400 之间的秒数"),
        "{out:?}"
    );

    let big = Mock::start(vec![Reply::Flood {
        len: 100_000,
        announced: true,
    }]);
    let out = run(fetch(&big).args(["--lang", "zh"]));
    assert_eq!(out.code, 4, "{out:?}");
    assert!(out.stderr.contains("响应超过 64 KiB"), "{out:?}");
    assert_eq!(mock.count(), 0);
}

#[test]
fn a_stray_secret_on_the_command_line_is_not_echoed_by_usage_errors() {
    let mock = Mock::start(vec![Reply::token(7200)]);
    // --secret forgotten: the value becomes an unexpected argument.
    let out = run(fetch(&mock).args(["--appid", APPID, SECRET]));
    assert_eq!(out.code, 2, "{out:?}");
    assert!(out.stderr.contains("unexpected argument '***'"), "{out:?}");
    // A value after --secret in a command line that fails for another reason.
    let out = run(fetch(&mock).args(["--secret", SECRET, "--retries", "many", "--json"]));
    assert_eq!(out.code, 2, "{out:?}");
    assert_eq!(out.json()["error"]["kind"], "usage");
    assert_eq!(mock.count(), 0);
}

#[test]
fn a_redirect_says_where_it_went_and_what_was_asked_without_the_secret() {
    let mock = Mock::start(vec![Reply::Http {
        status: 302,
        content_type: "text/html",
        body: b"<html>moved</html>".to_vec(),
        extra_headers: vec![(
            "Location".into(),
            format!("https://login.example.com/portal?back=/cgi-bin/token%3Fsecret%3D{SECRET}"),
        )],
    }]);
    let out = run(fetch(&mock).args(["--retries", "0"]));
    assert_eq!(out.code, 4, "{out:?}");
    assert!(
        out.stderr
            .contains("redirected (HTTP 302) to https://login.example.com/portal"),
        "{out:?}"
    );
    assert!(
        out.stderr.contains("GET http://127.0.0.1:"),
        "the request: {out:?}"
    );
    assert!(out.stderr.contains("secret=***"), "{out:?}");
    assert!(!out.stderr.contains("captive portal"), "{out:?}");
    let out = run(fetch(&mock).args(["--retries", "0", "--lang", "zh"]));
    assert!(out.stderr.contains("服务器重定向（HTTP 302）"), "{out:?}");
}

#[test]
fn plain_http_to_another_machine_warns_that_the_secret_travels_unencrypted() {
    let mock = Mock::start(vec![Reply::token(7200)]);
    let out = run(&mut fetch(&mock));
    assert!(
        !out.stderr.contains("unencrypted"),
        "loopback is fine: {out:?}"
    );
    // A host that is not this machine: warned before anything is sent. (A CA file that does
    // not exist then ends the run with a usage error: no packet leaves this machine.)
    let out = run(fetch(&mock).args([
        "--api-base",
        "http://gateway.example:8080",
        "--ca-cert",
        "/nonexistent/ca.pem",
    ]));
    assert_eq!(out.code, 2, "{out:?}");
    assert!(
        out.stderr.contains(
            "plain http:// on gateway.example, not this machine: the secret and the token travel unencrypted"
        ),
        "{out:?}"
    );
}
