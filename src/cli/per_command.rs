//! What each command has: the options a profile fills in, and the output flags.

use super::{CacheCommand, Command, ConnArgs, ProfileArgs, QuotaCommand};

impl Command {
    /// `--profile` and `--config`, on the commands that take them.
    pub fn profile_args(&self) -> Option<&ProfileArgs> {
        match self {
            Command::Fetch(a) => Some(&a.fetch.profile),
            Command::Exec(a) => Some(&a.fetch.profile),
            Command::Api(a) => Some(&a.fetch.profile),
            Command::Ticket(a) => Some(&a.fetch.profile),
            Command::Sign(a) => Some(&a.fetch.profile),
            Command::Profiles(a) => Some(&a.profile),
            Command::Check(a) => Some(&a.profile),
            Command::Doctor(a) => Some(&a.profile),
            Command::Quota(QuotaCommand::Get(a)) => Some(&a.token.profile),
            Command::Quota(QuotaCommand::Clear(a)) => Some(&a.token.profile),
            Command::Rid(a) => Some(&a.token.profile),
            Command::Cache(c) => Some(&c.scope().profile),
            Command::Explain(_) | Command::Completions(_) | Command::Man(_) => None,
        }
    }

    /// Whether the command reads credentials, and its connection options, where it has them:
    /// what a profile's secret and API base are for.
    pub fn creds_and_conn(&self) -> (bool, Option<&ConnArgs>) {
        match self {
            Command::Fetch(a) => (true, Some(&a.fetch.conn)),
            Command::Exec(a) => (true, Some(&a.fetch.conn)),
            Command::Api(a) => (true, Some(&a.fetch.conn)),
            Command::Ticket(a) => (true, Some(&a.fetch.conn)),
            Command::Sign(a) => (true, Some(&a.fetch.conn)),
            Command::Check(a) => (false, Some(&a.conn)),
            Command::Doctor(a) => (true, Some(&a.conn)),
            Command::Quota(QuotaCommand::Get(a)) => (true, Some(&a.conn)),
            Command::Quota(QuotaCommand::Clear(a)) => (true, Some(&a.conn)),
            Command::Rid(a) => (true, Some(&a.conn)),
            Command::Explain(_)
            | Command::Cache(_)
            | Command::Profiles(_)
            | Command::Completions(_)
            | Command::Man(_) => (false, None),
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
            Command::Api(a) => {
                a.fetch.out.json.json || a.format == Some(super::api::ApiFormat::Json)
            }
            Command::Ticket(a) => {
                a.fetch.out.json.json || a.format == Some(super::TicketFormat::Json)
            }
            Command::Sign(a) => a.fetch.out.json.json,
            Command::Profiles(a) => match &a.action {
                Some(super::ProfilesAction::Add(add)) => add.out.json,
                None => a.out.json,
            },
            Command::Check(a) => a.out.json.json,
            Command::Doctor(a) => a.out.json.json,
            Command::Explain(a) => a.out.json,
            Command::Cache(c) => c.scope().out.json,
            Command::Quota(q) => q.out().json.json,
            Command::Rid(a) => a.out.json.json,
            Command::Completions(_) | Command::Man(_) => false,
        }
    }

    /// Whether `-v` was given (on a command that has it).
    pub fn verbose(&self) -> bool {
        match self {
            Command::Fetch(a) => a.fetch.out.verbose,
            Command::Exec(a) => a.fetch.out.verbose,
            Command::Api(a) => a.fetch.out.verbose,
            Command::Ticket(a) => a.fetch.out.verbose,
            Command::Sign(a) => a.fetch.out.verbose,
            Command::Check(a) => a.out.verbose,
            Command::Doctor(a) => a.out.verbose,
            Command::Quota(q) => q.out().verbose,
            Command::Rid(a) => a.out.verbose,
            _ => false,
        }
    }

    /// Where `--json` goes on this command, if it has one.
    fn json_flag(&mut self) -> Option<&mut bool> {
        match self {
            Command::Fetch(a) => Some(&mut a.fetch.out.json.json),
            Command::Exec(a) => Some(&mut a.fetch.out.json.json),
            Command::Api(a) => Some(&mut a.fetch.out.json.json),
            Command::Ticket(a) => Some(&mut a.fetch.out.json.json),
            Command::Sign(a) => Some(&mut a.fetch.out.json.json),
            Command::Profiles(a) => Some(&mut a.out.json),
            Command::Check(a) => Some(&mut a.out.json.json),
            Command::Doctor(a) => Some(&mut a.out.json.json),
            Command::Explain(a) => Some(&mut a.out.json),
            Command::Cache(CacheCommand::List { scope } | CacheCommand::Clear { scope, .. }) => {
                Some(&mut scope.out.json)
            }
            Command::Quota(QuotaCommand::Get(a)) => Some(&mut a.out.json.json),
            Command::Quota(QuotaCommand::Clear(a)) => Some(&mut a.out.json.json),
            Command::Rid(a) => Some(&mut a.out.json.json),
            Command::Completions(_) | Command::Man(_) => None,
        }
    }

    /// Where `-v` goes on this command, if it has one.
    fn verbose_flag(&mut self) -> Option<&mut bool> {
        match self {
            Command::Fetch(a) => Some(&mut a.fetch.out.verbose),
            Command::Exec(a) => Some(&mut a.fetch.out.verbose),
            Command::Check(a) => Some(&mut a.out.verbose),
            Command::Doctor(a) => Some(&mut a.out.verbose),
            Command::Quota(QuotaCommand::Get(a)) => Some(&mut a.out.verbose),
            Command::Quota(QuotaCommand::Clear(a)) => Some(&mut a.out.verbose),
            Command::Rid(a) => Some(&mut a.out.verbose),
            _ => None,
        }
    }
}

impl super::Cli {
    /// `--json` and `-v` given before the command (`wxtoken -v fetch`, as the first release
    /// took them) moved onto it; `Err` names the flag the command does not have.
    pub fn hoist_leading_flags(&mut self) -> Result<(), &'static str> {
        if std::mem::take(&mut self.leading.json_first) {
            *self.command.json_flag().ok_or("--json")? = true;
        }
        if std::mem::take(&mut self.leading.verbose_first) {
            *self.command.verbose_flag().ok_or("-v")? = true;
        }
        Ok(())
    }
}
