//! Reading a token endpoint's answer: a token, a WeChat errcode, or something that is neither.
//! Pure functions on the status and the body, so they can be tested and fuzzed on their own.

use serde_json::Value;

use crate::lang::Lang;

/// The longest lifetime a WeChat token has ever had is 7200 s; more than a day is not a WeChat
/// answer (a server answering in milliseconds, say) and is never stored or served.
pub const MAX_EXPIRES_IN: u64 = 86_400;

/// The longest token accepted (WeChat asks for 512 characters of storage).
pub const MAX_TOKEN_LEN: usize = 2048;

/// What makes a token unusable, from the network or the cache: WeChat's tokens are non-empty
/// printable ASCII without spaces (URL-safe characters in practice).
pub fn token_problem(token: &str) -> Option<TokenProblem> {
    if token.is_empty() {
        Some(TokenProblem::Empty)
    } else if token.len() > MAX_TOKEN_LEN {
        Some(TokenProblem::TooLong)
    } else if !token.bytes().all(|b| b.is_ascii_graphic()) {
        Some(TokenProblem::Characters)
    } else {
        None
    }
}

/// Why a token is not one (see [`token_problem`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenProblem {
    Empty,
    TooLong,
    Characters,
}

impl TokenProblem {
    /// The reason in words.
    pub fn say(self, lang: Lang) -> &'static str {
        match self {
            TokenProblem::Empty => lang.pick("access_token is empty", "access_token 为空"),
            TokenProblem::TooLong => lang.pick(
                "access_token is longer than any WeChat token",
                "access_token 比任何微信 token 都长",
            ),
            TokenProblem::Characters => lang.pick(
                "access_token has characters a WeChat token never has (spaces, control characters, non-ASCII)",
                "access_token 含有微信 token 不会有的字符（空格、控制字符、非 ASCII）",
            ),
        }
    }
}

/// What makes an `expires_in` unusable: zero, or more than a day.
pub fn expires_in_problem(expires_in: u64, lang: Lang) -> Option<String> {
    if expires_in == 0 {
        Some(lang.pick("expires_in is 0", "expires_in 为 0").into())
    } else if expires_in > MAX_EXPIRES_IN {
        Some(crate::tr!(
            lang,
            "expires_in is {expires_in} s, more than a day: not a WeChat answer (a token lives at most 7200 s)",
            "expires_in 为 {expires_in} 秒，超过一天：这不是微信的应答（token 最长有效 7200 秒）"
        ))
    } else {
        None
    }
}

/// A usable answer from WeChat.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Answer {
    /// A token and its lifetime in seconds.
    Token {
        access_token: String,
        expires_in: u64,
    },
    /// An errcode (non-zero) with its errmsg, verbatim.
    Error { errcode: i64, errmsg: String },
}

/// Why a response could not be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// Status 2xx but nothing in the body.
    Empty { status: u16 },
    /// An HTML page: a proxy, gateway or captive portal answered instead of WeChat.
    Html { status: u16, excerpt: String },
    /// A non-2xx status without a WeChat errcode.
    Status { status: u16, excerpt: String },
    /// Not JSON at all.
    NotJson { status: u16, excerpt: String },
    /// JSON, but without a usable token (the reason says what is wrong).
    NoToken { status: u16, reason: String },
}

impl Problem {
    pub fn status(&self) -> u16 {
        match self {
            Problem::Empty { status }
            | Problem::Html { status, .. }
            | Problem::Status { status, .. }
            | Problem::NotJson { status, .. }
            | Problem::NoToken { status, .. } => *status,
        }
    }
}

