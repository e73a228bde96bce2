//! Where a command's token comes from, settled from its options: a [`Plan`] and an [`Access`]
//! for the token core.

use crate::cli::{FetchArgs, ToolTokenArgs};
use crate::error::Failure;
use crate::net::client::Client;
use crate::output::Printer;
use crate::platform::{Endpoint, Platform};
use crate::settings::credentials;
use crate::settings::profile::own::ProfileSettings;
use crate::token::plan::{self, Plan};
use crate::token::reader::Reader;
use crate::token::{self, Access};
use crate::tr;
use crate::wechat::credentials::Credentials;

/// The plan and the access of `fetch` (and `exec`) with these options; every usage error comes
/// out here, before any request.
pub fn fetch_plan(
    args: &FetchArgs,
    profile: &ProfileSettings,
    printer: &Printer,
) -> Result<(Plan, Access), Failure> {
    plan_reading(args, args.no_fetch, profile, printer)
}

/// [`fetch_plan`], as a reader that never fetches (`--no-fetch`) when `no_fetch` is set.
pub fn plan_reading(
    args: &FetchArgs,
    no_fetch: bool,
    profile: &ProfileSettings,
    printer: &Printer,
) -> Result<(Plan, Access), Failure> {
    let platform = args.platform.get();
    if platform == Platform::Wecom && (args.stable || args.force_refresh) {
        return Err(Failure::usage(printer.t(
            "--stable and --force-refresh are not for WeChat Work: it has no stable-token endpoint (gettoken is its only token call; use --cache to share one token)",
            "--stable 和 --force-refresh 不适用于企业微信：它没有 stable_token 接口（gettoken 是唯一的获取接口；请用 --cache 共享同一个 token）",
        )));
    }
    if args.force_refresh && !args.stable {
        return Err(Failure::usage(printer.t(
            "--force-refresh works only with --stable (every classic fetch already issues a new token)",
            "--force-refresh 只能与 --stable 一起使用（普通接口每次获取都会签发新 token）",
        )));
    }
    let store = super::store_choice(&args.store, platform, printer.lang)?;
    let min_ttl = plan::min_ttl(
        args.local_cache.min_ttl,
        args.local_cache.cache || store.is_some(),
        printer,
    )?;
    let endpoint = match (platform, args.stable) {
        (Platform::Wecom, _) => Endpoint::WecomToken,
        (Platform::Mp, true) => Endpoint::StableToken,
        (Platform::Mp, false) => Endpoint::Token,
    };
    let rejected = rejected_token(args, store.is_some(), printer)?;
    let plan = Plan {
        endpoint,
        cache: args.local_cache.cache,
        cache_dir: super::cache_dir(&args.local_cache.cache_dir),
        store,
        min_ttl,
        force_refresh: args.force_refresh,
        rejected,
    };
    if args.cache_owner.is_some() && !no_fetch {
        return Err(Failure::usage(printer.t(
            "--cache-owner (WXTOKEN_CACHE_OWNER) works only with --no-fetch --cache: it names whose cache directory a reader trusts",
            "--cache-owner（WXTOKEN_CACHE_OWNER）只能与 --no-fetch --cache 一起使用：它指定读取方信任谁的缓存目录",
        )));
    }
    if no_fetch {
        if plan.store.is_none() && !plan.cache {
            return Err(Failure::usage(printer.t(
                "--no-fetch (WXTOKEN_NO_FETCH) works only with --store or --cache: it serves the token they keep",
                "--no-fetch（WXTOKEN_NO_FETCH）只能与 --store 或 --cache 一起使用：它只提供二者保存的 token",
            )));
        }
        if plan.force_refresh {
            return Err(Failure::usage(printer.t(
                "--force-refresh fetches a new token: it cannot go with --no-fetch",
                "--force-refresh 会获取新 token：不能与 --no-fetch 一起使用",
            )));
        }
        let lang = printer.lang;
        let input = super::cred_input(&args.creds, profile, platform, lang)?;
        let appid = credentials::load_id(&input, lang)?;
        let agentid = input.agentid.clone();
        let settings = super::conn_settings(&args.conn, profile, platform, lang)?;
        let needs_secret = plan
            .store
            .as_ref()
            .is_some_and(|s| s.layout.key_needs_secret());
        let creds = match needs_secret {
            true => Some(super::load_credentials(
                &args.creds,
                profile,
                platform,
                printer,
            )?),
            false => None,
        };
        let reader = Reader {
            platform,
            appid,
            agentid,
            api_base: settings.api_base.as_str().to_string(),
            ca_cert: settings.ca_cert.clone(),
            timeout: settings.timeout,
            creds,
            cache_owner: cache_owner(args, &plan, printer)?,
        };
        return Ok((plan, Access::Read(reader)));
    }
    let creds = super::load_credentials(&args.creds, profile, platform, printer)?;
    let client = super::connect(&args.conn, profile, platform, printer)?;
    Ok((plan, Access::Fetch { creds, client }))
}

