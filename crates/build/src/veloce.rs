//! The fast rebuild of `serve`: when only the text of existing pages changed (not what other pages show of them:
//! title, description, order, aliases, template), only those pages are rendered, checked and written again, as
//! Zola's `serve --fast` does. Anything else returns `None`, and the caller builds the whole site. The search index
//! is written again too when the site is small ([`crate::ricerca::RIFAI_FINO_A`] documents); a large site's index
//! catches up at the next full build.

use crate::markdown::Anchor;
use crate::navigazione::{Albero, Menus};
use crate::{markdown, pagina, verifica, Options, Report};
use civis_content::{Content, Diagnostic, Page};
use civis_engine::modello::Regole;
use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

/// What a full build keeps for [`ricostruisci`].
pub struct Stato {
    pub(crate) content: Content,
    pub(crate) theme: civis_templates::Theme,
    pub(crate) regole: Option<Regole>,
    pub(crate) menus: Menus,
    pub(crate) files: BTreeMap<String, Vec<u8>>,
    pub(crate) anchors: Vec<Anchor>,
    pub(crate) ids: HashMap<String, Vec<String>>,
    pub(crate) titoli: civis_vista::Titoli,
    pub(crate) generated: usize,
    pub(crate) wizard_paths: usize,
    pub(crate) indice: crate::ricerca::Indice,
}

/// Whether the new version of a page changes only the page itself.
fn solo_la_pagina(prima: &Page, dopo: &Page) -> bool {
    let (a, b) = (&prima.front, &dopo.front);
    prima.path == dopo.path
        && a.title == b.title
        && a.description == b.description
        && a.weight == b.weight
        && a.aliases == b.aliases
        && a.template == b.template
        && b.template.as_deref() != Some("assistente.html")
}

/// Rebuilds only the pages in `cambiati` (files changed on disk) when that is enough, writing just their files
/// into `opts.output`; `None` when the whole site must be built again.
pub fn ricostruisci(
    opts: &Options,
    stato: &mut Stato,
    cambiati: &[PathBuf],
) -> Option<Result<Report, Vec<Diagnostic>>> {
    // The watcher reports absolute paths; the site root may be relative (`--root .`).
    let content_dir = opts.root.join("content").canonicalize().ok()?;
    let mut nuove: Vec<(usize, Page)> = Vec::new();
    for path in cambiati {
        let path = path.canonicalize().ok()?;
        let rel = path.strip_prefix(&content_dir).ok()?.to_str()?.replace('\\', "/");
        if !rel.ends_with(".md") {
            return None;
        }
        let i = stato.content.pages.iter().position(|p| p.source == rel)?;
        let testo = std::fs::read_to_string(&path).ok()?;
        let file = stato.content.pages[i].file.clone();
        let pagina = match Page::parse(&file, &rel, &testo) {
            Ok(p) => p,
            Err(e) => return Some(Err(e)),
        };
        if !solo_la_pagina(&stato.content.pages[i], &pagina) {
            return None;
        }
        nuove.push((i, pagina));
    }
    if nuove.is_empty() {
        return None;
    }
    let vecchie: Vec<(usize, Page)> =
        nuove.into_iter().map(|(i, p)| (i, std::mem::replace(&mut stato.content.pages[i], p))).collect();
    let esito = rigenera(opts, stato, &vecchie.iter().map(|(i, _)| *i).collect::<Vec<_>>());
    if esito.is_err() {
        for (i, vecchia) in vecchie {
            stato.content.pages[i] = vecchia;
        }
    }
    Some(esito)
}

