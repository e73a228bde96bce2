//! `wxtoken fetch` and what the server answers: every catalogued errcode with its exit code,
//! the request id and IP in every errmsg form, system busy and 5xx retried, and every answer
//! that is not a token (HTML, empty, invalid, oversized, gzip, no usable token) told by kind.

use crate::common::*;
use std::io::Write;
use wxtoken::platform::Platform;
use wxtoken::wechat::catalog::rows;

#[test]
fn every_catalogued_errcode_has_its_exit_code_and_message() {
    for entry in rows(Platform::Mp) {
        let errmsg = format!(
            "some text rid: 655d878c-2e41a3f4-{:08x}",
            entry.code.unsigned_abs()
        );
        let mock = Mock::start(vec![Reply::errcode(entry.code, &errmsg)]);
        let out = run(fetch(&mock).args(["--retries", "0"]));
        assert_eq!(
            out.code,
            i32::from(entry.exit_code()),
            "errcode {}: {out:?}",
            entry.code
        );
        assert_eq!(out.stdout, "", "errcode {}", entry.code);
        assert!(out.stderr.starts_with("wxtoken: error: "), "{out:?}");
        assert!(
            out.stderr.contains(&format!("errcode {}", entry.code)),
            "{out:?}"
        );
        assert!(out.stderr.contains(entry.title_en), "{out:?}");
        assert!(out.stderr.contains("hint: "), "{out:?}");
        assert_eq!(
            mock.count(),
            1,
            "errcode {} must not be retried with --retries 0",
            entry.code
        );

        let mock = Mock::start(vec![Reply::errcode(entry.code, &errmsg)]);
        let out = run(fetch(&mock).args(["--retries", "0", "--json"]));
        let doc = out.json();
        assert_eq!(doc["exit_code"], entry.exit_code());
        let e = &doc["error"];
        assert_eq!(e["kind"], "wechat");
        assert_eq!(e["errcode"], entry.code);
        assert_eq!(e["errmsg"], errmsg.as_str());
        assert_eq!(e["retryable"], entry.retryable);
        assert!(e["rid"].as_str().unwrap().starts_with("655d878c-2e41a3f4-"));
        assert!(e["hint"].is_string());
        assert!(e["message"].as_str().unwrap().contains(entry.title_en));
    }
}

#[test]
fn no_retry_after_an_errcode_other_than_minus_one() {
    let mock = Mock::start(vec![Reply::errcode(40013, "invalid appid")]);
    let out = run(&mut fetch(&mock));
    assert_eq!(out.code, 6);
    assert_eq!(mock.count(), 1);
}

#[test]
fn unknown_errcode_exits_10_with_errcode_and_errmsg_verbatim() {
    let mock = Mock::start(vec![Reply::errcode(
        99999,
        "brand new failure rid: 0a0b0c0d-11111111-22222222",
    )]);
    let out = run(&mut fetch(&mock));
    assert_eq!(out.code, 10, "{out:?}");
    assert!(out.stderr.contains("99999"));
    assert!(out.stderr.contains("brand new failure"));
    assert!(out.stderr.contains("0a0b0c0d-11111111-22222222"));
}

#[test]
fn rid_in_every_errmsg_form() {
    let forms = [
        (
            "invalid appid rid: 658cff8e-7783352d-44cb33e5",
            "658cff8e-7783352d-44cb33e5",
        ),
        (
            "invalid appid, rid: 658cff8e-7783352d-44cb33e6",
            "658cff8e-7783352d-44cb33e6",
        ),
        ("invalid appid hint: [jotvMa01143580]", "jotvMa01143580"),
        (
            "invalid appid, hints: [ req_id: IgXGma08222015 ]",
            "IgXGma08222015",
        ),
    ];
    for (errmsg, rid) in forms {
        let mock = Mock::start(vec![Reply::errcode(40013, errmsg)]);
        let out = run(fetch(&mock).arg("--json"));
        assert_eq!(out.code, 6);
        assert_eq!(out.json()["error"]["rid"], rid, "{errmsg}");
        assert!(out.stderr.contains(rid), "{out:?}");
    }
    let mock = Mock::start(vec![Reply::errcode(40013, "invalid appid")]);
    let out = run(fetch(&mock).arg("--json"));
    assert!(out.json()["error"]["rid"].is_null());
}

