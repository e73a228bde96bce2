//! WeChat Work (企业微信) end to end against the mock: gettoken, its errcodes and errmsg forms,
//! 60020, check's limits, doctor, explain, and the cache with two apps of one corp.

use crate::common::*;

const CORPID: &str = "ww0123456789abcdef";
/// A WeChat Work app secret: 43 characters.
const CORPSECRET: &str = "Ab3dEf6hIj9lMn2pQr5tUv8xYz1bCd4fGh7jKl0nOpQ";
const OTHER_SECRET: &str = "Zy9xWv8uTs7rQp6oNm5lKj4iHg3fEd2cBa1zYx0wVuT";

fn wecom(mock: &Mock) -> assert_cmd::Command {
    let mut cmd = wxtoken();
    cmd.args(["fetch", "--platform", "wecom"])
        .env("WXTOKEN_CORPID", CORPID)
        .env("WXTOKEN_CORPSECRET", CORPSECRET)
        .env("WXTOKEN_WECOM_API_BASE", mock.url());
    cmd
}

fn ok_reply() -> Reply {
    Reply::json(&format!(
        r#"{{"errcode":0,"errmsg":"ok","access_token":"{TOKEN}","expires_in":7200}}"#
    ))
}

fn wecom_error(code: i64, msg: &str) -> Reply {
    Reply::errcode(code, msg)
}

#[test]
fn gettoken_with_corpid_and_corpsecret() {
    let mock = Mock::start(vec![ok_reply()]);
    let out = run_hiding(wecom(&mock).arg("--json"), CORPSECRET);
    assert_eq!(out.code, 0, "{out:?}");
    let doc = out.json();
    assert_eq!(doc["access_token"], TOKEN);
    assert_eq!(doc["platform"], "wecom");
    assert_eq!(doc["endpoint"], "gettoken");
    let req = mock.last();
    assert_eq!(req.method, "GET");
    assert_eq!(req.path(), "/cgi-bin/gettoken");
    assert_eq!(
        req.query(),
        [
            ("corpid".to_string(), CORPID.to_string()),
            ("corpsecret".to_string(), CORPSECRET.to_string())
        ]
    );
    // The flags work as well as the variables, and -v masks the secret.
    let out = run_hiding(
        wxtoken()
            .args(["fetch", "--platform", "wecom", "-v", "--corpid", CORPID])
            .args(["--corpsecret", CORPSECRET])
            .env("WXTOKEN_WECOM_API_BASE", mock.url()),
        CORPSECRET,
    );
    assert_eq!(out.code, 0, "{out:?}");
    assert!(out.stderr.contains("corpsecret=***"), "{out:?}");
}

#[test]
fn stable_tokens_and_corp_names_are_usage_errors_where_they_do_not_apply() {
    let mock = Mock::start(vec![ok_reply()]);
    for extra in [vec!["--stable"], vec!["--stable", "--force-refresh"]] {
        let out = run_hiding(wecom(&mock).args(&extra), CORPSECRET);
        assert_eq!(out.code, 2, "{out:?}");
        assert!(out.stderr.contains("no stable-token endpoint"), "{out:?}");
    }
    let out = run(fetch(&mock).args(["--corpid", CORPID]));
    assert_eq!(out.code, 2, "{out:?}");
    assert!(out.stderr.contains("add --platform wecom"), "{out:?}");
    assert_eq!(mock.count(), 0);
}

#[test]
fn swapped_platform_values_get_a_warning() {
    let mock = Mock::start(vec![ok_reply()]);
    let out = run_hiding(wecom(&mock).env("WXTOKEN_CORPID", APPID), CORPSECRET);
    assert_eq!(out.code, 0, "{out:?}");
    assert!(
        out.stderr.contains("looks like an Official Account AppID"),
        "{out:?}"
    );
    let out = run(fetch(&mock).env("WXTOKEN_APPID", CORPID));
    assert!(
        out.stderr.contains("looks like a WeChat Work CorpID"),
        "{out:?}"
    );
}

