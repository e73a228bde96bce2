//! Profiles: the config file, precedence (flag > environment > profile > default), every
//! error naming file, line and key, the inline-secret rule, secret sources, `wxtoken profiles`
//! and completion of profile names.

use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};

use crate::common::*;

/// A config file in a fresh directory, with `mode`.
fn config(text: &str, mode: u32) -> PathBuf {
    let dir = tempdir();
    let path = dir.join("config.toml");
    std::fs::write(&path, text).unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(mode)).unwrap();
    path
}

/// `wxtoken ARGS --config PATH` with nothing else in the environment.
fn with_config(path: &Path, args: &[&str]) -> assert_cmd::Command {
    let mut cmd = wxtoken();
    cmd.args(args).arg("--config").arg(path);
    cmd
}

/// A profile for `mock` whose secret comes from WXTOKEN_TEST_SECRET.
fn basic(mock: &Mock, extra: &str) -> String {
    format!(
        "[profiles.mini]\nappid = \"{APPID}\"\napi_base = \"{}\"\nsecret_env = \"WXTOKEN_TEST_SECRET\"\nretries = 0\n{extra}\n",
        mock.url()
    )
}

#[test]
fn a_profile_gives_appid_secret_and_api_base() {
    let mock = Mock::start(vec![Reply::token(7200)]);
    let path = config(&basic(&mock, ""), 0o600);
    let out = run(with_config(&path, &["fetch", "--profile", "mini", "-v"])
        .env("WXTOKEN_TEST_SECRET", SECRET));
    assert_eq!(out.code, 0, "{out:?}");
    assert_eq!(out.stdout, format!("{TOKEN}\n"));
    let q = mock.last().query();
    assert!(q.contains(&("appid".into(), APPID.into())), "{q:?}");
    assert!(q.contains(&("secret".into(), SECRET.into())), "{q:?}");
}

#[test]
fn a_profiles_language_is_the_whole_runs_language() {
    // The language is settled after the profile: every line of -v and the error speak it, the
    // text built far from the printer (the proxy's description, a transport error) included.
    let mock = Mock::start(vec![Reply::token(7200)]);
    let path = config(&basic(&mock, "lang = \"zh\""), 0o600);
    let out = run(with_config(&path, &["fetch", "--profile", "mini", "-v"])
        .env("WXTOKEN_TEST_SECRET", SECRET)
        .env("LANG", "C.UTF-8"));
    assert_eq!(out.code, 0, "{out:?}");
    assert!(out.stderr.contains("代理：无（直接连接）"), "{out:?}");
    assert!(!out.stderr.contains("direct connection"), "{out:?}");
    // A refused connection: the transport error is told in the profile's language too.
    let closed = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = closed.local_addr().unwrap().port();
    drop(closed);
    let text = format!(
        "[profiles.mini]\nappid = \"{APPID}\"\napi_base = \"http://127.0.0.1:{port}\"\nsecret_env = \"WXTOKEN_TEST_SECRET\"\nretries = 0\nlang = \"zh\"\n"
    );
    let path = config(&text, 0o600);
    let out = run(with_config(&path, &["fetch", "--profile", "mini"])
        .env("WXTOKEN_TEST_SECRET", SECRET)
        .env("LANG", "C.UTF-8"));
    assert_eq!(out.code, 3, "{out:?}");
    assert!(out.stderr.contains("拒绝连接"), "{out:?}");
    assert!(!out.stderr.contains("refused"), "{out:?}");
    // Text built deep in the token core: a corrupt cache entry's warning, and a directory
    // others may write refused with its reason.
    let path = config(&basic(&mock, "lang = \"zh\""), 0o600);
    let dir = tempdir();
    let cache = dir.join("cache");
    let fetch_cached = |cache: &Path| {
        let mut cmd = with_config(&path, &["fetch", "--profile", "mini", "--cache"]);
        cmd.arg("--cache-dir")
            .arg(cache)
            .env("WXTOKEN_TEST_SECRET", SECRET)
            .env("LANG", "C.UTF-8");
        run(&mut cmd)
    };
    assert_eq!(fetch_cached(&cache).code, 0);
    let entry = std::fs::read_dir(&cache)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|x| x == "json"))
        .expect("an entry");
    std::fs::write(&entry, "{").unwrap();
    let out = fetch_cached(&cache);
    assert_eq!(out.code, 0, "{out:?}");
    assert!(out.stderr.contains("忽略损坏的缓存条目"), "{out:?}");
    assert!(out.stderr.contains("不是缓存条目"), "{out:?}");
    assert!(!out.stderr.contains("corrupt"), "{out:?}");
    let open = dir.join("open");
    std::fs::create_dir(&open).unwrap();
    std::fs::set_permissions(&open, std::fs::Permissions::from_mode(0o777)).unwrap();
    let out = fetch_cached(&open);
    assert_eq!(out.code, 11, "{out:?}");
    assert!(out.stderr.contains("其他用户可以写入它"), "{out:?}");
    assert!(!out.stderr.contains("other users"), "{out:?}");
}

