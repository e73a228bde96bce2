//! Profiles: named sets of settings in a TOML config file, chosen with `--profile NAME`.
//!
//! A setting that has a flag is keyed by the flag's id (its name with `_`): its value becomes
//! that flag's default, so clap applies the precedence: flag, then environment variable, then
//! profile, then the built-in default. The profile's `api_base` comes after the per-platform
//! variables in the same way; its secret comes after WXTOKEN_SECRET and WXTOKEN_CORPSECRET.

pub mod apply;
mod keys;
pub mod own;
pub mod secret;
mod values;

use std::collections::BTreeMap;
use std::ffi::OsStr;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use toml::Spanned;

use crate::error::Failure;
use crate::lang::Lang;
use crate::redact::Secret;
use crate::tr;
use keys::{FLAG_KEYS, Kind, OWN_KEYS, SECRET_KEYS};
use secret::ProfileSecret;
pub use values::register_secret_shaped_words;
use values::{expect_argv, expect_str, line_of, toml_message, unknown_key};

/// A config file larger than this is not one (it is refused, never parsed).
const MAX_CONFIG: u64 = 256 * 1024;

type Table = BTreeMap<Spanned<String>, Spanned<toml::Value>>;

/// Checks a setting's value as its flag would: `(flag id, value, lang)`.
pub type Validate = fn(&str, &str, Lang) -> Result<(), String>;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ConfigFile {
    default_profile: Option<Spanned<String>>,
    #[serde(default)]
    profiles: BTreeMap<Spanned<String>, Spanned<Table>>,
}

/// A config file, read and parsed (its profiles are checked when one is used or listed).
pub struct Config {
    pub path: PathBuf,
    text: String,
    /// Owned by this user and readable by nobody else: the only file that may hold a secret.
    private: bool,
    file: ConfigFile,
}

/// One profile, checked.
#[derive(Debug)]
pub struct Profile {
    pub name: String,
    /// The flags' new defaults: (flag id, value).
    pub defaults: Vec<(&'static str, String)>,
    pub api_base: Option<String>,
    pub secret: Option<ProfileSecret>,
}

/// Where the config file is: `--config` (or WXTOKEN_CONFIG), else the XDG location. The flag
/// says whether it was given (a missing file given is an error; a missing default is none).
pub fn config_path(given: Option<&Path>, env: impl Fn(&str) -> Option<String>) -> Option<PathBuf> {
    if let Some(p) = given {
        return Some(p.to_path_buf());
    }
    let base = env("XDG_CONFIG_HOME")
        .filter(|d| Path::new(d).is_absolute())
        .map(PathBuf::from)
        .or_else(|| {
            env("HOME")
                .filter(|h| Path::new(h).is_absolute())
                .map(|h| Path::new(&h).join(".config"))
        })?;
    Some(base.join("wxtoken").join("config.toml"))
}

impl Config {
    /// Read and parse the file at `path`; `Ok(None)` when it does not exist and `required` is
    /// false.
    pub fn load(path: &Path, required: bool, lang: Lang) -> Result<Option<Config>, Failure> {
        let shown = crate::redact::sanitize(&path.display().to_string());
        let (bytes, mode, owner) = match crate::safe_fs::read_trusted(path, MAX_CONFIG) {
            Ok(read) => read,
            Err(r) if r.is_not_found() && !required => return Ok(None),
            Err(r) => {
                let why = match r {
                    crate::safe_fs::Refusal::TooLarge(size) => tr!(
                        lang,
                        "it is {size} bytes, larger than a config file",
                        "它有 {size} 字节，超过配置文件的大小"
                    ),
                    other => other.reason(lang),
                };
                return Err(Failure::usage(tr!(
                    lang,
                    "cannot use the config file {shown}: {why}",
                    "无法使用配置文件 {shown}：{why}"
                ))
                .with_hint(lang.pick(
                    "a config file can run a command (secret_command): it must be a regular file owned by you (or root) that nobody else can write",
                    "配置文件可以运行命令（secret_command）：它必须是属于你（或 root）、其他人不能写的普通文件",
                )));
            }
        };
        let text = String::from_utf8(bytes).map_err(|_| {
            Failure::usage(tr!(
                lang,
                "{shown}: not UTF-8 text",
                "{shown}：不是 UTF-8 文本"
            ))
        })?;
        let private = mode & 0o077 == 0 && owner == crate::safe_fs::euid();
        Config::parse(path, text, private).map(Some)
    }

    /// The file's text, parsed (its profiles are checked when one is used or listed);
    /// `private`: owned by this user and readable by nobody else.
    pub fn parse(path: &Path, text: String, private: bool) -> Result<Config, Failure> {
        let shown = crate::redact::sanitize(&path.display().to_string());
        register_secret_shaped_words(&text);
        let file: ConfigFile = toml::from_str(&text).map_err(|e| {
            let line = e.span().map(|s| line_of(&text, s.start)).unwrap_or(1);
            let message = toml_message(e.message());
            Failure::usage(format!("{shown}:{line}: {message}"))
        })?;
        let config = Config {
            path: path.to_path_buf(),
            text,
            private,
            file,
        };
        config.register_secrets();
        Ok(config)
    }

