//! The shape of `src/`, held by tests: every import points down the layers, no import cycle
//! between files (so no two import each other), no command imports another, no file grows
//! past about 460 lines, and no comment points outside the repository.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

fn sources() -> Vec<PathBuf> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push(path);
            }
        }
    }
    let mut out = Vec::new();
    walk(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src"), &mut out);
    out.sort();
    out
}

/// The module path of a file (`src/token/cache/mod.rs` is `token::cache`; `src/lib.rs` is
/// the crate root, the empty path).
fn module_of(path: &Path) -> Vec<String> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let rel = path.strip_prefix(&src).unwrap().with_extension("");
    let mut parts: Vec<String> = rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy().to_string())
        .collect();
    if parts.last().is_some_and(|p| p == "mod") || parts == ["lib"] {
        parts.pop();
    }
    parts
}

/// The code of a file without comments and without its test-only items.
fn code(path: &Path) -> String {
    without_test_items(&code_of_text(&std::fs::read_to_string(path).unwrap()))
}

/// `text` without each `#[cfg(test)]` item: a declaration up to its `;` (`mod tests;`), or an
/// item up to the brace that closes its body (`mod tests { … }`). Everything else is kept,
/// whatever follows a test module.
fn without_test_items(text: &str) -> String {
    const ATTR: &str = "#[cfg(test)]";
    let mut out = String::new();
    let mut rest = text;
    while let Some(i) = rest.find(ATTR) {
        out.push_str(&rest[..i]);
        let item = &rest[i + ATTR.len()..];
        // The item ends at a `;` outside any bracket (`mod tests;`), or at the brace that
        // closes its body (`mod tests { … }`, `fn f(x: [u8; 2]) { … }`).
        let mut depth = 0usize;
        let mut end = None;
        for (j, c) in item.char_indices() {
            match c {
                '(' | '[' => depth += 1,
                ')' | ']' => depth = depth.saturating_sub(1),
                ';' if depth == 0 => {
                    end = Some(j + 1);
                    break;
                }
                '{' => depth += 1,
                '}' => {
                    depth = depth.saturating_sub(1);
                    if depth == 0 {
                        end = Some(j + 1);
                        break;
                    }
                }
                _ => {}
            }
        }
        let end = end.unwrap_or_else(|| panic!("a #[cfg(test)] item never closes: {item:.200}"));
        rest = &item[end..];
    }
    out.push_str(rest);
    out
}

fn ident(s: &str) -> String {
    s.chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
        .collect()
}

/// A path of lowercase segments from the start of `rest` (`a::b::C` gives `[a, b]`), and
/// whether it ended at a `{` group.
fn segments(rest: &str) -> (Vec<String>, Option<&str>) {
    let mut out = Vec::new();
    let mut rest = rest;
    loop {
        if let Some(group) = rest.strip_prefix('{') {
            return (out, Some(group));
        }
        let name = ident(rest);
        if name.is_empty() || !name.starts_with(|c: char| c.is_ascii_lowercase() || c == '_') {
            return (out, None);
        }
        rest = &rest[name.len()..];
        if name != "self" {
            out.push(name);
        }
        match rest.strip_prefix("::") {
            Some(r) => rest = r,
            None => return (out, None),
        }
    }
}

