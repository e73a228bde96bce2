//! The process's life: the command line parsed (a profile applied), the command run, and
//! clap's own errors turned into wxtoken's; the exit code returned to `main.rs`.

use std::ffi::OsString;
use std::panic::{self, AssertUnwindSafe};

use clap::FromArgMatches;

use crate::cli::{self, Cli, Command, CompletionsArgs};
use crate::error::{Failure, code};
use crate::lang::Lang;
use crate::output::format;
use crate::output::{self, Printer};
use crate::wechat::response;
use crate::{commands, redact};

/// What the environment holds that changes how it is read: the WXTOKEN_* variables set to the
/// empty string (they count as unset), and the first variable wxtoken reads that is set to
/// something it cannot use (not UTF-8 text). The environment is read in place: copying every
/// variable (`std::env::vars_os`) was 3% of a cache hit.
struct EnvScan {
    empty: Vec<OsString>,
    unusable: Option<String>,
}

fn scan_environment() -> EnvScan {
    use std::os::unix::ffi::OsStrExt;
    const PROXIES: [&[u8]; 8] = [
        b"https_proxy",
        b"HTTPS_PROXY",
        b"http_proxy",
        b"HTTP_PROXY",
        b"all_proxy",
        b"ALL_PROXY",
        b"no_proxy",
        b"NO_PROXY",
    ];
    unsafe extern "C" {
        static environ: *const *const std::ffi::c_char;
    }
    let mut scan = EnvScan {
        empty: Vec::new(),
        unusable: None,
    };
    // SAFETY: `environ` is the process's NULL-terminated array of NUL-terminated strings, and
    // no other thread exists yet to change it.
    unsafe {
        let mut entry = environ;
        while !entry.is_null() && !(*entry).is_null() {
            let bytes = std::ffi::CStr::from_ptr(*entry).to_bytes();
            entry = entry.add(1);
            let Some(eq) = bytes.iter().position(|&b| b == b'=') else {
                continue;
            };
            let (name, value) = (&bytes[..eq], &bytes[eq + 1..]);
            let ours = name.starts_with(b"WXTOKEN_");
            if ours && value.is_empty() {
                scan.empty
                    .push(std::ffi::OsStr::from_bytes(name).to_os_string());
            } else if (ours || PROXIES.contains(&name))
                && std::str::from_utf8(value).is_err()
                && scan.unusable.is_none()
            {
                scan.unusable = Some(String::from_utf8_lossy(name).into_owned());
            }
        }
    }
    scan
}

