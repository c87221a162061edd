//! `civis-guida check`: every verification of the build, in memory; writes nothing.

use chrono::NaiveDate;
use clap::Args;
use std::path::Path;

/// Arguments of `check`.
#[derive(Args)]
pub(crate) struct CheckArgs {
    /// The date to check at (YYYY-MM-DD); default: SOURCE_DATE_EPOCH when set, else today.
    #[arg(long, value_parser = super::read_today)]
    today: Option<NaiveDate>,
}

/// Runs `check`.
pub(crate) fn run(root: &Path, args: CheckArgs) -> bool {
    super::run_build(root, None, false, super::build_date(args.today))
}
