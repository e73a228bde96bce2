//! Percent-encoding of URL parts (RFC 3986), both ways, with the `percent-encoding` crate (which
//! the URL parser of the Redis client already brings in).

use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, percent_decode_str, utf8_percent_encode};

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
    fn decoding_keeps_malformed_escapes() {
        assert_eq!(percent_decode("p%2Fw%zz%4"), "p/w%zz%4");
    }
}
