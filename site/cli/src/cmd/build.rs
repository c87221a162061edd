//! `civis-guida build`: the whole site (pages, pre-rendered wizard pages, the browser modules) into a folder.

use chrono::NaiveDate;
use clap::Args;
use std::path::{Path, PathBuf};

/// Arguments of `build`.
#[derive(Args)]
pub(crate) struct BuildArgs {
    /// Output folder (replaced atomically at the end of a successful build).
    #[arg(long, short, default_value = "public")]
    output: PathBuf,
    /// Leave out the browser modules embedded in the binary (search, wizard, request tool): the pages, the
    /// wizard's pages without JavaScript and the A–Z page are still built.
    #[arg(long)]
    no_wasm: bool,
    /// The build's date (YYYY-MM-DD); default: SOURCE_DATE_EPOCH when set, else today.
    #[arg(long, value_parser = super::read_today)]
    today: Option<NaiveDate>,
}

/// Runs `build`.
pub(crate) fn run(root: &Path, args: BuildArgs) -> bool {
    super::run_build(root, Some(&args.output), !args.no_wasm, super::build_date(args.today))
}
