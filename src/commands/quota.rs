//! `wxtoken quota`: the account's daily API quotas, shown (`get`) or reset (`clear`). A reset is
//! scarce (10 or 50 a month): it is confirmed first and sent once, never retried.

use std::io::{BufRead, IsTerminal};

use serde_json::{Map, Value, json};

use crate::cli::{QuotaClearArgs, QuotaCommand, QuotaGetArgs};
use crate::error::Failure;
use crate::error::code;
use crate::net::api_base::ApiBase;
use crate::net::client::{Client, Request};
use crate::output::Printer;
use crate::platform::Platform;
use crate::redact::sanitize;
use crate::settings::profile::own::ProfileSettings;
use crate::settings::token::TokenSource;
use crate::tr;
use crate::wechat::credentials::Credentials;
use crate::wechat::management;

/// The paths `quota get` shows without arguments: the token endpoints.
const DEFAULT_PATHS: &[&str] = &["/cgi-bin/token", "/cgi-bin/stable_token"];

pub fn run(
    command: &QuotaCommand,
    profile: &ProfileSettings,
    printer: &Printer,
) -> Result<u8, Failure> {
    match command {
        QuotaCommand::Get(args) => get(args, profile, printer),
        QuotaCommand::Clear(args) => clear(args, profile, printer),
    }
}

fn get(args: &QuotaGetArgs, profile: &ProfileSettings, printer: &Printer) -> Result<u8, Failure> {
    let lang = printer.lang;
    management::refuse_wecom(args.platform.get(), "quota get", printer)?;
    let mut paths: Vec<String> = Vec::new();
    let given: Vec<&str> = match args.paths.is_empty() {
        true => DEFAULT_PATHS.to_vec(),
        false => args.paths.iter().map(String::as_str).collect(),
    };
    for raw in given {
        let path = management::cgi_path(raw, lang)?;
        if !paths.contains(&path) {
            paths.push(path);
        }
    }
    let source = TokenSource::decide(&args.token, profile, "quota get", printer)?;
    let client = crate::settings::connect(&args.conn, profile, Platform::Mp, printer)?;
    let token = source.token(&client, printer)?;
    let mut quotas = Vec::new();
    for path in &paths {
        let req = management::request(
            &client.settings().api_base,
            "/cgi-bin/openapi/quota/get",
            &token,
            &json!({ "cgi_path": path }),
        );
        let answer = client
            .send(&req, printer, |a| {
                management::judge(a, "quota/get", Some("quota"), lang)
            })
            .map_err(|f| {
                f.append_message(&tr!(lang, " (cgi_path {path})", "（cgi_path {path}）"))
            })?;
        quotas.push(quota_json(path, &answer));
    }
    if printer.json {
        printer.result_json(&json!({
            "quotas": quotas,
            "token_source": source.name(),
            "platform": "mp",
        }))?;
    } else {
        printer.result_line(&table(&quotas, printer))?;
    }
    Ok(code::OK)
}

/// One path's quota as `--json` shows it, from WeChat's `quota`, `rate_limit` and
/// `component_rate_limit` (a missing number is null).
fn quota_json(path: &str, answer: &Map<String, Value>) -> Value {
    let number = |v: Option<&Value>| match v {
        Some(n @ Value::Number(_)) => n.clone(),
        _ => Value::Null,
    };
    let quota = answer.get("quota");
    let field = |name: &str| number(quota.and_then(|q| q.get(name)));
    let limit = |name: &str| match answer.get(name) {
        Some(Value::Object(r)) => json!({
            "call_count": number(r.get("call_count")),
            "refresh_second": number(r.get("refresh_second")),
        }),
        _ => Value::Null,
    };
    json!({
        "cgi_path": path,
        "daily_limit": field("daily_limit"),
        "used": field("used"),
        "remain": field("remain"),
        "rate_limit": limit("rate_limit"),
        "component_rate_limit": limit("component_rate_limit"),
    })
}

