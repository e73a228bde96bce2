//! Profiles' secrets: the secret sources a profile names (a command, a file, a variable, inline
//! in a file only its owner reads), their failures, and every way a secret written where it
//! does not belong is kept from output and from another app's fetch.

use crate::common::*;
use crate::profiles::{config, with_config};
use std::os::unix::fs::PermissionsExt;
use std::path::PathBuf;

#[test]
fn an_inline_secret_needs_a_file_only_its_owner_can_read() {
    let mock = Mock::start(vec![Reply::token(7200)]);
    let text = format!(
        "[profiles.mini]\nappid = \"{APPID}\"\napi_base = \"{}\"\nsecret = \"{SECRET}\"\n",
        mock.url()
    );
    for mode in [0o644, 0o640, 0o604] {
        let path = config(&text, mode);
        let out = run(&mut with_config(&path, &["fetch", "--profile", "mini"]));
        assert_eq!(out.code, 2, "{mode:o}: {out:?}");
        let fix = format!("chmod 600 {}", path.display());
        assert!(out.stderr.contains(&fix), "{out:?}");
        assert!(out.stderr.contains(":4: secret:"), "{out:?}");
    }
    // Listing the file does not print it either.
    let path = config(&text, 0o644);
    let out = run(&mut with_config(&path, &["profiles", "--json"]));
    assert_eq!(out.code, 2, "{out:?}");
    let path = config(&text, 0o600);
    let out = run(&mut with_config(
        &path,
        &["fetch", "--profile", "mini", "-v"],
    ));
    assert_eq!(out.code, 0, "{out:?}");
    assert!(
        mock.last()
            .query()
            .contains(&("secret".into(), SECRET.into()))
    );
    // A store URL's password is a secret written in the file too.
    let store = format!(
        "[profiles.mini]\nappid = \"{APPID}\"\nstore = \"redis://:{SECRET}@127.0.0.1:1/0\"\n"
    );
    let path = config(&store, 0o644);
    let out = run(&mut with_config(
        &path,
        &["fetch", "--profile", "mini", "--no-fetch"],
    ));
    assert_eq!(out.code, 2, "{out:?}");
    assert!(out.stderr.contains(":3: store:"), "{out:?}");
}

/// A profile whose secret comes from `argv`.
fn command_profile(mock: &Mock, argv: &str, extra: &str) -> PathBuf {
    config(
        &format!(
            "[profiles.mini]\nappid = \"{APPID}\"\napi_base = \"{}\"\nretries = 0\nsecret_command = {argv}\n{extra}",
            mock.url()
        ),
        0o600,
    )
}

#[test]
fn secret_command_output_is_the_secret_and_is_never_shown() {
    let mock = Mock::with(|req, _| {
        Reply::json(&format!(
            "{{\"errcode\":40125,\"errmsg\":\"invalid appsecret {}\"}}",
            echo_decoded_query(req)
        ))
    });
    let argv = format!(
        "[\"sh\", \"-c\", \"echo 'a prompt on stderr' >&2; printf '  {SECRET}\\\\n\\\\n'\"]"
    );
    let path = command_profile(&mock, &argv, "");
    for args in [&["fetch", "-v"][..], &["fetch", "--json"], &["doctor"]] {
        let out = run(with_config(&path, args).args(["--profile", "mini"]));
        assert!(
            out.stderr.contains("a prompt on stderr"),
            "stderr passed through: {out:?}"
        );
        assert_ne!(out.code, 2, "{out:?}");
        if args[0] == "doctor" {
            assert!(
                flat(&out.stdout)
                    .contains("secret from profile \"mini\" (secret_command) (32 characters)"),
                "{out:?}"
            );
        }
    }
    let q = mock
        .requests()
        .into_iter()
        .find(|r| r.path().ends_with("/token"))
        .unwrap()
        .query();
    assert!(
        q.contains(&("secret".into(), SECRET.into())),
        "trimmed: {q:?}"
    );
}

