//! `wxtoken sign`: the JSON a page hands to `wx.config` (or `wx.agentConfig`, or a card's
//! `cardExt`), signed with the ticket obtained as `ticket` obtains it; and `--check`, which
//! says what makes a page's "invalid signature".

use serde_json::{Value, json};

use crate::cli::{SignArgs, TicketKind};
use crate::error::{Failure, code};
use crate::output::Printer;
use crate::platform::{Endpoint, Platform};
use crate::settings::profile::own::ProfileSettings;
use crate::settings::ticket;
use crate::tr;
use crate::wechat::jssdk::{self, Finding, Inputs};

pub fn run(args: &SignArgs, profile: &ProfileSettings, printer: &Printer) -> Result<u8, Failure> {
    let lang = printer.lang;
    let platform = args.fetch.platform.get();
    let endpoint = match (&args.card, args.agent_config) {
        (Some(_), true) => {
            return Err(Failure::usage(printer.t(
                "--card and --agent-config are two signatures: give one of them",
                "--card 和 --agent-config 是两种签名：只能给出其中之一",
            )));
        }
        (Some(_), false) => ticket::endpoint(TicketKind::WxCard, platform, printer)?,
        (None, true) => ticket::endpoint(TicketKind::AgentConfig, platform, printer)?,
        (None, false) => ticket::endpoint(TicketKind::Jsapi, platform, printer)?,
    };
    let url = match (&args.url, &args.card) {
        (Some(url), _) => Some(checked_url(url, printer)?),
        (None, Some(_)) => None,
        (None, None) => {
            return Err(Failure::usage(printer.t(
                "--url is needed: the page's URL, as location.href has it",
                "需要 --url：页面的 URL，即 location.href",
            )));
        }
    };
    let timestamp = match &args.timestamp {
        Some(ts) if !ts.is_empty() && ts.len() <= 13 && ts.bytes().all(|b| b.is_ascii_digit()) => {
            ts.clone()
        }
        Some(ts) => {
            let shown = crate::redact::sanitize(ts);
            return Err(Failure::usage(tr!(
                lang,
                "--timestamp takes whole seconds (digits), not \"{shown}\"",
                "--timestamp 取整数秒（数字），而不是 \"{shown}\""
            )));
        }
        None => crate::time::now_unix().to_string(),
    };
    let nonce = match &args.nonce {
        Some(n)
            if !n.is_empty()
                && n.len() <= 64
                && n.bytes().all(|b| b.is_ascii_graphic() && b != b'&') =>
        {
            n.clone()
        }
        Some(_) => {
            return Err(Failure::usage(printer.t(
                "--nonce takes 1 to 64 visible ASCII characters, without &",
                "--nonce 取 1 到 64 个可见 ASCII 字符，不含 &",
            )));
        }
        None => {
            jssdk::nonce().map_err(|_| Failure::internal("the system's random source failed"))?
        }
    };
    let given = match args.ticket.as_deref() {
        Some("-") if args.given.token_stdin => {
            return Err(Failure::usage(printer.t(
                "--ticket - and --token-stdin both read stdin: give one of them another way",
                "--ticket - 和 --token-stdin 都读取标准输入：请换一种方式给出其中之一",
            )));
        }
        Some("-") => Some(given_ticket(&read_stdin(printer)?, printer)?),
        Some(t) => Some(given_ticket(t, printer)?),
        None => None,
    };
    // The ticket: the one given, else the one kept (or fetched). With --check and a given
    // ticket, the kept one too, only read where it is kept (nothing fetched), to compare.
    let obtain = |read_only: bool| -> Result<String, Failure> {
        let asking = ticket::Asking {
            command: "sign",
            token_stdin: args.given.token_stdin,
            read_only,
        };
        let (plan, access) =
            ticket::ticket_source(&args.fetch, endpoint, &asking, profile, printer)?;
        Ok(crate::token::ticket::obtain_ticket(&plan, &access, printer)?.access_token)
    };
    let (ticket_now, kept) = match (&given, &args.check) {
        (Some(t), None) => (t.clone(), None),
        (Some(t), Some(_)) => (
            t.clone(),
            kept_ticket(&args.fetch, || obtain(true), printer),
        ),
        (None, _) => (obtain(false)?, None),
    };
    let (appid, agentid) = ticket::app_ids(&args.fetch, profile, platform, printer);
    if let Some(card_id) = &args.card {
        return card(args, card_id, &ticket_now, &timestamp, &nonce, printer);
    }
    let inputs = Inputs {
        ticket: ticket_now,
        nonce,
        timestamp,
        url: url.unwrap_or_default(),
    };
    if let Some(page) = &args.check {
        return check(page, &inputs, kept.as_deref(), printer);
    }
    let signature = jssdk::signature(&Inputs {
        url: jssdk::signed_url(&inputs.url).to_string(),
        ..inputs.clone()
    });
    let ts: Value = inputs
        .timestamp
        .parse::<u64>()
        .map_or(Value::Null, Value::from);
    let doc = match endpoint {
        Endpoint::AgentTicket => json!({
            "corpid": appid,
            "agentid": agentid,
            "timestamp": ts,
            "nonceStr": inputs.nonce,
            "signature": signature,
        }),
        _ => json!({
            "appId": appid,
            "timestamp": ts,
            "nonceStr": inputs.nonce,
            "signature": signature,
        }),
    };
    if appid.is_none() && platform == Platform::Mp {
        printer.note(printer.t(
            "no appid was given (--appid, WXTOKEN_APPID or a profile): appId is null",
            "没有给出 appid（--appid、WXTOKEN_APPID 或 profile）：appId 为 null",
        ));
    }
    printer.result_unmasked(&format!("{doc}\n"))?;
    Ok(code::OK)
}

