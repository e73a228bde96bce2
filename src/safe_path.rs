//! Paths another user must not be able to redirect: resolved as the kernel would, one
//! component at a time, with the owner of every directory and link met on the way (each of
//! them decides where the path leads). `--output` and a cache reader resolve their paths here.

use std::path::{Component, Path, PathBuf};

use crate::error::io_reason;
use crate::lang::Lang;
use crate::tr;

/// Resolve `path` as the kernel would, one component at a time, following links by hand: the
/// absolute path without links it leads to, and the owners of every link and directory met on
/// the way (each of them decides where the path leads).
pub fn resolve(path: &Path, lang: Lang) -> Result<(PathBuf, Vec<u32>), String> {
    use std::collections::VecDeque;
    use std::os::unix::fs::MetadataExt;
    let absolute = std::path::absolute(path).map_err(|e| io_reason(&e, lang))?;
    let mut todo: VecDeque<std::ffi::OsString> = VecDeque::new();
    let push_all = |todo: &mut VecDeque<std::ffi::OsString>, p: &Path| {
        let parts: Vec<std::ffi::OsString> = p
            .components()
            .filter_map(|c| match c {
                Component::Normal(n) => Some(n.to_os_string()),
                Component::ParentDir => Some("..".into()),
                _ => None,
            })
            .collect();
        for part in parts.into_iter().rev() {
            todo.push_front(part);
        }
    };
    push_all(&mut todo, &absolute);
    let mut out = PathBuf::from("/");
    let mut owners = Vec::new();
    let mut links = 0;
    while let Some(part) = todo.pop_front() {
        // The directory searched now decides what `part` is: it must be a directory, and
        // nobody but its owner may change its entries (a link in it swapped, a `..` target).
        let here = std::fs::metadata(&out).map_err(|e| io_reason(&e, lang))?;
        let shown = crate::redact::sanitize(&out.display().to_string());
        if !here.is_dir() {
            return Err(tr!(lang, "{shown} is not a directory", "{shown} 不是目录"));
        }
        shared_dir(here.mode(), &out, lang)?;
        owners.push(here.uid());
        if part == ".." {
            out.pop();
            continue;
        }
        let next = out.join(&part);
        let meta = std::fs::symlink_metadata(&next).map_err(|e| {
            let why = io_reason(&e, lang);
            tr!(lang, "its directory: {why}", "它的目录：{why}")
        })?;
        owners.push(meta.uid());
        if meta.file_type().is_symlink() {
            links += 1;
            if links > 40 {
                return Err(lang
                    .pick("too many links on the way", "路径上的链接太多")
                    .into());
            }
            let target = std::fs::read_link(&next).map_err(|e| io_reason(&e, lang))?;
            if target.is_absolute() {
                out = PathBuf::from("/");
            }
            push_all(&mut todo, &target);
        } else {
            out = next;
        }
    }
    if !std::fs::metadata(&out).is_ok_and(|m| m.is_dir()) {
        let shown = crate::redact::sanitize(&out.display().to_string());
        return Err(tr!(lang, "{shown} is not a directory", "{shown} 不是目录"));
    }
    Ok((out, owners))
}

/// A directory on the way whose group or others may change its entries (and not sticky, as
/// /tmp is) could send the token elsewhere: refused.
pub fn shared_dir(mode: u32, at: &Path, lang: Lang) -> Result<(), String> {
    if mode & 0o022 == 0 || mode & 0o1000 != 0 {
        return Ok(());
    }
    let shown = crate::redact::sanitize(&at.display().to_string());
    let mode = format!("{:o}", mode & 0o7777);
    Err(tr!(
        lang,
        "{shown} can be written by others than its owner (mode {mode}), who could send the token elsewhere",
        "{shown} 可被属主以外的人写入（权限 {mode}），他们可以把 token 引到别处"
    ))
}
