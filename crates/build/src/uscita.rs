//! Writing the output folder atomically: write every file (in parallel) into a temporary folder beside it,
//! then swap.

use rayon::prelude::*;
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// Writes every file under a fresh temporary folder next to `out`, then replaces `out` with it. On any error
/// the previous `out` is left untouched.
pub(crate) fn write_atomic(out: &Path, files: &BTreeMap<String, Vec<u8>>) -> std::io::Result<()> {
    let parent = match out.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => std::path::PathBuf::from("."),
    };
    std::fs::create_dir_all(&parent)?;
    let name = out.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| "public".into());
    let tmp = tempfile::Builder::new().prefix(&format!(".{name}.nuovo-")).tempdir_in(&parent)?;
    let dirs: BTreeSet<_> =
        files.keys().filter_map(|rel| tmp.path().join(rel).parent().map(Path::to_path_buf)).collect();
    for dir in dirs {
        std::fs::create_dir_all(dir)?;
    }
    files.par_iter().try_for_each(|(rel, bytes)| std::fs::write(tmp.path().join(rel), bytes))?;
    let built = tmp.keep();
    if out.exists() {
        let old = tempfile::Builder::new().prefix(&format!(".{name}.vecchio-")).tempdir_in(&parent)?.keep();
        std::fs::remove_dir(&old)?;
        std::fs::rename(out, &old)?;
        std::fs::rename(&built, out)?;
        std::fs::remove_dir_all(old)?;
    } else {
        std::fs::rename(&built, out)?;
    }
    Ok(())
}

/// The problem of an output folder that cannot be written.
pub(crate) fn errore_uscita(out: &Path, e: std::io::Error) -> civis_content::Diagnostic {
    civis_content::Diagnostic::new(
        out.display().to_string(),
        0,
        0,
        format!("non riesco a scrivere la cartella di uscita: {e}"),
    )
}
