//! A profile applied to the command line: its settings become the flags' defaults, and the
//! command line is parsed again with them.

use std::ffi::OsString;
use std::sync::OnceLock;
use std::time::Duration;

use clap::{CommandFactory, FromArgMatches};

use crate::cli::{Cli, Command};
use crate::error::Failure;
use crate::lang::Lang;
use crate::settings::profile::own::{ProfileSettings, UsedProfile};
use crate::settings::profile::secret::FromProfile;
use crate::settings::profile::{Config, config_path};
use crate::tr;

/// The whole command tree, built once, whose flags check a profile's values.
fn reference() -> &'static clap::Command {
    static TREE: OnceLock<clap::Command> = OnceLock::new();
    TREE.get_or_init(|| {
        let mut tree = Cli::command();
        tree.build();
        tree
    })
}

/// Check a profile's value for the flag `id` the way the flag's own parser would: the message
/// is the one clap gives for the flag.
pub fn validate(id: &str, text: &str, lang: Lang) -> Result<(), String> {
    // Values whose flags take any string, checked where the flag's value is checked.
    let checked = match id {
        "timeout" => Some(crate::net::connection::parse_timeout(text, lang).map(|_| ())),
        "store" => Some(crate::token::store::url::StoreUrl::parse(text, lang).map(|_| ())),
        "store_prefix" => Some(crate::token::store::check_prefix(text, lang)),
        // Only that it exists: it is read (and judged) where --ca-cert is.
        "ca_cert" if text != "system" => Some(
            std::fs::metadata(text)
                .map(|_| ())
                .map_err(|e| Failure::usage(crate::error::io_reason(&e, lang))),
        ),
        "proxy" => Some(
            crate::net::proxy::for_client(text, lang)
                .map(|_| ())
                .map_err(|hint| {
                    Failure::usage(tr!(
                        lang,
                        "not a usable proxy URL: {hint}",
                        "不是可用的代理 URL：{hint}"
                    ))
                }),
        ),
        _ => None,
    };
    if let Some(result) = checked {
        return result.map_err(|f| f.message().to_string());
    }
    let tree = reference();
    let fetch = tree
        .find_subcommand("fetch")
        .expect("fetch is a subcommand");
    let found = fetch
        .get_arguments()
        .find(|a| a.get_id() == id)
        .map(|a| (fetch, a))
        .or_else(|| {
            tree.get_arguments()
                .find(|a| a.get_id() == id)
                .map(|a| (tree, a))
        });
    let Some((_, arg)) = found else {
        return Ok(());
    };
    let Some(long) = arg.get_long() else {
        return Ok(());
    };
    if !arg.get_action().takes_values() {
        // A switch (stable, cache, no_fetch): the file's true or false, checked as a bool.
        return Ok(());
    }
    // The flag's own parser, on a command of its own (the real flag's conflicts name flags
    // that command does not have).
    let mut flag = clap::Arg::new("value")
        .long(long)
        .num_args(1)
        .allow_hyphen_values(true)
        .value_parser(arg.get_value_parser().clone());
    if let Some(names) = arg.get_value_names() {
        flag = flag.value_names(names.iter().cloned());
    }
    clap::Command::new("wxtoken")
        .no_binary_name(true)
        .arg(flag)
        .try_get_matches_from([format!("--{long}"), text.to_string()])
        .map(|_| ())
        .map_err(|e| {
            let rendered = e.render().to_string();
            let lines: Vec<&str> = rendered
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty() && !l.starts_with("For more information"))
                .collect();
            let joined = lines.join(" ");
            joined
                .strip_prefix("error: ")
                .unwrap_or(&joined)
                .to_string()
        })
}

