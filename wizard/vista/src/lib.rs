//! The wizard's one view. What a step shows (the answers so far with their "Cambia", the current question, or the
//! outcome) is computed here once, as typed data; the Yew app and the pre-rendered pages only render it, so they
//! cannot disagree. Links are states (answers), turned into URLs by [`url`]: a fragment in the app, a folder for
//! the pages without JavaScript.

pub mod calendario;
pub mod esito;
pub mod parole;
pub mod riepilogo;
pub mod url;

pub use esito::{Alternativa, Collegamento, Risposta, SeScaduto, VistaEsito};
pub use parole::{Parole, Riga, P};

use chrono::NaiveDate;
use civis_engine::consiglio;
use civis_engine::flusso::{self, Voci};
use civis_engine::modello::{Domanda, Regole, TipoDomanda};
use civis_engine::numero;
use serde::Serialize;
use std::collections::BTreeMap;

/// Which wizard is shown: the app computes dates; the pages without JavaScript branch only on the questions that
/// change the outcome and state the rules in words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Modo {
    /// The app, with dates.
    Completo,
    /// The pre-rendered pages: choices only, advice in words.
    Statico,
}

/// Guidance page titles by output path (`civis/` → "Che cos'è CIVIS"), handed by the build to both renderers.
pub type Titoli = BTreeMap<String, String>;

/// One step of the wizard as a person sees it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Vista {
    /// The answers so far.
    pub progresso: Progresso,
    /// The question, or the outcome.
    pub corpo: Corpo,
    /// On the start page only: the link to the help desks' page of pre-filled links, after the question (a
    /// citizen reads the question first).
    pub sportelli: bool,
}

/// The answers so far, in question order.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Progresso {
    /// Number of the current question (answers + 1), or of answers at the outcome.
    pub numero: usize,
    /// Whether the outcome is reached.
    pub finito: bool,
    /// Each answer with the state that changes it.
    pub risposte: Vec<RispostaData>,
}

/// An answer in the progress list.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RispostaData {
    /// The question.
    pub domanda: String,
    /// The answer in words.
    pub risposta: String,
    /// The state of "Cambia": this answer removed, the later ones kept.
    pub cambia: Voci,
}

/// What the step shows below the progress.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "tipo", rename_all = "lowercase")]
pub enum Corpo {
    /// A question.
    Domanda(VistaDomanda),
    /// The outcome.
    Esito(Box<VistaEsito>),
    /// The answers cannot be used (a link edited by hand): what is wrong, in Italian.
    Errore(String),
}

/// A question.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct VistaDomanda {
    /// Question id.
    pub id: String,
    /// The answer key.
    pub chiave: String,
    /// Kind of answer.
    pub tipo: TipoDomanda,
    /// The question.
    pub etichetta: String,
    /// Help text.
    pub aiuto: String,
    /// Guidance page that explains it (output path), when the site has it.
    pub pagina: Option<String>,
    /// Whether it can be skipped.
    pub facoltativa: bool,
    /// The choices, each with the state it leads to.
    pub opzioni: Vec<VistaOpzione>,
    /// For an optional question, the state after "Non lo so, salta".
    pub salta: Option<Voci>,
    /// Why the answer given to it (in a link edited by hand) was not accepted; the other answers are kept.
    pub errore: Option<Riga>,
}

/// A choice.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct VistaOpzione {
    /// The value stored.
    pub valore: String,
    /// Label.
    pub etichetta: String,
    /// Help for this choice.
    pub aiuto: Option<String>,
    /// The state after choosing it.
    pub voci: Voci,
}

/// Whether the wizard in `modo` asks this question.
pub fn chiede(modo: Modo, d: &Domanda) -> bool {
    match modo {
        Modo::Completo => true,
        Modo::Statico => d.tipo == TipoDomanda::Scelta && !d.non_cambia_esito,
    }
}

/// The answers the wizard in `modo` keeps: those of questions it asks that still apply. An answer left behind by
/// "Cambia" (its question no longer applies) is dropped.
pub fn valide(regole: &Regole, voci: &Voci, modo: Modo) -> Voci {
    flusso::applicabili(regole, voci, |d| chiede(modo, d))
}

/// The next question the wizard in `modo` asks; `None` at the outcome.
pub fn prossima<'a>(regole: &'a Regole, voci: &Voci, modo: Modo) -> Option<&'a Domanda> {
    regole.domande.iter().find(|d| chiede(modo, d) && d.si_applica(voci) && !voci.contains_key(&*d.chiave))
}

/// The state after answering `chiave` with `valore` (empty: skipped), answers that no longer apply dropped.
pub fn scegli(regole: &Regole, voci: &Voci, chiave: &str, valore: &str, modo: Modo) -> Voci {
    let mut nuove = voci.clone();
    nuove.insert(chiave.to_string(), valore.to_string());
    valide(regole, &nuove, modo)
}