    /// Every secret written in the file is masked from here on, whatever is checked or used.
    fn register_secrets(&self) {
        for table in self.file.profiles.values() {
            for (key, value) in table.get_ref() {
                if let toml::Value::String(s) = value.get_ref() {
                    match key.get_ref().as_str() {
                        "secret" => crate::redact::register_secret(s),
                        "store" | "proxy" | "api_base" => {
                            crate::net::proxy::register_url_password(s);
                        }
                        _ => {}
                    }
                }
            }
        }
    }

    /// The file's text, as read.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The profile's names, in order.
    pub fn names(&self) -> Vec<&str> {
        self.file
            .profiles
            .keys()
            .map(|k| k.get_ref().as_str())
            .collect()
    }

    /// The default profile's name, if the file names one.
    pub fn default_name(&self) -> Option<&str> {
        self.file
            .default_profile
            .as_ref()
            .map(|d| d.get_ref().as_str())
    }

    /// `FILE:LINE` of a byte offset.
    fn at(&self, offset: usize) -> String {
        format!(
            "{}:{}",
            crate::redact::sanitize(&self.path.display().to_string()),
            line_of(&self.text, offset)
        )
    }

    /// The profile `name` (else the default profile), checked: `Ok(None)` when neither is set.
    pub fn select(
        &self,
        name: Option<&str>,
        validate: Validate,
        lang: Lang,
    ) -> Result<Option<Profile>, Failure> {
        let (name, origin) = match (name, &self.file.default_profile) {
            (Some(n), _) => (n, None),
            (None, Some(d)) => (d.get_ref().as_str(), Some(d.span().start)),
            (None, None) => return Ok(None),
        };
        let Some((key, table)) = self.file.profiles.iter().find(|(k, _)| k.get_ref() == name)
        else {
            let shown = crate::redact::sanitize(name);
            let names: Vec<String> = self
                .names()
                .into_iter()
                .map(crate::redact::sanitize)
                .collect();
            let names = names.join(", ");
            let place = match origin {
                Some(offset) => format!("{}: default_profile", self.at(offset)),
                None => crate::redact::sanitize(&self.path.display().to_string()),
            };
            let known = if names.is_empty() {
                lang.pick(
                    "it has no [profiles.NAME] table",
                    "其中没有 [profiles.NAME] 表",
                )
                .to_string()
            } else {
                tr!(lang, "its profiles: {names}", "其中的 profile：{names}")
            };
            return Err(Failure::usage(tr!(
                lang,
                "{place}: no profile \"{shown}\" ({known})",
                "{place}：没有名为 \"{shown}\" 的 profile（{known}）"
            )));
        };
        self.check(key.get_ref(), table.get_ref(), validate, lang)
            .map(Some)
    }

