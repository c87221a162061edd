//! Checks on the real corpus in `content/`: it passes `check`, every page reachable from the home page is in the
//! navigation, and the four questions a newcomer comes with are answered within three clicks of the home page.

mod support;

use std::collections::{BTreeMap, VecDeque};
use std::path::Path;
use support::{civis, repo, stderr};

/// Links of a page, resolved to output files (`a/b/index.html`), fragments dropped, external links skipped.
fn links(page: &str, html: &str) -> Vec<String> {
    let base: Vec<&str> = page.split('/').collect();
    html.split(" href=\"")
        .skip(1)
        .map(|s| s[..s.find('"').unwrap()].to_string())
        .filter(|h| !h.contains("://") && !h.starts_with('#') && !h.starts_with("data:"))
        .filter_map(|h| {
            let mut parts: Vec<&str> = base[..base.len() - 1].to_vec();
            for seg in h.split('#').next().unwrap().split('/') {
                match seg {
                    ".." => {
                        parts.pop();
                    }
                    "." | "" => {}
                    s => parts.push(s),
                }
            }
            let p = parts.join("/");
            (p.ends_with(".html")).then_some(p)
        })
        .collect()
}

/// Click distance from the home page to every page reachable by links.
fn distances(out: &Path) -> BTreeMap<String, usize> {
    let mut dist = BTreeMap::from([("index.html".to_string(), 0)]);
    let mut queue = VecDeque::from(["index.html".to_string()]);
    while let Some(page) = queue.pop_front() {
        let html = std::fs::read_to_string(out.join(&page)).unwrap_or_default();
        for l in links(&page, &html) {
            if !dist.contains_key(&l) && out.join(&l).is_file() {
                dist.insert(l.clone(), dist[&page] + 1);
                queue.push_back(l);
            }
        }
    }
    dist
}

fn build_real_site() -> tempfile::TempDir {
    let out = tempfile::tempdir().unwrap();
    let run = civis(&repo(), &["build", "--no-wasm", "--output", out.path().join("sito").to_str().unwrap()]);
    assert!(run.status.success(), "{}", stderr(&run));
    out
}

#[test]
fn the_real_content_passes_check() {
    let run = civis(&repo(), &["check"]);
    assert!(run.status.success(), "{}", stderr(&run));
    assert!(stderr(&run).contains("percorsi verificati"), "the wizard's flow must be verified: {}", stderr(&run));
}

#[test]
fn every_page_reachable_from_home_is_in_the_navigation() {
    let dir = build_real_site();
    let out = dir.path().join("sito");
    let mut checked = 0;
    for page in distances(&out).keys().filter(|p| !p.starts_with("assistente/") || *p == "assistente/index.html") {
        let html = std::fs::read_to_string(out.join(page)).unwrap();
        let nav = &html[html.find("<nav class=\"navigazione\"").expect("menu present")..];
        let nav = &nav[..nav.find("</nav>").unwrap()];
        assert!(nav.contains("aria-current=\"page\""), "{page} is reachable but not in the navigation");
        checked += 1;
    }
    assert!(checked >= 25, "only {checked} pages reached");
}

#[test]
fn key_questions_are_within_three_clicks() {
    let dir = build_real_site();
    let dist = distances(&dir.path().join("sito"));
    for (what, page) in [
        ("how to send a CIVIS request", "civis/prima-richiesta/index.html"),
        ("what not to attach", "civis/documenti-da-non-allegare/index.html"),
        ("when the terms run out", "avvisi/termini-e-sanzioni/index.html"),
        ("how to appeal", "ricorsi/index.html"),
    ] {
        let d = dist.get(page).unwrap_or_else(|| panic!("{what}: {page} not reachable"));
        assert!(*d <= 3, "{what}: {page} is {d} clicks away");
    }
}
