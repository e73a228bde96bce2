//! With `--lang zh` every line for people is Chinese: errors, hints, warnings, `-v`, cache
//! messages and doctor's report. (Server text quoted after `errmsg：` stays as WeChat sent it;
//! clap's own parse errors keep clap's wording.)

use crate::common::*;

fn has_cjk(line: &str) -> bool {
    line.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
}

/// Every non-empty line of `text` carries Chinese, except quoted server text.
fn assert_chinese(what: &str, text: &str) {
    for line in text.lines() {
        if line.trim().is_empty() || line.starts_with("  errmsg：") {
            continue;
        }
        assert!(
            has_cjk(line),
            "{what}: an English line under --lang zh: {line:?}\n{text}"
        );
    }
}

fn zh(cmd: &mut assert_cmd::Command) -> Outcome {
    run(cmd.env("WXTOKEN_LANG", "zh"))
}

#[test]
fn fetch_failures_warnings_and_verbose_lines_are_chinese() {
    let port = closed_port();
    let hang = Mock::start(vec![Reply::Hang]);
    let html = Mock::start(vec![Reply::status(
        200,
        "text/html",
        "<html><title>Portal</title></html>",
    )]);
    let missing = Mock::start(vec![Reply::status(404, "text/plain", "no route")]);
    let moved = Mock::start(vec![Reply::Http {
        status: 302,
        content_type: "text/html",
        body: b"moved".to_vec(),
        extra_headers: vec![("Location".into(), "https://portal.example/".into())],
    }]);
    let long = Mock::start(vec![Reply::json(&format!(
        r#"{{"access_token":"{TOKEN}","expires_in":7200000}}"#
    ))]);
    let ip = Mock::start(vec![Reply::errcode(
        40164,
        "invalid ip 8.149.20.108 ipv6 ::ffff:8.149.20.108, not in whitelist rid: 6597b34f-49e4c9dc-1b25fb87",
    )]);
    let unknown = Mock::start(vec![Reply::errcode(99999, "strange")]);
    let ok = Mock::start(vec![Reply::token(7200)]);
    let cases: Vec<(&str, assert_cmd::Command)> = vec![
        ("missing appid", {
            let mut c = fetch(&ok);
            c.env_remove("WXTOKEN_APPID");
            c
        }),
        ("bad timeout", {
            let mut c = fetch(&ok);
            c.args(["--timeout", "0"]);
            c
        }),
        ("min-ttl without cache", {
            let mut c = fetch(&ok);
            c.args(["--min-ttl", "60"]);
            c
        }),
        ("refused, verbose", {
            let mut c = fetch(&ok);
            c.env("WXTOKEN_API_BASE", format!("http://127.0.0.1:{port}"))
                .args(["-v", "--retries", "1"]);
            c
        }),
        ("timeout", {
            let mut c = fetch(&hang);
            c.args(["--timeout", "0.3", "--retries", "0"]);
            c
        }),
        ("html", fetch(&html)),
        ("404", fetch(&missing)),
        ("302", fetch(&moved)),
        ("expires_in in ms", fetch(&long)),
        ("40164", fetch(&ip)),
        ("unknown errcode", fetch(&unknown)),
        ("format warnings, verbose", {
            let mut c = fetch(&ok);
            c.args(["--appid", "wxABC", "-v"]);
            c
        }),
        ("no cache directory", {
            let mut c = fetch(&ok);
            c.arg("--cache");
            c
        }),
    ];
    for (what, mut cmd) in cases {
        let out = zh(&mut cmd);
        assert!(!out.stderr.is_empty(), "{what}: {out:?}");
        assert_chinese(what, &out.stderr);
    }
}

#[test]
fn cache_messages_are_chinese() {
    let ok = Mock::start(vec![Reply::token(7200)]);
    let dir = tempdir();
    let cache = dir.join("cache");
    let out = zh(fetch(&ok)
        .args(["--cache", "-v", "--cache-dir"])
        .arg(&cache));
    assert_eq!(out.code, 0, "{out:?}");
    assert_chinese("cache miss, verbose", &out.stderr);
    // A corrupt entry: a warning.
    let entry = std::fs::read_dir(&cache)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|x| x == "json"))
        .unwrap();
    std::fs::write(&entry, "{").unwrap();
    let out = zh(fetch(&ok).args(["--cache", "--cache-dir"]).arg(&cache));
    assert_eq!(out.code, 0, "{out:?}");
    assert_chinese("corrupt entry", &out.stderr);
    for sub in ["list", "clear"] {
        let out = zh(wxtoken().args(["cache", sub, "--cache-dir"]).arg(&cache));
        assert_eq!(out.code, 0, "{sub}: {out:?}");
        assert_chinese(sub, &out.stderr);
    }
    let out = zh(wxtoken().args(["cache", "list", "--cache-dir"]).arg(&cache));
    assert_chinese("empty list", &out.stderr);
    // A directory others can write: refused, with the fix.
    let open = dir.join("open");
    std::fs::create_dir(&open).unwrap();
    std::fs::set_permissions(
        &open,
        <std::fs::Permissions as std::os::unix::fs::PermissionsExt>::from_mode(0o777),
    )
    .unwrap();
    let out = zh(fetch(&ok).args(["--cache", "--cache-dir"]).arg(&open));
    assert_eq!(out.code, 11, "{out:?}");
    assert_chinese("unsafe directory", &out.stderr);
}

#[test]
fn doctors_report_is_chinese() {
    for mock in [
        Mock::start(vec![Reply::token(7000)]),
        Mock::start(vec![Reply::errcode(40125, "invalid appsecret")]),
    ] {
        let out = run_tokenless(
            wxtoken()
                .args(["doctor", "--lang", "zh"])
                .env("WXTOKEN_APPID", APPID)
                .env("WXTOKEN_SECRET", SECRET)
                .env("WXTOKEN_API_BASE", mock.url()),
        );
        // The first line names the command and the API base.
        let report: String = out.stdout.lines().skip(1).collect::<Vec<_>>().join("\n");
        assert_chinese("doctor", &report);
        assert_chinese("doctor stderr", &out.stderr);
    }
}
