//! Hardening: global flags on either side of the command, unusable
//! variables, server dates no clock shows, terminal escapes in a proxy URL, secret files others
//! may read or that hold two lines.

use crate::common::*;
use std::os::unix::fs::PermissionsExt;
use std::time::Duration;

#[test]
fn json_and_verbose_work_before_the_command_too() {
    let mock = Mock::start(vec![Reply::token(7200), Reply::token(7200)]);
    let before = run(&mut with_credentials(&mock, &["--json", "-v", "fetch"]));
    assert_eq!(before.code, 0, "{before:?}");
    assert_eq!(before.json()["access_token"], TOKEN);
    assert!(before.stderr.contains("* request: GET"), "{before:?}");
    let after = run(&mut with_credentials(&mock, &["fetch", "--json", "-v"]));
    assert_eq!(after.json()["access_token"], TOKEN);
    assert!(after.stderr.contains("* request: GET"), "{after:?}");
    let quiet = run(&mut with_credentials(&mock, &["-q", "explain", "40001"]));
    assert_eq!(quiet.code, 0, "{quiet:?}");
    // A command without the flag says so, as a usage error.
    let out = run(wxtoken().args(["-v", "explain", "40001"]));
    assert_eq!(out.code, 2, "{out:?}");
    assert!(out.stderr.contains("-v does not apply"), "{out:?}");
    let out = run(wxtoken().args(["--json", "completions", "bash"]));
    assert_eq!(out.code, 2, "{out:?}");
    assert!(out.stderr.contains("--json does not apply"), "{out:?}");
}

#[test]
fn a_variable_set_to_something_unusable_is_a_usage_error_before_any_request() {
    use std::ffi::OsStr;
    use std::os::unix::ffi::OsStrExt;
    let mock = Mock::start(vec![Reply::token(7200)]);
    for name in [
        "WXTOKEN_API_BASE",
        "WXTOKEN_STORE",
        "https_proxy",
        "NO_PROXY",
    ] {
        let out = run(fetch(&mock).env(name, OsStr::from_bytes(b"http://\xff\xfe")));
        assert_eq!(out.code, 2, "{name}: {out:?}");
        assert!(
            out.stderr
                .contains(&format!("{name} is set, but not to UTF-8 text")),
            "{out:?}"
        );
    }
    assert_eq!(
        mock.count(),
        0,
        "nothing went to the default host or anywhere"
    );
}

