//! The site's languages as the build uses them: the source strings (the theme's) and each translation's, merged
//! so that a template never meets a missing key (a string not yet translated shows in the source language and is
//! reported missing); which page translates which; and each translation's status against its source.

use civis_content::traduzioni::{self, Stato, StatoPagina, StatoTesto};
use civis_content::{Content, Diagnostic, Lingua, Page, Translation};
use civis_engine::modello::Regole;
use civis_vista::Parole;
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

    /// The folder a language's pages are in, from the site's root: `` for the source, `en/` for English.
    pub(crate) fn folder(&self, code: &str) -> String {
        if code == self.source.codice {
            String::new()
        } else {
            format!("{code}/")
        }
    }

    /// Every language, the source first, each with its [`Languages::folder`].
    pub(crate) fn each(&self) -> impl Iterator<Item = (&Lingua, String)> {
        std::iter::once(&self.source).chain(&self.translations).map(|l| (l, self.folder(&l.codice)))
    }

    /// The source pages among `paths` translated into `code`: each source path with its translation's. The wizard
    /// names guidance pages by their source path; in another language it links to their translations.
    pub(crate) fn translated_pages<'a>(
        &'a self,
        code: &str,
        paths: impl Iterator<Item = &'a String>,
    ) -> BTreeMap<&'a str, &'a str> {
        paths.filter_map(|p| Some((p.as_str(), self.translation_of(code, p)?))).collect()
    }

    /// Whether the translation `code` speaks the wizard: its strings have the wizard's own words (else its readers
    /// use the Italian wizard, and its links say so).
    pub(crate) fn speaks_wizard(&self, code: &str) -> bool {
        code != self.source.codice && self.get(code).testi.contains_key("percorso.continua")
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

/// The wizard's texts a person reads, by key: the rules' (acts, questions, deadlines, channels, warnings, outcomes'
/// steps, reduced sanctions, notes on notification), the wizard's own words and the engine's reasons for refusing
/// an answer ([`civis_vista::parole::chiavi`]), and the request tool's words and messages
/// ([`civis_richiesta::parole`]).
pub(crate) fn testi_percorso(regole: &Regole) -> BTreeMap<String, String> {
    let richiesta = civis_richiesta::parole::CHIAVI.iter().zip(civis_richiesta::parole::ITALIANO);
    let mut out: BTreeMap<String, String> = civis_vista::parole::chiavi()
        .chain(richiesta.map(|(k, v)| (*k, *v)))
        .chain(civis_engine::riforma::MODELLI.iter().copied())
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
    testi_regole(&mut regole.clone(), &mut |chiave, testo| {
        if !testo.is_empty() {
            out.insert(chiave, testo.clone());
        }
    });
    out
}

/// The rules with their texts in another language: each text whose key `strings` has (a translation's strings,
/// completed with the source's) is replaced, and the sources a testo unico restates are written again in the
/// language's words, its dates written by `parole`. The engine reads the result as it reads the Italian rules.
pub(crate) fn regole_tradotte(regole: &Regole, strings: &BTreeMap<String, String>, parole: &Parole) -> Regole {
    let mut tradotte = regole.clone();
    testi_regole(&mut tradotte, &mut |chiave, testo| {
        if let Some(t) = strings.get(&chiave).filter(|_| !testo.is_empty()) {
            *testo = t.clone();
        }
    });
    let forma = |(k, italiano): &(&str, &'static str)| strings.get(*k).map_or(*italiano, String::as_str);
    let [gia, dal] = [0, 1].map(|i| forma(&civis_engine::riforma::MODELLI[i]));
    civis_engine::riforma::riformula_tutte(&mut tradotte, &civis_engine::riforma::Forme { gia, dal, scrive: parole });
    tradotte
}

/// Walks every text of the rules a person reads, with its key: one walk, so the keys that list the source strings
/// are the keys that apply a translation. An outcome's case repeated for several outcomes (the same `scaduto` id)
/// is the same text under one key.
fn testi_regole(r: &mut Regole, f: &mut dyn FnMut(String, &mut String)) {
    testi_domande(r, f);
    testi_termini(r, f);
    testi_esiti(r, f);
    testi_calendario(r, f);
}

/// The names a date's computation takes from the rules: holidays, suspensions, the shift off a holiday, the notes
/// on extensions.
fn testi_calendario(r: &mut Regole, f: &mut dyn FnMut(String, &mut String)) {
    let c = &mut r.calendario;
    for x in &mut c.festivi {
        f(format!("calendario.festivo.{:02}-{:02}", x.mese, x.giorno), &mut x.nome);
    }
    f("calendario.pasquetta".into(), &mut c.pasquetta.nome);
    for s in &mut c.sospensioni {
        f(format!("calendario.sospensione.{}", s.id), &mut s.descrizione);
    }
    f("calendario.proroga".into(), &mut c.proroga.descrizione);
    for (i, p) in r.proroghe.iter_mut().enumerate() {
        opz(f, format!("proroga.{}.nota", i + 1), &mut p.nota);
    }
}

/// Calls `f` on an optional text, when there is one.
fn opz(f: &mut dyn FnMut(String, &mut String), chiave: String, t: &mut Option<String>) {
    if let Some(t) = t {
        f(chiave, t);
    }
}

/// The acts and the questions (their variants and options).
fn testi_domande(r: &mut Regole, f: &mut dyn FnMut(String, &mut String)) {
    for a in &mut r.atti {
        f(format!("atto.{}.etichetta", a.id), &mut a.etichetta);
        opz(f, format!("atto.{}.aiuto", a.id), &mut a.aiuto);
    }
    for d in &mut r.domande {
        let (base, varianti, opzioni) = (chiave_domanda(d), chiavi_varianti(d), chiavi_opzioni_domanda(d));
        f(format!("{base}.etichetta"), &mut d.etichetta);
        f(format!("{base}.aiuto"), &mut d.aiuto);
        for (v, chiave) in d.varianti.iter_mut().zip(varianti) {
            f(format!("{chiave}.etichetta"), &mut v.etichetta);
            f(format!("{chiave}.aiuto"), &mut v.aiuto);
        }
        for (o, chiave) in d.opzioni.iter_mut().zip(opzioni) {
            f(format!("{chiave}.etichetta"), &mut o.etichetta);
            opz(f, format!("{chiave}.aiuto"), &mut o.aiuto);
        }
    }
}

/// A question's key, before `.etichetta` and `.aiuto`.
pub(crate) fn chiave_domanda(d: &civis_engine::modello::Domanda) -> String {
    format!("domanda.{}", d.id)
}

/// The keys of a question's variants, in order, before `.etichetta` and `.aiuto`.
pub(crate) fn chiavi_varianti(d: &civis_engine::modello::Domanda) -> Vec<String> {
    (1..=d.varianti.len()).map(|n| format!("domanda.{}.variante.{n}", d.id)).collect()
}

/// The keys of a question's options, in order, before `.etichetta` and `.aiuto`: options taken from the acts
/// (`opzioni_da: atti`) are the acts' own texts, under the acts' keys.
pub(crate) fn chiavi_opzioni_domanda(d: &civis_engine::modello::Domanda) -> Vec<String> {
    match d.opzioni_da {
        Some(_) => d.opzioni.iter().map(|o| format!("atto.{}", o.valore)).collect(),
        None => chiavi_opzioni(d).into_iter().map(|k| format!("domanda.{}.opzione.{k}", d.id)).collect(),
    }
}

/// The deadlines (terms and checks) and the notes on notification.
fn testi_termini(r: &mut Regole, f: &mut dyn FnMut(String, &mut String)) {
    let chiavi: Vec<String> = termini(r).into_iter().map(|(k, _)| k).collect();
    let (n, mut chiavi) = (r.termini.len(), chiavi.into_iter());
    for (t, k) in r.termini.iter_mut().zip(chiavi.by_ref().take(n)) {
        f(format!("termine.{k}.titolo"), &mut t.titolo);
        opz(f, format!("termine.{k}.azione"), &mut t.azione);
        f(format!("termine.{k}.regola"), &mut t.regola);
        opz(f, format!("termine.{k}.nota"), &mut t.nota);
    }
    for (d, k) in r.decadenze.iter_mut().zip(chiavi) {
        f(format!("termine.{k}.titolo"), &mut d.titolo);
        f(format!("termine.{k}.regola"), &mut d.regola);
        opz(f, format!("termine.{k}.nota"), &mut d.nota);
    }
    for m in &mut r.notifica {
        f(format!("notifica.{}.data_inserita", m.valore), &mut m.data_inserita);
        f(format!("notifica.{}.regola", m.valore), &mut m.regola);
        opz(f, format!("notifica.{}.nota", m.valore), &mut m.nota);
        for (i, v) in m.varianti.iter_mut().enumerate() {
            f(format!("notifica.{}.variante.{}.regola", m.valore, i + 1), &mut v.regola);
            opz(f, format!("notifica.{}.variante.{}.nota", m.valore, i + 1), &mut v.nota);
        }
    }
}

/// The channels, the warnings, the outcomes' steps and the reduced sanctions.
fn testi_esiti(r: &mut Regole, f: &mut dyn FnMut(String, &mut String)) {
    for c in &mut r.canali {
        f(format!("canale.{}.titolo", c.id), &mut c.titolo);
        opz(f, format!("canale.{}.avvertenza", c.id), &mut c.avvertenza);
        if let Some(s) = &mut c.servizio {
            f(format!("canale.{}.servizio", c.id), &mut s.testo);
        }
    }
    for a in &mut r.avvisi {
        f(format!("avviso.{}.testo", a.id), &mut a.testo);
    }
    let passi = |f: &mut dyn FnMut(String, &mut String), id: &str, passi: &mut Vec<String>| {
        for (i, p) in passi.iter_mut().enumerate() {
            f(format!("esito.{id}.passo.{}", i + 1), p);
        }
    };
    for e in &mut r.esiti {
        passi(f, &e.id, &mut e.passi);
        for s in &mut e.scaduto {
            passi(f, &s.id, &mut s.passi);
        }
    }
    for (i, s) in r.sanzioni.iter_mut().enumerate() {
        f(format!("sanzione.{}.testo", i + 1), &mut s.testo);
    }
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
fn chiavi_opzioni(d: &civis_engine::modello::Domanda) -> Vec<String> {
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
