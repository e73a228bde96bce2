//! Tests as documentation: what wxtoken prints, checked in under tests/golden/ and compared
//! byte for byte. `WXTOKEN_REGENERATE=1 cargo test --test it golden` rewrites them; review the diff.

use std::path::PathBuf;

use crate::common::*;

fn golden_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join("golden")
}

/// Compare `text` with tests/golden/`name`, or rewrite it under WXTOKEN_REGENERATE.
fn golden(name: &str, text: &str) {
    let path = golden_dir().join(name);
    if std::env::var_os("WXTOKEN_REGENERATE").is_some_and(|v| !v.is_empty()) {
        std::fs::create_dir_all(golden_dir()).unwrap();
        std::fs::write(&path, text).unwrap();
        return;
    }
    let want = std::fs::read_to_string(&path).unwrap_or_default();
    if want != text {
        let first = want
            .lines()
            .zip(text.lines())
            .position(|(a, b)| a != b)
            .unwrap_or(want.lines().count().min(text.lines().count()));
        panic!(
            "tests/golden/{name} differs from the output at line {}:\n--- checked in\n{}\n--- now\n{}\n(run WXTOKEN_REGENERATE=1 cargo test --test it golden and review the diff)",
            first + 1,
            want.lines().nth(first).unwrap_or("<end>"),
            text.lines().nth(first).unwrap_or("<end>")
        );
    }
}

/// Replace what changes from run to run (ports, timings, dates) with fixed words.
fn masked(text: &str, mock: Option<&Mock>) -> String {
    let mut out = text.to_string();
    if let Some(mock) = mock {
        // Only where it is a port: the digits can occur elsewhere (in the appid, say).
        out = out.replace(&format!(":{}", mock.addr.port()), ":PORT");
    }
    let mut result = String::new();
    let mut chars = out.chars().peekable();
    // Numbers followed by " ms" or " s" (timings) become N.
    while let Some(c) = chars.next() {
        if c.is_ascii_digit() {
            let mut number = c.to_string();
            while let Some(&d) = chars.peek() {
                if d.is_ascii_digit() || d == '.' {
                    number.push(d);
                    chars.next();
                } else {
                    break;
                }
            }
            let rest: String = chars.clone().take(3).collect();
            let unit_s =
                rest.starts_with(" s") && !rest[2..].starts_with(|c: char| c.is_alphabetic());
            let unit_zh = rest.starts_with(" 毫") || rest.starts_with(" 秒");
            if rest.starts_with(" ms") || unit_s || unit_zh {
                result.push('N');
            } else {
                result.push_str(&number);
            }
        } else {
            result.push(c);
        }
    }
    result
}

fn transcript(args: &str, out: &Outcome) -> String {
    format!(
        "$ {}\n[exit {}]\n--- stdout\n{}--- stderr\n{}",
        format!("wxtoken {args}").trim_end(),
        out.code,
        out.stdout,
        out.stderr
    )
}

#[test]
fn help_of_each_command() {
    for (name, args) in [
        ("help.txt", vec!["--help"]),
        ("help-fetch.txt", vec!["fetch", "--help"]),
        ("help-check.txt", vec!["check", "--help"]),
        ("help-doctor.txt", vec!["doctor", "--help"]),
        ("help-explain.txt", vec!["explain", "--help"]),
        ("help-cache-list.txt", vec!["cache", "list", "--help"]),
        ("help-cache-clear.txt", vec!["cache", "clear", "--help"]),
        ("help-completions.txt", vec!["completions", "--help"]),
        ("help-quota-get.txt", vec!["quota", "get", "--help"]),
        ("help-quota-clear.txt", vec!["quota", "clear", "--help"]),
        ("help-rid.txt", vec!["rid", "--help"]),
    ] {
        let out = run(wxtoken().args(&args));
        assert_eq!(out.code, 0, "{out:?}");
        golden(name, &transcript(&args.join(" "), &out));
    }
}

#[test]
fn explain_of_a_few_codes() {
    let pasted = r#"{"errcode":40164,"errmsg":"invalid ip 8.149.20.108 ipv6 ::ffff:8.149.20.108, not in whitelist rid: 6597b34f-49e4c9dc-1b25fb87"}"#;
    for (name, args) in [
        ("explain-40164.txt", vec!["explain", "40164"]),
        (
            "explain-minus-1-zh.txt",
            vec!["explain", "--lang", "zh", "--", "-1"],
        ),
        ("explain-42001-json.txt", vec!["explain", "--json", "42001"]),
        ("explain-pasted-40164.txt", vec!["explain", pasted]),
        ("explain-unknown.txt", vec!["explain", "99999"]),
    ] {
        let out = run(wxtoken().args(&args));
        golden(name, &transcript(&args.join(" "), &out));
    }
}

