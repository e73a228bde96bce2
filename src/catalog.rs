//! The errcode catalogue: one row per WeChat errcode of the token endpoints
//! (../shared/wechat-api.md §6). `wxtoken fetch`, `wxtoken explain --all` and the README's table
//! all read these rows.

use crate::lang::Lang;

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
    pub fn exit_code(&self) -> u8 {
        self.category.exit_code()
    }
}

const WHITELIST_EN: &str = "add the IP to the whitelist: mp.weixin.qq.com, Settings and Development > Basic Configuration > IP whitelist (Mini Programs: Development Management > Development Settings)";
const WHITELIST_ZH: &str = "将该 IP 加入白名单：mp.weixin.qq.com，设置与开发 → 基本配置 → IP白名单（小程序：开发管理 → 开发设置）";

/// Every catalogued errcode, in ascending order.
pub static CATALOG: &[Entry] = &[
    Entry {
        code: -1,
        official: "system error / 系统繁忙，此时请开发者稍候再试",
        title_en: "WeChat is busy",
        title_zh: "微信系统繁忙",
        explain_en: "WeChat's servers could not handle the request right now.",
        explain_zh: "微信服务器暂时无法处理该请求。",
        hint_en: "try again in a few seconds (wxtoken already retries this with backoff; see --retries)",
        hint_zh: "稍候几秒再试（wxtoken 已按退避策略自动重试，见 --retries）",
        category: Category::Busy,
        retryable: true,
    },
    Entry {
        code: 40001,
        official: "获取 access_token 时 AppSecret 错误，或者 access_token 无效。请开发者认真比对 AppSecret 的正确性，或查看是否正在为恰当的公众号调用接口",
        title_en: "wrong AppSecret, or invalid access_token",
        title_zh: "AppSecret 错误或 access_token 无效",
        explain_en: "When fetching a token: the AppSecret is wrong or belongs to another account. When using a token: it is invalid, or a newer fetch has superseded it (each classic fetch invalidates the previous token after about 5 minutes).",
        explain_zh: "获取 access_token 时：AppSecret 错误或不属于该账号。使用 access_token 时：该凭证无效，或已被更新的获取覆盖（每次调用普通接口获取都会让上一个凭证在约 5 分钟后失效）。",
        hint_en: "compare the AppSecret with the one at mp.weixin.qq.com (Settings and Development > Basic Configuration); if a token was rejected, fetch a new one and stop other processes from fetching fresh classic tokens (use --stable or --cache)",
        hint_zh: "在 mp.weixin.qq.com（设置与开发 → 基本配置）核对 AppSecret；若是 token 被拒，请重新获取，并避免其他进程反复获取普通 token（使用 --stable 或 --cache）",
        category: Category::Credentials,
        retryable: false,
    },
    Entry {
        code: 40002,
        official: "invalid grant_type / 不合法的凭证类型",
        title_en: "invalid grant_type",
        title_zh: "不合法的凭证类型",
        explain_en: "The grant_type parameter was not client_credential.",
        explain_zh: "grant_type 参数不是 client_credential。",
        hint_en: "grant_type must be client_credential; if a gateway sits in front of WeChat (--api-base), check that it passes the query string through unchanged",
        hint_zh: "grant_type 必须为 client_credential；如果使用了网关（--api-base），请确认它原样转发了查询参数",
        category: Category::Other,
        retryable: false,
    },
    Entry {
        code: 40013,
        official: "invalid appid / 不合法的 AppID ，请开发者检查 AppID 的正确性，避免异常字符，注意大小写",
        title_en: "invalid AppID",
        title_zh: "不合法的 AppID",
        explain_en: "WeChat does not know this AppID.",
        explain_zh: "微信不认识这个 AppID。",
        hint_en: "check the AppID for typos, stray characters and case (it looks like wx followed by 16 hex digits); make sure appid and secret are not swapped",
        hint_zh: "检查 AppID 是否有错字、异常字符或大小写错误（形如 wx 加 16 位十六进制）；确认 appid 与 secret 没有填反",
        category: Category::Credentials,
        retryable: false,
    },
    Entry {
        code: 40014,
        official: "不合法的 access_token ，请开发者认真比对 access_token 的有效性（如是否过期），或查看是否正在为恰当的公众号调用接口",
        title_en: "invalid access_token",
        title_zh: "不合法的 access_token",
        explain_en: "The access_token is malformed or does not belong to this account.",
        explain_zh: "access_token 格式不对或不属于该账号。",
        hint_en: "check that the whole token was passed (no truncation, no extra characters) and that it belongs to this account; fetch a new one",
        hint_zh: "确认传入了完整的 token（未被截断、无多余字符）且属于该账号；重新获取",
        category: Category::Token,
        retryable: false,
    },
    Entry {
        code: 40125,
        official: "不合法的 secret，请检查 secret 的正确性，避免异常字符，注意大小写 (stable_token: invalid appsecret / 无效的appsecret，请检查appsecret的正确性)",
        title_en: "invalid AppSecret",
        title_zh: "不合法的 AppSecret",
        explain_en: "The AppSecret is wrong for this AppID.",
        explain_zh: "该 AppID 的 AppSecret 不正确。",
        hint_en: "check the AppSecret for typos, stray characters and case (32 hex digits); if it was reset at mp.weixin.qq.com, use the new one",
        hint_zh: "检查 AppSecret 是否有错字、异常字符或大小写错误（32 位十六进制）；若已在 mp.weixin.qq.com 重置，请使用新的",
        category: Category::Credentials,
        retryable: false,
    },
    Entry {
        code: 40164,
        official: "调用接口的IP地址不在白名单中，请在接口IP白名单中进行设置 (stable_token: 将ip添加到ip白名单列表即可)",
        title_en: "calling IP not in the whitelist",
        title_zh: "调用接口的 IP 不在白名单中",
        explain_en: "WeChat only accepts calls for this account from the IP addresses in its whitelist.",
        explain_zh: "该账号只接受来自白名单 IP 的调用。",
        hint_en: WHITELIST_EN,
        hint_zh: WHITELIST_ZH,
        category: Category::Ip,
        retryable: false,
    },
    Entry {
        code: 40243,
        official: "AppSecret已被冻结，请登录MP解冻后再次调用。",
        title_en: "AppSecret frozen",
        title_zh: "AppSecret 已被冻结",
        explain_en: "The AppSecret has been frozen.",
        explain_zh: "AppSecret 已被冻结。",
        hint_en: "log in to mp.weixin.qq.com and unfreeze the AppSecret; it takes about 10 minutes to apply",
        hint_zh: "登录 mp.weixin.qq.com 解冻 AppSecret，约 10 分钟后生效",
        category: Category::Account,
        retryable: false,
    },
    Entry {
        code: 41001,
        official: "缺少 access_token 参数",
        title_en: "access_token missing",
        title_zh: "缺少 access_token 参数",
        explain_en: "The request carried no access_token.",
        explain_zh: "请求中没有 access_token。",
        hint_en: "pass a non-empty token (a gateway in front of WeChat may have dropped the query string)",
        hint_zh: "传入非空的 token（也可能是网关丢掉了查询参数）",
        category: Category::Token,
        retryable: false,
    },
    Entry {
        code: 41002,
        official: "appid missing / 缺少 appid 参数",
        title_en: "appid missing",
        title_zh: "缺少 appid 参数",
        explain_en: "WeChat received no appid.",
        explain_zh: "微信没有收到 appid。",
        hint_en: "set --appid or WXTOKEN_APPID; if a gateway sits in front of WeChat (--api-base), check that it forwards the parameters",
        hint_zh: "设置 --appid 或 WXTOKEN_APPID；如果使用了网关（--api-base），请确认它转发了参数",
        category: Category::Credentials,
        retryable: false,
    },
    Entry {
        code: 41004,
        official: "appsecret missing / 缺少 secret 参数",
        title_en: "secret missing",
        title_zh: "缺少 secret 参数",
        explain_en: "WeChat received no secret.",
        explain_zh: "微信没有收到 secret。",
        hint_en: "set WXTOKEN_SECRET or --secret-file; if a gateway sits in front of WeChat (--api-base), check that it forwards the parameters",
        hint_zh: "设置 WXTOKEN_SECRET 或 --secret-file；如果使用了网关（--api-base），请确认它转发了参数",
        category: Category::Credentials,
        retryable: false,
    },
    Entry {
        code: 42001,
        official: "access_token 超时，请检查 access_token 的有效期",
        title_en: "access_token expired",
        title_zh: "access_token 已过期",
        explain_en: "The access_token has outlived its lifetime (at most 7200 s).",
        explain_zh: "access_token 已超过有效期（最长 7200 秒）。",
        hint_en: "fetch a new token before the old one expires (wxtoken fetch --cache refreshes ahead of time, see --min-ttl)",
        hint_zh: "在旧 token 过期前重新获取（wxtoken fetch --cache 会提前刷新，见 --min-ttl）",
        category: Category::Token,
        retryable: false,
    },
    Entry {
        code: 43002,
        official: "require POST method / 需要 POST 请求",
        title_en: "POST required",
        title_zh: "需要 POST 请求",
        explain_en: "The endpoint was called with the wrong HTTP method (stable_token only accepts POST).",
        explain_zh: "接口使用了错误的 HTTP 方法（stable_token 只接受 POST）。",
        hint_en: "if a gateway sits in front of WeChat (--api-base), check that it forwards POST requests unchanged",
        hint_zh: "如果使用了网关（--api-base），请确认它原样转发 POST 请求",
        category: Category::Other,
        retryable: false,
    },
    Entry {
        code: 45009,
        official: "reach max api daily quota limit / 调用超过天级别频率限制。可调用clear_quota接口恢复调用额度。",
        title_en: "daily quota used up",
        title_zh: "超过每日调用次数限制",
        explain_en: "The account has used up its daily quota for this API (2000 classic token calls a day by default).",
        explain_zh: "该账号今日的接口调用额度已用完（普通 token 接口默认每天 2000 次）。",
        hint_en: "wait for the quota to reset, or clear it with the clear_quota API; stop fetching a fresh token on every run (use --stable or --cache)",
        hint_zh: "等待额度重置，或调用 clear_quota 接口恢复额度；不要每次运行都重新获取 token（使用 --stable 或 --cache）",
        category: Category::Quota,
        retryable: false,
    },
    Entry {
        code: 45011,
        official: "api minute-quota reach limit  mustslower  retry next minute / API 调用太频繁，请稍候再试",
        title_en: "too many calls this minute",
        title_zh: "API 调用太频繁",
        explain_en: "The per-minute limit of this API was reached.",
        explain_zh: "达到了该接口的每分钟调用上限。",
        hint_en: "try again in about a minute, and call less often (use --cache)",
        hint_zh: "约一分钟后再试，并降低调用频率（使用 --cache）",
        category: Category::Quota,
        retryable: true,
    },
    Entry {
        code: 48001,
        official: "api unauthorized / api 功能未授权",
        title_en: "API not authorized",
        title_zh: "API 功能未授权",
        explain_en: "This kind of account has no permission for the API that was called.",
        explain_zh: "该类型的账号没有调用此接口的权限。",
        hint_en: "check the account type and its permissions at mp.weixin.qq.com",
        hint_zh: "在 mp.weixin.qq.com 检查账号类型及接口权限",
        category: Category::Other,
        retryable: false,
    },
    Entry {
        code: 50002,
        official: "用户受限，可能是用户帐号被冻结或注销",
        title_en: "account limited",
        title_zh: "用户受限",
        explain_en: "The account is limited: it may have been frozen or closed.",
        explain_zh: "账号受限，可能已被冻结或注销。",
        hint_en: "log in to mp.weixin.qq.com and check the account's status",
        hint_zh: "登录 mp.weixin.qq.com 查看账号状态",
        category: Category::Account,
        retryable: false,
    },
    Entry {
        code: 50004,
        official: "禁止使用 token 接口 (user not allow to use accesstoken, maybe for punishment)",
        title_en: "barred from the token API",
        title_zh: "禁止使用 token 接口",
        explain_en: "WeChat has barred this account from the token API, possibly as a penalty.",
        explain_zh: "该账号被禁止使用 token 接口，可能是受到处罚。",
        hint_en: "check for violation notices at mp.weixin.qq.com and contact WeChat support with the request id",
        hint_zh: "在 mp.weixin.qq.com 查看违规通知，并携带 rid 联系微信客服",
        category: Category::Account,
        retryable: false,
    },
    Entry {
        code: 50007,
        official: "账号已冻结",
        title_en: "account frozen",
        title_zh: "账号已冻结",
        explain_en: "The account is frozen.",
        explain_zh: "账号已被冻结。",
        hint_en: "log in to mp.weixin.qq.com and follow the unfreezing procedure",
        hint_zh: "登录 mp.weixin.qq.com 按提示解冻",
        category: Category::Account,
        retryable: false,
    },
    Entry {
        code: 61024,
        official: "must use api(api_component_token) to get token for component acct",
        title_en: "third-party platform AppID",
        title_zh: "第三方平台 AppID",
        explain_en: "This AppID belongs to a third-party platform (component), which gets its token from the component token API instead.",
        explain_zh: "该 AppID 属于第三方平台，需要通过 api_component_token 接口获取令牌。",
        hint_en: "use the AppID of the Official Account or Mini Program itself, or the component token API for the platform",
        hint_zh: "使用公众号或小程序自身的 AppID，或为第三方平台调用 api_component_token 接口",
        category: Category::Account,
        retryable: false,
    },
    Entry {
        code: 89501,
        official: "此IP正在等待管理员确认,请联系管理员",
        title_en: "IP awaiting admin confirmation",
        title_zh: "此 IP 正在等待管理员确认",
        explain_en: "Calls from this IP need the account administrator's confirmation, which has not been given yet.",
        explain_zh: "来自此 IP 的调用需要管理员确认，管理员尚未确认。",
        hint_en: "ask the account administrator to confirm the IP in WeChat, then try again (or add it to the IP whitelist)",
        hint_zh: "请管理员在微信中确认该 IP 后再试（或将其加入 IP 白名单）",
        category: Category::Ip,
        retryable: false,
    },
    Entry {
        code: 89503,
        official: "此次调用需要管理员确认，请耐心等候 / 此IP调用需要管理员确认,请联系管理员",
        title_en: "IP needs admin approval",
        title_zh: "此 IP 调用需要管理员确认",
        explain_en: "The account administrator must approve calls from this IP.",
        explain_zh: "需要管理员批准来自此 IP 的调用。",
        hint_en: "ask the account administrator to approve the request in WeChat, then try again (or add the IP to the whitelist)",
        hint_zh: "请管理员在微信中批准后再试（或将该 IP 加入白名单）",
        category: Category::Ip,
        retryable: false,
    },
    Entry {
        code: 89506,
        official: "该IP调用求请求已被公众号管理员拒绝，请24小时后再试，建议调用前与管理员沟通确认",
        title_en: "IP rejected by the admin (24 h)",
        title_zh: "该 IP 的调用已被管理员拒绝（24 小时）",
        explain_en: "The account administrator rejected calls from this IP; it is locked out for 24 hours.",
        explain_zh: "管理员拒绝了来自此 IP 的调用，24 小时内无法再调用。",
        hint_en: "talk to the administrator first, then try again after 24 hours (or add the IP to the whitelist)",
        hint_zh: "先与管理员沟通确认，24 小时后再试（或将该 IP 加入白名单）",
        category: Category::Ip,
        retryable: false,
    },
    Entry {
        code: 89507,
        official: "该IP调用求请求已被公众号管理员拒绝，请1小时后再试，建议调用前与管理员沟通确认",
        title_en: "IP rejected by the admin (1 h)",
        title_zh: "该 IP 的调用已被管理员拒绝（1 小时）",
        explain_en: "The account administrator rejected calls from this IP; it is locked out for 1 hour.",
        explain_zh: "管理员拒绝了来自此 IP 的调用，1 小时内无法再调用。",
        hint_en: "talk to the administrator first, then try again after 1 hour (or add the IP to the whitelist)",
        hint_zh: "先与管理员沟通确认，1 小时后再试（或将该 IP 加入白名单）",
        category: Category::Ip,
        retryable: false,
    },
];

/// The catalogue row of `code`, if any.
pub fn lookup(code: i64) -> Option<&'static Entry> {
    CATALOG.iter().find(|e| e.code == code)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_unique_and_sorted() {
        for pair in CATALOG.windows(2) {
            assert!(
                pair[0].code < pair[1].code,
                "{} then {}",
                pair[0].code,
                pair[1].code
            );
        }
    }

    #[test]
    fn exit_codes_match_the_documented_table() {
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
            assert_eq!(lookup(code).unwrap().exit_code(), exit, "errcode {code}");
        }
        assert!(lookup(12345).is_none());
    }

    #[test]
    fn every_row_has_both_languages() {
        for e in CATALOG {
            for text in [
                e.title_en,
                e.title_zh,
                e.explain_en,
                e.explain_zh,
                e.hint_en,
                e.hint_zh,
                e.official,
            ] {
                assert!(
                    !text.trim().is_empty(),
                    "errcode {} has an empty text",
                    e.code
                );
            }
        }
    }
}
