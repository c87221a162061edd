//! The JSON Schemas of `advise` (`schemas/`), generated from the rules: every enum (acts, modes, goals, channel,
//! deadline and warning ids) is the rules' own list, so a new act or channel reaches the published schemas without
//! being written by hand. `civis-guida schemi` writes them; a test checks that the published ones are current.

use crate::modello::{Regole, TipoDomanda};
use serde_json::{json, Map, Value};
use std::collections::BTreeSet;

/// Each value once, in first-seen order.
fn unici<'a>(valori: impl IntoIterator<Item = &'a str>) -> Vec<&'a str> {
    let mut visti = BTreeSet::new();
    valori.into_iter().filter(|v| visti.insert(*v)).collect()
}

/// The schema of one answer, from the question that asks for it.
fn risposta(regole: &Regole, chiave: &str) -> Value {
    let Some(d) = regole.domanda(chiave) else { return json!({}) };
    match d.tipo {
        TipoDomanda::Scelta => {
            let valori = unici(regole.valori(chiave));
            if valori.iter().all(|v| *v == "true" || *v == "false") {
                json!({ "enum": [true, false, "true", "false"] })
            } else {
                json!({ "enum": valori })
            }
        }
        TipoDomanda::Data => json!({ "$ref": "#/$defs/data" }),
        TipoDomanda::Anno => json!({ "type": "integer", "minimum": d.anno_minimo.unwrap_or(1900) }),
        TipoDomanda::Importo => json!({ "type": "number", "minimum": 0 }),
    }
}

/// The answers' schema (`schemas/risposte.schema.json`).
pub fn risposte(regole: &Regole) -> Value {
    let mut proprieta = Map::new();
    let mut notifica = Map::new();
    for chiave in unici(regole.domande.iter().map(|d| d.chiave.as_str())) {
        match chiave.strip_prefix("notifica.") {
            Some(k) => notifica.insert(k.to_string(), risposta(regole, chiave)),
            None => proprieta.insert(chiave.to_string(), risposta(regole, chiave)),
        };
    }
    proprieta.insert(
        "notifica".into(),
        json!({ "type": "object", "additionalProperties": false, "required": ["modo", "data"], "properties": notifica }),
    );
    json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "risposte.schema.json",
        "title": "civis-guida advise: answers (input)",
        "description": "The answers of docs/advise-contract.md, generated from the rules (content/wizard/). Keys are optional unless the case needs them; unknown keys are an error. Rules across keys (the mode of notification must fit the act; data_comunicazione_aggiornata only with prima_richiesta_civis = chiusa_parziale) are checked by the engine.",
        "type": "object",
        "additionalProperties": false,
        "properties": proprieta,
        "$defs": { "data": { "type": "string", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$" } },
    })
}

/// The advice's schema (`schemas/consiglio.schema.json`).
pub fn consiglio(regole: &Regole) -> Value {
    let testo = json!({ "type": "string", "minLength": 1 });
    let canali = unici(regole.canali.iter().map(|c| c.id.as_str()));
    let scadenze =
        unici(regole.termini.iter().map(|t| t.id.as_str()).chain(regole.decadenze.iter().map(|d| d.id.as_str())));
    let avvisi = unici(regole.avvisi.iter().map(|a| a.id.as_str()));
    let esiti = unici(
        regole.esiti.iter().flat_map(|e| std::iter::once(e.id.as_str()).chain(e.scaduto.iter().map(|s| s.id.as_str()))),
    );
    let servizio = json!({
        "type": "object", "required": ["testo", "url"], "additionalProperties": false,
        "properties": { "testo": testo, "url": { "type": "string", "pattern": "^https://" } },
    });
    let scadenza = json!({
        "type": "object",
        "required": ["id", "titolo", "fonte", "canale", "calcolo", "regola", "tipo"],
        "additionalProperties": false,
        "properties": {
            "id": { "enum": scadenze }, "titolo": { "type": "string" }, "azione": { "type": "string" },
            "data": { "$ref": "#/$defs/data" }, "scaduta": { "type": "boolean" }, "giorni_rimanenti": { "type": "integer" },
            "fonte": testo, "canale": { "enum": canali }, "calcolo": { "$ref": "#/$defs/righe" }, "regola": testo, "nota": { "type": "string" },
            "tipo": { "enum": ["termine", "verifica"] }, "in_breve": { "type": "string" },
            "entro_prudente": { "$ref": "#/$defs/data" },
        },
    });
    json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "consiglio.schema.json",
        "title": "civis-guida advise: advice (output)",
        "description": "The advice of docs/advise-contract.md (Version 4), generated from the rules (content/wizard/), with the extra keys the engine adds (titolo, azione, regola, nota, tipo, in_breve, entro_prudente, giorni_rimanenti, servizio, avvertenza, notifica, sanzione_ridotta, tolleranza, esito).",
        "type": "object",
        "required": ["canali", "scadenze", "avvisi", "passi", "pagine", "esito"],
        "additionalProperties": false,
        "properties": {
            "notifica_perfezionata": { "$ref": "#/$defs/data" },
            "notifica": {
                "type": "object", "required": ["calcolo", "fonte"], "additionalProperties": false,
                "properties": { "calcolo": { "$ref": "#/$defs/righe" }, "fonte": testo, "nota": { "type": "string" } },
            },
            "canali": {
                "type": "array", "minItems": 1,
                "items": {
                    "type": "object", "required": ["id", "titolo", "pagina"], "additionalProperties": false,
                    "properties": {
                        "id": { "enum": canali }, "titolo": testo, "pagina": { "type": "string", "pattern": "^[a-z0-9/-]*/$" },
                        "servizio": servizio, "avvertenza": testo,
                    },
                },
            },
            "scadenze": { "type": "array", "items": scadenza },
            "scadenza_principale": { "enum": scadenze },
            "giorni_di_ritardo": { "type": "integer", "minimum": 1 },
            "tolleranza": { "enum": scadenze },
            "avvisi": {
                "type": "array",
                "items": {
                    "type": "object", "required": ["id", "testo"], "additionalProperties": false,
                    "properties": { "id": { "enum": avvisi }, "testo": testo },
                },
            },
            "passi": { "$ref": "#/$defs/righe" },
            "pagine": { "type": "array", "items": { "type": "string", "pattern": "^[a-z0-9/-]*/$" } },
            "sanzione_ridotta": {
                "type": "object", "required": ["testo", "fonte"], "additionalProperties": false,
                "properties": { "testo": { "type": "string" }, "fonte": { "type": "string" } },
            },
            "esito": { "enum": esiti },
        },
        "$defs": {
            "data": { "type": "string", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$" },
            "righe": { "type": "array", "minItems": 1, "items": { "type": "string", "minLength": 1 } },
        },
    })
}

/// Both schemas as the files `schemas/` holds: (file name, pretty JSON with a final newline).
pub fn file(regole: &Regole) -> [(&'static str, String); 2] {
    let testo = |v: Value| serde_json::to_string_pretty(&v).expect("a JSON value serialises") + "\n";
    [("risposte.schema.json", testo(risposte(regole))), ("consiglio.schema.json", testo(consiglio(regole)))]
}
