//! `--store URL`: a Redis URL (plain, TLS, a socket) or a Sentinel URL, checked before anything
//! is sent, its password masked from the moment it is read.

use crate::error::Failure;
use crate::lang::Lang;
use crate::redact::sanitize;
use crate::tr;

/// `--store URL`: checked before anything is sent (a usage error otherwise), and parsed once
/// into what the Redis client connects with.
#[derive(Clone)]
pub struct StoreUrl {
    pub shown: String,
    /// For `rediss://`: the client certificate and key (PEM) the server asks for (Redis's own
    /// default, `tls-auth-clients yes`).
    pub client_tls: Option<ClientTls>,
    pub(super) kind: Kind,
}

/// What the URL names, as the Redis client takes it.
#[derive(Clone)]
pub(super) enum Kind {
    /// `redis://`, `rediss://`, `unix://`: one server.
    Single(redis::ConnectionInfo),
    /// `redis+sentinel://`: a master the sentinels name.
    Sentinel(Sentinel),
    /// `redis+cluster://`: the nodes first asked for the cluster's slots, each with the user
    /// and password.
    Cluster(Vec<redis::ConnectionInfo>),
}

/// Where a Sentinel-watched master is found: asked at each connection, so that a run after a
/// failover reaches the new master.
#[derive(Clone)]
pub(super) struct Sentinel {
    /// Each sentinel's `HOST:PORT`.
    pub(super) nodes: Vec<redis::ConnectionInfo>,
    pub(super) service: String,
    /// The master's user, password and database.
    pub(super) master: redis::RedisConnectionInfo,
}

/// `text` as the Redis client reads a URL; its password, as the client reads it, masked from
/// here on.
fn connection_info(text: &str) -> redis::RedisResult<redis::ConnectionInfo> {
    let info: redis::ConnectionInfo = text.parse()?;
    if let Some(p) = info.redis_settings().password() {
        crate::redact::register_secret(p);
    }
    Ok(info)
}

/// A TLS client certificate and its key, as PEM (the key's bytes are never shown).
#[derive(Clone)]
pub struct ClientTls {
    pub cert: Vec<u8>,
    pub key: Vec<u8>,
}

impl StoreUrl {
    /// `redis+sentinel://[user:password@]HOST:PORT[,HOST:PORT…]/SERVICE[/DB]`: the master of
    /// SERVICE, as the sentinels name it at each connection (the password is the master's).
    fn parse_sentinel(url: &str, shown: String, lang: Lang) -> Result<StoreUrl, Failure> {
        let bad = |why: &str| {
            Failure::usage(tr!(
                lang,
                "--store {shown} is not a usable Sentinel URL: {why}",
                "--store {shown} 不是可用的 Sentinel URL：{why}"
            ))
            .with_hint(lang.pick(
                "a Sentinel URL looks like redis+sentinel://[user:password@]host:port[,host:port…]/service[/db]",
                "Sentinel URL 形如 redis+sentinel://[user:password@]host:port[,host:port…]/service[/db]",
            ))
        };
        let rest = &url["redis+sentinel://".len()..];
        let (userinfo, rest) = match rest.rfind('@') {
            Some(at) => (Some(&rest[..at]), &rest[at + 1..]),
            None => (None, rest),
        };
        let (hosts, path) = rest.split_once('/').ok_or_else(|| bad("no service name"))?;
        let mut parts = path.split('/');
        let service = parts.next().unwrap_or("");
        let db = parts.next().unwrap_or("0");
        let plain = |s: &str| {
            !s.is_empty()
                && s.bytes()
                    .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'))
        };
        if !plain(service) || parts.next().is_some() || db.parse::<u16>().is_err() {
            return Err(bad("the path is /service or /service/db"));
        }
        if url.len() > 1024 || url.contains(['?', '#']) || hosts.split(',').count() > 16 {
            return Err(bad("too long, or with a query"));
        }
        let mut nodes = Vec::new();
        for host in hosts.split(',') {
            match connection_info(&format!("redis://{host}")) {
                Ok(node) if !host.is_empty() => nodes.push(node),
                _ => return Err(bad("each sentinel is host:port")),
            }
        }
        let master = match userinfo {
            Some(info) => format!("redis://{info}@127.0.0.1/{db}"),
            None => format!("redis://127.0.0.1/{db}"),
        };
        let master = connection_info(&master).map_err(|_| bad("the user or password"))?;
        Ok(StoreUrl {
            shown,
            client_tls: None,
            kind: Kind::Sentinel(Sentinel {
                nodes,
                service: service.to_string(),
                master: master.redis_settings().clone(),
            }),
        })
    }

