//! The answers (input of `advise`, docs/advise-contract.md): read from JSON or from the wizard's flat answers,
//! every value checked, every error named by its key in Italian.

use crate::condizione::{filtra, Voci};
use crate::modello::Regole;
use crate::modello::{Domanda, TipoDomanda};
use crate::tabella::Elenco;
use chrono::NaiveDate;
#[cfg(feature = "json")]
use serde_json::Value;
use std::fmt;

/// A bad answer: which key and what is wrong (Italian).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ErroreRisposte {
    /// The key, dotted for nested keys (`notifica.data`); `(input)` when the whole input is unreadable.
    pub chiave: String,
    /// What is wrong, in Italian.
    pub messaggio: String,
}

impl fmt::Display for ErroreRisposte {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "risposta «{}»: {}", self.chiave, self.messaggio)
    }
}

impl std::error::Error for ErroreRisposte {}

fn errore(chiave: &str, messaggio: impl Into<String>) -> ErroreRisposte {
    ErroreRisposte { chiave: chiave.into(), messaggio: messaggio.into() }
}

/// How and when the act arrived.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notifica {
    /// Mode (`pec`, `raccomandata_giacenza`, …).
    pub modo: String,
    /// The date that goes with the mode.
    pub data: NaiveDate,
    /// Actual collection date, when earlier than the legal default.
    pub data_ritiro: Option<NaiveDate>,
}

/// The answers, checked.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Risposte {
    /// What was received.
    pub atto: Option<String>,
    /// For cartelle: where it comes from.
    pub origine: Option<String>,
    /// Elaboration date printed on an avviso.
    pub data_elaborazione: Option<NaiveDate>,
    /// How and when the act arrived.
    pub notifica: Option<Notifica>,
    /// Year the return was filed.
    pub anno_presentazione: Option<i32>,
    /// Who is acting.
    pub richiedente: Option<String>,
    /// What the person wants.
    pub obiettivo: Option<String>,
    /// State of a first CIVIS request on the same act.
    pub prima_richiesta_civis: Option<String>,
    /// Tax in dispute, euro.
    pub importo: Option<f64>,
    /// Date of the updated communication after a partially accepted CIVIS request.
    pub data_comunicazione_aggiornata: Option<NaiveDate>,
    /// The same answers, flat (for the flow and the outcome rules).
    pub voci: Voci,
}

/// Reads the answers from a JSON text.
#[cfg(feature = "json")]
pub fn da_json(regole: &Regole, testo: &str, oggi: NaiveDate) -> Result<Risposte, ErroreRisposte> {
    let valore: Value = serde_json::from_str(testo).map_err(|e| {
        errore("(input)", format!("il testo non è un JSON valido (riga {}, colonna {})", e.line(), e.column()))
    })?;
    let Value::Object(oggetto) = valore else {
        return Err(errore("(input)", "serve un oggetto JSON con le risposte, per esempio {\"atto\": \"cartella\"}"));
    };
    let mut voci = Voci::new();
    for (chiave, v) in oggetto {
        match v {
            Value::Object(interno) if chiave == "notifica" => {
                for (k, v) in interno {
                    piatta(regole, &format!("notifica.{k}"), v, &mut voci)?;
                }
            }
            v => piatta(regole, &chiave, v, &mut voci)?,
        }
    }
    da_voci(regole, &voci, oggi)
}

#[cfg(feature = "json")]
/// One JSON value into the flat answers, with its type checked against the question that asks for it.
fn piatta(regole: &Regole, chiave: &str, v: Value, voci: &mut Voci) -> Result<(), ErroreRisposte> {
    let tipo = &domanda_di(regole, chiave)?.tipo;
    let testo = match (tipo, v) {
        (_, Value::Null) => return Ok(()),
        // Written without an exponent (f64's Display never uses one), as a person would type it.
        (TipoDomanda::Importo | TipoDomanda::Anno, Value::Number(n)) => match (n.as_i64(), n.as_f64()) {
            (Some(i), _) => i.to_string(),
            (None, Some(f)) => f.to_string(),
            (None, None) => n.to_string(),
        },
        (TipoDomanda::Importo | TipoDomanda::Anno, _) => return Err(errore(chiave, "deve essere un numero")),
        (_, Value::String(s)) => s,
        (_, Value::Object(_)) if chiave == "notifica" => unreachable!("handled by da_json"),
        _ => return Err(errore(chiave, "deve essere un testo")),
    };
    voci.insert(chiave.to_string(), testo);
    Ok(())
}

