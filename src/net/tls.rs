//! TLS: the roots a connection trusts (the built-in ones, plus those of `--ca-cert`), and the
//! connector that gives ureq wxtoken's TLS set-up.

use std::io::{Read, Write};
use std::path::Path;
use std::sync::Arc;

use rustls::pki_types::{CertificateDer, ServerName};
use rustls::{ClientConfig, ClientConnection, RootCertStore, StreamOwned};
use ureq::tls::{Certificate, PemItem};
use ureq::unversioned::transport::{
    Buffers, ConnectionDetails, Connector, Either, LazyBuffers, NextTimeout, Transport,
    TransportAdapter,
};

use crate::error::Failure;
use crate::lang::Lang;
use crate::tr;

/// Every certificate in the PEM file at `path` (`--ca-cert`); none is a usage error.
pub fn extra_ca_certs(path: &Path, lang: Lang) -> Result<Vec<Certificate<'static>>, Failure> {
    let shown = crate::redact::sanitize(&path.display().to_string());
    // A pipe is fine (--ca-cert <(...)); more than any bundle of roots holds is not.
    const MAX_PEM: u64 = 4 * 1024 * 1024;
    let read = crate::safe_fs::open_input(path).and_then(|f| {
        let mut buf = Vec::new();
        std::io::Read::read_to_end(&mut std::io::Read::take(f, MAX_PEM + 1), &mut buf)?;
        if buf.len() as u64 > MAX_PEM {
            return Err(std::io::Error::other(crate::tr!(
                lang,
                "it is larger than 4 MiB, more than any bundle of root certificates",
                "它超过 4 MiB，比任何根证书集合都大"
            )));
        }
        Ok(buf)
    });
    let pem = read.map_err(|e| {
        let why = crate::error::io_reason(&e, lang);
        Failure::usage(tr!(
            lang,
            "cannot read --ca-cert {shown}: {why}",
            "无法读取 --ca-cert {shown}：{why}"
        ))
    })?;
    let mut extra = Vec::new();
    for item in ureq::tls::parse_pem(&pem) {
        match item {
            Ok(PemItem::Certificate(c)) => extra.push(c),
            Ok(_) => {}
            Err(_) => {
                return Err(Failure::usage(tr!(
                    lang,
                    "--ca-cert {shown} is not a valid PEM file",
                    "--ca-cert {shown} 不是有效的 PEM 文件"
                )));
            }
        }
    }
    if extra.is_empty() {
        return Err(Failure::usage(tr!(
            lang,
            "--ca-cert {shown} holds no PEM certificate",
            "--ca-cert {shown} 中没有 PEM 证书"
        )));
    }
    Ok(extra)
}

/// `--ca-cert system`: add the operating system's roots.
pub(crate) const SYSTEM: &str = "system";

/// The trust anchors: the built-in ones (webpki-roots, already parsed at build time), plus each
/// certificate of `--ca-cert`, parsed here (one that does not parse is a usage error).
fn root_store(ca_cert: Option<&Path>, lang: Lang) -> Result<RootCertStore, Failure> {
    let mut roots = RootCertStore {
        roots: webpki_roots::TLS_SERVER_ROOTS.to_vec(),
    };
    if ca_cert.is_some_and(|p| p == Path::new(SYSTEM)) {
        let found = rustls_native_certs::load_native_certs();
        let (added, _) = roots.add_parsable_certificates(found.certs);
        if added == 0 {
            return Err(Failure::usage(lang.pick(
                "--ca-cert system: no root certificate of the operating system could be read (is the ca-certificates package installed? SSL_CERT_FILE and SSL_CERT_DIR are read too)",
                "--ca-cert system：读不到操作系统的根证书（是否安装了 ca-certificates 软件包？也会读取 SSL_CERT_FILE 和 SSL_CERT_DIR）",
            )));
        }
    } else if let Some(path) = ca_cert {
        let shown = crate::redact::sanitize(&path.display().to_string());
        for cert in extra_ca_certs(path, lang)? {
            roots
                .add(CertificateDer::from(cert.der().to_vec()))
                .map_err(|e| {
                    Failure::usage(tr!(
                        lang,
                        "--ca-cert {shown} holds a certificate that cannot be a root: {e}",
                        "--ca-cert {shown} 中有无法作为根证书的证书：{e}"
                    ))
                })?;
        }
    }
    Ok(roots)
}

