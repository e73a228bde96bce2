//! The opt-in local token cache: one JSON entry per (appid, endpoint, api-base), shared by
//! concurrent invocations under an OS file lock, written atomically, never holding the secret.
//!
//! This module alone knows the on-disk layout: the directory's tag, entry, lock, failure-record
//! and temp-file names. Every file is opened through [`crate::safe_fs`], and everything read is
//! validated as strictly as an answer from the network.

mod dir;
mod entry;
mod layout;
mod messages;
pub mod slot;

use std::fs::{self, File, TryLockError};
use std::io;
use std::path::PathBuf;
use std::time::{Duration, Instant};

pub use entry::{Entry, Key, fingerprint, human_duration};
use entry::{FORMAT, FailureRecord};
use layout::{failure_name, is_entry_name, is_lock_name, temp_name, temp_owner};
pub use layout::{no_dir_message, resolve_dir};
use messages::warning;
pub use messages::{CacheWarning, Unusable};

use crate::error::Failure;
use crate::lang::Lang;
use crate::safe_fs;
use crate::time;

/// Entries and failure records are under 2 KiB; anything larger is not ours.
const MAX_FILE: u64 = 16 * 1024;

/// A held entry lock; released when dropped.
pub struct Lock {
    _file: File,
    /// Another run held it when this one asked: what that run stored or recorded since
    /// `waited_since_ms` is this run's to share.
    pub waited_since_ms: Option<u64>,
}

/// What `clear` did.
#[derive(Debug, Default)]
pub struct Cleared {
    pub removed: usize,
    pub warnings: Vec<CacheWarning>,
}

/// A cache directory that passed the safety checks.
pub struct Cache {
    dir: PathBuf,
    /// Whose files are read: this user's, or a refresher's (a `--no-fetch` reader).
    owner: u32,
    /// Entries are written 0640: the directory is setgid and group-readable (readers in the
    /// group use `--no-fetch`).
    group_readable: bool,
    /// The language of its warnings: the run's.
    lang: Lang,
}

impl Cache {
    /// The language of the run, as the cache was opened with.
    pub fn lang(&self) -> Lang {
        self.lang
    }

    fn path_of(&self, name: &str) -> PathBuf {
        self.dir.join(name)
    }

    /// Where the entry of `key` lives (for `-v`).
    pub fn entry_path(&self, key: &Key) -> PathBuf {
        self.path_of(&key.name())
    }

    /// Read the entry of `key`. `Ok(None)`: there is none. `Err`: it exists but is unusable.
    pub fn read(&self, key: &Key) -> Result<Option<Entry>, CacheWarning> {
        self.read_entry(&key.name())
    }

    fn read_entry(&self, name: &str) -> Result<Option<Entry>, CacheWarning> {
        let path = self.path_of(name);
        let bytes = match safe_fs::read_owned_by(&path, MAX_FILE, self.owner) {
            Ok(b) => b,
            Err(r) if r.is_not_found() => return Ok(None),
            Err(r) => {
                return Err(warning(
                    self.lang,
                    ("ignoring the cache entry", "忽略缓存条目"),
                    &path,
                    &r.reason(self.lang),
                ));
            }
        };
        let entry: Entry = serde_json::from_slice(&bytes).map_err(|_| {
            warning(
                self.lang,
                ("ignoring the corrupt cache entry", "忽略损坏的缓存条目"),
                &path,
                self.lang.pick("not an entry", "不是缓存条目"),
            )
        })?;
        if let Some(why) = entry.problem(self.lang) {
            return Err(warning(
                self.lang,
                ("ignoring the corrupt cache entry", "忽略损坏的缓存条目"),
                &path,
                &why,
            ));
        }
        if entry.file_name() != name {
            return Err(warning(
                self.lang,
                ("ignoring the cache entry", "忽略缓存条目"),
                &path,
                self.lang
                    .pick("its content does not match its name", "内容与文件名不符"),
            ));
        }
        // A token entering the process: nothing but the result may show it.
        crate::redact::register_secret(&entry.access_token);
        Ok(Some(entry))
    }