/// Judge a response by its body (not its Content-Type): a WeChat errcode wins over the status.
pub fn parse(status: u16, body: &[u8], lang: Lang) -> Result<Answer, Problem> {
    // Lossy: a GBK or broken errmsg must not hide the errcode next to it.
    let text = String::from_utf8_lossy(body);
    let trimmed = text.trim_start_matches('\u{feff}').trim();
    let ok_status = (200..300).contains(&status);

    let json = serde_json::from_str::<Value>(trimmed).ok();
    if let Some(Value::Object(map)) = &json
        && let Some(errcode) = map.get("errcode").and_then(errcode_of)
        && errcode != 0
    {
        let errmsg = match map.get("errmsg") {
            Some(Value::String(s)) => s.clone(),
            Some(Value::Null) | None => String::new(),
            Some(other) => other.to_string(),
        };
        return Ok(Answer::Error { errcode, errmsg });
    }

    if trimmed.is_empty() {
        return Err(if ok_status {
            Problem::Empty { status }
        } else {
            Problem::Status {
                status,
                excerpt: String::new(),
            }
        });
    }
    if looks_like_html(trimmed) {
        return Err(Problem::Html {
            status,
            excerpt: excerpt(trimmed),
        });
    }
    if !ok_status {
        return Err(Problem::Status {
            status,
            excerpt: excerpt(trimmed),
        });
    }
    let Some(json) = json else {
        return Err(Problem::NotJson {
            status,
            excerpt: excerpt(trimmed),
        });
    };
    let Value::Object(map) = json else {
        return Err(Problem::NoToken {
            status,
            reason: lang
                .pick("the JSON is not an object", "JSON 不是对象")
                .into(),
        });
    };
    let no_token = |reason: String| Problem::NoToken { status, reason };
    let access_token = match map.get("access_token") {
        Some(Value::String(s)) => match token_problem(s) {
            Some(why) => return Err(no_token(why.say(lang).into())),
            None => s.clone(),
        },
        Some(_) => {
            return Err(no_token(
                lang.pick("access_token is not a string", "access_token 不是字符串")
                    .into(),
            ));
        }
        None => {
            return Err(no_token(
                lang.pick("there is no access_token", "没有 access_token")
                    .into(),
            ));
        }
    };
    let expires_in = match map.get("expires_in") {
        Some(v) => match v.as_u64() {
            Some(n) => match expires_in_problem(n, lang) {
                Some(why) => return Err(no_token(why)),
                None => n,
            },
            None => {
                let shown = excerpt(&v.to_string());
                return Err(no_token(crate::tr!(
                    lang,
                    "expires_in is not a positive integer ({shown})",
                    "expires_in 不是正整数（{shown}）"
                )));
            }
        },
        None => {
            return Err(no_token(
                lang.pick("there is no expires_in", "没有 expires_in")
                    .into(),
            ));
        }
    };
    Ok(Answer::Token {
        access_token,
        expires_in,
    })
}

/// An errcode as an integer: a JSON integer, or a string of one (seen from some gateways).
fn errcode_of(v: &Value) -> Option<i64> {
    match v {
        Value::Number(n) => n.as_i64(),
        Value::String(s) => s.trim().parse().ok(),
        _ => None,
    }
}

fn looks_like_html(text: &str) -> bool {
    let head: String = text
        .chars()
        .take(512)
        .collect::<String>()
        .to_ascii_lowercase();
    head.starts_with("<!doctype html")
        || head.starts_with("<html")
        || head.starts_with("<head")
        || head.starts_with("<body")
        || (head.starts_with('<') && (head.contains("<html") || head.contains("<title")))
}

/// A short, single-line excerpt of a body, safe for a terminal: secrets and tokens masked first
/// (a cut could split one the mask would then miss), then escaped (so that control characters
/// cannot make it long), then cut.
pub fn excerpt(text: &str) -> String {
    let one_line: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    short(&crate::redact::sanitize(&crate::redact::mask_server_text(
        &one_line,
    )))
}

