//! Navigating the wizard's questions (`domande.yaml`): which question comes next, which were asked, the answers
//! checked one field at a time, and the answers in the URL fragment.

pub use crate::condizione::Voci;
use crate::condizione::{filtra, in_voci};
use crate::modello::{Domanda, Regole};
use crate::risposte::{self, ErroreRisposte, Risposte};
use chrono::NaiveDate;

/// The next question to ask; `None` when the outcome is reached. A key present with an empty value is a
/// skipped optional question.
pub fn prossima<'a>(regole: &'a Regole, voci: &Voci) -> Option<&'a Domanda> {
    regole.domande.iter().find(|d| d.si_applica(voci) && !voci.contains_key(&*d.chiave))
}

/// The questions asked on this path so far, in order (for the progress indicator and "cambia" links).
pub fn domande_poste<'a>(regole: &'a Regole, voci: &Voci) -> Vec<&'a Domanda> {
    regole.domande.iter().filter(|d| d.si_applica(voci) && voci.contains_key(&*d.chiave)).collect()
}

/// The first required question the case needs that has no answer.
pub fn mancante<'a>(regole: &'a Regole, voci: &Voci) -> Option<&'a Domanda> {
    regole
        .domande
        .iter()
        .find(|d| !d.facoltativa && d.si_applica(voci) && voci.get(&*d.chiave).is_none_or(|v| v.is_empty()))
}

/// Checks one answer in the context of the others; the message is for the person, in Italian.
pub fn valida_voce(
    regole: &Regole,
    domanda: &Domanda,
    valore: &str,
    voci: &Voci,
    oggi: NaiveDate,
) -> Result<(), risposte::ErroreRisposte> {
    if valore.is_empty() {
        let manca = risposte::errore_per(&domanda.chiave, crate::motivo::Motivo::Rispondi);
        return if domanda.facoltativa { Ok(()) } else { Err(manca) };
    }
    let mut tutte = voci.clone();
    tutte.insert(domanda.chiave.to_string(), valore.to_string());
    match risposte::da_voci(regole, &tutte, oggi) {
        Err(e) if e.chiave == domanda.chiave => Err(e),
        _ => Ok(()),
    }
}

/// A message with its first letter in upper case (the engine's messages start with an ASCII letter or «: no
/// Unicode case tables needed).
pub fn maiuscola(s: &str) -> String {
    let mut c = s.chars();
    c.next().map(|p| p.to_ascii_uppercase().to_string() + c.as_str()).unwrap_or_default()
}

/// The answers to questions that still apply (and that `chiesta` accepts). An answer left behind by "Cambia" (its
/// question no longer applies after an earlier answer changed) is dropped.
pub fn applicabili(regole: &Regole, voci: &Voci, chiesta: impl Fn(&Domanda) -> bool) -> Voci {
    filtra(voci, &|k, _| regole.domande.iter().any(|d| d.chiave == k && chiesta(d) && d.si_applica(voci)))
}

/// The checked answers of the wizard's flat map, without the answers that no longer apply, so that they cannot
/// make the case invalid.
pub fn in_risposte(regole: &Regole, voci: &Voci, oggi: NaiveDate) -> Result<Risposte, ErroreRisposte> {
    risposte::da_voci(regole, &applicabili(regole, voci, |_| true), oggi)
}

/// Reads the answers from a URL fragment (`atto=cartella&notifica.modo=pec`, with or without `#`).
pub fn da_frammento(s: &str) -> Voci {
    in_voci(form_urlencoded::parse(s.trim_start_matches('#').as_bytes()).map(|(k, v)| (k.into_owned(), v.into_owned())))
}

/// Writes the answers as a URL fragment (without `#`), in the order of the questions.
pub fn a_frammento(regole: &Regole, voci: &Voci) -> String {
    let mut f = form_urlencoded::Serializer::new(String::new());
    let ordine: Vec<&str> = regole.domande.iter().map(|d| &*d.chiave).collect();
    // The questions' keys in order (each once), then any other key in the map's order: what a stable sort by
    // position would give, without compiling a sort into the browser's module.
    for k in ordine.iter().enumerate().filter(|(i, k)| !ordine[..*i].contains(k)).map(|(_, k)| k) {
        if let Some(v) = voci.get(*k) {
            f.append_pair(k, v);
        }
    }
    for (k, v) in voci.iter().filter(|(k, _)| !ordine.contains(&k.as_str())) {
        f.append_pair(k, v);
    }
    f.finish()
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
        assert!(valida_voce(r, d, "2026-02-30", &v, oggi).unwrap_err().messaggio.contains("non esiste"));
        assert!(valida_voce(r, d, "2026-07-01", &v, oggi).unwrap_err().messaggio.contains("futuro"));
        let e = valida_voce(r, d, "2026-02-01", &v, oggi).unwrap_err();
        assert!(e.messaggio.contains("elaborazione"), "{e:?}");
        assert!(matches!(e.motivo, Some(crate::motivo::Motivo::NotificaPrima(_))), "the reason as data: {e:?}");
        assert!(valida_voce(r, d, "2026-03-10", &v, oggi).is_ok());
        assert!(valida_voce(r, d, "", &v, oggi).is_err());
    }
}
