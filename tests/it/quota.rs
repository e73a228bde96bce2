//! `wxtoken quota get` and `wxtoken quota clear` against the mock server: the token they use
//! (never a classic fetch unless asked), the confirmation a reset needs, every errcode and
//! failure path, and nothing leaked.

use std::io::Write;
use std::process::Stdio;

use crate::common::*;
use serde_json::{Value, json};

const QUOTA: &str = r#"{"errcode":0,"errmsg":"ok","quota":{"daily_limit":2000,"used":12,"remain":1988},"rate_limit":{"call_count":5000,"refresh_second":60}}"#;
const OK: &str = r#"{"errcode":0,"errmsg":"ok"}"#;

/// A mock WeChat: tokens from both endpoints, `quota/get` from `quota_get`, the resets from
/// `reset`.
fn wechat(quota_get: Reply, reset: Reply) -> Mock {
    Mock::with(move |req, _| match req.path() {
        "/cgi-bin/stable_token" | "/cgi-bin/token" => Reply::token(7200),
        "/cgi-bin/openapi/quota/get" => quota_get.clone(),
        "/cgi-bin/clear_quota/v2" | "/cgi-bin/openapi/quota/clear" => reset.clone(),
        _ => Reply::status(404, "text/plain", ""),
    })
}

fn quota(mock: &Mock, args: &[&str]) -> assert_cmd::Command {
    let mut cmd = with_credentials(mock, &["quota"]);
    cmd.args(args);
    cmd
}

/// Run, then check that neither the secret nor the token shows anywhere.
fn run_clean(cmd: &mut assert_cmd::Command) -> Outcome {
    let out = run(cmd);
    assert!(!out.stdout.contains(TOKEN), "the token on stdout: {out:?}");
    out
}

fn paths(mock: &Mock) -> Vec<String> {
    mock.requests()
        .iter()
        .map(|r| r.path().to_string())
        .collect()
}

#[test]
fn get_shows_the_token_endpoints_with_a_normal_mode_stable_token() {
    let mock = wechat(Reply::json(QUOTA), Reply::json(OK));
    let out = run_clean(&mut quota(&mock, &["get"]));
    assert_eq!(out.code, 0, "{out:?}");
    let lines: Vec<&str> = out.stdout.lines().collect();
    assert_eq!(lines.len(), 3, "{out:?}");
    assert!(lines[0].starts_with("CGI PATH") && lines[0].contains("RATE LIMIT"));
    assert!(lines[1].starts_with("/cgi-bin/token "), "{out:?}");
    assert!(lines[2].starts_with("/cgi-bin/stable_token "), "{out:?}");
    for word in ["2000", "12", "1988", "5000 per 60 s"] {
        assert!(lines[1].contains(word), "{word}: {out:?}");
    }
    assert_eq!(
        paths(&mock),
        [
            "/cgi-bin/stable_token",
            "/cgi-bin/openapi/quota/get",
            "/cgi-bin/openapi/quota/get"
        ],
        "the classic endpoint is never called"
    );
    let reqs = mock.requests();
    assert_eq!(reqs[0].method, "POST");
    assert_eq!(reqs[0].body_json()["force_refresh"], false);
    for (req, path) in reqs[1..]
        .iter()
        .zip(["/cgi-bin/token", "/cgi-bin/stable_token"])
    {
        assert_eq!(req.method, "POST");
        assert_eq!(
            req.query(),
            [("access_token".to_string(), TOKEN.to_string())]
        );
        assert_eq!(req.body_json(), json!({ "cgi_path": path }));
    }
}

