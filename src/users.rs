//! Users and groups by name (the system's databases, through libc): what a message names, and
//! what `--cache-owner` accepts.

use std::ffi::{CStr, CString};

/// A buffer size for the `*_r` lookups, grown on ERANGE up to this.
const MAX_BUF: usize = 1 << 20;

/// Call a `get*_r` lookup with a buffer, grown on ERANGE: `f` returns its status and whether an
/// entry was found.
fn lookup(mut f: impl FnMut(&mut [u8]) -> (i32, bool)) -> bool {
    let mut buf = vec![0u8; 1024];
    loop {
        let (rc, found) = f(&mut buf);
        if rc == libc::ERANGE && buf.len() < MAX_BUF {
            buf.resize(buf.len() * 2, 0);
            continue;
        }
        return rc == 0 && found;
    }
}

/// The name of user `uid`, if the system knows one.
pub fn user_name(uid: u32) -> Option<String> {
    let mut name = None;
    lookup(|buf| {
        // SAFETY: plain C structs filled by getpwuid_r into `buf`; the name is read before
        // `buf` is reused.
        let mut pwd: libc::passwd = unsafe { std::mem::zeroed() };
        let mut entry: *mut libc::passwd = std::ptr::null_mut();
        let rc = unsafe {
            libc::getpwuid_r(
                uid,
                &mut pwd,
                buf.as_mut_ptr().cast(),
                buf.len(),
                &mut entry,
            )
        };
        if rc == 0 && !entry.is_null() {
            // SAFETY: a found entry's pw_name is a NUL-terminated string in `buf`.
            name = Some(
                unsafe { CStr::from_ptr(pwd.pw_name) }
                    .to_string_lossy()
                    .into_owned(),
            );
        }
        (rc, !entry.is_null())
    });
    name
}

/// The uid of the user named `name` (or a number, taken as a uid).
pub fn uid_named(name: &str) -> Option<u32> {
    if let Ok(uid) = name.parse::<u32>() {
        return Some(uid);
    }
    let c = CString::new(name).ok()?;
    let mut uid = None;
    lookup(|buf| {
        // SAFETY: as in `user_name`, for getpwnam_r.
        let mut pwd: libc::passwd = unsafe { std::mem::zeroed() };
        let mut entry: *mut libc::passwd = std::ptr::null_mut();
        let rc = unsafe {
            libc::getpwnam_r(
                c.as_ptr(),
                &mut pwd,
                buf.as_mut_ptr().cast(),
                buf.len(),
                &mut entry,
            )
        };
        if rc == 0 && !entry.is_null() {
            uid = Some(pwd.pw_uid);
        }
        (rc, !entry.is_null())
    });
    uid
}

/// The name of group `gid`, if the system knows one.
pub fn group_name(gid: u32) -> Option<String> {
    let mut name = None;
    lookup(|buf| {
        // SAFETY: as in `user_name`, for getgrgid_r.
        let mut grp: libc::group = unsafe { std::mem::zeroed() };
        let mut entry: *mut libc::group = std::ptr::null_mut();
        let rc = unsafe {
            libc::getgrgid_r(
                gid,
                &mut grp,
                buf.as_mut_ptr().cast(),
                buf.len(),
                &mut entry,
            )
        };
        if rc == 0 && !entry.is_null() {
            // SAFETY: a found entry's gr_name is a NUL-terminated string in `buf`.
            name = Some(
                unsafe { CStr::from_ptr(grp.gr_name) }
                    .to_string_lossy()
                    .into_owned(),
            );
        }
        (rc, !entry.is_null())
    });
    name
}

/// Whether this process is in group `gid` (its effective group or a supplementary one).
pub fn in_group(gid: u32) -> bool {
    use rustix::process::{Gid, getegid, getgroups};
    let gid = Gid::from_raw(gid);
    getegid() == gid || getgroups().is_ok_and(|groups| groups.contains(&gid))
}

/// `name (uid N)`, or `uid N` for a user the system does not name; escaped.
pub fn describe_user(uid: u32) -> String {
    match user_name(uid) {
        Some(name) => format!("{} (uid {uid})", crate::redact::sanitize(&name)),
        None => format!("uid {uid}"),
    }
}

/// A group's name, or `gid N`; escaped.
pub fn describe_group(gid: u32) -> String {
    match group_name(gid) {
        Some(name) => crate::redact::sanitize(&name),
        None => format!("gid {gid}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn root_is_named_both_ways() {
        assert_eq!(user_name(0).as_deref(), Some("root"));
        assert_eq!(uid_named("root"), Some(0));
        assert_eq!(uid_named("1234"), Some(1234));
        assert_eq!(uid_named("no-such-user-wxtoken"), None);
        assert_eq!(group_name(0).as_deref(), Some("root"));
        assert!(in_group(rustix::process::getegid().as_raw()));
    }
}
