//! A profile's secret source: written in the file, a file, a variable, or a command's output.

use std::io::Read;
use std::path::PathBuf;
use std::process::{Child, Stdio};
use std::time::{Duration, Instant};

use crate::error::{Failure, io_reason};
use crate::lang::Lang;
use crate::redact::Secret;
use crate::tr;

/// A command's output larger than this is not an AppSecret.
const MAX_OUTPUT: u64 = 4 * 1024;

/// Where a profile's secret comes from.
#[derive(Debug, Clone)]
pub enum ProfileSecret {
    /// `secret = "..."` (the file is private to its owner).
    Inline(Secret),
    /// `secret_file`: read as `--secret-file` reads.
    File(PathBuf),
    /// `secret_env`: the name of a variable.
    Env(String),
    /// `secret_command`: argv, run without a shell.
    Command(Vec<String>),
}

impl ProfileSecret {
    /// The key that set it.
    pub fn key(&self) -> &'static str {
        match self {
            ProfileSecret::Inline(_) => "secret",
            ProfileSecret::File(_) => "secret_file",
            ProfileSecret::Env(_) => "secret_env",
            ProfileSecret::Command(_) => "secret_command",
        }
    }
}

/// A profile's secret source as a command receives it.
#[derive(Debug, Clone)]
pub struct FromProfile {
    pub secret: ProfileSecret,
    /// The profile's name.
    pub profile: String,
    /// How long `secret_command` may take (the run's --timeout).
    pub timeout: Duration,
}

impl FromProfile {
    /// A failure of this profile's secret source.
    pub fn failure(&self, why: &str, lang: Lang) -> Failure {
        let name = crate::redact::sanitize(&self.profile);
        let key = self.secret.key();
        Failure::usage(tr!(
            lang,
            "profile {name}: {key}: {why}",
            "profile {name}：{key}：{why}"
        ))
    }

    /// The secret's value (never shown: it is registered as a secret before anything else).
    pub fn read(&self, lang: Lang) -> Result<String, Failure> {
        let name = crate::redact::sanitize(&self.profile);
        let key = self.secret.key();
        let value = match &self.secret {
            ProfileSecret::Inline(s) => s.expose().to_string(),
            // Read where `--secret-file` is read, by the credentials module.
            ProfileSecret::File(_) => return Err(self.failure("secret_file", lang)),
            ProfileSecret::Env(var) => std::env::var(var)
                .ok()
                .filter(|v| !v.is_empty())
                .ok_or_else(|| {
                    Failure::usage(tr!(
                        lang,
                        "profile {name}: secret_env names {var}, which is not set or empty",
                        "profile {name}：secret_env 指定的 {var} 未设置或为空"
                    ))
                    .with_hint(lang.pick(
                        "from cron or a service, a run has none of your shell's variables: give the profile a secret_file (or secret_command) instead, or set the variable where the job is defined",
                        "从 cron 或服务运行时，没有你 shell 中的任何变量：请改为给 profile 设置 secret_file（或 secret_command），或在定义任务的地方设置该变量",
                    ))
                })?,
            ProfileSecret::Command(argv) => run(argv, self.timeout, &name, lang)?,
        };
        crate::redact::register_secret(&value);
        if value.is_empty() {
            return Err(Failure::usage(tr!(
                lang,
                "profile {name}: the secret from {key} is empty",
                "profile {name}：{key} 给出的 secret 为空"
            )));
        }
        Ok(value)
    }
}

