//! Shared test support: the mock WeChat server (`mock.rs`), test proxies (`proxies.rs`), Redis
//! servers of every kind (`redis_server.rs`, `redis_cluster.rs`), and here a runner for the real
//! binary in a clean environment that checks every output for the secret.
#![allow(dead_code)]

mod mock;
mod proxies;
pub mod redis_cluster;
pub mod redis_server;

pub use mock::*;
pub use proxies::*;

use std::net::TcpListener;
use std::sync::Mutex;
use std::time::Duration;

pub const APPID: &str = "wx0123456789abcdef";
pub const SECRET: &str = "5ec2e75ec2e75ec2e75ec2e75ec2e7ab";
pub const TOKEN: &str = "78_Tk-QzN3aXbY7cT9pLmK2vR5sW8eH1jG4fD6uI0oP3lZxCvBnMqAsDfGhJkL_token";

/// A port on 127.0.0.1 where nothing listens.
pub fn closed_port() -> u16 {
    let l = TcpListener::bind("127.0.0.1:0").unwrap();
    l.local_addr().unwrap().port()
}

/// The binary in a clean environment: no proxy, locale, colour, HOME or WXTOKEN_* variables
/// from the developer's shell.
pub fn wxtoken() -> assert_cmd::Command {
    let mut cmd = assert_cmd::Command::new(env!("CARGO_BIN_EXE_wxtoken"));
    cmd.env_clear();
    cmd.env("PATH", std::env::var("PATH").unwrap_or_default());
    cmd.timeout(Duration::from_secs(60));
    cmd
}

/// The binary with credentials in the environment and the API base pointing at `mock`.
pub fn fetch(mock: &Mock) -> assert_cmd::Command {
    with_credentials(mock, &["fetch"])
}

/// `wxtoken ARGS…` with the test account's credentials in env and `mock` as the API base.
pub fn with_credentials(mock: &Mock, args: &[&str]) -> assert_cmd::Command {
    let mut cmd = wxtoken();
    cmd.args(args)
        .env("WXTOKEN_APPID", APPID)
        .env("WXTOKEN_SECRET", SECRET)
        .env("WXTOKEN_API_BASE", mock.url());
    cmd
}

/// What a run printed, with its exit code.
#[derive(Debug)]
pub struct Outcome {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Outcome {
    pub fn json(&self) -> serde_json::Value {
        let mut docs =
            serde_json::Deserializer::from_str(&self.stdout).into_iter::<serde_json::Value>();
        let doc = docs
            .next()
            .unwrap_or_else(|| panic!("no JSON on stdout: {self:?}"))
            .unwrap_or_else(|e| panic!("stdout is not JSON ({e}): {self:?}"));
        assert!(
            docs.next().is_none(),
            "more than one JSON document on stdout: {self:?}"
        );
        doc
    }
}

/// Run, then check that no output carries `secret` (in any form a bug could print it).
pub fn run_hiding(cmd: &mut assert_cmd::Command, secret: &str) -> Outcome {
    let out = cmd.output().expect("wxtoken runs");
    let outcome = Outcome {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).to_string(),
        stderr: String::from_utf8_lossy(&out.stderr).to_string(),
    };
    assert_no_leak(&outcome, secret);
    outcome
}

/// Run with the standard test secret.
pub fn run(cmd: &mut assert_cmd::Command) -> Outcome {
    run_hiding(cmd, SECRET)
}

/// Run a command that must never print a token at all (check, doctor): not even on stdout.
pub fn run_tokenless(cmd: &mut assert_cmd::Command) -> Outcome {
    let out = run(cmd);
    assert!(
        !out.stdout.contains(TOKEN),
        "this command must never print a token: {out:?}"
    );
    out
}

pub fn assert_no_leak(outcome: &Outcome, secret: &str) {
    for (name, text) in [("stdout", &outcome.stdout), ("stderr", &outcome.stderr)] {
        assert!(
            !text.contains(secret),
            "the secret leaked on {name}: {outcome:?}"
        );
    }
    assert!(
        !outcome.stderr.contains(TOKEN),
        "the token leaked on stderr: {outcome:?}"
    );
}

