//! The rule model: every type of `content/wizard/*.yaml`, as serde reads it (unknown keys rejected). No
//! behaviour beyond small questions a rule answers about itself; loading and cross-checks are in `regole`.
//!
//! Two kinds of source live side by side: `fonte` is for citizens (a norm or a public document by its name), and
//! `riscontro` is for maintainers (where in the project's seed documents the rule was checked: `doc. 004 l. 1636`);
//! only `fonte` is ever shown.

use crate::condizione::{Quando, Voci};
use crate::tabella::{Lista, Testo};
use chrono::{Datelike, NaiveDate};
pub use civis_core::civis::{Richiesta, Riferimento};
use serde::Deserialize;

/// All the rules of the engine.
#[derive(Default, Debug, Clone)]
pub struct Regole {
    /// Holidays, summer suspensions and the shift rule.
    pub calendario: Calendario,
    /// The acts, each declared once.
    pub atti: Lista<Atto>,
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
    /// Which deadline answers each goal.
    pub principali: Lista<Principale>,
    /// Outcome rules, first match wins.
    pub esiti: Lista<Esito>,
    /// The wizard's questions, in order.
    pub domande: Lista<Domanda>,
    /// Pre-filled links for help desks (choices only), shown on the wizard's start page.
    pub collegamenti: Lista<CollegamentoPrecompilato>,
    /// Extensions of the decadenza terms, by origin and year of filing.
    pub proroghe: Lista<ProrogaDecadenza>,
    /// Norms and public documents a citizen can read, by the name the sources use.
    pub fonti: Lista<FontePubblica>,
    /// Court decisions the pages and rules cite, with what a person needs to find them.
    pub sentenze: Lista<Sentenza>,
    /// The testi unici and the articles they restate, from the day they apply.
    pub testi_unici: Lista<TestoUnico>,
    /// The source files `(path, text)`, for positions in diagnostics (empty in the browser).
    pub sorgenti: Lista<(Testo, Testo)>,
    /// When a person last checked each rules file against the law: `(path, date)`.
    pub revisioni: Lista<(Testo, NaiveDate)>,
}

impl Regole {
    /// The allowed values of a choice key, from the options of the questions that ask for it.
    pub fn valori(&self, chiave: &str) -> Vec<&str> {
        self.domande.iter().filter(|d| d.chiave == chiave).flat_map(|d| d.opzioni()).map(|o| &*o.valore).collect()
    }

    /// The question that asks for `chiave` (the first one, when several ask it in different cases).
    pub fn domanda(&self, chiave: &str) -> Option<&Domanda> {
        self.domande.iter().find(|d| d.chiave == chiave)
    }

    /// The act with this id.
    pub fn atto(&self, id: &str) -> Option<&Atto> {
        self.atti.iter().find(|a| a.id == id)
    }
}

/// The rules files as read, one value per file.
pub struct File {
    /// `calendario.yaml`.
    pub calendario: Calendario,
    /// `atti.yaml`.
    pub atti: FileAtti,
    /// `notifica.yaml`.
    pub notifica: FileNotifica,
    /// `scadenze.yaml`.
    pub scadenze: FileScadenze,
    /// `canali.yaml`.
    pub canali: FileCanali,
    /// `domande.yaml`.
    pub domande: FileDomande,
    /// `fonti.yaml`.
    pub fonti: FileFonti,
}

