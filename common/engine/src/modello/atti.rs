//! The acts and how each is notified (`atti.yaml`, `notifica.yaml`).

use super::fonti::FonteRiformulata;
use crate::tabella::Lista;
use crate::tabella::Testo;
use civis_core::civis::Riferimento;
use serde::Deserialize;

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