    /// Take the entry's lock, waiting at most `wait`. `Ok(None)` when the wait ran out.
    pub fn lock(&self, key: &Key, wait: Duration) -> Result<Option<Lock>, CacheWarning> {
        self.lock_name(&key.lock_file(), Some(wait))
    }

    /// The lock at `name`; `wait` None: a single try. A lock file that was removed and created
    /// anew while this run waited is another lock: take that one instead.
    fn lock_name(&self, name: &str, wait: Option<Duration>) -> Result<Option<Lock>, CacheWarning> {
        let path = self.path_of(name);
        let deadline = wait.map(|w| Instant::now() + w);
        let mut waited_since_ms = None;
        loop {
            let file = safe_fs::open_lock(&path).map_err(|r| {
                warning(
                    self.lang,
                    ("cannot use the lock file", "无法使用锁文件"),
                    &path,
                    &r.reason(self.lang),
                )
            })?;
            loop {
                match file.try_lock() {
                    Ok(()) => break,
                    Err(TryLockError::WouldBlock)
                        if deadline.is_some_and(|d| Instant::now() < d) =>
                    {
                        waited_since_ms.get_or_insert_with(time::now_unix_ms);
                        std::thread::sleep(Duration::from_millis(10));
                    }
                    Err(TryLockError::WouldBlock) => return Ok(None),
                    Err(TryLockError::Error(e)) => {
                        return Err(warning(
                            self.lang,
                            ("cannot lock", "无法加锁"),
                            &path,
                            &crate::error::io_reason(&e, self.lang),
                        ));
                    }
                }
            }
            if safe_fs::same_file(&file, &path) {
                return Ok(Some(Lock {
                    _file: file,
                    waited_since_ms,
                }));
            }
        }
    }

    /// Write the entry of `key` atomically (mode 0600).
    pub fn write(&self, key: &Key, entry: &Entry) -> Result<(), CacheWarning> {
        let name = key.name();
        let text = serde_json::to_string_pretty(entry).map_err(io::Error::other);
        text.and_then(|t| {
            safe_fs::write_atomic(
                &self.dir,
                &temp_name(&name),
                &name,
                format!("{t}\n").as_bytes(),
                if self.group_readable { 0o640 } else { 0o600 },
            )
        })
        .map_err(|e| {
            warning(
                self.lang,
                ("cannot write", "无法写入"),
                &self.path_of(&name),
                &crate::error::io_reason(&e, self.lang),
            )
        })
    }

    /// Leave `failure` (masked) for the runs waiting on this key's lock.
    pub fn record_failure(&self, key: &Key, failure: &Failure) -> Result<(), CacheWarning> {
        let name = failure_name(&key.name());
        let record = FailureRecord {
            format: FORMAT,
            secret_fingerprint: key.fingerprint.clone(),
            written_at_ms: time::now_unix_ms(),
            document: crate::redact::redact_json(&failure.to_json_document()),
        };
        let text = serde_json::to_vec(&record).map_err(io::Error::other);
        text.and_then(|t| safe_fs::write_atomic(&self.dir, &temp_name(&name), &name, &t, 0o600))
            .map_err(|e| {
                warning(
                    self.lang,
                    ("cannot write", "无法写入"),
                    &self.path_of(&name),
                    &crate::error::io_reason(&e, self.lang),
                )
            })
    }

    /// The failure a holder of this key's lock recorded at or after `since_ms`, if any.
    pub fn failure_since(&self, key: &Key, since_ms: u64) -> Option<Failure> {
        let bytes =
            safe_fs::read_private(&self.path_of(&failure_name(&key.name())), MAX_FILE).ok()?;
        let record: FailureRecord = serde_json::from_slice(&bytes).ok()?;
        if record.format != FORMAT
            || record.secret_fingerprint != key.fingerprint
            || record.written_at_ms < since_ms
        {
            return None;
        }
        crate::token::failure_record::read(&record.document, key.endpoint.platform(), self.lang)
    }

