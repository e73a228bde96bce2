//! The opt-in local token cache: one JSON entry per (appid, endpoint, api-base), shared by
//! concurrent invocations under an OS file lock, written atomically, never holding the secret.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use serde::{Deserialize, Serialize};

use crate::wechat::Endpoint;

const FORMAT: u32 = 1;

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
}

impl Entry {
    /// Seconds left, 0 when expired.
    pub fn remaining(&self, now: u64) -> u64 {
        self.expires_at.saturating_sub(now)
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

/// The file name of an entry: readable where the appid is plain, never anything secret.
pub fn file_name(appid: &str, endpoint: Endpoint, api_base: &str) -> String {
    let plain = !appid.is_empty()
        && appid.len() <= 64
        && appid
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-');
    let who = if plain {
        appid.to_string()
    } else {
        sha256_hex(&["appid", appid])[..16].to_string()
    };
    let base = &sha256_hex(&["api-base", api_base])[..8];
    format!("{who}.{}.{base}.json", endpoint.name())
}

/// Why the cache could not be used (a warning, never a failure).
#[derive(Debug)]
pub struct CacheWarning(pub String);

/// The cache directory, created 0700 if missing.
pub struct Cache {
    pub dir: PathBuf,
}

impl Cache {
    pub fn open(dir: PathBuf) -> Result<Cache, CacheWarning> {
        if !dir.is_dir() {
            fs::DirBuilder::new()
                .recursive(true)
                .mode(0o700)
                .create(&dir)
                .map_err(|e| {
                    CacheWarning(format!(
                        "cannot create the cache directory {}: {}",
                        crate::output::sanitize(&dir.display().to_string()),
                        crate::credentials::io_reason(&e)
                    ))
                })?;
        }
        Ok(Cache { dir })
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    pub fn path_of(&self, name: &str) -> PathBuf {
        self.dir.join(name)
    }

    /// Read an entry. `Ok(None)`: there is none. `Err`: it exists but is unusable.
    pub fn read(&self, name: &str) -> Result<Option<Entry>, CacheWarning> {
        read_entry(&self.path_of(name))
    }

    /// Take the entry's lock, waiting at most `wait`. `Ok(None)` when the wait ran out.
    pub fn lock(&self, name: &str, wait: Duration) -> Result<Option<File>, CacheWarning> {
        let path = self.path_of(&format!("{name}.lock"));
        let file = OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .mode(0o600)
            .open(&path)
            .map_err(|e| self.warning("cannot open the lock file", &path, &e))?;
        let deadline = Instant::now() + wait;
        loop {
            match file.try_lock() {
                Ok(()) => return Ok(Some(file)),
                Err(fs::TryLockError::WouldBlock) if Instant::now() < deadline => {
                    std::thread::sleep(Duration::from_millis(10));
                }
                Err(fs::TryLockError::WouldBlock) => return Ok(None),
                Err(fs::TryLockError::Error(e)) => {
                    return Err(self.warning("cannot lock", &path, &e));
                }
            }
        }
    }

    /// Write an entry atomically: a temp file in the same directory, fsync, rename, fsync the
    /// directory. A reader sees the old entry or the new one, never half of one.
    pub fn write(&self, name: &str, entry: &Entry) -> Result<(), CacheWarning> {
        let path = self.path_of(name);
        let tmp = self.path_of(&format!(".{name}.{}.tmp", std::process::id()));
        let result = (|| {
            let mut f = OpenOptions::new()
                .write(true)
                .create_new(true)
                .mode(0o600)
                .open(&tmp)?;
            let text = serde_json::to_string_pretty(entry).map_err(io::Error::other)?;
            f.write_all(text.as_bytes())?;
            f.write_all(b"\n")?;
            f.sync_all()?;
            fs::rename(&tmp, &path)?;
            File::open(&self.dir)?.sync_all()
        })();
        result.map_err(|e| {
            let _ = fs::remove_file(&tmp);
            self.warning("cannot write", &path, &e)
        })
    }

    /// Every entry file (not locks, not temp files), sorted by name.
    pub fn entry_files(&self) -> io::Result<Vec<PathBuf>> {
        let mut files: Vec<PathBuf> = fs::read_dir(&self.dir)?
            .filter_map(|e| e.ok())
            .map(|e| e.path())
            .filter(|p| {
                let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
                name.ends_with(".json") && !name.starts_with('.')
            })
            .collect();
        files.sort();
        Ok(files)
    }

    fn warning(&self, what: &str, path: &Path, e: &io::Error) -> CacheWarning {
        CacheWarning(format!(
            "{what} {}: {}",
            crate::output::sanitize(&path.display().to_string()),
            crate::credentials::io_reason(e)
        ))
    }
}

pub fn read_entry(path: &Path) -> Result<Option<Entry>, CacheWarning> {
    let shown = || crate::output::sanitize(&path.display().to_string());
    let text = match fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(e) => {
            return Err(CacheWarning(format!(
                "cannot read the cache entry {}: {}",
                shown(),
                crate::credentials::io_reason(&e)
            )));
        }
    };
    match serde_json::from_str::<Entry>(&text) {
        Ok(entry) if entry.format == FORMAT && !entry.access_token.is_empty() => Ok(Some(entry)),
        _ => Err(CacheWarning(format!(
            "the cache entry {} is corrupt; ignoring it",
            shown()
        ))),
    }
}

/// What a cache lookup is for.
pub struct Key<'a> {
    pub appid: &'a str,
    pub endpoint: Endpoint,
    pub api_base: &'a str,
    pub fingerprint: String,
}

impl Key<'_> {
    pub fn file_name(&self) -> String {
        file_name(self.appid, self.endpoint, self.api_base)
    }

