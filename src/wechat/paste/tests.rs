//! Unit tests of the paste reader.

use super::*;

const RID: &str = "6610524e-3c4d5e6f-7a8b9c0d";

fn one(text: &str) -> Found {
    let found = answers(text);
    assert_eq!(found.len(), 1, "{text:?}: {found:?}");
    found.into_iter().next().unwrap()
}

fn msg(code: i64, m: &str) -> Found {
    (code, Some(m.to_string()))
}

#[test]
fn plain_codes() {
    assert_eq!(answers("40164"), vec![(40164, None)]);
    assert_eq!(answers(" -1 "), vec![(-1, None)]);
    assert_eq!(
        answers("40001\n42001 -1\n"),
        vec![(40001, None), (42001, None), (-1, None)]
    );
    assert_eq!(answers(""), vec![]);
    assert_eq!(answers("  \n"), vec![]);
}

#[test]
fn nothing_in_a_token_a_secret_or_prose() {
    for text in [
        "78_Tk-QzN3aXbY7cT9pLmK2vR5sW8eH1jG4fD6uI0oP3lZxCvBnMqAsDfGhJkL_token",
        "5ec2e75ec2e75ec2e75ec2e75ec2e7ab",
        "hello",
        "x1",
        r#"{"foo":1}"#,
        r#"{"errcode":"abc"}"#,
        "[12] worker started",
        "2024-04-05 [main] INFO started",
        "HTTP status code: 500",
        "{",
        "}{",
        "errcode=",
        "code[abc] msg[x]",
        "qrcode=12345",
        "99999999999999999999999",
    ] {
        assert_eq!(answers(text), vec![], "{text:?}");
    }
}

