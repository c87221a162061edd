//! The answers (input of `advise`, docs/advise-contract.md): read from JSON or from the wizard's flat answers,
//! every value checked against the question that asks for it, every error named by its key in Italian.

use crate::condizione::{filtra, Voci};
use crate::modello::{Domanda, Regole, TipoDomanda};
use crate::motivo::Motivo;
use crate::tabella::Elenco;
use crate::testo::Frase;
use chrono::{Datelike, NaiveDate};
use std::fmt;

/// A bad answer: which key and what is wrong (Italian).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ErroreRisposte {
    /// The key, dotted for nested keys (`notifica.data`); `(input)` when the whole input is unreadable.
    pub chiave: String,
    /// What is wrong, in Italian.
    pub messaggio: String,
    /// Why, as data, when a page in another language can say it in its own words (a value the person typed).
    pub motivo: Option<Motivo>,
}

impl fmt::Display for ErroreRisposte {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "risposta «{}»: {}", self.chiave, self.messaggio)
    }
}

impl std::error::Error for ErroreRisposte {}

fn errore(chiave: &str, messaggio: impl Into<String>) -> ErroreRisposte {
    ErroreRisposte { chiave: chiave.into(), messaggio: messaggio.into(), motivo: None }
}

/// The error for `chiave` with its reason, the message made from it.
pub fn errore_per(chiave: &str, motivo: Motivo) -> ErroreRisposte {
    ErroreRisposte { chiave: chiave.into(), messaggio: motivo.messaggio(), motivo: Some(motivo) }
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

/// The answers, checked: the ones the engine computes with, typed; all of them, flat, in `voci`.
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
    /// What the person wants.
    pub obiettivo: Option<String>,
    /// Date of the updated communication after a partially accepted CIVIS request.
    pub data_comunicazione_aggiornata: Option<NaiveDate>,
    /// The same answers, flat (for the flow and the outcome rules).
    pub voci: Voci,
}

/// The answers as the rules read them: each question's `predefinito` filled in for a question skipped or not
/// asked (`prima_richiesta_civis` = `nessuna`, `cartella_notificata` = `si`), empty answers left out.
pub fn con_predefiniti(regole: &Regole, voci: &Voci) -> Voci {
    let mut v = filtra(voci, &|_, x| !x.is_empty());
    for d in regole.domande.iter() {
        if let Some(p) = d.predefinito.as_ref() {
            v.entry(d.chiave.clone()).or_insert_with(|| p.clone());
        }
    }
    v
}

/// The years a date or a year may have: the acts this guide covers, with room on both sides.
pub const ANNI: std::ops::RangeInclusive<i32> = 1900..=2100;

/// Reads the answers from a JSON text.
#[cfg(feature = "json")]
pub fn da_json(regole: &Regole, testo: &str, oggi: NaiveDate) -> Result<Risposte, ErroreRisposte> {
    let coppie = json::leggi(testo)?;
    let mut voci = Voci::new();
    for (chiave, v) in coppie.0 {
        match v {
            json::Valore::Oggetto(interno) if chiave == "notifica" => {
                for (k, v) in interno.0 {
                    piatta(regole, &format!("notifica.{k}"), v, &mut voci)?;
                }
            }
            v => piatta(regole, &chiave, v, &mut voci)?,
        }
    }
    da_voci(regole, &voci, oggi)
}

/// JSON with what `serde_json::Value` hides: a key given twice is an error, not the last one silently winning.
#[cfg(feature = "json")]
mod json {
    use super::{errore, ErroreRisposte};
    use serde::de::{Deserialize, Deserializer, MapAccess, Visitor};
    use serde_json::Value;

    /// A JSON value: an object keeps its pairs in order (and tells a repeated key), anything else as serde has it.
    pub(super) enum Valore {
        Oggetto(Coppie),
        Altro(Value),
    }

    /// An object's pairs; a repeated key is an error while reading.
    pub(super) struct Coppie(pub(super) Vec<(String, Valore)>);

