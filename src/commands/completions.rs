//! `wxtoken completions SHELL`.

use clap::CommandFactory;
use clap_complete::Shell;

use crate::cli::Cli;

/// The completion script for `shell`.
pub fn script(shell: Shell) -> Vec<u8> {
    let mut out = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "wxtoken", &mut out);
    out
}

/// The file name under completions/ for `shell`.
pub fn file_name(shell: Shell) -> &'static str {
    match shell {
        Shell::Bash => "wxtoken.bash",
        Shell::Zsh => "_wxtoken",
        Shell::Fish => "wxtoken.fish",
        Shell::PowerShell => "_wxtoken.ps1",
        Shell::Elvish => "wxtoken.elv",
        _ => "wxtoken.completion",
    }
}
