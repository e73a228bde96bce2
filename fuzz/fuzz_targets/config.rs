//! A config file's text (whatever a user or a dotfile manager wrote): parsed and every profile
//! checked without a panic, with bounded messages.
#![no_main]

use libfuzzer_sys::fuzz_target;
use wxtoken::lang::Lang;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    for lang in [Lang::En, Lang::Zh] {
        for outcome in wxtoken::fuzzing::config(text, lang) {
            if let Err(message) = outcome {
                assert!(message.len() <= 4 * text.len() + 4096, "{message}");
            }
        }
    }
});
