//! The wizard's question graph (`domande.yaml`): which question comes next, the answers in the URL fragment,
//! the enumeration of every path and the checks that every path ends in an outcome.

pub use crate::condizione::Voci;
use crate::condizione::Quando;
use crate::regole::{riga_di, Diagnostica, Regole};
use crate::risposte::{self, ErroreRisposte, Risposte};
use chrono::NaiveDate;
use serde::Deserialize;
use std::collections::BTreeSet;

/// A question of the wizard.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Domanda {
    /// Stable id (used in links and anchors).
    pub id: String,
    /// The answer key it fills (`notifica.data`).
    pub chiave: String,
    /// Kind of answer.
    pub tipo: TipoDomanda,
    /// The question, in Italian.
    pub etichetta: String,
    /// Help text under the question.
    pub aiuto: String,
    /// Guidance page that explains it (output path).
    #[serde(default)]
    pub pagina: Option<String>,
    /// Allowed answers of a choice question.
    #[serde(default)]
    pub opzioni: Vec<Opzione>,
    /// Whether the person may skip it.
    #[serde(default)]
    pub facoltativa: bool,
    /// When it is asked (always when absent).
    #[serde(default)]
    pub quando: Option<Quando>,
    /// When set, an answer given while `quando` does not hold is bad input, with this message.
    #[serde(default)]
    pub fuori_caso: Option<String>,
}

/// Kind of answer.
#[derive(Debug, Clone, Copy, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum TipoDomanda {
    /// One of the `opzioni`.
    Scelta,
    /// A date (`YYYY-MM-DD`).
    Data,
    /// A year.
    Anno,
    /// An amount in euro.
    Importo,
}

/// An allowed answer.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Opzione {
    /// The value stored in the answers.
    pub valore: String,
    /// Label shown.
    pub etichetta: String,
    /// Help text for this answer.
    #[serde(default)]
    pub aiuto: Option<String>,
}

impl Domanda {
    /// Allowed answers (empty for non-choice questions).
    pub fn opzioni(&self) -> &[Opzione] {
        &self.opzioni
    }

    /// Whether the question is asked given the answers so far.
    pub fn si_applica(&self, voci: &Voci) -> bool {
        self.quando.as_ref().is_none_or(|q| q.vale(voci))
    }
}

/// The next question to ask; `None` when the outcome is reached. A key present with an empty value is a
/// skipped optional question.
pub fn prossima<'a>(regole: &'a Regole, voci: &Voci) -> Option<&'a Domanda> {
    regole.domande.iter().find(|d| d.si_applica(voci) && !voci.contains_key(&d.chiave))
}

/// The questions asked on this path so far, in order (for the progress indicator and "cambia" links).
pub fn domande_poste<'a>(regole: &'a Regole, voci: &Voci) -> Vec<&'a Domanda> {
    regole.domande.iter().filter(|d| d.si_applica(voci) && voci.contains_key(&d.chiave)).collect()
}

/// The first required question the case needs that has no answer.
pub fn mancante<'a>(regole: &'a Regole, voci: &Voci) -> Option<&'a Domanda> {
    regole
        .domande
        .iter()
        .find(|d| !d.facoltativa && d.si_applica(voci) && voci.get(&d.chiave).is_none_or(|v| v.is_empty()))
}

/// Checks one answer in the context of the others; the message is for the person, in Italian.
pub fn valida_voce(regole: &Regole, domanda: &Domanda, valore: &str, voci: &Voci, oggi: NaiveDate) -> Result<(), String> {
    if valore.is_empty() {
        return if domanda.facoltativa { Ok(()) } else { Err("Rispondi alla domanda per continuare.".into()) };
    }
    let mut tutte = voci.clone();
    tutte.insert(domanda.chiave.clone(), valore.to_string());
    match risposte::da_voci(regole, &tutte, oggi) {
        Err(e) if e.chiave == domanda.chiave => Err(maiuscola(&e.messaggio)),
        _ => Ok(()),
    }
}

fn maiuscola(s: &str) -> String {
    let mut c = s.chars();
    c.next().map(|p| p.to_uppercase().chain(c).collect()).unwrap_or_default()
}

/// The checked answers of the wizard's flat map. Answers to questions that no longer apply (the person changed an
/// earlier answer with "Cambia") are left out, so that they cannot make the case invalid.
pub fn in_risposte(regole: &Regole, voci: &Voci, oggi: NaiveDate) -> Result<Risposte, ErroreRisposte> {
    let valide: Voci = voci
        .iter()
        .filter(|(k, _)| regole.domande.iter().any(|d| &d.chiave == *k && d.si_applica(voci)))
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    risposte::da_voci(regole, &valide, oggi)
}