/// Parse the command line, run the command, and return the exit code.
pub fn main(args: Vec<OsString>) -> u8 {
    crate::process::prepare();
    // An empty variable counts as unset: `WXTOKEN_LANG=` must not be a usage error about a flag
    // nobody typed.
    let scan = scan_environment();
    for name in &scan.empty {
        // SAFETY: no other thread exists yet; nothing reads the environment concurrently.
        unsafe { std::env::remove_var(name) };
    }
    panic::set_hook(Box::new(|info| {
        let what = info
            .payload()
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_default();
        // Never eprintln!: a second panic on a full stderr would abort the process. The
        // settled language is out of reach here: the environment's, as for clap's errors.
        let lang = Lang::of_locale();
        let what = redact::sanitize(&what);
        output::streams::write_stderr(
            &crate::tr!(
                lang,
                "wxtoken: error: internal error: {what} (this is a bug; please report it)\n",
                "wxtoken: 错误: 内部错误：{what}（这是程序缺陷，请报告）\n"
            ),
            lang,
        );
    }));
    // A variable set but unusable is a usage error before anything else (a gateway's
    // WXTOKEN_API_BASE taken as unset would send the secret to the default host).
    if let Some(name) = scan.unusable {
        let json = requested_format(&args).as_deref() == Some("json");
        let lang = Lang::of_locale();
        let printer = Printer::new(output::ColorChoice::Auto, lang, json, false, false);
        printer.failure(&Failure::usage(crate::tr!(
            lang,
            "{name} is set, but not to UTF-8 text: set it to a usable value, or unset it",
            "{name} 已设置，但不是 UTF-8 文本：请设为可用的值，或取消设置"
        )));
        return code::USAGE;
    }
    // Help (asked for, or shown for a bare `wxtoken`) carries the exit-code table; building it is
    // not free, so a run that shows no help does not.
    let shows_help = args.len() <= 1
        || args
            .iter()
            .skip(1)
            .any(|a| a == "-h" || a == "--help" || a == "help");
    let parsed = if shows_help {
        cli::command_with_exit_codes(help_lang(&args))
            .try_get_matches_from(&args)
            .and_then(|m| Cli::from_arg_matches(&m))
    } else {
        match cli::lazy::parse(&args) {
            // Help shown for a command missing its subcommand (`wxtoken cache`): the whole
            // tree, with every description.
            Err(e)
                if e.kind() == clap::error::ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand =>
            {
                cli::command_with_exit_codes(help_lang(&args))
                    .try_get_matches_from(&args)
                    .and_then(|m| Cli::from_arg_matches(&m))
            }
            other => other,
        }
    };
    let (cli, lang, profile) = match parsed {
        Ok(cli) => match crate::settings::settle(cli, &args) {
            Ok(settled) => settled,
            Err((failure, printer)) => {
                printer.failure(&failure);
                env_format_failed(&args);
                return failure.exit_code();
            }
        },
        Err(e) => {
            // clap echoes a stray argument back: one that looks like an AppSecret (a forgotten
            // --secret, say), a token (`wxtoken check TOKEN`) or follows --secret or --token
            // must not be shown.
            let mut previous_was_secret = false;
            for arg in args.iter().filter_map(|a| a.to_str()) {
                let token_like = arg.len() >= 32 && response::token_problem(arg).is_none();
                if previous_was_secret
                    || crate::wechat::credentials::secret_looks_right(arg)
                    || token_like
                {
                    redact::register_secret(arg);
                }
                previous_was_secret = arg == "--secret" || arg == "--token";
            }
            let code = clap_error(e, &args);
            if code != 0 {
                env_format_failed(&args);
            }
            return code;
        }
    };
    match panic::catch_unwind(AssertUnwindSafe(|| run(&cli, lang, &profile))) {
        Ok(code) => code,
        Err(_) => {
            if cli.command.json() {
                let f = Failure::internal("internal error (a bug)");
                output::streams::write_stdout_quietly(&format!("{}\n", f.to_json_document()));
            }
            code::INTERNAL
        }
    }
}

