//! The test of the design (issue 23): a new act is content only. A copy of the real site gets a seventh act
//! after the cartella, its term and its outcome in `content/wizard/`, and nothing else; the binary checks it,
//! builds the wizard's pages for it and answers for it in `advise --root`, while the rules embedded in the binary
//! (the repository's) refuse it.

mod support;

use std::path::Path;
use std::process::Command;
use support::{civis, con_input, copy_dir, repo, stderr};

const ATTO: &str = "  - id: sollecito_di_prova
    etichetta: \"Un sollecito di prova\"
    aiuto: \"Un atto inventato per questa prova.\"
    gruppi: [riscossione, dopo_cartella, carta, ader]
";

const TERMINE: &str = "  - id: pagamento_sollecito
    tipo: termine
    titolo: \"Pagare il sollecito\"
    azione: \"Paga\"
    canale: ader
    atti: [sollecito_di_prova]
    giorni: 15
    sospensione: nessuna
    regola: \"15 giorni dalla notifica\"
    fonte: \"art. 50 c. 2 DPR 602/1973\"
";

const ESITO: &str = "  - id: sollecito-pagare
    quando: { atto: [sollecito_di_prova] }
    canali: [ader]
    passi:
      - \"Paga entro 15 giorni.\"
    pagine: [riscossione/intimazione/]
    scaduto:
      id: sollecito-scaduto
      passi:
        - \"Paga subito.\"
      pagine: [riscossione/intimazione/]
";

/// Inserts `testo` in `file` before the first line equal to `prima`.
fn inserisci(root: &Path, file: &str, prima: &str, testo: &str) {
    let p = root.join(file);
    let s = std::fs::read_to_string(&p).unwrap();
    let i = s.find(prima).unwrap_or_else(|| panic!("no `{prima}` in {file}"));
    std::fs::write(&p, format!("{}{testo}{}", &s[..i], &s[i..])).unwrap();
}

/// `civis-guida [--root ROOT] advise --today OGGI -` with `risposte` on standard input.
fn advise(root: Option<&Path>, oggi: &str, risposte: &str) -> std::process::Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_civis-guida"));
    if let Some(r) = root {
        cmd.arg("--root").arg(r);
    } else {
        cmd.current_dir(std::env::temp_dir());
    }
    cmd.args(["advise", "--today", oggi, "-"]);
    con_input(cmd, risposte.as_bytes())
}

#[test]
fn a_new_act_is_declared_in_the_rules_only() {
    let sito = tempfile::tempdir().unwrap();
    copy_dir(&repo().join("content"), &sito.path().join("content"));
    inserisci(sito.path(), "content/wizard/atti.yaml", "  - id: altro\n", ATTO);
    inserisci(sito.path(), "content/wizard/scadenze.yaml", "  - id: pagamento_intimazione\n", TERMINE);
    inserisci(sito.path(), "content/wizard/canali.yaml", "  - id: intimazione-pagare\n", ESITO);

    let check = civis(sito.path(), &["check"]);
    assert!(check.status.success(), "{}", stderr(&check));
    let out = sito.path().join("out");
    let build = civis(sito.path(), &["build", "--output", out.to_str().unwrap()]);
    assert!(build.status.success(), "{}", stderr(&build));

    // The wizard's first question lists it, and its pages without JavaScript exist.
    let inizio = std::fs::read_to_string(out.join("assistente/index.html")).unwrap();
    assert!(inizio.contains("Un sollecito di prova"), "the act question offers the new act");
    let pagina = std::fs::read_to_string(out.join("assistente/sollecito_di_prova/index.html")).unwrap();
    assert!(pagina.contains("Avevi ricevuto le cartelle indicate nell"), "a collection act asks about the cartella");

    // advise with the site's rules: the new term, counted from the notification (15 days, August counted).
    let risposte = r#"{"atto":"sollecito_di_prova","cartella_notificata":"si","obiettivo":"pagare","notifica":{"modo":"pec","data":"2026-07-20"}}"#;
    let run = advise(Some(sito.path()), "2026-07-21", risposte);
    assert!(run.status.success(), "{}", stderr(&run));
    let v: serde_json::Value = serde_json::from_slice(&run.stdout).unwrap();
    assert_eq!(v["esito"], "sollecito-pagare", "{v}");
    let termine = v["scadenze"].as_array().unwrap().iter().find(|s| s["id"] == "pagamento_sollecito").expect("{v}");
    assert_eq!(termine["data"], "2026-08-04", "{v}");
    assert_eq!(v["scadenza_principale"], "pagamento_sollecito", "the only deadline of the case leads");

    // The rules embedded in the binary (outside any site) do not know it, and say so in Italian.
    let run = advise(None, "2026-07-21", risposte);
    assert_eq!(run.status.code(), Some(2));
    assert!(run.stdout.is_empty());
    assert!(stderr(&run).contains("sollecito_di_prova"), "{}", stderr(&run));
}
