//! `--output FILE`: a token file, replaced atomically, never where another user could send it.
//!
//! The directory is found once and held: its path is resolved, then walked from `/` one
//! component at a time, each opened without following a link (a component swapped for a link
//! since is refused) and checked on the opened directory itself: no directory on the way may be
//! writable by its group or by others (unless sticky, as `/tmp`), and each belongs to root, to
//! this user or, when root writes for a service, to that one other user. Every later step (the
//! existing file, the temporary file, the rename, the sync) is relative to the held directory,
//! so nothing that happens to the path afterwards can redirect the write.

use std::ffi::CString;
use std::fs::File;
use std::io::{Read, Write};
use std::os::fd::OwnedFd;
use std::os::unix::ffi::OsStrExt;
use std::path::{Path, PathBuf};

use crate::error::code;
use crate::error::{Failure, io_reason};
use crate::lang::Lang;
use crate::output::format::Format;
use crate::tr;

mod resolve;
use resolve::{open_at, resolve, stat_of, walk};
use rustix::fs::{AtFlags, FileType, OFlags};

/// The mode of a new token file, and the widest an existing one keeps (0400 stays 0400; 0640 or
/// 0644 becomes 0600, with a warning).
const PRIVATE: u32 = 0o600;
/// A token file larger than this is not one wxtoken wrote: it is replaced, never compared.
const MAX_COMPARED: u64 = 64 * 1024;

/// `--output FILE`, checked before any request: its directory, held open.
#[derive(Debug)]
pub struct OutputFile {
    pub path: PathBuf,
    dir: OwnedFd,
    name: CString,
    /// Root writing below a directory of another user: that user (uid, and the directory's
    /// gid), whose file it is.
    service: Option<(u32, u32)>,
}

/// A result (a token's or a ticket's, in `format`) on stdout, or in the `--output` file:
/// rewritten only when it changed, `-v` says which.
pub fn deliver(
    printer: &crate::output::Printer,
    text: &str,
    format: Format,
    output: Option<&OutputFile>,
) -> Result<u8, Failure> {
    let Some(file) = output else {
        printer.result_unmasked(text)?;
        return Ok(code::OK);
    };
    let (written, warning) = file.write(text, format, printer.lang)?;
    if let Some(w) = warning {
        printer.warn(&w);
    }
    let shown = crate::redact::sanitize(&file.path.display().to_string());
    printer.verbose(&if written {
        tr!(printer.lang, "wrote {shown}", "已写入 {shown}")
    } else {
        tr!(
            printer.lang,
            "{shown} already holds this result; not rewritten",
            "{shown} 已是这个结果；没有重写"
        )
    });
    Ok(code::OK)
}

/// The file already there: its mode and owner.
struct Existing {
    mode: u32,
    uid: u32,
    gid: u32,
}

impl OutputFile {
    /// Check `path` and hold its directory: see the module's description.
    pub fn check(path: &Path, lang: Lang) -> Result<OutputFile, Failure> {
        let shown = crate::redact::sanitize(&path.display().to_string());
        let refuse = |why: String| {
            Failure::usage(tr!(
                lang,
                "cannot write --output {shown}: {why}",
                "无法写入 --output {shown}：{why}"
            ))
        };
        // `dir/` and `dir/.` name a directory (Path would read them as a file name).
        let raw = path.as_os_str().as_bytes();
        let names_dir = raw.ends_with(b"/") || raw.ends_with(b"/.") || raw == b"." || raw == b"..";
        let Some(name) = path
            .file_name()
            .filter(|_| !path.as_os_str().is_empty() && !names_dir)
        else {
            return Err(refuse(
                lang.pick("it names no file", "它不是文件路径").into(),
            ));
        };
        let name = CString::new(name.as_bytes()).map_err(|_| refuse("NUL".into()))?;
        let parent = match path.parent() {
            Some(p) if !p.as_os_str().is_empty() => p,
            _ => Path::new("."),
        };
        let (resolved, owners) = resolve(parent, lang).map_err(refuse)?;
        let (dir, service) = walk(&resolved, lang).map_err(refuse)?;
        // A link on the way, or a directory holding one, that belongs to another user decides
        // where the path leads: it may lead only into that user's own directories.
        let me = crate::safe_fs::euid();
        if let Some(uid) = owners
            .into_iter()
            .find(|&uid| uid != 0 && uid != me && service.map(|(s, _)| s) != Some(uid))
        {
            return Err(refuse(tr!(
                lang,
                "a link or directory on the way belongs to uid {uid}, who decides where the path leads, and it does not lead into their own directories",
                "路径上的一个链接或目录属于 uid {uid}，路径通向哪里由他决定，而它并不通向他自己的目录"
            )));
        }
        let out = OutputFile {
            path: path.to_path_buf(),
            dir,
            name,
            service,
        };
        out.existing(lang).map_err(refuse)?;
        Ok(out)
    }

