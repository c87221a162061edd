//! `civis-guida advise`: JSON answers in, JSON advice out, through civis-engine (docs/advise-contract.md).
//! Bad input: exit status 2, nothing on standard output, an Italian message naming the key on standard error.

use chrono::NaiveDate;
use clap::Args;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Arguments of `advise`.
#[derive(Args)]
pub(crate) struct AdviseArgs {
    /// The date to take as today (YYYY-MM-DD); default: the system date.
    #[arg(long, value_parser = super::read_today)]
    today: Option<NaiveDate>,
    /// JSON file with the answers; `-` or absent: standard input.
    file: Option<PathBuf>,
}

/// Runs `advise` with the rules of the site at `root` (its `content/wizard/`), or, outside a site, those embedded
/// in the binary.
pub(crate) fn run(root: &Path, args: AdviseArgs) -> ExitCode {
    let oggi = args.today.unwrap_or_else(|| chrono::Local::now().date_naive());
    let del_sito = match civis_engine::regole::del_sito(root) {
        Ok(r) => r,
        Err(errori) => {
            for e in &errori {
                eprintln!("{e}");
            }
            eprintln!(
                "civis-guida advise: le regole del sito in {} non sono valide",
                root.join("content/wizard").display()
            );
            return ExitCode::from(2);
        }
    };
    let regole = del_sito.as_ref().unwrap_or_else(|| civis_engine::regole::incorporate());
    let testo = match args.file.as_deref().filter(|f| f.as_os_str() != "-") {
        Some(f) => std::fs::read_to_string(f).map_err(|e| format!("non riesco a leggere {}: {e}", f.display())),
        None => {
            let mut s = String::new();
            std::io::stdin()
                .read_to_string(&mut s)
                .map(|_| s)
                .map_err(|e| format!("non riesco a leggere lo standard input: {e}"))
        }
    };
    let esito = testo.and_then(|t| civis_engine::consiglia_json(regole, &t, oggi).map_err(|e| e.to_string()));
    match esito {
        Ok(json) => {
            println!("{json}");
            ExitCode::SUCCESS
        }
        Err(messaggio) => {
            eprintln!("civis-guida advise: {messaggio}");
            ExitCode::from(2)
        }
    }
}