/// A fresh private directory in the system temp dir (made by `tempfile`: a random name, mode
/// 0700, never one another user planted), removed when the test binary exits, whether its tests
/// passed or failed, so that a run leaves nothing behind in /tmp.
pub fn tempdir() -> std::path::PathBuf {
    static REGISTER: std::sync::Once = std::sync::Once::new();
    REGISTER.call_once(|| {
        // SAFETY: registers a plain function with no arguments to run at exit.
        unsafe { libc::atexit(remove_tempdirs) };
    });
    let dir = tempfile::Builder::new()
        .prefix("wxtoken-test-")
        .tempdir()
        .expect("a temporary directory");
    let path = dir.path().to_path_buf();
    TEMPDIRS.lock().unwrap_or_else(|e| e.into_inner()).push(dir);
    path
}

static TEMPDIRS: Mutex<Vec<tempfile::TempDir>> = Mutex::new(Vec::new());

extern "C" fn remove_tempdirs() {
    use std::os::unix::fs::PermissionsExt;
    let dirs = std::mem::take(&mut *TEMPDIRS.lock().unwrap_or_else(|e| e.into_inner()));
    for dir in dirs {
        // A test may have left it unwritable (mode tests): make it removable first.
        let _ = std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o700));
        drop(dir);
    }
}

/// The request as text, the way a gateway's error page or log line echoes it back: method,
/// target (as sent, percent-encoded), body and every header, on one line.
pub fn echo(req: &Recorded) -> String {
    let mut s = format!(
        "{} {} {}",
        req.method,
        req.target,
        String::from_utf8_lossy(&req.body)
    );
    for (k, v) in &req.headers {
        s.push_str(&format!(" {k}: {v}"));
    }
    s
}