    /// Every valid entry, sorted by name, and a warning for each file that looks like an entry
    /// but is not a valid one.
    pub fn list(&self) -> io::Result<(Vec<Entry>, Vec<CacheWarning>)> {
        let mut entries = Vec::new();
        let mut warnings = Vec::new();
        for name in self.names()? {
            if !is_entry_name(&name) {
                continue;
            }
            match self.read_entry(&name) {
                Ok(Some(e)) => entries.push(e),
                Ok(None) => {}
                Err(w) => warnings.push(w),
            }
        }
        Ok((entries, warnings))
    }

    fn names(&self) -> io::Result<Vec<String>> {
        let mut names: Vec<String> = fs::read_dir(&self.dir)?
            .filter_map(|e| e.ok())
            .filter_map(|e| e.file_name().to_str().map(str::to_string))
            .collect();
        names.sort();
        Ok(names)
    }

    /// Remove wxtoken's entries (all, or those of `appid`), with their locks and failure
    /// records; all: also leftovers of runs that died. Never a file that is not wxtoken's by name
    /// and content, never a lock another run holds.
    pub fn clear(&self, appid: Option<&str>) -> io::Result<Cleared> {
        let mut done = Cleared::default();
        let names = self.names()?;
        for name in names.iter().filter(|n| is_entry_name(n)) {
            let path = self.path_of(name);
            let entry = match self.read_entry(name) {
                Ok(Some(e)) => e,
                Ok(None) => continue,
                Err(w) => {
                    done.warnings.push(CacheWarning(format!(
                        "{}; {}",
                        w.0,
                        self.lang.pick("not removed", "未删除")
                    )));
                    continue;
                }
            };
            if appid.is_some_and(|want| want != entry.appid) {
                continue;
            }
            // The lock may be shared with entries for other API bases: it stays, and goes with
            // the leftovers when nothing uses it.
            match self.lock_name(&entry.lock_file(), None) {
                Ok(Some(held)) => {
                    for file in [name.clone(), failure_name(name)] {
                        if let Err(e) = safe_fs::remove_own_file(&self.path_of(&file)) {
                            done.warnings.push(warning(
                                self.lang,
                                ("cannot remove", "无法删除"),
                                &self.path_of(&file),
                                &crate::error::io_reason(&e, self.lang),
                            ));
                        } else if file == *name {
                            done.removed += 1;
                        }
                    }
                    drop(held);
                }
                Ok(None) => done.warnings.push(warning(
                    self.lang,
                    (
                        "a running wxtoken holds the lock of",
                        "正在运行的 wxtoken 持有锁：",
                    ),
                    &path,
                    self.lang.pick("left in place", "保留未动"),
                )),
                Err(w) => done.warnings.push(w),
            }
        }
        if appid.is_none() {
            self.remove_leftovers(&names);
        }
        Ok(done)
    }

    /// Locks and failure records without an entry, and temp files of runs that died.
    fn remove_leftovers(&self, names: &[String]) {
        // The locks of the entries still here.
        let in_use: Vec<String> = names
            .iter()
            .filter(|n| is_entry_name(n))
            .filter_map(|n| self.read_entry(n).ok().flatten())
            .map(|e| e.lock_file())
            .collect();
        for name in names {
            let is_lock =
                is_lock_name(name) || name.strip_suffix(".lock").is_some_and(is_entry_name);
            if is_lock {
                if in_use.contains(name) {
                    continue;
                }
                if let Ok(Some(held)) = self.lock_name(name, None) {
                    let _ = safe_fs::remove_own_file(&self.path_of(name));
                    drop(held);
                }
            } else if name.strip_suffix(".failed").is_some_and(is_entry_name) {
                let _ = safe_fs::remove_own_file(&self.path_of(name));
            } else if let Some(pid) = temp_owner(name)
                && !safe_fs::process_alive(pid)
            {
                let _ = safe_fs::remove_own_file(&self.path_of(name));
            }
        }
    }
}
