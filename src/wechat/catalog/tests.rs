//! Unit tests of the catalogue: its rows, per platform, and the one explanation path.

use super::*;

const PLATFORMS: [Platform; 2] = [Platform::Mp, Platform::Wecom];

#[test]
fn codes_are_unique_and_sorted() {
    for platform in PLATFORMS {
        assert!(!rows(platform).is_empty(), "{}", platform.name());
        for pair in rows(platform).windows(2) {
            assert!(
                pair[0].code < pair[1].code,
                "{}: {} then {}",
                platform.name(),
                pair[0].code,
                pair[1].code
            );
        }
    }
}

#[test]
fn exit_codes_by_category() {
    let expect = [
        (-1, 5),
        (40001, 6),
        (40013, 6),
        (40125, 6),
        (41002, 6),
        (41004, 6),
        (40164, 7),
        (89501, 7),
        (89503, 7),
        (89506, 7),
        (89507, 7),
        (45009, 8),
        (45011, 8),
        (40243, 9),
        (50002, 9),
        (50004, 9),
        (50007, 9),
        (61024, 9),
        (40002, 10),
        (43002, 13),
        (48001, 14),
    ];
    for (code, exit) in expect {
        assert_eq!(
            lookup(Platform::Mp, code).unwrap().exit_code(),
            exit,
            "errcode {code}"
        );
    }
    assert!(lookup(Platform::Mp, 12345).is_none());
}

#[test]
fn every_row_has_both_languages() {
    for e in PLATFORMS.into_iter().flat_map(rows) {
        for zh in [e.title_zh, e.explain_zh, e.hint_zh] {
            assert!(!zh.is_ascii(), "errcode {}: no Chinese in {zh}", e.code);
        }
        let mut texts = vec![
            e.title_en,
            e.title_zh,
            e.explain_en,
            e.explain_zh,
            e.hint_en,
            e.hint_zh,
            e.official,
        ];
        if let Some(t) = e.ip_hint {
            assert!(t.en.contains("{ip}") && t.zh.contains("{ip}"), "{}", e.code);
            texts.extend([t.en, t.zh]);
        }
        if let Some(c) = &e.check {
            for t in [c.title, c.explain, c.hint, c.note].into_iter().flatten() {
                texts.extend([t.en, t.zh]);
            }
        }
        for text in texts {
            assert!(
                !text.trim().is_empty(),
                "errcode {} has an empty text",
                e.code
            );
        }
    }
}

#[test]
fn the_ip_is_named_in_title_and_hint() {
    let x = explain(
        Platform::Mp,
        Context::Fetch,
        40164,
        Some(
            "invalid ip 8.149.20.108 ipv6 ::ffff:8.149.20.108, not in whitelist rid: 6597b34f-49e4c9dc-1b25fb87",
        ),
        Lang::En,
    );
    assert_eq!(x.exit_code, 7);
    assert!(x.message.contains("8.149.20.108"));
    assert!(x.hints[0].starts_with("add 8.149.20.108 to the IP whitelist"));
    assert_eq!(x.rid.as_deref(), Some("6597b34f-49e4c9dc-1b25fb87"));
    let checking = explain(Platform::Mp, Context::Check, 40164, None, Lang::Zh);
    assert_eq!(checking.hints.len(), 2, "the check note");
    assert_eq!(checking.exit_code, 7);
}

#[test]
fn checking_a_token_changes_what_40001_and_42001_mean() {
    let fetching = explain(Platform::Mp, Context::Fetch, 40001, None, Lang::En);
    let checking = explain(Platform::Mp, Context::Check, 40001, None, Lang::En);
    assert!(fetching.title.contains("AppSecret"));
    assert!(checking.title.contains("superseded"));
    assert_eq!((fetching.exit_code, checking.exit_code), (6, 6));
    let expired = explain(Platform::Mp, Context::Check, 42001, None, Lang::En);
    assert_eq!(expired.exit_code, 6);
    assert_eq!(
        explain(Platform::Mp, Context::Fetch, 42001, None, Lang::En).exit_code,
        10
    );
}

#[test]
fn an_unknown_code_has_one_wording() {
    let x = explain(
        Platform::Mp,
        Context::Fetch,
        12345,
        Some("strange \x1b[31m thing"),
        Lang::Zh,
    );
    assert_eq!(x.exit_code, 10);
    assert!(!x.known);
    assert!(x.message.contains("12345") && !x.message.contains('\x1b'));
    assert!(
        !x.message.contains("strange"),
        "errmsg is shown once, elsewhere"
    );
    let bare = explain(Platform::Mp, Context::Fetch, 12345, None, Lang::En);
    assert_eq!(
        bare.message,
        "WeChat answered errcode 12345, which is not in wxtoken's catalogue"
    );
    assert!(bare.hints[0].contains("Global_Return_Code"));
}

