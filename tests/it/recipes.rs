//! README's recipes as written: the cron line run as cron runs it (an empty environment but
//! HOME, LOGNAME, SHELL and PATH), and readers told when they and the refresher disagree on the
//! endpoint.

use std::os::unix::fs::PermissionsExt;
use std::path::Path;

use crate::common::*;

fn readme() -> String {
    std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap()
}

/// The example config of docs/profiles.md, with each profile's API base at `mock` (the only change: its hosts
/// are WeChat's).
fn example_config(home: &Path, mock: &Mock) {
    let text =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/profiles.md")).unwrap();
    let from = text
        .find("```toml\n# ~/.config/wxtoken/config.toml")
        .unwrap()
        + 8;
    let to = from + text[from..].find("```\n").unwrap();
    let mut config = String::new();
    for line in text[from..to].lines() {
        config.push_str(line);
        config.push('\n');
        if line.starts_with("[profiles.") {
            config.push_str(&format!("api_base = \"{}\"\n", mock.url()));
        }
    }
    let dir = home.join(".config/wxtoken");
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("config.toml");
    std::fs::write(&path, config).unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600)).unwrap();
}

/// `line` (a crontab line: five schedule fields, then the command) run as cron runs it.
fn as_cron(line: &str, home: &Path, replace: &[(&str, String)]) -> std::process::Output {
    let mut command = line.splitn(6, ' ').nth(5).unwrap().to_string();
    for (from, to) in replace {
        command = command.replace(from, to);
    }
    std::process::Command::new("/usr/bin/env")
        .arg("-i")
        .arg(format!("HOME={}", home.display()))
        .args([
            "LOGNAME=wxtoken-test",
            "SHELL=/bin/sh",
            "PATH=/usr/bin:/bin",
        ])
        .args(["/bin/sh", "-c", &command])
        .output()
        .unwrap()
}

