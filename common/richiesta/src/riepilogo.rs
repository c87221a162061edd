//! The summary to print or keep: what to type in each CIVIS field, each value checked. The page renders these
//! rows; the attachments' verdicts come from [`crate::allegati`].

use crate::identificativi::{protocollo, Identificativo};
use crate::parole::{Messaggio, R};
use crate::{codice_fiscale, testo};
use chrono::NaiveDate;

/// What the person filled in.
#[derive(Debug, Clone, Copy)]
pub struct Dati<'a> {
    /// How the act is identified.
    pub identificativo: Identificativo,
    /// The act's identifier as typed.
    pub numero: &'a str,
    /// The codice fiscale as typed.
    pub codice_fiscale: &'a str,
    /// Whether this is the second request.
    pub seconda: bool,
    /// The first request's protocol as typed (second request only).
    pub protocollo: &'a str,
    /// The request's text.
    pub testo: &'a str,
}

/// One CIVIS field: its name, the value to type, and what is wrong with it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Riga {
    /// The field as CIVIS names it ([`R::CampoTesto`], the request's text, is shown as a block of text).
    pub campo: R,
    /// The value to type (as checked, or as typed when wrong).
    pub valore: String,
    /// What is wrong or missing, if anything.
    pub problema: Option<Messaggio>,
    /// What the value says, when it says more than itself (the day a protocol's first request was received).
    pub nota: Option<Messaggio>,
}

fn riga(campo: R, testo: &str, esito: Result<String, Messaggio>) -> Riga {
    // An empty field is to be filled in, unless it is refused whatever it holds.
    if testo.trim().is_empty() && esito.as_ref().err().is_none_or(|e| e.parola != R::SecondaSuCartella) {
        return Riga { campo, valore: String::new(), problema: Some(R::DaCompilare.into()), nota: None };
    }
    match esito {
        Ok(v) => Riga { campo, valore: v, problema: None, nota: None },
        Err(e) => Riga { campo, valore: testo.trim().to_string(), problema: Some(e), nota: None },
    }
}

/// The rows of the summary, in the order CIVIS asks for them.
pub fn righe(d: &Dati, oggi: NaiveDate) -> Vec<Riga> {
    let mut r = vec![
        riga(R::CampoCodiceFiscale, d.codice_fiscale, codice_fiscale::verifica(d.codice_fiscale)),
        riga(d.identificativo.campo(), d.numero, d.identificativo.verifica_per(d.numero, d.seconda)),
    ];
    if d.seconda {
        let p = protocollo(d.protocollo, oggi);
        let del = p
            .as_ref()
            .ok()
            .map(|(_, data)| Messaggio::from(R::PrimaRichiestaDel).con("data", crate::contesto::data_italiana(*data)));
        r.push(Riga { nota: del, ..riga(R::CampoProtocollo, d.protocollo, p.map(|(n, _)| n)) });
    }
    let (_, stato, frase) = testo::stato(d.testo);
    let esito = if stato == testo::Stato::Oltre { Err(frase) } else { Ok(d.testo.trim().to_string()) };
    r.push(riga(R::CampoTesto, d.testo, esito));
    r
}

/// Whether every row is in order (the attachments are judged apart).
pub fn completa(righe: &[Riga]) -> bool {
    righe.iter().all(|r| r.problema.is_none())
}

#[cfg(test)]
mod test {
    use super::*;

    fn oggi() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 25).unwrap()
    }

    #[test]
    fn the_summary_shows_each_value_as_civis_wants_it() {
        let d = Dati {
            identificativo: Identificativo::NumeroComunicazione,
            numero: "1234 5678 90123",
            codice_fiscale: "RSSMRA85T10A562S",
            seconda: true,
            protocollo: "2026051100001",
            testo: "Motivo della richiesta: un pagamento fatto ma non considerato.",
        };
        let r = righe(&d, oggi());
        assert_eq!(
            r.iter().map(|r| r.campo).collect::<Vec<_>>()[..3],
            [R::CampoCodiceFiscale, R::CampoNumeroComunicazione, R::CampoProtocollo]
        );
        assert_eq!(r[1].valore, "1234567890123");
        assert_eq!(r[2].valore, "2026051100001");
        assert_eq!(r[2].nota.as_ref().unwrap().to_string(), "(prima richiesta del 11/05/2026)");
        assert!(completa(&r), "{r:?}");
        let prima = Dati {
            identificativo: Identificativo::IdentificativoCartella,
            numero: "068 2026 0012 3456 78",
            seconda: false,
            ..d
        };
        assert_eq!(righe(&prima, oggi())[1].valore, "06820260012345678");
    }

    #[test]
    fn a_second_request_about_a_cartella_is_refused_at_its_number() {
        for numero in ["06820260012345678", ""] {
            let d = Dati {
                identificativo: Identificativo::IdentificativoCartella,
                numero,
                codice_fiscale: "RSSMRA85T10A562S",
                seconda: true,
                protocollo: "2026051100001",
                testo: "Testo.",
            };
            let r = righe(&d, oggi());
            assert!(
                r[1].problema.as_ref().unwrap().to_string().contains("seconda richiesta CIVIS non esiste"),
                "{r:?}"
            );
            assert!(!completa(&r));
        }
    }

    #[test]
    fn missing_and_wrong_values_are_named() {
        let d = Dati {
            identificativo: Identificativo::NumeroComunicazione,
            numero: "123",
            codice_fiscale: "",
            seconda: false,
            protocollo: "",
            testo: &"a".repeat(3001),
        };
        let r = righe(&d, oggi());
        assert_eq!(r.len(), 3, "no protocol row for a first request");
        let problema = |i: usize| r[i].problema.as_ref().unwrap().to_string();
        assert_eq!(problema(0), "Da compilare.");
        assert!(problema(1).contains("13 cifre"));
        assert!(problema(2).contains("togline 1"));
        assert!(!completa(&r));
    }
}
