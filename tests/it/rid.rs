//! `wxtoken rid` against the mock server: the rid found in whatever is pasted, the record shown
//! with every secret and token masked in every output mode, each errcode explained, and nothing
//! sent for what cannot be looked up.

use crate::common::*;
use serde_json::{Value, json};

const RID: &str = "6610524e-3c4d5e6f-7a8b9c0d";
/// Secrets and tokens of the recorded request: none of them may ever be shown.
const BODY_SECRET: &str = "0a1b2c3d4e5f60718293a4b5c6d7e8f9";
const OTHER_TOKEN: &str = "79_OtHeRtOkEnQzN3aXbY7cT9pLmK2vR5sW8eH1jG4fD6uI0oP3lZxCvBnMqAsDfGhJkL0123456789abcdefABCDEF_-xyz";
const COMPONENT_TOKEN: &str = "cmpTk_9f8e7d6c5b4a39281706f5e4d3c2b1a0";

/// The record WeChat keeps of a token call: the secret in the URL, an appsecret and another
/// token in the body, a token in the answer.
fn record() -> Value {
    json!({
        "errcode": 0,
        "errmsg": "ok",
        "request": {
            "invoke_time": 1_712_345_678,
            "cost_in_ms": 35,
            "request_url": format!("/cgi-bin/token?access_token={TOKEN}&grant_type=client_credential&appid={APPID}&secret={SECRET}"),
            "request_body": format!(r#"{{"appid":"{APPID}","appsecret":"{BODY_SECRET}","component_access_token":"{COMPONENT_TOKEN}"}}"#),
            "response_body": format!(r#"{{"access_token":"{OTHER_TOKEN}","expires_in":7200}}"#),
            "client_ip": "203.0.113.9",
        }
    })
}

/// A mock WeChat: stable tokens, and `rid/get` answered with `reply`.
fn wechat(reply: Reply) -> Mock {
    Mock::with(move |req, _| match req.path() {
        "/cgi-bin/stable_token" | "/cgi-bin/token" => Reply::token(7200),
        "/cgi-bin/openapi/rid/get" => reply.clone(),
        _ => Reply::status(404, "text/plain", ""),
    })
}

fn rid(mock: &Mock, args: &[&str]) -> assert_cmd::Command {
    let mut cmd = with_credentials(mock, &["rid"]);
    cmd.args(args);
    cmd
}

/// Run and check that no secret or token of the run or of the record shows anywhere.
fn run_clean(cmd: &mut assert_cmd::Command) -> Outcome {
    let out = run(cmd);
    for hidden in [TOKEN, SECRET, BODY_SECRET, OTHER_TOKEN, COMPONENT_TOKEN] {
        assert_no_leak(&out, hidden);
        assert!(!out.stdout.contains(hidden), "{hidden} leaked: {out:?}");
    }
    out
}

fn paths(mock: &Mock) -> Vec<String> {
    mock.requests()
        .iter()
        .map(|r| r.path().to_string())
        .collect()
}

#[test]
fn the_record_is_shown_with_every_secret_masked() {
    let mock = wechat(Reply::json(&record().to_string()));
    let out = run_clean(&mut rid(&mock, &[RID]));
    assert_eq!(out.code, 0, "{out:?}");
    let want = [
        format!("rid:           {RID}"),
        "invoked at:    2024-04-05T19:34:38Z".to_string(),
        "took:          35 ms".to_string(),
        "client IP:     203.0.113.9".to_string(),
        format!(
            "request URL:   /cgi-bin/token?access_token=***&grant_type=client_credential&appid={APPID}&secret=***"
        ),
        format!(
            r#"request body:  {{"appid":"{APPID}","appsecret":"***","component_access_token":"***"}}"#
        ),
        r#"response:      {"access_token":"***","expires_in":7200}"#.to_string(),
    ];
    assert_eq!(out.stdout.lines().collect::<Vec<_>>(), want, "{out:?}");
    assert_eq!(
        paths(&mock),
        ["/cgi-bin/stable_token", "/cgi-bin/openapi/rid/get"]
    );
    let reqs = mock.requests();
    assert_eq!(reqs[0].body_json()["force_refresh"], false);
    assert_eq!(reqs[1].method, "POST");
    assert_eq!(
        reqs[1].query(),
        [("access_token".to_string(), TOKEN.to_string())]
    );
    assert_eq!(reqs[1].body_json(), json!({ "rid": RID }));
}

#[test]
fn json_and_verbose_are_masked_too() {
    let mock = wechat(Reply::json(&record().to_string()));
    let out = run_clean(&mut rid(&mock, &[RID, "--json", "-v"]));
    assert_eq!(out.code, 0, "{out:?}");
    let doc = out.json();
    assert_eq!(
        doc,
        json!({
            "rid": RID,
            "invoke_time": 1_712_345_678,
            "invoked_at": "2024-04-05T19:34:38Z",
            "cost_in_ms": 35,
            "client_ip": "203.0.113.9",
            "request_url": format!("/cgi-bin/token?access_token=***&grant_type=client_credential&appid={APPID}&secret=***"),
            "request_body": format!(r#"{{"appid":"{APPID}","appsecret":"***","component_access_token":"***"}}"#),
            "response_body": r#"{"access_token":"***","expires_in":7200}"#,
            "response_errcode": null,
            "token_source": "stable_token",
            "platform": "mp",
        })
    );
    assert!(out.stderr.contains("rid/get?access_token=***"), "{out:?}");
    let out = run_clean(&mut rid(&mock, &[RID, "--lang", "zh"]));
    assert!(
        out.stdout.contains("调用时间：") && out.stdout.contains("35 毫秒"),
        "{out:?}"
    );
}

#[test]
fn a_failed_request_in_the_record_is_named_and_odd_fields_survive() {
    let errmsg = format!("invalid ip 1.2.3.4, not in whitelist rid: {RID} token={OTHER_TOKEN}");
    let answer = json!({"errcode": 40164, "errmsg": errmsg}).to_string();
    let doc = json!({"errcode": 0, "errmsg": "ok", "request": {
        "invoke_time": "yesterday", "request_url": "/cgi-bin/stable_token", "request_body": "",
        "response_body": answer, "client_ip": null,
        "cost_in_ms": 7,
    }});
    let mock = wechat(Reply::json(&doc.to_string()));
    let out = run_clean(&mut rid(&mock, &[RID]));
    assert_eq!(out.code, 0, "{out:?}");
    for line in [
        "invoked at:    -",
        "client IP:     -",
        "request body:  (empty)",
        "errcode:       40164, calling IP not in the whitelist (wxtoken explain 40164)",
    ] {
        assert!(out.stdout.contains(line), "{line}: {out:?}");
    }
    let out = run_clean(&mut rid(&mock, &[RID, "--json"]));
    assert_eq!(out.json()["response_errcode"], 40164);
    assert_eq!(out.json()["invoke_time"], Value::Null);
}

#[test]
fn the_rid_is_found_in_whatever_was_pasted() {
    let mock = wechat(Reply::json(&record().to_string()));
    let answer = format!(r#"{{"errcode":40013,"errmsg":"invalid appid rid: {RID}"}}"#);
    for input in [
        format!("invalid appid rid: {RID}"),
        answer,
        format!("2024-04-05 19:34:38 ERROR [40013] invalid appid rid:  @{RID}。"),
        format!(" {RID}\n"),
    ] {
        let out = run_clean(&mut rid(&mock, &[&input]));
        assert_eq!(out.code, 0, "{input}: {out:?}");
        assert_eq!(mock.last().body_json(), json!({ "rid": RID }), "{input}");
    }
    let out = run_clean(&mut rid(
        &mock,
        &["access_token missing hint: [Pq7sDa0418vr33!]"],
    ));
    assert_eq!(out.code, 0, "{out:?}");
    assert_eq!(mock.last().body_json(), json!({ "rid": "Pq7sDa0418vr33" }));
}

#[test]
fn no_request_for_what_cannot_be_looked_up() {
    let mock = wechat(Reply::json(&record().to_string()));
    for (input, says) in [
        ("", "no request id in the input (0 characters)"),
        ("invalid appid hint: []", "no request id"),
        ("hello world", "no request id"),
        (SECRET, "looks like an access_token or a secret"),
        (TOKEN, "looks like an access_token or a secret"),
        (
            "xxxxxxxx-xxxxxxxx-xxxxxxxx",
            "xxxxxxxx-xxxxxxxx-xxxxxxxx is masked or cut short",
        ),
        (
            "invalid appid rid: 5fd3c0a1-6e2b7d4f-",
            "5fd3c0a1-6e2b7d4f- is masked or cut short",
        ),
        ("invalid appid rid: 6610524e-3c4d***", "masked or cut short"),
        (
            "not allow to access from your ip, hint: [1712345678402917365820194], from ip: 1.2.3.4, more info at https://open.work.weixin.qq.com/devtool/query?e=60020",
            "WeChat Work's request id",
        ),
    ] {
        let out = run_clean(&mut rid(&mock, &[input]));
        assert_eq!(out.code, 2, "{input}: {out:?}");
        assert!(out.stderr.contains(says), "{input}: {out:?}");
        let out = run_clean(&mut rid(&mock, &[input, "--json"]));
        assert_eq!(out.json()["error"]["kind"], "usage");
    }
    let out = run_clean(&mut rid(&mock, &[]));
    assert_eq!(out.code, 2, "{out:?}");
    for mut cmd in [
        rid(&mock, &[RID, "--platform", "wecom"]),
        rid(&mock, &[RID, "--classic", "--token", TOKEN]),
        rid(&mock, &[RID, "--token", "not one token"]),
    ] {
        let out = run_clean(&mut cmd);
        assert_eq!(out.code, 2, "{out:?}");
    }
    let out = run_clean(
        wxtoken()
            .args(["rid", RID])
            .env("WXTOKEN_API_BASE", mock.url()),
    );
    assert!(
        out.code == 2 && out.stderr.contains("missing appid"),
        "{out:?}"
    );
    assert_eq!(mock.count(), 0);
}

#[test]
fn every_rid_errcode_explains_itself() {
    for (code, errmsg, says) in [
        (76001, "rid not found", "request id not found"),
        (76002, "rid is error", "malformed request id"),
        (
            76003,
            "could not query this rid,no permission",
            "another account",
        ),
        (76004, "rid time is error", "out of time"),
        (
            40001,
            "invalid credential, access_token is invalid or not latest",
            "invalid access_token",
        ),
        (42001, "access_token expired", "expired"),
    ] {
        let mock = wechat(Reply::errcode(code, errmsg));
        let out = run_clean(&mut rid(&mock, &[RID, "--token", TOKEN]));
        let exit = if code == 40001 { 6 } else { 10 };
        assert_eq!(out.code, exit, "{code}: {out:?}");
        assert_eq!(out.stdout, "");
        assert!(out.stderr.contains(&format!("errcode {code}")), "{out:?}");
        assert!(out.stderr.contains(says), "{code}: {out:?}");
        let dated = out
            .stderr
            .contains("the rid dates the request to 2024-04-05T19:34:38Z");
        assert_eq!(dated, matches!(code, 76001 | 76004), "{code}: {out:?}");
        let out = run_clean(&mut rid(&mock, &[RID, "--token", TOKEN, "--json"]));
        let doc = out.json();
        assert_eq!(doc["exit_code"], exit);
        assert_eq!(doc["error"]["errcode"], code);
        assert_eq!(paths(&mock), ["/cgi-bin/openapi/rid/get"; 2]);
    }
}

#[test]
fn token_and_answer_failures_exit_with_their_codes() {
    let mock = Mock::start(vec![Reply::errcode(40125, "invalid appsecret")]);
    let out = run_clean(&mut rid(&mock, &[RID]));
    assert_eq!(out.code, 6, "{out:?}");
    assert_eq!(
        paths(&mock),
        ["/cgi-bin/stable_token"],
        "no lookup without a token"
    );
    for (reply, exit, says) in [
        (
            Reply::json(r#"{"errcode":0,"errmsg":"ok"}"#),
            4,
            "has neither request nor an errcode",
        ),
        (Reply::status(200, "text/plain", "hello"), 4, "not JSON"),
        (Reply::status(503, "text/plain", "busy"), 4, "HTTP 503"),
        (Reply::errcode(-1, "system error"), 5, "WeChat is busy"),
    ] {
        let mock = wechat(reply);
        let out = run_clean(&mut rid(&mock, &[RID, "--retries", "1"]));
        assert_eq!(out.code, exit, "{says}: {out:?}");
        assert!(out.stderr.contains(says), "{out:?}");
    }
    let out = run_clean(
        wxtoken()
            .args(["rid", RID, "--token", TOKEN, "--retries", "0"])
            .args(["--api-base", &format!("http://127.0.0.1:{}", closed_port())]),
    );
    assert_eq!(out.code, 3, "{out:?}");
}

#[test]
fn explain_and_fetch_name_the_lookup_command() {
    let body = format!(r#"{{"errcode":40013,"errmsg":"invalid appid rid: {RID}"}}"#);
    let out = run(wxtoken().args(["explain", &body]));
    assert!(
        flat(&out.stdout).contains(&format!("request id:  {RID} (give it to WeChat support; the account owner can look it up for 7 days: wxtoken rid {RID})")),
        "{out:?}"
    );
    let out = run(wxtoken().args(["explain", "invalid appid rid: xxxxxxxx-xxxxxxxx-xxxxxxxx"]));
    assert!(!flat(&out.stdout).contains("wxtoken rid"), "{out:?}");
    let mock = Mock::start(vec![Reply::json(&body)]);
    let out = run(&mut fetch(&mock));
    assert!(
        out.stderr.contains(&format!("wxtoken rid {RID})")),
        "{out:?}"
    );
}

/// Every non-empty stderr line carries Chinese, except quoted server text.
fn assert_chinese(out: &Outcome) {
    for line in out.stderr.lines() {
        if line.trim().is_empty() || line.starts_with("  errmsg：") {
            continue;
        }
        let cjk = line.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
        assert!(cjk, "an English line under --lang zh: {line:?}\n{out:?}");
    }
}

#[test]
fn under_lang_zh_every_message_of_rid_and_quota_is_chinese() {
    let lookup = wechat(Reply::errcode(76001, "rid not found"));
    let clear = Mock::with(|req, _| match req.path() {
        "/cgi-bin/stable_token" => Reply::token(7200),
        "/cgi-bin/openapi/quota/get" => Reply::json(r#"{"errcode":0}"#),
        _ => Reply::errcode(41004, "appsecret missing"),
    });
    let cases: Vec<(&Mock, Vec<&str>)> = vec![
        (&lookup, vec!["rid", RID, "-v"]),
        (&lookup, vec!["rid", "hello world"]),
        (&lookup, vec!["rid", "xxxxxxxx-xxxxxxxx-xxxxxxxx"]),
        (&lookup, vec!["rid", SECRET]),
        (&lookup, vec!["rid", RID, "--platform", "wecom"]),
        (&lookup, vec!["rid", RID, "--classic", "-v"]),
        (&clear, vec!["quota", "get", "cgi-bin/token"]),
        (
            &clear,
            vec!["quota", "get", "https://api.weixin.qq.com/cgi-bin/token"],
        ),
        (&clear, vec!["quota", "get"]),
        (&clear, vec!["quota", "clear"]),
        (&clear, vec!["quota", "clear", "--api", "/cgi-bin/x"]),
        (&clear, vec!["quota", "clear", "--yes", "-v"]),
        (&clear, vec!["quota", "clear", "--yes", "--classic"]),
    ];
    for (mock, args) in cases {
        let out = run_clean(
            wxtoken()
                .args(&args)
                .env("WXTOKEN_LANG", "zh")
                .env("WXTOKEN_APPID", APPID)
                .env("WXTOKEN_SECRET", SECRET)
                .env("WXTOKEN_API_BASE", mock.url()),
        );
        assert_ne!(out.code, 0, "{args:?}: {out:?}");
        assert_chinese(&out);
    }
}