/// The command line with the profile chosen by `--profile` (or WXTOKEN_PROFILE, or the config
/// file's default_profile) applied; unchanged when no profile is in use. `explain`,
/// `completions` and `profiles` take no profile.
pub fn apply(cli: Cli, args: &[OsString], lang: Lang) -> Result<(Cli, ProfileSettings), Failure> {
    if matches!(cli.command, Command::Profiles(_)) {
        return Ok((cli, ProfileSettings::default()));
    }
    let Some(selection) = cli.command.profile_args() else {
        return Ok((cli, ProfileSettings::default()));
    };
    if selection.no_profile {
        return Ok((cli, ProfileSettings::default()));
    }
    let named = selection.profile.as_deref();
    let given = selection.config.as_deref();
    // A secret given as the profile's name is masked like one written in the file.
    if let Some(name) = named {
        crate::settings::profile::register_secret_shaped_words(name);
    }
    // `cache list` and `cache clear` take an explicitly named profile only: a default
    // profile's store or appid must not silently change what "all the cached tokens" means.
    if named.is_none() && matches!(cli.command, Command::Cache(_)) {
        return Ok((cli, ProfileSettings::default()));
    }
    let Some(path) = config_path(given, |k| std::env::var(k).ok()) else {
        if named.is_some() {
            return Err(Failure::usage(lang.pick(
                "--profile needs a config file: pass --config PATH (neither HOME nor XDG_CONFIG_HOME is set)",
                "--profile 需要配置文件：请使用 --config PATH（HOME 和 XDG_CONFIG_HOME 都未设置）",
            )));
        }
        return Ok((cli, ProfileSettings::default()));
    };
    let required = named.is_some() || given.is_some();
    let Some(config) = Config::load(&path, required, lang)? else {
        return Ok((cli, ProfileSettings::default()));
    };
    let Some(profile) = config.select(named, validate, lang)? else {
        return Ok((cli, ProfileSettings::default()));
    };
    let tree = with_defaults(Cli::command(), &profile.defaults);
    let matches = tree.try_get_matches_from(args).map_err(|e| {
        let rendered = e.render().to_string();
        let first = rendered.lines().next().unwrap_or("").to_string();
        Failure::usage(first.trim_start_matches("error: ").to_string())
    })?;
    let leaf_matches = leaf(&matches);
    let chosen_by = match leaf_matches.value_source("profile") {
        Some(clap::parser::ValueSource::CommandLine) => "--profile",
        Some(clap::parser::ValueSource::EnvVariable) => "WXTOKEN_PROFILE",
        _ => "default_profile",
    };
    let used = UsedProfile {
        name: profile.name.clone(),
        chosen_by,
        path: path.clone(),
        keys: Vec::new(),
        id: None,
        id_in_args: false,
        agentid_in_args: false,
    };
    // A profile is for one platform: its secret, API base, proxy and store never go to the
    // other platform's gateway.
    if let Some(asked) = other_platform(leaf_matches, &profile.defaults) {
        let theirs = if asked == "wecom" { "mp" } else { "wecom" };
        let what = used.describe(lang);
        if chosen_by == "default_profile" {
            let skipped = tr!(
                lang,
                "{what} is for {theirs}, not applied to this {asked} run",
                "{what} 用于 {theirs}，不用于本次 {asked} 运行"
            );
            return Ok((
                cli,
                ProfileSettings {
                    skipped: Some(skipped),
                    ..ProfileSettings::default()
                },
            ));
        }
        return Err(Failure::usage(tr!(
            lang,
            "{what} is for {theirs}, and this run is for {asked} (--platform or WXTOKEN_PLATFORM): a profile's secret, API base, proxy and store never go to the other platform",
            "{what} 用于 {theirs}，而本次运行是 {asked}（--platform 或 WXTOKEN_PLATFORM）：profile 的 secret、API 地址、代理和存储从不用于另一个平台"
        ))
        .with_hint(lang.pick(
            "use a profile of that platform (platform = \"wecom\" or \"mp\" in it), or --no-profile",
            "请使用该平台的 profile（其中写 platform = \"wecom\" 或 \"mp\"），或 --no-profile",
        )));
    }
    let mut cli = Cli::from_arg_matches(&matches).map_err(|e| Failure::usage(e.to_string()))?;
    settle(&mut cli.command, leaf_matches);
    let (reads_creds, conn) = cli.command.creds_and_conn();
    let timeout = conn
        .and_then(|c| crate::net::connection::parse_timeout(&c.timeout, lang).ok())
        .unwrap_or(Duration::from_secs(10));
    let from_profile = |id: &str| {
        Origin::of(leaf_matches, id) == Origin::Default
            && profile.defaults.iter().any(|(k, _)| *k == id)
    };
    let mut keys: Vec<String> = profile
        .defaults
        .iter()
        .map(|(k, _)| *k)
        .filter(|k| from_profile(k))
        .map(str::to_string)
        .collect();
    let api_base = conn.and(profile.api_base.clone());
    if api_base.is_some() {
        keys.push("api_base".into());
    }
    let secret = profile.secret.clone().filter(|_| reads_creds);
    if let Some(s) = &secret {
        keys.push(s.key().into());
    }
    let id_key = if profile.defaults.iter().any(|(k, _)| *k == "corpid") {
        "corpid"
    } else {
        "appid"
    };
    let used = UsedProfile {
        keys,
        id: profile
            .defaults
            .iter()
            .find(|(k, _)| *k == id_key)
            .map(|(_, v)| v.clone()),
        id_in_args: from_profile(id_key),
        agentid_in_args: from_profile("agentid"),
        ..used
    };
    let settings = ProfileSettings {
        api_base,
        secret: secret.map(|secret| FromProfile {
            secret,
            profile: profile.name.clone(),
            timeout,
        }),
        used: Some(used),
        skipped: None,
    };
    Ok((cli, settings))
}

