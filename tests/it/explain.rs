//! `wxtoken explain`: offline, so these tests start no server at all.

use crate::common::*;
use wxtoken::platform::Platform;
use wxtoken::wechat::catalog::rows;

#[test]
fn every_catalogued_code_is_explained() {
    for e in rows(Platform::Mp) {
        let code = e.code.to_string();
        let out = run(wxtoken().args(["explain", &code]));
        assert_eq!(out.code, 0, "{code}: {out:?}");
        assert!(
            out.stdout.starts_with(&format!("{code}  {}", e.title_en)),
            "{out:?}"
        );
        assert!(flat(&out.stdout).contains(e.explain_en), "{out:?}");
        assert!(flat(&out.stdout).contains(e.hint_en), "{out:?}");
        assert!(
            flat(&out.stdout).contains(&format!("exit code:   {}", e.exit_code())),
            "{out:?}"
        );
        assert!(says(&out.stdout, e.official), "{out:?}");

        let out = run(wxtoken().args(["explain", "--json", &code]));
        let doc = out.json();
        assert_eq!(doc["errcode"], e.code);
        assert_eq!(doc["exit_code"], e.exit_code());
        assert_eq!(doc["retryable"], e.retryable);
        assert_eq!(doc["title"], e.title_en);
        assert_eq!(doc["explanation"], e.explain_en);
        assert_eq!(doc["hint"], e.hint_en);

        let out = run(wxtoken().args(["explain", "--lang", "zh", &code]));
        assert!(
            says(&out.stdout, e.title_zh) && says(&out.stdout, e.hint_zh),
            "{out:?}"
        );
    }
}

#[test]
fn negative_codes_are_plain_arguments() {
    let out = run(wxtoken().args(["explain", "-1"]));
    assert_eq!(out.code, 0, "{out:?}");
    assert!(out.stdout.contains("WeChat is busy"));
    assert!(out.stdout.contains("retry helps: yes"));
}

#[test]
fn a_pasted_response_shows_the_ip_and_rid() {
    let resp = r#"{"errcode":40164,"errmsg":"invalid ip 8.149.20.108 ipv6 ::ffff:8.149.20.108, not in whitelist rid: 6597b34f-49e4c9dc-1b25fb87"}"#;
    let out = run(wxtoken().args(["explain", resp]));
    assert_eq!(out.code, 0, "{out:?}");
    assert!(out.stdout.contains("calling IP:  8.149.20.108"), "{out:?}");
    assert!(
        out.stdout
            .contains("request id:  6597b34f-49e4c9dc-1b25fb87"),
        "{out:?}"
    );
    let doc = run(wxtoken().args(["explain", "--json", resp])).json();
    assert_eq!(doc["ip"], "8.149.20.108");
    assert_eq!(doc["rid"], "6597b34f-49e4c9dc-1b25fb87");
    assert_eq!(doc["exit_code"], 7);
}

