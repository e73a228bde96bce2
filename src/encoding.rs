//! Percent-encoding of URL parts (RFC 3986), both ways, with the `percent-encoding` crate (which
//! the URL parser of the Redis client already brings in): the one place URLs are encoded.

use percent_encoding::{
    AsciiSet, CONTROLS, NON_ALPHANUMERIC, percent_decode_str, utf8_percent_encode,
};

/// Everything but RFC 3986's unreserved characters.
const QUERY_VALUE: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'_')
    .remove(b'.')
    .remove(b'~');

/// Percent-encode a query value: everything but RFC 3986's unreserved characters.
pub fn percent_encode(value: &str) -> String {
    utf8_percent_encode(value, QUERY_VALUE).to_string()
}

/// Every byte but ASCII letters and digits encoded (how some pages encode a whole URL).
pub fn percent_encode_all(s: &str) -> String {
    utf8_percent_encode(s, NON_ALPHANUMERIC).to_string()
}

/// Only controls, spaces, `"` and non-ASCII encoded: a URL's own characters kept (how a
/// browser writes a typed URL).
pub fn percent_encode_soft(s: &str) -> String {
    const SOFT: &AsciiSet = &CONTROLS.add(b' ').add(b'"');
    utf8_percent_encode(s, SOFT).to_string()
}

/// Percent-encode a URL's user or password so that no URL parser takes a part of it for a
/// delimiter (`/`, `?`, `#`, `@`, `:`), keeping the `%XX` escapes it has already: the server gets
/// the credentials it was given.
pub fn percent_encode_userinfo(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = String::with_capacity(s.len());
    for (i, &b) in bytes.iter().enumerate() {
        let escape = b == b'%'
            && bytes
                .get(i + 1..i + 3)
                .is_some_and(|h| h.iter().all(u8::is_ascii_hexdigit));
        if escape || b.is_ascii_alphanumeric() || b"-._~!$&'()*+,;=".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Decode `%XX` escapes; anything else, a malformed escape too, stays as it is.
pub fn percent_decode(s: &str) -> String {
    percent_decode_str(s).decode_utf8_lossy().into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encoding_cannot_inject_parameters() {
        assert_eq!(percent_encode("a&secret=b c"), "a%26secret%3Db%20c");
        assert_eq!(percent_encode("AZaz09-_.~"), "AZaz09-_.~");
        assert_eq!(percent_encode("中"), "%E4%B8%AD");
    }

    #[test]
    fn userinfo_keeps_its_escapes_and_hides_its_delimiters() {
        assert_eq!(percent_encode_userinfo("p:w/d?#@x"), "p%3Aw%2Fd%3F%23%40x");
        assert_eq!(percent_encode_userinfo("a%2Fb%zz"), "a%2Fb%25zz");
        assert_eq!(percent_encode_userinfo("密"), "%E5%AF%86");
    }

    #[test]
    fn decoding_keeps_malformed_escapes() {
        assert_eq!(percent_decode("p%2Fw%zz%4"), "p/w%zz%4");
    }
}