fn short(s: &str) -> String {
    const MAX: usize = 120;
    if s.chars().count() <= MAX {
        s.to_string()
    } else {
        let mut out: String = s.chars().take(MAX).collect();
        out.push('…');
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn token(t: &str, e: u64) -> Result<Answer, Problem> {
        Ok(Answer::Token {
            access_token: t.into(),
            expires_in: e,
        })
    }

    #[test]
    fn success_and_errcode() {
        assert_eq!(
            parse(
                200,
                br#"{"access_token":"ABC","expires_in":7200}"#,
                Lang::En
            ),
            token("ABC", 7200)
        );
        assert_eq!(
            parse(
                200,
                br#"{"errcode":0,"errmsg":"ok","access_token":"ABC","expires_in":5}"#,
                Lang::En
            ),
            token("ABC", 5)
        );
        assert_eq!(
            parse(
                200,
                br#"{"errcode":40013,"errmsg":"invalid appid"}"#,
                Lang::En
            ),
            Ok(Answer::Error {
                errcode: 40013,
                errmsg: "invalid appid".into()
            })
        );
        assert_eq!(
            parse(
                200,
                br#"{"errcode":"-1","errmsg":"system error"}"#,
                Lang::En
            ),
            Ok(Answer::Error {
                errcode: -1,
                errmsg: "system error".into()
            })
        );
    }

    #[test]
    fn an_errcode_wins_over_the_status() {
        assert_eq!(
            parse(503, br#"{"errcode":-1,"errmsg":"system error"}"#, Lang::En),
            Ok(Answer::Error {
                errcode: -1,
                errmsg: "system error".into()
            })
        );
    }

    #[test]
    fn invalid_utf8_keeps_the_errcode() {
        let body = b"{\"errcode\":40013,\"errmsg\":\"bad \xff\xfe appid\"}";
        match parse(200, body, Lang::En) {
            Ok(Answer::Error {
                errcode: 40013,
                errmsg,
            }) => assert!(errmsg.contains("appid")),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn problems() {
        assert_eq!(
            parse(200, b"", Lang::En),
            Err(Problem::Empty { status: 200 })
        );
        assert_eq!(
            parse(200, b"  \n", Lang::En),
            Err(Problem::Empty { status: 200 })
        );
        assert!(matches!(
            parse(200, b"<!DOCTYPE html><html>login</html>", Lang::En),
            Err(Problem::Html { status: 200, .. })
        ));
        assert!(matches!(
            parse(502, b"<html><body>Bad Gateway</body></html>", Lang::En),
            Err(Problem::Html { status: 502, .. })
        ));
        assert!(matches!(
            parse(500, b"oops", Lang::En),
            Err(Problem::Status { status: 500, .. })
        ));
        assert!(matches!(
            parse(500, br#"{"access_token":"A","expires_in":1}"#, Lang::En),
            Err(Problem::Status { .. })
        ));
        assert!(matches!(
            parse(200, b"{not json", Lang::En),
            Err(Problem::NotJson { .. })
        ));
        for bad in [
            r#"{"access_token":"","expires_in":7200}"#,
            r#"{"access_token":"a b","expires_in":7200}"#,
            r#"{"access_token":42,"expires_in":7200}"#,
            r#"{"expires_in":7200}"#,
            r#"{"access_token":"A"}"#,
            r#"{"access_token":"A","expires_in":0}"#,
            r#"{"access_token":"A","expires_in":-5}"#,
            r#"{"access_token":"A","expires_in":7200.5}"#,
            r#"{"access_token":"A","expires_in":"7200"}"#,
            r#"{"access_token":"A","expires_in":7200000}"#,
            r#"{"access_token":"A","expires_in":86401}"#,
            "{\"access_token\":\"A\\u0000B\",\"expires_in\":7200}",
            "{\"access_token\":\"A\\u202eB\",\"expires_in\":7200}",
            "{\"access_token\":\"中文\",\"expires_in\":7200}",
            r#"[1,2]"#,
            r#"{"errcode":0}"#,
        ] {
            assert!(
                matches!(
                    parse(200, bad.as_bytes(), Lang::En),
                    Err(Problem::NoToken { .. })
                ),
                "{bad}"
            );
        }
    }

    /// Found by the `response` fuzz target: a body of control characters made an excerpt six
    /// times longer than the cap once escaped.
    #[test]
    fn fuzz_regression_control_characters_in_an_excerpt() {
        let data: &[u8] = b"\xc8\x00{\x22acce\x01\x00\x00\x00\x00\x00\x00Ass_tok\xe5n\x22:\x22ACCESS_TO\x00\x00\x00\x1a\x1a\x1a\x1a\x1a\x1a\x1a\x1a\x1a\x1a\x1a\x1a\x1a\x1a\x1a\x1a\x1a\x1a\x1a\x1a\x1a\x1a\x1a\x1a\x1a\x1a\x1a\x1a\x1a\x1a\x1a\x1a\x1a\x1a\x1a\x1a\x1a\x1a\x1a\x1a\x1a\x1a\x1a\x1a\x1a\x00\x00\x00\x00\x00pires_in\x22:4400}";
        let status = u16::from_le_bytes([data[0], data[1]]);
        let problem = parse(status, &data[2..], Lang::En).unwrap_err();
        let f = crate::wechat::judge::problem_failure(problem, crate::lang::Lang::En);
        assert!(f.message().chars().count() < 400, "{}", f.message());
        assert!(!f.message().chars().any(char::is_control));
    }

    #[test]
    fn excerpts_are_short_and_single_line() {
        let long = "x".repeat(1000);
        assert!(excerpt(&long).chars().count() <= 121);
        assert_eq!(excerpt("a\n  b\r\nc"), "a b c");
        let controls = "\u{1a}".repeat(500);
        assert!(excerpt(&controls).chars().count() <= 121);
        assert!(!excerpt(&controls).chars().any(char::is_control));
    }
}
