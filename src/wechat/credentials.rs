//! An app's credentials as WeChat knows them (AppID or CorpID, the secret, WeChat Work's
//! AgentId), and the shapes they have in the wild.

use crate::platform::Platform;
use crate::redact::Secret;

/// Where the secret was read from, for messages (never the value).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SecretSource {
    Flag,
    File,
    Stdin,
    Env,
    CorpEnv,
    /// A profile's source: the key that set it (`secret_command`, say).
    Profile(&'static str),
}

#[derive(Debug, Clone)]
pub struct Credentials {
    pub platform: Platform,
    /// The AppID, or with WeChat Work the CorpID.
    pub appid: String,
    pub secret: Secret,
    pub secret_source: SecretSource,
    /// WeChat Work's AgentId, a label only.
    pub agentid: Option<String>,
    /// What was noticed while reading them (a secret file others may read), for the run's
    /// warnings.
    pub notes: Vec<String>,
    /// Where the app id and the secret came from, as `-v` and doctor say it
    /// (`WXTOKEN_APPID`, `profile "oa" (secret_env)`).
    pub id_from: String,
    pub secret_from: String,
}

fn is_hex_lower(s: &str) -> bool {
    s.chars()
        .all(|c| c.is_ascii_digit() || ('a'..='f').contains(&c))
}

/// An AppID as seen in the wild: `wx` and 16 lowercase hex digits.
pub fn appid_looks_right(appid: &str) -> bool {
    appid.len() == 18 && appid.starts_with("wx") && is_hex_lower(&appid[2..])
}

/// An AppSecret as seen in the wild: 32 lowercase hex digits.
pub fn secret_looks_right(secret: &str) -> bool {
    secret.len() == 32 && is_hex_lower(secret)
}

/// An "appid" that is no AppID or CorpID but has a secret's shape (an Official Account's 32 hex
/// digits, or a WeChat Work secret's 43 URL-safe characters): appid and secret were swapped, and
/// this value must be handled as the secret (never shown, cached or put in a file name).
pub fn id_may_be_a_secret(id: &str) -> bool {
    !appid_looks_right(id)
        && !corpid_looks_right(id)
        && id.len() >= 32
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// A CorpID as seen in the wild: `ww` and 16 lowercase hex digits.
pub fn corpid_looks_right(corpid: &str) -> bool {
    corpid.len() == 18 && corpid.starts_with("ww") && is_hex_lower(&corpid[2..])
}
