//! The connection settings every command that talks to WeChat shares: the API base, the
//! timeout of one attempt, retries, the proxy decision and extra CA certificates; and the
//! size cap of an answer.

use std::path::PathBuf;
use std::time::Duration;

use crate::error::Failure;
use crate::lang::Lang;
use crate::net::api_base::ApiBase;
use crate::net::proxy::ProxyDecision;
use crate::tr;

/// The body cap of an answer (unless a call sets its own): a token response is under 1 KiB;
/// anything over this is refused.
pub const MAX_BODY: u64 = 64 * 1024;

/// `--timeout`: seconds, decimals allowed, from 0.001 to 86400.
pub fn parse_timeout(raw: &str, lang: Lang) -> Result<Duration, Failure> {
    let shown: String = crate::redact::sanitize(raw).chars().take(40).collect();
    let error = || {
        Failure::usage(tr!(
            lang,
            "--timeout must be a number of seconds from 0.001 to 86400, not \"{shown}\"",
            "--timeout 必须是 0.001 到 86400 之间的秒数，而不是 \"{shown}\""
        ))
    };
    let secs: f64 = raw.trim().parse().map_err(|_| error())?;
    if !(secs.is_finite() && (0.001..=86_400.0).contains(&secs)) {
        return Err(error());
    }
    Ok(Duration::from_secs_f64(secs))
}

/// Connection settings shared by every command that talks to WeChat.
#[derive(Debug, Clone)]
pub struct ConnSettings {
    /// Which WeChat platform answers (it decides what an errcode means).
    pub platform: crate::platform::Platform,
    pub api_base: ApiBase,
    pub timeout: Duration,
    pub retries: u32,
    pub proxy: ProxyDecision,
    pub ca_cert: Option<PathBuf>,
    /// The language of failure messages.
    pub lang: Lang,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timeouts() {
        assert_eq!(
            parse_timeout("10", Lang::En).unwrap(),
            Duration::from_secs(10)
        );
        assert_eq!(
            parse_timeout("0.5", Lang::En).unwrap(),
            Duration::from_millis(500)
        );
        for bad in ["0", "-1", "abc", "", "inf", "NaN", "1e9"] {
            assert!(parse_timeout(bad, Lang::En).is_err(), "{bad}");
        }
    }
}
