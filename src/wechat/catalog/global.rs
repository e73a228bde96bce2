//! Every errcode of every WeChat API on both platforms: the global table (`global.tsv`, 3,332
//! rows), for the codes the curated catalogue (`mp.rs`, `wecom.rs`, `mp_tools.rs`) does not
//! explain itself. Merged from the public SDK catalogues (WeChat's own 公共错误码 first, then
//! WxJava, wechatpy, Senparc for api.weixin.qq.com; go-workwx, generated from WeChat Work's
//! global error code page, then WxJava, Senparc for qyapi), reduced to the columns shown here:
//! code, platform (`weixin` or `wecom`), the Chinese text, WeChat's English errmsg, and WeChat
//! Work's 排查方法. Three rows whose first source is wrong are corrected there: 40125 (AppSecret,
//! not AppID), 40117 (a button's media_id, not a group name), 89501 (an IP awaiting the
//! administrator's confirmation); 61004 carries WeChat's own text.

use crate::platform::Platform;

use super::entry::Category;

/// The table: a header line, then one row per (platform, code), tab-separated.
static TABLE: &str = include_str!("global.tsv");

/// One row of the global table.
#[derive(Debug, Clone, Copy)]
pub struct GlobalRow {
    pub code: i64,
    /// Chinese where a source has it, else English.
    pub message_zh: &'static str,
    /// WeChat's English errmsg (Official Accounts and Mini Programs only), or empty.
    pub errmsg_en: &'static str,
    /// WeChat Work's troubleshooting text (排查方法), or empty.
    pub hint_zh: &'static str,
}

fn table_name(platform: Platform) -> &'static str {
    match platform {
        Platform::Mp => "weixin",
        Platform::Wecom => "wecom",
    }
}

/// Every row of `platform`.
pub fn rows(platform: Platform) -> impl Iterator<Item = GlobalRow> {
    let name = table_name(platform);
    TABLE.lines().skip(1).filter_map(move |line| {
        let mut cells = line.split('\t');
        let code = cells.next()?.parse().ok()?;
        if cells.next()? != name {
            return None;
        }
        Some(GlobalRow {
            code,
            message_zh: cells.next()?,
            errmsg_en: cells.next().unwrap_or(""),
            hint_zh: cells.next().unwrap_or(""),
        })
    })
}

/// The row of `code` on `platform`, if the table has one.
pub fn lookup(platform: Platform, code: i64) -> Option<GlobalRow> {
    rows(platform).find(|r| r.code == code)
}

/// What kind of failure a code of the global table is, for its exit code: the codes a generic
/// API caller meets (wrong method or body, no permission, quotas) by name; any other is Other.
pub fn category(platform: Platform, code: i64) -> Category {
    match (platform, code) {
        (_, -1) => Category::Busy,
        // Wrong method (43001, 43002), not https (43003), empty or malformed body, escaped
        // non-ASCII (40033).
        (_, 43001..=43003 | 44001..=44004 | 47001 | 40033) => Category::Request,
        (Platform::Mp, 48001 | 48004 | 50001 | 61007) => Category::Unauthorized,
        (Platform::Wecom, 48002 | 60011) => Category::Unauthorized,
        (Platform::Mp, 45009 | 45011 | 45028 | 45040 | 45047) => Category::Quota,
        (Platform::Wecom, 45009 | 45033) => Category::Quota,
        _ => Category::Other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_holds_every_row_of_both_platforms() {
        assert_eq!(rows(Platform::Mp).count(), 1903);
        assert_eq!(rows(Platform::Wecom).count(), 1429);
        for p in [Platform::Mp, Platform::Wecom] {
            assert!(rows(p).all(|r| !r.message_zh.is_empty()), "{p:?}");
        }
        // The same number, two meanings.
        assert!(
            lookup(Platform::Mp, 48002)
                .unwrap()
                .errmsg_en
                .contains("block")
        );
        assert!(
            lookup(Platform::Wecom, 48002)
                .unwrap()
                .message_zh
                .contains("无权限")
        );
        assert!(!lookup(Platform::Wecom, 60020).unwrap().hint_zh.is_empty());
    }

    #[test]
    fn the_known_bad_rows_are_corrected() {
        let zh = |code| lookup(Platform::Mp, code).unwrap().message_zh;
        assert!(zh(40125).contains("AppSecret") && !zh(40125).contains("AppID"));
        assert!(zh(40117).contains("media_id") && !zh(40117).contains("分组"));
        assert!(zh(89501).contains("IP"));
        assert!(zh(61004).contains("白名单"));
        assert_eq!(
            lookup(Platform::Mp, 61004).unwrap().errmsg_en,
            "access clientip is not registered"
        );
    }
}
