//! `civis-guida allegati` end to end on the crafted corpus (`tests/allegati`): one JSON line per file with the
//! documented keys, exit 0 when all are admitted, 1 when any is not, 2 on bad usage or an unreadable file.

use std::path::{Path, PathBuf};
use std::process::Command;

fn corpus(cartella: &str) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/allegati").join(cartella);
    let mut f: Vec<PathBuf> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).collect();
    f.sort();
    f
}

fn allegati(args: &[&str], files: &[PathBuf]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_civis-guida")).arg("allegati").args(args).args(files).output().unwrap();
    (out.status.code().unwrap(), String::from_utf8(out.stdout).unwrap(), String::from_utf8(out.stderr).unwrap())
}

#[test]
fn json_lines_and_exit_codes() {
    let puliti = corpus("puliti");
    let (codice, out, _) = allegati(&["--json"], &puliti);
    assert_eq!(codice, 0, "{out}");
    let righe: Vec<serde_json::Value> = out.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(righe.len(), puliti.len());
    for r in &righe {
        let mut chiavi: Vec<&str> = r.as_object().unwrap().keys().map(String::as_str).collect();
        chiavi.sort_unstable();
        assert_eq!(chiavi, ["ammesso", "file", "firma", "formato", "rilievi"], "{r}");
        assert!(r["rilievi"].as_array().unwrap().len() <= 1, "one message per file: {r}");
        assert_eq!(r["ammesso"], true, "{r}");
        assert!(r["file"].as_str().unwrap().contains("puliti"));
        assert!(r["rilievi"].as_array().unwrap().iter().all(|x| x["gravita"] == "avviso"), "{r}");
    }

    let attivi = corpus("attivi");
    let (codice, out, _) = allegati(&["--json"], &attivi[..3]);
    assert_eq!(codice, 1);
    for l in out.lines() {
        let r: serde_json::Value = serde_json::from_str(l).unwrap();
        assert_eq!(r["ammesso"], false, "{r}");
        assert!(r["rilievi"].as_array().unwrap().iter().any(|x| x["gravita"] == "errore"), "{r}");
    }

    // A signed file says so, and which signature.
    let firmato =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/allegati/puliti/pdf_firmato_due_volte.pdf.p7m.p7m");
    let (codice, out, _) = allegati(&["--json"], &[firmato]);
    assert_eq!(codice, 0, "{out}");
    let r: serde_json::Value = serde_json::from_str(out.trim()).unwrap();
    assert_eq!(r["firma"], "CAdES", "{r}");
    assert_eq!(r["formato"], "PDF, firmato digitalmente 2 volte (CAdES, .p7m)", "{r}");

    // Plain text for people: the verdict in Italian.
    let (codice, out, _) = allegati(&[], &puliti[..1]);
    assert_eq!(codice, 0);
    assert!(out.contains(": ammesso ("), "{out}");
}

#[test]
fn a_second_request_counts_its_files_and_bad_usage_exits_2() {
    let undici: Vec<PathBuf> = std::iter::repeat_n(corpus("puliti")[0].clone(), 11).collect();
    let (codice, _, err) = allegati(&["--seconda"], &undici);
    assert_eq!(codice, 1);
    assert!(err.contains("al massimo 10 file"), "{err}");
    assert_eq!(allegati(&[], &undici).0, 0, "without --seconda each file is judged alone");

    let (codice, out, err) = allegati(&["--json"], &[corpus("puliti")[0].clone(), PathBuf::from("/non/esiste.pdf")]);
    assert_eq!(codice, 2);
    assert!(out.is_empty(), "nothing half-written: {out}");
    assert!(err.contains("non riesco a leggere /non/esiste.pdf"), "{err}");
    assert_eq!(allegati(&[], &[]).0, 2);
    assert_eq!(allegati(&["--sconosciuta"], &undici[..1]).0, 2);
}
