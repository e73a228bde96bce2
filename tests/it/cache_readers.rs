//! A `--no-fetch` reader of the local cache trusts no one's path (#20, item 4): the directory
//! and everything on the way to it must be its own user's, root's, the `--cache-owner`'s, or a
//! setgid directory of one of its groups; a permission problem is told as one, with the group
//! to join. These tests give directories to other users: they need root (CI runs as root).

use std::os::unix::fs::PermissionsExt;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};

use crate::common::*;

fn chown(path: &Path, uid: u32, gid: u32) {
    let c = std::ffi::CString::new(path.as_os_str().as_encoded_bytes()).unwrap();
    // SAFETY: a valid C string.
    assert_eq!(unsafe { libc::chown(c.as_ptr(), uid, gid) }, 0, "{path:?}");
}

/// A cache directory `name` in `base` that the refresher filled, then given to `uid`:`gid`
/// with `mode`.
fn cache_of(base: &Path, name: &str, mock: &Mock, (uid, gid, mode): (u32, u32, u32)) -> PathBuf {
    let dir = base.join(name);
    let out = run(fetch(mock).args(["--cache", "--cache-dir"]).arg(&dir));
    assert_eq!(out.code, 0, "{out:?}");
    for e in std::fs::read_dir(&dir).unwrap().flatten() {
        chown(&e.path(), uid, gid);
        std::fs::set_permissions(e.path(), std::fs::Permissions::from_mode(0o640)).unwrap();
    }
    chown(&dir, uid, gid);
    std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(mode)).unwrap();
    dir
}

/// A reader of `dir` for the token the refresher got from `mock`.
fn reader(mock: &Mock, dir: &Path, args: &[&str]) -> std::process::Command {
    let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_wxtoken"));
    cmd.env_clear()
        .args(["fetch", "--cache", "--no-fetch", "--cache-dir"])
        .arg(dir)
        .args(args)
        .env("WXTOKEN_APPID", APPID)
        .env("WXTOKEN_API_BASE", mock.url());
    cmd
}

fn outcome(cmd: &mut std::process::Command) -> Outcome {
    let out = cmd.output().unwrap();
    let outcome = Outcome {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into(),
        stderr: String::from_utf8_lossy(&out.stderr).into(),
    };
    assert_no_leak(&outcome, SECRET);
    outcome
}

#[test]
fn a_cache_directory_a_stranger_made_in_a_sticky_directory_is_never_served() {
    if !needs_root("a_cache_directory_a_stranger_made_in_a_sticky_directory_is_never_served") {
        return;
    }
    // A /tmp of its own: world-writable and sticky, where anyone may have made the directory
    // first (after a reboot).
    let tmp = tempdir();
    std::fs::set_permissions(&tmp, std::fs::Permissions::from_mode(0o1777)).unwrap();
    let mock = Mock::start(vec![Reply::token(7200)]);
    let dir = cache_of(&tmp, "wxcache", &mock, (12345, 12345, 0o755));
    let out = outcome(&mut reader(&mock, &dir, &[]));
    assert_eq!(out.code, 11, "{out:?}");
    assert!(
        out.stderr
            .contains("belongs to uid 12345, whom this reader does not trust"),
        "{out:?}"
    );
    assert!(out.stderr.contains("--cache-owner USER"), "{out:?}");
    assert!(!out.stdout.contains(TOKEN), "{out:?}");
    // Named as the refresher's user, it is served.
    let out = outcome(&mut reader(&mock, &dir, &["--cache-owner", "12345"]));
    assert_eq!(out.code, 0, "{out:?}");
    assert_eq!(out.stdout.trim(), TOKEN);
    // A link of the stranger's on the way to a trusted directory decides nothing either.
    let mine = cache_of(&tmp, "mine", &mock, (0, 0, 0o755));
    let link = tmp.join("link");
    std::os::unix::fs::symlink(&mine, &link).unwrap();
    let c = std::ffi::CString::new(link.as_os_str().as_encoded_bytes()).unwrap();
    // SAFETY: a valid C string.
    assert_eq!(unsafe { libc::lchown(c.as_ptr(), 12345, 12345) }, 0);
    let out = outcome(&mut reader(&mock, &link, &[]));
    assert_eq!(out.code, 11, "{out:?}");
    assert!(out.stderr.contains("belongs to uid 12345"), "{out:?}");
    let out = outcome(&mut reader(&mock, &mine, &[]));
    assert_eq!(out.code, 0, "the directory itself is root's: {out:?}");
    // --cache-owner is checked before anything is read.
    for (args, why) in [
        (vec!["--cache-owner", "no-such-user-wx"], "no such user"),
        (
            vec!["--store", "redis://127.0.0.1:1", "--cache-owner", "12345"],
            "--cache",
        ),
    ] {
        let mut cmd = wxtoken();
        cmd.args(["fetch", "--no-fetch", "--cache-dir"])
            .arg(&dir)
            .args(&args)
            .env("WXTOKEN_APPID", APPID);
        if !args.contains(&"--store") {
            cmd.arg("--cache");
        }
        let out = run(&mut cmd);
        assert_eq!(out.code, 2, "{args:?}: {out:?}");
        assert!(out.stderr.contains(why), "{args:?}: {out:?}");
    }
    let out = run(wxtoken()
        .args(["fetch", "--cache", "--cache-owner", "12345"])
        .env("WXTOKEN_APPID", APPID)
        .env("WXTOKEN_SECRET", SECRET));
    assert_eq!(out.code, 2, "without --no-fetch: {out:?}");
    assert_eq!(mock.count(), 2, "the two refresher runs only");
}

