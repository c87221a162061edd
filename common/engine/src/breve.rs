//! The line shown next to a deadline's date, as data: why the date shown is the prudent one (a last day the law
//! does not shift, a shift into August's suspension, two readings of the rule or of the notification) or, for the
//! check on a cartella's decadenza, what it concludes. The engine's Italian is made from it; a page in another
//! language says the same with its own dates.

use crate::testo::{Frase, Valore};
use chrono::NaiveDate;
use serde::{Serialize, Serializer};

/// Each line's key (as a strings file names it) and its Italian sentence, in the order of [`Breve::parti`].
pub const MODELLI: &[(&str, &str)] = &[
    (
        "breve.non_slitta",
        "Cade di {giorno} e la legge non dice se il termine slitta: per prudenza agisci entro {data}.",
    ),
    (
        "breve.agosto",
        "Il {giorni}° giorno è {ultimo} e il giorno lavorativo dopo cade nella sospensione di agosto: le letture non \
         coincidono, per prudenza agisci entro {data}.",
    ),
    ("breve.lettura_prudente", "Data calcolata con la lettura più prudente: l'altra lettura è spiegata qui sotto."),
    (
        "breve.notifica_incerta",
        "Sulla data di notifica le fonti non concordano: contiamo dalla data più prudente (la nota è nel calcolo).",
    ),
    ("breve.decadenza", "La cartella doveva esserti notificata entro il {data}."),
    (
        "breve.decadenza_tardi",
        "La cartella doveva esserti notificata entro il {data}: potrebbe essere arrivata tardi, controlla la data \
         nella relata di notifica.",
    ),
    ("breve.decadenza_in_tempo", "La cartella doveva esserti notificata entro il {data}: è arrivata in tempo."),
];

/// The line next to a date. Serialised as its Italian sentence (`in_breve` in the advice).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Breve {
    /// The last day (`giorno`) is not a working day and the law does not say the term shifts: act by `entro`.
    NonSlitta {
        /// The last day.
        giorno: NaiveDate,
        /// The working day before it.
        entro: NaiveDate,
    },
    /// The `giorni`-th day is `ultimo`, and the next working day falls in August's suspension: act by `entro`.
    Agosto {
        /// The term in days.
        giorni: u32,
        /// The last day counted.
        ultimo: NaiveDate,
        /// The working day before it.
        entro: NaiveDate,
    },
    /// The date follows the prudent of two readings of the rule, explained in its note.
    LetturaPrudente,
    /// The sources disagree on the notification date: counted from the prudent one.
    NotificaIncerta,
    /// The cartella had to be notified by that day (no notification date given).
    Decadenza(NaiveDate),
    /// The same, and the date given is later: it may have come too late.
    DecadenzaTardi(NaiveDate),
    /// The same, and the date given is not later: it came in time.
    DecadenzaInTempo(NaiveDate),
}

impl Frase for Breve {
    const MODELLI: &'static [(&'static str, &'static str)] = MODELLI;

    fn parti(&self) -> (usize, Vec<(&'static str, Valore)>) {
        match self {
            Breve::NonSlitta { giorno, entro } => {
                (0, vec![("giorno", Valore::Giorno(*giorno)), ("data", Valore::DataEstesa(*entro))])
            }
            Breve::Agosto { giorni, ultimo, entro } => (
                1,
                vec![
                    ("giorni", Valore::Testo(giorni.to_string())),
                    ("ultimo", Valore::DataEstesa(*ultimo)),
                    ("data", Valore::DataEstesa(*entro)),
                ],
            ),
            Breve::LetturaPrudente => (2, vec![]),
            Breve::NotificaIncerta => (3, vec![]),
            Breve::Decadenza(d) => (4, vec![("data", Valore::Data(*d))]),
            Breve::DecadenzaTardi(d) => (5, vec![("data", Valore::Data(*d))]),
            Breve::DecadenzaInTempo(d) => (6, vec![("data", Valore::Data(*d))]),
        }
    }
}

impl Serialize for Breve {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.messaggio())
    }
}

#[cfg(test)]
mod test {
    use super::*;

    #[test]
    fn each_line_has_its_sentence_and_reads_as_before() {
        let g = |m, d| NaiveDate::from_ymd_opt(2026, m, d).unwrap();
        let righe = [
            Breve::NonSlitta { giorno: g(9, 13), entro: g(9, 11) },
            Breve::Agosto { giorni: 60, ultimo: g(7, 31), entro: g(7, 31) },
            Breve::LetturaPrudente,
            Breve::NotificaIncerta,
            Breve::Decadenza(g(12, 31)),
            Breve::DecadenzaTardi(g(12, 31)),
            Breve::DecadenzaInTempo(g(12, 31)),
        ];
        let indici: Vec<usize> = righe.iter().map(|r| r.parti().0).collect();
        assert_eq!(indici, (0..MODELLI.len()).collect::<Vec<_>>());
        assert_eq!(
            righe[0].messaggio(),
            "Cade di domenica e la legge non dice se il termine slitta: per prudenza agisci entro venerdì 11 settembre 2026."
        );
        assert_eq!(
            righe[6].messaggio(),
            "La cartella doveva esserti notificata entro il 31 dicembre 2026: è arrivata in tempo."
        );
    }
}
