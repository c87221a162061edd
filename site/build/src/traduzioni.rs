//! The translations' status page (`<code>/stato/`): every source page and every string of the theme, each
//! current, stale or missing in that language, with the source's fingerprint now (what a translator records
//! after checking a translation again) and who checked it last. It doubles as the list of the pages a reader of
//! that language can only read in the source language, with links to them.

use crate::generators::{Generated, GeneratedPage, Generator};
use crate::loaded::Loaded;
use crate::url;
use civis_content::traduzioni::Stato;
use civis_content::Diagnostic;
use serde_json::json;

/// The status page's folder inside a translation's folder.
pub(crate) const PAGINA: &str = "stato/";

/// The status pages, and a warning for each stale translated page.
pub(crate) struct Traduzioni;

/// The key of a status's word in the strings (`status_current`…).
fn parola(s: Stato) -> &'static str {
    match s {
        Stato::Current => "status_current",
        Stato::Stale => "status_stale",
        Stato::Missing => "status_missing",
    }
}

/// `{a} aggiornate, {s} da rivedere, {m} non tradotte` filled in.
pub(crate) fn conteggi(modello: &str, [a, s, m]: [usize; 3]) -> String {
    modello.replace("{a}", &a.to_string()).replace("{s}", &s.to_string()).replace("{m}", &m.to_string())
}

impl Generator for Traduzioni {
    /// A translation's page of the wizard (`<code>/assistente/`) gets the wizard's questions with their
    /// translations.
    fn enrich(&self, site: &Loaded, path: &str) -> Option<crate::generators::Enrichment> {
        let regole = site.regole.as_ref()?;
        let codice = path.strip_suffix(civis_vista::url::BASE)?.strip_suffix('/')?;
        site.languages.translations.iter().find(|l| l.codice == codice)?;
        let mut dati = guida_percorso(site, regole, codice);
        // A language that speaks the wizard also answers it here without JavaScript, one page per step.
        if let Some(l) = crate::assistente::InLingua::di(site, regole, codice) {
            dati["passo"] = crate::assistente::primo_passo(&l, site.opts.today);
        }
        Some(crate::generators::Enrichment { dati: Some(dati), ..Default::default() })
    }

    fn generate(&self, site: &Loaded, out: &mut Generated, _errori: &mut Vec<Diagnostic>) {
        let l = &site.languages;
        for stato in &l.status {
            let codice = stato.code.as_str();
            let cartella = format!("{codice}/{PAGINA}");
            let t = |k: &str| l.t(codice, k).to_string();
            let lingua = l.get(codice);
            let pagine: Vec<_> = stato
                .pages
                .iter()
                .map(|p| {
                    json!({
                        "titolo": p.titolo_originale,
                        "originale_url": url::relative(&cartella, &p.originale),
                        "traduzione_url": p.traduzione.as_ref().map(|tr| url::relative(&cartella, tr)),
                        "stato": p.stato,
                        "stato_testo": t(parola(p.stato)),
                        "reviewed": p.reviewed.map(|d| lingua.data(d)),
                        "reviewer": p.reviewer,
                        "impronta": p.impronta,
                    })
                })
                .collect();
            let testi: Vec<_> = stato
                .strings
                .iter()
                .map(|s| json!({ "chiave": s.chiave, "stato": s.stato, "stato_testo": t(parola(s.stato)), "impronta": s.impronta }))
                .collect();
            let revisione = lingua.revisione.as_ref();
            out.pages.push(GeneratedPage::in_folder(
                &cartella,
                t("status_title"),
                t("status_intro"),
                "stato-traduzioni.html",
                json!({
                    "pagine": pagine,
                    "conteggi_pagine": conteggi(&t("status_counts"), stato.counts()),
                    "testi": testi,
                    "conteggi_testi": conteggi(&t("status_counts"), stato.string_counts()),
                    "testi_reviewed": revisione.map(|r| lingua.data(r.reviewed)),
                    "testi_reviewer": revisione.map(|r| r.reviewer.clone()),
                }),
            ));
        }
    }
}

