//! Each rules file as serde reads it, one type per file.

use super::atti::{Atto, ModoNotifica};
use super::canali::Canale;
use super::domande::{CollegamentoPrecompilato, Domanda};
use super::esiti::{Avviso, Esito, Principale};
use super::fonti::{FontePubblica, Sentenza, TestoUnico};
use super::scadenze::{Decadenza, ProrogaDecadenza, Sanzione, Termine};
use crate::tabella::Lista;
use chrono::NaiveDate;
use serde::Deserialize;

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
