//! The errcode catalogue, keyed by platform, and the one function that turns an errcode (and
//! its errmsg) into an explanation. `fetch`, `check`, `doctor`, `quota`, `rid` and `explain` all
//! render what [`explain`] returns; `--help`, README and `explain --all` read the same rows.

mod entry;
pub mod global;
mod mp;
mod mp_tools;
mod wecom;

pub use entry::{Category, CheckText, Context, Entry, Text};

use std::sync::LazyLock;

use crate::error::code;
use crate::error::{Failure, WeChatError};
use crate::lang::Lang;
use crate::platform::Platform;
use crate::redact::{mask_server_text, sanitize};
use crate::wechat::errmsg;

/// The Official Account and Mini Program rows: the token API's and the API management calls'.
static MP_ROWS: LazyLock<Vec<&'static Entry>> =
    LazyLock::new(|| merged(&[mp::ROWS, mp_tools::ROWS]));
static WECOM_ROWS: LazyLock<Vec<&'static Entry>> = LazyLock::new(|| merged(&[wecom::ROWS]));

/// Tables of rows as one, in ascending order of errcode.
fn merged(tables: &[&'static [Entry]]) -> Vec<&'static Entry> {
    let mut rows: Vec<&'static Entry> = tables.iter().flat_map(|t| t.iter()).collect();
    rows.sort_by_key(|e| e.code);
    rows
}

/// Every catalogued errcode of `platform`, in ascending order.
pub fn rows(platform: Platform) -> &'static [&'static Entry] {
    match platform {
        Platform::Mp => &MP_ROWS,
        Platform::Wecom => &WECOM_ROWS,
    }
}

/// The catalogue row of `code` on `platform`, if any.
pub fn lookup(platform: Platform, code: i64) -> Option<&'static Entry> {
    rows(platform).iter().find(|e| e.code == code).copied()
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
    pub official: Option<std::borrow::Cow<'static, str>>,
    /// Whose answer it was.
    pub platform: Platform,
}

impl Explanation {
    /// The failure for an explained errcode: its hints, then the request id.
    pub fn into_error(self, lang: Lang) -> WeChatError {
        let mut hints = self.hints;
        hints.extend(
            self.rid
                .as_deref()
                .map(|rid| rid_hint(rid, self.platform, lang)),
        );
        WeChatError {
            errcode: self.errcode,
            errmsg: self.errmsg.unwrap_or_default(),
            rid: self.rid,
            ip: self.ip,
            message: self.message,
            hints,
            exit_code: self.exit_code,
            retryable: self.retryable,
        }
    }

