//! JS-SDK signatures: `wx.config`'s and `wx.agentConfig`'s (SHA-1 of four fields in a fixed
//! order, raw values, the URL without its `#fragment`), the card signature (SHA-1 of the sorted
//! values), and, for "invalid signature", which input makes the difference.

use ring::digest::{SHA1_FOR_LEGACY_USE_ONLY, digest};

/// What a page signs with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Inputs {
    pub ticket: String,
    pub nonce: String,
    pub timestamp: String,
    pub url: String,
}

/// The URL as it is signed: everything before the first `#`, nothing else changed.
pub fn signed_url(url: &str) -> &str {
    url.split('#').next().unwrap_or_default()
}

fn sha1_hex(text: &str) -> String {
    digest(&SHA1_FOR_LEGACY_USE_ONLY, text.as_bytes())
        .as_ref()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The signature of `inputs` (the URL taken as it is: see [`signed_url`]).
pub fn signature(inputs: &Inputs) -> String {
    sha1_hex(&format!(
        "jsapi_ticket={}&noncestr={}&timestamp={}&url={}",
        inputs.ticket, inputs.nonce, inputs.timestamp, inputs.url
    ))
}

/// The card signature: SHA-1 of the values (api_ticket, timestamp, card_id, and code, openid,
/// nonce_str where given) sorted as strings and joined.
pub fn card_signature(values: &[&str]) -> String {
    let mut sorted: Vec<&str> = values.to_vec();
    sorted.sort_unstable();
    sha1_hex(&sorted.concat())
}

/// A nonce of 16 letters and digits, from the system's random source.
pub fn nonce() -> Result<String, ring::error::Unspecified> {
    use ring::rand::SecureRandom;
    const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    let mut bytes = [0u8; 16];
    ring::rand::SystemRandom::new().fill(&mut bytes)?;
    // 256 = 4 × 62 + 8: the first letters are a little likelier, which a nonce does not mind.
    Ok(bytes
        .iter()
        .map(|b| char::from(ALPHABET[usize::from(*b) % ALPHABET.len()]))
        .collect())
}

/// Why a page's signature differs from what its inputs sign to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Finding {
    /// The signature is right: the inputs as given make it.
    Matches,
    /// The page signed the URL with its `#fragment`.
    Fragment,
    /// The page signed the URL encoded differently (percent-encoded, or decoded).
    Encoding(String),
    /// The URL differs by a trailing slash.
    TrailingSlash(String),
    /// The timestamp was in milliseconds (or the page used seconds where it signed ms).
    Milliseconds(String),
    /// The fields were signed in another order.
    Order,
    /// The signature was written in uppercase hex.
    Uppercase,
    /// The signature is right for the page's ticket, but that is not the ticket kept now: a
    /// stale one, or another app's.
    OtherTicket,
    /// Nothing tried makes it: most likely another ticket than any known here.
    Unknown,
}

/// What makes `given` (the page's signature) differ from the signature of `inputs` (the page's
/// ticket, nonce, timestamp and URL as location.href has it, fragment and all); `kept` is the
/// ticket wxtoken holds now, where one could be read.
pub fn check(given: &str, inputs: &Inputs, kept: Option<&str>) -> Finding {
    let given = given.trim();
    // What the page ought to have signed: its URL without the fragment.
    let right = Inputs {
        url: signed_url(&inputs.url).to_string(),
        ..inputs.clone()
    };
    let matches = |i: &Inputs| signature(i) == given;
    let other_kept = kept.filter(|k| *k != inputs.ticket);
    if matches(&right) {
        // Right for the page's ticket; if that is not the one kept now, the page's is stale or
        // another app's (and WeChat says "invalid signature" once it is no longer valid).
        return match other_kept {
            Some(_) => Finding::OtherTicket,
            None => Finding::Matches,
        };
    }
    if let Some(kept) = other_kept
        && matches(&Inputs {
            ticket: kept.to_string(),
            ..right.clone()
        })
    {
        // The page signed with the kept ticket: the one named as the page's was not its.
        return Finding::Matches;
    }
    if signature(&right).eq_ignore_ascii_case(given) {
        return Finding::Uppercase;
    }
    if right.url != inputs.url && matches(inputs) {
        return Finding::Fragment;
    }
    let with_url = |url: String| Inputs {
        url,
        ..right.clone()
    };
    for (variant, what) in url_variants(&right.url) {
        if matches(&with_url(variant.clone())) {
            return match what {
                "slash" => Finding::TrailingSlash(variant),
                _ => Finding::Encoding(variant),
            };
        }
    }
    for ts in timestamp_variants(&right.timestamp) {
        if matches(&Inputs {
            timestamp: ts.clone(),
            ..right.clone()
        }) {
            return Finding::Milliseconds(ts);
        }
    }
    if other_orders(&right).any(|s| s == given) {
        return Finding::Order;
    }
    Finding::Unknown
}

/// The URL percent-encoded, percent-decoded, and with or without a trailing slash.
fn url_variants(url: &str) -> Vec<(String, &'static str)> {
    let mut out = Vec::new();
    let decoded = crate::encoding::percent_decode(url);
    if decoded != url {
        out.push((decoded, "encoding"));
    }
    out.push((crate::encoding::percent_encode_all(url), "encoding"));
    // Non-ASCII and spaces encoded, the URL's own characters kept.
    let soft = crate::encoding::percent_encode_soft(url);
    if soft != url {
        out.push((soft, "encoding"));
    }
    match url.strip_suffix('/') {
        Some(bare) => out.push((bare.to_string(), "slash")),
        None => out.push((format!("{url}/"), "slash")),
    }
    // The slash after the host (`https://example.com?x=1` and `https://example.com/?x=1`).
    if let Some(start) = url.find("://").map(|i| i + 3) {
        let end = url[start..]
            .find(['/', '?'])
            .map_or(url.len(), |i| start + i);
        let rest = &url[end..];
        let other = match rest.strip_prefix('/') {
            Some(after) if after.is_empty() || after.starts_with('?') => {
                format!("{}{after}", &url[..end])
            }
            Some(_) => String::new(),
            None => format!("{}/{rest}", &url[..end]),
        };
        if !other.is_empty() && other != url {
            out.push((other, "slash"));
        }
    }
    out
}

