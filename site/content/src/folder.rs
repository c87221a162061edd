//! The files of a folder of the site, as a build may read them: symbolic links are followed only while they
//! stay inside the site's root, so that a link in `content/static` cannot publish `/etc/passwd`, and a link
//! that leads back to a folder above it (a loop) is reported instead of walked forever.

use civis_core::Diagnostic;
use std::path::{Path, PathBuf};

/// The files under `dir` (sorted, links inside `root` followed), each with its path relative to `dir` in
/// forward slashes; a link leaving `root`, a loop or an unreadable entry is a problem at its path.
pub fn files_of(root: &Path, dir: &Path) -> (Vec<(String, PathBuf)>, Vec<Diagnostic>) {
    let mut file = Vec::new();
    let mut problemi = Vec::new();
    let Ok(radice) = root.canonicalize() else { return (file, problemi) };
    let rel = |p: &Path| p.strip_prefix(root).unwrap_or(p).to_string_lossy().replace('\\', "/");
    let fuori = |p: &Path| p.canonicalize().map(|c| !c.starts_with(&radice)).unwrap_or(true);
    let mut giro = walkdir::WalkDir::new(dir).follow_links(true).sort_by_file_name().into_iter();
    while let Some(voce) = giro.next() {
        let voce = match voce {
            Ok(v) => v,
            Err(e) => {
                let dove = e.path().map(rel).unwrap_or_else(|| rel(dir));
                let cosa = if e.loop_ancestor().is_some() {
                    "link simbolico che porta a una cartella che lo contiene (un ciclo): toglilo".to_string()
                } else {
                    format!("non riesco a leggere: {e}")
                };
                problemi.push(Diagnostic::new(dove, 0, 0, cosa));
                continue;
            }
        };
        if voce.path_is_symlink() && fuori(voce.path()) {
            let meta = std::fs::read_link(voce.path()).map(|m| m.display().to_string()).unwrap_or_default();
            problemi.push(Diagnostic::new(
                rel(voce.path()),
                0,
                0,
                format!("link simbolico che esce dalla cartella del sito (porta a `{meta}`): non lo pubblichiamo; copia il file dentro il sito"),
            ));
            if voce.file_type().is_dir() {
                giro.skip_current_dir();
            }
            continue;
        }
        if voce.file_type().is_file() {
            let relativo = voce.path().strip_prefix(dir).unwrap_or(voce.path()).to_string_lossy().replace('\\', "/");
            file.push((relativo, voce.path().to_path_buf()));
        }
    }
    (file, problemi)
}
