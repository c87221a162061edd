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

/// A date in words with its weekday: "giovedì 23 ottobre 2025".
pub fn data_estesa(d: NaiveDate) -> String {
    format!("{} {}", giorno_settimana(d), data_it(d))
}
