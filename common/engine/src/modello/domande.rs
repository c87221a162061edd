//! The wizard's questions and their options (`domande.yaml`).

use crate::condizione::Quando;
use crate::condizione::Voci;
use crate::tabella::Lista;
use crate::tabella::Testo;
use serde::Deserialize;

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