#[test]
fn the_cron_recipe_works_in_crons_empty_environment() {
    let text = readme();
    let line = text
        .lines()
        .find(|l| l.starts_with("*/5 * * * *") && l.contains("--profile work --output"))
        .expect("README's token-file cron line");
    let home = tempdir();
    let mock = Mock::with(|req, _| {
        let body = if req.target.contains("gettoken") {
            format!(r#"{{"errcode":0,"errmsg":"ok","access_token":"{TOKEN}","expires_in":7200}}"#)
        } else {
            r#"{"errcode":40013,"errmsg":"invalid appid"}"#.to_string()
        };
        Reply::json(&body)
    });
    example_config(&home, &mock);
    let secret = home.join(".config/wxtoken/work.secret");
    let corp_secret = "CCCCccccCCCCccccCCCCccccCCCCccccCCCCccccCCC";
    std::fs::write(&secret, format!("{corp_secret}\n")).unwrap();
    std::fs::set_permissions(&secret, std::fs::Permissions::from_mode(0o600)).unwrap();
    let token_file = home.join("run-app/wx-token");
    std::fs::create_dir(home.join("run-app")).unwrap();
    let replace = [
        (
            "/usr/local/bin/wxtoken",
            env!("CARGO_BIN_EXE_wxtoken").to_string(),
        ),
        ("/run/app/wx-token", token_file.display().to_string()),
    ];
    let out = as_cron(line, &home, &replace);
    let log = std::fs::read_to_string(home.join("wxtoken-cron.log")).unwrap_or_default();
    assert!(out.status.success(), "{out:?} {log}");
    assert!(log.is_empty(), "nothing to report: {log}");
    assert_eq!(std::fs::read_to_string(&token_file).unwrap().trim(), TOKEN);
    assert_eq!(mock.count(), 1);
    // The same line with the profile whose secret is a variable only a shell has: it fails,
    // says why in the log (not in cron mail), and says what to do.
    let oa = line.replace("--profile work", "--profile oa");
    let out = as_cron(&oa, &home, &replace);
    assert!(!out.status.success());
    let log = std::fs::read_to_string(home.join("wxtoken-cron.log")).unwrap();
    assert!(
        log.contains("secret_env names OA_SECRET, which is not set") && log.contains("from cron"),
        "{log}"
    );
    assert!(!log.contains(corp_secret));
    assert!(out.stderr.is_empty(), "stderr went to the log: {out:?}");
}

#[test]
fn a_reader_that_misses_the_refreshers_endpoint_is_told_so() {
    let mock = Mock::start(vec![Reply::token(7200), Reply::token(7200)]);
    let dir = tempdir();
    let cache = dir.join("cache");
    // The refresher keeps a stable token; a reader without --stable misses it.
    let out = run(fetch(&mock)
        .args(["--stable", "--cache", "--cache-dir"])
        .arg(&cache));
    assert_eq!(out.code, 0, "{out:?}");
    let reader = |extra: &[&str]| {
        run(wxtoken()
            .args(["fetch", "--cache", "--no-fetch", "--cache-dir"])
            .arg(&cache)
            .args(extra)
            .env("WXTOKEN_APPID", APPID)
            .env("WXTOKEN_API_BASE", mock.url()))
    };
    let out = reader(&[]);
    assert_eq!(out.code, 11, "{out:?}");
    assert!(
        out.stderr
            .contains("the refresher keeps a stable token there, not a classic one: add --stable"),
        "{out:?}"
    );
    let out = reader(&["--stable"]);
    assert_eq!(out.code, 0, "{out:?}");
    // And the other way round.
    let other = dir.join("classic");
    let out = run(fetch(&mock).args(["--cache", "--cache-dir"]).arg(&other));
    assert_eq!(out.code, 0, "{out:?}");
    let out = run(wxtoken()
        .args(["fetch", "--cache", "--no-fetch", "--stable", "--cache-dir"])
        .arg(&other)
        .env("WXTOKEN_APPID", APPID)
        .env("WXTOKEN_API_BASE", mock.url()));
    assert_eq!(out.code, 11, "{out:?}");
    assert!(
        out.stderr.contains("keeps a classic token there"),
        "{out:?}"
    );
    // With nothing kept at all, the usual hint.
    let empty = dir.join("empty");
    let out = run(fetch(&mock)
        .args(["--stable", "--cache", "--cache-dir"])
        .arg(&empty)
        .env("WXTOKEN_APPID", "wx00000000000000ee"));
    assert_eq!(out.code, 0);
    let out = reader(&["--appid", "wx00000000000000ff"]);
    assert_eq!(out.code, 11, "{out:?}");
    assert!(!out.stderr.contains("keeps a stable token"), "{out:?}");
    assert_eq!(mock.count(), 3);
}

/// A README block run by `bash`: it must succeed, and neither stream may carry the secret.
/// Its stdout and stderr.
fn ran_as_written(script: &str, bash: &mut std::process::Command) -> (String, String) {
    let out = bash.output().unwrap();
    let (stdout, stderr) = (
        String::from_utf8_lossy(&out.stdout).to_string(),
        String::from_utf8_lossy(&out.stderr).to_string(),
    );
    assert!(
        out.status.success(),
        "{script}\n--- stdout\n{stdout}\n--- stderr\n{stderr}"
    );
    assert!(!stdout.contains(SECRET) && !stderr.contains(SECRET));
    (stdout, stderr)
}

/// The blocks README marks as runnable, each run as written in bash against the mock server:
/// `wxtoken` is the binary under test, `curl` reaches the mock instead of WeChat, and the paths
/// a block reads are files in a scratch HOME.
#[test]
fn every_block_readme_marks_runnable_runs_as_written() {
    const MARK: &str = "<!-- runnable:";
    let text = readme();
    let blocks: Vec<&str> = text
        .match_indices(MARK)
        .map(|(at, _)| {
            let from = at + text[at..].find("```sh\n").unwrap() + 6;
            let to = from + text[from..].find("```").unwrap();
            &text[from..to]
        })
        .collect();
    assert!(blocks.len() >= 3, "README marks its runnable blocks");
    let mock = Mock::with(|req, _| {
        if req.target.contains("gettoken") {
            Reply::json(&format!(
                r#"{{"errcode":0,"errmsg":"ok","access_token":"{TOKEN}","expires_in":7200}}"#
            ))
        } else {
            Reply::token(7200)
        }
    });
    for block in blocks {
        let home = tempdir();
        let bin = home.join("bin");
        std::fs::create_dir(&bin).unwrap();
        std::os::unix::fs::symlink(env!("CARGO_BIN_EXE_wxtoken"), bin.join("wxtoken")).unwrap();
        // curl, but to the mock: the recipes name WeChat's host.
        let curl = bin.join("curl");
        std::fs::write(
            &curl,
            format!(
                "#!/bin/bash\nexec /usr/bin/curl \"${{@//https:\\/\\/api.weixin.qq.com/{}}}\"\n",
                mock.url()
            ),
        )
        .unwrap();
        std::fs::set_permissions(&curl, std::fs::Permissions::from_mode(0o755)).unwrap();
        // The files the blocks read, under HOME.
        let mut script = block.to_string();
        for path in [
            "/run/secrets/wx-secret",
            "/etc/wxtoken/wecom-app",
            "~/wx-secret",
        ] {
            let file = home.join(path.trim_start_matches("~/").trim_start_matches('/'));
            std::fs::create_dir_all(file.parent().unwrap()).unwrap();
            let secret = if path.contains("wecom") {
                "CCCCccccCCCCccccCCCCccccCCCCccccCCCCccccCCC"
            } else {
                SECRET
            };
            std::fs::write(&file, format!("{secret}\n")).unwrap();
            std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o600)).unwrap();
            script = script.replace(path, &file.display().to_string());
        }
        let (stdout, _) = ran_as_written(
            block,
            std::process::Command::new("/bin/bash")
                .args(["-e", "-c", &script])
                .env_clear()
                .env("HOME", &home)
                .env("PATH", format!("{}:/usr/bin:/bin", bin.display()))
                .env("WXTOKEN_APPID", APPID)
                .env("WXTOKEN_SECRET", SECRET)
                .env("WXTOKEN_API_BASE", mock.url())
                .env("WXTOKEN_WECOM_API_BASE", mock.url())
                .stdin(std::fs::File::open(home.join("etc/wxtoken/wecom-app")).unwrap()),
        );
        assert!(stdout.contains(TOKEN), "{block}: {stdout}");
    }
    assert!(
        mock.count() >= 5,
        "the blocks reached the mock: {}",
        mock.count()
    );
}

