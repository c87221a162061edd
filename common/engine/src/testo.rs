//! Dates in Italian words ("giovedì 23 ottobre 2025"): the bottom layer, used by every module that explains a
//! computation to a person and by the site and the app.

use chrono::{Datelike, NaiveDate, Weekday};

const MESI: [&str; 12] = [
    "gennaio",
    "febbraio",
    "marzo",
    "aprile",
    "maggio",
    "giugno",
    "luglio",
    "agosto",
    "settembre",
    "ottobre",
    "novembre",
    "dicembre",
];

/// The Italian name of a weekday.
pub fn giorno_settimana(d: NaiveDate) -> &'static str {
    match d.weekday() {
        Weekday::Mon => "lunedì",
        Weekday::Tue => "martedì",
        Weekday::Wed => "mercoledì",
        Weekday::Thu => "giovedì",
        Weekday::Fri => "venerdì",
        Weekday::Sat => "sabato",
        Weekday::Sun => "domenica",
    }
}

/// A date in words: "23 ottobre 2025".
pub fn data_it(d: NaiveDate) -> String {
    format!("{} {} {}", d.day(), MESI[d.month0() as usize], d.year())
}

pub use civis_core::testi::riempi;

/// A value a sentence is filled with, written by whoever says the sentence, in its language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Valore {
    /// A text or a number, as it is.
    Testo(String),
    /// A date in words ("23 ottobre 2025").
    Data(NaiveDate),
    /// A date in words with its weekday ("giovedì 23 ottobre 2025").
    DataEstesa(NaiveDate),
    /// A date's weekday ("giovedì").
    Giorno(NaiveDate),
}

/// How a language writes the dates a sentence is filled with.
pub trait Scrive {
    /// "23 ottobre 2025".
    fn data(&self, d: NaiveDate) -> String;
    /// "giovedì 23 ottobre 2025".
    fn data_estesa(&self, d: NaiveDate) -> String;
    /// "giovedì".
    fn giorno(&self, d: NaiveDate) -> String;
}

/// The engine's own language.
pub struct Italiano;

impl Scrive for Italiano {
    fn data(&self, d: NaiveDate) -> String {
        data_it(d)
    }
    fn data_estesa(&self, d: NaiveDate) -> String {
        data_estesa(d)
    }
    fn giorno(&self, d: NaiveDate) -> String {
        giorno_settimana(d).into()
    }
}

/// `modello` filled with `valori`, dates written by `s`.
pub fn scrivi(modello: &str, valori: Vec<(&str, Valore)>, s: &dyn Scrive) -> String {
    let scritti: Vec<(&str, String)> = valori
        .into_iter()
        .map(|(k, v)| {
            let testo = match v {
                Valore::Testo(t) => t,
                Valore::Data(d) => s.data(d),
                Valore::DataEstesa(d) => s.data_estesa(d),
                Valore::Giorno(d) => s.giorno(d),
            };
            (k, testo)
        })
        .collect();
    let valori: Vec<(&str, &str)> = scritti.iter().map(|(k, v)| (*k, v.as_str())).collect();
    riempi(modello, &valori)
}

/// A sentence the engine says as data: its place among its kind's sentences and the values that fill it, so the
/// engine's Italian and a page in another language say the same thing from the same data. Each kind keeps its
/// Italian sentences once, with their keys (`MODELLI`); the site lists them as source strings.
pub trait Frase {
    /// The kind's sentences: (key, Italian), `{name}` marking what is filled.
    const MODELLI: &'static [(&'static str, &'static str)];

    /// Its place in [`Frase::MODELLI`] and the values to fill it with.
    fn parti(&self) -> (usize, Vec<(&'static str, Valore)>);

    /// The engine's Italian.
    fn messaggio(&self) -> String {
        let (i, valori) = self.parti();
        scrivi(Self::MODELLI[i].1, valori, &Italiano)
    }
}

/// A date in words with its weekday: "giovedì 23 ottobre 2025".
pub fn data_estesa(d: NaiveDate) -> String {
    format!("{} {}", giorno_settimana(d), data_it(d))
}
