//! `wxtoken check` against the mock server.

use crate::common::*;

fn check(mock: &Mock) -> assert_cmd::Command {
    let mut cmd = wxtoken();
    cmd.arg("check").env("WXTOKEN_API_BASE", mock.url());
    cmd
}

fn ip_list() -> Reply {
    Reply::json(r#"{"ip_list":["101.226.103.0/25","101.226.233.128/25"]}"#)
}

#[test]
fn a_valid_token_from_flag_env_or_stdin() {
    let mock = Mock::start(vec![ip_list()]);
    let out = run_tokenless(check(&mock).args(["--token", TOKEN]));
    assert_eq!(out.code, 0, "{out:?}");
    assert!(out.stdout.starts_with("valid"), "{out:?}");
    let req = mock.last();
    assert_eq!(req.method, "GET");
    assert_eq!(req.path(), "/cgi-bin/getcallbackip");
    assert_eq!(
        req.query(),
        vec![("access_token".to_string(), TOKEN.to_string())]
    );

    let out = run_tokenless(
        check(&mock)
            .env("WXTOKEN_ACCESS_TOKEN", TOKEN)
            .arg("--json"),
    );
    assert_eq!(
        out.json(),
        serde_json::json!({"valid": true, "platform": "mp"})
    );

    let out = run_tokenless(check(&mock).write_stdin(format!("{TOKEN}\n")));
    assert_eq!(out.code, 0, "{out:?}");
    assert_eq!(mock.count(), 3);
    assert!(mock.requests().iter().all(|r| r.query()[0].1 == TOKEN));
}

#[test]
fn rejected_tokens_exit_6_and_say_why() {
    let cases = [
        (
            42001,
            "access_token expired rid: 1a2b3c4d-11111111-22222222",
            "expired",
        ),
        (
            40001,
            "invalid credential, access_token is invalid or not latest rid: 1a2b3c4d-11111111-22222222",
            "superseded",
        ),
        (
            40014,
            "invalid access_token rid: 1a2b3c4d-11111111-22222222",
            "malformed",
        ),
        (
            41001,
            "access_token missing rid: 1a2b3c4d-11111111-22222222",
            "access_token missing",
        ),
    ];
    for (code, errmsg, says) in cases {
        let mock = Mock::start(vec![Reply::errcode(code, errmsg)]);
        let out = run_tokenless(check(&mock).args(["--token", TOKEN]));
        assert_eq!(out.code, 6, "{code}: {out:?}");
        assert!(
            out.stderr.contains(says),
            "{code}: expected {says:?} in {out:?}"
        );
        assert!(out.stderr.contains("1a2b3c4d-11111111-22222222"), "{out:?}");
        assert_eq!(mock.count(), 1);

        let mock = Mock::start(vec![Reply::errcode(code, errmsg)]);
        let out = run_tokenless(check(&mock).args(["--token", TOKEN, "--json"]));
        let doc = out.json();
        assert_eq!(doc["valid"], false);
        assert_eq!(doc["exit_code"], 6);
        assert_eq!(doc["error"]["errcode"], code);
        assert_eq!(doc["error"]["kind"], "wechat");
    }
}

#[test]
fn ip_not_whitelisted_says_nothing_about_the_token() {
    let mock = Mock::start(vec![Reply::errcode(
        40164,
        "invalid ip 1.2.3.4 ipv6 ::ffff:1.2.3.4, not in whitelist rid: 1-2-3",
    )]);
    let out = run_tokenless(check(&mock).args(["--token", TOKEN]));
    assert_eq!(out.code, 7, "{out:?}");
    assert!(
        out.stderr.contains("says nothing about the token"),
        "{out:?}"
    );
    assert!(out.stderr.contains("1.2.3.4"), "{out:?}");
}

#[test]
fn verbose_shows_at_most_the_first_characters_of_the_token() {
    let mock = Mock::start(vec![Reply::errcode(-1, "busy"), ip_list()]);
    let out = run_tokenless(check(&mock).args(["--token", TOKEN, "-v"]));
    assert_eq!(out.code, 0, "{out:?}");
    let prefix: String = TOKEN.chars().take(6).collect();
    assert!(
        out.stderr
            .contains(&format!("getcallbackip?access_token={prefix}…")),
        "{out:?}"
    );
    assert!(!out.stderr.contains(&TOKEN[..12]), "{out:?}");
    assert_eq!(mock.count(), 2, "-1 is retried");
}

#[test]
fn bad_input_exits_2_without_a_request() {
    let mock = Mock::start(vec![ip_list()]);
    for (args, stdin) in [
        (vec!["--token", ""], None),
        (vec!["--token", "two tokens"], None),
        (vec![], Some("")),
        (vec![], Some("a\nb")),
        (vec!["--token", "x", "--api-base", "ftp://x"], None),
    ] {
        let mut cmd = check(&mock);
        cmd.args(&args);
        if let Some(input) = stdin {
            cmd.write_stdin(input);
        }
        let out = run_tokenless(&mut cmd);
        assert_eq!(out.code, 2, "{args:?} {stdin:?}: {out:?}");
    }
    assert_eq!(mock.count(), 0);
}

#[test]
fn an_answer_without_ip_list_is_a_bad_response() {
    let mock = Mock::start(vec![Reply::json(r#"{"hello":"world"}"#)]);
    let out = run_tokenless(check(&mock).args(["--token", TOKEN]));
    assert_eq!(out.code, 4, "{out:?}");
    let mock = Mock::start(vec![Reply::status(
        502,
        "text/html",
        "<html>bad gateway</html>",
    )]);
    let out = run_tokenless(check(&mock).args(["--token", TOKEN, "--retries", "0"]));
    assert_eq!(out.code, 4, "{out:?}");
}

#[test]
fn fetch_piped_into_check() {
    let mock = Mock::with(|req, _| {
        if req.path() == "/cgi-bin/token" {
            Reply::token(7200)
        } else {
            ip_list()
        }
    });
    let fetched = run(&mut fetch(&mock));
    let out = run_tokenless(check(&mock).write_stdin(fetched.stdout));
    assert_eq!(out.code, 0, "{out:?}");
    assert_eq!(mock.count(), 2);
}

#[test]
fn help_never_shows_the_token_from_the_environment() {
    let out = run_tokenless(
        wxtoken()
            .args(["check", "--help"])
            .env("WXTOKEN_ACCESS_TOKEN", TOKEN),
    );
    assert_eq!(out.code, 0);
    assert!(out.stdout.contains("WXTOKEN_ACCESS_TOKEN"), "{out:?}");
}

#[test]
fn fetch_json_piped_into_check_sends_exactly_the_token() {
    let mock = Mock::with(|req, _| {
        if req.path() == "/cgi-bin/token" {
            Reply::token(7200)
        } else {
            ip_list()
        }
    });
    let fetched = run(fetch(&mock).arg("--json"));
    assert_eq!(fetched.code, 0, "{fetched:?}");
    assert_eq!(fetched.json()["access_token"], TOKEN, "{fetched:?}");
    for args in [&[][..], &["--json"], &["-v"]] {
        let out = run_tokenless(check(&mock).args(args).write_stdin(fetched.stdout.clone()));
        assert_eq!(out.code, 0, "{args:?}: {out:?}");
        let req = mock.last();
        assert_eq!(req.path(), "/cgi-bin/getcallbackip");
        assert_eq!(
            req.query(),
            vec![("access_token".to_string(), TOKEN.to_string())]
        );
    }
    // The same document through --token and WXTOKEN_ACCESS_TOKEN, and WeChat's own answer.
    let answer = format!(r#"{{"access_token":"{TOKEN}","expires_in":7200}}"#);
    for doc in [fetched.stdout.trim().to_string(), answer] {
        let out = run_tokenless(check(&mock).args(["--token", &doc]));
        assert_eq!(out.code, 0, "{out:?}");
        assert_eq!(mock.last().query()[0].1, TOKEN);
        let out = run_tokenless(check(&mock).env("WXTOKEN_ACCESS_TOKEN", &doc));
        assert_eq!(out.code, 0, "{out:?}");
        assert_eq!(mock.last().query()[0].1, TOKEN);
    }
    assert_eq!(mock.count(), 1 + 3 + 4);
}

#[test]
fn a_json_document_without_a_token_exits_2_without_a_request() {
    // What a failed `wxtoken fetch --json` prints.
    let failing = Mock::start(vec![Reply::errcode(
        40013,
        "invalid appid rid: 6610524e-3c4d5e6f-7a8b9c0d",
    )]);
    let failed = run(fetch(&failing).arg("--json"));
    assert_ne!(failed.code, 0, "{failed:?}");
    assert!(failed.json()["error"].is_object(), "{failed:?}");

    let mock = Mock::start(vec![ip_list()]);
    let out = run_tokenless(check(&mock).write_stdin(failed.stdout.clone()));
    assert_eq!(out.code, 2, "{out:?}");
    assert!(
        out.stderr
            .contains("a wxtoken or WeChat JSON document without a token"),
        "{out:?}"
    );
    assert!(out.stderr.contains("wxtoken explain -"), "{out:?}");
    let out = run_tokenless(check(&mock).args(["--json"]).write_stdin(failed.stdout));
    assert_eq!(out.code, 2, "{out:?}");
    assert_eq!(out.json()["error"]["kind"], "usage", "{out:?}");
    for doc in [
        r#"{"ip_list":["101.226.103.0/25"]}"#,
        r#"{"access_token":"","expires_in":7200}"#,
        r#"{"access_token":7200}"#,
        "{}",
    ] {
        let out = run_tokenless(check(&mock).write_stdin(doc));
        assert_eq!(out.code, 2, "{doc}: {out:?}");
        assert!(out.stderr.contains("without a token"), "{doc}: {out:?}");
        let out = run_tokenless(check(&mock).args(["--token", doc]));
        assert_eq!(out.code, 2, "{doc}: {out:?}");
    }
    assert_eq!(mock.count(), 0);
}

#[test]
fn a_missing_or_bad_token_says_how_to_pass_one() {
    let mock = Mock::start(vec![ip_list()]);
    for (args, stdin) in [
        (vec![], Some("")),
        (vec![], Some("\n  \n")),
        (vec![], Some("two tokens")),
        (vec!["--token", ""], None),
    ] {
        let mut cmd = check(&mock);
        cmd.args(&args);
        if let Some(input) = stdin {
            cmd.write_stdin(input);
        }
        let out = run_tokenless(&mut cmd);
        assert_eq!(out.code, 2, "{args:?} {stdin:?}: {out:?}");
        for how in [
            "--token TOKEN",
            "WXTOKEN_ACCESS_TOKEN",
            "wxtoken fetch | wxtoken check",
        ] {
            assert!(out.stderr.contains(how), "{how}: {out:?}");
        }
    }
    assert_eq!(mock.count(), 0);
}

#[test]
fn a_token_given_as_a_bare_word_is_not_echoed_by_the_usage_error() {
    let out = run(wxtoken().args(["check", TOKEN]));
    assert_eq!(out.code, 2, "{out:?}");
    assert!(!out.stderr.contains(TOKEN), "{out:?}");
    assert!(out.stderr.contains("unexpected argument '***'"), "{out:?}");
    assert!(
        out.stderr.contains("pass the token with --token TOKEN"),
        "{out:?}"
    );
}
