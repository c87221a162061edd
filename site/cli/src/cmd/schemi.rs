//! `civis-guida schemi [DIR]`: writes the JSON Schemas of `advise` (default `schemas/`), generated from the site's
//! rules, so that the published schemas follow the acts, channels and deadlines the rules declare.

use clap::Args;
use std::path::{Path, PathBuf};

/// Arguments of `schemi`.
#[derive(Args)]
pub(crate) struct SchemiArgs {
    /// Where to write `risposte.schema.json` and `consiglio.schema.json`.
    #[arg(default_value = "schemas")]
    dir: PathBuf,
}

/// Runs `schemi` with the rules of the site at `root` (else those embedded in the binary).
pub(crate) fn run(root: &Path, args: SchemiArgs) -> bool {
    let regole = match civis_engine::regole::del_sito(root) {
        Ok(Some(r)) => r,
        Ok(None) => civis_engine::regole::incorporate().clone(),
        Err(errori) => {
            super::problems(&errori, "schemi non scritti");
            return false;
        }
    };
    let scritti = std::fs::create_dir_all(&args.dir).and_then(|_| {
        civis_engine::schemi::file(&regole)
            .iter()
            .try_for_each(|(nome, testo)| std::fs::write(args.dir.join(nome), testo))
    });
    match scritti {
        Ok(()) => {
            eprintln!("Schemi scritti in {}", args.dir.display());
            true
        }
        Err(e) => {
            eprintln!("civis-guida schemi: non riesco a scrivere in {}: {e}", args.dir.display());
            false
        }
    }
}
