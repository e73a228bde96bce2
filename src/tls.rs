//! The roots a TLS connection trusts: the built-in ones (webpki-root-certs), plus those of
//! `--ca-cert`.

use std::path::Path;
use std::sync::Arc;

use ureq::tls::{Certificate, PemItem, RootCerts};

use crate::error::Failure;
use crate::lang::Lang;
use crate::tr;

/// Every certificate in the PEM file at `path` (`--ca-cert`); none is a usage error.
pub fn extra_ca_certs(path: &Path, lang: Lang) -> Result<Vec<Certificate<'static>>, Failure> {
    let shown = crate::redact::sanitize(&path.display().to_string());
    let pem = std::fs::read(path).map_err(|e| {
        let why = crate::error::io_reason(&e);
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

/// The built-in roots plus every certificate in the PEM file at `path`.
pub(crate) fn root_certs_with(path: &Path, lang: Lang) -> Result<RootCerts, Failure> {
    let mut all: Vec<Certificate<'static>> = webpki_root_certs::TLS_SERVER_ROOT_CERTS
        .iter()
        .map(|der| Certificate::from_der(der.as_ref()))
        .collect();
    all.extend(extra_ca_certs(path, lang)?);
    Ok(RootCerts::Specific(Arc::new(all)))
}
