//! The errcodes of the Official Account and Mini Program API management calls that `wxtoken
//! quota` and `wxtoken rid` make (`/cgi-bin/openapi/quota/get`, `/cgi-bin/clear_quota/v2`,
//! `/cgi-bin/openapi/quota/clear`, `/cgi-bin/openapi/rid/get`), as data. The codes these calls
//! share with the token API (40013, 41002, 41004, 45009 …) are in `mp.rs`; [`super::rows`]
//! merges the two tables in ascending order.
//!
//! None of these is a usage error (exit 2): that exit code is for what wxtoken finds before any
//! request. A `cgi_path` or rid WeChat refuses exits 10 with the explanation of the code.

use super::entry::{Category, Entry};

/// Every catalogued errcode of the API management calls, ascending.
pub static ROWS: &[Entry] = &[
    Entry {
        code: 48006,
        official: "forbid to clear quota because of reaching the limit / api 禁止清零调用次数，因为清零次数达到上限",
        title_en: "no quota resets left this month",
        title_zh: "本月清零次数已用完",
        explain_en: "The account has used up this month's quota resets: 10 a month for the whole account (clear_quota and clear_quota/v2 share them), 50 a month for resetting single APIs.",
        explain_zh: "该账号本月的清零机会已用完：整个账号每月 10 次（clear_quota 与 clear_quota/v2 共用），单个接口清零每月 50 次。",
        hint_en: "wait for next month; until then call less: fetch tokens with --stable or --cache instead of a fresh classic token on every run (stable_token has its own, much larger quota)",
        hint_zh: "等到下个月；在此之前减少调用：用 --stable 或 --cache 获取 token，而不是每次运行都获取新的普通 token（stable_token 有独立且大得多的额度）",
        ip_hint: None,
        check: None,
        category: Category::Quota,
        retryable: false,
    },
    Entry {
        code: 76001,
        official: "rid not found",
        title_en: "request id not found",
        title_zh: "rid 不存在",
        explain_en: "WeChat has no record of a request with this id for this account. Records are kept for 7 days, and only the token's own account's requests can be looked up.",
        explain_zh: "微信在该账号下没有这个请求 ID 的记录。记录只保留 7 天，且只能查询 token 所属账号自己的请求。",
        hint_en: "copy the rid whole from the errmsg (after rid:); a request older than 7 days cannot be looked up; use a token of the account that made the request (its own appid and secret)",
        hint_zh: "从 errmsg 中完整复制 rid（rid: 之后的部分）；超过 7 天的请求无法查询；请使用发出该请求的账号的 token（该账号自己的 appid 和 secret）",
        ip_hint: None,
        check: None,
        category: Category::Other,
        retryable: false,
    },
    Entry {
        code: 76002,
        official: "rid is error",
        title_en: "malformed request id",
        title_zh: "rid 格式错误",
        explain_en: "WeChat does not read this as a request id: a current rid is three groups of 8 hex digits (6610524e-3c4d5e6f-7a8b9c0d).",
        explain_zh: "微信不认为这是请求 ID：当前的 rid 是三组 8 位十六进制数（6610524e-3c4d5e6f-7a8b9c0d）。",
        hint_en: "copy the rid whole from the errmsg; a masked or cut id cannot be looked up, and older hint: [...] ids may not be supported",
        hint_zh: "从 errmsg 中完整复制 rid；被打码或截断的 ID 无法查询，较早的 hint: [...] 形式的 ID 可能不受支持",
        ip_hint: None,
        check: None,
        category: Category::Other,
        retryable: false,
    },
    Entry {
        code: 76003,
        official: "could not query this rid,no permission",
        title_en: "no permission: another account's rid, or a malformed cgi_path",
        title_zh: "无权限：其他账号的 rid，或 cgi_path 格式错误",
        explain_en: "Looking up a rid: the request was made by another account than the token's. Querying a quota: the cgi_path is malformed (it must be the path alone, starting with /).",
        explain_zh: "查询 rid 时：该请求是由 token 所属账号以外的账号发出的。查询额度时：cgi_path 格式错误（必须只是路径，并以 / 开头）。",
        hint_en: "look the rid up with a token of the account that made the request (its own appid and secret); give a cgi_path as /cgi-bin/token, without host or query",
        hint_zh: "请用发出该请求的账号的 token（该账号自己的 appid 和 secret）查询 rid；cgi_path 请写成 /cgi-bin/token 这样，不带主机和查询参数",
        ip_hint: None,
        check: None,
        category: Category::Other,
        retryable: false,
    },
    Entry {
        code: 76004,
        official: "rid time is error",
        title_en: "request id out of time",
        title_zh: "rid 时间错误",
        explain_en: "WeChat refuses the rid's time (not documented; most likely the request is older than the 7 days WeChat keeps records for).",
        explain_zh: "微信拒绝了该 rid 的时间（文档未说明；最可能是请求已超过微信保留记录的 7 天）。",
        hint_en: "a rid can only be looked up for 7 days after the request; for an older one, give it to WeChat support",
        hint_zh: "rid 只能在请求后 7 天内查询；更早的请联系微信客服并提供该 rid",
        ip_hint: None,
        check: None,
        category: Category::Other,
        retryable: false,
    },
    Entry {
        code: 76021,
        official: "cgi_path not found, please check",
        title_en: "unknown cgi_path",
        title_zh: "cgi_path 不存在",
        explain_en: "WeChat knows no API with a quota at this path.",
        explain_zh: "微信没有这个路径的、带调用额度的接口。",
        hint_en: "give the API's path as WeChat documents it, without host or query (for example /cgi-bin/message/custom/send)",
        hint_zh: "请按微信文档写接口路径，不带主机和查询参数（例如 /cgi-bin/message/custom/send）",
        ip_hint: None,
        check: None,
        category: Category::Other,
        retryable: false,
    },
    Entry {
        code: 76022,
        official: "could not use this cgi_path，no permission",
        title_en: "no permission for this cgi_path",
        title_zh: "无权查询该 cgi_path",
        explain_en: "The token's account may not query this API: the token belongs to another account, the account has no such API, or the path is not supported (/sns/ paths are not).",
        explain_zh: "token 所属账号不能查询该接口：token 属于其他账号、该账号没有这个接口，或该路径不受支持（/sns/ 路径不支持）。",
        hint_en: "use a token of the account that calls this API (its own appid and secret); /sns/ paths (web authorization) cannot be queried",
        hint_zh: "请使用调用该接口的账号的 token（该账号自己的 appid 和 secret）；/sns/ 路径（网页授权）无法查询",
        ip_hint: None,
        check: None,
        category: Category::Other,
        retryable: false,
    },
];

