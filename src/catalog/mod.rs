//! The errcode catalogue, keyed by platform, and the one function that turns an errcode (and
//! its errmsg) into an explanation. `fetch`, `check`, `doctor` and `explain` all render what
//! [`explain`] returns; `--help`, README and `explain --all` read the same rows.

mod mp;

use crate::errmsg;
use crate::lang::Lang;
use crate::redact::{mask_server_text, sanitize};

/// A text in both languages.
#[derive(Debug, Clone, Copy)]
pub struct Text {
    pub en: &'static str,
    pub zh: &'static str,
}

impl Text {
    pub fn get(&self, lang: Lang) -> &'static str {
        lang.pick(self.en, self.zh)
    }
}

/// What a code means when a token is being checked, where that differs from fetching one.
#[derive(Debug)]
pub struct CheckText {
    pub title: Option<Text>,
    pub explain: Option<Text>,
    pub hint: Option<Text>,
    /// A further hint, after the hint.
    pub note: Option<Text>,
}

/// What kind of failure an errcode is; the exit code is derived from it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Category {
    /// WeChat is busy (-1).
    Busy,
    /// appid or secret rejected.
    Credentials,
    /// The calling IP is not allowed.
    Ip,
    /// Rate or quota limit reached.
    Quota,
    /// Account or AppSecret frozen, barred, or the wrong kind of account.
    Account,
    /// The access_token itself was rejected (met when checking a token).
    Token,
    /// Anything else (bad grant_type, wrong method, missing permission).
    Other,
}

impl Category {
    /// Exit code of `wxtoken fetch` (and of every command but `check`) for this category.
    pub fn exit_code(self) -> u8 {
        match self {
            Category::Busy => 5,
            Category::Credentials => 6,
            Category::Ip => 7,
            Category::Quota => 8,
            Category::Account => 9,
            Category::Token | Category::Other => 10,
        }
    }

    /// Exit code of `wxtoken check`, where a rejected token means "credentials rejected".
    pub fn check_exit_code(self) -> u8 {
        match self {
            Category::Token => 6,
            other => other.exit_code(),
        }
    }
}

/// Which WeChat platform answered: the same number means different things on different ones.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Platform {
    /// Official Accounts and Mini Programs (`api.weixin.qq.com`).
    Mp,
}

/// Where a WeChat errcode came from: what a rejected token means depends on it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Context {
    /// Fetching a token (and every command but check).
    Fetch,
    /// Checking a token (`wxtoken check`).
    Check,
}

/// One catalogued errcode.
#[derive(Debug)]
pub struct Entry {
    pub code: i64,
    /// WeChat's own wording (errmsg and/or suggested fix), verbatim.
    pub official: &'static str,
    pub title_en: &'static str,
    pub title_zh: &'static str,
    pub explain_en: &'static str,
    pub explain_zh: &'static str,
    pub hint_en: &'static str,
    pub hint_zh: &'static str,
    /// The hint when errmsg names the caller's IP (`{ip}` stands for it), instead of `hint`.
    pub ip_hint: Option<Text>,
    /// What the code means when a token is checked, where that differs.
    pub check: Option<CheckText>,
    pub category: Category,
    /// Whether trying again (later) can succeed without anybody changing anything.
    pub retryable: bool,
}

impl Entry {
    pub fn title(&self, lang: Lang) -> &'static str {
        lang.pick(self.title_en, self.title_zh)
    }
    pub fn explanation(&self, lang: Lang) -> &'static str {
        lang.pick(self.explain_en, self.explain_zh)
    }
    pub fn hint(&self, lang: Lang) -> &'static str {
        lang.pick(self.hint_en, self.hint_zh)
    }
    /// The exit code when fetching.
    pub fn exit_code(&self) -> u8 {
        self.category.exit_code()
    }
    pub fn exit_code_in(&self, context: Context) -> u8 {
        match context {
            Context::Fetch => self.category.exit_code(),
            Context::Check => self.category.check_exit_code(),
        }
    }
}

/// Every catalogued errcode of `platform`, in ascending order.
pub fn rows(platform: Platform) -> &'static [Entry] {
    match platform {
        Platform::Mp => mp::ROWS,
    }
}

/// The catalogue row of `code` on `platform`, if any.
pub fn lookup(platform: Platform, code: i64) -> Option<&'static Entry> {
    rows(platform).iter().find(|e| e.code == code)
}

