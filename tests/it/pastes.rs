//! `wxtoken explain` on what people have in hand (wechat-api.md §5.3): the real binary, each form
//! as an argument and on stdin, read back from `--json`. Offline: no server at all.

use crate::common::*;
use serde_json::Value;
use wxtoken::platform::Platform;
use wxtoken::wechat::catalog::lookup;

const RID: &str = "6610524e-3c4d5e6f-7a8b9c0d";
const IP: &str = "203.0.113.9";
const WECOM_HINT: &str = "1712345678_57_9c2e4b7a1d3f5e6c8b0a2d4f6e8c0b1a";

/// The errmsg of a 40164 with both forms of the IP and a current rid.
fn ip_errmsg() -> String {
    format!("invalid ip {IP} ipv6 ::ffff:{IP}, not in whitelist rid: {RID}")
}

/// What one pasted answer must come out as.
struct Want {
    errcode: i64,
    rid: Option<&'static str>,
    ip: Option<&'static str>,
}

const IP_40164: Want = Want {
    errcode: 40164,
    rid: Some(RID),
    ip: Some(IP),
};

fn exit_for(codes: &[i64]) -> i32 {
    if codes
        .iter()
        // The pastes of WeChat Work codes here carry its errmsg forms, so its catalogue explains them.
        .all(|c| {
            *c == 0 || lookup(Platform::Mp, *c).is_some() || lookup(Platform::Wecom, *c).is_some()
        })
    {
        0
    } else {
        10
    }
}

fn assert_item(doc: &Value, want: &Want, what: &str) {
    assert_eq!(doc["errcode"], want.errcode, "{what}: {doc}");
    assert_eq!(doc["rid"].as_str(), want.rid, "{what}: {doc}");
    assert_eq!(doc["ip"].as_str(), want.ip, "{what}: {doc}");
    assert!(doc["errmsg"].is_string(), "{what}: {doc}");
}

/// `paste` as an argument and on stdin: one JSON object, as `want`.
fn assert_explained(paste: &str, want: &Want) {
    for from_stdin in [false, true] {
        let mut cmd = wxtoken();
        cmd.args(["explain", "--json"]);
        if from_stdin {
            cmd.arg("-").write_stdin(paste.to_string());
        } else {
            cmd.arg(paste);
        }
        let out = run_hiding(&mut cmd, TOKEN);
        let what = format!("{paste:?} (stdin: {from_stdin})");
        assert_eq!(out.code, exit_for(&[want.errcode]), "{what}: {out:?}");
        let doc = out.json();
        assert!(doc.is_object(), "one answer, one object: {what}: {doc}");
        assert_item(&doc, want, &what);
    }
}

#[test]
fn json_inside_an_sdk_log_line() {
    let body = serde_json::json!({"errcode": 40164, "errmsg": ip_errmsg()}).to_string();
    assert_explained(&format!("Request access_token fail: {body}"), &IP_40164);
    assert_explained(
        &format!("2024-04-05 19:34:38.120 ERROR [main] c.x.WxService - 获取 token 失败：{body}。"),
        &IP_40164,
    );
}

#[test]
fn json_pretty_printed_or_with_tabs() {
    let doc = serde_json::json!({"errcode": 40164, "errmsg": ip_errmsg()});
    assert_explained(&serde_json::to_string_pretty(&doc).unwrap(), &IP_40164);
    assert_explained(
        &format!(
            "{{\n\t\"errcode\":\t40164,\n\t\"errmsg\":\t\"{}\"\n}}\n",
            ip_errmsg()
        ),
        &IP_40164,
    );
}

#[test]
fn python_dicts() {
    let m = ip_errmsg();
    assert_explained(&format!("{{'errcode': 40164, 'errmsg': '{m}'}}"), &IP_40164);
    assert_explained(
        &format!("{{u'errcode': 40164, u'errmsg': u'{m}'}}"),
        &IP_40164,
    );
}

#[test]
fn java_maps_and_javascript_objects() {
    let m = ip_errmsg();
    assert_explained(&format!("{{errcode=40164, errmsg={m}}}"), &IP_40164);
    assert_explained(&format!("{{ errcode: 40164, errmsg: '{m}' }}"), &IP_40164);
    assert_explained(
        &format!("{{ errcode: 41001, errmsg: 'access_token missing rid: {RID}' }}"),
        &Want {
            errcode: 41001,
            rid: Some(RID),
            ip: None,
        },
    );
}