/// The fenced `sh` block right after `heading` in README.
fn block_after(text: &str, heading: &str) -> String {
    let at = text
        .find(heading)
        .unwrap_or_else(|| panic!("README has {heading}"));
    let from = at + text[at..].find("```sh\n").unwrap() + 6;
    let to = from + text[from..].find("```").unwrap();
    text[from..to].to_string()
}

/// A scratch HOME for README's examples: the profile `oa` they name (an Official Account whose
/// secret is in `OA_SECRET`, stable tokens, the API at `mock`), and `bin/wxtoken`, the binary
/// under test.
fn oa_home(mock: &Mock) -> std::path::PathBuf {
    let home = tempdir();
    let dir = home.join(".config/wxtoken");
    std::fs::create_dir_all(&dir).unwrap();
    let config = dir.join("config.toml");
    std::fs::write(
        &config,
        format!(
            "[profiles.oa]\nappid = \"wx00000000000000aa\"\nsecret_env = \"OA_SECRET\"\nstable = true\napi_base = \"{}\"\n",
            mock.url()
        ),
    )
    .unwrap();
    std::fs::set_permissions(&config, std::fs::Permissions::from_mode(0o600)).unwrap();
    let bin = home.join("bin");
    std::fs::create_dir(&bin).unwrap();
    std::os::unix::fs::symlink(env!("CARGO_BIN_EXE_wxtoken"), bin.join("wxtoken")).unwrap();
    home
}

