//! Step 6, static files: `content/static/` copied verbatim into the output.

use civis_content::Diagnostic;
use std::collections::BTreeMap;
use std::path::Path;

/// Copies `content/static/` verbatim.
pub(crate) fn copy_static(dir: &Path, files: &mut BTreeMap<String, Vec<u8>>, errors: &mut Vec<Diagnostic>) {
    if !dir.is_dir() {
        return;
    }
    let walker = std::fs::read_dir(dir).into_iter().flatten().flatten();
    for entry in walker {
        let path = entry.path();
        if path.is_dir() {
            let mut sub = BTreeMap::new();
            copy_static(&path, &mut sub, errors);
            let name = entry.file_name().to_string_lossy().into_owned();
            files.extend(sub.into_iter().map(|(k, v)| (format!("{name}/{k}"), v)));
        } else {
            match std::fs::read(&path) {
                Ok(b) => {
                    files.insert(entry.file_name().to_string_lossy().into_owned(), b);
                }
                Err(e) => errors.push(Diagnostic::new(
                    path.display().to_string(),
                    0,
                    0,
                    format!("non riesco a leggere il file: {e}"),
                )),
            }
        }
    }
}
