//! Unit tests of the errmsg reader: every row of the request-id and IP tables.

use super::*;

/// Every row of wechat-api.md §5.1 (made-up ids, as there).
#[test]
fn rid_in_every_form_of_the_table() {
    let rid = "6610524e-3c4d5e6f-7a8b9c0d";
    let cases: &[(&str, Option<&str>)] = &[
        ("invalid appid rid: 6610524e-3c4d5e6f-7a8b9c0d", Some(rid)),
        (
            "invalid appsecret, rid: 6610524e-3c4d5e6f-7a8b9c0d",
            Some(rid),
        ),
        (
            "invalid appsecret rid:6610524e-3c4d5e6f-7a8b9c0d",
            Some(rid),
        ),
        (
            "invalid appid rid:  @60d1e2f3-4a5b6c7d-8e9f0a1b",
            Some("60d1e2f3-4a5b6c7d-8e9f0a1b"),
        ),
        (
            "invalid appid hint: [kRt4Ma0731e512]",
            Some("kRt4Ma0731e512"),
        ),
        (
            "access_token missing hint: [Pq7sDa0418vr33!]",
            Some("Pq7sDa0418vr33"),
        ),
        (
            "invalid appsecret, hints: [ req_id: Tz9Gka0612ns07 ]",
            Some("Tz9Gka0612ns07"),
        ),
        (
            "reach max api daily quota limit hints: [bN-4W7qcE!]",
            Some("bN-4W7qcE"),
        ),
        (
            "invalid credential hint: [Kd.AfWrGE-8xBqLA] rid: 5f2c1a0b-1c2d3e4f-5a6b7c8d",
            Some("5f2c1a0b-1c2d3e4f-5a6b7c8d"),
        ),
        // The rid wins even when the hint comes after it.
        (
            "invalid credential rid: 5f2c1a0b-1c2d3e4f-5a6b7c8d hint: [Kd.AfWrGE-8xBqLA]",
            Some("5f2c1a0b-1c2d3e4f-5a6b7c8d"),
        ),
        ("invalid appid hint: []", None),
        ("invalid appid hint: [ ]", None),
        (
            "invalid credential, access_token is invalid or not latest hint:",
            None,
        ),
        (
            "invalid credential, access_token is invalid or not latest hint",
            None,
        ),
        (
            "access_token expired rid: 5fd3c0a1-6e2b7d4f-",
            Some("5fd3c0a1-6e2b7d4f-"),
        ),
    ];
    for (msg, want) in cases {
        assert_eq!(request_id(msg).as_deref(), *want, "{msg}");
    }
}

#[test]
fn old_ids_keep_dots_underscores_and_dashes() {
    for (msg, want) in [
        ("invalid appid hint: [..Qf.B0522vr18]", "..Qf.B0522vr18"),
        ("invalid appid hint: [7Bj.La0878e508]", "7Bj.La0878e508"),
        ("invalid appid rid: 7Bj.La0878e508", "7Bj.La0878e508"),
        ("invalid appid, rid: ..Qf.B0522vr18", "..Qf.B0522vr18"),
        ("invalid ip hint: [a_b-c.d0123456]", "a_b-c.d0123456"),
        (
            "invalid appsecret, hints: [ req_id: 7Bj.La0878e508 ]",
            "7Bj.La0878e508",
        ),
        ("system error hint: [jotvMa01143580]!", "jotvMa01143580"),
        // A sentence's final dot is not part of an id outside brackets.
        ("invalid appid rid: kRt4Ma0731e512.", "kRt4Ma0731e512"),
    ] {
        assert_eq!(request_id(msg).as_deref(), Some(want), "{msg}");
    }
}