#[test]
fn trusted_ip_60020_names_the_ip_and_where_to_add_it_in_both_languages() {
    let with_ip = "not allow to access from your ip, hint: [1712345678402917365820194], from ip: 8.149.20.108, more info at https://open.work.weixin.qq.com/devtool/query?e=60020";
    let mock = Mock::start(vec![wecom_error(60020, with_ip)]);
    let out = run_hiding(wecom(&mock).arg("--json"), CORPSECRET);
    assert_eq!(out.code, 7, "{out:?}");
    let doc = out.json();
    assert_eq!(doc["error"]["ip"], "8.149.20.108");
    assert_eq!(doc["error"]["rid"], "1712345678402917365820194");
    let hint = doc["error"]["hint"].as_str().unwrap();
    assert!(
        hint.contains("8.149.20.108") && hint.contains("企业可信IP"),
        "{hint}"
    );
    assert!(hint.contains("devtool/query?e=60020"), "{hint}");
    assert!(
        hint.contains("2024-04-05T19:34:38Z"),
        "the time the hint dates: {hint}"
    );
    let out = run_hiding(wecom(&mock).args(["--lang", "zh"]), CORPSECRET);
    assert!(
        out.stderr.contains("企业可信IP") && out.stderr.contains("8.149.20.108"),
        "{out:?}"
    );
    // Without an IP (an empty `from ip:`): still 7, and no made-up IP.
    let mock = Mock::start(vec![wecom_error(
        60020,
        "not allow to access from your ip, hint: [], from ip: , more info at https://open.work.weixin.qq.com/devtool/query?e=60020",
    )]);
    let out = run_hiding(wecom(&mock).arg("--json"), CORPSECRET);
    assert_eq!(out.code, 7, "{out:?}");
    assert!(out.json()["error"]["ip"].is_null());
}

#[test]
fn the_same_number_means_what_wechat_work_says_it_means() {
    let mock = Mock::start(vec![wecom_error(
        40001,
        "invalid credential, hint: [1712345678_57_9c2e4b7a1d3f5e6c8b0a2d4f6e8c0b1a], from ip: 1.2.3.4, more info at https://open.work.weixin.qq.com/devtool/query?e=40001",
    )]);
    let out = run_hiding(wecom(&mock).args(["--retries", "2"]), CORPSECRET);
    assert_eq!(out.code, 6, "a wrong secret: {out:?}");
    assert!(!out.stderr.contains("superseded"), "{out:?}");
    assert_eq!(mock.count(), 1, "a credentials error is never retried");
    // 45009 on gettoken: the one-hour block; not retried either.
    let mock = Mock::start(vec![wecom_error(
        45009,
        "api freq out of limit, hint: [1712345678_1_abc]",
    )]);
    let out = run_hiding(wecom(&mock).args(["--retries", "2", "--json"]), CORPSECRET);
    assert_eq!(out.code, 8, "{out:?}");
    assert_eq!(out.json()["error"]["retryable"], false);
    assert!(
        out.json()["error"]["hint"]
            .as_str()
            .unwrap()
            .contains("checkCorpSpamBlock")
    );
    assert_eq!(mock.count(), 1);
    // -1 is retried.
    let mock = Mock::start(vec![wecom_error(-1, "system busy")]);
    let out = run_hiding(wecom(&mock).args(["--retries", "2"]), CORPSECRET);
    assert_eq!(out.code, 5, "{out:?}");
    assert_eq!(mock.count(), 3);
}

#[test]
fn every_catalogued_code_comes_back_with_its_exit_code() {
    for (code, exit) in [
        (40013, 6),
        (40014, 10),
        (40091, 6),
        (41001, 10),
        (41002, 6),
        (41004, 6),
        (42001, 10),
        (45033, 8),
        (48002, 14),
        (301002, 10),
    ] {
        let mock = Mock::start(vec![wecom_error(code, "x, hint: [1712345678_1_ab]")]);
        let out = run_hiding(wecom(&mock).args(["--retries", "0", "--json"]), CORPSECRET);
        assert_eq!(out.code, exit, "{code}: {out:?}");
        assert_eq!(out.json()["error"]["errcode"], code);
        assert!(
            !out.json()["error"]["message"]
                .as_str()
                .unwrap()
                .contains("not in wxtoken's catalogue"),
            "{code} is catalogued: {out:?}"
        );
    }
}

#[test]
fn two_apps_of_one_corp_never_share_a_cache_entry() {
    let dir = tempdir();
    let mock = Mock::with(|req, _| {
        let secret = req
            .query()
            .into_iter()
            .find(|(k, _)| k == "corpsecret")
            .map(|(_, v)| v)
            .unwrap_or_default();
        Reply::json(&format!(
            r#"{{"errcode":0,"errmsg":"ok","access_token":"{TOKEN}-{}","expires_in":7200}}"#,
            &secret[..4]
        ))
    });
    let app = |secret: &str, agent: &str| {
        let mut cmd = wecom(&mock);
        cmd.env("WXTOKEN_CORPSECRET", secret)
            .args(["--cache", "--agentid", agent, "--cache-dir"])
            .arg(&dir);
        cmd
    };
    for _ in 0..2 {
        let a = run_hiding(&mut app(CORPSECRET, "1000002"), CORPSECRET);
        assert_eq!(a.stdout, format!("{TOKEN}-Ab3d\n"), "{a:?}");
        let b = run_hiding(&mut app(OTHER_SECRET, "1000003"), OTHER_SECRET);
        assert_eq!(b.stdout, format!("{TOKEN}-Zy9x\n"), "{b:?}");
    }
    assert_eq!(
        mock.count(),
        2,
        "one fetch per app, then each from its own entry"
    );
    let out = run(wxtoken()
        .args(["cache", "list", "--json", "--cache-dir"])
        .arg(&dir));
    let entries = out.json()["entries"].as_array().unwrap().clone();
    assert_eq!(entries.len(), 2);
    let mut agents: Vec<String> = entries
        .iter()
        .map(|e| e["agentid"].as_str().unwrap().to_string())
        .collect();
    agents.sort();
    assert_eq!(agents, ["1000002", "1000003"]);
    let out = run(wxtoken().args(["cache", "list", "--cache-dir"]).arg(&dir));
    assert!(
        out.stdout.contains(&format!("{CORPID} (1000002)")),
        "{out:?}"
    );
    for file in std::fs::read_dir(&dir).unwrap() {
        let text = std::fs::read_to_string(file.unwrap().path()).unwrap_or_default();
        assert!(!text.contains(CORPSECRET) && !text.contains(OTHER_SECRET));
    }
}

