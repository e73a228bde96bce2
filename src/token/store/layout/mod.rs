//! The key layouts of a Redis store: wxtoken's own, and those of the SDKs whose apps share the
//! token (../README "Fleets"): which keys a token lives under, how its value is written, and
//! how long the key lives. Known here and nowhere else.

use md5::{Digest, Md5};

use crate::lang::Lang;
use crate::platform::Endpoint;
use crate::platform::Platform;

pub mod recognise;

/// Whose key and value format the store uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    Wxtoken,
    SilenceperGo,
    Wxjava,
    Wechatpy,
    Powerwechat,
}

impl Layout {
    /// Every layout, in the order `--help` lists them.
    pub const ALL: [Layout; 5] = [
        Layout::Wxtoken,
        Layout::SilenceperGo,
        Layout::Wxjava,
        Layout::Wechatpy,
        Layout::Powerwechat,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Layout::Wxtoken => "wxtoken",
            Layout::SilenceperGo => "silenceper-go",
            Layout::Wxjava => "wxjava",
            Layout::Wechatpy => "wechatpy",
            Layout::Powerwechat => "powerwechat",
        }
    }

    /// The layout called `name` (as `--store-layout` takes it).
    pub fn from_name(name: &str) -> Option<Layout> {
        Layout::ALL.into_iter().find(|l| l.name() == name)
    }

    /// Whose layout it is, in a few words (`--help`).
    pub fn about(self) -> &'static str {
        match self {
            Layout::Wxtoken => {
                "wxtoken's own: one JSON value with the token, its expiry and a fingerprint of the secret"
            }
            Layout::SilenceperGo => "The Go SDK github.com/silenceper/wechat",
            Layout::Wxjava => {
                "The Java SDK WxJava (RedisTemplate or Jedis storage), joining its lock"
            }
            Layout::Wechatpy => "The Python SDK wechatpy (RedisStorage)",
            Layout::Powerwechat => "The Go SDK PowerWeChat",
        }
    }

    /// The configurable part of the key when `--store-prefix` is not given.
    pub fn default_prefix(self, platform: Platform) -> &'static str {
        match (self, platform) {
            (Layout::Wxtoken, _) => "wxtoken",
            (Layout::SilenceperGo, Platform::Mp) => "gowechat_officialaccount_",
            (Layout::SilenceperGo, Platform::Wecom) => "gowechat_work_",
            (Layout::Wxjava, Platform::Mp) => "wx",
            (Layout::Wxjava, Platform::Wecom) => "wx:cp",
            (Layout::Wechatpy, _) => "wechatpy",
            (Layout::Powerwechat, _) => "powerwechat",
        }
    }

    /// Whether the key is derived from the secret (powerwechat's MD5 of appid and secret): a
    /// reader must then read the secret, though it sends it nowhere.
    pub fn key_needs_secret(self) -> bool {
        self == Layout::Powerwechat
    }

    /// Whether a key of this layout may hold another app's token that wxtoken cannot tell
    /// from its own (`cache clear` then wants `--appid`).
    pub fn shared_namespace(self) -> bool {
        self != Layout::Wxtoken
    }
}

/// What a store key is for.
pub struct Target<'a> {
    pub endpoint: Endpoint,
    pub appid: &'a str,
    pub agentid: Option<&'a str>,
    /// Only powerwechat's key needs it (an MD5 of appid and secret).
    pub secret: Option<&'a str>,
    pub prefix: &'a str,
}

/// The keys of one token.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Keys {
    pub token: String,
    /// wechatpy's second key: the expiry as epoch seconds.
    pub expires_at: Option<String>,
    /// The lock: WxJava's own where it has one, else wxtoken's beside the token.
    pub lock: String,
    /// Where a lock holder leaves its failure for the runs waiting on it.
    pub failed: String,
    /// An SDK's WeChat Work key without an AgentId names the corp alone, which two apps share:
    /// wxtoken keeps the fingerprint of the secret whose token it holds beside it.
    pub owner: Option<String>,
}