#[test]
fn log_forms() {
    let m = ip_errmsg();
    assert_explained(&format!("[40164] {m}"), &IP_40164);
    assert_explained(&format!("2024-04-05 19:34:38 WARN [40164] {m}"), &IP_40164);
    assert_explained(
        "code[45009] msg[reach max api daily quota limit hint: [jotvMa01143580]]",
        &Want {
            errcode: 45009,
            rid: Some("jotvMa01143580"),
            ip: None,
        },
    );
    assert_explained(
        &format!(
            "errcode=40001 , errmsg=invalid credential, access_token is invalid or not latest rid: {RID}"
        ),
        &Want {
            errcode: 40001,
            rid: Some(RID),
            ip: None,
        },
    );
    // WeCom, as its SDKs log it: the hint is its request id, `from ip:` the caller's IP.
    assert_explained(
        &format!(
            "Error code: 60020, message: not allow to access from your ip, hint: [{WECOM_HINT}], from ip: {IP}, more info at https://open.work.weixin.qq.com/devtool/query?e=60020"
        ),
        &Want {
            errcode: 60020,
            rid: Some(WECOM_HINT),
            ip: Some(IP),
        },
    );
}

#[test]
fn curl_output_with_status_line_and_headers() {
    let body = serde_json::json!({"errcode": 40164, "errmsg": ip_errmsg()}).to_string();
    assert_explained(
        &format!(
            "HTTP/1.1 200 OK\r\nConnection: keep-alive\r\nContent-Type: application/json; encoding=utf-8\r\nContent-Length: {}\r\n\r\n{body}",
            body.len()
        ),
        &IP_40164,
    );
    // No JSON body: WeCom's Error-Code and Error-Msg headers, in any letter case.
    for (code, msg) in [
        ("Error-Code", "Error-Msg"),
        ("error-code", "error-msg"),
        ("ERROR-CODE", "Error-msg"),
    ] {
        assert_explained(
            &format!(
                "HTTP/2 200\r\nserver: nginx\r\n{code}: 60020\r\n{msg}: not allow to access from your ip, hint: [{WECOM_HINT}], from ip: {IP}, more info at https://open.work.weixin.qq.com/devtool/query?e=60020\r\ncontent-length: 0\r\n\r\n"
            ),
            &Want {
                errcode: 60020,
                rid: Some(WECOM_HINT),
                ip: Some(IP),
            },
        );
    }
}

#[test]
fn several_responses_on_stdin_are_explained_in_order() {
    let pasted = format!(
        "{}\n[45009] reach max api daily quota limit rid: {RID}\n{{'errcode': 40001, 'errmsg': 'invalid credential hint: [kRt4Ma0731e512]'}}\nHTTP/1.1 200 OK\r\nError-Code: 60020\r\nError-Msg: not allow, from ip: {IP}\r\n\r\n",
        serde_json::json!({"errcode": 40164, "errmsg": ip_errmsg()})
    );
    let out = run_hiding(
        wxtoken()
            .args(["explain", "-", "--json"])
            .write_stdin(pasted),
        TOKEN,
    );
    let wants = [
        IP_40164,
        Want {
            errcode: 45009,
            rid: Some(RID),
            ip: None,
        },
        Want {
            errcode: 40001,
            rid: Some("kRt4Ma0731e512"),
            ip: None,
        },
        Want {
            errcode: 60020,
            rid: None,
            ip: Some(IP),
        },
    ];
    let codes: Vec<i64> = wants.iter().map(|w| w.errcode).collect();
    assert_eq!(out.code, exit_for(&codes), "{out:?}");
    let doc = out.json();
    let items = doc.as_array().expect("several answers, an array");
    assert_eq!(items.len(), wants.len(), "{doc}");
    for (item, want) in items.iter().zip(&wants) {
        assert_item(item, want, "several");
    }
    // Text output: each one, in order.
    let out = run_hiding(
        wxtoken().args(["explain", "-"]).write_stdin(
            "{\"errcode\":40001,\"errmsg\":\"a\"}\n{\"errcode\":42001,\"errmsg\":\"b\"}",
        ),
        TOKEN,
    );
    let first = out.stdout.find("40001  ").expect("40001 explained");
    let second = out.stdout.find("42001  ").expect("42001 explained");
    assert!(first < second, "{out:?}");
}

#[test]
fn codes_still_work_as_before() {
    let doc = run(wxtoken().args(["explain", "--json", "40164", "-1"])).json();
    let codes: Vec<i64> = doc
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["errcode"].as_i64().unwrap())
        .collect();
    assert_eq!(codes, vec![40164, -1]);
    let out = run(wxtoken()
        .args(["explain", "--json", "-"])
        .write_stdin("40001 42001\n-1\n"));
    assert_eq!(out.code, 0, "{out:?}");
    assert_eq!(out.json().as_array().unwrap().len(), 3);
}

