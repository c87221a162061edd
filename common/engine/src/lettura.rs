//! A deadline's note, as data: the rule's own note (already in the rules' language) and, when two rules give the
//! same deadline for a case, the other reading with its date. The engine's Italian (`nota` in the advice) is made
//! from it; a page in another language says the other reading in its own words and dates.

use crate::testo::{Frase, Valore};
use chrono::NaiveDate;
use serde::{Serialize, Serializer};

/// Each sentence's key (as a strings file names it) and its Italian, in the order of [`AltraLettura::parti`].
pub const MODELLI: &[(&str, &str)] = &[
    (
        "lettura.altra_data",
        "Con le risposte date vale anche un'altra regola ({regola}): {data}. Indichiamo la data più vicina, la più \
         prudente.",
    ),
    (
        "lettura.altra",
        "Con le risposte date vale anche un'altra regola ({regola}). Indichiamo la data più vicina, la più prudente.",
    ),
];

/// The rule whose date was not kept because an earlier one applies too.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AltraLettura {
    /// That rule in words (in the rules' language).
    pub regola: String,
    /// Its last day, when the answers give one.
    pub data: Option<NaiveDate>,
}

impl Frase for AltraLettura {
    const MODELLI: &'static [(&'static str, &'static str)] = MODELLI;

    fn parti(&self) -> (usize, Vec<(&'static str, Valore)>) {
        let regola = ("regola", Valore::Testo(self.regola.clone()));
        match self.data {
            Some(d) => (0, vec![regola, ("data", Valore::DataEstesa(d))]),
            None => (1, vec![regola]),
        }
    }
}

/// What is said under a deadline: the rule's note, then the readings not kept. Serialised as one Italian text
/// (`nota` in the advice), absent when empty.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Nota {
    /// The rule's own note (where the sources leave a point open).
    pub regola: Option<String>,
    /// The other rules that apply, their dates not kept.
    pub altre: Vec<AltraLettura>,
}

impl Nota {
    /// A rule's note, alone.
    pub fn della_regola(nota: Option<&str>) -> Self {
        Nota { regola: nota.map(String::from), altre: Vec::new() }
    }

    /// Whether there is nothing to say.
    pub fn vuota(&self) -> bool {
        self.regola.is_none() && self.altre.is_empty()
    }

    /// The engine's Italian: the rule's note, then each other reading.
    pub fn italiano(&self) -> Option<String> {
        let parti: Vec<String> = self.regola.iter().cloned().chain(self.altre.iter().map(Frase::messaggio)).collect();
        (!parti.is_empty()).then(|| parti.join(" "))
    }
}

impl Serialize for Nota {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.italiano().unwrap_or_default())
    }
}

#[cfg(test)]
mod test {
    use super::*;

    #[test]
    fn the_italian_says_the_rule_note_then_the_other_reading_with_its_date() {
        let altra =
            AltraLettura { regola: "60 giorni dalla comunicazione".into(), data: NaiveDate::from_ymd_opt(2027, 2, 1) };
        let nota = Nota { regola: Some("Le fonti non concordano.".into()), altre: vec![altra] };
        assert_eq!(
            nota.italiano().as_deref(),
            Some(
                "Le fonti non concordano. Con le risposte date vale anche un'altra regola (60 giorni dalla \
                 comunicazione): lunedì 1 febbraio 2027. Indichiamo la data più vicina, la più prudente."
            )
        );
        #[cfg(feature = "json")]
        assert_eq!(serde_json::to_value(&nota).unwrap(), serde_json::Value::String(nota.italiano().unwrap()));
    }

    #[test]
    fn without_a_date_the_other_rule_is_named_alone_and_an_empty_note_is_empty() {
        let nota = Nota { regola: None, altre: vec![AltraLettura { regola: "entro 30 giorni".into(), data: None }] };
        assert_eq!(
            nota.italiano().as_deref(),
            Some(
                "Con le risposte date vale anche un'altra regola (entro 30 giorni). Indichiamo la data più vicina, \
                 la più prudente."
            )
        );
        assert!(Nota::default().vuota() && Nota::default().italiano().is_none());
        assert!(!Nota::della_regola(Some("x")).vuota());
    }
}
