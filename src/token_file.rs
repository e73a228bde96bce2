//! `--output FILE`: a token file, replaced atomically, never where another user could send it.
//!
//! Who may redirect a write is whoever can change a directory on the way to the file. So the
//! directories of the path (as written, and as resolved) must belong to root, to this user, or,
//! when root writes for a service, to one other user: root then writes with that user's rights
//! (its filesystem uid and gid), so that the kernel itself refuses whatever that user could not
//! do, at the moment it is done. A directory others may write (not sticky) is refused.

use std::fs;
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};

use crate::deliver::Format;
use crate::error::{Failure, io_reason};
use crate::lang::Lang;
use crate::tr;

/// The mode of a new token file, and the widest an existing one keeps (0400 stays 0400; 0640 or
/// 0644 becomes 0600, with a warning).
const PRIVATE: u32 = 0o600;
/// A token file larger than this is not one wxtoken wrote: it is replaced, never compared.
const MAX_COMPARED: u64 = 64 * 1024;

/// `--output FILE`, checked before any request: where it goes, and with whose rights.
#[derive(Debug)]
pub struct OutputFile {
    pub path: PathBuf,
    dir: PathBuf,
    name: std::ffi::OsString,
    /// Root writing into another user's directory: that user's uid, and the directory's gid.
    write_as: Option<(u32, u32)>,
}

/// The file already at the path: its mode and owner, kept when it is rewritten.
struct Existing {
    mode: u32,
    uid: u32,
    gid: u32,
}

impl OutputFile {
    /// Check `path`: its directory exists, only root, this user (or, for root, one other user)
    /// can change the way to it, and a file already there is a regular file (never a link, a
    /// FIFO or a device) that may be replaced.
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
        let dir_meta = match fs::metadata(&dir) {
            Ok(m) if m.is_dir() => m,
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
        };
        let controller = controller(&dir, lang).map_err(refuse)?;
        let me = crate::safe_fs::euid();
        let write_as = match controller {
            Some(uid) if me == 0 => Some((uid, dir_meta.gid())),
            Some(uid) => {
                return Err(refuse(tr!(
                    lang,
                    "a directory on the way to it belongs to uid {uid}, who could send the token elsewhere; write it in a directory of your own",
                    "通往它的目录中有一个属于 uid {uid}，他可以把 token 引到别处；请写在你自己的目录中"
                )));
            }
            None => None,
        };
        let out = OutputFile {
            path: path.to_path_buf(),
            dir,
            name: name.to_os_string(),
            write_as,
        };
        let _identity = out.write_as.map(FsIdentity::assume);
        if !writable(&out.dir) {
            return Err(refuse(
                lang.pick(
                    "its directory is not writable by this user (the file is replaced, so the directory must be writable)",
                    "当前用户不能写它所在的目录（文件是整体替换的，目录必须可写）",
                )
                .into(),
            ));
        }
        out.existing(lang).map_err(refuse)?;
        Ok(out)
    }

    /// The file now at the path, if any, and whether it may be replaced: this user's own, the
    /// user root writes for, or any file of a directory only root can change.
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
        // Root never replaces (and so never chowns a token file to) another user's file in a
        // directory others may write: /tmp's files are anybody's plants.
        let shared_dir = fs::metadata(&self.dir).map_or(true, |d| d.mode() & 0o022 != 0);
        let allowed = match self.write_as {
            Some((uid, _)) => meta.uid() == uid,
            None => meta.uid() == me || (me == 0 && !shared_dir),
        };
        if !allowed {
            let uid = meta.uid();
            return Err(tr!(
                lang,
                "it is owned by uid {uid}; wxtoken replaces only the files of the user it writes as",
                "它属于 uid {uid}；wxtoken 只替换它所代表的用户的文件"
            ));
        }
        Ok(Some(Existing {
            mode: meta.mode() & 0o7777,
            uid: meta.uid(),
            gid: meta.gid(),
        }))
    }

    /// Replace the file with `text`, atomically; nothing is written when it already holds
    /// that result. Returns whether the file was written, and a warning when an existing
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
        let _identity = self.write_as.map(FsIdentity::assume);
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
                    "--output {shown} had mode {was}, wider than a token file may be: it is now 600 (a token file for another user: write it as root, and it is that user's)",
                    "--output {shown} 的权限是 {was}，比 token 文件允许的宽：现在改为 600（给其他用户的 token 文件：以 root 写入，文件归该用户所有）"
                )),
            )
        };
        if self
            .unchanged(text, format, mode, &existing)
            .map_err(fail)?
        {
            return Ok((false, warning));
        }
        // Root replacing a file of its own directories keeps the file's owner.
        let owner = (self.write_as.is_none() && existing.uid != crate::safe_fs::euid())
            .then_some((existing.uid, existing.gid));
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
            || !crate::deliver::same_result(&old, text, format)
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

