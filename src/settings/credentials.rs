//! appid and secret: where they come from, what makes them unusable, what looks wrong.

use std::io::Read;
use std::path::Path;

use crate::error::{Failure, io_reason};
use crate::lang::Lang;
use crate::platform::Platform;

use crate::redact::Secret;
use crate::wechat::credentials::{
    Credentials, SecretSource, appid_looks_right, corpid_looks_right, id_may_be_a_secret,
    secret_looks_right,
};

/// What the command line gave (before the environment is consulted for the secret).
pub struct CredInput<'a> {
    pub platform: Platform,
    pub appid: Option<&'a str>,
    pub secret: Option<&'a Secret>,
    pub secret_file: Option<&'a Path>,
    pub agentid: Option<&'a str>,
    /// The profile's secret source, after every flag and variable.
    pub profile_secret: Option<&'a crate::settings::profile::secret::FromProfile>,
}

/// A secret file larger than this is not an AppSecret file (it is refused, never cut and sent).
const MAX_SECRET_FILE: u64 = 4 * 1024;
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
    // With the profile's own app id, the environment's secret (another app's) is not used.
    let env = |name: &str| {
        if input.profile_secret.is_some_and(|p| p.owns_id) {
            None
        } else {
            env(name)
        }
    };
    let (secret, source) = if let Some(s) = input.secret {
        (s.expose().to_string(), SecretSource::Flag)
    } else if let Some(path) = input.secret_file {
        read_secret_file(path, &mut notes, lang)?
    } else if let Some(s) = wecom
        .then(|| env("WXTOKEN_CORPSECRET"))
        .flatten()
        .filter(|s| !s.is_empty())
    {
        (s, SecretSource::CorpEnv)
    } else if let Some(s) = env("WXTOKEN_SECRET").filter(|s| !s.is_empty()) {
        (s, SecretSource::Env)
    } else if let Some(from) = input.profile_secret {
        let value = match &from.secret {
            crate::settings::profile::secret::ProfileSecret::File(path) => {
                read_secret_file(path, &mut notes, lang)
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
        agentid: input.agentid.map(str::to_string),
        notes,
    })
}

/// The appid (or corpid) and agentid alone, checked: what a `--no-fetch` reader, which never
/// holds the secret, needs.
pub fn load_id(input: &CredInput, lang: Lang) -> Result<String, Failure> {
    let wecom = input.platform == Platform::Wecom;
    let appid = match input.appid {
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

    if let Some(agentid) = input.agentid {
        check_chars(agentid, "agentid", input.platform, lang)?;
        check_len(agentid, "agentid", MAX_APPID_LEN, lang)?;
    }
    Ok(appid)
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

/// Read all of `reader`, refusing more than [`MAX_SECRET_FILE`] bytes.
fn read_capped(reader: impl Read) -> std::io::Result<String> {
    let mut buf = String::new();
    reader.take(MAX_SECRET_FILE + 1).read_to_string(&mut buf)?;
    if buf.len() as u64 > MAX_SECRET_FILE {
        let kib = MAX_SECRET_FILE / 1024;
        return Err(std::io::Error::other(crate::tr!(
            Lang::current(),
            "it holds more than {kib} KiB; an AppSecret file holds one line",
            "它超过 {kib} KiB；AppSecret 文件只有一行"
        )));
    }
    Ok(buf)
}

/// A secret file that users other than its owner may read (ssh refuses such keys): a warning,
/// for a regular file; a pipe or a terminal is nobody else's to read.
fn others_may_read(file: &std::fs::File, path: &Path, lang: Lang) -> Option<String> {
    use std::os::unix::fs::PermissionsExt;
    let meta = file.metadata().ok()?;
    let mode = meta.permissions().mode();
    if !meta.is_file() || mode & 0o044 == 0 {
        return None;
    }
    let shown = crate::redact::sanitize(&path.display().to_string());
    let (mode, who) = (
        mode & 0o777,
        if mode & 0o004 != 0 {
            "every user"
        } else {
            "its group"
        },
    );
    let who_zh = if who == "every user" {
        "所有用户"
    } else {
        "其所属组"
    };
    Some(crate::tr!(
        lang,
        "the secret file {shown} (mode {mode:o}) can be read by {who}: chmod 600 {shown}",
        "secret 文件 {shown}（权限 {mode:o}）可被{who_zh}读取：请执行 chmod 600 {shown}"
    ))
}

fn read_secret_file(
    path: &Path,
    notes: &mut Vec<String>,
    lang: Lang,
) -> Result<(String, SecretSource), Failure> {
    let (raw, source) = if path == Path::new("-") {
        let stdin = std::io::stdin();
        let read = if std::io::IsTerminal::is_terminal(&stdin) {
            prompt_without_echo(lang)
        } else {
            read_capped(stdin)
        };
        read.map(|buf| (buf, SecretSource::Stdin)).map_err(|e| {
            Failure::usage(format!(
                "{}: {}",
                lang.pick(
                    "cannot read the secret from stdin",
                    "无法从标准输入读取 secret"
                ),
                io_reason(&e)
            ))
        })?
    } else {
        // A pipe (--secret-file <(pass show wx)) is fine: only the size is capped.
        let opened = crate::safe_fs::open_input(path).and_then(|file| {
            notes.extend(others_may_read(&file, path, lang));
            read_capped(file)
        });
        match opened {
            Ok(t) => (t, SecretSource::File),
            Err(e) => {
                let raw = path.to_string_lossy();
                // The secret itself given where its path belongs: never echo it.
                let shown = if looks_like_a_value(&raw) {
                    crate::redact::register_secret(&raw);
                    lang.pick(
                        "(a value that looks like the secret itself, not a path; not shown)",
                        "（看起来是 secret 本身而不是路径；不显示）",
                    )
                    .to_string()
                } else {
                    crate::redact::sanitize(&raw)
                };
                return Err(Failure::usage(format!(
                    "{} {shown}: {}",
                    lang.pick("cannot read --secret-file", "无法读取 --secret-file"),
                    io_reason(&e)
                ))
                .with_hint(lang.pick(
                    "--secret-file takes the path of a file that holds the secret",
                    "--secret-file 需要的是存放 secret 的文件路径",
                )));
            }
        }
    };
    let secret = raw.trim();
    if secret.contains(['\n', '\r']) {
        // Checked here, where the file is known: the generic check would say "control character".
        return Err(Failure::usage(lang.pick(
            "the secret file holds more than one line; it must hold the secret alone",
            "secret 文件不止一行；文件中只能有 secret 本身",
        )));
    }
    Ok((secret.to_string(), source))
}

/// Ask for the secret on the terminal with echo off (`--secret-file -` at a terminal): it is
/// never shown, and never lands in shell history.
fn prompt_without_echo(lang: Lang) -> std::io::Result<String> {
    crate::terminal::read_hidden_line(
        lang.pick("AppSecret (not shown): ", "AppSecret（输入不显示）："),
        MAX_SECRET_FILE + 1,
    )
}

/// A long run of letters and digits with no path separator: a secret, not a file name.
fn looks_like_a_value(raw: &str) -> bool {
    raw.len() >= 16 && raw.chars().all(|c| c.is_ascii_alphanumeric())
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