#[test]
fn the_ffff_remark_only_when_the_errmsg_has_that_form() {
    let with = explain(
        Platform::Mp,
        Context::Fetch,
        40164,
        Some("invalid ip 1.2.3.4 ipv6 ::ffff:1.2.3.4, not in whitelist"),
        Lang::En,
    );
    assert!(
        with.hints.iter().any(|h| h.contains("::ffff:1.2.3.4")),
        "{with:?}"
    );
    let without = explain(
        Platform::Mp,
        Context::Fetch,
        40164,
        Some("invalid ip 1.2.3.4, not in whitelist"),
        Lang::En,
    );
    assert!(
        !without.hints.iter().any(|h| h.contains("ffff")),
        "{without:?}"
    );
}

#[test]
fn platform_names() {
    assert_eq!(Platform::Mp.name(), "mp");
    assert_eq!(Platform::Wecom.name(), "wecom");
}

#[test]
fn wecom_exit_codes_by_category() {
    let expect = [
        (-1, 5, 5),
        (40001, 6, 6),
        (40013, 6, 6),
        (40091, 6, 6),
        (41002, 6, 6),
        (41004, 6, 6),
        (60020, 7, 7),
        (45009, 8, 8),
        (45033, 8, 8),
        (40014, 10, 6),
        (41001, 10, 6),
        (42001, 10, 6),
        (48002, 14, 14),
        (301002, 10, 10),
    ];
    for (code, fetch, check) in expect {
        let e = lookup(Platform::Wecom, code).unwrap();
        let exits = (
            e.exit_code_in(Context::Fetch),
            e.exit_code_in(Context::Check),
        );
        assert_eq!(exits, (fetch, check), "errcode {code}");
    }
    assert_eq!(rows(Platform::Wecom).len(), expect.len());
    assert!(
        lookup(Platform::Wecom, 40164).is_none(),
        "WeCom's IP code is 60020"
    );
    assert!(lookup(Platform::Mp, 60020).is_none());
}

/// Every text of an explanation, for searching.
fn all_text(x: &Explanation) -> String {
    format!("{} {} {}", x.title, x.explanation, x.hints.join(" "))
}

#[test]
fn on_wecom_40001_is_a_wrong_secret_never_superseded() {
    for lang in [Lang::En, Lang::Zh] {
        for context in [Context::Fetch, Context::Check] {
            let x = explain(Platform::Wecom, context, 40001, None, lang);
            assert_eq!(x.exit_code, 6);
            let text = all_text(&x);
            for word in ["superseded", "覆盖", "--stable", "AppSecret"] {
                assert!(!text.contains(word), "{context:?} {lang:?}: {text}");
            }
        }
    }
    let fetching = explain(Platform::Wecom, Context::Fetch, 40001, None, Lang::En);
    assert!(fetching.title.contains("secret"), "{fetching:?}");
    assert!(fetching.hints[0].contains("应用详情") && fetching.hints[0].contains("通讯录管理助手"));
    assert_eq!(
        fetching.official.as_deref(),
        Some("不合法的secret参数；secret在应用详情/通讯录管理助手可查看")
    );
    let checking = explain(Platform::Wecom, Context::Check, 40001, None, Lang::En);
    assert!(checking.explanation.contains("revoked"), "{checking:?}");
    assert!(checking.hints[0].contains("once"), "{checking:?}");
    // The same number on the Official Account API still means a superseded token.
    let mp = explain(Platform::Mp, Context::Check, 40001, None, Lang::En);
    assert!(mp.title.contains("superseded"));
}

const WECOM_60020: &str = "not allow to access from your ip, hint: [1712345678402917365820194], from ip: 203.0.113.9, more info at https://open.work.weixin.qq.com/devtool/query?e=60020";

