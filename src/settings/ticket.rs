//! Where a command's JS-SDK ticket comes from (`ticket`, `sign`), settled from its options: the
//! ticket's plan (kept where the token is kept: the same cache or store) and how it is had.

use std::cell::RefCell;

use crate::cli::{FetchArgs, TicketKind};
use crate::error::Failure;
use crate::output::Printer;
use crate::platform::{Endpoint, Platform};
use crate::settings::profile::own::ProfileSettings;
use crate::settings::token::{given_token, plan_reading, refuse_fetch_only};
use crate::token::Access;
use crate::token::held::Held;
use crate::token::plan::{DEFAULT_MIN_TTL, Plan};
use crate::token::ticket::TicketAccess;
use crate::tr;

/// The endpoint of `kind` on `platform`, or why that platform has no such ticket.
pub fn endpoint(
    kind: TicketKind,
    platform: Platform,
    printer: &Printer,
) -> Result<Endpoint, Failure> {
    match (kind, platform) {
        (TicketKind::Jsapi, Platform::Mp) => Ok(Endpoint::JsapiTicket),
        (TicketKind::WxCard, Platform::Mp) => Ok(Endpoint::CardTicket),
        (TicketKind::Jsapi, Platform::Wecom) => Ok(Endpoint::CorpTicket),
        (TicketKind::AgentConfig, Platform::Wecom) => Ok(Endpoint::AgentTicket),
        (TicketKind::WxCard, Platform::Wecom) => Err(Failure::usage(printer.t(
            "WeChat Work has no card ticket: wx_card is for Official Accounts (--platform mp)",
            "企业微信没有卡券 ticket：wx_card 仅适用于公众号（--platform mp）",
        ))),
        (TicketKind::AgentConfig, Platform::Mp) => Err(Failure::usage(printer.t(
            "agent_config is WeChat Work's (wx.agentConfig): add --platform wecom, or use jsapi for an Official Account",
            "agent_config 属于企业微信（wx.agentConfig）：请加上 --platform wecom；公众号请用 jsapi",
        ))),
    }
}

/// How a command asks for its ticket.
pub struct Asking<'a> {
    pub command: &'a str,
    /// `--token-stdin`.
    pub token_stdin: bool,
    /// Only read where it is kept (as `--no-fetch`), never fetch.
    pub read_only: bool,
}

/// The ticket of `endpoint` for `wxtoken COMMAND` with these options: its plan, and how it is
/// had. Every usage error comes out here, before any request.
pub fn ticket_source(
    args: &FetchArgs,
    endpoint: Endpoint,
    asking: &Asking,
    profile: &ProfileSettings,
    printer: &Printer,
) -> Result<(Plan, TicketAccess), Failure> {
    let command = asking.command;
    refuse_fetch_only(args, command, printer)?;
    if !asking.read_only
        && let Some(token) = given_token(asking.token_stdin, command, printer)?
    {
        if args.local_cache.cache || args.store.store.is_some() || args.no_fetch {
            return Err(Failure::usage(tr!(
                printer.lang,
                "a ticket fetched with a given token is kept nowhere: leave out --cache, --store and --no-fetch, or let wxtoken {command} obtain the token",
                "用给定 token 获取的 ticket 不会保存：请去掉 --cache、--store 和 --no-fetch，或让 wxtoken {command} 自己获取 token"
            )));
        }
        let client = super::connect(&args.conn, profile, endpoint.platform(), printer)?;
        let plan = Plan {
            endpoint,
            cache: false,
            cache_dir: None,
            store: None,
            min_ttl: DEFAULT_MIN_TTL,
            force_refresh: false,
            rejected: None,
        };
        return Ok((plan, TicketAccess::Given { token, client }));
    }
    let (token_plan, access) =
        plan_reading(args, args.no_fetch || asking.read_only, profile, printer)?;
    let plan = Plan {
        endpoint,
        ..token_plan.clone()
    };
    Ok(match access {
        Access::Read(reader) => (plan, TicketAccess::Read(Box::new(Access::Read(reader)))),
        Access::Fetch { creds, client } => {
            let token_plan = token_beside(token_plan, &creds, printer);
            let token = Held::Planned {
                plan: Box::new(token_plan),
                access: Box::new(Access::Fetch {
                    creds: creds.clone(),
                    client: client.clone(),
                }),
            };
            (
                plan,
                TicketAccess::Fetch {
                    creds,
                    client,
                    token: Box::new(RefCell::new(token)),
                },
            )
        }
    })
}

/// The token's plan beside a ticket kept in an SDK's layout that has no key for that token
/// (wechatpy keeps no stable token, nor WeChat Work's under a key without the secret): a
/// stable or WeChat Work token is then fetched without a keeper, which disturbs no other holder
/// (a classic one never is: the keys of every layout hold it, or the run stops there).
fn token_beside(
    mut plan: Plan,
    creds: &crate::wechat::credentials::Credentials,
    printer: &Printer,
) -> Plan {
    use crate::token::store::layout::{Target, keys};
    let Some(store) = &plan.store else {
        return plan;
    };
    let target = Target {
        endpoint: plan.endpoint,
        appid: &creds.appid,
        agentid: creds.agentid.as_deref(),
        secret: Some(creds.secret.expose()),
        prefix: &store.prefix,
    };
    if plan.endpoint != Endpoint::Token && keys(store.layout, &target, printer.lang).is_err() {
        let layout = store.layout.name();
        printer.verbose(&tr!(
            printer.lang,
            "the {layout} layout has no key for this token: it is fetched without the store (the ticket is kept there)",
            "{layout} 布局没有这种 token 的键：token 不经存储直接获取（ticket 保存在存储中）"
        ));
        plan.store = None;
    }
    plan
}

/// The app id (corpid on WeChat Work) and agentid the options name, where they name them (a
/// signature's output shows them); nothing is read of the secret.
pub fn app_ids(
    args: &FetchArgs,
    profile: &ProfileSettings,
    platform: Platform,
    printer: &Printer,
) -> (Option<String>, Option<String>) {
    match super::cred_input(&args.creds, profile, platform, printer.lang) {
        Ok(input) => (input.appid.clone(), input.agentid.clone()),
        Err(_) => (None, None),
    }
}
