//! `wxtoken profiles add NAME`: a profile written into the config file (created at mode 0600,
//! in a 0700 directory, where wxtoken looks for it), with a secret source and never an inline
//! secret unless asked; checked as every profile is before the file is replaced, atomically.

use std::os::unix::fs::DirBuilderExt;
use std::path::{Path, PathBuf};

use serde_json::json;

use crate::cli::{PlatformChoice, ProfileAddArgs};
use crate::error::Failure;
use crate::error::code;
use crate::output::Printer;
use crate::settings::profile::{Config, config_path};
use crate::tr;

pub fn run(args: &ProfileAddArgs, printer: &Printer) -> Result<u8, Failure> {
    let lang = printer.lang;
    let name = &args.name;
    crate::settings::profile::register_secret_shaped_words(name);
    let plain = !name.is_empty()
        && name.len() <= 64
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_'));
    if !plain {
        return Err(Failure::usage(lang.pick(
            "a profile's name is 1 to 64 letters, digits, - and _",
            "profile 名称为 1 到 64 个字母、数字、- 和 _",
        )));
    }
    let Some(path) = config_path(args.config.as_deref(), crate::process::env_var) else {
        return Err(Failure::usage(lang.pick(
            "no config file location: pass --config PATH (neither HOME nor XDG_CONFIG_HOME is set)",
            "没有配置文件位置：请使用 --config PATH（HOME 和 XDG_CONFIG_HOME 都未设置）",
        )));
    };
    let path = real_file(path, lang)?;
    let shown = crate::redact::sanitize(&path.display().to_string());
    // The file as it is (checked as the reader checks it), or none yet.
    let old = match Config::load(&path, false, lang)? {
        Some(config) => {
            if config.names().contains(&name.as_str()) {
                return Err(Failure::usage(tr!(
                    lang,
                    "{shown} has a profile \"{name}\" already: it is never replaced (edit the file, or choose another name)",
                    "{shown} 中已有 profile \"{name}\"：不会替换它（请编辑该文件，或换一个名称）"
                )));
            }
            if args.default
                && let Some(d) = config.default_name()
            {
                let d = crate::redact::sanitize(d);
                return Err(Failure::usage(tr!(
                    lang,
                    "{shown} names \"{d}\" as its default_profile already: edit the file to change it",
                    "{shown} 已将 \"{d}\" 设为 default_profile：如需更改请编辑该文件"
                )));
            }
            config.text().to_string()
        }
        None => String::new(),
    };
    let table = table(args, printer)?;
    let mut text = String::new();
    if args.default {
        text.push_str(&format!("default_profile = {}\n", quote(name)));
        if !old.is_empty() && !old.starts_with('\n') {
            text.push('\n');
        }
    }
    text.push_str(&old);
    if !text.is_empty() && !text.ends_with("\n\n") {
        text.push_str(if text.ends_with('\n') { "\n" } else { "\n\n" });
    }
    text.push_str(&table);
    // Checked as `wxtoken profiles` checks it, before anything is written.
    let config = Config::parse(&path, text.clone(), true)?;
    let checked = config
        .table(name)
        .map(|t| config.check(name, t, crate::settings::profile::apply::validate, lang));
    if let Some(Err(f)) = checked {
        return Err(f);
    }
    write(&path, &text, lang)?;
    if printer.json {
        printer.result_json(&json!({"added": name, "config": shown, "default": args.default}))?;
    } else {
        printer.info(&tr!(
            lang,
            "added profile \"{name}\" to {shown} (mode 600); try: wxtoken fetch --profile {name}",
            "已将 profile \"{name}\" 加入 {shown}（权限 600）；试试：wxtoken fetch --profile {name}"
        ));
    }
    Ok(code::OK)
}

/// The file a config path names. A symbolic link (a dotfile manager's) is followed, so the
/// profile lands in the file it points to and the link stays a link, but only to a regular file
/// of this user's, through links and directories of this user or root that nobody else may
/// change: a run as root never writes through a user's link into a file of root's. Anything
/// else (a link to nothing too) is refused, and nothing is written.
fn real_file(path: PathBuf, lang: crate::lang::Lang) -> Result<PathBuf, Failure> {
    use std::os::unix::fs::MetadataExt;
    let link = match std::fs::symlink_metadata(&path) {
        Ok(m) if m.file_type().is_symlink() => m,
        _ => return Ok(path),
    };
    let shown = crate::redact::sanitize(&path.display().to_string());
    let refuse = |why: String| {
        Failure::usage(tr!(
            lang,
            "{shown} is a symbolic link that wxtoken does not write through: {why}; nothing was written",
            "{shown} 是 wxtoken 不会透过它写入的符号链接：{why}；没有写入任何内容"
        ))
        .with_hint(lang.pick(
            "point it at a file of yours (create it first), or pass --config with the real path",
            "请让它指向你自己的文件（先创建该文件），或用 --config 指定真实路径",
        ))
    };
    let me = crate::safe_fs::euid();
    let foreign = |owners: &[u32]| owners.iter().copied().find(|&uid| uid != me && uid != 0);
    let belongs = |uid: u32| {
        let who = crate::users::describe_user(uid);
        tr!(
            lang,
            "a link or directory on the way belongs to {who}",
            "途经的链接或目录属于 {who}"
        )
    };
    // The link, and the directories that hold it and its target: this user's or root's, and
    // nobody else may change them.
    let target = std::fs::canonicalize(&path);
    let parents = [Some(path.as_path()), target.as_deref().ok()];
    let mut owners = vec![link.uid()];
    for parent in parents.into_iter().flatten().filter_map(Path::parent) {
        let (_, on_the_way) = crate::safe_path::resolve(parent, lang).map_err(refuse)?;
        owners.extend(on_the_way);
    }
    if let Some(uid) = foreign(&owners) {
        return Err(refuse(belongs(uid)));
    }
    let target = match target {
        Ok(target) => target,
        Err(e) => {
            let (to, why) = (
                std::fs::read_link(&path)
                    .map(|t| crate::redact::sanitize(&t.display().to_string()))
                    .unwrap_or_default(),
                crate::error::io_reason(&e, lang),
            );
            return Err(refuse(tr!(
                lang,
                "it points to {to}: {why}",
                "它指向 {to}：{why}"
            )));
        }
    };
    let to = crate::redact::sanitize(&target.display().to_string());
    match std::fs::symlink_metadata(&target) {
        Ok(m) if m.is_file() && m.uid() == me => Ok(target),
        Ok(m) if m.is_file() => {
            let who = crate::users::describe_user(m.uid());
            Err(refuse(tr!(
                lang,
                "it points to {to}, which belongs to {who}",
                "它指向 {to}，该文件属于 {who}"
            )))
        }
        Ok(_) => Err(refuse(tr!(
            lang,
            "it points to {to}, which is not a regular file",
            "它指向 {to}，这不是普通文件"
        ))),
        Err(e) => {
            let why = crate::error::io_reason(&e, lang);
            Err(refuse(tr!(
                lang,
                "it points to {to}: {why}",
                "它指向 {to}：{why}"
            )))
        }
    }
}

