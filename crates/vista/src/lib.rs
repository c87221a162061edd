//! The wizard's one view. What a step shows (the answers so far with their "Cambia", the current question, or the
//! outcome) is computed here once, as typed data; the Yew app and the pre-rendered pages only render it, so they
//! cannot disagree. Links are states (answers), turned into URLs by [`url`]: a fragment in the app, a folder for
//! the pages without JavaScript.

pub mod url;

use chrono::NaiveDate;
use civis_engine::consiglio::{self, Consiglio};
use civis_engine::flusso::{self, Voci};
use civis_engine::modello::{CollegamentoPrecompilato, Domanda, Regole, TipoDomanda, TipoScadenza};
use civis_engine::scadenza::Scadenza;
use civis_engine::testo::data_it;
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
    /// On the start page only: pre-filled links for help desks (choices only, no personal data).
    pub collegamenti: Vec<CollegamentoPrecompilato>,
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

/// The outcome.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct VistaEsito {
    /// The advice (channels, deadlines with or without dates, warnings, procedure).
    pub consiglio: Consiglio,
    /// The deadlines the person must meet (pay, appeal, ask), in the advice's order.
    pub termini: Vec<Scadenza>,
    /// The checks on the act (decadenza), stated as facts, never with a countdown.
    pub verifiche: Vec<Scadenza>,
    /// The nearest deadline not yet passed, shown first with the recommended channel (the app only).
    pub prossima: Option<Scadenza>,
    /// The pages to read, with their titles.
    pub pagine: Vec<Collegamento>,
    /// Whether the deadlines carry dates (the app) or state their rules in words (pages without JavaScript).
    pub con_date: bool,
    /// When a CIVIS request is advised: the fragment of the "Prepara la richiesta" page ([`url::RICHIESTA`]),
    /// with the act, the request (first or second), the channel, the nearest deadline and the way back.
    pub richiesta: Option<String>,
}

/// A link to a guidance page.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Collegamento {
    /// Title.
    pub titolo: String,
    /// Output path of the page (`civis/`).
    pub pagina: String,
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

/// An answer in words: the choice's label, a date in words, "Non lo so" when skipped.
fn in_parole(d: &Domanda, valore: &str) -> String {
    if valore.is_empty() {
        return "Non lo so".into();
    }
    d.opzioni()
        .iter()
        .find(|o| o.valore == valore)
        .map(|o| o.etichetta.to_string())
        .or_else(|| {
            (d.tipo == TipoDomanda::Data)
                .then(|| civis_engine::risposte::leggi_data(valore).ok().map(data_it))
                .flatten()
        })
        .unwrap_or_else(|| valore.to_string())
}

/// The step for the answers `voci`: progress, then the question or the outcome. `oggi` decides which rules are in
/// force and, in the app, the days left.
pub fn vista(regole: &Regole, voci: &Voci, modo: Modo, titoli: &Titoli, oggi: NaiveDate) -> Vista {
    let voci = valide(regole, voci, modo);
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
            RispostaData { domanda: d.etichetta.to_string(), risposta: in_parole(d, &voci[&*d.chiave]), cambia }
        })
        .collect();
    let prossima = prossima(regole, &voci, modo);
    let progresso =
        Progresso { numero: risposte.len() + usize::from(prossima.is_some()), finito: prossima.is_none(), risposte };
    let corpo = match prossima {
        Some(d) => Corpo::Domanda(VistaDomanda {
            id: d.id.to_string(),
            chiave: d.chiave.to_string(),
            tipo: d.tipo,
            etichetta: d.etichetta.to_string(),
            aiuto: d.aiuto.to_string(),
            pagina: d.pagina.as_deref().filter(|p| titoli.contains_key(*p)).map(String::from),
            facoltativa: d.facoltativa,
            opzioni: d
                .opzioni()
                .iter()
                .map(|o| VistaOpzione {
                    valore: o.valore.to_string(),
                    etichetta: o.etichetta.to_string(),
                    aiuto: o.aiuto.as_deref().map(String::from),
                    voci: scegli(regole, &voci, &d.chiave, &o.valore, modo),
                })
                .collect(),
            salta: d.facoltativa.then(|| scegli(regole, &voci, &d.chiave, "", modo)),
        }),
        None => {
            let consiglio = match modo {
                Modo::Completo => {
                    flusso::in_risposte(regole, &voci, oggi).and_then(|r| consiglio::consiglia_con(regole, &r, oggi))
                }
                Modo::Statico => consiglio::in_parole(regole, &voci, oggi),
            };
            match consiglio {
                Ok(c) => {
                    let pagine = c
                        .pagine
                        .iter()
                        .map(|p| Collegamento {
                            titolo: titoli.get(p).cloned().unwrap_or_else(|| p.clone()),
                            pagina: p.clone(),
                        })
                        .collect();
                    let (termini, verifiche): (Vec<Scadenza>, Vec<Scadenza>) =
                        c.scadenze.iter().cloned().partition(|s| s.tipo == TipoScadenza::Termine);
                    let prossima = termini.iter().filter(|s| s.scaduta == Some(false)).min_by_key(|s| s.data).cloned();
                    let richiesta = url::richiesta(regole, &voci, &c, prossima.as_ref());
                    Corpo::Esito(Box::new(VistaEsito {
                        consiglio: c,
                        termini,
                        verifiche,
                        prossima,
                        pagine,
                        con_date: modo == Modo::Completo,
                        richiesta,
                    }))
                }
                Err(e) => Corpo::Errore(e.to_string()),
            }
        }
    };
    let collegamenti = if voci.is_empty() { regole.collegamenti.to_vec() } else { Vec::new() };
    Vista { progresso, corpo, collegamenti }
}

