//! `wxtoken doctor`: a guided diagnosis, one line per step. It never prints the secret or a
//! token, and never calls the classic endpoint: the credentials and the IP whitelist are checked
//! with one normal-mode stable_token call, which rotates nothing.

use std::net::{SocketAddr, ToSocketAddrs};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use serde_json::{Value, json};

use crate::cli::DoctorArgs;
use crate::error::{Failure, code};
use crate::lang::Lang;
use crate::net::client::{Answer, Client, Request};
use crate::net::connection::ConnSettings;
use crate::output::streams::Piece;
use crate::output::{Printer, Tone};
use crate::platform::Endpoint;
use crate::platform::Platform;
use crate::redact::sanitize;
use crate::settings::credentials;
use crate::settings::profile::own::ProfileSettings;
use crate::time;
use crate::tr;
use crate::wechat;
use crate::wechat::credentials::Credentials;

const MAX_SKEW: i64 = 60;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Status {
    Ok,
    Warning,
    Failed,
    Skipped,
}

impl Status {
    fn word(self) -> &'static str {
        match self {
            Status::Ok => "ok",
            Status::Warning => "warning",
            Status::Failed => "failed",
            Status::Skipped => "skipped",
        }
    }
}

struct Step {
    name: &'static str,
    status: Status,
    detail: String,
    hints: Vec<String>,
    exit_code: u8,
    error: Option<Value>,
}

impl Step {
    fn new(name: &'static str, status: Status, detail: impl Into<String>) -> Step {
        Step {
            name,
            status,
            detail: detail.into(),
            hints: Vec::new(),
            exit_code: code::OK,
            error: None,
        }
    }

    fn failed(name: &'static str, failure: &Failure) -> Step {
        Step {
            name,
            status: Status::Failed,
            detail: failure.message().to_string(),
            hints: failure.hints().to_vec(),
            exit_code: failure.exit_code(),
            error: Some(failure.to_json()),
        }
    }

    fn hint(mut self, hint: impl Into<String>) -> Step {
        self.hints.push(hint.into());
        self
    }
}

pub fn run(args: &DoctorArgs, profile: &ProfileSettings, printer: &Printer) -> Result<u8, Failure> {
    let platform = args.platform.get();
    let settings = crate::settings::conn_settings(&args.conn, profile, platform, printer.lang)?;
    crate::settings::warn_plain_http(&settings, printer);
    let mut steps = Vec::new();

    // 1. Credentials: present and plausible.
    let loaded = crate::settings::cred_input(&args.creds, profile, platform, printer.lang)
        .and_then(|input| credentials::load(&input, printer.lang, crate::process::env_var));
    let creds = match loaded {
        Ok(c) => {
            let source = &c.secret_from;
            let (appid, chars) = (sanitize(&c.appid), c.secret.expose().len());
            let detail = tr!(
                printer.lang,
                "appid {appid}, secret from {source} ({chars} characters)",
                "appid {appid}，secret 来自 {source}（{chars} 个字符）"
            );
            let warnings = credentials::format_warnings(&c, printer.lang);
            let mut step = Step::new(
                "credentials",
                if warnings.is_empty() {
                    Status::Ok
                } else {
                    Status::Warning
                },
                detail,
            );
            step.hints = warnings;
            steps.push(step);
            Some(c)
        }
        Err(f) => {
            steps.push(Step::failed("credentials", &f));
            None
        }
    };

    // 2. The proxy in effect and where it came from.
    let client = match Client::new(settings.clone()) {
        Ok(client) => {
            steps.push(Step::new(
                "proxy",
                Status::Ok,
                settings.proxy.describe(printer.lang),
            ));
            Some(client)
        }
        Err(f) => {
            steps.push(Step::failed("proxy", &f));
            None
        }
    };

    // 3-4. DNS, then TCP and TLS; 5. the clock, from that answer (no credentials needed);
    // 6. the stable_token call.
    let probe = client
        .as_ref()
        .and_then(|c| network_steps(c, &settings, &mut steps));
    steps.push(match &probe {
        Some((answer, received)) => clock_step(answer, *received, printer.lang),
        None => Step::new(
            "clock",
            Status::Skipped,
            printer.t("skipped: needs a connection", "跳过：需要网络连接"),
        ),
    });
    match (&client, &creds, probe.is_some()) {
        (Some(client), Some(creds), true) => steps.push(token_step(client, creds, printer)),
        (_, _, reachable) => {
            let why = if reachable {
                printer.t("needs valid credentials", "需要有效的凭证")
            } else {
                printer.t("needs a connection", "需要网络连接")
            };
            steps.push(Step::new(
                "whitelist",
                Status::Skipped,
                tr!(printer.lang, "skipped: {why}", "跳过：{why}"),
            ));
        }
    }

    let exit_code = steps
        .iter()
        .find(|s| s.status == Status::Failed)
        .map(|s| s.exit_code)
        .unwrap_or(0);
    report(printer, &settings, &steps, exit_code)?;
    Ok(exit_code)
}

