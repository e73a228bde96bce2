//! `wxtoken doctor` against the mock server.

use crate::common::*;

fn doctor(mock: &Mock) -> assert_cmd::Command {
    let mut cmd = wxtoken();
    cmd.arg("doctor")
        .env("WXTOKEN_APPID", APPID)
        .env("WXTOKEN_SECRET", SECRET)
        .env("WXTOKEN_API_BASE", mock.url());
    cmd
}

#[test]
fn a_healthy_setup_passes_every_step_without_touching_the_classic_endpoint() {
    let mock = Mock::start(vec![Reply::token(7000)]);
    let out = run_tokenless(&mut doctor(&mock));
    assert_eq!(out.code, 0, "{out:?}");
    for step in [
        "credentials",
        "proxy",
        "dns",
        "connect",
        "clock",
        "whitelist",
    ] {
        assert!(
            out.stdout
                .lines()
                .any(|l| l.starts_with(" ok  ") && l.contains(step)),
            "step {step} not ok: {}",
            out.stdout
        );
    }
    assert!(
        flat(&out.stdout).contains("nothing was invalidated"),
        "{out:?}"
    );
    let reqs = mock.requests();
    assert_eq!(reqs.len(), 2, "{reqs:?}");
    // The connect step: one read-only call without a token, through fetch's own client.
    assert_eq!(reqs[0].method, "GET");
    assert_eq!(reqs[0].target, "/cgi-bin/getcallbackip");
    assert_eq!(reqs[1].method, "POST");
    assert_eq!(reqs[1].path(), "/cgi-bin/stable_token");
    assert_eq!(reqs[1].body_json()["force_refresh"], false);
    assert!(reqs.iter().all(|r| r.path() != "/cgi-bin/token"));

    let doc = run_tokenless(doctor(&mock).arg("--json")).json();
    assert_eq!(doc["ok"], true);
    assert_eq!(doc["exit_code"], 0);
    let steps = doc["steps"].as_array().unwrap();
    assert_eq!(steps.len(), 6);
    assert!(steps.iter().all(|s| s["status"] == "ok"), "{doc}");
    assert!(mock.requests().iter().all(|r| r.path() != "/cgi-bin/token"));
}

#[test]
fn an_ip_outside_the_whitelist_is_named() {
    let mock = Mock::start(vec![Reply::errcode(
        40164,
        "invalid ip 8.149.20.108 ipv6 ::ffff:8.149.20.108, not in whitelist rid: 6597b34f-49e4c9dc-1b25fb87",
    )]);
    let out = run_tokenless(&mut doctor(&mock));
    assert_eq!(out.code, 7, "{out:?}");
    let fail = out.stdout.lines().find(|l| l.starts_with(" FAIL")).unwrap();
    assert!(
        fail.contains("whitelist") && fail.contains("8.149.20.108"),
        "{out:?}"
    );
    assert!(
        out.stdout
            .contains("→ add 8.149.20.108 to the IP whitelist: mp.weixin.qq.com"),
        "{out:?}"
    );
    let doc = run_tokenless(doctor(&mock).arg("--json")).json();
    assert_eq!(doc["exit_code"], 7);
    assert_eq!(doc["steps"][5]["error"]["ip"], "8.149.20.108");
    assert!(mock.requests().iter().all(|r| r.path() != "/cgi-bin/token"));
}

#[test]
fn a_proxy_that_refuses_connections_exits_3() {
    let mock = Mock::start(vec![Reply::token(7000)]);
    let port = closed_port();
    let out = run_tokenless(doctor(&mock).env("http_proxy", format!("http://127.0.0.1:{port}")));
    assert_eq!(out.code, 3, "{out:?}");
    assert!(
        out.stdout
            .contains(&format!("http://127.0.0.1:{port} (from http_proxy)")),
        "{out:?}"
    );
    assert!(out.stdout.contains("connection refused"), "{out:?}");
    assert!(out.stdout.contains("skip  whitelist"), "{out:?}");
    assert_eq!(mock.count(), 0);
}

#[test]
fn a_working_proxy_is_used_for_the_tunnel_and_the_call() {
    let mock = Mock::start(vec![Reply::token(7000)]);
    let out = run_tokenless(
        doctor(&mock)
            .env("WXTOKEN_API_BASE", "http://api.weixin.invalid")
            .env("http_proxy", mock.url()),
    );
    assert_eq!(out.code, 0, "{out:?}");
    assert!(
        out.stdout
            .contains("TCP and proxy to api.weixin.invalid:80 ok: HTTP 200"),
        "{out:?}"
    );
    assert_eq!(mock.count(), 2);
}

