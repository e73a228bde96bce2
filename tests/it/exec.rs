//! `wxtoken exec -- CMD`: the environment CMD gets, its exit status and signals, CMD not run
//! when no token can be had, and the token never on wxtoken's own stderr.

use std::os::unix::process::ExitStatusExt;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::common::*;

fn exec(mock: &Mock, cmd: &[&str]) -> assert_cmd::Command {
    exec_with(mock, &[], cmd)
}

/// `wxtoken exec --stable OPTIONS -- CMD`.
fn exec_with(mock: &Mock, options: &[&str], cmd: &[&str]) -> assert_cmd::Command {
    let mut c = with_credentials(mock, &["exec", "--stable"]);
    c.args(options).arg("--").args(cmd);
    c
}

#[test]
fn cmd_gets_the_token_and_its_expiry_and_never_the_secret() {
    let mock = Mock::start(vec![Reply::token(7200)]);
    let before = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs();
    let out = run(exec_with(
        &mock,
        &["-v"],
        &[
            "sh",
            "-c",
            "echo \"$WXTOKEN_ACCESS_TOKEN|$WXTOKEN_EXPIRES_AT\"; env",
        ],
    )
    .env("WXTOKEN_CORPSECRET", SECRET));
    assert_eq!(out.code, 0, "{out:?}");
    let first = out.stdout.lines().next().unwrap();
    let (token, expires_at) = first.split_once('|').unwrap();
    assert_eq!(token, TOKEN);
    let expires_at: u64 = expires_at.parse().unwrap();
    assert!(
        (before + 7200..=before + 7200 + 60).contains(&expires_at),
        "{expires_at} vs {before}"
    );
    // run() checked that SECRET is nowhere in the output: CMD's `env` listed no secret, and
    // the variables themselves are gone.
    assert!(!out.stdout.contains("WXTOKEN_SECRET="), "{out:?}");
    assert!(!out.stdout.contains("WXTOKEN_CORPSECRET="), "{out:?}");
    assert!(
        out.stdout.contains("WXTOKEN_APPID="),
        "other variables stay: {out:?}"
    );
    assert!(out.stderr.contains("running sh"), "{out:?}");
}

#[test]
fn exec_exits_with_cmds_status() {
    let mock = Mock::start(vec![Reply::token(7200); 3]);
    for code in [0, 7, 255] {
        let out = run(&mut exec(&mock, &["sh", "-c", &format!("exit {code}")]));
        assert_eq!(out.code, code, "{out:?}");
    }
}