impl Regole {
    /// The rules from the files, as read. `percorsi` are their paths in the order of [`File`]'s fields (each
    /// file's `reviewed` date is recorded under it); `sorgenti` their `(path, text)` pairs, for positions in
    /// diagnostics.
    pub fn da_file(f: File, percorsi: [String; 7], sorgenti: Vec<(String, String)>) -> Regole {
        let date = [
            f.calendario.reviewed,
            f.atti.reviewed,
            f.notifica.reviewed,
            f.scadenze.reviewed,
            f.canali.reviewed,
            f.domande.reviewed,
            f.fonti.reviewed,
        ];
        Regole {
            calendario: f.calendario,
            atti: f.atti.atti,
            notifica: f.notifica.modi,
            termini: f.scadenze.termini,
            decadenze: f.scadenze.decadenze,
            sanzioni: f.scadenze.sanzioni,
            canali: f.canali.canali,
            avvisi: f.canali.avvisi,
            principali: f.canali.principali,
            esiti: f.canali.esiti,
            domande: f.domande.domande,
            collegamenti: f.domande.collegamenti_precompilati,
            proroghe: f.scadenze.proroghe,
            fonti: f.fonti.fonti,
            sentenze: f.fonti.sentenze,
            testi_unici: f.fonti.testi_unici,
            sorgenti,
            revisioni: percorsi.into_iter().zip(date).collect(),
        }
    }
}

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

/// An act the wizard and `advise` know: declared once, so that the question's options, the schema and the request
/// tool come from here, and the other files name it by id or by one of its groups (`@riscossione`).
#[derive(Default, Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Atto {
    /// Contract value of `atto`.
    pub id: Testo,
    /// The option's label in the wizard.
    pub etichetta: Testo,
    /// Help for the option.
    #[serde(default)]
    pub aiuto: Option<Testo>,
    /// The groups it belongs to; conditions and lists name a group as `@group`.
    #[serde(default)]
    pub gruppi: Lista<Testo>,
    /// How CIVIS finds the act (`comunicazione`: its 13-digit number; `cartella`: codice atto, identificativo or
    /// partita di ruolo), for the request tool; none for acts CIVIS does not handle.
    #[serde(default)]
    pub identificativo: Option<Riferimento>,
}

/// A notification mode and when it counts as done.
#[derive(Default, Debug, Clone, Deserialize)]
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
    /// A different count for some acts (first match wins).
    #[serde(default)]
    pub varianti: Lista<VarianteNotifica>,
}

/// The count of a notification mode for some acts only (e.g. irreperibilità assoluta for a cartella).
#[derive(Default, Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VarianteNotifica {
    /// The acts it applies to.
    pub atti: Lista<Testo>,
    /// Days added to the date entered.
    pub giorni: u32,
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
    /// The other reading, where the sources disagree.
    #[serde(default)]
    pub nota: Option<Testo>,
}

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
    #[serde(deserialize_with = "uno_o_piu")]
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

/// A service of the administration, linked (never loaded) from the site: a person follows it by clicking.
#[derive(Default, Debug, Clone, Deserialize, serde::Serialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Servizio {
    /// The link's text.
    pub testo: Testo,
    /// Its address (`https:` only, checked at load).
    pub url: Testo,
}

/// A channel.
#[derive(Default, Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Canale {
    /// Contract channel id.
    pub id: Testo,
    /// Title.
    pub titolo: Testo,
    /// Guidance page (output path).
    pub pagina: Testo,
    /// Legal or documentary source, for citizens.
    pub fonte: Testo,
    /// Where the project checked it (maintainers only).
    #[serde(default)]
    pub riscontro: Option<Testo>,
    /// First day the channel exists.
    #[serde(default)]
    pub in_vigore_dal: Option<NaiveDate>,
    /// For a CIVIS request: `prima` or `seconda`, which the request tool's checks depend on.
    #[serde(default)]
    pub richiesta: Option<Richiesta>,
    /// The official service the channel is reached through.
    #[serde(default)]
    pub servizio: Option<Servizio>,
    /// What a person must know before choosing it instead of another ("non sospende i termini"), shown beside it.
    #[serde(default)]
    pub avvertenza: Option<Testo>,
    /// The channel exists only within its deadlines (a ricorso, an opposition with a term): once every deadline
    /// the case has through it has passed, the advice no longer offers it.
    #[serde(default)]
    pub solo_nei_termini: bool,
}

