//! The subcommands, one file each; what they share (the build's date, one build run) is here.

pub(crate) mod advise;
pub(crate) mod allegati;
pub(crate) mod build;
pub(crate) mod check;
pub(crate) mod schemi;
pub(crate) mod serve;

use chrono::NaiveDate;
use civis_build::{Options, Site};
use std::path::Path;
use std::time::Instant;

/// Reads `--today` (YYYY-MM-DD) with the engine's Italian message for a bad date.
pub(crate) fn read_today(s: &str) -> Result<NaiveDate, String> {
    civis_engine::risposte::leggi_data(s).map_err(|e| format!("--today: {e}"))
}

/// The build's date: `--today`, else `SOURCE_DATE_EPOCH` (the reproducible-builds convention), else today's
/// date. It decides which rules are in force on the pages without JavaScript and which reviews are stale, so the
/// same tree and date give the same site.
pub(crate) fn build_date(today: Option<NaiveDate>) -> NaiveDate {
    today.unwrap_or_else(|| {
        std::env::var("SOURCE_DATE_EPOCH")
            .ok()
            .and_then(|s| s.trim().parse::<i64>().ok())
            .and_then(|secs| chrono::DateTime::from_timestamp(secs, 0))
            .map(|t| t.date_naive())
            .unwrap_or_else(|| chrono::Local::now().date_naive())
    })
}

/// The browser apps the site needs (embedded in this binary): the search's module always; the wizard's when the
/// site has a wizard (`content/wizard/`); "Prepara la richiesta" when it has that page (`content/richiesta.md`).
fn app_bundle(root: &Path) -> Vec<(String, Vec<u8>)> {
    civis_moduli::per_il_sito(root.join("content/wizard").is_dir(), root.join("content/richiesta.md").is_file())
}

/// Runs one build (or check, without `output`) and prints its outcome, warnings and problems.
pub(crate) fn run_build(root: &Path, output: Option<&Path>, wasm: bool, today: NaiveDate) -> bool {
    run_site_build(root, output, wasm, today).is_some()
}

/// [`run_build`], keeping the site for `serve`'s rebuild of edited pages; `None` when the build failed.
pub(crate) fn run_site_build(root: &Path, output: Option<&Path>, wasm: bool, today: NaiveDate) -> Option<Site> {
    let start = Instant::now();
    let assets = if wasm { app_bundle(root) } else { Vec::new() };
    let opts = Options { root: root.to_path_buf(), output: output.map(Path::to_path_buf), assets, today };
    match Site::build(opts) {
        Ok((r, site)) => {
            let what = if output.is_some() { "Sito generato" } else { "Verifica superata" };
            print_report(&r, what, start);
            Some(site)
        }
        Err(errors) => {
            problems(
                &errors,
                if output.is_some() {
                    "sito non generato, la cartella precedente resta com'era"
                } else {
                    "verifica non superata"
                },
            );
            None
        }
    }
}

/// Prints a build's warnings and its outcome in one line.
pub(crate) fn print_report(r: &civis_build::Report, what: &str, start: Instant) {
    print_problem(&r.warnings, "avvisi");
    let wizard = if r.wizard_paths > 0 {
        let lingue = match r.wizard_languages {
            1 => String::new(),
            n => format!(" in {n} lingue"),
        };
        format!(
            ", percorso guidato: {} percorsi verificati, {} pagine senza JavaScript{lingue}",
            r.wizard_paths, r.generated
        )
    } else {
        String::new()
    };
    let ricerca = match r.search_index {
        (0, _) => String::new(),
        (n, t) => format!(", indice di ricerca di {n} voci (in {:.2} s)", t.as_secs_f64()),
    };
    eprintln!(
        "{what}: {} pagine, {} file{wizard}{ricerca} in {:.2} s",
        r.pages,
        r.files,
        start.elapsed().as_secs_f64()
    );
    for (codice, [a, s, m], [ta, ts, tm]) in &r.translations {
        eprintln!(
            "Traduzione `{codice}`: pagine {a} aggiornate, {s} da rivedere, {m} non tradotte; testi {ta} aggiornati, \
             {ts} da rivedere, {tm} non tradotti (dettagli in {codice}/stato/)"
        );
    }
}

/// Problems printed at most: past these, a count (a crafted page can produce hundreds of thousands).
const MAX_PROBLEMS_SHOWN: usize = 200;

/// Prints at most [`MAX_PROBLEMS_SHOWN`] of `voci`, then how many more (`cosa`: "problemi", "avvisi").
fn print_problem(voci: &[impl std::fmt::Display], cosa: &str) {
    for v in voci.iter().take(MAX_PROBLEMS_SHOWN) {
        eprintln!("{v}");
    }
    if voci.len() > MAX_PROBLEMS_SHOWN {
        eprintln!("… e altri {} {cosa} non mostrati", voci.len() - MAX_PROBLEMS_SHOWN);
    }
}

/// Prints the problems (at most [`MAX_PROBLEMS_SHOWN`], then how many more), then how many and what happened.
pub(crate) fn problems(errors: &[civis_build::Diagnostic], esito: &str) {
    print_problem(errors, "problemi");
    eprintln!("{} problemi: {esito}", errors.len());
}