#[cfg(test)]
mod test {
    use super::*;
    use civis_engine::regole::incorporate;

    fn oggi() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 7, 20).unwrap()
    }

    fn voci(f: &str) -> Voci {
        flusso::da_frammento(f)
    }

    #[test]
    fn the_static_wizard_skips_questions_that_change_only_dates() {
        let r = incorporate();
        let v = voci("atto=cartella&origine=controllo_automatizzato&obiettivo=pagare");
        assert_eq!(prossima(r, &v, Modo::Completo).unwrap().chiave, "notifica.modo");
        assert!(prossima(r, &v, Modo::Statico).is_none(), "the pages without JavaScript go to the outcome");
        let Corpo::Esito(e) = vista(r, &v, Modo::Statico, &Titoli::new(), oggi()).corpo else {
            panic!("outcome expected")
        };
        assert!(!e.con_date && e.consiglio.scadenze.iter().all(|s| s.data.is_none()));
    }

    #[test]
    fn cambia_keeps_the_later_answers_and_choosing_drops_what_no_longer_applies() {
        let r = incorporate();
        let v = voci("atto=cartella&origine=controllo_automatizzato&obiettivo=sospendere&motivo_sospensione=altro");
        let vista = vista(r, &v, Modo::Statico, &Titoli::new(), oggi());
        let cambia_obiettivo = &vista.progresso.risposte[2].cambia;
        assert_eq!(cambia_obiettivo.get("motivo_sospensione").map(String::as_str), Some("altro"), "later answer kept");
        let dopo = scegli(r, cambia_obiettivo, "obiettivo", "pagare", Modo::Statico);
        assert!(!dopo.contains_key("motivo_sospensione"), "no longer applies: {dopo:?}");
        let dopo = scegli(r, cambia_obiettivo, "obiettivo", "sospendere", Modo::Statico);
        assert_eq!(dopo, v);
    }

    #[test]
    fn progress_shows_answers_in_words() {
        let r = incorporate();
        let v = voci(
            "atto=cartella&origine=controllo_automatizzato&obiettivo=pagare&notifica.modo=pec&notifica.data=2026-07-15",
        );
        let vista = vista(r, &v, Modo::Completo, &Titoli::new(), oggi());
        let testi: Vec<&str> = vista.progresso.risposte.iter().map(|r| r.risposta.as_str()).collect();
        assert_eq!(
            testi,
            [
                "Una cartella di pagamento",
                "Dal controllo automatico della dichiarazione",
                "Pagare",
                "Via PEC",
                "15 luglio 2026"
            ]
        );
        assert_eq!(vista.progresso.numero, 6);
    }

    #[test]
    fn the_outcome_puts_checks_apart_and_names_the_nearest_deadline() {
        let r = incorporate();
        let v = voci("atto=cartella&origine=controllo_automatizzato&obiettivo=contestare&notifica.modo=pec&notifica.data=2026-07-15&anno_presentazione=2023&importo=&richiedente=");
        let Corpo::Esito(e) = vista(r, &v, Modo::Completo, &Titoli::new(), oggi()).corpo else {
            panic!("outcome expected")
        };
        let ids = |l: &[Scadenza]| l.iter().map(|s| s.id.clone()).collect::<Vec<_>>();
        assert_eq!(ids(&e.verifiche), ["decadenza_cartella"]);
        assert!(!ids(&e.termini).contains(&"decadenza_cartella".to_string()));
        let p = e.prossima.expect("a deadline ahead");
        assert_eq!((p.id.as_str(), p.data), ("sospensione_legale", NaiveDate::from_ymd_opt(2026, 9, 13)));
        assert!(vista(r, &Voci::new(), Modo::Statico, &Titoli::new(), oggi()).collegamenti.len() >= 3);
        assert!(vista(r, &v, Modo::Statico, &Titoli::new(), oggi()).collegamenti.is_empty());
    }
}