#[test]
fn the_default_profile_is_used_without_profile_and_wxtoken_profile_picks_another() {
    let mock = Mock::start(vec![Reply::token(7200), Reply::token(7200)]);
    let other = "wx00000000000000aa";
    let text = format!(
        "default_profile = \"mini\"\n{}\n[profiles.other]\nappid = \"{other}\"\napi_base = \"{}\"\nsecret_env = \"WXTOKEN_TEST_SECRET\"\n",
        basic(&mock, ""),
        mock.url()
    );
    let path = config(&text, 0o600);
    let out = run(with_config(&path, &["fetch"]).env("WXTOKEN_TEST_SECRET", SECRET));
    assert_eq!(out.code, 0, "{out:?}");
    assert!(
        mock.last()
            .query()
            .contains(&("appid".into(), APPID.into()))
    );
    let out = run(with_config(&path, &["fetch"])
        .env("WXTOKEN_TEST_SECRET", SECRET)
        .env("WXTOKEN_PROFILE", "other"));
    assert_eq!(out.code, 0, "{out:?}");
    assert!(
        mock.last()
            .query()
            .contains(&("appid".into(), other.into()))
    );
}

#[test]
fn the_default_config_location_is_xdg_then_home() {
    let mock = Mock::start(vec![Reply::token(7200), Reply::token(7200)]);
    let home = tempdir();
    let dir = home.join(".config/wxtoken");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("config.toml"), basic(&mock, "")).unwrap();
    let out = run(wxtoken()
        .args(["fetch", "--profile", "mini"])
        .env("HOME", &home)
        .env("WXTOKEN_TEST_SECRET", SECRET));
    assert_eq!(out.code, 0, "{out:?}");
    let xdg = tempdir();
    std::fs::create_dir_all(xdg.join("wxtoken")).unwrap();
    std::fs::write(
        xdg.join("wxtoken/config.toml"),
        "[profiles.elsewhere]\nappid = \"wx1\"\n",
    )
    .unwrap();
    let out = run(wxtoken()
        .args(["fetch", "--profile", "mini"])
        .env("HOME", &home)
        .env("XDG_CONFIG_HOME", &xdg)
        .env("WXTOKEN_TEST_SECRET", SECRET));
    assert_eq!(out.code, 2, "XDG_CONFIG_HOME's file wins: {out:?}");
    assert!(out.stderr.contains("no profile \"mini\""), "{out:?}");
    assert_eq!(mock.count(), 1);
}