/// An answer in words: the choice's label, a date in words, an amount as Italians write it, "Non lo so" when
/// skipped.
fn in_parole(d: &Domanda, valore: &str, voci: &Voci, parole: &Parole) -> String {
    if valore.is_empty() {
        return parole.t(P::NonSo).into();
    }
    let scritto = match d.tipo {
        TipoDomanda::Data => civis_engine::risposte::leggi_data(valore).ok().map(|d| parole.data_breve(d)),
        TipoDomanda::Importo => {
            numero::canonico(valore).map(|n| parole.f(P::Euro, &[("importo", &numero::in_euro(n))]))
        }
        TipoDomanda::Scelta => d.opzioni_per(voci).find(|o| o.valore == valore).map(|o| o.etichetta.to_string()),
        TipoDomanda::Anno => None,
    };
    scritto.unwrap_or_else(|| valore.to_string())
}

/// The answers without those that cannot be used (a link edited by hand: an impossible date, an unknown value),
/// each removed with the engine's message, so that the wizard asks that question again and keeps the others.
fn senza_errate(
    regole: &Regole,
    voci: &Voci,
    modo: Modo,
    oggi: NaiveDate,
    p: &Parole,
) -> (Voci, Option<(String, Riga)>) {
    let mut voci = voci.clone();
    let mut primo: Option<(String, Riga)> = None;
    for _ in 0..voci.len() {
        let Err(e) = flusso::in_risposte(regole, &voci, oggi) else { break };
        if voci.remove(&e.chiave).is_none() {
            break;
        }
        voci = valide(regole, &voci, modo);
        let riga = p.messaggio(&e);
        primo.get_or_insert((e.chiave, riga));
    }
    (voci, primo)
}

/// A question as the wizard shows it, worded for the answers given, each choice with the state it leads to.
fn domanda(
    regole: &Regole,
    d: &Domanda,
    voci: &Voci,
    modo: Modo,
    titoli: &Titoli,
    errata: Option<(String, Riga)>,
) -> VistaDomanda {
    let (etichetta, aiuto) = d.testi(voci);
    VistaDomanda {
        id: d.id.to_string(),
        chiave: d.chiave.to_string(),
        tipo: d.tipo,
        etichetta: etichetta.to_string(),
        aiuto: aiuto.to_string(),
        pagina: d.pagina.as_deref().filter(|p| titoli.contains_key(*p)).map(String::from),
        facoltativa: d.si_salta(),
        opzioni: d
            .opzioni_per(voci)
            .map(|o| VistaOpzione {
                valore: o.valore.to_string(),
                etichetta: o.etichetta.to_string(),
                aiuto: o.aiuto.as_deref().map(String::from),
                voci: scegli(regole, voci, &d.chiave, &o.valore, modo),
            })
            .collect(),
        salta: d.si_salta().then(|| scegli(regole, voci, &d.chiave, "", modo)),
        errore: errata.filter(|(k, _)| *k == d.chiave).map(|(_, m)| m),
    }
}

/// The step for the answers `voci`: progress, then the question or the outcome, in the words of `parole` (the
/// rules' texts are in the language of `regole`). `oggi` decides which rules are in force and, in the app, the days
/// left.
pub fn vista(regole: &Regole, voci: &Voci, modo: Modo, titoli: &Titoli, oggi: NaiveDate, parole: &Parole) -> Vista {
    let (voci, errata) = senza_errate(regole, &valide(regole, voci, modo), modo, oggi, parole);
    let poste: Vec<&Domanda> = regole
        .domande
        .iter()
        .filter(|d| chiede(modo, d) && d.si_applica(&voci) && voci.contains_key(&*d.chiave))
        .collect();
    let risposte: Vec<RispostaData> = poste
        .iter()
        .map(|d| {
            let mut cambia = voci.clone();
            cambia.remove(&*d.chiave);
            RispostaData {
                domanda: d.testi(&voci).0.to_string(),
                risposta: in_parole(d, &voci[&*d.chiave], &voci, parole),
                cambia,
            }
        })
        .collect();
    let prossima = prossima(regole, &voci, modo);
    let progresso =
        Progresso { numero: risposte.len() + usize::from(prossima.is_some()), finito: prossima.is_none(), risposte };
    let corpo = match prossima {
        Some(d) => Corpo::Domanda(domanda(regole, d, &voci, modo, titoli, errata)),
        None => {
            let consiglio = match modo {
                Modo::Completo => {
                    flusso::in_risposte(regole, &voci, oggi).and_then(|r| consiglio::consiglia_con(regole, &r, oggi))
                }
                Modo::Statico => consiglio::in_parole(regole, &voci, oggi, false),
            };
            match consiglio {
                Ok(c) => {
                    let scaduto =
                        (modo == Modo::Statico).then(|| consiglio::in_parole(regole, &voci, oggi, true).ok()).flatten();
                    let principale =
                        c.scadenza_principale.as_ref().and_then(|id| c.scadenze.iter().find(|s| s.id == *id));
                    let richiesta = url::richiesta(regole, &voci, &c, principale);
                    Corpo::Esito(Box::new(esito::vista_esito(
                        regole,
                        c,
                        scaduto,
                        titoli,
                        modo == Modo::Completo,
                        richiesta,
                        parole,
                    )))
                }
                Err(e) => Corpo::Errore(e.to_string()),
            }
        }
    };
    Vista { progresso, corpo, sportelli: voci.is_empty() && !regole.collegamenti.is_empty() }
}

#[cfg(test)]
mod test;
