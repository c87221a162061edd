//! Languages as content (issue 34): a language is a folder of pages plus a file of strings. A copy of the real
//! site gets a Romanian home page and one translated page, and nothing else; the build gives them their
//! language, links them to their Italian source both ways (`hreflang`) and reports their status. A changed
//! Italian page turns its English translation stale, with a visible notice and a warning naming the fingerprint.

mod support;

use std::path::Path;
use support::{civis, copy_dir, repo, stderr};

const STRINGHE_RO: &str = "name: Română
reviewed: 2026-12-01
reviewer: \"Test\"
months: [ianuarie, februarie, martie, aprilie, mai, iunie, iulie, august, septembrie, octombrie, noiembrie, decembrie]
strings:
  skip_to_content: { text: \"Salt la conținut\", source_fingerprint: \"0000000000000000\" }
";

const HOME_RO: &str = "---
title: Ghid CIVIS
description: Ce scrisoare ați primit?
updated: 2026-12-01
sources: [\"Guida CIVIS 2026 dell'Agenzia delle entrate\"]
---
Ghid în limba română. [Somația de plată](intimazione.md).
";

/// The Romanian translation of the Italian intimazione page, its fingerprint given.
fn intimazione_ro(impronta: &str) -> String {
    format!(
        "---
title: Somația de plată (intimazione)
description: Ce este și în cât timp trebuie să plătiți.
updated: 2026-12-01
sources: [\"art. 50 DPR 602/1973\"]
translation:
  of: riscossione/intimazione.md
  source_fingerprint: \"{impronta}\"
  reviewed: 2026-12-01
  reviewer: \"Test\"
---
## Ce este {{#cose}}

Citiți [pagina în italiană](../riscossione/intimazione.md).
"
    )
}

fn build(root: &Path) -> (std::process::Output, std::path::PathBuf) {
    let out = root.join("out");
    let run = civis(root, &["build", "--no-wasm", "--today", "2026-12-07", "--output", out.to_str().unwrap()]);
    (run, out)
}

/// A page's `<h1>`.
fn read_title(out: &Path, file: &str) -> String {
    let pagina = read(out, file);
    let h1 = pagina.split("<h1").nth(1).and_then(|r| r.split_once('>')).map(|(_, r)| r).unwrap_or_default();
    h1.split("</h1>").next().unwrap_or_default().to_string()
}

fn read(out: &Path, file: &str) -> String {
    std::fs::read_to_string(out.join(file)).unwrap_or_else(|e| panic!("{file}: {e}"))
}

#[test]
fn a_new_language_is_content_only() {
    let sito = tempfile::tempdir().unwrap();
    copy_dir(&repo().join("content"), &sito.path().join("content"));
    let c = sito.path().join("content");
    std::fs::write(c.join("lingue/ro.yaml"), STRINGHE_RO).unwrap();
    std::fs::create_dir_all(c.join("ro")).unwrap();
    std::fs::write(c.join("ro/_index.md"), HOME_RO).unwrap();
    std::fs::write(c.join("ro/intimazione.md"), intimazione_ro("0000000000000000")).unwrap();

    // A wrong fingerprint is reported with the right one, which the editor copies.
    let (run, out) = build(sito.path());
    assert!(run.status.success(), "{}", stderr(&run));
    let err = stderr(&run);
    let avviso = err.lines().find(|l| l.starts_with("content/ro/intimazione.md:")).expect(&err);
    assert!(avviso.contains("traduzione da rivedere"), "{avviso}");
    let giusta = avviso.rsplit("source_fingerprint: \"").next().unwrap().trim_end_matches(['"', '`']).to_string();
    assert_eq!(giusta.len(), 16, "{avviso}");
    assert!(err.contains("Traduzione `ro`: pagine 0 aggiornate, 1 da rivedere"), "{err}");
    let pagina = read(&out, "ro/intimazione/index.html");
    assert!(pagina.contains("<html lang=\"ro\">"), "its language from its folder");
    assert!(pagina.contains("traduzione-superata"), "a stale translation says so on the page");

    std::fs::write(c.join("ro/intimazione.md"), intimazione_ro(&giusta)).unwrap();
    let (run, out) = build(sito.path());
    assert!(run.status.success(), "{}", stderr(&run));
    assert!(!stderr(&run).contains("content/ro/intimazione.md"), "{}", stderr(&run));
    let pagina = read(&out, "ro/intimazione/index.html");
    assert!(!pagina.contains("traduzione-superata"), "current now");
    // Its strings: the one translated, the others from Italian (reported missing), dates in Romanian.
    assert!(pagina.contains("Salt la conținut"));
    assert!(!pagina.contains("Vai al contenuto") && pagina.contains("Guida non ufficiale"));
    assert!(pagina.contains("1 decembrie 2026"), "the review date in Romanian month names");
    // Both ways: the Romanian page names its Italian source, the Italian page its Romanian translation.
    assert!(pagina.contains("hreflang=\"it\" href=\"../../riscossione/intimazione/index.html\""), "{pagina}");
    let italiana = read(&out, "riscossione/intimazione/index.html");
    assert!(italiana.contains("hreflang=\"ro\" href=\"../../ro/intimazione/index.html\""));
    assert!(italiana.contains("lang=\"ro\">Română</a>"), "the switch names the language in its own words");
    // Its own search index, its status page, and a home page of its own in the menu (not a section of Italian's).
    assert!(out.join("ro/ricerca/radice.js").is_file());
    assert!(read(&out, "ro/stato/index.html").contains("stato-missing"));
    assert!(!read(&out, "index.html").contains("ro/index.html\">Ghid CIVIS"), "not in the Italian menu");
    // Without the wizard's words, the wizard stays Italian for Romanian readers, and the link says so.
    assert!(read(&out, "ro/index.html").contains("href=\"../assistente/index.html\" hreflang=\"it\""));
    assert!(!out.join("ro/assistente").exists(), "and it gets no pages of the wizard of its own");
    let avvio = read(&out, "assistente/index.html");
    assert!(!avvio.contains("\"ro\":[") && avvio.contains("\"en\":["), "nor a script of words the app would offer");
}

#[test]
fn a_changed_italian_page_turns_its_english_page_stale() {
    let sito = tempfile::tempdir().unwrap();
    copy_dir(&repo().join("content"), &sito.path().join("content"));
    let (run, out) = build(sito.path());
    assert!(run.status.success(), "{}", stderr(&run));
    assert!(!stderr(&run).contains("da rivedere:"), "the repository's translations are current: {}", stderr(&run));
    assert!(!read(&out, "en/fermo/index.html").contains("traduzione-superata"));

    // The wizard speaks English: its script beside the start page, named on it, linked from the English home.
    let avvio = read(&out, "assistente/index.html");
    let nome = avvio.split("\"en\":[\"").nth(1).and_then(|r| r.split('"').next()).expect("the start page names it");
    assert!(avvio.contains("\"it\":[\"\",\"Italiano\"]"), "the switch back names Italian in its own words");
    let script = read(&out, &format!("assistente/{nome}"));
    let json = script
        .strip_prefix("(window.civisLingue = window.civisLingue || {})[\"en\"] = ")
        .and_then(|s| s.strip_suffix(";\n"))
        .expect("a classic script that sets civisLingue.en");
    let dati: serde_json::Value = serde_json::from_str(json).unwrap();
    let regole = dati["regole"].as_str().unwrap();
    assert!(regole.contains("What did you receive?") && !regole.contains("Che cosa hai ricevuto?"), "rules in English");
    assert!(regole.contains("Pay, or prove that you need the vehicle for work,"), "the deadlines' actions too");
    assert!(regole.contains("art. 50 c. 2 DPR 602/1973"), "the sources stay as they are");
    let testi = dati["testi"].as_array().unwrap();
    assert!(testi.iter().all(|t| t.is_string()) && testi.contains(&"Continue".into()), "the wizard's own words");
    assert_eq!(dati["pagine"]["riscossione/fermo/"], "en/fermo/");
    assert_eq!(dati["titoli"]["riscossione/fermo/"], read_title(&out, "en/fermo/index.html"));
    assert!(read(&out, "en/index.html").contains("href=\"../assistente/index.html#lingua=en\""));
    // Its pages without JavaScript, one per state as in Italian, below its own folder.
    let passo = read(&out, "en/assistente/preavviso_fermo/index.html");
    assert!(passo.contains("<html lang=\"en\">") && passo.contains(">What is the debt for?</h1>"), "{passo}");
    let guida = read(&out, "en/assistente/index.html");
    assert!(guida.contains("href=\"../../en/assistente/preavviso_fermo/index.html\""), "the English guide starts them");
    // Each step links to the same answers in the other language, and the report counts both languages' pages.
    assert!(passo.contains("<a href=\"../../../assistente/preavviso_fermo/index.html\" hreflang=\"it\" lang=\"it\">"));
    let italiano = read(&out, "assistente/preavviso_fermo/index.html");
    assert!(
        italiano.contains("<a href=\"../../en/assistente/preavviso_fermo/index.html\" hreflang=\"en\" lang=\"en\">")
    );
    assert!(!read(&out, "assistente/sportelli/index.html").contains("hreflang=\"en\""), "no English help desks' page");
    assert!(stderr(&run).contains(" pagine senza JavaScript in 2 lingue"), "{}", stderr(&run));
    // What the engine composes around the rules' texts is in English too: the other reading of a deadline (two
    // rules apply) and a source a testo unico restates from 2027, in the app's rules and on the pages.
    assert!(regole.contains("(from 1 January 2027: art. 146 D.Lgs. 33/2025)") && !regole.contains("(dal 1 gennaio"));
    let stato = "assistente/avviso_bonario/correggere/non-so/rappresentante/index.html";
    let (it, en) = (read(&out, stato), read(&out, &format!("en/{stato}")));
    assert!(
        it.contains("Con le risposte date vale anche un&#x27;altra regola (")
            && it.contains("(dal 1 gennaio 2027: art.")
    );
    assert!(en.contains("With your answers another rule applies too (") && en.contains("(from 1 January 2027: art."));
    assert!(!en.contains("un&#x27;altra regola") && !en.contains("un'altra regola") && !en.contains("(dal 1 gennaio"));

    // Without JavaScript the search box is a link to the English A–Z page, which lists the English pages only; the
    // page of all results is English too.
    let fermo = read(&out, "en/fermo/index.html");
    assert!(fermo.contains("class=\"ricerca-senza-js\" href=\"../../en/indice-az/index.html\">Search the A–Z index<"));
    let az = read(&out, "en/indice-az/index.html");
    assert!(az.contains("<h1>A–Z index</h1>") && az.contains("href=\"../../en/fermo/index.html\">"), "{az}");
    assert!(!az.contains("href=\"../../riscossione/") && az.contains("(in «CIVIS step by step»)"));
    assert!(read(&out, "en/cerca/index.html").contains("<h1>Search results</h1>"));

    // The request tool speaks English on its English page: its words' script beside the tool, loaded before it.
    let pagina = read(&out, "en/richiesta/index.html");
    let nome = pagina.split("src=\"../../richiesta/lingua-en.").nth(1).and_then(|r| r.split('"').next());
    let nome = nome.expect("the English page loads the tool's English words");
    let testa = pagina.split("</head>").next().unwrap();
    assert!(testa.contains("richiesta/lingua-en."), "in the head, where the tool's loader goes after it");
    let script = read(&out, &format!("richiesta/lingua-en.{nome}"));
    let json = script
        .strip_prefix("(window.civisRichiestaLingue = window.civisRichiestaLingue || {})[\"en\"] = ")
        .and_then(|s| s.strip_suffix(";\n"))
        .expect("a classic script that sets civisRichiestaLingue.en");
    let parole: String = serde_json::from_str(json).unwrap();
    let parole: Vec<&str> = parole.split('\u{1f}').collect();
    assert_eq!(parole.len(), civis_richiesta::parole::CHIAVI.len(), "one entry per word, in the tool's order");
    let codice = civis_richiesta::parole::R::CfVuoto as usize;
    assert_eq!(parole[codice], "Write your codice fiscale.");
    assert!(!read(&out, "richiesta/index.html").contains("lingua-en."), "the Italian page loads no translation");

    let fermo = sito.path().join("content/riscossione/fermo.md");
    let testo = std::fs::read_to_string(&fermo).unwrap();
    std::fs::write(&fermo, testo.replacen("**30 giorni**", "**20 giorni**", 1)).unwrap();
    let (run, out) = build(sito.path());
    assert!(run.status.success(), "{}", stderr(&run));
    let err = stderr(&run);
    assert!(err.contains("content/en/fermo.md:") && err.contains("content/riscossione/fermo.md è cambiata"), "{err}");
    let pagina = read(&out, "en/fermo/index.html");
    assert!(
        pagina.contains("traduzione-superata") && pagina.contains("The Italian page has changed"),
        "visible notice"
    );
    assert!(pagina.contains("href=\"../../riscossione/fermo/index.html\" hreflang=\"it\">Read this page in Italian"));
    let stato = read(&out, "en/stato/index.html");
    assert!(stato.contains("to be checked again"), "the status page lists it");

    // The wizard's questions are kept in step the same way: a changed Italian question turns its English stale.
    let guida = read(&out, "en/assistente/index.html");
    assert!(
        guida.contains("<span lang=\"it\">Che cosa hai ricevuto?</span>") && guida.contains("What did you receive?")
    );
    assert!(!guida.contains("da-rivedere"), "every question is current before the change");
    let domande = sito.path().join("content/wizard/domande.yaml");
    let testo = std::fs::read_to_string(&domande).unwrap();
    std::fs::write(&domande, testo.replacen("\"Che cosa hai ricevuto?\"", "\"Quale atto hai ricevuto?\"", 1)).unwrap();
    let scadenze = sito.path().join("content/wizard/scadenze.yaml");
    let testo = std::fs::read_to_string(&scadenze).unwrap();
    std::fs::write(
        &scadenze,
        testo.replacen("titolo: \"Pagare la cartella\"", "titolo: \"Pagare subito la cartella\"", 1),
    )
    .unwrap();
    let (run, out) = build(sito.path());
    assert!(run.status.success(), "{}", stderr(&run));
    let err = stderr(&run);
    assert!(
        err.contains("content/lingue/en.yaml:") && err.contains("testo `domanda.atto.etichetta` da rivedere"),
        "{err}"
    );
    assert!(err.contains("testo `termine.pagamento_cartella.titolo` da rivedere"), "the deadlines too: {err}");
    let guida = read(&out, "en/assistente/index.html");
    assert!(
        guida.contains("Quale atto hai ricevuto?") && guida.contains("class=\"da-rivedere\""),
        "marked, not silent"
    );
}

#[test]
fn translation_mistakes_are_reported_where_they_are() {
    let sito = tempfile::tempdir().unwrap();
    copy_dir(&repo().join("content"), &sito.path().join("content"));
    let c = sito.path().join("content");
    let fermo = std::fs::read_to_string(c.join("en/fermo.md")).unwrap();
    std::fs::write(c.join("en/fermo.md"), fermo.replacen("of: riscossione/fermo.md", "of: riscossione/ferma.md", 1))
        .unwrap();
    std::fs::write(c.join("lingue/EN.yaml"), "name: x\n").unwrap();
    let (run, _) = build(sito.path());
    assert!(!run.status.success());
    let err = stderr(&run);
    assert!(
        err.contains("content/en/fermo.md:") && err.contains("la pagina content/riscossione/ferma.md non esiste"),
        "{err}"
    );
    assert!(err.contains("content/lingue/EN.yaml") && err.contains("due o tre lettere minuscole"), "{err}");

    std::fs::write(c.join("en/fermo.md"), fermo).unwrap();
    std::fs::remove_file(c.join("lingue/EN.yaml")).unwrap();
    let en = std::fs::read_to_string(c.join("lingue/en.yaml")).unwrap();
    std::fs::write(c.join("lingue/en.yaml"), en.replacen("  menu:", "  manu:", 1)).unwrap();
    let (run, out) = build(sito.path());
    assert!(!run.status.success());
    let err = stderr(&run);
    assert!(err.contains("content/lingue/en.yaml:") && err.contains("il testo `manu` non esiste"), "{err}");
    assert!(!out.exists(), "nothing half-written");
}
