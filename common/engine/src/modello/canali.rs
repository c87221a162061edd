//! Channels and the administration's services they link (`canali.yaml`).

use crate::tabella::Testo;
use chrono::NaiveDate;
use civis_core::civis::Richiesta;
use serde::Deserialize;

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