/// The keys of `t` in `layout`, or why the layout cannot hold it (a usage error's message).
pub fn keys(layout: Layout, t: &Target, lang: Lang) -> Result<Keys, String> {
    // A swapped appid is the secret: it must never become part of a key name.
    let swapped = [Some(t.appid), t.agentid]
        .into_iter()
        .flatten()
        .any(crate::wechat::credentials::id_may_be_a_secret);
    if swapped {
        return Err(lang
            .pick(
                "the appid (or agentid) looks like an AppSecret, so it cannot be part of a store key; check that appid and secret are not swapped",
                "appid（或 agentid）看起来像 AppSecret，因此不能用作存储的键名；请确认 appid 与 secret 没有填反",
            )
            .to_string());
    }
    // WxJava normalises its prefix to end in one ':' and adds its own.
    let p = match layout {
        Layout::Wxjava => t.prefix.trim_end_matches(':'),
        _ => t.prefix,
    };
    let id = t.appid;
    let stable = t.endpoint == Endpoint::StableToken;
    let wecom = t.endpoint.platform() == Platform::Wecom;
    let no_stable = |sdk: &str| {
        crate::tr!(
            lang,
            "the {sdk} layout has no key for stable tokens ({sdk} only fetches classic ones); use --store-layout wxtoken, silenceper-go or wxjava, or leave out --stable",
            "{sdk} 布局没有 stable token 的键（{sdk} 只获取普通 token）；请改用 --store-layout wxtoken、silenceper-go 或 wxjava，或去掉 --stable"
        )
    };
    let ours = |token: String| Keys {
        lock: format!("wxtoken:lock:{token}"),
        failed: format!("wxtoken:failed:{token}"),
        token,
        expires_at: None,
        owner: None,
    };
    if t.endpoint.is_ticket() && layout != Layout::Wxtoken {
        let mut keys = ticket_keys(layout, t, p, lang)?;
        // wechatpy keeps WeChat Work's tickets per corp, which the corp's apps share; an SDK's
        // key without an AgentId names the corp alone.
        if wecom && (t.agentid.is_none() || layout == Layout::Wechatpy) {
            keys.owner = Some(format!("wxtoken:owner:{}", keys.token));
        }
        return Ok(keys);
    }
    let mut keys = match layout {
        Layout::Wxtoken => {
            let platform = if wecom { "wecom" } else { "mp" };
            let mut rest = format!("{platform}:{id}");
            match (t.agentid, t.secret) {
                (Some(agent), _) => {
                    rest.push(':');
                    rest.push_str(agent);
                }
                // Two apps of one corp differ only by their secrets: without an AgentId, a
                // fingerprint of the secret (never the secret) tells them apart.
                (None, Some(secret)) if wecom => {
                    rest.push_str(":s");
                    rest.push_str(&crate::token::cache::fingerprint(id, secret));
                }
                (None, None) if wecom => {
                    return Err(lang
                        .pick(
                            "a WeChat Work app without --agentid is kept under a fingerprint of its secret, which a reader without the secret cannot work out: give the refresher and its readers the app's --agentid (WXTOKEN_AGENTID)",
                            "没有 --agentid 的企业微信应用以其 secret 的指纹为键，读取方没有 secret 无法算出：请为刷新方和读取方都提供该应用的 --agentid（WXTOKEN_AGENTID）",
                        )
                        .to_string());
                }
                _ => {}
            }
            let endpoint = t.endpoint.name();
            Keys {
                token: format!("{p}:token:{rest}:{endpoint}"),
                expires_at: None,
                lock: format!("{p}:lock:{rest}:{endpoint}"),
                failed: format!("{p}:failed:{rest}:{endpoint}"),
                owner: None,
            }
        }
        Layout::SilenceperGo if stable => ours(format!("{p}_stable_access_token_{id}")),
        // Newer SDK versions add the AgentId to a WeChat Work key when one is configured.
        Layout::SilenceperGo => match t.agentid {
            Some(agent) if wecom => ours(format!("{p}_access_token_{id}_{agent}")),
            _ => ours(format!("{p}_access_token_{id}")),
        },
        Layout::Wxjava if wecom => {
            let app = match t.agentid {
                Some(agent) => format!("{id}:{agent}"),
                None => id.to_string(),
            };
            Keys {
                token: format!("{p}:wechat_cp_access_token_key:{app}"),
                expires_at: None,
                lock: format!("{p}:wechat_cp_lock:{app}:accessToken"),
                failed: format!("wxtoken:failed:{p}:wechat_cp_access_token_key:{app}"),
                owner: None,
            }
        }
        Layout::Wxjava => Keys {
            token: format!("{p}:access_token:{id}"),
            expires_at: None,
            lock: format!("{p}:lock:{id}:accessTokenLock"),
            failed: format!("wxtoken:failed:{p}:access_token:{id}"),
            owner: None,
        },
        Layout::Wechatpy if wecom => {
            return Err(lang
                .pick(
                    "the wechatpy layout cannot hold WeChat Work tokens: wechatpy's key for them contains the first 10 characters of the secret, which wxtoken never writes into a key name; use --store-layout wxtoken, wxjava or silenceper-go",
                    "wechatpy 布局不能存放企业微信 token：wechatpy 的键名包含 secret 的前 10 个字符，wxtoken 从不把 secret 写进键名；请改用 --store-layout wxtoken、wxjava 或 silenceper-go",
                )
                .to_string());
        }
        Layout::Wechatpy if stable => return Err(no_stable("wechatpy")),
        Layout::Wechatpy => {
            let token = format!("{p}:{id}_access_token");
            let mut keys = ours(token.clone());
            keys.expires_at = expiry_key(layout, &token);
            keys
        }
        Layout::Powerwechat if stable => return Err(no_stable("powerwechat")),
        Layout::Powerwechat => {
            let Some(secret) = t.secret else {
                return Err(lang
                    .pick(
                        "the powerwechat layout's key is an MD5 of the appid and the secret, so reading it needs the secret too; give the secret (it is not sent anywhere with --no-fetch), or use another layout",
                        "powerwechat 布局的键是 appid 与 secret 的 MD5，读取也需要 secret；请提供 secret（配合 --no-fetch 时不会发往任何地方），或改用其他布局",
                    )
                    .to_string());
            };
            ours(format!(
                "{p}.access_token.{}",
                md5_hex(&format!("{id}{secret}"))
            ))
        }
    };
    if wecom && t.agentid.is_none() && layout != Layout::Wxtoken {
        keys.owner = Some(format!("wxtoken:owner:{}", keys.token));
    }
    Ok(keys)
}