/// The profile's table, as TOML.
fn table(args: &ProfileAddArgs, printer: &Printer) -> Result<String, Failure> {
    let wecom = args.platform == Some(PlatformChoice::Wecom);
    let mut t = format!("[profiles.{}]\n", args.name);
    if wecom {
        t.push_str("platform = \"wecom\"\n");
    }
    t.push_str(&format!(
        "{} = {}\n",
        if wecom { "corpid" } else { "appid" },
        quote(&args.appid)
    ));
    if let Some(agent) = &args.agentid {
        if !wecom {
            return Err(Failure::usage(printer.t(
                "--agentid is WeChat Work's: add --platform wecom",
                "--agentid 属于企业微信：请加 --platform wecom",
            )));
        }
        t.push_str(&format!("agentid = {}\n", quote(agent)));
    }
    if let Some(file) = &args.secret_file {
        let path = if file.starts_with("~/") || Path::new(file).is_absolute() {
            file.clone()
        } else {
            std::path::absolute(file)
                .map(|p| p.display().to_string())
                .unwrap_or_else(|_| file.clone())
        };
        t.push_str(&format!("secret_file = {}\n", quote(&path)));
    } else if let Some(var) = &args.secret_env {
        t.push_str(&format!("secret_env = {}\n", quote(var)));
    } else if let Some(command) = &args.secret_command {
        let words: Vec<String> = command.split_whitespace().map(quote).collect();
        t.push_str(&format!("secret_command = [{}]\n", words.join(", ")));
    } else if args.inline_secret {
        let secret = read_secret(printer)?;
        t.push_str(&format!("secret = {}\n", quote(&secret)));
    }
    if args.stable {
        t.push_str("stable = true\n");
    }
    if args.cache {
        t.push_str("cache = true\n");
    }
    if let Some(store) = &args.store {
        t.push_str(&format!("store = {}\n", quote(store)));
    }
    if let Some(base) = &args.api_base {
        t.push_str(&format!("api_base = {}\n", quote(base)));
    }
    Ok(t)
}

/// `--inline-secret`: the secret from stdin, or asked for at a terminal (never echoed).
fn read_secret(printer: &Printer) -> Result<String, Failure> {
    use std::io::{IsTerminal, Read};
    let stdin = std::io::stdin();
    let read = if stdin.is_terminal() {
        crate::terminal::read_hidden_line(
            printer.t("secret (not shown): ", "secret（输入不显示）："),
            4097,
        )
    } else {
        let mut buf = String::new();
        stdin
            .lock()
            .take(4097)
            .read_to_string(&mut buf)
            .map(|_| buf)
    };
    let secret = read
        .map_err(|e| Failure::usage(crate::error::io_reason(&e, printer.lang)))?
        .trim()
        .to_string();
    crate::redact::register_secret(&secret);
    if secret.is_empty() || secret.len() > 4096 || secret.contains(['\n', '\r']) {
        return Err(Failure::usage(printer.t(
            "--inline-secret reads one line, the secret, from stdin",
            "--inline-secret 从标准输入读取一行，即 secret",
        )));
    }
    Ok(secret)
}

/// A TOML basic string.
fn quote(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", u32::from(c))),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Replace (or create) the file at `path`: mode 0600, its directory created 0700 when missing.
fn write(path: &Path, text: &str, lang: crate::lang::Lang) -> Result<(), Failure> {
    let shown = crate::redact::sanitize(&path.display().to_string());
    let fail = |e: std::io::Error| {
        let why = crate::error::io_reason(&e, lang);
        Failure::usage(tr!(
            lang,
            "cannot write {shown}: {why}",
            "无法写入 {shown}：{why}"
        ))
    };
    let dir = path.parent().unwrap_or(Path::new("."));
    let dir = if dir.as_os_str().is_empty() {
        Path::new(".")
    } else {
        dir
    };
    std::fs::DirBuilder::new()
        .recursive(true)
        .mode(0o700)
        .create(dir)
        .map_err(fail)?;
    let file = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "config.toml".into());
    let tmp = format!(".{file}.wxtoken-{}.tmp", std::process::id());
    crate::safe_fs::write_atomic(dir, &tmp, &file, text.as_bytes(), 0o600).map_err(fail)
}
