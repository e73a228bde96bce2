//! Handing the token on: the formats `fetch` prints (`--format`), and `--output FILE`, a token
//! file replaced atomically.

use std::ffi::CString;
use std::fs;
use std::os::unix::ffi::OsStrExt;
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::error::{Failure, io_reason};
use crate::lang::Lang;
use crate::tr;

/// `--format` choices.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// The token alone, on one line
    Token,
    /// One JSON document: access_token, expires_in, expires_at, source, endpoint, platform
    Json,
    /// `export WXTOKEN_ACCESS_TOKEN=...` and `export WXTOKEN_EXPIRES_AT=...`, quoted for POSIX
    /// shells
    Env,
    /// `access_token=...`, URL-encoded, for building request URLs
    Query,
}

/// The result in `format`: `doc` is the JSON document without the token, `expires_at` unix
/// seconds.
pub fn render(format: Format, token: &str, expires_at: u64, doc: &Value) -> String {
    match format {
        Format::Token => format!("{token}\n"),
        Format::Json => {
            let mut doc = crate::redact::redact_json(doc);
            doc["access_token"] = Value::String(token.to_string());
            format!("{doc}\n")
        }
        Format::Env => format!(
            "export WXTOKEN_ACCESS_TOKEN={}\nexport WXTOKEN_EXPIRES_AT={expires_at}\n",
            shell_quote(token)
        ),
        Format::Query => format!("access_token={}\n", crate::encoding::percent_encode(token)),
    }
}

/// What stdout gets when `--format env` fails: a command that fails, so that
/// `eval "$(wxtoken fetch --format env)"` fails too (an empty eval would succeed).
pub const ENV_FAILURE: &str = "false\n";

/// `value` in single quotes for a POSIX shell (a `'` becomes `'\''`).
pub fn shell_quote(value: &str) -> String {
    format!("'{}'", value.replace('\'', r"'\''"))
}

/// The mode of a new token file, and the widest an existing one keeps (0400 stays 0400; 0640 or
/// 0644 becomes 0600, with a warning). A token file for another user keeps that user as its
/// owner instead (root's cron writing a service's file).
const PRIVATE: u32 = 0o600;
/// A token file larger than this is not one wxtoken wrote: it is replaced, never compared.
const MAX_COMPARED: u64 = 64 * 1024;

/// `--output FILE`, checked before any request: where it goes, and what the file there is.
#[derive(Debug)]
pub struct OutputFile {
    pub path: PathBuf,
    dir: PathBuf,
    name: std::ffi::OsString,
}

/// The file already at the path: its mode and owner, kept when it is rewritten.
struct Existing {
    mode: u32,
    uid: u32,
    gid: u32,
}

impl OutputFile {
    /// Check `path`: its directory exists and can be written, and a file already there is a
    /// regular file (never a link, a FIFO or a device) that this user may replace: its own, or
    /// (as root) one in a directory nobody but root and the file's owner can write.
    pub fn check(path: &Path, lang: Lang) -> Result<OutputFile, Failure> {
        let shown = crate::redact::sanitize(&path.display().to_string());
        let refuse = |why: String| {
            Failure::usage(tr!(
                lang,
                "cannot write --output {shown}: {why}",
                "无法写入 --output {shown}：{why}"
            ))
        };
        let Some(name) = path.file_name().filter(|_| !path.as_os_str().is_empty()) else {
            return Err(refuse(
                lang.pick("it names no file", "它不是文件路径").into(),
            ));
        };
        let dir = match path.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        match fs::metadata(&dir) {
            Ok(m) if m.is_dir() => {}
            Ok(_) => {
                return Err(refuse(
                    lang.pick("its directory is not a directory", "它的目录不是目录")
                        .into(),
                ));
            }
            Err(e) => {
                let why = io_reason(&e);
                return Err(refuse(tr!(lang, "its directory: {why}", "它的目录：{why}")));
            }
        }
        if !writable(&dir) {
            return Err(refuse(
                lang.pick(
                    "its directory is not writable by this user (the file is replaced, so the directory must be writable)",
                    "当前用户不能写它所在的目录（文件是整体替换的，目录必须可写）",
                )
                .into(),
            ));
        }
        let out = OutputFile {
            path: path.to_path_buf(),
            dir,
            name: name.to_os_string(),
        };
        out.existing(lang).map_err(refuse)?;
        Ok(out)
    }

    /// The file now at the path, if any, and whether it may be replaced.
    fn existing(&self, lang: Lang) -> Result<Option<Existing>, String> {
        let meta = match fs::symlink_metadata(&self.path) {
            Ok(m) => m,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
            Err(e) => return Err(io_reason(&e)),
        };
        if meta.file_type().is_symlink() {
            return Err(lang
                .pick(
                    "it is a symbolic link (give the file it points to)",
                    "它是符号链接（请给出它指向的文件）",
                )
                .into());
        }
        if !meta.file_type().is_file() {
            return Err(lang
                .pick(
                    "it is not a regular file (leave out --output to print on stdout)",
                    "它不是普通文件（不加 --output 即输出到标准输出）",
                )
                .into());
        }
        let me = crate::safe_fs::euid();
        if meta.uid() != me {
            let dir_trusted = fs::metadata(&self.dir)
                .is_ok_and(|d| d.mode() & 0o022 == 0 && (d.uid() == 0 || d.uid() == meta.uid()));
            if me != 0 || !dir_trusted {
                let uid = meta.uid();
                return Err(tr!(
                    lang,
                    "it is owned by uid {uid}; wxtoken replaces only this user's files (or, as root, files in a directory that only root and their owner can write)",
                    "它属于 uid {uid}；wxtoken 只替换当前用户的文件（root 则只替换只有 root 和文件属主能写的目录中的文件）"
                ));
            }
        }
        Ok(Some(Existing {
            mode: meta.mode() & 0o7777,
            uid: meta.uid(),
            gid: meta.gid(),
        }))
    }

