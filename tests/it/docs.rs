//! Checked-in generated text (completions, man pages, the reference's tables) must match what
//! the code generates; README and docs/ link only to what exists.
//! `WXTOKEN_REGENERATE=1 cargo test --test it docs` rewrites them.

use std::path::Path;

use crate::common::*;
use wxtoken::exit_codes::exit_table;
use wxtoken::platform::Platform;
use wxtoken::wechat::catalog::rows;

fn regenerate() -> bool {
    std::env::var_os("WXTOKEN_REGENERATE").is_some_and(|v| !v.is_empty())
}

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// man/: one page for wxtoken and one per command, as `wxtoken man` generates them; nothing
/// else there; and each renders without a warning where man(1) is installed.
#[test]
fn man_pages_match_what_the_binary_generates() {
    let list = run(wxtoken().args(["man", "--list"]));
    assert_eq!(list.code, 0, "{list:?}");
    let names: Vec<String> = list.stdout.lines().map(str::to_string).collect();
    assert!(names.len() >= 16 && names[0] == "wxtoken", "{names:?}");
    let dir = root().join("man");
    for name in &names {
        let path: Vec<&str> = name.split('-').skip(1).collect();
        let out = run(wxtoken().arg("man").args(&path));
        assert_eq!(out.code, 0, "{name}: {out:?}");
        assert!(
            out.stdout.starts_with(".ie") && out.stdout.contains(".TH "),
            "{name}"
        );
        let file = dir.join(format!("{name}.1"));
        if regenerate() {
            std::fs::create_dir_all(&dir).unwrap();
            std::fs::write(&file, &out.stdout).unwrap();
            continue;
        }
        let checked_in = std::fs::read_to_string(&file).unwrap_or_default();
        assert!(
            checked_in == out.stdout,
            "man/{name}.1 is out of date: run WXTOKEN_REGENERATE=1 cargo test --test it docs"
        );
    }
    let main = std::fs::read_to_string(dir.join("wxtoken.1")).unwrap();
    for section in [
        "EXIT STATUS",
        "ENVIRONMENT",
        "SEE ALSO",
        "WXTOKEN_CORPSECRET",
    ] {
        assert!(main.contains(section), "wxtoken.1 has {section}");
    }
    let fetch = std::fs::read_to_string(dir.join("wxtoken-fetch.1")).unwrap();
    assert!(fetch.contains(".SH EXAMPLES") && fetch.contains("EXIT STATUS"));
    for entry in std::fs::read_dir(&dir).unwrap().flatten() {
        let file = entry.file_name().to_string_lossy().to_string();
        let name = file.strip_suffix(".1").unwrap_or(&file);
        assert!(
            names.iter().any(|n| n == name),
            "man/{file} is no page of wxtoken's"
        );
    }
    // Rendered by man(1): no roff warnings.
    let man = std::process::Command::new("man").arg("--version").output();
    assert!(
        man.is_ok_and(|o| o.status.success()),
        "man(1) is not installed: the man page test needs it (apt-get install man-db; bash .ci/run installs it)"
    );
    {
        for name in &names {
            let out = std::process::Command::new("man")
                .args(["--warnings", "-l"])
                .arg(dir.join(format!("{name}.1")))
                .env("MANWIDTH", "80")
                .env("MAN_KEEP_FORMATTING", "")
                .output()
                .unwrap();
            let warnings = String::from_utf8_lossy(&out.stderr);
            assert!(warnings.trim().is_empty(), "{name}: {warnings}");
            assert!(out.status.success(), "{name}");
        }
    }
}

#[test]
fn completions_match_what_the_binary_generates() {
    let shells = [
        ("bash", "wxtoken.bash"),
        ("zsh", "_wxtoken"),
        ("fish", "wxtoken.fish"),
        ("powershell", "_wxtoken.ps1"),
        ("elvish", "wxtoken.elv"),
    ];
    for (shell, file) in shells {
        let out = run(wxtoken().args(["completions", shell]));
        assert_eq!(out.code, 0, "{out:?}");
        assert!(out.stdout.contains("wxtoken"), "{shell}: {out:?}");
        assert!(out.stdout.contains("fetch"), "{shell}: {out:?}");
        let path = root().join("completions").join(file);
        if regenerate() {
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(&path, &out.stdout).unwrap();
            continue;
        }
        let checked_in = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            checked_in == out.stdout,
            "completions/{file} is out of date: run WXTOKEN_REGENERATE=1 cargo test --test it docs"
        );
    }
}

/// The README's exit-code and errcode tables, between their markers.
fn tables() -> String {
    let mut t = String::from(
        "<!-- exit-codes:start -->\n| code | meaning | Official Account and Mini Program errcodes | WeChat Work errcodes |\n|---|---|---|---|\n",
    );
    for (code, meaning, errcodes, wecom) in exit_table() {
        t.push_str(&format!("| {code} | {meaning} | {errcodes} | {wecom} |\n"));
    }
    t.push_str("<!-- exit-codes:end -->");
    t
}

/// The environment variables' table, from the list the man page is made from.
fn environment_table() -> String {
    let mut t = String::from("<!-- environment:start -->\n| variable | meaning |\n|---|---|\n");
    for (names, meaning) in wxtoken::environment::VARIABLES {
        let names: Vec<String> = names.split(", ").map(|n| format!("`{n}`")).collect();
        t.push_str(&format!("| {} | {meaning} |\n", names.join(", ")));
    }
    t.push_str("<!-- environment:end -->");
    t
}

