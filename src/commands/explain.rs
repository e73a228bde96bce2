//! `wxtoken explain`: errcodes and pasted WeChat responses explained offline.

use std::io::Read;

use serde_json::{Value, json};

use crate::cli::{ExplainArgs, PlatformChoice};
use crate::error::{Failure, code};
use crate::lang::Lang;
use crate::output::Printer;
use crate::platform::Platform;
use crate::redact::sanitize;
use crate::tr;
use crate::wechat::catalog::{self, Context, Entry, Explanation};
use crate::wechat::errmsg;

/// One thing to explain.
struct Item {
    errcode: i64,
    /// errmsg, when a response was pasted.
    errmsg: Option<String>,
    /// Whose catalogue explains it: `--platform`, else WeChat Work for an answer that looks
    /// like one of its own (its devtool link, `from ip:`), else Official Accounts.
    platform: Platform,
}

pub fn run(args: &ExplainArgs, printer: &Printer) -> Result<u8, Failure> {
    if args.all {
        if !args.inputs.is_empty() {
            return Err(Failure::usage(
                printer.t("--all takes no codes", "--all 不接受错误码参数"),
            ));
        }
        let platform = args.platform.get();
        return print_all(platform, printer);
    }
    if args.inputs.is_empty() {
        return Err(Failure::usage(printer.t(
            "nothing to explain: give errcodes (wxtoken explain 40164 -1), a WeChat JSON response, - for stdin, or --all",
            "没有可解释的内容：请给出错误码（wxtoken explain 40164 -1）、微信 JSON 响应、- 表示标准输入，或 --all",
        )));
    }
    let lang = printer.lang;
    let mut items = Vec::new();
    for input in &args.inputs {
        if input == "-" {
            // Bytes, not a String: a log in GBK, or a character cut at the 1 MiB limit, must not
            // hide the ASCII answers around it.
            let mut bytes = Vec::new();
            std::io::stdin()
                .take(1024 * 1024)
                .read_to_end(&mut bytes)
                .map_err(|e| {
                    Failure::usage(tr!(lang, "cannot read stdin: {e}", "无法读取标准输入：{e}"))
                })?;
            let text = String::from_utf8_lossy(&bytes);
            items.extend(parse_input(&text, true, lang)?);
        } else {
            items.extend(parse_input(input, false, lang)?);
        }
    }
    let forced = args.platform.platform.map(PlatformChoice::platform);
    for item in &mut items {
        item.platform = forced.unwrap_or_else(|| {
            match item.errmsg.as_deref().is_some_and(errmsg::looks_like_wecom) {
                true => Platform::Wecom,
                false => Platform::Mp,
            }
        });
    }
    let docs: Vec<Value> = items.iter().map(|i| item_json(i, lang)).collect();
    let out = if printer.json {
        let doc = if docs.len() == 1 {
            docs[0].clone()
        } else {
            Value::Array(docs)
        };
        printer.result_json(&doc)
    } else {
        let text: Vec<String> = items.iter().map(|i| fit_80(&item_text(i, lang))).collect();
        printer.result_line(&text.join("\n"))
    };
    out?;
    let all_known = items.iter().all(|i| {
        i.errcode == 0
            || catalog::lookup(i.platform, i.errcode).is_some()
            || catalog::global::lookup(i.platform, i.errcode).is_some()
    });
    Ok(if all_known { code::OK } else { code::OTHER })
}

