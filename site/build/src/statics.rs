//! Step 6, static files: `content/static/` copied verbatim into the output, through
//! [`civis_content::folder::files_of`] (links leaving the site refused, loops reported).

use civis_content::Diagnostic;
use std::collections::BTreeMap;
use std::path::Path;

/// Copies `content/static/` verbatim; `root` is the site's folder, the limit links may not cross.
pub(crate) fn copy_static(
    root: &Path,
    dir: &Path,
    files: &mut BTreeMap<String, Vec<u8>>,
    errors: &mut Vec<Diagnostic>,
) {
    if !dir.is_dir() {
        return;
    }
    let (trovati, mut problemi) = civis_content::folder::files_of(root, dir);
    errors.append(&mut problemi);
    for (rel, path) in trovati {
        match std::fs::read(&path) {
            Ok(b) => {
                files.insert(rel, b);
            }
            Err(e) => errors.push(Diagnostic::new(
                path.strip_prefix(root).unwrap_or(&path).display().to_string(),
                0,
                0,
                format!("non riesco a leggere il file: {e}"),
            )),
        }
    }
}
