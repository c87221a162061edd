//! The outcome: which deadline answers the person's goal (`scadenza_principale`), whether it has passed, and which
//! rule of `canali.yaml` applies (first match, in force on the day of the request; its `scaduto` case when the
//! goal's deadline has passed). Also the facts a warning may name in `se_fatto`, each name beside its code.

use crate::condizione::Voci;
use crate::modello::{Esito, Regole, TipoScadenza};
use crate::risposte::{con_predefiniti, Risposte};
use crate::scadenza::Scadenza;
use chrono::NaiveDate;

/// The deadline that answers the goal: the first of the goal's preferred ids the case has, else the earliest
/// deadline to meet (the first one listed when there are no dates).
pub fn principale<'a>(regole: &Regole, voci: &Voci, scadenze: &'a [Scadenza]) -> Option<&'a Scadenza> {
    let termini = || scadenze.iter().filter(|s| s.tipo == TipoScadenza::Termine);
    let obiettivo = voci.get("obiettivo").map(String::as_str).unwrap_or_default();
    let preferite = regole.principali.iter().filter(|p| p.obiettivi.iter().any(|o| o == obiettivo));
    preferite
        .flat_map(|p| p.scadenze.iter())
        .find_map(|id| termini().find(|s| s.id == *id))
        .or_else(|| termini().min_by_key(|s| s.data))
}

/// The outcome rule for the answers on day `oggi` (first match among the rules in force), and whether its case is
/// the one for a passed deadline.
pub fn esito<'a>(regole: &'a Regole, voci: &Voci, oggi: NaiveDate) -> Option<&'a Esito> {
    let v = con_predefiniti(regole, voci);
    regole.esiti.iter().find(|e| e.in_vigore_dal.is_none_or(|d| oggi >= d) && e.quando.vale(&v))
}

/// An outcome as the advice gives it: its id, channels, steps and pages, in time or after the deadline.
pub struct Scelto<'a> {
    /// Outcome id.
    pub id: &'a str,
    /// Channel ids, recommended first.
    pub canali: &'a [String],
    /// The steps.
    pub passi: &'a [String],
    /// Pages to read.
    pub pagine: &'a [String],
}

impl<'a> Scelto<'a> {
    /// The rule's case: the one for a passed deadline when `scaduto` and the rule has one.
    pub fn di(e: &'a Esito, scaduto: bool) -> Scelto<'a> {
        match e.scaduto.as_ref().filter(|_| scaduto) {
            Some(s) => Scelto {
                id: &s.id,
                canali: s.canali.as_deref().unwrap_or(&e.canali),
                passi: &s.passi,
                pagine: s.pagine.as_deref().unwrap_or(&e.pagine),
            },
            None => Scelto { id: &e.id, canali: &e.canali, passi: &e.passi, pagine: &e.pagine },
        }
    }
}

/// What the facts look at: the answers, the channels offered and the deadlines computed.
pub struct Caso<'a> {
    /// The rules.
    pub regole: &'a Regole,
    /// The checked answers.
    pub risposte: &'a Risposte,
    /// Ids of the channels offered.
    pub canali: &'a [&'a str],
    /// The deadlines of the case.
    pub scadenze: &'a [Scadenza],
}

/// A fact: its name in the rules files and the code that decides it.
pub type Fatto = (&'static str, fn(&Caso) -> bool);

/// Every fact a warning may name in `se_fatto` (checked by `verifica`). Only what data cannot say: facts on the
/// computed dates.
pub const FATTI: [Fatto; 2] = [
    ("termine_scaduto", |c| c.scadenze.iter().any(|s| s.tipo == TipoScadenza::Termine && s.scaduta == Some(true))),
    // The notifier's date counts for decadenza: the warning needs the date entered with the mode (never earlier
    // than the notifier's own) to be after a check's date, not only the date the notification took effect.
    ("possibile_decadenza", |c| {
        c.risposte.notifica.as_ref().is_some_and(|n| {
            c.scadenze.iter().any(|s| s.tipo == TipoScadenza::Verifica && s.data.is_some_and(|d| n.data > d))
        })
    }),
];

/// Whether the named fact holds (an unknown name never holds; `verifica` reports it).
pub fn vale(nome: &str, caso: &Caso) -> bool {
    FATTI.iter().any(|(n, f)| *n == nome && f(caso))
}
