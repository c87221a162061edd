//! The layers of every crate of the workspace (found by walking the whole repository for `Cargo.toml`, wherever a
//! crate lives, and checked against the workspace's members, so a new crate is checked without being listed):
//! no module imports a module that imports it back, directly or through others, in any folder of the crate (`cmd/`
//! included); and in the crates whose `lib.rs` declares its modules bottom first (the engine and the build), every
//! module imports only modules declared before it. Read from the sources, comments and test code left out, so that
//! a new import that breaks the layering fails the tests.

mod support;

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The crates whose modules are layers in the order `lib.rs` declares them.
const A_STRATI: [&str; 2] = ["common/engine", "site/build"];

/// Folders that hold no crate of the workspace: build output, npm packages, fixture sites, version control.
const NON_CRATE: [&str; 4] = ["target", "node_modules", ".git", "fixtures"];

/// Every crate folder of the repository (a folder with `Cargo.toml` and `src/`), found by walking it.
fn crates() -> Vec<PathBuf> {
    fn cerca(dir: &Path, out: &mut Vec<PathBuf>) {
        if dir.join("Cargo.toml").is_file() && dir.join("src").is_dir() {
            out.push(dir.to_path_buf());
        }
        for e in std::fs::read_dir(dir).unwrap().flatten() {
            let nome = e.file_name();
            if e.path().is_dir() && !NON_CRATE.iter().any(|n| nome == *n) {
                cerca(&e.path(), out);
            }
        }
    }
    let mut out = Vec::new();
    cerca(&support::repo(), &mut out);
    out.sort();
    out
}

/// The `members` of the root `Cargo.toml`, as written there.
fn membri() -> BTreeSet<String> {
    let manifest = std::fs::read_to_string(support::repo().join("Cargo.toml")).unwrap();
    let lista = manifest.split("members = [").nth(1).unwrap().split(']').next().unwrap();
    lista
        .lines()
        .map(|l| l.split('#').next().unwrap().trim().trim_end_matches(',').trim_matches('"'))
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .collect()
}