/// A warning and when it applies: every condition given must hold (none given: never).
#[derive(Default, Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Avviso {
    /// Contract warning id.
    pub id: Testo,
    /// Text shown. `{titolo}` and `{data}` stand for the deadline a `termine_scaduto` warning names.
    pub testo: Testo,
    /// Applies when one of these channels is offered.
    #[serde(default)]
    pub se_canale: Lista<Testo>,
    /// Applies when this computed fact holds.
    #[serde(default)]
    pub se_fatto: Option<Testo>,
    /// Applies when the answers match.
    #[serde(default)]
    pub quando: Option<Quando>,
    /// Does not apply when the answers match (a fine's prescription is not bound by the tax section's rule).
    #[serde(default)]
    pub salvo: Option<Quando>,
    /// Applies only when this answer is given.
    #[serde(default)]
    pub con: Option<Testo>,
    /// Applies only when this answer is not given.
    #[serde(default)]
    pub senza: Option<Testo>,
    /// Applies only when this channel is not offered.
    #[serde(default)]
    pub senza_canale: Option<Testo>,
}

/// Which deadline answers a goal: the first of `scadenze` the case has (else the earliest deadline to meet).
#[derive(Default, Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Principale {
    /// The goals (`obiettivo`).
    pub obiettivi: Lista<Testo>,
    /// Deadline ids, preferred first.
    pub scadenze: Lista<Testo>,
}

/// What the outcome becomes when the deadline that answers the goal has passed: a case of its own.
#[derive(Default, Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EsitoScaduto {
    /// Outcome id.
    pub id: Testo,
    /// The case applies only while this deadline of the case has not passed (the days of grace after a missed
    /// payment); without it, whenever the goal's deadline has passed. The first case that applies wins.
    #[serde(default)]
    pub finche: Option<Testo>,
    /// Channels, recommended first (the outcome's own when absent).
    #[serde(default)]
    pub canali: Option<Lista<Testo>>,
    /// What is still possible, step by step.
    pub passi: Lista<Testo>,
    /// Pages to read (the outcome's own when absent).
    #[serde(default)]
    pub pagine: Option<Lista<Testo>>,
}

/// An outcome rule.
#[derive(Default, Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Esito {
    /// Rule id.
    pub id: Testo,
    /// When it applies.
    pub quando: Quando,
    /// Applies from this day on (the day of the request, `--today`); earlier, the next matching rule.
    #[serde(default)]
    pub in_vigore_dal: Option<NaiveDate>,
    /// Channels, recommended first.
    pub canali: Lista<Testo>,
    /// The deadline ids that answer this outcome's goal, preferred first, instead of `principali` by goal: where
    /// the judge decides the term (a fine's opposition before the giudice di pace, not the Tribunale's 20 days).
    #[serde(default)]
    pub principali: Option<Lista<Testo>>,
    /// The procedure, step by step.
    pub passi: Lista<Testo>,
    /// Pages to read.
    pub pagine: Lista<Testo>,
    /// The outcomes when the goal's deadline has passed, in order (one case, or a list whose first cases apply
    /// only `finche` a later deadline has not passed).
    #[serde(default, deserialize_with = "uno_o_piu")]
    pub scaduto: Lista<EsitoScaduto>,
}

/// One value or a list of values, as a list: `scaduto: {…}` and `scaduto: [{…}, {…}]` both read.
fn uno_o_piu<'de, D: serde::Deserializer<'de>, T: Deserialize<'de>>(d: D) -> Result<Lista<T>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum UnoOPiu<T> {
        Piu(Lista<T>),
        Uno(T),
    }
    Ok(match UnoOPiu::deserialize(d)? {
        UnoOPiu::Piu(v) => v,
        UnoOPiu::Uno(x) => vec![x],
    })
}