#[test]
fn get_json_names_every_field_and_the_token_source() {
    let with_component = r#"{"errcode":0,"errmsg":"ok","quota":{"daily_limit":100,"used":1,"remain":99},"rate_limit":{"call_count":10,"refresh_second":1},"component_rate_limit":{"call_count":3,"refresh_second":2}}"#;
    let mock = wechat(Reply::json(with_component), Reply::json(OK));
    let args = [
        "get",
        "/cgi-bin/message/custom/send",
        "/cgi-bin/message/custom/send",
    ];
    let out = run_clean(quota(&mock, &args).arg("--json"));
    assert_eq!(out.code, 0, "{out:?}");
    assert_eq!(
        out.json(),
        json!({
            "quotas": [{
                "cgi_path": "/cgi-bin/message/custom/send",
                "daily_limit": 100, "used": 1, "remain": 99,
                "rate_limit": {"call_count": 10, "refresh_second": 1},
                "component_rate_limit": {"call_count": 3, "refresh_second": 2},
            }],
            "token_source": "stable_token",
            "platform": "mp",
        }),
        "one row per distinct path"
    );
    let out = run_clean(&mut quota(&mock, &["get", "/cgi-bin/message/custom/send"]));
    assert!(
        out.stdout
            .lines()
            .next()
            .unwrap()
            .ends_with("THIRD-PARTY RATE LIMIT")
    );
    assert!(out.stdout.contains("3 per 2 s"), "{out:?}");
    let out = run_clean(&mut quota(&mock, &["get", "--lang", "zh", "/cgi-bin/a"]));
    assert!(out.stdout.starts_with("接口路径") && out.stdout.contains("每 2 秒 3 次"));
}

