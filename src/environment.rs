//! The environment variables wxtoken reads, as documented (the man page, docs/reference.md).

/// Every variable wxtoken reads, with what it means: wxtoken(1)'s ENVIRONMENT section and the
/// reference's table are both made from this list.
pub const VARIABLES: &[(&str, &str)] = &[
    (
        "WXTOKEN_APPID, WXTOKEN_SECRET",
        "an Official Account's or Mini Program's credentials (never read for WeChat Work)",
    ),
    (
        "WXTOKEN_CORPID, WXTOKEN_CORPSECRET, WXTOKEN_AGENTID",
        "WeChat Work's credentials and the app's AgentId (never read for Official Accounts)",
    ),
    ("WXTOKEN_PLATFORM", "mp (default) or wecom"),
    (
        "WXTOKEN_API_BASE, WXTOKEN_WECOM_API_BASE",
        "--api-base for each platform: a gateway set up for one platform never receives the other's secret",
    ),
    (
        "WXTOKEN_TIMEOUT, WXTOKEN_RETRIES, WXTOKEN_CA_CERT",
        "connection, as the flags",
    ),
    ("WXTOKEN_LANG", "language of messages: auto, en or zh"),
    (
        "WXTOKEN_PROFILE, WXTOKEN_CONFIG",
        "the profile and the config file, as the flags",
    ),
    ("WXTOKEN_FORMAT", "what fetch prints, as --format"),
    (
        "WXTOKEN_ACCESS_TOKEN",
        "the token for check, quota, rid, api, ticket and sign (used as given, never refreshed); what exec gives its command, with WXTOKEN_EXPIRES_AT",
    ),
    (
        "WXTOKEN_CACHE, WXTOKEN_MIN_TTL, WXTOKEN_CACHE_DIR, WXTOKEN_CACHE_OWNER",
        "the token cache, as the flags",
    ),
    (
        "WXTOKEN_STORE, WXTOKEN_STORE_LAYOUT, WXTOKEN_STORE_PREFIX, WXTOKEN_STORE_CLIENT_CERT, WXTOKEN_STORE_CLIENT_KEY, WXTOKEN_NO_FETCH",
        "the Redis store and its readers, as the flags",
    ),
    (
        "XDG_CACHE_HOME, XDG_CONFIG_HOME, HOME",
        "where the cache and the config file live by default",
    ),
    (
        "https_proxy, HTTPS_PROXY, http_proxy, HTTP_PROXY, all_proxy, ALL_PROXY, no_proxy, NO_PROXY",
        "proxies, as curl reads them (lowercase first)",
    ),
    ("NO_COLOR, TERM", "colour"),
    ("LC_ALL, LC_MESSAGES, LANG", "language when --lang auto"),
];
