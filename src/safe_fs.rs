//! The one way wxtoken opens the files it keeps (cache entries, locks, failure records) and the
//! directory that holds them. Nothing here follows a symlink, blocks on a FIFO or a device, reads
//! without a cap, or trusts a file or directory that another user owns or can write.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Read, Write};
use std::os::unix::fs::{DirBuilderExt, MetadataExt, OpenOptionsExt, PermissionsExt};
use std::path::Path;

/// The effective user id of this process.
pub fn euid() -> u32 {
    rustix::process::geteuid().as_raw()
}

/// Why a file or directory may not be used.
#[derive(Debug)]
pub enum Refusal {
    /// An I/O error (the path is missing: `NotFound`).
    Io(io::Error),
    /// A symlink where a real file or directory must be.
    Symlink,
    /// Not a regular file (a FIFO, a device, a socket, a directory).
    NotRegular,
    /// Not a directory.
    NotDirectory,
    /// Owned by another user (the uid).
    Owner(u32),
    /// Writable by the group or by others (the mode).
    Writable(u32),
    /// Larger than the cap.
    TooLarge(u64),
}

impl Refusal {
    pub fn is_not_found(&self) -> bool {
        matches!(self, Refusal::Io(e) if e.kind() == io::ErrorKind::NotFound)
    }

    /// The reason in words (the caller adds the path and the fix).
    pub fn reason(&self, lang: crate::lang::Lang) -> String {
        match self {
            Refusal::Io(e) => crate::error::io_reason(e, lang),
            Refusal::Symlink => lang.pick("it is a symbolic link", "它是符号链接").into(),
            Refusal::NotRegular => lang
                .pick("it is not a regular file", "它不是普通文件")
                .into(),
            Refusal::NotDirectory => lang.pick("it is not a directory", "它不是目录").into(),
            Refusal::Owner(uid) => crate::tr!(
                lang,
                "it is owned by uid {uid}, not by this user",
                "它属于 uid {uid}，不属于当前用户"
            ),
            Refusal::Writable(mode) => {
                let mode = format!("{:o}", mode & 0o7777);
                crate::tr!(
                    lang,
                    "other users can write to it (mode {mode})",
                    "其他用户可以写入它（权限 {mode}）"
                )
            }
            Refusal::TooLarge(size) => crate::tr!(
                lang,
                "it is {size} bytes, more than a cache file holds",
                "它有 {size} 字节，超过缓存文件的大小"
            ),
        }
    }
}

impl From<io::Error> for Refusal {
    fn from(e: io::Error) -> Refusal {
        // O_NOFOLLOW on a symlink fails with ELOOP.
        if e.raw_os_error() == Some(libc::ELOOP) {
            Refusal::Symlink
        } else {
            Refusal::Io(e)
        }
    }
}

/// A directory this user may keep private files in: a real directory (not a symlink), owned by
/// this user, not writable by the group or by others.
pub fn check_private_dir(dir: &Path) -> Result<(), Refusal> {
    check_private_dir_meta(&fs::symlink_metadata(dir)?)
}

/// [`check_private_dir`] on the directory's `lstat`, for a caller that has it already.
pub fn check_private_dir_meta(meta: &fs::Metadata) -> Result<(), Refusal> {
    if meta.file_type().is_symlink() {
        return Err(Refusal::Symlink);
    }
    if !meta.is_dir() {
        return Err(Refusal::NotDirectory);
    }
    if meta.uid() != euid() {
        return Err(Refusal::Owner(meta.uid()));
    }
    if meta.mode() & 0o022 != 0 {
        return Err(Refusal::Writable(meta.mode()));
    }
    Ok(())
}

/// A directory another user (a refresher) keeps for readers: not a link, writable by its owner
/// alone. Returns the owner.
pub fn check_shared_dir(dir: &Path) -> Result<u32, Refusal> {
    let meta = fs::symlink_metadata(dir)?;
    if meta.file_type().is_symlink() {
        return Err(Refusal::Symlink);
    }
    if !meta.is_dir() {
        return Err(Refusal::NotDirectory);
    }
    if meta.mode() & 0o022 != 0 {
        return Err(Refusal::Writable(meta.mode()));
    }
    Ok(meta.uid())
}

/// Whether the directory asks for group-readable files: setgid and readable by its group.
pub fn is_group_shared(dir: &Path) -> bool {
    fs::symlink_metadata(dir).is_ok_and(|m| is_group_shared_meta(&m))
}

/// [`is_group_shared`] on the directory's `lstat`.
pub fn is_group_shared_meta(meta: &fs::Metadata) -> bool {
    meta.mode() & 0o2040 == 0o2040
}

