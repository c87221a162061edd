//! The site's languages as the build uses them: the source strings (the theme's) and each translation's, merged
//! so that a template never meets a missing key (a string not yet translated shows in the source language and is
//! reported missing); which page translates which; and each translation's status against its source.

use civis_content::traduzioni::{self, Stato, StatoPagina, StatoTesto};
use civis_content::{Content, Diagnostic, Lingua, Page, Translation};
use civis_engine::modello::Regole;
use std::collections::{BTreeMap, HashMap};

/// The languages of a loaded site.
pub(crate) struct Languages {
    /// The site's own language, whose strings are the theme's.
    pub(crate) source: Lingua,
    /// The translations, in the order of their codes.
    pub(crate) translations: Vec<Lingua>,
    /// Each language's strings, a translation's completed with the source's: what templates read as `t`.
    strings: HashMap<String, BTreeMap<String, String>>,
    /// Translated pages' output paths by (language, source output path).
    translated: HashMap<(String, String), String>,
    /// Source output paths by translated page output path, with what the translation records.
    sources: HashMap<String, (String, Translation)>,
    /// Each translation's pages and strings against the source, computed once.
    pub(crate) status: Vec<LanguageStatus>,
    /// The translations' folders (`en/`), each the root of its language's pages.
    roots: Vec<String>,
    /// Each translation's strings for the theme's scripts, as JSON (see [`script_strings`]), made once.
    scripts: HashMap<String, String>,
}

/// One translation's status.
pub(crate) struct LanguageStatus {
    pub(crate) code: String,
    pub(crate) pages: Vec<StatoPagina>,
    pub(crate) strings: Vec<StatoTesto>,
}

impl LanguageStatus {
    /// Pages current, stale and missing.
    pub(crate) fn counts(&self) -> [usize; 3] {
        traduzioni::conta(self.pages.iter().map(|p| p.stato))
    }

    /// Strings current, stale and missing.
    pub(crate) fn string_counts(&self) -> [usize; 3] {
        traduzioni::conta(self.strings.iter().map(|s| s.stato))
    }
}

impl Languages {
    /// The source strings from the theme (`lingue/<language>.yaml`) and the content's translations, checked.
    pub(crate) fn load(
        theme: &civis_templates::Theme,
        content: &Content,
        regole: Option<&Regole>,
    ) -> Result<Languages, Vec<Diagnostic>> {
        let codice = &content.config.language;
        let nome = format!("{codice}.yaml");
        let Some((_, file, testo)) = theme.strings.iter().find(|(n, _, _)| *n == nome) else {
            let msg =
                format!("il tema non ha i testi della lingua del sito `{codice}`: aggiungi lingue/{nome} al tema");
            return Err(vec![Diagnostic::new("content/config.yaml", 0, 0, msg)]);
        };
        let mut source = Lingua::sorgente(codice, file, testo).map_err(|e| vec![e])?;
        // The wizard's questions are source strings too, so a translation of them is kept in step the same way.
        source.testi.extend(regole.map(testi_percorso).unwrap_or_default());
        let errori: Vec<Diagnostic> =
            content.traduzioni.iter().flat_map(|t| traduzioni::chiavi_sconosciute(&source, t)).collect();
        if !errori.is_empty() {
            return Err(errori);
        }
        let mut strings = HashMap::new();
        strings.insert(source.codice.clone(), source.testi.clone());
        for t in &content.traduzioni {
            let mut s = source.testi.clone();
            s.extend(t.testi.iter().map(|(k, v)| (k.clone(), v.clone())));
            strings.insert(t.codice.clone(), s);
        }
        let by_source: HashMap<&str, &Page> = content.pages.iter().map(|p| (p.source.as_str(), p)).collect();
        let mut translated = HashMap::new();
        let mut sources = HashMap::new();
        for p in &content.pages {
            if let Some(tr) = &p.front.translation {
                let of = by_source.get(tr.of.as_str()).map_or(String::new(), |o| o.path.clone());
                translated.insert((p.lang.clone(), of.clone()), p.path.clone());
                sources.insert(p.path.clone(), (of, tr.clone()));
            }
        }
        let status = content
            .traduzioni
            .iter()
            .map(|t| LanguageStatus {
                code: t.codice.clone(),
                pages: traduzioni::stato_pagine(&content.pages, &t.codice, codice),
                strings: traduzioni::stato_testi(&source, t),
            })
            .collect();
        let roots = content.traduzioni.iter().map(|l| format!("{}/", l.codice)).collect();
        let scripts =
            content.traduzioni.iter().map(|t| (t.codice.clone(), script_strings(&strings[&t.codice]))).collect();
        let translations = content.traduzioni.clone();
        Ok(Languages { source, translations, strings, translated, sources, status, roots, scripts })
    }