/// The ticket kept where the options say (`--cache`, `--store`), read without fetching, to
/// compare the page's with; `None`, said, where none can be read.
fn kept_ticket(
    args: &crate::cli::FetchArgs,
    read: impl FnOnce() -> Result<String, Failure>,
    printer: &Printer,
) -> Option<String> {
    if !args.local_cache.cache && args.store.store.is_none() {
        printer.note(printer.t(
            "no kept ticket to compare the page's with: give --cache or --store (it is only read; nothing is fetched)",
            "没有可与页面的 ticket 比较的已保存 ticket：请给出 --cache 或 --store（只读取，不会获取）",
        ));
        return None;
    }
    match read() {
        Ok(t) => Some(t),
        Err(f) => {
            let why = f.message().to_string();
            printer.note(&tr!(
                printer.lang,
                "no kept ticket to compare the page's with: {why}",
                "没有可与页面的 ticket 比较的已保存 ticket：{why}"
            ));
            None
        }
    }
}

/// A ticket the user gives (`--ticket`), checked and from then on masked.
fn given_ticket(raw: &str, printer: &Printer) -> Result<String, Failure> {
    let t = raw.trim();
    if t.is_empty() || crate::wechat::response::token_problem(t).is_some() {
        return Err(Failure::usage(printer.t(
            "--ticket takes exactly one ticket (printable ASCII, no spaces); \"-\" reads it from stdin",
            "--ticket 只接受一个 ticket（可打印 ASCII，不含空格）；\"-\" 表示从标准输入读取",
        )));
    }
    crate::redact::register_secret(t);
    Ok(t.to_string())
}

/// stdin, for `--ticket -`.
fn read_stdin(printer: &Printer) -> Result<String, Failure> {
    crate::token::given::read_stdin_capped().map_err(|e| {
        let why = crate::error::io_reason(&e, printer.lang);
        Failure::usage(tr!(
            printer.lang,
            "cannot read the ticket from stdin: {why}",
            "无法从标准输入读取 ticket：{why}"
        ))
    })
}

/// `--url`, checked: an http(s) URL without whitespace.
fn checked_url(url: &str, printer: &Printer) -> Result<String, Failure> {
    let ok = (url.starts_with("https://") || url.starts_with("http://"))
        && !url.chars().any(|c| c.is_whitespace() || c.is_control());
    if ok {
        return Ok(url.to_string());
    }
    let shown = crate::redact::sanitize(&url.chars().take(200).collect::<String>());
    Err(Failure::usage(tr!(
        printer.lang,
        "--url takes the page's http:// or https:// URL as location.href has it, not \"{shown}\"",
        "--url 取页面的 http:// 或 https:// URL（即 location.href），而不是 \"{shown}\""
    )))
}

