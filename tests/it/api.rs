//! `wxtoken api` against a mock WeChat API on 127.0.0.1: requests as `gh api` makes them,
//! answers judged by their body, errcodes explained with their exit codes, one guarded refresh
//! of a rejected kept token (one token fetch for a whole fleet), pagination, and no leaks.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use crate::common::redis_server::RedisServer;
use crate::common::*;

const JPEG: &[u8] = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01binary-qr-code";

fn token_n(n: usize) -> String {
    format!("{TOKEN}{n}")
}

/// The mock WeChat API. Tokens are numbered by fetch (`token_n`); `/cgi-bin/once40001` rejects
/// the first token it sees, whatever it is called with later succeeds.
fn api_mock() -> (Mock, Arc<AtomicUsize>) {
    let fetches = Arc::new(AtomicUsize::new(0));
    let counted = fetches.clone();
    let first_token = Arc::new(std::sync::Mutex::new(None::<String>));
    let mock = Mock::with(move |req, _| {
        let q = req.query();
        let param = |k: &str| q.iter().find(|(n, _)| n == k).map(|(_, v)| v.clone());
        let token = param("access_token").unwrap_or_default();
        let bin = |ct: &'static str, body: &[u8]| Reply::Http {
            status: 200,
            content_type: ct,
            body: body.to_vec(),
            extra_headers: Vec::new(),
        };
        match req.path() {
            "/cgi-bin/token" | "/cgi-bin/stable_token" => {
                let n = counted.fetch_add(1, Ordering::SeqCst) + 1;
                Reply::json(&format!(
                    r#"{{"access_token":"{}","expires_in":7200}}"#,
                    token_n(n)
                ))
            }
            "/cgi-bin/user/get" => match param("next_openid").as_deref() {
                None | Some("") => Reply::json(
                    r#"{"total":5,"count":2,"data":{"openid":["o1","o2"]},"next_openid":"o2"}"#,
                ),
                Some("o2") => Reply::json(
                    r#"{"total":5,"count":2,"data":{"openid":["o3","o4"]},"next_openid":"o4"}"#,
                ),
                Some(_) => Reply::json(
                    r#"{"total":5,"count":1,"data":{"openid":["o5"]},"next_openid":""}"#,
                ),
            },
            "/cgi-bin/material/batchget_material" => {
                let offset = req.body_json()["offset"].as_i64().unwrap_or(0);
                let items = (45 - offset).min(20);
                Reply::json(&format!(
                    r#"{{"total_count":45,"item_count":{items},"item":[{{"offset":{offset}}}]}}"#
                ))
            }
            "/wxa/qr" => bin("application/json; encoding=utf-8", JPEG),
            "/wxa/qr_err" => Reply::Http {
                status: 200,
                content_type: "image/jpeg",
                body: br#"{"errcode":45009,"errmsg":"reach max api daily quota limit rid: 6597b34f-49e4c9dc-1b25fb87"}"#.to_vec(),
                extra_headers: Vec::new(),
            },
            "/cgi-bin/once40001" => {
                let mut first = first_token.lock().unwrap();
                if first.is_none() {
                    *first = Some(token.clone());
                }
                if first.as_deref() == Some(token.as_str()) {
                    Reply::errcode(40001, "invalid credential, access_token is invalid or not latest")
                } else {
                    Reply::json(r#"{"errcode":0,"errmsg":"ok","menu":{}}"#)
                }
            }
            "/cgi-bin/always40001" => Reply::errcode(40001, "access_token is invalid or not latest"),
            "/cgi-bin/post_only" => Reply::errcode(43002, "require POST method"),
            "/cgi-bin/unauthorized" => Reply::errcode(48001, "api unauthorized"),
            "/cgi-bin/minute" => Reply::errcode(45011, "api minute-quota reach limit"),
            "/cgi-bin/gateway" => Reply::status(200, "text/html", "<html>gateway says hi</html>"),
            "/cgi-bin/gateway_json" => Reply::status(502, "application/json", r#"{"message":"bad gateway"}"#),
            "/cgi-bin/fail502" => Reply::status(502, "text/html", "<html>502 Bad Gateway</html>"),
            // A gateway that saw the token fetch echoes the secret in an answer.
            "/cgi-bin/echo_secret" => Reply::json(&format!(
                r#"{{"errcode":0,"seen":"secret={SECRET}","token":"{token}"}}"#
            )),
            // A page, then an errcode (quota spent on the way).
            "/cgi-bin/user/get_then_fail" => match param("next_openid").as_deref() {
                None | Some("") => Reply::json(
                    r#"{"total":5,"count":2,"data":{"openid":["o1","o2"]},"next_openid":"o2"}"#,
                ),
                Some(_) => Reply::errcode(45009, "reach max api daily quota limit"),
            },
            // An answer over the 64 MiB `api` takes, announced or not.
            "/cgi-bin/flood" | "/cgi-bin/flood_unannounced" => Reply::Flood {
                len: 65 << 20,
                announced: req.path() == "/cgi-bin/flood",
            },
            "/cgi-bin/same_page" => Reply::json(
                r#"{"total":9,"count":1,"data":{"openid":["o1"]},"next_openid":"o1"}"#,
            ),
            "/cgi-bin/media/upload" => {
                let ct = req.header("content-type").unwrap_or_default().to_string();
                let body = String::from_utf8_lossy(&req.body).to_string();
                let ok = ct.starts_with("multipart/form-data; boundary=")
                    && body.contains("name=\"media\"; filename=\"photo.jpg\"")
                    && body.contains("Content-Type: image/jpeg")
                    && body.contains("binary-qr-code");
                if ok {
                    Reply::json(r#"{"type":"image","media_id":"M1","created_at":1}"#)
                } else {
                    Reply::errcode(41005, "media data missing")
                }
            }
            // A hostile echo: the token comes back in a header.
            _ => Reply::Http {
                status: 200,
                content_type: "application/json",
                body: format!(
                    r#"{{"errcode":0,"errmsg":"ok","method":"{}","echo":{}}}"#,
                    req.method,
                    serde_json::Value::String(String::from_utf8_lossy(&req.body).to_string())
                )
                .into_bytes(),
                extra_headers: vec![("X-Echo".into(), format!("access_token={token}"))],
            },
        }
    });
    (mock, fetches)
}

fn api(mock: &Mock, args: &[&str]) -> assert_cmd::Command {
    let mut cmd = with_credentials(mock, &["api"]);
    cmd.args(args);
    cmd
}

/// The API calls the mock saw (not token fetches).
fn calls(mock: &Mock) -> Vec<Recorded> {
    mock.requests()
        .into_iter()
        .filter(|r| !r.path().ends_with("token"))
        .collect()
}

#[test]
fn a_get_prints_the_body_and_sends_the_token_only_as_access_token() {
    let (mock, fetches) = api_mock();
    let out = run(&mut api(&mock, &["cgi-bin/echo?x=1", "--stable", "-v"]));
    assert_eq!(out.code, 0, "{out:?}");
    let doc: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(doc["method"], "GET");
    assert_eq!(fetches.load(Ordering::SeqCst), 1);
    let call = &calls(&mock)[0];
    assert_eq!(call.path(), "/cgi-bin/echo");
    assert!(
        call.query().contains(&("access_token".into(), token_n(1))),
        "{call:?}"
    );
    assert!(call.query().contains(&("x".into(), "1".into())), "{call:?}");
    // -v shows the request with the token masked.
    assert!(out.stderr.contains("access_token=***"), "{out:?}");
    assert!(!out.stderr.contains(&token_n(1)) && !out.stdout.contains(&token_n(1)));
}

#[test]
fn fields_make_one_utf8_json_body_and_a_post() {
    let (mock, _) = api_mock();
    let out = run(&mut api(
        &mock,
        &[
            "/cgi-bin/message/custom/send",
            "--stable",
            "-f",
            "touser=o1",
            "-f",
            "text[content]=你好，世界",
            "-F",
            "count=3",
            "-F",
            "safe=true",
        ],
    ));
    assert_eq!(out.code, 0, "{out:?}");
    let call = &calls(&mock)[0];
    assert_eq!(call.method, "POST");
    assert_eq!(call.header("content-type"), Some("application/json"));
    let body = String::from_utf8(call.body.clone()).unwrap();
    assert!(
        body.contains("你好，世界") && !body.contains("\\u"),
        "{body}"
    );
    assert_eq!(
        call.body_json(),
        serde_json::json!({"touser":"o1","text":{"content":"你好，世界"},"count":3,"safe":true})
    );
    // -X GET puts the fields in the query string.
    let out = run(&mut api(
        &mock,
        &["cgi-bin/echo", "--stable", "-X", "GET", "-f", "a=b c"],
    ));
    assert_eq!(out.code, 0, "{out:?}");
    let call = calls(&mock).pop().unwrap();
    assert_eq!(call.method, "GET");
    assert!(
        call.query().contains(&("a".into(), "b c".into())),
        "{call:?}"
    );
}

#[test]
fn a_bad_path_or_input_is_refused_before_any_request() {
    let (mock, _) = api_mock();
    let other = "https://evil.example.com/cgi-bin/user/get";
    for args in [
        vec![other],
        vec!["cgi-bin/user/get?access_token=abc"],
        vec!["cgi-bin/x", "-f", "=v"],
        vec!["cgi-bin/x", "-H", "Host: evil"],
        vec!["cgi-bin/x", "-X", "GET", "--input", "/dev/null"],
        vec!["cgi-bin/x", "--input", "/nonexistent/body.json"],
        vec!["cgi-bin/x", "--rejected", TOKEN, "--cache"],
        vec!["cgi-bin/x", "--paginate"],
        vec!["cgi-bin/x", "--token-stdin", "--input", "-"],
        vec!["cgi-bin/user/get", "--paginate", "--output", "pages.json"],
        vec!["cgi-bin/x", "-f", "access_token=abc"],
        vec![
            "cgi-bin/user/get",
            "--paginate",
            "--paginate-style",
            "offset:a,b",
        ],
    ] {
        let out = run(api(&mock, &args).arg("--stable"));
        assert_eq!(out.code, 2, "{args:?}: {out:?}");
        assert!(out.stdout.is_empty(), "{args:?}: {out:?}");
    }
    let out = run(&mut api(&mock, &[other, "--stable"]));
    assert!(
        says(&out.stderr, "the token would go to evil.example.com"),
        "{out:?}"
    );
    // An API wxtoken cannot page is named by its own path.
    let out = run(&mut api(
        &mock,
        &["wxa/business/list", "--stable", "--paginate"],
    ));
    assert_eq!(out.code, 2, "{out:?}");
    assert!(says(&out.stderr, "how /wxa/business/list pages"), "{out:?}");
    assert_eq!(mock.count(), 0, "nothing was sent, not even a token fetch");
}

#[test]
fn dry_run_shows_the_request_with_the_token_masked_and_sends_nothing() {
    let (mock, _) = api_mock();
    let out = run(&mut api(
        &mock,
        &[
            "cgi-bin/menu/create",
            "--dry-run",
            "-f",
            "button[][name]=菜单",
            "-H",
            "X-Trace: 7",
        ],
    ));
    assert_eq!(out.code, 0, "{out:?}");
    assert!(out.stdout.starts_with("POST "), "{out:?}");
    assert!(
        out.stdout.contains("/cgi-bin/menu/create?access_token=***"),
        "{out:?}"
    );
    assert!(
        out.stdout.contains("X-Trace: 7") && out.stdout.contains("菜单"),
        "{out:?}"
    );
    assert_eq!(mock.count(), 0);
}

#[test]
fn a_file_answer_is_known_by_its_body_whatever_its_content_type() {
    let (mock, _) = api_mock();
    let dir = tempdir();
    let file = dir.join("code.jpg");
    let out = run(api(
        &mock,
        &["wxa/qr", "--stable", "-f", "scene=a=1", "--output"],
    )
    .arg(&file));
    assert_eq!(out.code, 0, "{out:?}");
    assert_eq!(std::fs::read(&file).unwrap(), JPEG);
    assert!(out.stdout.is_empty());
    // To a pipe, byte for byte.
    let raw = api(&mock, &["wxa/qr", "--stable"]).output().unwrap();
    assert_eq!(raw.stdout, JPEG);
    // An error labelled image/jpeg is JSON: on stdout, explained, its exit code; no file.
    let file2 = dir.join("err.jpg");
    let out = run(api(&mock, &["wxa/qr_err", "--stable", "--output"]).arg(&file2));
    assert_eq!(out.code, 8, "{out:?}");
    assert_eq!(out.json()["errcode"], 45009);
    assert!(says(&out.stderr, "6597b34f-49e4c9dc-1b25fb87"), "{out:?}");
    assert!(!file2.exists());
    // An HTML page where JSON or a file was expected is a bad response.
    let out = run(&mut api(&mock, &["cgi-bin/gateway", "--stable"]));
    assert_eq!(out.code, 4, "{out:?}");
}

#[test]
fn errcodes_print_the_body_explain_on_stderr_and_exit_with_their_kind() {
    let (mock, _) = api_mock();
    for (path, exit) in [
        ("cgi-bin/post_only", 13),
        ("cgi-bin/unauthorized", 14),
        ("cgi-bin/minute", 8),
    ] {
        let out = run(&mut api(&mock, &[path, "--stable", "--retries", "2"]));
        assert_eq!(out.code, exit, "{path}: {out:?}");
        assert!(out.json()["errcode"].is_i64(), "the body for jq: {out:?}");
        assert!(out.stderr.contains("wxtoken: error:"), "{out:?}");
    }
    // Quota errors are never retried.
    let minute = calls(&mock)
        .iter()
        .filter(|r| r.path() == "/cgi-bin/minute")
        .count();
    assert_eq!(minute, 1);
    // --json: the explanation is one JSON document on stderr, stdout still the body.
    let out = run(&mut api(
        &mock,
        &["cgi-bin/unauthorized", "--stable", "--json"],
    ));
    assert_eq!(out.code, 14, "{out:?}");
    assert_eq!(out.json()["errcode"], 48001);
    let err: serde_json::Value = serde_json::from_str(out.stderr.trim()).expect("one document");
    assert_eq!(err["exit_code"], 14, "{err}");
}

#[test]
fn system_busy_is_retried_with_backoff() {
    let mock = Mock::with(|req, n| {
        if req.path().ends_with("token") {
            Reply::token(7200)
        } else if n < 2 {
            Reply::errcode(-1, "system error")
        } else {
            Reply::json(r#"{"errcode":0,"ok":1}"#)
        }
    });
    let out = run(&mut api(
        &mock,
        &["cgi-bin/x", "--stable", "--retries", "2"],
    ));
    assert_eq!(out.code, 0, "{out:?}");
    assert_eq!(calls(&mock).len(), 2);
}

#[test]
fn a_rejected_cached_token_is_refreshed_once_and_a_given_one_never() {
    let (mock, fetches) = api_mock();
    let cache = tempdir();
    let cached = |args: &[&str]| {
        let mut cmd = api(&mock, args);
        cmd.arg("--cache").arg("--cache-dir").arg(&cache);
        cmd
    };
    let out = run(&mut cached(&["cgi-bin/once40001"]));
    assert_eq!(out.code, 0, "{out:?}");
    assert_eq!(fetches.load(Ordering::SeqCst), 2, "one fetch, one refresh");
    assert_eq!(calls(&mock).len(), 2, "the call, then once more");
    // Always rejected: one refresh, then the explanation; never a loop.
    let out = run(&mut cached(&["cgi-bin/always40001"]));
    assert_eq!(out.code, 6, "{out:?}");
    assert_eq!(fetches.load(Ordering::SeqCst), 3);
    // A given token is never refreshed.
    let before = mock.count();
    let out = run(api(&mock, &["cgi-bin/always40001"]).env("WXTOKEN_ACCESS_TOKEN", TOKEN));
    assert_eq!(out.code, 6, "{out:?}");
    assert_eq!(mock.count(), before + 1);
    assert!(says(&out.stderr, "wxtoken did not replace it"), "{out:?}");
    // A classic token nobody keeps is never refetched (it would break every other holder).
    let before = fetches.load(Ordering::SeqCst);
    let out = run(&mut api(&mock, &["cgi-bin/always40001"]));
    assert_eq!(out.code, 6, "{out:?}");
    assert_eq!(fetches.load(Ordering::SeqCst), before + 1);
    assert!(says(&out.stderr, "use --stable"), "{out:?}");
}

#[test]
fn sixteen_runs_hitting_40001_with_one_stored_token_cause_one_fetch() {
    let redis = RedisServer::start();
    let (mock, fetches) = api_mock();
    // The fleet's token, kept in the store.
    let out = run(&mut with_credentials(
        &mock,
        &["fetch", "--store", &redis.url()],
    ));
    assert_eq!(out.code, 0, "{out:?}");
    assert_eq!(fetches.load(Ordering::SeqCst), 1);
    let (base, store) = (mock.url(), redis.url());
    let envs = [
        ("WXTOKEN_APPID", APPID),
        ("WXTOKEN_SECRET", SECRET),
        ("WXTOKEN_API_BASE", &base),
    ];
    for out in at_once(16, &["api", "cgi-bin/once40001", "--store", &store], &envs) {
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success(), "{stderr}");
        assert!(!stderr.contains(TOKEN), "{stderr}");
    }
    assert_eq!(
        fetches.load(Ordering::SeqCst),
        2,
        "one refresh for the whole fleet"
    );
}

#[test]
fn pages_follow_each_style_and_max_pages_stops_with_15() {
    let (mock, _) = api_mock();
    let out = run(&mut api(
        &mock,
        &["cgi-bin/user/get", "--stable", "--paginate"],
    ));
    assert_eq!(out.code, 0, "{out:?}");
    let lines: Vec<&str> = out.stdout.lines().collect();
    assert_eq!(lines.len(), 3, "{out:?}");
    let openids: Vec<serde_json::Value> = lines
        .iter()
        .flat_map(|l| {
            let doc: serde_json::Value = serde_json::from_str(l).unwrap();
            doc["data"]["openid"].as_array().unwrap().clone()
        })
        .collect();
    assert_eq!(openids.len(), 5);
    let out = run(&mut api(
        &mock,
        &[
            "cgi-bin/material/batchget_material",
            "--stable",
            "-f",
            "type=image",
            "-F",
            "offset=0",
            "-F",
            "count=20",
            "--paginate",
            "--slurp",
        ],
    ));
    assert_eq!(out.code, 0, "{out:?}");
    let pages = out.json();
    let offsets: Vec<i64> = pages
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["item"][0]["offset"].as_i64().unwrap())
        .collect();
    assert_eq!(offsets, [0, 20, 40]);
    let out = run(&mut api(
        &mock,
        &[
            "cgi-bin/user/get",
            "--stable",
            "--paginate",
            "--max-pages",
            "2",
        ],
    ));
    assert_eq!(out.code, 15, "{out:?}");
    assert_eq!(out.stdout.lines().count(), 2, "{out:?}");
    assert!(says(&out.stderr, "--max-pages 2 reached"), "{out:?}");
    // Its JSON document says the exit code the process ends with.
    let out = run(&mut api(
        &mock,
        &[
            "cgi-bin/user/get",
            "--stable",
            "--paginate",
            "--max-pages",
            "2",
            "--json",
        ],
    ));
    assert_eq!(out.code, 15, "{out:?}");
    let err: serde_json::Value = serde_json::from_str(out.stderr.trim()).expect("one document");
    assert_eq!(
        (err["exit_code"].as_u64(), err["error"]["kind"].as_str()),
        (Some(15), Some("pages")),
        "{err}"
    );
}

#[test]
fn a_multipart_upload_carries_the_file_part() {
    let (mock, _) = api_mock();
    let dir = tempdir();
    let photo = dir.join("photo.jpg");
    std::fs::write(&photo, JPEG).unwrap();
    let out = run(api(
        &mock,
        &["cgi-bin/media/upload?type=image", "--stable", "--form"],
    )
    .arg(format!("media=@{}", photo.display())));
    assert_eq!(out.code, 0, "{out:?}");
    assert!(out.stdout.contains("\"media_id\":\"M1\""), "{out:?}");
    let call = calls(&mock).pop().unwrap();
    assert_eq!(call.method, "POST");
    assert!(call.query().contains(&("type".into(), "image".into())));
}

#[test]
fn include_shows_the_status_and_headers_and_never_the_token() {
    let (mock, _) = api_mock();
    let out = run(&mut api(&mock, &["cgi-bin/echo", "--stable", "-i"]));
    assert_eq!(out.code, 0, "{out:?}");
    assert!(out.stdout.starts_with("HTTP/1.1 200"), "{out:?}");
    // The server echoed the token in a header: it is masked there.
    assert!(out.stdout.contains("x-echo: access_token=***"), "{out:?}");
    assert!(
        out.stdout
            .to_ascii_lowercase()
            .contains("content-type: application/json")
    );
    assert!(!out.stdout.contains(TOKEN), "{out:?}");
    let out = run(&mut api(&mock, &["cgi-bin/echo", "--stable", "--silent"]));
    assert_eq!(out.code, 0, "{out:?}");
    assert!(out.stdout.is_empty(), "{out:?}");
}

#[test]
fn a_token_on_stdin_is_used_as_given_and_format_json_is_json() {
    let (mock, fetches) = api_mock();
    let out = run(api(&mock, &["cgi-bin/echo", "--token-stdin"]).write_stdin(format!("{TOKEN}\n")));
    assert_eq!(out.code, 0, "{out:?}");
    assert_eq!(
        fetches.load(Ordering::SeqCst),
        0,
        "a given token needs no fetch"
    );
    let call = calls(&mock).pop().unwrap();
    assert!(
        call.query()
            .contains(&("access_token".into(), TOKEN.into())),
        "{call:?}"
    );
    // --format json is --json: the failure is one JSON document on stderr.
    let out = run(api(
        &mock,
        &["cgi-bin/post_only", "--token-stdin", "--format", "json"],
    )
    .write_stdin(TOKEN));
    assert_eq!(out.code, 13, "{out:?}");
    let err: serde_json::Value = serde_json::from_str(out.stderr.trim()).expect("one document");
    assert_eq!(err["error"]["errcode"], 43002, "{err}");
}

#[test]
fn a_file_answer_is_never_written_to_a_terminal() {
    let (mock, _) = api_mock();
    let base = mock.url();
    let envs = [
        ("WXTOKEN_APPID", APPID),
        ("WXTOKEN_SECRET", SECRET),
        ("WXTOKEN_API_BASE", &base),
    ];
    let (code, text) = at_a_terminal("api wxa/qr --stable", &envs);
    assert_eq!(code, 2, "{text}");
    assert!(says(&text, "not written to a terminal"), "{text}");
    assert!(says(&text, "--output FILE"), "{text}");
    assert!(!text.contains("binary-qr-code"), "{text}");
}

#[test]
fn a_page_in_path_a_repeated_cursor_and_a_gateways_json_are_handled() {
    let (mock, _) = api_mock();
    // PATH asks for the second page: the next page replaces it, never sent twice.
    let out = run(&mut api(
        &mock,
        &["cgi-bin/user/get?next_openid=o2", "--stable", "--paginate"],
    ));
    assert_eq!(out.code, 0, "{out:?}");
    assert_eq!(out.stdout.lines().count(), 2, "{out:?}");
    for call in calls(&mock) {
        let n = call
            .query()
            .iter()
            .filter(|(k, _)| k == "next_openid")
            .count();
        assert!(n <= 1, "{call:?}");
    }
    // A server that answers the same cursor again: stopped, exit 4, not --max-pages.
    let out = run(&mut api(
        &mock,
        &[
            "cgi-bin/same_page",
            "--stable",
            "--paginate",
            "--paginate-style",
            "openid",
        ],
    ));
    assert_eq!(out.code, 4, "{out:?}");
    assert!(says(&out.stderr, "the same page again"), "{out:?}");
    // A gateway's JSON at HTTP 502 is no WeChat answer.
    let out = run(&mut api(
        &mock,
        &["cgi-bin/gateway_json", "--stable", "--retries", "0"],
    ));
    assert_eq!(out.code, 4, "{out:?}");
}

#[test]
fn a_post_is_never_sent_twice_but_a_get_is_retried() {
    let (mock, _) = api_mock();
    let out = run(&mut api(
        &mock,
        &["cgi-bin/fail502", "--stable", "-f", "a=1", "--retries", "2"],
    ));
    assert_ne!(out.code, 0, "{out:?}");
    assert_eq!(
        calls(&mock).len(),
        1,
        "a POST that may have been carried out is sent once"
    );
    let out = run(&mut api(
        &mock,
        &["cgi-bin/fail502", "--stable", "--retries", "2"],
    ));
    assert_ne!(out.code, 0, "{out:?}");
    assert_eq!(calls(&mock).len(), 1 + 3, "a GET is retried");
}

#[test]
fn a_reader_calls_with_the_stored_token_and_never_fetches() {
    let redis = RedisServer::start();
    let (mock, fetches) = api_mock();
    let store = redis.url();
    let out = run(&mut with_credentials(
        &mock,
        &["fetch", "--stable", "--store", &store],
    ));
    assert_eq!(out.code, 0, "{out:?}");
    let reader = |path: &str| {
        let mut cmd = wxtoken();
        cmd.args(["api", path, "--stable", "--store", &store, "--no-fetch"])
            .env("WXTOKEN_APPID", APPID)
            .env("WXTOKEN_API_BASE", mock.url());
        run(&mut cmd)
    };
    let out = reader("cgi-bin/echo");
    assert_eq!(out.code, 0, "{out:?}");
    let call = calls(&mock).pop().unwrap();
    assert!(
        call.query().contains(&("access_token".into(), token_n(1))),
        "{call:?}"
    );
    // Rejected: the reader may not fetch, and the store still holds that token.
    let out = reader("cgi-bin/always40001");
    assert_eq!(out.code, 6, "{out:?}");
    assert!(says(&out.stderr, "this reader may not fetch"), "{out:?}");
    assert_eq!(
        fetches.load(Ordering::SeqCst),
        1,
        "only the refresher fetched"
    );
}

#[test]
fn a_secret_or_token_echoed_in_an_answer_is_masked_and_slurp_stays_one_document() {
    let (mock, _) = api_mock();
    // run() fails the test if the secret is on stdout or stderr.
    let out = run(&mut api(&mock, &["cgi-bin/echo_secret", "--stable"]));
    assert_eq!(out.code, 0, "{out:?}");
    assert_eq!(out.json()["seen"], "secret=***", "{out:?}");
    assert_eq!(out.json()["token"], "***", "{out:?}");
    // --slurp, then an errcode: one JSON array on stdout, the failed answer last.
    let out = run(&mut api(
        &mock,
        &[
            "cgi-bin/user/get_then_fail",
            "--stable",
            "--paginate",
            "--slurp",
            "--paginate-style",
            "openid",
            "--json",
        ],
    ));
    assert_eq!(out.code, 8, "{out:?}");
    let pages = out.json();
    let pages = pages.as_array().expect("one array");
    assert_eq!(pages.len(), 2, "{out:?}");
    assert_eq!(pages[1]["errcode"], 45009);
    let err: serde_json::Value = serde_json::from_str(out.stderr.trim()).expect("one document");
    assert_eq!(err["exit_code"], 8, "{err}");
}

#[test]
fn an_answer_over_64_mib_is_refused_as_too_large_for_api_not_as_not_wechat() {
    let (mock, _) = api_mock();
    for path in ["cgi-bin/flood", "cgi-bin/flood_unannounced"] {
        let out = run(&mut api(&mock, &[path, "--stable", "--retries", "0"]));
        assert_eq!(out.code, 4, "{out:?}");
        assert!(
            out.stdout.is_empty(),
            "nothing of it is printed: {}",
            out.stdout.len()
        );
        assert!(out.stderr.contains("larger than 64 MiB"), "{}", out.stderr);
        assert!(!out.stderr.contains("token response"), "{}", out.stderr);
    }
}