    /// Whether `entry` may be served: same key and secret, not expired, and either at least
    /// `min_ttl` seconds left or `fresh` (stored by another invocation while this one waited).
    pub fn serves(&self, entry: &Entry, now: u64, min_ttl: u64, fresh: bool) -> bool {
        let same = entry.appid == self.appid
            && entry.endpoint == self.endpoint.name()
            && entry.api_base == self.api_base
            && entry.secret_fingerprint == self.fingerprint;
        let left = entry.remaining(now);
        same && left > 0 && (left >= min_ttl || fresh)
    }

    pub fn entry(&self, access_token: &str, expires_in: u64, now: u64) -> Entry {
        Entry {
            format: FORMAT,
            appid: self.appid.to_string(),
            endpoint: self.endpoint.name().to_string(),
            api_base: self.api_base.to_string(),
            secret_fingerprint: self.fingerprint.clone(),
            access_token: access_token.to_string(),
            expires_at: now.saturating_add(expires_in),
            fetched_at: now,
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
        let name = file_name(
            "wx0123456789abcdef",
            Endpoint::StableToken,
            "https://api.weixin.qq.com",
        );
        assert!(
            name.starts_with("wx0123456789abcdef.stable_token."),
            "{name}"
        );
        assert_ne!(
            name,
            file_name(
                "wx0123456789abcdef",
                Endpoint::StableToken,
                "http://127.0.0.1:1"
            )
        );
        assert!(!file_name("../etc/passwd", Endpoint::Token, "x").contains('/'));
    }

    #[test]
    fn what_a_key_serves() {
        let key = Key {
            appid: "wx1",
            endpoint: Endpoint::Token,
            api_base: "b",
            fingerprint: "f".into(),
        };
        let e = key.entry("T", 1000, 10_000);
        assert!(key.serves(&e, 10_000, 300, false));
        assert!(key.serves(&e, 10_700, 300, false));
        assert!(
            !key.serves(&e, 10_701, 300, false),
            "less than min-ttl left"
        );
        assert!(key.serves(&e, 10_701, 300, true), "fetched while we waited");
        assert!(
            !key.serves(&e, 11_000, 300, true),
            "expired is never served"
        );
        let other = Key {
            fingerprint: "g".into(),
            ..key
        };
        assert!(!other.serves(&e, 10_000, 300, true), "changed secret");
    }

    #[test]
    fn durations() {
        assert_eq!(human_duration(5), "5s");
        assert_eq!(human_duration(65), "1m 05s");
        assert_eq!(human_duration(7199), "1h 59m 59s");
    }
}