#[cfg(test)]
mod tests {
    use super::super::*;

    /// Every text of an explanation, for searching.
    fn all_text(x: &Explanation) -> String {
        format!("{} {} {}", x.title, x.explanation, x.hints.join(" "))
    }

    #[test]
    fn the_quota_and_rid_codes_are_catalogued() {
        let expect = [
            (48006, 8),
            (76001, 10),
            (76002, 10),
            (76003, 10),
            (76004, 10),
            (76021, 10),
            (76022, 10),
        ];
        for (code, exit) in expect {
            let e = lookup(Platform::Mp, code).unwrap();
            assert_eq!(e.exit_code(), exit, "errcode {code}");
            assert!(!e.retryable, "errcode {code}");
            assert!(lookup(Platform::Wecom, code).is_none(), "errcode {code}");
        }
        // The merged table still has the token API's rows, once each.
        assert_eq!(
            rows(Platform::Mp)
                .iter()
                .filter(|e| e.code == 45009 || e.code == 40013)
                .count(),
            2
        );
        let x = explain(Platform::Mp, Context::Fetch, 76003, None, Lang::En);
        assert!(x.explanation.contains("another account") && x.explanation.contains("cgi_path"));
        let x = explain(Platform::Mp, Context::Fetch, 48006, None, Lang::Zh);
        assert!(
            x.explanation.contains("10 次") && x.explanation.contains("50 次"),
            "{x:?}"
        );
    }

    #[test]
    fn the_45009_hint_names_quota_clear_and_its_cost() {
        for (lang, cost) in [(Lang::En, "10 resets a month"), (Lang::Zh, "每月 10 次")] {
            let x = explain(Platform::Mp, Context::Fetch, 45009, None, lang);
            assert!(
                x.hints[0].contains("wxtoken quota clear") && x.hints[0].contains(cost),
                "{x:?}"
            );
        }
        let wecom = explain(Platform::Wecom, Context::Fetch, 45009, None, Lang::En);
        assert!(!all_text(&wecom).contains("quota clear"), "{wecom:?}");
    }

    #[test]
    fn a_whole_rid_is_named_with_the_command_that_looks_it_up() {
        let rid = "6610524e-3c4d5e6f-7a8b9c0d";
        let hint = rid_hint(rid, Platform::Mp, Lang::En);
        assert!(hint.ends_with(&format!("wxtoken rid {rid})")), "{hint}");
        assert!(rid_hint(rid, Platform::Mp, Lang::Zh).contains(&format!("wxtoken rid {rid}")));
        assert!(
            rid_hint("kRt4Ma0731e512", Platform::Mp, Lang::En)
                .contains("wxtoken rid kRt4Ma0731e512")
        );
        for masked in [
            "xxxxxxxx-xxxxxxxx-xxxxxxxx",
            "6610524e-3c4d5e6f-XXXXXXXX",
            "6610524e-3c4d***",
            "6610524e-3c4d5e6f-7a8b…",
            "5fd3c0a1-6e2b7d4f-",
        ] {
            assert!(!errmsg::id_is_whole(masked), "{masked}");
            let hint = rid_hint(masked, Platform::Mp, Lang::En);
            assert!(
                !hint.contains("wxtoken rid") && hint.contains("cannot be looked up"),
                "{hint}"
            );
        }
        let wecom = rid_hint("1712345678402917365820194", Platform::Wecom, Lang::En);
        assert!(!wecom.contains("wxtoken rid"), "{wecom}");
        // Every failure that carries a rid names the command.
        let x = explain(
            Platform::Mp,
            Context::Fetch,
            40013,
            Some("invalid appid rid: 6610524e-3c4d5e6f-7a8b9c0d"),
            Lang::En,
        );
        let f = x.into_error(Lang::En);
        assert!(
            f.hints
                .last()
                .unwrap()
                .contains("wxtoken rid 6610524e-3c4d5e6f-7a8b9c0d")
        );
    }
}
