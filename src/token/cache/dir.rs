//! The cache directory opened for a refresher (made private and tagged), for `cache list` and
//! `cache clear`, or for a `--no-fetch` reader (trusting no one's path): every check on the
//! directory itself, before any entry is read.

use std::fs;
use std::io;
use std::path::PathBuf;

use super::layout::{TAG, TAG_NAME, TAG_SIGNATURE, is_our_name, temp_name};
use super::messages::usable_dir_hint;
use super::{Cache, Unusable};
use crate::lang::Lang;
use crate::redact::sanitize;
use crate::safe_fs::{self, Refusal};
use crate::tr;

impl Cache {
    /// The directory for `fetch`: created 0700 and tagged when missing; otherwise it must be
    /// this user's, writable by nobody else, not a link, and either tagged by wxtoken or holding
    /// nothing but wxtoken's files (then it is tagged now).
    pub fn open(dir: PathBuf, lang: Lang) -> Result<Cache, Unusable> {
        let (created, meta) = safe_fs::create_private_dir(&dir).map_err(|e| {
            let (shown, why) = (
                sanitize(&dir.display().to_string()),
                crate::error::io_reason(&e, lang),
            );
            Unusable {
                message: tr!(
                    lang,
                    "cannot create the cache directory {shown}: {why}",
                    "无法创建缓存目录 {shown}：{why}"
                ),
                hint: usable_dir_hint(lang),
            }
        })?;
        safe_fs::check_private_dir_meta(&meta).map_err(|r| Unusable::new(&dir, &r, lang))?;
        let cache = Cache::mine(dir, safe_fs::is_group_shared_meta(&meta), lang);
        if created || !cache.is_tagged() {
            cache.adopt()?;
        }
        Ok(cache)
    }

    /// The directory for `cache list` and `cache clear`: `None` when it does not exist. It must
    /// pass the same checks and carry wxtoken's tag.
    pub fn open_existing(dir: PathBuf, lang: Lang) -> Result<Option<Cache>, Unusable> {
        match safe_fs::check_private_dir(&dir) {
            Err(r) if r.is_not_found() => return Ok(None),
            Err(r) => return Err(Unusable::new(&dir, &r, lang)),
            Ok(()) => {}
        }
        let shared = safe_fs::is_group_shared(&dir);
        Cache::mine(dir, shared, lang).tagged()
    }

    /// The directory for a `--no-fetch` reader, resolved as `--output` resolves its target:
    /// no directory or link on the way that a user it does not trust owns or others may change,
    /// and the directory itself owned by this user, root, `trusted` (`--cache-owner`), or (a
    /// setgid directory readable by its group) a user of one of this user's groups. Its entries
    /// are then read only when its owner's too.
    pub fn open_for_reading(
        dir: PathBuf,
        trusted: Option<u32>,
        lang: Lang,
    ) -> Result<Option<Cache>, Unusable> {
        use std::os::unix::fs::MetadataExt;
        match fs::symlink_metadata(&dir) {
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
            _ => {}
        }
        let shown = sanitize(&dir.display().to_string());
        let (resolved, owners) = crate::safe_path::resolve(&dir, lang).map_err(|why| Unusable {
            message: tr!(
                lang,
                "cannot read the cache directory {shown}: {why}",
                "无法读取缓存目录 {shown}：{why}"
            ),
            hint: usable_dir_hint(lang),
        })?;
        let owner =
            safe_fs::check_shared_dir(&resolved).map_err(|r| Unusable::new(&dir, &r, lang))?;
        let meta =
            fs::metadata(&resolved).map_err(|e| Unusable::new(&dir, &Refusal::Io(e), lang))?;
        let me = safe_fs::euid();
        let by_group = safe_fs::is_group_shared_meta(&meta) && crate::users::in_group(meta.gid());
        let trusts =
            |uid: u32| uid == me || uid == 0 || Some(uid) == trusted || (by_group && uid == owner);
        if let Some(&stranger) = owners.iter().chain([&owner]).find(|&&uid| !trusts(uid)) {
            let who = crate::users::describe_user(stranger);
            return Err(Unusable {
                message: tr!(
                    lang,
                    "the cache directory {shown} (or a directory or link on the way to it) belongs to {who}, whom this reader does not trust: it serves only what its own user, root, or the user named with --cache-owner keeps",
                    "缓存目录 {shown}（或通往它的目录、链接）属于 {who}，本读取方不信任此用户：它只使用自己的用户、root 或 --cache-owner 指定的用户所保存的 token"
                ),
                hint: lang
                    .pick(
                        "name the refresher's user with --cache-owner USER (WXTOKEN_CACHE_OWNER), or keep the cache in a setgid directory of a group this user is in; a directory in /tmp may be anyone's after a reboot",
                        "请用 --cache-owner USER（WXTOKEN_CACHE_OWNER）指定刷新方的用户，或把缓存放在本用户所在组的 setgid 目录中；/tmp 下的目录在重启后可能属于任何人",
                    )
                    .into(),
            });
        }
        Cache {
            dir: resolved,
            owner,
            group_readable: false,
            lang,
        }
        .tagged()
    }

