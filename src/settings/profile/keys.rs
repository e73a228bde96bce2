//! The keys a profile may set: those that have a flag (keyed by the flag's id), and those
//! wxtoken reads itself.

/// How a value is written in the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    Text,
    Integer,
    Seconds,
    Bool,
    Path,
    /// A string or an integer (an AgentId).
    Id,
}

/// The settings that have a flag, by the flag's id.
pub(super) const FLAG_KEYS: &[(&str, Kind)] = &[
    ("platform", Kind::Text),
    ("appid", Kind::Text),
    ("corpid", Kind::Text),
    ("agentid", Kind::Id),
    ("proxy", Kind::Text),
    ("ca_cert", Kind::Path),
    ("timeout", Kind::Seconds),
    ("retries", Kind::Integer),
    ("stable", Kind::Bool),
    ("cache", Kind::Bool),
    ("cache_dir", Kind::Path),
    ("min_ttl", Kind::Integer),
    ("cache_owner", Kind::Text),
    ("store", Kind::Text),
    ("store_layout", Kind::Text),
    ("store_prefix", Kind::Text),
    ("store_client_cert", Kind::Path),
    ("store_client_key", Kind::Path),
    ("no_fetch", Kind::Bool),
    ("format", Kind::Text),
    ("lang", Kind::Text),
    ("color", Kind::Text),
];

/// The settings read by wxtoken itself rather than given to clap.
pub(super) const OWN_KEYS: &[&str] = &[
    "api_base",
    "secret",
    "secret_file",
    "secret_env",
    "secret_command",
];

/// The secret sources: a profile sets at most one.
pub(super) const SECRET_KEYS: &[&str] = &["secret", "secret_file", "secret_env", "secret_command"];