#[test]
fn a_server_date_no_clock_shows_is_not_a_skew() {
    let mock = Mock::start(vec![Reply::Http {
        status: 200,
        content_type: "application/json",
        body: format!(r#"{{"access_token":"{TOKEN}","expires_in":7000}}"#).into_bytes(),
        extra_headers: vec![(
            "Date".into(),
            "Sun, 06 Nov 99999999999999 08:49:37 GMT".into(),
        )],
    }]);
    let out = run_tokenless(&mut with_credentials(&mock, &["doctor"]));
    assert_eq!(out.code, 0, "warnings are allowed: {out:?}");
    assert!(
        out.stdout.contains("warn  clock")
            && out.stdout.contains("cannot read the server's Date header"),
        "{out:?}"
    );
    assert!(!out.stdout.contains("off the server's"), "{out:?}");
}

#[test]
fn an_escape_in_a_proxy_url_never_reaches_the_terminal() {
    let mock = Mock::start(vec![Reply::token(7200)]);
    let proxy = format!("http://us\x1b[31mer:pw@127.0.0.1:{}", closed_port());
    for args in [
        vec!["fetch", "-v", "--retries", "0"],
        vec!["doctor", "--retries", "0"],
    ] {
        let out = run(with_credentials(&mock, &args).args(["--proxy", &proxy]));
        assert_ne!(out.code, 0, "{out:?}");
        assert!(!out.stderr.contains('\x1b'), "{args:?}: {out:?}");
        assert!(!out.stdout.contains('\x1b'), "{args:?}: {out:?}");
        let shown = format!("{}{}", out.stdout, out.stderr);
        assert!(shown.contains("us\\u{1b}[31mer"), "{args:?}: {out:?}");
    }
}

#[test]
fn a_secret_file_others_may_read_is_warned_about_and_two_lines_are_named() {
    let dir = tempdir();
    let mock = Mock::with(|_, _| Reply::token(7200));
    let file = dir.join("secret");
    std::fs::write(&file, format!("{SECRET}\n")).unwrap();
    let with_file = |mode: u32, extra: &[&str]| {
        std::fs::set_permissions(&file, std::fs::Permissions::from_mode(mode)).unwrap();
        let mut cmd = wxtoken();
        cmd.args(extra)
            .args(["fetch", "--secret-file"])
            .arg(&file)
            .env("WXTOKEN_APPID", APPID)
            .env("WXTOKEN_API_BASE", mock.url());
        run(&mut cmd)
    };
    let open = with_file(0o644, &[]);
    assert_eq!(open.code, 0, "{open:?}");
    assert!(
        open.stderr
            .contains("(mode 644) can be read by every user: chmod 600"),
        "{open:?}"
    );
    let quiet = with_file(0o640, &["-q"]);
    assert_eq!(quiet.code, 0, "{quiet:?}");
    assert!(quiet.stderr.is_empty(), "-q silences it: {quiet:?}");
    let private = with_file(0o600, &[]);
    assert_eq!(private.code, 0, "{private:?}");
    assert!(private.stderr.is_empty(), "{private:?}");
    // From a pipe: nobody else's to read.
    let piped = run(wxtoken()
        .args(["fetch", "--secret-file", "-"])
        .env("WXTOKEN_APPID", APPID)
        .env("WXTOKEN_API_BASE", mock.url())
        .write_stdin(format!("{SECRET}\n")));
    assert_eq!(piped.code, 0, "{piped:?}");
    assert!(piped.stderr.is_empty(), "{piped:?}");
    std::fs::write(&file, format!("{SECRET}\nsecond-line\n")).unwrap();
    let two = with_file(0o600, &[]);
    assert_eq!(two.code, 2, "{two:?}");
    assert!(two.stderr.contains("more than one line"), "{two:?}");
    assert!(!two.stderr.contains("control character"), "{two:?}");
    assert!(!two.stderr.contains("second-line"), "{two:?}");
    assert_eq!(mock.count(), 4, "the two-line file sent nothing");
}

/// Columns a line takes (CJK characters take two).
fn columns(line: &str) -> usize {
    line.chars()
        .map(|c| {
            if (c as u32) >= 0x1100 && !c.is_ascii() && c != '…' && c != '→' {
                2
            } else {
                1
            }
        })
        .sum()
}

#[test]
fn fetch_help_has_examples_and_the_exit_table_fits_80_columns() {
    let out = run(wxtoken().args(["fetch", "--help"]));
    assert_eq!(out.code, 0, "{out:?}");
    let examples = out
        .stdout
        .find("Examples:")
        .expect("fetch --help has examples");
    let table = out.stdout.find("Exit codes:").expect("and the exit codes");
    assert!(examples < table, "{out:?}");
    assert!(
        out.stdout
            .contains("TOKEN=$(wxtoken fetch --stable --cache) || exit")
    );
    for lang in ["en", "zh"] {
        let out = run(wxtoken().args(["--lang", lang, "--help"]));
        let heading = if lang == "zh" {
            "退出码："
        } else {
            "Exit codes:"
        };
        let table = &out.stdout[out.stdout.find(heading).unwrap()..];
        for line in table.lines() {
            assert!(columns(line) <= 80, "{lang}: {line:?}");
        }
        // The codes' column stays clear: every line is a code or indented past it.
        for line in table
            .lines()
            .skip(1)
            .filter(|l| !l.is_empty() && !l.starts_with("See") && !l.starts_with("每个"))
        {
            let code = line[..5].trim();
            assert!(
                code.is_empty() || code.parse::<u8>().is_ok(),
                "{lang}: {line:?}"
            );
        }
    }
    // No clap internals in what a user reads.
    let out = run(wxtoken().args(["fetch", "--retries", "11"]));
    assert_eq!(out.code, 2);
    assert!(
        out.stderr.contains("a whole number from 0 to 10"),
        "{out:?}"
    );
    assert!(!out.stderr.contains("..="), "{out:?}");
}

/// `wxtoken ARGS` at a terminal, with the test account and `mock` as the API base.
fn at_a_terminal_with(mock: &Mock, args: &str) -> (i32, String) {
    let base = mock.url();
    let envs = [
        ("WXTOKEN_APPID", APPID),
        ("WXTOKEN_SECRET", SECRET),
        ("WXTOKEN_API_BASE", &base),
    ];
    at_a_terminal(args, &envs)
}

#[test]
fn waits_and_retries_show_one_status_line_at_a_terminal_only() {
    let busy = || Reply::errcode(-1, "system error");
    let slow = || Reply::Trickle {
        body: format!(r#"{{"access_token":"{TOKEN}","expires_in":7200}}"#).into_bytes(),
        delay: Duration::from_millis(15),
    };
    let mock = Mock::start(vec![busy(), slow()]);
    let (code, text) = at_a_terminal_with(&mock, "fetch --retries 2");
    assert_eq!(code, 0, "{text:?}");
    assert!(
        text.contains("attempt 1/3 failed (") && text.contains("trying again in 0.5 s"),
        "{text:?}"
    );
    assert!(
        text.contains("waiting for 127.0.0.1 (attempt 2/3, at most 10 s)"),
        "{text:?}"
    );
    // Rewritten in place and cleared before the token: the token's line is clean.
    assert!(text.contains("\r\x1b[2K"), "{text:?}");
    let last = text.trim_end().rsplit(['\n', '\r']).next().unwrap();
    assert_eq!(
        last,
        format!("\x1b[2K{TOKEN}"),
        "cleared, then the token: {text:?}"
    );
    // Never with -q or --json, never in a pipe.
    for args in ["-q fetch --retries 2", "fetch --json --retries 2"] {
        let mock = Mock::start(vec![busy(), slow()]);
        let (code, text) = at_a_terminal_with(&mock, args);
        assert_eq!(code, 0, "{args}: {text:?}");
        assert!(
            !text.contains("trying again") && !text.contains("\x1b[2K"),
            "{args}: {text:?}"
        );
    }
    let mock = Mock::start(vec![busy(), slow()]);
    let out = run(fetch(&mock).args(["--retries", "2"]));
    assert_eq!(out.code, 0, "{out:?}");
    assert!(out.stderr.is_empty(), "a pipe gets no status line: {out:?}");
}

#[test]
fn completions_help_says_how_to_install_them_and_exec_completes_its_command() {
    let out = run(wxtoken().args(["completions", "--help"]));
    assert_eq!(out.code, 0, "{out:?}");
    for needle in [
        "~/.local/share/bash-completion/completions/wxtoken",
        ". /usr/share/bash-completion/bash_completion",
        "compinit",
        "~/.config/fish/completions/wxtoken.fish",
    ] {
        assert!(out.stdout.contains(needle), "{needle}: {out:?}");
    }
    let zsh = run(wxtoken().args(["completions", "zsh"]));
    assert!(
        zsh.stdout.contains("after `--`:_cmdambivalent"),
        "exec -- completes a command"
    );
}

#[test]
fn explain_and_doctor_fit_80_columns() {
    // A line may pass 80 columns only where one word (a URL) is longer than what is left.
    let fits = |text: &str| {
        text.lines()
            .all(|l| columns(l) <= 80 || l.split(' ').any(|w| columns(w) > 40))
    };
    for lang in ["en", "zh"] {
        for args in [
            vec!["explain", "40164"],
            vec!["explain", "40001", "-1", "45009"],
            vec!["explain", "--platform", "wecom", "60020"],
        ] {
            let out = run(wxtoken().args(["--lang", lang]).args(&args));
            assert_eq!(out.code, 0, "{args:?}: {out:?}");
            assert!(fits(&out.stdout), "{lang} {args:?}:\n{}", out.stdout);
        }
    }
    let mock = Mock::start(vec![Reply::json(r#"{"ip_list":["127.0.0.1"]}"#)]);
    let out = run(with_credentials(&mock, &["doctor", "--retries", "0"])
        .args(["--proxy", &format!("http://127.0.0.1:{}", closed_port())]));
    assert_ne!(out.code, 0);
    assert!(fits(&out.stdout), "{}", out.stdout);
    assert!(
        out.stdout
            .lines()
            .any(|l| l.starts_with("                    ")),
        "wrapped under its column: {}",
        out.stdout
    );
}

#[test]
fn help_under_lang_zh_has_chinese_descriptions_headings_and_exit_codes() {
    for args in [
        vec!["--lang", "zh", "--help"],
        vec!["fetch", "--help", "--lang", "zh"],
        vec!["--lang=zh", "cache", "list", "--help"],
    ] {
        let out = run(wxtoken().args(&args));
        assert_eq!(out.code, 0, "{args:?}: {out:?}");
        assert!(out.stdout.contains("用法："), "{args:?}: {}", out.stdout);
        assert!(
            !out.stdout.contains("\nOptions:") && !out.stdout.contains("Usage:"),
            "{args:?}: {}",
            out.stdout
        );
    }
    let out = run(wxtoken().args(["--lang", "zh", "fetch", "--help"]));
    for needle in [
        "获取 access_token 并输出",
        "凭据:",
        "连接:",
        "示例：",
        "退出码：",
        "用法错误",
    ] {
        assert!(out.stdout.contains(needle), "{needle}: {}", out.stdout);
    }
    let out = run(wxtoken().arg("--help").env("WXTOKEN_LANG", "zh"));
    assert!(
        out.stdout.contains("命令:") && out.stdout.contains("离线解释错误码"),
        "{}",
        out.stdout
    );
    // English stays English.
    let out = run(wxtoken().args(["fetch", "--help"]));
    assert!(out.stdout.contains("Usage: wxtoken fetch") && out.stdout.contains("Credentials:"));
}

/// `wxtoken ARGS` on an 80-column terminal with `envs`, which must succeed: all it wrote.
fn at_80_columns(args: &str, envs: &[(&str, &str)]) -> String {
    let (code, text) = at_a_terminal(args, envs);
    assert_eq!(code, 0, "{args}: {text}");
    text.replace('\r', "")
}

#[test]
fn tables_are_cut_to_fit_a_terminal_and_whole_in_a_pipe() {
    let home = tempdir();
    let long = "redis+sentinel://sentinel-1.internal.example.com:26379,sentinel-2.internal.example.com:26379/wechat";
    std::fs::create_dir_all(home.join(".config/wxtoken")).unwrap();
    std::fs::write(
        home.join(".config/wxtoken/config.toml"),
        format!(
            "[profiles.oa-production]\nappid = \"{APPID}\"\nsecret_env = \"S\"\nstable = true\nstore = \"{long}\"\n"
        ),
    )
    .unwrap();
    let home_s = home.display().to_string();
    let envs = [("HOME", home_s.as_str())];
    // Each line of the table within 80 columns, the long value cut with "…", the columns kept.
    let fitted = at_80_columns("profiles", &envs);
    let table: Vec<&str> = fitted.lines().skip(1).filter(|l| !l.is_empty()).collect();
    assert_eq!(table.len(), 2, "{fitted}");
    for line in &table {
        assert!(columns(line) <= 80, "{} columns: {line:?}", columns(line));
    }
    assert!(
        table[1].contains('…') && !table[1].contains(long),
        "{fitted}"
    );
    assert!(
        table[1].contains(APPID) && table[1].contains("stable"),
        "{fitted}"
    );
    // In a pipe and in --json, whole.
    let piped = run(wxtoken().arg("profiles").env("HOME", &home));
    assert!(
        piped.stdout.contains(long) && !piped.stdout.contains('…'),
        "{piped:?}"
    );
    let json = run(wxtoken().args(["profiles", "--json"]).env("HOME", &home));
    assert!(
        json.stdout.contains(long) && !json.stdout.contains('…'),
        "{json:?}"
    );

    // cache list: a long API base (a gateway's path prefix) is cut at a terminal.
    let mock = Mock::start(vec![Reply::json(&format!(
        r#"{{"access_token":"{TOKEN}","expires_in":7200}}"#
    ))]);
    let base = format!(
        "{}/wechat-gateway/egress-with-a-fixed-ip/production",
        mock.url()
    );
    let dir = home.join("cache");
    let out = run(wxtoken()
        .args(["fetch", "--cache", "--api-base", &base, "--cache-dir"])
        .arg(&dir)
        .env("WXTOKEN_APPID", APPID)
        .env("WXTOKEN_SECRET", SECRET));
    assert_eq!(out.code, 0, "{out:?}");
    let dir_s = dir.display().to_string();
    let fitted = at_80_columns(&format!("cache list --cache-dir {dir_s}"), &envs);
    let lines: Vec<&str> = fitted.lines().filter(|l| !l.is_empty()).collect();
    assert_eq!(lines.len(), 2, "{fitted}");
    assert!(lines.iter().all(|l| columns(l) <= 80), "{fitted}");
    assert!(
        lines[1].contains('…') && lines[1].starts_with(APPID),
        "{fitted}"
    );
    let piped = run(wxtoken().args(["cache", "list", "--cache-dir", &dir_s]));
    assert!(
        piped.stdout.contains(&base) && !piped.stdout.contains('…'),
        "{piped:?}"
    );
}