fn errcode_table() -> String {
    let mut t = String::from(
        "<!-- errcodes:start -->\n| errcode | meaning | exit | retry helps | what to do |\n|---|---|---|---|---|\n",
    );
    for e in rows(Platform::Mp) {
        t.push_str(&format!(
            "| {} | {} | {} | {} | {} |\n",
            e.code,
            e.title_en,
            e.exit_code(),
            if e.retryable { "yes" } else { "no" },
            e.hint_en.replace('|', "\\|")
        ));
    }
    t.push_str("<!-- errcodes:end -->");
    t
}

fn replace_between(text: &str, table: &str, start: &str, end: &str) -> String {
    let a = text
        .find(start)
        .unwrap_or_else(|| panic!("docs/reference.md lacks {start}"));
    let b = text
        .find(end)
        .unwrap_or_else(|| panic!("docs/reference.md lacks {end}"))
        + end.len();
    format!("{}{}{}", &text[..a], table, &text[b..])
}

#[test]
fn reference_tables_match_the_code() {
    let path = root().join("docs/reference.md");
    let readme = std::fs::read_to_string(&path).unwrap();
    let updated = replace_between(
        &readme,
        &tables(),
        "<!-- exit-codes:start -->",
        "<!-- exit-codes:end -->",
    );
    let updated = replace_between(
        &updated,
        &errcode_table(),
        "<!-- errcodes:start -->",
        "<!-- errcodes:end -->",
    );
    let updated = replace_between(
        &updated,
        &environment_table(),
        "<!-- environment:start -->",
        "<!-- environment:end -->",
    );
    if regenerate() {
        std::fs::write(&path, &updated).unwrap();
        return;
    }
    assert!(
        readme == updated,
        "docs/reference.md's tables are out of date: run WXTOKEN_REGENERATE=1 cargo test --test it docs"
    );
}

#[test]
fn readme_holds_the_two_setup_commands_that_ci_runs() {
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
    let ci = std::fs::read_to_string(root().join(".ci/run")).unwrap();
    assert!(readme.contains("cargo install --locked --path . && wxtoken --version"));
    assert!(
        readme.contains("\n    cargo test --locked\n")
            || readme.contains("\ncargo test --locked\n")
    );
    // Every test run in .ci/run is the README's command (watched by strace, or not).
    let runs: Vec<&str> = ci
        .lines()
        .filter(|l| l.contains("cargo test") && !l.trim_start().starts_with('#'))
        .collect();
    assert!(
        !runs.is_empty(),
        ".ci/run must run the README's test command"
    );
    for run in runs {
        assert!(
            run.contains("cargo test --locked 2>&1 | tee"),
            ".ci/run runs another test command: {run}"
        );
    }
}

/// GitHub's anchor of a heading: lowercase, punctuation dropped, spaces as hyphens.
fn anchor(heading: &str) -> String {
    heading
        .trim()
        .to_lowercase()
        .chars()
        .filter(|c| c.is_alphanumeric() || matches!(c, ' ' | '-' | '_'))
        .map(|c| if c == ' ' { '-' } else { c })
        .collect()
}

/// README is the way in: every local link of README and docs/ leads to a file that exists and
/// a heading that is there.
#[test]
fn readme_and_docs_links_lead_somewhere() {
    let mut files = vec![root().join("README.md")];
    for e in std::fs::read_dir(root().join("docs")).unwrap().flatten() {
        files.push(e.path());
    }
    let headings = |path: &Path| -> Vec<String> {
        let text = std::fs::read_to_string(path).unwrap();
        let mut in_code = false;
        let mut out = Vec::new();
        for line in text.lines() {
            if line.starts_with("```") {
                in_code = !in_code;
            }
            if !in_code && line.starts_with('#') {
                out.push(anchor(line.trim_start_matches('#')));
            }
        }
        out
    };
    let mut checked = 0;
    for file in &files {
        let text = std::fs::read_to_string(file).unwrap();
        for (i, _) in text.match_indices("](") {
            let rest = &text[i + 2..];
            let Some(end) = rest.find(')') else { continue };
            let link = &rest[..end];
            if link.contains("://") || link.starts_with("mailto:") {
                continue;
            }
            let (path, frag) = link.split_once('#').unwrap_or((link, ""));
            let target = if path.is_empty() {
                file.clone()
            } else {
                file.parent().unwrap().join(path)
            };
            assert!(target.exists(), "{}: {link} leads nowhere", file.display());
            if !frag.is_empty() && target.extension().is_some_and(|e| e == "md") {
                assert!(
                    headings(&target).iter().any(|h| h == frag),
                    "{}: {link}: no such heading",
                    file.display()
                );
            }
            checked += 1;
        }
    }
    assert!(checked > 20, "{checked} links checked");
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
    assert!(
        readme.lines().count() <= 300,
        "README is the front door: at most 300 lines"
    );
    let start = readme.find("## Quick start").expect("a quick start");
    let block = &readme[start..];
    let code = &block[block.find("```sh\n").unwrap() + 6..];
    let code = &code[..code.find("```").unwrap()];
    assert!(
        code.lines().count() <= 10,
        "a quick start of at most ten lines"
    );
}

#[test]
fn every_variable_the_command_line_reads_is_documented() {
    let documented: Vec<&str> = wxtoken::environment::VARIABLES
        .iter()
        .flat_map(|(names, _)| names.split(", "))
        .collect();
    let mut read = Vec::new();
    for entry in std::fs::read_dir(root().join("src/cli")).unwrap() {
        let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
        for (at, _) in text.match_indices("env = \"") {
            let rest = &text[at + 7..];
            read.push(rest[..rest.find('"').unwrap()].to_string());
        }
    }
    assert!(read.len() > 15, "the parse found too little: {read:?}");
    let missing: Vec<&String> = read
        .iter()
        .filter(|v| !documented.contains(&v.as_str()))
        .collect();
    assert!(
        missing.is_empty(),
        "read but not in src/environment.rs: {missing:?}"
    );
}
