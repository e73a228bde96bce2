//! `--store redis://…`: a token shared by a fleet through Redis, in wxtoken's own layout or in
//! the key and format an SDK's apps already read (layout/). The `redis` crate speaks the
//! protocol; every operation is bounded by `--timeout`; every failure is exit 11 with the store's
//! address (password masked), never a fetch around the store.

use std::time::{Duration, Instant};

use serde::{Deserialize, Serialize};

use super::connection::RedisStore;
use super::layout::{Keys, Layout, Target};
use super::value::{self, Decoded};
use crate::error::Failure;
use crate::platform::Endpoint;
use crate::platform::Platform;
use crate::redact::sanitize;
use crate::time;
use crate::token::keeper::{Held, Slot, Stored, Trouble};
use crate::tr;

/// The longest another holder's lease is waited for beyond this run's own wait.
const MAX_FOREIGN_LEASE_MS: u64 = 65_000;
/// A failure record lives this long: long enough for every run that waited on the holder.
const FAILURE_TTL_MS: u64 = 120_000;

const RELEASE: &str = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end";

/// A failure a lock holder left in the store.
#[derive(Serialize, Deserialize)]
struct FailureRecord {
    written_at_ms: u64,
    secret_fingerprint: Option<String>,
    document: serde_json::Value,
}

/// One token in the store.
pub struct RedisSlot<'a> {
    pub store: &'a RedisStore,
    pub layout: Layout,
    pub keys: Keys,
    pub endpoint: Endpoint,
    pub platform: Platform,
    pub appid: &'a str,
    pub agentid: Option<&'a str>,
    /// `None` for a reader without the secret (`--no-fetch`): any secret's token is served.
    pub fingerprint: Option<String>,
    /// How long a lock is held at most: the fetch's worst case.
    pub lease: Duration,
}

impl<'a> RedisSlot<'a> {
    /// `keys`: [`layout::keys`] of `target`, worked out (and refused, as a usage error) before
    /// the store was connected to.
    pub fn new(
        store: &'a RedisStore,
        layout: Layout,
        keys: Keys,
        target: &Target<'a>,
        platform: Platform,
        fingerprint: Option<String>,
        lease: Duration,
    ) -> RedisSlot<'a> {
        RedisSlot {
            store,
            layout,
            keys,
            endpoint: target.endpoint,
            platform,
            appid: target.appid,
            agentid: target.agentid,
            fingerprint,
            lease,
        }
    }

    fn warn(&self, why: &str) -> Trouble {
        let (lang, location) = (self.store.lang, self.location());
        Trouble::Warn(tr!(
            lang,
            "ignoring the value at {location}: {why}",
            "忽略 {location} 处的值：{why}"
        ))
    }

    fn unique_value() -> String {
        let mut bytes = [0u8; 12];
        let _ = ring::rand::SecureRandom::fill(&ring::rand::SystemRandom::new(), &mut bytes);
        let hex: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
        format!("wxtoken-{}-{hex}", std::process::id())
    }
}