    fn mine(dir: PathBuf, group_readable: bool, lang: Lang) -> Cache {
        Cache {
            group_readable,
            owner: safe_fs::euid(),
            dir,
            lang,
        }
    }

    fn tagged(self) -> Result<Option<Cache>, Unusable> {
        let cache = self;
        if let Err(Refusal::Io(e)) =
            safe_fs::read_owned_by(&cache.path_of(TAG_NAME), 4096, cache.owner)
            && e.kind() == io::ErrorKind::PermissionDenied
        {
            return Err(cache.denied());
        }
        if !cache.is_tagged() {
            let lang = cache.lang;
            let shown = sanitize(&cache.dir.display().to_string());
            return Err(Unusable {
                message: tr!(
                    lang,
                    "{shown} is not a wxtoken cache directory (it has no CACHEDIR.TAG written by wxtoken); nothing in it was touched",
                    "{shown} 不是 wxtoken 的缓存目录（没有 wxtoken 写的 CACHEDIR.TAG）；其中的文件都没有动"
                ),
                hint: lang
                    .pick(
                        "check --cache-dir; wxtoken fetch --cache tags the directory it uses",
                        "请检查 --cache-dir；wxtoken fetch --cache 会给它使用的目录加上标记",
                    )
                    .into(),
            });
        }
        Ok(Some(cache))
    }

    /// This user may not read the directory: said as such, with the group to join.
    fn denied(&self) -> Unusable {
        use std::os::unix::fs::MetadataExt;
        let lang = self.lang;
        let shown = sanitize(&self.dir.display().to_string());
        let (owner, group, mode) = match fs::metadata(&self.dir) {
            Ok(m) => (
                crate::users::describe_user(m.uid()),
                crate::users::describe_group(m.gid()),
                format!("{:o}", m.mode() & 0o7777),
            ),
            Err(_) => (String::from("?"), String::from("?"), String::from("?")),
        };
        Unusable {
            message: tr!(
                lang,
                "cannot read the cache directory {shown}: permission denied (it belongs to {owner}, group {group}, mode {mode})",
                "无法读取缓存目录 {shown}：权限不足（属于 {owner}，组 {group}，权限 {mode}）"
            ),
            hint: tr!(
                lang,
                "a reader must be in the group {group}: sudo usermod -aG {group} \"$(id -un)\", then log in again",
                "读取方必须属于组 {group}：sudo usermod -aG {group} \"$(id -un)\"，然后重新登录"
            ),
        }
    }

    fn is_tagged(&self) -> bool {
        safe_fs::read_owned_by(&self.path_of(TAG_NAME), 4096, self.owner).is_ok_and(|t| {
            let t = String::from_utf8_lossy(&t);
            t.starts_with(TAG_SIGNATURE) && t.contains("created by wxtoken")
        })
    }

    /// Tag a directory that holds nothing but wxtoken's files.
    fn adopt(&self) -> Result<(), Unusable> {
        let shown = sanitize(&self.dir.display().to_string());
        let names = fs::read_dir(&self.dir)
            .map_err(|e| Unusable::new(&self.dir, &Refusal::Io(e), self.lang))?;
        for entry in names.flatten() {
            let name = entry.file_name().to_string_lossy().to_string();
            if !is_our_name(&name) {
                let lang = self.lang;
                let other = sanitize(&name);
                return Err(Unusable {
                    message: tr!(
                        lang,
                        "{shown} is not a wxtoken cache directory: it holds other files ({other}) and no CACHEDIR.TAG of wxtoken",
                        "{shown} 不是 wxtoken 的缓存目录：其中有其他文件（{other}），也没有 wxtoken 的 CACHEDIR.TAG"
                    ),
                    hint: lang
                        .pick(
                            "pass an empty or new directory with --cache-dir",
                            "请用 --cache-dir 指定一个空目录或新目录",
                        )
                        .into(),
                });
            }
        }
        safe_fs::write_atomic(
            &self.dir,
            &temp_name(TAG_NAME),
            TAG_NAME,
            TAG.as_bytes(),
            0o644,
        )
        .map_err(|e| Unusable::new(&self.dir, &Refusal::Io(e), self.lang))
    }
}
