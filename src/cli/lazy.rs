//! The command line built for parsing only: each subcommand's arguments are defined when that
//! subcommand is the one being run (clap's `defer`), not all of them on every run. Building the
//! whole tree (the derive's `Cli::command()`) was a third of a cache hit's instructions; help
//! and completions, which show everything, still use the whole tree.

use clap::{Args, Command, FromArgMatches, Subcommand};

use super::{
    ApiArgs, CacheCommand, CheckArgs, Cli, CompletionsArgs, DoctorArgs, ExecArgs, ExplainArgs,
    FetchCommand, LeadingArgs, ManArgs, OutputArgs, ProfilesArgs, QuotaCommand, RidArgs, SignArgs,
    TicketArgs,
};

/// The subcommands, in the derive's order, each with its arguments deferred.
/// A subcommand's name, and how its (deferred) command is made.
type Sub = (&'static str, fn() -> Command);

const SUBCOMMANDS: &[Sub] = &[
    ("fetch", || {
        Command::new("fetch").defer(FetchCommand::augment_args)
    }),
    ("exec", || {
        Command::new("exec").defer(ExecArgs::augment_args)
    }),
    ("api", || Command::new("api").defer(ApiArgs::augment_args)),
    ("ticket", || {
        Command::new("ticket").defer(TicketArgs::augment_args)
    }),
    ("sign", || {
        Command::new("sign").defer(SignArgs::augment_args)
    }),
    ("profiles", || {
        Command::new("profiles").defer(ProfilesArgs::augment_args)
    }),
    ("explain", || {
        Command::new("explain").defer(ExplainArgs::augment_args)
    }),
    ("check", || {
        Command::new("check").defer(CheckArgs::augment_args)
    }),
    ("doctor", || {
        Command::new("doctor").defer(DoctorArgs::augment_args)
    }),
    ("cache", || {
        Command::new("cache")
            .subcommand_required(true)
            .arg_required_else_help(true)
            .defer(CacheCommand::augment_subcommands)
    }),
    ("quota", || {
        Command::new("quota")
            .subcommand_required(true)
            .arg_required_else_help(true)
            .defer(QuotaCommand::augment_subcommands)
    }),
    ("rid", || Command::new("rid").defer(RidArgs::augment_args)),
    ("completions", || {
        Command::new("completions").defer(CompletionsArgs::augment_args)
    }),
    ("man", || Command::new("man").defer(ManArgs::augment_args)),
];

/// The command tree with deferred subcommands: the same ids as the derive's, so that
/// [`Cli::from_arg_matches`] reads its matches. With `only`, the tree has that subcommand
/// alone: clap copies the global options into every subcommand it has, and a run that names
/// its subcommand needs no other (an unknown one gets the whole tree, and its suggestions).
fn command(only: Option<&str>) -> Command {
    let root = Command::new("wxtoken")
        .version(env!("CARGO_PKG_VERSION"))
        .propagate_version(true)
        .subcommand_required(true)
        .arg_required_else_help(true);
    LeadingArgs::augment_args(OutputArgs::augment_args(root)).subcommands(
        SUBCOMMANDS
            .iter()
            .filter(|(name, _)| only.is_none_or(|o| o == *name))
            .map(|(_, build)| build()),
    )
}

/// The subcommand `args` names, if it is one of ours: the first argument that is neither an
/// option nor the value of a root option that takes one (`--color WHEN`, `--lang LANG`).
pub fn named_subcommand(args: &[std::ffi::OsString]) -> Option<&'static str> {
    let mut rest = args.iter().skip(1);
    while let Some(arg) = rest.next() {
        let arg = arg.to_str()?;
        if arg == "--color" || arg == "--lang" {
            rest.next();
            continue;
        }
        if arg.starts_with('-') {
            continue;
        }
        return SUBCOMMANDS
            .iter()
            .find(|(name, _)| *name == arg)
            .map(|(name, _)| *name);
    }
    None
}

/// Parse `args` with the deferred tree.
pub fn parse(args: &[std::ffi::OsString]) -> Result<Cli, clap::Error> {
    // The tree and the matches are left for the process's end rather than taken apart: freeing
    // them cost a tenth of a cache hit, and the allocator gives small blocks back to nobody
    // anyway. The values are moved out of the matches, not copied.
    let mut tree = command(named_subcommand(args));
    let matches = tree.try_get_matches_from_mut(args);
    std::mem::forget(tree);
    let mut matches = matches?;
    let cli = Cli::from_arg_matches_mut(&mut matches);
    std::mem::forget(matches);
    cli
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::Parser;

    /// The deferred tree parses every command line the derive's does, to the same values.
    #[test]
    fn parses_like_the_derive() {
        for args in [
            vec![
                "wxtoken", "fetch", "--appid", "wx1", "--stable", "--cache", "--json", "-v",
            ],
            vec!["wxtoken", "--lang", "zh", "explain", "40164", "--json"],
            vec!["wxtoken", "check", "--token", "T", "--platform", "wecom"],
            vec!["wxtoken", "doctor", "--timeout", "3"],
            vec!["wxtoken", "cache", "clear", "--appid", "wx1", "--json"],
            vec!["wxtoken", "quota", "get", "/cgi-bin/token", "--yes"][..4].to_vec(),
            vec!["wxtoken", "rid", "6610524e-3c4d5e6f-7a8b9c0d"],
            vec!["wxtoken", "completions", "zsh"],
            vec![
                "wxtoken",
                "exec",
                "--profile",
                "p",
                "--cache",
                "--",
                "env",
                "-i",
            ],
            vec!["wxtoken", "fetch", "--format", "env", "--output", "f"],
            vec!["wxtoken", "profiles", "--names", "--config", "c.toml"],
        ] {
            let lazy = parse(&args.iter().map(Into::into).collect::<Vec<_>>())
                .unwrap_or_else(|e| panic!("{args:?}: {e}"));
            let derived = Cli::try_parse_from(&args).unwrap();
            assert_eq!(format!("{lazy:?}"), format!("{derived:?}"), "{args:?}");
        }
        // Every subcommand of the derive is in the deferred tree, and nothing else.
        let names = |c: &Command| -> Vec<String> {
            c.get_subcommands()
                .map(|s| s.get_name().to_string())
                .collect()
        };
        assert_eq!(
            names(&command(None)),
            names(&<Cli as clap::CommandFactory>::command())
        );
        // The subcommand a command line names, past the root options and their values.
        let named = |a: &[&str]| named_subcommand(&a.iter().map(Into::into).collect::<Vec<_>>());
        assert_eq!(
            named(&["wxtoken", "--lang", "zh", "-q", "fetch", "--json"]),
            Some("fetch")
        );
        assert_eq!(
            named(&["wxtoken", "--color=never", "cache", "list"]),
            Some("cache")
        );
        assert_eq!(
            named(&["wxtoken", "--lang", "fetch", "explain"]),
            Some("explain")
        );
        assert_eq!(named(&["wxtoken", "fetc"]), None);
        assert_eq!(named(&["wxtoken", "-q"]), None);
        for bad in [
            vec!["wxtoken", "fetch", "--frobnicate"],
            vec!["wxtoken", "fetc"],
            vec!["wxtoken", "cache"],
            vec!["wxtoken", "completions"],
        ] {
            let lazy = parse(&bad.iter().map(Into::into).collect::<Vec<_>>()).unwrap_err();
            let derived = Cli::try_parse_from(&bad).unwrap_err();
            assert_eq!(lazy.kind(), derived.kind(), "{bad:?}");
        }
    }
}
