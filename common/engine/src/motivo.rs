//! Why a value a person gave cannot be used, as data: the engine's Italian message is made from it, and a page in
//! another language says the same from the same data, with the dates in the reader's words. The Italian sentences
//! are here once ([`MODELLI`]); the site lists them as source strings, so a translation of them is kept in step.

use crate::testo::{Frase, Valore};
use chrono::NaiveDate;

/// Each reason's key (as a strings file names it) and its Italian sentence, in the order of [`Motivo::indice`].
/// `{name}` marks what is filled in.
pub const MODELLI: &[(&str, &str)] = &[
    ("risposta.rispondi", "rispondi alla domanda per continuare."),
    ("risposta.data_futura", "la data {data} è nel futuro"),
    ("risposta.data_inesistente", "la data «{scritto}» non esiste nel calendario"),
    ("risposta.anno_data", "l'anno {anno} non è possibile: le date vanno dal {minimo} al {massimo}"),
    ("risposta.non_anno", "«{scritto}» non è un anno"),
    ("risposta.anno_risposta", "l'anno {anno} non è possibile: indica un anno tra il {minimo} e oggi"),
    ("risposta.importo_negativo", "l'importo non può essere negativo"),
    ("risposta.non_importo", "«{scritto}» non è un importo: scrivilo in cifre, per esempio 1.250,50"),
    (
        "risposta.importo_ambiguo",
        "«{scritto}» può voler dire {migliaia} euro oppure {decimali} euro: scrivi i decimali dopo la virgola (per \
         esempio 1.250,00 oppure 1,25)",
    ),
    ("risposta.ritiro_prima", "il ritiro ({data}) non può precedere la data indicata per la notifica"),
    ("risposta.notifica_prima", "la notifica non può precedere l'elaborazione della comunicazione ({data})"),
    (
        "risposta.aggiornata_prima",
        "la comunicazione aggiornata ({data}) non può precedere la notifica della comunicazione originale",
    ),
];

/// Why a value cannot be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Motivo {
    /// No answer to a question that needs one.
    Rispondi,
    /// A date after today.
    DataFutura(NaiveDate),
    /// A day not in the calendar (`2026-02-30`), as written.
    DataInesistente(String),
    /// A date's year outside the years the engine computes.
    AnnoData {
        /// The year written.
        anno: i32,
        /// The first year computed.
        minimo: i32,
        /// The last year computed.
        massimo: i32,
    },
    /// A year question answered with something else, as written.
    NonAnno(String),
    /// A year question answered with a year not possible for it.
    AnnoRisposta {
        /// The year written.
        anno: i32,
        /// The first year possible for the question.
        minimo: i32,
    },
    /// An amount below zero.
    ImportoNegativo,
    /// Not an amount, as written.
    NonImporto(String),
    /// `1.250`: thousands or decimals? As written, and both readings.
    ImportoAmbiguo {
        /// As written.
        scritto: String,
        /// Read as thousands.
        migliaia: String,
        /// Read as decimals.
        decimali: String,
    },
    /// The pick-up date before the notification date.
    RitiroPrima(NaiveDate),
    /// The notification before the notice was drawn up (that day).
    NotificaPrima(NaiveDate),
    /// The updated notice before the original one's notification.
    AggiornataPrima(NaiveDate),
}

impl Frase for Motivo {
    const MODELLI: &'static [(&'static str, &'static str)] = MODELLI;

    fn parti(&self) -> (usize, Vec<(&'static str, Valore)>) {
        let testo = |s: &String| vec![("scritto", Valore::Testo(s.trim().to_string()))];
        let numero = |n: &i32| Valore::Testo(n.to_string());
        match self {
            Motivo::Rispondi => (0, vec![]),
            Motivo::DataFutura(d) => (1, vec![("data", Valore::Data(*d))]),
            Motivo::DataInesistente(s) => (2, testo(s)),
            Motivo::AnnoData { anno, minimo, massimo } => {
                (3, vec![("anno", numero(anno)), ("minimo", numero(minimo)), ("massimo", numero(massimo))])
            }
            Motivo::NonAnno(s) => (4, testo(s)),
            Motivo::AnnoRisposta { anno, minimo } => (5, vec![("anno", numero(anno)), ("minimo", numero(minimo))]),
            Motivo::ImportoNegativo => (6, vec![]),
            Motivo::NonImporto(s) => (7, testo(s)),
            Motivo::ImportoAmbiguo { scritto, migliaia, decimali } => (
                8,
                vec![
                    ("scritto", Valore::Testo(scritto.trim().to_string())),
                    ("migliaia", Valore::Testo(migliaia.clone())),
                    ("decimali", Valore::Testo(decimali.clone())),
                ],
            ),
            Motivo::RitiroPrima(d) => (9, vec![("data", Valore::Data(*d))]),
            Motivo::NotificaPrima(d) => (10, vec![("data", Valore::Data(*d))]),
            Motivo::AggiornataPrima(d) => (11, vec![("data", Valore::Data(*d))]),
        }
    }
}

#[cfg(test)]
mod test {
    use super::*;

    #[test]
    fn every_reason_has_its_sentence_and_fills_it() {
        let d = NaiveDate::from_ymd_opt(2026, 7, 15).unwrap();
        let tutti = [
            Motivo::Rispondi,
            Motivo::DataFutura(d),
            Motivo::DataInesistente("2026-02-30".into()),
            Motivo::AnnoData { anno: 1800, minimo: 1900, massimo: 2100 },
            Motivo::NonAnno("x".into()),
            Motivo::AnnoRisposta { anno: 1999, minimo: 2000 },
            Motivo::ImportoNegativo,
            Motivo::NonImporto(" x ".into()),
            Motivo::ImportoAmbiguo { scritto: "1.250".into(), migliaia: "1.250".into(), decimali: "1,25".into() },
            Motivo::RitiroPrima(d),
            Motivo::NotificaPrima(d),
            Motivo::AggiornataPrima(d),
        ];
        let indici: Vec<usize> = tutti.iter().map(|m| m.parti().0).collect();
        assert_eq!(indici, (0..MODELLI.len()).collect::<Vec<_>>(), "one sentence each, in order");
        for m in &tutti {
            assert!(!m.messaggio().contains('{'), "{m:?}: {}", m.messaggio());
        }
        assert_eq!(Motivo::DataFutura(d).messaggio(), "la data 15 luglio 2026 è nel futuro");
        assert_eq!(
            Motivo::NonImporto(" x ".into()).messaggio(),
            "«x» non è un importo: scrivilo in cifre, per esempio 1.250,50"
        );
        let (_, valori) = Motivo::DataFutura(d).parti();
        let inglese = crate::testo::scrivi("the date {data} is in the future", valori, &crate::testo::Italiano);
        assert_eq!(inglese, "the date 15 luglio 2026 is in the future");
    }
}