#[test]
fn wecom_60020_names_the_ip_and_where_it_goes() {
    let x = explain(
        Platform::Wecom,
        Context::Fetch,
        60020,
        Some(WECOM_60020),
        Lang::En,
    );
    assert_eq!(x.exit_code, 7);
    assert!(!x.retryable);
    assert_eq!(x.ip.as_deref(), Some("203.0.113.9"));
    assert!(x.title.ends_with(": 203.0.113.9"), "{x:?}");
    assert!(
        x.hints[0].starts_with("add 203.0.113.9 to 企业可信IP"),
        "{x:?}"
    );
    for part in [
        "应用详情",
        "可信域名",
        "接收消息服务器URL",
        "服务商管理后台",
        "IP白名单",
    ] {
        assert!(x.hints[0].contains(part), "{part}: {x:?}");
    }
    assert_eq!(x.rid.as_deref(), Some("1712345678402917365820194"));
    let zh = explain(
        Platform::Wecom,
        Context::Fetch,
        60020,
        Some(WECOM_60020),
        Lang::Zh,
    );
    assert!(
        zh.hints[0].starts_with("将 203.0.113.9 加入企业可信IP"),
        "{zh:?}"
    );
    let bare = explain(Platform::Wecom, Context::Fetch, 60020, None, Lang::En);
    assert!(bare.hints[0].contains("企业可信IP") && !bare.hints[0].contains("{ip}"));
    let checking = explain(Platform::Wecom, Context::Check, 60020, None, Lang::En);
    assert_eq!(
        (checking.exit_code, checking.hints.len()),
        (7, 2),
        "the check note"
    );
}

#[test]
fn wecom_errmsg_gives_the_page_and_the_time() {
    let x = explain(
        Platform::Wecom,
        Context::Fetch,
        60020,
        Some(WECOM_60020),
        Lang::En,
    );
    let page =
        "WeChat Work's page for this code: https://open.work.weixin.qq.com/devtool/query?e=60020";
    assert!(x.hints.iter().any(|h| h == page), "{x:?}");
    let at = "WeChat Work probably received the request at 2024-04-05T19:34:38Z (read from the request id; observed, not documented)";
    assert!(x.hints.iter().any(|h| h == at), "{x:?}");
    let zh = explain(
        Platform::Wecom,
        Context::Fetch,
        60020,
        Some(WECOM_60020),
        Lang::Zh,
    );
    assert!(
        zh.hints
            .iter()
            .any(|h| h.contains("2024-04-05T19:34:38Z") && h.contains("收到"))
    );
    // A link cut inside the code names another page: left out.
    let cut = WECOM_60020.replace("e=60020", "e=600");
    let x = explain(Platform::Wecom, Context::Fetch, 60020, Some(&cut), Lang::En);
    assert!(!all_text(&x).contains("devtool/query"), "{x:?}");
    // An unknown code keeps the page, and points at WeChat Work's own list.
    let msg = "strange, hint: [1712345678402917365820194], more info at https://open.work.weixin.qq.com/devtool/query?e=99999";
    let x = explain(Platform::Wecom, Context::Fetch, 99999, Some(msg), Lang::En);
    assert!(!x.known && x.message.starts_with("WeChat Work answered errcode 99999"));
    assert!(x.hints[0].contains("document/path/90313"), "{x:?}");
    assert!(x.hints.iter().any(|h| h.ends_with("?e=99999")), "{x:?}");
    // The Official Account API is untouched.
    let mp = explain(
        Platform::Mp,
        Context::Fetch,
        40164,
        Some(WECOM_60020),
        Lang::En,
    );
    assert_eq!(mp.hints.len(), 1, "{mp:?}");
}

#[test]
fn wecom_45009_stops_and_names_the_block_checker() {
    let x = explain(Platform::Wecom, Context::Fetch, 45009, None, Lang::En);
    assert!(!x.retryable);
    assert_eq!(x.exit_code, 8);
    let checker = "https://open.work.weixin.qq.com/wwopen/devtool/checkCorpSpamBlock";
    assert!(
        x.hints[0].contains(checker) && x.hints[0].contains("loop"),
        "{x:?}"
    );
    assert!(x.explanation.contains("hour"), "{x:?}");
    let zh = explain(Platform::Wecom, Context::Fetch, 45009, None, Lang::Zh);
    assert!(zh.hints[0].contains(checker) && zh.hints[0].contains("不要循环重试"));
    let mp = explain(Platform::Mp, Context::Fetch, 45009, None, Lang::En);
    assert!(!all_text(&mp).contains("checkCorpSpamBlock"));
    let concurrency = lookup(Platform::Wecom, 45033).unwrap();
    assert!(concurrency.retryable && concurrency.category == Category::Quota);
    assert!(concurrency.hint_en.contains("fewer parallel calls"));
}

#[test]
fn a_failure_exits_by_its_context() {
    let code = |errcode: i64, context: Context| {
        explain(Platform::Mp, context, errcode, None, Lang::En)
            .into_failure(Lang::En)
            .exit_code()
    };
    assert_eq!(code(-1, Context::Fetch), 5);
    assert_eq!(code(99999, Context::Fetch), 10);
    // An expired token is no credential problem while fetching one, but is while checking it.
    assert_eq!(code(42001, Context::Fetch), 10);
    assert_eq!(code(42001, Context::Check), 6);
    assert_eq!(code(40164, Context::Check), 7);
}
