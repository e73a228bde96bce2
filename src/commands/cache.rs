//! `wxtoken cache list` and `wxtoken cache clear`: what is cached, never the token itself.

use std::fs;
use std::path::{Path, PathBuf};

use serde_json::json;

use crate::cache::{self, Cache};
use crate::cli::{CacheCommand, CacheDirArg};
use crate::error::Failure;
use crate::output::{Printer, sanitize};
use crate::time;

pub fn run(command: &CacheCommand, printer: &Printer) -> Result<u8, Failure> {
    match command {
        CacheCommand::List { dir } => list(dir, printer),
        CacheCommand::Clear { appid, dir } => clear(dir, appid.as_deref(), printer),
    }
}

fn dir_of(arg: &CacheDirArg, printer: &Printer) -> Result<PathBuf, Failure> {
    cache::resolve_dir(arg.cache_dir.as_deref(), super::env_var)
        .ok_or_else(|| Failure::usage(cache::no_dir_message(printer.lang)))
}

fn entry_files(dir: &Path) -> Result<Vec<PathBuf>, Failure> {
    if !dir.exists() {
        return Ok(Vec::new());
    }
    Cache {
        dir: dir.to_path_buf(),
    }
    .entry_files()
    .map_err(|e| {
        Failure::usage(format!(
            "cannot read the cache directory {}: {}",
            sanitize(&dir.display().to_string()),
            crate::credentials::io_reason(&e)
        ))
    })
}

fn list(arg: &CacheDirArg, printer: &Printer) -> Result<u8, Failure> {
    let dir = dir_of(arg, printer)?;
    let now = time::now_unix();
    let mut rows = Vec::new();
    for path in entry_files(&dir)? {
        match cache::read_entry(&path) {
            Ok(Some(e)) => rows.push(e),
            Ok(None) => {}
            Err(w) => printer.warn(&w.0),
        }
    }
    let written = if printer.json {
        let entries: Vec<_> = rows
            .iter()
            .map(|e| {
                json!({
                    "appid": e.appid,
                    "endpoint": e.endpoint,
                    "api_base": e.api_base,
                    "expires_at": time::rfc3339(e.expires_at),
                    "expires_in": e.remaining(now),
                    "expired": e.remaining(now) == 0,
                })
            })
            .collect();
        printer.result_json(&json!({ "cache_dir": dir.display().to_string(), "entries": entries }))
    } else if rows.is_empty() {
        printer.info(&format!(
            "no cached tokens in {}",
            sanitize(&dir.display().to_string())
        ));
        Ok(())
    } else {
        let mut out = format!(
            "{:<20} {:<13} {:<21} {:<12} {}\n",
            "APPID", "ENDPOINT", "EXPIRES_AT", "REMAINING", "API_BASE"
        );
        for e in &rows {
            let left = e.remaining(now);
            let remaining = if left == 0 {
                "expired".to_string()
            } else {
                cache::human_duration(left)
            };
            out.push_str(&format!(
                "{:<20} {:<13} {:<21} {:<12} {}\n",
                sanitize(&e.appid),
                sanitize(&e.endpoint),
                time::rfc3339(e.expires_at),
                remaining,
                sanitize(&e.api_base)
            ));
        }
        printer.result_line(out.trim_end())
    };
    written.map(|_| 0).map_err(|e| Failure::Internal {
        message: format!("cannot write to stdout: {e}"),
    })
}

fn clear(arg: &CacheDirArg, appid: Option<&str>, printer: &Printer) -> Result<u8, Failure> {
    let dir = dir_of(arg, printer)?;
    let mut removed = 0;
    for path in entry_files(&dir)? {
        let matches = match (appid, cache::read_entry(&path)) {
            (None, _) => true,
            (Some(want), Ok(Some(e))) => e.appid == want,
            (Some(_), _) => false,
        };
        if !matches {
            continue;
        }
        match fs::remove_file(&path) {
            Ok(()) => removed += 1,
            Err(e) => printer.warn(&format!(
                "cannot remove {}: {}",
                sanitize(&path.display().to_string()),
                crate::credentials::io_reason(&e)
            )),
        }
        let mut lock = path.clone().into_os_string();
        lock.push(".lock");
        let _ = fs::remove_file(lock);
    }
    // Leftovers of runs killed mid-write.
    if appid.is_none() && dir.exists() {
        for e in fs::read_dir(&dir).into_iter().flatten().flatten() {
            let name = e.file_name().to_string_lossy().to_string();
            if name.starts_with('.') && name.ends_with(".tmp") {
                let _ = fs::remove_file(e.path());
            }
        }
    }
    if printer.json {
        printer
            .result_json(&json!({ "cache_dir": dir.display().to_string(), "removed": removed }))
            .map_err(|e| Failure::Internal {
                message: format!("cannot write to stdout: {e}"),
            })?;
    } else {
        printer.info(&format!(
            "removed {removed} cached token{} from {}",
            if removed == 1 { "" } else { "s" },
            sanitize(&dir.display().to_string())
        ));
    }
    Ok(0)
}