/// Reads the answers from a URL fragment (`atto=cartella&notifica.modo=pec`, with or without `#`).
pub fn da_frammento(s: &str) -> Voci {
    form_urlencoded::parse(s.trim_start_matches('#').as_bytes()).map(|(k, v)| (k.into_owned(), v.into_owned())).collect()
}

/// Writes the answers as a URL fragment (without `#`), in the order of the questions.
pub fn a_frammento(regole: &Regole, voci: &Voci) -> String {
    let mut f = form_urlencoded::Serializer::new(String::new());
    let ordine: Vec<&str> = regole.domande.iter().map(|d| d.chiave.as_str()).collect();
    let mut chiavi: Vec<&String> = voci.keys().collect();
    chiavi.sort_by_key(|k| ordine.iter().position(|o| o == k).unwrap_or(usize::MAX));
    chiavi.dedup();
    for k in chiavi {
        f.append_pair(k, &voci[k]);
    }
    f.finish()
}

/// One path through the choice questions (dates and amounts pass through).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Percorso {
    /// The choice answers (empty value: an optional question skipped).
    pub voci: Voci,
    /// The outcome rule reached; `None` is a dead end.
    pub esito: Option<String>,
}

const QUALSIASI: &str = "\u{0}";

/// Every path through the question graph.
pub fn percorsi(regole: &Regole) -> Vec<Percorso> {
    fn visita(regole: &Regole, voci: &mut Voci, out: &mut Vec<Percorso>) {
        let Some(d) = prossima(regole, voci) else {
            let scelte: Voci = voci.iter().filter(|(_, v)| *v != QUALSIASI).map(|(k, v)| (k.clone(), v.clone())).collect();
            let esito = crate::consiglio::esito(regole, &scelte).map(|e| e.id.clone());
            out.push(Percorso { voci: scelte, esito });
            return;
        };
        let mut valori: Vec<&str> = match d.tipo {
            TipoDomanda::Scelta => d.opzioni.iter().map(|o| o.valore.as_str()).collect(),
            _ => vec![QUALSIASI],
        };
        if d.facoltativa && d.tipo == TipoDomanda::Scelta {
            valori.push("");
        }
        for v in valori {
            voci.insert(d.chiave.clone(), v.to_string());
            visita(regole, voci, out);
        }
        voci.remove(&d.chiave);
    }
    let mut out = Vec::new();
    visita(regole, &mut Voci::new(), &mut out);
    out
}

/// Checks the flow: every path ends in an outcome, every question and outcome is reachable, every outcome has a
/// channel that always exists, every page named exists (`pagina_esiste` gets output paths like `civis/`).
pub fn verifica(regole: &Regole, pagina_esiste: &dyn Fn(&str) -> bool) -> Vec<Diagnostica> {
    let mut errori = Vec::new();
    let sorgente = |nome: &str| regole.sorgenti.iter().find(|(p, _)| p.ends_with(nome)).cloned().unwrap_or_default();
    let (file_canali, testo_canali) = sorgente("canali.yaml");
    let (file_domande, testo_domande) = sorgente("domande.yaml");
    let mut errore = |file: &str, testo: &str, cerca: &str, messaggio: String| {
        errori.push(Diagnostica { file: file.into(), riga: riga_di(testo, cerca), colonna: 1, messaggio });
    };
    let tutti = percorsi(regole);
    let mut chieste = BTreeSet::new();
    let mut raggiunti = BTreeSet::new();
    for p in &tutti {
        match &p.esito {
            Some(e) => {
                raggiunti.insert(e.clone());
            }
            None => errore(&file_canali, &testo_canali, "esiti:", format!("nessun esito per il percorso {}", a_frammento(regole, &p.voci))),
        }
        chieste.extend(domande_poste(regole, &p.voci).into_iter().map(|d| d.id.clone()));
    }
    // Non-choice questions are answered with a placeholder on every path that asks them.
    for d in &regole.domande {
        let chiesta = chieste.contains(&d.id) || (d.tipo != TipoDomanda::Scelta && tutti.iter().any(|p| d.si_applica(&p.voci)));
        if !chiesta {
            errore(&file_domande, &testo_domande, &format!("id: {}", d.id), format!("la domanda «{}» non viene mai posta", d.id));
        }
        if let Some(p) = d.pagina.as_deref().filter(|p| !pagina_esiste(p)) {
            errore(&file_domande, &testo_domande, &format!("id: {}", d.id), format!("la pagina «{p}» non esiste nel sito"));
        }
    }
    for e in &regole.esiti {
        let cerca = format!("id: {}", e.id);
        if !raggiunti.contains(&e.id) {
            errore(&file_canali, &testo_canali, &cerca, format!("l'esito «{}» non viene mai raggiunto", e.id));
        }
        let sempre = e.canali.iter().any(|c| regole.canali.iter().any(|k| &k.id == c && k.in_vigore_dal.is_none()));
        if !sempre {
            errore(&file_canali, &testo_canali, &cerca, format!("l'esito «{}» non ha un canale sempre disponibile", e.id));
        }
        for p in e.pagine.iter().filter(|p| !pagina_esiste(p)) {
            errore(&file_canali, &testo_canali, &cerca, format!("l'esito «{}» rimanda alla pagina «{p}», che non esiste nel sito", e.id));
        }
    }
    for c in regole.canali.iter().filter(|c| !pagina_esiste(&c.pagina)) {
        errore(&file_canali, &testo_canali, &format!("id: {}", c.id), format!("il canale «{}» rimanda alla pagina «{}», che non esiste nel sito", c.id, c.pagina));
    }
    errori
}

