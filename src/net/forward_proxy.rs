//! An `http://` API base behind an `http://` proxy: a forward request (`GET http://host/path` to
//! the proxy), as curl sends it. ureq only tunnels (CONNECT), which proxies such as squid refuse
//! for plain http by default. Here ureq connects to the proxy (the resolver answers with the
//! proxy's address) and the request line is rewritten to the absolute form on its way out, with
//! the proxy's credentials; nothing else of the exchange changes.

use base64::Engine;
use ureq::config::Config;
use ureq::http::Uri;
use ureq::unversioned::resolver::{DefaultResolver, ResolvedSocketAddrs, Resolver};
use ureq::unversioned::transport::{Buffers, ConnectionDetails, Connector, NextTimeout, Transport};

use crate::net::proxy::ProxyUrl;

/// Where forward requests go, and what they carry.
#[derive(Debug, Clone)]
pub(crate) struct Forward {
    /// `http://host:port` of the proxy.
    proxy: Uri,
    /// `Proxy-Authorization` value, if the proxy URL has credentials.
    authorization: Option<String>,
}

impl Forward {
    /// A forward set-up for `proxy_url` when it is a plain `http://` proxy; `None` otherwise
    /// (https:// and SOCKS proxies stay with ureq).
    pub(crate) fn for_proxy(proxy_url: &str) -> Option<Forward> {
        let parsed = ProxyUrl::parse(proxy_url);
        if !parsed.scheme.eq_ignore_ascii_case("http://") {
            return None;
        }
        let host_port = if parsed.host_port.contains(':') && !parsed.host_port.ends_with(']') {
            parsed.host_port.clone()
        } else {
            format!("{}:80", parsed.host_port)
        };
        let proxy: Uri = format!("http://{host_port}").parse().ok()?;
        let authorization = parsed.user.as_ref().map(|user| {
            let decode = crate::encoding::percent_decode;
            let pass = parsed.password.as_deref().map(decode).unwrap_or_default();
            let pair = format!("{}:{pass}", decode(user));
            format!(
                "Basic {}",
                base64::engine::general_purpose::STANDARD.encode(pair)
            )
        });
        if let Some(value) = &authorization {
            // The header, and its credentials alone (a proxy may echo either).
            crate::redact::register_secret(value);
            crate::redact::register_secret(value.trim_start_matches("Basic "));
        }
        Some(Forward {
            proxy,
            authorization,
        })
    }
}

/// Resolves the proxy's name instead of the target's (which only the proxy may know).
#[derive(Debug, Default)]
pub(crate) struct ProxyResolver {
    pub(crate) forward: Option<Forward>,
    inner: DefaultResolver,
}

impl ProxyResolver {
    pub(crate) fn new(forward: Option<Forward>) -> ProxyResolver {
        ProxyResolver {
            forward,
            inner: DefaultResolver::default(),
        }
    }
}

impl Resolver for ProxyResolver {
    fn resolve(
        &self,
        uri: &Uri,
        config: &Config,
        timeout: NextTimeout,
    ) -> Result<ResolvedSocketAddrs, ureq::Error> {
        match &self.forward {
            Some(f) if uri.scheme_str() == Some("http") => {
                self.inner.resolve(&f.proxy, config, timeout)
            }
            _ => self.inner.resolve(uri, config, timeout),
        }
    }
}

/// Wraps the TCP connection to the proxy so that the request line goes out in absolute form.
#[derive(Debug)]
pub(crate) struct ForwardConnector {
    pub(crate) forward: Option<Forward>,
}

impl<In: Transport> Connector<In> for ForwardConnector {
    type Out = ureq::unversioned::transport::Either<In, ForwardTransport>;