    /// The file now in the held directory, if any, and whether it may be replaced: this
    /// user's, the service's root writes for, or (root, in root's directories) anyone's.
    fn existing(&self, lang: Lang) -> Result<Option<Existing>, String> {
        let st =
            match rustix::fs::statat(&self.dir, self.name.as_c_str(), AtFlags::SYMLINK_NOFOLLOW) {
                Ok(st) => st,
                Err(rustix::io::Errno::NOENT) => return Ok(None),
                Err(e) => return Err(io_reason(&e.into(), lang)),
            };
        match FileType::from_raw_mode(st.st_mode) {
            FileType::RegularFile => {}
            FileType::Symlink => {
                return Err(lang
                    .pick(
                        "it is a symbolic link (give the file it points to)",
                        "它是符号链接（请给出它指向的文件）",
                    )
                    .into());
            }
            _ => {
                return Err(lang
                    .pick(
                        "it is not a regular file (leave out --output to print on stdout)",
                        "它不是普通文件（不加 --output 即输出到标准输出）",
                    )
                    .into());
            }
        }
        let me = crate::safe_fs::euid();
        let dir_shared = stat_of(&self.dir).map_or(true, |d| d.st_mode & 0o022 != 0);
        let allowed = match self.service {
            Some((uid, _)) => st.st_uid == uid,
            // /tmp's files are anybody's plants: root takes over none of them.
            None => st.st_uid == me || (me == 0 && !dir_shared),
        };
        if !allowed {
            let uid = st.st_uid;
            return Err(tr!(
                lang,
                "it is owned by uid {uid}; wxtoken replaces only the files of the user it writes for",
                "它属于 uid {uid}；wxtoken 只替换它所代表的用户的文件"
            ));
        }
        Ok(Some(Existing {
            mode: st.st_mode & 0o7777,
            uid: st.st_uid,
            gid: st.st_gid,
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
        let existing = self.existing(lang).map_err(fail)?;
        let Some(existing) = existing else {
            // A new file is the service's when root writes for one.
            self.replace(text.as_bytes(), PRIVATE, self.service, lang)
                .map_err(fail)?;
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
                    "--output {shown} had mode {was}, wider than a token file may be: it is now 600",
                    "--output {shown} 的权限是 {was}，比 token 文件允许的宽：现在改为 600"
                )),
            )
        };
        if self
            .unchanged(text, format, mode, &existing, lang)
            .map_err(fail)?
        {
            return Ok((false, warning));
        }
        // The new file keeps the old one's owner (it is this user's, or root writes for it).
        let owner =
            (existing.uid != crate::safe_fs::euid()).then_some((existing.uid, existing.gid));
        self.replace(text.as_bytes(), mode, owner, lang)
            .map_err(fail)?;
        Ok((true, warning))
    }

