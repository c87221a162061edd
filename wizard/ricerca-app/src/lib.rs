//! The search's query side, for `ricerca.js` (the theme's classic script): the synonyms read once from the index's
//! root file, then each query turned into concepts and each snippet's matches found, by civis-ricerca's own code.
//! Plain strings in and out, so the module stays small (no serde, no UI framework).

use civis_ricerca::sinonimi::{self, Sinonimi};
use std::cell::RefCell;
use wasm_bindgen::prelude::*;

thread_local! {
    static SINONIMI: RefCell<Sinonimi> = RefCell::new(Sinonimi::default());
}

#[wasm_bindgen]
extern "C" {
    /// `ricerca.js`'s callback: the module is ready.
    #[wasm_bindgen(js_namespace = civisRicerca)]
    fn pronto();
}

/// Tells the page the module is ready.
#[wasm_bindgen(start)]
pub fn start() {
    pronto();
}

/// Sets the synonyms, in the compact form of the index's root file, and with them the language queries are
/// stemmed in.
#[wasm_bindgen]
pub fn sinonimi(compatto: &str) {
    SINONIMI.with(|s| *s.borrow_mut() = Sinonimi::leggi(compatto));
}

/// A query's concepts: one per line, alternatives joined by `|`, stems by a space.
#[wasm_bindgen]
pub fn concetti(query: &str) -> String {
    SINONIMI.with(|s| sinonimi::concetti_in_testo(query, &s.borrow()))
}

/// Where the words of `testo` with one of the stems (space-separated) are: `inizio-fine` pairs in UTF-16 units.
#[wasm_bindgen]
pub fn evidenzia(testo: &str, radici: &str) -> String {
    let r: Vec<String> = radici.split(' ').filter(|s| !s.is_empty()).map(str::to_string).collect();
    SINONIMI.with(|s| sinonimi::evidenzia(testo, &r, s.borrow().lingua))
}

/// The stem of the vocabulary closest to a query's stem that the index does not have (`stem:documents` pairs
/// separated by spaces), or an empty string.
#[wasm_bindgen]
pub fn correggi(radice: &str, vocabolario: &str) -> String {
    civis_ricerca::refusi::correggi(radice, vocabolario)
}

/// The stems of a query, space-separated (stop words dropped), as the index has them (in its language).
#[wasm_bindgen]
pub fn radici(query: &str) -> String {
    SINONIMI.with(|s| civis_ricerca::parole::radici_in(s.borrow().lingua, query).join(" "))
}

/// The concepts of a query given as stems (space-separated), in the form of [`concetti`].
#[wasm_bindgen]
pub fn concetti_di_radici(radici: &str) -> String {
    let r: Vec<String> = radici.split(' ').filter(|s| !s.is_empty()).map(str::to_string).collect();
    SINONIMI.with(|s| sinonimi::testo_dei_concetti(&sinonimi::concetti_di_radici(&r, &s.borrow())))
}
