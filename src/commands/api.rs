//! `wxtoken api PATH`: call any WeChat API with the token managed. The request is built and
//! checked before a token is had; the answer's body goes to stdout (or `--output`), an errcode
//! is explained on stderr with its exit code, and a rejected kept token is reported to its
//! keeper and the call tried once more (see `api_token.rs`).

use std::io::IsTerminal;

use serde_json::{Map, Value};

use crate::cli::ApiArgs;
use crate::error::Failure;
use crate::error::code;
use crate::net::client::{Answer, Client, Verdict};
use crate::output::Printer;
use crate::output::token_file::OutputFile;
use crate::platform::Platform;
use crate::settings::api_request::{Built, build};
use crate::settings::profile::own::ProfileSettings;
use crate::tr;
use crate::wechat::call::{self, Kind};
use crate::wechat::catalog::Context;
use crate::wechat::pages::{self, Style};
use crate::wechat::{judge, response};

pub fn run(args: &ApiArgs, profile: &ProfileSettings, printer: &Printer) -> Result<u8, Failure> {
    // Every failure of a call is told on stderr (with --json as one document there): stdout is
    // the answer's.
    match call_api(args, profile, printer) {
        Ok(code) => Ok(code),
        Err(failure) => {
            printer.failure_on_stderr(&failure);
            Ok(failure.exit_code())
        }
    }
}

fn call_api(args: &ApiArgs, profile: &ProfileSettings, printer: &Printer) -> Result<u8, Failure> {
    let lang = printer.lang;
    let platform = args.fetch.platform.get();
    let client = crate::settings::connect(&args.fetch.conn, profile, platform, printer)?;
    let mut url = call::target(&args.path, &client.settings().api_base, lang)?;
    let mut built = build(args, lang, printer)?;
    let base = client.settings().api_base.as_str();
    let style = page_style(args, platform, &url, base, &built, printer)?;
    if let Some(style) = &style {
        // A page asked for in PATH becomes the field the next page replaces.
        let field = style.request_field();
        let (rest, value) = pages::take_from_query(&url, field);
        url = rest;
        if let Some(value) = value
            && !built.fields.iter().any(|f| f.key == field)
        {
            built.fields.push(call::Field {
                key: field.to_string(),
                value: Value::String(value),
            });
        }
    }
    let output = match &args.output {
        Some(path) => Some(OutputFile::check(path, lang)?),
        None => None,
    };
    if args.dry_run {
        let req = built.request(&url, "***");
        return dry_run(&req, printer);
    }
    let mut held = crate::settings::token::api_token(args, profile, printer)?;
    let mut token = held.token(printer)?;
    let mut fields = built.fields.clone();
    let mut pages: Vec<Value> = Vec::new();
    let mut refreshed = false;
    let mut page: u32 = 1;
    let max_pages = if style.is_some() { args.max_pages } else { 1 };
    loop {
        let req = built.with_fields(&fields).request(&url, &token);
        let (answer, kind) = send(&client, &req, platform, printer)?;
        let map = match judged(&answer, kind, platform, lang) {
            Judged::Json(map) => map,
            Judged::Binary => return binary(args, &answer, output.as_ref(), printer),
            Judged::Failed(f) => return Err(*f),
            Judged::Errcode(code, f, map) => {
                if !refreshed && crate::token::held::rejects_token(platform, code) {
                    refreshed = true;
                    if let Some(new) = held.refresh(&token, printer)? {
                        printer.verbose(printer.t(
                            "the token was rejected; calling again with the keeper's newer token",
                            "token 被拒绝；使用保存处更新后的 token 再次调用",
                        ));
                        token = new;
                        continue;
                    }
                }
                // Pages fetched before (their quota is spent) are not thrown away; with
                // --slurp the failed answer ends the one array (stdout stays one document).
                if args.slurp && style.is_some() {
                    pages.push(Value::Object(map));
                    finish_slurp(args, &pages, printer)?;
                } else {
                    print_body(args, &answer, printer)?;
                }
                let f = held.explain_rejection(*f, code, printer);
                printer.failure_on_stderr(&f);
                return Ok(f.exit_code());
            }
        };
        let Some(style) = &style else {
            match &output {
                Some(file) => write_file(file, &answer.body, printer)?,
                None => print_body(args, &answer, printer)?,
            }
            return Ok(code::OK);
        };
        let offset = offset_of(&fields, style);
        let next = pages::next(style, &map, offset);
        if args.slurp {
            pages.push(Value::Object(map));
        } else if !args.silent {
            printer.result_unmasked(&format!("{}\n", masked(&answer.body)))?;
        }
        match next {
            None => break,
            Some(_) if page >= max_pages => {
                finish_slurp(args, &pages, printer)?;
                return Err(Failure::Pages {
                    message: tr!(
                        lang,
                        "--max-pages {max_pages} reached before the last page (each page spends the API's daily quota): raise --max-pages to fetch more",
                        "在最后一页之前达到了 --max-pages {max_pages}（每一页都消耗接口的每日额度）：需要更多请调大 --max-pages"
                    ),
                });
            }
            Some((key, value)) => {
                // A server that answers the same cursor again would page forever.
                if fields
                    .iter()
                    .any(|f| f.key == key && same_value(&f.value, &value))
                {
                    finish_slurp(args, &pages, printer)?;
                    let shown = crate::redact::sanitize(&value.to_string());
                    return Err(Failure::Response {
                        message: tr!(
                            lang,
                            "the answer asks for the same page again ({key} {shown}): stopped, or it would never end",
                            "应答再次指向同一页（{key} {shown}）：已停止，否则永远不会结束"
                        ),
                        hints: Vec::new(),
                        http_status: Some(answer.status),
                    });
                }
                fields.retain(|f| f.key != key);
                fields.push(call::Field { key, value });
                page += 1;
            }
        }
    }
    finish_slurp(args, &pages, printer)?;
    Ok(code::OK)
}

