//! Tokens, in the index's language. A word is a run of letters and digits: apostrophes and hyphens split
//! (`dell'avviso` → `dell`, `avviso`); it is lowercased and its accents folded (`perché` → `perche`, so both
//! spellings meet), stop words are dropped (`dell`, `di`, `la`…), and the rest is stemmed with Snowball's algorithm
//! for the language (`ricorsi` and `ricorso` → `ricors`; `appeals` and `appeal` → `appeal`). Folding comes before
//! stemming, on both sides, so accented and plain input agree. An English page keeps the Italian names of the acts
//! (`avviso di addebito`), so Italian function words are stop words in English too.

use pagefind_stem::{Algorithm, Stemmer};
use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::OnceLock;

/// A word of a text: where it is (byte offsets) and its stem.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Parola {
    /// Byte offset of the first character.
    pub inizio: usize,
    /// Byte offset after the last character.
    pub fine: usize,
    /// The stem.
    pub radice: String,
}

/// Italian function words (already folded), and the elided forms an apostrophe leaves behind.
const VUOTE: &[&str] = &[
    "a", "ad", "agli", "ai", "al", "all", "alla", "alle", "allo", "anche", "c", "che", "chi", "ci", "coi", "col",
    "come", "con", "d", "da", "dagli", "dai", "dal", "dall", "dalla", "dalle", "dallo", "degli", "dei", "del", "dell",
    "della", "delle", "dello", "di", "e", "ed", "gli", "i", "il", "in", "l", "la", "le", "lo", "ma", "mi", "ne",
    "negli", "nei", "nel", "nell", "nella", "nelle", "nello", "o", "od", "per", "piu", "quest", "quell", "s", "se",
    "si", "sono", "su", "sugli", "sui", "sul", "sull", "sulla", "sulle", "sullo", "ti", "tra", "fra", "un", "una",
    "uno", "v", "vi",
];

/// English function words (already folded; an apostrophe leaves `s`, `t` and the like behind).
const VUOTE_EN: &[&str] = &[
    "a", "an", "and", "are", "as", "at", "be", "by", "d", "for", "from", "if", "in", "into", "is", "it", "its", "ll",
    "m", "of", "on", "or", "re", "s", "t", "than", "that", "the", "their", "them", "then", "there", "these", "they",
    "this", "those", "to", "ve", "was", "were", "with",
];

/// The languages the search stems: the site's source (Italian) and English. Another language's pages are stemmed
/// as Italian (the act names they keep are Italian), until Snowball's algorithm for it is added here.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum Lingua {
    /// Italian: the guide's own language.
    #[default]
    Italiano,
    /// English.
    Inglese,
}

impl Lingua {
    /// The language stemmed for a language code (`en`; any other: Italian).
    pub fn di(codice: &str) -> Lingua {
        match codice {
            "en" => Lingua::Inglese,
            _ => Lingua::Italiano,
        }
    }

    /// Its code, as the index's root file names it.
    pub fn codice(self) -> &'static str {
        match self {
            Lingua::Italiano => "it",
            Lingua::Inglese => "en",
        }
    }

    /// The articles a title may start with (folded, with the space or apostrophe after them), which an
    /// alphabetical list ignores.
    pub fn articoli(self) -> &'static [&'static str] {
        match self {
            Lingua::Italiano => &["il ", "lo ", "la ", "i ", "gli ", "le ", "l'", "un ", "una ", "uno "],
            Lingua::Inglese => &["the ", "a ", "an "],
        }
    }

    fn vuota(self, parola: &str) -> bool {
        VUOTE.contains(&parola) || (self == Lingua::Inglese && VUOTE_EN.contains(&parola))
    }

    fn stemmer(self) -> &'static Stemmer {
        static IT: OnceLock<Stemmer> = OnceLock::new();
        static EN: OnceLock<Stemmer> = OnceLock::new();
        match self {
            Lingua::Italiano => IT.get_or_init(|| Stemmer::create(Algorithm::Italian)),
            Lingua::Inglese => EN.get_or_init(|| Stemmer::create(Algorithm::English)),
        }
    }
}