    /// Replace the file with `text`, atomically; nothing is written when it already holds
    /// exactly that. Returns whether the file was written, and a warning when an existing
    /// file's permissions were narrowed.
    pub fn write(
        &self,
        text: &str,
        format: Format,
        lang: Lang,
    ) -> Result<(bool, Option<String>), Failure> {
        let shown = crate::redact::sanitize(&self.path.display().to_string());
        let fail = |why: String| {
            Failure::internal(tr!(
                lang,
                "cannot write --output {shown}: {why}",
                "无法写入 --output {shown}：{why}"
            ))
        };
        let existing = self.existing(lang).map_err(fail)?;
        let Some(existing) = existing else {
            self.replace(text.as_bytes(), PRIVATE, None).map_err(fail)?;
            return Ok((true, None));
        };
        let (mode, warning) = if existing.mode & !PRIVATE == 0 {
            (existing.mode, None)
        } else {
            let was = format!("{:o}", existing.mode);
            (
                PRIVATE,
                Some(tr!(
                    lang,
                    "--output {shown} had mode {was}, wider than a token file may be: it is now 600 (a token file for another user: write it as root, and it keeps its owner)",
                    "--output {shown} 的权限是 {was}，比 token 文件允许的宽：现在改为 600（给其他用户的 token 文件：以 root 写入，文件保留原属主）"
                )),
            )
        };
        if self
            .unchanged(text, format, mode, &existing)
            .map_err(fail)?
        {
            return Ok((false, warning));
        }
        let me = crate::safe_fs::euid();
        let owner = (existing.uid != me).then_some((existing.uid, existing.gid));
        self.replace(text.as_bytes(), mode, owner).map_err(fail)?;
        Ok((true, warning))
    }

    /// Whether the file already holds this result (the same token and expiry), read through a
    /// descriptor that never follows a link; if so, its mode is narrowed to `mode` through that
    /// same descriptor (never by path: the path could be swapped for a link in between).
    fn unchanged(
        &self,
        text: &str,
        format: Format,
        mode: u32,
        existing: &Existing,
    ) -> Result<bool, String> {
        use std::io::Read;
        use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
        let Ok(file) = fs::OpenOptions::new()
            .read(true)
            .custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK | libc::O_CLOEXEC)
            .open(&self.path)
        else {
            return Ok(false);
        };
        let Ok(meta) = file.metadata() else {
            return Ok(false);
        };
        if !meta.is_file() || meta.uid() != existing.uid || meta.len() > MAX_COMPARED {
            return Ok(false);
        }
        let mut old = Vec::new();
        if (&file).take(MAX_COMPARED).read_to_end(&mut old).is_err()
            || !same_result(&old, text, format)
        {
            return Ok(false);
        }
        if meta.mode() & 0o7777 != mode {
            file.set_permissions(fs::Permissions::from_mode(mode))
                .map_err(|e| io_reason(&e))?;
        }
        Ok(true)
    }

    fn replace(&self, bytes: &[u8], mode: u32, owner: Option<(u32, u32)>) -> Result<(), String> {
        let mut tmp = std::ffi::OsString::from(".");
        tmp.push(&self.name);
        tmp.push(format!(
            ".wxtoken-{}-{}.tmp",
            std::process::id(),
            crate::time::now_unix_ms()
        ));
        crate::safe_fs::write_atomic_owned(
            &self.dir,
            Path::new(&tmp),
            Path::new(&self.name),
            bytes,
            mode,
            owner,
        )
        .map_err(|e| io_reason(&e))
    }
}

/// Whether a token file's content `old` is the result `new`: the same bytes, or for JSON the
/// same document but for what changes from one run to the next without the token changing
/// (`expires_in`, `source`).
fn same_result(old: &[u8], new: &str, format: Format) -> bool {
    if old == new.as_bytes() {
        return true;
    }
    if format != Format::Json {
        return false;
    }
    let stable = |text: &[u8]| {
        let mut doc: Value = serde_json::from_slice(text).ok()?;
        let map = doc.as_object_mut()?;
        map.remove("expires_in");
        map.remove("source");
        Some(doc)
    };
    matches!((stable(old), stable(new.as_bytes())), (Some(a), Some(b)) if a == b)
}

/// Whether this user may create files in `dir`.
fn writable(dir: &Path) -> bool {
    let Ok(c) = CString::new(dir.as_os_str().as_bytes()) else {
        return false;
    };
    // SAFETY: a valid NUL-terminated path.
    unsafe { libc::access(c.as_ptr(), libc::W_OK | libc::X_OK) == 0 }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats() {
        let doc = serde_json::json!({"access_token": "", "expires_in": 7200});
        assert_eq!(render(Format::Token, "T-1", 5, &doc), "T-1\n");
        assert_eq!(
            render(Format::Env, "a'b", 17, &doc),
            "export WXTOKEN_ACCESS_TOKEN='a'\\''b'\nexport WXTOKEN_EXPIRES_AT=17\n"
        );
        assert_eq!(
            render(Format::Query, "a b&c=d/é", 1, &doc),
            "access_token=a%20b%26c%3Dd%2F%C3%A9\n"
        );
        let json: Value = serde_json::from_str(&render(Format::Json, "T", 1, &doc)).unwrap();
        assert_eq!(json["access_token"], "T");
        assert_eq!(json["expires_in"], 7200);
    }
}