#[test]
fn a_current_rid_ends_where_its_third_group_ends() {
    let rid = "6610524e-3c4d5e6f-7a8b9c0d";
    for tail in [
        "！", "。", ")", "]", "}", "\"", "'", "”", "’", ".", ".abc", "，", ",", "\\\"", "",
    ] {
        let msg = format!("invalid appid rid: {rid}{tail}");
        assert_eq!(request_id(&msg).as_deref(), Some(rid), "{msg}");
    }
    // Glued to more id characters, it is not a current rid: read as pasted.
    assert_eq!(
        request_id("rid: 6610524e-3c4d5e6f-7a8b9c0d9").as_deref(),
        Some("6610524e-3c4d5e6f-7a8b9c0d9")
    );
    // Upper-case hex is not a current rid either, but still an id.
    assert_eq!(
        request_id("rid: 6610524E-3C4D5E6F-7A8B9C0D").as_deref(),
        Some("6610524E-3C4D5E6F-7A8B9C0D")
    );
}

#[test]
fn masked_ids_are_echoed_as_pasted_and_redacted_is_none() {
    for (msg, want) in [
        (
            "invalid appid rid: xxxxxxxx-xxxxxxxx-xxxxxxxx",
            Some("xxxxxxxx-xxxxxxxx-xxxxxxxx"),
        ),
        (
            "invalid appid rid: 6610524e-3c4d5e6f-XXXXXXXX",
            Some("6610524e-3c4d5e6f-XXXXXXXX"),
        ),
        (
            "invalid appid rid: 6610524e-3c4d5e6f-7a8b****",
            Some("6610524e-3c4d5e6f-7a8b****"),
        ),
        ("invalid appid rid: 6610524e-…XXXX", Some("6610524e-…XXXX")),
        ("invalid appid rid: 6610524e…***", Some("6610524e…***")),
        ("invalid appid hint: [jotvMaXXXX]", Some("jotvMaXXXX")),
        ("invalid appid hint: [jotv…***]", Some("jotv…***")),
        ("invalid appid rid: [redacted]", None),
        ("invalid appid rid: redacted", None),
        ("invalid appid rid: <redacted>", None),
        ("invalid appid hint: [redacted]", None),
        ("invalid appid hint: [REDACTED]", None),
        ("invalid appid hint: [[redacted]]", None),
        ("invalid appid rid: ***", None),
        ("invalid appid rid: …", None),
    ] {
        assert_eq!(request_id(msg).as_deref(), want, "{msg}");
    }
}

/// Every form of wechat-api.md §5.2.
#[test]
fn wecom_hints_read_where_a_rid_would_be() {
    let old = "1712345678_57_9c2e4b7a1d3f5e6c8b0a2d4f6e8c0b1a";
    let new = "1712345678402917365820194";
    for (msg, want) in [
        (
            format!(
                "not allow to access from your ip, hint: [{old}], from ip: 1.2.3.4, more info at https://open.work.weixin.qq.com/devtool/query?e=60020"
            ),
            Some(old),
        ),
        (
            format!(
                "invalid credential, hint: [{new}], from ip: 1.2.3.4, more info at https://open.work.weixin.qq.com/devtool/query?e=40001"
            ),
            Some(new),
        ),
        (
            "invalid credential, hint: [], from ip: , more info at https://open.work.weixin.qq.com/devtool/query?e=40001".to_string(),
            None,
        ),
        ("invalid access_token".to_string(), None),
        (format!("invalid corpid, hint: [{new}]"), Some(new)),
        (
            format!("invalid corpid, hint: [{old}], from ip: 1.2.3.4, more info at https://open.work.we"),
            Some(old),
        ),
        (
            "access clientip is not registered requestIP: 1.2.3.4 rid: 6610524e-3c4d5e6f-7a8b9c0d".to_string(),
            Some("6610524e-3c4d5e6f-7a8b9c0d"),
        ),
    ] {
        assert_eq!(request_id(&msg).as_deref(), want, "{msg}");
    }
}

