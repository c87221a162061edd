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
    #[arg(long, value_parser = super::leggi_oggi)]
    today: Option<NaiveDate>,
}

/// Runs `serve` until interrupted.
pub(crate) fn run(root: &Path, args: ServeArgs) -> bool {
    let today = super::build_date(args.today);
    if !super::run_build(root, Some(&args.output), true, today) {
        eprintln!("Correggi i problemi: il server riparte con la prossima modifica salvata.");
    }
    let (r, out) = (root.to_path_buf(), args.output.clone());
    let watch = [root.join("content"), root.join("themes")];
    match civis_serve::serve(&args.output, args.port, &watch, move || super::run_build(&r, Some(&out), true, today)) {
        Ok(()) => true,
        Err(e) => {
            eprintln!("{e}");
            false
        }
    }
}
