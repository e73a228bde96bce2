//! The language of messages for people: English or Chinese.

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
