//! Site generator end to end: fixture sites built into temporary folders by the real binary.

mod support;

use std::path::Path;
use support::{civis, fixture, stderr};

fn read(p: &Path) -> String {
    std::fs::read_to_string(p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

fn hrefs(html: &str) -> Vec<String> {
    html.split(" href=\"").skip(1).map(|s| s[..s.find('"').unwrap()].to_string()).collect()
}

#[test]
fn builds_pretty_relative_pages_with_anchors_navigation_redirects_and_sitemap() {
    let site = fixture("sito");
    let out = site.path().join("out");
    let run = civis(site.path(), &["build", "--output", out.to_str().unwrap()]);
    assert!(run.status.success(), "{}", stderr(&run));
    let uno = read(&out.join("guida/uno/index.html"));
    // Stable heading ids, duplicates numbered, explicit id wins, each with a visible self-link.
    for id in ["cose-civis", "cose-civis-1", "allegati"] {
        assert!(uno.contains(&format!("<h2 id=\"{id}\">")), "missing id {id}");
        assert!(uno.contains(&format!("<a class=\"ancora\" href=\"#{id}\"")), "missing self-link {id}");
    }
    assert!(uno.contains("<aside class=\"callout callout-attenzione\""));
    assert!(uno.contains("<table>"));
    // Links written as source files become relative URLs, anchors kept.
    assert!(uno.contains("href=\"../../guida/due/index.html#termini\""), "{uno}");
    assert!(uno.contains("href=\"../../index.html\""));
    // Every link and resource is relative (the canonical URL is the one absolute link, by design).
    for h in hrefs(&uno) {
        assert!(!h.starts_with('/'), "absolute link {h}");
        assert!(!h.contains("://") || h.starts_with("https://esempio.invalid/"), "foreign link {h}");
    }
    assert!(!uno.contains(" src=\"http"), "no resource from another origin");
    // Navigation: current page marked, breadcrumbs, previous/next in reading order.
    assert!(uno.contains("aria-current=\"page\">Pagina uno</a>"), "{uno}");
    assert!(uno.contains("<nav class=\"briciole\""));
    assert!(uno.contains("<a rel=\"prev\" href=\"../../guida/index.html\">"), "{uno}");
    assert!(uno.contains("<a rel=\"next\" href=\"../../guida/due/index.html\">"), "{uno}");
    // Table of contents.
    assert!(uno.contains("<nav class=\"indice\"") && uno.contains("href=\"#allegati\">Allegati</a>"));
    // Sections list their pages.
    let guida = read(&out.join("guida/index.html"));
    assert!(guida.contains("Pagina uno") && guida.contains("Pagina due"));
    // Aliases redirect to the new page, relatively.
    let vecchia = read(&out.join("vecchia/pagina-due/index.html"));
    assert!(vecchia.contains("url=../../guida/due/index.html"), "{vecchia}");
    // Sitemap with the base URL, 404, static files, lang and no favicon request.
    let sitemap = read(&out.join("sitemap.xml"));
    assert!(sitemap.contains("<loc>https://esempio.invalid/guida/guida/uno/</loc>"), "{sitemap}");
    assert!(out.join("404.html").is_file() && out.join("nota.txt").is_file() && out.join("style.css").is_file());
    let home = read(&out.join("index.html"));
    assert!(home.contains("<html lang=\"it\">") && home.contains("<link rel=\"icon\" href=\"data:,\">"));
    assert!(home.contains("href=\"#contenuto\"") && home.contains("<main id=\"contenuto\""));
    // The style sheet is linked by its content's fingerprint, and the copy holds the original's bytes; every page
    // has its brotli and gzip copies, the gzip one decompressing to the page.
    let stile = home.split("rel=\"stylesheet\" href=\"").nth(1).and_then(|r| r.split('"').next()).unwrap();
    assert!(stile.starts_with("style.") && stile.len() == "style.0123456789abcdef.css".len(), "{stile}");
    assert_eq!(std::fs::read(out.join(stile)).unwrap(), std::fs::read(out.join("style.css")).unwrap());
    assert!(out.join("index.html.br").is_file());
    let mut pagina = String::new();
    let gz = std::fs::read(out.join("index.html.gz")).unwrap();
    std::io::Read::read_to_string(&mut flate2::read::GzDecoder::new(gz.as_slice()), &mut pagina).unwrap();
    assert_eq!(pagina, home);
}

#[test]
fn check_writes_nothing() {
    let site = fixture("sito");
    let run = civis(site.path(), &["check"]);
    assert!(run.status.success(), "{}", stderr(&run));
    assert!(!site.path().join("public").exists());
}

#[test]
fn no_sitemap_without_base_url() {
    let site = fixture("sito");
    let config = site.path().join("content/config.yaml");
    std::fs::write(&config, read(&config).replace("base_url: https://esempio.invalid/guida\n", "")).unwrap();
    let out = site.path().join("out");
    assert!(civis(site.path(), &["build", "--output", out.to_str().unwrap()]).status.success());
    assert!(!out.join("sitemap.xml").exists());
}

/// Breaks the fixture with `mutate`, then checks that `build` fails naming `expected` (a `file:line` prefix
/// and a word of the message), that `check` fails too, and that the previous output survived.
fn rejects(mutate: impl Fn(&Path), expected_location: &str, expected_word: &str) {
    let site = fixture("sito");
    let out = site.path().join("out");
    assert!(civis(site.path(), &["build", "--output", out.to_str().unwrap()]).status.success());
    std::fs::write(out.join("segno.txt"), "build precedente").unwrap();
    mutate(site.path());
    let run = civis(site.path(), &["build", "--output", out.to_str().unwrap()]);
    let err = stderr(&run);
    assert!(!run.status.success(), "build should fail");
    let line = err
        .lines()
        .find(|l| l.starts_with(expected_location))
        .unwrap_or_else(|| panic!("no `{expected_location}` in:\n{err}"));
    assert!(line.contains(expected_word), "`{expected_word}` missing from: {line}");
    assert_eq!(read(&out.join("segno.txt")), "build precedente", "the previous output must survive");
    let check = civis(site.path(), &["check"]);
    assert!(!check.status.success() && stderr(&check).contains(expected_location));
}

fn edit(root: &Path, file: &str, f: impl Fn(String) -> String) {
    let p = root.join(file);
    std::fs::write(&p, f(read(&p))).unwrap();
}

const UNO: &str = "content/guida/uno.md";

#[test]
fn yaml_syntax_error() {
    rejects(
        |r| edit(r, UNO, |s| s.replace("title: Pagina uno", "title: [Pagina uno")),
        "content/guida/uno.md:",
        "YAML",
    );
}

#[test]
fn unknown_front_matter_key() {
    rejects(
        |r| edit(r, UNO, |s| s.replace("weight: 1\n", "weight: 1\ncolore: blu\n")),
        "content/guida/uno.md:5:",
        "colore",
    );
}

#[test]
fn wrong_type() {
    rejects(|r| edit(r, UNO, |s| s.replace("weight: 1", "weight: alto")), "content/guida/uno.md:4:", "weight");
}

#[test]
fn missing_sources() {
    rejects(|r| edit(r, UNO, |s| s.replace("sources: [\"fixture\"]\n", "")), "content/guida/uno.md:2:", "sources");
}

#[test]
fn a_source_that_cites_the_project_s_own_documents() {
    // Citizens read the sources: a norm or a public document, never "doc. 004 l. 1636" (that goes in `riscontro`).
    rejects(
        |r| {
            edit(r, UNO, |s| {
                s.replace("sources: [\"fixture\"]", "sources: [\"La cartella di pagamento (doc. 004), l. 12\"]")
            })
        },
        "content/guida/uno.md:",
        "documento interno",
    );
}

#[test]
fn broken_link() {
    let line = read(&support::repo().join("tests/fixtures/sito").join(UNO)).lines().count() + 2;
    rejects(
        |r| edit(r, UNO, |s| s + "\nRiga con [un link rotto](manca.md).\n"),
        &format!("content/guida/uno.md:{line}:"),
        "manca.md",
    );
}

#[test]
fn broken_anchor() {
    let line = read(&support::repo().join("tests/fixtures/sito").join(UNO)).lines().count() + 2;
    rejects(
        |r| edit(r, UNO, |s| s + "\nVedi [i termini](due.md#nessuna).\n"),
        &format!("content/guida/uno.md:{line}:"),
        "#nessuna",
    );
}

#[test]
fn duplicate_output_path() {
    rejects(
        |r| {
            std::fs::create_dir_all(r.join("content/guida/uno")).unwrap();
            std::fs::copy(r.join(UNO), r.join("content/guida/uno/_index.md")).unwrap();
        },
        "content/guida/uno",
        "percorso di uscita duplicato",
    );
}

#[test]
fn missing_template() {
    rejects(
        |r| edit(r, UNO, |s| s.replace("weight: 1\n", "weight: 1\ntemplate: nessuno.html\n")),
        "content/guida/uno.md:",
        "nessuno.html",
    );
}

#[test]
fn tera_error_in_a_site_template() {
    rejects(
        |r| {
            std::fs::create_dir_all(r.join("themes/default/templates")).unwrap();
            std::fs::write(
                r.join("themes/default/templates/page.html"),
                "{% extends \"base.html\" %}{% block content %}{{ page.titolo_inesistente.x }}{% endblock content %}",
            )
            .unwrap();
        },
        "content/guida/due.md:",
        "page.html",
    );
}

#[test]
fn raw_html_is_rejected() {
    let line = read(&support::repo().join("tests/fixtures/sito").join(UNO)).lines().count() + 2;
    rejects(
        |r| edit(r, UNO, |s| s + "\n<script>alert(1)</script>\n"),
        &format!("content/guida/uno.md:{line}:"),
        "HTML non ammesso",
    );
}

#[test]
fn a_site_template_overrides_the_built_in_one() {
    let site = fixture("sito");
    std::fs::create_dir_all(site.path().join("themes/default/templates")).unwrap();
    std::fs::write(site.path().join("themes/default/templates/404.html"), "<p>Personalizzata</p>").unwrap();
    let out = site.path().join("out");
    assert!(civis(site.path(), &["build", "--output", out.to_str().unwrap()]).status.success());
    assert_eq!(read(&out.join("404.html")), "<p>Personalizzata</p>");
}

/// A plain HTTP GET on 127.0.0.1, returning the body (or `None` while the server is not up).
fn get(port: u16, path: &str) -> Option<String> {
    use std::io::{Read, Write};
    let mut s = std::net::TcpStream::connect(("127.0.0.1", port)).ok()?;
    write!(s, "GET {path} HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n").ok()?;
    let mut out = String::new();
    s.read_to_string(&mut out).ok()?;
    out.split_once("\r\n\r\n").map(|(_, body)| body.to_string())
}

/// Polls `f` every 100 ms for up to 20 s.
fn wait_for<T>(mut f: impl FnMut() -> Option<T>) -> T {
    for _ in 0..200 {
        if let Some(v) = f() {
            return v;
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    panic!("timed out");
}

/// Runs `check` against `civis-guida serve` on a copy of the fixture site (root, port, output folder), stopping the
/// server whatever happens.
fn with_served_site(check: impl FnOnce(&Path, u16, &Path) + std::panic::UnwindSafe) {
    let site = fixture("sito");
    let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let out = site.path().join("servito");
    // `--root .` as a person types it: the watcher reports absolute paths all the same.
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_civis-guida"))
        .current_dir(site.path())
        .args(["--root", ".", "serve", "--port", &port.to_string(), "--output", out.to_str().unwrap()])
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let root = site.path().to_path_buf();
    let result = std::panic::catch_unwind(|| check(&root, port, &out));
    child.kill().unwrap();
    child.wait().unwrap();
    if let Err(e) = result {
        std::panic::resume_unwind(e);
    }
}

#[test]
fn serve_rebuilds_on_change_and_signals_the_reload() {
    with_served_site(|root, port, out| {
        let page = wait_for(|| get(port, "/guida/uno/"));
        assert!(page.contains("Pagina uno") && page.contains("/__livereload"), "served with the reload script");
        assert!(!read(&out.join("guida/uno/index.html")).contains("__livereload"), "the files on disk stay clean");
        let before = wait_for(|| get(port, "/__livereload"));
        edit(root, UNO, |s| s.replace("Di nuovo.", "Testo cambiato mentre il server gira."));
        wait_for(|| get(port, "/__livereload").filter(|v| *v != before));
        assert!(get(port, "/guida/uno/").unwrap().contains("Testo cambiato mentre il server gira."));
        // The page's compressed copy was written again with it: a host never sends the old page in its place.
        let copia = std::fs::read(out.join("guida/uno/index.html.gz")).unwrap();
        let mut pagina = String::new();
        std::io::Read::read_to_string(&mut flate2::read::GzDecoder::new(copia.as_slice()), &mut pagina).unwrap();
        assert_eq!(pagina, read(&out.join("guida/uno/index.html")));
        assert!(get(port, "/non-esiste/").unwrap().contains("Pagina non trovata"));
    });
}

#[test]
fn serve_left_idle_does_not_rebuild() {
    with_served_site(|_, port, _| {
        let version = wait_for(|| get(port, "/__livereload"));
        // The pages are served and read (as a browser would) while nothing changes on disk.
        for _ in 0..20 {
            assert!(get(port, "/guida/uno/").unwrap().contains("Pagina uno"));
            std::thread::sleep(std::time::Duration::from_millis(150));
        }
        assert_eq!(get(port, "/__livereload").unwrap(), version, "no rebuild without a change");
    });
}

/// Whether the served search index has a word: its chunk found as the browser finds it, then inflated.
fn indicizzata(port: u16, parola: &str) -> bool {
    let radice = get(port, "/ricerca/radice.js").unwrap();
    let json: serde_json::Value =
        serde_json::from_str(&radice["civisRicerca.radice(".len()..radice.rfind(");").unwrap()]).unwrap();
    let stem = civis_ricerca::parole::radici(parola).remove(0);
    let chiavi: Vec<&str> = json["i"].as_array().unwrap().iter().map(|k| k.as_str().unwrap()).collect();
    let Some(k) = chiavi.iter().filter(|k| stem.starts_with(**k)).max_by_key(|k| k.len()) else { return false };
    let parte = get(port, &format!("/ricerca/i/{k}.js")).unwrap();
    let (_, dati) = civis_ricerca::indice::leggi_parte(parte.as_bytes()).unwrap();
    dati.get(&stem).is_some()
}

#[test]
fn serve_rebuilds_only_the_edited_page_when_only_its_text_changed() {
    with_served_site(|root, port, out| {
        let modified = |p: &str| std::fs::metadata(out.join(p)).and_then(|m| m.modified()).unwrap();
        let v0 = wait_for(|| get(port, "/__livereload"));
        let altra = modified("guida/due/index.html");
        std::thread::sleep(std::time::Duration::from_millis(50));
        // Only the text: only this page is written again.
        edit(root, UNO, |s| s.replace("Di nuovo.", "Solo il testo cambia: zafferano."));
        let v1 = wait_for(|| get(port, "/__livereload").filter(|v| *v != v0));
        assert!(get(port, "/guida/uno/").unwrap().contains("Solo il testo cambia: zafferano."));
        assert!(indicizzata(port, "zafferano"), "a small site's search index follows the edit");
        assert_eq!(modified("guida/due/index.html"), altra, "the other pages are not written again");
        // A broken link in the edited text is refused and the page stays as it was.
        edit(root, UNO, |s| s.replace("Solo il testo cambia: zafferano.", "Vedi [qui](due.md#nessuna)."));
        std::thread::sleep(std::time::Duration::from_millis(800));
        assert_eq!(get(port, "/__livereload").unwrap(), v1, "no reload signal for a rejected edit");
        assert!(get(port, "/guida/uno/").unwrap().contains("Solo il testo cambia: zafferano."));
        // A new title changes the navigation of every page: the whole site is built again.
        edit(root, UNO, |s| {
            s.replace("Vedi [qui](due.md#nessuna).", "Di nuovo.").replace("title: Pagina uno", "title: Pagina prima")
        });
        wait_for(|| get(port, "/guida/due/").filter(|p| p.contains("Pagina prima")));
    });
}

#[test]
fn a_synonym_repeated_in_two_groups() {
    rejects(
        |root| {
            std::fs::create_dir_all(root.join("content/ricerca")).unwrap();
            std::fs::write(
                root.join("content/ricerca/sinonimi.yaml"),
                "gruppi:\n  - uguali: [rate, rateazione]\n  - uguali: [dilazione, rate]\n",
            )
            .unwrap();
        },
        "content/ricerca/sinonimi.yaml:3",
        "già in un altro gruppo",
    );
}

#[test]
fn an_unknown_key_in_the_synonyms() {
    rejects(
        |root| {
            std::fs::create_dir_all(root.join("content/ricerca")).unwrap();
            std::fs::write(
                root.join("content/ricerca/sinonimi.yaml"),
                "gruppi:\n  - uguali: [pec, posta certificata]\n    simili: [x]\n",
            )
            .unwrap();
        },
        "content/ricerca/sinonimi.yaml:3",
        "simili",
    );
}

#[test]
fn a_large_a_to_z_is_split_into_pages_per_letter() {
    let dir = fixture("sito");
    let sezioni: String = (0..5_100).map(|i| format!("## Sezione {i:05}\n\nTesto.\n\n")).collect();
    std::fs::write(
        dir.path().join("content/guida/grande.md"),
        format!("---\ntitle: Grande\ndescription: Molte sezioni.\nupdated: 2026-11-25\nsources: [\"prova\"]\n---\n\n{sezioni}"),
    )
    .unwrap();
    let out = dir.path().join("out");
    let o = civis(dir.path(), &["build", "--no-wasm", "--output", out.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let indice = std::fs::read_to_string(out.join("indice-az/index.html")).unwrap();
    assert!(indice.contains("href=\"s/index.html\"") && indice.contains("href=\"s-2/index.html\""), "{indice}");
    let s2 = std::fs::read_to_string(out.join("indice-az/s-2/index.html")).unwrap();
    assert!(s2.contains("Sezione 05099") && s2.contains("href=\"../../guida/grande/index.html#sezione-05099\""));
    assert!(s2.contains("href=\"../index.html\">Tutte le lettere"));
    assert!(std::fs::metadata(out.join("indice-az/s/index.html")).unwrap().len() < 2_000_000);
}
