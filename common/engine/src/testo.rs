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

/// `modello` with its `{name}` filled in from `valori`; an unknown name stays as it is. Filled by hand:
/// `str::replace` would compile a substring searcher into the browser's module.
pub fn riempi(modello: &str, valori: &[(&str, &str)]) -> String {
    let (mut out, mut resto) = (String::new(), modello);
    while let Some((prima, dopo)) = resto.split_once('{') {
        out.push_str(prima);
        let nome = dopo.split_once('}').and_then(|(n, r)| Some((valori.iter().find(|(k, _)| *k == n)?.1, r)));
        resto = match nome {
            Some((valore, r)) => {
                out.push_str(valore);
                r
            }
            None => {
                out.push('{');
                dopo
            }
        };
    }
    out.push_str(resto);
    out
}

/// A date in words with its weekday: "giovedì 23 ottobre 2025".
pub fn data_estesa(d: NaiveDate) -> String {
    format!("{} {}", giorno_settimana(d), data_it(d))
}
