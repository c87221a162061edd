//! The other generated files: the 404 page, the alias redirect pages and the sitemap (only with `base_url`).

use crate::generators::{Generated, GeneratedPage, Generator};
use crate::loaded::Loaded;
use crate::url;
use civis_content::Diagnostic;

/// The 404 page, the redirects of every page's `aliases`, and `sitemap.xml`.
pub(crate) struct Extra;

impl Generator for Extra {
    /// The sources' page gets every law, decision and testo unico of the rules.
    fn enrich(&self, site: &Loaded, path: &str) -> Option<crate::generators::Enrichment> {
        let regole = site.regole.as_ref().filter(|_| path == crate::fonti::PAGINA)?;
        Some(crate::generators::Enrichment { dati: Some(crate::fonti::data(regole)), ..Default::default() })
    }

    fn generate(&self, site: &Loaded, out: &mut Generated, errori: &mut Vec<Diagnostic>) {
        let content = &site.content;
        out.pages.push(GeneratedPage {
            path: String::new(),
            file: "404.html".into(),
            title: "Pagina non trovata".into(),
            description: "La pagina cercata non esiste.".into(),
            template: "404.html".into(),
            data: serde_json::Value::Null,
        });
        let esistenti: std::collections::HashSet<&str> = content.pages.iter().map(|p| p.path.as_str()).collect();
        for p in &content.pages {
            for alias in &p.front.aliases {
                let alias = format!("{}/", alias.trim_matches('/'));
                if esistenti.contains(alias.as_str()) || out.pages.iter().any(|g| g.path == alias) {
                    let msg = format!("l'alias `{alias}` coincide con una pagina esistente");
                    errori.push(Diagnostic::new(p.file.clone(), p.key_line("aliases"), 1, msg));
                    continue;
                }
                let target = url::relative(&alias, &p.path);
                out.pages.push(GeneratedPage::in_folder(
                    &alias,
                    "Pagina spostata".into(),
                    p.front.description.clone(),
                    "redirect.html",
                    serde_json::json!({ "target": target }),
                ));
            }
        }
        if let Some(base) = &content.config.base_url {
            let base = base.trim_end_matches('/');
            let mut xml = String::from(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
            );
            for p in &content.pages {
                let lastmod = p.front.updated.map(|d| format!("<lastmod>{d}</lastmod>")).unwrap_or_default();
                xml.push_str(&format!("  <url><loc>{base}/{}</loc>{lastmod}</url>\n", p.path));
            }
            xml.push_str("</urlset>\n");
            out.file.insert("sitemap.xml".into(), xml.into_bytes());
        }
    }
}