/// The question that asks for `chiave`, or the error for a key no question asks.
fn domanda_di<'a>(regole: &'a Regole, chiave: &str) -> Result<&'a Domanda, ErroreRisposte> {
    if chiave == "notifica" {
        return Err(errore("notifica", "deve essere un oggetto con «modo» e «data»"));
    }
    regole.domande.iter().find(|d| d.chiave == chiave).ok_or_else(|| {
        errore(chiave, "chiave sconosciuta: le chiavi ammesse sono descritte in docs/advise-contract.md")
    })
}

/// Checks one flat answer. Returns the Italian message for the person when it is not acceptable.
pub fn valida(regole: &Regole, chiave: &str, valore: &str, oggi: NaiveDate) -> Result<(), String> {
    let domanda = domanda_di(regole, chiave).map_err(|e| e.messaggio)?;
    match domanda.tipo {
        TipoDomanda::Scelta => {
            let ammessi = regole.valori(chiave);
            if !ammessi.contains(&valore) {
                return Err(format!("valore «{valore}» non ammesso; valori ammessi: {}", ammessi.join(", ")));
            }
        }
        TipoDomanda::Data => {
            let d = leggi_data(valore)?;
            if d > oggi {
                return Err(format!("la data {} è nel futuro", crate::testo::data_it(d)));
            }
        }
        TipoDomanda::Anno => {
            let anno: i32 = valore.parse().map_err(|_| format!("«{valore}» non è un anno"))?;
            let minimo = domanda.anno_minimo.unwrap_or(i32::MIN);
            if !(minimo..=oggi.year_ce().1 as i32).contains(&anno) {
                return Err(format!("l'anno {anno} non è possibile: indica un anno tra il {minimo} e oggi"));
            }
        }
        TipoDomanda::Importo => {
            if valore.trim_start().starts_with('-') {
                return Err("l'importo non può essere negativo".into());
            }
            leggi_importo(valore).ok_or_else(|| format!("«{valore}» non è un importo"))?;
        }
    }
    Ok(())
}

use chrono::Datelike;

/// Reads a `YYYY-MM-DD` date, telling an impossible date from a badly written one.
pub fn leggi_data(valore: &str) -> Result<NaiveDate, String> {
    let parti: Vec<&str> = valore.split('-').collect();
    let numeri: Option<Vec<u32>> = parti.iter().map(|p| p.parse().ok()).collect();
    match (parti.as_slice(), numeri) {
        ([a, m, g], Some(n)) if a.len() == 4 && m.len() == 2 && g.len() == 2 => {
            NaiveDate::from_ymd_opt(n[0] as i32, n[1], n[2])
                .ok_or_else(|| format!("la data «{valore}» non esiste nel calendario"))
        }
        _ => Err(format!("«{valore}» non è una data nel formato AAAA-MM-GG")),
    }
}

/// Reads an amount in euro: digits, then optionally a decimal comma or point and more digits (`2400`,
/// `2400,50`, `2400.5`). Written by hand, without `f64::from_str`, whose parser would double the size of the
/// browser's number code; an exponent or a thousands separator is not an amount a person types here.
pub fn leggi_importo(valore: &str) -> Option<f64> {
    let (intero, decimali) = valore.trim().split_once([',', '.']).unwrap_or((valore.trim(), ""));
    let cifre = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if !cifre(intero) || !(decimali.is_empty() || cifre(decimali)) {
        return None;
    }
    let cifre_tutte = intero.bytes().chain(decimali.bytes()).fold(0.0, |n, b| n * 10.0 + f64::from(b - b'0'));
    Some(cifre_tutte / 10f64.powi(decimali.len() as i32)).filter(|n| n.is_finite())
}

