//! Serving a kept token, or fetching one under the lock of where it is kept: one flow for the
//! local cache and the Redis store alike (anything behind a [`Slot`]).

use std::time::Duration;

use super::keeper::{Slot, Stored, Trouble};
use super::plan::{Obtained, fresh};
use crate::error::Failure;
use crate::net::client::Client;
use crate::output::Printer;
use crate::platform::Endpoint;
use crate::time;
use crate::tr;
use crate::wechat::token_api::Token;

/// One fetch: what it needs to go through a slot or around it.
pub(crate) struct Run<'a> {
    pub force_refresh: bool,
    /// A token reported rejected: never served; fetched past only while it is still kept.
    pub rejected: Option<&'a str>,
    pub min_ttl: u64,
    pub client: &'a Client,
    /// The fetch itself (a token from its endpoint, or a ticket with a token).
    pub fetch: &'a dyn Fn() -> Result<Token, Failure>,
    pub endpoint: Endpoint,
    pub printer: &'a Printer,
}

/// The longest one fetch under the lock may take, for the lock's wait and a store's lease: a
/// token's is one request with its retries; a ticket's may also wait for the token's lock,
/// fetch the token, refresh it once and ask again.
pub(crate) fn fetch_budget(client: &Client, endpoint: Endpoint) -> Duration {
    let one = client.worst_case();
    let fetches = if endpoint.is_ticket() { 3 } else { 1 };
    one * fetches + Duration::from_secs(5)
}

/// "cache" or "store" in the run's language.
fn kind_word(slot: &dyn Slot, printer: &Printer) -> &'static str {
    match slot.kind() {
        "store" => printer.t("store", "存储"),
        _ => printer.t("cache", "缓存"),
    }
}

/// What a slot's trouble means for a read: a warning (and a miss), or the run's end.
fn read_or_warn(
    slot: &dyn Slot,
    printer: &Printer,
    warned: &mut bool,
) -> Result<Option<Stored>, Failure> {
    match slot.read() {
        Ok(stored) => Ok(stored),
        Err(Trouble::Fail(f)) => Err(f),
        Err(Trouble::Warn(w)) => {
            if !*warned {
                printer.warn(&w);
                *warned = true;
            }
            Ok(None)
        }
    }
}

/// `--no-fetch`: what is kept (`endpoint`'s token or ticket), with at least `min_ttl` left, or
/// exit 11. Nothing is fetched.
pub(crate) fn serve_only(
    slot: &dyn Slot,
    endpoint: Endpoint,
    min_ttl: u64,
    printer: &Printer,
) -> Result<Obtained, Failure> {
    let location = slot.location();
    printer.verbose(&tr!(printer.lang, "reading {location}", "读取 {location}"));
    let stored = read_or_warn(slot, printer, &mut false)?;
    let now = time::now_unix();
    let (thing, refresher) = match endpoint.is_ticket() {
        true => ("ticket", "wxtoken ticket"),
        false => ("token", "wxtoken fetch"),
    };
    match stored {
        Some(s) if s.remaining(now) > 0 && s.remaining(now) >= min_ttl => {
            Ok(kept(printer, &s, slot.kind()))
        }
        found => {
            let what = match found {
                Some(s) if s.remaining(now) > 0 => {
                    let left = s.remaining(now);
                    tr!(
                        printer.lang,
                        "the {thing} at {location} has {left} s left, less than --min-ttl {min_ttl}",
                        "{location} 处的 {thing} 只剩 {left} 秒，少于 --min-ttl {min_ttl}"
                    )
                }
                _ => tr!(
                    printer.lang,
                    "no {thing} is kept at {location}",
                    "{location} 处没有 {thing}"
                ),
            };
            Err(Failure::store(
                tr!(
                    printer.lang,
                    "{what}; nothing was fetched (--no-fetch)",
                    "{what}；没有获取 token（--no-fetch）"
                ),
                true,
            )
            .with_hint(tr!(
                printer.lang,
                "the refresher ({refresher} with the secret, the same --store or --cache and a --min-ttl above the readers') may not be running: check its cron job",
                "刷新方（持有 secret、使用相同 --store 或 --cache、--min-ttl 大于读取方的 {refresher}）可能没有运行：请检查它的定时任务"
            )))
        }
    }
}