/// The card's `cardExt`.
fn card(
    args: &SignArgs,
    card_id: &str,
    ticket: &str,
    timestamp: &str,
    nonce: &str,
    printer: &Printer,
) -> Result<u8, Failure> {
    let mut values = vec![ticket, timestamp, card_id, nonce];
    values.extend(args.code.as_deref());
    values.extend(args.openid.as_deref());
    let doc = json!({
        "code": args.code.clone().unwrap_or_default(),
        "openid": args.openid.clone().unwrap_or_default(),
        "timestamp": timestamp,
        "nonce_str": nonce,
        "signature": jssdk::card_signature(&values),
    });
    printer.result_unmasked(&format!("{doc}\n"))?;
    Ok(code::OK)
}

/// `--check`: what makes the page's signature differ, said for people (or as JSON).
fn check(
    page: &str,
    inputs: &Inputs,
    kept: Option<&str>,
    printer: &Printer,
) -> Result<u8, Failure> {
    let finding = jssdk::check(page, inputs, kept);
    let lang = printer.lang;
    let (name, message) = match &finding {
        Finding::Matches => ("matches", printer.t(
            "the signature is right for these inputs: if the page still says invalid signature, check that wx.config gets exactly this appId, timestamp, nonceStr and signature, and that the page signs its own URL (location.href.split('#')[0])",
            "对这些输入签名正确：如果页面仍提示 invalid signature，请确认 wx.config 收到的 appId、timestamp、nonceStr 和 signature 完全一致，并且签名用的是页面自己的 URL（location.href.split('#')[0]）",
        ).to_string()),
        Finding::Fragment => ("fragment", printer.t(
            "the page signed the URL with its #fragment: sign the URL without it (location.href.split('#')[0])",
            "页面签名时带上了 URL 的 #片段：请去掉它再签名（location.href.split('#')[0]）",
        ).to_string()),
        Finding::Encoding(v) => ("encoding", tr!(lang,
            "the page signed the URL encoded differently ({v}): sign the URL exactly as location.href has it, neither decoded nor encoded",
            "页面签名时 URL 的编码不同（{v}）：请按 location.href 原样签名，不要解码或编码"
        )),
        Finding::TrailingSlash(v) => ("trailing_slash", tr!(lang,
            "the page signed {v}: the URL differs by a trailing slash",
            "页面签名用的是 {v}：URL 差一个结尾的斜杠"
        )),
        Finding::Milliseconds(v) => ("milliseconds", tr!(lang,
            "the page signed timestamp {v}: seconds and milliseconds are mixed up; sign and pass wx.config the same number of seconds (Math.floor(Date.now() / 1000))",
            "页面签名用的 timestamp 是 {v}：秒和毫秒弄混了；签名和传给 wx.config 的必须是同一个秒数（Math.floor(Date.now() / 1000)）"
        )),
        Finding::Order => ("order", printer.t(
            "the page signed the fields in another order: jsapi_ticket, noncestr, timestamp, url, in this order, joined with &",
            "页面签名时字段顺序不对：必须按 jsapi_ticket、noncestr、timestamp、url 的顺序，用 & 连接",
        ).to_string()),
        Finding::Uppercase => ("uppercase", printer.t(
            "the signature is in uppercase hex: WeChat compares lowercase",
            "签名是大写十六进制：微信比较的是小写",
        ).to_string()),
        Finding::OtherTicket => ("other_ticket", printer.t(
            "the signature is right for the page's ticket, but that is not the ticket kept now (a stale one, or another app's): sign with the kept ticket, and keep one ticket per app, shared (wxtoken ticket jsapi --cache or --store)",
            "对页面的 ticket 而言签名正确，但它不是现在保存的 ticket（已过期或属于其他应用）：请用保存的 ticket 签名，每个应用只保存一个共享的 ticket（wxtoken ticket jsapi --cache 或 --store）",
        ).to_string()),
        Finding::Unknown => ("unknown", printer.t(
            "none of the usual mistakes makes this signature: the page most likely signed with another ticket (stale, empty, or another app's); compare it with wxtoken ticket jsapi",
            "常见错误都不能得到这个签名：页面很可能用了别的 ticket（过期、为空或属于其他应用）；请与 wxtoken ticket jsapi 的结果比较",
        ).to_string()),
    };
    let valid = finding == Finding::Matches;
    if printer.json {
        printer.result_json(&json!({"valid": valid, "finding": name, "message": message}))?;
    } else {
        printer.result_line(&message)?;
    }
    Ok(if valid { code::OK } else { code::MISMATCH })
}
