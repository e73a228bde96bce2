//! `wxtoken check`: does WeChat accept this token? One read-only call of getcallbackip.

use serde_json::{Value, json};

use crate::cli::CheckArgs;
use crate::encoding::percent_encode;
use crate::error::Failure;
use crate::error::code;
use crate::net::client::{Request, Verdict};
use crate::output::Printer;
use crate::platform::Platform;
use crate::settings::profile::own::ProfileSettings;
use crate::wechat;
use crate::wechat::catalog::Context;
use crate::wechat::response;

pub fn run(args: &CheckArgs, profile: &ProfileSettings, printer: &Printer) -> Result<u8, Failure> {
    let token = crate::token::given::required(args.token.as_deref(), "check", printer)?;
    let platform = args.platform.get();
    let client = crate::settings::connect(&args.conn, profile, platform, printer)?;
    let url = client.settings().api_base.url("/cgi-bin/getcallbackip");
    let shown: String = token.chars().take(6).collect();
    let req = Request {
        url: format!("{url}?access_token={}", percent_encode(&token)),
        shown_url: format!("{url}?access_token={shown}…"),
        json_body: None,
        call: None,
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
        match response::parse(answer.status, &answer.body, printer.lang) {
            Ok(response::Answer::Error { errcode, errmsg }) => {
                wechat::judge::errcode_verdict(platform, errcode, &errmsg, Context::Check, lang)
            }
            Err(problem)
                if problem.status() >= 500
                    || !matches!(problem, response::Problem::NoToken { .. }) =>
            {
                wechat::judge::judge_problem(problem, answer, lang)
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
            Ok(code::OK)
        }
        Err(failure) => {
            let mut doc = failure.to_json_document();
            doc["valid"] = json!(false);
            printer.failure_with_document(&failure, &doc);
            Ok(failure.exit_code())
        }
    }
}
