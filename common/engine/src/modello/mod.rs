//! The rule model: every type of `content/wizard/*.yaml`, as serde reads it (unknown keys rejected). No
//! behaviour beyond small questions a rule answers about itself; loading and cross-checks are in `regole`.
//!
//! Two kinds of source live side by side: `fonte` is for citizens (a norm or a public document by its name), and
//! `riscontro` is for maintainers (where in the project's seed documents the rule was checked: `doc. 004 l. 1636`);
//! only `fonte` is ever shown.

use crate::tabella::{Lista, Testo};
use chrono::NaiveDate;

pub use civis_core::civis::{Richiesta, Riferimento};
use serde::Deserialize;

// One file per rules file or family of types; every type is re-exported here, so `modello::Termine` is the path.
mod calendario;
mod atti;
mod scadenze;
mod canali;
mod esiti;
mod domande;
mod fonti;
mod file;

pub use atti::{Atto, ModoNotifica, VarianteNotifica};
pub use calendario::{Calendario, Festivo, GiornoAnno, Pasquetta, Proroga, Sospensione};
pub use canali::{Canale, Servizio};
pub use domande::{CollegamentoPrecompilato, Domanda, Opzione, TipoDomanda, VarianteDomanda};
pub use esiti::{Avviso, Esito, EsitoScaduto, Principale};
pub use file::{FileAtti, FileCanali, FileDomande, FileFonti, FileNotifica, FileScadenze};
pub use fonti::{FontePubblica, FonteRiformulata, Ripresa, Sentenza, TestoUnico};
pub use scadenze::{Decadenza, ProrogaDecadenza, Sanzione, Termine, TipoScadenza};

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

/// One value or a list of values, as a list: `scaduto: {…}` and `scaduto: [{…}, {…}]` both read.
pub(crate) fn uno_o_piu<'de, D: serde::Deserializer<'de>, T: Deserialize<'de>>(d: D) -> Result<Lista<T>, D::Error> {
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
