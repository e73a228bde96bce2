//! The way to a token file's directory: resolved by hand, then walked and held.

use std::ffi::{CString, OsStr};
use std::os::fd::OwnedFd;

use rustix::fs::{Mode, OFlags, Stat};
use std::os::unix::ffi::OsStrExt;
use std::path::{Component, Path, PathBuf};

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

/// Resolve `path` as the kernel would, one component at a time, following links by hand: the
/// absolute path without links it leads to, and the owners of every link and directory met on
/// the way (each of them decides where the path leads).
pub(super) fn resolve(path: &Path, lang: Lang) -> Result<(PathBuf, Vec<u32>), String> {
    use std::collections::VecDeque;
    use std::os::unix::fs::MetadataExt;
    let absolute = std::path::absolute(path).map_err(|e| io_reason(&e))?;
    let mut todo: VecDeque<std::ffi::OsString> = VecDeque::new();
    let push_all = |todo: &mut VecDeque<std::ffi::OsString>, p: &Path| {
        let parts: Vec<std::ffi::OsString> = p
            .components()
            .filter_map(|c| match c {
                Component::Normal(n) => Some(n.to_os_string()),
                Component::ParentDir => Some("..".into()),
                _ => None,
            })
            .collect();
        for part in parts.into_iter().rev() {
            todo.push_front(part);
        }
    };
    push_all(&mut todo, &absolute);
    let mut out = PathBuf::from("/");
    let mut owners = Vec::new();
    let mut links = 0;
    while let Some(part) = todo.pop_front() {
        // The directory searched now decides what `part` is: it must be a directory, and
        // nobody but its owner may change its entries (a link in it swapped, a `..` target).
        let here = std::fs::metadata(&out).map_err(|e| io_reason(&e))?;
        let shown = crate::redact::sanitize(&out.display().to_string());
        if !here.is_dir() {
            return Err(tr!(lang, "{shown} is not a directory", "{shown} 不是目录"));
        }
        shared_dir(here.mode(), &out, lang)?;
        owners.push(here.uid());
        if part == ".." {
            out.pop();
            continue;
        }
        let next = out.join(&part);
        let meta = std::fs::symlink_metadata(&next).map_err(|e| {
            let why = io_reason(&e);
            tr!(lang, "its directory: {why}", "它的目录：{why}")
        })?;
        owners.push(meta.uid());
        if meta.file_type().is_symlink() {
            links += 1;
            if links > 40 {
                return Err(lang
                    .pick("too many links on the way", "路径上的链接太多")
                    .into());
            }
            let target = std::fs::read_link(&next).map_err(|e| io_reason(&e))?;
            if target.is_absolute() {
                out = PathBuf::from("/");
            }
            push_all(&mut todo, &target);
        } else {
            out = next;
        }
    }
    if !std::fs::metadata(&out).is_ok_and(|m| m.is_dir()) {
        let shown = crate::redact::sanitize(&out.display().to_string());
        return Err(tr!(lang, "{shown} is not a directory", "{shown} 不是目录"));
    }
    Ok((out, owners))
}

/// A directory on the way whose group or others may change its entries (and not sticky, as
/// /tmp is) could send the token elsewhere: refused.
fn shared_dir(mode: u32, at: &Path, lang: Lang) -> Result<(), String> {
    if mode & 0o022 == 0 || mode & 0o1000 != 0 {
        return Ok(());
    }
    let shown = crate::redact::sanitize(&at.display().to_string());
    let mode = format!("{:o}", mode & 0o7777);
    Err(tr!(
        lang,
        "{shown} can be written by others than its owner (mode {mode}), who could send the token elsewhere",
        "{shown} 可被属主以外的人写入（权限 {mode}），他们可以把 token 引到别处"
    ))
}

/// Walk `resolved` (an absolute path without links) from `/`, one directory at a time, never
/// following a link, checking each opened directory. Returns the last one, open, and the one
/// user other than root and this one who owns a directory on the way (root writes as for them).
pub(super) fn walk(resolved: &Path, lang: Lang) -> Result<(OwnedFd, Option<(u32, u32)>), String> {
    let me = crate::safe_fs::euid();
    let flags = OFlags::PATH | OFlags::DIRECTORY | OFlags::CLOEXEC;
    let mut dir = rustix::fs::open("/", flags, Mode::empty())
        .map_err(|e| io_reason(&std::io::Error::from(e)))?;
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
        let st = stat_of(&dir).map_err(|e| io_reason(&e))?;
        let shown = crate::redact::sanitize(&at.display().to_string());
        shared_dir(st.st_mode, &at, lang)?;
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
                _ => io_reason(&e),
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
