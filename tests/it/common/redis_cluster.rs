//! A real Redis Cluster of three masters (`redis-cli --cluster create`), each a `redis-server`
//! of its own on a free loopback port; stopped when dropped.

use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use super::redis_server::{Options, RedisServer};

pub struct RedisCluster {
    pub nodes: Vec<RedisServer>,
}

impl RedisCluster {
    pub fn start() -> RedisCluster {
        let nodes: Vec<RedisServer> = (0..3)
            .map(|_| {
                RedisServer::with(Options {
                    extra: [
                        "--cluster-enabled",
                        "yes",
                        "--cluster-config-file",
                        "nodes.conf",
                        "--cluster-node-timeout",
                        "5000",
                    ]
                    .map(String::from)
                    .to_vec(),
                    ..Options::default()
                })
            })
            .collect();
        let addresses: Vec<String> = nodes
            .iter()
            .map(|n| format!("127.0.0.1:{}", n.port))
            .collect();
        let created = Command::new("redis-cli")
            .args(["--cluster", "create"])
            .args(&addresses)
            .args(["--cluster-replicas", "0", "--cluster-yes"])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .expect("redis-cli is installed (.ci/run installs redis-tools)");
        assert!(created.success(), "redis-cli --cluster create failed");
        let cluster = RedisCluster { nodes };
        let deadline = Instant::now() + Duration::from_secs(20);
        while !cluster.is_ok() {
            assert!(Instant::now() < deadline, "the cluster did not become ok");
            std::thread::sleep(Duration::from_millis(50));
        }
        cluster
    }

    /// Every node says the cluster is ok, and knows all three masters.
    fn is_ok(&self) -> bool {
        self.nodes.iter().all(|n| {
            let info: String = redis::cmd("CLUSTER")
                .arg("INFO")
                .query(&mut n.client())
                .unwrap_or_default();
            info.contains("cluster_state:ok") && info.contains("cluster_known_nodes:3")
        })
    }

    /// `redis+cluster://` naming one node (the others are learned from it).
    pub fn url(&self) -> String {
        format!("redis+cluster://127.0.0.1:{}", self.nodes[1].port)
    }

    /// Every key matching `pattern`, on whichever master holds it.
    pub fn keys(&self, pattern: &str) -> Vec<String> {
        let mut all: Vec<String> = self
            .nodes
            .iter()
            .flat_map(|n| {
                redis::cmd("KEYS")
                    .arg(pattern)
                    .query::<Vec<String>>(&mut n.client())
                    .unwrap()
            })
            .collect();
        all.sort();
        all
    }

    /// A client of the test's own that follows the cluster's redirects.
    pub fn client(&self) -> redis::cluster::ClusterConnection {
        let urls: Vec<String> = self
            .nodes
            .iter()
            .map(|n| format!("redis://127.0.0.1:{}", n.port))
            .collect();
        redis::cluster::ClusterClient::new(urls)
            .unwrap()
            .get_connection()
            .expect("the test connects to its cluster")
    }

    /// The index of the node that holds `key`'s slot (the others answer MOVED).
    pub fn owner_of(&self, key: &str) -> usize {
        let slot: u16 = redis::cmd("CLUSTER")
            .arg("KEYSLOT")
            .arg(key)
            .query(&mut self.nodes[0].client())
            .unwrap();
        let ranges: Vec<redis::Value> = redis::cmd("CLUSTER")
            .arg("SLOTS")
            .query(&mut self.nodes[0].client())
            .unwrap();
        for range in ranges {
            let redis::Value::Array(parts) = range else {
                continue;
            };
            let (start, end): (u16, u16) = (
                redis::from_redis_value_ref(&parts[0]).unwrap(),
                redis::from_redis_value_ref(&parts[1]).unwrap(),
            );
            let redis::Value::Array(master) = &parts[2] else {
                continue;
            };
            let port: u16 = redis::from_redis_value_ref(&master[1]).unwrap();
            if (start..=end).contains(&slot) {
                return self.nodes.iter().position(|n| n.port == port).unwrap();
            }
        }
        panic!("no node holds slot {slot}");
    }
}
