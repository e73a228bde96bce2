//! What a row of the errcode catalogue is: the texts of one errcode, its category (which decides
//! the exit code), and the context that changes a rejected token's meaning.

use crate::error::code;
use crate::lang::Lang;

/// A text in both languages.
#[derive(Debug, Clone, Copy)]
pub struct Text {
    pub en: &'static str,
    pub zh: &'static str,
}

impl Text {
    pub fn get(&self, lang: Lang) -> &'static str {
        lang.pick(self.en, self.zh)
    }
}

/// What a code means when a token is being checked, where that differs from fetching one.
#[derive(Debug)]
pub struct CheckText {
    pub title: Option<Text>,
    pub explain: Option<Text>,
    pub hint: Option<Text>,
    /// A further hint, after the hint.
    pub note: Option<Text>,
}

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
    /// The request is wrong for the API: its method or body.
    Request,
    /// The account (or the app) has no permission for the API.
    Unauthorized,
    /// Anything else (bad grant_type, wrong method, missing permission).
    Other,
}

impl Category {
    /// Exit code of `wxtoken fetch` (and of every command but `check`) for this category.
    pub fn exit_code(self) -> u8 {
        match self {
            Category::Busy => code::BUSY,
            Category::Credentials => code::CREDENTIALS,
            Category::Ip => code::IP,
            Category::Quota => code::QUOTA,
            Category::Account => code::ACCOUNT,
            Category::Request => code::REQUEST,
            Category::Unauthorized => code::UNAUTHORIZED,
            Category::Token | Category::Other => code::OTHER,
        }
    }

    /// Exit code of `wxtoken check`, where a rejected token means "credentials rejected".
    pub fn check_exit_code(self) -> u8 {
        match self {
            Category::Token => code::CREDENTIALS,
            other => other.exit_code(),
        }
    }
}

/// Where a WeChat errcode came from: what a rejected token means depends on it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Context {
    /// Fetching a token (and every command but check).
    Fetch,
    /// Checking a token (`wxtoken check`), or calling an API with one (`wxtoken api`).
    Check,
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
    /// The hint when errmsg names the caller's IP (`{ip}` stands for it), instead of `hint`.
    pub ip_hint: Option<Text>,
    /// What the code means when a token is checked, where that differs.
    pub check: Option<CheckText>,
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
    /// The exit code when fetching.
    pub fn exit_code(&self) -> u8 {
        self.category.exit_code()
    }
    pub fn exit_code_in(&self, context: Context) -> u8 {
        match context {
            Context::Fetch => self.category.exit_code(),
            Context::Check => self.category.check_exit_code(),
        }
    }
}