/// Errcodes, or the WeChat answers in pasted text (JSON anywhere in it, reprs, log lines,
/// `curl -si` output; several, in order): see [`crate::wechat::paste`].
fn parse_input(raw: &str, from_stdin: bool, lang: Lang) -> Result<Vec<Item>, Failure> {
    let found = crate::wechat::paste::answers(raw);
    if !found.is_empty() {
        // Pasted server text: catalog::explain masks what a log line or an echo may carry.
        return Ok(found
            .into_iter()
            .map(|(errcode, errmsg)| Item {
                platform: Platform::Mp,
                errcode,
                errmsg,
            })
            .collect());
    }
    let text = raw.trim();
    // The input is not echoed: it may be a token or a secret pasted by mistake.
    let chars = text.chars().count();
    let looks_like_token = chars >= 32 && crate::wechat::response::token_problem(text).is_none();
    let failure = if from_stdin {
        Failure::usage(tr!(
            lang,
            "stdin ({chars} characters) has no errcode and no WeChat response in it",
            "标准输入（{chars} 个字符）中没有错误码，也没有微信响应"
        ))
    } else {
        Failure::usage(tr!(
            lang,
            "the input ({chars} characters) is neither an errcode nor a WeChat response",
            "输入（{chars} 个字符）既不是错误码也不是微信响应"
        ))
    };
    let failure = if looks_like_token {
        failure.with_hint(lang.pick(
            "it looks like an access_token or a secret (not shown): to test a token, use wxtoken check",
            "它看起来像 access_token 或 secret（不显示）：要检查 token，请使用 wxtoken check",
        ))
    } else {
        failure
    };
    Err(failure.with_hint(format!(
        "{} wxtoken explain 40164, wxtoken explain '{{\"errcode\":40164,\"errmsg\":\"...\"}}'",
        lang.pick("for example:", "例如：")
    )))
}

/// `text` padded to `width` terminal columns (CJK characters take two), after two spaces.
fn pad(text: &str, width: usize) -> String {
    let cols = crate::columns::width(text);
    format!("  {text}{}", " ".repeat(width.saturating_sub(cols)))
}

/// An explanation in 80 columns: a line too long wraps at word boundaries under its own text
/// (after the label column; the title line after the code).
fn fit_80(text: &str) -> String {
    use crate::columns::{width, wrap};
    let mut out = String::new();
    for line in text.lines() {
        if width(line) <= 80 {
            out.push_str(line);
        } else {
            // The label column (15) of a field line, or the code and its two spaces.
            let cut = if line.starts_with("  ") {
                let mut cols = 0;
                line.char_indices()
                    .find(|(_, c)| {
                        let at = cols;
                        cols += width(c.encode_utf8(&mut [0; 4]));
                        at >= 15
                    })
                    .map_or(line.len(), |(i, _)| i)
            } else {
                line.find("  ").map_or(0, |i| i + 2)
            };
            let (head, body) = line.split_at(cut);
            out.push_str(&wrap(body, head, &" ".repeat(width(head)), 80));
        }
        out.push('\n');
    }
    out.trim_end_matches('\n').to_string()
}

/// The one explanation of an item, as every command renders it.
fn explanation(item: &Item, lang: Lang) -> Explanation {
    catalog::explain(
        item.platform,
        Context::Fetch,
        item.errcode,
        item.errmsg.as_deref(),
        lang,
    )
}

fn item_json(item: &Item, lang: Lang) -> Value {
    if item.errcode == 0 {
        return json!({
            "errcode": 0,
            "known": true,
            "exit_code": 0,
            "retryable": false,
            "title": lang.pick("success", "成功"),
            "explanation": lang.pick("The request succeeded: this is not an error.", "请求成功，不是错误。"),
            "hint": Value::Null,
        });
    }
    let x = explanation(item, lang);
    let check = catalog::explain(item.platform, Context::Check, item.errcode, None, lang);
    let mut doc = json!({
        "errcode": x.errcode,
        "known": x.known,
        "exit_code": x.exit_code,
        "check_exit_code": check.exit_code,
        "retryable": x.retryable,
        "title": x.known.then_some(&x.title),
        "explanation": x.known.then_some(&x.explanation),
        "hint": x.hints.join("\n"),
        "official": x.official,
        "platform": item.platform.name(),
    });
    if let Some(msg) = &x.errmsg {
        doc["errmsg"] = json!(msg);
        doc["rid"] = json!(x.rid);
        doc["ip"] = json!(x.ip);
    }
    doc
}