#[cfg(test)]
mod test {
    use super::*;
    use crate::regole::incorporate;

    #[test]
    fn first_question_is_the_act_and_answers_advance() {
        let r = incorporate();
        assert_eq!(prossima(r, &Voci::new()).unwrap().chiave, "atto");
        let v = da_frammento("#atto=cartella");
        assert_eq!(prossima(r, &v).unwrap().chiave, "origine");
        let v = da_frammento("atto=altro");
        assert!(prossima(r, &v).is_none(), "«altro» goes straight to the outcome");
    }

    #[test]
    fn fragment_round_trip_keeps_order_and_escapes() {
        let r = incorporate();
        let v = da_frammento("notifica.data=2026-07-15&atto=cartella&x=a%20b%26c");
        assert_eq!(v["x"], "a b&c");
        let f = a_frammento(r, &v);
        assert!(f.starts_with("atto=cartella&"), "{f}");
        assert_eq!(da_frammento(&f), v);
    }

    #[test]
    fn every_path_of_the_real_rules_ends_in_an_outcome() {
        let r = incorporate();
        let tutti = percorsi(r);
        assert!(tutti.len() > 100, "{} paths", tutti.len());
        let vicoli: Vec<_> = tutti.iter().filter(|p| p.esito.is_none()).collect();
        assert!(vicoli.is_empty(), "dead ends: {vicoli:?}");
        assert!(verifica(r, &|_| true).is_empty(), "{:?}", verifica(r, &|_| true));
    }

    #[test]
    fn verification_reports_missing_pages_with_their_line() {
        let r = incorporate();
        let errori = verifica(r, &|p| p != "civis/seconda-richiesta/");
        let e = errori.iter().find(|e| e.messaggio.contains("civis_seconda_richiesta")).expect("missing page reported");
        assert!(e.file.ends_with("canali.yaml") && e.riga > 0, "{e}");
    }

    #[test]
    fn required_question_missing_is_named() {
        let r = incorporate();
        let v = da_frammento("atto=cartella&origine=altro_ente&obiettivo=pagare");
        assert_eq!(mancante(r, &v).unwrap().chiave, "notifica.modo");
    }

    #[test]
    fn field_validation_in_italian() {
        let r = incorporate();
        let oggi = NaiveDate::from_ymd_opt(2026, 6, 1).unwrap();
        let d = r.domande.iter().find(|d| d.chiave == "notifica.data").unwrap();
        let v = da_frammento("atto=avviso_bonario&data_elaborazione=2026-03-01&notifica.modo=pec");
        assert!(valida_voce(r, d, "2026-02-30", &v, oggi).unwrap_err().contains("non esiste"));
        assert!(valida_voce(r, d, "2026-07-01", &v, oggi).unwrap_err().contains("futuro"));
        assert!(valida_voce(r, d, "2026-02-01", &v, oggi).unwrap_err().contains("elaborazione"));
        assert!(valida_voce(r, d, "2026-03-10", &v, oggi).is_ok());
        assert!(valida_voce(r, d, "", &v, oggi).is_err());
    }
}
