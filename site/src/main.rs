//! `civis-guida`: the thin command-line layer over the build pipeline, the dev server and the decision engine.

mod advise;

use civis_build::Options;
use clap::{Parser, Subcommand};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

/// Guida CIVIS: genera il sito, lo serve in locale, lo verifica e risponde a un caso.
#[derive(Parser)]
#[command(name = "civis-guida", version, about)]
struct Cli {
    /// The site folder, holding content/ and themes/.
    #[arg(long, global = true, default_value = ".")]
    root: PathBuf,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Build the whole site (pages, pre-rendered wizard pages, wizard WASM) into DIR.
    Build {
        /// Output folder (replaced atomically at the end of a successful build).
        #[arg(long, short, default_value = "public")]
        output: PathBuf,
        /// Skip compiling the wizard to WebAssembly (the pages without JavaScript are still built).
        #[arg(long)]
        no_wasm: bool,
    },
    /// Build, serve on 127.0.0.1 and rebuild + live-reload on every change in content/ or themes/.
    Serve {
        /// TCP port on 127.0.0.1.
        #[arg(long, short, default_value_t = 1111)]
        port: u16,
        /// Output folder served.
        #[arg(long, short, default_value = "public")]
        output: PathBuf,
    },
    /// Build in memory and run every verification; write nothing; non-zero exit on any problem.
    Check,
    /// Answer one case: JSON answers in (FILE or stdin), JSON advice out (see docs/advise-contract.md).
    Advise(advise::AdviseArgs),
}

/// The wizard's WebAssembly bundle, when the site has a wizard (`content/wizard/`). The app is compiled from the
/// workspace this binary was built in.
fn wizard_bundle(root: &Path) -> Result<Vec<(String, Vec<u8>)>, String> {
    if !root.join("content/wizard").is_dir() {
        return Ok(Vec::new());
    }
    let workspace_root = Path::new(env!("CARGO_MANIFEST_DIR")).parent().expect("site/ is in the workspace").to_path_buf();
    let assets = civis_wasm::bundle(&civis_wasm::Options { workspace_root })?;
    Ok(assets.into_iter().map(|a| (a.path, a.bytes)).collect())
}

/// Runs one build (or check, without `output`) and prints its outcome.
fn run_build(root: &Path, output: Option<&Path>, wasm: bool) -> bool {
    let start = Instant::now();
    let assets = match wasm {
        true => match wizard_bundle(root) {
            Ok(a) => a,
            Err(e) => {
                eprintln!("percorso guidato: {e}");
                return false;
            }
        },
        false => Vec::new(),
    };
    let opts = Options { root: root.to_path_buf(), output: output.map(Path::to_path_buf), assets, today: build_date() };
    match civis_build::build(&opts) {
        Ok(r) => {
            for w in &r.warnings {
                eprintln!("{w}");
            }
            let what = if output.is_some() { "Sito generato" } else { "Verifica superata" };
            let wizard = if r.wizard_paths > 0 {
                format!(", percorso guidato: {} percorsi verificati, {} pagine senza JavaScript", r.wizard_paths, r.generated)
            } else {
                String::new()
            };
            eprintln!("{what}: {} pagine, {} file{wizard} in {:.2} s", r.pages, r.files, start.elapsed().as_secs_f64());
            true
        }
        Err(errors) => {
            for e in &errors {
                eprintln!("{e}");
            }
            eprintln!("{} problemi: {}", errors.len(), if output.is_some() { "sito non generato, la cartella precedente resta com'era" } else { "verifica non superata" });
            false
        }
    }
}

/// The build's date: `SOURCE_DATE_EPOCH` when set (the reproducible-builds convention), else today's date.
fn build_date() -> chrono::NaiveDate {
    std::env::var("SOURCE_DATE_EPOCH")
        .ok()
        .and_then(|s| s.trim().parse::<i64>().ok())
        .and_then(|secs| chrono::DateTime::from_timestamp(secs, 0))
        .map(|t| t.date_naive())
        .unwrap_or_else(|| chrono::Local::now().date_naive())
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let ok = match cli.command {
        Command::Advise(args) => return advise::run(args),
        Command::Build { output, no_wasm } => run_build(&cli.root, Some(&output), !no_wasm),
        Command::Check => run_build(&cli.root, None, false),
        Command::Serve { port, output } => {
            if !run_build(&cli.root, Some(&output), true) {
                eprintln!("Correggi i problemi: il server riparte con la prossima modifica salvata.");
            }
            let (root, out) = (cli.root.clone(), output.clone());
            let watch = [cli.root.join("content"), cli.root.join("themes")];
            match civis_serve::serve(&output, port, &watch, move || run_build(&root, Some(&out), true)) {
                Ok(()) => true,
                Err(e) => {
                    eprintln!("{e}");
                    false
                }
            }
        }
    };
    if ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}