/// A pre-filled link for help desks: a state of the wizard made of choices only (no personal data).
#[derive(Default, Debug, Clone, Deserialize, serde::Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct CollegamentoPrecompilato {
    /// What the link is for, in Italian.
    pub descrizione: Testo,
    /// The answers, as a URL fragment without `#`.
    pub frammento: Testo,
}

/// A question of the wizard.
#[derive(Default, Debug, Clone, Deserialize)]
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
    /// `atti`: the options are the acts of `atti.yaml`, filled in at load.
    #[serde(default)]
    pub opzioni_da: Option<Testo>,
    /// The question and its help worded for the answers given (the date question per delivery mode).
    #[serde(default)]
    pub varianti: Lista<VarianteDomanda>,
    /// Whether the person may skip it.
    #[serde(default)]
    pub facoltativa: bool,
    /// Whether the wizard offers "Non lo so, salta" (default: when the question is optional).
    #[serde(default)]
    pub non_so: Option<bool>,
    /// The answer the outcome rules assume when the question is skipped or not asked.
    #[serde(default)]
    pub predefinito: Option<Testo>,
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

/// Another wording of a question, for the answers it matches (first match wins).
#[derive(Default, Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VarianteDomanda {
    /// When it applies.
    pub quando: Quando,
    /// The question.
    pub etichetta: Testo,
    /// Its help.
    pub aiuto: Testo,
}

/// Kind of answer.
#[derive(Default, Debug, Clone, Copy, Deserialize, serde::Serialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum TipoDomanda {
    /// One of the `opzioni`.
    #[default]
    Scelta,
    /// A date (`YYYY-MM-DD`).
    Data,
    /// A year.
    Anno,
    /// An amount in euro.
    Importo,
}

/// An allowed answer.
#[derive(Default, Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Opzione {
    /// The value stored in the answers.
    pub valore: Testo,
    /// Label shown.
    pub etichetta: Testo,
    /// Help text for this answer.
    #[serde(default)]
    pub aiuto: Option<Testo>,
    /// Offered only when the answers so far match (the goal «evitare» only for the acts that announce a next step,
    /// worded for each).
    #[serde(default)]
    pub quando: Option<Quando>,
}

/// A norm or a public document, by the name the `fonte` texts use, with the address of its official text.
#[derive(Default, Debug, Clone, Deserialize, serde::Serialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct FontePubblica {
    /// How the sources name it (`DPR 602/1973`).
    pub nome: Testo,
    /// What it is, in plain Italian.
    pub titolo: Testo,
    /// The official text (`https:` only).
    pub url: Testo,
    /// The day it came into force (or, for a testo unico, the day it applies), shown beside it.
    #[serde(default)]
    pub in_vigore_dal: Option<NaiveDate>,
    /// What changed since (articles restated elsewhere, a later application date), in Italian.
    #[serde(default)]
    pub nota: Option<Testo>,
    /// What the project checked, where and how (maintainers only; never shown).
    #[serde(default, skip_serializing)]
    pub verifica: Option<Testo>,
}

/// A court decision, with what a person needs to find it in the public archive.
#[derive(Default, Debug, Clone, Deserialize, serde::Serialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Sentenza {
    /// How the pages cite it (`Cass. SU 7822/2020`).
    pub nome: Testo,
    /// Court and section (`Corte di cassazione, Sezioni unite civili`).
    pub sezione: Testo,
    /// `sentenza` or `ordinanza`.
    pub tipo: Testo,
    /// The day it was filed (the date the archive searches by).
    pub data: NaiveDate,
    /// The public archive where it can be found (`https:` only).
    pub url: Testo,
    /// What it decided, in one line of Italian.
    #[serde(default)]
    pub principio: Option<Testo>,
    /// Where the project found its date and section (maintainers only; never shown).
    #[serde(default, skip_serializing)]
    pub verifica: Option<Testo>,
}

