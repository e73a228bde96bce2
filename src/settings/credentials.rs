//! appid and secret: where they come from, what makes them unusable, what looks wrong.

use std::path::Path;

use crate::error::Failure;
use crate::lang::Lang;
use crate::platform::Platform;

use crate::redact::Secret;
use crate::wechat::credentials::{
    Credentials, SecretSource, appid_looks_right, corpid_looks_right, id_may_be_a_secret,
    secret_looks_right,
};

/// Where the app id in effect came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IdSource {
    Flag,
    /// The platform's variable (`WXTOKEN_APPID`, `WXTOKEN_CORPID`).
    Var(&'static str),
    Profile,
    None,
}

/// What the command line, the platform's variables and the profile gave (the secret's
/// variable is read by [`load`]).
pub struct CredInput<'a> {
    pub platform: Platform,
    pub appid: Option<String>,
    pub id_source: IdSource,
    /// `--secret` or `--corpsecret`.
    pub secret: Option<&'a Secret>,
    pub secret_file: Option<&'a Path>,
    /// The platform's secret variable: `WXTOKEN_SECRET` or `WXTOKEN_CORPSECRET`.
    pub secret_var: &'static str,
    pub agentid: Option<String>,
    /// The profile's secret source, after every flag and variable.
    pub profile_secret: Option<&'a crate::settings::profile::secret::FromProfile>,
    /// The profile in effect.
    pub profile: Option<&'a crate::settings::profile::own::UsedProfile>,
}

/// Longer than any real value (AppIDs and CorpIDs are 18 characters; secrets 32 to 43).
pub const MAX_APPID_LEN: usize = 64;
pub const MAX_SECRET_LEN: usize = 128;