impl Run<'_> {
    pub(crate) fn uncached(&self) -> Result<Obtained, Failure> {
        let token = (self.fetch)()?;
        self.say_rotated(None);
        Ok(fresh(&token))
    }

    /// `kept`: the word for where the new token was kept, when it was.
    fn say_rotated(&self, kept: Option<&str>) {
        if !self.force_refresh {
            return;
        }
        let printer = self.printer;
        match kept {
            Some(kind) => printer.note(&tr!(
                printer.lang,
                "rotated the stable token: the previous one stops working for every other holder; the {kind} entry was replaced",
                "已轮换 stable token：其他持有者手中的旧 token 将失效；{kind}条目已替换"
            )),
            None => printer.note(printer.t(
                "rotated the stable token: the previous one stops working for every other holder",
                "已轮换 stable token：其他持有者手中的旧 token 将失效",
            )),
        }
    }

    /// Serve from the slot, or fetch under its lock so that concurrent invocations (on this
    /// machine, or in the whole fleet for a store) make one upstream attempt chain between
    /// them, success or failure.
    pub(crate) fn through(&self, slot: &dyn Slot) -> Result<Obtained, Failure> {
        let printer = self.printer;
        let (location, kind) = (slot.location(), kind_word(slot, printer));
        printer.verbose(&tr!(
            printer.lang,
            "{kind}: {location}",
            "{kind}：{location}"
        ));
        let mut warned = false;
        // A hit needs no lock: entries are replaced atomically.
        // With --force-refresh the kept token is read too, never served: a token that changed
        // while this run waited for the lock is another run's rotation, whatever the layout.
        let before = read_or_warn(slot, printer, &mut warned)?;
        let rejected = |s: &Stored| self.rejected == Some(s.access_token.as_str());
        if !self.force_refresh
            && let Some(s) = &before
            && !rejected(s)
            && serves(s, self.min_ttl, self.rejected.is_some())
        {
            return Ok(kept(printer, s, slot.kind()));
        }
        // Only a normal-mode stable fetch may go on without the lock: it rotates nothing.
        // (WeChat Work's gettoken too: whether a fetch disturbs other holders is not documented.)
        // A rejected token is fetched past under the lock, so that N reports make one fetch.
        let lock_required =
            self.endpoint != Endpoint::StableToken || self.force_refresh || self.rejected.is_some();
        let wait = fetch_budget(self.client, self.endpoint);
        let lock = match slot.lock(wait) {
            Ok(Some(lock)) => Some(lock),
            Ok(None) if lock_required => {
                let secs = wait.as_secs();
                return Err(Failure::store(
                    tr!(
                        printer.lang,
                        "another wxtoken has held the {kind} lock for more than {secs} s; nothing was fetched (fetching now would invalidate the token it is getting)",
                        "另一个 wxtoken 占用{kind}锁已超过 {secs} 秒；没有获取 token（此时获取会让它正在获取的 token 失效）"
                    ),
                    true,
                )
                .with_hint(printer.t(
                    "a wxtoken may be stopped (Ctrl-Z, SIGSTOP) or stuck: find it with pgrep -a wxtoken",
                    "可能有 wxtoken 被暂停（Ctrl-Z、SIGSTOP）或卡住：用 pgrep -a wxtoken 查找",
                )));
            }
            Ok(None) => {
                printer.warn(&tr!(
                    printer.lang,
                    "another wxtoken held the {kind} lock for too long; fetching a stable token without waiting for it",
                    "另一个 wxtoken 占用{kind}锁过久；不再等待，直接获取 stable token"
                ));
                None
            }
            Err(Trouble::Fail(f)) => return Err(f),
            Err(Trouble::Warn(w)) if lock_required => {
                return Err(Failure::store(
                    format!(
                        "{w}; {}",
                        printer.t("nothing was fetched", "没有获取 token")
                    ),
                    false,
                ));
            }
            Err(Trouble::Warn(w)) => {
                printer.warn(&w);
                None
            }
        };
        if let Some(held) = &lock {
            let now_kept = read_or_warn(slot, printer, &mut warned)?;
            if self.force_refresh {
                // Another run rotated while this one waited: that rotation is this one's.
                // wxtoken's layout says so (rotated since this run began to wait); an SDK's
                // layout keeps no such mark, and there the token changing while this run waited
                // says it.
                let changed = |s: &Stored| {
                    before
                        .as_ref()
                        .is_none_or(|b| b.access_token != s.access_token)
                };
                if let (Some(s), Some(since)) = (&now_kept, held.waited_since_ms)
                    && (s.rotated && s.fetched_at_ms.is_some_and(|at| at >= since)
                        || s.fetched_at_ms.is_none() && changed(s))
                    && s.remaining(time::now_unix()) > 0
                {
                    printer.note(printer.t(
                        "another wxtoken rotated the stable token while this one waited; using that token",
                        "另一个 wxtoken 在等待期间已轮换 stable token；使用该 token",
                    ));
                    return Ok(kept(printer, s, slot.kind()));
                }
            } else if let Some(s) = &now_kept
                && !rejected(s)
            {
                // Whoever held the lock may have just stored a token: that one is served even
                // with less than --min-ttl left (and so is any token but a rejected one).
                let fresh = self.rejected.is_some()
                    || before.as_ref().is_none_or(|b| {
                        b.fetched_at_ms != s.fetched_at_ms || b.access_token != s.access_token
                    });
                if serves(s, self.min_ttl, fresh) {
                    return Ok(kept(printer, s, slot.kind()));
                }
            }
            // The holder this run waited on failed: its failure is this run's too.
            if let Some(since) = held.waited_since_ms
                && let Some(failure) = slot.failure_since(since)
            {
                printer.verbose(&tr!(
                    printer.lang,
                    "{kind}: the run holding the lock failed; sharing its failure",
                    "{kind}：持有锁的进程失败了；沿用它的失败结果"
                ));
                return Err(failure);
            }
        }
        printer.verbose(&if self.force_refresh {
            tr!(
                printer.lang,
                "{kind}: skipped (--force-refresh)",
                "{kind}：跳过（--force-refresh）"
            )
        } else {
            tr!(printer.lang, "{kind}: miss", "{kind}：未命中")
        });
        let token = match (self.fetch)() {
            Ok(token) => token,
            Err(f) => {
                if lock.is_some() {
                    match slot.record_failure(&f) {
                        Ok(()) => {}
                        Err(Trouble::Warn(w)) => printer.warn(&w),
                        Err(Trouble::Fail(store)) => printer.warn(store.message()),
                    }
                }
                return Err(f);
            }
        };
        let stored = slot.write(
            lock.as_ref(),
            &token.access_token,
            token.expires_in,
            self.force_refresh,
        );
        drop(lock);
        match stored {
            Ok(false) => return self.lost_lock(slot, &mut warned),
            Ok(true) => self.say_rotated(Some(kind)),
            Err(Trouble::Warn(w)) => {
                let not = tr!(
                    printer.lang,
                    "the token was not kept in the {kind}",
                    "token 未写入{kind}"
                );
                printer.warn(&format!("{w}; {not}"));
                self.say_rotated(None);
            }
            // The store's readers go on with the old token: the run failed at its job.
            Err(Trouble::Fail(f)) => {
                let f = f.append_message(printer.t(
                    " (a token was fetched but could not be stored)",
                    "（已获取 token，但无法写入存储）",
                ));
                return Err(match self.endpoint {
                    Endpoint::Token => f.with_hint(printer.t(
                        "WeChat issued this run a new classic token, which invalidates the previous one within about 5 minutes, and the store's readers still hold the previous one: fix the store, then run the refresher again",
                        "微信已为本进程签发新的普通 token，旧 token 约 5 分钟后失效，而读取存储的程序仍持有旧 token：请修复存储后再次运行刷新方",
                    )),
                    _ => f,
                });
            }
        }
        Ok(fresh(&token))
    }
}