#[test]
fn json_anywhere_in_a_line() {
    let m = format!("invalid credential, access_token is invalid or not latest rid: {RID}");
    let body = format!(r#"{{"errcode":40001,"errmsg":"{m}"}}"#);
    for text in [
        body.clone(),
        format!("Request access_token fail: {body}"),
        format!("2024-04-05 19:34:38 ERROR [wx] Request access_token fail: {body} (retrying)"),
        format!("{body}。"),
    ] {
        assert_eq!(one(&text), msg(40001, &m), "{text}");
    }
}

#[test]
fn json_pretty_printed_or_with_tabs() {
    let text =
        "{\n\t\"errcode\": 40013,\n\t\"errmsg\": \"invalid appid hint: [kRt4Ma0731e512]\"\n}\n";
    assert_eq!(
        one(text),
        msg(40013, "invalid appid hint: [kRt4Ma0731e512]")
    );
    let text =
        "response:\n{\n    \"errcode\" : 40164 ,\n    \"errmsg\" : \"invalid ip 1.2.3.4\"\n}";
    assert_eq!(one(text), msg(40164, "invalid ip 1.2.3.4"));
}

#[test]
fn json_escaped_inside_a_string_or_a_log_field() {
    let text = r#"{"level":"error","body":"{\"errcode\":40125,\"errmsg\":\"invalid appsecret\"}"}"#;
    assert_eq!(one(text), msg(40125, "invalid appsecret"));
    let text = r#"body="{\"errcode\":40125,\"errmsg\":\"invalid appsecret\"}" status=200"#;
    assert_eq!(one(text), msg(40125, "invalid appsecret"));
}

#[test]
fn json_broken_by_a_typographic_quote() {
    let text = "{\"errcode\":40001,\"errmsg\":\"invalid credential”}";
    assert_eq!(one(text), msg(40001, "invalid credential"));
}

#[test]
fn wxtoken_documents_and_successes() {
    let text = r#"{"error":{"kind":"wechat","errcode":40164,"errmsg":"invalid ip 1.2.3.4","rid":null},"exit_code":7}"#;
    assert_eq!(one(text), msg(40164, "invalid ip 1.2.3.4"));
    assert_eq!(
        one(r#"{"access_token":"ACCESS_TOKEN","expires_in":7200}"#),
        (0, None)
    );
    assert_eq!(one(r#"{"ip_list":["101.226.103.0/25"]}"#), (0, None));
    assert_eq!(
        one(r#"{"errcode":"45009","errmsg":"reach max api daily quota limit"}"#),
        msg(45009, "reach max api daily quota limit")
    );
    assert_eq!(
        one(r#"{"errcode":-1,"errmsg":"system error"}"#),
        msg(-1, "system error")
    );
    // A request's token echoed in a log is no success; the answer next to it is found.
    assert_eq!(
        answers(r#"{"request":{"access_token":"T"},"response":{"errcode":40001,"errmsg":"a"}}"#),
        vec![msg(40001, "a")]
    );
    assert_eq!(answers(r#"{"access_token":"T"}"#), vec![]);
    assert_eq!(one("{'access_token': 'T', 'expires_in': 7200}"), (0, None));
    assert_eq!(one("{access_token=T, expires_in=7200}"), (0, None));
    // Strings inside JSON are no plain codes.
    assert_eq!(answers(r#"{"port":"8080","note":"40001"}"#), vec![]);
}

#[test]
fn python_dicts() {
    let m = format!("invalid appsecret rid: {RID}");
    for text in [
        format!("{{'errcode': 40125, 'errmsg': '{m}'}}"),
        format!("{{u'errcode': 40125, u'errmsg': u'{m}'}}"),
        format!("WeChatClientException: {{'errcode': 40125, 'errmsg': \"{m}\"}}"),
        format!("{{'errmsg': '{m}', 'errcode': 40125, 'extra': None}}"),
    ] {
        assert_eq!(one(&text), msg(40125, &m), "{text}");
    }
    assert_eq!(
        one(r"{'errcode': 40125, 'errmsg': 'it\'s \u6e05 \x41'}"),
        msg(40125, "it's 清 A")
    );
}

#[test]
fn java_maps() {
    let m = format!("invalid credential, access_token is invalid or not latest rid: {RID}");
    assert_eq!(
        one(&format!("{{errcode=40001, errmsg={m}}}")),
        msg(40001, &m)
    );
    assert_eq!(
        one(&format!("result: {{errmsg={m}, errcode=40001}}")),
        msg(40001, &m)
    );
    assert_eq!(
        one(
            "{errcode=45009, errmsg=reach max api daily quota limit, hints: [ req_id: Tz9Gka0612ns07 ]}"
        ),
        msg(
            45009,
            "reach max api daily quota limit, hints: [ req_id: Tz9Gka0612ns07 ]"
        )
    );
}

#[test]
fn javascript_objects() {
    let m = format!("access_token missing rid: {RID}");
    for text in [
        format!("{{ errcode: 41001, errmsg: '{m}' }}"),
        format!("Error: {{ errcode: 41001, errmsg: \"{m}\" }}"),
        format!("{{\n  errcode: 41001,\n  errmsg: '{m}'\n}}"),
    ] {
        assert_eq!(one(&text), msg(41001, &m), "{text}");
    }
}

#[test]
fn log_forms() {
    let cases = [
        (
            "[40164] invalid ip 1.2.3.4 ipv6 ::ffff:1.2.3.4, not in whitelist",
            msg(
                40164,
                "invalid ip 1.2.3.4 ipv6 ::ffff:1.2.3.4, not in whitelist",
            ),
        ),
        (
            "2024-04-05 19:34:38 [ERROR] [40164] invalid ip 1.2.3.4",
            msg(40164, "invalid ip 1.2.3.4"),
        ),
        ("[-1] system error", msg(-1, "system error")),
        (
            "code[45009] msg[reach max api daily quota limit hint: [bN-4W7qcE!]]",
            msg(45009, "reach max api daily quota limit hint: [bN-4W7qcE!]"),
        ),
        (
            "errcode=40001 , errmsg=invalid credential, access_token is invalid or not latest",
            msg(
                40001,
                "invalid credential, access_token is invalid or not latest",
            ),
        ),
        (
            "Error code: 60020, message: not allow to access from your ip, hint: [1712345678402917365820194], from ip: 1.2.3.4",
            msg(
                60020,
                "not allow to access from your ip, hint: [1712345678402917365820194], from ip: 1.2.3.4",
            ),
        ),
        (
            "errmsg=invalid appid, errcode=40013",
            msg(40013, "invalid appid"),
        ),
        (
            "get token failed: errcode: 40013 errmsg: \"invalid appid\" retry=0",
            msg(40013, "invalid appid"),
        ),
        (
            "获取失败：invalid credential。错误代码：40001",
            (40001, None),
        ),
        (
            "errcode: 40001\nerrmsg: invalid credential",
            msg(40001, "invalid credential"),
        ),
    ];
    for (text, want) in cases {
        assert_eq!(one(text), want, "{text}");
    }
}

#[test]
fn curl_output() {
    let body = format!(r#"{{"errcode":40013,"errmsg":"invalid appid rid: {RID}"}}"#);
    let text = format!(
        "HTTP/1.1 200 OK\r\nConnection: keep-alive\r\nContent-Type: application/json; encoding=utf-8\r\nContent-Length: {}\r\n\r\n{body}",
        body.len()
    );
    assert_eq!(one(&text), msg(40013, &format!("invalid appid rid: {RID}")));
    // WeCom: the headers mirror the body; the body wins.
    let text = format!("HTTP/2 200\nerror-code: 40013\nerror-msg: invalid corpid\n\n{body}\n");
    assert_eq!(one(&text), msg(40013, &format!("invalid appid rid: {RID}")));
    // No JSON body: the headers, in any letter case.
    for (code, m) in [
        ("Error-Code", "Error-Msg"),
        ("error-code", "error-msg"),
        ("ERROR-CODE", "ERROR-MSG"),
    ] {
        let text = format!(
            "HTTP/1.1 200 OK\r\n{code}: 60020\r\n{m}: not allow to access from your ip, from ip: 1.2.3.4\r\nContent-Length: 0\r\n\r\n"
        );
        assert_eq!(
            one(&text),
            msg(60020, "not allow to access from your ip, from ip: 1.2.3.4"),
            "{text}"
        );
    }
    // A status line quoted in a JSON log is no curl output: the JSON is read as it is.
    assert_eq!(
        one(r#"{"msg":"got HTTP/1.1 200 OK","errcode":40001,"errmsg":"a"}"#),
        msg(40001, "a")
    );
    // Headers alone are no answer, and neither is a status line.
    assert_eq!(
        answers("HTTP/1.1 502 Bad Gateway\r\nServer: nginx\r\n\r\n<html>bad</html>"),
        vec![]
    );
}

#[test]
fn several_responses_in_order() {
    let text = "{\"errcode\":40001,\"errmsg\":\"a\"}\n[45009] b\n{'errcode': 42001, 'errmsg': 'c'}\nerrcode=-1, errmsg=d\n40013\n";
    assert_eq!(
        answers(text),
        vec![
            msg(40001, "a"),
            msg(45009, "b"),
            msg(42001, "c"),
            msg(-1, "d"),
            (40013, None)
        ]
    );
    let two = "{\"errcode\":40001,\"errmsg\":\"a\"}{\"errcode\":42001,\"errmsg\":\"b\"}";
    assert_eq!(answers(two), vec![msg(40001, "a"), msg(42001, "b")]);
    // Two curl -si responses, the second glued to the first body.
    let curl = "HTTP/1.1 200 OK\r\n\r\n{\"errcode\":40001,\"errmsg\":\"a\"}HTTP/1.1 200 OK\r\nError-Code: 60020\r\nError-Msg: b\r\n\r\n";
    assert_eq!(answers(curl), vec![msg(40001, "a"), msg(60020, "b")]);
    // A log's prefix naming the code of the object that follows is not a second answer.
    assert_eq!(
        answers("[40001] {\"errcode\":40001,\"errmsg\":\"a\"}"),
        vec![msg(40001, "a")]
    );
}

/// A small deterministic fuzz: pieces of every form glued at random, multi-byte characters
/// among them; nothing may panic, and the errmsg parsers hold on what is found.
#[test]
fn pieces_glued_at_random_never_panic() {
    let pieces = [
        "{",
        "}",
        "[",
        "]",
        "'",
        "\"",
        "\\",
        "”",
        "u'",
        ":",
        "=",
        ",",
        "\n",
        "\r\n",
        " ",
        "errcode",
        "errmsg",
        "code",
        "msg",
        "Error code",
        "message",
        "40164",
        "-1",
        "45009",
        "rid: ",
        "hint: [",
        "req_id:",
        "6610524e-3c4d5e6f-7a8b9c0d",
        "错误代码：",
        "错",
        "HTTP/1.1 200 OK",
        "Error-Code: ",
        "Error-Msg: ",
        "access_token",
        "expires_in",
        "ip_list",
        "::ffff:",
        "1.2.3.4",
        "from ip: ",
        "x.x.x.x",
        "…",
        "！",
        "\\\"",
        "\\u6e05",
        "\\u",
        "\\x4",
        "None",
        "{'errcode': 40001, 'errmsg': 'a'}",
    ];
    let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    for _ in 0..4000 {
        let n = (next() % 24) as usize;
        let text: String = (0..n)
            .map(|_| pieces[(next() % pieces.len() as u64) as usize])
            .collect();
        let _ = crate::wechat::errmsg::caller_ip(&text);
        let _ = crate::wechat::errmsg::has_ipv4_mapped_form(&text);
        if let Some(rid) = crate::wechat::errmsg::request_id(&text) {
            assert!(text.contains(&rid), "{text:?}");
        }
        for (_, msg) in answers(&text) {
            if let Some(m) = msg {
                if let Some(rid) = crate::wechat::errmsg::request_id(&m) {
                    assert!(m.contains(&rid), "{text:?}");
                }
                let _ = crate::wechat::errmsg::caller_ip(&m);
            }
        }
    }
}

/// Inputs that would make a naive scanner quadratic (every `{` an unclosed object, every quote
/// an unclosed string) hold no answer. How fast they are read is for the benchmark, not a test:
/// the read budget bounds the work by construction (see `balanced_len`).
#[test]
fn pathological_input_holds_no_answer() {
    for unit in [
        "{",
        "{a:[",
        "{\"a\":[",
        "{'a':'",
        "{a=",
        "[40001",
        "errcode=",
        "{\"a\":\"\\\"",
    ] {
        let text = unit.repeat(64 * 1024 / unit.len());
        let found = answers(&text);
        assert!(
            found.iter().all(|(code, _)| *code == 40001),
            "{unit}: {:?}",
            &found[..found.len().min(3)]
        );
    }
}
