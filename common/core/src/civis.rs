//! The two closed vocabularies of CIVIS that both the wizard's rules and the request tool know: how CIVIS finds
//! an act, and which request a channel is. The rules name them in YAML (an unknown word is refused at load, at its
//! line); the request tool reads them back from the wizard's link. Typed here, so no crate compares strings.

use serde::{Deserialize, Serialize};

/// How CIVIS finds an act in its form.
#[derive(Default, Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Riferimento {
    /// A communication, by its 13-digit number (avvisi bonari, avvisi telematici).
    #[default]
    Comunicazione,
    /// A cartella, by codice atto, identificativo or partita di ruolo.
    Cartella,
}

/// Which CIVIS request a channel is (the second exists from 11 May 2026).
#[derive(Default, Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Richiesta {
    /// The first request on an act.
    #[default]
    Prima,
    /// The second request, after a first one closed.
    Seconda,
}

impl Riferimento {
    /// Every value, in order.
    pub const TUTTI: [Riferimento; 2] = [Riferimento::Comunicazione, Riferimento::Cartella];

    /// The word used in YAML and in links.
    pub fn parola(self) -> &'static str {
        match self {
            Riferimento::Comunicazione => "comunicazione",
            Riferimento::Cartella => "cartella",
        }
    }

    /// The value of a word; `None` for any other.
    pub fn da_parola(s: &str) -> Option<Self> {
        Self::TUTTI.into_iter().find(|r| r.parola() == s)
    }
}

impl Richiesta {
    /// Every value, in order.
    pub const TUTTE: [Richiesta; 2] = [Richiesta::Prima, Richiesta::Seconda];

    /// The word used in YAML and in links.
    pub fn parola(self) -> &'static str {
        match self {
            Richiesta::Prima => "prima",
            Richiesta::Seconda => "seconda",
        }
    }

    /// The value of a word; `None` for any other.
    pub fn da_parola(s: &str) -> Option<Self> {
        Self::TUTTE.into_iter().find(|r| r.parola() == s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_read_back_and_unknown_ones_are_refused() {
        for r in Riferimento::TUTTI {
            assert_eq!(Riferimento::da_parola(r.parola()), Some(r));
        }
        for r in Richiesta::TUTTE {
            assert_eq!(Richiesta::da_parola(r.parola()), Some(r));
        }
        assert_eq!(Riferimento::da_parola("Cartella"), None);
        assert_eq!(Richiesta::da_parola("terza"), None);
    }
}
