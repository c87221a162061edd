//! The wizard without JavaScript: the question tree pre-rendered as plain HTML pages (one question per page,
//! answers as links), ending in outcome pages that state each deadline rule in words. Also loads the wizard's
//! rules from `content/wizard/` and runs the engine's flow check against the pages of the site.

use crate::url::relative;
use chrono::NaiveDate;
use civis_content::Diagnostic;
use civis_engine::flusso::{self, Voci};
use civis_engine::modello::{Domanda, TipoDomanda};
use civis_engine::modello::Regole;
use civis_engine::regole;
use serde_json::{json, Value};
use std::collections::HashMap;
use std::path::Path;

/// Where the wizard lives in the site.
pub(crate) const BASE: &str = "assistente/";

/// Questions that only change the computed dates: pages without JavaScript do not branch on them, and the
/// outcome states the rule in words instead.
const SOLO_DATE: [&str; 2] = ["notifica.modo", "richiedente"];

/// A page produced by code rather than by a Markdown file.
#[derive(Debug, Clone)]
pub struct GeneratedPage {
    /// Output folder, e.g. `assistente/cartella/`.
    pub path: String,
    /// Title.
    pub title: String,
    /// Description.
    pub description: String,
    /// Template name.
    pub template: String,
    /// Data for the template (`dati`).
    pub data: Value,
}

/// Loads `ROOT/content/wizard/*.yaml` when the folder exists; problems go to `errors` with file:line:col.
pub(crate) fn load_rules(root: &Path, errors: &mut Vec<Diagnostic>) -> Option<Regole> {
    let dir = root.join("content").join("wizard");
    if !dir.is_dir() {
        return None;
    }
    let files: Vec<(String, String)> = regole::FILE
        .iter()
        .filter_map(|name| std::fs::read_to_string(dir.join(name)).ok().map(|t| (format!("content/wizard/{name}"), t)))
        .collect();
    regole::carica(&files)
        .map_err(|e| errors.extend(e))
        .ok()
}

/// The next question the pages branch on, skipping date-only questions and non-choice questions.
fn prossima_scelta<'a>(regole: &'a Regole, voci: &Voci) -> Option<&'a Domanda> {
    let mut v = voci.clone();
    loop {
        let d = flusso::prossima(regole, &v)?;
        if d.tipo == TipoDomanda::Scelta && !SOLO_DATE.contains(&d.chiave.as_str()) {
            return Some(d);
        }
        v.insert(d.chiave.clone(), String::new());
    }
}

/// The output folder of a node: the chosen values in question order.
fn percorso(regole: &Regole, voci: &Voci) -> String {
    let mut path = BASE.to_string();
    for d in &regole.domande {
        if let Some(v) = voci.get(&d.chiave).filter(|v| !v.is_empty()) {
            path.push_str(v);
            path.push('/');
        }
    }
    path
}

/// Every wizard page below the start page, the number of paths of the full question graph, and the flow
/// check (every path ends in an outcome whose pages exist).
pub(crate) fn pagine(regole: &Regole, titles: &HashMap<&str, &str>, oggi: NaiveDate, errors: &mut Vec<Diagnostic>) -> (Vec<GeneratedPage>, usize) {
    let esiste = |p: &str| titles.contains_key(p);
    errors.extend(civis_engine::verifica::verifica(regole, &esiste));
    if !esiste(BASE) {
        errors.push(Diagnostic::new("content/assistente/_index.md", 0, 0, "the wizard's start page is missing"));
    }
    let mut out = Vec::new();
    let mut stack = vec![Voci::new()];
    while let Some(voci) = stack.pop() {
        let path = percorso(regole, &voci);
        if let Some(d) = prossima_scelta(regole, &voci) {
            for o in d.opzioni() {
                let mut figlio = voci.clone();
                figlio.insert(d.chiave.clone(), o.valore.clone());
                stack.push(figlio);
            }
        }
        if path != BASE {
            let dati = dati(regole, titles, &path, &voci, oggi);
            let title = dati["domanda"]["etichetta"].as_str().unwrap_or("Che cosa fare").to_string();
            out.push(GeneratedPage {
                path,
                title: format!("{title} · Percorso guidato"),
                description: "Percorso guidato: una domanda alla volta.".into(),
                template: "assistente.html".into(),
                data: dati,
            });
        }
    }
    (out, civis_engine::verifica::percorsi(regole).len())
}

/// The template data of the node for `voci`, with URLs relative to `path`; `oggi` is the build's date (it decides
/// which channels are already in force).
pub(crate) fn dati(regole: &Regole, titles: &HashMap<&str, &str>, path: &str, voci: &Voci, oggi: NaiveDate) -> Value {
    let link = |p: &str| relative(path, p);
    let mut fatte = Vec::new();
    let mut prima = Voci::new();
    for d in regole.domande.iter().filter(|d| voci.get(&d.chiave).is_some_and(|v| !v.is_empty())) {
        let valore = &voci[&d.chiave];
        let risposta = d.opzioni().iter().find(|o| &o.valore == valore).map_or(valore.as_str(), |o| o.etichetta.as_str());
        fatte.push(json!({ "etichetta": d.etichetta, "risposta": risposta, "cambia": link(&percorso(regole, &prima)) }));
        prima.insert(d.chiave.clone(), valore.clone());
    }
    let mut dati = json!({
        "inizio": link(BASE),
        "progresso": { "numero": fatte.len() + 1, "domande": fatte },
    });
    match prossima_scelta(regole, voci) {
        Some(d) => {
            let opzioni: Vec<Value> = d
                .opzioni()
                .iter()
                .map(|o| {
                    let mut figlio = voci.clone();
                    figlio.insert(d.chiave.clone(), o.valore.clone());
                    json!({ "etichetta": o.etichetta, "aiuto": o.aiuto, "url": link(&percorso(regole, &figlio)) })
                })
                .collect();
            dati["domanda"] = json!({
                "id": d.id, "etichetta": d.etichetta, "aiuto": d.aiuto,
                "pagina": d.pagina.as_deref().filter(|p| titles.contains_key(p)).map(link), "opzioni": opzioni,
            });
        }
        None => {
            if let Ok(c) = civis_engine::consiglio::in_parole(regole, voci, oggi) {
                let pagina = |p: &str| json!({ "titolo": titles.get(p).copied().unwrap_or(p), "url": link(p) });
                dati["esito"] = json!({
                    "canali": c.canali.iter().map(|k| json!({ "titolo": k.titolo, "url": link(&k.pagina) })).collect::<Vec<_>>(),
                    "avvisi": c.avvisi, "scadenze": c.scadenze, "sanzione": c.sanzione_ridotta, "passi": c.passi,
                    "pagine": c.pagine.iter().map(|p| pagina(p)).collect::<Vec<_>>(),
                });
            }
        }
    }
    dati
}