#[test]
fn ip_not_in_whitelist_names_the_ip_in_both_forms() {
    for errmsg in [
        "invalid ip 8.149.20.108 ipv6 ::ffff:8.149.20.108, not in whitelist rid: 6597b34f-49e4c9dc-1b25fb87",
        "invalid ip 8.149.20.108, not in whitelist hint: [Xk0Bwa0Y1]",
    ] {
        let mock = Mock::start(vec![Reply::errcode(40164, errmsg)]);
        let out = run(fetch(&mock).arg("--json"));
        assert_eq!(out.code, 7, "{out:?}");
        let e = &out.json()["error"];
        assert_eq!(e["ip"], "8.149.20.108");
        assert!(e["message"].as_str().unwrap().contains("8.149.20.108"));
        assert!(
            e["hint"]
                .as_str()
                .unwrap()
                .contains("add 8.149.20.108 to the IP whitelist")
        );
        assert!(
            out.stderr
                .contains("hint: add 8.149.20.108 to the IP whitelist"),
            "{out:?}"
        );
        assert!(out.stderr.contains("Basic Configuration"), "{out:?}");
    }
}

#[test]
fn busy_twice_then_a_token_succeeds_with_default_retries() {
    let mock = Mock::start(vec![
        Reply::errcode(-1, "system error"),
        Reply::errcode(-1, "system error"),
        Reply::token(7200),
    ]);
    let out = run(&mut fetch(&mock));
    assert_eq!(out.code, 0, "{out:?}");
    assert_eq!(out.stdout, format!("{TOKEN}\n"));
    assert_eq!(mock.count(), 3);
}

#[test]
fn busy_after_all_retries_exits_5() {
    let mock = Mock::start(vec![Reply::errcode(-1, "system error")]);
    let out = run(fetch(&mock).args(["--retries", "1", "--json"]));
    assert_eq!(out.code, 5, "{out:?}");
    assert_eq!(mock.count(), 2);
    assert_eq!(out.json()["error"]["retryable"], true);
}

#[test]
fn five_hundreds_are_retried_and_end_in_exit_4() {
    let mock = Mock::start(vec![Reply::status(
        502,
        "text/html",
        "<html><body>Bad Gateway</body></html>",
    )]);
    let out = run(fetch(&mock).args(["--retries", "1", "--json"]));
    assert_eq!(out.code, 4, "{out:?}");
    assert_eq!(mock.count(), 2);
    let e = &out.json()["error"];
    assert_eq!(e["kind"], "response");
    assert_eq!(e["http_status"], 502);
    assert!(
        out.stderr.contains("proxy, gateway or captive portal"),
        "{out:?}"
    );
}

#[test]
fn an_errcode_in_a_non_2xx_body_wins() {
    let mock = Mock::start(vec![Reply::status(
        503,
        "application/json",
        r#"{"errcode":40013,"errmsg":"invalid appid"}"#,
    )]);
    let out = run(&mut fetch(&mock));
    assert_eq!(out.code, 6, "{out:?}");
    assert_eq!(mock.count(), 1);
}

#[test]
fn non_2xx_without_errcode_shows_status_and_excerpt() {
    let mock = Mock::start(vec![Reply::status(
        404,
        "text/plain",
        "no such route\x1b[31m here",
    )]);
    let out = run(&mut fetch(&mock));
    assert_eq!(out.code, 4, "{out:?}");
    assert!(out.stderr.contains("HTTP 404"), "{out:?}");
    assert!(out.stderr.contains("no such route"), "{out:?}");
    assert!(
        !out.stderr.contains('\x1b'),
        "server text must be escaped: {out:?}"
    );
    assert_eq!(mock.count(), 1);
}