#[test]
fn secret_command_failures_name_the_command_and_how_it_failed() {
    let mock = Mock::start(vec![Reply::token(7200)]);
    let cases: &[(&str, &str)] = &[
        (
            "[\"sh\", \"-c\", \"echo 0123456789abcdef0123456789abcdef; exit 3\"]",
            "secret_command sh exited with status 3",
        ),
        (
            "[\"sh\", \"-c\", \"kill -KILL $$\"]",
            "secret_command sh was killed by signal 9",
        ),
        ("[\"true\"]", "secret_command true printed nothing"),
        (
            "[\"sh\", \"-c\", \"printf 'a\\\\nb\\\\n'\"]",
            "printed more than one line",
        ),
        (
            "[\"/nonexistent/pass\", \"show\"]",
            "secret_command /nonexistent/pass could not be started",
        ),
        (
            "[\"sh\", \"-c\", \"head -c 100000 /dev/zero | tr '\\\\\\\\0' a\"]",
            "printed more than 4 KiB",
        ),
    ];
    for (argv, needle) in cases {
        let path = command_profile(&mock, argv, "");
        let out = run(&mut with_config(
            &path,
            &["fetch", "--profile", "mini", "--json"],
        ));
        assert_eq!(out.code, 2, "{argv}: {out:?}");
        assert!(out.stderr.contains(needle), "{needle:?} in {out:?}");
        assert!(out.stderr.contains("profile mini"), "{out:?}");
        assert!(
            !out.stdout.contains("0123456789abcdef0123456789abcdef"),
            "{out:?}"
        );
        assert!(
            !out.stderr.contains("0123456789abcdef0123456789abcdef"),
            "{out:?}"
        );
    }
    assert_eq!(mock.count(), 0);
}

#[test]
fn secret_command_is_stopped_at_the_timeout() {
    let mock = Mock::start(vec![Reply::token(7200)]);
    let dir = tempdir();
    let marker = dir.join("finished");
    let argv = format!(
        "[\"sh\", \"-c\", \"sleep 30; touch {}; echo x\"]",
        marker.display()
    );
    let path = command_profile(&mock, &argv, "timeout = 0.5\n");
    let started = std::time::Instant::now();
    // As from cron: no controlling terminal (the test may run in one), so the command gets a
    // process group of its own, which is stopped as a whole.
    let mut detached = std::process::Command::new(env!("CARGO_BIN_EXE_wxtoken"));
    detached
        .env_clear()
        .args(["fetch", "--profile", "mini", "--config"])
        .arg(&path);
    // SAFETY: setsid is async-signal-safe; nothing else runs between fork and exec.
    unsafe {
        std::os::unix::process::CommandExt::pre_exec(&mut detached, || {
            libc::setsid();
            Ok(())
        });
    }
    let out = run(&mut assert_cmd::Command::from_std(detached));
    // What the command started is stopped too: its `sleep 30` does not hold wxtoken's stderr
    // open (the run would last 30 s). A loose bound: it only has to tell 0.5 s from 30 s.
    assert!(
        started.elapsed() < std::time::Duration::from_secs(20),
        "{out:?}"
    );
    assert_eq!(out.code, 2, "{out:?}");
    assert!(
        out.stderr.contains("did not finish within 0.5 s"),
        "{out:?}"
    );
    // --timeout on the command line is the one in effect.
    let path = command_profile(&mock, &argv, "timeout = 30\n");
    let out = run(&mut with_config(
        &path,
        &["fetch", "--profile", "mini", "--timeout", "0.3"],
    ));
    assert!(
        out.stderr.contains("did not finish within 0.3 s"),
        "{out:?}"
    );
    assert_eq!(mock.count(), 0);
}

#[test]
fn secret_file_is_relative_to_the_config_file_and_secret_env_names_its_variable() {
    let mock = Mock::start(vec![Reply::token(7200)]);
    let text = format!(
        "[profiles.mini]\nappid = \"{APPID}\"\napi_base = \"{}\"\nsecret_file = \"secrets/mini\"\n[profiles.env]\nappid = \"{APPID}\"\napi_base = \"{}\"\nsecret_env = \"MINI_SECRET\"\n",
        mock.url(),
        mock.url()
    );
    let path = config(&text, 0o600);
    let dir = path.parent().unwrap();
    std::fs::create_dir(dir.join("secrets")).unwrap();
    std::fs::write(dir.join("secrets/mini"), format!("{SECRET}\n")).unwrap();
    let out = run(with_config(&path, &["fetch", "--profile", "mini"]).current_dir("/"));
    assert_eq!(out.code, 0, "{out:?}");
    let out = run(&mut with_config(&path, &["fetch", "--profile", "env"]));
    assert_eq!(out.code, 2, "{out:?}");
    assert!(
        out.stderr
            .contains("secret_env names MINI_SECRET, which is not set"),
        "{out:?}"
    );
    let out = run(with_config(&path, &["fetch", "--profile", "env"]).env("MINI_SECRET", SECRET));
    assert_eq!(out.code, 0, "{out:?}");
    assert_eq!(mock.count(), 2);
}

