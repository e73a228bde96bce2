//! The connection to a Redis store: `--store URL` checked before anything is sent, connected
//! within `--timeout` (DNS, TCP or socket, TLS, AUTH), and every failure turned into exit 11 with
//! the address shown, the password masked.

use std::cell::RefCell;
use std::path::Path;
use std::time::Duration;

use redis::cluster::ClusterConnection;
use redis::{Cmd, Connection, ConnectionLike, RedisError};

use super::layout::Keys;
use super::url::{Kind, Sentinel, StoreUrl};
use super::value::Raw;
use crate::error::Failure;
use crate::lang::Lang;
use crate::redact::sanitize;
use crate::tr;

/// A value larger than this is not a token of any layout.
const MAX_VALUE: usize = 16 * 1024;

/// A connection to one server (a master), or to a Redis Cluster (each key's command sent to the
/// node that holds its slot, MOVED and ASK followed).
pub(super) enum Con {
    Single(Connection),
    Cluster(Box<ClusterConnection>),
}

type Made = redis::RedisResult<Con>;

/// An open connection to the store.
pub struct RedisStore {
    con: RefCell<Con>,
    /// The URL as shown: the password masked.
    pub shown: String,
    pub(super) lang: Lang,
    /// `--timeout`: each command's (and a retry after an interruption's) bound.
    timeout: Duration,
    /// Warnings for the run's stderr from where no printer is at hand (a lock released on
    /// drop).
    notes: RefCell<Vec<String>>,
}

impl RedisStore {
    /// Connect (DNS, TCP or socket, TLS, AUTH, SELECT) within `timeout`.
    pub fn connect(
        url: &StoreUrl,
        ca_cert: Option<&Path>,
        timeout: Duration,
        lang: Lang,
    ) -> Result<RedisStore, Failure> {
        let shown = url.shown.clone();
        let tls = url.is_tls();
        let root_cert = crate::net::tls::ca_pem_for_store(ca_cert, lang)?;
        let client_tls = url.client_tls.as_ref().map(|c| redis::ClientTlsConfig {
            client_cert: c.cert.clone(),
            client_key: c.key.clone(),
        });
        // The client is made on the connecting thread too: asking the sentinels for the master
        // is bounded by --timeout like every other phase.
        let single =
            move |c: &redis::Client| c.get_connection_with_timeout(timeout).map(Con::Single);
        let make: Box<dyn Fn() -> Made + Send> = match &url.kind {
            Kind::Sentinel(s) => {
                let s = s.clone();
                Box::new(move || Self::master_of(&s).and_then(|c| single(&c)))
            }
            Kind::Cluster(nodes) => {
                let client = redis::cluster::ClusterClient::builder(nodes.iter().cloned())
                    .connection_timeout(timeout)
                    .response_timeout(timeout)
                    .build()
                    .map_err(|e| fail(&shown, ("cannot use", "无法使用"), &e, lang))?;
                Box::new(move || client.get_connection().map(|c| Con::Cluster(Box::new(c))))
            }
            Kind::Single(info) => {
                let client = Self::client(info, tls, root_cert, client_tls, &shown, lang)?;
                Box::new(move || single(&client))
            }
        };
        Self::finish_connect(make, shown, timeout, lang)
    }

    /// Whether the store is a Redis Cluster: keys in different slots are then never in one
    /// transaction, script or pipeline.
    pub fn is_cluster(&self) -> bool {
        matches!(*self.con.borrow(), Con::Cluster(_))
    }

    /// The client of the master the sentinels name now (the first sentinel that answers).
    fn master_of(s: &Sentinel) -> redis::RedisResult<redis::Client> {
        use redis::sentinel::{SentinelClient, SentinelNodeConnectionInfo, SentinelServerType};
        let info =
            SentinelNodeConnectionInfo::default().set_redis_connection_info(s.master.clone());
        SentinelClient::build(
            s.nodes.clone(),
            s.service.clone(),
            Some(info),
            SentinelServerType::Master,
        )?
        .get_client()
    }

