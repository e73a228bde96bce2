//! `--help` under `--lang zh`: the one-line descriptions, the headings and the exit-code table in
//! Chinese (the options' own help stays English: it is the reference, in `wxtoken man` too).

/// The Chinese one-line description of each command, by its path.
const ABOUT: &[(&str, &str)] = &[
    (
        "",
        "正确获取微信 access_token，解释每一种失败，且从不让他人的 token 失效",
    ),
    (
        "fetch",
        "获取 access_token 并输出（--json 时输出一个 JSON 文档）",
    ),
    (
        "exec",
        "带着 token 运行一个命令：环境变量 WXTOKEN_ACCESS_TOKEN 和 WXTOKEN_EXPIRES_AT（unix 秒）",
    ),
    (
        "api",
        "调用任意微信接口：自动管理 token，并解释返回的错误码",
    ),
    (
        "ticket",
        "输出 JS-SDK ticket（jsapi、wx_card、agent_config），像 token 一样保存和共享",
    ),
    (
        "sign",
        "为页面的 wx.config（或 wx.agentConfig、卡券）签名，或找出签名无效的原因",
    ),
    ("profiles", "列出配置文件中的 profile（从不显示 secret）"),
    (
        "profiles add",
        "向配置文件添加一个 profile（文件以 0600 权限创建）",
    ),
    ("explain", "离线解释错误码或粘贴的微信应答"),
    ("check", "检查一个 token 是否有效（不会获取新 token）"),
    (
        "doctor",
        "诊断本机为何拿不到 token：凭据、代理、DNS、连接、时钟、白名单",
    ),
    ("cache", "本机缓存（或共享存储）中的 token：列出与删除"),
    (
        "cache list",
        "列出每个缓存 token 的 appid、接口、过期时间和剩余有效期",
    ),
    ("cache clear", "删除缓存的 token（全部，或某个 appid 的）"),
    ("quota", "接口调用额度：查询剩余次数，用完时清零"),
    ("quota get", "查询接口的每日调用额度与剩余次数"),
    ("quota clear", "清零调用次数（每月次数有限，需确认）"),
    ("rid", "查询请求 ID（rid）：微信看到的那次请求的详情"),
    ("completions", "输出 shell 补全脚本"),
    ("man", "显示手册页：wxtoken 的，或某个命令的"),
    ("help", "显示本帮助，或某个命令的帮助"),
];

/// The headings, English to Chinese.
const HEADINGS: &[(&str, &str)] = &[
    ("Credentials", "凭据"),
    ("Connection", "连接"),
    ("Cache", "缓存"),
    ("Shared store", "共享存储"),
    ("Output", "输出"),
    ("Profile", "Profile"),
    ("Stable token", "Stable token"),
    ("Token", "Token"),
    ("Command", "命令"),
    ("Request", "请求"),
    ("Answer", "应答"),
    ("Pagination", "翻页"),
    ("Ticket", "Ticket"),
    ("Signature", "签名"),
];

/// `cmd` (the command at `path`) and its subcommands, their descriptions and headings in
/// Chinese.
pub fn translate(mut cmd: clap::Command, path: &str) -> clap::Command {
    if path.is_empty() {
        // Built first, so that clap's own -h and -V (and `help`) are there to translate.
        cmd.build();
    }
    if let Some((_, about)) = ABOUT.iter().find(|(p, _)| *p == path) {
        cmd = cmd.about(*about).long_about(None::<&str>);
    }
    if let Some(after) = cmd.get_after_help().map(|h| h.to_string()) {
        cmd = cmd.after_help(
            after
                .replace("Examples:\n", "示例：\n")
                .replace("Installing:\n", "安装：\n"),
        );
    }
    let ids: Vec<(String, Option<String>, bool)> = cmd
        .get_arguments()
        .map(|a| {
            (
                a.get_id().to_string(),
                a.get_help_heading().map(str::to_string),
                a.is_positional(),
            )
        })
        .collect();
    for (id, heading, positional) in ids {
        let zh: Option<&'static str> = match heading.as_deref() {
            Some(h) => HEADINGS.iter().find(|(en, _)| *en == h).map(|(_, zh)| *zh),
            None if positional => Some("参数"),
            None => Some("选项"),
        };
        if let Some(zh) = zh {
            cmd = cmd.mut_arg(id, |a| a.help_heading(zh));
        }
    }
    cmd = cmd
        .subcommand_help_heading("命令")
        .help_template("{about-with-newline}\n用法：{usage}\n\n{all-args}{after-help}");
    let names: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    for name in names {
        let sub_path = if path.is_empty() {
            name.clone()
        } else {
            format!("{path} {name}")
        };
        cmd = cmd.mut_subcommand(&name, |s| translate(s, &sub_path));
    }
    cmd
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    /// Every command has its Chinese description, and every heading its translation: a new
    /// command or heading cannot come without them.
    #[test]
    fn every_command_and_heading_has_its_chinese() {
        fn walk(cmd: &clap::Command, path: &str, missing: &mut Vec<String>) {
            if !ABOUT.iter().any(|(p, _)| *p == path) {
                missing.push(format!("command {path:?}"));
            }
            for arg in cmd.get_arguments() {
                if let Some(h) = arg.get_help_heading()
                    && !HEADINGS.iter().any(|(en, _)| *en == h)
                {
                    missing.push(format!("heading {h:?} ({path})"));
                }
            }
            for sub in cmd.get_subcommands() {
                let sub_path = if path.is_empty() {
                    sub.get_name().to_string()
                } else {
                    format!("{path} {}", sub.get_name())
                };
                walk(sub, &sub_path, missing);
            }
        }
        let mut cmd = crate::cli::Cli::command();
        cmd.build();
        let mut missing = Vec::new();
        walk(&cmd, "", &mut missing);
        // clap's own `help` subcommands (`cache help list`) show the commands' descriptions.
        missing.retain(|m| !(m.starts_with("command") && m.split([' ', '"']).any(|w| w == "help")));
        missing.sort();
        missing.dedup();
        assert!(missing.is_empty(), "no Chinese for: {missing:?}");
    }
}
