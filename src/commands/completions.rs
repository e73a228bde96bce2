//! `wxtoken completions SHELL`.

use clap::CommandFactory;
use clap_complete::Shell;

use crate::cli::Cli;

/// The completion script for `shell`: clap's, with `--profile` completing the names of the
/// config file's profiles (from `wxtoken profiles --names`) in bash, zsh and fish, and the
/// command after `exec --` completed as a command of its own (zsh's comes from clap).
pub fn script(shell: Shell) -> Vec<u8> {
    let mut out = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "wxtoken", &mut out);
    let text = String::from_utf8_lossy(&out);
    let mut text = profile_names(shell, &text);
    if shell == Shell::Fish {
        text.push_str(FISH_EXEC);
    }
    text.into_bytes()
}

/// Bash, at the top of exec's branch: once a `--` precedes the word, what follows is a command
/// line of its own, completed by bash-completion's `_command_offset` (as `sudo` is), or as
/// command names without it.
const BASH_EXEC: &str = r#"            local i
            for (( i = 2; i < COMP_CWORD; i++ )); do
                if [[ ${COMP_WORDS[i]} == -- ]]; then
                    if declare -F _command_offset >/dev/null; then
                        _command_offset $(( i + 1 ))
                    elif (( i + 1 == COMP_CWORD )); then
                        COMPREPLY=( $(compgen -c -- "${cur}") )
                    else
                        COMPREPLY=( $(compgen -f -- "${cur}") )
                    fi
                    return 0
                fi
            done
"#;

/// Fish: after `exec … --`, the rest of the line is completed as fish completes it on its own
/// (command names, then that command's arguments), and no file names in their place.
const FISH_EXEC: &str = r#"function __fish_wxtoken_exec_after_dashdash
    __fish_wxtoken_using_subcommand exec; and contains -- -- (commandline -opc)
end
function __fish_wxtoken_exec_command
    set -l words (commandline -opc)
    set -l at (contains -i -- -- $words)
    set -l line (string escape -- $words[(math $at + 1)..-1])
    complete -C (string join ' ' -- $line (commandline -ct))
end
complete -c wxtoken -n "__fish_wxtoken_exec_after_dashdash" -f -a "(__fish_wxtoken_exec_command)"
"#;

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
                if line.trim() == "wxtoken__subcmd__exec)" {
                    out.push_str(&line);
                    out.push('\n');
                    line = BASH_EXEC.trim_end().to_string();
                }
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
