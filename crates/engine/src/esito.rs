//! The outcome: which rule of `canali.yaml` applies to the answers (first match), and the facts a warning may
//! name in `se_fatto`, each name beside the code that decides it.

use crate::condizione::{filtra, Voci};
use crate::modello::{Esito, Regole, TipoScadenza};
use crate::risposte::Risposte;
use crate::scadenza::Scadenza;

/// The answers used to match outcome rules: defaults filled in (`prima_richiesta_civis` = `nessuna`).
fn con_predefiniti(voci: &Voci) -> Voci {
    let mut v = filtra(voci, &|_, x| !x.is_empty());
    v.entry("prima_richiesta_civis".into()).or_insert_with(|| "nessuna".into());
    v
}

/// The outcome rule for the answers (first match).
pub fn esito<'a>(regole: &'a Regole, voci: &Voci) -> Option<&'a Esito> {
    let v = con_predefiniti(voci);
    regole.esiti.iter().find(|e| e.quando.vale(&v))
}

/// What the facts look at: the answers, the channels offered and the deadlines computed.
pub struct Caso<'a> {
    /// The rules.
    pub regole: &'a Regole,
    /// The checked answers.
    pub risposte: &'a Risposte,
    /// Ids of the channels offered.
    pub canali: &'a [&'a str],
    /// The deadlines of the case.
    pub scadenze: &'a [Scadenza],
}

/// A fact: its name in the rules files and the code that decides it.
pub type Fatto = (&'static str, fn(&Caso) -> bool);

/// Every fact a warning may name in `se_fatto` (checked by `verifica`).
pub const FATTI: [Fatto; 5] = [
    ("seconda_richiesta_non_disponibile", |c| {
        c.risposte.prima_richiesta_civis.as_deref().is_some_and(|p| p != "nessuna")
            && !matches!(c.risposte.obiettivo.as_deref(), Some("pagare" | "rateizzare"))
            && !c.canali.contains(&"civis_seconda_richiesta")
    }),
    ("termine_scaduto", |c| c.scadenze.iter().any(|s| s.tipo == TipoScadenza::Termine && s.scaduta == Some(true))),
    // The notifier's date counts for decadenza: the warning needs the date entered with the mode (never earlier
    // than the notifier's own) to be after the term, not only the date the notification took effect.
    ("possibile_decadenza", |c| {
        c.risposte.notifica.as_ref().is_some_and(|n| {
            c.scadenze.iter().any(|s| s.id == "decadenza_cartella" && s.data.is_some_and(|d| n.data > d))
        })
    }),
    ("nuovo_termine_comunicazione_aggiornata", |c| c.risposte.data_comunicazione_aggiornata.is_some()),
    ("comunicazione_aggiornata_da_indicare", |c| {
        c.risposte.prima_richiesta_civis.as_deref() == Some("chiusa_parziale")
            && c.risposte.data_comunicazione_aggiornata.is_none()
            && c.regole
                .domande
                .iter()
                .any(|d| d.chiave == "data_comunicazione_aggiornata" && d.si_applica(&c.risposte.voci))
    }),
];

/// Whether the named fact holds (an unknown name never holds; `verifica` reports it).
pub fn vale(nome: &str, caso: &Caso) -> bool {
    FATTI.iter().any(|(n, f)| *n == nome && f(caso))
}
