//! Transport failures in words a person can act on: timeouts, DNS, refused and reset
//! connections, proxies, TLS, oversized answers. Never the URL (it may hold the secret).

use std::io::ErrorKind;
use std::time::Duration;

use crate::error::Failure;
use crate::lang::Lang;
use crate::net::connection::{ConnSettings, MAX_BODY};
use crate::net::proxy;
use crate::tr;

/// No complete answer within the timeout.
pub(crate) fn timed_out(s: &ConnSettings) -> Failure {
    let lang = s.lang;
    let target = s.api_base.host_port();
    let secs = fmt_secs(s.timeout);
    proxy_hint(
        s,
        Failure::network(tr!(
            lang,
            "no complete answer from {target} within the timeout of {secs}",
            "{target} 在超时 {secs} 内没有给出完整应答"
        ))
        .with_hint(tr!(
            lang,
            "raise --timeout if the network is slow; the server or a proxy in between may be stuck",
            "网络慢时可调大 --timeout；服务器或中间的代理可能卡住了"
        )),
    )
}

/// The proxy answered 407: it wants credentials, or rejected those in its URL. Not retried.
pub(crate) fn proxy_wants_credentials(s: &ConnSettings) -> Failure {
    let lang = s.lang;
    let url = s.proxy.proxy().map(|p| p.url.as_str()).unwrap_or("");
    let shown = proxy::display_url(url);
    let what = tr!(lang, "the proxy {shown}", "代理 {shown}");
    let parsed = proxy::ProxyUrl::parse(url);
    let f = if parsed.user.is_some() || parsed.password.is_some() {
        Failure::network(tr!(
            lang,
            "{what} rejected the credentials given in its URL (HTTP 407)",
            "{what} 拒绝了其 URL 中的用户名和密码（HTTP 407）"
        ))
    } else {
        Failure::network(tr!(
            lang,
            "{what} wants credentials (HTTP 407)",
            "{what} 需要用户名和密码（HTTP 407）"
        ))
    };
    proxy_hint(
        s,
        f.permanent().with_hint(tr!(
            lang,
            "put them in the proxy URL: http://user:password@host:port (percent-encode special characters)",
            "请写在代理 URL 中：http://user:password@host:port（特殊字符需百分号编码）"
        )),
    )
}

/// The hint that names the proxy in use, if any.
fn proxy_hint(s: &ConnSettings, f: Failure) -> Failure {
    let lang = s.lang;
    match s.proxy.proxy() {
        Some(p) => {
            let (shown, source) = (proxy::display_url(&p.url), &p.source);
            f.with_hint(tr!(
                lang,
                "requests go through the proxy {shown} (from {source}); check it, or bypass it with NO_PROXY",
                "请求经由代理 {shown}（来自 {source}）；请检查它，或用 NO_PROXY 绕过"
            ))
        }
        None => f,
    }
}

