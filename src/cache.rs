//! The opt-in local token cache: one JSON entry per (appid, endpoint, api-base), shared by
//! concurrent invocations under an OS file lock, written atomically, never holding the secret.
//!
//! This module alone knows the on-disk layout: the directory's tag, entry, lock, failure-record
//! and temp-file names. Every file is opened through [`crate::safe_fs`], and everything read is
//! validated as strictly as an answer from the network.

use std::fs::{self, File, TryLockError};
use std::io;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::error::Failure;
use crate::output::sanitize;
use crate::response::{MAX_EXPIRES_IN, expires_in_problem, token_problem};
use crate::safe_fs::{self, Refusal};
use crate::time;
use crate::wechat::Endpoint;

const FORMAT: u32 = 1;
/// Entries and failure records are under 2 KiB; anything larger is not ours.
const MAX_FILE: u64 = 16 * 1024;
const TAG_NAME: &str = "CACHEDIR.TAG";
const TAG_SIGNATURE: &str = "Signature: 8a477f597d28d172789f06886806bc55";
const TAG: &str = "Signature: 8a477f597d28d172789f06886806bc55\n\
# This file is a cache directory tag created by wxtoken.\n\
# For information about cache directory tags, see https://bford.info/cachedir/\n";

/// One cached token. The secret itself is never stored, only a fingerprint of it.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Entry {
    pub format: u32,
    pub appid: String,
    pub endpoint: String,
    pub api_base: String,
    /// Salted SHA-256 prefix of appid and secret: a changed secret is a miss.
    pub secret_fingerprint: String,
    pub access_token: String,
    /// Absolute unix time the token expires.
    pub expires_at: u64,
    /// Absolute unix time it was fetched.
    pub fetched_at: u64,
    /// The same in milliseconds: tells a rotation that finished while a run waited.
    #[serde(default)]
    pub fetched_at_ms: u64,
}

impl Entry {
    /// Seconds left, 0 when expired.
    pub fn remaining(&self, now: u64) -> u64 {
        self.expires_at.saturating_sub(now)
    }

    /// Why this entry cannot be trusted, if it cannot: checked like a network answer.
    fn problem(&self) -> Option<String> {
        if self.format != FORMAT {
            return Some(format!("format {} is not {FORMAT}", self.format));
        }
        if let Some(why) = token_problem(&self.access_token) {
            return Some(why.to_string());
        }
        if Endpoint::from_name(&self.endpoint).is_none() {
            return Some("unknown endpoint".into());
        }
        let lifetime = self.expires_at.checked_sub(self.fetched_at);
        match lifetime {
            None => Some("it expires before it was fetched".into()),
            Some(n) if n > MAX_EXPIRES_IN => expires_in_problem(n),
            Some(_) if self.fetched_at > time::now_unix() + MAX_EXPIRES_IN => {
                Some("it was fetched in the future".into())
            }
            Some(_) => None,
        }
    }
}

/// Where the cache lives: `--cache-dir`, else `WXTOKEN_CACHE_DIR`, else
/// `$XDG_CACHE_HOME/wxtoken`, else `~/.cache/wxtoken`.
pub fn resolve_dir(flag: Option<&Path>, env: impl Fn(&str) -> Option<String>) -> Option<PathBuf> {
    let non_empty = |name: &str| env(name).filter(|v| !v.is_empty());
    if let Some(dir) = flag {
        return Some(dir.to_path_buf());
    }
    if let Some(dir) = non_empty("WXTOKEN_CACHE_DIR") {
        return Some(PathBuf::from(dir));
    }
    if let Some(xdg) = non_empty("XDG_CACHE_HOME").filter(|d| Path::new(d).is_absolute()) {
        return Some(Path::new(&xdg).join("wxtoken"));
    }
    non_empty("HOME").map(|home| Path::new(&home).join(".cache").join("wxtoken"))
}