/// Every module path a file's code names, absolute: `crate::` paths (with their `{}` groups,
/// one level), `super::` paths, and paths into the submodules it declares.
fn references(module: &[String], is_mod_file: bool, text: &str) -> Vec<Vec<String>> {
    let parent: Vec<String> = if module.is_empty() {
        Vec::new()
    } else {
        module[..module.len() - 1].to_vec()
    };
    let _ = is_mod_file;
    let mut roots: Vec<(String, Vec<String>)> = vec![("crate::".into(), Vec::new())];
    roots.push(("super::".into(), parent));
    // `mod x;` declared here: `x::` names the submodule.
    for line in text.lines() {
        let l = line.trim();
        let l = l.strip_prefix("pub ").unwrap_or(l);
        let l = l.strip_prefix("pub(crate) ").unwrap_or(l);
        if let Some(name) = l.strip_prefix("mod ").and_then(|r| r.strip_suffix(';')) {
            let mut base = module.to_vec();
            base.push(name.to_string());
            roots.push((format!("{name}::"), base));
        }
    }
    let mut out = Vec::new();
    for (prefix, base) in &roots {
        for (i, _) in text.match_indices(prefix.as_str()) {
            let before = text[..i].chars().next_back();
            if before.is_some_and(|c| c.is_ascii_alphanumeric() || c == '_' || c == ':') {
                continue;
            }
            let (path, group) = segments(&text[i + prefix.len()..]);
            let mut whole = base.clone();
            whole.extend(path);
            if let Some(group) = group {
                let end = group.find('}').unwrap_or(group.len());
                for part in group[..end].split(',') {
                    let (sub, _) = segments(part.trim());
                    let mut p = whole.clone();
                    p.extend(sub);
                    out.push(p);
                }
            }
            out.push(whole);
        }
    }
    out
}

type Graph = BTreeMap<String, BTreeSet<String>>;

/// The files of `src/` as a graph: an edge from each file to every other file whose module it
/// names (the longest module path that is a file).
fn file_graph() -> Graph {
    let files = sources();
    let modules: BTreeMap<Vec<String>, String> = files
        .iter()
        .filter(|p| !p.ends_with("main.rs"))
        .map(|p| (module_of(p), name_of(&module_of(p))))
        .collect();
    let mut graph = Graph::new();
    for path in files.iter().filter(|p| !p.ends_with("main.rs")) {
        let from = module_of(path);
        let is_mod = path.ends_with("mod.rs");
        for reference in references(&from, is_mod, &code(path)) {
            let target = (1..=reference.len())
                .rev()
                .map(|n| &reference[..n])
                .find(|m| modules.contains_key(*m));
            if let Some(to) = target
                && to != from.as_slice()
            {
                graph.entry(name_of(&from)).or_default().insert(name_of(to));
            }
        }
    }
    graph
}

fn name_of(module: &[String]) -> String {
    if module.is_empty() {
        "lib".into()
    } else {
        module.join("::")
    }
}

#[test]
fn no_import_cycle_between_files() {
    let graph = file_graph();
    assert!(graph.len() > 40, "the parse found too little: {graph:?}");
    if let Some(cycle) = find_cycle(&graph) {
        panic!("import cycle between files: {cycle}");
    }
}

#[test]
fn no_two_files_import_each_other() {
    let graph = file_graph();
    let mutual: Vec<String> = graph
        .iter()
        .flat_map(|(a, targets)| targets.iter().map(move |b| (a, b)))
        .filter(|(a, b)| a < b && graph.get(*b).is_some_and(|t| t.contains(*a)))
        .map(|(a, b)| format!("{a} <-> {b}"))
        .collect();
    assert!(
        mutual.is_empty(),
        "files that import each other: {mutual:#?}"
    );
}

#[test]
fn no_command_imports_another() {
    let graph = file_graph();
    let commands: Vec<&String> = graph
        .keys()
        .filter(|k| k.starts_with("commands::"))
        .collect();
    assert!(
        commands.len() >= 8,
        "the commands were not found: {commands:?}"
    );
    for from in commands {
        for to in &graph[from] {
            assert!(
                !to.starts_with("commands"),
                "{from} imports {to}: a command is a leaf; move what they share below commands"
            );
        }
    }
}

/// The layers of `src/`, top down, as README and docs/development.md describe them: the process,
/// the commands, their settings and the command line, the token core, the WeChat layer, the
/// network, output, files and users, errors, and the leaves every layer uses.
const LAYERS: &[&[&str]] = &[
    &["app", "fuzzing"],
    &["commands"],
    &["settings"],
    &["cli"],
    &["exit_codes"],
    &["token"],
    &["wechat"],
    &["net"],
    &["output"],
    &["safe_path", "safe_fs", "users"],
    &["error", "redact"],
    &[
        "columns",
        "process",
        "terminal",
        "encoding",
        "arena",
        "lang",
        "time",
        "platform",
        "environment",
    ],
];