/// Read and check appid and secret. A flag beats its env var; `--secret-file` beats
/// `WXTOKEN_SECRET`. Every problem is a usage error, found before any request.
pub fn load(
    input: &CredInput,
    lang: Lang,
    env: impl Fn(&str) -> Option<String>,
) -> Result<Credentials, Failure> {
    let wecom = input.platform == Platform::Wecom;
    let appid = load_id(input, lang)?;
    let mut notes = Vec::new();
    let var_secret = env(input.secret_var).filter(|s| !s.is_empty());
    let var_name = input.secret_var;
    // A profile's app id goes with the profile's own secret: the variable's, meant for another
    // app, is set aside (and said so).
    let set_aside = input.id_source == IdSource::Profile
        && input.profile_secret.is_some()
        && var_secret.is_some()
        && input.secret.is_none()
        && input.secret_file.is_none();
    if set_aside && let Some(used) = input.profile {
        let what = used.describe(lang);
        notes.push(crate::tr!(
            lang,
            "{var_name} is set but not used: {what} sets the app id, and its own secret goes with it (--appid or the variable for the id takes the variable's app instead)",
            "{var_name} 已设置但未使用：{what} 设置了应用 ID，与之配套的是它自己的 secret（用 --appid 或 ID 的环境变量可改用该变量对应的应用）"
        ));
    }
    let var_secret = var_secret.filter(|_| !set_aside);
    let (secret, source) = if let Some(s) = input.secret {
        (s.expose().to_string(), SecretSource::Flag)
    } else if let Some(path) = input.secret_file {
        super::secret_file::read(path, &mut notes, lang)?
    } else if let Some(s) = var_secret {
        let source = match input.platform {
            Platform::Wecom => SecretSource::CorpEnv,
            Platform::Mp => SecretSource::Env,
        };
        (s, source)
    } else if let Some(from) = input.profile_secret {
        // The profile's secret goes only with the profile's own app id.
        if let Some(used) = input.profile
            && let Some(theirs) = used.id.as_deref()
            && theirs != appid
        {
            let (what, id_from) = (used.describe(lang), id_origin(input.id_source, wecom));
            let (mine, theirs) = (
                crate::redact::sanitize(&appid),
                crate::redact::sanitize(theirs),
            );
            return Err(Failure::usage(crate::tr!(
                lang,
                "the app id {mine} (from {id_from}) is not the one of {what} ({theirs}), whose secret would be sent with it",
                "应用 ID {mine}（来自 {id_from}）不是 {what} 的应用 ID（{theirs}），不能把该 profile 的 secret 与它一起发送"
            ))
            .with_hint(lang.pick(
                "give that app's secret too (its variable or --secret-file), or leave out the other id, or use --no-profile",
                "请同时提供该应用的 secret（其环境变量或 --secret-file），或去掉另一个 ID，或使用 --no-profile",
            )));
        }
        let value = match &from.secret {
            crate::settings::profile::secret::ProfileSecret::File(path) => {
                super::secret_file::read(path, &mut notes, lang)
                    .map_err(|f| from.failure(f.message(), lang))?
                    .0
            }
            _ => from.read(lang)?,
        };
        (value, SecretSource::Profile(from.secret.key()))
    } else if wecom {
        return Err(Failure::usage(lang.pick(
            "missing secret: set WXTOKEN_CORPSECRET, or pass --secret-file PATH (or --corpsecret SECRET)",
            "缺少 secret：请设置 WXTOKEN_CORPSECRET，或使用 --secret-file PATH（或 --corpsecret SECRET）",
        )));
    } else {
        return Err(Failure::usage(lang.pick(
            "missing secret: set WXTOKEN_SECRET, or pass --secret-file PATH (or --secret SECRET)",
            "缺少 secret：请设置 WXTOKEN_SECRET，或使用 --secret-file PATH（或 --secret SECRET）",
        )));
    };
    if secret.is_empty() {
        let what = match (source, input.secret_file) {
            (SecretSource::File, Some(path)) => {
                let shown = crate::redact::sanitize(&path.display().to_string());
                crate::tr!(
                    lang,
                    "the secret file {shown} is empty",
                    "secret 文件 {shown} 为空"
                )
            }
            (SecretSource::Stdin, _) => lang
                .pick(
                    "the secret read from stdin is empty",
                    "从标准输入读到的 secret 为空",
                )
                .to_string(),
            _ => lang.pick("secret is empty", "secret 为空").to_string(),
        };
        return Err(Failure::usage(what));
    }
    let secret = Secret::new(secret);
    check_chars(secret.expose(), "secret", input.platform, lang)?;
    check_len(secret.expose(), "secret", MAX_SECRET_LEN, lang)?;
    if id_may_be_a_secret(&appid) {
        // appid and secret swapped: the "appid" is the secret, so it must never be shown either.
        crate::redact::register_secret(&appid);
    }
    Ok(Credentials {
        platform: input.platform,
        appid,
        secret,
        secret_source: source,
        agentid: input.agentid.clone(),
        notes,
        id_from: match (input.id_source, input.profile) {
            (IdSource::Profile, Some(used)) => {
                profile_key(used, if wecom { "corpid" } else { "appid" })
            }
            (source, _) => id_origin(source, wecom).to_string(),
        },
        secret_from: match (source, input.profile) {
            (SecretSource::Flag, _) if wecom => "--corpsecret".into(),
            (SecretSource::Flag, _) => "--secret".into(),
            (SecretSource::File, _) => "--secret-file".into(),
            (SecretSource::Stdin, _) => "stdin".into(),
            (SecretSource::Env | SecretSource::CorpEnv, _) => input.secret_var.into(),
            (SecretSource::Profile(key), Some(used)) => profile_key(used, key),
            (SecretSource::Profile(key), None) => key.into(),
        },
    })
}