#[test]
fn explain_recognises_a_wechat_work_answer() {
    let pasted = r#"{"errcode":40001,"errmsg":"invalid credential, hint: [1712345678_57_9c2e4b7a1d3f5e6c8b0a2d4f6e8c0b1a], from ip: 1.2.3.4, more info at https://open.work.weixin.qq.com/devtool/query?e=40001"}"#;
    let doc = run(wxtoken().args(["explain", "--json", pasted])).json();
    assert_eq!(doc["platform"], "wecom", "{doc}");
    assert_eq!(doc["exit_code"], 6);
    assert!(
        !doc["explanation"].as_str().unwrap().contains("superseded"),
        "{doc}"
    );
    // A bare code is an Official Account code unless --platform says otherwise.
    let doc = run(wxtoken().args(["explain", "--json", "60020"])).json();
    assert_eq!(doc["known"], false);
    let doc = run(wxtoken().args(["explain", "--json", "--platform", "wecom", "60020"])).json();
    assert_eq!(doc["known"], true);
    assert_eq!(doc["exit_code"], 7);
    let out = run(wxtoken().args(["explain", "--all", "--platform", "wecom"]));
    assert!(out.stdout.contains("60020"), "{out:?}");
}

#[test]
fn check_says_what_a_pass_does_not_prove_and_names_an_expired_token() {
    let mock = Mock::start(vec![Reply::json(
        r#"{"errcode":0,"errmsg":"ok","ip_list":["1.1.1.1"]}"#,
    )]);
    let out = run_tokenless(
        wxtoken()
            .args(["check", "--platform", "wecom", "--token", TOKEN])
            .env("WXTOKEN_WECOM_API_BASE", mock.url()),
    );
    assert_eq!(out.code, 0, "{out:?}");
    assert!(
        out.stderr.contains("企业可信IP") && out.stderr.contains("60020"),
        "{out:?}"
    );
    let mock = Mock::start(vec![wecom_error(
        42001,
        "access_token expired, hint: [1712345678_1_ab]",
    )]);
    let out = run_tokenless(
        wxtoken()
            .args(["check", "--platform", "wecom", "--json", "--token", TOKEN])
            .env("WXTOKEN_WECOM_API_BASE", mock.url()),
    );
    assert_eq!(out.code, 6, "{out:?}");
    assert_eq!(out.json()["valid"], false);
}

#[test]
fn doctor_uses_gettoken_and_says_what_it_proves() {
    let mock = Mock::start(vec![ok_reply()]);
    let out = run_hiding(
        wxtoken()
            .args(["doctor", "--platform", "wecom"])
            .env("WXTOKEN_CORPID", CORPID)
            .env("WXTOKEN_CORPSECRET", CORPSECRET)
            .env("WXTOKEN_WECOM_API_BASE", mock.url()),
        CORPSECRET,
    );
    assert_eq!(out.code, 0, "{out:?}");
    assert!(!out.stdout.contains(TOKEN));
    assert!(out.stdout.contains("not documented"), "{out:?}");
    assert!(out.stdout.contains("企业可信IP"), "{out:?}");
    let paths: Vec<String> = mock
        .requests()
        .iter()
        .map(|r| r.path().to_string())
        .collect();
    assert!(
        paths.contains(&"/cgi-bin/gettoken".to_string()),
        "{paths:?}"
    );
    assert!(
        !paths
            .iter()
            .any(|p| p.contains("stable_token") || p == "/cgi-bin/token"),
        "{paths:?}"
    );
}

