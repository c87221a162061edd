//! The rule model: every type of `content/wizard/*.yaml`, as serde reads it (unknown keys rejected). No
//! behaviour beyond small questions a rule answers about itself; loading and cross-checks are in `regole`.

use crate::condizione::{Quando, Voci};
use crate::tabella::{Lista, Testo};
use chrono::{Datelike, NaiveDate};
use serde::Deserialize;

/// All the rules of the engine.
#[derive(Debug, Clone)]
pub struct Regole {
    /// Holidays, summer suspensions and the shift rule.
    pub calendario: Calendario,
    /// When a notification counts as done, by mode.
    pub notifica: Lista<ModoNotifica>,
    /// Deadline rules counted in days.
    pub termini: Lista<Termine>,
    /// Decadenza rules for cartelle.
    pub decadenze: Lista<Decadenza>,
    /// Reduced sanctions shown for avvisi.
    pub sanzioni: Lista<Sanzione>,
    /// Channels.
    pub canali: Lista<Canale>,
    /// Warnings.
    pub avvisi: Lista<Avviso>,
    /// Outcome rules, first match wins.
    pub esiti: Lista<Esito>,
    /// The wizard's questions, in order.
    pub domande: Lista<Domanda>,
    /// Pre-filled links for help desks (choices only), shown on the wizard's start page.
    pub collegamenti: Lista<CollegamentoPrecompilato>,
    /// Extensions of the decadenza terms, by origin and year of filing.
    pub proroghe: Lista<ProrogaDecadenza>,
    /// The source files `(path, text)`, for positions in diagnostics.
    pub sorgenti: Lista<(Testo, Testo)>,
    /// When a person last checked each rules file against the law: `(path, date)`.
    pub revisioni: Lista<(Testo, NaiveDate)>,
}

impl Regole {
    /// The rules from the five files, as read. `percorsi` are their paths in that order (each file's `reviewed`
    /// date is recorded under it); `sorgenti` their `(path, text)` pairs, for positions in diagnostics.
    pub fn da_file(
        calendario: Calendario,
        notifica: FileNotifica,
        scadenze: FileScadenze,
        canali: FileCanali,
        domande: FileDomande,
        percorsi: [String; 5],
        sorgenti: Vec<(String, String)>,
    ) -> Regole {
        let revisioni = [calendario.reviewed, notifica.reviewed, scadenze.reviewed, canali.reviewed, domande.reviewed];
        Regole {
            calendario,
            notifica: notifica.modi,
            termini: scadenze.termini,
            decadenze: scadenze.decadenze,
            sanzioni: scadenze.sanzioni,
            canali: canali.canali,
            avvisi: canali.avvisi,
            esiti: canali.esiti,
            domande: domande.domande,
            collegamenti: domande.collegamenti_precompilati,
            proroghe: scadenze.proroghe,
            sorgenti: sorgenti.into_iter().map(|(p, t)| (p.into(), t.into())).collect(),
            revisioni: percorsi.into_iter().map(Testo::from).zip(revisioni).collect(),
        }
    }
}

/// A date in a constant (the browser's static rules); the build checked it exists.
pub const fn data(anno: i32, mese: u32, giorno: u32) -> NaiveDate {
    match NaiveDate::from_ymd_opt(anno, mese, giorno) {
        Some(d) => d,
        None => panic!("a date of the rules that does not exist"),
    }
}

/// `calendario.yaml` (the file is this type itself).
#[derive(Debug, Clone, Deserialize)]
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
#[derive(Debug, Clone, Deserialize)]
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
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Pasquetta {
    /// Name.
    pub nome: Testo,
    /// Legal source.
    pub fonte: Testo,
}

/// A day of the year (day, month).
#[derive(Debug, Clone, Copy, Deserialize, PartialEq, Eq, PartialOrd, Ord)]
#[serde(deny_unknown_fields)]
pub struct GiornoAnno {
    /// Month (1-12); compared first.
    pub mese: u32,
    /// Day of month.
    pub giorno: u32,
}

/// A yearly suspension window of terms.
#[derive(Debug, Clone, Deserialize)]
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
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Proroga {
    /// In words.
    pub descrizione: Testo,
    /// Legal source.
    pub fonte: Testo,
}

