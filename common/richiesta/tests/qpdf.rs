//! The crafted PDFs' hidden actions are real: qpdf (Debian's `qpdf` package), a reader that follows the
//! cross-reference table, object streams and every reference, dumps each file as JSON; a walk from the trailer
//! through every reference must reach the action `attesi.tsv` names, and the check must refuse the file. A file
//! whose action no reader reaches would test nothing but our own prudence: those few are listed, with why.

use civis_richiesta::allegati::{verifica_file, File};
use serde_json::Value;
use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::process::Command;

/// Files of the corpus the check refuses although no reader reaches their action: the raw scan's prudence.
const SOLO_PRUDENZA: &[(&str, &str)] = &[
    ("pdf_oggetto_dentro_una_stringa.pdf", "the object sits inside a string: no reader parses it"),
    ("pdf_objstm_filtro_abbreviato.pdf", "pdf.js reads /F as /Filter on any stream; qpdf reads it as a file"),
];

fn radice() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/allegati")
}

/// The PDFs of the corpus whose expected reason is an action, with the action types that prove it.
fn casi() -> Vec<(PathBuf, Vec<&'static str>)> {
    let testo = std::fs::read_to_string(radice().join("attesi.tsv")).unwrap();
    testo
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| l.split_once('\t'))
        .filter(|(f, _)| f.ends_with(".pdf") && f.starts_with("pdf_"))
        .filter_map(|(f, parola)| {
            let azioni: Vec<&str> = match parola {
                "JavaScript" => vec!["/JavaScript", "JS"],
                "avvia programmi" => vec!["/Launch"],
                "appena viene aperto" => vec!["OpenAction!"],
                "aprono altri file" => vec!["/GoToR", "/Thread+F"],
                "inviano dati" => vec!["/SubmitForm"],
                "azioni automatiche" => vec!["AA"],
                _ => return None,
            };
            Some((radice().join("attivi").join(f), azioni))
        })
        .collect()
}

/// What a reader reaches from the trailer: `/S` values (resolved), `JS` and `AA` keys, `/Thread+F`, and
/// `OpenAction!` when an open action's chain holds a step other than moving inside the document.
fn raggiunti(json: &Value) -> HashSet<String> {
    let oggetti = &json["qpdf"][1];
    let mut visti = HashSet::new();
    let mut trovati = HashSet::new();
    let mut coda = vec![(oggetti["trailer"]["value"].clone(), false)];
    while let Some((v, in_apertura)) = coda.pop() {
        match &v {
            Value::String(s) if s.ends_with(" R") && visti.insert((s.clone(), in_apertura)) => {
                let o = &oggetti[format!("obj:{s}")];
                let valore = if o["stream"].is_object() { o["stream"]["dict"].clone() } else { o["value"].clone() };
                coda.push((valore, in_apertura));
            }
            Value::Array(a) => coda.extend(a.iter().map(|x| (x.clone(), in_apertura))),
            Value::Object(d) => {
                let tipo = risolvi(oggetti, d.get("/S"));
                if let Some(t) = &tipo {
                    trovati.insert(t.clone());
                    if t == "/Thread" && d.contains_key("/F") {
                        trovati.insert("/Thread+F".into());
                    }
                    let innocuo = matches!(t.as_str(), "/GoTo" | "/Trans" | "/SetOCGState")
                        || (t == "/Named"
                            && matches!(
                                risolvi(oggetti, d.get("/N")).as_deref(),
                                Some("/NextPage" | "/PrevPage" | "/FirstPage" | "/LastPage")
                            ));
                    if in_apertura && !innocuo {
                        trovati.insert("OpenAction!".into());
                    }
                }
                for k in ["/JS", "/AA"] {
                    if d.contains_key(k) {
                        trovati.insert(k[1..].to_string());
                    }
                }
                for (k, x) in d {
                    // Only the action chain keeps the open-action mark: a page a destination names does not.
                    let apertura = k == "/OpenAction" || (in_apertura && k == "/Next");
                    coda.push((x.clone(), apertura));
                }
            }
            _ => {}
        }
    }
    trovati
}

/// A name, or the name a reference leads to (a chain of at most 32).
fn risolvi(oggetti: &Value, v: Option<&Value>) -> Option<String> {
    let mut v = v?.clone();
    for _ in 0..32 {
        match v.as_str()? {
            s if s.ends_with(" R") => v = oggetti[format!("obj:{s}")]["value"].clone(),
            s => return Some(s.to_string()),
        }
    }
    None
}

fn qpdf(f: &Path) -> Value {
    let out = Command::new("qpdf")
        .args(["--json=2", "--json-key=qpdf", "--warning-exit-0"])
        .arg(f)
        .output()
        .unwrap_or_else(|e| panic!("qpdf cannot be run ({e}): install it with: apt-get install -y qpdf"));
    assert!(out.status.success(), "{}: qpdf failed: {}", f.display(), String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn a_real_reader_reaches_every_hidden_action_and_the_check_refuses_the_file() {
    let casi = casi();
    assert!(casi.len() >= 25, "the corpus lost its PDFs: {}", casi.len());
    let mut sbagliati = Vec::new();
    for (f, azioni) in &casi {
        let nome = f.file_name().unwrap().to_str().unwrap();
        let byte = std::fs::read(f).unwrap();
        if verifica_file(&File { nome, byte: &byte }).ammesso() {
            sbagliati.push(format!("{nome}: admitted"));
        }
        let prudenza = SOLO_PRUDENZA.iter().any(|(n, _)| *n == nome);
        let trovati = raggiunti(&qpdf(f));
        let reale = azioni.iter().any(|a| trovati.contains(*a));
        match (reale, prudenza) {
            (false, false) => sbagliati.push(format!("{nome}: qpdf reaches none of {azioni:?}, only {trovati:?}")),
            (true, true) => sbagliati.push(format!("{nome}: listed as prudence only, but qpdf reaches {azioni:?}")),
            _ => {}
        }
    }
    assert!(sbagliati.is_empty(), "{}", sbagliati.join("\n"));
}

#[test]
fn a_clean_pdf_reaches_no_action() {
    let trovati = raggiunti(&qpdf(&radice().join("puliti/pdf_apertura_su_una_pagina.pdf")));
    assert!(!trovati.contains("OpenAction!") && !trovati.contains("JS"), "{trovati:?}");
    let trovati = raggiunti(&qpdf(&radice().join("attivi/pdf_catena_next.pdf")));
    assert!(trovati.contains("OpenAction!") && trovati.contains("/URI"), "{trovati:?}");
}
