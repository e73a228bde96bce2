//! A token as each layout writes it to the store and reads it back: wxtoken's own JSON value or
//! an SDK's, its expiry, and the checks a value read from the store must pass.

use serde::{Deserialize, Serialize};

use super::layout::Layout;
use crate::lang::Lang;
use crate::platform::Endpoint;
use crate::wechat::response::{MAX_EXPIRES_IN, token_problem};

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
        // WxJava keeps an Official Account's tickets for expires_in - 200 s.
        Layout::Wxjava => Written {
            token_value: token.to_string(),
            expires_at_value: None,
            ttl_ms: secs(match endpoint {
                Endpoint::JsapiTicket | Endpoint::CardTicket => expires_in.saturating_sub(200),
                _ => expires_in,
            }),
        },
        Layout::Wechatpy => Written {
            token_value: serde_json::Value::from(token).to_string(),
            expires_at_value: Some(now.saturating_add(expires_in).to_string()),
            ttl_ms: secs(expires_in),
        },
        Layout::Powerwechat if endpoint.is_ticket() => Written {
            token_value: serde_json::json!({"errcode": 0, "errmsg": "ok", "ticket": token, "expires_in": expires_in})
                .to_string(),
            expires_at_value: None,
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
                // A ticket's value is WeChat's whole answer too, with `ticket`.
                #[serde(alias = "ticket")]
                access_token: String,
                #[allow(dead_code)]
                expires_in: serde_json::Number,
            }
            let v: Pw = serde_json::from_str(text).map_err(|_| not_ours())?;
            (v.access_token, key_expiry, None)
        }
    };
    if let Some(why) = token_problem(&token) {
        return Err(why.say(lang).to_string());
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