    fn client(
        info: &redis::ConnectionInfo,
        tls: bool,
        root_cert: Option<Vec<u8>>,
        client_tls: Option<redis::ClientTlsConfig>,
        shown: &str,
        lang: Lang,
    ) -> Result<redis::Client, Failure> {
        match (tls, root_cert, client_tls) {
            (true, root_cert, client_tls) if root_cert.is_some() || client_tls.is_some() => {
                redis::Client::build_with_tls(
                    info.clone(),
                    redis::TlsCertificates {
                        client_tls,
                        root_cert,
                    },
                )
            }
            _ => redis::Client::open(info.clone()),
        }
        .map_err(|e| fail(shown, ("cannot use", "无法使用"), &e, lang))
    }

    fn finish_connect(
        make: Box<dyn Fn() -> Made + Send>,
        shown: String,
        timeout: Duration,
        lang: Lang,
    ) -> Result<RedisStore, Failure> {
        // On a thread of its own, so that no phase (a resolver that hangs, a sentinel that does
        // not answer) outlives the timeout.
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::Builder::new()
            .name("store".into())
            .spawn(move || {
                // A stop signal (Ctrl-Z, then fg) interrupts a read with a timeout: the
                // connection is made again within the same deadline.
                let deadline = std::time::Instant::now() + timeout;
                let made = loop {
                    match make() {
                        Err(e) if interrupted(&e) && std::time::Instant::now() < deadline => {}
                        made => break made,
                    }
                };
                let _ = tx.send(made);
            })
            .map_err(|e| Failure::internal(format!("cannot start a thread: {e}")))?;
        let con = match rx.recv_timeout(timeout) {
            Ok(Ok(con)) => con,
            Ok(Err(e)) => return Err(fail(&shown, ("cannot connect to", "无法连接"), &e, lang)),
            Err(_) => {
                return Err(timed_out(&shown, timeout, lang));
            }
        };
        let set = match &con {
            Con::Single(c) => c
                .set_read_timeout(Some(timeout))
                .and_then(|()| c.set_write_timeout(Some(timeout))),
            Con::Cluster(c) => c
                .set_read_timeout(Some(timeout))
                .and_then(|()| c.set_write_timeout(Some(timeout))),
        };
        set.map_err(|e| fail(&shown, ("cannot use", "无法使用"), &e, lang))?;
        Ok(RedisStore {
            con: RefCell::new(con),
            shown,
            lang,
            timeout,
            notes: RefCell::new(Vec::new()),
        })
    }

    /// Leave a warning for the run's stderr.
    pub(super) fn note(&self, text: String) {
        self.notes.borrow_mut().push(text);
    }

    /// The warnings left so far.
    pub fn take_notes(&self) -> Vec<String> {
        std::mem::take(&mut self.notes.borrow_mut())
    }

    /// Run one command (or pipeline) on the connection; any failure is the store's.
    pub(super) fn run<T>(
        &self,
        what: (&str, &str),
        mut f: impl FnMut(&mut dyn ConnectionLike) -> redis::RedisResult<T>,
    ) -> Result<T, Failure> {
        self.run_on(what, |con| match con {
            Con::Single(c) => f(c),
            Con::Cluster(c) => f(c.as_mut()),
        })
    }

    /// [`Self::run`], given the connection as what it is (a cluster's, to route a command).
    pub(super) fn run_on<T>(
        &self,
        what: (&str, &str),
        mut f: impl FnMut(&mut Con) -> redis::RedisResult<T>,
    ) -> Result<T, Failure> {
        let mut con = self.con.borrow_mut();
        let deadline = std::time::Instant::now() + self.timeout;
        loop {
            match f(&mut con) {
                // A signal (Ctrl-Z, then fg) interrupted the wait for the answer: the command
                // is sent again within the same deadline.
                Err(e) if interrupted(&e) && std::time::Instant::now() < deadline => {
                    continue;
                }
                Err(e) if e.is_timeout() => {
                    return Err(timed_out(&self.shown, self.timeout, self.lang));
                }
                other => return other.map_err(|e| fail(&self.shown, what, &e, self.lang)),
            }
        }
    }