/// The keys of a ticket in an SDK's layout, as that SDK names them (wechat-api.md §15), or why
/// the SDK has none for it.
fn ticket_keys(layout: Layout, t: &Target, p: &str, lang: Lang) -> Result<Keys, String> {
    let id = t.appid;
    let kind = t.endpoint.name();
    let none = |sdk: &str| {
        crate::tr!(
            lang,
            "the {sdk} layout has no key for the {kind} (the SDK does not keep it in Redis); use --store-layout wxtoken, or another SDK's layout that has one",
            "{sdk} 布局没有 {kind} 的键（该 SDK 不把它存入 Redis）；请改用 --store-layout wxtoken，或其他有该键的 SDK 布局"
        )
    };
    let beside = |token: String, lock: String| Keys {
        failed: format!("wxtoken:failed:{token}"),
        token,
        expires_at: None,
        lock,
        owner: None,
    };
    let app = match t.agentid {
        Some(agent) => format!("{id}:{agent}"),
        None => id.to_string(),
    };
    Ok(match (layout, t.endpoint) {
        (Layout::Wxjava, Endpoint::JsapiTicket) => beside(
            format!("{p}:ticket:key:{id}:jsapi"),
            format!("{p}:lock:{id}:jsapiTicketLock"),
        ),
        (Layout::Wxjava, Endpoint::CardTicket) => beside(
            format!("{p}:ticket:key:{id}:wx_card"),
            format!("{p}:lock:{id}:cardApiTicketLock"),
        ),
        (Layout::Wxjava, Endpoint::CorpTicket) => beside(
            format!("{p}:wechat_cp_jsapi_ticket_key:{app}"),
            format!("{p}:wechat_cp_lock:{app}:jsapiTicket"),
        ),
        (Layout::Wxjava, _) => beside(
            format!("{p}:wechat_cp_agent_jsapi_ticket_key:{app}"),
            format!("{p}:wechat_cp_lock:{app}:agentJsapiTicket"),
        ),
        (Layout::Wechatpy, endpoint) => {
            let name = match endpoint {
                Endpoint::CardTicket => "jsapi_card_ticket",
                Endpoint::AgentTicket => "agent_jsapi_ticket",
                _ => "jsapi_ticket",
            };
            let token = format!("{p}:{id}_{name}");
            let mut keys = beside(token.clone(), format!("wxtoken:lock:{token}"));
            keys.expires_at = expiry_key(layout, &token);
            keys
        }
        (Layout::SilenceperGo, Endpoint::CardTicket) => return Err(none("silenceper-go")),
        (Layout::SilenceperGo, endpoint) => {
            let token = match (endpoint, t.agentid) {
                (Endpoint::JsapiTicket, _) => format!("{p}_jsapi_ticket_{id}"),
                (Endpoint::CorpTicket, _) => format!("{p}_corp_jsapi_ticket_{id}"),
                (_, Some(agent)) => format!("{p}_agent_jsapi_ticket_{id}_{agent}"),
                (_, None) => {
                    return Err(lang
                        .pick(
                            "silenceper-go keeps an app's agent_config ticket under its AgentId: give --agentid (WXTOKEN_AGENTID)",
                            "silenceper-go 以 AgentId 为键保存应用的 agent_config ticket：请提供 --agentid（WXTOKEN_AGENTID）",
                        )
                        .to_string());
                }
            };
            beside(token.clone(), format!("wxtoken:lock:{token}"))
        }
        (Layout::Powerwechat, Endpoint::JsapiTicket | Endpoint::CorpTicket) => {
            let token = format!("{p}.basic_service.jssdk.ticket.jsapi.{id}");
            beside(token.clone(), format!("wxtoken:lock:{token}"))
        }
        // (wxtoken's own keys are named as its tokens' are, and never asked for here.)
        (Layout::Powerwechat | Layout::Wxtoken, _) => return Err(none(layout.name())),
    })
}

