//! The layouts' keys, values and margins, against the SDKs' own.
use super::*;
use crate::token::store::value::*;

fn target(
    endpoint: Endpoint,
    secret: Option<&'static str>,
    prefix: &'static str,
) -> Target<'static> {
    Target {
        endpoint,
        appid: "wxAPPID",
        agentid: None,
        secret,
        prefix,
    }
}

#[test]
fn each_sdk_key() {
    let lang = Lang::En;
    let k = |layout: Layout, endpoint, secret| {
        let prefix = layout.default_prefix(if endpoint == Endpoint::WecomToken {
            Platform::Wecom
        } else {
            Platform::Mp
        });
        keys(layout, &target(endpoint, secret, prefix), lang)
    };
    assert_eq!(
        k(Layout::SilenceperGo, Endpoint::Token, None)
            .unwrap()
            .token,
        "gowechat_officialaccount__access_token_wxAPPID"
    );
    assert_eq!(
        k(Layout::SilenceperGo, Endpoint::StableToken, None)
            .unwrap()
            .token,
        "gowechat_officialaccount__stable_access_token_wxAPPID"
    );
    assert_eq!(
        k(Layout::SilenceperGo, Endpoint::WecomToken, None)
            .unwrap()
            .token,
        "gowechat_work__access_token_wxAPPID"
    );
    let wxjava = k(Layout::Wxjava, Endpoint::Token, None).unwrap();
    assert_eq!(wxjava.token, "wx:access_token:wxAPPID");
    assert_eq!(wxjava.lock, "wx:lock:wxAPPID:accessTokenLock");
    let cp = k(Layout::Wxjava, Endpoint::WecomToken, None).unwrap();
    assert_eq!(cp.token, "wx:cp:wechat_cp_access_token_key:wxAPPID");
    assert_eq!(cp.lock, "wx:cp:wechat_cp_lock:wxAPPID:accessToken");
    let py = k(Layout::Wechatpy, Endpoint::Token, None).unwrap();
    assert_eq!(py.token, "wechatpy:wxAPPID_access_token");
    assert_eq!(
        py.expires_at.as_deref(),
        Some("wechatpy:wxAPPID_access_token_expires_at")
    );
    assert!(k(Layout::Wechatpy, Endpoint::StableToken, None).is_err());
    assert!(k(Layout::Wechatpy, Endpoint::WecomToken, None).is_err());
    assert!(k(Layout::Powerwechat, Endpoint::Token, None).is_err());
    assert!(k(Layout::Powerwechat, Endpoint::StableToken, Some("s")).is_err());
    // The SDK's own test vector.
    let pw = keys(
        Layout::Powerwechat,
        &Target {
            appid: "testappid",
            ..target(Endpoint::Token, Some("testsecret"), "powerwechat")
        },
        lang,
    )
    .unwrap();
    assert_eq!(
        pw.token,
        "powerwechat.access_token.4ed6a2e3bfccdf98beb48489b94cf486"
    );
}

