//! `wxtoken exec -- CMD`: run a command with the token in its environment.

use std::ffi::OsStr;
use std::os::unix::ffi::OsStrExt;
use std::os::unix::fs::PermissionsExt;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};

use crate::cli::ExecArgs;
use crate::error::{Failure, code, io_reason};
use crate::output::Printer;
use crate::settings::profile::own::ProfileSettings;
use crate::settings::profile::secret::ProfileSecret;
use crate::tr;

/// Variables that hold a secret, which CMD never gets: it gets the token instead.
const SECRET_VARIABLES: &[&str] = &["WXTOKEN_SECRET", "WXTOKEN_CORPSECRET", "WXTOKEN_STORE"];

/// Get the token as `fetch` would, then replace this process with CMD: signals reach CMD
/// directly, and its exit status is the run's. Returns only when CMD cannot be started; a CMD
/// that cannot be found or run is reported before any token is fetched (a typo must not cost
/// a classic fetch, which invalidates the token others hold).
pub fn run(args: &ExecArgs, profile: &ProfileSettings, printer: &Printer) -> Result<u8, Failure> {
    let (program, rest) = args
        .command
        .split_first()
        .ok_or_else(|| Failure::usage(printer.t("no command after --", "-- 之后没有命令")))?;
    let shown = crate::redact::sanitize(&program.to_string_lossy());
    if let Err((code, why)) = runnable(program, printer) {
        return Err(launch_failure(&shown, code, why, printer));
    }
    let (plan, access) = crate::settings::token::fetch_plan(&args.fetch, profile, printer)?;
    let got = crate::token::obtain(&plan, &access, printer)?;
    printer.verbose(&tr!(printer.lang, "running {shown}", "运行 {shown}"));
    let mut cmd = std::process::Command::new(program);
    cmd.args(rest)
        .env("WXTOKEN_ACCESS_TOKEN", &got.access_token)
        .env("WXTOKEN_EXPIRES_AT", got.expires_at.to_string());
    for name in SECRET_VARIABLES {
        cmd.env_remove(name);
    }
    // The variable a profile's secret_env names holds the secret too.
    if let Some(from) = &profile.secret
        && let ProfileSecret::Env(name) = &from.secret
    {
        cmd.env_remove(name);
    }
    crate::process::restore_for_exec();
    let e = cmd.exec();
    crate::process::disable_core_dumps();
    let (code, why) = match e.kind() {
        std::io::ErrorKind::NotFound => (code::NOT_FOUND, not_found(printer)),
        _ => (code::NOT_RUNNABLE, io_reason(&e, printer.lang)),
    };
    Err(launch_failure(&shown, code, why, printer))
}

fn not_found(printer: &Printer) -> String {
    printer
        .t(
            "not found (not a file, nor on PATH)",
            "找不到（不是文件，也不在 PATH 中）",
        )
        .to_string()
}

fn launch_failure(shown: &str, code: u8, why: String, printer: &Printer) -> Failure {
    Failure::Launch {
        message: tr!(
            printer.lang,
            "cannot run {shown}: {why}",
            "无法运行 {shown}：{why}"
        ),
        hints: Vec::new(),
        code,
    }
}

/// Whether `program` can be run, as the exec that follows will look it up: a path as it is, a
/// name on PATH. Err is the exit code (127 not found, 126 not runnable) and why.
fn runnable(program: &OsStr, printer: &Printer) -> Result<(), (u8, String)> {
    let candidates: Vec<PathBuf> = if program.as_bytes().contains(&b'/') {
        vec![PathBuf::from(program)]
    } else {
        let path =
            std::env::var_os("PATH").unwrap_or_else(|| "/usr/local/bin:/usr/bin:/bin".into());
        std::env::split_paths(&path)
            .map(|dir| {
                if dir.as_os_str().is_empty() {
                    PathBuf::from(".")
                } else {
                    dir
                }
            })
            .map(|dir| dir.join(program))
            .collect()
    };
    let mut found = None;
    for candidate in &candidates {
        match std::fs::metadata(candidate) {
            Ok(meta) if meta.is_file() && executable(candidate, meta.permissions().mode()) => {
                return Ok(());
            }
            Ok(meta) => found = Some(meta.is_dir()),
            Err(_) => {}
        }
    }
    match found {
        None => Err((code::NOT_FOUND, not_found(printer))),
        Some(true) => Err((
            code::NOT_RUNNABLE,
            printer.t("it is a directory", "它是一个目录").to_string(),
        )),
        Some(false) => Err((
            code::NOT_RUNNABLE,
            printer
                .t("permission denied (not executable)", "权限不足（不可执行）")
                .to_string(),
        )),
    }
}

/// Whether this user may execute the file (root: when any execute bit is set, as exec has it).
fn executable(path: &Path, mode: u32) -> bool {
    if crate::safe_fs::euid() == 0 {
        return mode & 0o111 != 0;
    }
    rustix::fs::access(path, rustix::fs::Access::EXEC_OK).is_ok()
}
