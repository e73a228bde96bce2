//! Which proxy a request goes through, decided as curl decides: `--proxy`, else the scheme's
//! own variable (`https_proxy`/`HTTPS_PROXY` or `http_proxy`/`HTTP_PROXY`), else
//! `all_proxy`/`ALL_PROXY`; lowercase first; `no_proxy`/`NO_PROXY` lists hosts to reach directly.

use std::net::IpAddr;

use crate::encoding::percent_encode_userinfo;

/// A proxy and where its setting came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProxySetting {
    pub url: String,
    /// `--proxy` or the name of the environment variable.
    pub source: String,
}

/// The proxy decision for one target.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ProxyDecision {
    Direct,
    Via(ProxySetting),
    /// A proxy is set but the target matches NO_PROXY.
    Bypassed {
        setting: ProxySetting,
        variable: String,
        entry: String,
    },
}

impl ProxyDecision {
    pub fn proxy(&self) -> Option<&ProxySetting> {
        match self {
            ProxyDecision::Via(p) => Some(p),
            _ => None,
        }
    }

    /// One line for people (`-v`, doctor): no password.
    pub fn describe(&self, lang: crate::lang::Lang) -> String {
        match self {
            ProxyDecision::Direct => lang
                .pick("none (direct connection)", "无（直接连接）")
                .to_string(),
            ProxyDecision::Via(p) => {
                let (url, source) = (display_url(&p.url), &p.source);
                crate::tr!(lang, "{url} (from {source})", "{url}（来自 {source}）")
            }
            ProxyDecision::Bypassed {
                setting,
                variable,
                entry,
            } => {
                let (url, source) = (display_url(&setting.url), &setting.source);
                crate::tr!(
                    lang,
                    "none: {url} (from {source}) is bypassed because {variable} contains \"{entry}\"",
                    "无：{url}（来自 {source}）被绕过，因为 {variable} 包含 \"{entry}\""
                )
            }
        }
    }
}

/// A proxy URL taken apart: `[scheme://][user[:password]@]host[:port][/]`. A proxy URL has no
/// meaningful path, so the user information is everything before the last `@`: a password may
/// hold `/`, `:`, `#` or `?` without breaking the parse.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProxyUrl {
    /// `http://`, `socks5://`, or empty.
    pub scheme: String,
    pub user: Option<String>,
    pub password: Option<String>,
    /// Host and port, as written.
    pub host_port: String,
}

impl ProxyUrl {
    pub fn parse(url: &str) -> ProxyUrl {
        let (scheme, rest) = match url.split_once("://") {
            Some((s, r)) => (format!("{s}://"), r),
            None => (String::new(), url),
        };
        let (userinfo, host) = match rest.rfind('@') {
            Some(at) => (Some(&rest[..at]), &rest[at + 1..]),
            None => (None, rest),
        };
        let (user, password) = match userinfo {
            None => (None, None),
            Some(info) => match info.split_once(':') {
                Some((u, p)) => (Some(u.to_string()), Some(p.to_string())),
                None => (Some(info.to_string()), None),
            },
        };
        ProxyUrl {
            scheme,
            user,
            password,
            host_port: host.trim_end_matches('/').to_string(),
        }
    }

    /// The URL for the HTTP client: user and password percent-encoded where they hold what a
    /// URL parser would take for a delimiter (`/`, `?`, `#`, `@`, `:` in the password), existing
    /// `%XX` escapes kept, so that the proxy gets the credentials and the host it was given.
    pub fn for_client(&self) -> String {
        let userinfo = match (&self.user, &self.password) {
            (None, _) => String::new(),
            (Some(u), None) => format!("{}@", percent_encode_userinfo(u)),
            (Some(u), Some(p)) => format!(
                "{}:{}@",
                percent_encode_userinfo(u),
                percent_encode_userinfo(p)
            ),
        };
        format!("{}{userinfo}{}", self.scheme, self.host_port)
    }
}

/// Every password a proxy, store or API URL may carry, as written, in the order a client takes
/// them: its user part's (`scheme://user:password@host`, the last `@` ending it), then each
/// `pass` or `password` query value (`unix:///run/redis.sock?pass=...`). A user name alone is
/// no password. The one reader of a URL's passwords: proxies, stores and the config file's
/// checks all use it.
fn url_passwords(url: &str) -> Vec<String> {
    let query = url.split_once('?').map_or("", |(_, q)| q);
    let from_query = query
        .split('&')
        .filter_map(|pair| pair.split_once('='))
        .filter(|(k, _)| *k == "pass" || *k == "password")
        .map(|(_, v)| v.to_string());
    ProxyUrl::parse(url)
        .password
        .into_iter()
        .chain(from_query)
        .filter(|p| !p.is_empty())
        .collect()
}

/// The password of a URL, if it has one ([`url_passwords`]' first).
pub fn url_password(url: &str) -> Option<String> {
    url_passwords(url).into_iter().next()
}