/// The token of `wxtoken api`: given (`--token-stdin`, or `WXTOKEN_ACCESS_TOKEN`, which `exec`
/// sets), else obtained as `fetch` obtains it.
pub fn api_token(
    args: &crate::cli::ApiArgs,
    profile: &ProfileSettings,
    printer: &Printer,
) -> Result<token::held::Held, Failure> {
    refuse_fetch_only(&args.fetch, "api", printer)?;
    if let Some(token) = given_token(args.given.token_stdin, "api", printer)? {
        return Ok(token::held::Held::Given(token));
    }
    let (plan, access) = fetch_plan(&args.fetch, profile, printer)?;
    Ok(token::held::Held::Planned {
        plan: Box::new(plan),
        access: Box::new(access),
    })
}

/// `--rejected` and `--force-refresh` are fetch's: `api` and `ticket` report a rejected token
/// to its keeper themselves, and never rotate a stable token.
pub fn refuse_fetch_only(
    args: &FetchArgs,
    command: &str,
    printer: &Printer,
) -> Result<(), Failure> {
    if args.rejected.is_none() && !args.force_refresh {
        return Ok(());
    }
    Err(Failure::usage(tr!(
        printer.lang,
        "--rejected and --force-refresh are fetch's: wxtoken {command} reports a rejected token to the cache or store itself, and never rotates a stable token",
        "--rejected 和 --force-refresh 属于 fetch：wxtoken {command} 会自己向缓存或存储报告被拒绝的 token，且从不轮换 stable token"
    )))
}

/// A token the user gives to `wxtoken COMMAND`: on stdin with `--token-stdin`, else in
/// `WXTOKEN_ACCESS_TOKEN` (which `exec` sets); such a token is used as it is, never refreshed.
pub fn given_token(
    token_stdin: bool,
    command: &str,
    printer: &Printer,
) -> Result<Option<String>, Failure> {
    if token_stdin {
        let raw = token::given::read_stdin(command, printer)?;
        return token::given::token_from(&raw, command, printer).map(Some);
    }
    let Some(raw) =
        crate::process::env_var("WXTOKEN_ACCESS_TOKEN").filter(|t| !t.trim().is_empty())
    else {
        return Ok(None);
    };
    printer.verbose(printer.t(
        "token: WXTOKEN_ACCESS_TOKEN (given: never refreshed)",
        "token：WXTOKEN_ACCESS_TOKEN（给定的：不会刷新）",
    ));
    token::given::token_from(&raw, command, printer).map(Some)
}

/// `--rejected TOKEN` (or `-`, stdin): read and checked like any token given, and only where a
/// keeper holds tokens to compare it with.
fn rejected_token(
    args: &FetchArgs,
    store: bool,
    printer: &Printer,
) -> Result<Option<String>, Failure> {
    let Some(raw) = &args.rejected else {
        return Ok(None);
    };
    if !args.local_cache.cache && !store {
        return Err(Failure::usage(printer.t(
            "--rejected works only with --cache or --store: it compares the rejected token with the one kept there (without them every run fetches anyway)",
            "--rejected 只能与 --cache 或 --store 一起使用：它把被拒绝的 token 与其中保存的 token 比较（没有它们时每次都会获取）",
        )));
    }
    if args.no_fetch || args.force_refresh {
        return Err(Failure::usage(printer.t(
            "--rejected fetches a new token when the kept one was rejected: it cannot go with --no-fetch or --force-refresh",
            "--rejected 会在保存的 token 被拒绝时获取新 token：不能与 --no-fetch 或 --force-refresh 一起使用",
        )));
    }
    let text = match raw.as_str() {
        "-" if args.creds.secret_file.as_deref() == Some(std::path::Path::new("-")) => {
            return Err(Failure::usage(printer.t(
                "--rejected - and --secret-file - both read stdin: give one of them another way",
                "--rejected - 和 --secret-file - 都读取标准输入：请换一种方式给出其中之一",
            )));
        }
        "-" => token::given::read_stdin("fetch", printer)?,
        given => given.to_string(),
    };
    let rejected = text.trim().to_string();
    // A token from here on: masked wherever it might be shown.
    crate::redact::register_secret(&rejected);
    if rejected.is_empty() || crate::wechat::response::token_problem(&rejected).is_some() {
        return Err(Failure::usage(printer.t(
            "--rejected takes exactly one token (the one WeChat rejected): it is empty, or has whitespace, control or non-ASCII characters, or is longer than any token",
            "--rejected 只接受一个 token（被微信拒绝的那个）：它为空，或含有空白、控制或非 ASCII 字符，或比任何 token 都长",
        )));
    }
    Ok(Some(rejected))
}