/// Why there is no cache location (nothing set that [`resolve_dir`] reads).
pub fn no_dir_message(lang: crate::lang::Lang) -> &'static str {
    lang.pick(
        "no cache directory: set --cache-dir, WXTOKEN_CACHE_DIR, XDG_CACHE_HOME or HOME",
        "没有缓存目录：请设置 --cache-dir、WXTOKEN_CACHE_DIR、XDG_CACHE_HOME 或 HOME",
    )
}

fn sha256_hex(parts: &[&str]) -> String {
    let mut ctx = ring::digest::Context::new(&ring::digest::SHA256);
    for p in parts {
        ctx.update(p.as_bytes());
        ctx.update(b"\0");
    }
    ctx.finish()
        .as_ref()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The fingerprint kept in an entry: 16 hex digits of a salted SHA-256 of appid and secret.
pub fn fingerprint(appid: &str, secret: &str) -> String {
    sha256_hex(&["wxtoken cache v1", appid, secret])[..16].to_string()
}

fn is_plain_appid(appid: &str) -> bool {
    !appid.is_empty()
        && appid.len() <= 64
        && appid
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
}

/// The file name of an entry: readable where the appid is plain, never anything secret.
fn entry_name(appid: &str, endpoint: &str, api_base: &str) -> String {
    let who = if is_plain_appid(appid) {
        appid.to_string()
    } else {
        sha256_hex(&["appid", appid])[..16].to_string()
    };
    let base = &sha256_hex(&["api-base", api_base])[..8];
    format!("{who}.{endpoint}.{base}.json")
}

/// Whether `name` has the shape of an entry name (the content is checked separately).
fn is_entry_name(name: &str) -> bool {
    let Some(stem) = name.strip_suffix(".json") else {
        return false;
    };
    let parts: Vec<&str> = stem.split('.').collect();
    matches!(parts.as_slice(), [who, endpoint, base]
        if is_plain_appid(who)
            && Endpoint::from_name(endpoint).is_some()
            && base.len() == 8
            && base.bytes().all(|b| b.is_ascii_hexdigit()))
}

fn lock_name(entry: &str) -> String {
    format!("{entry}.lock")
}

fn failure_name(entry: &str) -> String {
    format!("{entry}.failed")
}

fn temp_name(target: &str) -> String {
    format!(
        ".{target}.{}.{}.tmp",
        std::process::id(),
        time::now_unix_ms() % 1_000_000_000
    )
}

/// Of a temp file's name: the pid that wrote it, when the name is one of ours
/// (`.TARGET.PID.NONCE.tmp`, or `.TARGET.PID.tmp` as older versions wrote them).
fn temp_owner(name: &str) -> Option<u32> {
    let stem = name.strip_prefix('.')?.strip_suffix(".tmp")?;
    let ours = |target: &str| {
        target == TAG_NAME
            || is_entry_name(target)
            || target.strip_suffix(".failed").is_some_and(is_entry_name)
    };
    let mut parts = stem.rsplitn(3, '.');
    if let (Some(_nonce), Some(pid), Some(target)) = (parts.next(), parts.next(), parts.next())
        && ours(target)
    {
        return pid.parse().ok();
    }
    let (target, pid) = stem.rsplit_once('.')?;
    if ours(target) { pid.parse().ok() } else { None }
}

/// Whether `name` is one of wxtoken's files (tag, entry, lock, failure record, temp file).
fn is_our_name(name: &str) -> bool {
    name == TAG_NAME
        || is_entry_name(name)
        || name.strip_suffix(".lock").is_some_and(is_entry_name)
        || name.strip_suffix(".failed").is_some_and(is_entry_name)
        || temp_owner(name).is_some()
}

/// Why the cache cannot be used: a sentence naming the path, and how to fix it.
#[derive(Debug, Clone)]
pub struct Unusable {
    pub message: String,
    pub hint: String,
}

impl Unusable {
    fn new(dir: &Path, refusal: &Refusal) -> Unusable {
        let shown = sanitize(&dir.display().to_string());
        let hint = match refusal {
            Refusal::Owner(_) | Refusal::Writable(_) => format!(
                "use a directory only you can write to: chmod go-w {shown}, or pass another --cache-dir"
            ),
            Refusal::Symlink => {
                "pass the real directory with --cache-dir, not a symbolic link to it".into()
            }
            _ => "pass a usable directory with --cache-dir (or WXTOKEN_CACHE_DIR)".into(),
        };
        Unusable {
            message: format!(
                "the cache directory {shown} cannot be used safely: {}",
                refusal.reason()
            ),
            hint,
        }
    }

    /// As a failure: exit 11, the store cannot be used.
    pub fn into_failure(self) -> Failure {
        Failure::store(self.message, false).with_hint(self.hint)
    }
}

/// A warning about one file of the cache (the run goes on).
#[derive(Debug)]
pub struct CacheWarning(pub String);

fn warning(what: &str, path: &Path, why: &str) -> CacheWarning {
    CacheWarning(format!(
        "{what} {}: {why}",
        sanitize(&path.display().to_string())
    ))
}

/// What a cache lookup is for.
pub struct Key<'a> {
    pub appid: &'a str,
    pub endpoint: Endpoint,
    pub api_base: &'a str,
    pub fingerprint: String,
}

