//! Hostile sites (issue 22): each build must stop with a clear message at the right path and line, publish
//! nothing and leave the previous output as it was; none may hang, leak a file from outside the site or abort.

mod support;

use support::{civis, fixture, stderr};

/// Builds the fixture after `prepara` has made it hostile; returns the build's standard error. The build must
/// fail and leave the previous output untouched.
fn costruisci_ostile(prepara: impl FnOnce(&std::path::Path)) -> String {
    let dir = fixture("sito");
    let out = dir.path().join("out");
    assert!(civis(dir.path(), &["build", "--no-wasm", "--output", out.to_str().unwrap()]).status.success());
    let prima = std::fs::read(out.join("index.html")).unwrap();
    prepara(dir.path());
    let o = civis(dir.path(), &["build", "--no-wasm", "--output", out.to_str().unwrap()]);
    let err = stderr(&o);
    assert!(!o.status.success(), "{err}");
    assert_eq!(std::fs::read(out.join("index.html")).unwrap(), prima, "the previous site stays");
    let resti: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".out."))
        .collect();
    assert!(resti.is_empty(), "temporary folders left: {resti:?}");
    err
}

#[test]
fn symlinks_leaving_the_site_and_loops_are_refused() {
    let err = costruisci_ostile(|root| {
        let statici = root.join("content/static");
        std::os::unix::fs::symlink("/etc/passwd", statici.join("pw.txt")).unwrap();
        std::fs::create_dir_all(statici.join("giro")).unwrap();
        std::os::unix::fs::symlink(".", statici.join("giro/a")).unwrap();
        std::os::unix::fs::symlink("..", statici.join("giro/b")).unwrap();
    });
    assert!(err.contains("content/static/pw.txt: link simbolico che esce dalla cartella del sito"), "{err}");
    assert!(err.contains("content/static/giro/a: link simbolico che porta a una cartella che lo contiene"), "{err}");
}

#[test]
fn invalid_utf8_is_reported_at_its_line_and_column() {
    let err = costruisci_ostile(|root| {
        std::fs::write(root.join("content/guida/rotto.md"), b"---\ntitle: Rotto\n---\n\nuno\ndue \xff tre\n").unwrap();
    });
    assert!(err.contains("content/guida/rotto.md:6:5: il file non è in UTF-8"), "{err}");
    assert!(!err.contains(":0:0"), "{err}");
}

#[test]
fn an_explicit_heading_id_with_markup_is_refused() {
    let err = costruisci_ostile(|root| {
        let p = root.join("content/guida/uno.md");
        let testo = std::fs::read_to_string(&p).unwrap();
        std::fs::write(&p, format!("{testo}\n\n## Sezione {{#a\"autofocus/onfocus=alert(1)}}\n")).unwrap();
    });
    assert!(err.contains("content/guida/uno.md:") && err.contains("id della sezione non valido"), "{err}");
}

#[test]
fn a_template_that_includes_itself_is_an_error_not_a_crash() {
    let err = costruisci_ostile(|root| {
        let t = root.join("themes/default/templates");
        std::fs::create_dir_all(&t).unwrap();
        std::fs::write(t.join("page.html"), "<p>\n{% include \"page.html\" %}\n").unwrap();
    });
    assert!(err.contains("themes/default/templates/page.html:2:1: i template si includono a vicenda"), "{err}");
}

#[test]
fn a_flood_of_errors_is_capped_with_a_count() {
    let err = costruisci_ostile(|root| {
        let html: String = (0..5_000).map(|i| format!("<b>{i}</b>\n\n")).collect();
        std::fs::write(
            root.join("content/guida/html.md"),
            format!(
                "---\ntitle: Html\ndescription: Molto HTML.\nupdated: 2026-11-25\nsources: [\"prova\"]\n---\n\n{html}"
            ),
        )
        .unwrap();
    });
    assert!(err.contains("… e altri 9800 problemi non mostrati"), "{}", &err[err.len().saturating_sub(400)..]);
    assert_eq!(err.lines().filter(|l| l.contains("HTML non ammesso")).count(), 200);
}

#[test]
fn a_yaml_alias_bomb_in_the_synonyms_is_refused() {
    let err = costruisci_ostile(|root| {
        let mut y = String::from("a: &a [\"x\", \"x\", \"x\", \"x\", \"x\", \"x\", \"x\", \"x\"]\n");
        for (i, n) in ["b", "c", "d", "e", "f", "g", "h", "i"].iter().enumerate() {
            let prima = ["a", "b", "c", "d", "e", "f", "g", "h"][i];
            y.push_str(&format!(
                "{n}: &{n} [*{prima}, *{prima}, *{prima}, *{prima}, *{prima}, *{prima}, *{prima}, *{prima}]\n"
            ));
        }
        std::fs::create_dir_all(root.join("content/ricerca")).unwrap();
        std::fs::write(root.join("content/ricerca/sinonimi.yaml"), y).unwrap();
    });
    assert!(err.contains("content/ricerca/sinonimi.yaml:") && err.contains("YAML:"), "{err}");
}