/// The roots of a `rediss://` store, as PEM for the redis crate: `None` keeps the built-in
/// ones; `--ca-cert FILE` is the CA of the Redis server (it replaces the built-in roots: Redis
/// servers' certificates come from private CAs); `--ca-cert system` the operating system's.
pub fn ca_pem_for_store(ca_cert: Option<&Path>, lang: Lang) -> Result<Option<Vec<u8>>, Failure> {
    use base64::Engine;
    let ders: Vec<Vec<u8>> = match ca_cert {
        None => return Ok(None),
        Some(p) if p == Path::new(SYSTEM) => rustls_native_certs::load_native_certs()
            .certs
            .into_iter()
            .map(|c| c.to_vec())
            .collect(),
        Some(path) => extra_ca_certs(path, lang)?
            .iter()
            .map(|c| c.der().to_vec())
            .collect(),
    };
    if ders.is_empty() {
        // The same refusal as for the API.
        root_store(ca_cert, lang)?;
    }
    let mut pem = String::new();
    for der in ders {
        let b64 = base64::engine::general_purpose::STANDARD.encode(der);
        pem.push_str("-----BEGIN CERTIFICATE-----\n");
        for line in b64.as_bytes().chunks(64) {
            pem.push_str(std::str::from_utf8(line).unwrap_or_default());
            pem.push('\n');
        }
        pem.push_str("-----END CERTIFICATE-----\n");
    }
    Ok(Some(pem.into_bytes()))
}

/// The client's TLS set-up, built once per run: TLS 1.2 and 1.3 with ring, the roots above, SNI.
pub(crate) fn client_config(
    ca_cert: Option<&Path>,
    lang: Lang,
) -> Result<Arc<ClientConfig>, Failure> {
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let config = ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .map_err(|e| Failure::internal(format!("TLS set-up: {e}")))?
        .with_root_certificates(root_store(ca_cert, lang)?)
        .with_no_client_auth();
    Ok(Arc::new(config))
}

/// ureq's TLS step with wxtoken's own `ClientConfig`. ureq's own connector takes roots only as
/// DER certificates, which it parses and hashes on every run: with `--ca-cert` that was a sixth
/// of an HTTPS fetch. This one is handed the anchors already parsed.
#[derive(Debug)]
pub(crate) struct TlsConnector {
    pub(crate) config: Arc<ClientConfig>,
}

impl<In: Transport> Connector<In> for TlsConnector {
    type Out = Either<In, TlsTransport>;

    fn connect(
        &self,
        details: &ConnectionDetails,
        chained: Option<In>,
    ) -> Result<Option<Self::Out>, ureq::Error> {
        let Some(transport) = chained else {
            return Ok(None);
        };
        if !details.needs_tls() || transport.is_tls() {
            return Ok(Some(Either::A(transport)));
        }
        let host = details
            .uri
            .host()
            .unwrap_or_default()
            .trim_start_matches('[')
            .trim_end_matches(']')
            .to_string();
        let name =
            ServerName::try_from(host).map_err(|_| ureq::Error::Tls("invalid server name"))?;
        let mut conn = ClientConnection::new(self.config.clone(), name)?;
        let mut sock = TransportAdapter::new(transport.boxed(), details.current_time.clone());
        sock.set_timeout(details.timeout);
        conn.complete_io(&mut sock)?;
        let buffers = LazyBuffers::new(
            details.config.input_buffer_size(),
            details.config.output_buffer_size(),
        );
        Ok(Some(Either::B(TlsTransport {
            buffers,
            stream: StreamOwned { conn, sock },
        })))
    }
}

/// A TLS connection as ureq's transport.
pub(crate) struct TlsTransport {
    buffers: LazyBuffers,
    stream: StreamOwned<ClientConnection, TransportAdapter>,
}

impl std::fmt::Debug for TlsTransport {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("TlsTransport")
    }
}

impl Transport for TlsTransport {
    fn buffers(&mut self) -> &mut dyn Buffers {
        &mut self.buffers
    }

    fn transmit_output(&mut self, amount: usize, timeout: NextTimeout) -> Result<(), ureq::Error> {
        self.stream.get_mut().set_timeout(timeout);
        let output = &self.buffers.output()[..amount];
        self.stream.write_all(output)?;
        Ok(())
    }

    fn await_input(&mut self, timeout: NextTimeout) -> Result<bool, ureq::Error> {
        self.stream.get_mut().set_timeout(timeout);
        let input = self.buffers.input_append_buf();
        let amount = self.stream.read(input)?;
        self.buffers.input_appended(amount);
        Ok(amount > 0)
    }

    fn is_open(&mut self) -> bool {
        self.stream.get_mut().get_mut().is_open()
    }

    fn is_tls(&self) -> bool {
        true
    }
}
