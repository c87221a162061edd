//! The outcome as a person reads it, computed once for the app and the pages without JavaScript: first the answer
//! to the goal (what to do, by which day, through which channel; or that the day has passed), then the other
//! deadlines in date order, one block of warnings, the procedure, the checks on the act and the pages to read.

use crate::Titoli;
use civis_engine::consiglio::{AvvisoDato, CanaleConsigliato, Consiglio};
use civis_engine::modello::{FontePubblica, Regole, TipoScadenza};
use civis_engine::scadenza::Scadenza;
use civis_engine::testo::data_estesa;
use serde::Serialize;

/// The outcome.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct VistaEsito {
    /// The advice (channels, deadlines with or without dates, warnings, procedure).
    pub consiglio: Consiglio,
    /// The answer to the goal, shown first.
    pub risposta: Risposta,
    /// The other deadlines to meet: by date in the app, in the rules' order in words.
    pub altre: Vec<Scadenza>,
    /// The checks on the act (decadenza), stated as facts, never with a countdown.
    pub verifiche: Vec<Scadenza>,
    /// The warnings, in one block.
    pub avvisi: Vec<AvvisoDato>,
    /// The pages to read, with their titles.
    pub pagine: Vec<Collegamento>,
    /// The norms and public documents the deadlines cite that a person can read, with their official address.
    pub fonti: Vec<FontePubblica>,
    /// Whether the deadlines carry dates (the app) or state their rules in words (pages without JavaScript).
    pub con_date: bool,
    /// When a CIVIS request is advised: the fragment of the "Prepara la richiesta" page.
    pub richiesta: Option<String>,
    /// In words (no dates to tell): what to do if the deadline that answers the goal has already passed.
    pub se_scaduto: Option<SeScaduto>,
}

/// The answer to the person's goal.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Risposta {
    /// One sentence: "Presenta ricorso entro mercoledì 14 ottobre 2026", or that the day has passed.
    pub frase: String,
    /// The deadline it names, when the case has one.
    pub scadenza: Option<Scadenza>,
    /// Whether that deadline has passed (the outcome is then the one for that situation).
    pub scaduta: bool,
    /// The recommended channel.
    pub canale: Option<CanaleConsigliato>,
    /// The other channels.
    pub alternative: Vec<CanaleConsigliato>,
}

/// What the pages without JavaScript add for a deadline already passed.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SeScaduto {
    /// Channels, recommended first.
    pub canali: Vec<CanaleConsigliato>,
    /// What is still possible.
    pub passi: Vec<String>,
}

/// A link to a guidance page.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Collegamento {
    /// Title.
    pub titolo: String,
    /// Output path of the page (`civis/`).
    pub pagina: String,
}

/// The sentence that answers the goal.
fn frase(s: Option<&Scadenza>, con_date: bool) -> String {
    let Some(s) = s else {
        return "Per il tuo caso non c'è un termine di legge da rispettare: ecco a chi rivolgerti.".into();
    };
    let azione = s.azione.clone().unwrap_or_else(|| s.titolo.clone());
    match (s.data, s.scaduta) {
        (Some(d), Some(true)) => format!("Il termine per «{}» è scaduto {}.", minuscola(&s.titolo), data_estesa(d)),
        (Some(d), _) => {
            let prudente =
                s.entro_prudente.map(|p| format!(" (per prudenza entro {})", data_estesa(p))).unwrap_or_default();
            format!("{azione} entro {}{prudente}.", data_estesa(d))
        }
        (None, _) if !con_date => format!("{azione} entro il termine: {}.", s.regola),
        (None, _) => format!("{azione}."),
    }
}

fn minuscola(s: &str) -> String {
    let mut c = s.chars();
    // Titles start with an ASCII letter: no Unicode case tables in the browser's module.
    c.next().map(|p| p.to_ascii_lowercase().to_string() + c.as_str()).unwrap_or_default()
}

/// The norms the texts name (`DPR 602/1973` in a deadline's source), once each, in the order of `fonti.yaml`.
fn fonti_citate(regole: &Regole, testi: &[&str]) -> Vec<FontePubblica> {
    regole.fonti.iter().filter(|f| testi.iter().any(|t| contiene(t, &f.nome))).cloned().collect()
}

/// Whether `testo` contains `parola`, byte by byte: `str::contains` would compile a substring searcher (and its
/// panic formatting) into the browser's module for these few short texts.
fn contiene(testo: &str, parola: &str) -> bool {
    let (t, p) = (testo.as_bytes(), parola.as_bytes());
    !p.is_empty() && t.windows(p.len()).any(|w| w == p)
}

/// The outcome for the advice `c`; `scaduto` is the advice for the same answers after the deadline (pages without
/// JavaScript), `titoli` the guidance pages' titles.
pub(crate) fn vista_esito(
    regole: &Regole,
    c: Consiglio,
    scaduto: Option<Consiglio>,
    titoli: &Titoli,
    con_date: bool,
    richiesta: Option<String>,
) -> VistaEsito {
    let principale = c.scadenza_principale.as_ref().and_then(|id| c.scadenze.iter().find(|s| s.id == *id)).cloned();
    let (verifiche, mut altre): (Vec<Scadenza>, Vec<Scadenza>) = c
        .scadenze
        .iter()
        .filter(|s| Some(&s.id) != c.scadenza_principale.as_ref())
        .cloned()
        .partition(|s| s.tipo == TipoScadenza::Verifica);
    if con_date {
        altre = per_data(altre);
    }
    let risposta = Risposta {
        frase: frase(principale.as_ref(), con_date),
        scaduta: principale.as_ref().is_some_and(|s| s.scaduta == Some(true)),
        scadenza: principale,
        canale: c.canali.first().cloned(),
        alternative: c.canali.iter().skip(1).cloned().collect(),
    };
    let pagine = c
        .pagine
        .iter()
        .map(|p| Collegamento { titolo: titoli.get(p).cloned().unwrap_or_else(|| p.clone()), pagina: p.clone() })
        .collect();
    let testi: Vec<&str> =
        c.scadenze.iter().map(|s| s.fonte.as_str()).chain(c.notifica.iter().map(|n| n.fonte.as_str())).collect();
    let se_scaduto = scaduto.filter(|s| s.esito != c.esito).map(|s| SeScaduto { canali: s.canali, passi: s.passi });
    VistaEsito {
        avvisi: c.avvisi.clone(),
        fonti: fonti_citate(regole, &testi),
        consiglio: c,
        risposta,
        altre,
        verifiche,
        pagine,
        con_date,
        richiesta,
        se_scaduto,
    }
}

/// The deadlines by date, equal dates in their order: a few items, placed one by one, so that no sort is compiled
/// into the browser's module.
fn per_data(scadenze: Vec<Scadenza>) -> Vec<Scadenza> {
    let mut out: Vec<Scadenza> = Vec::new();
    for s in scadenze {
        let i = out.iter().position(|x| x.data > s.data).unwrap_or(out.len());
        out.insert(i, s);
    }
    out
}
