//! Outcomes (`canali.yaml`): warnings, the deadline that answers a goal, what a passed term becomes.

use crate::condizione::Quando;
use crate::tabella::Lista;
use crate::tabella::Testo;
use chrono::NaiveDate;
use serde::Deserialize;

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
    #[serde(default, deserialize_with = "super::uno_o_piu")]
    pub scaduto: Lista<EsitoScaduto>,
}