#[test]
fn a_secret_pasted_where_a_name_or_an_appid_belongs_is_never_shown() {
    // The one case that reaches the server (a swapped appid is only warned about) gets an
    // answer that echoes the request back.
    let mock = Mock::with(|req, _| {
        Reply::errcode(40013, &format!("invalid appid {}", echo_decoded_query(req)))
    });
    let cases = [
        format!("[profiles.{SECRET}]\nappid = \"{APPID}\"\n"),
        format!("[profiles.mini]\n{SECRET} = 1\n"),
        format!(
            "[profiles.mini]\nappid = \"{SECRET}\"\nsecret_env = \"X\"\napi_base = \"{}\"\n",
            mock.url()
        ),
        format!("[profiles.mini]\nsecret = \"{SECRET}\n"),
        format!("[profiles.mini]\nsecret = {SECRET}\n"),
        format!("profiles = \"{SECRET}\"\n"),
        format!(
            "[profiles.mini]\nappid = \"{APPID}\"\nsecret = \"{SECRET}\"\nsecret_file = \"x\"\n"
        ),
        format!("[profiles.mini]\nstore = \"redis://u:{SECRET}@127.0.0.1:1\"\ncache = true\n"),
    ];
    for text in &cases {
        for args in [
            &["fetch", "--profile", "mini", "-v"][..],
            &["profiles"],
            &["profiles", "--json"],
            &["profiles", "--names"],
            &["fetch", "--profile", "other", "--json"],
        ] {
            let path = config(text, 0o600);
            // run() fails the test if the secret is anywhere in the output.
            let out = run(with_config(&path, args).env("X", "y"));
            if args[0] == "fetch" {
                assert_ne!(out.code, 0, "{args:?}: {out:?}");
            }
        }
    }
    assert_eq!(mock.count(), 1);
}

#[test]
fn a_secret_pasted_into_any_setting_of_the_file_is_never_shown() {
    let mock = Mock::start(vec![Reply::token(7200)]);
    // A WeChat Work secret: 43 URL-safe characters.
    let corp = "Ab3_dE6-gH9jK2mN5pQ8sT1vW4yZ7bC0eF3hJ6kL9nP";
    let base = format!(
        "[profiles.mini]\nappid = \"{APPID}\"\napi_base = \"{}\"\n",
        mock.url()
    );
    let cases = [
        format!("{base}secret_env = \"{SECRET}\"\n"),
        format!("{base}secret_command = [\"{SECRET}\"]\n"),
        format!("{base}secret_command = [\"./{SECRET}\", \"x\"]\n"),
        format!("{base}secret_file = \"{SECRET}\"\n"),
        format!("{base}platform = \"{SECRET}\"\n"),
        format!("{base}format = \"{SECRET}\"\n"),
        format!("{base}store_layout = \"{SECRET}\"\n"),
        format!("{base}proxy = \"{SECRET}\"\n"),
        format!("{base}cache_dir = \"{SECRET}\"\nretries = \"{SECRET}\"\n"),
        format!("{SECRET} = 1\n{base}"),
        format!("{base}{corp} = 1\n"),
        format!("[profiles.{corp}]\nappid = \"{APPID}\"\n"),
    ];
    for text in &cases {
        let path = config(text, 0o600);
        for args in [
            &["fetch", "--profile", "mini", "-v"][..],
            &["fetch", "--profile", "mini", "--json"],
            &["profiles", "--json"],
            &["profiles"],
            &["fetch", "--profile", SECRET],
        ] {
            let out = run(&mut with_config(&path, args));
            assert!(
                !out.stdout.contains(corp) && !out.stderr.contains(corp),
                "{out:?}"
            );
            if args[0] == "fetch" {
                assert_ne!(out.code, 0, "{args:?}: {out:?}");
            }
        }
    }
    assert_eq!(mock.count(), 0);
}