    impl<'de> Deserialize<'de> for Valore {
        fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            struct V;
            impl<'de> Visitor<'de> for V {
                type Value = Valore;
                fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                    f.write_str("un valore JSON")
                }
                fn visit_map<A: MapAccess<'de>>(self, mut m: A) -> Result<Valore, A::Error> {
                    let mut coppie: Vec<(String, Valore)> = Vec::new();
                    while let Some(k) = m.next_key::<String>()? {
                        if coppie.iter().any(|(x, _)| *x == k) {
                            return Err(serde::de::Error::custom(format!("la chiave «{k}» è ripetuta")));
                        }
                        coppie.push((k, m.next_value()?));
                    }
                    Ok(Valore::Oggetto(Coppie(coppie)))
                }
                fn visit_bool<E>(self, b: bool) -> Result<Valore, E> {
                    Ok(Valore::Altro(Value::Bool(b)))
                }
                fn visit_i64<E>(self, n: i64) -> Result<Valore, E> {
                    Ok(Valore::Altro(n.into()))
                }
                fn visit_u64<E>(self, n: u64) -> Result<Valore, E> {
                    Ok(Valore::Altro(n.into()))
                }
                fn visit_f64<E>(self, n: f64) -> Result<Valore, E> {
                    Ok(Valore::Altro(serde_json::Number::from_f64(n).map_or(Value::Null, Value::Number)))
                }
                fn visit_str<E>(self, s: &str) -> Result<Valore, E> {
                    Ok(Valore::Altro(Value::String(s.into())))
                }
                fn visit_unit<E>(self) -> Result<Valore, E> {
                    Ok(Valore::Altro(Value::Null))
                }
                fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut s: A) -> Result<Valore, A::Error> {
                    while s.next_element::<serde::de::IgnoredAny>()?.is_some() {}
                    Ok(Valore::Altro(Value::Array(Vec::new())))
                }
            }
            d.deserialize_any(V)
        }
    }

    /// The answers' object.
    pub(super) fn leggi(testo: &str) -> Result<Coppie, ErroreRisposte> {
        let v: Valore = serde_json::from_str(testo).map_err(|e| {
            let perche = if e.to_string().contains("ripetuta") {
                e.to_string().split(" at line ").next().unwrap_or_default().to_string()
            } else {
                "il testo non è un JSON valido".into()
            };
            errore("(input)", format!("{perche} (riga {}, colonna {})", e.line(), e.column()))
        })?;
        match v {
            Valore::Oggetto(c) => Ok(c),
            Valore::Altro(_) => {
                Err(errore("(input)", "serve un oggetto JSON con le risposte, per esempio {\"atto\": \"cartella\"}"))
            }
        }
    }
}

