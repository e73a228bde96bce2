//! A failure record read back from a cache or a store (another user may have written it): no
//! panic, no exit code the record chose (only the documented table's), bounded texts.
#![no_main]

use libfuzzer_sys::fuzz_target;
use wxtoken::exit_codes::EXIT_CODES;
use wxtoken::lang::Lang;
use wxtoken::platform::Platform;
use wxtoken::token::failure_record;

fuzz_target!(|data: &[u8]| {
    let Ok(doc) = serde_json::from_slice::<serde_json::Value>(data) else {
        return;
    };
    for platform in [Platform::Mp, Platform::Wecom] {
        for lang in [Lang::En, Lang::Zh] {
            let Some(f) = failure_record::read(&doc, platform, lang) else {
                continue;
            };
            let code = f.exit_code();
            assert!(EXIT_CODES.iter().any(|(c, _)| *c == code), "{code}");
            assert!(!matches!(code, 0 | 1 | 2 | 126 | 127), "{code}");
            assert!(f.message().chars().count() <= 4096);
            assert!(f.hints().len() <= 16);
        }
    }
});
