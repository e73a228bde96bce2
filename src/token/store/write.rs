//! Writing a token to the store: fenced by the lock where a holder can lose it, in one atomic
//! step where the keys share a slot, key by key in a safe order where they cannot (an SDK's own
//! lock or expiry key in a Redis Cluster).

use super::layout;
use super::redis::RedisSlot;
use super::value::{self, VALUE_FORMAT, Value};
use crate::time;
use crate::token::keeper::{Held, Trouble};
use crate::tr;

/// A write fenced by the lock: the token (and wechatpy's expiry key) is set only while the lock
/// still holds this run's value, in one atomic step. KEYS: lock, token[, expiry]; ARGV: the
/// lock value, the token value, its TTL in ms[, the expiry value].
const FENCED_WRITE: &str = "if redis.call('get', KEYS[1]) ~= ARGV[1] then return 0 end \
redis.call('set', KEYS[2], ARGV[2], 'PX', ARGV[3]) \
if KEYS[3] then \
  if ARGV[5] == '0' then redis.call('set', KEYS[3], ARGV[4]) \
  else redis.call('set', KEYS[3], ARGV[4], 'PX', ARGV[5]) end \
end \
return 1";
/// `SET key value [PX px]`.
fn set_cmd(key: &str, value: &[u8], px: Option<u64>) -> redis::Cmd {
    let mut set = redis::cmd("SET");
    set.arg(key).arg(value);
    if let Some(px) = px {
        set.arg("PX").arg(px);
    }
    set
}