impl Key<'_> {
    fn name(&self) -> String {
        entry_name(self.appid, self.endpoint.name(), self.api_base)
    }

    fn matches(&self, entry: &Entry) -> bool {
        entry.appid == self.appid
            && entry.endpoint == self.endpoint.name()
            && entry.api_base == self.api_base
            && entry.secret_fingerprint == self.fingerprint
    }

    /// Whether `entry` may be served: same key and secret, not expired, and either at least
    /// `min_ttl` seconds left or `fresh` (stored by another invocation while this one waited).
    pub fn serves(&self, entry: &Entry, now: u64, min_ttl: u64, fresh: bool) -> bool {
        let left = entry.remaining(now);
        self.matches(entry) && left > 0 && (left >= min_ttl || fresh)
    }

    /// Whether `entry` is a token of this key fetched at or after `since_ms`.
    pub fn fetched_since(&self, entry: &Entry, since_ms: u64) -> bool {
        self.matches(entry)
            && entry.fetched_at_ms >= since_ms
            && entry.remaining(time::now_unix()) > 0
    }

    pub fn entry(&self, access_token: &str, expires_in: u64) -> Entry {
        let now_ms = time::now_unix_ms();
        let now = now_ms / 1000;
        Entry {
            format: FORMAT,
            appid: self.appid.to_string(),
            endpoint: self.endpoint.name().to_string(),
            api_base: self.api_base.to_string(),
            secret_fingerprint: self.fingerprint.clone(),
            access_token: access_token.to_string(),
            expires_at: now.saturating_add(expires_in.min(MAX_EXPIRES_IN)),
            fetched_at: now,
            fetched_at_ms: now_ms,
        }
    }
}

/// A failure that a lock holder left for the runs that waited on it.
#[derive(Debug, Serialize, Deserialize)]
struct FailureRecord {
    format: u32,
    secret_fingerprint: String,
    written_at_ms: u64,
    /// The failure's JSON document, masked.
    document: Value,
}

/// A held entry lock; released when dropped.
pub struct Lock {
    _file: File,
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
}

impl Cache {
    /// The directory for `fetch`: created 0700 and tagged when missing; otherwise it must be
    /// this user's, writable by nobody else, not a link, and either tagged by wxtoken or holding
    /// nothing but wxtoken's files (then it is tagged now).
    pub fn open(dir: PathBuf) -> Result<Cache, Unusable> {
        let created = safe_fs::create_private_dir(&dir).map_err(|e| Unusable {
            message: format!(
                "cannot create the cache directory {}: {}",
                sanitize(&dir.display().to_string()),
                crate::error::io_reason(&e)
            ),
            hint: "pass a usable directory with --cache-dir (or WXTOKEN_CACHE_DIR)".into(),
        })?;
        safe_fs::check_private_dir(&dir).map_err(|r| Unusable::new(&dir, &r))?;
        let cache = Cache { dir };
        if created || !cache.is_tagged() {
            cache.adopt()?;
        }
        Ok(cache)
    }