    /// Check one profile's settings.
    /// `validate` checks a value the way its flag would (the command line's `validate`).
    pub fn check(
        &self,
        name: &str,
        table: &Table,
        validate: Validate,
        lang: Lang,
    ) -> Result<Profile, Failure> {
        let mut profile = Profile {
            name: name.to_string(),
            defaults: Vec::new(),
            api_base: None,
            secret: None,
        };
        let mut secret_key: Option<&str> = None;
        // In the file's order, so that a conflict is reported at its second line.
        let mut entries: Vec<_> = table.iter().collect();
        entries.sort_by_key(|(k, _)| k.span().start);
        for (key, value) in entries {
            let k = key.get_ref().as_str();
            let place = format!(
                "{}: {}",
                self.at(key.span().start),
                crate::redact::sanitize(k)
            );
            let bad = |why: String| Failure::usage(format!("{place}: {why}"));
            if let Some(&(id, kind)) = FLAG_KEYS.iter().find(|(id, _)| *id == k) {
                let text = self
                    .value_text(id, kind, value.get_ref(), lang)
                    .map_err(&bad)?;
                validate(id, &text, lang).map_err(&bad)?;
                let password = matches!(id, "store" | "proxy")
                    && crate::net::proxy::url_password(&text).is_some();
                if password && !self.private {
                    return Err(bad(self.not_private(lang)));
                }
                profile.defaults.push((id, text));
                continue;
            }
            if !OWN_KEYS.contains(&k) {
                return Err(bad(unknown_key(k, lang)));
            }
            if SECRET_KEYS.contains(&k) {
                if let Some(first) = secret_key {
                    return Err(bad(tr!(
                        lang,
                        "a profile takes one secret source, and this one also sets {first}",
                        "一个 profile 只能有一个 secret 来源，而这里还设置了 {first}"
                    )));
                }
                secret_key = Some(k);
            }
            let v = value.get_ref();
            match k {
                "api_base" => {
                    let text = expect_str(v, lang).map_err(&bad)?;
                    crate::net::api_base::ApiBase::parse(text, lang)
                        .map_err(|f| bad(f.message().to_string()))?;
                    profile.api_base = Some(text.to_string());
                }
                "secret" => {
                    let text = expect_str(v, lang).map_err(&bad)?;
                    if !self.private {
                        return Err(bad(self.not_private(lang)));
                    }
                    profile.secret = Some(ProfileSecret::Inline(Secret::new(text.to_string())));
                }
                "secret_file" => {
                    let text = expect_str(v, lang).map_err(&bad)?;
                    profile.secret = Some(ProfileSecret::File(self.resolve(text)));
                }
                "secret_env" => {
                    let text = expect_str(v, lang).map_err(&bad)?;
                    let plain = !text.is_empty()
                        && text.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_');
                    if !plain {
                        return Err(bad(lang
                            .pick(
                                "the name of an environment variable (letters, digits and _)",
                                "应为环境变量名（字母、数字和 _）",
                            )
                            .to_string()));
                    }
                    profile.secret = Some(ProfileSecret::Env(text.to_string()));
                }
                _ => {
                    let mut argv = expect_argv(v, lang).map_err(&bad)?;
                    // A path is read as secret_file's is: `~/` is home, a relative one is
                    // relative to this file (never to wherever the run happens to start); a
                    // bare name is looked up on PATH.
                    if argv[0].contains('/') {
                        argv[0] = self.resolve(&argv[0]).display().to_string();
                    }
                    profile.secret = Some(ProfileSecret::Command(argv));
                }
            }
        }
        let set = |id: &str| {
            profile
                .defaults
                .iter()
                .any(|(k, v)| *k == id && v != "false")
        };
        if set("cache") && set("store") {
            let at = table
                .keys()
                .find(|k| k.get_ref() == "store")
                .map_or(0, |k| k.span().start);
            let place = self.at(at);
            return Err(Failure::usage(tr!(
                lang,
                "{place}: store: profile \"{name}\" sets both cache and store: a token is kept in one of them",
                "{place}：store：profile \"{name}\" 同时设置了 cache 和 store：token 只能保存在其中一处"
            )));
        }
        Ok(profile)
    }

    /// The table of the profile `name`.
    pub fn table(&self, name: &str) -> Option<&Table> {
        self.file
            .profiles
            .iter()
            .find(|(k, _)| k.get_ref() == name)
            .map(|(_, t)| t.get_ref())
    }

    fn not_private(&self, lang: Lang) -> String {
        let path = crate::redact::sanitize(&self.path.display().to_string());
        tr!(
            lang,
            "a secret written in the file needs the file to be yours and readable by you alone (chmod 600 {path}); or use secret_file, secret_env or secret_command",
            "文件中直接写 secret 时，文件必须属于你且只有你能读（chmod 600 {path}）；或改用 secret_file、secret_env 或 secret_command"
        )
    }

    /// A value of `kind` as the flag's text.
    fn value_text(
        &self,
        id: &str,
        kind: Kind,
        v: &toml::Value,
        lang: Lang,
    ) -> Result<String, String> {
        use toml::Value as V;
        match (kind, v) {
            (Kind::Text, V::String(s)) => Ok(s.clone()),
            (Kind::Integer | Kind::Id | Kind::Seconds, V::Integer(i)) => Ok(i.to_string()),
            (Kind::Seconds, V::Float(f)) => Ok(f.to_string()),
            (Kind::Id, V::String(s)) => Ok(s.clone()),
            (Kind::Bool, V::Boolean(b)) => Ok(b.to_string()),
            (Kind::Path, V::String(s)) if id == "ca_cert" && s == "system" => Ok(s.clone()),
            (Kind::Path, V::String(s)) => Ok(self.resolve(s).display().to_string()),
            _ => {
                let expected = match kind {
                    Kind::Text | Kind::Path => lang.pick("a string", "字符串"),
                    Kind::Integer => lang.pick("an integer", "整数"),
                    Kind::Seconds => lang.pick("a number of seconds", "秒数"),
                    Kind::Bool => lang.pick("true or false", "true 或 false"),
                    Kind::Id => lang.pick("a string or an integer", "字符串或整数"),
                };
                let found = v.type_str();
                Err(tr!(
                    lang,
                    "expected {expected}, found {found}",
                    "应为{expected}，实际是 {found}"
                ))
            }
        }
    }

    /// A path in the file: `~/` is the home directory; a relative path is relative to the
    /// file's directory.
    fn resolve(&self, raw: &str) -> PathBuf {
        if let Some(rest) = raw.strip_prefix("~/")
            && let Some(home) = std::env::var_os("HOME")
        {
            return Path::new(&home).join(rest);
        }
        let p = Path::new(raw);
        if p.is_absolute() {
            return p.to_path_buf();
        }
        self.path
            .parent()
            .unwrap_or(Path::new("."))
            .join(OsStr::new(raw))
    }
}
