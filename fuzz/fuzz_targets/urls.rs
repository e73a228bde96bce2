//! The URL readers (a proxy, a `--store`, an `--api-base`): no panic, a password never shown,
//! an API base always http(s).
#![no_main]

use libfuzzer_sys::fuzz_target;
use wxtoken::lang::Lang;

/// The password of `scheme://user:password@host…`, read by hand.
fn password(url: &str) -> Option<&str> {
    let rest = &url[url.find("://")? + 3..];
    let userinfo = &rest[..rest.rfind('@')?];
    let (_, password) = userinfo.split_once(':')?;
    (!password.is_empty()).then_some(password)
}

fuzz_target!(|data: &[u8]| {
    let Ok(url) = std::str::from_utf8(data) else {
        return;
    };
    let lang = Lang::En;
    let (shown, _, _) = wxtoken::fuzzing::proxy_url(url, lang);
    // Where the password was (after the scheme), the shown URL never has it.
    let hidden = |shown: &str| match (password(url), shown.find("://")) {
        // (A password of asterisks is what the mask looks like.)
        (Some(p), Some(at)) if p.chars().any(|c| c != '*') => {
            !shown[at + 3..].contains(&format!(":{p}@"))
        }
        _ => true,
    };
    assert!(hidden(&shown), "{shown}");
    match wxtoken::fuzzing::store_url(url, lang) {
        Ok(shown) => assert!(hidden(&shown), "{shown}"),
        Err(message) => assert!(hidden(&message), "{message}"),
    }
    if let Ok(base) = wxtoken::fuzzing::api_base(url, lang) {
        assert!(base.starts_with("http://") || base.starts_with("https://"), "{base}");
    }
});