/// Whether two field values ask for the same page (a number and its text alike).
fn same_value(a: &Value, b: &Value) -> bool {
    let text = |v: &Value| match v {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    };
    text(a) == text(b)
}

fn finish_slurp(args: &ApiArgs, pages: &[Value], printer: &Printer) -> Result<(), Failure> {
    if !args.slurp || args.silent {
        return Ok(());
    }
    let text = serde_json::to_string(pages).unwrap_or_default();
    printer.result_unmasked(&format!("{}\n", masked(text.as_bytes())))
}

/// The offset the page was asked with (offset style), else 0.
fn offset_of(fields: &[call::Field], style: &Style) -> i64 {
    match style {
        Style::Offset { request } => fields
            .iter()
            .rev()
            .find(|f| &f.key == request)
            .and_then(|f| f.value.as_i64().or_else(|| f.value.as_str()?.parse().ok()))
            .unwrap_or(0),
        _ => 0,
    }
}

/// The style of `--paginate`: the API's own, or `--paginate-style`; a usage error for an API
/// wxtoken does not know, or a body it cannot page.
fn page_style(
    args: &ApiArgs,
    platform: Platform,
    url: &str,
    base: &str,
    built: &Built,
    printer: &Printer,
) -> Result<Option<Style>, Failure> {
    if !args.paginate {
        return Ok(None);
    }
    if built.raw_body {
        return Err(Failure::usage(printer.t(
            "--paginate cannot page a body given with --input or --form: give the body as fields (-f, -F)",
            "--paginate 无法为 --input 或 --form 给出的请求体翻页：请用字段（-f、-F）给出请求体",
        )));
    }
    if let Some(raw) = &args.paginate_style {
        return pages::parse_style(raw, printer.lang).map(Some);
    }
    // The API's path: what follows the API base (a gateway's prefix is not the API's), else
    // what follows the URL's host.
    let no_query = url.split('?').next().unwrap_or_default();
    let path = match no_query.strip_prefix(base).filter(|p| p.starts_with('/')) {
        Some(p) => p.to_string(),
        None => {
            let after = no_query
                .split_once("://")
                .map_or(no_query, |(_, rest)| rest);
            after
                .find('/')
                .map_or("/".to_string(), |i| after[i..].to_string())
        }
    };
    pages::known(platform, &path).map(Some).ok_or_else(|| {
        let shown = crate::redact::sanitize(&path);
        Failure::usage(tr!(
            printer.lang,
            "wxtoken does not know how {shown} pages: name its style with --paginate-style openid, offset or cursor",
            "wxtoken 不知道 {shown} 如何翻页：请用 --paginate-style openid、offset 或 cursor 指定"
        ))
    })
}