/// Run `secret_command` and take its output, trimmed: within `timeout`, its stderr passed
/// through, its stdout never shown. Every failure is a usage error that names the command (its
/// first word only: the arguments may be private) and how it failed.
fn run(argv: &[String], timeout: Duration, profile: &str, lang: Lang) -> Result<String, Failure> {
    let prog = crate::redact::sanitize(&argv[0]);
    let fail = |why: String| {
        Failure::usage(tr!(
            lang,
            "profile {profile}: secret_command {prog} {why}",
            "profile {profile}：secret_command {prog} {why}"
        ))
    };
    let mut command = std::process::Command::new(&argv[0]);
    command
        .args(&argv[1..])
        .stdin(Stdio::inherit())
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit());
    // Without a controlling terminal (cron, a service), the command gets a process group of its
    // own, so that stopping it stops what it started too (a `sleep` left behind would hold our
    // stderr open and make the caller wait). With one, it stays in the foreground group, where
    // a password prompt (pass, gpg, op) can read the terminal, whatever stdin is.
    let own_group = std::fs::File::open("/dev/tty").is_err();
    if own_group {
        use std::os::unix::process::CommandExt;
        command.process_group(0);
    }
    let mut child = command.spawn().map_err(|e| {
        let why = io_reason(&e, lang);
        fail(tr!(lang, "could not be started: {why}", "无法启动：{why}"))
    })?;
    let secs = format!("{:.3}", timeout.as_secs_f64())
        .trim_end_matches('0')
        .trim_end_matches('.')
        .to_string();
    let too_slow = || {
        tr!(
            lang,
            "did not finish within {secs} s (the --timeout in effect); it was stopped",
            "没有在 {secs} 秒（当前的 --timeout）内结束；已被终止"
        )
    };
    let Some(mut stdout) = child.stdout.take() else {
        stop(&mut child, own_group);
        return Err(fail("has no stdout".into()));
    };
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let mut buf = Vec::new();
        let read = (&mut stdout)
            .take(MAX_OUTPUT + 1)
            .read_to_end(&mut buf)
            .map(|_| buf);
        let _ = tx.send(read);
    });
    let deadline = Instant::now() + timeout;
    let out = match rx.recv_timeout(timeout) {
        Ok(Ok(buf)) => buf,
        Ok(Err(e)) => {
            stop(&mut child, own_group);
            let why = io_reason(&e, lang);
            return Err(fail(tr!(
                lang,
                "could not be read: {why}",
                "输出无法读取：{why}"
            )));
        }
        Err(_) => {
            stop(&mut child, own_group);
            return Err(fail(too_slow()));
        }
    };
    if out.len() as u64 > MAX_OUTPUT {
        stop(&mut child, own_group);
        let kib = MAX_OUTPUT / 1024;
        return Err(fail(tr!(
            lang,
            "printed more than {kib} KiB; a secret is one line",
            "输出超过 {kib} KiB；secret 只有一行"
        )));
    }
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break status,
            Ok(None) if Instant::now() < deadline => {
                std::thread::sleep(Duration::from_millis(5));
            }
            Ok(None) => {
                stop(&mut child, own_group);
                return Err(fail(too_slow()));
            }
            Err(e) => return Err(fail(io_reason(&e, lang))),
        }
    };
    let utf8 = String::from_utf8(out);
    let value = utf8.as_deref().unwrap_or_default().trim().to_string();
    crate::redact::register_secret(&value);
    if !status.success() {
        use std::os::unix::process::ExitStatusExt;
        let how = match (status.code(), status.signal()) {
            (Some(code), _) => tr!(lang, "exited with status {code}", "以状态 {code} 退出"),
            (None, Some(sig)) => tr!(lang, "was killed by signal {sig}", "被信号 {sig} 终止"),
            _ => lang.pick("failed", "失败").to_string(),
        };
        return Err(fail(how));
    }
    if utf8.is_err() {
        return Err(fail(
            lang.pick(
                "printed something that is not UTF-8 text",
                "输出的不是 UTF-8 文本",
            )
            .into(),
        ));
    }
    if value.is_empty() {
        return Err(fail(
            lang.pick(
                "printed nothing (the secret is read from its stdout)",
                "没有输出（secret 从它的标准输出读取）",
            )
            .into(),
        ));
    }
    if value.lines().count() > 1 {
        return Err(fail(lang.pick(
            "printed more than one line; a secret is one line (`pass show` prints the whole entry: keep the secret alone in it)",
            "输出了多行；secret 只有一行（`pass show` 会输出整个条目：请让条目中只有 secret）",
        ).into()));
    }
    Ok(value)
}

/// Stop a command that took too long or printed too much, with its process group when it has
/// one of its own.
fn stop(child: &mut Child, own_group: bool) {
    // The process group the child leads (its pid is its group id).
    let group = i32::try_from(child.id())
        .ok()
        .and_then(rustix::process::Pid::from_raw);
    if own_group && let Some(pid) = group {
        let _ = rustix::process::kill_process_group(pid, rustix::process::Signal::KILL);
    }
    let _ = child.kill();
    let _ = child.wait();
}