#[test]
fn precedence_is_flag_then_environment_then_profile_then_default() {
    let profile_mock = Mock::start(vec![Reply::token(7200); 4]);
    let env_mock = Mock::start(vec![Reply::token(7200); 4]);
    let path = config(&basic(&profile_mock, "format = \"query\""), 0o600);
    let base = || {
        let mut cmd = with_config(&path, &["fetch", "--profile", "mini"]);
        cmd.env("WXTOKEN_TEST_SECRET", SECRET);
        cmd
    };
    // Profile over default: its api_base, appid and format.
    let out = run(&mut base());
    assert_eq!(out.stdout, format!("access_token={TOKEN}\n"), "{out:?}");
    assert_eq!(profile_mock.count(), 1);
    // Environment over profile: WXTOKEN_API_BASE, WXTOKEN_APPID, WXTOKEN_FORMAT, WXTOKEN_SECRET
    // (the profile's secret_env variable is not even set).
    let appid_env = "wx00000000000000ee";
    let out = run(base()
        .env_remove("WXTOKEN_TEST_SECRET")
        .env("WXTOKEN_SECRET", SECRET)
        .env("WXTOKEN_API_BASE", env_mock.url())
        .env("WXTOKEN_APPID", appid_env)
        .env("WXTOKEN_FORMAT", "token"));
    assert_eq!(out.code, 0, "{out:?}");
    assert_eq!(out.stdout, format!("{TOKEN}\n"));
    assert_eq!((profile_mock.count(), env_mock.count()), (1, 1));
    assert!(
        env_mock
            .last()
            .query()
            .contains(&("appid".into(), appid_env.into()))
    );
    // Flag over environment (and the flag's app takes the variable's secret: the profile's
    // goes only with the profile's own appid).
    let appid_flag = "wx00000000000000ff";
    let out = run(base()
        .env("WXTOKEN_APPID", appid_env)
        .args(["--appid", appid_flag]));
    assert_eq!(out.code, 2, "{out:?}");
    assert!(
        out.stderr
            .contains("wx00000000000000ff (from --appid) is not the one of profile \"mini\""),
        "{out:?}"
    );
    let out = run(base()
        .env("WXTOKEN_SECRET", SECRET)
        .env("WXTOKEN_APPID", appid_env)
        .env("WXTOKEN_FORMAT", "token")
        .args(["--appid", appid_flag, "--format", "env"])
        .args(["--api-base", &env_mock.url()]));
    assert_eq!(out.code, 0, "{out:?}");
    assert!(
        out.stdout.starts_with("export WXTOKEN_ACCESS_TOKEN="),
        "{out:?}"
    );
    assert!(
        env_mock
            .last()
            .query()
            .contains(&("appid".into(), appid_flag.into()))
    );
    // A switch: the profile's retries = 0 beats the default 2, and --retries beats it.
    let busy = Mock::start(vec![Reply::errcode(-1, "system error"); 6]);
    let path = config(&basic(&busy, ""), 0o600);
    let out =
        run(with_config(&path, &["fetch", "--profile", "mini"]).env("WXTOKEN_TEST_SECRET", SECRET));
    assert_eq!((out.code, busy.count()), (5, 1), "{out:?}");
    let out = run(
        with_config(&path, &["fetch", "--profile", "mini", "--retries", "1"])
            .env("WXTOKEN_TEST_SECRET", SECRET),
    );
    assert_eq!((out.code, busy.count()), (5, 3), "{out:?}");
}

#[test]
fn a_profiles_cache_setting_is_overridden_by_the_environment() {
    let mock = Mock::start(vec![Reply::token(7200); 3]);
    let cache_dir = tempdir().join("cache");
    let extra = format!("cache = true\ncache_dir = \"{}\"", cache_dir.display());
    let path = config(&basic(&mock, &extra), 0o600);
    for _ in 0..2 {
        let out =
            run(with_config(&path, &["fetch", "--profile", "mini"])
                .env("WXTOKEN_TEST_SECRET", SECRET));
        assert_eq!(out.code, 0, "{out:?}");
    }
    assert_eq!(mock.count(), 1, "the profile's cache served the second run");
    let out = run(with_config(&path, &["fetch", "--profile", "mini"])
        .env("WXTOKEN_TEST_SECRET", SECRET)
        .env("WXTOKEN_CACHE", "0"));
    assert_eq!(out.code, 0, "{out:?}");
    assert_eq!(
        mock.count(),
        2,
        "WXTOKEN_CACHE=0 beats the profile's cache = true"
    );
}

