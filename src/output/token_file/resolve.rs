//! The way to a token file's directory: resolved by hand, then walked and held.

use std::ffi::{CString, OsStr};
use std::os::fd::OwnedFd;

use rustix::fs::{Mode, OFlags, Stat};
use std::os::unix::ffi::OsStrExt;
use std::path::{Component, Path, PathBuf};

pub(super) use crate::safe_path::resolve;

use crate::error::io_reason;
use crate::lang::Lang;
use crate::tr;

/// `fstat` of an open descriptor.
pub(super) fn stat_of(fd: &OwnedFd) -> std::io::Result<Stat> {
    Ok(rustix::fs::fstat(fd)?)
}

/// `openat(dir, name, flags, mode)`, close-on-exec, as an owned descriptor.
pub(super) fn open_at(
    dir: &OwnedFd,
    name: &CString,
    flags: OFlags,
    mode: u32,
) -> std::io::Result<OwnedFd> {
    Ok(rustix::fs::openat(
        dir,
        name.as_c_str(),
        flags | OFlags::CLOEXEC,
        Mode::from_raw_mode(mode),
    )?)
}

/// Walk `resolved` (an absolute path without links) from `/`, one directory at a time, never
/// following a link, checking each opened directory. Returns the last one, open, and the one
/// user other than root and this one who owns a directory on the way (root writes as for them).
pub(super) fn walk(resolved: &Path, lang: Lang) -> Result<(OwnedFd, Option<(u32, u32)>), String> {
    let me = crate::safe_fs::euid();
    let flags = OFlags::PATH | OFlags::DIRECTORY | OFlags::CLOEXEC;
    let mut dir = rustix::fs::open("/", flags, Mode::empty())
        .map_err(|e| io_reason(&std::io::Error::from(e), lang))?;
    let mut service: Option<(u32, u32)> = None;
    let mut at = PathBuf::from("/");
    let components: Vec<&OsStr> = resolved
        .components()
        .filter_map(|c| match c {
            Component::Normal(name) => Some(name),
            _ => None,
        })
        .collect();
    for i in 0..=components.len() {
        let st = stat_of(&dir).map_err(|e| io_reason(&e, lang))?;
        let shown = crate::redact::sanitize(&at.display().to_string());
        crate::safe_path::shared_dir(st.st_mode, &at, lang)?;
        let uid = st.st_uid;
        if uid != 0 && uid != me {
            match service {
                _ if me != 0 => {
                    return Err(tr!(
                        lang,
                        "{shown} belongs to uid {uid}, who could send the token elsewhere; write it in a directory of your own",
                        "{shown} 属于 uid {uid}，他可以把 token 引到别处；请写在你自己的目录中"
                    ));
                }
                Some((other, _)) if other != uid => {
                    return Err(tr!(
                        lang,
                        "the directories on the way to it belong to two other users (uid {other} and {uid})",
                        "通往它的目录属于两个不同的其他用户（uid {other} 和 {uid}）"
                    ));
                }
                _ => service = Some((uid, st.st_gid)),
            }
        }
        let Some(name) = components.get(i) else {
            break;
        };
        let c = CString::new(name.as_bytes()).map_err(|_| "NUL".to_string())?;
        // O_PATH: a directory that may be searched but not read is walked through too.
        let flags = OFlags::PATH | OFlags::DIRECTORY | OFlags::NOFOLLOW;
        dir = open_at(&dir, &c, flags, 0).map_err(|e| {
            let why = match e.raw_os_error() {
                Some(libc::ELOOP) | Some(libc::ENOTDIR) => lang
                    .pick(
                        "a directory on the way was replaced while it was checked",
                        "检查期间，路径上的一个目录被替换了",
                    )
                    .to_string(),
                _ => io_reason(&e, lang),
            };
            tr!(lang, "its directory: {why}", "它的目录：{why}")
        })?;
        at.push(name);
    }
    if !writable(&dir) {
        return Err(lang
            .pick(
                "its directory is not writable by this user (the file is replaced, so the directory must be writable)",
                "当前用户不能写它所在的目录（文件是整体替换的，目录必须可写）",
            )
            .into());
    }
    Ok((dir, service))
}

/// Whether this user may create files in the open directory `dir`.
fn writable(dir: &OwnedFd) -> bool {
    use std::os::fd::AsRawFd;
    // glibc's faccessat rather than rustix's: where the kernel lacks faccessat2 (before 5.8) or
    // a seccomp filter refuses it, glibc emulates AT_EACCESS for a setuid or setgid run, where
    // rustix gives up.
    let here = c".";
    // SAFETY: a valid NUL-terminated name relative to an open directory. AT_EACCESS: the
    // effective identity, not the real one.
    unsafe {
        libc::faccessat(
            dir.as_raw_fd(),
            here.as_ptr(),
            libc::W_OK | libc::X_OK,
            libc::AT_EACCESS,
        ) == 0
    }
}