#[test]
fn a_secret_given_as_the_corpid_is_handled_as_the_secret() {
    let mock = Mock::start(vec![ok_reply()]);
    let dir = tempdir();
    // Swapped: the secret in WXTOKEN_CORPID, the CorpID in WXTOKEN_CORPSECRET.
    let out = run_hiding(
        wecom(&mock)
            .env("WXTOKEN_CORPID", CORPSECRET)
            .env("WXTOKEN_CORPSECRET", CORPID)
            .args(["-v", "--cache", "--cache-dir"])
            .arg(&dir),
        CORPSECRET,
    );
    assert_eq!(out.code, 11, "never cached, so never fetched: {out:?}");
    assert_eq!(mock.count(), 0);
    for entry in std::fs::read_dir(&dir).into_iter().flatten() {
        let name = entry.unwrap().file_name().to_string_lossy().to_string();
        assert!(!name.contains(CORPSECRET), "{name}");
    }
    let out = run_hiding(
        wecom(&mock)
            .env("WXTOKEN_CORPID", CORPSECRET)
            .env("WXTOKEN_CORPSECRET", CORPID)
            .arg("-v"),
        CORPSECRET,
    );
    assert!(out.stderr.contains("corpid=***"), "{out:?}");
}

#[test]
fn an_official_account_gateway_never_receives_a_wechat_work_secret() {
    // WXTOKEN_API_BASE points at a gateway for Official Accounts: a WeChat Work run ignores it.
    let mp_gateway = Mock::start(vec![ok_reply()]);
    let wecom_base = Mock::start(vec![ok_reply()]);
    let out = run_hiding(
        wecom(&wecom_base).env("WXTOKEN_API_BASE", mp_gateway.url()),
        CORPSECRET,
    );
    assert_eq!(out.code, 0, "{out:?}");
    assert_eq!(
        mp_gateway.count(),
        0,
        "the secret went to the other platform's gateway"
    );
    assert_eq!(wecom_base.count(), 1);
}

/// The longest values accepted still make a cache entry the next run can read (entries are read
/// with a 16 KiB cap), and a longer or malformed `--agentid` is a usage error before any request.
#[test]
fn the_longest_accepted_values_make_a_readable_entry_and_longer_ones_are_refused() {
    let dir = tempdir();
    let _cleanup = RemoveOnDrop(dir.clone());
    let long_token = "T".repeat(2048);
    let mock = Mock::with(move |_, _| {
        Reply::json(&format!(
            r#"{{"errcode":0,"errmsg":"ok","access_token":"{long_token}","expires_in":7200}}"#
        ))
    });
    let base = mock.url();
    let long_base = format!("{base}/{}", "p".repeat(1024 - base.len() - 1));
    assert_eq!(long_base.len(), 1024);
    let agent = "9".repeat(64);
    for _ in 0..2 {
        let out = run_hiding(
            wecom(&mock)
                .env("WXTOKEN_WECOM_API_BASE", &long_base)
                .args(["--cache", "--agentid", &agent, "--cache-dir"])
                .arg(&dir),
            CORPSECRET,
        );
        assert_eq!(out.code, 0, "{out:?}");
        assert_eq!(out.stdout.trim_end().len(), 2048, "{out:?}");
    }
    assert_eq!(mock.count(), 1, "the second run did not read the entry");

    let too_long = format!("{long_base}p");
    for (what, base, agentid) in [
        ("a 1025-byte api base", too_long.as_str(), "1000002"),
        (
            "a 65-character agentid",
            long_base.as_str(),
            &*"9".repeat(65),
        ),
        ("an agentid with a space", long_base.as_str(), "1000 002"),
    ] {
        let out = run_hiding(
            wecom(&mock)
                .env("WXTOKEN_WECOM_API_BASE", base)
                .args(["--cache", "--agentid", agentid, "--cache-dir"])
                .arg(&dir),
            CORPSECRET,
        );
        assert_eq!(out.code, 2, "{what}: {out:?}");
        assert!(
            out.stderr.starts_with("wxtoken: error: "),
            "{what}: {out:?}"
        );
        assert!(
            !out.stderr.contains("ppppppppppppppppppppppppppppppppp"),
            "{what}: {out:?}"
        );
    }
    // A WeChat Work value is named as WeChat Work names it, with its console's hint.
    let out = run_hiding(
        wecom(&mock)
            .env("WXTOKEN_CORPID", "ww01234 56789abcdef")
            .args(["--cache-dir"])
            .arg(&dir),
        CORPSECRET,
    );
    assert_eq!(out.code, 2, "{out:?}");
    assert!(out.stderr.contains("corpid contains whitespace"), "{out:?}");
    assert!(out.stderr.contains("work.weixin.qq.com"), "{out:?}");
    assert!(!out.stderr.contains("mp.weixin.qq.com"), "{out:?}");
    assert_eq!(mock.count(), 1, "a refused run sent a request");
}