/// Create `dir` (and missing parents) with mode 0700. Returns whether `dir` itself was created,
/// and its `lstat` (one call where it exists: a cache hit's path).
pub fn create_private_dir(dir: &Path) -> io::Result<(bool, fs::Metadata)> {
    match fs::symlink_metadata(dir) {
        Ok(meta) => Ok((false, meta)),
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            fs::DirBuilder::new()
                .recursive(true)
                .mode(0o700)
                .create(dir)?;
            Ok((true, fs::symlink_metadata(dir)?))
        }
        Err(e) => Err(e),
    }
}

/// Open flags that never follow a final symlink and never block (FIFOs, devices).
fn guarded() -> i32 {
    libc::O_NOFOLLOW | libc::O_NONBLOCK | libc::O_CLOEXEC
}

/// The opened file must be a regular file owned by this user.
fn check_opened(file: &File) -> Result<fs::Metadata, Refusal> {
    let meta = file.metadata()?;
    if !meta.file_type().is_file() {
        return Err(Refusal::NotRegular);
    }
    if meta.uid() != euid() {
        return Err(Refusal::Owner(meta.uid()));
    }
    Ok(meta)
}

/// Read a regular file owned by this user, at most `cap` bytes (a larger one is refused).
pub fn read_private(path: &Path, cap: u64) -> Result<Vec<u8>, Refusal> {
    read_owned_by(path, cap, euid())
}

/// Read a regular file owned by `owner` (another user's only when nobody else may write it: a
/// refresher's group-readable cache), at most `cap` bytes.
pub fn read_owned_by(path: &Path, cap: u64, owner: u32) -> Result<Vec<u8>, Refusal> {
    let (buf, _) = read_checked(path, guarded(), cap, |meta| {
        if meta.uid() != owner {
            return Err(Refusal::Owner(meta.uid()));
        }
        if owner != euid() && meta.mode() & 0o022 != 0 {
            return Err(Refusal::Writable(meta.mode()));
        }
        Ok(())
    })?;
    Ok(buf)
}

/// Read a file whose content decides what wxtoken runs (the config file: its `secret_command`):
/// a regular file owned by this user or by root, that nobody else may write. A final symlink is
/// followed (dotfile managers link config files); the checks are on the file itself. Returns the
/// bytes, the file's mode and its owner.
pub fn read_trusted(path: &Path, cap: u64) -> Result<(Vec<u8>, u32, u32), Refusal> {
    let flags = libc::O_NONBLOCK | libc::O_CLOEXEC;
    let (buf, meta) = read_checked(path, flags, cap, |meta| {
        if meta.uid() != euid() && meta.uid() != 0 {
            return Err(Refusal::Owner(meta.uid()));
        }
        if meta.mode() & 0o022 != 0 {
            return Err(Refusal::Writable(meta.mode()));
        }
        Ok(())
    })?;
    Ok((buf, meta.mode(), meta.uid()))
}

/// Open `path` with `flags`, check that it is a regular file that `check` accepts (on the
/// opened file's metadata, never the path's), and read at most `cap` bytes of it.
fn read_checked(
    path: &Path,
    flags: i32,
    cap: u64,
    check: impl Fn(&fs::Metadata) -> Result<(), Refusal>,
) -> Result<(Vec<u8>, fs::Metadata), Refusal> {
    let file = OpenOptions::new()
        .read(true)
        .custom_flags(flags)
        .open(path)?;
    let meta = file.metadata()?;
    if !meta.file_type().is_file() {
        return Err(Refusal::NotRegular);
    }
    check(&meta)?;
    if meta.len() > cap {
        return Err(Refusal::TooLarge(meta.len()));
    }
    let mut buf = Vec::with_capacity(meta.len() as usize);
    file.take(cap + 1).read_to_end(&mut buf)?;
    if buf.len() as u64 > cap {
        return Err(Refusal::TooLarge(buf.len() as u64));
    }
    Ok((buf, meta))
}

/// Open a file the user names as input (`--secret-file`, `--ca-cert`), which may be a pipe
/// (`<(pass show wx)`): opened without blocking (a FIFO nobody writes to would block the open
/// forever), then read blocking (a pipe's writer is waited for; a FIFO without one reads as
/// empty).
pub fn open_input(path: &Path) -> io::Result<File> {
    let file = OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK | libc::O_CLOEXEC)
        .open(path)?;
    let flags = rustix::fs::fcntl_getfl(&file)?;
    rustix::fs::fcntl_setfl(&file, flags - rustix::fs::OFlags::NONBLOCK)?;
    Ok(file)
}

/// Open (creating it 0600 if missing) a lock file: a regular file owned by this user.
pub fn open_lock(path: &Path) -> Result<File, Refusal> {
    let file = OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .mode(0o600)
        .custom_flags(guarded())
        .open(path)?;
    check_opened(&file)?;
    Ok(file)
}

/// Whether `path` still names the very file `file` is open on (a lock file that was removed
/// and created anew is another lock).
pub fn same_file(file: &File, path: &Path) -> bool {
    match (file.metadata(), fs::symlink_metadata(path)) {
        (Ok(a), Ok(b)) => a.dev() == b.dev() && a.ino() == b.ino(),
        _ => false,
    }
}