/// The request on stdout, the token masked; nothing is sent.
fn dry_run(req: &crate::net::client::Request, printer: &Printer) -> Result<u8, Failure> {
    let mut text = format!("{} {}\n", req.method(), req.shown_url);
    if let Some(call) = &req.call {
        for (name, value) in &call.headers {
            text.push_str(&format!("{name}: {value}\n"));
        }
        if let Some((content_type, body)) = &call.body {
            text.push_str(&format!("Content-Type: {content_type}\n\n"));
            text.push_str(&String::from_utf8_lossy(body));
            text.push('\n');
        }
    }
    printer.result_line(text.trim_end())?;
    Ok(code::OK)
}

/// The call, retried as `fetch` retries (-1, network failures, 5xx): the last answer stands.
fn send(
    client: &Client,
    req: &crate::net::client::Request,
    platform: Platform,
    printer: &Printer,
) -> Result<(Answer, Kind), Failure> {
    let busy = std::cell::RefCell::new(None);
    let lang = printer.lang;
    // The body is read for what it is once, here: the judging after takes what this found.
    let result = client.send(req, printer, |answer| match call::kind(&answer.body) {
        Kind::Json(map) if map.get("errcode").and_then(Value::as_i64) == Some(-1) => {
            let errmsg = map.get("errmsg").and_then(Value::as_str).unwrap_or("");
            let verdict = judge::errcode_verdict(platform, -1, errmsg, Context::Check, lang);
            *busy.borrow_mut() = Some((answer.clone(), Kind::Json(map)));
            verdict
        }
        kind @ Kind::Json(_) => Verdict::Done((answer.clone(), kind)),
        // A POST that reached WeChat may have been carried out: sent once (only -1 says it
        // was not).
        kind if req.method() != "GET" => Verdict::Done((answer.clone(), kind)),
        kind if answer.status >= 500 => match response::parse(answer.status, &answer.body, lang) {
            Err(problem) => judge::judge_problem(problem, answer, lang),
            Ok(_) => Verdict::Done((answer.clone(), kind)),
        },
        kind => Verdict::Done((answer.clone(), kind)),
    });
    match result {
        Ok(done) => Ok(done),
        // Still busy after every retry: the last answer is printed and explained.
        Err(f) => busy.into_inner().ok_or(f),
    }
}

/// An answer, judged by its body.
enum Judged {
    Json(Map<String, Value>),
    Binary,
    /// An errcode, explained, and the answer it came in.
    Errcode(i64, Box<Failure>, Map<String, Value>),
    Failed(Box<Failure>),
}

