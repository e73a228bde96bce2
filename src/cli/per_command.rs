//! What each command has: the options a profile fills in, and the output flags.

use super::{CacheCommand, Command, ConnArgs, ProfileArgs, QuotaCommand};

impl Command {
    /// `--profile` and `--config`, on the commands that take them.
    pub fn profile_args(&self) -> Option<&ProfileArgs> {
        match self {
            Command::Fetch(a) => Some(&a.fetch.profile),
            Command::Exec(a) => Some(&a.fetch.profile),
            Command::Profiles(a) => Some(&a.profile),
            Command::Check(a) => Some(&a.profile),
            Command::Doctor(a) => Some(&a.profile),
            Command::Quota(QuotaCommand::Get(a)) => Some(&a.token.profile),
            Command::Quota(QuotaCommand::Clear(a)) => Some(&a.token.profile),
            Command::Rid(a) => Some(&a.token.profile),
            Command::Cache(
                CacheCommand::List { profile, .. } | CacheCommand::Clear { profile, .. },
            ) => Some(profile),
            Command::Explain(_) | Command::Completions(_) => None,
        }
    }

    /// Whether the command reads credentials, and its connection options, where it has them:
    /// what a profile's secret and API base are for.
    pub fn creds_and_conn(&self) -> (bool, Option<&ConnArgs>) {
        match self {
            Command::Fetch(a) => (true, Some(&a.fetch.conn)),
            Command::Exec(a) => (true, Some(&a.fetch.conn)),
            Command::Check(a) => (false, Some(&a.conn)),
            Command::Doctor(a) => (true, Some(&a.conn)),
            Command::Quota(QuotaCommand::Get(a)) => (true, Some(&a.conn)),
            Command::Quota(QuotaCommand::Clear(a)) => (true, Some(&a.conn)),
            Command::Rid(a) => (true, Some(&a.conn)),
            Command::Explain(_)
            | Command::Cache(_)
            | Command::Profiles(_)
            | Command::Completions(_) => (false, None),
        }
    }

    /// Whether `--json` was given (on a command that has it).
    pub fn json(&self) -> bool {
        match self {
            Command::Fetch(a) => {
                a.fetch.out.json.json
                    || a.deliver.format == Some(crate::output::format::Format::Json)
            }
            Command::Exec(a) => a.fetch.out.json.json,
            Command::Profiles(a) => a.out.json,
            Command::Check(a) => a.out.json.json,
            Command::Doctor(a) => a.out.json.json,
            Command::Explain(a) => a.out.json,
            Command::Cache(CacheCommand::List { out, .. } | CacheCommand::Clear { out, .. }) => {
                out.json
            }
            Command::Quota(q) => q.out().json.json,
            Command::Rid(a) => a.out.json.json,
            Command::Completions(_) => false,
        }
    }

    /// Whether `-v` was given (on a command that has it).
    pub fn verbose(&self) -> bool {
        match self {
            Command::Fetch(a) => a.fetch.out.verbose,
            Command::Exec(a) => a.fetch.out.verbose,
            Command::Check(a) => a.out.verbose,
            Command::Doctor(a) => a.out.verbose,
            Command::Quota(q) => q.out().verbose,
            Command::Rid(a) => a.out.verbose,
            _ => false,
        }
    }
}
