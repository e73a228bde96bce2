//! Inputs as people give them: empty variables, locale names, flags that only make sense
//! together, `-V` anywhere, and clap's own errors in wxtoken's voice.

use crate::common::*;

#[test]
fn an_empty_variable_counts_as_unset() {
    let mock = Mock::start(vec![Reply::token(7200)]);
    for name in [
        "WXTOKEN_LANG",
        "WXTOKEN_RETRIES",
        "WXTOKEN_TIMEOUT",
        "WXTOKEN_MIN_TTL",
        "WXTOKEN_CACHE",
        "WXTOKEN_CA_CERT",
        "WXTOKEN_CACHE_DIR",
    ] {
        let out = run(fetch(&mock).env(name, ""));
        assert_eq!(out.code, 0, "{name}=: {out:?}");
        assert_eq!(out.stdout, format!("{TOKEN}\n"), "{name}");
    }
}

#[test]
fn a_locale_name_chooses_the_language() {
    for value in ["zh_CN", "zh_CN.UTF-8", "zh-TW", "zh"] {
        let out = run(wxtoken()
            .args(["explain", "40164"])
            .env("WXTOKEN_LANG", value));
        assert_eq!(out.code, 0, "{value}: {out:?}");
        assert!(out.stdout.contains("白名单"), "{value}: {out:?}");
    }
    let out = run(wxtoken().args(["explain", "40164", "--lang", "en_US.UTF-8"]));
    assert!(out.stdout.contains("whitelist"), "{out:?}");
    let out = run(wxtoken().args(["explain", "40164", "--lang", "fr"]));
    assert_eq!(out.code, 2, "{out:?}");
    assert!(
        out.stderr.starts_with("wxtoken: error: invalid value 'fr'"),
        "{out:?}"
    );
}

#[test]
fn min_ttl_needs_the_cache_and_warns_past_a_tokens_life() {
    let mock = Mock::start(vec![Reply::token(7200)]);
    let out = run(fetch(&mock).args(["--min-ttl", "600"]));
    assert_eq!(out.code, 2, "{out:?}");
    assert!(
        out.stderr.contains("--min-ttl works only with --cache"),
        "{out:?}"
    );
    let out = run(fetch(&mock).env("WXTOKEN_MIN_TTL", "600"));
    assert_eq!(out.code, 2, "from the environment too: {out:?}");
    assert_eq!(mock.count(), 0);
    let dir = tempdir();
    let out = run(fetch(&mock)
        .args(["--cache", "--min-ttl", "7200", "--cache-dir"])
        .arg(&dir));
    assert_eq!(out.code, 0, "{out:?}");
    assert!(
        out.stderr.contains("no cached token will ever be reused"),
        "{out:?}"
    );
}

#[test]
fn dash_v_upper_prints_one_version_line_everywhere() {
    let want = format!("wxtoken {}\n", env!("CARGO_PKG_VERSION"));
    for args in [vec!["-V"], vec!["fetch", "-V"], vec!["cache", "list", "-V"]] {
        let out = run(wxtoken().args(&args));
        assert_eq!(out.code, 0, "{args:?}: {out:?}");
        assert_eq!(out.stdout, want, "{args:?}");
    }
}

#[test]
fn long_version_says_how_the_binary_was_built() {
    for args in [vec!["--version"], vec!["cache", "list", "--version"]] {
        let out = run(wxtoken().args(&args));
        assert_eq!(out.code, 0, "{args:?}: {out:?}");
        let lines: Vec<&str> = out.stdout.lines().collect();
        assert_eq!(lines[0], format!("wxtoken {}", env!("CARGO_PKG_VERSION")));
        let commit = lines[1].strip_prefix("commit: ").unwrap();
        assert!(
            commit == "unknown"
                || commit.len() == 12 && commit.bytes().all(|b| b.is_ascii_hexdigit()),
            "{out:?}"
        );
        let date = lines[2].strip_prefix("built: ").unwrap();
        assert!(date.len() == 10 && date.starts_with("20"), "{out:?}");
        assert!(
            lines[3].starts_with(&format!("target: {}-", std::env::consts::ARCH)),
            "{out:?}"
        );
        assert!(
            lines[4].starts_with("features: ") && lines[4].contains("Redis"),
            "{out:?}"
        );
    }
}

#[test]
fn json_and_verbose_only_where_they_do_something() {
    for args in [
        vec!["completions", "bash", "--json"],
        vec!["explain", "40164", "-v"],
        vec!["cache", "list", "-v"],
    ] {
        let out = run(wxtoken().args(&args));
        assert_eq!(out.code, 2, "{args:?}: {out:?}");
        assert!(
            out.stderr
                .starts_with("wxtoken: error: unexpected argument"),
            "{args:?}: {out:?}"
        );
    }
    for args in [
        vec!["explain", "40164", "--json"],
        vec![
            "cache",
            "list",
            "--json",
            "--cache-dir",
            "/nonexistent/wxtoken",
        ],
    ] {
        let out = run(wxtoken().args(&args));
        assert_eq!(out.code, 0, "{args:?}: {out:?}");
        let _ = out.json();
    }
}