/// A notification mode and when it counts as done.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ModoNotifica {
    /// Contract value of `notifica.modo`.
    pub valore: Testo,
    /// The acts that can arrive this way; any other pairing is bad input.
    pub atti: Lista<Testo>,
    /// Which date the person enters.
    pub data_inserita: Testo,
    /// Days added to that date.
    pub giorni: u32,
    /// Whether an earlier collection date wins.
    pub ritiro_anticipa: bool,
    /// The rule in words.
    pub regola: Testo,
    /// Legal source.
    pub fonte: Testo,
    /// Where the sources leave a point open.
    #[serde(default)]
    pub nota: Option<Testo>,
    /// A different count for some acts (first match wins).
    #[serde(default)]
    pub varianti: Lista<VarianteNotifica>,
}

/// The count of a notification mode for some acts only (e.g. irreperibilità assoluta for a cartella).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VarianteNotifica {
    /// The acts it applies to.
    pub atti: Lista<Testo>,
    /// Days added to the date entered.
    pub giorni: u32,
    /// The rule in words.
    pub regola: Testo,
    /// Legal source.
    pub fonte: Testo,
    /// The other reading, where the sources disagree.
    #[serde(default)]
    pub nota: Option<Testo>,
}

/// What a dated rule is for the person.
#[derive(Debug, Clone, Copy, Deserialize, serde::Serialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum TipoScadenza {
    /// Something the person must do by that day (pay, appeal, ask): shown with the days left.
    Termine,
    /// A check on the act (decadenza): stated as a fact about the act, never with a countdown.
    Verifica,
}

/// A deadline counted in days.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Termine {
    /// Contract deadline id.
    pub id: Testo,
    /// Deadline or check.
    pub tipo: TipoScadenza,
    /// Title shown to the person.
    pub titolo: Testo,
    /// Acts it applies to.
    pub atti: Lista<Testo>,
    /// For cartelle: origins it applies to (all when absent).
    #[serde(default)]
    pub origini: Option<Lista<Testo>>,
    /// Days.
    pub giorni: u32,
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
    /// Legal source.
    pub fonte: Testo,
    /// Where the sources leave a point open.
    #[serde(default)]
    pub nota: Option<Testo>,
}

fn vero() -> bool {
    true
}

/// The decadenza term for notifying a cartella.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Decadenza {
    /// Contract deadline id.
    pub id: Testo,
    /// Deadline or check (a decadenza is a check on the act).
    pub tipo: TipoScadenza,
    /// Title.
    pub titolo: Testo,
    /// Acts it applies to.
    pub atti: Lista<Testo>,
    /// Origins of the act it applies to.
    pub origini: Lista<Testo>,
    /// 31 December of the year of filing plus `anni`.
    pub anni: i32,
    /// The rule in words.
    pub regola: Testo,
    /// Legal source.
    pub fonte: Testo,
    /// The cases the engine does not compute, in words.
    #[serde(default)]
    pub nota: Option<Testo>,
}

/// An extension of the decadenza term by law, for returns filed in given years.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProrogaDecadenza {
    /// Origins of the cartella it applies to.
    pub origini: Lista<Testo>,
    /// Years of filing it applies to.
    pub presentate_nel: Lista<i32>,
    /// Months added to the term (the result is the last day of the month).
    pub mesi: u32,
    /// Legal source.
    pub fonte: Testo,
}

/// The reduced sanction for paying an avviso in time.
#[derive(Debug, Clone, Deserialize, serde::Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Sanzione {
    /// Acts it applies to.
    #[serde(skip_serializing)]
    pub atti: Lista<Testo>,
    /// The reduction and the rates, in words.
    pub testo: Testo,
    /// Legal source.
    pub fonte: Testo,
}

/// A channel.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Canale {
    /// Contract channel id.
    pub id: Testo,
    /// Title.
    pub titolo: Testo,
    /// Guidance page (output path).
    pub pagina: Testo,
    /// Legal or documentary source.
    pub fonte: Testo,
    /// First day the channel exists.
    #[serde(default)]
    pub in_vigore_dal: Option<NaiveDate>,
}

/// A warning and when it applies.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Avviso {
    /// Contract warning id.
    pub id: Testo,
    /// Text shown.
    pub testo: Testo,
    /// Applies when one of these channels is offered.
    #[serde(default)]
    pub se_canale: Lista<Testo>,
    /// Applies when this computed fact holds.
    #[serde(default)]
    pub se_fatto: Option<Testo>,
}