#[test]
fn a_password_written_in_a_proxy_or_store_url_needs_a_private_file() {
    let mock = Mock::start(vec![Reply::token(7200)]);
    for line in [
        "proxy = \"http://user:hunter2pw@127.0.0.1:1\"",
        "store = \"unix:///run/redis.sock?pass=hunter2pw\"",
    ] {
        let text = format!("[profiles.mini]\nappid = \"{APPID}\"\n{line}\n");
        let path = config(&text, 0o644);
        let out = run(&mut with_config(&path, &["fetch", "--profile", "mini"]));
        assert_eq!(out.code, 2, "{out:?}");
        assert!(out.stderr.contains("chmod 600"), "{out:?}");
        assert!(!out.stderr.contains("hunter2pw"), "{out:?}");
    }
    let bad = config(
        "[profiles.mini]\nstore = \"mysql://x\"\nstore_prefix = \"a b\"\n",
        0o600,
    );
    let out = run(&mut with_config(&bad, &["fetch", "--profile", "mini"]));
    assert_eq!(out.code, 2, "{out:?}");
    assert!(
        out.stderr.contains(":2: store:"),
        "a bad store URL is the file's mistake: {out:?}"
    );
    assert_eq!(mock.count(), 0);
}

#[test]
fn a_relative_secret_command_is_relative_to_the_config_file() {
    let mock = Mock::start(vec![Reply::token(7200)]);
    let path = command_profile(&mock, "[\"./bin/secret.sh\"]", "");
    let dir = path.parent().unwrap();
    std::fs::create_dir(dir.join("bin")).unwrap();
    let script = dir.join("bin/secret.sh");
    std::fs::write(&script, format!("#!/bin/sh\necho {SECRET}\n")).unwrap();
    std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o700)).unwrap();
    let out = run(with_config(&path, &["fetch", "--profile", "mini"]).current_dir("/"));
    assert_eq!(out.code, 0, "{out:?}");
    assert_eq!(mock.count(), 1);
}

#[test]
fn passwords_in_urls_are_found_as_the_urls_are_read_and_never_shown() {
    let mock = Mock::start(vec![Reply::token(7200)]);
    // A '/' in the password: the proxy reads it as a password, so the file must be private.
    let text = format!(
        "[profiles.mini]\nappid = \"{APPID}\"\nsecret_env = \"S\"\nproxy = \"http://user:hunter/22pw@127.0.0.1:1\"\n"
    );
    let out =
        run(with_config(&config(&text, 0o644), &["fetch", "--profile", "mini"]).env("S", SECRET));
    assert_eq!(out.code, 2, "{out:?}");
    assert!(
        out.stderr.contains("chmod 600") && !out.stderr.contains("hunter/22pw"),
        "{out:?}"
    );
    // A user name alone is no password: a readable file may hold it, and nothing is masked.
    let text = "[profiles.mini]\nappid = \"wx0123456789abcdef\"\nstore = \"redis://default@127.0.0.1:1/0\"\n";
    let out = run(&mut with_config(&config(text, 0o644), &["profiles"]));
    assert_eq!(out.code, 0, "{out:?}");
    assert!(
        out.stdout.contains("redis://default@127.0.0.1:1/0"),
        "{out:?}"
    );
    // An API base with a password is refused without showing it, in every output.
    let text = format!(
        "[profiles.mini]\nappid = \"{APPID}\"\napi_base = \"http://u:hunter22pw@127.0.0.1:1\"\n"
    );
    let path = config(&text, 0o600);
    for args in [
        &["fetch", "--profile", "mini", "--json"][..],
        &["profiles", "--json"],
    ] {
        let out = run(&mut with_config(&path, args));
        assert_eq!(out.code, 2, "{out:?}");
        assert!(
            !out.stdout.contains("hunter22pw") && !out.stderr.contains("hunter22pw"),
            "{out:?}"
        );
    }
    // A secret typed as the profile's name, for the listing too.
    let out = run(&mut with_config(
        &path,
        &["profiles", "--json", "--profile", SECRET],
    ));
    assert_eq!(out.json()["active_profile"], "***", "{out:?}");
    assert_eq!(mock.count(), 0);
}