/// The appid (or corpid) and agentid alone, checked: what a `--no-fetch` reader, which never
/// holds the secret, needs.
pub fn load_id(input: &CredInput, lang: Lang) -> Result<String, Failure> {
    let wecom = input.platform == Platform::Wecom;
    let appid = match input.appid.as_deref() {
        Some(a) => a.to_string(),
        None if wecom => {
            return Err(Failure::usage(lang.pick(
                "missing corpid: pass --corpid CORPID or set WXTOKEN_CORPID",
                "缺少 corpid：请使用 --corpid CORPID 或设置 WXTOKEN_CORPID",
            )));
        }
        None => {
            return Err(Failure::usage(lang.pick(
                "missing appid: pass --appid APPID or set WXTOKEN_APPID",
                "缺少 appid：请使用 --appid APPID 或设置 WXTOKEN_APPID",
            )));
        }
    };
    let id_name = if wecom { "corpid" } else { "appid" };
    check_chars(&appid, id_name, input.platform, lang)?;
    check_len(&appid, id_name, MAX_APPID_LEN, lang)?;

    if let Some(agentid) = input.agentid.as_deref() {
        check_chars(agentid, "agentid", input.platform, lang)?;
        check_len(agentid, "agentid", MAX_APPID_LEN, lang)?;
    }
    Ok(appid)
}

/// `profile "oa" (secret_env)`.
fn profile_key(used: &crate::settings::profile::own::UsedProfile, key: &str) -> String {
    format!(
        "profile \"{}\" ({key})",
        crate::redact::sanitize(&used.name)
    )
}

/// Where an app id came from, as a message names it.
fn id_origin(source: IdSource, wecom: bool) -> &'static str {
    match (source, wecom) {
        (IdSource::Var(name), _) => name,
        (IdSource::Profile, _) => "the profile",
        (_, true) => "--corpid",
        (_, false) => "--appid",
    }
}

/// A value longer than any real one is a mistake (a file's whole content, a pasted blob).
fn check_len(value: &str, what: &str, max: usize, lang: Lang) -> Result<(), Failure> {
    if value.len() <= max {
        return Ok(());
    }
    let len = value.len();
    Err(Failure::usage(crate::tr!(
        lang,
        "{what} is {len} characters long, longer than any real one (at most {max})",
        "{what} 长 {len} 个字符，超过任何真实值（最多 {max}）"
    )))
}

/// Values that can never be right: empty, or with whitespace, control or non-ASCII characters.
/// The message names the problem, never the secret's value.
fn check_chars(value: &str, what: &str, platform: Platform, lang: Lang) -> Result<(), Failure> {
    let problem = if value.is_empty() {
        Some(lang.pick("is empty", "为空"))
    } else if value.chars().any(|c| c.is_control()) {
        Some(lang.pick("contains a control character", "包含控制字符"))
    } else if value.chars().any(char::is_whitespace) {
        Some(lang.pick("contains whitespace", "包含空白字符"))
    } else if !value.is_ascii() {
        Some(lang.pick("contains a non-ASCII character", "包含非 ASCII 字符"))
    } else {
        None
    };
    match problem {
        None => Ok(()),
        Some(p) => {
            let hint = match platform {
                Platform::Mp => lang.pick(
                    "copy the value again from mp.weixin.qq.com (Settings and Development > Basic Configuration)",
                    "请从 mp.weixin.qq.com（设置与开发 → 基本配置）重新复制",
                ),
                Platform::Wecom => lang.pick(
                    "copy the value again from the admin console (work.weixin.qq.com): 我的企业 > 企业信息 for the CorpID, 应用管理 > the app > 应用详情 for its AgentId and secret",
                    "在管理后台（work.weixin.qq.com）重新复制：CorpID 在 我的企业 → 企业信息，AgentId 与 secret 在 应用管理 → 该应用 → 应用详情",
                ),
            };
            Err(Failure::usage(format!("{what} {p}")).with_hint(hint))
        }
    }
}