impl Run<'_> {
    /// This run's lock ran out while it fetched (a stalled or paused process), and another run
    /// may have stored a newer token since: nothing was written. What the keeper holds now is
    /// served; with nothing there, the run fails, saying what happened upstream.
    fn lost_lock(&self, slot: &dyn Slot, warned: &mut bool) -> Result<Obtained, Failure> {
        let printer = self.printer;
        let (location, kind) = (slot.location(), kind_word(slot, printer));
        let what = tr!(
            printer.lang,
            "this run's {kind} lock ran out while it fetched (was the process stalled or paused?), so the token it fetched was not stored over what another run may have stored since",
            "本进程的{kind}锁在获取期间已过期（进程是否被卡住或暂停？），因此获取到的 token 没有写入，以免覆盖其他进程此后写入的 token"
        );
        let now = time::now_unix();
        if let Some(s) = read_or_warn(slot, printer, warned)?
            && s.remaining(now) > 0
        {
            printer.warn(&tr!(
                printer.lang,
                "{what}; serving the token {location} holds",
                "{what}；使用 {location} 中的 token"
            ));
            return Ok(kept(printer, &s, slot.kind()));
        }
        let mut failure = Failure::store(
            tr!(
                printer.lang,
                "{what}, and {location} holds no token to serve",
                "{what}，而 {location} 中没有可用的 token"
            ),
            true,
        );
        if self.endpoint == Endpoint::Token {
            failure = failure.with_hint(printer.t(
                "WeChat issued this run a new classic token, which invalidates the previous one within about 5 minutes: run the refresher again so that the store holds a current token",
                "微信已为本进程签发新的普通 token，旧 token 约 5 分钟后失效：请再次运行刷新方，让存储中有当前的 token",
            ));
        }
        Err(failure)
    }
}

/// Whether `s` may be served: not expired, and either at least `min_ttl` seconds left or
/// `fresh` (stored by another invocation while this one waited).
fn serves(s: &Stored, min_ttl: u64, fresh: bool) -> bool {
    let left = s.remaining(time::now_unix());
    left > 0 && (left >= min_ttl || fresh)
}

fn kept(printer: &Printer, s: &Stored, source: &'static str) -> Obtained {
    let left = s.remaining(time::now_unix());
    let left_text = crate::token::cache::human_duration(left);
    let kind = match source {
        "store" => printer.t("store", "存储"),
        _ => printer.t("cache", "缓存"),
    };
    printer.verbose(&tr!(
        printer.lang,
        "{kind}: hit, {left_text} left",
        "{kind}：命中，剩余 {left_text}"
    ));
    Obtained {
        access_token: s.access_token.clone(),
        expires_in: left,
        expires_at: s.expires_at,
        source,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_is_served() {
        let now = time::now_unix();
        let s = |left: u64| Stored {
            access_token: "T".into(),
            expires_at: now + left,
            fetched_at_ms: None,
            rotated: false,
        };
        assert!(serves(&s(1000), 300, false));
        assert!(!serves(&s(299), 300, false), "less than min-ttl left");
        assert!(serves(&s(299), 300, true), "fetched while this run waited");
        assert!(!serves(&s(0), 300, true), "expired is never served");
    }
}
