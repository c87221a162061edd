//! Content loading: the `content/` tree, YAML front matter (unknown keys rejected), the site config, and
//! diagnostics with `file:line:col`.

pub mod folder;
pub mod lingue;
mod page;
pub mod traduzioni;

pub use civis_core::Diagnostic;
pub use lingue::Lingua;
pub use page::{FrontMatter, Page, Translation};

use serde::Deserialize;
use std::path::Path;

/// `content/config.yaml`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SiteConfig {
    /// Site title.
    pub title: String,
    /// Site description.
    pub description: String,
    /// Language code (`it`).
    pub language: String,
    /// Absolute base URL, only for sitemap.xml and canonical links.
    #[serde(default)]
    pub base_url: Option<String>,
    /// Theme folder name under `themes/` (default `default`).
    #[serde(default)]
    pub theme: Option<String>,
    /// Who runs this copy of the site (an office, an association), shown in the header next to "Guida non
    /// ufficiale": a reader must know whose guide it is, and that it is not the Agenzia's.
    #[serde(default)]
    pub publisher: Option<String>,
}

/// The loaded content of a site.
#[derive(Debug)]
pub struct Content {
    /// Site configuration.
    pub config: SiteConfig,
    /// Every page, sorted by output path.
    pub pages: Vec<Page>,
    /// The translations (`content/lingue/*.yaml`), by code; none for a site in one language.
    pub traduzioni: Vec<Lingua>,
}

/// Loads `ROOT/content`: the config and every Markdown page. All problems are returned together.
pub fn load(root: &Path) -> Result<Content, Vec<Diagnostic>> {
    let dir = root.join("content");
    let mut errors = Vec::new();
    let config_path = dir.join("config.yaml");
    let config = match std::fs::read_to_string(&config_path) {
        Ok(text) => {
            civis_core::yaml::da_testo::<SiteConfig>(&rel(root, &config_path), &text).map_err(|e| errors.push(e)).ok()
        }
        Err(e) => {
            errors.push(Diagnostic::new(
                rel(root, &config_path),
                0,
                0,
                format!("non riesco a leggere la configurazione del sito: {e}"),
            ));
            None
        }
    };
    let mut pages = Vec::new();
    let (file, mut problemi) = folder::files_of(root, &dir);
    errors.append(&mut problemi);
    for (source, path) in file {
        if !source.ends_with(".md") {
            continue;
        }
        let file = rel(root, &path);
        let testo = match std::fs::read(&path).map(String::from_utf8) {
            Ok(Ok(t)) => t,
            Ok(Err(e)) => {
                errors.push(Diagnostic::non_utf8(file, e.as_bytes(), e.utf8_error()));
                continue;
            }
            Err(e) => {
                errors.push(Diagnostic::new(file, 0, 0, format!("non riesco a leggere il file: {e}")));
                continue;
            }
        };
        match Page::parse(&file, &source, &testo) {
            Ok(p) => pages.push(p),
            Err(mut e) => errors.append(&mut e),
        }
    }
    pages.sort_by(|a, b| a.path.cmp(&b.path));
    for pair in pages.windows(2) {
        if pair[0].path == pair[1].path {
            errors.push(Diagnostic::new(
                pair[1].file.clone(),
                1,
                1,
                format!("percorso di uscita duplicato `{}` (lo produce anche {})", pair[0].path, pair[0].file),
            ));
        }
    }
    let sorgente = config.as_ref().map_or("it", |c| c.language.as_str());
    let (traduzioni, mut problemi) = lingue::traduzioni(root, sorgente);
    errors.append(&mut problemi);
    errors.append(&mut traduzioni::assegna(&mut pages, &traduzioni, sorgente));
    match (config, errors.is_empty()) {
        (Some(config), true) => Ok(Content { config, pages, traduzioni }),
        _ => Err(errors),
    }
}

/// `path` relative to the site root, with forward slashes (for messages).
fn rel(root: &Path, path: &Path) -> String {
    path.strip_prefix(root).unwrap_or(path).to_string_lossy().replace('\\', "/")
}
