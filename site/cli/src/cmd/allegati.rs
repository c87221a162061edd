//! `civis-guida allegati [--seconda] [--json] FILE…`: the attachment checks of "Prepara la richiesta" from the
//! command line, for help desks that prepare many requests (and for the tests). Each file is judged alone; with
//! `--seconda` the files are also judged as the set of one second request (at most 10). Every path is read
//! before anything is printed, so a missing file stops the run with nothing half-written.

use civis_richiesta::allegati::{self, Firma, Gravita, Richiesta, Verdetto};
use clap::Args;
use std::path::PathBuf;
use std::process::ExitCode;

/// Arguments of `allegati`.
#[derive(Args)]
pub(crate) struct AllegatiArgs {
    /// Judge the files as the attachments of one second request (also their number).
    #[arg(long)]
    seconda: bool,
    /// One JSON line per file: {"file", "ammesso", "formato", "firma", "rilievi": [{"gravita", "testo"}]}.
    #[arg(long)]
    json: bool,
    /// The files to check.
    #[arg(required = true, value_name = "FILE")]
    files: Vec<PathBuf>,
}

/// Runs `allegati`: 0 when every file (and the set) is admitted, 1 when not, 2 when a file cannot be read.
pub(crate) fn run(args: AllegatiArgs) -> ExitCode {
    let mut verdetti = Vec::with_capacity(args.files.len());
    for percorso in &args.files {
        match verdetto(percorso) {
            Ok(v) => verdetti.push(v),
            Err(e) => {
                eprintln!("civis-guida allegati: non riesco a leggere {}: {e}", percorso.display());
                return ExitCode::from(2);
            }
        }
    }
    let generali = if args.seconda { allegati::generali(verdetti.len(), Richiesta::Seconda) } else { Vec::new() };
    for (percorso, v) in args.files.iter().zip(&verdetti) {
        if args.json {
            println!("{}", json(percorso, v));
        } else {
            testo(percorso, v);
        }
    }
    for g in &generali {
        eprintln!("{g}");
    }
    if generali.is_empty() && verdetti.iter().all(Verdetto::ammesso) {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

/// Reads and judges one file; a file over the limit is judged by its size without being read.
fn verdetto(percorso: &PathBuf) -> std::io::Result<Verdetto> {
    let nome = percorso.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let dimensione = std::fs::metadata(percorso)?.len();
    if let Some(v) = allegati::oltre_il_limite(&nome, dimensione) {
        return Ok(v);
    }
    let byte = std::fs::read(percorso)?;
    Ok(allegati::verifica_file(&allegati::File { nome: &nome, byte: &byte }))
}

fn gravita(g: Gravita) -> &'static str {
    match g {
        Gravita::Errore => "errore",
        Gravita::Avviso => "avviso",
    }
}

/// One line of `--json`, its keys in the documented order.
#[derive(serde::Serialize)]
struct Row {
    file: String,
    ammesso: bool,
    /// The format in words, with the signature when there is one.
    formato: String,
    /// "CAdES" or "PAdES" when the file is signed, otherwise null.
    firma: Option<&'static str>,
    rilievi: Vec<FindingRow>,
}

#[derive(serde::Serialize)]
struct FindingRow {
    gravita: &'static str,
    testo: String,
}

fn json(percorso: &std::path::Path, v: &Verdetto) -> String {
    let riga = Row {
        file: percorso.display().to_string(),
        ammesso: v.ammesso(),
        formato: v.descrizione().to_string(),
        firma: v.firma.map(|f| match f {
            Firma::Cades { .. } => "CAdES",
            Firma::Pades => "PAdES",
        }),
        rilievi: v
            .rilievi
            .iter()
            .map(|r| FindingRow { gravita: gravita(r.gravita), testo: r.testo.to_string() })
            .collect(),
    };
    serde_json::to_string(&riga).unwrap_or_default()
}

fn testo(percorso: &std::path::Path, v: &Verdetto) {
    let esito = if v.ammesso() { "ammesso" } else { "NON ammesso" };
    println!("{}: {esito} ({})", percorso.display(), v.descrizione());
    for r in &v.rilievi {
        println!("  {}: {}", gravita(r.gravita), r.testo);
    }
}