/// Where the token of an API management call (`quota`, `rid`) comes from, decided (and a given
/// one read) before anything is sent.
pub enum TokenSource {
    /// `--token`, `WXTOKEN_ACCESS_TOKEN` or stdin.
    Given(String),
    /// Fetched with the credentials, in normal mode (a stable token unless `--classic`).
    Fetch { creds: Credentials, plan: Box<Plan> },
}

impl TokenSource {
    /// `--token` (or `WXTOKEN_ACCESS_TOKEN`), else a token on stdin (unless stdin is a terminal,
    /// empty, or holds the secret for `--secret-file -`), else the credentials, to fetch a
    /// normal-mode stable token with (a classic one with `--classic`).
    pub fn decide(
        args: &ToolTokenArgs,
        profile: &ProfileSettings,
        command: &str,
        printer: &Printer,
    ) -> Result<TokenSource, Failure> {
        let given = match &args.token {
            Some(t) => Some(token::given::token_from(t, command, printer)?),
            None => token::given::from_stdin(args.creds.secret_file.as_deref(), command, printer)?,
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
            super::load_credentials(&args.creds, profile, Platform::Mp, printer).map_err(|f| match f {
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
        let min_ttl = plan::min_ttl(args.local_cache.min_ttl, args.local_cache.cache, printer)?;
        Ok(TokenSource::Fetch {
            creds,
            plan: Box::new(Plan {
                endpoint,
                cache: args.local_cache.cache,
                cache_dir: super::cache_dir(&args.local_cache.cache_dir),
                store: None,
                min_ttl,
                force_refresh: false,
                rejected: None,
            }),
        })
    }

    /// `given`, or the endpoint the token is fetched from (`stable_token`, `token`).
    pub fn name(&self) -> &'static str {
        match self {
            TokenSource::Given(_) => "given",
            TokenSource::Fetch { plan, .. } => plan.endpoint.name(),
        }
    }

    /// The token: as given, or obtained through the token core (from the cache with
    /// `--cache`; normal mode: a stable token is shared, never rotated).
    pub fn token(&self, client: &Client, printer: &Printer) -> Result<String, Failure> {
        match self {
            TokenSource::Given(token) => Ok(token.clone()),
            TokenSource::Fetch { creds, plan } => {
                if plan.endpoint == Endpoint::Token {
                    printer.warn(printer.t(
                        "--classic: this fetch invalidates the classic token every other process holds (after about 5 minutes)",
                        "--classic：这次获取会让其他进程持有的普通 token 失效（约 5 分钟后）",
                    ));
                }
                Ok(token::fetch_with(plan, creds, client, printer)?.access_token)
            }
        }
    }
}

/// `--cache-owner USER`: for a `--no-fetch` reader of the local cache only; a name the system
/// does not know is a usage error.
fn cache_owner(args: &FetchArgs, plan: &Plan, printer: &Printer) -> Result<Option<u32>, Failure> {
    let Some(name) = &args.cache_owner else {
        return Ok(None);
    };
    if !plan.cache {
        return Err(Failure::usage(printer.t(
            "--cache-owner (WXTOKEN_CACHE_OWNER) works only with --no-fetch --cache: it names whose cache directory a reader trusts",
            "--cache-owner（WXTOKEN_CACHE_OWNER）只能与 --no-fetch --cache 一起使用：它指定读取方信任谁的缓存目录",
        )));
    }
    crate::users::uid_named(name).map(Some).ok_or_else(|| {
        let shown = crate::redact::sanitize(name);
        Failure::usage(crate::tr!(
            printer.lang,
            "--cache-owner {shown}: no such user on this system",
            "--cache-owner {shown}：系统中没有这个用户"
        ))
    })
}
