//! Every layout's decoder of what a store holds (another user of the store may have written
//! anything there): no panic, and a token only when it is usable, with an expiry within a day.
#![no_main]

use libfuzzer_sys::fuzz_target;
use wxtoken::lang::Lang;
use wxtoken::token::store::layout::Layout;
use wxtoken::token::store::value::{Raw, decode};
use wxtoken::wechat::response;

const NOW: u64 = 1_800_000_000;

fuzz_target!(|data: &[u8]| {
    if data.len() < 9 {
        return;
    }
    // The key's PTTL, then the value, then (after a 0xff) the expiry key's value.
    let pttl = i64::from_le_bytes(data[..8].try_into().unwrap_or_default()) % 200_000_000;
    let rest = &data[8..];
    let (token_value, expires_at_value) = match rest.iter().position(|&b| b == 0xff) {
        Some(i) => (rest[..i].to_vec(), Some(rest[i + 1..].to_vec())),
        None => (rest.to_vec(), None),
    };
    let raw = Raw {
        token_value: Some(token_value),
        pttl_ms: pttl,
        expires_at_value,
        too_large: None,
    };
    for layout in [
        Layout::Wxtoken,
        Layout::SilenceperGo,
        Layout::Wxjava,
        Layout::Wechatpy,
        Layout::Powerwechat,
    ] {
        for lang in [Lang::En, Lang::Zh] {
            match decode(layout, &raw, NOW, lang) {
                Ok(Some(d)) => {
                    assert!(response::token_problem(&d.access_token).is_none());
                    assert!(d.expires_at.saturating_sub(NOW) <= response::MAX_EXPIRES_IN);
                }
                Ok(None) => {}
                Err(why) => assert!(!why.is_empty()),
            }
        }
    }
});
