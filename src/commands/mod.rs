//! One leaf module per subcommand: each settles its settings, asks the token core, the WeChat
//! layer or the network layer, and prints. No command imports another.

pub mod api;
pub mod cache;
pub mod check;
pub mod completions;
pub mod doctor;
pub mod exec;
pub mod explain;
pub mod fetch;
pub mod man;
pub mod profiles;
pub mod profiles_add;
pub mod quota;
pub mod rid;
pub mod sign;
pub mod ticket;