fn judged(answer: &Answer, kind: Kind, platform: Platform, lang: crate::lang::Lang) -> Judged {
    match kind {
        Kind::Json(map) => {
            let code = map.get("errcode").and_then(Value::as_i64).unwrap_or(0);
            if code == 0 && !(200..300).contains(&answer.status) {
                // A gateway's own JSON (`{"message":"bad gateway"}`) is no answer of WeChat's.
                let status = answer.status;
                return Judged::Failed(Box::new(Failure::Response {
                    message: tr!(
                        lang,
                        "HTTP {status} with a JSON body that is no WeChat answer (no errcode)",
                        "HTTP {status}，JSON 应答中没有 errcode，不是微信的应答"
                    ),
                    hints: vec![
                        lang.pick(
                            "check PATH and --api-base (a gateway may answer with its own page)",
                            "请检查 PATH 和 --api-base（网关可能返回了它自己的页面）",
                        )
                        .to_string(),
                    ],
                    http_status: Some(status),
                }));
            }
            if code == 0 {
                return Judged::Json(map);
            }
            let errmsg = map.get("errmsg").and_then(Value::as_str).unwrap_or("");
            let f = judge::wechat_failure(platform, code, errmsg, Context::Check, lang);
            Judged::Errcode(code, Box::new(f), map)
        }
        Kind::Binary if answer.status == 200 => Judged::Binary,
        Kind::Broken(what) if answer.status == 200 => Judged::Failed(Box::new(Failure::Response {
            message: tr!(
                lang,
                "the answer is {what}, not a JSON object or a file (HTTP 200)",
                "应答是{what}，既不是 JSON 对象也不是文件（HTTP 200）"
            ),
            hints: vec![
                lang.pick(
                    "check PATH and --api-base (a gateway may answer with its own page)",
                    "请检查 PATH 和 --api-base（网关可能返回了它自己的页面）",
                )
                .to_string(),
            ],
            http_status: Some(200),
        })),
        _ => match response::parse(answer.status, &answer.body, lang) {
            Err(problem) => Judged::Failed(Box::new(judge::problem_failure(problem, lang))),
            Ok(_) => Judged::Failed(Box::new(Failure::Response {
                message: format!("HTTP {}", answer.status),
                hints: Vec::new(),
                http_status: Some(answer.status),
            })),
        },
    }
}

/// `body` as text with every secret and token of the run masked (the one redaction point): a
/// server, or a gateway that saw the token fetch, may echo either back.
fn masked(body: &[u8]) -> String {
    crate::redact::redact(&String::from_utf8_lossy(body))
}

/// The body on stdout (after the status line and headers with `-i`): a JSON body pretty-printed
/// at a terminal, as it came otherwise; nothing with `--silent`.
fn print_body(args: &ApiArgs, answer: &Answer, printer: &Printer) -> Result<(), Failure> {
    if args.include {
        let mut head = format!("{} {}\n", answer.version, answer.status);
        for (name, value) in &answer.headers {
            head.push_str(&format!("{name}: {value}\n"));
        }
        printer.result_line(&head)?;
    }
    if args.silent {
        return Ok(());
    }
    let text = masked(&answer.body);
    // Pretty only for people: a pipe gets the body as it came, unparsed.
    let pretty = std::io::stdout()
        .is_terminal()
        .then(|| serde_json::from_str::<Value>(&text).ok())
        .flatten()
        .and_then(|doc| serde_json::to_string_pretty(&doc).ok());
    let shown = pretty.unwrap_or_else(|| text.trim_end().to_string());
    printer.result_unmasked(&format!("{shown}\n"))
}

/// A file answer (a QR code, a media file): to `--output`, or to stdout when it is not a
/// terminal; at a terminal it is refused.
fn binary(
    args: &ApiArgs,
    answer: &Answer,
    output: Option<&OutputFile>,
    printer: &Printer,
) -> Result<u8, Failure> {
    if let Some(file) = output {
        write_file(file, &answer.body, printer)?;
        return Ok(code::OK);
    }
    if args.silent {
        return Ok(code::OK);
    }
    if std::io::stdout().is_terminal() {
        let bytes = answer.body.len();
        return Err(Failure::usage(tr!(
            printer.lang,
            "the answer is a file ({bytes} bytes), not text: it is not written to a terminal",
            "应答是文件（{bytes} 字节），不是文本：不会写到终端"
        ))
        .with_hint(printer.t(
            "write it with --output FILE, or redirect stdout: wxtoken api ... > qrcode.jpg",
            "请用 --output FILE 写入文件，或重定向标准输出：wxtoken api ... > qrcode.jpg",
        )));
    }
    crate::output::streams::write_stdout_bytes(&answer.body, printer.lang)?;
    Ok(code::OK)
}

fn write_file(file: &OutputFile, body: &[u8], printer: &Printer) -> Result<(), Failure> {
    file.write_bytes(body, printer.lang)?;
    let shown = crate::redact::sanitize(&file.path.display().to_string());
    let bytes = body.len();
    printer.verbose(&tr!(
        printer.lang,
        "wrote {bytes} bytes to {shown}",
        "已将 {bytes} 字节写入 {shown}"
    ));
    Ok(())
}
