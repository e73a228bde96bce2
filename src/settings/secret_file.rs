//! `--secret-file` and a profile's `secret_file`: a file, a pipe or the terminal (`-`), read
//! capped, with a warning when others may read the file and a refusal when it holds more than
//! the secret.

use std::io::Read;
use std::path::Path;

use crate::error::{Failure, io_reason};
use crate::lang::Lang;
use crate::wechat::credentials::SecretSource;

/// A secret file larger than this is not an AppSecret file (it is refused, never cut and sent).
const MAX_SECRET_FILE: u64 = 4 * 1024;

/// Read all of `reader`, refusing more than [`MAX_SECRET_FILE`] bytes.
fn read_capped(reader: impl Read, lang: Lang) -> std::io::Result<String> {
    let mut buf = String::new();
    reader.take(MAX_SECRET_FILE + 1).read_to_string(&mut buf)?;
    if buf.len() as u64 > MAX_SECRET_FILE {
        let kib = MAX_SECRET_FILE / 1024;
        return Err(std::io::Error::other(crate::tr!(
            lang,
            "it holds more than {kib} KiB; an AppSecret file holds one line",
            "它超过 {kib} KiB；AppSecret 文件只有一行"
        )));
    }
    Ok(buf)
}

/// A secret file that users other than its owner may read (ssh refuses such keys): a warning,
/// for a regular file; a pipe or a terminal is nobody else's to read.
fn others_may_read(file: &std::fs::File, path: &Path, lang: Lang) -> Option<String> {
    use std::os::unix::fs::PermissionsExt;
    let meta = file.metadata().ok()?;
    let mode = meta.permissions().mode();
    if !meta.is_file() || mode & 0o044 == 0 {
        return None;
    }
    let shown = crate::redact::sanitize(&path.display().to_string());
    let (mode, who) = (
        mode & 0o777,
        if mode & 0o004 != 0 {
            "every user"
        } else {
            "its group"
        },
    );
    let who_zh = if who == "every user" {
        "所有用户"
    } else {
        "其所属组"
    };
    Some(crate::tr!(
        lang,
        "the secret file {shown} (mode {mode:o}) can be read by {who}: chmod 600 {shown}",
        "secret 文件 {shown}（权限 {mode:o}）可被{who_zh}读取：请执行 chmod 600 {shown}"
    ))
}

pub(super) fn read(
    path: &Path,
    notes: &mut Vec<String>,
    lang: Lang,
) -> Result<(String, SecretSource), Failure> {
    let (raw, source) = if path == Path::new("-") {
        let stdin = std::io::stdin();
        let read = if std::io::IsTerminal::is_terminal(&stdin) {
            prompt_without_echo(lang)
        } else {
            read_capped(stdin, lang)
        };
        read.map(|buf| (buf, SecretSource::Stdin)).map_err(|e| {
            Failure::usage(format!(
                "{}: {}",
                lang.pick(
                    "cannot read the secret from stdin",
                    "无法从标准输入读取 secret"
                ),
                io_reason(&e, lang)
            ))
        })?
    } else {
        // A pipe (--secret-file <(pass show wx)) is fine: only the size is capped.
        let opened = crate::safe_fs::open_input(path).and_then(|file| {
            notes.extend(others_may_read(&file, path, lang));
            read_capped(file, lang)
        });
        match opened {
            Ok(t) => (t, SecretSource::File),
            Err(e) => {
                let raw = path.to_string_lossy();
                // The secret itself given where its path belongs: never echo it.
                let shown = if looks_like_a_value(&raw) {
                    crate::redact::register_secret(&raw);
                    lang.pick(
                        "(a value that looks like the secret itself, not a path; not shown)",
                        "（看起来是 secret 本身而不是路径；不显示）",
                    )
                    .to_string()
                } else {
                    crate::redact::sanitize(&raw)
                };
                return Err(Failure::usage(format!(
                    "{} {shown}: {}",
                    lang.pick("cannot read --secret-file", "无法读取 --secret-file"),
                    io_reason(&e, lang)
                ))
                .with_hint(lang.pick(
                    "--secret-file takes the path of a file that holds the secret",
                    "--secret-file 需要的是存放 secret 的文件路径",
                )));
            }
        }
    };
    let secret = raw.trim();
    if secret.contains(['\n', '\r']) {
        // Checked here, where the file is known: the generic check would say "control character".
        return Err(Failure::usage(lang.pick(
            "the secret file holds more than one line; it must hold the secret alone",
            "secret 文件不止一行；文件中只能有 secret 本身",
        )));
    }
    Ok((secret.to_string(), source))
}

/// Ask for the secret on the terminal with echo off (`--secret-file -` at a terminal): it is
/// never shown, and never lands in shell history.
fn prompt_without_echo(lang: Lang) -> std::io::Result<String> {
    crate::terminal::read_hidden_line(
        lang.pick("AppSecret (not shown): ", "AppSecret（输入不显示）："),
        MAX_SECRET_FILE + 1,
    )
}

/// A long run of letters and digits with no path separator: a secret, not a file name.
fn looks_like_a_value(raw: &str) -> bool {
    raw.len() >= 16 && raw.chars().all(|c| c.is_ascii_alphanumeric())
}
