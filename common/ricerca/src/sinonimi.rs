//! Domain synonyms and the query's concepts. A group is either equivalent phrases (`avviso bonario` =
//! `comunicazione di irregolarità`) or a one-way mapping (`Equitalia` → `Agenzia delle entrate-Riscossione`: a
//! search for Equitalia finds the agency, not the other way round). Phrases are kept as stems.
//!
//! The build writes the groups into the index's root file in a compact text form ([`Sinonimi::compatto`]: one group
//! per line, phrases joined by `|`, a one-way group's sides split by `>`), which the browser hands back to
//! [`concetti`] through WebAssembly: the expansion runs in the same Rust code on both sides. The groups are stemmed
//! in their index's language, which the compact form names on a first line (`@en`) when it is not Italian, so that
//! the browser stems queries as the build stemmed the pages.

use crate::parole::{di_domanda, radici_in, Lingua};

/// A phrase as stems.
pub type Frase = Vec<String>;

/// One group: the phrases that trigger it and the phrases a query for them also finds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Gruppo {
    /// The phrases that trigger the group.
    pub da: Vec<Frase>,
    /// The phrases then searched as well (for equivalents, the same as `da`).
    pub a: Vec<Frase>,
}

/// All the groups, and the language their index (and its queries) are stemmed in.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Sinonimi {
    /// The groups, in the file's order.
    pub gruppi: Vec<Gruppo>,
    /// The language of the pages, the queries and these phrases.
    pub lingua: Lingua,
}

/// One concept of a query: a word or phrase typed, with its alternatives (itself first, then its synonyms). A
/// page matches the concept when it has every stem of at least one alternative.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Concetto {
    /// The alternatives, each a phrase of stems.
    pub alternative: Vec<Frase>,
}

fn frasi(parte: &str) -> Vec<Frase> {
    parte
        .split('|')
        .map(|f| f.split(' ').filter(|s| !s.is_empty()).map(str::to_string).collect::<Frase>())
        .filter(|f| !f.is_empty())
        .collect()
}

fn scrivi(frasi: &[Frase]) -> String {
    frasi.iter().map(|f| f.join(" ")).collect::<Vec<_>>().join("|")
}

impl Sinonimi {
    /// No groups yet, for an index in `lingua`.
    pub fn in_lingua(lingua: Lingua) -> Sinonimi {
        Sinonimi { gruppi: Vec::new(), lingua }
    }

    /// A group of equivalent phrases, as typed (stemmed here).
    pub fn uguali(&mut self, frasi: &[&str]) {
        let f: Vec<Frase> = frasi.iter().map(|t| radici_in(self.lingua, t)).filter(|f| !f.is_empty()).collect();
        self.gruppi.push(Gruppo { da: f.clone(), a: f });
    }

    /// A one-way group, as typed (stemmed here).
    pub fn verso(&mut self, da: &[&str], a: &[&str]) {
        let st =
            |v: &[&str]| v.iter().map(|t| radici_in(self.lingua, t)).filter(|f| !f.is_empty()).collect::<Vec<Frase>>();
        let da = st(da);
        let mut tutte = da.clone();
        tutte.extend(st(a));
        self.gruppi.push(Gruppo { da, a: tutte });
    }

    /// The compact text form written into the index's root file.
    pub fn compatto(&self) -> String {
        let lingua = match self.lingua {
            Lingua::Italiano => String::new(),
            l => format!("@{}\n", l.codice()),
        };
        let gruppi =
            self.gruppi
                .iter()
                .map(|g| {
                    if g.da == g.a {
                        scrivi(&g.da)
                    } else {
                        format!("{}>{}", scrivi(&g.da), scrivi(&g.a[g.da.len()..]))
                    }
                })
                .collect::<Vec<_>>()
                .join("\n");
        lingua + &gruppi
    }

