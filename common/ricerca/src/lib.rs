//! The guide's search, in layers: `parole` (Italian tokens: lowercase, accents folded, apostrophes split, stop
//! words dropped, Snowball stems) → `refusi` (typos: edit distance against the vocabulary) → `sinonimi` (domain
//! synonyms, question intents and the query's concepts) → `indice` (feature
//! `indice`: the synonyms' YAML and the index files the build writes). The same `parole` runs in the build and,
//! compiled to WebAssembly (`wizard/ricerca-app`), in the browser, so a query is stemmed exactly as the pages were.

pub mod parole;
pub mod refusi;
pub mod sinonimi;
#[cfg(feature = "indice")]
pub mod indice;
