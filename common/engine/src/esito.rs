//! The outcome: which deadline answers the person's goal (`scadenza_principale`), whether it has passed, and which
//! rule of `canali.yaml` applies (first match, in force on the day of the request; its `scaduto` case when the
//! goal's deadline has passed). Also the facts a warning may name in `se_fatto`, each name beside its code.

use crate::condizione::Voci;
use crate::modello::{Esito, EsitoScaduto, Regole, TipoScadenza};
use crate::risposte::{con_predefiniti, Risposte};
use crate::scadenza::Scadenza;
use chrono::NaiveDate;

/// The deadline that answers the goal: the first of the outcome's own preferred ids (else the goal's) the case has,
/// else the earliest deadline to meet (the first one listed when there are no dates). A deadline counted from a
/// missed one (`dopo_scadenza`) never answers the goal: the missed one does.
pub fn principale<'a>(regole: &Regole, e: &Esito, voci: &Voci, scadenze: &'a [Scadenza]) -> Option<&'a Scadenza> {
    let derivata = |s: &Scadenza| regole.termini.iter().any(|t| t.id == s.id && t.dopo_scadenza.is_some());
    let termini = || scadenze.iter().filter(|s| s.tipo == TipoScadenza::Termine && !derivata(s));
    let obiettivo = voci.get("obiettivo").map(String::as_str).unwrap_or_default();
    let del_goal = regole.principali.iter().filter(|p| p.obiettivi.iter().any(|o| o == obiettivo));
    let preferite: Vec<&String> = match &e.principali {
        Some(proprie) => proprie.iter().collect(),
        None => del_goal.flat_map(|p| p.scadenze.iter()).collect(),
    };
    preferite.into_iter().find_map(|id| termini().find(|s| s.id == *id)).or_else(|| termini().min_by_key(|s| s.data))
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
    /// For a case that applies only `finche` a later deadline has not passed (days of grace): that deadline.
    pub tolleranza: Option<&'a str>,
}

impl<'a> Scelto<'a> {
    /// The rule's case: in time; or, when `scaduto`, the first of its cases for a passed deadline that applies to
    /// these deadlines (a case with `finche` only while that deadline is there and has not passed).
    pub fn di(e: &'a Esito, scaduto: bool, scadenze: &[Scadenza]) -> Scelto<'a> {
        let aperta = |id: &str| scadenze.iter().any(|s| s.id == id && s.scaduta == Some(false));
        let caso = e.scaduto.iter().filter(|_| scaduto).find(|s| s.finche.as_deref().is_none_or(aperta));
        match caso {
            Some(s) => Scelto::caso(e, s),
            None => Scelto { id: &e.id, canali: &e.canali, passi: &e.passi, pagine: &e.pagine, tolleranza: None },
        }
    }

    /// One of the rule's cases for a passed deadline.
    pub fn caso(e: &'a Esito, s: &'a EsitoScaduto) -> Scelto<'a> {
        Scelto {
            id: &s.id,
            canali: s.canali.as_deref().unwrap_or(&e.canali),
            passi: &s.passi,
            pagine: s.pagine.as_deref().unwrap_or(&e.pagine),
            tolleranza: s.finche.as_deref(),
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
    /// The date terms run from, when the answers have dates.
    pub decorrenza: Option<NaiveDate>,
}

/// A fact: its name in the rules files and the code that decides it.
pub type Fatto = (&'static str, fn(&Caso) -> bool);

/// Whether the days from `da` to `a` (both included) hold a day of August.
fn tocca_agosto(da: NaiveDate, a: NaiveDate) -> bool {
    use chrono::Datelike;
    let agosto = |anno: i32| NaiveDate::from_ymd_opt(anno, 8, 1).zip(NaiveDate::from_ymd_opt(anno, 8, 31));
    (da.year()..=a.year()).filter_map(agosto).any(|(inizio, fine)| da <= fine && inizio <= a)
}

/// Every fact a warning may name in `se_fatto` (checked by `verifica`). Only what data cannot say: facts on the
/// computed dates.
pub const FATTI: [Fatto; 3] = [
    ("termine_scaduto", |c| c.scadenze.iter().any(|s| s.tipo == TipoScadenza::Termine && s.scaduta == Some(true))),
    // The notifier's date counts for decadenza: the warning needs the date entered with the mode (never earlier
    // than the notifier's own) to be after a check's date, not only the date the notification took effect.
    ("possibile_decadenza", |c| {
        c.risposte.notifica.as_ref().is_some_and(|n| {
            c.scadenze.iter().any(|s| s.tipo == TipoScadenza::Verifica && s.data.is_some_and(|d| n.data > d))
        })
    }),
    // Whether August bears on the dates shown: some deadline runs through it. Without dates (advice in words) the
    // rule is stated, since any notification date may be concerned.
    ("agosto_nel_periodo", |c| {
        let termini = || c.scadenze.iter().filter(|s| s.tipo == TipoScadenza::Termine);
        match (c.decorrenza, termini().filter_map(|s| s.data).max()) {
            (Some(da), Some(a)) => tocca_agosto(da, a),
            _ => true,
        }
    }),
];

/// Whether the named fact holds (an unknown name never holds; `verifica` reports it).
pub fn vale(nome: &str, caso: &Caso) -> bool {
    FATTI.iter().any(|(n, f)| *n == nome && f(caso))
}