fn run(cli: &Cli, lang: Lang, profile: &crate::settings::profile::own::ProfileSettings) -> u8 {
    let o = &cli.output;
    let mut printer = Printer::new(
        o.color,
        lang,
        cli.command.json(),
        o.quiet,
        cli.command.verbose(),
    );
    printer.profile = profile.used.as_ref().map(|u| u.name.clone());
    // Which profile this run uses, and what it set: a setting nobody typed is never invisible.
    let used = profile.used.as_ref().map(|u| {
        let keys = if u.keys.is_empty() {
            lang.pick("nothing this command uses", "本命令用到的设置均未由它提供")
                .to_string()
        } else {
            u.keys.join(", ")
        };
        let what = u.describe(lang);
        crate::tr!(
            lang,
            "{what}, which sets: {keys}",
            "{what}，它提供的设置：{keys}"
        )
    });
    match (&used, &profile.skipped) {
        (Some(used), _) => printer.verbose(&crate::tr!(lang, "profile: {used}", "profile：{used}")),
        (None, Some(skipped)) => printer.verbose(&crate::tr!(
            lang,
            "profile: none ({skipped})",
            "profile：无（{skipped}）"
        )),
        (None, None) => {}
    }
    let result = match &cli.command {
        Command::Fetch(args) => commands::fetch::run(args, profile, &printer),
        Command::Exec(args) => commands::exec::run(args, profile, &printer),
        Command::Api(args) => commands::api::run(args, profile, &printer),
        Command::Ticket(args) => commands::ticket::run(args, profile, &printer),
        Command::Sign(args) => commands::sign::run(args, profile, &printer),
        Command::Profiles(cli::ProfilesArgs {
            action: Some(cli::ProfilesAction::Add(add)),
            ..
        }) => commands::profiles_add::run(add, &printer),
        Command::Profiles(args) => commands::profiles::run(args, &printer),
        Command::Check(args) => commands::check::run(args, profile, &printer),
        Command::Doctor(args) => commands::doctor::run(args, profile, &printer),
        Command::Explain(args) => commands::explain::run(args, &printer),
        Command::Cache(command) => commands::cache::run(command, &printer),
        Command::Quota(command) => commands::quota::run(command, profile, &printer),
        Command::Rid(args) => commands::rid::run(args, profile, &printer),
        Command::Man(args) => commands::man::run(args, &printer),
        Command::Completions(CompletionsArgs { shell }) => {
            let script = commands::completions::script(*shell);
            printer
                .result_line(String::from_utf8_lossy(&script).trim_end())
                .map(|_| code::OK)
        }
    };
    match result {
        Ok(code) => code,
        Err(mut failure) => {
            // A usage or store failure may come from a setting nobody typed: the profile says
            // what it set.
            if let Some(used) = used
                && matches!(failure.exit_code(), code::USAGE | code::STORE)
            {
                failure = failure.with_hint(crate::tr!(
                    lang,
                    "this run uses {used}",
                    "本次运行使用 {used}"
                ));
            }
            printer.failure(&failure);
            failure.exit_code()
        }
    }
}

/// The stdout format a command line asked for, read from the raw arguments (for a failure
/// before they could be parsed): `json` with --json, else fetch's `--format` (the flag, else
/// WXTOKEN_FORMAT), else none.
fn requested_format(args: &[OsString]) -> Option<String> {
    if args.iter().any(|a| a == "--json") {
        return Some("json".into());
    }
    if cli::lazy::named_subcommand(args) != Some("fetch") {
        return None;
    }
    let given = args.iter().enumerate().find_map(|(i, a)| {
        let a = a.to_str()?;
        match a.strip_prefix("--format=") {
            Some(v) => Some(v.to_string()),
            None if a == "--format" => args.get(i + 1)?.to_str().map(str::to_string),
            None => None,
        }
    });
    given.or_else(|| crate::process::env_var("WXTOKEN_FORMAT"))
}

/// A failure before `fetch` ran, when its output was to be `--format env`: stdout gets `false`,
/// so that `eval "$(wxtoken fetch --format env)"` fails too, as it does when the fetch itself
/// fails.
fn env_format_failed(args: &[OsString]) {
    if requested_format(args).as_deref() == Some("env") {
        output::streams::write_stdout_quietly(format::ENV_FAILURE);
    }
}

/// The language of `--help`, read from the raw arguments (`--lang zh`, `--lang=zh`), else
/// WXTOKEN_LANG, else the locale: help is shown before the command line is parsed.
fn help_lang(args: &[OsString]) -> Lang {
    let flag = args
        .iter()
        .zip(args.iter().skip(1))
        .filter(|(f, _)| *f == "--lang")
        .map(|(_, v)| v.to_string_lossy().into_owned())
        .chain(
            args.iter()
                .filter_map(|a| a.to_str()?.strip_prefix("--lang=").map(str::to_string)),
        )
        .last()
        .or_else(|| crate::process::env_var("WXTOKEN_LANG"));
    match flag.as_deref() {
        Some(v) if v.to_ascii_lowercase().starts_with("zh") => Lang::Zh,
        Some(v) if v.to_ascii_lowercase().starts_with("en") => Lang::En,
        _ => Lang::of_locale(),
    }
}

