//! `wxtoken completions SHELL`.

use clap::CommandFactory;
use clap_complete::Shell;

use crate::cli::Cli;

/// The completion script for `shell`: clap's, with `--profile` completing the names of the
/// config file's profiles (from `wxtoken profiles --names`) in bash, zsh and fish.
pub fn script(shell: Shell) -> Vec<u8> {
    let mut out = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "wxtoken", &mut out);
    let text = String::from_utf8_lossy(&out);
    profile_names(shell, &text).into_bytes()
}

/// The command that lists the profile names, quietly.
const NAMES: &str = "wxtoken profiles --names 2>/dev/null";

fn profile_names(shell: Shell, script: &str) -> String {
    let mut out = String::with_capacity(script.len() + 256);
    let mut after_profile = false;
    for line in script.lines() {
        let mut line = line.to_string();
        match shell {
            Shell::Bash => {
                if after_profile && line.trim() == r#"COMPREPLY=($(compgen -f "${cur}"))"# {
                    // Not `compgen -W`, which expands the words it is given: a profile named
                    // "$(...)" would run as code at a TAB.
                    let indent = &line[..line.len() - line.trim_start().len()];
                    line = format!(
                        r#"{indent}COMPREPLY=(); while IFS= read -r name; do [[ "$name" == "$cur"* ]] && COMPREPLY+=("$name"); done < <({NAMES})"#
                    );
                }
                after_profile = line.trim() == "--profile)";
            }
            Shell::Zsh if line.starts_with("'--profile=[") => {
                line = line.replace(":NAME:_default'", ":NAME:_wxtoken_profile_names'");
            }
            Shell::Fish if line.contains(" -l profile ") && line.ends_with(" -r") => {
                line.push_str(&format!(" -f -a \"({NAMES})\""));
            }
            _ => {}
        }
        out.push_str(&line);
        out.push('\n');
        if shell == Shell::Zsh && line.starts_with("#compdef") {
            out.push_str(&format!(
                "\n(( $+functions[_wxtoken_profile_names] )) ||\n_wxtoken_profile_names() {{\n    local -a names\n    names=(${{(f)\"$({NAMES})\"}})\n    compadd -a names\n}}\n"
            ));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn profile_names_are_completed_where_the_shell_allows_it() {
        for (shell, needle, times) in [
            (
                Shell::Bash,
                "done < <(wxtoken profiles --names 2>/dev/null)",
                2,
            ),
            (Shell::Zsh, ":NAME:_wxtoken_profile_names'", 2),
            (Shell::Fish, "-a \"(wxtoken profiles --names", 2),
        ] {
            let script = String::from_utf8(script(shell)).unwrap();
            let found = script.matches(needle).count();
            // Every command that takes --profile (it is global), at least the root and fetch.
            assert!(found >= times, "{shell:?}: {found} of {needle}");
        }
        let zsh = String::from_utf8(script(Shell::Zsh)).unwrap();
        assert!(zsh.contains("_wxtoken_profile_names() {"), "{zsh}");
        assert!(
            !zsh.contains("'--profile=[")
                || !zsh
                    .lines()
                    .any(|l| l.starts_with("'--profile=[") && l.contains(":NAME:_default'"))
        );
    }
}