/// Renders, checks and writes the pages at `indici` (already replaced in the state).
fn rigenera(opts: &Options, stato: &mut Stato, indici: &[usize]) -> Result<Report, Vec<Diagnostic>> {
    let content = &stato.content;
    let by_source: HashMap<&str, &Page> = content.pages.iter().map(|p| (p.source.as_str(), p)).collect();
    let albero = Albero::new(&content.pages);
    let wizard_url = |from: &str| pagina::url_assistente(&stato.titoli, from);
    let sito =
        pagina::Sito { content, theme: &stato.theme, albero: &albero, menus: &stato.menus, wizard_url: &wizard_url };
    let mut errors = Vec::new();
    let mut scritti: Vec<(String, Vec<u8>, Vec<String>, Vec<Anchor>, String)> = Vec::new();
    let mut documenti = Vec::new();
    for &i in indici {
        let p = &content.pages[i];
        let (r, mut e, nuove_ancore) = markdown::render_markdown(p, &by_source);
        errors.append(&mut e);
        let ids: Vec<String> = r.headings.iter().map(|h| h.id.clone()).collect();
        documenti.push((i, crate::ricerca::documenti_di(&r)));
        // Anchors this page names, and anchors other pages name into it.
        for a in &nuove_ancore {
            let noti = if a.2 == p.path { Some(&ids) } else { stato.ids.get(&a.2) };
            if noti.is_some_and(|set| !set.contains(&a.3)) {
                errors.push(markdown::ancora_rotta(a));
            }
        }
        for a in stato.anchors.iter().filter(|a| a.2 == p.path && a.0 != p.file) {
            if !ids.contains(&a.3) {
                errors.push(markdown::ancora_rotta(a));
            }
        }
        match pagina::render_page(
            &r,
            &sito,
            stato.regole.as_ref().map(|x| (x, &stato.titoli)),
            &opts.assets,
            opts.today,
        ) {
            Ok((path, html)) => {
                let file = format!("{path}index.html");
                for (f, msg) in verifica::check_page(&file, &html, &stato.files) {
                    errors.push(Diagnostic::new(format!("output: {f}"), 0, 0, msg));
                }
                scritti.push((file, html.into_bytes(), ids, nuove_ancore, p.file.clone()));
            }
            Err(e) => errors.push(e),
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    for (file, bytes, ids, ancore, sorgente) in scritti {
        if let Some(out) = &opts.output {
            scrivi(&out.join(&file), &bytes).map_err(|e| {
                vec![Diagnostic::new(
                    out.display().to_string(),
                    0,
                    0,
                    format!("non riesco a scrivere la cartella di uscita: {e}"),
                )]
            })?;
        }
        let path = file.trim_end_matches("index.html").to_string();
        stato.ids.insert(path, ids);
        stato.anchors.retain(|a| a.0 != sorgente);
        stato.anchors.extend(ancore);
        stato.files.insert(file, bytes);
    }
    for (i, d) in documenti {
        stato.indice.per_pagina[i] = d;
    }
    let ricerca = if stato.indice.quanti() <= crate::ricerca::RIFAI_FINO_A {
        riscrivi_indice(opts, stato)?
    } else {
        (0, std::time::Duration::ZERO)
    };
    let warnings = crate::revisione::avvisi(&stato.content.pages, stato.regole.as_ref(), opts.today);
    Ok(Report {
        pages: stato.content.pages.len(),
        generated: stato.generated,
        files: stato.files.len(),
        wizard_paths: stato.wizard_paths,
        warnings,
        ricerca,
    })
}

/// Writes the search index again from the pages' documents: the files that changed, and removes the parts no
/// longer named (the chunks follow the terms).
fn riscrivi_indice(opts: &Options, stato: &mut Stato) -> Result<(usize, std::time::Duration), Vec<Diagnostic>> {
    let inizio = std::time::Instant::now();
    let nuovi: BTreeMap<String, Vec<u8>> = stato.indice.file().into_iter().collect();
    let errore = |out: &Path, e: std::io::Error| {
        vec![Diagnostic::new(
            out.display().to_string(),
            0,
            0,
            format!("non riesco ad aggiornare l'indice di ricerca: {e}"),
        )]
    };
    let vecchi: Vec<String> = stato
        .files
        .keys()
        .filter(|f| {
            ["ricerca/i/", "ricerca/b/", "ricerca/d/"].iter().any(|d| f.starts_with(d)) && !nuovi.contains_key(*f)
        })
        .cloned()
        .collect();
    for f in vecchi {
        if let Some(out) = &opts.output {
            std::fs::remove_file(out.join(&f)).map_err(|e| errore(out, e))?;
        }
        stato.files.remove(&f);
    }
    for (f, bytes) in nuovi {
        if stato.files.get(&f) == Some(&bytes) {
            continue;
        }
        if let Some(out) = &opts.output {
            let path = out.join(&f);
            if let Some(dir) = path.parent() {
                std::fs::create_dir_all(dir).map_err(|e| errore(out, e))?;
            }
            scrivi(&path, &bytes).map_err(|e| errore(out, e))?;
        }
        stato.files.insert(f, bytes);
    }
    Ok((stato.indice.quanti(), inizio.elapsed()))
}

/// Writes one file whole: a temporary file beside it, then a rename, so the server never serves half a page.
fn scrivi(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let tmp = path.with_extension("html.tmp");
    std::fs::write(&tmp, bytes)?;
    std::fs::rename(&tmp, path)
}