/// A testo unico and the articles it restates.
#[derive(Default, Debug, Clone, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct TestoUnico {
    /// How the sources name it (`D.Lgs. 33/2025`).
    pub nome: Testo,
    /// What it is.
    pub titolo: Testo,
    /// The day from which it applies (and the articles it restates are repealed).
    pub si_applica_dal: NaiveDate,
    /// What the project checked of the application date and of the concordance, where and how.
    pub verifica: Testo,
    /// The laws whose articles it restates, each with its concordance.
    pub riprende: Lista<Ripresa>,
}

/// The articles of one law a testo unico restates: old number → new number.
#[derive(Default, Debug, Clone, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Ripresa {
    /// The law as the sources name it (`DPR 602/1973`).
    pub legge: Testo,
    /// Old article → the testo unico's article (`"50": "146"`), as a YAML map.
    #[serde(deserialize_with = "coppie")]
    pub articoli: Lista<(Testo, Testo)>,
}

/// A YAML map as a list of pairs, in the file's order.
fn coppie<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Lista<(Testo, Testo)>, D::Error> {
    struct V;
    impl<'de> serde::de::Visitor<'de> for V {
        type Value = Lista<(Testo, Testo)>;
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("una mappa articolo → articolo")
        }
        fn visit_map<A: serde::de::MapAccess<'de>>(self, mut m: A) -> Result<Self::Value, A::Error> {
            let mut out = Vec::new();
            while let Some(kv) = m.next_entry::<Testo, Testo>()? {
                out.push(kv);
            }
            Ok(out)
        }
    }
    d.deserialize_map(V)
}

/// A source as a testo unico restates it.
#[derive(Default, Debug, Clone, PartialEq, Eq)]
pub struct FonteRiformulata {
    /// The day the testo unico applies.
    pub dal: NaiveDate,
    /// From that day: the testo unico's article first, the old one beside it.
    pub dopo: Testo,
    /// Before: the old article first, the testo unico's beside it.
    pub prima: Testo,
}

impl Domanda {
    /// Allowed answers (empty for non-choice questions), whatever the answers so far.
    pub fn opzioni(&self) -> &[Opzione] {
        &self.opzioni
    }

    /// The answers offered given the answers so far (an option with `quando` only when they match it).
    pub fn opzioni_per<'a, 'v>(&'a self, voci: &'v Voci) -> impl Iterator<Item = &'a Opzione> + use<'a, 'v> {
        self.opzioni.iter().filter(move |o| o.quando.as_ref().is_none_or(|q| q.vale(voci)))
    }

    /// Whether the question is asked given the answers so far.
    pub fn si_applica(&self, voci: &Voci) -> bool {
        self.quando.as_ref().is_none_or(|q| q.vale(voci))
    }

    /// Whether the wizard offers to skip it ("Non lo so, salta").
    pub fn si_salta(&self) -> bool {
        self.facoltativa && self.non_so.unwrap_or(true)
    }

    /// The question and its help as worded for these answers.
    pub fn testi(&self, voci: &Voci) -> (&str, &str) {
        match self.varianti.iter().find(|v| v.quando.vale(voci)) {
            Some(v) => (&v.etichetta, &v.aiuto),
            None => (&self.etichetta, &self.aiuto),
        }
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
/// `atti.yaml`.
pub struct FileAtti {
    /// When a person last checked the file against the law.
    pub reviewed: NaiveDate,
    /// The acts.
    pub atti: Lista<Atto>,
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
    /// Which deadline answers each goal.
    pub principali: Lista<Principale>,
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

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
/// `fonti.yaml`.
pub struct FileFonti {
    /// When a person last checked the file.
    pub reviewed: NaiveDate,
    /// Norms and public documents.
    pub fonti: Lista<FontePubblica>,
    /// Court decisions.
    #[serde(default)]
    pub sentenze: Lista<Sentenza>,
    /// Testi unici and their concordance.
    #[serde(default)]
    pub testi_unici: Lista<TestoUnico>,
}