/// Run `fetch --profile mini` against a config and expect a usage error naming `needle`, with
/// no request made.
fn refused(text: &str, mode: u32, needles: &[&str]) -> Outcome {
    let mock = Mock::start(vec![Reply::token(7200)]);
    let path = config(&text.replace("MOCK", &mock.url()), mode);
    let out = run(
        with_config(&path, &["fetch", "--profile", "mini", "--json"])
            .env("WXTOKEN_TEST_SECRET", SECRET),
    );
    assert_eq!(out.code, 2, "{out:?}");
    for needle in needles {
        let needle = needle.replace("FILE", &path.display().to_string());
        assert!(out.stderr.contains(&needle), "{needle:?} in {out:?}");
    }
    assert_eq!(out.json()["error"]["kind"], "usage", "{out:?}");
    assert_eq!(mock.count(), 0, "nothing is fetched: {out:?}");
    out
}

#[test]
fn every_mistake_in_the_file_is_a_usage_error_naming_file_line_and_key() {
    let head = "# wxtoken\n[profiles.mini]\nappid = \"wx0123456789abcdef\"\napi_base = \"MOCK\"\n";
    let cases: &[(&str, &[&str])] = &[
        (
            "retrys = 1\n",
            &["FILE:5: retrys: unknown key \"retrys\" (did you mean retries?)"],
        ),
        (
            "retries = \"two\"\n",
            &["FILE:5: retries: expected an integer, found string"],
        ),
        (
            "retries = 11\n",
            &["FILE:5: retries:", "a whole number from 0 to 10"],
        ),
        (
            "platform = \"weixin\"\n",
            &["FILE:5: platform:", "possible values: mp, wecom"],
        ),
        (
            "timeout = \"soon\"\n",
            &["FILE:5: timeout: expected a number of seconds"],
        ),
        (
            "timeout = 0\n",
            &["FILE:5: timeout: --timeout must be a number of seconds"],
        ),
        (
            "stable = \"yes\"\n",
            &["FILE:5: stable: expected true or false, found string"],
        ),
        (
            "proxy = 1\n",
            &["FILE:5: proxy: expected a string, found integer"],
        ),
        ("api_base = 1\n", &["FILE:5: duplicate key"]),
        (
            "store_layout = \"spring\"\n",
            &["FILE:5: store_layout:", "wxjava"],
        ),
        (
            "ca_cert = \"/nonexistent/ca.pem\"\n",
            &["FILE:5: ca_cert: no such file"],
        ),
        (
            "secret_env = \"A\"\nsecret_file = \"x\"\n",
            &[
                "FILE:6: secret_file: a profile takes one secret source, and this one also sets secret_env",
            ],
        ),
        (
            "secret_command = \"pass show wx\"\n",
            &["FILE:5: secret_command: expected an array of strings"],
        ),
        (
            "secret_command = []\n",
            &["FILE:5: secret_command: expected an array of strings"],
        ),
        (
            "secret_env = \"NOT-A-NAME\"\n",
            &["FILE:5: secret_env: the name of an environment variable"],
        ),
        (
            "cache = true\nstore = \"redis://127.0.0.1\"\n",
            &["sets both cache and store"],
        ),
        (
            "[profiles.mini.nested]\nx = 1\n",
            &["FILE:5: nested: unknown key"],
        ),
        ("appid = \n", &["FILE:5:"]),
    ];
    for (extra, needles) in cases {
        // api_base is set twice in one case: toml refuses a duplicate key, with its line.
        refused(&format!("{head}{extra}"), 0o600, needles);
    }
    refused(&format!("default_profile = \"mni\"\n{head}"), 0o600, &[]);
    let out = refused(
        &format!("verbose = true\n{head}"),
        0o600,
        &["FILE:1: unknown field `verbose`"],
    );
    assert!(!out.stderr.contains("TOML parse error"), "{out:?}");
}