#[test]
fn a_log_in_another_encoding_still_gives_its_answer() {
    // GBK for "错误" around a JSON answer: not UTF-8, read anyway.
    let mut bytes = vec![0xB4, 0xED, 0xCE, 0xF3, b':', b' '];
    bytes.extend(
        serde_json::json!({"errcode": 40164, "errmsg": ip_errmsg()})
            .to_string()
            .as_bytes(),
    );
    let out = run(wxtoken()
        .args(["explain", "-", "--json"])
        .write_stdin(bytes));
    assert_eq!(out.code, 0, "{out:?}");
    assert_item(&out.json(), &IP_40164, "GBK");
}

#[test]
fn a_token_in_a_paste_is_never_shown() {
    let pastes = [
        // In errmsg, as a query parameter and as a JSON field, in every form of paste.
        serde_json::json!({"errcode": 40001, "errmsg": format!("invalid credential access_token={TOKEN} rid: {RID}")})
            .to_string(),
        format!(
            "{{'errcode': 40001, 'errmsg': 'invalid credential, \"access_token\":\"{TOKEN}\" rid: {RID}'}}"
        ),
        format!("{{errcode=40001, errmsg=invalid credential access_token={TOKEN} rid: {RID}}}"),
        format!("errcode=40001 , errmsg=invalid credential access_token={TOKEN} rid: {RID}"),
        format!(
            "HTTP/1.1 200 OK\r\nError-Code: 40001\r\nError-Msg: invalid credential access_token={TOKEN} rid: {RID}\r\n\r\n"
        ),
        // Around the answer: the request in a log line.
        format!(
            "GET https://api.weixin.qq.com/cgi-bin/getcallbackip?access_token={TOKEN} -> {{\"errcode\":40001,\"errmsg\":\"invalid credential rid: {RID}\"}}"
        ),
        format!(
            "{{\"request\":{{\"access_token\":\"{TOKEN}\"}},\"response\":{{\"errcode\":40001,\"errmsg\":\"invalid credential rid: {RID}\"}}}}"
        ),
    ];
    for paste in &pastes {
        for json in [false, true] {
            for from_stdin in [false, true] {
                let mut cmd = wxtoken();
                cmd.arg("explain");
                if json {
                    cmd.arg("--json");
                }
                if from_stdin {
                    cmd.arg("-").write_stdin(paste.clone());
                } else {
                    cmd.arg(paste);
                }
                // run_hiding: the token is on neither stdout nor stderr.
                let out = run_hiding(&mut cmd, TOKEN);
                assert_eq!(out.code, 0, "{paste}: {out:?}");
                assert!(out.stdout.contains(RID), "{paste}: {out:?}");
                if json {
                    let doc = out.json();
                    assert_eq!(doc["errcode"], 40001, "{paste}: {doc}");
                    assert_eq!(doc["rid"], RID, "{paste}: {doc}");
                }
            }
        }
    }
    // A success with its token: errcode 0, and no token.
    for paste in [
        format!("{{'access_token': '{TOKEN}', 'expires_in': 7200}}"),
        format!("token response: {{\"access_token\":\"{TOKEN}\",\"expires_in\":7200}}"),
        format!("{{access_token={TOKEN}, expires_in=7200}}"),
    ] {
        let out = run_hiding(wxtoken().args(["explain", "--json", &paste]), TOKEN);
        assert_eq!(out.code, 0, "{out:?}");
        assert_eq!(out.json()["errcode"], 0);
    }
}

#[test]
fn text_without_an_answer_is_a_usage_error_that_echoes_nothing() {
    for paste in [
        format!("please help, my token {TOKEN} does not work"),
        format!("{{\"access\":\"{TOKEN}\"}}"),
        format!("[12] {TOKEN}"),
        "HTTP/1.1 502 Bad Gateway\r\nServer: nginx\r\n\r\n<html>bad gateway</html>".to_string(),
    ] {
        for from_stdin in [false, true] {
            let mut cmd = wxtoken();
            cmd.args(["explain", "--json"]);
            if from_stdin {
                cmd.arg("-").write_stdin(paste.clone());
            } else {
                cmd.arg(&paste);
            }
            let out = run_hiding(&mut cmd, TOKEN);
            assert_eq!(out.code, 2, "{paste}: {out:?}");
            let chars = paste.trim().chars().count().to_string();
            assert!(out.stderr.contains(&chars), "the length: {out:?}");
            assert_eq!(out.json()["error"]["kind"], "usage", "{out:?}");
        }
    }
}
