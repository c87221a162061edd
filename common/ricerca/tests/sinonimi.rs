//! The real synonyms file loads, has the groups the guide needs, and links the forms the stemmer keeps apart.

use civis_ricerca::indice::{carica_sinonimi, FILE_SINONIMI};
use civis_ricerca::parole::{radici, radici_in, Lingua};
use civis_ricerca::sinonimi::concetti;

#[test]
fn the_guide_s_synonyms_load_and_join_what_people_type() {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../../");
    let testo = std::fs::read_to_string(format!("{root}{FILE_SINONIMI}")).unwrap();
    let s = carica_sinonimi(FILE_SINONIMI, &testo, Lingua::Italiano).unwrap_or_else(|e| panic!("{e:?}"));
    assert!(s.gruppi.len() >= 30, "{} groups", s.gruppi.len());
    let trova = |q: &str, atteso: &str| {
        let c = concetti(q, &s);
        assert!(c.iter().any(|c| c.alternative.contains(&radici(atteso))), "«{q}» should also find «{atteso}»: {c:?}");
    };
    trova("avviso bonario", "comunicazione di irregolarità");
    trova("cartella esattoriale", "cartella di pagamento");
    trova("Equitalia", "Agenzia delle entrate-Riscossione");
    trova("rottamazione", "definizione agevolata");
    trova("dilazione", "rateazione");
    trova("rateizzare", "rateazione");
    trova("PEC", "posta elettronica certificata");
    trova("notificata", "notifica");
    let agenzia = concetti("agenzia delle entrate-riscossione", &s);
    assert!(!agenzia.iter().any(|c| c.alternative.contains(&radici("Equitalia"))), "one way only");
}

#[test]
fn the_english_synonyms_load_in_english_and_lead_english_words_and_italian_plurals_to_the_names() {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../../");
    let file = FILE_SINONIMI.replace(".yaml", ".en.yaml");
    let testo = std::fs::read_to_string(format!("{root}{file}")).unwrap();
    let s = carica_sinonimi(&file, &testo, Lingua::Inglese).unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!(s.lingua, Lingua::Inglese);
    let trova = |q: &str, atteso: &str| {
        let c = concetti(q, &s);
        let atteso = radici_in(Lingua::Inglese, atteso);
        assert!(c.iter().any(|c| c.alternative.contains(&atteso)), "«{q}» should also find {atteso:?}: {c:?}");
    };
    trova("tax bill", "cartella");
    trova("cartelle", "cartella");
    trova("avvisi bonari", "avviso bonario");
    trova("avvisi di addebito", "avviso di addebito");
    trova("garnishment", "pignoramento");
    trova("pignoramenti", "pignoramento");
    trova("How do I appeal?", "ricorso");
}
