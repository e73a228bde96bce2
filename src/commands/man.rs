//! `wxtoken man [COMMAND]`: the manual pages, generated from the clap definitions (as `--help`
//! is), with the exit codes, the environment and the examples; at a terminal shown by man(1).

use std::io::{IsTerminal, Write};

use clap::CommandFactory;
use clap_mangen::Man;

use crate::cli::{Cli, ManArgs};
use crate::error::Failure;
use crate::error::code;
use crate::lang::Lang;
use crate::output::Printer;
use crate::tr;

pub fn run(args: &ManArgs, printer: &Printer) -> Result<u8, Failure> {
    if args.list {
        let names: Vec<String> = pages().into_iter().map(|(name, _)| name).collect();
        printer.result_line(&names.join("\n"))?;
        return Ok(code::OK);
    }
    // `wxtoken man cache list` and `wxtoken man cache-list` name the same page.
    let wanted: Vec<String> = args
        .page
        .iter()
        .flat_map(|p| p.split('-').map(str::to_string).collect::<Vec<_>>())
        .filter(|p| !p.is_empty() && p != "wxtoken")
        .collect();
    let Some(page) = render(&wanted) else {
        let shown = crate::redact::sanitize(&args.page.join(" "));
        return Err(Failure::usage(tr!(
            printer.lang,
            "no manual page for \"{shown}\": wxtoken man --list lists them",
            "没有 \"{shown}\" 的手册页：wxtoken man --list 可列出全部"
        )));
    };
    if std::io::stdout().is_terminal() && show_in_man(&page) {
        return Ok(code::OK);
    }
    printer.result_line(page.trim_end())?;
    Ok(code::OK)
}

/// Show `page` with `man -l -` (false when man cannot be run: the source is printed instead).
fn show_in_man(page: &str) -> bool {
    let Ok(mut child) = std::process::Command::new("man")
        .args(["-l", "-"])
        .stdin(std::process::Stdio::piped())
        .spawn()
    else {
        return false;
    };
    if let Some(mut stdin) = child.stdin.take() {
        let _ = stdin.write_all(page.as_bytes());
    }
    child.wait().is_ok_and(|s| s.success())
}

/// Every page: its file name without `.1` (`wxtoken-cache-list`), and the command's path.
pub fn pages() -> Vec<(String, Vec<String>)> {
    fn walk(cmd: &clap::Command, path: &mut Vec<String>, out: &mut Vec<(String, Vec<String>)>) {
        let mut name = String::from("wxtoken");
        for p in path.iter() {
            name.push('-');
            name.push_str(p);
        }
        out.push((name, path.clone()));
        for sub in cmd.get_subcommands().filter(|s| s.get_name() != "help") {
            path.push(sub.get_name().to_string());
            walk(sub, path, out);
            path.pop();
        }
    }
    let mut out = Vec::new();
    walk(&tree(), &mut Vec::new(), &mut out);
    out
}

fn tree() -> clap::Command {
    let mut cmd = Cli::command().disable_help_subcommand(true);
    cmd.build();
    cmd
}

/// The roff source of the page of the command at `path` (empty: wxtoken's own page).
pub fn render(path: &[String]) -> Option<String> {
    let root = tree();
    let mut cmd = &root;
    for p in path {
        cmd = cmd.find_subcommand(p)?;
    }
    let title = std::iter::once("wxtoken")
        .chain(path.iter().map(String::as_str))
        .collect::<Vec<_>>()
        .join("-");
    let man = Man::new(cmd.clone())
        .title(title.to_uppercase())
        .section("1")
        .date("")
        .source(format!("wxtoken {}", env!("CARGO_PKG_VERSION")))
        .manual("wxtoken manual");
    let mut out = Vec::new();
    type Section = fn(&Man, &mut dyn Write) -> std::io::Result<()>;
    let sections: [Section; 4] = [
        Man::render_title,
        Man::render_name_section,
        Man::render_synopsis_section,
        Man::render_description_section,
    ];
    for section in sections {
        section(&man, &mut out).ok()?;
    }
    if cmd.get_arguments().any(|a| !a.is_hide_set()) {
        man.render_options_section(&mut out).ok()?;
    }
    if cmd.has_subcommands() {
        man.render_subcommands_section(&mut out).ok()?;
    }
    // Each section comes with roff's preamble for the apostrophe: once is enough.
    let mut page = String::new();
    let mut seen = std::collections::HashSet::new();
    for line in String::from_utf8(out).ok()?.lines() {
        let preamble = line.starts_with(".ie \\n(.g") || line.starts_with(".el .ds Aq");
        if preamble && !seen.insert(line.to_string()) {
            continue;
        }
        page.push_str(line);
        page.push('\n');
    }
    if let Some(examples) = cmd
        .get_after_help()
        .map(|h| h.to_string())
        .and_then(|h| h.strip_prefix("Examples:\n").map(str::to_string))
    {
        page.push_str(".SH EXAMPLES\n.nf\n");
        for line in examples.lines() {
            page.push_str(&roff_line(line.trim_start()));
            page.push('\n');
        }
        page.push_str(".fi\n");
    }
    if path.is_empty() || matches!(path[0].as_str(), "fetch" | "exec") {
        page.push_str(&exit_status());
    }
    if path.is_empty() {
        page.push_str(".SH ENVIRONMENT\n");
        for (names, meaning) in crate::environment::VARIABLES {
            page.push_str(&format!(
                ".TP\n.B {}\n{}\n",
                roff_text(names),
                roff_line(meaning)
            ));
        }
        page.push_str(".SH FILES\n.TP\n.B ~/.config/wxtoken/config.toml\nthe profiles ($XDG_CONFIG_HOME/wxtoken/config.toml, --config, WXTOKEN_CONFIG)\n.TP\n.B ~/.cache/wxtoken\nthe token cache ($XDG_CACHE_HOME/wxtoken, --cache-dir, WXTOKEN_CACHE_DIR)\n");
    }
    page.push_str(".SH \"SEE ALSO\"\n");
    let others: Vec<String> = if path.is_empty() {
        pages()
            .into_iter()
            .skip(1)
            .map(|(name, _)| format!("{}(1)", roff_text(&name)))
            .collect()
    } else {
        vec!["wxtoken(1)".into()]
    };
    page.push_str(&others.join(", "));
    page.push('\n');
    Some(page)
}

/// The EXIT STATUS section: the documented table, with the errcodes of each row.
fn exit_status() -> String {
    let mut out = String::from(".SH \"EXIT STATUS\"\n");
    for (code, _, errcodes, wecom) in crate::exit_codes::exit_table() {
        out.push_str(&format!(
            ".TP\n.B {code}\n{}\n",
            roff_line(crate::exit_codes::exit_meaning(code, Lang::En))
        ));
        if !errcodes.is_empty() {
            out.push_str(&format!(".br\nerrcode {}\n", roff_text(&errcodes)));
        }
        if !wecom.is_empty() {
            out.push_str(&format!(".br\nWeChat Work errcode {}\n", roff_text(&wecom)));
        }
    }
    out
}

/// Text for roff: a backslash written as `\e`, a minus as `\-`.
fn roff_text(text: &str) -> String {
    text.replace('\\', "\\e").replace('-', "\\-")
}

/// A line of roff text that never reads as a request (a leading `.` or `'`).
fn roff_line(text: &str) -> String {
    let text = roff_text(text);
    if text.starts_with(['.', '\'']) {
        format!("\\&{text}")
    } else {
        text
    }
}
