//! `wxtoken profiles add`: the config file written where wxtoken reads it, at mode 0600, with
//! a secret source; an existing profile never replaced; a bad value found before the file is
//! touched; an inline secret only when asked, and never shown.

use std::os::unix::fs::PermissionsExt;
use std::path::Path;

use crate::common::*;

fn add(home: &Path, args: &[&str]) -> assert_cmd::Command {
    let mut cmd = wxtoken();
    cmd.args(["profiles", "add"]).args(args).env("HOME", home);
    cmd
}

fn listing(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn a_profile_is_added_where_wxtoken_reads_it_and_works() {
    let home = tempdir();
    let mock = Mock::start(vec![Reply::token(7200)]);
    let out = run(&mut add(
        &home,
        &[
            "mini",
            "--appid",
            APPID,
            "--secret-env",
            "MINI_SECRET",
            "--stable",
            "--cache",
            "--default",
        ],
    ));
    assert_eq!(out.code, 0, "{out:?}");
    let dir = home.join(".config/wxtoken");
    let file = dir.join("config.toml");
    assert_eq!(
        std::fs::metadata(&dir).unwrap().permissions().mode() & 0o777,
        0o700
    );
    assert_eq!(
        std::fs::metadata(&file).unwrap().permissions().mode() & 0o777,
        0o600
    );
    assert_eq!(listing(&dir), ["config.toml"], "no temporary file left");
    let out = run(wxtoken()
        .args(["fetch", "--json", "--api-base", &mock.url()])
        .env("HOME", &home)
        .env("MINI_SECRET", SECRET));
    assert_eq!(out.code, 0, "the default profile works: {out:?}");
    assert_eq!(out.json()["profile"], "mini");
    assert_eq!(out.json()["endpoint"], "stable_token");
    // A second profile is appended; what the file held stays as it was (comments included).
    let mut text = std::fs::read_to_string(&file).unwrap();
    text.push_str("# my own note\n");
    std::fs::write(&file, &text).unwrap();
    let out = run(&mut add(
        &home,
        &[
            "work",
            "--platform",
            "wecom",
            "--corpid",
            "ww0123456789abcdef",
            "--agentid",
            "1000002",
            "--secret-file",
            "/etc/wxtoken/work.secret",
        ],
    ));
    assert_eq!(out.code, 0, "{out:?}");
    let now = std::fs::read_to_string(&file).unwrap();
    assert!(now.starts_with(&text), "{now}");
    assert!(now.contains("[profiles.work]\nplatform = \"wecom\"\ncorpid = \"ww0123456789abcdef\""));
    let names = run(wxtoken().args(["profiles", "--names"]).env("HOME", &home));
    assert_eq!(names.stdout, "mini\nwork\n");
}

#[test]
fn nothing_is_replaced_and_a_bad_value_touches_nothing() {
    let home = tempdir();
    let ok = run(&mut add(
        &home,
        &["mini", "--appid", APPID, "--secret-env", "X", "--default"],
    ));
    assert_eq!(ok.code, 0, "{ok:?}");
    let file = home.join(".config/wxtoken/config.toml");
    let before = std::fs::read(&file).unwrap();
    for (args, why) in [
        (
            vec!["mini", "--appid", APPID, "--secret-env", "Y"],
            "has a profile \"mini\" already",
        ),
        (
            vec!["two", "--appid", APPID, "--secret-env", "Y", "--default"],
            "as its default_profile already",
        ),
        (
            vec!["three", "--appid", APPID, "--store", "ftp://x"],
            "is not a Redis URL",
        ),
        (
            vec!["four", "--appid", APPID, "--agentid", "1"],
            "--agentid is WeChat Work's",
        ),
        (
            vec!["bad name", "--appid", APPID],
            "letters, digits, - and _",
        ),
        (
            vec![
                "five",
                "--appid",
                APPID,
                "--secret-env",
                "A",
                "--secret-file",
                "/x",
            ],
            "cannot be used with",
        ),
    ] {
        let out = run(&mut add(&home, &args));
        assert_eq!(out.code, 2, "{args:?}: {out:?}");
        assert!(out.stderr.contains(why), "{args:?}: {out:?}");
        assert_eq!(
            std::fs::read(&file).unwrap(),
            before,
            "{args:?}: the file is unchanged"
        );
    }
    assert_eq!(listing(file.parent().unwrap()), ["config.toml"]);
    // A file others may write is not one wxtoken trusts: refused, not rewritten.
    std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o666)).unwrap();
    let out = run(&mut add(
        &home,
        &["six", "--appid", APPID, "--secret-env", "Z"],
    ));
    assert_eq!(out.code, 2, "{out:?}");
    assert_eq!(std::fs::read(&file).unwrap(), before);
}