/// Builds the answers from the flat map (empty values = skipped questions), checking every value and the
/// relations between dates.
pub fn da_voci(regole: &Regole, voci: &Voci, oggi: NaiveDate) -> Result<Risposte, ErroreRisposte> {
    let voci = filtra(voci, &|_, v| !v.is_empty());
    for (k, v) in &voci {
        valida(regole, k, v, oggi).map_err(|m| errore(k, m))?;
    }
    let testo = |k: &str| voci.get(k).cloned();
    // Every value was validated above, so reading it again cannot fail (`ok()` rather than `expect`, which
    // would bring Debug formatting into the browser's module for a case that does not happen).
    let data_di = |k: &str| voci.get(k).and_then(|v| leggi_data(v).ok());
    let notifica = match (testo("notifica.modo"), data_di("notifica.data")) {
        (Some(modo), Some(data)) => Some(Notifica { modo, data, data_ritiro: data_di("notifica.data_ritiro") }),
        (None, None) if !voci.contains_key("notifica.data_ritiro") => None,
        (None, _) => return Err(errore("notifica.modo", "manca il modo in cui l'atto è arrivato")),
        (Some(_), None) => return Err(errore("notifica.data", "manca la data che corrisponde al modo di notifica")),
    };
    let r = Risposte {
        atto: testo("atto"),
        origine: testo("origine"),
        data_elaborazione: data_di("data_elaborazione"),
        anno_presentazione: voci.get("anno_presentazione").and_then(|v| v.parse().ok()),
        richiedente: testo("richiedente"),
        obiettivo: testo("obiettivo"),
        prima_richiesta_civis: testo("prima_richiesta_civis"),
        importo: voci.get("importo").and_then(|v| leggi_importo(v)),
        data_comunicazione_aggiornata: data_di("data_comunicazione_aggiornata"),
        notifica,
        voci,
    };
    // Answers to questions that only make sense in one case (`fuori_caso` in domande.yaml).
    for d in regole.domande.iter().filter(|d| r.voci.contains_key(&*d.chiave)) {
        if let Some(messaggio) = d.fuori_caso.as_ref().filter(|_| !d.si_applica(&r.voci)) {
            return Err(errore(&d.chiave, messaggio.to_string()));
        }
    }
    if let (Some(atto), Some(n)) = (&r.atto, &r.notifica) {
        let modo = regole.notifica.iter().find(|m| m.valore == n.modo).expect("validated above");
        if !modo.atti.ha(atto) {
            let adatti: Vec<&str> = regole.notifica.iter().filter(|m| m.atti.ha(atto)).map(|m| &*m.valore).collect();
            return Err(errore(
                "notifica.modo",
                format!(
                    "il modo «{}» non è possibile per l'atto «{atto}» ({}); modi possibili: {}",
                    n.modo,
                    modo.data_inserita,
                    adatti.join(", ")
                ),
            ));
        }
    }
    if let (Some(n), Some(agg)) = (&r.notifica, r.data_comunicazione_aggiornata) {
        if agg < n.data {
            return Err(errore(
                "data_comunicazione_aggiornata",
                format!(
                    "la comunicazione aggiornata ({}) non può precedere la notifica della comunicazione originale",
                    crate::testo::data_it(agg)
                ),
            ));
        }
    }
    if let Some(n) = &r.notifica {
        if let Some(ritiro) = n.data_ritiro.filter(|r| *r < n.data) {
            return Err(errore(
                "notifica.data_ritiro",
                format!(
                    "il ritiro ({}) non può precedere la data indicata per la notifica",
                    crate::testo::data_it(ritiro)
                ),
            ));
        }
        if let Some(el) = r.data_elaborazione.filter(|el| n.data < *el) {
            return Err(errore(
                "notifica.data",
                format!(
                    "la notifica non può precedere l'elaborazione della comunicazione ({})",
                    crate::testo::data_it(el)
                ),
            ));
        }
    }
    Ok(r)
}

#[cfg(test)]
mod test {
    use super::*;

