//! Writing the output folder atomically: every file is written into a temporary folder beside it ([`Staging`], as
//! the build renders it), then the folder is swapped in ([`Staging::swap_with`]). On Linux the swap is one `renameat2(RENAME_EXCHANGE)`, so there is no moment without a site (a
//! reader, or `serve`, always sees the old site or the new one); elsewhere it is two renames. Temporary
//! folders left by a build that was killed are removed by the next one.

use std::collections::BTreeSet;
use std::path::Path;

/// The temporary folder beside the output folder that a build writes into, file by file as it renders them,
/// and swaps in ([`Staging::swap_with`]) only when nothing was wrong; removed when dropped otherwise.
pub(crate) struct Staging {
    tmp: tempfile::TempDir,
}

impl Staging {
    /// A fresh temporary folder beside `out`, with the folders of every output file `nomi` already made (so that
    /// files can be written in parallel, in any order).
    pub(crate) fn beside<'a>(out: &Path, nomi: impl Iterator<Item = &'a str>) -> std::io::Result<Staging> {
        let parent = match out.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => std::path::PathBuf::from("."),
        };
        std::fs::create_dir_all(&parent)?;
        let name = name(out);
        clean(&parent, &name);
        let tmp = tempfile::Builder::new().prefix(&format!(".{name}.nuovo-")).tempdir_in(&parent)?;
        let dirs: BTreeSet<&str> = nomi.filter_map(|rel| rel.rsplit_once('/').map(|(d, _)| d)).collect();
        for dir in dirs {
            std::fs::create_dir_all(tmp.path().join(dir))?;
        }
        Ok(Staging { tmp })
    }

    /// Writes one output file (`rel`, relative to the output folder), with its compressed copies.
    pub(crate) fn write(&self, rel: &str, bytes: &[u8]) -> std::io::Result<()> {
        std::fs::write(self.tmp.path().join(rel), bytes)?;
        for (suffisso, copia) in compressed_copies(rel, bytes) {
            std::fs::write(self.tmp.path().join(format!("{rel}{suffisso}")), copia)?;
        }
        Ok(())
    }

    /// Puts this folder in the place of `out`.
    pub(crate) fn swap_with(self, out: &Path) -> std::io::Result<()> {
        let tmp = self.tmp;
        if !out.exists() {
            return std::fs::rename(tmp.keep(), out);
        }
        if swap(tmp.path(), out).is_ok() {
            // `tmp` now holds the old site; dropping it removes it.
            return Ok(());
        }
        let parent = tmp.path().parent().map(Path::to_path_buf).unwrap_or_else(|| ".".into());
        let built = tmp.keep();
        let old = tempfile::Builder::new().prefix(&format!(".{}.vecchio-", name(out))).tempdir_in(&parent)?.keep();
        std::fs::remove_dir(&old)?;
        std::fs::rename(out, &old)?;
        std::fs::rename(&built, out)?;
        std::fs::remove_dir_all(old)
    }
}

/// The suffixes of the compressed copies a file may have beside it.
pub(crate) const SUFFIXES: [&str; 2] = [".br", ".gz"];

/// The compressed copies of an output file that a host serves in its place (suffix, bytes): brotli 11 for the
/// few files named by their fingerprint (the theme's style sheets and scripts, the wizard's rules), which every
/// visitor downloads and browsers keep; brotli 6 for everything else, pages and the search index's thousands of
/// parts (brotli 11 runs at about 1 MB/s: on those it made a 10,000-page build seven times slower). The browser
/// modules come with their own from the bundler (compressed once, when `civis-guida` is compiled), so they are not
/// compressed again.
pub(crate) fn compressed_copies(rel: &str, bytes: &[u8]) -> Vec<(&'static str, Vec<u8>)> {
    use civis_core::compressione::{comprimibile, copie, Sforzo};
    if !comprimibile(rel) || rel.contains("/pkg/") {
        return Vec::new();
    }
    let condiviso = civis_core::impronta::senza_impronta(rel).is_some();
    copie(bytes, if condiviso { Sforzo::Massimo } else { Sforzo::Pagine })
}

/// The output folder's name, for its temporary siblings.
fn name(out: &Path) -> String {
    out.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| "public".into())
}

/// Removes the temporary folders of earlier builds of `name` that did not finish.
fn clean(parent: &Path, name: &str) {
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
fn swap(a: &Path, b: &Path) -> std::io::Result<()> {
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
fn swap(_: &Path, _: &Path) -> std::io::Result<()> {
    Err(std::io::Error::other("no atomic exchange here"))
}

/// The problem of an output folder that cannot be written.
pub(crate) fn output_error(out: &Path, e: std::io::Error) -> civis_content::Diagnostic {
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
        let uno = Staging::beside(&out, ["a.html"].into_iter()).unwrap();
        uno.write("a.html", b"uno").unwrap();
        uno.swap_with(&out).unwrap();
        let due = Staging::beside(&out, ["b/c.html", "b/d/e/f.html", "b/d/g.html"].into_iter()).unwrap();
        due.write("b/c.html", b"due").unwrap();
        due.write("b/d/e/f.html", b"tre").unwrap();
        due.swap_with(&out).unwrap();
        assert!(!out.join("a.html").exists());
        assert_eq!(std::fs::read(out.join("b/c.html")).unwrap(), b"due");
        assert_eq!(std::fs::read(out.join("b/d/e/f.html")).unwrap(), b"tre");
        let resti: Vec<_> = std::fs::read_dir(d.path()).unwrap().flatten().map(|e| e.file_name()).collect();
        assert_eq!(resti, ["sito"], "stale and temporary folders removed");
    }
}