/// A transport error in words a person can act on. Never includes the URL.
pub(crate) fn transport_failure(s: &ConnSettings, e: ureq::Error) -> Failure {
    let lang = s.lang;
    let target = s.api_base.host_port();
    let via = s.proxy.proxy();
    let proxy_hint = |f: Failure| proxy_hint(s, f);
    let network = Failure::network;
    let response = |message: String| Failure::Response {
        message,
        hints: Vec::new(),
        http_status: None,
    };
    let what = match via {
        Some(p) => {
            let shown = proxy::display_url(&p.url);
            tr!(lang, "the proxy {shown}", "代理 {shown}")
        }
        None => target.clone(),
    };
    let timed_out = || timed_out(s);
    match e {
        ureq::Error::Timeout(_) | ureq::Error::BodyStalled => timed_out(),
        ureq::Error::HostNotFound => {
            let host = via
                .map(|p| proxy::display_url(&p.url))
                .unwrap_or_else(|| s.api_base.host.clone());
            proxy_hint(
                network(tr!(
                    lang,
                    "cannot resolve the host name {host}",
                    "无法解析主机名 {host}"
                ))
                .with_hint(tr!(
                    lang,
                    "check the host name in --api-base (or the proxy) and this machine's DNS",
                    "请检查 --api-base（或代理）中的主机名以及本机 DNS"
                )),
            )
        }
        ureq::Error::ConnectionFailed => proxy_hint(network(tr!(
            lang,
            "cannot connect to {what}",
            "无法连接 {what}"
        ))),
        ureq::Error::ConnectProxyFailed(why) if why.contains("responded 407") => {
            proxy_wants_credentials(s)
        }
        ureq::Error::ConnectProxyFailed(why) => {
            let why = crate::redact::sanitize(&why);
            let f = network(tr!(
                lang,
                "the proxy refused to open a tunnel to {target}: {why}",
                "代理拒绝建立到 {target} 的隧道：{why}"
            ));
            // A refusal (403 and the like) does not change on the next attempt.
            let f = if why.contains("did not respond") {
                f
            } else {
                f.permanent()
            };
            proxy_hint(f)
        }
        ureq::Error::Io(io) if io.get_ref().is_some_and(|e| e.is::<rustls::Error>()) => {
            let permanent = io
                .get_ref()
                .and_then(|e| e.downcast_ref::<rustls::Error>())
                .is_some_and(is_certificate_error);
            tls_failure(&target, &io.to_string(), permanent, lang)
        }
        ureq::Error::Io(io) => match io.kind() {
            ErrorKind::TimedOut | ErrorKind::WouldBlock => timed_out(),
            kind => proxy_hint(network(match kind {
                ErrorKind::ConnectionRefused => {
                    tr!(lang, "connection refused by {what}", "{what} 拒绝连接")
                }
                ErrorKind::ConnectionReset
                | ErrorKind::ConnectionAborted
                | ErrorKind::BrokenPipe => {
                    tr!(
                        lang,
                        "the connection to {what} was reset",
                        "与 {what} 的连接被重置"
                    )
                }
                ErrorKind::UnexpectedEof => tr!(
                    lang,
                    "the connection to {what} closed before the answer was complete",
                    "与 {what} 的连接在应答完整之前就关闭了"
                ),
                _ => tr!(
                    lang,
                    "network error talking to {what}: {io}",
                    "与 {what} 通信时出现网络错误：{io}"
                ),
            })),
        },
        ureq::Error::Tls(why) => tls_failure(&target, why, false, lang),
        ureq::Error::Rustls(err) => {
            tls_failure(&target, &err.to_string(), is_certificate_error(&err), lang)
        }
        ureq::Error::Pem(_) => Failure::usage(tr!(
            lang,
            "the --ca-cert file is not valid PEM",
            "--ca-cert 文件不是有效的 PEM"
        )),
        ureq::Error::BodyExceedsLimit(limit) => too_large(0, limit, lang),
        ureq::Error::Decompress(_, err) => response(tr!(
            lang,
            "the gzip body from {target} could not be decompressed: {err}",
            "无法解压来自 {target} 的 gzip 内容：{err}"
        )),
        ureq::Error::LargeResponseHeader(_, _) => response(tr!(
            lang,
            "the response headers from {target} are too large",
            "来自 {target} 的响应头过大"
        )),
        ureq::Error::Protocol(err) => response(tr!(
            lang,
            "{target} did not answer in valid HTTP: {err}",
            "{target} 的应答不是有效的 HTTP：{err}"
        )),
        ureq::Error::InvalidProxyUrl => Failure::usage(tr!(
            lang,
            "the proxy URL is not usable",
            "代理 URL 无法使用"
        )),
        ureq::Error::BadUri(_) => Failure::usage(tr!(
            lang,
            "--api-base does not make a valid URL",
            "--api-base 无法构成有效的 URL"
        )),
        other => Failure::Internal {
            message: tr!(
                lang,
                "unexpected HTTP client error: {other}",
                "意外的 HTTP 客户端错误：{other}"
            ),
        },
    }
}

/// A certificate the roots do not vouch for: another attempt gets the same certificate.
fn is_certificate_error(e: &rustls::Error) -> bool {
    matches!(
        e,
        rustls::Error::InvalidCertificate(_) | rustls::Error::NoCertificatesPresented
    )
}

/// TLS failed: most often an intercepting proxy or a gateway with its own authority.
pub fn tls_failure(target: &str, why: &str, permanent: bool, lang: Lang) -> Failure {
    let why = crate::redact::sanitize(why);
    let f = Failure::network(tr!(
        lang,
        "TLS handshake with {target} failed: {why}",
        "与 {target} 的 TLS 握手失败：{why}"
    ))
    .with_hint(tr!(
        lang,
        "if a corporate proxy or a private gateway uses its own certificate authority, pass its PEM file with --ca-cert, or --ca-cert system if it is installed on this machine (update-ca-certificates)",
        "如果公司代理或私有网关使用自己的证书颁发机构，请用 --ca-cert 传入其 PEM 文件；若已安装到本机（update-ca-certificates），用 --ca-cert system"
    ));
    if permanent { f.permanent() } else { f }
}

/// An answer over `limit` bytes: not WeChat's when the limit is a token's; too large for
/// `wxtoken api` otherwise.
pub(crate) fn too_large(status: u16, limit: u64, lang: Lang) -> Failure {
    let (message, hint) = if limit <= MAX_BODY {
        let kib = limit / 1024;
        (
            tr!(
                lang,
                "the response is larger than {kib} KiB; a token response is under 1 KiB, so this is not WeChat",
                "响应超过 {kib} KiB；token 响应不到 1 KiB，所以这不是微信的应答"
            ),
            tr!(
                lang,
                "check --api-base and any proxy in between",
                "请检查 --api-base 以及中间的代理"
            ),
        )
    } else {
        let mib = limit / (1024 * 1024);
        (
            tr!(
                lang,
                "the response is larger than {mib} MiB, the most wxtoken reads of an answer; nothing was written",
                "响应超过 {mib} MiB，即 wxtoken 读取应答的上限；没有写出任何内容"
            ),
            tr!(
                lang,
                "check the path, --api-base and any proxy in between; WeChat's largest answers (media files) are smaller",
                "请检查路径、--api-base 以及中间的代理；微信最大的应答（媒体文件）也比这小"
            ),
        )
    };
    Failure::Response {
        message,
        hints: vec![hint],
        http_status: (status != 0).then_some(status),
    }
}

pub fn fmt_secs(d: Duration) -> String {
    let s = d.as_secs_f64();
    if s.fract() == 0.0 {
        format!("{s:.0} s")
    } else {
        format!("{s} s")
    }
}