#[test]
fn an_inline_secret_only_when_asked_and_never_shown() {
    let home = tempdir();
    let out = run(add(
        &home,
        &["oa", "--appid", APPID, "--inline-secret", "--json"],
    )
    .write_stdin(format!("{SECRET}\n")));
    assert_eq!(out.code, 0, "{out:?}");
    assert_eq!(out.json()["added"], "oa");
    let file = home.join(".config/wxtoken/config.toml");
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(text.contains(&format!("secret = \"{SECRET}\"")), "{text}");
    assert_eq!(
        std::fs::metadata(&file).unwrap().permissions().mode() & 0o777,
        0o600
    );
    // Without a source, no secret at all is written (the secret then comes from elsewhere).
    let out = run(&mut add(&home, &["plain", "--appid", "wx00000000000000aa"]));
    assert_eq!(out.code, 0, "{out:?}");
    let text = std::fs::read_to_string(&file).unwrap();
    let plain = &text[text.find("[profiles.plain]").unwrap()..];
    assert!(!plain.contains("secret"), "{plain}");
}

#[test]
fn a_linked_config_is_written_through_its_link_and_a_dangling_link_is_left_alone() {
    // A dotfile manager links the config file: the profile lands in the file the link points
    // to, and the link stays a link.
    let home = tempdir();
    let dir = home.join(".config/wxtoken");
    let dotfiles = home.join("dotfiles");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::create_dir_all(&dotfiles).unwrap();
    let real = dotfiles.join("wxtoken.toml");
    std::fs::write(&real, "# mine\n").unwrap();
    std::fs::set_permissions(&real, std::fs::Permissions::from_mode(0o600)).unwrap();
    let link = dir.join("config.toml");
    std::os::unix::fs::symlink(&real, &link).unwrap();
    let out = run(&mut add(
        &home,
        &["mini", "--appid", APPID, "--secret-env", "MINI_SECRET"],
    ));
    assert_eq!(out.code, 0, "{out:?}");
    assert!(
        std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink(),
        "the link was replaced by a file"
    );
    let text = std::fs::read_to_string(&real).unwrap();
    assert!(text.starts_with("# mine\n"), "{text}");
    assert!(text.contains("[profiles.mini]"), "{text}");
    assert_eq!(
        listing(&dotfiles),
        ["wxtoken.toml"],
        "no temporary file left"
    );
    assert_eq!(listing(&dir), ["config.toml"]);
    // A link to nothing: refused, the link kept, nothing created.
    let gone = dotfiles.join("gone.toml");
    std::fs::remove_file(&link).unwrap();
    std::os::unix::fs::symlink(&gone, &link).unwrap();
    let out = run(&mut add(
        &home,
        &["other", "--appid", APPID, "--secret-env", "MINI_SECRET"],
    ));
    assert_eq!(out.code, 2, "{out:?}");
    assert!(out.stderr.contains("symbolic link"), "{out:?}");
    assert!(out.stderr.contains("nothing was written"), "{out:?}");
    assert_eq!(std::fs::read_link(&link).unwrap(), gone);
    assert!(!gone.exists());
    assert_eq!(listing(&dotfiles), ["wxtoken.toml"]);
}

#[test]
fn a_link_is_not_written_through_into_a_file_that_is_not_the_users() {
    if !needs_root("a_link_is_not_written_through_into_a_file_that_is_not_the_users") {
        return;
    }
    // Root runs with a user's HOME (sudo -E): the user's link must not lead root's write into
    // a file of root's, nor may another user's link lead anyone anywhere.
    let home = tempdir();
    let dir = home.join(".config/wxtoken");
    std::fs::create_dir_all(&dir).unwrap();
    let precious = home.join("precious.conf");
    std::fs::write(&precious, "# root's own\n").unwrap();
    std::fs::set_permissions(&precious, std::fs::Permissions::from_mode(0o600)).unwrap();
    let link = dir.join("config.toml");
    std::os::unix::fs::symlink(&precious, &link).unwrap();
    // The link belongs to another user (nobody): refused, whatever it points to.
    std::os::unix::fs::lchown(&link, Some(65534), Some(65534)).unwrap();
    let out = run(&mut add(
        &home,
        &["mini", "--appid", APPID, "--secret-env", "MINI_SECRET"],
    ));
    assert_eq!(out.code, 2, "{out:?}");
    assert!(out.stderr.contains("uid 65534"), "{out:?}");
    assert!(out.stderr.contains("nothing was written"), "{out:?}");
    assert_eq!(
        std::fs::read_to_string(&precious).unwrap(),
        "# root's own\n"
    );
    assert!(
        std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    // A link of this user's to a file of another user's: refused too.
    std::os::unix::fs::lchown(&link, Some(0), Some(0)).unwrap();
    std::os::unix::fs::chown(&precious, Some(65534), Some(65534)).unwrap();
    let out = run(&mut add(
        &home,
        &["mini", "--appid", APPID, "--secret-env", "MINI_SECRET"],
    ));
    assert_eq!(out.code, 2, "{out:?}");
    assert!(out.stderr.contains("which belongs to"), "{out:?}");
    assert_eq!(
        std::fs::read_to_string(&precious).unwrap(),
        "# root's own\n"
    );
    assert_eq!(listing(&dir), ["config.toml"]);
}