/// An outcome rule.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Esito {
    /// Rule id.
    pub id: Testo,
    /// When it applies.
    pub quando: Quando,
    /// Channels, recommended first.
    pub canali: Lista<Testo>,
    /// The procedure, step by step.
    pub passi: Lista<Testo>,
    /// Pages to read.
    pub pagine: Lista<Testo>,
}

/// A pre-filled link for help desks: a state of the wizard made of choices only (no personal data).
#[derive(Debug, Clone, Deserialize, serde::Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct CollegamentoPrecompilato {
    /// What the link is for, in Italian.
    pub descrizione: Testo,
    /// The answers, as a URL fragment without `#`.
    pub frammento: Testo,
}

/// A question of the wizard.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Domanda {
    /// Stable id (used in links and anchors).
    pub id: Testo,
    /// The answer key it fills (`notifica.data`).
    pub chiave: Testo,
    /// Kind of answer.
    pub tipo: TipoDomanda,
    /// The question, in Italian.
    pub etichetta: Testo,
    /// Help text under the question.
    pub aiuto: Testo,
    /// Guidance page that explains it (output path).
    #[serde(default)]
    pub pagina: Option<Testo>,
    /// Allowed answers of a choice question.
    #[serde(default)]
    pub opzioni: Lista<Opzione>,
    /// Whether the person may skip it.
    #[serde(default)]
    pub facoltativa: bool,
    /// When it is asked (always when absent).
    #[serde(default)]
    pub quando: Option<Quando>,
    /// When set, an answer given while `quando` does not hold is bad input, with this message.
    #[serde(default)]
    pub fuori_caso: Option<Testo>,
    /// For a year: the earliest one accepted.
    #[serde(default)]
    pub anno_minimo: Option<i32>,
    /// The answer changes only the computed dates (or nothing): the advice in words does not need it.
    #[serde(default)]
    pub non_cambia_esito: bool,
}

/// Kind of answer.
#[derive(Debug, Clone, Copy, Deserialize, serde::Serialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum TipoDomanda {
    /// One of the `opzioni`.
    Scelta,
    /// A date (`YYYY-MM-DD`).
    Data,
    /// A year.
    Anno,
    /// An amount in euro.
    Importo,
}

/// An allowed answer.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Opzione {
    /// The value stored in the answers.
    pub valore: Testo,
    /// Label shown.
    pub etichetta: Testo,
    /// Help text for this answer.
    #[serde(default)]
    pub aiuto: Option<Testo>,
}

impl Domanda {
    /// Allowed answers (empty for non-choice questions).
    pub fn opzioni(&self) -> &[Opzione] {
        &self.opzioni
    }

    /// Whether the question is asked given the answers so far.
    pub fn si_applica(&self, voci: &Voci) -> bool {
        self.quando.as_ref().is_none_or(|q| q.vale(voci))
    }
}

impl Sospensione {
    /// Whether the day falls in this yearly window.
    pub fn contiene(&self, d: NaiveDate) -> bool {
        let g = GiornoAnno { mese: d.month(), giorno: d.day() };
        self.dal <= g && g <= self.al
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
/// `notifica.yaml`.
pub struct FileNotifica {
    /// When a person last checked the file against the law.
    pub reviewed: NaiveDate,
    /// The notification modes.
    pub modi: Lista<ModoNotifica>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
/// `scadenze.yaml`.
pub struct FileScadenze {
    /// When a person last checked the file against the law.
    pub reviewed: NaiveDate,
    /// Deadline rules counted in days.
    pub termini: Lista<Termine>,
    /// Decadenza rules.
    pub decadenze: Lista<Decadenza>,
    /// Extensions of the decadenza terms.
    pub proroghe: Lista<ProrogaDecadenza>,
    /// Reduced sanctions.
    pub sanzioni: Lista<Sanzione>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
/// `canali.yaml`.
pub struct FileCanali {
    /// When a person last checked the file against the law.
    pub reviewed: NaiveDate,
    /// Channels.
    pub canali: Lista<Canale>,
    /// Warnings.
    pub avvisi: Lista<Avviso>,
    /// Outcome rules, first match wins.
    pub esiti: Lista<Esito>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
/// `domande.yaml`.
pub struct FileDomande {
    /// When a person last checked the file against the law.
    pub reviewed: NaiveDate,
    /// Pre-filled links for help desks.
    pub collegamenti_precompilati: Lista<CollegamentoPrecompilato>,
    /// The questions, in order.
    pub domande: Lista<Domanda>,
}