#[test]
fn json_served_as_text_html_with_gbk_still_works() {
    let mock = Mock::start(vec![Reply::Http {
        status: 200,
        content_type: "text/html; charset=gbk",
        body: format!(r#"{{"access_token":"{TOKEN}","expires_in":7200}}"#).into_bytes(),
        extra_headers: vec![],
    }]);
    let out = run(&mut fetch(&mock));
    assert_eq!(out.code, 0, "{out:?}");
}

#[test]
fn html_page_is_a_proxy_or_portal() {
    let mock = Mock::start(vec![Reply::status(
        200,
        "text/html",
        "<!DOCTYPE html><html><title>Login</title></html>",
    )]);
    let out = run(fetch(&mock).arg("--json"));
    assert_eq!(out.code, 4, "{out:?}");
    assert_eq!(out.json()["error"]["http_status"], 200);
    assert!(out.stderr.contains("captive portal"), "{out:?}");
}

#[test]
fn empty_body_exits_4() {
    let mock = Mock::start(vec![Reply::status(200, "application/json", "")]);
    let out = run(&mut fetch(&mock));
    assert_eq!(out.code, 4, "{out:?}");
    assert!(out.stderr.contains("empty"), "{out:?}");
}

#[test]
fn invalid_json_exits_4() {
    let mock = Mock::start(vec![Reply::json(r#"{"access_token": "abc"#)]);
    let out = run(&mut fetch(&mock));
    assert_eq!(out.code, 4, "{out:?}");
    assert!(out.stderr.contains("not JSON"), "{out:?}");
}

#[test]
fn json_without_a_usable_token_exits_4() {
    for body in [
        r#"{"access_token":"","expires_in":7200}"#,
        r#"{"access_token":"x","expires_in":0}"#,
        r#"{"access_token":"x","expires_in":"7200"}"#,
        r#"{"expires_in":7200}"#,
        r#"{"access_token":"x"}"#,
    ] {
        let mock = Mock::start(vec![Reply::json(body)]);
        let out = run(&mut fetch(&mock));
        assert_eq!(out.code, 4, "{body}: {out:?}");
        assert_eq!(out.stdout, "");
        assert!(out.stderr.contains("no usable token"), "{out:?}");
    }
}

#[test]
fn oversized_body_is_refused() {
    // Announced with Content-Length.
    let big = format!(
        r#"{{"access_token":"{}","expires_in":7200}}"#,
        "a".repeat(100_000)
    );
    let mock = Mock::start(vec![Reply::json(&big)]);
    let out = run(&mut fetch(&mock));
    assert_eq!(out.code, 4, "{out:?}");
    assert!(out.stderr.contains("larger than 64 KiB"), "{out:?}");
    // Without a length: closed-delimited.
    let mut raw =
        b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\n\r\n".to_vec();
    raw.extend_from_slice(big.as_bytes());
    let mock = Mock::start(vec![Reply::Raw(raw)]);
    let out = run(&mut fetch(&mock));
    assert_eq!(out.code, 4, "{out:?}");
    assert!(out.stderr.contains("larger than 64 KiB"), "{out:?}");
}

#[test]
fn gzip_body_is_accepted() {
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    enc.write_all(format!(r#"{{"access_token":"{TOKEN}","expires_in":7200}}"#).as_bytes())
        .unwrap();
    let body = enc.finish().unwrap();
    let mock = Mock::start(vec![Reply::Http {
        status: 200,
        content_type: "application/json",
        body,
        extra_headers: vec![("Content-Encoding".into(), "gzip".into())],
    }]);
    let out = run(&mut fetch(&mock));
    assert_eq!(out.code, 0, "{out:?}");
    assert_eq!(out.stdout, format!("{TOKEN}\n"));
    assert!(
        mock.last()
            .header("accept-encoding")
            .unwrap_or("")
            .contains("gzip")
    );
}