#[cfg(feature = "json")]
/// One JSON value into the flat answers, with its type checked against the question that asks for it.
fn piatta(regole: &Regole, chiave: &str, v: json::Valore, voci: &mut Voci) -> Result<(), ErroreRisposte> {
    use serde_json::Value;
    let tipo = &domanda_di(regole, chiave)?.tipo;
    let v = match v {
        json::Valore::Altro(v) => v,
        json::Valore::Oggetto(_) => return Err(errore(chiave, "deve essere un valore, non un oggetto")),
    };
    let testo = match (tipo, v) {
        (_, Value::Null) => return Ok(()),
        (TipoDomanda::Importo | TipoDomanda::Anno, Value::Number(n)) => match (n.as_i64(), n.as_f64()) {
            (_, Some(f)) if f == 0.0 && f.is_sign_negative() => {
                return Err(errore(chiave, "«-0» non è un importo: scrivi 0, senza segno"))
            }
            (Some(i), _) => i.to_string(),
            // Written without an exponent (f64's Display never uses one), as a person would type it.
            (None, Some(f)) => f.to_string(),
            (None, None) => n.to_string(),
        },
        (TipoDomanda::Importo | TipoDomanda::Anno, _) => return Err(errore(chiave, "deve essere un numero")),
        (TipoDomanda::Scelta, Value::Bool(b)) => b.to_string(),
        (_, Value::String(s)) => s,
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
    regole.domanda(chiave).ok_or_else(|| {
        errore(chiave, "chiave sconosciuta: le chiavi ammesse sono descritte in docs/advise-contract.md")
    })
}

/// Checks one flat answer: the error for the person (its message in Italian) when it is not acceptable.
pub fn valida(regole: &Regole, chiave: &str, valore: &str, oggi: NaiveDate) -> Result<(), ErroreRisposte> {
    let domanda = domanda_di(regole, chiave)?;
    let no = |motivo| Err(errore_per(chiave, motivo));
    match domanda.tipo {
        TipoDomanda::Scelta => {
            let ammessi = regole.valori(chiave);
            if !ammessi.contains(&valore) {
                let messaggio = format!("valore «{valore}» non ammesso; valori ammessi: {}", ammessi.join(", "));
                return Err(errore(chiave, messaggio));
            }
        }
        TipoDomanda::Data => {
            let d = data(valore).map_err(|mut e| {
                e.chiave = chiave.into();
                e
            })?;
            if d > oggi {
                return no(Motivo::DataFutura(d));
            }
        }
        TipoDomanda::Anno => {
            let Ok(anno) = valore.parse::<i32>() else { return no(Motivo::NonAnno(valore.into())) };
            let minimo = domanda.anno_minimo.unwrap_or(*ANNI.start());
            if !(minimo..=oggi.year()).contains(&anno) {
                return no(Motivo::AnnoRisposta { anno, minimo });
            }
        }
        TipoDomanda::Importo => {
            if valore.trim_start().starts_with('-') {
                return no(Motivo::ImportoNegativo);
            }
            if crate::numero::canonico(valore).is_none() {
                return no(Motivo::NonImporto(valore.into()));
            }
        }
    }
    Ok(())
}

/// Reads a `YYYY-MM-DD` date, telling an impossible date from a badly written one and refusing years outside
/// [`ANNI`].
pub fn leggi_data(valore: &str) -> Result<NaiveDate, String> {
    data(valore).map_err(|e| e.messaggio)
}

/// [`leggi_data`], with the reason when a person can be told it (the key is left empty for the caller).
fn data(valore: &str) -> Result<NaiveDate, ErroreRisposte> {
    let parti: Vec<&str> = valore.split('-').collect();
    let numeri: Option<Vec<u32>> = parti.iter().map(|p| p.parse().ok()).collect();
    let d = match (parti.as_slice(), numeri) {
        ([a, m, g], Some(n)) if a.len() == 4 && m.len() == 2 && g.len() == 2 => {
            NaiveDate::from_ymd_opt(n[0] as i32, n[1], n[2])
                .ok_or_else(|| errore_per("", Motivo::DataInesistente(valore.into())))?
        }
        _ => return Err(errore("", format!("«{valore}» non è una data nel formato AAAA-MM-GG"))),
    };
    if !ANNI.contains(&d.year()) {
        return Err(errore_per("", Motivo::AnnoData { anno: d.year(), minimo: *ANNI.start(), massimo: *ANNI.end() }));
    }
    Ok(d)
}

/// Builds the answers from the flat map (empty values = skipped questions), checking every value and the
/// relations between dates.
pub fn da_voci(regole: &Regole, voci: &Voci, oggi: NaiveDate) -> Result<Risposte, ErroreRisposte> {
    let voci = filtra(voci, &|_, v| !v.is_empty());
    for (k, v) in &voci {
        valida(regole, k, v, oggi)?;
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
        obiettivo: testo("obiettivo"),
        data_comunicazione_aggiornata: data_di("data_comunicazione_aggiornata"),
        notifica,
        voci,
    };
    // Answers to questions that only make sense in one case (`fuori_caso` in domande.yaml).
    for d in regole.domande.iter().filter(|d| r.voci.contains_key(&*d.chiave)) {
        let si_applica = regole.domande.iter().any(|x| x.chiave == d.chiave && x.si_applica(&r.voci));
        if let Some(messaggio) = d.fuori_caso.as_ref().filter(|_| !si_applica) {
            return Err(errore(&d.chiave, messaggio.to_string()));
        }
    }
    relazioni(regole, &r)?;
    offerte(regole, &r.voci)?;
    Ok(r)
}

/// A choice must be one the question offers in this case (an option with `quando` only where it applies: «evitare»
/// only for the acts that announce a next step).
fn offerte(regole: &Regole, voci: &Voci) -> Result<(), ErroreRisposte> {
    for (k, v) in voci {
        let chieste: Vec<&Domanda> = regole
            .domande
            .iter()
            .filter(|d| d.chiave == *k && d.tipo == TipoDomanda::Scelta && d.si_applica(voci))
            .collect();
        if chieste.is_empty() || chieste.iter().any(|d| d.opzioni_per(voci).any(|o| o.valore == *v)) {
            continue;
        }
        let mut ammessi: Vec<&str> = Vec::new();
        for o in chieste.iter().flat_map(|d| d.opzioni_per(voci)) {
            if !ammessi.contains(&o.valore.as_str()) {
                ammessi.push(&o.valore);
            }
        }
        return Err(errore(
            k,
            format!("valore «{v}» non ammesso in questo caso; valori ammessi: {}", ammessi.join(", ")),
        ));
    }
    Ok(())
}

/// What the answers say of each other: the mode fits the act, and the dates follow one another.
fn relazioni(regole: &Regole, r: &Risposte) -> Result<(), ErroreRisposte> {
    if let (Some(atto), Some(n)) = (&r.atto, &r.notifica) {
        let modo = regole.notifica.iter().find(|m| m.valore == n.modo).expect("validated above");
        if !modo.atti.ha(atto) {
            let adatti: Vec<&str> = regole.notifica.iter().filter(|m| m.atti.ha(atto)).map(|m| &*m.valore).collect();
            let possibili = if adatti.is_empty() {
                "per questo atto non si indica la notifica".to_string()
            } else {
                format!("modi possibili: {}", adatti.join(", "))
            };
            return Err(errore(
                "notifica.modo",
                format!(
                    "il modo «{}» non è possibile per l'atto «{atto}» ({}); {possibili}",
                    n.modo, modo.data_inserita
                ),
            ));
        }
    }
    if let (Some(n), Some(agg)) = (&r.notifica, r.data_comunicazione_aggiornata) {
        if agg < n.data {
            return Err(errore_per("data_comunicazione_aggiornata", Motivo::AggiornataPrima(agg)));
        }
    }
    if let Some(n) = &r.notifica {
        if let Some(ritiro) = n.data_ritiro.filter(|r| *r < n.data) {
            return Err(errore_per("notifica.data_ritiro", Motivo::RitiroPrima(ritiro)));
        }
        if let Some(el) = r.data_elaborazione.filter(|el| n.data < *el) {
            return Err(errore_per("notifica.data", Motivo::NotificaPrima(el)));
        }
    }
    Ok(())
}

#[cfg(all(test, feature = "json"))]
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
        assert_eq!(r.voci["importo"], "2400");
        assert_eq!(r.anno_presentazione, Some(2023));
    }

    #[test]
    fn a_collection_act_with_its_own_answers() {
        let r = leggi(r#"{"atto":"preavviso_fermo","veicolo_strumentale":true,"cartella_notificata":"si","debito_complessivo":1250.5,"notifica":{"modo":"raccomandata","data":"2026-03-02"}}"#).unwrap();
        assert_eq!((r.voci["veicolo_strumentale"].as_str(), r.voci["debito_complessivo"].as_str()), ("true", "1250.5"));
    }

    #[test]
    fn every_kind_of_bad_input_names_its_key() {
        let casi = [
            ("not json", "(input)", "JSON"),
            ("[1]", "(input)", "oggetto"),
            (r#"{"atto":"cartella","atto":"altro"}"#, "(input)", "«atto» è ripetuta"),
            (r#"{"notifica":{"modo":"pec","modo":"pec","data":"2026-01-01"}}"#, "(input)", "«modo» è ripetuta"),
            (r#"{"colore":"blu"}"#, "colore", "sconosciuta"),
            (r#"{"atto":"multa_stradale"}"#, "atto", "non ammesso"),
            (r#"{"notifica":{"modo":"pec","data":"2025-02-30"}}"#, "notifica.data", "non esiste"),
            (r#"{"notifica":{"modo":"pec","data":"30/01/2025"}}"#, "notifica.data", "AAAA-MM-GG"),
            (r#"{"notifica":{"modo":"pec","data":"2027-01-01"}}"#, "notifica.data", "futuro"),
            (r#"{"notifica":{"modo":"pec","data":"0000-01-01"}}"#, "notifica.data", "l'anno 0 non è possibile"),
            (r#"{"notifica":{"modo":"pec","data":"2026-01-01","colore":"x"}}"#, "notifica.colore", "sconosciuta"),
            (r#"{"notifica":"pec"}"#, "notifica", "oggetto"),
            (r#"{"notifica":{"data":"2026-01-01"}}"#, "notifica.modo", "manca"),
            (r#"{"importo":-5}"#, "importo", "negativo"),
            (r#"{"importo":-0}"#, "importo", "senza segno"),
            (r#"{"importo":-0.0}"#, "importo", "senza segno"),
            (r#"{"importo":"tanti"}"#, "importo", "numero"),
            (r#"{"debito_complessivo":-1}"#, "debito_complessivo", "negativo"),
            (r#"{"veicolo_strumentale":"si"}"#, "veicolo_strumentale", "non ammesso"),
            (r#"{"cartella_notificata":"forse"}"#, "cartella_notificata", "non ammesso"),
            (r#"{"pignoramento_presso":"casa"}"#, "pignoramento_presso", "non ammesso"),
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
                r#"{"atto":"intimazione_pagamento","notifica":{"modo":"entratel","data":"2026-03-02"}}"#,
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
            assert_eq!(e.chiave, chiave, "{json}: {e}");
            assert!(e.messaggio.contains(parola), "{json}: {}", e.messaggio);
        }
    }

    #[test]
    fn dates_outside_the_years_of_the_guide_are_refused() {
        assert!(leggi_data("1899-12-31").is_err());
        assert!(leggi_data("2101-01-01").unwrap_err().contains("dal 1900 al 2100"));
        assert!(leggi_data("1900-01-01").is_ok());
    }
}
