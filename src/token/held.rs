//! The token of a call (`wxtoken api`): given by the user, or obtained through a plan; and what
//! happens when WeChat rejects it (40001, 40014, 42001): a kept token is reported to its keeper,
//! which hands out the token it holds now or fetches one under its lock, only while it still
//! holds the rejected one (the fleet's compare-and-refresh). So any number of callers that meet
//! the same rejected token cause one fetch, and a token someone else just fetched is never
//! replaced.

use crate::error::Failure;
use crate::output::Printer;
use crate::platform::Endpoint;

use super::plan::Plan;
use super::{Access, obtain};

/// Whether `code` means the token itself was rejected (superseded or expired). On WeChat Work,
/// 40001 comes only from gettoken, where it means a wrong secret.
pub fn rejects_token(platform: crate::platform::Platform, code: i64) -> bool {
    match platform {
        crate::platform::Platform::Mp => matches!(code, 40001 | 40014 | 42001),
        crate::platform::Platform::Wecom => matches!(code, 40014 | 42001),
    }
}

/// Where a call's token comes from.
pub enum Held {
    /// `--token-stdin` or `WXTOKEN_ACCESS_TOKEN`: used as it is, never refreshed.
    Given(String),
    /// Obtained as `fetch` obtains it.
    Planned {
        plan: Box<Plan>,
        access: Box<Access>,
    },
}

impl Held {
    /// The token to call with.
    pub fn token(&self, printer: &Printer) -> Result<String, Failure> {
        match self {
            Held::Given(token) => Ok(token.clone()),
            Held::Planned { plan, access } => Ok(obtain(plan, access, printer)?.access_token),
        }
    }

    /// Another token after WeChat rejected `rejected`, or `None` when there is none to be had
    /// without harm: a given token, a classic token nobody keeps (a fresh classic fetch would
    /// invalidate every other holder's), or a keeper that still serves the rejected one to a
    /// reader that may not fetch.
    pub fn refresh(
        &mut self,
        rejected: &str,
        printer: &Printer,
    ) -> Result<Option<String>, Failure> {
        let Held::Planned { plan, access } = self else {
            return Ok(None);
        };
        let kept = plan.cache || plan.store.is_some();
        let reader = matches!(**access, Access::Read(_));
        if !kept && plan.endpoint == Endpoint::Token {
            return Ok(None);
        }
        if kept && !reader {
            plan.rejected = Some(rejected.to_string());
        }
        let token = obtain(plan, access, printer)?.access_token;
        plan.rejected = None;
        Ok((token != rejected).then_some(token))
    }

    /// The failure of a rejected token that the user gave (never refreshed), with what to do.
    pub fn given_rejected(failure: Failure, code: i64, printer: &Printer) -> Failure {
        if !matches!(code, 40001 | 40014 | 42001) {
            return failure;
        }
        failure.with_hint(printer.t(
            "the token was given (--token-stdin or WXTOKEN_ACCESS_TOKEN), so wxtoken did not replace it: get a new one (wxtoken fetch --stable) and call again",
            "token 是给定的（--token-stdin 或 WXTOKEN_ACCESS_TOKEN），wxtoken 不会替换它：请获取新 token（wxtoken fetch --stable）后再调用",
        ))
    }

    /// The failure of a rejected token, with what to do where no refresh was made.
    pub fn explain_rejection(&self, failure: Failure, code: i64, printer: &Printer) -> Failure {
        if !matches!(code, 40001 | 40014 | 42001) {
            return failure;
        }
        let hint = match self {
            Held::Given(_) => return Held::given_rejected(failure, code, printer),
            Held::Planned { plan, access } => match (&**access, plan.endpoint) {
                (Access::Read(_), _) => printer.t(
                    "this reader may not fetch (--no-fetch) and the keeper still holds this token: its refresher must report it (wxtoken fetch --rejected TOKEN) or fetch anew",
                    "这个读取方不能获取（--no-fetch），而保存处仍是这个 token：需要刷新方报告它（wxtoken fetch --rejected TOKEN）或重新获取",
                ),
                (_, Endpoint::Token) if !plan.cache && plan.store.is_none() => printer.t(
                    "wxtoken fetched no new classic token, which would invalidate every other holder's: use --stable, or keep the token with --cache or --store so that a rejected one is replaced once for all",
                    "wxtoken 没有获取新的普通 token（那会让其他持有者的 token 失效）：请使用 --stable，或用 --cache、--store 保存 token，这样被拒绝的 token 只会被替换一次",
                ),
                _ => printer.t(
                    "the token was rejected again after one refresh: check that no other process rotates it (--force-refresh, classic fetches)",
                    "刷新一次后 token 仍被拒绝：请确认没有其他进程在轮换它（--force-refresh、普通接口获取）",
                ),
            },
        };
        failure.with_hint(hint)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::platform::Platform;

    #[test]
    fn which_codes_reject_the_token_depends_on_the_platform() {
        for code in [40001, 40014, 42001] {
            assert!(rejects_token(Platform::Mp, code), "{code}");
        }
        // On WeChat Work 40001 is gettoken's wrong secret: no token to replace.
        assert!(!rejects_token(Platform::Wecom, 40001));
        assert!(rejects_token(Platform::Wecom, 40014) && rejects_token(Platform::Wecom, 42001));
        for code in [0, -1, 45009, 48001, 40164] {
            assert!(!rejects_token(Platform::Mp, code), "{code}");
        }
    }
}
