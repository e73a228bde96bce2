//! `--api-base`: the checked base URL of the API, and the percent-encoding of query values.

use ureq::http::Uri;

use crate::error::Failure;
use crate::lang::Lang;
use crate::tr;

pub const DEFAULT_API_BASE: &str = "https://api.weixin.qq.com";
/// WeChat Work's API (`--platform wecom`).
pub const WECOM_API_BASE: &str = "https://qyapi.weixin.qq.com";

/// A checked `--api-base`: an http(s) URL, kept without its trailing slash.
#[derive(Debug, Clone)]
pub struct ApiBase {
    base: String,
    pub scheme: String,
    pub host: String,
    pub port: u16,
}

/// Longer than any gateway's URL: a mistake (a pasted blob). It is stored in cache entries,
/// which are read back with a 16 KiB cap, so it must stay far below that.
pub const MAX_API_BASE_LEN: usize = 1024;

impl ApiBase {
    pub fn parse(raw: &str, lang: Lang) -> Result<ApiBase, Failure> {
        if raw.len() > MAX_API_BASE_LEN {
            // Not echoed: a value this long is a pasted blob, maybe holding a secret.
            let len = raw.len();
            return Err(Failure::usage(tr!(
                lang,
                "--api-base is {len} bytes long, more than {MAX_API_BASE_LEN}: it is not a URL",
                "--api-base 长度为 {len} 字节，超过 {MAX_API_BASE_LEN}：这不是 URL"
            )));
        }
        // A password in it is never shown (the API base must not carry one, but may).
        let shown = crate::redact::sanitize(&crate::net::proxy::display_url(raw));
        let bad = |why: String| {
            Failure::usage(tr!(
                lang,
                "--api-base is not an http(s) URL ({why}): {shown}",
                "--api-base 不是 http(s) URL（{why}）：{shown}"
            ))
            .with_hint(tr!(
                lang,
                "for example --api-base {DEFAULT_API_BASE} or https://gateway.example.com/wx/",
                "例如 --api-base {DEFAULT_API_BASE} 或 https://gateway.example.com/wx/"
            ))
        };
        if raw.chars().any(|c| c.is_whitespace() || c.is_control()) {
            return Err(bad(tr!(lang, "it contains whitespace", "含有空白字符")));
        }
        let uri: Uri = raw
            .parse()
            .map_err(|_| bad(tr!(lang, "it does not parse", "无法解析")))?;
        let scheme = match uri.scheme_str() {
            Some(s @ ("http" | "https")) => s.to_string(),
            Some(_) => {
                return Err(bad(tr!(
                    lang,
                    "the scheme must be http or https",
                    "协议必须是 http 或 https"
                )));
            }
            None => {
                return Err(bad(tr!(
                    lang,
                    "it has no http:// or https://",
                    "缺少 http:// 或 https://"
                )));
            }
        };
        let host = match uri.host() {
            Some(h) if !h.is_empty() => h.to_string(),
            _ => return Err(bad(tr!(lang, "it has no host", "缺少主机名"))),
        };
        if uri.query().is_some() || raw.contains('#') {
            return Err(bad(tr!(
                lang,
                "it must not carry a query or a fragment",
                "不能带查询参数或片段"
            )));
        }
        // An `@` in the path is fine (gateways use it); in the authority it is a user name.
        if uri.authority().is_some_and(|a| a.as_str().contains('@')) {
            return Err(bad(tr!(
                lang,
                "it must not carry a user name or password",
                "不能带用户名或密码"
            )));
        }
        // Read the port from the authority as written: the URI parser drops one it cannot
        // parse (`:99999`), which would then silently become 80 or 443.
        let authority = uri.authority().map(|a| a.as_str()).unwrap_or("");
        let port_text = match authority.rsplit_once(':') {
            Some((host, port)) if !host.is_empty() && !port.contains(']') => Some(port),
            _ => None,
        };
        let port = match port_text {
            None | Some("") => {
                if scheme == "https" {
                    443
                } else {
                    80
                }
            }
            Some(p) => match p.parse::<u16>() {
                Ok(n) if n > 0 && p.bytes().all(|b| b.is_ascii_digit()) => n,
                _ => {
                    let p = crate::redact::sanitize(p);
                    return Err(bad(tr!(
                        lang,
                        "the port {p} is not a number from 1 to 65535",
                        "端口 {p} 不是 1 到 65535 之间的数字"
                    )));
                }
            },
        };
        // The scheme as the request is made (`HTTPS://` is https://): one spelling in the cache
        // key, in messages and in the JSON output.
        let rest = &raw[raw.find("://").map_or(0, |at| at + 3)..];
        Ok(ApiBase {
            base: format!("{scheme}://{}", rest.trim_end_matches('/')),
            scheme,
            host,
            port,
        })
    }

    /// The URL of `path` (which starts with `/cgi-bin/`) under this base.
    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    /// The base URL as used (no trailing slash).
    pub fn as_str(&self) -> &str {
        &self.base
    }

    pub fn host_port(&self) -> String {
        format!("{}:{}", self.host, self.port)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn api_base() {
        let b = ApiBase::parse("https://gw.example.com/wx/", Lang::En).unwrap();
        assert_eq!(
            b.url("/cgi-bin/token"),
            "https://gw.example.com/wx/cgi-bin/token"
        );
        assert_eq!(b.port, 443);
        let b = ApiBase::parse("http://127.0.0.1:8080", Lang::En).unwrap();
        assert_eq!(
            b.url("/cgi-bin/token"),
            "http://127.0.0.1:8080/cgi-bin/token"
        );
        assert_eq!(b.host_port(), "127.0.0.1:8080");
        assert_eq!(ApiBase::parse("http://[::1]", Lang::En).unwrap().port, 80);
        // One spelling of the scheme, whatever was typed (found by the urls fuzz target).
        let b = ApiBase::parse("HTTPS://gw.example.com/Wx/", Lang::En).unwrap();
        assert_eq!(b.as_str(), "https://gw.example.com/Wx");
        assert_eq!(
            ApiBase::parse("http://[::1]:81/x", Lang::En).unwrap().port,
            81
        );
        assert_eq!(
            ApiBase::parse("https://h/gw/@wx", Lang::En).unwrap().port,
            443
        );
        for bad in [
            "",
            "ftp://x",
            "api.weixin.qq.com",
            "http://",
            "https://x/?a=b",
            "https://u:p@x",
            "http://a b",
            "http://127.0.0.1:99999",
            "https://127.0.0.1:70000/wx",
            "http://127.0.0.1:0",
            "http://127.0.0.1:+80",
            "http://127.0.0.1:abc",
        ] {
            assert_eq!(
                ApiBase::parse(bad, Lang::Zh).unwrap_err().exit_code(),
                2,
                "{bad}"
            );
        }
    }
}