#[test]
fn a_given_token_is_used_as_is_from_flag_env_or_stdin() {
    let mock = wechat(Reply::json(QUOTA), Reply::json(OK));
    let fetched = format!(r#"{{"access_token":"{TOKEN}","expires_in":7200}}"#);
    let out = run_clean(&mut quota(&mock, &["get", "--token", TOKEN]));
    assert_eq!(out.code, 0, "{out:?}");
    let out = run_clean(quota(&mock, &["get"]).env("WXTOKEN_ACCESS_TOKEN", TOKEN));
    assert_eq!(out.code, 0, "{out:?}");
    let out = run_clean(quota(&mock, &["get"]).write_stdin(fetched));
    assert_eq!(out.code, 0, "{out:?}");
    assert_eq!(mock.count(), 6);
    assert!(
        paths(&mock)
            .iter()
            .all(|p| p == "/cgi-bin/openapi/quota/get"),
        "nothing was fetched: {:?}",
        paths(&mock)
    );
    assert!(mock.requests().iter().all(|r| r.query()[0].1 == TOKEN));
    let out = run_clean(quota(&mock, &["get", "--json"]).env("WXTOKEN_ACCESS_TOKEN", TOKEN));
    assert_eq!(out.json()["token_source"], "given");
    // `--secret-file -` keeps stdin for the secret: the token is fetched.
    let out = run_clean(
        quota(&mock, &["get", "--secret-file", "-", "/cgi-bin/x"])
            .env_remove("WXTOKEN_SECRET")
            .write_stdin(format!("{SECRET}\n")),
    );
    assert_eq!(out.code, 0, "{out:?}");
    assert_eq!(paths(&mock)[8], "/cgi-bin/stable_token");
}

#[test]
fn the_classic_endpoint_only_when_asked_and_with_a_warning() {
    let mock = wechat(Reply::json(QUOTA), Reply::json(OK));
    let out = run_clean(&mut quota(&mock, &["get", "--classic", "/cgi-bin/token"]));
    assert_eq!(out.code, 0, "{out:?}");
    assert_eq!(
        paths(&mock),
        ["/cgi-bin/token", "/cgi-bin/openapi/quota/get"]
    );
    assert!(out.stderr.contains("warning: --classic"), "{out:?}");
    let out = run_clean(&mut quota(&mock, &["get", "--classic", "--token", TOKEN]));
    assert_eq!(out.code, 2, "{out:?}");
    assert!(out.stderr.contains("drop one of them"), "{out:?}");
    assert_eq!(mock.count(), 2);
}

#[test]
fn a_bad_cgi_path_is_a_usage_error_before_any_request() {
    let mock = wechat(Reply::json(QUOTA), Reply::json(OK));
    let secret_url = format!("https://api.weixin.qq.com/cgi-bin/token?access_token={TOKEN}");
    for (path, says) in [
        ("cgi-bin/token", "starts with /"),
        (
            secret_url.as_str(),
            "without scheme and host: /cgi-bin/token",
        ),
        ("/cgi-bin/token?x=1", "no query string"),
        ("/cgi bin", "whitespace"),
        ("", "empty"),
    ] {
        for args in [vec!["get", path], vec!["clear", "--yes", "--api", path]] {
            let out = run_clean(&mut quota(&mock, &args));
            assert_eq!(out.code, 2, "{path}: {out:?}");
            assert!(out.stderr.contains(says), "{path}: {out:?}");
            assert!(!out.stderr.contains(TOKEN), "{out:?}");
        }
    }
    assert_eq!(mock.count(), 0);
}

#[test]
fn every_quota_get_errcode_exits_with_its_code_and_names_the_path() {
    for (code, errmsg, exit, says) in [
        (
            76021,
            "cgi_path not found, please check rid: 6610524e-3c4d5e6f-7a8b9c0d",
            10,
            "unknown cgi_path",
        ),
        (
            76022,
            "could not use this cgi_path，no permission",
            10,
            "no permission for this cgi_path",
        ),
        (
            76003,
            "could not query this rid,no permission",
            10,
            "malformed cgi_path",
        ),
        (
            40001,
            "invalid credential, access_token is invalid or not latest",
            6,
            "invalid access_token",
        ),
        (42001, "access_token expired", 10, "expired"),
        (45011, "api minute-quota reach limit", 8, "too many calls"),
    ] {
        let mock = wechat(Reply::errcode(code, errmsg), Reply::json(OK));
        let out = run_clean(&mut quota(&mock, &["get", "/cgi-bin/x", "--retries", "0"]));
        assert_eq!(out.code, exit, "{code}: {out:?}");
        assert_eq!(out.stdout, "");
        assert!(out.stderr.contains(&format!("errcode {code}")), "{out:?}");
        assert!(out.stderr.contains(says), "{code}: {out:?}");
        assert!(out.stderr.contains("(cgi_path /cgi-bin/x)"), "{out:?}");
        let out = run_clean(&mut quota(
            &mock,
            &["get", "/cgi-bin/x", "--json", "--retries", "0"],
        ));
        let doc = out.json();
        assert_eq!(
            (doc["exit_code"].as_i64(), &doc["error"]["errcode"]),
            (Some(exit.into()), &json!(code))
        );
    }
    let mock = wechat(
        Reply::errcode(76021, "cgi_path not found rid: 6610524e-3c4d5e6f-7a8b9c0d"),
        Reply::json(OK),
    );
    let out = run_clean(&mut quota(&mock, &["get", "/cgi-bin/x"]));
    assert!(
        out.stderr
            .contains("wxtoken rid 6610524e-3c4d5e6f-7a8b9c0d"),
        "{out:?}"
    );
}

#[test]
fn busy_is_retried_and_bad_answers_exit_4() {
    let busy_then_ok = Mock::with(|req, n| match req.path() {
        "/cgi-bin/stable_token" => Reply::token(7200),
        _ if n == 1 => Reply::errcode(-1, "system error"),
        _ => Reply::json(QUOTA),
    });
    let out = run_clean(&mut quota(&busy_then_ok, &["get", "/cgi-bin/x"]));
    assert_eq!(out.code, 0, "{out:?}");
    assert_eq!(busy_then_ok.count(), 3);
    for (reply, says) in [
        (Reply::json(OK), "has neither quota nor an errcode"),
        (
            Reply::json(r#"{"quota":"2000"}"#),
            "has neither quota nor an errcode",
        ),
        (
            Reply::status(200, "text/html", "<html><title>portal</title></html>"),
            "HTML page",
        ),
        (Reply::status(200, "application/json", ""), "empty body"),
        (Reply::status(404, "text/plain", "no"), "HTTP 404"),
    ] {
        let mock = wechat(reply, Reply::json(OK));
        let out = run_clean(&mut quota(&mock, &["get", "--retries", "0"]));
        assert_eq!(out.code, 4, "{says}: {out:?}");
        assert!(out.stderr.contains(says), "{out:?}");
    }
    let out = run_clean(
        wxtoken()
            .args([
                "quota",
                "get",
                "--token",
                TOKEN,
                "--retries",
                "0",
                "--timeout",
                "2",
            ])
            .args(["--api-base", &format!("http://127.0.0.1:{}", closed_port())]),
    );
    assert_eq!(out.code, 3, "{out:?}");
}

#[test]
fn a_failed_token_fetch_stops_before_quota_get_and_45009_names_quota_clear() {
    let mock = Mock::start(vec![Reply::errcode(
        45009,
        "reach max api daily quota limit rid: 6610524e-3c4d5e6f-7a8b9c0d",
    )]);
    let out = run_clean(&mut quota(&mock, &["get"]));
    assert_eq!(out.code, 8, "{out:?}");
    assert!(out.stderr.contains("wxtoken quota clear"), "{out:?}");
    assert!(out.stderr.contains("10 resets a month"), "{out:?}");
    assert!(
        out.stderr
            .contains("wxtoken rid 6610524e-3c4d5e6f-7a8b9c0d"),
        "{out:?}"
    );
    assert_eq!(paths(&mock), ["/cgi-bin/stable_token"]);
    // fetch says the same.
    let out = run(&mut fetch(&mock));
    assert!(
        out.stderr.contains("wxtoken quota clear") && out.stderr.contains("wxtoken rid 6610524e")
    );
}

#[test]
fn without_a_token_or_credentials_it_says_how_to_give_one() {
    let mock = wechat(Reply::json(QUOTA), Reply::json(OK));
    for args in [
        vec!["quota", "get"],
        vec!["quota", "clear", "--yes", "--api", "/cgi-bin/x"],
        vec!["quota", "clear", "--yes"],
    ] {
        let out = run_clean(wxtoken().args(&args).env("WXTOKEN_API_BASE", mock.url()));
        assert_eq!(out.code, 2, "{out:?}");
        assert!(out.stderr.contains("missing appid"), "{out:?}");
    }
    let out = run_clean(wxtoken().args(["quota", "get"]).env("WXTOKEN_APPID", APPID));
    assert!(
        out.stderr.contains("missing secret") && out.stderr.contains("--token TOKEN"),
        "{out:?}"
    );
    let out = run_clean(&mut quota(&mock, &["get", "--token", ""]));
    assert_eq!(out.code, 2, "{out:?}");
    let out = run_clean(quota(&mock, &["get"]).write_stdin("two tokens\n"));
    assert!(
        out.code == 2 && out.stderr.contains("not one token"),
        "{out:?}"
    );
    assert_eq!(mock.count(), 0);
}

#[test]
fn wecom_has_no_such_api_and_nothing_is_sent() {
    let mock = wechat(Reply::json(QUOTA), Reply::json(OK));
    for args in [
        vec!["get"],
        vec!["clear", "--yes"],
        vec!["clear", "--yes", "--api", "/cgi-bin/x"],
    ] {
        for by_env in [false, true] {
            let mut cmd = quota(&mock, &args);
            match by_env {
                true => cmd.env("WXTOKEN_PLATFORM", "wecom"),
                false => cmd.args(["--platform", "wecom"]),
            };
            let out = run_clean(&mut cmd);
            assert_eq!(out.code, 2, "{out:?}");
            assert!(
                out.stderr.contains("WeChat Work has no such API"),
                "{out:?}"
            );
        }
    }
    assert_eq!(mock.count(), 0);
}

#[test]
fn clear_resets_with_appid_and_secret_in_the_query_and_never_shows_the_secret() {
    let mock = wechat(Reply::json(QUOTA), Reply::json(OK));
    let out = run_clean(&mut quota(&mock, &["clear", "--yes", "-v"]));
    assert_eq!(out.code, 0, "{out:?}");
    assert_eq!(
        out.stdout,
        format!("reset: the daily quotas of every API of {APPID}\n")
    );
    assert!(
        out.stderr
            .contains("this used one of the account's 10 resets a month"),
        "{out:?}"
    );
    assert!(out.stderr.contains("appsecret=***"), "{out:?}");
    assert!(out.stderr.contains("never retried"), "{out:?}");
    assert_eq!(
        paths(&mock),
        ["/cgi-bin/clear_quota/v2"],
        "no token is fetched"
    );
    let req = mock.last();
    assert_eq!(req.method, "POST");
    assert_eq!(
        req.query(),
        [
            ("appid".to_string(), APPID.to_string()),
            ("appsecret".to_string(), SECRET.to_string())
        ]
    );
    assert_eq!(req.body_json(), json!({}));
    let out = run_clean(&mut quota(&mock, &["clear", "--yes", "--json"]));
    assert_eq!(
        out.json(),
        json!({"cleared": true, "scope": "account", "appid": APPID, "platform": "mp"})
    );
    let out = run_clean(&mut quota(&mock, &["clear", "-y", "--lang", "zh"]));
    assert!(
        out.stdout.starts_with("已清零") && out.stderr.contains("每月 10 次"),
        "{out:?}"
    );
    let out = run_clean(&mut quota(&mock, &["clear", "--yes", "--classic"]));
    assert_eq!(out.code, 2, "{out:?}");
    assert_eq!(mock.count(), 3);
}

#[test]
fn clear_api_resets_one_path_with_a_stable_token() {
    let mock = wechat(Reply::json(QUOTA), Reply::json(OK));
    let out = run_clean(&mut quota(
        &mock,
        &["clear", "--api", "/cgi-bin/token", "--yes", "--json"],
    ));
    assert_eq!(out.code, 0, "{out:?}");
    assert_eq!(
        out.json(),
        json!({"cleared": true, "scope": "api", "cgi_path": "/cgi-bin/token",
               "token_source": "stable_token", "platform": "mp"})
    );
    assert!(
        out.stderr.contains("50 single-API resets a month"),
        "{out:?}"
    );
    assert_eq!(
        paths(&mock),
        ["/cgi-bin/stable_token", "/cgi-bin/openapi/quota/clear"]
    );
    let req = mock.last();
    assert_eq!(
        req.query(),
        [("access_token".to_string(), TOKEN.to_string())]
    );
    assert_eq!(req.body_json(), json!({ "cgi_path": "/cgi-bin/token" }));
    let out = run_clean(
        quota(&mock, &["clear", "--api", "/cgi-bin/x", "--yes"]).env("WXTOKEN_ACCESS_TOKEN", TOKEN),
    );
    assert_eq!(out.stdout, "reset: the daily quota of /cgi-bin/x\n");
    assert_eq!(mock.count(), 3);
    // A token on stdin: used with --yes; without it, refused before anything is sent.
    let out = run_clean(quota(&mock, &["clear", "--api", "/cgi-bin/x", "-y"]).write_stdin(TOKEN));
    assert_eq!(out.code, 0, "{out:?}");
    let out = run_clean(quota(&mock, &["clear", "--api", "/cgi-bin/x"]).write_stdin(TOKEN));
    assert_eq!(out.code, 2, "{out:?}");
    assert_eq!(paths(&mock)[1..], ["/cgi-bin/openapi/quota/clear"; 3]);
}

#[test]
fn without_yes_and_without_a_terminal_nothing_is_reset() {
    let mock = wechat(Reply::json(QUOTA), Reply::json(OK));
    for (args, cost) in [
        (vec!["clear"], "10 resets a month"),
        (
            vec!["clear", "--api", "/cgi-bin/token"],
            "50 single-API resets a month",
        ),
    ] {
        let out = run_clean(&mut quota(&mock, &args));
        assert_eq!(out.code, 2, "{out:?}");
        assert!(
            out.stderr.contains("add --yes to confirm") && out.stderr.contains(cost),
            "{out:?}"
        );
        let out = run_clean(quota(&mock, &args).arg("--json"));
        assert_eq!(out.json()["error"]["kind"], "usage");
    }
    assert_eq!(mock.count(), 0, "not even a token was fetched");
}

/// `wxtoken quota clear ARGS` at a terminal (`script` gives it one), answering `answer`.
fn at_a_terminal(mock: &Mock, args: &str, answer: &str) -> (i32, String) {
    let command = format!(
        "{} quota clear {args} --api-base {}",
        env!("CARGO_BIN_EXE_wxtoken"),
        mock.url()
    );
    let mut child = std::process::Command::new("script")
        .args(["-qec", &command, "/dev/null"])
        .env_clear()
        .env("PATH", std::env::var("PATH").unwrap_or_default())
        .env("WXTOKEN_APPID", APPID)
        .env("WXTOKEN_SECRET", SECRET)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("the script command (util-linux) is needed for this test");
    std::thread::sleep(std::time::Duration::from_millis(500));
    child
        .stdin
        .as_mut()
        .unwrap()
        .write_all(answer.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    let text = String::from_utf8_lossy(&out.stdout).to_string();
    assert!(!text.contains(SECRET) && !text.contains(TOKEN), "{text:?}");
    (out.status.code().unwrap_or(-1), text)
}

#[test]
fn at_a_terminal_it_asks_and_says_what_a_reset_costs() {
    let mock = wechat(Reply::json(QUOTA), Reply::json(OK));
    let (code, text) = at_a_terminal(&mock, "", "n\n");
    assert_eq!(code, 12, "\"n\" is a refusal, not a usage error: {text:?}");
    assert!(
        text.contains("10 resets a month (shared with clear_quota). [y/N]"),
        "{text:?}"
    );
    assert!(
        text.contains("not confirmed: nothing was reset"),
        "{text:?}"
    );
    let (code, text) = at_a_terminal(&mock, "--api /cgi-bin/token", "\n");
    assert_eq!(code, 12, "{text:?}");
    assert!(
        text.contains("50 single-API resets a month. [y/N]"),
        "{text:?}"
    );
    assert_eq!(mock.count(), 0, "a refusal sends nothing");
    let (code, text) = at_a_terminal(&mock, "", "y\n");
    assert_eq!(code, 0, "{text:?}");
    assert!(
        text.contains("reset: the daily quotas of every API"),
        "{text:?}"
    );
    assert_eq!(paths(&mock), ["/cgi-bin/clear_quota/v2"]);
    let (code, _) = at_a_terminal(&mock, "--yes", "");
    assert_eq!(code, 0);
    assert_eq!(mock.count(), 2);
}

#[test]
fn every_clear_errcode_exits_with_its_code_and_a_reset_is_never_retried() {
    for (code, errmsg, exit, says) in [
        (
            48006,
            "forbid to clear quota because of reaching the limit rid: 6610524e-3c4d5e6f-7a8b9c0d",
            8,
            "no quota resets left this month",
        ),
        (40013, "invalid appid", 6, "invalid AppID"),
        (41002, "appid missing", 6, "as URL query parameters"),
        (41004, "appsecret missing", 6, "as URL query parameters"),
        (40125, "invalid appsecret", 6, "invalid AppSecret"),
        (-1, "system error", 5, "WeChat is busy"),
    ] {
        let mock = wechat(Reply::json(QUOTA), Reply::errcode(code, errmsg));
        let out = run_clean(&mut quota(&mock, &["clear", "--yes", "--retries", "3"]));
        assert_eq!(out.code, exit, "{code}: {out:?}");
        assert!(out.stderr.contains(says), "{code}: {out:?}");
        assert_eq!(out.stdout, "");
        assert_eq!(mock.count(), 1, "{code}: sent once");
        let out = run_clean(&mut quota(
            &mock,
            &["clear", "--yes", "--json", "--api", "/cgi-bin/x"],
        ));
        assert_eq!(out.code, exit, "{code}: {out:?}");
        assert_eq!(out.json()["error"]["errcode"], code);
        assert_eq!(paths(&mock).last().unwrap(), "/cgi-bin/openapi/quota/clear");
    }
    let mock = wechat(
        Reply::json(QUOTA),
        Reply::errcode(41004, "appsecret missing"),
    );
    let out = run_clean(&mut quota(
        &mock,
        &["clear", "--yes", "--api", "/cgi-bin/x"],
    ));
    assert!(
        !out.stderr.contains("as URL query parameters"),
        "only for clear_quota/v2: {out:?}"
    );
    for (reply, says) in [
        (
            Reply::json(r#"{"errmsg":"ok"}"#),
            "whether it took effect is not known",
        ),
        (
            Reply::status(502, "text/html", "<html>bad gateway</html>"),
            "HTTP 502",
        ),
    ] {
        let mock = wechat(Reply::json(QUOTA), reply);
        let out = run_clean(&mut quota(&mock, &["clear", "--yes"]));
        assert_eq!(out.code, 4, "{out:?}");
        assert!(out.stderr.contains(says), "{out:?}");
        assert_eq!(mock.count(), 1, "a 5xx is not retried either");
    }
}

#[test]
fn nothing_secret_in_any_mode_even_when_the_server_echoes_the_request() {
    // A gateway that echoes the request back in its error page.
    let mock = Mock::with(|req, _| match req.path() {
        "/cgi-bin/stable_token" => Reply::token(7200),
        _ => Reply::status(500, "text/plain", &echo(req)),
    });
    for args in [
        vec!["get", "-v"],
        vec!["get", "--json"],
        vec!["clear", "--yes", "-v"],
        vec!["clear", "--yes", "--json"],
        vec!["clear", "--yes", "--api", "/cgi-bin/x", "-v"],
    ] {
        let out = run_clean(quota(&mock, &args).args(["--retries", "0"]));
        assert_eq!(out.code, 4, "{args:?}: {out:?}");
        let doc: Option<Value> = serde_json::from_str(&out.stdout).ok();
        assert!(args.contains(&"--json") == doc.is_some(), "{out:?}");
    }
}

#[test]
fn with_cache_the_token_comes_from_fetchs_cache() {
    let mock = wechat(Reply::json(QUOTA), Reply::json(OK));
    let dir = tempdir();
    for _ in 0..2 {
        let out = run_clean(quota(&mock, &["get", "--cache", "--cache-dir"]).arg(&dir));
        assert_eq!(out.code, 0, "{out:?}");
    }
    let fetched = paths(&mock)
        .iter()
        .filter(|p| p.as_str() == "/cgi-bin/stable_token")
        .count();
    assert_eq!(
        fetched,
        1,
        "one stable token, then the cached one: {:?}",
        paths(&mock)
    );
    // fetch --stable --cache serves the very entry quota stored.
    let out = run(fetch(&mock)
        .args(["--stable", "--cache", "--json", "--cache-dir"])
        .arg(&dir));
    assert_eq!(out.json()["source"], "cache", "{out:?}");
    // --min-ttl without --cache is the same usage error as for fetch.
    let out = run_clean(&mut quota(&mock, &["get", "--min-ttl", "60"]));
    assert_eq!(out.code, 2, "{out:?}");
}