/// The decoded query parameters as `key=value` pairs, the way a gateway logs what it parsed.
pub fn echo_decoded_query(req: &Recorded) -> String {
    req.query()
        .iter()
        .map(|(k, v)| format!("{k}={v}"))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Needs root, to give a directory to another user. Without root it says so and fails, unless
/// the developer opts out with WXTOKEN_TESTS_WITHOUT_ROOT=1 (CI runs as root).
pub fn needs_root(test: &str) -> bool {
    // SAFETY: geteuid has no preconditions.
    if unsafe { libc::geteuid() } == 0 {
        return true;
    }
    if std::env::var_os("WXTOKEN_TESTS_WITHOUT_ROOT").is_some() {
        eprintln!("NOT RUN: {test} needs root (chown to another user)");
        return false;
    }
    panic!(
        "{test} needs root (chown to another user); run as root, or set WXTOKEN_TESTS_WITHOUT_ROOT=1 to skip it knowingly"
    );
}

/// Start children with core dumps allowed (1 MiB), so that a child that changed nothing would
/// show a non-zero limit.
pub fn allow_core_dumps(cmd: &mut std::process::Command) -> &mut std::process::Command {
    use std::os::unix::process::CommandExt;
    // SAFETY: setrlimit is async-signal-safe; nothing else runs between fork and exec.
    unsafe {
        cmd.pre_exec(|| {
            let limit = libc::rlimit {
                rlim_cur: 1 << 20,
                rlim_max: 1 << 20,
            };
            libc::setrlimit(libc::RLIMIT_CORE, &limit);
            Ok(())
        })
    }
}

/// Text for people with what wrapped at 80 columns joined again: a continuation line (indented
/// 15 columns or more, not a hint's `→`) joins the line before it with one space, so that a
/// phrase is found wherever the wrapping fell.
pub fn flat(text: &str) -> String {
    let mut out: Vec<String> = Vec::new();
    for line in text.lines() {
        let rest = line.trim_start();
        let continued = line.len() - rest.len() >= 15 && !rest.starts_with('→');
        match out.last_mut() {
            Some(last) if continued => {
                // Chinese wraps between characters, with no space to put back.
                let wide = |c: Option<char>| c.is_some_and(|c| c >= '\u{2e80}');
                if !(wide(last.chars().last()) || wide(rest.chars().next())) {
                    last.push(' ');
                }
                last.push_str(rest);
            }
            _ => out.push(line.to_string()),
        }
    }
    out.join("\n")
}

/// Whether `text` (wrapped for people, in any language) says `phrase`: compared without any
/// whitespace, since Chinese wraps between characters and a wrapped space is not put back.
pub fn says(text: &str, phrase: &str) -> bool {
    let squeeze = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
    squeeze(text).contains(&squeeze(phrase))
}

/// `wxtoken ARGS` on an 80-column terminal (`script` gives it one), with PATH and `envs` alone
/// in its environment and nothing on stdin: its exit code and everything it wrote, as the
/// terminal received it. The secret must be in none of it.
pub fn at_a_terminal(args: &str, envs: &[(&str, &str)]) -> (i32, String) {
    let command = format!(
        "stty cols 80 rows 24; {} {args}",
        env!("CARGO_BIN_EXE_wxtoken")
    );
    let out = std::process::Command::new("script")
        .args(["-qec", &command, "/dev/null"])
        .env_clear()
        .env("PATH", std::env::var("PATH").unwrap_or_default())
        .envs(envs.iter().copied())
        .stdin(std::process::Stdio::null())
        .output()
        .expect("the script command (util-linux) is needed for this test");
    let text = String::from_utf8_lossy(&out.stdout).to_string();
    assert!(!text.contains(SECRET), "{text:?}");
    (out.status.code().unwrap_or(-1), text)
}

/// `wxtoken ARGS` started `n` times at once, each with PATH and `envs` alone in its
/// environment: their outputs, once all have ended. No run may print the secret on stderr.
pub fn at_once(n: usize, args: &[&str], envs: &[(&str, &str)]) -> Vec<std::process::Output> {
    let children: Vec<_> = (0..n)
        .map(|_| {
            std::process::Command::new(env!("CARGO_BIN_EXE_wxtoken"))
                .env_clear()
                .env("PATH", std::env::var("PATH").unwrap_or_default())
                .args(args)
                .envs(envs.iter().copied())
                .stdout(std::process::Stdio::piped())
                .stderr(std::process::Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    children
        .into_iter()
        .map(|child| {
            let out = child.wait_with_output().unwrap();
            assert!(!String::from_utf8_lossy(&out.stderr).contains(SECRET));
            out
        })
        .collect()
}

/// 8 runs asked to rotate the stable token at once through the store at `url` in `layout`:
/// each must get the one rotated token; returns how many requests reached WeChat (the mock).
pub fn eight_force_refreshes(url: &str, layout: &str) -> usize {
    let mock = Mock::with(|_, _| {
        // Every run has started and waits on the lock by then, however loaded the machine.
        std::thread::sleep(Duration::from_millis(1000));
        Reply::json(r#"{"access_token":"ROTATED_0123456789abcdef","expires_in":7200}"#)
    });
    let base = mock.url();
    let args = [
        "fetch",
        "--stable",
        "--force-refresh",
        "--store",
        url,
        "--store-layout",
        layout,
    ];
    let envs = [
        ("WXTOKEN_APPID", APPID),
        ("WXTOKEN_SECRET", SECRET),
        ("WXTOKEN_API_BASE", &base),
    ];
    for out in at_once(8, &args, &envs) {
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(0), "{layout}: {stderr}");
        assert_eq!(
            String::from_utf8_lossy(&out.stdout).trim(),
            "ROTATED_0123456789abcdef"
        );
    }
    mock.count()
}

/// A fresh test certificate authority, and a certificate for 127.0.0.1 and localhost that it
/// signed, with its key: for the mock's HTTPS and the Redis server's TLS.
pub fn test_certificates() -> (
    rcgen::CertifiedIssuer<'static, rcgen::KeyPair>,
    rcgen::Certificate,
    rcgen::KeyPair,
) {
    use rcgen::{BasicConstraints, CertificateParams, CertifiedIssuer, DnType, IsCa, KeyPair};
    let mut ca_params = CertificateParams::new(Vec::<String>::new()).unwrap();
    ca_params.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
    // A name of its own: OpenSSL (a Redis server's side) takes a certificate named as its
    // issuer for a self-signed one.
    ca_params
        .distinguished_name
        .push(DnType::CommonName, "wxtoken test CA");
    let ca = CertifiedIssuer::self_signed(ca_params, KeyPair::generate().unwrap()).unwrap();
    let key = KeyPair::generate().unwrap();
    let cert = CertificateParams::new(vec!["127.0.0.1".to_string(), "localhost".to_string()])
        .unwrap()
        .signed_by(&key, &ca)
        .unwrap();
    (ca, cert, key)
}
