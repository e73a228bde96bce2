//! The shape of `src/`, held by tests: the module graph has no cycle, no file grows past about
//! 450 lines, and no comment points outside the repository.

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

/// The top-level module a file belongs to (`src/cache/entry.rs` is `cache`).
fn module_of(path: &Path) -> String {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let rel = path.strip_prefix(&src).unwrap();
    let first = rel
        .components()
        .next()
        .unwrap()
        .as_os_str()
        .to_string_lossy();
    first.trim_end_matches(".rs").to_string()
}

/// The code of a file without its unit tests.
fn code(path: &Path) -> String {
    let text = std::fs::read_to_string(path).unwrap();
    match text.find("#[cfg(test)]") {
        Some(i) => text[..i].to_string(),
        None => text,
    }
}

/// Every `crate::NAME` a file's code refers to (paths and `use crate::{a, b}` groups).
fn references(text: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let ident = |s: &str| -> String {
        s.chars()
            .take_while(|c| c.is_ascii_lowercase() || *c == '_')
            .collect()
    };
    for (i, _) in text.match_indices("crate::") {
        let rest = &text[i + "crate::".len()..];
        if let Some(group) = rest.strip_prefix('{') {
            let end = group.find('}').unwrap_or(group.len());
            for part in group[..end].split(',') {
                let name = ident(part.trim());
                if !name.is_empty() {
                    out.insert(name);
                }
            }
        } else {
            let name = ident(rest);
            if !name.is_empty() {
                out.insert(name);
            }
        }
    }
    out
}

#[test]
fn the_module_graph_has_no_cycle() {
    let files = sources();
    let modules: BTreeSet<String> = files.iter().map(|p| module_of(p)).collect();
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for path in &files {
        let from = module_of(path);
        for to in references(&code(path)) {
            if to != from && modules.contains(&to) && from != "lib" {
                graph.entry(from.clone()).or_default().insert(to);
            }
        }
    }
    assert!(graph.len() > 10, "the parse found too little: {graph:?}");
    if let Some(cycle) = find_cycle(&graph) {
        panic!("module cycle: {cycle}");
    }
}

type Graph = BTreeMap<String, BTreeSet<String>>;

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
fn the_cycle_check_sees_a_cycle() {
    // The parse the check relies on: a `use` group and a path.
    let refs = references("use crate::{cache, output::Printer};\nlet x = crate::time::now();");
    assert_eq!(
        refs.into_iter().collect::<Vec<_>>(),
        ["cache", "output", "time"]
    );
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