    /// `redis+cluster://[user:password@]HOST:PORT[,HOST:PORT…][/0]`: a Redis Cluster, found
    /// through any of the nodes named (the others are learned from it).
    fn parse_cluster(url: &str, shown: String, lang: Lang) -> Result<StoreUrl, Failure> {
        let bad = |why: &str| {
            Failure::usage(tr!(
                lang,
                "--store {shown} is not a usable Redis Cluster URL: {why}",
                "--store {shown} 不是可用的 Redis Cluster URL：{why}"
            ))
            .with_hint(lang.pick(
                "a Redis Cluster URL looks like redis+cluster://[user:password@]host:port[,host:port…]",
                "Redis Cluster URL 形如 redis+cluster://[user:password@]host:port[,host:port…]",
            ))
        };
        let rest = &url["redis+cluster://".len()..];
        let (userinfo, rest) = match rest.rfind('@') {
            Some(at) => (Some(&rest[..at]), &rest[at + 1..]),
            None => (None, rest),
        };
        let (hosts, db) = rest.split_once('/').unwrap_or((rest, ""));
        if !matches!(db, "" | "0") {
            return Err(bad("a cluster has only database 0"));
        }
        if url.len() > 1024 || url.contains(['?', '#']) || hosts.split(',').count() > 16 {
            return Err(bad("too long, or with a query"));
        }
        let mut nodes = Vec::new();
        for host in hosts.split(',') {
            let node = match userinfo {
                Some(info) => format!("redis://{info}@{host}"),
                None => format!("redis://{host}"),
            };
            let named = host
                .rsplit_once(':')
                .is_some_and(|(h, p)| !h.is_empty() && p.parse::<u16>().is_ok_and(|p| p > 0));
            match connection_info(&node) {
                Ok(node) if named => nodes.push(node),
                _ => return Err(bad("each node is host:port")),
            }
        }
        Ok(StoreUrl {
            shown,
            client_tls: None,
            kind: Kind::Cluster(nodes),
        })
    }

    /// Whether the store is a Redis Cluster (`redis+cluster://`).
    pub fn is_cluster(&self) -> bool {
        matches!(self.kind, Kind::Cluster(_))
    }

    /// Whether the store is reached over TLS (`rediss://`).
    pub fn is_tls(&self) -> bool {
        match &self.kind {
            Kind::Single(info) => matches!(info.addr(), redis::ConnectionAddr::TcpTls { .. }),
            _ => false,
        }
    }

    pub fn parse(url: &str, lang: Lang) -> Result<StoreUrl, Failure> {
        let lower = url.to_ascii_lowercase();
        let hint = lang.pick(
            "a store URL looks like redis://[user:password@]host[:port][/db], rediss://… (TLS), unix:///path/to/redis.sock[?db=N], redis+sentinel://host:port[,host:port…]/service[/db] or redis+cluster://host:port[,host:port…]",
            "存储 URL 形如 redis://[user:password@]host[:port][/db]、rediss://…（TLS）、unix:///path/to/redis.sock[?db=N]、redis+sentinel://host:port[,host:port…]/service[/db] 或 redis+cluster://host:port[,host:port…]",
        );
        // The password, however it is written, is masked from here on.
        crate::net::proxy::register_url_password(url);
        let shown = sanitize(&crate::net::proxy::display_url(
            url.split('?').next().unwrap_or(""),
        ));
        if lower.starts_with("redis+sentinel://") {
            return Self::parse_sentinel(url, shown, lang);
        }
        if lower.starts_with("redis+cluster://") {
            return Self::parse_cluster(url, shown, lang);
        }
        let known = ["redis://", "rediss://", "unix://", "redis+unix://"];
        if url.len() > 1024 || !known.iter().any(|s| lower.starts_with(s)) || url.contains('#') {
            let shown = if url.len() > 1024 {
                lang.pick("(over 1024 bytes)", "（超过 1024 字节）")
                    .to_string()
            } else {
                shown
            };
            return Err(Failure::usage(tr!(
                lang,
                "--store {shown} is not a Redis URL",
                "--store {shown} 不是 Redis URL"
            ))
            .with_hint(hint));
        }
        let info = match connection_info(url) {
            Ok(info) => info,
            Err(e) => {
                let why = sanitize(&e.to_string());
                return Err(Failure::usage(tr!(
                    lang,
                    "--store {shown} is not a usable Redis URL: {why}",
                    "--store {shown} 不是可用的 Redis URL：{why}"
                ))
                .with_hint(hint));
            }
        };
        Ok(StoreUrl {
            shown,
            client_tls: None,
            kind: Kind::Single(info),
        })
    }
}