/// The one user other than root and this one who can change the way to `dir`, if any: the
/// owner of a directory on it, as written (each component, not following a final link) and as
/// resolved. A directory its group or others may write (and not sticky), or a second such user,
/// is refused.
fn controller(dir: &Path, lang: Lang) -> Result<Option<u32>, String> {
    let me = crate::safe_fs::euid();
    let absolute = std::path::absolute(dir).map_err(|e| io_reason(&e))?;
    let resolved = fs::canonicalize(dir).map_err(|e| io_reason(&e))?;
    let mut found: Option<u32> = None;
    let written = absolute.ancestors().map(|p| (p, fs::symlink_metadata(p)));
    let real = resolved.ancestors().map(|p| (p, fs::metadata(p)));
    for (p, meta) in written.chain(real) {
        let Ok(meta) = meta else {
            continue;
        };
        let shown = crate::redact::sanitize(&p.display().to_string());
        let sticky = meta.mode() & 0o1000 != 0;
        // Writable by its group is fine when the group is this user's own (a home directory
        // 0775 under user private groups); by anyone else, only when sticky (/tmp).
        // SAFETY: getegid has no preconditions.
        let own_group = meta.gid() == unsafe { libc::getegid() };
        let others_write = meta.mode() & 0o002 != 0 || (meta.mode() & 0o020 != 0 && !own_group);
        if meta.is_dir() && others_write && !sticky {
            let mode = format!("{:o}", meta.mode() & 0o7777);
            return Err(tr!(
                lang,
                "{shown} can be written by other users (mode {mode}), who could send the token elsewhere",
                "{shown} 可被其他用户写入（权限 {mode}），他们可以把 token 引到别处"
            ));
        }
        let uid = meta.uid();
        if uid == 0 || uid == me {
            continue;
        }
        match found {
            Some(other) if other != uid => {
                return Err(tr!(
                    lang,
                    "the directories on the way to it belong to two other users (uid {other} and {uid})",
                    "通往它的目录属于两个不同的其他用户（uid {other} 和 {uid}）"
                ));
            }
            _ => found = Some(uid),
        }
    }
    Ok(found)
}

/// Root's filesystem identity set to another user's for a while: every file operation is then
/// checked, and every file created, as that user's. Restored when dropped.
struct FsIdentity {
    uid: u32,
    gid: u32,
}

impl FsIdentity {
    fn assume((uid, gid): (u32, u32)) -> FsIdentity {
        // SAFETY: plain system calls on this thread's credentials. The group first: once the
        // filesystem uid is not root's, the filesystem capabilities are gone (not CAP_SETGID).
        unsafe {
            let old_gid = libc::setfsgid(gid) as u32;
            let old_uid = libc::setfsuid(uid) as u32;
            FsIdentity {
                uid: old_uid,
                gid: old_gid,
            }
        }
    }
}

impl Drop for FsIdentity {
    fn drop(&mut self) {
        // SAFETY: as in `assume`, in the reverse order.
        unsafe {
            libc::setfsuid(self.uid);
            libc::setfsgid(self.gid);
        }
    }
}

/// Whether this user may create files in `dir` (with the filesystem identity in effect).
fn writable(dir: &Path) -> bool {
    use std::os::unix::ffi::OsStrExt;
    let Ok(c) = std::ffi::CString::new(dir.as_os_str().as_bytes()) else {
        return false;
    };
    // SAFETY: a valid NUL-terminated path. faccessat with AT_EACCESS checks the effective (and
    // so the filesystem) identity, not the real one as access does.
    unsafe {
        libc::faccessat(
            libc::AT_FDCWD,
            c.as_ptr(),
            libc::W_OK | libc::X_OK,
            libc::AT_EACCESS,
        ) == 0
    }
}
