//! Pulling the request id and the caller's IP out of WeChat's `errmsg` strings
//! (the `rid:`, `hint: [..]` and `hints: [ req_id: .. ]` forms WeChat appends to errmsg).

use std::net::IpAddr;

/// The request id in an errmsg, in any of the forms WeChat has used:
/// `... rid: 658cff8e-7783352d-44cb33e5`, `..., rid: ...`, `... hint: [jotvMa01143580]`,
/// `..., hints: [ req_id: IgXGma08222015 ]`.
pub fn request_id(errmsg: &str) -> Option<String> {
    for marker in ["rid:", "req_id:"] {
        if let Some(pos) = errmsg.rfind(marker)
            && let Some(id) = id_after(&errmsg[pos + marker.len()..])
        {
            return Some(id);
        }
    }
    for marker in ["hint:", "hints:"] {
        if let Some(pos) = errmsg.rfind(marker) {
            let rest = errmsg[pos + marker.len()..].trim_start();
            if let Some(inner) = rest.strip_prefix('[')
                && let Some(id) = id_after(inner)
            {
                return Some(id);
            }
        }
    }
    None
}

/// The identifier at the start of `s` (after blanks): letters, digits and dashes.
fn id_after(s: &str) -> Option<String> {
    let s = s.trim_start();
    let id: String = s
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '-')
        .collect();
    let id = id.trim_matches('-');
    (!id.is_empty()).then(|| id.to_string())
}

/// The caller's IP as WeChat saw it (40164 and friends), in plain IPv4 form when it is one:
/// `invalid ip 8.149.20.108 ipv6 ::ffff:8.149.20.108, not in whitelist rid: ...` gives
/// `8.149.20.108`, and so does the older form without the ipv6 part.
pub fn caller_ip(errmsg: &str) -> Option<String> {
    let mut found: Option<IpAddr> = None;
    for word in errmsg.split(|c: char| c.is_whitespace() || c == ',' || c == '，') {
        let word = word.trim_matches(|c: char| !(c.is_ascii_hexdigit() || c == ':' || c == '.'));
        let Ok(ip) = word.parse::<IpAddr>() else {
            continue;
        };
        if ip.is_unspecified() {
            continue;
        }
        let ip = match ip {
            IpAddr::V6(v6) => v6
                .to_ipv4_mapped()
                .map(IpAddr::V4)
                .unwrap_or(IpAddr::V6(v6)),
            v4 => v4,
        };
        match (found, ip) {
            // The first IPv4 (or mapped IPv4) wins; a pure IPv6 only if nothing better comes.
            (None, _) => found = Some(ip),
            (Some(IpAddr::V6(_)), IpAddr::V4(_)) => found = Some(ip),
            _ => {}
        }
        if matches!(found, Some(IpAddr::V4(_))) {
            break;
        }
    }
    found.map(|ip| ip.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rid_in_every_known_form() {
        let cases = [
            (
                "invalid appid rid: 655d878c-2e41a3f4-65f9b9ba",
                "655d878c-2e41a3f4-65f9b9ba",
            ),
            (
                "invalid credential, rid: 658cff8e-7783352d-44cb33e5",
                "658cff8e-7783352d-44cb33e5",
            ),
            ("invalid appid hint: [jotvMa01143580]", "jotvMa01143580"),
            (
                "invalid credential, hints: [ req_id: IgXGma08222015 ]",
                "IgXGma08222015",
            ),
            (
                "invalid ip 8.149.20.108 ipv6 ::ffff:8.149.20.108, not in whitelist rid: 6597b34f-49e4c9dc-1b25fb87",
                "6597b34f-49e4c9dc-1b25fb87",
            ),
        ];
        for (msg, rid) in cases {
            assert_eq!(request_id(msg).as_deref(), Some(rid), "{msg}");
        }
        assert_eq!(request_id("invalid appid"), None);
        assert_eq!(request_id("rid: "), None);
        assert_eq!(request_id(""), None);
    }

    #[test]
    fn ip_with_and_without_the_ipv6_part() {
        assert_eq!(
            caller_ip("invalid ip 8.149.20.108 ipv6 ::ffff:8.149.20.108, not in whitelist rid: 6597b34f-49e4c9dc-1b25fb87")
                .as_deref(),
            Some("8.149.20.108")
        );
        assert_eq!(
            caller_ip("invalid ip 101.32.0.7, not in whitelist hint: [Xy0123]").as_deref(),
            Some("101.32.0.7")
        );
        assert_eq!(
            caller_ip("invalid ip ::ffff:1.2.3.4, not in whitelist").as_deref(),
            Some("1.2.3.4")
        );
        assert_eq!(
            caller_ip("invalid ip 2408:8000::1 ipv6 2408:8000::1, not in whitelist").as_deref(),
            Some("2408:8000::1")
        );
        assert_eq!(
            caller_ip("invalid appid rid: 655d878c-2e41a3f4-65f9b9ba"),
            None
        );
        assert_eq!(caller_ip("not in whitelist"), None);
    }
}