    /// The directory for `cache list` and `cache clear`: `None` when it does not exist. It must
    /// pass the same checks and carry wxtoken's tag.
    pub fn open_existing(dir: PathBuf) -> Result<Option<Cache>, Unusable> {
        match safe_fs::check_private_dir(&dir) {
            Err(r) if r.is_not_found() => return Ok(None),
            Err(r) => return Err(Unusable::new(&dir, &r)),
            Ok(()) => {}
        }
        let cache = Cache { dir };
        if !cache.is_tagged() {
            return Err(Unusable {
                message: format!(
                    "{} is not a wxtoken cache directory (it has no CACHEDIR.TAG written by wxtoken); nothing in it was touched",
                    sanitize(&cache.dir.display().to_string())
                ),
                hint: "check --cache-dir; wxtoken fetch --cache tags the directory it uses".into(),
            });
        }
        Ok(Some(cache))
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    fn path_of(&self, name: &str) -> PathBuf {
        self.dir.join(name)
    }

    /// Where the entry of `key` lives (for `-v`).
    pub fn entry_path(&self, key: &Key) -> PathBuf {
        self.path_of(&key.name())
    }

    fn is_tagged(&self) -> bool {
        safe_fs::read_private(&self.path_of(TAG_NAME), 4096).is_ok_and(|t| {
            let t = String::from_utf8_lossy(&t);
            t.starts_with(TAG_SIGNATURE) && t.contains("created by wxtoken")
        })
    }

    /// Tag a directory that holds nothing but wxtoken's files.
    fn adopt(&self) -> Result<(), Unusable> {
        let shown = sanitize(&self.dir.display().to_string());
        let names =
            fs::read_dir(&self.dir).map_err(|e| Unusable::new(&self.dir, &Refusal::Io(e)))?;
        for entry in names.flatten() {
            let name = entry.file_name().to_string_lossy().to_string();
            if !is_our_name(&name) {
                return Err(Unusable {
                    message: format!(
                        "{shown} is not a wxtoken cache directory: it holds other files ({}) and no CACHEDIR.TAG of wxtoken",
                        sanitize(&name)
                    ),
                    hint: "pass an empty or new directory with --cache-dir".into(),
                });
            }
        }
        safe_fs::write_atomic(
            &self.dir,
            &temp_name(TAG_NAME),
            TAG_NAME,
            TAG.as_bytes(),
            0o644,
        )
        .map_err(|e| Unusable::new(&self.dir, &Refusal::Io(e)))
    }

    /// Read the entry of `key`. `Ok(None)`: there is none. `Err`: it exists but is unusable.
    pub fn read(&self, key: &Key) -> Result<Option<Entry>, CacheWarning> {
        self.read_entry(&key.name())
    }

    fn read_entry(&self, name: &str) -> Result<Option<Entry>, CacheWarning> {
        let path = self.path_of(name);
        let bytes = match safe_fs::read_private(&path, MAX_FILE) {
            Ok(b) => b,
            Err(r) if r.is_not_found() => return Ok(None),
            Err(r) => {
                return Err(warning("ignoring the cache entry", &path, &r.reason()));
            }
        };
        let entry: Entry = serde_json::from_slice(&bytes)
            .map_err(|_| warning("ignoring the corrupt cache entry", &path, "not an entry"))?;
        if let Some(why) = entry.problem() {
            return Err(warning("ignoring the corrupt cache entry", &path, &why));
        }
        if entry_name(&entry.appid, &entry.endpoint, &entry.api_base) != name {
            return Err(warning(
                "ignoring the cache entry",
                &path,
                "its content does not match its name",
            ));
        }
        Ok(Some(entry))
    }

    /// Take the entry's lock, waiting at most `wait`. `Ok(None)` when the wait ran out.
    pub fn lock(&self, key: &Key, wait: Duration) -> Result<Option<Lock>, CacheWarning> {
        self.lock_name(&lock_name(&key.name()), Some(wait))
    }

    /// The lock at `name`; `wait` None: a single try. A lock file that was removed and created
    /// anew while this run waited is another lock: take that one instead.
    fn lock_name(&self, name: &str, wait: Option<Duration>) -> Result<Option<Lock>, CacheWarning> {
        let path = self.path_of(name);
        let deadline = wait.map(|w| Instant::now() + w);
        loop {
            let file = safe_fs::open_lock(&path)
                .map_err(|r| warning("cannot use the lock file", &path, &r.reason()))?;
            loop {
                match file.try_lock() {
                    Ok(()) => break,
                    Err(TryLockError::WouldBlock)
                        if deadline.is_some_and(|d| Instant::now() < d) =>
                    {
                        std::thread::sleep(Duration::from_millis(10));
                    }
                    Err(TryLockError::WouldBlock) => return Ok(None),
                    Err(TryLockError::Error(e)) => {
                        return Err(warning("cannot lock", &path, &crate::error::io_reason(&e)));
                    }
                }
            }
            if safe_fs::same_file(&file, &path) {
                return Ok(Some(Lock { _file: file }));
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
                0o600,
            )
        })
        .map_err(|e| {
            warning(
                "cannot write",
                &self.path_of(&name),
                &crate::error::io_reason(&e),
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
            document: crate::output::redact_json(&failure.to_json_document()),
        };
        let text = serde_json::to_vec(&record).map_err(io::Error::other);
        text.and_then(|t| safe_fs::write_atomic(&self.dir, &temp_name(&name), &name, &t, 0o600))
            .map_err(|e| {
                warning(
                    "cannot write",
                    &self.path_of(&name),
                    &crate::error::io_reason(&e),
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
        Failure::from_json_document(&record.document)
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
                    done.warnings
                        .push(CacheWarning(format!("{}; not removed", w.0)));
                    continue;
                }
            };
            if appid.is_some_and(|want| want != entry.appid) {
                continue;
            }
            let lock = lock_name(name);
            match self.lock_name(&lock, None) {
                Ok(Some(held)) => {
                    for file in [name.clone(), failure_name(name), lock] {
                        if let Err(e) = safe_fs::remove_own_file(&self.path_of(&file)) {
                            done.warnings.push(warning(
                                "cannot remove",
                                &self.path_of(&file),
                                &crate::error::io_reason(&e),
                            ));
                        } else if file == *name {
                            done.removed += 1;
                        }
                    }
                    drop(held);
                }
                Ok(None) => done.warnings.push(warning(
                    "a running wxtoken holds the lock of",
                    &path,
                    "left in place",
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
        for name in names {
            if let Some(entry) = name.strip_suffix(".lock").filter(|e| is_entry_name(e)) {
                if self.path_of(entry).exists() {
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

/// Seconds as `1h 23m 45s`.
pub fn human_duration(secs: u64) -> String {
    let (h, m, s) = (secs / 3600, secs % 3600 / 60, secs % 60);
    match (h, m) {
        (0, 0) => format!("{s}s"),
        (0, _) => format!("{m}m {s:02}s"),
        _ => format!("{h}h {m:02}m {s:02}s"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::env_of as env;

    #[test]
    fn directory_order() {
        let all = env(&[
            ("WXTOKEN_CACHE_DIR", "/w"),
            ("XDG_CACHE_HOME", "/x"),
            ("HOME", "/h"),
        ]);
        assert_eq!(
            resolve_dir(Some(Path::new("/f")), &all),
            Some(PathBuf::from("/f"))
        );
        assert_eq!(resolve_dir(None, &all), Some(PathBuf::from("/w")));
        assert_eq!(
            resolve_dir(None, env(&[("XDG_CACHE_HOME", "/x"), ("HOME", "/h")])),
            Some(PathBuf::from("/x/wxtoken"))
        );
        assert_eq!(
            resolve_dir(None, env(&[("XDG_CACHE_HOME", "relative"), ("HOME", "/h")])),
            Some(PathBuf::from("/h/.cache/wxtoken"))
        );
        assert_eq!(resolve_dir(None, env(&[])), None);
    }

    #[test]
    fn names_and_fingerprints_hide_the_secret() {
        let secret = "0123456789abcdef0123456789abcdef";
        let fp = fingerprint("wx0123456789abcdef", secret);
        assert_eq!(fp.len(), 16);
        assert!(!secret.contains(&fp));
        assert_ne!(fp, fingerprint("wx0123456789abcdef", "other"));
        let name = entry_name(
            "wx0123456789abcdef",
            "stable_token",
            "https://api.weixin.qq.com",
        );
        assert!(
            name.starts_with("wx0123456789abcdef.stable_token."),
            "{name}"
        );
        assert!(is_entry_name(&name));
        assert_ne!(
            name,
            entry_name("wx0123456789abcdef", "stable_token", "http://127.0.0.1:1")
        );
        let odd = entry_name("../etc/passwd", "token", "x");
        assert!(!odd.contains('/') && is_entry_name(&odd), "{odd}");
    }

    #[test]
    fn only_our_names_are_ours() {
        let entry = entry_name("wx0123456789abcdef", "token", "b");
        for ours in [
            entry.clone(),
            format!("{entry}.lock"),
            format!("{entry}.failed"),
            format!(".{entry}.123.456.tmp"),
            format!(".{entry}.failed.123.456.tmp"),
            "CACHEDIR.TAG".to_string(),
        ] {
            assert!(is_our_name(&ours), "{ours}");
        }
        for theirs in [
            "package.json",
            "tsconfig.json",
            "a.token.12345678.json.bak",
            "wx1.token.1234567.json",
            "wx1.other.12345678.json",
            ".package.json.1.2.tmp",
            "notes.lock",
        ] {
            assert!(!is_our_name(theirs), "{theirs}");
        }
        assert_eq!(temp_owner(&format!(".{entry}.123.456.tmp")), Some(123));
        assert_eq!(temp_owner(&format!(".{entry}.99999.tmp")), Some(99999));
    }

    #[test]
    fn what_a_key_serves() {
        let key = Key {
            appid: "wx1",
            endpoint: Endpoint::Token,
            api_base: "b",
            fingerprint: "f".into(),
        };
        let mut e = key.entry("T", 1000);
        let now = e.fetched_at;
        assert!(key.serves(&e, now, 300, false));
        assert!(key.serves(&e, now + 700, 300, false));
        assert!(
            !key.serves(&e, now + 701, 300, false),
            "less than min-ttl left"
        );
        assert!(
            key.serves(&e, now + 701, 300, true),
            "fetched while we waited"
        );
        assert!(
            !key.serves(&e, now + 1000, 300, true),
            "expired is never served"
        );
        let other = Key {
            fingerprint: "g".into(),
            ..key
        };
        assert!(!other.serves(&e, now, 300, true), "changed secret");
        assert!(e.problem().is_none());
        e.expires_at = u64::MAX;
        assert!(e.problem().is_some(), "a lifetime over a day is not served");
        e.expires_at = e.fetched_at + 10;
        e.access_token = "a\u{1b}[31m".into();
        assert!(e.problem().is_some(), "control characters");
    }

    #[test]
    fn durations() {
        assert_eq!(human_duration(5), "5s");
        assert_eq!(human_duration(65), "1m 05s");
        assert_eq!(human_duration(7199), "1h 59m 59s");
    }
}
