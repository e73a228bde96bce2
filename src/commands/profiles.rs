//! `wxtoken profiles`: the config file's profiles, checked, never a secret.

use serde_json::{Value, json};

use crate::cli::ProfilesArgs;
use crate::error::{Failure, code};
use crate::output::Printer;
use crate::redact::sanitize;
use crate::settings::profile::{Config, Profile, config_path};
use crate::tr;

/// One profile as listed.
struct Row {
    name: String,
    default: bool,
    /// The profile a command would use now: --profile (WXTOKEN_PROFILE), else the default.
    active: bool,
    platform: String,
    appid: String,
    agentid: Option<String>,
    secret: String,
    endpoint: String,
    kept: String,
    /// Why the profile cannot be used, if it cannot.
    error: Option<String>,
}

pub fn run(args: &ProfilesArgs, printer: &Printer) -> Result<u8, Failure> {
    let selection = &args.profile;
    // A secret given as a profile's name is masked as one written in the file is.
    if let Some(name) = &selection.profile {
        crate::settings::profile::register_secret_shaped_words(name);
    }
    let lang = printer.lang;
    let Some(path) = config_path(selection.config.as_deref(), crate::process::env_var) else {
        return Err(Failure::usage(printer.t(
            "no config file location: pass --config PATH (neither HOME nor XDG_CONFIG_HOME is set)",
            "没有配置文件位置：请使用 --config PATH（HOME 和 XDG_CONFIG_HOME 都未设置）",
        )));
    };
    let shown = sanitize(&path.display().to_string());
    let Some(config) = Config::load(&path, selection.config.is_some(), lang)? else {
        if printer.json {
            printer.result_json(
                &json!({"config": shown, "exists": false, "default_profile": null, "profiles": []}),
            )?;
        } else if !args.names {
            printer.note(&tr!(
                lang,
                "no config file at {shown}: README (Profiles) shows one",
                "{shown} 没有配置文件：README（Profiles）中有示例"
            ));
        }
        return Ok(code::OK);
    };
    if args.names {
        for name in config.names() {
            printer.result_line(&sanitize(name))?;
        }
        return Ok(code::OK);
    }
    let default = config.default_name().map(str::to_string);
    let active = selection.profile.clone().or_else(|| default.clone());
    let rows: Vec<Row> = config
        .names()
        .into_iter()
        .map(|name| {
            let table = config.table(name).expect("a listed name has a table");
            row(
                name,
                (
                    default.as_deref() == Some(name),
                    active.as_deref() == Some(name),
                ),
                config.check(name, table, crate::settings::profile::apply::validate, lang),
            )
        })
        .collect();
    let broken = rows.iter().filter(|r| r.error.is_some()).count();
    if printer.json {
        let profiles: Vec<Value> = rows
            .iter()
            .map(|r| {
                json!({
                    "name": r.name, "default": r.default, "active": r.active, "platform": r.platform,
                    "appid": r.appid, "agentid": r.agentid, "secret": r.secret, "endpoint": r.endpoint,
                    "kept": r.kept, "error": r.error,
                })
            })
            .collect();
        printer.result_json(&json!({
            "config": shown, "exists": true, "default_profile": default, "active_profile": active,
            "profiles": profiles,
        }))?;
    } else {
        print_table(&rows, &shown, printer)?;
    }
    if broken > 0 {
        if !printer.json {
            printer.warn(&tr!(
                lang,
                "{broken} profile(s) of {shown} cannot be used as they are",
                "{shown} 中有 {broken} 个 profile 目前无法使用"
            ));
        }
        return Ok(code::USAGE);
    }
    Ok(code::OK)
}

fn row(name: &str, (default, active): (bool, bool), checked: Result<Profile, Failure>) -> Row {
    let mut row = Row {
        name: sanitize(name),
        default,
        active,
        platform: String::new(),
        appid: String::new(),
        agentid: None,
        secret: String::new(),
        endpoint: String::new(),
        kept: String::new(),
        error: None,
    };
    let profile = match checked {
        Ok(p) => p,
        Err(f) => {
            row.error = Some(f.message().to_string());
            return row;
        }
    };
    let get = |id: &str| {
        profile
            .defaults
            .iter()
            .rev()
            .find(|(k, _)| *k == id)
            .map(|(_, v)| v.as_str())
    };
    let wecom = get("platform") == Some("wecom");
    row.platform = if wecom { "wecom" } else { "mp" }.to_string();
    let id = get(if wecom { "corpid" } else { "appid" }).unwrap_or("-");
    row.appid = if crate::wechat::credentials::id_may_be_a_secret(id) {
        crate::redact::register_secret(id);
        "(looks like a secret; not shown)".to_string()
    } else {
        sanitize(id)
    };
    row.agentid = get("agentid").map(sanitize);
    row.secret = profile.secret.as_ref().map_or("-", |s| s.key()).to_string();
    row.endpoint = match (wecom, get("stable")) {
        (true, _) => "gettoken",
        (false, Some("true")) => "stable",
        _ => "classic",
    }
    .to_string();
    row.kept = match (get("cache"), get("store")) {
        (_, Some(url)) => crate::token::store::url::StoreUrl::parse(url, crate::lang::Lang::En)
            .map(|u| format!("store {}", u.shown))
            .unwrap_or_else(|_| "store".into()),
        (Some("true"), _) => "cache".to_string(),
        _ => "-".to_string(),
    };
    if get("no_fetch") == Some("true") {
        row.kept.push_str(" (no-fetch)");
    }
    row
}

fn print_table(rows: &[Row], shown: &str, printer: &Printer) -> Result<(), Failure> {
    let header = [
        format!(" {}", printer.t("NAME", "名称")),
        printer.t("PLATFORM", "平台").to_string(),
        "APPID".to_string(),
        "SECRET".to_string(),
        printer.t("ENDPOINT", "接口").to_string(),
        printer.t("KEPT IN", "保存于").to_string(),
    ];
    let name = |r: &Row| format!("{}{}", if r.active { "*" } else { " " }, r.name);
    let cells: Vec<[String; 6]> = rows
        .iter()
        .filter(|r| r.error.is_none())
        .map(|r| {
            let appid = match &r.agentid {
                Some(a) => format!("{} (agent {a})", r.appid),
                None => r.appid.clone(),
            };
            [
                name(r),
                r.platform.clone(),
                appid,
                r.secret.clone(),
                r.endpoint.clone(),
                r.kept.clone(),
            ]
        })
        .collect();
    let mut table = vec![header.to_vec()];
    table.extend(cells.into_iter().map(|row| row.to_vec()));
    let mut text = tr!(
        printer.lang,
        "config file: {shown}\n",
        "配置文件：{shown}\n"
    );
    text.push_str(&crate::columns::table(
        &table,
        &[0, 5], // NAME, KEPT IN
        printer.stdout_columns(),
    ));
    // A profile that cannot be used: its name and why, on a line of its own.
    for r in rows.iter().filter(|r| r.error.is_some()) {
        let why = r.error.as_deref().unwrap_or_default();
        text.push_str(&format!(
            "\n{}  {} {why}",
            name(r),
            printer.t("error:", "错误：")
        ));
    }
    printer.result_line(&text)
}