/// The Rust files under `dir`, recursively, each with its module path (`cmd::build`).
fn moduli(dir: &Path, prefisso: &str, out: &mut Vec<(String, PathBuf)>) {
    for e in std::fs::read_dir(dir).unwrap().flatten() {
        let p = e.path();
        let nome = p.file_stem().unwrap().to_string_lossy().into_owned();
        if p.is_dir() {
            moduli(&p, &format!("{prefisso}{nome}::"), out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            let modulo = match nome.as_str() {
                "lib" | "main" => "crate".to_string(),
                "mod" => prefisso.trim_end_matches("::").to_string(),
                _ => format!("{prefisso}{nome}"),
            };
            out.push((modulo, p));
        }
    }
}

/// The code of a file without its tests and comments.
fn codice(testo: &str) -> String {
    let senza_test = testo.split("#[cfg(test)]").next().unwrap_or_default();
    let senza_test = senza_test.split("#[cfg(all(test").next().unwrap_or_default();
    senza_test.lines().map(|l| l.split("//").next().unwrap_or_default()).collect::<Vec<_>>().join("\n")
}

/// Module path → the modules of the same crate it refers to (`crate::x::y`, or `super::y` from inside a folder).
fn imports(src: &Path) -> BTreeMap<String, BTreeSet<String>> {
    let mut files = Vec::new();
    moduli(src, "", &mut files);
    let nomi: BTreeSet<String> = files.iter().map(|(m, _)| m.clone()).collect();
    let mut out = BTreeMap::new();
    for (modulo, p) in &files {
        if modulo == "crate" {
            continue;
        }
        let code = codice(&std::fs::read_to_string(p).unwrap());
        let genitore = modulo.rsplit_once("::").map(|(g, _)| g.to_string());
        let mut uses = BTreeSet::new();
        for (radice, base) in
            [("crate::", String::new()), ("super::", genitore.clone().map(|g| g + "::").unwrap_or_default())]
        {
            for (i, _) in code.match_indices(radice) {
                if radice == "crate::" && code[..i].ends_with(char::is_alphanumeric) {
                    continue; // `civis_crate::`, not this crate
                }
                let rest = &code[i + radice.len()..];
                let percorso: String =
                    rest.chars().take_while(|c| c.is_alphanumeric() || *c == '_' || *c == ':').collect();
                // The longest module path the reference names (`cmd::build` before `cmd`).
                let mut candidato = format!("{base}{}", percorso.trim_end_matches(':'));
                loop {
                    if nomi.contains(&candidato) {
                        if &candidato != modulo && Some(&candidato) != genitore.as_ref() {
                            uses.insert(candidato);
                        }
                        break;
                    }
                    match candidato.rsplit_once("::") {
                        Some((g, _)) => candidato = g.to_string(),
                        None => break,
                    }
                }
            }
        }
        out.insert(modulo.clone(), uses);
    }
    out
}

/// A cycle in the graph, if any, as the list of modules.
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
fn every_crate_is_found_and_none_has_an_import_cycle() {
    let tutti = crates();
    let nomi: Vec<String> =
        tutti.iter().map(|c| c.strip_prefix(support::repo()).unwrap().to_string_lossy().into_owned()).collect();
    for atteso in ["site/cli", "common/engine", "site/build", "wizard/app", "wizard/bundle"] {
        assert!(nomi.iter().any(|n| n == atteso), "{atteso} not found among {nomi:?}");
    }
    assert_eq!(nomi.iter().cloned().collect::<BTreeSet<_>>(), membri(), "the crates found are the workspace's members");
    for meta in ["site", "wizard"] {
        assert!(nomi.iter().any(|n| n.starts_with(&format!("{meta}/"))), "the top level shows {meta}/: {nomi:?}");
    }
    for dir in &tutti {
        let graph = imports(&dir.join("src"));
        assert!(cycle(&graph).is_none(), "{}: import cycle {:?}", dir.display(), cycle(&graph).unwrap().join(" → "));
    }
}

#[test]
fn layered_crates_import_only_lower_layers() {
    for krate in A_STRATI {
        let dir = support::repo().join(krate).join("src");
        let lib = std::fs::read_to_string(dir.join("lib.rs")).unwrap();
        let order: Vec<String> = lib
            .lines()
            .filter_map(|l| {
                let l = l.trim();
                l.strip_prefix("pub mod ").or_else(|| l.strip_prefix("mod ")).and_then(|r| r.strip_suffix(';'))
            })
            .map(str::to_string)
            .collect();
        assert!(order.len() >= 10, "{krate}: lib.rs declares the layers: {order:?}");
        // A folder module (`modello/`) is one layer: its files are judged by the top-level name.
        let strato = |m: &str| m.split("::").next().unwrap().to_string();
        for (module, uses) in imports(&dir) {
            let module = strato(&module);
            let level = order
                .iter()
                .position(|m| *m == module)
                .unwrap_or_else(|| panic!("{krate}: {module} is not declared in lib.rs"));
            for u in uses.iter().map(|u| strato(u)).filter(|u| *u != module) {
                let l = order.iter().position(|m| *m == u).unwrap();
                assert!(
                    l < level,
                    "{krate}: `{module}` (layer {level}) imports `{u}` (layer {l}), which is not below it"
                );
            }
        }
    }
}

#[test]
fn the_import_reader_sees_folders_super_and_ignores_comments() {
    let dir = tempfile::tempdir().unwrap();
    let src = dir.path();
    std::fs::create_dir_all(src.join("cmd")).unwrap();
    std::fs::write(src.join("main.rs"), "mod cmd; mod a;").unwrap();
    std::fs::write(src.join("a.rs"), "// see crate::cmd::b\nuse civis_crate::x;\n").unwrap();
    std::fs::write(src.join("cmd/mod.rs"), "pub mod b;\n").unwrap();
    std::fs::write(src.join("cmd/b.rs"), "use super::c::f; use crate::a;\n").unwrap();
    std::fs::write(src.join("cmd/c.rs"), "use crate::cmd::b::g;\n").unwrap();
    let g = imports(src);
    assert!(g["a"].is_empty(), "a comment is not an import: {g:?}");
    assert_eq!(g["cmd::b"], BTreeSet::from(["cmd::c".to_string(), "a".to_string()]));
    assert_eq!(cycle(&g).unwrap(), ["cmd::b", "cmd::c", "cmd::b"]);
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