    /// Reads the compact form back (what the browser does with the root file's text).
    pub fn leggi(testo: &str) -> Sinonimi {
        let (lingua, testo) = match testo.strip_prefix('@').and_then(|t| t.split_once('\n')) {
            Some((codice, resto)) => (Lingua::di(codice), resto),
            None => (Lingua::Italiano, testo),
        };
        let gruppi = testo
            .lines()
            .filter(|l| !l.trim().is_empty())
            .map(|l| match l.split_once('>') {
                Some((da, a)) => {
                    let da = frasi(da);
                    let mut tutte = da.clone();
                    tutte.extend(frasi(a));
                    Gruppo { da, a: tutte }
                }
                None => {
                    let f = frasi(l);
                    Gruppo { da: f.clone(), a: f }
                }
            })
            .collect();
        Sinonimi { gruppi, lingua }
    }
}

/// The concepts of a query, left to right: at each word the longest synonym phrase that starts there (if any)
/// becomes one concept with its group's phrases as alternatives; any other word is a concept by itself.
pub fn concetti(query: &str, sinonimi: &Sinonimi) -> Vec<Concetto> {
    concetti_di_radici(&radici_in(sinonimi.lingua, query), sinonimi)
}

/// [`concetti`] of a query already stemmed (the browser's second pass, after correcting typos).
pub fn concetti_di_radici(r: &[String], sinonimi: &Sinonimi) -> Vec<Concetto> {
    let mut out: Vec<Concetto> = Vec::new();
    let mut i = 0;
    while i < r.len() {
        let mut migliore: Option<(usize, Vec<Frase>)> = None;
        for g in &sinonimi.gruppi {
            for f in &g.da {
                let lungo = f.len();
                if r[i..].starts_with(f) && migliore.as_ref().is_none_or(|(n, _)| lungo > *n) {
                    let mut alt = vec![f.clone()];
                    alt.extend(g.a.iter().filter(|x| *x != f).cloned());
                    migliore = Some((lungo, alt));
                } else if r[i..].starts_with(f) && migliore.as_ref().is_some_and(|(n, _)| lungo == *n) {
                    // The same phrase in two groups: one concept with every alternative.
                    let alt = &mut migliore.as_mut().expect("checked").1;
                    alt.extend(g.a.iter().filter(|x| !alt.contains(x)).cloned().collect::<Vec<_>>());
                }
            }
        }
        match migliore {
            Some((n, alternative)) => {
                out.push(Concetto { alternative });
                i += n;
            }
            None => {
                out.push(Concetto { alternative: vec![vec![r[i].clone()]] });
                i += 1;
            }
        }
    }
    // Question words that no synonym or intent took ("quanto", "ho", "devo") do not make a query empty-handed:
    // they go, unless nothing else is left.
    let domanda = |c: &Concetto| {
        c.alternative.len() == 1 && c.alternative[0].len() == 1 && di_domanda(&c.alternative[0][0], sinonimi.lingua)
    };
    if out.iter().any(|c| !domanda(c)) {
        out.retain(|c| !domanda(c));
    }
    out
}

/// [`concetti`] in the text form the browser reads: one concept per line, alternatives joined by `|`, stems by a
/// space.
pub fn concetti_in_testo(query: &str, sinonimi: &Sinonimi) -> String {
    testo_dei_concetti(&concetti(query, sinonimi))
}

/// Concepts in the text form the browser reads.
pub fn testo_dei_concetti(c: &[Concetto]) -> String {
    c.iter().map(|c| scrivi(&c.alternative)).collect::<Vec<_>>().join("\n")
}

/// Where the words of `testo` whose stem (in `lingua`) is among `radici` are, in UTF-16 code units (JavaScript's
/// string offsets), as `inizio-fine` pairs joined by commas: the snippet's highlights.
pub fn evidenzia(testo: &str, radici: &[String], lingua: Lingua) -> String {
    let mut out = Vec::new();
    let (mut byte, mut u16) = (0usize, 0usize);
    for p in crate::parole::parole_in(lingua, testo) {
        let conta = |a: usize, b: usize| testo[a..b].chars().map(char::len_utf16).sum::<usize>();
        u16 += conta(byte, p.inizio);
        let lungo = conta(p.inizio, p.fine);
        if radici.contains(&p.radice) {
            out.push(format!("{}-{}", u16, u16 + lungo));
        }
        u16 += lungo;
        byte = p.fine;
    }
    out.join(",")
}

