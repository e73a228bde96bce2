//! The completion scripts in the real shells (bash with bash-completion, zsh with compinit on a
//! pseudo-terminal, fish): profile names are completed, never run, and the command after
//! `exec --` is completed as a command. `bash .ci/run` installs the shells when missing (Debian
//! packages bash-completion, zsh, fish); without them these tests fail and say so.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::common::*;

/// A home with a config file of awkward profile names, and the shell's script written there.
struct Home {
    dir: PathBuf,
    script: PathBuf,
}

const PROFILES: &str = "[profiles.mini-app]\n[profiles.work]\n[profiles.oa]\n\
    [profiles.\"m$(touch PWNED)\"]\n[profiles.\"mini two\"]\n[profiles.\"m`touch PWNED`\"]\n";

fn home(shell: &str) -> Home {
    let program = if shell == "bash" { "bash" } else { shell };
    let found = Command::new(program).arg("--version").output();
    assert!(
        found.is_ok_and(|o| o.status.success()),
        "{shell} is not installed: `bash .ci/run` installs it (Debian package {})",
        if shell == "bash" { "bash" } else { shell }
    );
    if shell == "bash" {
        assert!(
            Path::new(BASH_COMPLETION).exists(),
            "bash-completion is not installed: `bash .ci/run` installs it (Debian package bash-completion)"
        );
    }
    let dir = tempdir();
    std::fs::create_dir_all(dir.join(".config/wxtoken")).unwrap();
    std::fs::write(dir.join(".config/wxtoken/config.toml"), PROFILES).unwrap();
    let generated = run(wxtoken().args(["completions", shell]));
    assert_eq!(generated.code, 0, "{generated:?}");
    let script = if shell == "zsh" {
        std::fs::create_dir_all(dir.join("zfunc")).unwrap();
        dir.join("zfunc/_wxtoken")
    } else {
        dir.join(format!("wxtoken.{shell}"))
    };
    std::fs::write(&script, generated.stdout).unwrap();
    Home { dir, script }
}

const BASH_COMPLETION: &str = "/usr/share/bash-completion/bash_completion";

/// A clean environment: this home, and PATH with the home's bin/ and the test binary first.
fn shell_command(home: &Home, program: &str) -> Command {
    let bin_dir = Path::new(env!("CARGO_BIN_EXE_wxtoken")).parent().unwrap();
    let mut cmd = Command::new(program);
    cmd.current_dir(&home.dir)
        .env_clear()
        .env("HOME", &home.dir)
        .env("TERM", "xterm")
        .env(
            "PATH",
            format!(
                "{}:{}:/usr/bin:/bin",
                home.dir.join("bin").display(),
                bin_dir.display()
            ),
        );
    cmd
}

/// What the shell offers at the end of `line` (a trailing space starts a new word), each once,
/// sorted.
fn offers(home: &Home, shell: &str, line: &str) -> Vec<String> {
    let out = match shell {
        "bash" => {
            let words: Vec<&str> = line.split(' ').collect();
            let quoted: Vec<String> = words.iter().map(|w| format!("'{w}'")).collect();
            let cword = words.len() - 1;
            let prev = if cword > 0 { words[cword - 1] } else { "" };
            shell_command(home, "bash")
                .args(["--norc", "--noprofile", "-c"])
                .arg(format!(
                    "source {BASH_COMPLETION}; source '{}'; COMP_WORDS=({}); COMP_CWORD={cword}; \
                     COMP_LINE='{line}'; COMP_POINT=${{#COMP_LINE}}; \
                     _wxtoken wxtoken '{}' '{prev}' 2>/dev/null; printf '%s\\n' \"${{COMPREPLY[@]}}\"",
                    home.script.display(),
                    quoted.join(" "),
                    words[cword],
                ))
                .output()
        }
        "zsh" => {
            let capture = home.dir.join("capture.zsh");
            std::fs::write(&capture, include_str!("shells/capture.zsh")).unwrap();
            shell_command(home, "timeout")
                .args(["20", "zsh", "-f"])
                .arg(&capture)
                .arg(home.script.parent().unwrap())
                .arg(line)
                .output()
        }
        _ => shell_command(home, "fish")
            .args(["--no-config", "-c"])
            .arg(format!(
                "source '{}'; complete -C '{line}'",
                home.script.display()
            ))
            .output(),
    }
    .unwrap();
    assert!(out.status.success(), "{shell}: {out:?}");
    let mut words: Vec<String> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| l.split('\t').next().unwrap_or("").trim_end().to_string())
        .filter(|l| !l.is_empty())
        .collect();
    words.sort();
    words.dedup();
    words
}

#[test]
fn every_shell_completes_profile_names_as_they_are_and_never_runs_them() {
    for shell in ["bash", "zsh", "fish"] {
        let home = home(shell);
        let got = offers(&home, shell, "wxtoken fetch --profile m");
        // zsh shows a name with a space as it is (it quotes it when inserting); bash and fish too.
        assert_eq!(
            got,
            ["m$(touch PWNED)", "m`touch PWNED`", "mini two", "mini-app"],
            "{shell}"
        );
        let all = offers(&home, shell, "wxtoken exec --profile ");
        for name in ["oa", "work", "mini-app"] {
            assert!(all.iter().any(|w| w == name), "{shell}: {name} in {all:?}");
        }
        assert!(
            !home.dir.join("PWNED").exists(),
            "{shell} ran a profile name"
        );
    }
}

#[test]
fn every_shell_completes_the_command_after_exec_dashdash() {
    for shell in ["bash", "zsh", "fish"] {
        let home = home(shell);
        // A command of this test's own, found on PATH: only command completion offers it.
        let bin = home.dir.join("bin");
        std::fs::create_dir_all(&bin).unwrap();
        let tool = bin.join("wxdemo-tool");
        std::fs::write(&tool, "#!/bin/sh\n").unwrap();
        std::fs::set_permissions(&tool, std::os::unix::fs::PermissionsExt::from_mode(0o755))
            .unwrap();
        // A file of the same prefix in the working directory: a command is wanted, not a file.
        std::fs::write(home.dir.join("wxdemo-file"), "").unwrap();
        let line = "wxtoken exec --cache -- wxdemo-";
        assert_eq!(
            offers(&home, shell, line),
            ["wxdemo-tool"],
            "{shell}: {line}"
        );
        // Before `--`, exec's own options.
        let line = "wxtoken exec --no-fe";
        assert_eq!(
            offers(&home, shell, line),
            ["--no-fetch"],
            "{shell}: {line}"
        );
    }
}