/// Where the first hop goes: the proxy, or the API host.
fn first_hop(settings: &ConnSettings) -> (String, u16, bool) {
    match settings
        .proxy
        .proxy()
        .and_then(|p| crate::net::proxy::for_client(&p.url, settings.lang).ok())
    {
        Some(p) => (p.host().to_string(), p.port(), true),
        None => (
            settings.api_base.host.clone(),
            settings.api_base.port,
            false,
        ),
    }
}

/// DNS, then one request through the very client `fetch` uses (same proxy, TLS roots and
/// deadline). Returns whether WeChat (or the gateway) answered.
fn network_steps(
    client: &Client,
    settings: &ConnSettings,
    steps: &mut Vec<Step>,
) -> Option<(Answer, u64)> {
    let (host, port, via_proxy) = first_hop(settings);
    let lang = settings.lang;
    let what = match via_proxy {
        true => lang.pick("proxy host", "代理主机"),
        false => lang.pick("API host", "API 主机"),
    };
    let started = Instant::now();
    let addrs = match resolve(&host, port, settings.timeout) {
        Ok(addrs) if !addrs.is_empty() => addrs,
        Ok(_) | Err(_) => {
            let shown = sanitize(&host);
            let f = Failure::network(tr!(
                lang,
                "cannot resolve the {what} {shown}",
                "无法解析{what} {shown}"
            ))
            .with_hint(lang.pick(
                "check the host name and this machine's DNS (/etc/resolv.conf)",
                "请检查主机名和本机 DNS（/etc/resolv.conf）",
            ));
            steps.push(Step::failed("dns", &f));
            return None;
        }
    };
    let list: Vec<String> = addrs.iter().map(|a| a.ip().to_string()).collect();
    let (shown, ips, ms) = (
        sanitize(&host),
        list.join(", "),
        started.elapsed().as_millis(),
    );
    let mut detail = tr!(
        lang,
        "{what} {shown} → {ips} ({ms} ms)",
        "{what} {shown} → {ips}（{ms} 毫秒）"
    );
    if via_proxy {
        let target = &settings.api_base.host;
        detail.push_str(&tr!(
            lang,
            "; {target} is resolved by the proxy",
            "；{target} 由代理解析"
        ));
    }
    steps.push(Step::new("dns", Status::Ok, detail));

    // A read-only call without a token: WeChat answers 41001 and nothing changes anywhere.
    let probe = Request {
        url: settings.api_base.url("/cgi-bin/getcallbackip"),
        shown_url: settings.api_base.url("/cgi-bin/getcallbackip"),
        json_body: None,
        call: None,
    };
    let started = Instant::now();
    match client.exchange(&probe) {
        Ok(answer) => {
            let received = time::now_unix();
            let how = match (via_proxy, settings.api_base.scheme.as_str()) {
                (true, "https") => lang.pick("TCP, proxy tunnel and TLS", "TCP、代理隧道和 TLS"),
                (true, _) => lang.pick("TCP and proxy", "TCP 和代理"),
                (false, "https") => lang.pick("TCP and TLS", "TCP 和 TLS"),
                (false, _) => lang.pick("TCP (http: no TLS)", "TCP（http：无 TLS）"),
            };
            let (target, status, ms) = (
                settings.api_base.host_port(),
                answer.status,
                started.elapsed().as_millis(),
            );
            steps.push(Step::new(
                "connect",
                Status::Ok,
                tr!(
                    lang,
                    "{how} to {target} ok: HTTP {status} in {ms} ms",
                    "到 {target} 的{how}正常：HTTP {status}，用时 {ms} 毫秒"
                ),
            ));
            Some((answer, received))
        }
        Err(f) => {
            steps.push(Step::failed("connect", &f));
            None
        }
    }
}

fn resolve(host: &str, port: u16, timeout: Duration) -> Result<Vec<SocketAddr>, ()> {
    let (tx, rx) = mpsc::channel();
    let target = (
        host.trim_start_matches('[')
            .trim_end_matches(']')
            .to_string(),
        port,
    );
    std::thread::spawn(move || {
        let _ = tx.send(target.to_socket_addrs().map(|a| a.collect::<Vec<_>>()));
    });
    match rx.recv_timeout(timeout) {
        Ok(Ok(addrs)) => Ok(addrs),
        _ => Err(()),
    }
}

/// This machine's clock against the server's `Date` header, when the answer arrived.
fn clock_step(answer: &Answer, received: u64, lang: Lang) -> Step {
    let Some(header) = &answer.date else {
        return Step::new(
            "clock",
            Status::Skipped,
            lang.pick("the server sent no Date header", "服务器没有发送 Date 头"),
        );
    };
    let Some(server) = time::parse_http_date(header) else {
        return Step::new("clock", Status::Warning, {
            let shown = sanitize(header);
            tr!(
                lang,
                "cannot read the server's Date header: {shown}",
                "无法读取服务器的 Date 头：{shown}"
            )
        });
    };
    // Both are clock readings (the server's at most year 9999): the difference fits.
    let skew = i64::try_from(received).unwrap_or(i64::MAX) - i64::try_from(server).unwrap_or(0);
    if skew.abs() > MAX_SKEW {
        Step::new(
            "clock",
            Status::Warning,
            tr!(
                lang,
                "this machine's clock is {skew:+} s off the server's",
                "本机时钟与服务器相差 {skew:+} 秒"
            ),
        )
        .hint(lang.pick(
            "synchronise the clock (NTP): cached tokens expire by this clock",
            "请同步时钟（NTP）：缓存的 token 按本机时钟过期",
        ))
    } else {
        Step::new(
            "clock",
            Status::Ok,
            tr!(
                lang,
                "matches the server's (skew {skew:+} s)",
                "与服务器一致（相差 {skew:+} 秒）"
            ),
        )
    }
}