impl Slot for RedisSlot<'_> {
    fn kind(&self) -> &'static str {
        "store"
    }

    fn location(&self) -> String {
        let key = if self.layout == Layout::Powerwechat {
            // The MD5 of appid and secret is not shown.
            let p = self.keys.token.rsplit_once('.').map_or("", |(p, _)| p);
            format!("{p}.<md5>")
        } else {
            sanitize(&self.keys.token)
        };
        format!("{} key {key}", self.store.shown)
    }

    fn read(&self) -> Result<Option<Stored>, Trouble> {
        let raw = self.store.raw(&self.keys).map_err(Trouble::Fail)?;
        if raw.token_value.is_some()
            && let (Some(owner_key), Some(mine)) = (&self.keys.owner, &self.fingerprint)
        {
            let owner: String = self
                .store
                .run(("cannot read from", "无法读取"), |c| {
                    redis::cmd("GETRANGE")
                        .arg(owner_key)
                        .arg(0)
                        .arg(63)
                        .query(c)
                })
                .map_err(Trouble::Fail)?;
            if !owner.is_empty() && owner != *mine {
                let (lang, location) = (self.store.lang, self.location());
                return Err(Trouble::Fail(
                    Failure::store(
                        tr!(
                            lang,
                            "{location} holds the token of another app of this corp (fetched with another secret): it is neither served nor replaced",
                            "{location} 中是本企业另一个应用的 token（用另一个 secret 获取）：既不使用也不替换"
                        ),
                        false,
                    )
                    .with_hint(lang.pick(
                        "give each app its own --agentid (WXTOKEN_AGENTID), here and in the SDK's configuration: the key then names the app",
                        "请为每个应用指定各自的 --agentid（WXTOKEN_AGENTID），这里和 SDK 配置中都要：键名才会区分应用",
                    )),
                ));
            }
        }
        let now = time::now_unix();
        let decoded = match value::decode(self.layout, &raw, now, self.store.lang) {
            Ok(Some(d)) => d,
            Ok(None) => return Ok(None),
            Err(why) => return Err(self.warn(&why)),
        };
        let Decoded {
            access_token,
            expires_at,
            own,
        } = decoded;
        let mut stored = Stored {
            access_token,
            expires_at: self.read_life(expires_at),
            fetched_at_ms: None,
            rotated: false,
        };
        if let Some(v) = own {
            let lang = self.store.lang;
            // Every field is checked against the key it came from: a value copied under another
            // app's, agent's, platform's or endpoint's key is not this key's token.
            if v.appid != self.appid
                || v.endpoint != self.endpoint.name()
                || v.platform != self.platform.name()
                || v.agentid.as_deref() != self.agentid
            {
                return Err(
                    self.warn(lang.pick("its content does not match its key", "内容与键名不符"))
                );
            }
            if self
                .fingerprint
                .as_ref()
                .is_some_and(|f| *f != v.secret_fingerprint)
            {
                // Fetched with another secret (since changed): not this run's token.
                return Ok(None);
            }
            stored.fetched_at_ms = Some(v.fetched_at_ms);
            stored.rotated = v.rotated;
        }
        Ok(Some(stored))
    }

    fn lock(&self, wait: Duration) -> Result<Option<Held<'_>>, Trouble> {
        let me = Self::unique_value();
        let lease_ms = self.lease.as_millis().max(1000) as u64;
        let started = Instant::now();
        let mut deadline = started + wait;
        // However many holders come and go, the wait ends by then: the longest lease any SDK
        // takes, past this run's own wait.
        let cap = started + wait + Duration::from_millis(MAX_FOREIGN_LEASE_MS);
        let mut holder: Option<Vec<u8>> = None;
        let mut waited_since_ms = None;
        let mut pause = Duration::from_millis(10);
        loop {
            let took: Option<String> = self
                .store
                .run(("cannot lock in", "无法加锁："), |c| {
                    redis::cmd("SET")
                        .arg(&self.keys.lock)
                        .arg(&me)
                        .arg("NX")
                        .arg("PX")
                        .arg(lease_ms)
                        .query(c)
                })
                .map_err(Trouble::Fail)?;
            if took.is_some() {
                let (store, lock, fence) = (self.store, self.keys.lock.clone(), me.clone());
                return Ok(Some(
                    Held::new(waited_since_ms, move || {
                        // Compare-and-delete: never a lock another run took after a lease ran out.
                        let released = store.run(("cannot unlock in", "无法解锁："), |c| {
                            redis::cmd("EVAL")
                                .arg(RELEASE)
                                .arg(1)
                                .arg(&lock)
                                .arg(&me)
                                .query::<i64>(c)
                        });
                        if let Err(f) = released {
                            let (lang, secs, key) = (store.lang, lease_ms / 1000, sanitize(&lock));
                            let why = f.message();
                            store.note(tr!(
                                lang,
                                "{why}; the lock {key} stays taken until its lease runs out, in at most {secs} s, and the runs that need it wait until then",
                                "{why}；锁 {key} 将保持占用，直到租期结束（最多 {secs} 秒），需要它的进程会等到那时"
                            ));
                        }
                    })
                    .fenced(fence),
                ));
            }
            waited_since_ms.get_or_insert_with(time::now_unix_ms);
            // Wait at least until each holder's lease can have run out: a holder that was killed
            // delays the others, never fails them, and so does the next one that takes the lock
            // while this run waits (each new holder's lease counts, up to the cap).
            let lock = &self.keys.lock;
            let read = [
                redis::cmd("GET").arg(lock).clone(),
                redis::cmd("PTTL").arg(lock).clone(),
            ];
            let read = self
                .store
                .batch(("cannot lock in", "无法加锁："), &read)
                .map_err(Trouble::Fail)?;
            let mut read = read.into_iter();
            let value: Option<Vec<u8>> =
                redis::from_redis_value(read.next().unwrap_or(redis::Value::Nil)).unwrap_or(None);
            let pttl: i64 =
                redis::from_redis_value(read.next().unwrap_or(redis::Value::Nil)).unwrap_or(-2);
            if pttl > 0 && value.is_some() && value != holder {
                holder = value;
                // A lease no fetch needs (a lock planted without expiry, a day long) does not
                // hold this run past the longest any SDK takes (WxJava: 60 s).
                let pttl = (pttl as u64).min(MAX_FOREIGN_LEASE_MS);
                let until = Instant::now() + Duration::from_millis(pttl + 200);
                deadline = deadline.max(until).min(cap);
            }
            if Instant::now() >= deadline {
                return Ok(None);
            }
            std::thread::sleep(pause);
            pause = (pause * 2).min(Duration::from_millis(200));
        }
    }

    fn write(
        &self,
        held: Option<&Held>,
        access_token: &str,
        expires_in: u64,
        rotated: bool,
    ) -> Result<bool, Trouble> {
        self.write_token(held, access_token, expires_in, rotated)
    }

    fn record_failure(&self, failure: &Failure) -> Result<(), Trouble> {
        let record = FailureRecord {
            written_at_ms: time::now_unix_ms(),
            secret_fingerprint: self.fingerprint.clone(),
            document: crate::redact::redact_json(&failure.to_json_document()),
        };
        let text = serde_json::to_string(&record).unwrap_or_default();
        self.store
            .run(("cannot write to", "无法写入"), |c| {
                redis::cmd("SET")
                    .arg(&self.keys.failed)
                    .arg(&text)
                    .arg("PX")
                    .arg(FAILURE_TTL_MS)
                    .query::<()>(c)
            })
            .map_err(Trouble::Fail)
    }

    fn failure_since(&self, since_ms: u64) -> Option<Failure> {
        let text: Option<Vec<u8>> = self
            .store
            .run(("cannot read from", "无法读取"), |c| {
                redis::cmd("GET").arg(&self.keys.failed).query(c)
            })
            .ok()?;
        let record: FailureRecord = serde_json::from_slice(&text?).ok()?;
        if record.written_at_ms < since_ms || record.secret_fingerprint != self.fingerprint {
            return None;
        }
        crate::token::failure_record::read(&record.document, self.platform, self.store.lang)
    }
}
