//! The language of messages for people: English or Chinese. It is a value, settled once with
//! the other settings (after the profile, which may set it: `settings::settle`) and handed to
//! whatever builds text; there is no global language to read.

use clap::ValueEnum;

/// A message in the language in effect: `tr!(lang, "English {x}", "中文 {x}")`, each a format
/// string that captures the same variables.
#[macro_export]
macro_rules! tr {
    ($lang:expr, $en:literal, $zh:literal $(,)?) => {
        match $lang {
            $crate::lang::Lang::En => format!($en),
            $crate::lang::Lang::Zh => format!($zh),
        }
    };
}

/// `--lang` choices.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LangChoice {
    /// Chinese when the first non-empty of LC_ALL, LC_MESSAGES, LANG starts with "zh", else English
    Auto,
    /// English
    En,
    /// Chinese (中文)
    Zh,
}

/// `--lang` (and WXTOKEN_LANG): `auto`, `en`, `zh`, or a locale name, as people export it:
/// `zh_CN.UTF-8`, `zh-TW` and `zh` mean Chinese, `en_US` and `C` mean English. Completions and
/// `--help` offer the three words.
#[derive(Debug, Clone, Copy)]
pub struct LangParser;

impl clap::builder::TypedValueParser for LangParser {
    type Value = LangChoice;

    fn parse_ref(
        &self,
        cmd: &clap::Command,
        arg: Option<&clap::Arg>,
        value: &std::ffi::OsStr,
    ) -> Result<LangChoice, clap::Error> {
        let text = value.to_string_lossy().to_ascii_lowercase();
        let language = text.split(['_', '-', '.', '@']).next().unwrap_or("");
        match language {
            "auto" | "" => Ok(LangChoice::Auto),
            "zh" => Ok(LangChoice::Zh),
            "en" | "c" | "posix" => Ok(LangChoice::En),
            _ => {
                let mut err = clap::Error::new(clap::error::ErrorKind::InvalidValue).with_cmd(cmd);
                if let Some(arg) = arg {
                    err.insert(
                        clap::error::ContextKind::InvalidArg,
                        clap::error::ContextValue::String(arg.to_string()),
                    );
                }
                err.insert(
                    clap::error::ContextKind::InvalidValue,
                    clap::error::ContextValue::String(value.to_string_lossy().to_string()),
                );
                err.insert(
                    clap::error::ContextKind::ValidValue,
                    clap::error::ContextValue::Strings(vec![
                        "auto".into(),
                        "en".into(),
                        "zh".into(),
                    ]),
                );
                Err(err)
            }
        }
    }

    fn possible_values(
        &self,
    ) -> Option<Box<dyn Iterator<Item = clap::builder::PossibleValue> + '_>> {
        Some(Box::new(
            LangChoice::value_variants()
                .iter()
                .filter_map(ValueEnum::to_possible_value),
        ))
    }
}

/// The language in effect.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    En,
    Zh,
}

impl Lang {
    /// Resolve a `--lang` choice, reading the locale variables through `env` for `auto`.
    pub fn resolve(choice: LangChoice, env: impl Fn(&str) -> Option<String>) -> Lang {
        match choice {
            LangChoice::En => Lang::En,
            LangChoice::Zh => Lang::Zh,
            LangChoice::Auto => {
                let locale = ["LC_ALL", "LC_MESSAGES", "LANG"]
                    .iter()
                    .filter_map(|name| env(name))
                    .find(|v| !v.is_empty());
                match locale {
                    Some(v) if v.starts_with("zh") => Lang::Zh,
                    _ => Lang::En,
                }
            }
        }
    }

    /// The language of the locale variables (`--lang auto`): for what is said before the
    /// settings are settled, or where they cannot be reached (clap's errors, a panic).
    pub fn of_locale() -> Lang {
        Lang::resolve(LangChoice::Auto, crate::process::env_var)
    }

    /// The English or the Chinese text.
    pub fn pick<'a>(self, en: &'a str, zh: &'a str) -> &'a str {
        match self {
            Lang::En => en,
            Lang::Zh => zh,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::env_of;

    #[test]
    fn a_locale_name_is_a_language() {
        use clap::builder::TypedValueParser;
        let cmd = clap::Command::new("t");
        let parse = |v: &str| LangParser.parse_ref(&cmd, None, std::ffi::OsStr::new(v));
        for (v, want) in [
            ("zh", LangChoice::Zh),
            ("zh_CN", LangChoice::Zh),
            ("zh_CN.UTF-8", LangChoice::Zh),
            ("zh-TW", LangChoice::Zh),
            ("ZH", LangChoice::Zh),
            ("en", LangChoice::En),
            ("en_US.UTF-8", LangChoice::En),
            ("C", LangChoice::En),
            ("auto", LangChoice::Auto),
        ] {
            assert_eq!(parse(v).unwrap(), want, "{v}");
        }
        assert!(parse("fr_FR").is_err());
    }

    #[test]
    fn auto_follows_the_first_non_empty_locale_variable() {
        let auto = LangChoice::Auto;
        assert_eq!(Lang::resolve(auto, env_of(&[])), Lang::En);
        assert_eq!(
            Lang::resolve(auto, env_of(&[("LANG", "zh_CN.UTF-8")])),
            Lang::Zh
        );
        assert_eq!(
            Lang::resolve(auto, env_of(&[("LC_ALL", ""), ("LANG", "zh_TW")])),
            Lang::Zh
        );
        assert_eq!(
            Lang::resolve(auto, env_of(&[("LC_ALL", "C"), ("LANG", "zh_CN")])),
            Lang::En
        );
        assert_eq!(
            Lang::resolve(auto, env_of(&[("LC_MESSAGES", "zh_CN"), ("LANG", "en_US")])),
            Lang::Zh
        );
        assert_eq!(Lang::resolve(LangChoice::Zh, env_of(&[])), Lang::Zh);
        assert_eq!(
            Lang::resolve(LangChoice::En, env_of(&[("LANG", "zh_CN")])),
            Lang::En
        );
    }
}