#[test]
fn an_unknown_profile_and_a_missing_file_are_usage_errors() {
    let mock = Mock::start(vec![Reply::token(7200)]);
    let path = config(&basic(&mock, ""), 0o600);
    let out = run(&mut with_config(&path, &["fetch", "--profile", "nope"]));
    assert_eq!(out.code, 2, "{out:?}");
    let expected = format!(
        "{}: no profile \"nope\" (its profiles: mini)",
        path.display()
    );
    assert!(out.stderr.contains(&expected), "{out:?}");
    let default = config("default_profile = \"gone\"\n[profiles.mini]\n", 0o600);
    let out = run(&mut with_config(&default, &["fetch"]));
    assert_eq!(out.code, 2, "{out:?}");
    let expected = format!(
        "{}:1: default_profile: no profile \"gone\"",
        default.display()
    );
    assert!(out.stderr.contains(&expected), "{out:?}");
    let missing = tempdir().join("missing.toml");
    let out = run(&mut with_config(&missing, &["fetch", "--profile", "mini"]));
    assert_eq!(out.code, 2, "{out:?}");
    assert!(out.stderr.contains("cannot use the config file"), "{out:?}");
    // Without --config or --profile, no config file is no profile: the usual error.
    let out = run(wxtoken().args(["fetch"]).env("HOME", tempdir()));
    assert_eq!(out.code, 2, "{out:?}");
    assert!(out.stderr.contains("missing appid"), "{out:?}");
    assert_eq!(mock.count(), 0);
}

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

#[test]
fn a_config_file_others_can_write_is_refused() {
    let mock = Mock::start(vec![Reply::token(7200)]);
    for mode in [0o660, 0o646] {
        let path = config(&basic(&mock, ""), mode);
        let out =
            run(with_config(&path, &["fetch", "--profile", "mini"])
                .env("WXTOKEN_TEST_SECRET", SECRET));
        assert_eq!(out.code, 2, "{mode:o}: {out:?}");
        assert!(
            out.stderr.contains("other users can write to it"),
            "{out:?}"
        );
        assert!(
            out.stderr.contains("secret_command"),
            "the hint says why: {out:?}"
        );
    }
    // A FIFO or a directory is not read (and does not hang).
    let dir = tempdir();
    let out = run(&mut with_config(&dir, &["fetch", "--profile", "mini"]));
    assert_eq!(out.code, 2, "{out:?}");
    assert_eq!(mock.count(), 0);
}

