//! `serve`'s rebuild of edited pages (`Site::update`): which changed files are pages whose text
//! alone changed, the search index files that differ afterwards, and writing just those files.

use crate::links::LinkMap;
use crate::loaded::Loaded;
use crate::search::SearchIndex;
use crate::staging::output_error;
use civis_content::{Diagnostic, Page};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Whether the new version of a page changes only the page itself, not what other pages show of it.
fn only_the_page(prima: &Page, dopo: &Page) -> bool {
    let (a, b) = (&prima.front, &dopo.front);
    prima.path == dopo.path
        && a.title == b.title
        && a.description == b.description
        && a.weight == b.weight
        && a.aliases == b.aliases
        && a.template == b.template
}

/// Pages read again: (index in the site's pages, the new version).
pub(crate) type Rereads = Vec<(usize, Page)>;

/// The pages among `cambiati` (files changed on disk), read again, when every changed file is an existing page
/// whose text alone changed; `None` when the whole site must be built again.
pub(crate) fn changed_pages(site: &Loaded, cambiati: &[PathBuf]) -> Option<Result<Rereads, Vec<Diagnostic>>> {
    // The watcher reports absolute paths; the site root may be relative (`--root .`).
    let content_dir = site.opts.root.join("content").canonicalize().ok()?;
    let mut nuove = Vec::new();
    for path in cambiati {
        let path = path.canonicalize().ok()?;
        let rel = path.strip_prefix(&content_dir).ok()?.to_str()?.replace('\\', "/");
        if !rel.ends_with(".md") {
            return None;
        }
        let i = site.content.pages.iter().position(|p| p.source == rel)?;
        let vecchia = &site.content.pages[i];
        // A translation, or a page that has one: the translations' status changes with it, on other pages too.
        if vecchia.lang != site.content.config.language || site.languages.has_translations(&vecchia.path) {
            return None;
        }
        let testo = std::fs::read_to_string(&path).ok()?;
        let mut pagina = match Page::parse(&vecchia.file, &rel, &testo) {
            Ok(p) => p,
            Err(e) => return Some(Err(e)),
        };
        if !only_the_page(vecchia, &pagina) {
            return None;
        }
        pagina.lang = vecchia.lang.clone();
        nuove.push((i, pagina));
    }
    (!nuove.is_empty()).then_some(Ok(nuove))
}

/// The folders of the index's parts, whose names follow the terms.
const PARTS: [&str; 3] = ["ricerca/i/", "ricerca/b/", "ricerca/d/"];

/// The index files that differ from those of the output folder `out`: new contents, and `None` for a part no
/// longer named.
pub(crate) fn index_changed(
    indice: &SearchIndex,
    mappa: &LinkMap,
    staging: Option<&Path>,
) -> Vec<(String, Option<Vec<u8>>)> {
    let nuovi: BTreeMap<String, Vec<u8>> = indice.files().into_iter().collect();
    let vecchi = mappa.names().filter(|f| PARTS.iter().any(|d| f.starts_with(d)) && !nuovi.contains_key(*f));
    let mut cambiati: Vec<(String, Option<Vec<u8>>)> = vecchi.map(|f| (f.to_string(), None)).collect();
    let prima = |f: &str| staging.and_then(|o| std::fs::read(o.join(f)).ok());
    cambiati.extend(nuovi.into_iter().filter(|(f, b)| prima(f).as_ref() != Some(b)).map(|(f, b)| (f, Some(b))));
    cambiati
}

/// Writes (or removes) these files in the output folder `out`, and records them in the link check's map.
pub(crate) fn write(
    out: Option<&Path>,
    mappa: &mut LinkMap,
    file: Vec<(String, Option<Vec<u8>>)>,
) -> Result<(), Vec<Diagnostic>> {
    for (f, bytes) in file {
        if let Some(out) = out {
            let path = out.join(&f);
            let fatto = match &bytes {
                Some(b) => path.parent().map_or(Ok(()), std::fs::create_dir_all).and_then(|_| whole(&path, b)),
                None => std::fs::remove_file(&path),
            };
            fatto.and_then(|()| write_copies(out, &f, bytes.as_deref())).map_err(|e| vec![output_error(out, e)])?;
        }
        match bytes {
            Some(_) if !mappa.exists(&f) => {
                mappa.record(f, None);
            }
            Some(_) => {}
            None => mappa.remove(&f),
        }
    }
    Ok(())
}

/// The compressed copies of `f` written again, or removed when the file is gone or no longer gets one: a host
/// must never send an old copy in place of a new page.
fn write_copies(out: &Path, f: &str, bytes: Option<&[u8]>) -> std::io::Result<()> {
    let nuove = bytes.map(|b| crate::staging::compressed_copies(f, b)).unwrap_or_default();
    for suffisso in crate::staging::SUFFIXES {
        let path = out.join(format!("{f}{suffisso}"));
        match nuove.iter().find(|(s, _)| *s == suffisso) {
            Some((_, copia)) => whole(&path, copia)?,
            None if path.exists() => std::fs::remove_file(&path)?,
            None => {}
        }
    }
    Ok(())
}

/// Writes one file whole: a temporary file beside it, then a rename, so the server never serves half a page.
fn whole(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let tmp = path.with_extension("tmp");
    std::fs::write(&tmp, bytes)?;
    std::fs::rename(&tmp, path)
}
