//! The on-disk layout of the cache: the directory's tag, and the names of entries, locks,
//! failure records and temp files. Known here and nowhere else.

use std::path::{Path, PathBuf};

use crate::platform::Endpoint;
use crate::time;

pub(super) const TAG_NAME: &str = "CACHEDIR.TAG";
pub(super) const TAG_SIGNATURE: &str = "Signature: 8a477f597d28d172789f06886806bc55";
pub(super) const TAG: &str = "Signature: 8a477f597d28d172789f06886806bc55\n\
# This file is a cache directory tag created by wxtoken.\n\
# For information about cache directory tags, see https://bford.info/cachedir/\n";

pub(super) fn sha256_hex(parts: &[&str]) -> String {
    let mut ctx = ring::digest::Context::new(&ring::digest::SHA256);
    for p in parts {
        ctx.update(p.as_bytes());
        ctx.update(b"\0");
    }
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let digest = ctx.finish();
    let mut out = String::with_capacity(64);
    for b in digest.as_ref() {
        out.push(HEX[usize::from(b >> 4)] as char);
        out.push(HEX[usize::from(b & 15)] as char);
    }
    out
}

/// The fingerprint kept in an entry: 16 hex digits of a salted SHA-256 of appid and secret.
fn is_plain_appid(appid: &str) -> bool {
    !appid.is_empty()
        && appid.len() <= 64
        && appid
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
        // A value that may be a swapped secret is hashed, never written into a name.
        && !crate::wechat::credentials::id_may_be_a_secret(appid)
}

/// The file name of an entry: readable where the appid is plain, never anything secret.
/// The appid as it appears in file names: as is where it is plain, else hashed.
fn who(appid: &str) -> String {
    if is_plain_appid(appid) {
        appid.to_string()
    } else {
        sha256_hex(&["appid", appid])[..16].to_string()
    }
}

/// Whether what `endpoint` gives belongs to one app of a WeChat Work corp (its token, and the
/// tickets fetched with that token): then the app, not the corp, names the entry and the lock.
fn per_app(endpoint: &str) -> bool {
    Endpoint::from_name(endpoint).is_some_and(|e| e.platform() == crate::platform::Platform::Wecom)
}

/// WeChat Work's tokens belong to one app of a corp, and the secret tells the apps apart: for
/// `gettoken` the fingerprint of the secret is part of the name, so that two apps of one corp
/// never share or overwrite each other's entry.
pub(super) fn entry_name(appid: &str, endpoint: &str, api_base: &str, fingerprint: &str) -> String {
    let who = who(appid);
    let per_app = if per_app(endpoint) { fingerprint } else { "" };
    let base = &sha256_hex(&["api-base", api_base, per_app])[..8];
    format!("{who}.{endpoint}.{base}.json")
}

/// Whether `name` has the shape of an entry name (the content is checked separately).
pub(super) fn is_entry_name(name: &str) -> bool {
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

/// The lock of a token: per appid and endpoint (and app, for WeChat Work), not per API base, so
/// that runs going direct and runs going through a gateway still make one fetch between them.
pub(super) fn lock_name(appid: &str, endpoint: &str, fingerprint: &str) -> String {
    let who = who(appid);
    if per_app(endpoint) {
        let app = fingerprint.get(..8).unwrap_or(fingerprint);
        format!("{who}.{endpoint}.{app}.lock")
    } else {
        format!("{who}.{endpoint}.lock")
    }
}

/// Whether `name` has the shape of a lock's name.
pub(super) fn is_lock_name(name: &str) -> bool {
    let Some(stem) = name.strip_suffix(".lock") else {
        return false;
    };
    let parts: Vec<&str> = stem.split('.').collect();
    match parts.as_slice() {
        [who, endpoint] => {
            is_plain_appid(who) && !per_app(endpoint) && Endpoint::from_name(endpoint).is_some()
        }
        [who, endpoint, app] if per_app(endpoint) => {
            is_plain_appid(who) && app.len() == 8 && app.bytes().all(|b| b.is_ascii_hexdigit())
        }
        _ => false,
    }
}

pub(super) fn failure_name(entry: &str) -> String {
    format!("{entry}.failed")
}

pub(super) fn temp_name(target: &str) -> String {
    format!(
        ".{target}.{}.{}.tmp",
        std::process::id(),
        time::now_unix_ms() % 1_000_000_000
    )
}

/// Of a temp file's name: the pid that wrote it, when the name is one of ours
/// (`.TARGET.PID.NONCE.tmp`, or `.TARGET.PID.tmp` as older versions wrote them).
pub(super) fn temp_owner(name: &str) -> Option<u32> {
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
pub(super) fn is_our_name(name: &str) -> bool {
    name == TAG_NAME
        || is_entry_name(name)
        || is_lock_name(name)
        || name.strip_suffix(".lock").is_some_and(is_entry_name)
        || name.strip_suffix(".failed").is_some_and(is_entry_name)
        || temp_owner(name).is_some()
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::env_of as env;

    #[test]
    fn names_and_fingerprints_hide_the_secret() {
        let secret = "0123456789abcdef0123456789abcdef";
        let fp = super::super::fingerprint("wx0123456789abcdef", secret);
        assert_eq!(fp.len(), 16);
        assert!(!secret.contains(&fp));
        assert_ne!(fp, super::super::fingerprint("wx0123456789abcdef", "other"));
        let name = entry_name(
            "wx0123456789abcdef",
            "stable_token",
            "https://api.weixin.qq.com",
            "",
        );
        assert!(
            name.starts_with("wx0123456789abcdef.stable_token."),
            "{name}"
        );
        assert!(is_entry_name(&name));
        assert_ne!(
            name,
            entry_name(
                "wx0123456789abcdef",
                "stable_token",
                "http://127.0.0.1:1",
                ""
            )
        );
        let odd = entry_name("../etc/passwd", "token", "x", "");
        assert!(!odd.contains('/') && is_entry_name(&odd), "{odd}");
        // Two apps of one corp: two entries.
        let app = |fp| entry_name("ww0123456789abcdef", "gettoken", "b", fp);
        assert_ne!(app("1111111111111111"), app("2222222222222222"));
        assert!(is_entry_name(&app("1111111111111111")));
    }

    #[test]
    fn only_our_names_are_ours() {
        let entry = entry_name("wx0123456789abcdef", "token", "b", "");
        for ours in [
            entry.clone(),
            "wx0123456789abcdef.token.lock".to_string(),
            "ww0123456789abcdef.gettoken.0123abcd.lock".to_string(),
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
}