    /// The language with this code (the source for an unknown one).
    pub(crate) fn get(&self, code: &str) -> &Lingua {
        self.translations.iter().find(|l| l.codice == code).unwrap_or(&self.source)
    }

    /// The strings of a language, completed with the source's.
    pub(crate) fn strings(&self, code: &str) -> &BTreeMap<String, String> {
        self.strings.get(code).unwrap_or(&self.strings[&self.source.codice])
    }

    /// For a translation, the strings its pages' scripts write, as JSON; `None` for the source language, whose
    /// words the scripts carry.
    pub(crate) fn script(&self, code: &str) -> Option<&str> {
        self.scripts.get(code).map(String::as_str)
    }

    /// One string of a language.
    pub(crate) fn t<'a>(&'a self, code: &str, key: &str) -> &'a str {
        self.strings(code).get(key).map_or("", String::as_str)
    }

    /// The words the Markdown renderer writes, in a language.
    pub(crate) fn words<'a>(&'a self, code: &str) -> civis_markdown::Words<'a> {
        civis_markdown::Words {
            anchor_label: self.t(code, "anchor_label"),
            callouts: ["callout_attenzione", "callout_scadenza", "callout_esempio", "callout_nota"]
                .map(|k| self.t(code, k)),
        }
    }

    /// The folders of the translations (`en/`): each is the root of its language's pages.
    pub(crate) fn roots(&self) -> &[String] {
        &self.roots
    }

    /// The language root of an output path: `en/` for `en/fermo/`, `` for a page in the source language.
    pub(crate) fn root_of(&self, path: &str) -> &str {
        root_in(&self.roots, path)
    }

    /// The translation of the source page at `path` into `code`, if any.
    pub(crate) fn translation_of(&self, code: &str, path: &str) -> Option<&str> {
        self.translated.get(&(code.to_string(), path.to_string())).map(String::as_str)
    }

    /// Whether the source page at `path` has a translation.
    pub(crate) fn has_translations(&self, path: &str) -> bool {
        self.translations.iter().any(|l| self.translation_of(&l.codice, path).is_some())
    }

    /// The source page of a translated page, and what the translation records.
    pub(crate) fn source_of(&self, path: &str) -> Option<&(String, Translation)> {
        self.sources.get(path)
    }

    /// Whether the translated page at `path` is stale: its source changed after it was checked.
    pub(crate) fn is_stale(&self, code: &str, path: &str) -> bool {
        let Some((of, _)) = self.source_of(path) else { return false };
        self.status
            .iter()
            .filter(|s| s.code == code)
            .flat_map(|s| &s.pages)
            .any(|p| p.originale == *of && p.stato == Stato::Stale)
    }
}

/// The language root of an output path among the translations' folders `roots`: the folder holding it, else the
/// home page (``).
pub(crate) fn root_in<'r>(roots: &'r [String], path: &str) -> &'r str {
    roots.iter().find(|r| path.starts_with(r.as_str())).map_or("", String::as_str)
}

/// The strings the theme's scripts write (the search box, "copy the link"), as JSON for a `<script
/// type="application/json" id="testi-pagina">`: the scripts keep the source language's words when it is absent.
fn script_strings(strings: &BTreeMap<String, String>) -> String {
    let scelti: BTreeMap<&str, &str> = strings
        .iter()
        .filter(|(k, _)| {
            k.starts_with("search_") || matches!(k.as_str(), "anchor_label" | "copy_anchor_label" | "link_copied")
        })
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    serde_json::to_string(&scelti).expect("strings serialise").replace('<', "\\u003c")
}

