//! The response parser and everything that turns its result into a message: whatever the
//! server sends, no panic, a token only when it is usable, and no control character in a
//! message meant for a terminal.
#![no_main]

use libfuzzer_sys::fuzz_target;
use wxtoken::wechat::catalog::Context;
use wxtoken::lang::Lang;
use wxtoken::wechat::response::{self, Answer};
use wxtoken::wechat;

fuzz_target!(|data: &[u8]| {
    if data.len() < 2 {
        return;
    }
    let status = 100 + u16::from_le_bytes([data[0], data[1]]) % 500;
    let body = &data[2..];
    // The language changes the words of a problem, never the verdict.
    let parsed = response::parse(status, body, Lang::En);
    match (&parsed, response::parse(status, body, Lang::Zh)) {
        (Ok(en), Ok(zh)) => assert_eq!(*en, zh),
        (Err(en), Err(zh)) => assert_eq!(en.status(), zh.status()),
        _ => panic!("the verdict changed with the language"),
    }
    match parsed {
        Ok(Answer::Token { access_token, expires_in }) => {
            assert!((200..300).contains(&status));
            assert!(!access_token.is_empty());
            assert!(access_token.bytes().all(|b| b.is_ascii_graphic()));
            assert!(expires_in > 0 && expires_in <= response::MAX_EXPIRES_IN);
        }
        Ok(Answer::Error { errcode, errmsg }) => {
            assert_ne!(errcode, 0);
            let platforms = [wxtoken::platform::Platform::Mp, wxtoken::platform::Platform::Wecom];
            let contexts = [(Context::Fetch, Lang::En), (Context::Check, Lang::Zh)];
            for (platform, (context, lang)) in platforms
                .into_iter()
                .flat_map(|p| contexts.into_iter().map(move |c| (p, c)))
            {
                let f = wechat::judge::wechat_failure(platform, errcode, &errmsg, context, lang);
                assert!(!f.message().chars().any(char::is_control), "{:?}", f.message());
                assert!(f.hints().iter().all(|h| !h.chars().any(char::is_control)));
                assert!((5..=10).contains(&f.exit_code()));
                // The document printed with --json always parses back.
                let doc = f.to_json_document().to_string();
                let back: serde_json::Value = serde_json::from_str(&doc).expect("valid JSON");
                assert_eq!(back["error"]["errcode"], errcode);
            }
        }
        Err(problem) => {
            assert_eq!(problem.status(), status);
            let f = wechat::judge::problem_failure(problem, Lang::En);
            assert_eq!(f.exit_code(), 4);
            assert!(!f.message().chars().any(char::is_control), "{:?}", f.message());
            assert!(f.message().chars().count() < 400, "excerpts stay short");
        }
    }
});
