//! What `quota` and `rid` share: the platform they exist on, the token they need (given, or
//! fetched as `fetch` would without invalidating anybody's token), their requests, and the
//! judging of the answers of WeChat's API management calls.

use std::io::IsTerminal;
use std::path::Path;

use serde_json::{Map, Value};

use crate::api_base::{ApiBase, percent_encode};
use crate::catalog::{Context, Platform};
use crate::cli::ToolTokenArgs;
use crate::client::{Answer, Client, Request, Verdict};
use crate::credentials::Credentials;
use crate::error::Failure;
use crate::lang::Lang;
use crate::output::Printer;
use crate::response;
use crate::tr;
use crate::wechat::{self, Endpoint};

/// WeChat Work has none of these APIs: a usage error before anything is read or sent.
pub fn refuse_wecom(platform: Platform, command: &str, printer: &Printer) -> Result<(), Failure> {
    if platform != Platform::Wecom {
        return Ok(());
    }
    Err(Failure::usage(tr!(
        printer.lang,
        "WeChat Work has no such API: wxtoken {command} is for Official Accounts and Mini Programs (--platform mp); nothing was sent",
        "企业微信没有这类接口：wxtoken {command} 仅适用于公众号和小程序（--platform mp）；没有发出任何请求"
    )))
}

/// Where the token comes from, decided (and a given one read) before anything is sent.
pub enum TokenSource {
    /// `--token`, `WXTOKEN_ACCESS_TOKEN` or stdin.
    Given(String),
    /// Fetched with the credentials from `endpoint`, in normal mode.
    Fetch {
        creds: Credentials,
        endpoint: Endpoint,
        /// `--cache` and `--min-ttl` (validated), and `--cache-dir`.
        cache: bool,
        min_ttl: u64,
        cache_dir: Option<std::path::PathBuf>,
    },
}

impl TokenSource {
    /// `--token` (or `WXTOKEN_ACCESS_TOKEN`), else a token on stdin (unless stdin is a terminal,
    /// empty, or holds the secret for `--secret-file -`), else the credentials, to fetch a
    /// normal-mode stable token with (a classic one with `--classic`).
    pub fn decide(
        args: &ToolTokenArgs,
        command: &str,
        printer: &Printer,
    ) -> Result<TokenSource, Failure> {
        let given = match &args.token {
            Some(t) => Some(super::check::token_from(t, command, printer)?),
            None => stdin_token(args, command, printer)?,
        };
        if let Some(token) = given {
            if args.classic {
                return Err(Failure::usage(printer.t(
                    "--classic says where to fetch a token from, but a token was given (--token, WXTOKEN_ACCESS_TOKEN or stdin): drop one of them",
                    "--classic 指定从哪里获取 token，但已经给出了 token（--token、WXTOKEN_ACCESS_TOKEN 或标准输入）：请去掉其中之一",
                )));
            }
            return Ok(TokenSource::Given(token));
        }
        let creds =
            super::load_credentials(&args.creds, Platform::Mp, printer).map_err(|f| match f {
                Failure::Usage { .. } => f.with_hint(tr!(
                    printer.lang,
                    "or pass a token with --token TOKEN, in WXTOKEN_ACCESS_TOKEN, or on stdin (wxtoken fetch --stable | wxtoken {command})",
                    "或用 --token TOKEN、环境变量 WXTOKEN_ACCESS_TOKEN 或标准输入（wxtoken fetch --stable | wxtoken {command}）传入 token"
                )),
                other => other,
            })?;
        let endpoint = match args.classic {
            true => Endpoint::Token,
            false => Endpoint::StableToken,
        };
        let min_ttl = super::fetch::min_ttl(args.min_ttl, args.cache, printer)?;
        Ok(TokenSource::Fetch {
            creds,
            endpoint,
            cache: args.cache,
            min_ttl,
            cache_dir: args.cache_dir.cache_dir.clone(),
        })
    }

    /// `given`, or the endpoint the token is fetched from (`stable_token`, `token`).
    pub fn name(&self) -> &'static str {
        match self {
            TokenSource::Given(_) => "given",
            TokenSource::Fetch { endpoint, .. } => endpoint.name(),
        }
    }

    /// The token: as given, or obtained as `fetch` obtains one (from the cache with `--cache`;
    /// normal mode: a stable token is shared, never rotated).
    pub fn token(&self, client: &Client, printer: &Printer) -> Result<String, Failure> {
        let (creds, endpoint, cache, min_ttl, cache_dir) = match self {
            TokenSource::Given(token) => return Ok(token.clone()),
            TokenSource::Fetch {
                creds,
                endpoint,
                cache,
                min_ttl,
                cache_dir,
            } => (creds, *endpoint, *cache, *min_ttl, cache_dir.as_deref()),
        };
        if endpoint == Endpoint::Token {
            printer.warn(printer.t(
                "--classic: this fetch invalidates the classic token every other process holds (after about 5 minutes)",
                "--classic：这次获取会让其他进程持有的普通 token 失效（约 5 分钟后）",
            ));
        }
        let opts = super::fetch::CacheOptions {
            cache,
            force_refresh: false,
            min_ttl,
            cache_dir,
            store: None,
        };
        Ok(super::fetch::obtain(&opts, creds, client, endpoint, printer)?.access_token)
    }
}

