//! The errmsg parsers (request id, caller IP) and the terminal sanitizer, on any text.
#![no_main]

use std::net::IpAddr;

use libfuzzer_sys::fuzz_target;
use wxtoken::errmsg;
use wxtoken::redact::sanitize;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    if let Some(rid) = errmsg::request_id(&text) {
        assert!(!rid.is_empty());
        assert!(rid.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'), "{rid:?}");
        assert!(text.contains(&rid));
    }
    if let Some(ip) = errmsg::caller_ip(&text) {
        let parsed: IpAddr = ip.parse().expect("a valid IP");
        assert!(!parsed.is_unspecified());
        if let IpAddr::V6(v6) = parsed {
            assert!(v6.to_ipv4_mapped().is_none(), "mapped IPv4 is shown in plain form: {ip}");
        }
    }
    let clean = sanitize(&text);
    assert!(!clean.chars().any(char::is_control), "{clean:?}");
    assert!(!clean.contains('\u{202e}'));
});
