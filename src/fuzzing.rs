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
