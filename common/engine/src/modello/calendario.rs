//! `calendario.yaml`: holidays, the yearly suspensions of terms, the shift of a last day that is not a working day.

use crate::tabella::Lista;
use crate::tabella::Testo;
use chrono::Datelike;
use chrono::NaiveDate;
use serde::Deserialize;

/// `calendario.yaml` (the file is this type itself).
#[derive(Default, Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Calendario {
    /// When a person last checked this file against the law.
    pub reviewed: NaiveDate,
    /// Fixed-date national holidays.
    pub festivi: Lista<Festivo>,
    /// Easter Monday (date computed).
    pub pasquetta: Pasquetta,
    /// Summer suspensions of terms.
    pub sospensioni: Lista<Sospensione>,
    /// The Saturday/holiday shift rule.
    pub proroga: Proroga,
}

/// A fixed-date national holiday.
#[derive(Default, Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Festivo {
    /// Day of month.
    pub giorno: u32,
    /// Month (1-12).
    pub mese: u32,
    /// Name.
    pub nome: Testo,
    /// Legal source.
    pub fonte: Testo,
    /// First year in which it is a holiday.
    #[serde(default)]
    pub dal_anno: Option<i32>,
}

/// Easter Monday.
#[derive(Default, Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Pasquetta {
    /// Name.
    pub nome: Testo,
    /// Legal source.
    pub fonte: Testo,
}

/// A day of the year (day, month).
#[derive(Default, Debug, Clone, Copy, Deserialize, PartialEq, Eq, PartialOrd, Ord)]
#[serde(deny_unknown_fields)]
pub struct GiornoAnno {
    /// Month (1-12); compared first.
    pub mese: u32,
    /// Day of month.
    pub giorno: u32,
}

/// A yearly suspension window of terms.
#[derive(Default, Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Sospensione {
    /// `pagamento` or `feriale`.
    pub id: Testo,
    /// First suspended day.
    pub dal: GiornoAnno,
    /// Last suspended day.
    pub al: GiornoAnno,
    /// In words.
    pub descrizione: Testo,
    /// Legal source.
    pub fonte: Testo,
}

/// The shift of a last day that is not a working day.
#[derive(Default, Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Proroga {
    /// In words.
    pub descrizione: Testo,
    /// Legal source.
    pub fonte: Testo,
}

impl Sospensione {
    /// Whether the day falls in this yearly window.
    pub fn contiene(&self, d: NaiveDate) -> bool {
        let g = GiornoAnno { mese: d.month(), giorno: d.day() };
        self.dal <= g && g <= self.al
    }
}
