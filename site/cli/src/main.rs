//! `civis-guida`: the thin command-line layer over the build pipeline, the dev server and the decision engine;
//! each subcommand is a small file in `cmd/`.

mod cmd;

/// mimalloc instead of glibc's malloc: the build allocates and frees millions of small strings (stems,
/// postings, attribute values) across threads, where glibc spent a fifth of a 10,000-page build.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

extern "C" {
    /// mimalloc's option setter (linked with the allocator above).
    fn mi_option_set(option: std::ffi::c_int, value: std::ffi::c_long);
}

/// `mi_option_purge_delay` in mimalloc 3's `mi_option_e` (libmimalloc-sys 0.1.49, pinned in Cargo.lock).
const MI_OPTION_PURGE_DELAY: std::ffi::c_int = 15;

/// Memory freed is kept for reuse, not given back to the system 10 ms later: a build frees the search index's
/// working set and then fills the same memory with pages, and giving it back and faulting it in again (zeroed
/// by the kernel) cost a sixth of a 10,000-page build. The peak does not change; the memory goes at exit (or
/// stays with `serve`, which keeps the site loaded anyway).
fn allocator_keeps_freed_memory() {
    // SAFETY: setting an option is allowed at any time; -1 means "never purge" (mimalloc.h).
    unsafe { mi_option_set(MI_OPTION_PURGE_DELAY, -1) }
}

use clap::{Parser, Subcommand};
use std::path::PathBuf;
use std::process::ExitCode;

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
    Build(cmd::build::BuildArgs),
    /// Build, serve on 127.0.0.1 and rebuild + live-reload on every change in content/ or themes/.
    Serve(cmd::serve::ServeArgs),
    /// Build in memory and run every verification; write nothing; non-zero exit on any problem.
    Check(cmd::check::CheckArgs),
    /// Answer one case: JSON answers in (FILE or stdin), JSON advice out (see docs/advise-contract.md).
    Advise(cmd::advise::AdviseArgs),
    /// Check the attachments of a CIVIS request as "Prepara la richiesta" does: format, size, active content.
    /// Exit 0 when every file is admitted, 1 when any is not, 2 on bad usage or a file that cannot be read.
    Allegati(cmd::allegati::AllegatiArgs),
    /// Write the JSON Schemas of `advise`, generated from the site's rules (default: schemas/).
    Schemi(cmd::schemi::SchemiArgs),
}

fn main() -> ExitCode {
    allocator_keeps_freed_memory();
    let cli = Cli::parse();
    let ok = match cli.command {
        Command::Advise(args) => return cmd::advise::run(&cli.root, args),
        Command::Allegati(args) => return cmd::allegati::run(args),
        Command::Build(args) => cmd::build::run(&cli.root, args),
        Command::Check(args) => cmd::check::run(&cli.root, args),
        Command::Serve(args) => cmd::serve::run(&cli.root, args),
        Command::Schemi(args) => cmd::schemi::run(&cli.root, args),
    };
    if ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}