    /// Several commands in one round trip (a pipeline) on one server; one by one in a
    /// cluster, where each goes to the node of its key's slot.
    pub(super) fn batch(
        &self,
        what: (&str, &str),
        cmds: &[Cmd],
    ) -> Result<Vec<redis::Value>, Failure> {
        let cluster = self.is_cluster();
        self.run(what, |c| {
            if cluster {
                cmds.iter().map(|cmd| cmd.query(c)).collect()
            } else {
                let mut pipe = redis::pipe();
                for cmd in cmds {
                    pipe.add_command(cmd.clone());
                }
                pipe.query(c)
            }
        })
    }

    /// The raw values under `keys` (the token key, its PTTL, wechatpy's expiry key).
    pub fn raw(&self, keys: &Keys) -> Result<Raw, Failure> {
        // Each value's length, and at most MAX_VALUE bytes of it, in one round trip: a value of
        // any size costs what a token does (a planted 32 MB value is never read whole).
        let last = MAX_VALUE as i64 - 1;
        let mut cmds = vec![
            redis::cmd("PTTL").arg(&keys.token).clone(),
            redis::cmd("STRLEN").arg(&keys.token).clone(),
            redis::cmd("GETRANGE")
                .arg(&keys.token)
                .arg(0)
                .arg(last)
                .clone(),
        ];
        if let Some(exp) = &keys.expires_at {
            cmds.push(redis::cmd("STRLEN").arg(exp).clone());
            cmds.push(redis::cmd("GETRANGE").arg(exp).arg(0).arg(last).clone());
        }
        let values = self.batch(("cannot read from", "无法读取"), &cmds)?;
        // PTTL, then the token's length and bytes, then the expiry key's.
        type Read = (i64, usize, Vec<u8>, usize, Vec<u8>);
        let read = |v: Vec<redis::Value>| -> redis::RedisResult<Read> {
            let mut v = v.into_iter();
            let mut next = || v.next().unwrap_or(redis::Value::Nil);
            Ok((
                redis::from_redis_value(next())?,
                redis::from_redis_value(next())?,
                redis::from_redis_value(next())?,
                redis::from_redis_value::<Option<usize>>(next())?.unwrap_or(0),
                redis::from_redis_value::<Option<Vec<u8>>>(next())?.unwrap_or_default(),
            ))
        };
        let (pttl, len, value, exp_len, exp) = read(values)
            .map_err(|e| fail(&self.shown, ("cannot read from", "无法读取"), &e, self.lang))?;
        // PTTL -2: no such key. An expiry key that is empty or missing counts as none.
        let token_value = (pttl != -2).then_some(value);
        let too_large = [len, exp_len].into_iter().max().filter(|&n| n > MAX_VALUE);
        Ok(Raw {
            token_value,
            pttl_ms: pttl,
            expires_at_value: (exp_len > 0).then_some(exp),
            too_large,
        })
    }

    /// Delete `keys`; how many existed.
    pub fn delete(&self, keys: &[&str]) -> Result<u64, Failure> {
        // In a cluster, key by key: one DEL of keys in several slots is refused (CROSSSLOT).
        let cmds: Vec<Cmd> = if self.is_cluster() {
            keys.iter()
                .map(|k| redis::cmd("DEL").arg(*k).clone())
                .collect()
        } else {
            vec![redis::cmd("DEL").arg(keys).clone()]
        };
        let counts = self.batch(("cannot delete from", "无法删除"), &cmds)?;
        Ok(counts
            .into_iter()
            .filter_map(|v| redis::from_redis_value::<u64>(v).ok())
            .sum())
    }
}

/// Whether a signal interrupted a wait for the store (EINTR): worth sending again.
fn interrupted(e: &RedisError) -> bool {
    e.is_io_error() && e.to_string().contains("Interrupted")
}