/// Write `bytes` to `path` atomically with `mode`: a new temp file (exclusive create, never
/// through a link) in the same directory, fsync, rename, fsync the directory. A reader sees the
/// old file or the new one, never half of one; a failure leaves no temp file behind (and never
/// removes one this call did not create).
pub fn write_atomic(
    dir: &Path,
    tmp_name: &str,
    name: &str,
    bytes: &[u8],
    mode: u32,
) -> io::Result<()> {
    let tmp = dir.join(tmp_name);
    let mut f = OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(mode & 0o600)
        .custom_flags(libc::O_NOFOLLOW | libc::O_CLOEXEC)
        .open(&tmp)?;
    let result = (|| {
        // The umask may have narrowed the mode; group-readable caches want it exact.
        f.set_permissions(fs::Permissions::from_mode(mode))?;
        f.write_all(bytes)?;
        f.sync_all()?;
        fs::rename(&tmp, dir.join(name))
    })();
    if result.is_err() {
        let _ = fs::remove_file(&tmp);
        return result;
    }
    // The rename is done: the file is written. Making it durable is best effort (a directory
    // this user may write but not read cannot be opened to be synced).
    if let Ok(d) = File::open(dir) {
        let _ = d.sync_all();
    }
    Ok(())
}

/// Remove `path` only if it is still a regular file owned by this user (never a directory, never
/// what a link points to: unlink removes the link itself).
pub fn remove_own_file(path: &Path) -> io::Result<bool> {
    match fs::symlink_metadata(path) {
        Ok(meta) if meta.file_type().is_file() && meta.uid() == euid() => {
            fs::remove_file(path)?;
            Ok(true)
        }
        Ok(_) => Ok(false),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(false),
        Err(e) => Err(e),
    }
}

/// A process with this pid is alive (or exists under another user).
pub fn process_alive(pid: u32) -> bool {
    let Ok(raw) = i32::try_from(pid) else {
        return false;
    };
    // Pid 0 is this process's group, which exists (as kill(0, 0) says).
    let Some(pid) = rustix::process::Pid::from_raw(raw) else {
        return raw == 0;
    };
    // Signal 0 only checks for the process's existence.
    matches!(
        rustix::process::test_kill_process(pid),
        Ok(()) | Err(rustix::io::Errno::PERM)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A private scratch directory, removed when dropped.
    fn scratch() -> tempfile::TempDir {
        let dir = tempfile::TempDir::with_prefix("wxtoken-safefs-").unwrap();
        fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o700)).unwrap();
        dir
    }

    #[test]
    fn refuses_links_fifos_and_large_files() {
        let scratch = scratch();
        let dir = scratch.path();
        let target = dir.join("target");
        fs::write(&target, b"x").unwrap();
        std::os::unix::fs::symlink(&target, dir.join("link")).unwrap();
        assert!(matches!(
            read_private(&dir.join("link"), 10),
            Err(Refusal::Symlink)
        ));
        assert!(matches!(
            open_lock(&dir.join("link")),
            Err(Refusal::Symlink)
        ));
        let fifo = dir.join("fifo");
        rustix::fs::mknodat(
            rustix::fs::CWD,
            &fifo,
            rustix::fs::FileType::Fifo,
            rustix::fs::Mode::from_raw_mode(0o600),
            0,
        )
        .unwrap();
        assert!(matches!(read_private(&fifo, 10), Err(Refusal::NotRegular)));
        assert!(matches!(open_lock(&fifo), Err(Refusal::NotRegular)));
        fs::write(dir.join("big"), vec![b'a'; 100]).unwrap();
        assert!(matches!(
            read_private(&dir.join("big"), 10),
            Err(Refusal::TooLarge(100))
        ));
        assert_eq!(read_private(&target, 10).unwrap(), b"x");
        assert!(
            read_private(&dir.join("missing"), 10)
                .unwrap_err()
                .is_not_found()
        );
    }

    #[test]
    fn private_dirs() {
        let scratch = scratch();
        let dir = scratch.path().join("dir");
        fs::create_dir(&dir).unwrap();
        fs::set_permissions(&dir, fs::Permissions::from_mode(0o700)).unwrap();
        assert!(check_private_dir(&dir).is_ok());
        fs::set_permissions(&dir, fs::Permissions::from_mode(0o777)).unwrap();
        assert!(matches!(check_private_dir(&dir), Err(Refusal::Writable(_))));
        fs::set_permissions(&dir, fs::Permissions::from_mode(0o700)).unwrap();
        let link = scratch.path().join("link");
        std::os::unix::fs::symlink(&dir, &link).unwrap();
        assert!(matches!(check_private_dir(&link), Err(Refusal::Symlink)));
    }
}