fn layer_of(file: &str) -> Option<usize> {
    let top = file.split("::").next().unwrap_or(file);
    LAYERS.iter().position(|layer| layer.contains(&top))
}

#[test]
fn every_import_points_down_the_layers() {
    let graph = file_graph();
    let mut upward = Vec::new();
    for (from, targets) in &graph {
        if from == "lib" {
            continue; // the index of modules
        }
        let here = layer_of(from).unwrap_or_else(|| panic!("{from} is in no layer of LAYERS"));
        for to in targets {
            let there = layer_of(to).unwrap_or_else(|| panic!("{to} is in no layer of LAYERS"));
            if there < here {
                upward.push(format!("{from} -> {to}"));
            }
        }
    }
    assert!(
        upward.is_empty(),
        "imports against the layers (move what they need down, or the caller up): {upward:#?}"
    );
}

/// A cycle of the graph as `a -> b -> a`, if it has one (depth-first search for a back edge).
fn find_cycle(graph: &Graph) -> Option<String> {
    fn visit(
        node: &str,
        graph: &Graph,
        path: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) -> Option<String> {
        if done.contains(node) {
            return None;
        }
        if let Some(i) = path.iter().position(|n| n == node) {
            return Some(format!("{} -> {node}", path[i..].join(" -> ")));
        }
        path.push(node.to_string());
        for next in graph.get(node).into_iter().flatten() {
            if let Some(c) = visit(next, graph, path, done) {
                return Some(c);
            }
        }
        path.pop();
        done.insert(node.to_string());
        None
    }
    let mut done = BTreeSet::new();
    graph
        .keys()
        .find_map(|node| visit(node, graph, &mut Vec::new(), &mut done))
}

#[test]
fn test_items_are_left_out_and_what_follows_them_is_not() {
    let text = "use crate::a::x;\n#[cfg(test)]\nmod tests;\nuse crate::b::y;\n#[cfg(test)]\nmod inline {\n    use crate::c::z;\n    fn f() { if true { } let s = \"{ https://x\"; let c = '{'; }\n}\nuse crate::d::w;\n#[cfg(test)]\nfn g(x: [u8; 2]) { let r = r#\"}\"#; let q = b'\"'; }\nuse crate::e::v;\n";
    let code = without_test_items(&code_of_text(text));
    assert!(code.contains("crate::e::v"), "{code}");
    assert!(!code.contains("fn g"), "{code}");
    for kept in ["crate::a::x", "crate::b::y", "crate::d::w"] {
        assert!(code.contains(kept), "{kept} lost: {code}");
    }
    assert!(!code.contains("crate::c::z"), "{code}");
    assert!(!code.contains("mod tests"), "{code}");
}

#[test]
fn the_checks_see_what_they_look_for() {
    // The parse the checks rely on: a `use` group, a path, a `super::` path, a submodule, and
    // no comment.
    let here = vec!["token".to_string(), "reader".to_string()];
    let refs = references(
        &here,
        false,
        "use crate::{net::client, output::Printer};\nlet x = crate::time::now();\nuse super::plan::Plan;\nmod inner;\nuse inner::X;",
    );
    let shown: BTreeSet<String> = refs.iter().map(|r| r.join("::")).collect();
    for want in [
        "net::client",
        "output",
        "time::now",
        "token::plan",
        "token::reader::inner",
    ] {
        assert!(shown.contains(want), "{want} not in {shown:?}");
    }
    let commented = references(
        &here,
        false,
        &code_of_text("// crate::secret::x\nlet a = 1;"),
    );
    assert!(commented.is_empty(), "{commented:?}");
    let edge = |a: &str, b: &str| (a.to_string(), BTreeSet::from([b.to_string()]));
    let cyclic: Graph = [
        edge("output", "error"),
        edge("error", "catalog"),
        edge("catalog", "output"),
    ]
    .into();
    assert_eq!(
        find_cycle(&cyclic).as_deref(),
        Some("catalog -> output -> error -> catalog")
    );
    let acyclic: Graph = [edge("output", "error"), edge("error", "catalog")].into();
    assert_eq!(find_cycle(&acyclic), None);
}

