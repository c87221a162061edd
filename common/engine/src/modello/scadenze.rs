//! Deadlines (`scadenze.yaml`): terms counted in days, the decadenza of a cartella, reduced sanctions.

use super::fonti::FonteRiformulata;
use crate::condizione::Quando;
use crate::tabella::Lista;
use crate::tabella::Testo;
use chrono::NaiveDate;
use serde::Deserialize;

/// What a dated rule is for the person.
#[derive(Default, Debug, Clone, Copy, Deserialize, serde::Serialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum TipoScadenza {
    /// Something the person must do by that day (pay, appeal, ask): shown with the days left.
    #[default]
    Termine,
    /// A check on the act (decadenza): stated as a fact about the act, never with a countdown.
    Verifica,
}

/// A deadline counted in days.
#[derive(Default, Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Termine {
    /// Contract deadline id.
    pub id: Testo,
    /// Deadline or check.
    pub tipo: TipoScadenza,
    /// Title shown to the person.
    pub titolo: Testo,
    /// What to do by that day, in the imperative, for the answer that leads the result ("Presenta ricorso").
    #[serde(default)]
    pub azione: Option<Testo>,
    /// The channels through which the action is done (`ricorso`, `f24`, `ader`, a judge), the usual one first; the
    /// advice names the first one its outcome offers (a payment's `f24`, or `civis` for the clarifications of a
    /// person who asks for a correction), else the first. One id or a list.
    #[serde(deserialize_with = "super::uno_o_piu")]
    pub canale: Lista<Testo>,
    /// Acts it applies to.
    pub atti: Lista<Testo>,
    /// For cartelle: origins it applies to (all when absent).
    #[serde(default)]
    pub origini: Option<Lista<Testo>>,
    /// Applies only when the answers match this condition.
    #[serde(default)]
    pub quando: Option<Quando>,
    /// Days.
    pub giorni: u32,
    /// Days that pass before the count starts, not suspended (the old avviso telematico: 30 days from the 60th).
    #[serde(default)]
    pub decorre_dopo: u32,
    /// Counts from the last day of this other deadline (after its own shift) instead of the notification, and applies
    /// only once that deadline has passed: the days of grace after a missed payment (lieve inadempimento).
    #[serde(default)]
    pub dopo_scadenza: Option<Testo>,
    /// Suspension skipped: `pagamento`, `feriale` or `nessuna`.
    pub sospensione: Testo,
    /// Whether a last day on Saturday/holiday moves on (default true).
    #[serde(default = "vero")]
    pub slitta: bool,
    /// Applies to acts elaborated from this date.
    #[serde(default)]
    pub elaborate_dal: Option<NaiveDate>,
    /// Applies to acts elaborated up to this date.
    #[serde(default)]
    pub elaborate_al: Option<NaiveDate>,
    /// Applies to acts notified from this date.
    #[serde(default)]
    pub in_vigore_dal: Option<NaiveDate>,
    /// Applies to acts notified up to this date.
    #[serde(default)]
    pub in_vigore_al: Option<NaiveDate>,
    /// Does not apply when the answers match this condition.
    #[serde(default)]
    pub salvo: Option<Quando>,
    /// An answer key (a date) from which the same term runs again when it is given.
    #[serde(default)]
    pub nuovo_termine_da: Option<Testo>,
    /// The rule in words.
    pub regola: Testo,
    /// Legal source, for citizens.
    pub fonte: Testo,
    /// The source as a testo unico restates it, in its two dated forms: computed when the rules are loaded, from
    /// the concordance of `fonti.yaml`.
    #[serde(skip)]
    pub fonte_riformulata: Option<FonteRiformulata>,
    /// Where the project checked it (maintainers only).
    #[serde(default)]
    pub riscontro: Option<Testo>,
    /// Where the sources leave a point open.
    #[serde(default)]
    pub nota: Option<Testo>,
}

fn vero() -> bool {
    true
}

/// The decadenza term for notifying a cartella.
#[derive(Default, Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Decadenza {
    /// Contract deadline id.
    pub id: Testo,
    /// Deadline or check (a decadenza is a check on the act).
    pub tipo: TipoScadenza,
    /// Title.
    pub titolo: Testo,
    /// The channel through which a late notification is raised (the ricorso).
    pub canale: Testo,
    /// Acts it applies to.
    pub atti: Lista<Testo>,
    /// Origins of the act it applies to.
    pub origini: Lista<Testo>,
    /// 31 December of the year of filing plus `anni`.
    pub anni: i32,
    /// The rule in words.
    pub regola: Testo,
    /// Legal source, for citizens.
    pub fonte: Testo,
    /// The source as a testo unico restates it, in its two dated forms: computed when the rules are loaded, from
    /// the concordance of `fonti.yaml`.
    #[serde(skip)]
    pub fonte_riformulata: Option<FonteRiformulata>,
    /// Where the project checked it (maintainers only).
    #[serde(default)]
    pub riscontro: Option<Testo>,
    /// The cases the engine does not compute, in words.
    #[serde(default)]
    pub nota: Option<Testo>,
}

/// An extension of the decadenza term by law, for returns filed in given years.
#[derive(Default, Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProrogaDecadenza {
    /// Origins of the cartella it applies to.
    pub origini: Lista<Testo>,
    /// Years of filing it applies to.
    pub presentate_nel: Lista<i32>,
    /// Months added to the term (the result is the last day of the month).
    pub mesi: u32,
    /// Legal source, for citizens.
    pub fonte: Testo,
    /// Where the project checked it (maintainers only).
    #[serde(default)]
    pub riscontro: Option<Testo>,
    /// Where the sources disagree on the extension.
    #[serde(default)]
    pub nota: Option<Testo>,
}

/// The reduced sanction for paying an avviso in time.
#[derive(Default, Debug, Clone, Deserialize, serde::Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Sanzione {
    /// Acts it applies to.
    #[serde(skip_serializing)]
    pub atti: Lista<Testo>,
    /// The reduction and the rates, in words.
    pub testo: Testo,
    /// Legal source, for citizens.
    pub fonte: Testo,
    /// Where the project checked it (maintainers only).
    #[serde(default, skip_serializing)]
    pub riscontro: Option<Testo>,
}