/// A token on stdin, if one is there for the taking.
fn stdin_token(
    args: &ToolTokenArgs,
    command: &str,
    printer: &Printer,
) -> Result<Option<String>, Failure> {
    let secret_on_stdin = args.creds.secret_file.as_deref() == Some(Path::new("-"));
    if secret_on_stdin || std::io::stdin().is_terminal() {
        return Ok(None);
    }
    let raw = super::check::read_stdin(command, printer)?;
    if raw.trim().is_empty() {
        return Ok(None);
    }
    super::check::token_from(&raw, command, printer).map(Some)
}

/// A POST of `body` to `path` with the token as its `access_token` parameter (shown as `***`).
pub fn request(base: &ApiBase, path: &str, token: &str, body: &Value) -> Request {
    let url = base.url(path);
    Request {
        url: format!("{url}?access_token={}", percent_encode(token)),
        shown_url: format!("{url}?access_token=***"),
        json_body: Some(body.to_string()),
    }
}

/// Judge the answer of `what` (a management call): errcode 0 and, when `field` is named, that
/// object, is done; an errcode is explained by the catalogue (-1 is worth another attempt); an
/// HTML page, an empty body, a 5xx and the like are explained as for a token; any other JSON is
/// a bad response.
pub fn judge(
    answer: &Answer,
    what: &str,
    field: Option<&str>,
    lang: Lang,
) -> Verdict<Map<String, Value>> {
    let parsed = response::parse(answer.status, &answer.body);
    if let Ok(response::Answer::Error { errcode, errmsg }) = &parsed {
        return wechat::errcode_verdict(Platform::Mp, *errcode, errmsg, Context::Fetch, lang);
    }
    let text = String::from_utf8_lossy(&answer.body);
    let text = text.trim_start_matches('\u{feff}').trim();
    if (200..300).contains(&answer.status)
        && let Ok(Value::Object(map)) = serde_json::from_str::<Value>(text)
    {
        let zero = match map.get("errcode") {
            Some(Value::Number(n)) => n.as_i64() == Some(0),
            Some(Value::String(s)) => s.trim() == "0",
            _ => false,
        };
        let done = match field {
            // A call that answers with nothing but errcode: only errcode 0 says it took effect.
            None => zero,
            Some(f) => {
                map.get(f).is_some_and(Value::is_object) && (zero || !map.contains_key("errcode"))
            }
        };
        if done {
            return Verdict::Done(map);
        }
    }
    match parsed {
        Err(problem)
            if problem.status() >= 500 || !matches!(problem, response::Problem::NoToken { .. }) =>
        {
            wechat::judge_problem(problem, answer, lang)
        }
        _ => {
            let message = match field {
                Some(f) => tr!(
                    lang,
                    "the answer to {what} has neither {f} nor an errcode",
                    "{what} 的返回既没有 {f} 也没有 errcode"
                ),
                None => tr!(
                    lang,
                    "the answer to {what} has no errcode 0: whether it took effect is not known",
                    "{what} 的返回中没有 errcode 0：无法确定是否已生效"
                ),
            };
            let status = answer.status;
            Verdict::Fail(Failure::Response {
                message: format!("{message} (HTTP {status}): {}", response::excerpt(text)),
                hints: vec![
                    lang.pick(
                        "check that --api-base points at WeChat or a gateway to it",
                        "请确认 --api-base 指向微信或其网关",
                    )
                    .to_string(),
                ],
                http_status: Some(status),
            })
        }
    }
}

/// A `cgi_path` as WeChat wants it: the path alone, starting with `/`. Usage errors never echo
/// the input (a pasted URL may carry a token in its query).
pub fn cgi_path(raw: &str, lang: Lang) -> Result<String, Failure> {
    let example = lang.pick(
        "for example: /cgi-bin/token, /cgi-bin/message/custom/send",
        "例如：/cgi-bin/token、/cgi-bin/message/custom/send",
    );
    let lower = raw.to_ascii_lowercase();
    if let Some(rest) = ["https://", "http://"]
        .iter()
        .find_map(|s| lower.starts_with(s).then(|| &raw[s.len()..]))
    {
        let path = rest.find('/').map(|i| &rest[i..]).unwrap_or("/");
        let path = path.split(['?', '#']).next().unwrap_or(path);
        let path = crate::redact::sanitize(&crate::redact::mask_request_record(path));
        return Err(Failure::usage(tr!(
            lang,
            "a cgi_path is the path alone, without scheme and host: {path}",
            "cgi_path 只是路径，不带协议和主机：{path}"
        )));
    }
    let bad_char = raw
        .chars()
        .any(|c| c.is_whitespace() || c.is_control() || !c.is_ascii());
    let problem = if raw.is_empty() {
        Some(lang.pick("a cgi_path is empty", "cgi_path 为空"))
    } else if bad_char {
        Some(lang.pick(
            "a cgi_path has whitespace, control or non-ASCII characters in it",
            "cgi_path 中含有空白、控制或非 ASCII 字符",
        ))
    } else if !raw.starts_with('/') {
        Some(lang.pick(
            "a cgi_path starts with / (WeChat answers 76003 otherwise)",
            "cgi_path 必须以 / 开头（否则微信会返回 76003）",
        ))
    } else if raw.contains(['?', '#']) {
        Some(lang.pick(
            "a cgi_path has no query string (nothing from ? on)",
            "cgi_path 不带查询参数（? 及其后的部分）",
        ))
    } else if raw.len() > 256 {
        Some(lang.pick(
            "a cgi_path is longer than any API's path",
            "cgi_path 比任何接口路径都长",
        ))
    } else {
        None
    };
    match problem {
        Some(p) => Err(Failure::usage(p).with_hint(example)),
        None => Ok(raw.to_string()),
    }
}
