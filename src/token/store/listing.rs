//! Every token key of a layout in the store (`cache list --store`, `cache clear --store`):
//! SCAN, never KEYS, on the server or on each master of a cluster, bounded in round trips and
//! time.

use std::time::{Duration, Instant};

use redis::cluster_routing::{RoutingInfo, SingleNodeRoutingInfo};

use super::connection::{Con, RedisStore};
use super::layout::{self, Layout};
use crate::error::Failure;
use crate::tr;

/// SCAN calls a listing may make, over all nodes.
const MAX_ROUNDS: usize = 2_000;

/// A node of a cluster, as it announces itself.
type Node = (String, u16);

impl RedisStore {
    /// Every token and ticket key of `layout` under `prefix`, sorted. Bounded: a server whose cursor never
    /// comes back to 0 (or a store of millions of keys) ends the listing with an error, not an
    /// endless run, within `limit` overall.
    pub fn token_keys(
        &self,
        layout: Layout,
        prefix: &str,
        limit: Duration,
    ) -> Result<Vec<String>, Failure> {
        let started = Instant::now();
        let mut keys = Vec::new();
        let mut rounds = 0;
        let masters = self.masters()?;
        for (pattern, node) in layout::recognise::key_patterns(layout, prefix)
            .iter()
            .flat_map(|p| masters.iter().map(move |n| (p, n)))
        {
            let mut cursor = 0u64;
            loop {
                rounds += 1;
                if rounds > MAX_ROUNDS || started.elapsed() > limit || keys.len() > 100_000 {
                    let (shown, secs) = (&self.shown, limit.as_secs_f64());
                    return Err(Failure::store(
                        tr!(
                            self.lang,
                            "listing the keys of {shown} did not finish within {MAX_ROUNDS} SCAN calls or {secs} s (a store this large, or one whose cursor never ends); nothing was changed",
                            "列出 {shown} 的键未能在 {MAX_ROUNDS} 次 SCAN 或 {secs} 秒内完成（存储过大，或其游标永不结束）；没有做任何改动"
                        ),
                        false,
                    ));
                }
                let (next, batch) = self.scan(node.as_ref(), cursor, pattern)?;
                keys.extend(batch);
                if next == 0 {
                    break;
                }
                cursor = next;
            }
        }
        keys.sort();
        keys.dedup();
        Ok(keys)
    }

    /// One SCAN call, on the server or on one node of a cluster.
    fn scan(
        &self,
        node: Option<&Node>,
        cursor: u64,
        pattern: &str,
    ) -> Result<(u64, Vec<String>), Failure> {
        let mut scan = redis::cmd("SCAN");
        scan.arg(cursor)
            .arg("MATCH")
            .arg(pattern)
            .arg("COUNT")
            .arg(500);
        self.run_on(("cannot list", "无法列出"), |con| match (con, node) {
            (Con::Cluster(c), Some((host, port))) => {
                let to = SingleNodeRoutingInfo::ByAddress {
                    host: host.clone(),
                    port: *port,
                };
                Ok(redis::from_redis_value(
                    c.route_command(&scan, RoutingInfo::SingleNode(to))?,
                )?)
            }
            (Con::Single(c), _) => scan.query(c),
            (Con::Cluster(c), None) => scan.query(c),
        })
    }

    /// The nodes whose keys make up the store: the one server (`None`), or each master of a
    /// cluster, as `CLUSTER SLOTS` names them.
    fn masters(&self) -> Result<Vec<Option<Node>>, Failure> {
        let slots = self.run_on(("cannot list", "无法列出"), |con| match con {
            Con::Single(_) => Ok(None),
            Con::Cluster(c) => c
                .route_command(
                    redis::cmd("CLUSTER").arg("SLOTS"),
                    RoutingInfo::SingleNode(SingleNodeRoutingInfo::Random),
                )
                .map(Some),
        })?;
        let Some(redis::Value::Array(ranges)) = slots else {
            return Ok(vec![None]);
        };
        // Each range: start, end, then the master as [host, port, id, …], then its replicas.
        let mut masters: Vec<Option<Node>> = ranges
            .iter()
            .filter_map(|range| match range {
                redis::Value::Array(parts) => match parts.get(2) {
                    Some(redis::Value::Array(master)) => Some(Some((
                        redis::from_redis_value_ref(master.first()?).ok()?,
                        redis::from_redis_value_ref(master.get(1)?).ok()?,
                    ))),
                    _ => None,
                },
                _ => None,
            })
            .collect();
        masters.sort();
        masters.dedup();
        Ok(masters)
    }
}
