//! `civis-guida serve`: build, serve on 127.0.0.1, rebuild and live-reload on every change in content/ or themes/.

use chrono::NaiveDate;
use clap::Args;
use std::path::{Path, PathBuf};

/// Arguments of `serve`.
#[derive(Args)]
pub(crate) struct ServeArgs {
    /// TCP port on 127.0.0.1.
    #[arg(long, short, default_value_t = 1111)]
    port: u16,
    /// Output folder served.
    #[arg(long, short, default_value = "public")]
    output: PathBuf,
    /// The build's date (YYYY-MM-DD); default: SOURCE_DATE_EPOCH when set, else today.
    #[arg(long, value_parser = super::read_today)]
    today: Option<NaiveDate>,
}

/// Runs `serve` until interrupted. After the first build, an edit that changes only the text of existing pages
/// rebuilds just those pages (`Site::update`); any other change builds the whole site again.
pub(crate) fn run(root: &Path, args: ServeArgs) -> bool {
    let today = super::build_date(args.today);
    let mut sito = super::run_site_build(root, Some(&args.output), true, today);
    if sito.is_none() {
        eprintln!("Correggi i problemi: il server riparte con la prossima modifica salvata.");
    }
    let (r, out) = (root.to_path_buf(), args.output.clone());
    let watch = [root.join("content"), root.join("themes")];
    let ricostruisci = move |cambiati: &[std::path::PathBuf]| {
        if let Some(s) = sito.as_mut() {
            let start = std::time::Instant::now();
            match s.update(cambiati) {
                Some(Ok(r)) => {
                    let indice = if r.search_index.0 > 0 {
                        "indice di ricerca aggiornato"
                    } else {
                        "l'indice di ricerca si aggiorna alla prossima ricostruzione completa"
                    };
                    let ms = start.elapsed().as_secs_f64() * 1000.0;
                    eprintln!("Aggiornate {} pagine in {ms:.0} ms ({indice})", cambiati.len());
                    return true;
                }
                Some(Err(errori)) => {
                    super::problems(&errori, "la pagina non è stata aggiornata");
                    return false;
                }
                None => {}
            }
        }
        sito = super::run_site_build(&r, Some(&out), true, today);
        sito.is_some()
    };
    match civis_serve::serve(&args.output, args.port, &watch, ricostruisci) {
        Ok(()) => true,
        Err(e) => {
            eprintln!("{e}");
            false
        }
    }
}