#[test]
fn a_reader_in_the_setgid_directorys_group_reads_it_and_one_outside_is_told_which_group() {
    if !needs_root(
        "a_reader_in_the_setgid_directorys_group_reads_it_and_one_outside_is_told_which_group",
    ) {
        return;
    }
    let base = tempdir();
    std::fs::set_permissions(&base, std::fs::Permissions::from_mode(0o755)).unwrap();
    // The binary where the other users can run it.
    let bin = base.join("wxtoken");
    std::fs::copy(env!("CARGO_BIN_EXE_wxtoken"), &bin).unwrap();
    std::fs::set_permissions(&bin, std::fs::Permissions::from_mode(0o755)).unwrap();
    let mock = Mock::start(vec![Reply::token(7200)]);
    // The refresher's (uid 23456) setgid directory for group "users" (gid 100).
    let dir = cache_of(&base, "shared", &mock, (23456, 100, 0o2750));
    let as_user = |gid: u32| {
        let mut cmd = std::process::Command::new(&bin);
        cmd.env_clear()
            .args(["fetch", "--cache", "--no-fetch", "--cache-dir"])
            .arg(&dir)
            .env("WXTOKEN_APPID", APPID)
            .env("WXTOKEN_API_BASE", mock.url())
            .uid(12345)
            .gid(gid);
        outcome(&mut cmd)
    };
    let out = as_user(100);
    assert_eq!(out.code, 0, "a member of the group: {out:?}");
    assert_eq!(out.stdout.trim(), TOKEN);
    // Outside the group, the refresher's user is a stranger to this reader.
    let out = as_user(45678);
    assert_eq!(out.code, 11, "{out:?}");
    assert!(
        out.stderr
            .contains("belongs to uid 23456, whom this reader does not trust"),
        "{out:?}"
    );
    // A root-owned setgid directory: trusted, and the group to join named.
    chown(&dir, 0, 100);
    std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o2750)).unwrap();
    let out = as_user(45678);
    assert_eq!(out.code, 11, "{out:?}");
    assert!(
        out.stderr.contains("cannot read the cache directory")
            && out
                .stderr
                .contains("permission denied (it belongs to root (uid 0), group users, mode 2750)"),
        "{out:?}"
    );
    assert!(out.stderr.contains("sudo usermod -aG users"), "{out:?}");
    assert!(
        !out.stderr.contains("is not a wxtoken cache directory"),
        "{out:?}"
    );
    assert_eq!(mock.count(), 1);
}
