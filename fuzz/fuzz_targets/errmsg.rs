//! The errmsg parsers (request id, caller IP, the ::ffff: form) and the terminal sanitizer, on
//! any text.
#![no_main]

use std::net::IpAddr;

use libfuzzer_sys::fuzz_target;
use wxtoken::wechat::errmsg;
use wxtoken::redact::sanitize;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    if let Some(rid) = errmsg::request_id(&text) {
        // An id as pasted: id characters (a mask's `*` and `…` among them), at least one letter
        // or digit, never the word "redacted", and always a piece of the text.
        assert!(
            rid.chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.' | '*' | '…')),
            "{rid:?}"
        );
        assert!(rid.chars().any(|c| c.is_ascii_alphanumeric()), "{rid:?}");
        assert!(!rid.eq_ignore_ascii_case("redacted"));
        assert!(text.contains(&rid));
    }
    if let Some(ip) = errmsg::caller_ip(&text) {
        let parsed: IpAddr = ip.parse().expect("a valid IP");
        assert!(!parsed.is_unspecified());
        if let IpAddr::V6(v6) = parsed {
            assert!(
                v6.to_ipv4_mapped().is_none(),
                "mapped IPv4 is shown in plain form: {ip}"
            );
        }
    }
    if errmsg::has_ipv4_mapped_form(&text) {
        assert!(text.to_ascii_lowercase().contains("::ffff:"));
    }
    let clean = sanitize(&text);
    assert!(!clean.chars().any(char::is_control), "{clean:?}");
    assert!(!clean.contains('\u{202e}'));
});
