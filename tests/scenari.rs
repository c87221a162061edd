//! Scenario files in `tests/scenarios/` (our own, worked out by hand from the sources) run through the real
//! `civis-guida advise`. Every advice is also checked against the published JSON Schemas, and every deadline
//! must explain its computation and cite its source. The shared scenarios run in `.ci/run` with the official
//! checker.

mod support;

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Command;

fn schema(name: &str) -> jsonschema::Validator {
    let text = std::fs::read_to_string(support::repo().join("schemas").join(name)).unwrap();
    jsonschema::validator_for(&serde_json::from_str(&text).unwrap()).unwrap()
}

fn advise(oggi: &str, risposte: &Value) -> (i32, String, String) {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_civis-guida"));
    cmd.args(["advise", "--today", oggi, "-"]);
    let out = support::con_input(cmd, risposte.to_string().as_bytes());
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into(),
        String::from_utf8_lossy(&out.stderr).into(),
    )
}

fn ids(v: &Value, key: &str) -> Vec<String> {
    v[key].as_array().unwrap().iter().map(|x| x["id"].as_str().unwrap().to_string()).collect()
}

/// Checks one scenario; returns the mismatches.
fn check(
    path: &Path,
    risposte_schema: &jsonschema::Validator,
    consiglio_schema: &jsonschema::Validator,
) -> Vec<String> {
    let sc: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let (exp, oggi, risposte) = (&sc["atteso"], sc["oggi"].as_str().unwrap(), &sc["risposte"]);
    let (code, stdout, stderr) = advise(oggi, risposte);
    let mut errs = Vec::new();
    if exp["errore"] == Value::Bool(true) {
        if code != 2 || !stdout.trim().is_empty() || !stderr.contains("risposta «") {
            errs.push(format!("bad input: exit {code}, stdout {stdout:?}, stderr {stderr:?}"));
        }
        return errs;
    }
    if !risposte_schema.is_valid(risposte) {
        errs.push("answers do not match schemas/risposte.schema.json".into());
    }
    if code != 0 {
        return vec![format!("exit {code}: {stderr}")];
    }
    let out: Value = serde_json::from_str(&stdout).unwrap();
    for e in consiglio_schema.iter_errors(&out) {
        errs.push(format!("schema: {e} at {}", e.instance_path()));
    }
    let (canali, avvisi) = (ids(&out, "canali"), ids(&out, "avvisi"));
    if let Some(n) = exp.get("notifica_perfezionata") {
        if &out["notifica_perfezionata"] != n {
            errs.push(format!("notifica_perfezionata {} != {n}", out["notifica_perfezionata"]));
        }
    }
    if let Some(c) = exp.get("canale_principale") {
        if canali.first().map(String::as_str) != c.as_str() {
            errs.push(format!("first channel {canali:?} != {c}"));
        }
    }
    let list = |k: &str| exp.get(k).and_then(Value::as_array).cloned().unwrap_or_default();
    for c in list("canali_inclusi").iter().filter(|c| !canali.iter().any(|x| Some(x.as_str()) == c.as_str())) {
        errs.push(format!("channel {c} missing from {canali:?}"));
    }
    for c in list("canali_esclusi").iter().filter(|c| canali.iter().any(|x| Some(x.as_str()) == c.as_str())) {
        errs.push(format!("channel {c} should not be offered"));
    }
    for a in list("avvisi_inclusi").iter().filter(|a| !avvisi.iter().any(|x| Some(x.as_str()) == a.as_str())) {
        errs.push(format!("warning {a} missing from {avvisi:?}"));
    }
    for a in list("avvisi_esclusi").iter().filter(|a| avvisi.iter().any(|x| Some(x.as_str()) == a.as_str())) {
        errs.push(format!("warning {a} should not be given"));
    }
    let scadenze = out["scadenze"].as_array().unwrap();
    let find = |id: &str| scadenze.iter().find(|s| s["id"] == id);
    for (id, data) in exp.get("scadenze").and_then(Value::as_object).into_iter().flatten() {
        match find(id) {
            Some(s) if &s["data"] == data => {}
            other => errs.push(format!("deadline {id}: {:?} != {data}", other.map(|s| &s["data"]))),
        }
    }
    for id in list("scadute") {
        if find(id.as_str().unwrap()).map(|s| &s["scaduta"]) != Some(&Value::Bool(true)) {
            errs.push(format!("deadline {id} should be marked scaduta"));
        }
    }
    for id in list("scadenze_assenti").iter().filter_map(Value::as_str).filter(|id| find(id).is_some()) {
        errs.push(format!("deadline {id} should not be given"));
    }
    // The keys of the official checker (../shared/tools/check_scenarios.py) that compare one value of the advice.
    for k in ["scadenza_principale", "esito", "giorni_di_ritardo"] {
        if let Some(v) = exp.get(k).filter(|v| out.get(k) != Some(*v)) {
            errs.push(format!("{k} {} != {v}", out.get(k).unwrap_or(&Value::Null)));
        }
    }
    if list("esiti_esclusi").contains(&out["esito"]) {
        errs.push(format!("esito {} should not be the outcome", out["esito"]));
    }
    // A deadline's field must match a pattern, case-insensitively (`in_breve`: its line; `fonti`: its source).
    for (chiave, campo) in [("in_breve", "in_breve"), ("fonti", "fonte")] {
        for (id, rx) in exp.get(chiave).and_then(Value::as_object).into_iter().flatten() {
            let rx = regex::RegexBuilder::new(rx.as_str().unwrap()).case_insensitive(true).build().unwrap();
            let testo = find(id).and_then(|s| s[campo].as_str()).unwrap_or("");
            if !rx.is_match(testo) {
                errs.push(format!("deadline {id}: {campo} {testo:?} does not match /{rx}/"));
            }
        }
    }
    let passi = out["passi"].as_array().unwrap().iter().filter_map(Value::as_str).collect::<Vec<_>>().join(" | ");
    for t in list("passi_senza").iter().filter_map(Value::as_str) {
        if passi.to_lowercase().contains(&t.to_lowercase()) {
            errs.push(format!("a step still says {t:?}"));
        }
    }
    // Every deadline explains how its date was found and cites its source.
    for s in scadenze {
        let calcolo: Vec<&str> = s["calcolo"].as_array().unwrap().iter().filter_map(Value::as_str).collect();
        let fonte = s["fonte"].as_str().unwrap_or("");
        if fonte.is_empty() || calcolo.len() < 2 || !calcolo.iter().any(|r| r.contains(fonte)) {
            errs.push(format!("deadline {} does not explain its computation with its source: {calcolo:?}", s["id"]));
        }
    }
    errs
}

