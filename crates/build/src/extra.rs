//! Step 6, extra files: the 404 page, the alias redirect pages and the sitemap (only with `base_url`).

use crate::navigazione::Menus;
use crate::pagina::context;
use crate::url;
use civis_content::{Content, Diagnostic};
use std::collections::BTreeMap;

/// 404 page, alias redirects and the sitemap.
pub(crate) fn extras(
    content: &Content,
    theme: &civis_templates::Theme,
    menus: &Menus,
    wizard_url: &dyn Fn(&str) -> Option<String>,
    files: &mut BTreeMap<String, Vec<u8>>,
    errors: &mut Vec<Diagnostic>,
) {
    let mut ctx = context(content, "", wizard_url);
    ctx.insert(
        "page",
        &serde_json::json!({ "title": "Pagina non trovata", "description": "La pagina cercata non esiste." }),
    );
    ctx.insert("nav_html", &menus.html("", false));
    match theme.render("404.html", &ctx) {
        Ok(html) => {
            files.insert("404.html".into(), html.into_bytes());
        }
        Err(e) => errors.push(Diagnostic::new("themes: 404.html", 0, 0, e)),
    }
    for p in &content.pages {
        for alias in &p.front.aliases {
            let alias = format!("{}/", alias.trim_matches('/'));
            let key = format!("{alias}index.html");
            if files.contains_key(&key) {
                errors.push(Diagnostic::new(
                    p.file.clone(),
                    2,
                    1,
                    format!("l'alias `{alias}` coincide con una pagina esistente"),
                ));
                continue;
            }
            let mut ctx = context(content, &alias, wizard_url);
            ctx.insert("target", &url::relative(&alias, &p.path));
            match theme.render("redirect.html", &ctx) {
                Ok(html) => {
                    files.insert(key, html.into_bytes());
                }
                Err(e) => errors.push(Diagnostic::new(
                    p.file.clone(),
                    2,
                    1,
                    format!("pagina di reindirizzamento per `{alias}`: {e}"),
                )),
            }
        }
    }
    if let Some(base) = &content.config.base_url {
        let base = base.trim_end_matches('/');
        let mut xml = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        for p in &content.pages {
            let lastmod = p.front.updated.map(|d| format!("<lastmod>{d}</lastmod>")).unwrap_or_default();
            xml.push_str(&format!("  <url><loc>{base}/{}</loc>{lastmod}</url>\n", p.path));
        }
        xml.push_str("</urlset>\n");
        files.insert("sitemap.xml".into(), xml.into_bytes());
    }
}