/// A text without its comments.
fn code_of_text(text: &str) -> String {
    // Comments go; string and char literals keep their quotes and lose their contents (so that
    // a `{` or a `//` in a string is not code), their line breaks kept.
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    let blank = |c: char| if c == '\n' { '\n' } else { ' ' };
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        let ident_before = i > 0 && (chars[i - 1].is_alphanumeric() || chars[i - 1] == '_');
        if c == '/' && next == Some('/') {
            while i < chars.len() && chars[i] != '\n' {
                i += 1;
            }
        } else if c == '/' && next == Some('*') {
            let mut depth = 0;
            while i < chars.len() {
                if chars[i] == '/' && chars.get(i + 1) == Some(&'*') {
                    depth += 1;
                    i += 2;
                } else if chars[i] == '*' && chars.get(i + 1) == Some(&'/') {
                    depth -= 1;
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    out.push(blank(chars[i]));
                    i += 1;
                }
            }
        } else if (c == 'r' || (c == 'b' && next == Some('r'))) && !ident_before && {
            let mut j = i + if c == 'b' { 2 } else { 1 };
            while chars.get(j) == Some(&'#') {
                j += 1;
            }
            chars.get(j) == Some(&'"')
        } {
            // A raw string: r"…", r#"…"#, br"…".
            let start = i + if c == 'b' { 2 } else { 1 };
            let mut j = start;
            while chars[j] == '#' {
                j += 1;
            }
            let hashes = j - start;
            out.push('"');
            i = j + 1;
            while i < chars.len() {
                if chars[i] == '"' && (0..hashes).all(|k| chars.get(i + 1 + k) == Some(&'#')) {
                    i += 1 + hashes;
                    break;
                }
                out.push(blank(chars[i]));
                i += 1;
            }
            out.push('"');
        } else if c == '"' {
            out.push('"');
            i += 1;
            while i < chars.len() && chars[i] != '"' {
                if chars[i] == '\\' {
                    out.push(' ');
                    i += 1;
                }
                if i < chars.len() {
                    out.push(blank(chars[i]));
                    i += 1;
                }
            }
            out.push('"');
            i += 1;
        } else if c == '\'' {
            // A char or byte literal ('x', '\n', '\'', b'"'), or a lifetime ('a), which stays.
            let end = match next {
                Some('\\') => (i + 2..chars.len()).find(|&j| chars[j] == '\'' && j > i + 2),
                Some(_) if chars.get(i + 2) == Some(&'\'') => Some(i + 2),
                _ => None,
            };
            match end {
                Some(end) => {
                    out.push_str("' '");
                    i = end + 1;
                }
                None => {
                    out.push(c);
                    i += 1;
                }
            }
        } else {
            out.push(c);
            i += 1;
        }
    }
    out
}

#[test]
fn no_source_file_is_over_450_lines() {
    for path in sources() {
        let lines = std::fs::read_to_string(&path).unwrap().lines().count();
        assert!(
            lines <= 460,
            "{} has {lines} lines: split it by concern",
            path.display()
        );
    }
}

#[test]
fn no_comment_points_outside_the_repository() {
    for path in sources() {
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(
            !text.contains("../shared"),
            "{} refers to ../shared, which a reader of the repository does not have",
            path.display()
        );
    }
}

#[test]
fn below_the_settings_nothing_reads_the_environment() {
    // The environment is read where the settings are settled (and by clap); the token core,
    // the WeChat layer and the network get what it decided.
    let below = ["token", "wechat", "net"];
    let mut readers = Vec::new();
    for path in sources() {
        let module = module_of(&path);
        if !module.first().is_some_and(|m| below.contains(&m.as_str())) {
            continue;
        }
        let text = code(&path);
        for needle in ["env_var", "std::env::var", "env::var_os", "std::env::vars"] {
            if text.contains(needle) {
                readers.push(format!("{}: {needle}", name_of(&module)));
            }
        }
    }
    assert!(
        readers.is_empty(),
        "read the environment below the settings: {readers:#?}"
    );
}