/// Words that make a question but say nothing about its subject ("quanto tempo ho per pagare", "come devo
/// fare"), and the negation ("pec non letta": a page says "anche se non la apri" or "una PEC non letta", and
/// "non" must not decide which): dropped from a query when something else is left (pages are indexed with them,
/// since they are ordinary words there). Phrases that carry a meaning ("quanto tempo", "non ho pagato") are
/// intents in the synonyms file, matched before these are dropped.
const DOMANDA: &[&str] = &[
    "non", "quanto", "quanti", "quanta", "quante", "quando", "come", "cosa", "che", "dove", "perche", "chi", "quale",
    "quali", "devo", "deve", "devono", "posso", "puo", "possono", "ho", "ha", "hanno", "sono", "mio", "mia", "miei",
    "mie", "fare", "faccio", "serve", "servono", "bisogna", "occorre", "tempo",
];

/// The same in English ("how long do I have to pay", "what should I do").
const DOMANDA_EN: &[&str] = &[
    "not", "no", "how", "long", "much", "many", "when", "what", "where", "why", "who", "which", "do", "does", "did",
    "i", "my", "me", "can", "could", "should", "must", "have", "has", "need", "time",
];

/// Whether a query's stem is one of the question words of `DOMANDA` (and, in English, of `DOMANDA_EN`).
pub fn di_domanda(radice_: &str, lingua: Lingua) -> bool {
    let inglesi = if lingua == Lingua::Inglese { DOMANDA_EN } else { &[] };
    DOMANDA.iter().chain(inglesi).any(|p| radice_in(lingua, p).is_some_and(|r| r == radice_))
}

/// A text lowercased with its accents folded (`Perché` → `perche`): what the search compares, and the A–Z page's
/// sort key.
pub fn piegato(testo: &str) -> String {
    testo.chars().flat_map(char::to_lowercase).map(piega).collect()
}

fn piega(c: char) -> char {
    match c {
        'à' | 'á' | 'â' | 'ä' => 'a',
        'è' | 'é' | 'ê' | 'ë' => 'e',
        'ì' | 'í' | 'î' | 'ï' => 'i',
        'ò' | 'ó' | 'ô' | 'ö' => 'o',
        'ù' | 'ú' | 'û' | 'ü' => 'u',
        c => c,
    }
}

thread_local! {
    /// Stems already computed, by language and the word as written (`None` for a stop word): a guide repeats its
    /// words, and folding, the stop-word check and Snowball are the costly steps of indexing; a word seen before
    /// skips them.
    static GIA_VISTE: RefCell<[HashMap<String, Option<String>>; 2]> = RefCell::new(Default::default());
}
/// The cache is emptied when it reaches this many words, so its memory stays bounded.
const CACHE_MASSIMA: usize = 200_000;

/// A word's normal form (lowercase, folded) and its Italian stem, or `None` for a stop word.
pub fn radice(parola: &str) -> Option<String> {
    radice_in(Lingua::Italiano, parola)
}

/// A word's normal form (lowercase, folded) and its stem in `lingua`, or `None` for a stop word.
pub fn radice_in(lingua: Lingua, parola: &str) -> Option<String> {
    GIA_VISTE.with(|c| {
        let mut c = c.borrow_mut();
        let c = &mut c[lingua as usize];
        if let Some(r) = c.get(parola) {
            return r.clone();
        }
        if c.len() >= CACHE_MASSIMA {
            c.clear();
        }
        let piegata = piegato(parola);
        let r = (!lingua.vuota(&piegata)).then(|| lingua.stemmer().stem(&piegata).into_owned());
        c.insert(parola.to_string(), r.clone());
        r
    })
}