fn item_text(item: &Item, lang: Lang) -> String {
    let label = |en: &'static str, zh: &'static str| pad(lang.pick(en, zh), 13);
    if item.errcode == 0 {
        return format!(
            "0  {}",
            lang.pick("success: not an error", "成功：不是错误")
        );
    }
    let x = explanation(item, lang);
    let mut out = format!("{}  {}\n", x.errcode, x.title);
    if x.known {
        out.push_str(&format!("{}{}\n", label("what:", "说明："), x.explanation));
    }
    for (i, hint) in x.hints.iter().enumerate() {
        let l = if i == 0 {
            label("what to do:", "处理：")
        } else {
            pad("", 13)
        };
        out.push_str(&format!("{l}{hint}\n"));
    }
    let check = catalog::explain(item.platform, Context::Check, x.errcode, None, lang);
    out.push_str(&format!(
        "{}{}, {}{}\n",
        label("exit code:", "退出码："),
        x.exit_code,
        crate::exit_codes::exit_meaning(x.exit_code, lang),
        if check.exit_code != x.exit_code {
            format!(
                "; {} {}",
                lang.pick("wxtoken check:", "wxtoken check："),
                check.exit_code
            )
        } else {
            String::new()
        }
    ));
    out.push_str(&format!(
        "{}{}\n",
        label("retry helps:", "重试有用："),
        if x.retryable {
            lang.pick("yes", "是")
        } else {
            lang.pick("no", "否")
        }
    ));
    if let Some(official) = &x.official {
        out.push_str(&format!(
            "{}{official}\n",
            label("WeChat says:", "微信原文：")
        ));
    }
    if let Some(msg) = &x.errmsg {
        out.push_str(&format!(
            "{}{}\n",
            label("errmsg:", "errmsg："),
            sanitize(msg)
        ));
        if let Some(ip) = &x.ip {
            out.push_str(&format!(
                "{}{ip}{}\n",
                label("calling IP:", "调用方 IP："),
                lang.pick(" (the address to whitelist)", "（需加入白名单的地址）")
            ));
        }
        if let Some(rid) = &x.rid {
            let shown = sanitize(rid);
            let what = match item.platform == Platform::Mp && errmsg::id_is_whole(rid) {
                true => tr!(
                    lang,
                    " (give it to WeChat support; the account owner can look it up for 7 days: wxtoken rid {shown})",
                    "（联系微信客服时提供；账号所有者可在 7 天内查询：wxtoken rid {shown}）"
                ),
                false => lang
                    .pick(" (give it to WeChat support)", "（联系微信客服时提供）")
                    .to_string(),
            };
            out.push_str(&format!(
                "{}{shown}{what}\n",
                label("request id:", "请求 ID：")
            ));
        }
    }
    out.trim_end().to_string()
}

/// The whole catalogue, then the exit-code table (the same rows as `--help` and README).
fn print_all(platform: Platform, printer: &Printer) -> Result<u8, Failure> {
    let lang = printer.lang;
    let rows = catalog::rows(platform);
    if printer.json {
        let items: Vec<Value> = rows
            .iter()
            .map(|e| {
                item_json(
                    &Item {
                        platform,
                        errcode: e.code,
                        errmsg: None,
                    },
                    lang,
                )
            })
            .collect();
        printer.result_json(&Value::Array(items))?;
    } else {
        let mut text = format!(
            "{:<8} {:<5} {:<6} {}\n",
            "ERRCODE",
            "EXIT",
            lang.pick("RETRY", "重试"),
            lang.pick("MEANING", "含义")
        );
        for e in rows {
            text.push_str(&row(e, lang));
        }
        text.push('\n');
        text.push_str(&crate::exit_codes::exit_code_help(lang));
        printer.result_line(text.trim_end())?;
    }
    Ok(code::OK)
}

fn row(e: &Entry, lang: Lang) -> String {
    format!(
        "{:<8} {:<5} {:<6} {}\n",
        e.code,
        e.exit_code(),
        if e.retryable {
            lang.pick("yes", "是")
        } else {
            lang.pick("no", "否")
        },
        e.title(lang)
    )
}