/// `wxtoken --version`: the version, and how this binary was built (build.rs).
fn long_version() -> String {
    format!(
        "wxtoken {}\ncommit: {}\nbuilt: {}\ntarget: {}\nfeatures: TLS (rustls, TLS 1.2 and 1.3), HTTP and SOCKS4/5 proxies, Redis store (TLS, Sentinel, Cluster)\n",
        env!("CARGO_PKG_VERSION"),
        env!("WXTOKEN_COMMIT"),
        env!("WXTOKEN_BUILD_DATE"),
        env!("WXTOKEN_TARGET"),
    )
}

/// clap's own errors (unknown flag, bad value): exit 2, and a JSON document with --json (or
/// fetch's --format json).
fn clap_error(e: clap::Error, args: &[OsString]) -> u8 {
    let json = requested_format(args).as_deref() == Some("json");
    use clap::error::ErrorKind;
    if e.kind() == ErrorKind::DisplayVersion {
        // The same line for `wxtoken -V` and `wxtoken fetch -V` (clap would say `wxtoken-fetch`);
        // `--version` says how it was built too.
        let long = args
            .iter()
            .find(|a| *a == "-V" || *a == "--version")
            .is_some_and(|a| a == "--version");
        let line = if long {
            long_version()
        } else {
            format!("wxtoken {}\n", env!("CARGO_PKG_VERSION"))
        };
        return match std::io::Write::write_all(&mut std::io::stdout(), line.as_bytes()) {
            Ok(()) => code::OK,
            Err(_) => code::INTERNAL,
        };
    }
    if matches!(e.kind(), ErrorKind::DisplayHelp)
        || e.kind() == ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand && !e.use_stderr()
    {
        // Help that cannot be written (a full disk, a closed stdout) is lost: not a success.
        return if e.print().is_ok() {
            code::OK
        } else {
            code::INTERNAL
        };
    }
    // A command without its subcommand (`wxtoken cache`): its help, on stderr, exit 2.
    if e.kind() == ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand {
        output::streams::write_stderr(&e.render().to_string(), Lang::of_locale());
        return code::USAGE;
    }
    // clap's wording, with the prefix and the colour rules of every other wxtoken error.
    let rendered = e.render().to_string();
    let body = rendered.strip_prefix("error: ").unwrap_or(&rendered);
    let color = args
        .iter()
        .zip(args.iter().skip(1))
        .find(|(flag, _)| *flag == "--color")
        .map(|(_, value)| value.to_string_lossy().to_string())
        .or_else(|| {
            args.iter()
                .find_map(|a| a.to_str()?.strip_prefix("--color=").map(str::to_string))
        });
    let choice = match color.as_deref() {
        Some("always") => output::ColorChoice::Always,
        Some("never") => output::ColorChoice::Never,
        _ => output::ColorChoice::Auto,
    };
    let lang = Lang::of_locale();
    let printer = Printer::new(choice, lang, json, false, false);
    output::streams::write_stderr_pieces(
        &[
            output::streams::Piece::Ours(format!("wxtoken: {} ", printer.error_label())),
            output::streams::Piece::Text(body),
        ],
        lang,
    );
    // `wxtoken check TOKEN`: say how a token is passed (the token itself was masked above).
    if e.kind() == ErrorKind::UnknownArgument
        && args.get(1).is_some_and(|a| a == "check")
        && args
            .iter()
            .skip(2)
            .any(|a| a.to_str().is_some_and(|a| !a.starts_with('-')))
    {
        output::streams::write_stderr(&format!(
            "  {} {}\n",
            lang.pick("hint:", "提示："),
            lang.pick(
                "pass the token with --token TOKEN, in WXTOKEN_ACCESS_TOKEN, or on stdin (wxtoken fetch | wxtoken check)",
                "请用 --token TOKEN、环境变量 WXTOKEN_ACCESS_TOKEN 或标准输入（wxtoken fetch | wxtoken check）传入 token",
            )
        ), lang);
    }
    if json {
        let first = rendered
            .lines()
            .next()
            .unwrap_or("")
            .trim_start_matches("error: ")
            .to_string();
        let f = Failure::usage(first);
        output::streams::write_stdout_quietly(&output::streams::capped_json(
            &f.to_json_document(),
            lang,
        ));
    }
    code::USAGE
}