/// One normal-mode stable_token call: WeChat's verdict on appid, secret and the calling IP. The
/// step is named for what failed (a wrong AppSecret is not a whitelist problem).
fn token_step(client: &Client, creds: &Credentials, printer: &Printer) -> Step {
    let wecom = creds.platform == Platform::Wecom;
    // WeChat Work has no stable token: the check is one gettoken call.
    let endpoint = if wecom {
        Endpoint::WecomToken
    } else {
        Endpoint::StableToken
    };
    match wechat::token_api::fetch_now(client, creds, endpoint, printer) {
        Ok(token) if wecom => Step::new("secret", Status::Ok, {
            let left = crate::token::cache::human_duration(token.expires_in);
            tr!(
                printer.lang,
                "WeChat Work accepts corpid and secret (gettoken: a token with {left} left). Whether a gettoken call disturbs the app's other token holders is not documented (the 2020 docs promised the same token on repeated calls; today's do not). Trusted IPs (60020) are checked only on business calls, so this does not prove this IP is in 企业可信IP",
                "企业微信接受 corpid 和 secret（gettoken：token 剩余 {left}）。调用 gettoken 是否影响该应用其他持有者的 token 没有文档说明（2020 年的文档承诺重复获取返回同一 token，现在的文档不再承诺）。可信 IP（60020）只在业务接口上检查，所以这不能证明本机 IP 在「企业可信IP」中"
            )
        })
        .hint(printer.t(
            "to test 企业可信IP, make one business call (for example send a test message) from this machine",
            "要验证「企业可信IP」，请在本机调用一次业务接口（例如发送一条测试消息）",
        )),
        Ok(token) => Step::new("whitelist", Status::Ok, {
            let left = crate::token::cache::human_duration(token.expires_in);
            tr!(
                printer.lang,
                "WeChat accepts appid and secret from this IP (normal-mode stable_token: a token with {left} left; nothing was invalidated)",
                "微信接受来自本 IP 的 appid 和 secret（普通模式 stable_token：token 剩余 {left}；没有让任何 token 失效）"
            )
        }),
        Err(f) => {
            let name = match f.exit_code() {
                code::CREDENTIALS => "appid/secret",
                code::IP => "whitelist",
                code::QUOTA => "quota",
                code::ACCOUNT => "account",
                _ => "wechat",
            };
            Step::failed(name, &f)
        }
    }
}

fn report(
    printer: &Printer,
    settings: &ConnSettings,
    steps: &[Step],
    exit_code: u8,
) -> Result<(), Failure> {
    if printer.json {
        let steps: Vec<Value> = steps
            .iter()
            .map(|s| {
                let mut v = json!({
                    "step": s.name,
                    "status": s.status.word(),
                    "detail": s.detail,
                    "hint": if s.hints.is_empty() { Value::Null } else { Value::String(s.hints.join("\n")) },
                });
                if let Some(e) = &s.error {
                    v["error"] = e.clone();
                }
                v
            })
            .collect();
        let doc = json!({
            "ok": exit_code == 0,
            "exit_code": exit_code,
            "api_base": settings.api_base.as_str(),
            "steps": steps,
        });
        printer.report_json(&doc)
    } else {
        let head = format!("wxtoken doctor: {}", settings.api_base.as_str());
        let mut lines: Vec<(String, String)> = Vec::new();
        for s in steps {
            let mark = match s.status {
                Status::Ok => printer.paint_stdout(Tone::Ok, " ok  "),
                Status::Warning => printer.paint_stdout(Tone::Warning, " warn"),
                Status::Failed => printer.paint_stdout(Tone::Error, " FAIL"),
                Status::Skipped => printer.paint_stdout(Tone::Dim, " skip"),
            };
            // 80 columns: a detail wraps at word boundaries under its own column.
            let (indent, width) = (" ".repeat(20), 80);
            let detail = crate::columns::wrap(&s.detail, &indent, &indent, width);
            lines.push((mark, format!("  {:<12} {}", s.name, &detail[20..])));
            if !printer.quiet && s.status != Status::Ok {
                for h in &s.hints {
                    let first = format!("{indent}→ ");
                    let hint = crate::columns::wrap(h, &first, &" ".repeat(22), width);
                    lines.push((String::new(), hint));
                }
            }
        }
        let mut pieces = vec![Piece::Text(&head)];
        for (mark, text) in &lines {
            pieces.push(Piece::Ours(format!("\n{mark}")));
            pieces.push(Piece::Text(text));
        }
        printer.report(&pieces)
    }
}