/// The timestamp in milliseconds or in seconds, whichever it is not.
fn timestamp_variants(ts: &str) -> Vec<String> {
    let Ok(n) = ts.trim().parse::<u64>() else {
        return Vec::new();
    };
    let mut out = vec![n.saturating_mul(1000).to_string()];
    if n >= 1_000_000_000_000 {
        out.push((n / 1000).to_string());
    }
    out
}

/// The signatures of the same four fields in every other order.
fn other_orders(inputs: &Inputs) -> impl Iterator<Item = String> + '_ {
    let fields = [
        format!("jsapi_ticket={}", inputs.ticket),
        format!("noncestr={}", inputs.nonce),
        format!("timestamp={}", inputs.timestamp),
        format!("url={}", inputs.url),
    ];
    let orders: Vec<[usize; 4]> = permutations()
        .into_iter()
        .filter(|p| *p != [0, 1, 2, 3])
        .collect();
    orders.into_iter().map(move |p| {
        sha1_hex(
            &p.iter()
                .map(|&i| fields[i].as_str())
                .collect::<Vec<_>>()
                .join("&"),
        )
    })
}

fn permutations() -> Vec<[usize; 4]> {
    let mut out = Vec::new();
    for a in 0..4 {
        for b in 0..4 {
            for c in 0..4 {
                for d in 0..4 {
                    let p = [a, b, c, d];
                    let mut seen = [false; 4];
                    p.iter().for_each(|&i| seen[i] = true);
                    if seen.iter().all(|s| *s) {
                        out.push(p);
                    }
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn documented() -> Inputs {
        Inputs {
            ticket: "sM4AOVdWfPE4DxkXGEs8VMCPGGVi4C3VM0P37wVUCFvkVAy_90u5h9nbSlYy3-Sl-HhTdfl2fzFy1AOcHKP7qg".into(),
            nonce: "Wm3WZYTPz0wzccnW".into(),
            timestamp: "1414587457".into(),
            url: "http://mp.weixin.qq.com?params=value".into(),
        }
    }

    #[test]
    fn the_documented_example_signs_exactly() {
        assert_eq!(
            signature(&documented()),
            "0f9de62fce790f9a083d5c99e95740ceb90c27ed"
        );
        assert_eq!(
            signed_url("https://example.com/page?a=1#/route?x=2"),
            "https://example.com/page?a=1"
        );
    }

    #[test]
    fn each_kind_of_mismatch_is_found() {
        let right = documented();
        let sign = |i: &Inputs| signature(i);
        assert_eq!(check(&sign(&right), &right, None), Finding::Matches);
        // location.href with a fragment: the page signs it without, and that is right.
        let with_fragment = Inputs {
            url: format!("{}#top", right.url),
            ..right.clone()
        };
        assert_eq!(check(&sign(&right), &with_fragment, None), Finding::Matches);
        // A page that signed the fragment too.
        assert_eq!(
            check(&sign(&with_fragment), &with_fragment, None),
            Finding::Fragment
        );
        // Encoded differently.
        let page = Inputs {
            url: "https://example.com/路径?q=a b".into(),
            ..right.clone()
        };
        let encoded = Inputs {
            url: "https://example.com/%E8%B7%AF%E5%BE%84?q=a%20b".into(),
            ..right.clone()
        };
        assert!(matches!(
            check(&sign(&encoded), &page, None),
            Finding::Encoding(_)
        ));
        // Milliseconds.
        let ms = Inputs {
            timestamp: "1414587457000".into(),
            ..right.clone()
        };
        assert!(matches!(
            check(&sign(&ms), &right, None),
            Finding::Milliseconds(_)
        ));
        // Order.
        let wrong_order = sha1_hex(&format!(
            "noncestr={}&jsapi_ticket={}&timestamp={}&url={}",
            right.nonce, right.ticket, right.timestamp, right.url
        ));
        assert_eq!(check(&wrong_order, &right, None), Finding::Order);
        assert_eq!(
            check(&sign(&right).to_uppercase(), &right, None),
            Finding::Uppercase
        );
        // The page's ticket makes its signature, but the kept ticket is another: stale.
        assert_eq!(
            check(&sign(&right), &right, Some("kept-now")),
            Finding::OtherTicket
        );
        // The page signed with the kept ticket, not the one named as its.
        let named = Inputs {
            ticket: "not-the-pages".into(),
            ..right.clone()
        };
        assert_eq!(
            check(&sign(&right), &named, Some(&right.ticket)),
            Finding::Matches
        );
        assert_eq!(check(&"0".repeat(40), &right, None), Finding::Unknown);
    }

    #[test]
    fn the_card_signature_sorts_the_values() {
        let a = card_signature(&["ticket", "1414587457", "card", "nonce"]);
        let b = card_signature(&["nonce", "card", "1414587457", "ticket"]);
        assert_eq!(a, b);
        assert_eq!(a, sha1_hex("1414587457cardnonceticket"));
        let n = nonce().unwrap();
        assert_eq!(n.len(), 16);
        assert!(n.bytes().all(|b| b.is_ascii_alphanumeric()));
        assert_ne!(n, nonce().unwrap());
    }
}
