//! Profiles: the config file, precedence (flag > environment > profile > default), every
//! error naming file, line and key, the inline-secret rule, secret sources, `wxtoken profiles`
//! and completion of profile names.

use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};

use crate::common::*;

/// A config file in a fresh directory, with `mode`.
pub(crate) fn config(text: &str, mode: u32) -> PathBuf {
    let dir = tempdir();
    let path = dir.join("config.toml");
    std::fs::write(&path, text).unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(mode)).unwrap();
    path
}

/// `wxtoken ARGS --config PATH` with nothing else in the environment.
pub(crate) fn with_config(path: &Path, args: &[&str]) -> assert_cmd::Command {
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