/// Calls `f` with each word of a text as written, in order, and its byte offset (stop words included: nothing
/// is stemmed here).
pub fn per_parola<'t>(testo: &'t str, mut f: impl FnMut(usize, &'t str)) {
    let mut inizio = None;
    for (i, c) in testo.char_indices().chain([(testo.len(), ' ')]) {
        match (c.is_alphanumeric(), inizio) {
            (true, None) => inizio = Some(i),
            (false, Some(s)) => {
                f(s, &testo[s..i]);
                inizio = None;
            }
            _ => {}
        }
    }
}

/// The words of a text that are not stop words, in order, with their Italian stems.
pub fn parole(testo: &str) -> Vec<Parola> {
    parole_in(Lingua::Italiano, testo)
}

/// The words of a text that are not stop words in `lingua`, in order, with their stems.
pub fn parole_in(lingua: Lingua, testo: &str) -> Vec<Parola> {
    let mut out = Vec::new();
    per_parola(testo, |inizio, p| {
        if let Some(radice) = radice_in(lingua, p) {
            out.push(Parola { inizio, fine: inizio + p.len(), radice });
        }
    });
    out
}

/// Just the Italian stems of a text, in order.
pub fn radici(testo: &str) -> Vec<String> {
    radici_in(Lingua::Italiano, testo)
}

/// Just the stems of a text in `lingua`, in order.
pub fn radici_in(lingua: Lingua, testo: &str) -> Vec<String> {
    parole_in(lingua, testo).into_iter().map(|p| p.radice).collect()
}

#[cfg(test)]
mod test {
    use super::*;

    #[test]
    fn inflected_forms_meet_on_one_stem() {
        for gruppo in [
            &["ricorso", "ricorsi"][..],
            &["notificata", "notificato"],
            &["cartella", "cartelle"],
            &["comunicazione", "comunicazioni"],
            &["pagamento", "pagamenti"],
            &["irregolarità", "irregolarita"],
            &["perché", "perche", "PERCHÉ"],
            &["sospensione", "sospensioni"],
        ] {
            let radici: Vec<_> = gruppo.iter().map(|p| radice(p).unwrap()).collect();
            assert!(radici.windows(2).all(|w| w[0] == w[1]), "{gruppo:?} → {radici:?}");
        }
        assert_ne!(radice("rateizzare"), radice("rateazione"), "only the synonyms join these");
        // Snowball cuts `notifica` shorter than `notificata`: the synonyms join them (content/ricerca/sinonimi.yaml).
        assert_ne!(radice("notifica"), radice("notificata"));
    }

    #[test]
    fn apostrophes_and_hyphens_split_and_function_words_go() {
        assert_eq!(radici("dell'avviso"), radici("avviso"));
        assert_eq!(radici("L'Agenzia delle entrate-Riscossione"), ["agenz", "entrat", "riscossion"]);
        let p = parole("La PEC è piena");
        assert_eq!(p.iter().map(|p| p.radice.as_str()).collect::<Vec<_>>(), ["pec", "pien"]);
        assert_eq!((p[0].inizio, p[0].fine), (3, 6));
        assert!(radici("di la e").is_empty());
    }

    #[test]
    fn english_stems_english_and_keeps_the_italian_names_whole() {
        let en = |t: &str| radici_in(Lingua::Inglese, t);
        assert_eq!(en("appeals"), en("appeal"));
        assert_eq!(en("payments"), en("payment"));
        assert_eq!(en("the deadline of the cartella"), ["deadlin", "cartella"]);
        assert_eq!(en("avviso di addebito"), en("avviso addebito"), "Italian function words go in English too");
        assert_eq!(en("avviso bonario"), ["avviso", "bonario"], "typed as written on the letter, indexed alike");
        assert_ne!(radici("appeals"), en("appeals"), "each language its own algorithm");
        assert!(di_domanda(&en("how")[0], Lingua::Inglese) && !di_domanda(&en("vehicle")[0], Lingua::Inglese));
        assert_eq!(Lingua::di("en"), Lingua::Inglese);
        assert_eq!(Lingua::di("ro"), Lingua::Italiano);
    }
}