#[test]
fn one_error_per_exit_code() {
    let mut all = String::new();
    // 1: the token could not be written (stdout is a full disk).
    let mock = Mock::start(vec![Reply::token(7200)]);
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_wxtoken"))
        .env_clear()
        .args(["fetch"])
        .env("WXTOKEN_APPID", APPID)
        .env("WXTOKEN_SECRET", SECRET)
        .env("WXTOKEN_API_BASE", mock.url())
        .stdout(std::fs::File::create("/dev/full").unwrap())
        .output()
        .unwrap();
    let out = Outcome {
        code: out.status.code().unwrap_or(-1),
        stdout: String::new(),
        stderr: String::from_utf8_lossy(&out.stderr).to_string(),
    };
    assert_no_leak(&out, SECRET);
    assert_eq!(out.code, 1, "{out:?}");
    all.push_str(&transcript("fetch > /dev/full", &out));
    all.push('\n');
    let errcode = |code: i64, msg: &str| Mock::start(vec![Reply::errcode(code, msg)]);
    let cases: Vec<(u8, &str, Mock, Vec<&str>)> = vec![
        (
            2,
            "usage",
            Mock::start(vec![Reply::token(7200)]),
            vec!["--timeout", "0"],
        ),
        (
            3,
            "network",
            Mock::start(vec![Reply::Hang]),
            vec!["--timeout", "0.3", "--retries", "1"],
        ),
        (
            4,
            "bad response",
            Mock::start(vec![Reply::status(
                200,
                "text/html",
                "<html><title>Portal</title></html>",
            )]),
            vec![],
        ),
        (
            5,
            "busy",
            errcode(-1, "system error"),
            vec!["--retries", "0"],
        ),
        (
            6,
            "credentials",
            errcode(40125, "invalid appsecret rid: 6610524e-3c4d5e6f-7a8b9c0d"),
            vec![],
        ),
        (
            7,
            "IP",
            errcode(
                40164,
                "invalid ip 8.149.20.108 ipv6 ::ffff:8.149.20.108, not in whitelist rid: 6597b34f-49e4c9dc-1b25fb87",
            ),
            vec![],
        ),
        (
            8,
            "quota",
            errcode(45009, "reach max api daily quota limit hints: [bN-4W7qcE!]"),
            vec![],
        ),
        (
            9,
            "account",
            errcode(
                50004,
                "user not allow to use accesstoken, maybe for punishment",
            ),
            vec![],
        ),
        (10, "other", errcode(40002, "invalid grant_type"), vec![]),
    ];
    for (exit, _, mock, args) in &cases {
        let out = run(fetch(mock).args(args));
        assert_eq!(out.code, i32::from(*exit), "{out:?}");
        all.push_str(&masked(
            &transcript(&format!("fetch {}", args.join(" ")), &out),
            Some(mock),
        ));
        all.push('\n');
    }
    // 11: a classic fetch with --cache and nowhere to cache (no HOME): nothing fetched.
    let mock = Mock::start(vec![Reply::token(7200)]);
    let out = run(fetch(&mock).arg("--cache"));
    assert_eq!(out.code, 11, "{out:?}");
    assert_eq!(mock.count(), 0);
    all.push_str(&transcript("fetch --cache", &out));
    golden("errors-by-exit-code.txt", &all);
}

#[test]
fn doctor_with_timings_masked() {
    let mock = Mock::start(vec![Reply::token(7000)]);
    let out = run_tokenless(
        wxtoken()
            .arg("doctor")
            .env("WXTOKEN_APPID", APPID)
            .env("WXTOKEN_SECRET", SECRET)
            .env("WXTOKEN_API_BASE", mock.url()),
    );
    assert_eq!(out.code, 0, "{out:?}");
    golden(
        "doctor.txt",
        &masked(&transcript("doctor", &out), Some(&mock)),
    );
    let ip = Mock::start(vec![Reply::errcode(
        40164,
        "invalid ip 8.149.20.108 ipv6 ::ffff:8.149.20.108, not in whitelist rid: 6597b34f-49e4c9dc-1b25fb87",
    )]);
    let out = run_tokenless(
        wxtoken()
            .args(["doctor", "--lang", "zh"])
            .env("WXTOKEN_APPID", APPID)
            .env("WXTOKEN_SECRET", SECRET)
            .env("WXTOKEN_API_BASE", ip.url()),
    );
    assert_eq!(out.code, 7, "{out:?}");
    golden(
        "doctor-40164-zh.txt",
        &masked(&transcript("doctor --lang zh", &out), Some(&ip)),
    );
}

#[test]
fn the_mask_hides_what_changes_and_keeps_the_rest() {
    assert_eq!(
        masked(
            "TCP in 12 ms; 3 attempts in 31.8 s, 10 s each; errcode 40164",
            None
        ),
        "TCP in N ms; 3 attempts in N s, N s each; errcode 40164"
    );
    assert_eq!(
        masked("用时 12 毫秒，相差 +3 秒", None),
        "用时 N 毫秒，相差 +N 秒"
    );
}
