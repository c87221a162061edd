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