/// An errcode explained: what every command shows for it.
#[derive(Debug, Clone)]
pub struct Explanation {
    pub errcode: i64,
    /// Whether the catalogue knows the code.
    pub known: bool,
    /// A few words (with the caller's IP where WeChat named it).
    pub title: String,
    /// One or two sentences: what happened.
    pub explanation: String,
    /// The one-line message of a failure: title, errcode and explanation.
    pub message: String,
    /// What to do, most useful first (the request id is not among them: see [`rid_hint`]).
    pub hints: Vec<String>,
    pub exit_code: u8,
    pub retryable: bool,
    /// errmsg as WeChat sent it, with any token or secret in it masked.
    pub errmsg: Option<String>,
    pub rid: Option<String>,
    pub ip: Option<String>,
    /// WeChat's own wording of the code.
    pub official: Option<&'static str>,
}

/// The one explanation path: (platform, context, errcode, errmsg, language) to an explanation.
pub fn explain(
    platform: Platform,
    context: Context,
    errcode: i64,
    errmsg: Option<&str>,
    lang: Lang,
) -> Explanation {
    // Server text: a gateway may echo the request (secret, token) into errmsg.
    let errmsg = errmsg.map(mask_server_text);
    let rid = errmsg.as_deref().and_then(errmsg::request_id);
    let ip = errmsg.as_deref().and_then(errmsg::caller_ip);
    let Some(e) = lookup(platform, errcode) else {
        let what = lang.pick("not in wxtoken's catalogue", "不在 wxtoken 的错误码表中");
        // errmsg is shown on a line of its own (and in --json): not again in the message.
        let message = crate::tr!(
            lang,
            "WeChat answered errcode {errcode}, which is not in wxtoken's catalogue",
            "微信返回 errcode {errcode}，不在 wxtoken 的错误码表中"
        );
        return Explanation {
            errcode,
            known: false,
            title: what.to_string(),
            explanation: String::new(),
            message,
            hints: vec![
                lang.pick(
                    "look it up in WeChat's global return codes: https://developers.weixin.qq.com/doc/offiaccount/Getting_Started/Global_Return_Code.html",
                    "请在微信全局返回码中查找：https://developers.weixin.qq.com/doc/offiaccount/Getting_Started/Global_Return_Code.html",
                )
                .to_string(),
            ],
            exit_code: 10,
            retryable: false,
            errmsg,
            rid,
            ip,
            official: None,
        };
    };
    let check = e.check.as_ref().filter(|_| context == Context::Check);
    let pick = |fetch: &'static str, checking: Option<Text>| {
        checking.map(|t| t.get(lang)).unwrap_or(fetch)
    };
    let title = pick(e.title(lang), check.and_then(|c| c.title));
    let explanation = pick(e.explanation(lang), check.and_then(|c| c.explain));
    let title = match (&ip, e.category) {
        (Some(ip), Category::Ip) => format!("{title}: {ip}"),
        _ => title.to_string(),
    };
    let mut hints = vec![match (&ip, e.ip_hint) {
        (Some(ip), Some(template)) => template.get(lang).replace("{ip}", ip),
        _ => pick(e.hint(lang), check.and_then(|c| c.hint)).to_string(),
    }];
    if let Some(ip) = &ip
        && errmsg.as_deref().is_some_and(errmsg::has_ipv4_mapped_form)
    {
        hints.push(crate::tr!(
            lang,
            "WeChat also wrote it as ::ffff:{ip}: that is the same IPv4 address, not another one",
            "微信也把它写成 ::ffff:{ip}：这是同一个 IPv4 地址，不是另一个"
        ));
    }
    if let Some(note) = check.and_then(|c| c.note) {
        hints.push(note.get(lang).to_string());
    }
    Explanation {
        errcode,
        known: true,
        message: format!("{title} (errcode {errcode}): {explanation}"),
        title,
        explanation: explanation.to_string(),
        hints,
        exit_code: e.exit_code_in(context),
        retryable: e.retryable,
        errmsg,
        rid,
        ip,
        official: Some(e.official),
    }
}

/// The hint that carries the request id.
pub fn rid_hint(rid: &str, lang: Lang) -> String {
    format!(
        "{} {} {}",
        lang.pick(
            "request id (rid) for WeChat support:",
            "请求 ID（rid），联系微信客服时提供："
        ),
        sanitize(rid),
        lang.pick(
            "(the account owner can look it up for 7 days with POST /cgi-bin/openapi/rid/get)",
            "（账号所有者可在 7 天内用 POST /cgi-bin/openapi/rid/get 查询）",
        )
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_unique_and_sorted() {
        for pair in rows(Platform::Mp).windows(2) {
            assert!(
                pair[0].code < pair[1].code,
                "{} then {}",
                pair[0].code,
                pair[1].code
            );
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
            (43002, 10),
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
        for e in rows(Platform::Mp) {
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
}
