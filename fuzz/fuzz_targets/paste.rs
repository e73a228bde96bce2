//! Whatever people paste: the paste reader never panics, reads in bounded time (libFuzzer's
//! timeout catches a quadratic case), and every errmsg it returns is a piece of the input (it
//! invents no text).
#![no_main]

use libfuzzer_sys::fuzz_target;
use wxtoken::paste;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    for (errcode, errmsg) in paste::answers(&text) {
        let _ = errcode;
        if let Some(msg) = errmsg {
            // Unescaping (JSON, reprs) may change the text; the words must still come from it.
            for word in msg.split_whitespace().filter(|w| w.len() > 3 && w.is_ascii()) {
                let bare = word.trim_matches(|c: char| !c.is_ascii_alphanumeric());
                assert!(
                    bare.is_empty() || text.contains(bare),
                    "invented {bare:?} from {text:?}"
                );
            }
        }
    }
});
