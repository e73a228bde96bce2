//! wxtoken: get a WeChat access_token right, explain every failure, and never break anyone
//! else's token. The binary (`main.rs`) is a thin wrapper around [`app::main`].
//!
//! The modules, top-down (each uses only those below it):
//!
//! - [`app`]: the process's life (parse, run, clap's errors); [`process`]: its set-up.
//! - `cli`: what the user typed (clap); `commands`: one leaf per subcommand.
//! - `settings`: command line, environment and profile settled into what a command runs with
//!   (credentials, the config file, the language).
//! - `token`: the token core: a plan, obtained through a keeper (local cache or Redis store)
//!   or read as given.
//! - [`wechat`]: WeChat's requests and answers, the errcode catalogue, pasted responses.
//! - `net`: connection settings, the HTTP client, API base, proxies, TLS, transport errors.
//! - `output`, [`error`], [`exit_codes`]: what is printed, the failures and their exit codes.
//! - Leaves: [`platform`], [`lang`], [`redact`], [`time`], `columns`, `encoding`, `safe_fs`, `safe_path`, `terminal`, `users`,
//!   [`arena`] (the allocator).
//!
//! Public modules are the ones the integration tests and the fuzz targets drive directly.

pub mod app;
pub mod arena;
pub(crate) mod cli;
pub(crate) mod columns;
pub(crate) mod commands;
pub(crate) mod encoding;
pub mod environment;
pub mod error;
pub mod exit_codes;
#[doc(hidden)]
pub mod fuzzing;
pub mod lang;
pub(crate) mod net;
pub(crate) mod output;
pub mod platform;
pub(crate) mod process;
pub mod redact;
pub(crate) mod safe_fs;
pub(crate) mod safe_path;
pub(crate) mod settings;
pub(crate) mod terminal;
pub mod time;
pub mod token;
pub(crate) mod users;
pub mod wechat;

/// A stand-in for the environment in unit tests: `env_of(&[("NAME", "value")])`.
#[cfg(test)]
pub(crate) fn env_of(
    pairs: &'static [(&'static str, &'static str)],
) -> impl Fn(&str) -> Option<String> {
    move |name| {
        pairs
            .iter()
            .find(|(k, _)| *k == name)
            .map(|(_, v)| v.to_string())
    }
}