/// The store's failure: what failed, where, and why (masked).
fn fail(shown: &str, what: (&str, &str), e: &RedisError, lang: Lang) -> Failure {
    let what = lang.pick(what.0, what.1);
    let why = sanitize(&e.to_string());
    let text = e.to_string();
    // A certificate the store's TLS does not trust stays untrusted however often it is tried.
    let certificate = text.contains("certificate") || text.contains("UnknownIssuer");
    let retryable =
        (e.is_io_error() || e.is_timeout() || e.is_connection_dropped()) && !certificate;
    // What the store said, by kind: each told for what it is, with what to do.
    let (said, hint) = match (e.code(), e.kind()) {
        (Some("NOPERM"), _) => (
            tr!(
                lang,
                "the store's ACL does not let this user do it ({why})",
                "存储的 ACL 不允许该用户这样做（{why}）"
            ),
            lang.pick(
                "grant the user what README's \"Fleets\" section lists for a refresher or a reader (GET, SET, PTTL, STRLEN, GETRANGE, EVAL, DEL on the keys' patterns)",
                "请按 README「Fleets」一节为刷新方或读取方授予所列权限（对这些键模式的 GET、SET、PTTL、STRLEN、GETRANGE、EVAL、DEL）",
            ),
        ),
        (Some("READONLY"), _) => (
            tr!(
                lang,
                "it is a read-only replica ({why})",
                "它是只读副本（{why}）"
            ),
            lang.pick(
                "point --store at the master, which takes writes",
                "请把 --store 指向可写的主节点",
            ),
        ),
        (Some("MOVED" | "ASK"), _) => (
            tr!(
                lang,
                "it is a node of a Redis Cluster, which sent this run to another node ({why})",
                "它是 Redis Cluster 的一个节点，要求本进程转到另一个节点（{why}）"
            ),
            lang.pick(
                "name the cluster as one: --store redis+cluster://host:port[,host:port…] (any of its nodes; wxtoken follows the cluster's redirects)",
                "请以集群形式指定：--store redis+cluster://host:port[,host:port…]（任一节点均可；wxtoken 会跟随集群的重定向）",
            ),
        ),
        (Some("NOAUTH" | "WRONGPASS"), _) | (_, redis::ErrorKind::AuthenticationFailed) => (
            tr!(
                lang,
                "it refused this run's credentials ({why})",
                "它拒绝了本进程的凭据（{why}）"
            ),
            lang.pick(
                "check the user and password in the store URL (redis://user:password@host:port)",
                "请检查存储 URL 中的用户名和密码（redis://user:password@host:port）",
            ),
        ),
        _ if certificate => (
            why.clone(),
            lang.pick(
                "the server's certificate is not trusted: --ca-cert FILE names the CA that signed it (--ca-cert system: the operating system's)",
                "服务器证书不受信任：用 --ca-cert FILE 指定签发它的 CA（--ca-cert system：使用操作系统的）",
            ),
        ),
        _ if e.is_connection_refusal() => (
            why.clone(),
            lang.pick(
                "is redis-server running there? check host and port in --store (WXTOKEN_STORE)",
                "那里有 redis-server 在运行吗？请检查 --store（WXTOKEN_STORE）中的主机和端口",
            ),
        ),
        _ => (
            why.clone(),
            lang.pick(
                "wxtoken never fetches around its store (that would break the token the store's readers hold); fix the store, or run without --store",
                "wxtoken 从不绕过存储直接获取（那会让读取存储的程序手中的 token 失效）；请修复存储，或去掉 --store",
            ),
        ),
    };
    Failure::store(
        tr!(
            lang,
            "{what} the Redis store {shown}: {said}; nothing was fetched",
            "{what} Redis 存储 {shown}：{said}；没有获取 token"
        ),
        retryable,
    )
    .with_hint(hint)
}

pub(super) fn timed_out(shown: &str, timeout: Duration, lang: Lang) -> Failure {
    let secs = timeout.as_secs_f64();
    Failure::store(
        tr!(
            lang,
            "the Redis store {shown} did not answer within the timeout of {secs} s; nothing was fetched",
            "Redis 存储 {shown} 在 {secs} 秒超时内没有应答；没有获取 token"
        ),
        true,
    )
    .with_hint(lang.pick(
        "check host and port in --store, and the network to it",
        "请检查 --store 中的主机和端口，以及到它的网络",
    ))
}
