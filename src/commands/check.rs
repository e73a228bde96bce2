//! `wxtoken check`: does WeChat accept this token? One read-only call of getcallbackip.

use std::io::{IsTerminal, Read};

use serde_json::{Value, json};

use crate::api_base::percent_encode;
use crate::catalog::{Context, Platform};
use crate::cli::CheckArgs;
use crate::client::{Request, Verdict};
use crate::error::Failure;
use crate::output::Printer;
use crate::response;
use crate::wechat;

pub fn run(args: &CheckArgs, printer: &Printer) -> Result<u8, Failure> {
    let token = read_token(args, printer)?;
    let platform = args.platform.get();
    let client = super::connect(&args.conn, platform, printer)?;
    let url = client.settings().api_base.url("/cgi-bin/getcallbackip");
    let shown: String = token.chars().take(6).collect();
    let req = Request {
        url: format!("{url}?access_token={}", percent_encode(&token)),
        shown_url: format!("{url}?access_token={shown}…"),
        json_body: None,
    };
    let lang = printer.lang;
    let result = client.send(&req, printer, |answer| {
        let text = String::from_utf8_lossy(&answer.body);
        if let Ok(Value::Object(map)) = serde_json::from_str::<Value>(text.trim())
            && map.get("ip_list").is_some_and(Value::is_array)
            && map.get("errcode").and_then(Value::as_i64).unwrap_or(0) == 0
        {
            return Verdict::Done(());
        }
        match response::parse(answer.status, &answer.body) {
            Ok(response::Answer::Error { errcode, errmsg }) => {
                wechat::errcode_verdict(platform, errcode, &errmsg, Context::Check, lang)
            }
            Err(problem)
                if problem.status() >= 500
                    || !matches!(problem, response::Problem::NoToken { .. }) =>
            {
                wechat::judge_problem(problem, answer, lang)
            }
            _ => Verdict::Fail(Failure::Response {
                message: format!(
                    "{} (HTTP {})",
                    printer.t(
                        "the answer to getcallbackip has neither ip_list nor an errcode",
                        "getcallbackip 的返回既没有 ip_list 也没有 errcode"
                    ),
                    answer.status
                ),
                hints: vec![
                    printer
                        .t("check --api-base", "请检查 --api-base")
                        .to_string(),
                ],
                http_status: Some(answer.status),
            }),
        }
    });
    match result {
        Ok(()) => {
            // What a pass on WeChat Work does not prove: its IP control (60020) is enforced on
            // business calls, not on this one.
            let caveat = (platform == Platform::Wecom).then(|| {
                printer.t(
                    "this proves the token is valid, not that this machine's IP is in the app's 企业可信IP (trusted IPs): WeChat Work refuses untrusted IPs (errcode 60020) only on business calls such as sending a message; try one, or check 应用详情 → 企业可信IP",
                    "这只证明 token 有效，不能证明本机 IP 在应用的「企业可信IP」中：企业微信只在发消息等业务接口上拒绝不可信 IP（errcode 60020）；请调用一次业务接口，或检查 应用详情 → 企业可信IP",
                )
            });
            if printer.json {
                let mut doc = json!({ "valid": true, "platform": platform.name() });
                if let Some(caveat) = caveat {
                    doc["caveat"] = json!(caveat);
                }
                printer.result_json(&doc)?;
            } else {
                printer.result_line(
                    printer.t("valid: WeChat accepts this token", "有效：微信接受此 token"),
                )?;
                if let Some(caveat) = caveat {
                    printer.note(caveat);
                }
            }
            Ok(0)
        }
        Err(failure) => {
            let mut doc = failure.to_json_document();
            doc["valid"] = json!(false);
            printer.failure_with_document(&failure, &doc);
            Ok(failure.exit_code())
        }
    }
}