/// `keys` for a Redis Cluster, where one script or transaction only touches keys of one slot:
/// wxtoken's own keys beside a token (its lock, failure record, owner) are named with the token
/// key as their hash tag (`{TOKEN_KEY}:lock`), so they share its slot and a fenced write stays
/// one atomic step. An SDK's own keys keep their names (WxJava's lock, wechatpy's expiry): the
/// writes to them go key by key (redis.rs says in which order).
pub fn for_cluster(mut keys: Keys, layout: Layout, lang: Lang) -> Result<Keys, String> {
    if keys.token.contains(['{', '}']) {
        return Err(lang
            .pick(
                "in a Redis Cluster, wxtoken keeps its lock in the token key's slot through a hash tag, which a key with { or } would change: use a --store-prefix without braces",
                "在 Redis Cluster 中，wxtoken 用哈希标签让锁与 token 键处于同一槽，含 { 或 } 的键会改变这一点：请使用不含花括号的 --store-prefix",
            )
            .to_string());
    }
    let beside = |what: &str| format!("{{{}}}:{what}", keys.token);
    if layout != Layout::Wxjava {
        keys.lock = beside("lock");
    }
    keys.failed = beside("failed");
    if keys.owner.is_some() {
        keys.owner = Some(beside("owner"));
    }
    Ok(keys)
}

/// Whether `a` and `b` are in one slot of a Redis Cluster because of how they are named: the
/// same key, or one hash tag (the first `{…}` with something inside), or `b` tagged with `a`.
pub fn same_slot(a: &str, b: &str) -> bool {
    fn tag(key: &str) -> &str {
        key.split_once('{')
            .and_then(|(_, rest)| rest.split_once('}'))
            .map(|(tag, _)| tag)
            .filter(|tag| !tag.is_empty())
            .unwrap_or(key)
    }
    tag(a) == tag(b)
}

fn md5_hex(text: &str) -> String {
    Md5::digest(text.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The key that holds the expiry of the token at `token_key`, where the layout keeps one apart
/// (wechatpy's `…_expires_at`).
pub fn expiry_key(layout: Layout, token_key: &str) -> Option<String> {
    (layout == Layout::Wechatpy).then(|| format!("{token_key}_expires_at"))
}

#[cfg(test)]
mod tests;