    fn connect(
        &self,
        details: &ConnectionDetails,
        chained: Option<In>,
    ) -> Result<Option<Self::Out>, ureq::Error> {
        use ureq::unversioned::transport::Either;
        let Some(transport) = chained else {
            return Ok(None);
        };
        match &self.forward {
            Some(f) if !details.needs_tls() => {
                let authority = details
                    .uri
                    .authority()
                    .map(|a| a.as_str().to_string())
                    .unwrap_or_default();
                Ok(Some(Either::B(ForwardTransport {
                    inner: transport.boxed(),
                    origin: format!("http://{authority}"),
                    authorization: f.authorization.clone(),
                    rewritten: false,
                })))
            }
            _ => Ok(Some(Either::A(transport))),
        }
    }
}

/// The connection to the proxy; the first request line is rewritten to the absolute form.
pub(crate) struct ForwardTransport {
    inner: Box<dyn Transport>,
    origin: String,
    authorization: Option<String>,
    rewritten: bool,
}

impl std::fmt::Debug for ForwardTransport {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("ForwardTransport")
    }
}

/// `GET /path HTTP/1.1\r\n...` as `GET http://host/path HTTP/1.1\r\n[Proxy-Authorization]...`.
fn absolute_form(head: &[u8], origin: &str, authorization: Option<&str>) -> Option<Vec<u8>> {
    let end = head.windows(2).position(|w| w == b"\r\n")?;
    let line = std::str::from_utf8(&head[..end]).ok()?;
    let mut parts = line.splitn(3, ' ');
    let (method, target, version) = (parts.next()?, parts.next()?, parts.next()?);
    if !target.starts_with('/') {
        return None;
    }
    let mut out = format!("{method} {origin}{target} {version}\r\n").into_bytes();
    if let Some(value) = authorization {
        out.extend_from_slice(format!("Proxy-Authorization: {value}\r\n").as_bytes());
    }
    out.extend_from_slice(&head[end + 2..]);
    Some(out)
}

impl Transport for ForwardTransport {
    fn buffers(&mut self) -> &mut dyn Buffers {
        self.inner.buffers()
    }

    fn transmit_output(&mut self, amount: usize, timeout: NextTimeout) -> Result<(), ureq::Error> {
        if self.rewritten {
            return self.inner.transmit_output(amount, timeout);
        }
        self.rewritten = true;
        let output = self.inner.buffers().output();
        let rewritten = absolute_form(
            &output[..amount],
            &self.origin,
            self.authorization.as_deref(),
        )
        .ok_or_else(|| {
            ureq::Error::Io(std::io::Error::other(
                "cannot rewrite the request for a forward proxy",
            ))
        })?;
        if rewritten.len() > output.len() {
            return Err(ureq::Error::LargeResponseHeader(
                rewritten.len(),
                output.len(),
            ));
        }
        output[..rewritten.len()].copy_from_slice(&rewritten);
        self.inner.transmit_output(rewritten.len(), timeout)
    }

    fn await_input(&mut self, timeout: NextTimeout) -> Result<bool, ureq::Error> {
        self.inner.await_input(timeout)
    }

    fn is_open(&mut self) -> bool {
        self.inner.is_open()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_request_line_becomes_absolute_and_carries_the_credentials() {
        let head = b"GET /cgi-bin/token?a=1 HTTP/1.1\r\nhost: api.example\r\n\r\n";
        let out = absolute_form(head, "http://api.example:80", Some("Basic eDp5")).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "GET http://api.example:80/cgi-bin/token?a=1 HTTP/1.1\r\nProxy-Authorization: Basic eDp5\r\nhost: api.example\r\n\r\n"
        );
        assert!(absolute_form(b"garbage", "http://x", None).is_none());
    }

    #[test]
    fn only_plain_http_proxies_forward() {
        assert!(Forward::for_proxy("http://127.0.0.1:3128").is_some());
        assert!(Forward::for_proxy("https://p:443").is_none());
        assert!(Forward::for_proxy("socks5h://p:1080").is_none());
        let f = Forward::for_proxy("http://u:p%2Fw@p").unwrap();
        assert_eq!(f.proxy.to_string(), "http://p:80/");
        assert_eq!(f.authorization.as_deref(), Some("Basic dTpwL3c="));
    }
}