#[test]
fn rid_in_the_existing_forms() {
    let cases = [
        (
            "invalid appid rid: 655d878c-2e41a3f4-65f9b9ba",
            "655d878c-2e41a3f4-65f9b9ba",
        ),
        (
            "invalid credential, rid: 658cff8e-7783352d-44cb33e5",
            "658cff8e-7783352d-44cb33e5",
        ),
        ("invalid appid hint: [jotvMa01143580]", "jotvMa01143580"),
        (
            "invalid credential, hints: [ req_id: IgXGma08222015 ]",
            "IgXGma08222015",
        ),
        (
            "invalid ip 8.149.20.108 ipv6 ::ffff:8.149.20.108, not in whitelist rid: 6597b34f-49e4c9dc-1b25fb87",
            "6597b34f-49e4c9dc-1b25fb87",
        ),
        (
            "invalid appid, view more at http://t.cn/RAEkdVq hint: [kRt4Ma0731e512]",
            "kRt4Ma0731e512",
        ),
        (
            "invalid appid, more details at https://mmbizurl.cn/s/JtxxFh33r rid: 6610524e-3c4d5e6f-7a8b9c0d",
            "6610524e-3c4d5e6f-7a8b9c0d",
        ),
        (
            "invalid appid RID: 6610524e-3c4d5e6f-7a8b9c0d",
            "6610524e-3c4d5e6f-7a8b9c0d",
        ),
    ];
    for (msg, rid) in cases {
        assert_eq!(request_id(msg).as_deref(), Some(rid), "{msg}");
    }
    for none in [
        "invalid appid",
        "rid: ",
        "",
        "grid: abc",
        "hint: abc",
        "hint [abc]",
    ] {
        assert_eq!(request_id(none), None, "{none}");
    }
}

#[test]
fn text_after_a_non_rid_of_26_bytes_is_no_problem() {
    // Byte 26 falls inside a character: a rid's shape is checked before anything is cut.
    assert_eq!(request_id("rid: 错错错错错错错错x"), None);
    assert_eq!(
        request_id("rid: 6610524e-3c4d5e6f-7a8b9c0错").as_deref(),
        Some("6610524e-3c4d5e6f-7a8b9c0")
    );
}

/// The invariants the fuzz target asserts, on every seed it starts from.
#[test]
fn the_fuzz_invariants_hold_on_every_seed() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/seeds/errmsg");
    let mut seeds = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let bytes = std::fs::read(entry.unwrap().path()).unwrap();
        let text = String::from_utf8_lossy(&bytes);
        if let Some(rid) = request_id(&text) {
            assert!(rid.chars().all(is_id_char), "{rid:?}");
            assert!(rid.chars().any(|c| c.is_ascii_alphanumeric()), "{rid:?}");
            assert!(!rid.eq_ignore_ascii_case("redacted"));
            assert!(text.contains(&rid));
        }
        if let Some(ip) = caller_ip(&text) {
            let parsed: IpAddr = ip.parse().unwrap();
            assert!(!parsed.is_unspecified(), "{text}");
            if let IpAddr::V6(v6) = parsed {
                assert!(v6.to_ipv4_mapped().is_none(), "{text}");
            }
        }
        if has_ipv4_mapped_form(&text) {
            assert!(text.to_ascii_lowercase().contains("::ffff:"));
        }
        seeds += 1;
    }
    assert!(seeds >= 30, "{seeds} seeds in {}", dir.display());
}

