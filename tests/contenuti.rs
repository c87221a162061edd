//! Checks on the real corpus in `content/`: it passes `check`, every page reachable from the home page is in the
//! navigation, the four questions a newcomer comes with are answered within three clicks of the home page, and
//! the search index and the A–Z page hold every page, every section and every glossary term.

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
    // The wizard's steps (in Italian and in a translation's folder, `en/assistente/…`), the A–Z pages (the search's
    // fallback, itself an index, one per language) and a translation's status page (linked from its pages) are not
    // in the menu.
    let fuori = |p: &str| {
        let lingua = |l: &str| l.is_empty() || (l.len() == 3 && l.ends_with('/'));
        p.split_once("assistente/").is_some_and(|(l, passo)| lingua(l) && passo != "index.html")
            || p.split_once("indice-az/").is_some_and(|(l, resto)| lingua(l) && resto == "index.html")
            || p.ends_with("/stato/index.html")
    };
    for page in distances(&out).keys().filter(|p| !fuori(p)) {
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

/// The documents of a search index (`ricerca/`, or a translation's `en/ricerca/`): (url, page title, section) from
/// every `d/*.js` block.
fn documenti_indicizzati(out: &Path, indice: &str) -> Vec<(String, String, Option<String>)> {
    let mut docs = Vec::new();
    // The parts themselves, not their compressed copies (`.js.br`, `.js.gz`).
    let parti = std::fs::read_dir(out.join(indice).join("d")).unwrap().map(|e| e.unwrap().path());
    for p in parti.filter(|p| p.extension().is_some_and(|e| e == "js")) {
        let (_, json) = civis_ricerca::indice::leggi_parte(&std::fs::read(p).unwrap()).expect("a part of the index");
        let blocco: Vec<(String, String, Option<String>, String)> = serde_json::from_value(json).unwrap();
        docs.extend(blocco.into_iter().map(|(u, p, s, _)| (u, p, s)));
    }
    docs
}

#[test]
fn the_search_index_and_the_a_to_z_page_hold_every_page_and_section() {
    let dir = build_real_site();
    let out = dir.path().join("sito");
    let docs = documenti_indicizzati(&out, "ricerca");
    let urls: std::collections::BTreeSet<&str> = docs.iter().map(|d| d.0.as_str()).collect();
    // One index per language: the English pages are in their own, not in the Italian one, nor on its A–Z page.
    let docs_en = documenti_indicizzati(&out, "en/ricerca");
    let urls_en: std::collections::BTreeSet<&str> = docs_en.iter().map(|d| d.0.as_str()).collect();
    let az = std::fs::read_to_string(out.join("indice-az/index.html")).unwrap();
    let mut pagine = 0;
    for e in walkdir::WalkDir::new(repo().join("content")).into_iter().filter_map(Result::ok) {
        let Some(rel) = e
            .path()
            .strip_prefix(repo().join("content"))
            .unwrap()
            .to_str()
            .filter(|r| r.ends_with(".md"))
            .map(str::to_string)
        else {
            continue;
        };
        let path = rel.trim_end_matches(".md").trim_end_matches("_index").trim_end_matches('/').to_string();
        let url = if path.is_empty() { "index.html".to_string() } else { format!("{path}/index.html") };
        if rel.starts_with("en/") {
            assert!(urls_en.contains(url.as_str()), "{rel}: {url} is not in the English search index");
            assert!(!urls.contains(url.as_str()), "{rel}: {url} is in the Italian search index");
            assert!(!az.contains(&format!("href=\"../{url}\"")), "{url} is on the Italian A–Z page");
            continue;
        }
        assert!(urls.contains(url.as_str()), "{rel}: {url} is not in the search index");
        let html = std::fs::read_to_string(out.join(&url)).unwrap();
        let corpo = &html[html.find("<div class=\"testo\">").unwrap_or(0)..];
        let corpo = &corpo[..corpo
            .find("<aside class=\"metadati\"")
            .or_else(|| corpo.find("<section class=\"elenco\""))
            .unwrap_or(corpo.len())];
        for pezzo in corpo.split("<h2 id=\"").skip(1).chain(corpo.split("<h3 id=\"").skip(1)) {
            let id = &pezzo[..pezzo.find('"').unwrap()];
            assert!(urls.contains(format!("{url}#{id}").as_str()), "{url}#{id} is not in the search index");
        }
        assert!(az.contains(&format!("href=\"../{url}\"")), "{url} is not on the A–Z page");
        pagine += 1;
    }
    assert!(pagine >= 27, "{pagine} pages");
    assert!(urls.contains("assistente/index.html"), "the wizard's entry page is searchable");
    for termine in
        ["glossario/index.html#avviso-bonario", "glossario/index.html#cartella", "glossario/index.html#notifica"]
    {
        assert!(urls.contains(termine), "{termine} is not in the search index");
        assert!(az.contains(&format!("href=\"../{termine}\"")), "{termine} is not on the A–Z page");
    }
    // Every chunk the root file names exists.
    let radice = std::fs::read_to_string(out.join("ricerca/radice.js")).unwrap();
    let json: serde_json::Value =
        serde_json::from_str(&radice["civisRicerca.radice(".len()..radice.rfind(");").unwrap()]).unwrap();
    for (cartella, chiavi) in [("i", &json["i"]), ("b", &json["b"])] {
        for k in chiavi.as_array().unwrap() {
            assert!(
                out.join(format!("ricerca/{cartella}/{}.js", k.as_str().unwrap())).is_file(),
                "{cartella}/{k} missing"
            );
        }
    }
    assert_eq!(json["n"].as_u64().unwrap() as usize, docs.len());
}