/// The wizard's questions for a translation's page of the wizard: each as the Italian wizard shows it, with its
/// translation and its status, so that a reader can answer the Italian wizard with the page open. A string not
/// translated shows in Italian only, a stale one with a warning.
fn guida_percorso(site: &Loaded, regole: &civis_engine::modello::Regole, codice: &str) -> serde_json::Value {
    let l = &site.languages;
    let lingua = l.get(codice);
    let voce = |chiave: String| -> Option<serde_json::Value> {
        let it = l.source.testi.get(&chiave)?;
        let tr = lingua.testi.get(&chiave);
        let registrata = tr.and(lingua.impronte.get(&chiave)).map(String::as_str);
        let stato = civis_content::traduzioni::stato(&civis_content::lingue::impronta(it), registrata);
        Some(json!({ "it": it, "tr": tr, "stato": stato }))
    };
    let domande: Vec<_> = regole
        .domande
        .iter()
        .map(|d| {
            let base = crate::lingue::chiave_domanda(d);
            let opzioni: Vec<_> = crate::lingue::chiavi_opzioni_domanda(d)
                .into_iter()
                .map(|k| json!({ "etichetta": voce(format!("{k}.etichetta")), "aiuto": voce(format!("{k}.aiuto")) }))
                .collect();
            let varianti: Vec<_> =
                crate::lingue::chiavi_varianti(d).into_iter().map(|k| voce(format!("{k}.etichetta"))).collect();
            json!({
                "id": d.id,
                "etichetta": voce(format!("{base}.etichetta")),
                "aiuto": voce(format!("{base}.aiuto")),
                "opzioni": opzioni,
                "varianti": varianti,
            })
        })
        .collect();
    // A rule stated again in the same words for other acts is listed once.
    let mut visti = std::collections::HashSet::new();
    let termini: Vec<_> = crate::lingue::termini(regole)
        .into_iter()
        .filter(|(_, [titolo, _, regola, _])| visti.insert((*titolo, *regola)))
        .map(|(chiave, _)| {
            let v = |campo: &str| voce(format!("termine.{chiave}.{campo}"));
            json!({ "titolo": v("titolo"), "azione": v("azione"), "regola": v("regola"), "nota": v("nota") })
        })
        .collect();
    let cartella = format!("{codice}/{}", civis_vista::url::BASE);
    json!({ "domande": domande, "termini": termini, "percorso_url": url::relative(&cartella, civis_vista::url::BASE) })
}

/// A warning for each stale translated page, at its `translation:` key: a stale translation is shown with a
/// notice, never silently, and its editor is told which fingerprint to record once it is checked again.
pub(crate) fn warnings(site: &Loaded) -> Vec<Diagnostic> {
    let by_path: std::collections::HashMap<&str, &civis_content::Page> =
        site.content.pages.iter().map(|p| (p.path.as_str(), p)).collect();
    let mut out = Vec::new();
    for stato in &site.languages.status {
        for p in stato.pages.iter().filter(|p| p.stato == Stato::Stale) {
            let Some(tradotta) = p.traduzione.as_deref().and_then(|tr| by_path.get(tr)) else { continue };
            let of = tradotta.front.translation.as_ref().map_or("", |t| t.of.as_str());
            out.push(Diagnostic::new(
                tradotta.file.clone(),
                tradotta.key_line("translation"),
                1,
                format!(
                    "traduzione da rivedere: content/{of} è cambiata dopo l'ultima verifica; la pagina mostra un \
                     avviso finché, rivista la traduzione, non scrivi `source_fingerprint: \"{}\"`",
                    p.impronta
                ),
            ));
        }
        for s in stato.strings.iter().filter(|s| s.stato == Stato::Stale) {
            let lingua = site.languages.get(&stato.code);
            out.push(Diagnostic::new(
                lingua.file.clone(),
                lingua.riga(&s.chiave),
                3,
                format!(
                    "testo `{}` da rivedere: il testo italiano è cambiato; rivisto, scrivi `source_fingerprint: \"{}\"`",
                    s.chiave, s.impronta
                ),
            ));
        }
    }
    out
}