#[test]
fn ip_with_and_without_the_ipv6_part() {
    assert_eq!(
        caller_ip("invalid ip 8.149.20.108 ipv6 ::ffff:8.149.20.108, not in whitelist rid: 6597b34f-49e4c9dc-1b25fb87")
            .as_deref(),
        Some("8.149.20.108")
    );
    assert_eq!(
        caller_ip("invalid ip 101.32.0.7, not in whitelist hint: [Xy0123]").as_deref(),
        Some("101.32.0.7")
    );
    assert_eq!(
        caller_ip("invalid ip ::ffff:1.2.3.4, not in whitelist").as_deref(),
        Some("1.2.3.4")
    );
    assert_eq!(
        caller_ip("invalid ip 2408:8000::1 ipv6 2408:8000::1, not in whitelist").as_deref(),
        Some("2408:8000::1")
    );
    assert_eq!(
        caller_ip("invalid appid rid: 655d878c-2e41a3f4-65f9b9ba"),
        None
    );
    assert_eq!(caller_ip("not in whitelist"), None);
    assert_eq!(
        caller_ip("invalid ip ::ffff:0.0.0.0, not in whitelist"),
        None
    );
    assert_eq!(caller_ip("invalid ip 0.0.0.0, not in whitelist"), None);
}

#[test]
fn a_masked_ip_is_no_ip() {
    for masked in [
        "x.x.x.x",
        "10.1.XXX.XXX",
        "*****",
        "<your_ip>",
        "[redacted]",
        "192.168.1.1xx",
        "1.2.3.*",
    ] {
        for msg in [
            format!("invalid ip {masked}, not in whitelist rid: 6610524e-3c4d5e6f-7a8b9c0d"),
            format!("invalid ip {masked} ipv6 ::ffff:{masked}, not in whitelist"),
            format!(
                "not allow to access from your ip, hint: [1712345678402917365820194], from ip: {masked}, more info at https://open.work.weixin.qq.com/devtool/query?e=60020"
            ),
            format!(
                "access clientip is not registered requestIP: {masked} rid: 6610524e-3c4d5e6f-7a8b9c0d"
            ),
        ] {
            assert_eq!(caller_ip(&msg), None, "{msg}");
        }
    }
    // WeCom's empty `from ip:`.
    assert_eq!(
        caller_ip(
            "invalid credential, hint: [], from ip: , more info at https://open.work.weixin.qq.com/devtool/query?e=40001"
        ),
        None
    );
}

#[test]
fn ip_after_from_ip_and_request_ip() {
    for (msg, want) in [
        (
            "not allow to access from your ip, hint: [1712345678402917365820194], from ip: 203.0.113.9, more info at https://open.work.weixin.qq.com/devtool/query?e=60020",
            "203.0.113.9",
        ),
        (
            "not allow to access from your ip, hint: [1712345678_57_9c2e4b7a1d3f5e6c8b0a2d4f6e8c0b1a], from ip: 203.0.113.9",
            "203.0.113.9",
        ),
        (
            "access clientip is not registered requestIP: 198.51.100.23 rid: 6610524e-3c4d5e6f-7a8b9c0d",
            "198.51.100.23",
        ),
        (
            "access clientip is not registered requestIP:198.51.100.23 rid: 6610524e-3c4d5e6f-7a8b9c0d",
            "198.51.100.23",
        ),
        ("from ip: ::ffff:203.0.113.9, more", "203.0.113.9"),
        ("invalid ip 203.0.113.9。", "203.0.113.9"),
        ("invalid ip 203.0.113.9:443 not in whitelist", "203.0.113.9"),
        ("caller (203.0.113.9) not in whitelist", "203.0.113.9"),
    ] {
        assert_eq!(caller_ip(msg).as_deref(), Some(want), "{msg}");
    }
}

#[test]
fn the_ipv4_mapped_form_is_noticed() {
    assert!(has_ipv4_mapped_form(
        "invalid ip 8.149.20.108 ipv6 ::ffff:8.149.20.108, not in whitelist rid: 6597b34f-49e4c9dc-1b25fb87"
    ));
    assert!(has_ipv4_mapped_form(
        "invalid ip ::FFFF:1.2.3.4, not in whitelist"
    ));
    assert!(has_ipv4_mapped_form("invalid ip ::ffff:102:304."));
    for no in [
        "invalid ip 8.149.20.108, not in whitelist rid: 6597b34f-49e4c9dc-1b25fb87",
        "invalid ip 2408:8000::1 ipv6 2408:8000::1, not in whitelist",
        "invalid ip x.x.x.x ipv6 ::ffff:x.x.x.x, not in whitelist",
        "the ::ffff: prefix",
        "",
    ] {
        assert!(!has_ipv4_mapped_form(no), "{no}");
    }
}