#[test]
fn values_round_trip_and_margins() {
    let lang = Lang::En;
    let own = Value {
        format: VALUE_FORMAT,
        access_token: "TOKEN".into(),
        expires_at: 1000 + 7200,
        fetched_at: 1000,
        fetched_at_ms: 1_000_000,
        endpoint: "token".into(),
        platform: "mp".into(),
        appid: "wxAPPID".into(),
        agentid: None,
        secret_fingerprint: "f".into(),
        rotated: false,
    };
    for layout in [
        Layout::Wxtoken,
        Layout::SilenceperGo,
        Layout::Wxjava,
        Layout::Wechatpy,
        Layout::Powerwechat,
    ] {
        let w = encode(layout, Endpoint::Token, "TOKEN", 7200, 1000, &own);
        let raw = Raw {
            token_value: Some(w.token_value.into_bytes()),
            pttl_ms: w.ttl_ms.unwrap() as i64,
            expires_at_value: w.expires_at_value.map(String::into_bytes),
            too_large: None,
        };
        let d = decode(layout, &raw, 1000, lang).unwrap().unwrap();
        assert_eq!(d.access_token, "TOKEN", "{layout:?}");
        assert!(d.expires_at > 1000 && d.expires_at <= 8200, "{layout:?}");
    }
    let silenceper = encode(Layout::SilenceperGo, Endpoint::Token, "T", 7200, 0, &own);
    assert_eq!(silenceper.ttl_ms, Some(5700 * 1000));
    let stable = encode(
        Layout::SilenceperGo,
        Endpoint::StableToken,
        "T",
        7200,
        0,
        &own,
    );
    assert_eq!(stable.ttl_ms, Some(6900 * 1000));
    assert_eq!(
        encode(Layout::SilenceperGo, Endpoint::Token, "T", 1000, 0, &own).ttl_ms,
        None,
        "too little left for the SDK's margin"
    );
    let bad = Raw {
        token_value: Some(b"a\x1b[31m".to_vec()),
        pttl_ms: 5000,
        expires_at_value: None,
        too_large: None,
    };
    assert!(decode(Layout::Wxjava, &bad, 0, lang).is_err());
    let nearly = Raw {
        token_value: Some(b"TOKEN".to_vec()),
        pttl_ms: 1500,
        expires_at_value: None,
        too_large: None,
    };
    assert!(decode(Layout::Wxjava, &nearly, 0, lang).unwrap().is_none());
    let huge = Raw {
        token_value: Some(b"TOKEN".to_vec()),
        pttl_ms: 5000,
        expires_at_value: None,
        too_large: Some(32 << 20),
    };
    let why = decode(Layout::Wxjava, &huge, 0, lang).unwrap_err();
    assert!(
        why.contains("33554432 bytes, larger than any token value"),
        "{why}"
    );
}

#[test]
fn the_earlier_expiry_of_value_and_key_is_believed() {
    let lang = Lang::En;
    let own = Value {
        format: VALUE_FORMAT,
        access_token: "TOKEN".into(),
        expires_at: 1000 + 7200,
        fetched_at: 1000,
        fetched_at_ms: 1_000_000,
        endpoint: "token".into(),
        platform: "mp".into(),
        appid: "wx0123456789abcdef".into(),
        agentid: None,
        secret_fingerprint: "f".into(),
        rotated: false,
    };
    let w = encode(Layout::Wxtoken, Endpoint::Token, "TOKEN", 7200, 1000, &own);
    // A value that claims two hours, under a key with one minute left.
    let raw = Raw {
        token_value: Some(w.token_value.into_bytes()),
        pttl_ms: 60_000,
        expires_at_value: None,
        too_large: None,
    };
    assert_eq!(
        decode(Layout::Wxtoken, &raw, 1000, lang)
            .unwrap()
            .unwrap()
            .expires_at,
        1060
    );
    // wechatpy 1.8 wrote a new token (TTL two hours) and no expiry key: the old expiry key,
    // ten minutes off, is stale and set aside for the key's TTL.
    let stale = Raw {
        token_value: Some(b"\"TOKEN\"".to_vec()),
        pttl_ms: 7_200_000,
        expires_at_value: Some(b"1600".to_vec()),
        too_large: None,
    };
    let d = decode(Layout::Wechatpy, &stale, 1000, lang)
        .unwrap()
        .unwrap();
    assert_eq!(d.expires_at, 1000 + 7200 - 60);
    // wechatpy 2.0's keys agree (within 2 s): its own margin of 60 s applies.
    let fresh = Raw {
        token_value: Some(b"\"TOKEN\"".to_vec()),
        pttl_ms: 7_200_000,
        expires_at_value: Some(b"8199".to_vec()),
        too_large: None,
    };
    let d = decode(Layout::Wechatpy, &fresh, 1000, lang)
        .unwrap()
        .unwrap();
    assert_eq!(d.expires_at, 8199 - 60);
}
