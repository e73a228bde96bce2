//! What the cache says when it cannot be used, or when one of its files cannot: the sentence
//! names the path and the fix, in the language of the run.

use std::path::Path;

use crate::error::Failure;
use crate::lang::Lang;
use crate::redact::sanitize;
use crate::safe_fs::Refusal;
use crate::tr;

/// Why the cache cannot be used: a sentence naming the path, and how to fix it.
#[derive(Debug, Clone)]
pub struct Unusable {
    pub message: String,
    pub hint: String,
}

impl Unusable {
    pub(super) fn new(dir: &Path, refusal: &Refusal, lang: Lang) -> Unusable {
        let shown = sanitize(&dir.display().to_string());
        let hint = match refusal {
            Refusal::Owner(_) | Refusal::Writable(_) => tr!(
                lang,
                "use a directory only you can write to: chmod go-w {shown}, or pass another --cache-dir",
                "请使用只有你能写入的目录：chmod go-w {shown}，或换一个 --cache-dir"
            ),
            Refusal::Symlink => lang
                .pick(
                    "pass the real directory with --cache-dir, not a symbolic link to it",
                    "请用 --cache-dir 指定真实目录，而不是指向它的符号链接",
                )
                .into(),
            _ => usable_dir_hint(lang),
        };
        let why = refusal.reason(lang);
        Unusable {
            message: tr!(
                lang,
                "the cache directory {shown} cannot be used safely: {why}",
                "缓存目录 {shown} 无法安全使用：{why}"
            ),
            hint,
        }
    }

    /// As a failure: exit 11, the store cannot be used.
    pub fn into_failure(self) -> Failure {
        Failure::store(self.message, false).with_hint(self.hint)
    }
}

/// A warning about one file of the cache (the run goes on).
#[derive(Debug)]
pub struct CacheWarning(pub String);

pub(super) fn usable_dir_hint(lang: Lang) -> String {
    lang.pick(
        "pass a usable directory with --cache-dir (or WXTOKEN_CACHE_DIR)",
        "请用 --cache-dir（或 WXTOKEN_CACHE_DIR）指定可用的目录",
    )
    .to_string()
}

/// `what` is a text in both languages: (English, Chinese).
pub(super) fn warning(lang: Lang, what: (&str, &str), path: &Path, why: &str) -> CacheWarning {
    let what = lang.pick(what.0, what.1);
    CacheWarning(format!(
        "{what} {}: {why}",
        sanitize(&path.display().to_string())
    ))
}