#[test]
fn an_empty_secret_file_is_named() {
    let dir = tempdir();
    let file = dir.join("secret");
    std::fs::write(&file, "\n  \n").unwrap();
    let mock = Mock::start(vec![Reply::token(7200)]);
    let out = run(fetch(&mock)
        .env_remove("WXTOKEN_SECRET")
        .arg("--secret-file")
        .arg(&file));
    assert_eq!(out.code, 2, "{out:?}");
    assert!(
        out.stderr
            .contains(&format!("the secret file {} is empty", file.display())),
        "{out:?}"
    );
    assert_eq!(mock.count(), 0);
}

#[test]
fn clap_errors_speak_with_wxtokens_prefix_and_colour_rules() {
    let out = run(wxtoken().args(["fetch", "--frobnicate"]));
    assert!(
        out.stderr
            .starts_with("wxtoken: error: unexpected argument '--frobnicate'"),
        "{out:?}"
    );
    assert!(!out.stderr.contains('\x1b'), "not a terminal: {out:?}");
    let out = run(wxtoken().args(["--color", "always", "fetch", "--frobnicate"]));
    assert!(out.stderr.starts_with("wxtoken: \x1b["), "{out:?}");
}

/// Run `command` with a terminal on its stdin (`script`, util-linux, in every Debian), only
/// WXTOKEN_APPID set, and give it time to reach the prompt.
fn at_a_terminal(command: &str) -> std::process::Child {
    let child = std::process::Command::new("script")
        .args(["-qec", command, "/dev/null"])
        .env_clear()
        .env("PATH", std::env::var("PATH").unwrap_or_default())
        .env("WXTOKEN_APPID", APPID)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("the script command (util-linux) is needed for this test");
    std::thread::sleep(std::time::Duration::from_millis(700));
    child
}

#[test]
fn secret_file_dash_at_a_terminal_prompts_without_echo() {
    let mock = Mock::start(vec![Reply::token(7200)]);
    let command = format!(
        "{} fetch --secret-file - --api-base {}",
        env!("CARGO_BIN_EXE_wxtoken"),
        mock.url()
    );
    let mut child = at_a_terminal(&command);
    {
        use std::io::Write;
        let stdin = child.stdin.as_mut().unwrap();
        stdin.write_all(format!("{SECRET}\n").as_bytes()).unwrap();
    }
    let out = child.wait_with_output().unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("AppSecret (not shown):"), "{text:?}");
    assert!(text.contains(TOKEN), "{text:?}");
    assert!(!text.contains(SECRET), "the secret was echoed: {text:?}");
    assert_eq!(
        mock.last()
            .query()
            .iter()
            .find(|(k, _)| k == "secret")
            .unwrap()
            .1,
        SECRET
    );
}

#[test]
fn ctrl_c_at_the_secret_prompt_leaves_the_terminal_echoing() {
    // The shell ignores SIGINT so that it lives on to report the terminal's state; wxtoken
    // installs its own handler for the prompt, which restores echo and then dies of the signal.
    let mock = Mock::start(vec![Reply::token(7200)]);
    let shell = format!(
        "trap '' INT; {} fetch --secret-file - --api-base {}; stty -a | grep -o ' -*echo ' | head -1",
        env!("CARGO_BIN_EXE_wxtoken"),
        mock.url()
    );
    let mut child = at_a_terminal(&format!("sh -c \"{shell}\""));
    {
        use std::io::Write;
        child.stdin.as_mut().unwrap().write_all(b"\x03").unwrap();
    }
    let out = child.wait_with_output().unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("AppSecret (not shown):"), "{text:?}");
    assert!(
        text.contains(" echo "),
        "echo is off after Ctrl-C: {text:?}"
    );
    assert!(!text.contains(" -echo "), "{text:?}");
    assert_eq!(mock.count(), 0);
}

#[test]
fn a_command_without_its_subcommand_shows_its_help_and_exits_2() {
    for (args, want) in [
        (vec!["cache"], "List or remove cached tokens"),
        (vec!["quota"], "Usage: wxtoken quota"),
    ] {
        let out = run(wxtoken().args(&args));
        assert_eq!(out.code, 2, "{args:?}: {out:?}");
        assert!(out.stderr.contains(want), "{args:?}: {out:?}");
        assert!(
            !out.stderr.starts_with("wxtoken: error:"),
            "help, not an error line: {out:?}"
        );
    }
}
