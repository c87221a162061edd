//! `civis-guida`: the thin command-line layer over the build pipeline, the dev server and the decision engine.

mod advise;

use clap::{Parser, Subcommand};
use std::path::PathBuf;
use std::process::ExitCode;

/// Guida CIVIS: genera il sito, lo serve in locale, lo verifica e risponde a un caso.
#[derive(Parser)]
#[command(name = "civis-guida", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Build the whole site (pages, wizard WASM, pre-rendered wizard pages) into DIR.
    Build {
        /// Output folder (replaced atomically at the end of a successful build).
        #[arg(long, short, default_value = "public")]
        output: PathBuf,
    },
    /// Build, serve on 127.0.0.1 and rebuild + live-reload on every change in content/ or themes/.
    Serve {
        /// TCP port on 127.0.0.1.
        #[arg(long, short, default_value_t = 1111)]
        port: u16,
    },
    /// Build in memory and run every verification; write nothing; non-zero exit on any problem.
    Check,
    /// Answer one case: JSON answers in (FILE or stdin), JSON advice out (see docs/advise-contract.md).
    Advise(advise::AdviseArgs),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Advise(args) => advise::run(args),
        Command::Build { .. } | Command::Serve { .. } | Command::Check => {
            eprintln!("not implemented yet");
            ExitCode::FAILURE
        }
    }
}