/// The texts of the wizard's acts and questions, by key: `atto.<id>.etichetta|aiuto`,
/// `domanda.<id>.etichetta|aiuto`, `domanda.<id>.variante.<n>.…` (1-based), `domanda.<id>.opzione.<valore>.…` (a
/// value worded twice for different cases: `<valore>.2`). What a translation of the questions translates.
pub(crate) fn testi_percorso(regole: &Regole) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    let mut metti = |chiave: String, testo: Option<&String>| {
        if let Some(t) = testo.filter(|t| !t.is_empty()) {
            out.insert(chiave, t.clone());
        }
    };
    for a in &regole.atti {
        metti(format!("atto.{}.etichetta", a.id), Some(&a.etichetta));
        metti(format!("atto.{}.aiuto", a.id), a.aiuto.as_ref());
    }
    for d in &regole.domande {
        let base = format!("domanda.{}", d.id);
        metti(format!("{base}.etichetta"), Some(&d.etichetta));
        metti(format!("{base}.aiuto"), Some(&d.aiuto));
        for (i, v) in d.varianti.iter().enumerate() {
            metti(format!("{base}.variante.{}.etichetta", i + 1), Some(&v.etichetta));
            metti(format!("{base}.variante.{}.aiuto", i + 1), Some(&v.aiuto));
        }
        // Options taken from the acts (`opzioni_da: atti`) are the acts' own texts, above.
        let proprie = if d.opzioni_da.is_some() { Vec::new() } else { chiavi_opzioni(d) };
        for (o, chiave) in d.opzioni.iter().zip(proprie) {
            metti(format!("{base}.opzione.{chiave}.etichetta"), Some(&o.etichetta));
            metti(format!("{base}.opzione.{chiave}.aiuto"), o.aiuto.as_ref());
        }
    }
    for (chiave, [titolo, azione, regola, nota]) in termini(regole) {
        for (campo, testo) in [("titolo", titolo), ("azione", azione), ("regola", regola), ("nota", nota)] {
            metti(format!("termine.{chiave}.{campo}"), testo);
        }
    }
    out
}

/// The deadlines a result can show (the terms, then the checks of `decadenze`), each with its key (`<id>`, and
/// `<id>.2`… for the same id stated again for other acts or periods) and its title, action, rule and note.
pub(crate) fn termini(regole: &Regole) -> Vec<(String, [Option<&String>; 4])> {
    let testi: Vec<(&str, [Option<&String>; 4])> = regole
        .termini
        .iter()
        .map(|t| (t.id.as_str(), [Some(&t.titolo), t.azione.as_ref(), Some(&t.regola), t.nota.as_ref()]))
        .chain(
            regole.decadenze.iter().map(|d| (d.id.as_str(), [Some(&d.titolo), None, Some(&d.regola), d.nota.as_ref()])),
        )
        .collect();
    numerate(testi.iter().map(|(id, _)| *id)).into_iter().zip(testi.into_iter().map(|(_, campi)| campi)).collect()
}

/// The key of each option of a question: its value, `<valore>.2` for its second wording, and so on.
pub(crate) fn chiavi_opzioni(d: &civis_engine::modello::Domanda) -> Vec<String> {
    numerate(d.opzioni.iter().map(|o| o.valore.as_str()))
}

/// Keys for ids that may repeat: an id as it is the first time, `<id>.2`, `<id>.3`… when it comes again.
fn numerate<'a>(ids: impl Iterator<Item = &'a str>) -> Vec<String> {
    let mut viste: HashMap<&str, usize> = HashMap::new();
    ids.map(|id| {
        let n = viste.entry(id).and_modify(|n| *n += 1).or_insert(1);
        if *n == 1 {
            id.to_string()
        } else {
            format!("{id}.{n}")
        }
    })
    .collect()
}