#[test]
fn cmd_replaces_wxtoken_and_signals_reach_it() {
    let mock = Mock::start(vec![Reply::token(7200)]);
    let mut child = Command::new(env!("CARGO_BIN_EXE_wxtoken"))
        .env_clear()
        .env("WXTOKEN_APPID", APPID)
        .env("WXTOKEN_SECRET", SECRET)
        .env("WXTOKEN_API_BASE", mock.url())
        .args(["exec", "--", "sleep", "30"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let started = Instant::now();
    let comm = format!("/proc/{}/comm", child.id());
    // The same process becomes `sleep` once the token is had.
    while std::fs::read_to_string(&comm).unwrap_or_default().trim() != "sleep" {
        assert!(
            started.elapsed() < Duration::from_secs(20),
            "CMD never started"
        );
        std::thread::sleep(Duration::from_millis(10));
    }
    // SAFETY: a signal to our own child.
    unsafe { libc::kill(child.id() as i32, libc::SIGTERM) };
    let status = child.wait().unwrap();
    assert_eq!(status.signal(), Some(libc::SIGTERM), "{status:?}");
}

#[test]
fn cmd_starts_with_default_sigpipe_and_the_callers_core_limit() {
    let mock = Mock::start(vec![Reply::token(7200)]);
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_wxtoken"));
    cmd.env_clear()
        .env("WXTOKEN_APPID", APPID)
        .env("WXTOKEN_SECRET", SECRET)
        .env("WXTOKEN_API_BASE", mock.url())
        .args([
            "exec",
            "--",
            "sh",
            "-c",
            "cat /proc/self/status; cat /proc/self/limits",
        ]);
    allow_core_dumps(&mut cmd);
    let out = cmd.output().unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{out:?}");
    let ignored = text
        .lines()
        .find_map(|l| l.strip_prefix("SigIgn:"))
        .map(|v| u64::from_str_radix(v.trim(), 16).unwrap())
        .unwrap();
    assert_eq!(
        ignored & (1 << (libc::SIGPIPE - 1)),
        0,
        "SIGPIPE ignored in CMD: {text}"
    );
    let core = text
        .lines()
        .find(|l| l.starts_with("Max core file size"))
        .unwrap();
    let soft = core["Max core file size".len()..]
        .split_whitespace()
        .next()
        .unwrap();
    assert_eq!(soft, "1048576", "the caller's core limit: {core}");
}

#[test]
fn cmd_does_not_run_when_no_token_can_be_had() {
    let dir = tempdir();
    let marker = dir.join("ran");
    let touch = format!("touch {}", marker.display());
    let mock = Mock::start(vec![Reply::errcode(40125, "invalid appsecret")]);
    let out = run(&mut exec(&mock, &["sh", "-c", &touch]));
    assert_eq!(out.code, 6, "{out:?}");
    assert!(!marker.exists());
    // A usage error too (no appid), before any request.
    let out = run(wxtoken()
        .args(["exec", "--", "sh", "-c", &touch])
        .env("WXTOKEN_SECRET", SECRET));
    assert_eq!(out.code, 2, "{out:?}");
    assert!(!marker.exists());
    // And with --json the failure is the usual document.
    let out = run(&mut exec_with(&mock, &["--json"], &["sh", "-c", &touch]));
    assert_eq!(out.json()["exit_code"], 6, "{out:?}");
    assert!(!marker.exists());
}

#[test]
fn a_cmd_that_cannot_be_started_is_126_or_127() {
    let mock = Mock::start(vec![Reply::token(7200); 4]);
    let out = run(&mut exec_with(
        &mock,
        &["--json"],
        &["wxtoken-no-such-command"],
    ));
    assert_eq!(out.code, 127, "{out:?}");
    assert_eq!(out.json()["error"]["kind"], "exec");
    assert!(
        out.stderr
            .contains("cannot run wxtoken-no-such-command: not found"),
        "{out:?}"
    );
    let dir = tempdir();
    let script = dir.join("not-executable");
    std::fs::write(&script, "#!/bin/sh\necho hi\n").unwrap();
    let out = run(&mut exec(&mock, &[script.to_str().unwrap()]));
    // Root may run a file without execute bits? No: exec needs one x bit, even for root.
    assert_eq!(out.code, 126, "{out:?}");
    assert!(out.stderr.contains("permission denied"), "{out:?}");
    let out = run(&mut exec(&mock, &[dir.to_str().unwrap()]));
    assert_eq!(out.code, 126, "a directory: {out:?}");
}

#[test]
fn exec_needs_a_command_after_double_dash() {
    let mock = Mock::start(vec![Reply::token(7200)]);
    for args in [&["exec"][..], &["exec", "--"], &["exec", "sh"]] {
        let out = run(&mut with_credentials(&mock, args));
        assert_eq!(out.code, 2, "{args:?}: {out:?}");
    }
    assert_eq!(mock.count(), 0);
}

#[test]
fn exec_takes_fetchs_cache_and_a_profile() {
    let mock = Mock::start(vec![Reply::token(7200)]);
    let dir = tempdir();
    let config = dir.join("config.toml");
    std::fs::write(
        &config,
        format!(
            "[profiles.mini]\nappid = \"{APPID}\"\napi_base = \"{}\"\nsecret_command = [\"echo\", \"{SECRET}\"]\nstable = true\ncache = true\ncache_dir = \"cache\"\n",
            mock.url()
        ),
    )
    .unwrap();
    for _ in 0..3 {
        let out = run(wxtoken()
            .args(["exec", "--profile", "mini", "--config"])
            .arg(&config)
            .args([
                "--",
                "sh",
                "-c",
                "test -n \"$WXTOKEN_ACCESS_TOKEN\" && echo ok",
            ]));
        assert_eq!((out.code, out.stdout.as_str()), (0, "ok\n"), "{out:?}");
    }
    assert_eq!(mock.count(), 1, "the profile's cache served two runs");
    assert!(mock.last().path().ends_with("/stable_token"));
}

#[test]
fn a_missing_cmd_is_reported_before_any_fetch() {
    let mock = Mock::start(vec![Reply::token(7200)]);
    let out = run(&mut exec(&mock, &["wxtoken-no-such-command"]));
    assert_eq!(out.code, 127, "{out:?}");
    let dir = tempdir();
    let out = run(&mut exec(&mock, &[dir.to_str().unwrap()]));
    assert_eq!(out.code, 126, "{out:?}");
    assert_eq!(mock.count(), 0, "a typo costs no fetch");
}

#[test]
fn cmd_never_gets_a_profiles_secret_variable_or_the_store_url() {
    let mock = Mock::start(vec![Reply::token(7200)]);
    let redis = crate::common::redis_server::RedisServer::start();
    let dir = tempdir();
    let config = dir.join("config.toml");
    std::fs::write(
        &config,
        format!(
            "[profiles.mini]\nappid = \"{APPID}\"\napi_base = \"{}\"\nsecret_env = \"MINI_SECRET\"\n",
            mock.url()
        ),
    )
    .unwrap();
    let out = run(wxtoken()
        .args(["exec", "--profile", "mini", "--config"])
        .arg(&config)
        .args(["--", "sh", "-c", "env"])
        .env("MINI_SECRET", SECRET)
        .env("WXTOKEN_STORE", redis.url()));
    // run() already failed the test if SECRET was printed: `env` listed no MINI_SECRET.
    assert_eq!(out.code, 0, "{out:?}");
    assert!(out.stdout.contains("WXTOKEN_ACCESS_TOKEN="), "{out:?}");
    assert!(!out.stdout.contains("MINI_SECRET"), "{out:?}");
    assert!(!out.stdout.contains("WXTOKEN_STORE"), "{out:?}");
    assert_eq!(mock.count(), 1, "the token went through the store");
}