fn run_dir(dir: &Path) -> usize {
    let (rs, cs) = (schema("risposte.schema.json"), schema("consiglio.schema.json"));
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    let failures: Vec<String> = files
        .iter()
        .flat_map(|f| {
            check(f, &rs, &cs).into_iter().map(move |e| format!("{}: {e}", f.file_name().unwrap().to_string_lossy()))
        })
        .collect();
    assert!(failures.is_empty(), "{} failures:\n{}", failures.len(), failures.join("\n"));
    files.len()
}

#[test]
fn our_scenarios_pass_through_the_real_binary() {
    let n = run_dir(&support::repo().join("tests/scenarios"));
    assert!(n >= 150, "only {n} scenario files");
}

#[test]
fn the_shared_sample_cases_pass_too() {
    // A copy of ../shared/scenarios, so that a clone with nothing beside it runs them (CI also runs the originals
    // with the official checker).
    let n = run_dir(&support::repo().join("tests/scenari-condivisi"));
    assert!(n >= 11, "only {n} shared scenario files");
    // With ../shared beside the clone (as in CI), the copy must be the same files, byte for byte; without it the
    // copy stands alone.
    let originali = support::repo().join("../shared/scenarios");
    if originali.is_dir() {
        let leggi = |d: &std::path::Path| -> std::collections::BTreeMap<String, Vec<u8>> {
            std::fs::read_dir(d)
                .unwrap()
                .flatten()
                .filter(|e| e.path().extension().is_some_and(|x| x == "json"))
                .map(|e| (e.file_name().to_string_lossy().into_owned(), std::fs::read(e.path()).unwrap()))
                .collect()
        };
        let copia = leggi(&support::repo().join("tests/scenari-condivisi"));
        let fonte = leggi(&originali);
        assert_eq!(copia.keys().collect::<Vec<_>>(), fonte.keys().collect::<Vec<_>>(), "tests/scenari-condivisi");
        for (nome, byte) in &fonte {
            assert!(
                copia[nome] == *byte,
                "tests/scenari-condivisi/{nome} differs from ../shared/scenarios: copy it again"
            );
        }
    }
}

#[test]
fn today_must_be_a_real_date() {
    let out = Command::new(env!("CARGO_BIN_EXE_civis-guida"))
        .args(["advise", "--today", "2026-02-30", "-"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("non esiste"));
}

#[test]
fn the_published_schemas_are_the_ones_the_rules_generate() {
    // The enums of schemas/ (acts, modes, goals, channel, deadline and warning ids) come from content/wizard/:
    // a new act must reach them through `civis-guida schemi`, never by hand.
    let regole = civis_engine::regole::incorporate();
    for (nome, generato) in civis_engine::schemi::file(regole) {
        let pubblicato: Value =
            serde_json::from_str(&std::fs::read_to_string(support::repo().join("schemas").join(nome)).unwrap())
                .unwrap();
        let generato: Value = serde_json::from_str(&generato).unwrap();
        assert!(pubblicato == generato, "schemas/{nome} is not the one the rules generate: run `civis-guida schemi`");
    }
    let atti = schema_enum("risposte.schema.json", &["properties", "atto", "enum"]);
    let dichiarati: Vec<String> = regole.atti.iter().map(|a| a.id.clone()).collect();
    assert_eq!(atti, dichiarati, "every act of atti.yaml, and no other, in the answers' schema");
    assert!(dichiarati.contains(&"pignoramento_terzi".to_string()) && dichiarati.len() >= 12);
}

/// An enum of a published schema, as strings.
fn schema_enum(nome: &str, percorso: &[&str]) -> Vec<String> {
    let v: Value =
        serde_json::from_str(&std::fs::read_to_string(support::repo().join("schemas").join(nome)).unwrap()).unwrap();
    let e = percorso.iter().fold(&v, |v, k| &v[*k]);
    e.as_array().unwrap().iter().map(|x| x.as_str().unwrap().to_string()).collect()
}
