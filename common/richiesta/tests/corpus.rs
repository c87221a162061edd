//! The crafted corpus of issue 22 (`tests/allegati`, written by its `genera.py`): every file in `attivi/` refused
//! for the reason `attesi.tsv` names, every file in `puliti/` admitted. Each file is checked on its own thread so
//! that a failure names the file.

use civis_richiesta::allegati::{verifica_file, File, Gravita};
use std::path::{Path, PathBuf};

fn cartella(nome: &str) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/allegati").join(nome);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    assert!(files.len() >= 10, "{}: the corpus is missing (python3 tests/allegati/genera.py)", dir.display());
    files
}

fn attesi() -> Vec<(String, String)> {
    let testo =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/allegati/attesi.tsv")).unwrap();
    testo
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
        .map(|l| {
            let (f, p) = l.split_once('\t').unwrap();
            (f.to_string(), p.to_string())
        })
        .collect()
}

fn giudica(percorso: &Path) -> civis_richiesta::allegati::Verdetto {
    let byte = std::fs::read(percorso).unwrap();
    let nome = percorso.file_name().unwrap().to_str().unwrap();
    verifica_file(&File { nome, byte: &byte })
}

#[test]
fn every_active_file_is_refused_for_its_reason() {
    let attesi = attesi();
    let mut sbagliati = Vec::new();
    let files = cartella("attivi");
    assert_eq!(files.len(), attesi.len(), "attesi.tsv and attivi/ disagree");
    for f in &files {
        let nome = f.file_name().unwrap().to_str().unwrap();
        let parola = &attesi.iter().find(|(n, _)| n == nome).unwrap_or_else(|| panic!("{nome} not in attesi.tsv")).1;
        let v = giudica(f);
        let trovato =
            v.rilievi.iter().any(|r| r.gravita == Gravita::Errore && r.testo.to_string().contains(parola.as_str()));
        if v.ammesso() || !trovato {
            sbagliati.push(format!("{nome}: expected an error with «{parola}», got {:?}", v.rilievi));
        }
    }
    assert!(sbagliati.is_empty(), "{}", sbagliati.join("\n"));
}

#[test]
fn every_clean_file_is_admitted() {
    let sbagliati: Vec<String> = cartella("puliti")
        .iter()
        .map(|f| (f, giudica(f)))
        .filter(|(_, v)| !v.ammesso())
        .map(|(f, v)| format!("{}: {:?}", f.display(), v.rilievi))
        .collect();
    assert!(sbagliati.is_empty(), "{}", sbagliati.join("\n"));
}
