//! Whatever people paste: the paste reader never panics, reads in bounded time (libFuzzer's
//! timeout catches a quadratic case), and every errmsg it returns is a piece of the input (it
//! invents no text).
#![no_main]

use libfuzzer_sys::fuzz_target;
use wxtoken::wechat::paste;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    for (errcode, errmsg) in paste::answers(&text) {
        let _ = errcode;
        if let Some(msg) = errmsg {
            // Unescaping (JSON, reprs) changes quotes and backslashes; every run of letters and
            // digits must still come from the paste.
            for run in msg
                .split(|c: char| !c.is_ascii_alphanumeric())
                .filter(|r| r.len() > 3)
            {
                assert!(text.contains(run), "invented {run:?} from {text:?}");
            }
        }
    }
});