#[test]
fn stdin_takes_a_response_or_codes() {
    let out = run(wxtoken()
        .args(["explain", "-", "--json"])
        .write_stdin(r#"{"errcode":40013,"errmsg":"invalid appid hint: [jotvMa01143580]"}"#));
    assert_eq!(out.code, 0, "{out:?}");
    assert_eq!(out.json()["rid"], "jotvMa01143580");
    let out = run(wxtoken()
        .args(["explain", "-", "--json"])
        .write_stdin("40001\n42001 -1\n"));
    assert_eq!(out.code, 0, "{out:?}");
    let codes: Vec<i64> = out
        .json()
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["errcode"].as_i64().unwrap())
        .collect();
    assert_eq!(codes, vec![40001, 42001, -1]);
}

#[test]
fn an_unknown_code_exits_10_and_the_known_ones_are_still_printed() {
    let out = run(wxtoken().args(["explain", "40013", "12345"]));
    assert_eq!(out.code, 10, "{out:?}");
    assert!(out.stdout.contains("40013  invalid AppID"), "{out:?}");
    assert!(
        out.stdout.contains("12345  not in wxtoken's catalogue"),
        "{out:?}"
    );
    let doc = run(wxtoken().args(["explain", "--json", "12345", "40013"])).json();
    assert_eq!(doc[0]["known"], false);
    assert_eq!(doc[0]["exit_code"], 10);
    assert_eq!(doc[1]["known"], true);
}

#[test]
fn garbage_exits_2_and_prints_nothing_on_stdout() {
    for bad in [
        vec!["explain", "hello"],
        vec!["explain", r#"{"foo":1}"#],
        vec!["explain"],
        vec!["explain", "40013", "x1"],
    ] {
        let out = run(wxtoken().args(&bad));
        assert_eq!(out.code, 2, "{bad:?}: {out:?}");
        assert_eq!(out.stdout, "", "{bad:?}");
        assert!(out.stderr.starts_with("wxtoken: error: "), "{out:?}");
    }
    let out = run(wxtoken().args(["explain", "--json", "hello"]));
    assert_eq!(out.json()["error"]["kind"], "usage");
    let out = run(wxtoken().args(["explain", "-"]).write_stdin("not a code"));
    assert_eq!(out.code, 2, "{out:?}");
}

#[test]
fn a_pasted_success_never_echoes_the_token() {
    let resp = format!(r#"{{"access_token":"{TOKEN}","expires_in":7200}}"#);
    let out = run(wxtoken().args(["explain", &resp]));
    assert_eq!(out.code, 0, "{out:?}");
    assert!(out.stdout.contains("success"), "{out:?}");
    assert!(!out.stdout.contains(TOKEN));
}

#[test]
fn all_prints_the_whole_catalogue() {
    let out = run(wxtoken().args(["explain", "--all"]));
    assert_eq!(out.code, 0);
    let (catalogue, exits) = out.stdout.split_once("\n\n").expect("two tables");
    assert_eq!(catalogue.lines().count(), rows(Platform::Mp).len() + 1);
    for e in rows(Platform::Mp) {
        assert!(catalogue.contains(e.title_en), "{}", e.code);
    }
    // The same exit-code rows as --help (and README, see tests/docs.rs).
    let help = run(wxtoken().arg("--help")).stdout;
    assert!(exits.starts_with("Exit codes:"), "{exits}");
    assert!(help.contains(exits.trim_end()), "{help}\n---\n{exits}");
    let doc = run(wxtoken().args(["explain", "--all", "--json"])).json();
    let items = doc.as_array().unwrap();
    assert_eq!(items.len(), rows(Platform::Mp).len());
    for (item, e) in items.iter().zip(rows(Platform::Mp)) {
        assert_eq!(item["errcode"], e.code);
        assert_eq!(item["exit_code"], e.exit_code());
        assert!(item["hint"].is_string() && item["explanation"].is_string());
    }
}

#[test]
fn a_pasted_answer_gets_the_same_explanation_as_fetch_gives() {
    let errmsg = "invalid ip 8.149.20.108 ipv6 ::ffff:8.149.20.108, not in whitelist rid: 6597b34f-49e4c9dc-1b25fb87";
    let body = serde_json::json!({"errcode": 40164, "errmsg": errmsg}).to_string();
    let mock = Mock::start(vec![Reply::json(&body)]);
    for lang in ["en", "zh"] {
        let fetched = run(fetch(&mock).args(["--json", "--lang", lang])).json();
        let pasted = run(wxtoken().args(["explain", "--json", "--lang", lang, &body])).json();
        let fetched_hints = fetched["error"]["hint"].as_str().unwrap();
        let pasted_hint = pasted["hint"].as_str().unwrap();
        assert!(pasted_hint.contains("8.149.20.108"), "{pasted}");
        assert!(
            fetched_hints.starts_with(pasted_hint),
            "explain and fetch word 40164 differently:\n{pasted_hint}\n{fetched_hints}"
        );
        assert_eq!(pasted["exit_code"], fetched["exit_code"]);
        assert_eq!(pasted["rid"], fetched["error"]["rid"]);
        assert_eq!(pasted["ip"], fetched["error"]["ip"]);
    }
}

#[test]
fn stdin_without_an_answer_names_stdin_and_its_length_not_its_text() {
    let text = "no code here, just words\n";
    let out = run(wxtoken().args(["explain", "-"]).write_stdin(text));
    assert_eq!(out.code, 2, "{out:?}");
    assert_eq!(out.stdout, "", "{out:?}");
    assert!(out.stderr.contains("stdin (24 characters)"), "{out:?}");
    assert!(!out.stderr.contains("just words"), "{out:?}");
    // An argument is named as the input.
    let out = run(wxtoken().args(["explain", "just words"]));
    assert_eq!(out.code, 2, "{out:?}");
    assert!(out.stderr.contains("the input (10 characters)"), "{out:?}");
    assert!(!out.stderr.contains("just words"), "{out:?}");
}

#[test]
fn a_paste_and_codes_mix_on_stdin_in_order() {
    let out = run(wxtoken().args(["explain", "-", "--json"]).write_stdin(
        "40013\nRequest access_token fail: {\"errcode\":40164,\"errmsg\":\"invalid ip 1.2.3.4, not in whitelist\"}\n-1\n",
    ));
    assert_eq!(out.code, 0, "{out:?}");
    let doc = out.json();
    let codes: Vec<i64> = doc
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["errcode"].as_i64().unwrap())
        .collect();
    assert_eq!(codes, vec![40013, 40164, -1]);
    assert_eq!(doc[1]["ip"], "1.2.3.4");
}

#[test]
fn stdin_is_read_up_to_1_mib_even_when_a_character_is_cut_there() {
    // A 3-byte character straddles the 1 MiB limit; the answer before it is still read.
    let mut text = String::from("{\"errcode\":40001,\"errmsg\":\"invalid credential\"}\n");
    while text.len() < 1024 * 1024 - 1 {
        text.push(' ');
    }
    text.push_str("错错错");
    let out = run(wxtoken().args(["explain", "-", "--json"]).write_stdin(text));
    assert_eq!(out.code, 0, "{out:?}");
    assert_eq!(out.json()["errcode"], 40001);
}

#[test]
fn every_code_of_every_api_is_explained_on_its_platform() {
    // Codes the curated catalogue does not hold come from the global table: exit 0, the text in
    // both languages, the exit code the failure would have.
    let out = run(wxtoken().args(["explain", "45047", "40117", "--json"]));
    assert_eq!(out.code, 0, "{out:?}");
    let doc = out.json();
    let items = doc.as_array().expect("one document per code");
    assert_eq!(items[0]["title"], "out of response count limit", "{doc}");
    assert_eq!(items[0]["exit_code"], 8, "{doc}");
    assert!(
        items[1]["official"].as_str().unwrap().contains("media_id"),
        "{doc}"
    );
    let zh = run(wxtoken().args(["--lang", "zh", "explain", "45047"]));
    assert!(zh.stdout.contains("客服接口下行条数超过上限"), "{zh:?}");
    // One number, two meanings: the platform decides.
    let mp = run(wxtoken().args(["explain", "48002"]));
    assert!(flat(&mp.stdout).contains("block"), "{mp:?}");
    let wecom = run(wxtoken().args(["explain", "--platform", "wecom", "60011", "48002"]));
    assert_eq!(wecom.code, 0, "{wecom:?}");
    assert!(
        says(&wecom.stdout, "troubleshooting (in Chinese)"),
        "{wecom:?}"
    );
    assert!(wecom.stdout.contains("应用的可见范围"), "{wecom:?}");
    assert!(
        says(
            &wecom.stdout,
            "14, api: the account or app has no permission"
        ),
        "{wecom:?}"
    );
    // A number no catalogue holds is still exit 10.
    let out = run(wxtoken().args(["explain", "987654321"]));
    assert_eq!(out.code, 10, "{out:?}");
}