/// Mask, from here on, every password a URL may carry (as written and percent-decoded), so that
/// no output can carry it: a client may take the last of several, or read a `pass=a:b@c`
/// differently from this reader.
pub fn register_url_password(url: &str) {
    for p in url_passwords(url) {
        crate::redact::register_secret(&p);
        crate::redact::register_secret(&crate::encoding::percent_decode(&p));
    }
}

/// The HTTP client's proxy for a proxy URL: the one conversion, which the client, doctor's
/// first hop and a profile's check all use. `Err` carries what a usable one looks like.
pub fn for_client(url: &str, lang: crate::lang::Lang) -> Result<ureq::Proxy, &'static str> {
    ureq::Proxy::new(&ProxyUrl::parse(url).for_client()).map_err(|_| {
        lang.pick(
            "a proxy URL looks like http://host:port, http://user:password@host:port or socks5h://host:port",
            "代理 URL 形如 http://host:port、http://user:password@host:port 或 socks5h://host:port",
        )
    })
}

/// A proxy URL with its password hidden (the user name stays: it helps and is not secret).
pub fn display_url(url: &str) -> String {
    let p = ProxyUrl::parse(url);
    match (&p.user, &p.password) {
        (None, _) => format!("{}{}", p.scheme, p.host_port),
        (Some(user), None) => format!("{}{user}@{}", p.scheme, p.host_port),
        (Some(user), Some(_)) => format!("{}{user}:***@{}", p.scheme, p.host_port),
    }
}

/// Decide the proxy for a request to `scheme://host`.
pub fn decide(
    flag: Option<&str>,
    scheme: &str,
    host: &str,
    env: impl Fn(&str) -> Option<String>,
) -> ProxyDecision {
    let get = |name: &str| {
        env(name)
            .filter(|v| !v.trim().is_empty())
            .map(|v| (name.to_string(), v))
    };
    // `--proxy ""` means no proxy at all, as for curl.
    if flag.is_some_and(str::is_empty) {
        return ProxyDecision::Direct;
    }
    let setting = if let Some(url) = flag.filter(|f| !f.is_empty()) {
        Some(ProxySetting {
            url: url.to_string(),
            source: "--proxy".to_string(),
        })
    } else {
        let scheme_vars: [&str; 2] = if scheme == "https" {
            ["https_proxy", "HTTPS_PROXY"]
        } else {
            ["http_proxy", "HTTP_PROXY"]
        };
        scheme_vars
            .iter()
            .chain(["all_proxy", "ALL_PROXY"].iter())
            .find_map(|name| get(name))
            .map(|(source, url)| ProxySetting {
                url: url.trim().to_string(),
                source,
            })
    };
    let Some(setting) = setting else {
        return ProxyDecision::Direct;
    };
    register_url_password(&setting.url);
    for variable in ["no_proxy", "NO_PROXY"] {
        if let Some((variable, list)) = get(variable) {
            if let Some(entry) = no_proxy_match(&list, host) {
                return ProxyDecision::Bypassed {
                    setting,
                    variable,
                    entry,
                };
            }
            break; // the lowercase one, when set, is the one that counts
        }
    }
    ProxyDecision::Via(setting)
}

/// The NO_PROXY entry that matches `host`, if any: `*`, the host itself, a domain suffix
/// (`example.com` and `.example.com` both match `api.example.com`), or an IP range in CIDR form.
pub fn no_proxy_match(list: &str, host: &str) -> Option<String> {
    let host = host
        .trim_start_matches('[')
        .trim_end_matches(']')
        .to_ascii_lowercase();
    let host_ip: Option<IpAddr> = host.parse().ok();
    for raw in list
        .split([',', ' '])
        .map(str::trim)
        .filter(|e| !e.is_empty())
    {
        let entry = raw.to_ascii_lowercase();
        if entry == "*" {
            return Some(raw.to_string());
        }
        if let (Some(ip), Some((net, bits))) = (host_ip, entry.split_once('/')) {
            if let (Ok(net), Ok(bits)) = (net.parse::<IpAddr>(), bits.parse::<u8>())
                && in_cidr(ip, net, bits)
            {
                return Some(raw.to_string());
            }
            continue;
        }
        // A port on the entry is ignored, as curl does for the host match.
        let name = match entry.rsplit_once(':') {
            Some((n, p)) if p.chars().all(|c| c.is_ascii_digit()) && !n.contains(':') => n,
            _ => entry.as_str(),
        };
        let name = name.trim_start_matches("*.").trim_start_matches('.');
        let name = name.trim_start_matches('[').trim_end_matches(']');
        if host == name || host.ends_with(&format!(".{name}")) {
            return Some(raw.to_string());
        }
    }
    None
}

