//! Step 4, templates: the Tera context every page shares (one builder, for Markdown pages and generated ones) and
//! the rendering of a Markdown page through its template.

use crate::markdown::Rendered;
use crate::navigazione::{Albero, Menus};
use crate::{assistente, url};
use civis_content::{Content, Diagnostic};
use serde::Serialize;

/// An entry of a page's table of contents: a level-2 heading with the level-3 headings under it.
#[derive(Serialize)]
struct TocEntry<'a> {
    id: &'a str,
    text: &'a str,
    children: Vec<TocEntry<'a>>,
}

/// The table of contents, nested: level-3 headings go under the level-2 heading before them (or stand alone
/// before the first one). An unordered list, so headings that carry their own numbers are not numbered twice.
fn indice(headings: &[civis_markdown::Heading]) -> Vec<TocEntry<'_>> {
    let mut toc: Vec<TocEntry> = Vec::new();
    for h in headings.iter().filter(|h| (2..=3).contains(&h.level)) {
        let e = TocEntry { id: &h.id, text: &h.text, children: Vec::new() };
        match toc.last_mut() {
            Some(last) if h.level == 3 => last.children.push(e),
            _ => toc.push(e),
        }
    }
    toc
}

/// The wizard's start page relative to `from`, when the site has one (the header's link to it).
pub(crate) fn url_assistente(titoli: &civis_vista::Titoli, from: &str) -> Option<String> {
    titoli.contains_key(civis_vista::url::BASE).then(|| url::relative(from, civis_vista::url::BASE))
}

/// The context shared by every template.
pub(crate) fn context(content: &Content, path: &str, wizard_url: &dyn Fn(&str) -> Option<String>) -> tera::Context {
    let mut ctx = tera::Context::new();
    ctx.insert("site", &serde_json::json!({
        "title": content.config.title, "description": content.config.description, "language": content.config.language,
    }));
    ctx.insert("root", &url::root_of(path));
    ctx.insert("assistente_url", &wizard_url(path));
    ctx.insert("canonical", &content.config.base_url.as_ref().map(|b| format!("{}/{path}", b.trim_end_matches('/'))));
    ctx
}

/// Where an app's loader sits beside its page (`civis_bundle::App::dir` is `<page>/pkg`, `civis_bundle::LOADER` is
/// `avvio.js`); the build only sees the bundle's files, so it finds the page's app by this path.
const APP_LOADER: &str = "pkg/avvio.js";

/// What every page's templating shares.
pub(crate) struct Sito<'a> {
    pub(crate) content: &'a Content,
    pub(crate) theme: &'a civis_templates::Theme,
    pub(crate) albero: &'a Albero<'a>,
    pub(crate) menus: &'a Menus,
    pub(crate) wizard_url: &'a (dyn Fn(&str) -> Option<String> + Sync),
}

pub(crate) fn render_page(
    r: &Rendered,
    sito: &Sito,
    regole: Option<(&civis_engine::modello::Regole, &civis_vista::Titoli)>,
    assets: &[(String, Vec<u8>)],
    today: chrono::NaiveDate,
) -> Result<(String, String), Diagnostic> {
    let Sito { content, theme, albero, menus, wizard_url } = *sito;
    let p = r.page;
    // An app's page (the wizard, "Prepara la richiesta") loads its loader script when the build has the app's
    // WebAssembly bundle beside the page.
    let app_js = format!("{}{APP_LOADER}", p.path);
    let app_js = assets.iter().any(|(a, _)| *a == app_js).then(|| app_js[p.path.len()..].to_string());
    let template =
        p.front
            .template
            .clone()
            .unwrap_or_else(|| if p.is_section { "section.html".into() } else { "page.html".into() });
    if !theme.has(&template) {
        return Err(Diagnostic::new(
            p.file.clone(),
            p.key_line("template"),
            1,
            format!("il template `{template}` non esiste nel tema"),
        ));
    }
    let toc = indice(&r.headings);
    let children: Vec<serde_json::Value> = albero
        .children(&p.path)
        .into_iter()
        .map(|i| {
            let c = &content.pages[i];
            serde_json::json!({ "title": c.front.title, "description": c.front.description, "url": url::relative(&p.path, &c.path) })
        })
        .collect();
    let f = &p.front;
    let mut ctx = context(content, &p.path, wizard_url);
    ctx.insert(
        "page",
        &serde_json::json!({
            "title": f.title, "description": f.description, "html": r.html, "toc": toc, "path": p.path,
            "updated": f.updated, "updated_it": f.updated.map(civis_engine::testo::data_it),
            "reviewed": f.reviewed, "reviewed_it": f.reviewed.map(civis_engine::testo::data_it),
            "sources": f.sources, "valid_from": f.valid_from.map(civis_engine::testo::data_it),
            "valid_until": f.valid_until.map(civis_engine::testo::data_it), "children": children,
        }),
    );
    ctx.insert("nav_html", &menus.html(&p.path, true));
    ctx.insert("breadcrumbs", &albero.breadcrumbs(&p.path, &p.path));
    let (prev, next) = albero.prev_next(&p.path);
    ctx.insert("prev", &prev);
    ctx.insert("next", &next);
    if let Some((regole, titoli)) = regole.filter(|_| template == "assistente.html") {
        ctx.insert("dati", &assistente::inizio(regole, titoli, today));
        ctx.insert("titoli_json", &serde_json::to_string(titoli).expect("titles serialise").replace('<', "\\u003c"));
    }
    ctx.insert("app_js", &app_js);
    theme
        .render(&template, &ctx)
        .map(|html| (p.path.clone(), html))
        .map_err(|e| Diagnostic::new(p.file.clone(), p.key_line("template"), 1, format!("template `{template}`: {e}")))
}
