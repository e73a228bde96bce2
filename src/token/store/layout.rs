//! The key layouts of a Redis store: wxtoken's own, and those of the SDKs whose apps share the
//! token (../README "Fleets"): which keys a token lives under, how its value is written, and
//! how long the key lives. Known here and nowhere else.

use md5::{Digest, Md5};
use serde::{Deserialize, Serialize};

use crate::lang::Lang;
use crate::platform::Endpoint;
use crate::platform::Platform;
use crate::wechat::response::{MAX_EXPIRES_IN, token_problem};

/// Whose key and value format the store uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Layout {
    /// wxtoken's own: one JSON value with the token, its expiry and a fingerprint of the secret
    Wxtoken,
    /// The Go SDK github.com/silenceper/wechat
    #[value(name = "silenceper-go")]
    SilenceperGo,
    /// The Java SDK WxJava (RedisTemplate or Jedis storage), joining its lock
    Wxjava,
    /// The Python SDK wechatpy (RedisStorage)
    Wechatpy,
    /// The Go SDK PowerWeChat
    Powerwechat,
}

impl Layout {
    pub fn name(self) -> &'static str {
        match self {
            Layout::Wxtoken => "wxtoken",
            Layout::SilenceperGo => "silenceper-go",
            Layout::Wxjava => "wxjava",
            Layout::Wechatpy => "wechatpy",
            Layout::Powerwechat => "powerwechat",
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
    let wecom = t.endpoint == Endpoint::WecomToken;
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
    };
    Ok(match layout {
        Layout::Wxtoken => {
            let platform = if wecom { "wecom" } else { "mp" };
            let mut rest = format!("{platform}:{id}");
            if let Some(agent) = t.agentid {
                rest.push(':');
                rest.push_str(agent);
            }
            let endpoint = t.endpoint.name();
            Keys {
                token: format!("{p}:token:{rest}:{endpoint}"),
                expires_at: None,
                lock: format!("{p}:lock:{rest}:{endpoint}"),
                failed: format!("{p}:failed:{rest}:{endpoint}"),
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
            }
        }
        Layout::Wxjava => Keys {
            token: format!("{p}:access_token:{id}"),
            expires_at: None,
            lock: format!("{p}:lock:{id}:accessTokenLock"),
            failed: format!("wxtoken:failed:{p}:access_token:{id}"),
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
    })
}

fn md5_hex(text: &str) -> String {
    Md5::digest(text.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Whether `key` is a token key the naming function ([`keys`]) gives `appid` on `platform`:
/// for any of its endpoints, without an AgentId or with the one the key ends in. Exact: a key
/// is never taken for an app's because it contains or ends with its appid.
pub fn is_token_key_of(
    layout: Layout,
    prefix: &str,
    platform: Platform,
    appid: &str,
    key: &str,
    lang: Lang,
) -> bool {
    let endpoints: &[Endpoint] = match platform {
        Platform::Mp => &[Endpoint::Token, Endpoint::StableToken],
        Platform::Wecom => &[Endpoint::WecomToken],
    };
    let agent = key
        .rsplit([':', '_'])
        .next()
        .filter(|a| !a.is_empty() && a.bytes().all(|b| b.is_ascii_digit()));
    endpoints.iter().any(|&endpoint| {
        [None, agent].into_iter().any(|agentid| {
            let target = Target {
                endpoint,
                appid,
                agentid,
                secret: None,
                prefix,
            };
            keys(layout, &target, lang).is_ok_and(|k| k.token == key)
        })
    })
}

/// The key that holds the expiry of the token at `token_key`, where the layout keeps one apart
/// (wechatpy's `…_expires_at`).
pub fn expiry_key(layout: Layout, token_key: &str) -> Option<String> {
    (layout == Layout::Wechatpy).then(|| format!("{token_key}_expires_at"))
}

/// The key pattern (`SCAN MATCH`) of every token key of `layout` with `prefix`, and a test of
/// whether a key it returns is one.
pub fn token_pattern(layout: Layout, prefix: &str) -> String {
    let p = glob_escape(prefix);
    match layout {
        Layout::Wxtoken => format!("{p}:token:*"),
        Layout::SilenceperGo => format!("{p}_*access_token_*"),
        Layout::Wxjava => format!("{p}:*access_token*"),
        Layout::Wechatpy => format!("{p}:*_access_token"),
        Layout::Powerwechat => format!("{p}.access_token.*"),
    }
}

fn glob_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(c, '*' | '?' | '[' | ']' | '\\') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// wxtoken's own value: everything but the secret.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Value {
    pub format: u32,
    pub access_token: String,
    pub expires_at: u64,
    pub fetched_at: u64,
    pub fetched_at_ms: u64,
    pub endpoint: String,
    pub platform: String,
    pub appid: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub agentid: Option<String>,
    /// As in the local cache: a changed secret is a miss.
    pub secret_fingerprint: String,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub rotated: bool,
}

pub const VALUE_FORMAT: u32 = 1;

/// A token and its expiry as the layout's value(s): what `SET` writes, and for how long.
pub struct Written {
    pub token_value: String,
    /// The second value of wechatpy (its expiry key, which has no TTL).
    pub expires_at_value: Option<String>,
    /// Milliseconds the token key lives; `None`: too little lifetime left to store.
    pub ttl_ms: Option<u64>,
}

/// How `layout` writes a token with `expires_in` seconds left (`value` for wxtoken's own).
pub fn encode(
    layout: Layout,
    endpoint: Endpoint,
    token: &str,
    expires_in: u64,
    now: u64,
    value: &Value,
) -> Written {
    let secs = |s: u64| (s > 0).then_some(s * 1000);
    match layout {
        Layout::Wxtoken => Written {
            token_value: serde_json::to_string(value).unwrap_or_default(),
            expires_at_value: None,
            ttl_ms: secs(expires_in),
        },
        Layout::SilenceperGo => {
            // The SDK uses a token as long as its key lives: it keeps a margin.
            let margin = if endpoint == Endpoint::StableToken {
                300
            } else {
                1500
            };
            Written {
                token_value: token.to_string(),
                expires_at_value: None,
                ttl_ms: secs(expires_in.saturating_sub(margin)),
            }
        }
        Layout::Wxjava => Written {
            token_value: token.to_string(),
            expires_at_value: None,
            ttl_ms: secs(expires_in),
        },
        Layout::Wechatpy => Written {
            token_value: serde_json::Value::from(token).to_string(),
            expires_at_value: Some(now.saturating_add(expires_in).to_string()),
            ttl_ms: secs(expires_in),
        },
        Layout::Powerwechat => Written {
            token_value: serde_json::json!({"access_token": token, "expires_in": expires_in})
                .to_string(),
            expires_at_value: None,
            ttl_ms: secs(expires_in),
        },
    }
}

/// What was read under a token's keys.
pub struct Raw {
    pub token_value: Option<Vec<u8>>,
    /// PTTL of the token key in milliseconds (negative: none).
    pub pttl_ms: i64,
    pub expires_at_value: Option<Vec<u8>>,
    /// The length of a value larger than any layout's (only its start was read).
    pub too_large: Option<usize>,
}

/// A token read back: its value, absolute expiry, and wxtoken's own details where the layout
/// keeps them.
#[derive(Debug, Clone)]
pub struct Decoded {
    pub access_token: String,
    pub expires_at: u64,
    pub own: Option<Value>,
}

/// Read `raw` as `layout` writes it; `Ok(None)`: no token there; `Err`: something that is not
/// a token of this layout (a message).
pub fn decode(layout: Layout, raw: &Raw, now: u64, lang: Lang) -> Result<Option<Decoded>, String> {
    let Some(bytes) = &raw.token_value else {
        return Ok(None);
    };
    if let Some(n) = raw.too_large {
        return Err(crate::tr!(
            lang,
            "it is {n} bytes, larger than any token value (it was not read whole)",
            "它有 {n} 字节，比任何 token 值都大（没有整个读取）"
        ));
    }
    let text =
        std::str::from_utf8(bytes).map_err(|_| lang.pick("not text", "不是文本").to_string())?;
    let not_ours = || {
        lang.pick("not a token value of this layout", "不是该布局的 token 值")
            .to_string()
    };
    // The key's own remaining life (a key without TTL: none known).
    let key_expiry = (raw.pttl_ms > 0).then(|| now + (raw.pttl_ms as u64) / 1000);
    let (token, expires_at, own) = match layout {
        Layout::Wxtoken => {
            let v: Value = serde_json::from_str(text).map_err(|_| not_ours())?;
            if v.format != VALUE_FORMAT {
                return Err(not_ours());
            }
            // The earlier of the value's expiry and the key's: a value's word is not taken over
            // the store's own clock.
            let expiry = v.expires_at.min(key_expiry.unwrap_or(u64::MAX));
            (v.access_token.clone(), Some(expiry), Some(v))
        }
        Layout::SilenceperGo => (text.to_string(), key_expiry, None),
        Layout::Wxjava => {
            // WxJava takes a key with under 2 s left for expired.
            let expiry = key_expiry.filter(|_| raw.pttl_ms >= 2000);
            (text.to_string(), expiry, None)
        }
        Layout::Wechatpy => {
            let token: String = serde_json::from_str(text).map_err(|_| not_ours())?;
            let expiry = match &raw.expires_at_value {
                Some(v) => {
                    let at = std::str::from_utf8(v)
                        .ok()
                        .and_then(|v| v.trim().parse::<u64>().ok())
                        .ok_or_else(not_ours)?;
                    // wechatpy 1.8 keeps the expiry in memory and writes no expiry key: after
                    // it fetched, the key can outlive an old expiry key by a whole lifetime.
                    // Such a stale expiry key (the key's TTL longer than it says, by more than
                    // 2 s) is set aside for the TTL.
                    let at = match key_expiry {
                        Some(k) if k > at + 2 => k,
                        _ => at,
                    };
                    // wechatpy refetches with 60 s or less left.
                    Some(at.saturating_sub(60).min(key_expiry.unwrap_or(u64::MAX)))
                }
                None => key_expiry,
            };
            (token, expiry, None)
        }
        Layout::Powerwechat => {
            #[derive(Deserialize)]
            struct Pw {
                access_token: String,
                #[allow(dead_code)]
                expires_in: serde_json::Number,
            }
            let v: Pw = serde_json::from_str(text).map_err(|_| not_ours())?;
            (v.access_token, key_expiry, None)
        }
    };
    if let Some(why) = token_problem(&token) {
        return Err(why.to_string());
    }
    let Some(expires_at) = expires_at else {
        return Ok(None);
    };
    if expires_at.saturating_sub(now) > MAX_EXPIRES_IN {
        return Err(lang
            .pick("it expires more than a day from now", "过期时间在一天以后")
            .to_string());
    }
    crate::redact::register_secret(&token);
    Ok(Some(Decoded {
        access_token: token,
        expires_at,
        own,
    }))
}

#[cfg(test)]
#[path = "layout_tests.rs"]
mod tests;
