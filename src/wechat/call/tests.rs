use super::*;
use serde_json::json;

fn base(url: &str) -> ApiBase {
    ApiBase::parse(url, Lang::En).unwrap()
}

#[test]
fn a_path_goes_under_the_base_and_a_url_only_to_its_host() {
    let b = base("https://api.weixin.qq.com");
    assert_eq!(
        target("cgi-bin/user/get", &b, Lang::En).unwrap(),
        "https://api.weixin.qq.com/cgi-bin/user/get"
    );
    assert_eq!(
        target("/cgi-bin/user/get?next_openid=X", &b, Lang::En).unwrap(),
        "https://api.weixin.qq.com/cgi-bin/user/get?next_openid=X"
    );
    assert!(target("https://api.weixin.qq.com/cgi-bin/user/get", &b, Lang::En).is_ok());
    // The host in other letters is the same host, sent as the base spells it.
    assert_eq!(
        target("https://API.weIxin.qq.com/cgi-bin/x?a=1", &b, Lang::En).unwrap(),
        "https://api.weixin.qq.com/cgi-bin/x?a=1"
    );
    assert_eq!(
        target("https://api.weixin.qq.com:443?a=1", &b, Lang::En).unwrap(),
        "https://api.weixin.qq.com/?a=1"
    );
    // What is not a URL stays a path under the base: the token goes nowhere else.
    for odd in [
        "//evil.example/x",
        "@evil.example/x",
        "HTTPS://evil.example/x",
    ] {
        let url = target(odd, &b, Lang::En).unwrap();
        assert!(
            url.starts_with("https://api.weixin.qq.com/"),
            "{odd}: {url}"
        );
    }
    let v6 = base("http://[::1]:8080");
    assert!(target("http://[::1]:8080/cgi-bin/x", &v6, Lang::En).is_ok());
    for bad in [
        "https://evil.example.com/cgi-bin/user/get",
        "https://api.weixin.qq.com.evil.example/cgi-bin/x",
        "https://api.weixin.qq.com:8443/cgi-bin/x",
        "http://api.weixin.qq.com/cgi-bin/x",
        "https://user@api.weixin.qq.com/cgi-bin/x",
        "https://api.weixin.qq.com\\@evil.example/cgi-bin/x",
        "https://[::1]:443/cgi-bin/x",
        "cgi-bin/user/get?access_token=abc",
        "cgi-bin/user/get?a=1&ACCESS_TOKEN=abc",
        "cgi-bin/user get",
        "",
    ] {
        let f = target(bad, &b, Lang::En).unwrap_err();
        assert_eq!(f.exit_code(), 2, "{bad}");
    }
    // A gateway's path prefix is kept.
    let g = base("http://127.0.0.1:8080/wechat");
    assert_eq!(
        target("cgi-bin/x", &g, Lang::En).unwrap(),
        "http://127.0.0.1:8080/wechat/cgi-bin/x"
    );
}

#[test]
fn fields_nest_and_type_as_gh_api_does() {
    let mut read = |s: &str| Ok(format!("<{s}>"));
    let mut f = |raw: &str, typed: bool| field(raw, typed, &mut read, Lang::En).unwrap();
    let fields = vec![
        f("touser=o1", false),
        f("text[content]=你好", false),
        f("n=42", true),
        f("s=42", false),
        f("b=true", true),
        f("z=null", true),
        f("list[]=1", true),
        f("list[]=2", true),
        f("empty[]", true),
        f("file=@a.txt", true),
        f("big=+5", true),
    ];
    let doc = body_object(&fields, Lang::En).unwrap();
    assert_eq!(
        doc,
        json!({"touser":"o1","text":{"content":"你好"},"n":42,"s":"42","b":true,"z":null,
               "list":[1,2],"empty":[],"file":"<a.txt>","big":"+5"})
    );
    // Raw UTF-8 on the wire, never \u escapes.
    assert!(doc.to_string().contains("你好"));
    // gh's rule for `a[][k]`: into the last object until it has `k`.
    let buttons = vec![
        f("button[][name]=A", false),
        f("button[][type]=click", false),
        f("button[][name]=B", false),
        f("button[][sub_button][][name]=B1", false),
        f("button[][sub_button][][name]=B2", false),
    ];
    assert_eq!(
        body_object(&buttons, Lang::En).unwrap(),
        json!({"button":[{"name":"A","type":"click"},{"name":"B","sub_button":[{"name":"B1"},{"name":"B2"}]}]})
    );
    let clash = vec![f("a=1", false), f("a[b]=2", false)];
    assert!(body_object(&clash, Lang::En).is_err());
    let mut read = |s: &str| Ok(format!("<{s}>"));
    for bad in [
        "=v",
        "novalue",
        "a[b=1",
        "[x]=1",
        "access_token=x",
        "ACCESS_TOKEN[a]=1",
    ] {
        assert!(field(bad, true, &mut read, Lang::En).is_err(), "{bad}");
    }
}

#[test]
fn an_answer_is_judged_by_its_body() {
    assert!(matches!(kind(br#"{"errcode":40001}"#), Kind::Json(_)));
    assert!(matches!(kind(b"\xff\xd8\xff\xe0JFIF"), Kind::Binary));
    assert!(matches!(kind(b"<html>502</html>"), Kind::Broken(_)));
    assert!(matches!(kind(b"{\"errcode\":"), Kind::Broken(_)));
    assert!(matches!(kind(b""), Kind::Broken(_)));
    assert!(matches!(kind(b"[1,2]"), Kind::Broken(_)));
}

#[test]
fn headers_are_checked() {
    assert_eq!(
        header("X-Trace: abc", Lang::En).unwrap(),
        ("X-Trace".to_string(), "abc".to_string())
    );
    for bad in [
        "NoColon",
        "Host: evil",
        "content-length: 1",
        "Bad Name: x",
        ": x",
    ] {
        assert!(header(bad, Lang::En).is_err(), "{bad}");
    }
}

#[test]
fn the_token_is_masked_in_the_shown_url() {
    let call = Call {
        method: "GET".into(),
        headers: Vec::new(),
        body: None,
        max_body: MAX_ANSWER,
        resendable: true,
    };
    let req = request("https://h/cgi-bin/x?a=1", "b=2", "TOKEN/+", call);
    assert_eq!(
        req.url,
        "https://h/cgi-bin/x?a=1&b=2&access_token=TOKEN%2F%2B"
    );
    assert_eq!(
        req.shown_url,
        "https://h/cgi-bin/x?a=1&b=2&access_token=***"
    );
}