/// The quotas as a table, with a third-party platform column only where WeChat gave one.
fn table(quotas: &[Value], printer: &Printer) -> String {
    let shown = |v: &Value| match v {
        Value::Number(n) => n.to_string(),
        _ => "-".to_string(),
    };
    let rate = |v: &Value| match (&v["call_count"], &v["refresh_second"]) {
        (Value::Number(c), Value::Number(s)) => {
            tr!(printer.lang, "{c} per {s} s", "每 {s} 秒 {c} 次")
        }
        _ => "-".to_string(),
    };
    let component = quotas.iter().any(|q| !q["component_rate_limit"].is_null());
    let mut rows = vec![vec![
        printer.t("CGI PATH", "接口路径").to_string(),
        printer.t("DAILY LIMIT", "每日上限").to_string(),
        printer.t("USED", "已用").to_string(),
        printer.t("REMAINING", "剩余").to_string(),
        printer.t("RATE LIMIT", "频率限制").to_string(),
    ]];
    if component {
        rows[0].push(
            printer
                .t("THIRD-PARTY RATE LIMIT", "第三方平台频率限制")
                .to_string(),
        );
    }
    for q in quotas {
        let mut row = vec![
            sanitize(q["cgi_path"].as_str().unwrap_or_default()),
            shown(&q["daily_limit"]),
            shown(&q["used"]),
            shown(&q["remain"]),
            rate(&q["rate_limit"]),
        ];
        if component {
            row.push(rate(&q["component_rate_limit"]));
        }
        rows.push(row);
    }
    // CGI PATH is cut at a terminal, never a number.
    crate::columns::table(&rows, &[0], printer.stdout_columns())
}

/// What `quota clear` resets.
enum Target {
    /// Every API of the account: `clear_quota/v2`, with appid and secret.
    Account(Credentials),
    /// One API: `openapi/quota/clear`, with a token.
    Api { path: String, source: TokenSource },
}

/// What a reset resets, and what it spends: for the question, the refusal and the note.
struct Budget {
    what: String,
    cost: &'static str,
}

impl Budget {
    fn account(appid: &str, printer: &Printer) -> Budget {
        let appid = sanitize(appid);
        Budget {
            what: tr!(
                printer.lang,
                "the daily quotas of every API of {appid}",
                "{appid} 所有接口的每日调用次数"
            ),
            cost: printer.t(
                "one of the account's 10 resets a month (shared with clear_quota)",
                "该账号每月 10 次清零机会中的一次（与 clear_quota 共用）",
            ),
        }
    }

    fn api(path: &str, printer: &Printer) -> Budget {
        Budget {
            what: tr!(
                printer.lang,
                "the daily quota of {path}",
                "{path} 的每日调用次数"
            ),
            cost: printer.t(
                "one of the account's 50 single-API resets a month",
                "该账号每月 50 次单接口清零机会中的一次",
            ),
        }
    }
}

fn clear(
    args: &QuotaClearArgs,
    profile: &ProfileSettings,
    printer: &Printer,
) -> Result<u8, Failure> {
    let lang = printer.lang;
    management::refuse_wecom(args.platform.get(), "quota clear", printer)?;
    // Every usage error before the question, and the question before any request. Without
    // --yes away from a terminal, the refusal comes before stdin is read for a token.
    let (target, budget) = match args.api.as_deref() {
        Some(raw) => {
            let path = management::cgi_path(raw, lang)?;
            let budget = Budget::api(&path, printer);
            refuse_unasked(args.yes, &budget, printer)?;
            let source = TokenSource::decide(&args.token, profile, "quota clear", printer)?;
            (Target::Api { path, source }, budget)
        }
        None if args.token.classic => {
            return Err(Failure::usage(printer.t(
                "--classic says where to fetch a token from, and quota clear without --api needs none (it resets with appid and secret)",
                "--classic 指定从哪里获取 token，而不带 --api 的 quota clear 不需要 token（它用 appid 和 secret 清零）",
            )));
        }
        None => {
            let creds = crate::settings::load_credentials(
                &args.token.creds,
                profile,
                Platform::Mp,
                printer,
            )?;
            let budget = Budget::account(&creds.appid, printer);
            refuse_unasked(args.yes, &budget, printer)?;
            (Target::Account(creds), budget)
        }
    };
    let settings = crate::settings::conn_settings(&args.conn, profile, Platform::Mp, lang)?;
    crate::settings::warn_plain_http(&settings, printer);
    if !args.yes {
        ask(&budget, printer)?;
    }
    let mut once = settings.clone();
    once.retries = 0;
    if settings.retries > 0 {
        printer.verbose(printer.t(
            "the reset is sent once, never retried (a retry could spend a second one)",
            "清零请求只发送一次，不会重试（重试可能再用掉一次机会）",
        ));
    }
    let (req, call, doc) = match &target {
        Target::Api { path, source } => {
            let token = source.token(&Client::new(settings)?, printer)?;
            let body = json!({ "cgi_path": path });
            let req = management::request(
                &once.api_base,
                "/cgi-bin/openapi/quota/clear",
                &token,
                &body,
            );
            let doc = json!({ "cleared": true, "scope": "api", "cgi_path": path,
                              "token_source": source.name(), "platform": "mp" });
            (req, "quota/clear", doc)
        }
        Target::Account(creds) => {
            let doc = json!({ "cleared": true, "scope": "account", "appid": creds.appid,
                              "platform": "mp" });
            (
                clear_v2_request(&once.api_base, creds),
                "clear_quota/v2",
                doc,
            )
        }
    };
    let v2 = matches!(target, Target::Account(_));
    Client::new(once)?
        .send(&req, printer, |a| management::judge(a, call, None, lang))
        .map_err(|f| v2_hint(f, v2, printer))?;
    if printer.json {
        printer.result_json(&doc)?;
    } else {
        let what = &budget.what;
        printer.result_line(&tr!(lang, "reset: {what}", "已清零：{what}"))?;
    }
    let cost = budget.cost;
    printer.note(&tr!(lang, "this used {cost}", "这用掉了{cost}"));
    Ok(code::OK)
}