    /// [`Explanation::into_error`], as the failure a command returns.
    pub fn into_failure(self, lang: Lang) -> Failure {
        Failure::WeChat(Box::new(self.into_error(lang)))
    }
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
    let extra = match platform {
        Platform::Mp => Vec::new(),
        Platform::Wecom => wecom_hints(errcode, errmsg.as_deref(), lang),
    };
    let Some(e) = lookup(platform, errcode) else {
        if let Some(row) = global::lookup(platform, errcode) {
            return from_global(
                row,
                platform,
                lang,
                Found {
                    errmsg,
                    rid,
                    ip,
                    extra,
                },
            );
        }
        let what = lang.pick("not in wxtoken's catalogue", "不在 wxtoken 的错误码表中");
        // errmsg is shown on a line of its own (and in --json): not again in the message.
        let (message, look_up) = match platform {
            Platform::Mp => (
                crate::tr!(
                    lang,
                    "WeChat answered errcode {errcode}, which is not in wxtoken's catalogue",
                    "微信返回 errcode {errcode}，不在 wxtoken 的错误码表中"
                ),
                lang.pick(
                    "look it up in WeChat's global return codes: https://developers.weixin.qq.com/doc/offiaccount/Getting_Started/Global_Return_Code.html",
                    "请在微信全局返回码中查找：https://developers.weixin.qq.com/doc/offiaccount/Getting_Started/Global_Return_Code.html",
                ),
            ),
            Platform::Wecom => (
                crate::tr!(
                    lang,
                    "WeChat Work answered errcode {errcode}, which is not in wxtoken's catalogue",
                    "企业微信返回 errcode {errcode}，不在 wxtoken 的错误码表中"
                ),
                lang.pick(
                    "look it up in WeChat Work's global error codes: https://developer.work.weixin.qq.com/document/path/90313",
                    "请在企业微信全局错误码中查找：https://developer.work.weixin.qq.com/document/path/90313",
                ),
            ),
        };
        let mut hints = vec![look_up.to_string()];
        hints.extend(extra);
        return Explanation {
            errcode,
            known: false,
            title: what.to_string(),
            explanation: String::new(),
            message,
            hints,
            exit_code: code::OTHER,
            retryable: false,
            errmsg,
            rid,
            ip,
            official: None,
            platform,
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
    hints.extend(extra);
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
        official: Some(e.official.into()),
        platform,
    }
}

/// What an answer carried besides its errcode, for an explanation.
struct Found {
    errmsg: Option<String>,
    rid: Option<String>,
    ip: Option<String>,
    extra: Vec<String>,
}

/// A code of the global table (not curated): its texts as the SDKs' catalogues give them,
/// WeChat Work's troubleshooting text where the table has it, and the official page.
fn from_global(
    row: global::GlobalRow,
    platform: Platform,
    lang: Lang,
    found: Found,
) -> Explanation {
    let errcode = row.code;
    let english = (!row.errmsg_en.is_empty()).then_some(row.errmsg_en);
    let title = match lang {
        Lang::Zh => row.message_zh,
        Lang::En => english.unwrap_or(row.message_zh),
    };
    let official = match english {
        Some(en) if en != row.message_zh => format!("{en} / {}", row.message_zh),
        _ => row.message_zh.to_string(),
    };
    let mut hints = Vec::new();
    let troubleshooting = row.hint_zh;
    if !troubleshooting.is_empty() {
        hints.push(crate::tr!(
            lang,
            "WeChat Work's troubleshooting (in Chinese): {troubleshooting}",
            "企业微信的排查方法：{troubleshooting}"
        ));
    }
    hints.push(
        match platform {
            Platform::Mp => lang.pick(
                "WeChat's global return codes: https://developers.weixin.qq.com/doc/oplatform/developers/errCode",
                "微信全局返回码：https://developers.weixin.qq.com/doc/oplatform/developers/errCode",
            ),
            Platform::Wecom => lang.pick(
                "WeChat Work's global error codes: https://developer.work.weixin.qq.com/document/path/90313",
                "企业微信全局错误码：https://developer.work.weixin.qq.com/document/path/90313",
            ),
        }
        .to_string(),
    );
    hints.extend(found.extra);
    let category = global::category(platform, errcode);
    let explanation = lang
        .pick(
            "as WeChat's return-code lists give it (gathered from the SDKs' catalogues; wxtoken has no fuller explanation of this code)",
            "依据微信返回码列表（整理自各 SDK 的错误码表；wxtoken 对此错误码没有更详细的解释）",
        )
        .to_string();
    Explanation {
        errcode,
        known: true,
        message: format!("{title} (errcode {errcode})"),
        title: title.to_string(),
        explanation,
        hints,
        exit_code: category.exit_code(),
        retryable: category == Category::Busy,
        errmsg: found.errmsg,
        rid: found.rid,
        ip: found.ip,
        official: Some(official.into()),
        platform,
    }
}

/// What WeChat Work's errmsg tells beyond the catalogue: its page for the code, and when it
/// probably received the request.
fn wecom_hints(errcode: i64, errmsg: Option<&str>, lang: Lang) -> Vec<String> {
    let Some(errmsg) = errmsg else {
        return Vec::new();
    };
    let mut hints = Vec::new();
    // `e=` repeats the errcode: a link with another code was cut inside its digits.
    let code = format!("?e={errcode}");
    if let Some(url) = errmsg::more_info_link(errmsg).filter(|u| u.ends_with(&code)) {
        hints.push(crate::tr!(
            lang,
            "WeChat Work's page for this code: {url}",
            "企业微信对该错误码的说明页：{url}"
        ));
    }
    if let Some(at) = errmsg::received_at(errmsg) {
        let at = crate::time::rfc3339(at);
        hints.push(crate::tr!(
            lang,
            "WeChat Work probably received the request at {at} (read from the request id; observed, not documented)",
            "企业微信大约在 {at} 收到该请求（从请求 ID 读出；为观察所得，文档未写明）"
        ));
    }
    hints
}

/// The hint that carries the request id: on the Official Account API, with the command that
/// looks it up (`wxtoken rid`), unless the id was masked or cut short.
pub fn rid_hint(rid: &str, platform: Platform, lang: Lang) -> String {
    let whole = errmsg::id_is_whole(rid);
    let rid = sanitize(rid);
    match platform {
        Platform::Mp if whole => crate::tr!(
            lang,
            "request id (rid) for WeChat support: {rid} (the account owner can look it up for 7 days: wxtoken rid {rid})",
            "请求 ID（rid），联系微信客服时提供：{rid}（账号所有者可在 7 天内查询：wxtoken rid {rid}）"
        ),
        Platform::Mp => crate::tr!(
            lang,
            "request id (rid) for WeChat support: {rid} (masked or cut short: it cannot be looked up)",
            "请求 ID（rid），联系微信客服时提供：{rid}（已打码或被截断：无法查询）"
        ),
        Platform::Wecom => crate::tr!(
            lang,
            "request id (hint) for WeChat Work support: {rid}",
            "请求 ID（hint），联系企业微信客服时提供：{rid}"
        ),
    }
}

#[cfg(test)]
mod tests;