/// Warnings about formats: not refusals, WeChat does not specify them.
pub fn format_warnings(creds: &Credentials, lang: Lang) -> Vec<String> {
    let appid = &creds.appid;
    let secret = creds.secret.expose();
    let mut out = creds.notes.clone();
    if creds.platform == Platform::Wecom {
        if appid_looks_right(appid) {
            out.push(format!(
                "{} ({})",
                lang.pick(
                    "the corpid looks like an Official Account AppID (wx…), not a CorpID (ww…): leave out --platform wecom?",
                    "corpid 看起来像公众号 AppID（wx…）而不是 CorpID（ww…）：是否不该加 --platform wecom？",
                ),
                crate::redact::sanitize(appid)
            ));
        } else if !corpid_looks_right(appid) {
            out.push(format!(
                "{} ({})",
                lang.pick(
                    "the corpid does not look like a CorpID: ww followed by 16 lowercase hex digits",
                    "corpid 的格式不像 CorpID：应为 ww 加 16 位小写十六进制",
                ),
                crate::redact::sanitize(appid)
            ));
        }
        if secret_looks_right(secret) {
            out.push(
                lang.pick(
                    "the secret looks like an Official Account AppSecret (32 hex digits), not a WeChat Work app's Secret (43 characters)",
                    "secret 看起来像公众号 AppSecret（32 位十六进制），而不是企业微信应用的 Secret（43 个字符）",
                )
                .to_string(),
            );
        }
        return out;
    }
    let swapped = (secret_looks_right(appid) || appid.len() == 32)
        && (appid_looks_right(secret) || secret.starts_with("wx"));
    if swapped {
        out.push(
            lang.pick(
                "appid and secret look swapped: the appid looks like a secret (32 hex digits) and the secret starts with \"wx\"",
                "appid 与 secret 似乎填反了：appid 像 secret（32 位十六进制），而 secret 以 \"wx\" 开头",
            )
            .to_string(),
        );
        return out;
    }
    if corpid_looks_right(appid) {
        out.push(format!(
            "{} ({})",
            lang.pick(
                "the appid looks like a WeChat Work CorpID (ww…): add --platform wecom?",
                "appid 看起来像企业微信 CorpID（ww…）：是否要加 --platform wecom？",
            ),
            crate::redact::sanitize(appid)
        ));
    } else if !appid_looks_right(appid) {
        out.push(format!(
            "{} ({})",
            lang.pick(
                "the appid does not look like an AppID: wx followed by 16 lowercase hex digits",
                "appid 的格式不像 AppID：应为 wx 加 16 位小写十六进制",
            ),
            crate::redact::sanitize(appid)
        ));
    }
    if !secret_looks_right(secret) {
        out.push(
            lang.pick(
                "the secret does not look like an AppSecret: 32 lowercase hex digits",
                "secret 的格式不像 AppSecret：应为 32 位小写十六进制",
            )
            .to_string(),
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const APPID: &str = "wx0123456789abcdef";
    const SECRET: &str = "0123456789abcdef0123456789abcdef";

    fn creds(appid: &str, secret: &str) -> Credentials {
        Credentials {
            platform: Platform::Mp,
            agentid: None,
            appid: appid.into(),
            secret: Secret(secret.into()),
            secret_source: SecretSource::Flag,
            notes: Vec::new(),
            id_from: String::new(),
            secret_from: String::new(),
        }
    }

    #[test]
    fn secret_debug_is_redacted() {
        let s = Secret("topsecret".into());
        assert_eq!(format!("{s:?}"), "(redacted)");
        assert!(!format!("{:?}", creds(APPID, "topsecret")).contains("topsecret"));
    }

    #[test]
    fn formats() {
        assert!(format_warnings(&creds(APPID, SECRET), Lang::En).is_empty());
        let w = format_warnings(&creds(SECRET, APPID), Lang::En);
        assert_eq!(w.len(), 1);
        assert!(w[0].contains("swapped"));
        assert_eq!(format_warnings(&creds("wxABC", SECRET), Lang::En).len(), 1);
        assert_eq!(format_warnings(&creds(APPID, "short"), Lang::En).len(), 1);
    }

    #[test]
    fn unusable_values() {
        for bad in ["", "a b", "a\tb", "a\u{7}b", "ab中"] {
            let f = check_chars(bad, "secret", Platform::Mp, Lang::En).unwrap_err();
            assert_eq!(f.exit_code(), 2, "{bad:?}");
        }
        assert!(check_chars(SECRET, "secret", Platform::Mp, Lang::En).is_ok());
    }
}
