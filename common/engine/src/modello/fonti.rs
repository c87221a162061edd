//! Sources (`fonti.yaml`): norms, public documents, decisions, the testi unici and their concordance.

use crate::tabella::Lista;
use crate::tabella::Testo;
use chrono::NaiveDate;
use serde::Deserialize;

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