/// 2026-01-01T00:00:00Z, the "now" of the time tests.
const NOW: u64 = 1_767_225_600;

#[test]
fn a_wecom_hint_dates_the_request() {
    let t = Some(1_712_345_678);
    let cases = [
        ("1712345678402917365820194", t),
        ("1712345678_57_9c2e4b7a1d3f5e6c8b0a2d4f6e8c0b1a", t),
        ("17123456784029", t), // what a log left of one
        ("1712345678_57_9c2e", t),
        ("1767312000402917365820194", Some(1_767_312_000)), // a day ahead: clocks differ
        ("1420070400402917365820194", Some(1_420_070_400)),
        // Not a WeCom hint, or not a plausible time (before 2015, more than a day ahead).
        ("kRt4Ma0731e512", None),
        ("1712345678402917365820194999", None),
        ("1712345678_x_9c2e", None),
        ("1712345678_57_xyz", None),
        ("171234567", None),
        ("1412345678402917365820194", None),
        ("1767312001402917365820194", None),
    ];
    for (hint, want) in cases {
        let msg = format!("invalid credential, hint: [{hint}], from ip: 1.2.3.4, more info at x");
        assert_eq!(received_at_given(&msg, NOW), want, "{msg}");
    }
    let rid = "invalid appid rid: 16105240-3c4d5e6f-7a8b9c0d";
    assert_eq!(received_at_given(rid, NOW), None);
    assert_eq!(received_at("x, hint: [1712345678402917365820194]"), t);
}

#[test]
fn the_devtool_link_only_when_whole() {
    let url = "https://open.work.weixin.qq.com/devtool/query?e=60020";
    let cases = [("", true), (".", true), ("\"}", true), ("。错误代码", true)];
    // Running on into more URL, or cut with an ellipsis.
    let cases = cases
        .into_iter()
        .chain([("&y=1", false), ("abc", false), ("…", false)]);
    for (tail, whole) in cases {
        let msg = format!("x, hint: [1], from ip: 1.2.3.4, more info at {url}{tail}");
        let want = whole.then(|| url.to_string());
        assert_eq!(more_info_link(&msg), want, "{msg}");
    }
    let upper = "more info at HTTPS://OPEN.WORK.WEIXIN.QQ.COM/devtool/query?e=-1";
    let lower = "https://open.work.weixin.qq.com/devtool/query?e=-1";
    assert_eq!(more_info_link(upper).as_deref(), Some(lower));
    // Cut off by a log.
    for n in [20, 44, url.len() - 5] {
        let msg = format!("x, more info at {}", &url[..n]);
        assert_eq!(more_info_link(&msg), None, "{msg}");
    }
}

#[test]
fn wecom_errmsgs_are_recognised() {
    assert!(looks_like_wecom(
        "invalid credential, hint: [], from ip: , more info at x"
    ));
    assert!(looks_like_wecom(
        "x, more info at https://open.work.weixin.qq.com/devtool/qu"
    ));
    assert!(looks_like_wecom(
        "x, hint: [1712345678_57_9c2e], from ip: 203.0.113.9"
    ));
    assert!(!looks_like_wecom(
        "invalid ip 1.2.3.4 ipv6 ::ffff:1.2.3.4, not in whitelist"
    ));
    assert!(!looks_like_wecom("not allow to access from your ip"));
    assert!(!looks_like_wecom(
        "access clientip is not registered requestIP: 1.2.3.4"
    ));
    assert!(!looks_like_wecom("invalid access_token"));
}
