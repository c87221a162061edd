//! Translations kept in step: which page is in which language, which source page a translated page translates,
//! and whether each translated page and string is current (its recorded fingerprint is the source's), stale (the
//! source changed since) or missing. The build reports it, writes it as a status page and marks stale pages.

use crate::lingue::{impronta, Lingua};
use crate::{Diagnostic, Page};
use chrono::NaiveDate;
use serde::Serialize;
use std::collections::HashMap;

/// Where a translation stands against its source.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Stato {
    /// Made from the source as it is now.
    Current,
    /// The source changed after the translation was made or last checked.
    Stale,
    /// The source has no translation in this language.
    Missing,
}

/// Where a translation stands, from the source's fingerprint now and the one the translation recorded (`None`:
/// not translated). The one rule for pages, strings and the wizard's texts.
pub fn stato(ora: &str, registrata: Option<&str>) -> Stato {
    match registrata {
        None => Stato::Missing,
        Some(r) if r == ora => Stato::Current,
        Some(_) => Stato::Stale,
    }
}

/// A source page and its translation in one language.
#[derive(Debug, Clone, Serialize)]
pub struct StatoPagina {
    /// The translation's language.
    pub lingua: String,
    /// The source page's output path (`riscossione/fermo/`).
    pub originale: String,
    /// The source page's title.
    pub titolo_originale: String,
    /// The translated page's output path, when there is one.
    pub traduzione: Option<String>,
    /// Current, stale or missing.
    pub stato: Stato,
    /// The source's fingerprint now: what a translator records after checking the translation again.
    pub impronta: String,
    /// When the translation was last checked.
    pub reviewed: Option<NaiveDate>,
    /// Who checked it.
    pub reviewer: Option<String>,
}

/// A source string and its translation in one language.
#[derive(Debug, Clone, Serialize)]
pub struct StatoTesto {
    /// The string's key.
    pub chiave: String,
    /// Current, stale or missing.
    pub stato: Stato,
    /// The source string's fingerprint now.
    pub impronta: String,
}

/// Gives every page its language (the translation whose folder holds it, else `sorgente`) and checks what its
/// `translation:` says: only translated pages have one, it names a source page that exists, and no two pages of
/// a language translate the same source.
pub fn assegna(pages: &mut [Page], traduzioni: &[Lingua], sorgente: &str) -> Vec<Diagnostic> {
    let mut errori = Vec::new();
    let cartelle: Vec<(String, &str)> =
        traduzioni.iter().map(|l| (format!("{}/", l.codice), l.codice.as_str())).collect();
    for p in pages.iter_mut() {
        p.lang = cartelle
            .iter()
            .find(|(c, _)| p.source.starts_with(c.as_str()))
            .map_or(sorgente, |(_, codice)| codice)
            .to_string();
    }
    for l in traduzioni {
        let home = format!("{}/_index.md", l.codice);
        if !pages.iter().any(|p| p.source == home) {
            errori.push(Diagnostic::new(
                l.file.clone(),
                0,
                0,
                format!("la lingua `{}` non ha la pagina iniziale: crea content/{home}", l.codice),
            ));
        }
    }
    let sorgenti: HashMap<&str, &Page> =
        pages.iter().filter(|p| p.lang == sorgente).map(|p| (p.source.as_str(), p)).collect();
    let mut viste: HashMap<(&str, &str), &str> = HashMap::new();
    for p in pages.iter() {
        let Some(t) = &p.front.translation else { continue };
        let riga = p.key_line("translation");
        if p.lang == sorgente {
            let cartella = p.source.split_once('/').map(|(c, _)| c).filter(|c| crate::lingue::codice_valido(c));
            let msg = match cartella {
                Some(c) => format!(
                    "`translation`: content/{c}/ non è una lingua del sito, perché manca il file dei suoi testi \
                     {}/{c}.yaml",
                    crate::lingue::CARTELLA_TESTI
                ),
                None => "`translation` vale solo per le pagine di una traduzione (content/<codice>/): togli la chiave"
                    .into(),
            };
            errori.push(Diagnostic::new(p.file.clone(), riga, 1, msg));
        } else if !sorgenti.contains_key(t.of.as_str()) {
            let msg = format!(
                "`translation.of`: la pagina content/{} non esiste (scrivi il percorso sotto content/ della pagina in \
                 {sorgente} che questa traduce, per esempio `riscossione/fermo.md`)",
                t.of
            );
            errori.push(Diagnostic::new(p.file.clone(), riga, 1, msg));
        } else if let Some(altra) = viste.insert((p.lang.as_str(), t.of.as_str()), p.file.as_str()) {
            let msg = format!("anche {altra} traduce content/{}: una pagina ha una sola traduzione per lingua", t.of);
            errori.push(Diagnostic::new(p.file.clone(), riga, 1, msg));
        }
    }
    errori
}

/// The status of every source page in the language `lingua`: the translated ones current or stale, the others
/// missing; in the source pages' order.
pub fn stato_pagine(pages: &[Page], lingua: &str, sorgente: &str) -> Vec<StatoPagina> {
    let tradotte: HashMap<&str, &Page> = pages
        .iter()
        .filter(|p| p.lang == lingua)
        .filter_map(|p| p.front.translation.as_ref().map(|t| (t.of.as_str(), p)))
        .collect();
    pages
        .iter()
        .filter(|p| p.lang == sorgente)
        .map(|o| {
            let ora = impronta(&o.testo_sorgente());
            let t = tradotte.get(o.source.as_str());
            let tr = t.and_then(|p| p.front.translation.as_ref());
            let stato = stato(&ora, tr.map(|t| t.source_fingerprint.as_str()));
            StatoPagina {
                lingua: lingua.into(),
                originale: o.path.clone(),
                titolo_originale: o.front.title.clone(),
                traduzione: t.map(|p| p.path.clone()),
                stato,
                impronta: ora,
                reviewed: tr.map(|t| t.reviewed),
                reviewer: tr.map(|t| t.reviewer.clone()),
            }
        })
        .collect()
}

/// The status of every source string in the translation `t`.
pub fn stato_testi(sorgente: &Lingua, t: &Lingua) -> Vec<StatoTesto> {
    sorgente
        .testi
        .iter()
        .map(|(chiave, testo)| {
            let ora = impronta(testo);
            StatoTesto {
                chiave: chiave.clone(),
                stato: stato(&ora, t.impronte.get(chiave).map(String::as_str)),
                impronta: ora,
            }
        })
        .collect()
}

/// The strings of `t` that the source does not have (a typo in a key would otherwise pass unseen).
pub fn chiavi_sconosciute(sorgente: &Lingua, t: &Lingua) -> Vec<Diagnostic> {
    t.testi
        .keys()
        .filter(|k| !sorgente.testi.contains_key(*k))
        .map(|k| {
            let msg = format!("il testo `{k}` non esiste in {}: controlla il nome della chiave", sorgente.file);
            Diagnostic::new(t.file.clone(), t.riga(k), 3, msg)
        })
        .collect()
}

/// How many of `stati` are current, stale and missing.
pub fn conta(stati: impl Iterator<Item = Stato>) -> [usize; 3] {
    let mut n = [0; 3];
    for s in stati {
        n[s as usize] += 1;
    }
    n
}