#[test]
fn a_config_file_owned_by_another_user_is_refused() {
    if !needs_root("a_config_file_owned_by_another_user_is_refused") {
        return;
    }
    let mock = Mock::start(vec![Reply::token(7200)]);
    let path = config(&basic(&mock, ""), 0o644);
    std::os::unix::fs::chown(&path, Some(65534), Some(65534)).unwrap();
    let out =
        run(with_config(&path, &["fetch", "--profile", "mini"]).env("WXTOKEN_TEST_SECRET", SECRET));
    assert_eq!(out.code, 2, "{out:?}");
    assert!(out.stderr.contains("owned by uid 65534"), "{out:?}");
    assert_eq!(mock.count(), 0);
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
fn profiles_lists_every_profile_without_a_secret() {
    let text = format!(
        "default_profile = \"mini\"\n\
         [profiles.mini]\nappid = \"{APPID}\"\nsecret_command = [\"pass\", \"show\", \"wx/mini\"]\nstable = true\ncache = true\n\
         [profiles.work]\nplatform = \"wecom\"\ncorpid = \"ww0123456789abcdef\"\nagentid = 1000002\nsecret_env = \"WORK_SECRET\"\n\
         [profiles.oa]\nappid = \"wx00000000000000aa\"\nsecret = \"{SECRET}\"\nstore = \"redis://:hunter2pass@10.0.0.5:6379/1\"\nstore_layout = \"wxjava\"\n"
    );
    let path = config(&text, 0o600);
    let out = run(&mut with_config(&path, &["profiles"]));
    assert_eq!(out.code, 0, "{out:?}");
    let lines: Vec<&str> = out.stdout.lines().collect();
    assert_eq!(lines.len(), 5, "{out:?}");
    assert_eq!(
        lines[0],
        format!("config file: {}", path.display()),
        "the file it read"
    );
    let lines = &lines[1..];
    assert!(
        lines[0].contains("NAME") && lines[0].contains("SECRET"),
        "{out:?}"
    );
    assert!(lines[1].starts_with("*mini "), "{out:?}");
    assert!(
        lines[1].contains("secret_command")
            && lines[1].contains("stable")
            && lines[1].contains("cache"),
        "{out:?}"
    );
    assert!(
        lines[2].starts_with(" oa ") && lines[2].contains("store redis://:***@10.0.0.5:6379/1"),
        "{out:?}"
    );
    assert!(
        lines[3].contains("wecom")
            && lines[3].contains("agent 1000002")
            && lines[3].contains("gettoken"),
        "{out:?}"
    );
    assert!(!out.stdout.contains("hunter2pass"), "{out:?}");
    let out = run(&mut with_config(&path, &["profiles", "--json"]));
    let doc = out.json();
    assert_eq!(doc["default_profile"], "mini");
    assert_eq!(doc["profiles"][1]["secret"], "secret");
    assert_eq!(doc["profiles"][2]["agentid"], "1000002");
    assert!(!out.stdout.contains("hunter2pass"), "{out:?}");
    // The profile in effect is the one marked: WXTOKEN_PROFILE over the default.
    let out = run(with_config(&path, &["profiles"]).env("WXTOKEN_PROFILE", "oa"));
    let lines: Vec<&str> = out.stdout.lines().skip(1).collect();
    assert!(
        lines[1].starts_with(" mini ") && lines[2].starts_with("*oa "),
        "{out:?}"
    );
    let doc = run(&mut with_config(
        &path,
        &["profiles", "--json", "--profile", "work"],
    ))
    .json();
    assert_eq!(doc["active_profile"], "work");
    assert_eq!(
        (
            doc["profiles"][2]["active"].as_bool(),
            doc["profiles"][0]["default"].as_bool()
        ),
        (Some(true), Some(true))
    );
    let out = run(&mut with_config(&path, &["profiles", "--names"]));
    assert_eq!(out.stdout, "mini\noa\nwork\n");
    // A broken profile is listed with its error, and the exit code says so.
    let broken = config(&format!("{text}[profiles.bad]\nretries = -1\n"), 0o600);
    let out = run(&mut with_config(&broken, &["profiles", "--json"]));
    assert_eq!(out.code, 2, "{out:?}");
    let bad = &out.json()["profiles"][0];
    assert_eq!(bad["name"], "bad");
    assert!(
        bad["error"].as_str().unwrap().contains(":18: retries:"),
        "{bad}"
    );
    // No config file: nothing to list, and that is no failure.
    let out = run(wxtoken()
        .args(["profiles", "--json"])
        .env("HOME", tempdir()));
    assert_eq!(out.code, 0, "{out:?}");
    assert_eq!(out.json()["exists"], false);
}

#[test]
fn the_readme_example_file_is_valid_and_lists_as_shown() {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/profiles.md")).unwrap();
    let section = &readme[readme.find("## Profiles").expect("a Profiles section")..];
    let block = |start: &str| -> String {
        let from = section.find(start).unwrap() + start.len();
        let to = from + section[from..].find("```\n").unwrap();
        section[from..to].to_string()
    };
    let toml = block("```toml\n");
    for needle in [
        "secret_command = [\"pass\", \"show\", \"wx/mini\"]",
        "platform = \"wecom\"",
        "store = \"",
    ] {
        assert!(toml.contains(needle), "the example shows {needle}");
    }
    let path = config(&toml, 0o600);
    let out = run(&mut with_config(&path, &["profiles"]));
    assert_eq!(out.code, 0, "{out:?}");
    let shown = block("```text\n$ wxtoken profiles\n");
    let stdout = out
        .stdout
        .replace(&path.display().to_string(), "~/.config/wxtoken/config.toml");
    assert_eq!(stdout, shown, "README shows what `wxtoken profiles` prints");
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
fn explicit_choices_beat_a_profiles_store_and_cache_as_a_whole() {
    let mock = Mock::start(vec![Reply::token(7200); 4]);
    let dir = tempdir();
    // A store nobody listens on: any use of it is exit 11.
    let store = format!("redis://127.0.0.1:{}/0", closed_port());
    let text = format!(
        "default_profile = \"oa\"\n[profiles.oa]\nappid = \"{APPID}\"\napi_base = \"{}\"\nsecret_env = \"S\"\nstore = \"{store}\"\nmin_ttl = 600\n\
         [profiles.local]\nappid = \"{APPID}\"\napi_base = \"{}\"\nsecret_env = \"S\"\ncache = true\ncache_dir = \"{}\"\nmin_ttl = 600\n",
        mock.url(),
        mock.url(),
        dir.join("cache").display()
    );
    let path = config(&text, 0o600);
    let fetch = |args: &[&str]| {
        let mut cmd = with_config(&path, &["fetch"]);
        cmd.args(args).env("S", SECRET);
        cmd
    };
    let out = run(&mut fetch(&[]));
    assert_eq!(out.code, 11, "the profile's store: {out:?}");
    let cache_dir = dir.join("explicit");
    let out = run(fetch(&["--cache", "--cache-dir"]).arg(&cache_dir));
    assert_eq!(
        out.code, 0,
        "--cache sets the profile's store aside: {out:?}"
    );
    let out = run(fetch(&["--cache-dir"])
        .arg(&cache_dir)
        .env("WXTOKEN_CACHE", "1"));
    assert_eq!(out.code, 0, "so does WXTOKEN_CACHE=1: {out:?}");
    assert_eq!(mock.count(), 1, "the second run was a cache hit");
    // The other way round: --store sets the profile's cache aside.
    let out = run(&mut fetch(&["--profile", "local", "--store", &store]));
    assert_eq!(out.code, 11, "{out:?}");
    // A profile's cache turned off: its min_ttl goes with it, and the run fetches.
    let out = run(fetch(&["--profile", "local"]).env("WXTOKEN_CACHE", "0"));
    assert_eq!(out.code, 0, "{out:?}");
    assert_eq!(mock.count(), 2);
    // --no-profile: none of it, not even the default profile.
    let out = run(&mut fetch(&["--no-profile"]));
    assert_eq!(out.code, 2, "{out:?}");
    assert!(out.stderr.contains("missing appid"), "{out:?}");
    // `cache list` takes no default profile: it lists the local cache, never the store.
    let out = run(with_config(&path, &["cache", "list", "--json"])
        .arg("--cache-dir")
        .arg(&cache_dir));
    assert_eq!(out.code, 0, "{out:?}");
    assert_eq!(
        out.json()["entries"].as_array().map(Vec::len),
        Some(1),
        "{out:?}"
    );
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
fn a_failure_before_the_fetch_still_makes_eval_fail() {
    let dir = tempdir();
    let path = config("[profiles.mini]\nappid = \"wx0123456789abcdef\"\n", 0o600);
    let bin_dir = Path::new(env!("CARGO_BIN_EXE_wxtoken")).parent().unwrap();
    for (script, env) in [
        (
            "eval \"$(wxtoken fetch --format env --profile nope --config CONFIG)\" && echo WENT ON",
            None,
        ),
        (
            "eval \"$(wxtoken fetch --retries 99 --format=env)\" && echo WENT ON",
            None,
        ),
        (
            "eval \"$(wxtoken fetch --frobnicate)\" && echo WENT ON",
            Some("env"),
        ),
    ] {
        let mut cmd = std::process::Command::new("sh");
        cmd.arg("-c")
            .arg(script.replace("CONFIG", &path.display().to_string()))
            .current_dir(&dir)
            .env_clear()
            .env("PATH", format!("{}:/usr/bin:/bin", bin_dir.display()));
        if let Some(format) = env {
            cmd.env("WXTOKEN_FORMAT", format);
        }
        let out = cmd.output().unwrap();
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert!(!stdout.contains("WENT ON"), "{script}: {out:?}");
        assert!(!out.status.success(), "{script}: {out:?}");
    }
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
