//! Writing the output folder atomically: write every file (in parallel) into a temporary folder beside it
//! ([`prepara`], while the build checks the links), then swap ([`scambia_con`]). On Linux the swap is one `renameat2(RENAME_EXCHANGE)`, so there is no moment without a site (a
//! reader, or `serve`, always sees the old site or the new one); elsewhere it is two renames. Temporary
//! folders left by a build that was killed are removed by the next one.

use rayon::prelude::*;
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// Writes every file into a fresh temporary folder beside `out` (removed when dropped): the build writes it
/// while it checks the links, and swaps it in only when nothing was wrong.
pub(crate) fn prepara(out: &Path, files: &BTreeMap<String, Vec<u8>>) -> std::io::Result<tempfile::TempDir> {
    let parent = match out.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => std::path::PathBuf::from("."),
    };
    std::fs::create_dir_all(&parent)?;
    let name = nome(out);
    pulisci(&parent, &name);
    let tmp = tempfile::Builder::new().prefix(&format!(".{name}.nuovo-")).tempdir_in(&parent)?;
    let dirs: BTreeSet<_> =
        files.keys().filter_map(|rel| tmp.path().join(rel).parent().map(Path::to_path_buf)).collect();
    for dir in dirs {
        std::fs::create_dir_all(dir)?;
    }
    files.par_iter().try_for_each(|(rel, bytes)| std::fs::write(tmp.path().join(rel), bytes))?;
    Ok(tmp)
}

/// Puts the folder written by [`prepara`] in the place of `out`.
pub(crate) fn scambia_con(out: &Path, tmp: tempfile::TempDir) -> std::io::Result<()> {
    if !out.exists() {
        return std::fs::rename(tmp.keep(), out);
    }
    if scambia(tmp.path(), out).is_ok() {
        // `tmp` now holds the old site; dropping it removes it.
        return Ok(());
    }
    let parent = tmp.path().parent().map(Path::to_path_buf).unwrap_or_else(|| ".".into());
    let built = tmp.keep();
    let old = tempfile::Builder::new().prefix(&format!(".{}.vecchio-", nome(out))).tempdir_in(&parent)?.keep();
    std::fs::remove_dir(&old)?;
    std::fs::rename(out, &old)?;
    std::fs::rename(&built, out)?;
    std::fs::remove_dir_all(old)
}

/// The output folder's name, for its temporary siblings.
fn nome(out: &Path) -> String {
    out.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| "public".into())
}

/// Removes the temporary folders of earlier builds of `name` that did not finish.
fn pulisci(parent: &Path, name: &str) {
    let prefissi = [format!(".{name}.nuovo-"), format!(".{name}.vecchio-")];
    for voce in std::fs::read_dir(parent).into_iter().flatten().flatten() {
        let n = voce.file_name().to_string_lossy().into_owned();
        if prefissi.iter().any(|p| n.starts_with(p.as_str())) && voce.file_type().is_ok_and(|t| t.is_dir()) {
            let _ = std::fs::remove_dir_all(voce.path());
        }
    }
}

/// Exchanges two folders in one step.
#[cfg(target_os = "linux")]
fn scambia(a: &Path, b: &Path) -> std::io::Result<()> {
    use std::os::unix::ffi::OsStrExt;
    let c = |p: &Path| std::ffi::CString::new(p.as_os_str().as_bytes()).map_err(std::io::Error::other);
    let (a, b) = (c(a)?, c(b)?);
    // SAFETY: both paths are valid NUL-terminated strings that outlive the call.
    let r = unsafe { libc::renameat2(libc::AT_FDCWD, a.as_ptr(), libc::AT_FDCWD, b.as_ptr(), libc::RENAME_EXCHANGE) };
    if r == 0 {
        Ok(())
    } else {
        Err(std::io::Error::last_os_error())
    }
}

#[cfg(not(target_os = "linux"))]
fn scambia(_: &Path, _: &Path) -> std::io::Result<()> {
    Err(std::io::Error::other("no atomic exchange here"))
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_swap_replaces_the_site_and_leaves_no_temporary_folder() {
        let d = tempfile::tempdir().unwrap();
        let out = d.path().join("sito");
        std::fs::create_dir_all(d.path().join(".sito.nuovo-vecchio123/x")).unwrap();
        let uno = BTreeMap::from([("a.html".to_string(), b"uno".to_vec())]);
        scambia_con(&out, prepara(&out, &uno).unwrap()).unwrap();
        let due = BTreeMap::from([("b/c.html".to_string(), b"due".to_vec())]);
        scambia_con(&out, prepara(&out, &due).unwrap()).unwrap();
        assert!(!out.join("a.html").exists());
        assert_eq!(std::fs::read(out.join("b/c.html")).unwrap(), b"due");
        let resti: Vec<_> = std::fs::read_dir(d.path()).unwrap().flatten().map(|e| e.file_name()).collect();
        assert_eq!(resti, ["sito"], "stale and temporary folders removed");
    }
}
