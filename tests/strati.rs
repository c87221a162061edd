//! The layers of every crate: no module imports a module that imports it back (directly or through others), and
//! in the engine every module imports only modules declared before it in `lib.rs` (bottom first). Read from the
//! sources, so that a new import that breaks the layering fails the test command.

mod support;

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// The crates' source folders, relative to the repository.
const CRATES: [&str; 12] = [
    "crates/richiesta/src",
    "crates/vista/src",
    "crates/engine/src",
    "apps/wizard/src",
    "cli/src",
    "crates/content/src",
    "crates/markdown/src",
    "crates/templates/src",
    "crates/build/src",
    "crates/serve/src",
    "tools/bundle/src",
    "crates/core/src",
];

/// Module name → the modules of the same crate it refers to (`crate::x`), test code left out.
fn imports(dir: &Path) -> BTreeMap<String, BTreeSet<String>> {
    let files: Vec<_> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "rs"))
        .collect();
    let names: BTreeSet<String> = files.iter().map(|p| p.file_stem().unwrap().to_string_lossy().into_owned()).collect();
    let mut out = BTreeMap::new();
    for p in &files {
        let name = p.file_stem().unwrap().to_string_lossy().into_owned();
        if name == "lib" || name == "main" {
            continue;
        }
        let text = std::fs::read_to_string(p).unwrap();
        let code = text.split("#[cfg(test)]").next().unwrap_or_default();
        let mut uses = BTreeSet::new();
        for (i, _) in code.match_indices("crate::") {
            let rest = &code[i + "crate::".len()..];
            let target: String = rest.chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
            if names.contains(&target) && target != name && target != "lib" && target != "main" {
                uses.insert(target);
            }
        }
        out.insert(name, uses);
    }
    out
}

/// A cycle through `start`, if any, as the list of modules.
fn cycle(graph: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    fn visit(
        n: &str,
        g: &BTreeMap<String, BTreeSet<String>>,
        stack: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) -> Option<Vec<String>> {
        if let Some(i) = stack.iter().position(|s| s == n) {
            let mut c = stack[i..].to_vec();
            c.push(n.to_string());
            return Some(c);
        }
        if done.contains(n) {
            return None;
        }
        stack.push(n.to_string());
        for m in g.get(n).into_iter().flatten() {
            if let Some(c) = visit(m, g, stack, done) {
                return Some(c);
            }
        }
        stack.pop();
        done.insert(n.to_string());
        None
    }
    let mut done = BTreeSet::new();
    graph.keys().find_map(|n| visit(n, graph, &mut Vec::new(), &mut done))
}

#[test]
fn no_crate_has_an_import_cycle() {
    for dir in CRATES {
        let graph = imports(&support::repo().join(dir));
        assert!(cycle(&graph).is_none(), "{dir}: import cycle {:?}", cycle(&graph).unwrap().join(" → "));
    }
}

#[test]
fn engine_modules_import_only_lower_layers() {
    let dir = support::repo().join("crates/engine/src");
    let lib = std::fs::read_to_string(dir.join("lib.rs")).unwrap();
    let order: Vec<String> = lib
        .lines()
        .filter_map(|l| l.trim().strip_prefix("pub mod ").and_then(|r| r.strip_suffix(';')).map(str::to_string))
        .collect();
    assert!(order.len() >= 10, "lib.rs declares the layers: {order:?}");
    for (module, uses) in imports(&dir) {
        let level =
            order.iter().position(|m| *m == module).unwrap_or_else(|| panic!("{module} is not declared in lib.rs"));
        for u in uses {
            let l = order.iter().position(|m| *m == u).unwrap();
            assert!(l < level, "engine: `{module}` (layer {level}) imports `{u}` (layer {l}), which is not below it");
        }
    }
}

#[test]
fn the_cycle_finder_finds_cycles() {
    let g: BTreeMap<String, BTreeSet<String>> = [("a", "b"), ("b", "c"), ("c", "a")]
        .iter()
        .map(|(x, y)| (x.to_string(), BTreeSet::from([y.to_string()])))
        .collect();
    assert_eq!(cycle(&g).unwrap(), ["a", "b", "c", "a"]);
    let dag: BTreeMap<String, BTreeSet<String>> =
        [("a", "b"), ("b", "c")].iter().map(|(x, y)| (x.to_string(), BTreeSet::from([y.to_string()]))).collect();
    assert!(cycle(&dag).is_none());
}
