//! A token the user gives (`--token`, `WXTOKEN_ACCESS_TOKEN` or stdin), for the commands that
//! take one: read, bounded, registered for masking, and checked for the shape of one token.

use std::io::{IsTerminal, Read};
use std::path::Path;

use serde_json::Value;

use crate::error::Failure;
use crate::output::Printer;
use crate::wechat::response;

/// How to pass a token to `wxtoken COMMAND`.
fn how_to_pass(command: &str, printer: &Printer) -> String {
    crate::tr!(
        printer.lang,
        "pass a token with --token TOKEN, in WXTOKEN_ACCESS_TOKEN, or on stdin (wxtoken fetch | wxtoken {command})",
        "请用 --token TOKEN、环境变量 WXTOKEN_ACCESS_TOKEN 或标准输入（wxtoken fetch | wxtoken {command}）传入 token"
    )
}

/// stdin, at most 64 KiB: what a user gives there (a token, a ticket) is far shorter.
pub fn read_stdin_capped() -> std::io::Result<String> {
    let mut buf = String::new();
    std::io::stdin().take(64 * 1024).read_to_string(&mut buf)?;
    Ok(buf)
}

/// stdin (at most 64 KiB), where a token is expected.
pub fn read_stdin(command: &str, printer: &Printer) -> Result<String, Failure> {
    read_stdin_capped().map_err(|e| {
        let why = crate::error::io_reason(&e, printer.lang);
        Failure::usage(crate::tr!(
            printer.lang,
            "cannot read the token from stdin: {why}",
            "无法从标准输入读取 token：{why}"
        ))
        .with_hint(how_to_pass(command, printer))
    })
}

/// The token `wxtoken COMMAND` needs: the one given (`--token`, or `WXTOKEN_ACCESS_TOKEN`
/// through clap), else the one on stdin unless stdin is a terminal.
pub fn required(given: Option<&str>, command: &str, printer: &Printer) -> Result<String, Failure> {
    let raw = match given {
        Some(t) => t.to_string(),
        None if std::io::stdin().is_terminal() => {
            return Err(Failure::usage(crate::tr!(
                printer.lang,
                "no token: pass --token TOKEN, set WXTOKEN_ACCESS_TOKEN, or pipe it in (wxtoken fetch | wxtoken {command})",
                "没有 token：请使用 --token TOKEN、设置 WXTOKEN_ACCESS_TOKEN，或通过管道传入（wxtoken fetch | wxtoken {command}）"
            )));
        }
        None => read_stdin(command, printer)?,
    };
    token_from(&raw, command, printer)
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
                let failure = if crate::wechat::paste::answers(raw).is_empty() {
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

/// A token on stdin for `wxtoken COMMAND`, if one is there for the taking: not when stdin is a
/// terminal, holds the secret (`--secret-file -`), or is empty.
pub fn from_stdin(
    secret_file: Option<&Path>,
    command: &str,
    printer: &Printer,
) -> Result<Option<String>, Failure> {
    if secret_file == Some(Path::new("-")) || std::io::stdin().is_terminal() {
        return Ok(None);
    }
    let raw = read_stdin(command, printer)?;
    if raw.trim().is_empty() {
        return Ok(None);
    }
    token_from(&raw, command, printer).map(Some)
}