#[cfg(test)]
mod test {
    use super::*;
    use crate::parole::radici;

    fn esempio() -> Sinonimi {
        let mut s = Sinonimi::default();
        s.uguali(&["avviso bonario", "comunicazione di irregolarità"]);
        s.verso(&["Equitalia"], &["Agenzia delle entrate-Riscossione"]);
        s.uguali(&["notifica", "notificata", "notificazione"]);
        s
    }

    #[test]
    fn a_phrase_becomes_one_concept_with_its_synonyms() {
        let c = concetti("Avviso bonario scaduto", &esempio());
        assert_eq!(c.len(), 2);
        assert_eq!(c[0].alternative, vec![radici("avviso bonario"), radici("comunicazione irregolarità")]);
        assert_eq!(c[1].alternative, vec![radici("scaduto")]);
        let n = concetti("notificata", &esempio());
        assert!(n[0].alternative.contains(&radici("notifica")), "{n:?}");
    }

    #[test]
    fn question_words_do_not_empty_a_query_and_intents_match_first() {
        let mut s = esempio();
        s.verso(&["quanto tempo ho", "entro quando"], &["termine"]);
        let c = concetti("Quanto tempo ho per pagare?", &s);
        assert_eq!(c.len(), 2, "{c:?}");
        assert!(c[0].alternative.contains(&radici("termine")));
        assert_eq!(c[1].alternative, vec![radici("pagare")]);
        let d = concetti("come devo fare ricorso", &s);
        assert_eq!(d.len(), 1, "only the subject is left: {d:?}");
        assert_eq!(d[0].alternative, vec![radici("ricorso")]);
        assert_eq!(
            concetti("come devo fare", &s).len(),
            2,
            "a query of question words only keeps them (`come` is a stop word)"
        );
    }

    #[test]
    fn one_way_groups_expand_only_from_their_source() {
        let e = concetti("equitalia", &esempio());
        assert_eq!(e[0].alternative, vec![radici("equitalia"), radici("agenzia entrate riscossione")]);
        let a = concetti("agenzia entrate riscossione", &esempio());
        assert!(a.iter().all(|c| c.alternative.len() == 1), "the agency does not expand to Equitalia: {a:?}");
    }

    #[test]
    fn the_compact_form_reads_back_to_the_same_groups() {
        let s = esempio();
        assert_eq!(Sinonimi::leggi(&s.compatto()), s);
        assert_eq!(concetti_in_testo("avviso bonario", &s), "avvis bonar|comun irregolar");
    }

    #[test]
    fn highlights_are_in_javascript_offsets() {
        let r = radici("ricorso");
        assert_eq!(evidenzia("Il ricorso", &r, Lingua::Italiano), "3-10");
        assert_eq!(evidenzia("👍 ricorsi e ricorso", &r, Lingua::Italiano), "3-10,13-20", "the emoji counts 2 units");
    }

    #[test]
    fn an_english_index_names_its_language_and_stems_its_queries_in_english() {
        let mut s = Sinonimi::in_lingua(Lingua::Inglese);
        s.verso(&["tax appeal"], &["ricorso"]);
        s.uguali(&["cartella", "cartelle"]);
        let compatto = s.compatto();
        assert!(compatto.starts_with("@en\n"), "{compatto}");
        assert_eq!(Sinonimi::leggi(&compatto), s, "the browser reads back the language and the groups");
        assert!(!esempio().compatto().starts_with('@'), "the Italian form is unchanged");
        let c = concetti("how long do I have for my tax appeals", &s);
        assert_eq!(c.len(), 1, "question words go: {c:?}");
        assert_eq!(c[0].alternative, [radici_in(Lingua::Inglese, "tax appeal"), radici_in(Lingua::Inglese, "ricorso")]);
        assert_eq!(concetti("cartelle", &s)[0].alternative.len(), 2, "the Italian plural joined to the name");
        assert_eq!(
            evidenzia("Your appeals", &[radici_in(Lingua::Inglese, "appeal")[0].clone()], Lingua::Inglese),
            "5-12"
        );
    }
}