#[test]
fn missing_or_odd_credentials() {
    let mock = Mock::start(vec![Reply::token(7000)]);
    let out = run_tokenless(doctor(&mock).env_remove("WXTOKEN_SECRET"));
    assert_eq!(out.code, 2, "{out:?}");
    assert!(
        out.stdout.contains("FAIL  credentials  missing secret"),
        "{out:?}"
    );
    let reqs = mock.requests();
    assert!(
        reqs.iter()
            .all(|r| r.path() == "/cgi-bin/getcallbackip" && !r.target.contains('?')),
        "no call with credentials, only the tokenless connect probe: {reqs:?}"
    );

    let out = run_tokenless(
        doctor(&mock)
            .env("WXTOKEN_APPID", SECRET)
            .env("WXTOKEN_SECRET", APPID),
    );
    assert!(out.stdout.contains("warn  credentials"), "{out:?}");
    assert!(out.stdout.contains("look swapped"), "{out:?}");
    assert_no_leak(&out, APPID); // the secret here is APPID: it must not show either
}

#[test]
fn a_skewed_clock_is_a_warning() {
    let skewed = wxtoken::time::http_date(wxtoken::time::now_unix() - 600);
    let mock = Mock::start(vec![Reply::Http {
        status: 200,
        content_type: "application/json",
        body: format!(r#"{{"access_token":"{TOKEN}","expires_in":7000}}"#).into_bytes(),
        extra_headers: vec![("Date".into(), skewed)],
    }]);
    let out = run_tokenless(&mut doctor(&mock));
    assert_eq!(out.code, 0, "warnings are allowed: {out:?}");
    assert!(out.stdout.contains("warn  clock"), "{out:?}");
    assert!(out.stdout.contains("+6"), "{out:?}");
}

#[test]
fn dns_failure_exits_3() {
    // A label over 63 characters cannot be put in a DNS query: the resolver fails it locally,
    // so the test sends nothing to the machine's DNS server (.ci/run checks that).
    let host = format!("{}.invalid", "n".repeat(64));
    let mock = Mock::start(vec![Reply::token(7000)]);
    let out = run_tokenless(
        doctor(&mock)
            .env("WXTOKEN_API_BASE", format!("http://{host}"))
            .args(["--timeout", "3"]),
    );
    assert_eq!(out.code, 3, "{out:?}");
    assert!(
        flat(&out.stdout).contains(&format!(
            "FAIL  dns          cannot resolve the API host {host}"
        )),
        "{out:?}"
    );
    assert!(flat(&out.stdout).contains("skip  whitelist"), "{out:?}");
    assert_eq!(mock.count(), 0);
}

#[test]
fn tls_goes_through_fetchs_client_and_an_untrusted_certificate_fails_the_connect_step() {
    let (mock, ca_pem) = Mock::start_tls(vec![Reply::token(7000)]);
    let ca = tempdir().join("ca.pem");
    std::fs::write(&ca, ca_pem).unwrap();
    let out = run_tokenless(doctor(&mock).arg("--ca-cert").arg(&ca));
    assert_eq!(out.code, 0, "{out:?}");
    let connect = out
        .stdout
        .lines()
        .find(|l| l.contains("  connect  "))
        .unwrap();
    assert!(
        connect.starts_with(" ok") && connect.contains("TCP and TLS to 127.0.0.1:"),
        "{out:?}"
    );

    let out = run_tokenless(&mut doctor(&mock));
    assert_eq!(out.code, 3, "{out:?}");
    assert!(
        out.stdout.contains("FAIL  connect      TLS handshake"),
        "{out:?}"
    );
    assert!(out.stdout.contains("--ca-cert"), "{out:?}");
    assert_eq!(
        mock.count(),
        2,
        "only the trusted run got past TLS (the probe and the stable_token call)"
    );
    assert_eq!(mock.last().path(), "/cgi-bin/stable_token");
}

#[test]
fn the_report_is_coloured_per_stream() {
    let mock = Mock::start(vec![Reply::token(7000)]);
    let out = run_tokenless(&mut doctor(&mock));
    assert!(
        !out.stdout.contains('\x1b'),
        "stdout is not a terminal: {out:?}"
    );
    let out = run_tokenless(doctor(&mock).args(["--color", "always"]));
    assert!(out.stdout.contains("\x1b[32m ok  \x1b[0m"), "{out:?}");
    let out = run_tokenless(doctor(&mock).args(["--color", "never"]));
    assert!(!out.stdout.contains('\x1b'), "{out:?}");
}

#[test]
fn a_wrong_secret_is_named_as_such_and_the_clock_needs_no_credentials() {
    let mock = Mock::start(vec![Reply::errcode(40125, "invalid appsecret")]);
    let out = run_tokenless(&mut doctor(&mock));
    assert_eq!(out.code, 6, "{out:?}");
    assert!(out.stdout.contains("FAIL  appid/secret"), "{out:?}");
    assert!(!out.stdout.contains("FAIL  whitelist"), "{out:?}");
    // No credentials at all: the clock is still checked (from the connect probe's answer).
    let mock = Mock::start(vec![Reply::token(7000)]);
    let out = run_tokenless(doctor(&mock).env_remove("WXTOKEN_SECRET"));
    assert_eq!(out.code, 2, "{out:?}");
    assert!(out.stdout.contains(" ok    clock"), "{out:?}");
    assert!(out.stdout.contains("skip  whitelist"), "{out:?}");
}