fn in_cidr(ip: IpAddr, net: IpAddr, bits: u8) -> bool {
    match (ip, net) {
        (IpAddr::V4(ip), IpAddr::V4(net)) if bits <= 32 => {
            let mask = if bits == 0 {
                0
            } else {
                u32::MAX << (32 - bits)
            };
            u32::from(ip) & mask == u32::from(net) & mask
        }
        (IpAddr::V6(ip), IpAddr::V6(net)) if bits <= 128 => {
            let mask = if bits == 0 {
                0
            } else {
                u128::MAX << (128 - bits)
            };
            u128::from(ip) & mask == u128::from(net) & mask
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_password_a_url_may_carry_is_masked() {
        // A `pass=` holding ':' and '@' (read differently by this reader and by a client), and
        // a second `pass=` (a client may take the last).
        register_url_password("unix:///run/r.sock?pass=Ab1:Cd2@Ef3&db=0&pass=Second%21pw");
        register_url_password("redis://user:Us3r%2Fpw@h:6379/0");
        let shown = crate::redact::redact("Ab1:Cd2@Ef3 Second!pw Second%21pw Us3r/pw Us3r%2Fpw");
        for secret in [
            "Ab1:Cd2@Ef3",
            "Second!pw",
            "Second%21pw",
            "Us3r/pw",
            "Us3r%2Fpw",
        ] {
            assert!(!shown.contains(secret), "{secret} in {shown}");
        }
        assert_eq!(url_password("unix:///s?pass=a"), Some("a".into()));
        assert_eq!(url_password("redis://user@h"), None);
    }
    use crate::env_of as env;

    #[test]
    fn order_of_sources() {
        assert_eq!(
            decide(None, "https", "api.weixin.qq.com", env(&[])),
            ProxyDecision::Direct
        );
        let d = decide(
            None,
            "https",
            "api.weixin.qq.com",
            env(&[
                ("ALL_PROXY", "http://all:1"),
                ("HTTPS_PROXY", "http://up:1"),
                ("https_proxy", "http://low:1"),
            ]),
        );
        assert_eq!(d.proxy().unwrap().source, "https_proxy");
        let d = decide(
            None,
            "https",
            "h",
            env(&[("ALL_PROXY", "http://all:1"), ("HTTP_PROXY", "http://p:1")]),
        );
        assert_eq!(d.proxy().unwrap().source, "ALL_PROXY");
        let d = decide(None, "http", "h", env(&[("HTTP_PROXY", "http://p:1")]));
        assert_eq!(d.proxy().unwrap().source, "HTTP_PROXY");
        let d = decide(
            Some("http://flag:1"),
            "http",
            "h",
            env(&[("HTTP_PROXY", "http://p:1")]),
        );
        assert_eq!(d.proxy().unwrap().source, "--proxy");
        let d = decide(None, "https", "h", env(&[("HTTPS_PROXY", "")]));
        assert_eq!(d, ProxyDecision::Direct);
        // --proxy "" turns proxying off, whatever the environment says (as for curl).
        let d = decide(
            Some(""),
            "https",
            "h",
            env(&[("HTTPS_PROXY", "http://p:1")]),
        );
        assert_eq!(d, ProxyDecision::Direct);
    }

    #[test]
    fn no_proxy() {
        let d = decide(
            None,
            "https",
            "api.weixin.qq.com",
            env(&[
                ("HTTPS_PROXY", "http://p:1"),
                ("NO_PROXY", "localhost, .qq.com"),
            ]),
        );
        assert!(
            matches!(d, ProxyDecision::Bypassed { ref entry, .. } if entry == ".qq.com"),
            "{d:?}"
        );
        assert_eq!(no_proxy_match("*", "x"), Some("*".into()));
        assert_eq!(
            no_proxy_match("weixin.qq.com", "api.weixin.qq.com"),
            Some("weixin.qq.com".into())
        );
        assert_eq!(no_proxy_match("qq.com", "notqq.com"), None);
        assert_eq!(
            no_proxy_match("127.0.0.0/8", "127.0.0.1"),
            Some("127.0.0.0/8".into())
        );
        assert_eq!(no_proxy_match("10.0.0.0/8", "127.0.0.1"), None);
        assert_eq!(
            no_proxy_match("localhost:8080", "localhost"),
            Some("localhost:8080".into())
        );
        assert_eq!(no_proxy_match("::1", "[::1]"), Some("::1".into()));
    }

    #[test]
    fn password_is_hidden() {
        assert_eq!(display_url("http://u:pw@p:8080"), "http://u:***@p:8080");
        assert_eq!(display_url("http://p:8080"), "http://p:8080");
        assert_eq!(display_url("u:pw@p:8080"), "u:***@p:8080");
        assert_eq!(display_url("http://u:pa/ss@p:8080/"), "http://u:***@p:8080");
        assert_eq!(display_url("http://u:a@b/c?d#e@p:1"), "http://u:***@p:1");
        assert_eq!(display_url("http://u@p:1"), "http://u@p:1");
        let p = ProxyUrl::parse("http://u:p%2Fw@h:1");
        assert_eq!(p.password.as_deref(), Some("p%2Fw"));
        assert_eq!(p.for_client(), "http://u:p%2Fw@h:1");
        let p = ProxyUrl::parse("http://us/er:pa/ss:w0rd@127.0.0.1:3128/");
        assert_eq!(
            p.for_client(),
            "http://us%2Fer:pa%2Fss%3Aw0rd@127.0.0.1:3128"
        );
        assert_eq!(ProxyUrl::parse("socks5://h:1").for_client(), "socks5://h:1");
        assert_eq!(crate::encoding::percent_decode("p%2Fw%zz"), "p/w%zz");
    }
}