    fn oggi() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 6, 1).unwrap()
    }

    fn leggi(json: &str) -> Result<Risposte, ErroreRisposte> {
        da_json(crate::regole::incorporate(), json, oggi())
    }

    #[test]
    fn reads_a_full_case() {
        let r = leggi(r#"{"atto":"cartella","origine":"controllo_automatizzato","notifica":{"modo":"pec","data":"2026-03-02"},"importo":2400,"anno_presentazione":2023}"#).unwrap();
        assert_eq!(r.notifica.unwrap().data, NaiveDate::from_ymd_opt(2026, 3, 2).unwrap());
        assert_eq!(r.importo, Some(2400.0));
        assert_eq!(r.anno_presentazione, Some(2023));
    }

    #[test]
    fn every_kind_of_bad_input_names_its_key() {
        let casi = [
            ("not json", "(input)", "JSON"),
            ("[1]", "(input)", "oggetto"),
            (r#"{"colore":"blu"}"#, "colore", "sconosciuta"),
            (r#"{"atto":"multa_stradale"}"#, "atto", "non ammesso"),
            (r#"{"notifica":{"modo":"pec","data":"2025-02-30"}}"#, "notifica.data", "non esiste"),
            (r#"{"notifica":{"modo":"pec","data":"30/01/2025"}}"#, "notifica.data", "AAAA-MM-GG"),
            (r#"{"notifica":{"modo":"pec","data":"2027-01-01"}}"#, "notifica.data", "futuro"),
            (r#"{"notifica":{"modo":"pec","data":"2026-01-01","colore":"x"}}"#, "notifica.colore", "sconosciuta"),
            (r#"{"notifica":"pec"}"#, "notifica", "oggetto"),
            (r#"{"notifica":{"data":"2026-01-01"}}"#, "notifica.modo", "manca"),
            (r#"{"importo":-5}"#, "importo", "negativo"),
            (r#"{"importo":"tanti"}"#, "importo", "numero"),
            (r#"{"anno_presentazione":1800}"#, "anno_presentazione", "non è possibile"),
            (
                r#"{"data_elaborazione":"2026-02-01","notifica":{"modo":"pec","data":"2026-01-01"}}"#,
                "notifica.data",
                "elaborazione",
            ),
            (
                r#"{"notifica":{"modo":"atto_giudiziario_cad","data":"2026-03-02","data_ritiro":"2026-03-01"}}"#,
                "notifica.data_ritiro",
                "precedere",
            ),
            (
                r#"{"atto":"cartella","notifica":{"modo":"entratel","data":"2026-03-02"}}"#,
                "notifica.modo",
                "non è possibile",
            ),
            (
                r#"{"atto":"avviso_bonario","notifica":{"modo":"entratel","data":"2026-03-02"}}"#,
                "notifica.modo",
                "non è possibile",
            ),
            (
                r#"{"atto":"avviso_telematico","notifica":{"modo":"raccomandata","data":"2026-03-02"}}"#,
                "notifica.modo",
                "entratel",
            ),
            (
                r#"{"atto":"avviso_bonario","prima_richiesta_civis":"chiusa_respinta","data_comunicazione_aggiornata":"2026-03-02"}"#,
                "data_comunicazione_aggiornata",
                "chiusa_parziale",
            ),
            (
                r#"{"atto":"avviso_bonario","data_comunicazione_aggiornata":"2026-03-02"}"#,
                "data_comunicazione_aggiornata",
                "chiusa_parziale",
            ),
            (
                r#"{"atto":"avviso_bonario","prima_richiesta_civis":"chiusa_parziale","notifica":{"modo":"pec","data":"2026-03-02"},"data_comunicazione_aggiornata":"2026-03-01"}"#,
                "data_comunicazione_aggiornata",
                "precedere",
            ),
        ];
        for (json, chiave, parola) in casi {
            let e = leggi(json).expect_err(json);
            assert_eq!(e.chiave, chiave, "{json}");
            assert!(e.messaggio.contains(parola), "{json}: {}", e.messaggio);
        }
    }

    #[test]
    fn amounts_are_read_as_people_type_them() {
        assert_eq!(leggi_importo("2400"), Some(2400.0));
        assert_eq!(leggi_importo("2400,50"), Some(2400.5));
        assert_eq!(leggi_importo(" 2400.5 "), Some(2400.5));
        assert_eq!(leggi_importo("0,07"), Some(0.07));
        let enorme = leggi_importo(&1e300_f64.to_string()); // what advise passes on for a JSON 1e300
        assert!(enorme.is_some_and(|n| (n / 1e300 - 1.0).abs() < 1e-9), "{enorme:?}");
        assert_eq!(leggi_importo(&1e-7_f64.to_string()), Some(1e-7));
        for no in ["", "abc", ",50", "1.234,56", "1e3", "12 000", "-5", "2400,5x"] {
            assert_eq!(leggi_importo(no), None, "{no}");
        }
    }
}