/// `--token`, else `WXTOKEN_ACCESS_TOKEN` (both through clap), else stdin unless it is a terminal.
fn read_token(args: &CheckArgs, printer: &Printer) -> Result<String, Failure> {
    let raw = match &args.token {
        Some(t) => t.clone(),
        None => {
            if std::io::stdin().is_terminal() {
                return Err(Failure::usage(printer.t(
                    "no token: pass --token TOKEN, set WXTOKEN_ACCESS_TOKEN, or pipe it in (wxtoken fetch | wxtoken check)",
                    "没有 token：请使用 --token TOKEN、设置 WXTOKEN_ACCESS_TOKEN，或通过管道传入（wxtoken fetch | wxtoken check）",
                )));
            }
            read_stdin("check", printer)?
        }
    };
    token_from(&raw, "check", printer)
}

/// How to pass a token to `wxtoken COMMAND`.
fn how_to_pass(command: &str, printer: &Printer) -> String {
    crate::tr!(
        printer.lang,
        "pass a token with --token TOKEN, in WXTOKEN_ACCESS_TOKEN, or on stdin (wxtoken fetch | wxtoken {command})",
        "请用 --token TOKEN、环境变量 WXTOKEN_ACCESS_TOKEN 或标准输入（wxtoken fetch | wxtoken {command}）传入 token"
    )
}

/// stdin (at most 64 KiB), where a token is expected.
pub fn read_stdin(command: &str, printer: &Printer) -> Result<String, Failure> {
    let mut buf = String::new();
    std::io::stdin()
        .take(64 * 1024)
        .read_to_string(&mut buf)
        .map_err(|e| {
            Failure::usage(format!("cannot read the token from stdin: {e}"))
                .with_hint(how_to_pass(command, printer))
        })?;
    Ok(buf)
}

/// The token in what was given for `wxtoken COMMAND`: the token itself, or a JSON object with an
/// `access_token` string (what `wxtoken fetch --json` prints, or WeChat's own answer). From here
/// on it is a secret. An empty or malformed one is a usage error.
pub fn token_from(raw: &str, command: &str, printer: &Printer) -> Result<String, Failure> {
    let how = || how_to_pass(command, printer);
    let raw = raw.trim();
    let token = match serde_json::from_str::<Value>(raw) {
        Ok(Value::Object(doc)) => match doc.get("access_token") {
            Some(Value::String(t)) if !t.trim().is_empty() => t.trim().to_string(),
            _ => {
                // Not echoed: a document without a token may still carry something secret.
                let failure = Failure::usage(printer.t(
                    "the input is a wxtoken or WeChat JSON document without a token (no access_token in it)",
                    "输入是不含 token 的 wxtoken 或微信 JSON 文档（其中没有 access_token）",
                ));
                let failure = if crate::paste::answers(raw).is_empty() {
                    failure
                } else {
                    failure.with_hint(printer.t(
                        "it carries an errcode (a failed wxtoken fetch --json?): wxtoken explain - reads it",
                        "其中带有 errcode（wxtoken fetch --json 失败了？）：可用 wxtoken explain - 解读",
                    ))
                };
                return Err(failure.with_hint(how()));
            }
        },
        _ => raw.to_string(),
    };
    crate::redact::register_secret(&token);
    if token.is_empty() {
        return Err(Failure::usage(crate::tr!(
            printer.lang,
            "the token is empty: pass --token TOKEN, set WXTOKEN_ACCESS_TOKEN, or pipe it in (wxtoken fetch | wxtoken {command})",
            "token 为空：请使用 --token TOKEN、设置 WXTOKEN_ACCESS_TOKEN，或通过管道传入（wxtoken fetch | wxtoken {command}）"
        )));
    }
    if response::token_problem(&token).is_some() {
        return Err(Failure::usage(printer.t(
            "this is not one token (it has whitespace, control or non-ASCII characters, or is longer than any token): pass exactly one token",
            "这不是一个 token（含有空白、控制或非 ASCII 字符，或比任何 token 都长）：请只传入一个 token",
        ))
        .with_hint(how()));
    }
    Ok(token)
}
