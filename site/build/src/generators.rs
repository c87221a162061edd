//! Page generators: what adds pages to the site besides the Markdown files (the wizard's steps, the A–Z page, the
//! 404 page, redirects) or data to a Markdown page it serves (the wizard's start page). They are registered with
//! the build (`crate::site::Site`) and their pages go through the same templates and context as the others, so
//! the page renderer never looks at a template's name.

use crate::context::JsonBlock;
use crate::loaded::Loaded;
use civis_content::Diagnostic;
use std::collections::BTreeMap;

/// A page produced by code rather than by a Markdown file.
#[derive(Debug, Clone)]
pub struct GeneratedPage {
    /// Output folder (`assistente/cartella/`), from which its links are relative.
    pub path: String,
    /// Output file (`assistente/cartella/index.html`, `404.html`).
    pub file: String,
    /// Title.
    pub title: String,
    /// Description.
    pub description: String,
    /// Template name.
    pub template: String,
    /// Data for the template (`dati`).
    pub data: serde_json::Value,
}

impl GeneratedPage {
    /// A page at `path`, written as its `index.html`.
    pub(crate) fn in_folder(
        path: &str,
        title: String,
        description: String,
        template: &str,
        data: serde_json::Value,
    ) -> Self {
        GeneratedPage {
            file: format!("{path}index.html"),
            path: path.to_string(),
            title,
            description,
            template: template.into(),
            data,
        }
    }
}

/// What a generator adds to a Markdown page it serves.
#[derive(Default)]
pub(crate) struct Enrichment {
    /// The template's `dati`.
    pub(crate) dati: Option<serde_json::Value>,
    /// JSON blocks for the page's app.
    pub(crate) blocks: Vec<JsonBlock>,
    /// Classic scripts with data for the page's app, relative to the page, loaded before it: large data goes
    /// there rather than into the page, so that it downloads while the page is read (and from `file://` too).
    pub(crate) data_scripts: Vec<String>,
}

/// What the generators produced: pages rendered through the templates, files written as they are.
#[derive(Default)]
pub(crate) struct Generated {
    pub(crate) pages: Vec<GeneratedPage>,
    pub(crate) file: BTreeMap<String, Vec<u8>>,
    /// Numbers for the build's report, by name (`pagine del percorso guidato`…).
    pub(crate) counts: Vec<(&'static str, usize)>,
}

/// A page generator.
pub(crate) trait Generator: Send + Sync {
    /// What it adds to the Markdown page at `path`, when it serves that page.
    fn enrich(&self, _site: &Loaded, _path: &str) -> Option<Enrichment> {
        None
    }

    /// Its pages and files; problems go to `errori`.
    fn generate(&self, site: &Loaded, out: &mut Generated, errori: &mut Vec<Diagnostic>);
}