impl RedisSlot<'_> {
    /// The life a ticket is written with in an SDK's layout: the whole life WeChat claimed, as
    /// the SDK writes it, since the margin is taken where any ticket is read there
    /// ([`RedisSlot::read_life`]): the SDKs' own tickets are read with it too. wxtoken's own
    /// layout keeps the ticket's life less the margin, as the local cache does.
    fn written_life(&self, expires_in: u64) -> u64 {
        if self.endpoint.is_ticket() && self.layout != super::layout::Layout::Wxtoken {
            (expires_in + crate::wechat::ticket_api::MARGIN).min(7200)
        } else {
            expires_in
        }
    }

    /// When a ticket read from an SDK's layout is taken to expire: what the key says, less the
    /// margin (its real age is unknown, whoever wrote it).
    pub(super) fn read_life(&self, expires_at: u64) -> u64 {
        if self.endpoint.is_ticket() && self.layout != super::layout::Layout::Wxtoken {
            expires_at.saturating_sub(crate::wechat::ticket_api::MARGIN)
        } else {
            expires_at
        }
    }

    pub(super) fn write_token(
        &self,
        held: Option<&Held>,
        access_token: &str,
        expires_in: u64,
        rotated: bool,
    ) -> Result<bool, Trouble> {
        let now_ms = time::now_unix_ms();
        let now = now_ms / 1000;
        let expires_in = self.written_life(expires_in);
        let value = Value {
            format: VALUE_FORMAT,
            access_token: access_token.to_string(),
            expires_at: now + expires_in,
            fetched_at: now,
            fetched_at_ms: now_ms,
            endpoint: self.endpoint.name().to_string(),
            platform: self.platform.name().to_string(),
            appid: self.appid.to_string(),
            agentid: self.agentid.map(str::to_string),
            secret_fingerprint: self.fingerprint.clone().unwrap_or_default(),
            rotated,
        };
        let w = value::encode(
            self.layout,
            self.endpoint,
            access_token,
            expires_in,
            now,
            &value,
        );
        let Some(ttl_ms) = w.ttl_ms else {
            let (lang, layout) = (self.store.lang, self.layout.name());
            return Err(Trouble::Warn(tr!(
                lang,
                "the token has too little lifetime left for the {layout} layout's margin; it was not stored",
                "token 剩余有效期不足 {layout} 布局要求的余量；未写入存储"
            )));
        };
        // The key written beside the token, with it: wechatpy's expiry (no TTL of its own), or
        // the fingerprint of the secret whose token an SDK's corp-wide WeChat Work key holds.
        let beside: Option<(&String, String, Option<u64>)> = match (
            &self.keys.expires_at,
            &w.expires_at_value,
            &self.keys.owner,
            &self.fingerprint,
        ) {
            (Some(key), Some(v), _, _) => Some((key, v.clone(), None)),
            (_, _, Some(key), Some(fp)) => Some((key, fp.clone(), Some(ttl_ms))),
            _ => None,
        };
        let (cluster, token_key) = (self.store.is_cluster(), &self.keys.token);
        let fence = held.and_then(|h| h.fence.as_deref());
        // In a cluster, a key outside the token's slot (WxJava's lock, wechatpy's expiry key)
        // is never in the token's script or transaction: those writes go key by key.
        let lock_apart = cluster && !layout::same_slot(token_key, &self.keys.lock);
        let beside_apart = cluster
            && beside
                .as_ref()
                .is_some_and(|(k, ..)| !layout::same_slot(token_key, k));
        if let Some(fence) = fence
            && (lock_apart || beside_apart)
            && !self.holds(fence)?
        {
            return Ok(false);
        }
        let mut beside = beside;
        if beside_apart && let Some((key, value, px)) = beside.take() {
            // The expiry first: a wechatpy app that sees the new expiry beside the old token
            // serves a token that still works; the other order would have it fetch anew.
            self.set(key, value.as_bytes(), px)?;
        }
        if let Some(fence) = fence
            && !lock_apart
        {
            let mut script = redis::cmd("EVAL");
            script.arg(FENCED_WRITE);
            match &beside {
                Some((key, value, px)) => script
                    .arg(3)
                    .arg(&self.keys.lock)
                    .arg(token_key)
                    .arg(key)
                    .arg(fence)
                    .arg(&w.token_value)
                    .arg(ttl_ms)
                    .arg(value)
                    .arg(px.unwrap_or(0)),
                None => script
                    .arg(2)
                    .arg(&self.keys.lock)
                    .arg(token_key)
                    .arg(fence)
                    .arg(&w.token_value)
                    .arg(ttl_ms),
            };
            let written: i64 = self
                .store
                .run(("cannot write to", "无法写入"), |c| script.query(c))
                .map_err(Trouble::Fail)?;
            return Ok(written == 1);
        }
        match beside {
            // wechatpy's two keys change together, or its apps refetch on a stale expiry.
            Some((key, value, px)) if !cluster => {
                let mut pipe = redis::pipe();
                pipe.atomic();
                pipe.add_command(set_cmd(token_key, w.token_value.as_bytes(), Some(ttl_ms)))
                    .ignore();
                pipe.add_command(set_cmd(key, value.as_bytes(), px))
                    .ignore();
                self.store
                    .run(("cannot write to", "无法写入"), |c| pipe.query::<()>(c))
                    .map_err(Trouble::Fail)?;
            }
            Some((key, value, px)) => {
                self.set(key, value.as_bytes(), px)?;
                self.set(token_key, w.token_value.as_bytes(), Some(ttl_ms))?;
            }
            // One key: one SET, no transaction (a user denied MULTI writes it all the same).
            None => self.set(token_key, w.token_value.as_bytes(), Some(ttl_ms))?,
        }
        Ok(true)
    }

    fn set(&self, key: &str, value: &[u8], px: Option<u64>) -> Result<(), Trouble> {
        let set = set_cmd(key, value, px);
        self.store
            .run(("cannot write to", "无法写入"), |c| set.query::<()>(c))
            .map_err(Trouble::Fail)
    }

    /// Whether the lock still holds `fence` (where it cannot be checked in the write's step).
    fn holds(&self, fence: &str) -> Result<bool, Trouble> {
        let lock = &self.keys.lock;
        let now: Option<String> = self
            .store
            .run(("cannot write to", "无法写入"), |c| {
                redis::cmd("GET").arg(lock).query(c)
            })
            .map_err(Trouble::Fail)?;
        Ok(now.as_deref() == Some(fence))
    }
}
