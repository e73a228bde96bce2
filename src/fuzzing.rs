//! Entry points for the fuzz targets (fuzz/): the readers of what a user or a file gives, which
//! are not public otherwise. Not an API.

use crate::lang::Lang;

/// A config file's text: parsed, then every profile checked as `wxtoken profiles` checks it.
/// Returns each profile's outcome (`Ok` with its settings, or the message).
pub fn config(text: &str, lang: Lang) -> Vec<Result<usize, String>> {
    use crate::settings::profile::Config;
    let path = std::path::Path::new("/nonexistent/wxtoken-fuzz/config.toml");
    let Ok(config) = Config::parse(path, text.to_string(), true) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for name in config.names() {
        let Some(table) = config.table(name) else {
            continue;
        };
        let checked = config.check(name, table, crate::settings::profile::apply::validate, lang);
        out.push(
            checked
                .map(|p| p.defaults.len())
                .map_err(|f| f.message().to_string()),
        );
    }
    out
}

/// A proxy URL as every reader of one reads it: shown, its password, the client's proxy.
pub fn proxy_url(url: &str, lang: Lang) -> (String, Option<String>, bool) {
    let shown = crate::net::proxy::display_url(url);
    let password = crate::net::proxy::url_password(url);
    let usable = crate::net::proxy::for_client(url, lang).is_ok();
    (shown, password, usable)
}

/// A `--store` URL: `Ok` with the URL as shown.
pub fn store_url(url: &str, lang: Lang) -> Result<String, String> {
    crate::token::store::url::StoreUrl::parse(url, lang)
        .map(|u| u.shown)
        .map_err(|f| f.message().to_string())
}

/// An `--api-base`: `Ok` with the base as used.
pub fn api_base(raw: &str, lang: Lang) -> Result<String, String> {
    crate::net::api_base::ApiBase::parse(raw, lang)
        .map(|b| b.as_str().to_string())
        .map_err(|f| f.message().to_string())
}

/// `wxtoken api`'s PATH against the API base `base`: `Some(Ok(url))`, `Some(Err(message))`, or
/// `None` for a base that is not one.
pub fn api_target(path: &str, base: &str, lang: Lang) -> Option<Result<String, String>> {
    let base = crate::net::api_base::ApiBase::parse(base, lang).ok()?;
    Some(crate::wechat::call::target(path, &base, lang).map_err(|f| f.message().to_string()))
}

/// `-f`/`-F` fields (a `@` value reads as its name), as the JSON body they make.
pub fn api_body(fields: &[&str], lang: Lang) -> Result<String, String> {
    let mut read = |s: &str| Ok(s.to_string());
    let parsed = fields
        .iter()
        .enumerate()
        .map(|(i, raw)| crate::wechat::call::field(raw, i % 2 == 1, &mut read, lang))
        .collect::<Result<Vec<_>, _>>()
        .map_err(|f| f.message().to_string())?;
    crate::wechat::call::body_object(&parsed, lang)
        .map(|v| v.to_string())
        .map_err(|f| f.message().to_string())
}

/// What an answer's body is taken for: `json`, `broken` or `binary`.
pub fn answer_kind(body: &[u8]) -> &'static str {
    match crate::wechat::call::kind(body) {
        crate::wechat::call::Kind::Json(_) => "json",
        crate::wechat::call::Kind::Broken(_) => "broken",
        crate::wechat::call::Kind::Binary => "binary",
    }
}

/// `sign --check` on arbitrary inputs: whether the signature of these inputs is found right.
pub fn signature_check(given: &str, ticket: &str, nonce: &str, timestamp: &str, url: &str) -> bool {
    use crate::wechat::jssdk::{Finding, Inputs, check, signature, signed_url};
    let inputs = Inputs {
        ticket: ticket.into(),
        nonce: nonce.into(),
        timestamp: timestamp.into(),
        url: url.into(),
    };
    let right = signature(&Inputs {
        url: signed_url(url).to_string(),
        ..inputs.clone()
    });
    // The right signature is always found right; anything else is never called right unless
    // it is that signature.
    let found = check(given, &inputs, None) == Finding::Matches;
    assert!(check(&right, &inputs, None) == Finding::Matches);
    assert!(!found || given.trim() == right);
    found
}
