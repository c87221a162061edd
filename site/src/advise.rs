//! `civis-guida advise`: JSON answers in, JSON advice out, through civis-engine.

use clap::Args;
use std::path::PathBuf;
use std::process::ExitCode;

/// Arguments of `advise`.
#[derive(Args)]
pub struct AdviseArgs {
    /// The date to take as today (YYYY-MM-DD); default: the system date.
    #[arg(long)]
    pub today: Option<String>,
    /// JSON file with the answers; `-` or absent: standard input.
    pub file: Option<PathBuf>,
}

/// Runs `advise`.
pub fn run(_args: AdviseArgs) -> ExitCode {
    eprintln!("not implemented yet");
    ExitCode::from(2)
}