#[test]
fn another_apps_secret_in_the_environment_never_goes_with_the_profiles_app() {
    let mock = Mock::start(vec![Reply::token(7200); 2]);
    let other = "ffffffffffffffffffffffffffffffff";
    let text = format!(
        "[profiles.mini]\nappid = \"{APPID}\"\napi_base = \"{}\"\nsecret_env = \"MINI_SECRET\"\n",
        mock.url()
    );
    let path = config(&text, 0o600);
    let out = run(with_config(&path, &["fetch", "--profile", "mini"])
        .env("MINI_SECRET", SECRET)
        .env("WXTOKEN_SECRET", other));
    assert_eq!(out.code, 0, "{out:?}");
    assert!(
        mock.last()
            .query()
            .contains(&("secret".into(), SECRET.into()))
    );
    // With the app named by the environment too, the environment's secret is the one.
    let out = run(with_config(&path, &["fetch", "--profile", "mini"])
        .env("WXTOKEN_APPID", "wx00000000000000ee")
        .env("WXTOKEN_SECRET", other));
    assert_eq!(out.code, 0, "{out:?}");
    assert!(
        mock.last()
            .query()
            .contains(&("secret".into(), other.into()))
    );
}

#[test]
fn a_long_path_of_words_is_not_taken_for_a_secret() {
    let mock = Mock::start(vec![Reply::token(7200)]);
    let path = command_profile(
        &mock,
        "[\"/opt/tools/print-wechat-official-account-secret\"]",
        "",
    );
    let out = run(&mut with_config(&path, &["fetch", "--profile", "mini"]));
    assert_eq!(out.code, 2, "{out:?}");
    assert!(
        out.stderr.contains(
            "secret_command /opt/tools/print-wechat-official-account-secret could not be started"
        ),
        "{out:?}"
    );
}

#[test]
fn another_apps_corpsecret_never_goes_with_a_wecom_profiles_corpid() {
    let mock = Mock::start(vec![Reply::token(7200)]);
    let corp_secret = "Ab3dE6gH9jK2mN5pQ8sT1vW4yZ7bC0eF3hJ6kL9nPq";
    let text = format!(
        "[profiles.work]\nplatform = \"wecom\"\ncorpid = \"ww0123456789abcdef\"\napi_base = \"{}\"\nsecret_env = \"WORK_SECRET\"\n",
        mock.url()
    );
    let path = config(&text, 0o600);
    let other = "Zz9yY8xX7wW6vV5uU4tT3sS2rR1qQ0pP9oO8nN7mM6l";
    let out = run(with_config(&path, &["fetch", "--profile", "work"])
        .env("WORK_SECRET", corp_secret)
        .env("WXTOKEN_APPID", "ww1111111111111111")
        .env("WXTOKEN_CORPSECRET", other));
    assert_eq!(out.code, 0, "{out:?}");
    let q = mock.last().query();
    assert!(
        q.contains(&("corpid".into(), "ww0123456789abcdef".into())),
        "{q:?}"
    );
    assert!(
        q.contains(&("corpsecret".into(), corp_secret.into())),
        "{q:?}"
    );
}

#[test]
fn a_fifo_nobody_writes_to_never_hangs_a_run() {
    let mock = Mock::start(vec![Reply::token(7200)]);
    let dir = tempdir();
    let fifo = dir.join("secret.fifo");
    let c = std::ffi::CString::new(fifo.to_str().unwrap()).unwrap();
    // SAFETY: a valid NUL-terminated path.
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
    let text = format!(
        "[profiles.mini]\nappid = \"{APPID}\"\napi_base = \"{}\"\nsecret_file = \"{}\"\n",
        mock.url(),
        fifo.display()
    );
    let path = config(&text, 0o600);
    let out = run(&mut with_config(&path, &["fetch", "--profile", "mini"]));
    assert_eq!(out.code, 2, "{out:?}");
    assert!(out.stderr.contains("is empty"), "{out:?}");
    let out = run(wxtoken()
        .args(["fetch", "--appid", APPID, "--secret-file"])
        .arg(&fifo)
        .args(["--api-base", &mock.url()]));
    assert_eq!(out.code, 2, "{out:?}");
    assert_eq!(mock.count(), 0);
}