/// The platform this run asks for with a flag or a variable, where it is not the profile's
/// (a profile without `platform` is for Official Accounts and Mini Programs).
fn other_platform(
    matches: &clap::ArgMatches,
    defaults: &[(&'static str, String)],
) -> Option<&'static str> {
    if !Origin::of(matches, "platform").users() {
        return None;
    }
    let asked = match matches.get_one::<crate::cli::PlatformChoice>("platform")? {
        crate::cli::PlatformChoice::Mp => "mp",
        crate::cli::PlatformChoice::Wecom => "wecom",
    };
    let theirs = defaults
        .iter()
        .find(|(k, _)| *k == "platform")
        .map_or("mp", |(_, v)| v.as_str());
    (asked != theirs).then_some(asked)
}

/// Where the value of an argument came from.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Origin {
    /// No value at all.
    None,
    /// A flag or an environment variable: the user's own choice.
    User,
    /// A default, which for a setting the profile has is the profile's value.
    Default,
}

impl Origin {
    /// The origin of `id`'s value (safe for an id the command does not have).
    fn of(matches: &clap::ArgMatches, id: &str) -> Origin {
        use clap::parser::ValueSource;
        if !matches.ids().any(|i| i.as_str() == id) {
            return Origin::None;
        }
        match matches.value_source(id) {
            Some(ValueSource::CommandLine | ValueSource::EnvVariable) => Origin::User,
            Some(ValueSource::DefaultValue) => Origin::Default,
            _ => Origin::None,
        }
    }

    fn users(self) -> bool {
        self == Origin::User
    }
}

/// The matches of the subcommand that runs.
fn leaf(matches: &clap::ArgMatches) -> &clap::ArgMatches {
    match matches.subcommand() {
        Some((_, sub)) => leaf(sub),
        None => matches,
    }
}

/// Where the user's own choice (a flag or a variable) and the profile's collide, the user's
/// wins as a whole: an explicit `--cache` (or `--cache-dir` for `cache list|clear`) sets the
/// profile's store aside, an explicit `--store` its cache; a `min_ttl` from the profile goes
/// when neither is left.
fn settle(command: &mut Command, matches: &clap::ArgMatches) {
    let users = |id: &str| Origin::of(matches, id).users();
    let profiles = |id: &str| Origin::of(matches, id) == Origin::Default;
    match command {
        Command::Fetch(crate::cli::FetchCommand { fetch: args, .. })
        | Command::Exec(crate::cli::ExecArgs { fetch: args, .. }) => {
            if args.local_cache.cache && users("cache") && profiles("store") {
                args.store.store = None;
                args.store.store_layout = args.store.store_layout.filter(|_| users("store_layout"));
                args.store.store_prefix = args
                    .store
                    .store_prefix
                    .take()
                    .filter(|_| users("store_prefix"));
            }
            if args.store.store.is_some() && users("store") && profiles("cache") {
                args.local_cache.cache = false;
            }
            if !args.local_cache.cache && args.store.store.is_none() && profiles("min_ttl") {
                args.local_cache.min_ttl = None;
            }
        }
        Command::Quota(crate::cli::QuotaCommand::Get(crate::cli::QuotaGetArgs {
            token, ..
        }))
        | Command::Quota(crate::cli::QuotaCommand::Clear(crate::cli::QuotaClearArgs {
            token,
            ..
        }))
        | Command::Rid(crate::cli::RidArgs { token, .. })
            if !token.local_cache.cache && profiles("min_ttl") =>
        {
            token.local_cache.min_ttl = None;
        }
        Command::Cache(
            crate::cli::CacheCommand::List { scope }
            | crate::cli::CacheCommand::Clear { scope, .. },
        ) if scope.dir.cache_dir.is_some() && users("cache_dir") && profiles("store") => {
            scope.store.store = None;
        }
        _ => {}
    }
}

/// `cmd` and every subcommand, with the profile's values as the defaults of the flags they
/// have.
fn with_defaults(mut cmd: clap::Command, defaults: &[(&'static str, String)]) -> clap::Command {
    for (id, value) in defaults {
        if cmd.get_arguments().any(|a| a.get_id() == *id) {
            // clap keeps defaults as &'static str; a run applies one profile, once.
            let value: &'static str = Box::leak(value.clone().into_boxed_str());
            cmd = cmd.mut_arg(*id, |a| a.default_value(value));
        }
    }
    let names: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    for name in names {
        cmd = cmd.mut_subcommand(name, |s| with_defaults(s, defaults));
    }
    cmd
}
