//! The networks people have: SOCKS proxies (Clash, V2Ray, `ssh -D`) and the operating system's
//! trust store, against real protocol servers on 127.0.0.1.

use crate::common::*;

#[test]
fn socks5h_proxies_carry_fetch_check_and_doctor_with_the_name_resolved_remotely() {
    let mock = Mock::start(vec![Reply::token(7200)]);
    let socks = Socks5::start(None);
    let port = mock.addr.port();
    // A name only the proxy "knows": socks5h hands it over unresolved.
    let base = format!("http://api.weixin.invalid:{port}");
    let out = run(fetch(&mock)
        .env("WXTOKEN_API_BASE", &base)
        .args(["--proxy", &socks.url("socks5h")]));
    assert_eq!(out.code, 0, "{out:?}");
    assert_eq!(out.stdout, format!("{TOKEN}\n"));
    assert_eq!(socks.targets(), [format!("api.weixin.invalid:{port}")]);
    // From all_proxy, as Clash sets it; and check and doctor go the same way.
    let out = run(fetch(&mock)
        .env("WXTOKEN_API_BASE", &base)
        .env("all_proxy", socks.url("socks5h")));
    assert_eq!(out.code, 0, "{out:?}");
    let out = run_tokenless(
        wxtoken()
            .args(["check", "--token", TOKEN])
            .env("WXTOKEN_API_BASE", &base)
            .env("ALL_PROXY", socks.url("socks5h")),
    );
    assert_ne!(out.code, 3, "reached the mock through the proxy: {out:?}");
    let out = run_tokenless(
        wxtoken()
            .arg("doctor")
            .env("WXTOKEN_APPID", APPID)
            .env("WXTOKEN_SECRET", SECRET)
            .env("WXTOKEN_API_BASE", &base)
            .env("all_proxy", socks.url("socks5h")),
    );
    assert_eq!(out.code, 0, "{out:?}");
    assert!(out.stdout.contains("socks5h://127.0.0.1:"), "{out:?}");
    assert_eq!(socks.targets().len(), 5, "{:?}", socks.targets());
    assert!(mock.count() >= 4);
}

#[test]
fn socks5_with_a_password_and_no_proxy_are_honoured() {
    let mock = Mock::start(vec![Reply::token(7200)]);
    let socks = Socks5::start(Some(("wx", "s3cr/et")));
    let url = format!("socks5://wx:s3cr%2Fet@{}", socks.addr);
    let out = run(fetch(&mock).args(["--proxy", &url]));
    assert_eq!(out.code, 0, "{out:?}");
    assert_eq!(socks.targets(), [format!("127.0.0.1:{}", mock.addr.port())]);
    assert!(!out.stderr.contains("s3cr"), "{out:?}");
    // A wrong password: a network failure that names the proxy, never the password.
    let wrong = format!("socks5://wx:wr0ng-pass@{}", socks.addr);
    let out = run(fetch(&mock).args(["--retries", "0", "--proxy", &wrong]));
    assert_eq!(out.code, 3, "{out:?}");
    assert!(!out.stderr.contains("wr0ng-pass"), "{out:?}");
    // NO_PROXY bypasses a SOCKS proxy as it does an HTTP one.
    let before = socks.targets().len();
    let out = run(fetch(&mock)
        .env("all_proxy", socks.url("socks5"))
        .env("NO_PROXY", "127.0.0.1"));
    assert_eq!(out.code, 0, "{out:?}");
    assert_eq!(socks.targets().len(), before, "bypassed");
}

#[test]
fn ca_cert_system_adds_the_operating_systems_roots() {
    let (mock, ca_pem) = Mock::start_tls(vec![Reply::token(7200)]);
    let dir = tempdir();
    let bundle = dir.join("ca-certificates.crt");
    std::fs::write(&bundle, ca_pem).unwrap();
    // Not trusted by the built-in roots: the hint names --ca-cert system.
    let out = run(fetch(&mock).args(["--retries", "0"]));
    assert_eq!(out.code, 3, "{out:?}");
    assert!(out.stderr.contains("--ca-cert system"), "{out:?}");
    // Installed on "this machine" (SSL_CERT_FILE is where the OS bundle is read from).
    let out = run(fetch(&mock)
        .args(["--ca-cert", "system"])
        .env("SSL_CERT_FILE", &bundle));
    assert_eq!(out.code, 0, "{out:?}");
    let out = run(fetch(&mock)
        .env("WXTOKEN_CA_CERT", "system")
        .env("SSL_CERT_FILE", &bundle));
    assert_eq!(out.code, 0, "{out:?}");
}

#[test]
fn an_http_api_base_behind_an_http_proxy_is_a_forward_request_as_curl_sends_it() {
    // The mock plays the proxy: it sees the request line as a proxy would.
    let proxy = Mock::start(vec![Reply::token(7200)]);
    let out = run(fetch(&proxy)
        .env("WXTOKEN_API_BASE", "http://api.weixin.invalid")
        .env("http_proxy", format!("http://wx:pa%2Fss@{}", proxy.addr)));
    assert_eq!(out.code, 0, "{out:?}");
    let reqs = proxy.requests();
    assert_eq!(reqs.len(), 1, "no CONNECT: {reqs:?}");
    assert_eq!(reqs[0].method, "GET");
    assert!(
        reqs[0]
            .target
            .starts_with("http://api.weixin.invalid/cgi-bin/token?grant_type=client_credential"),
        "{reqs:?}"
    );
    // user "wx", password "pa/ss"
    assert_eq!(
        reqs[0].header("proxy-authorization"),
        Some("Basic d3g6cGEvc3M=")
    );
    assert!(!out.stderr.contains("pa/ss") && !out.stderr.contains("d3g6cGEvc3M"));
    // A POST (stable) goes the same way; HTTPS stays a CONNECT tunnel.
    let out = run(fetch(&proxy)
        .arg("--stable")
        .env("WXTOKEN_API_BASE", "http://api.weixin.invalid:8080/gw")
        .env("http_proxy", proxy.url()));
    assert_eq!(out.code, 0, "{out:?}");
    let last = proxy.last();
    assert_eq!(last.method, "POST");
    assert_eq!(
        last.target,
        "http://api.weixin.invalid:8080/gw/cgi-bin/stable_token"
    );
    assert_eq!(last.body_json()["appid"], APPID);
}

#[test]
fn a_local_http_base_through_a_remote_proxy_warns_that_the_proxy_sees_the_secret() {
    let proxy = Mock::start(vec![Reply::token(7200)]);
    // A proxy on another machine: warned before anything is sent. (A CA file that does not
    // exist ends the run right after the warning: no packet leaves this machine.)
    let out = run(fetch(&proxy)
        .env("WXTOKEN_API_BASE", "http://127.0.0.1:9")
        .env("http_proxy", "http://proxy.example:3128")
        .args(["--ca-cert", "/nonexistent/ca.pem"]));
    assert_eq!(out.code, 2, "{out:?}");
    assert!(
        out.stderr.contains("reach the proxy unencrypted"),
        "{out:?}"
    );
    // A proxy on this machine, or none: nothing to warn about.
    let out = run(fetch(&proxy)
        .env("WXTOKEN_API_BASE", "http://127.0.0.1:9")
        .env("http_proxy", proxy.url()));
    assert_eq!(out.code, 0, "{out:?}");
    assert!(!out.stderr.contains("unencrypted"), "{out:?}");
    let out = run(&mut fetch(&proxy));
    assert!(!out.stderr.contains("unencrypted"), "{out:?}");
}
