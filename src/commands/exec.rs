//! `wxtoken exec -- CMD`: run a command with the token in its environment.

use std::os::unix::process::CommandExt;

use crate::cli::ExecArgs;
use crate::error::{Failure, io_reason};
use crate::output::Printer;
use crate::tr;

/// Get the token as `fetch` would, then replace this process with CMD: signals reach CMD
/// directly, and its exit status is the run's. Returns only when CMD cannot be started.
pub fn run(args: &ExecArgs, printer: &Printer) -> Result<u8, Failure> {
    let (program, rest) = args
        .command
        .split_first()
        .ok_or_else(|| Failure::usage(printer.t("no command after --", "-- 之后没有命令")))?;
    let (got, _) = super::fetch::token(&args.fetch, printer)?;
    let shown = crate::output::sanitize(&program.to_string_lossy());
    printer.verbose(&tr!(printer.lang, "running {shown}", "运行 {shown}"));
    let mut cmd = std::process::Command::new(program);
    cmd.args(rest)
        .env("WXTOKEN_ACCESS_TOKEN", &got.access_token)
        .env("WXTOKEN_EXPIRES_AT", got.expires_at.to_string())
        // The command gets the token, never the secret it was fetched with.
        .env_remove("WXTOKEN_SECRET")
        .env_remove("WXTOKEN_CORPSECRET");
    crate::safe_fs::restore_for_exec();
    let e = cmd.exec();
    crate::safe_fs::disable_core_dumps();
    let (code, why) = match e.kind() {
        std::io::ErrorKind::NotFound => (
            127,
            printer
                .t(
                    "not found (not a file, nor on PATH)",
                    "找不到（不是文件，也不在 PATH 中）",
                )
                .to_string(),
        ),
        _ => (126, io_reason(&e)),
    };
    Err(Failure::Launch {
        message: tr!(
            printer.lang,
            "cannot run {shown}: {why}",
            "无法运行 {shown}：{why}"
        ),
        hints: Vec::new(),
        code,
    })
}