    /// Replace the file with `bytes` (an API's answer: a QR code, a media file), atomically;
    /// a new file is private (0600), an existing one keeps its mode and owner.
    pub fn write_bytes(&self, bytes: &[u8], lang: Lang) -> Result<(), Failure> {
        let shown = crate::redact::sanitize(&self.path.display().to_string());
        let fail = |why: String| {
            Failure::internal(tr!(
                lang,
                "cannot write --output {shown}: {why}",
                "无法写入 --output {shown}：{why}"
            ))
        };
        let (mode, owner) = match self.existing(lang).map_err(fail)? {
            Some(e) => (
                e.mode,
                (e.uid != crate::safe_fs::euid()).then_some((e.uid, e.gid)),
            ),
            None => (PRIVATE, self.service),
        };
        self.replace(bytes, mode, owner, lang).map_err(fail)
    }

    /// Whether the file already holds this result (the same token and expiry), read through a
    /// descriptor that never follows a link; if so, its mode is narrowed to `mode` through that
    /// same descriptor.
    fn unchanged(
        &self,
        text: &str,
        format: Format,
        mode: u32,
        existing: &Existing,
        lang: Lang,
    ) -> Result<bool, String> {
        use std::os::unix::fs::PermissionsExt;
        let flags = OFlags::RDONLY | OFlags::NOFOLLOW | OFlags::NONBLOCK;
        let Ok(fd) = open_at(&self.dir, &self.name, flags, 0) else {
            return Ok(false);
        };
        let file = File::from(fd);
        let Ok(meta) = file.metadata() else {
            return Ok(false);
        };
        use std::os::unix::fs::MetadataExt;
        if !meta.is_file() || meta.uid() != existing.uid || meta.len() > MAX_COMPARED {
            return Ok(false);
        }
        let mut old = Vec::new();
        if (&file).take(MAX_COMPARED).read_to_end(&mut old).is_err()
            || !crate::output::format::same_result(&old, text, format)
        {
            return Ok(false);
        }
        if meta.mode() & 0o7777 != mode {
            file.set_permissions(std::fs::Permissions::from_mode(mode))
                .map_err(|e| io_reason(&e, lang))?;
        }
        Ok(true)
    }

    /// A new file in the held directory (exclusive, never through a link), given `owner` and
    /// `mode`, written and synced, then renamed over the name; the directory synced after. A
    /// failure before the rename removes the temporary file this call created.
    fn replace(
        &self,
        bytes: &[u8],
        mode: u32,
        owner: Option<(u32, u32)>,
        lang: Lang,
    ) -> Result<(), String> {
        use std::os::unix::fs::PermissionsExt;
        let mut tmp = b".".to_vec();
        tmp.extend_from_slice(self.name.as_bytes());
        tmp.extend_from_slice(
            format!(
                ".wxtoken-{}-{}.tmp",
                std::process::id(),
                crate::time::now_unix_ms()
            )
            .as_bytes(),
        );
        let tmp = CString::new(tmp).map_err(|_| "NUL".to_string())?;
        let flags = OFlags::WRONLY | OFlags::CREATE | OFlags::EXCL | OFlags::NOFOLLOW;
        let file =
            File::from(open_at(&self.dir, &tmp, flags, 0o600).map_err(|e| io_reason(&e, lang))?);
        let written = (|| {
            if let Some((uid, gid)) = owner {
                std::os::unix::fs::fchown(&file, Some(uid), Some(gid))?;
            }
            file.set_permissions(std::fs::Permissions::from_mode(mode))?;
            (&file).write_all(bytes)?;
            file.sync_all()?;
            rustix::fs::renameat(&self.dir, tmp.as_c_str(), &self.dir, self.name.as_c_str())?;
            Ok(())
        })();
        if let Err(e) = written {
            // The temporary name this call created, relative to the held directory.
            let _ = rustix::fs::unlinkat(&self.dir, tmp.as_c_str(), AtFlags::empty());
            return Err(io_reason(&e, lang));
        }
        // Durability of the rename is best effort (a directory that can be searched but not
        // read cannot be opened to be synced).
        let here = CString::new(".").unwrap_or_default();
        if let Ok(d) = open_at(&self.dir, &here, OFlags::RDONLY | OFlags::DIRECTORY, 0) {
            let _ = File::from(d).sync_all();
        }
        Ok(())
    }
}