/// `POST /cgi-bin/clear_quota/v2?appid=APPID&appsecret=SECRET`: appid and secret as query
/// parameters, as WeChat's example and the common SDKs send them; the secret is shown as `***`.
fn clear_v2_request(base: &ApiBase, creds: &Credentials) -> Request {
    let url = base.url("/cgi-bin/clear_quota/v2");
    let encode = crate::encoding::percent_encode;
    let appid = encode(&creds.appid);
    Request {
        url: format!(
            "{url}?appid={appid}&appsecret={}",
            encode(creds.secret.expose())
        ),
        shown_url: format!("{url}?appid={appid}&appsecret=***"),
        json_body: Some("{}".to_string()),
        call: None,
    }
}

/// 41002 and 41004 from clear_quota/v2: the parameters went where wxtoken puts them.
fn v2_hint(f: Failure, v2: bool, printer: &Printer) -> Failure {
    match &f {
        Failure::WeChat(w) if v2 && matches!(w.errcode, 41002 | 41004) => f.with_hint(printer.t(
            "wxtoken sends appid and appsecret as URL query parameters, as WeChat's example does: a gateway in front of WeChat (--api-base) must pass the query string on",
            "wxtoken 按微信示例把 appid 和 appsecret 作为 URL 查询参数发送：微信前面的网关（--api-base）必须原样转发查询参数",
        )),
        _ => f,
    }
}

/// Spend a reset only when asked to: `--yes`, or `y` at a terminal. Away from a terminal,
/// without `--yes`: a usage error, and nothing is sent.
fn refuse_unasked(yes: bool, budget: &Budget, printer: &Printer) -> Result<(), Failure> {
    if yes || std::io::stdin().is_terminal() {
        return Ok(());
    }
    let (what, cost) = (&budget.what, budget.cost);
    Err(Failure::usage(tr!(
        printer.lang,
        "resetting {what} uses {cost}: add --yes to confirm (stdin is not a terminal, so wxtoken cannot ask); nothing was reset",
        "重置{what}会用掉{cost}：请加 --yes 确认（标准输入不是终端，wxtoken 无法询问）；没有清零"
    )))
}

/// Ask at the terminal; anything but yes is a refusal (exit 12: nothing is sent).
fn ask(budget: &Budget, printer: &Printer) -> Result<(), Failure> {
    let (what, cost) = (&budget.what, budget.cost);
    crate::output::streams::write_stderr(
        &tr!(
            printer.lang,
            "wxtoken: reset {what}? This uses {cost}. [y/N] ",
            "wxtoken：重置{what}？这会用掉{cost}。[y/N] "
        ),
        printer.lang,
    );
    let mut line = String::new();
    let read = std::io::stdin().lock().read_line(&mut line);
    let answer = line.trim().to_lowercase();
    if read.is_ok() && matches!(answer.as_str(), "y" | "yes" | "是") {
        return Ok(());
    }
    Err(Failure::declined(
        printer.t("not confirmed: nothing was reset", "未确认：没有清零"),
    ))
}
