//! `wxtoken api`'s readers and `sign --check`: no panic; a PATH that is accepted never leaves
//! the API base's scheme, host and port, and never carries an access_token of its own; the
//! right signature is always found right.
#![no_main]

use libfuzzer_sys::fuzz_target;
use wxtoken::lang::Lang;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        wxtoken::fuzzing::answer_kind(data);
        return;
    };
    wxtoken::fuzzing::answer_kind(data);
    let lang = Lang::En;
    for base in ["https://api.weixin.qq.com", "http://127.0.0.1:8080/gw"] {
        if let Some(Ok(url)) = wxtoken::fuzzing::api_target(text, base, lang) {
            let origin = base.split('/').take(3).collect::<Vec<_>>().join("/");
            assert!(url.starts_with(&format!("{origin}/")), "{text:?} -> {url}");
            let query = url.split_once('?').map(|(_, q)| q).unwrap_or("");
            assert!(
                !query
                    .split('&')
                    .any(|p| p.split('=').next().unwrap_or("").eq_ignore_ascii_case("access_token")),
                "{url}"
            );
        }
    }
    let fields: Vec<&str> = text.split('\n').collect();
    let _ = wxtoken::fuzzing::api_body(&fields, lang);
    let parts: Vec<&str> = text.splitn(5, '\u{1}').collect();
    if let [given, ticket, nonce, ts, url] = parts.as_slice() {
        wxtoken::fuzzing::signature_check(given, ticket, nonce, ts, url);
    }
});