/// README's `wxtoken api` examples, each line run as written in bash (pipefail) against the
/// mock WeChat API: a profile's paginated list through jq, a menu from nested fields, a QR code
/// saved to a file, a multipart upload, and a dry run that sends nothing.
#[test]
fn readmes_api_examples_run_as_written() {
    let block = block_after(&readme(), "## Calling any API");
    assert!(block.lines().count() >= 5, "{block}");
    let mock = Mock::with(|req, _| {
        let q = req.query();
        let param = |k: &str| q.iter().find(|(n, _)| n == k).map(|(_, v)| v.clone());
        match req.path() {
            "/cgi-bin/token" | "/cgi-bin/stable_token" => Reply::token(7200),
            "/cgi-bin/user/get" => match param("next_openid").as_deref() {
                None | Some("") => Reply::json(
                    r#"{"total":3,"count":2,"data":{"openid":["o1","o2"]},"next_openid":"o2"}"#,
                ),
                Some(_) => Reply::json(
                    r#"{"total":3,"count":1,"data":{"openid":["o3"]},"next_openid":""}"#,
                ),
            },
            "/cgi-bin/menu/create" => {
                let body = req.body_json();
                let ok = body["button"][0]["type"] == "view"
                    && body["button"][0]["name"] == "官网"
                    && body["button"][0]["url"] == "https://example.com";
                match ok {
                    true => Reply::json(r#"{"errcode":0,"errmsg":"ok"}"#),
                    false => Reply::errcode(40018, "invalid button name size"),
                }
            }
            "/wxa/getwxacodeunlimit" if req.body_json()["scene"] == "id=42" => Reply::Http {
                status: 200,
                content_type: "image/jpeg",
                body: b"\xff\xd8\xff\xe0\x00\x10JFIF\x00qr".to_vec(),
                extra_headers: Vec::new(),
            },
            "/cgi-bin/media/upload"
                if param("type").as_deref() == Some("image")
                    && String::from_utf8_lossy(&req.body).contains("filename=\"photo.jpg\"") =>
            {
                Reply::json(r#"{"type":"image","media_id":"M1","created_at":1}"#)
            }
            _ => Reply::errcode(40066, "invalid url"),
        }
    });
    let home = oa_home(&mock);
    std::fs::write(home.join("photo.jpg"), b"\xff\xd8\xff\xe0photo").unwrap();
    std::fs::write(
        home.join("message.json"),
        r#"{"touser":"o1","msgtype":"text","text":{"content":"hi"}}"#,
    )
    .unwrap();
    let bin = home.join("bin");
    let jq = ["/usr/bin/jq", "/usr/local/bin/jq"]
        .into_iter()
        .find(|p| Path::new(p).exists())
        .expect("README's example pipes to jq: install it (Debian: jq; bash .ci/run does)");
    let (stdout, stderr) = ran_as_written(
        &block,
        std::process::Command::new("/bin/bash")
            .args(["-e", "-o", "pipefail", "-c", &block])
            .current_dir(&home)
            .env_clear()
            .env("HOME", &home)
            .env(
                "PATH",
                format!(
                    "{}:{}",
                    bin.display(),
                    Path::new(jq).parent().unwrap().display()
                ),
            )
            .env("OA_SECRET", SECRET)
            .env("WXTOKEN_APPID", APPID)
            .env("WXTOKEN_SECRET", SECRET)
            .env("WXTOKEN_API_BASE", mock.url()),
    );
    assert!(stdout.starts_with("o1\no2\no3\n"), "{stdout}");
    assert!(
        stdout.contains("\"media_id\": \"M1\"") || stdout.contains("\"media_id\":\"M1\""),
        "{stdout}"
    );
    assert!(
        std::fs::read(home.join("code.jpg"))
            .unwrap()
            .starts_with(b"\xff\xd8"),
        "the QR code was saved"
    );
    let paths: Vec<String> = mock
        .requests()
        .iter()
        .map(|r| r.path().to_string())
        .collect();
    assert!(
        !paths.iter().any(|p| p == "/cgi-bin/message/custom/send"),
        "--dry-run sends nothing: {paths:?}"
    );
    for want in [
        "/cgi-bin/menu/create",
        "/wxa/getwxacodeunlimit",
        "/cgi-bin/media/upload",
    ] {
        assert!(
            paths.iter().any(|p| p == want),
            "{want} not called: {paths:?}"
        );
    }
    assert!(!stdout.contains(SECRET) && !stderr.contains(SECRET));
}

/// README's JS-SDK examples run as written in bash, the store's address the only change (a
/// Redis the test starts): the refresher keeps the ticket, a reader without the secret serves
/// it, `sign` signs with it, and `sign --check` (its placeholders filled from that signature)
/// says the signature is right.
#[test]
fn readmes_ticket_and_sign_examples_run_as_written() {
    let block = block_after(&readme(), "## JS-SDK tickets and signatures");
    let lines: Vec<&str> = block.lines().collect();
    assert_eq!(lines.len(), 4, "{block}");
    let redis = crate::common::redis_server::RedisServer::start();
    let mock = Mock::with(|req, _| match req.path() {
        "/cgi-bin/token" | "/cgi-bin/stable_token" => Reply::token(7200),
        "/cgi-bin/ticket/getticket" if req.query().contains(&("type".into(), "jsapi".into())) => {
            Reply::json(
                r#"{"errcode":0,"errmsg":"ok","ticket":"bxLdikRXVbTPdHSM05e5u5sUoXNKd8-41ZO3MhKoyN5OfkWITDGgnr2fwJ0m9E8NYzWKVZvdVtaUgWvsdshFKA","expires_in":7200}"#,
            )
        }
        _ => Reply::errcode(40066, "invalid url"),
    });
    let home = oa_home(&mock);
    let bin = home.join("bin");
    let bash = |script: &str| {
        let script = script.replace("redis://10.0.0.5:6379", &redis.url());
        ran_as_written(
            &script,
            std::process::Command::new("/bin/bash")
                .args(["-e", "-o", "pipefail", "-c", &script])
                .env_clear()
                .env("HOME", &home)
                .env("PATH", format!("{}:/usr/bin:/bin", bin.display()))
                .env("OA_SECRET", SECRET)
                .env("WXTOKEN_API_BASE", mock.url()),
        )
        .0
    };
    let signed = bash(&lines[..3].join("\n"));
    let mut outputs = signed.lines();
    assert!(
        outputs
            .next()
            .unwrap()
            .starts_with("bxLdikRXVbTPdHSM05e5u5sUoXNKd8"),
        "the reader serves the refresher's ticket: {signed}"
    );
    let doc: serde_json::Value = serde_json::from_str(outputs.next().unwrap()).unwrap();
    assert_eq!(doc["appId"], "wx00000000000000aa", "{doc}");
    let tickets = mock
        .requests()
        .iter()
        .filter(|r| r.path() == "/cgi-bin/ticket/getticket")
        .count();
    assert_eq!(tickets, 1, "one ticket fetch: the others read the store");
    let check = lines[3]
        .replace("SIGNATURE", doc["signature"].as_str().unwrap())
        .replace(" N ", &format!(" {} ", doc["nonceStr"].as_str().unwrap()))
        .replace(" TS ", &format!(" {} ", doc["timestamp"]))
        .replace(" URL ", " 'https://example.com/page?id=1' ");
    bash(&check);
}
