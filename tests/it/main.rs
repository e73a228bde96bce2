//! The integration tests, as one test binary (one link instead of one per file): each module
//! runs the real `wxtoken` binary against mock servers on 127.0.0.1, or checks the tree.

mod common;

mod api;

mod cache;
mod cache_readers;
mod cache_safety;
mod check;
mod chinese;
mod cluster;
mod deliver;
mod docs;
mod doctor;
mod edges;
mod exec;
mod explain;
mod faults;
mod fetch;
mod fetch_answers;
mod gaps;
mod golden;
mod inputs;
mod leaks;
mod linking;
mod networks;
mod pastes;
mod platforms;
mod profile_secrets;
mod profiles;
mod profiles_add;
mod quota;
mod recipes;
mod rid;
mod shells;
mod store;
mod store_edges;
mod store_servers;
mod structure;
mod tickets;
mod wecom;
