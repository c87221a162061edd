//! The site: what a build loads (content, theme, the wizard's rules, the synonyms), what it renders (each page's
//! Markdown, the generators' pages, the output files) and the one path every page takes through the templates.
//! The full build ([`Site::build`]) and `serve`'s rebuild of edited pages ([`Site::update`]) both go
//! through it, so they cannot render a page differently.

use crate::context::{Alternativa, Child, Context, Data, LinguaCtx, PageCtx, SiteCtx, TocEntry, TraduzioneCtx};
use crate::generators::{Enrichment, Generated, GeneratedPage, Generator};
use crate::links::{Examination, LinkMap};
use crate::loaded::{Loaded, Rendering};
use crate::navigation::{Menus, Tree};
use crate::search::SearchIndex;
use crate::{assistente, extra, links, pages, richiesta, search, staging, statics, traduzioni, Options, Report};
use civis_content::{Diagnostic, Page};
use civis_ricerca::parole::Lingua;
use civis_ricerca::sinonimi::Sinonimi;
use rayon::prelude::*;
use std::borrow::Cow;
use std::path::PathBuf;

/// A loaded and rendered site.
pub struct Site {
    c: Loaded,
    generators: Vec<Box<dyn Generator>>,
    menus: Option<Menus>,
    /// What the link check knows of the output (file names, pages' ids): serve's rebuild checks edited pages
    /// against it. The output's bytes are not kept: they are on disk.
    link_map: LinkMap,
    counts: Vec<(&'static str, usize)>,
    /// The search documents of the last full build: above [`search::REWRITE_UP_TO`], serve leaves the index to
    /// the next full build, and the documents' texts are not kept in memory after it is written.
    documents: usize,
}

impl Site {
    /// Loads content, theme, rules and synonyms and registers the generators; every problem is returned together.
    pub fn load(opts: Options) -> Result<Site, Vec<Diagnostic>> {
        let c = Loaded::load(opts)?;
        let mut generators: Vec<Box<dyn Generator>> = Vec::new();
        if c.regole.is_some() {
            generators.push(Box::new(assistente::Assistente));
        }
        generators.push(Box::new(richiesta::Richiesta));
        generators.push(Box::new(search::SearchAndAz));
        generators.push(Box::new(extra::Extra));
        generators.push(Box::new(traduzioni::Traduzioni));
        Ok(Site { c, generators, menus: None, link_map: LinkMap::default(), counts: Vec::new(), documents: 0 })
    }

    /// Builds (or, without `output`, checks) the whole site.
    pub fn build(opts: Options) -> Result<(Report, Site), Vec<Diagnostic>> {
        let mut site = Site::load(opts)?;
        let report = site.render_all()?;
        Ok((report, site))
    }

    /// Renders every page and file, checks them and writes the output folder.
    fn render_all(&mut self) -> Result<Report, Vec<Diagnostic>> {
        let mut errori = Vec::new();
        let tutte: Vec<usize> = (0..self.c.content.pages.len()).collect();
        self.c.renderings = self.c.render_markdown_page(&tutte, &mut errori);
        errori.extend(self.c.broken_anchors(&tutte));
        errori.extend(self.c.fonti_non_elencate(&tutte));
        let mut generati = Generated::default();
        for g in &self.generators {
            g.generate(&self.c, &mut generati, &mut errori);
        }
        let tree = Tree::new(&self.c.content.pages, self.c.languages.roots().to_vec());
        let percorsi =
            self.c.content.pages.iter().map(|p| p.path.as_str()).chain(generati.pages.iter().map(|g| g.path.as_str()));
        let menus = Menus::render(&tree, &self.c.theme, percorsi.chain([""])).map_err(|e| vec![e])?;
        self.menus = Some(menus);
        // The search index first: it needs only the pages' Markdown, and its working set (every document's
        // stems, postings, JSON) is gone before the pages' HTML fills the memory, so the peak is the larger of
        // the two, not their sum.
        let inizio = std::time::Instant::now();
        let mut file_indice = Vec::new();
        let mut voci = 0;
        for (lingua, _) in self.c.languages.each() {
            let indice = self.search_index(&lingua.codice);
            file_indice.extend(indice.files());
            voci += indice.count();
        }
        let ricerca = (voci, inizio.elapsed());
        self.documents = ricerca.0;
        if self.documents > search::REWRITE_UP_TO {
            // A large site's index is written again only by a full build: its documents' texts can go now.
            for r in &mut self.c.renderings {
                r.documenti = Vec::new();
            }
        }
        let mut altri = std::mem::take(&mut generati.file);
        altri.extend(file_indice);
        for (path, bytes) in self.c.theme.static_files.iter().chain(&self.c.opts.assets) {
            altri.insert(path.clone(), bytes.clone());
        }
        for (path, bytes) in self.c.assets.copies(&self.c.theme.static_files) {
            altri.insert(path.to_string(), bytes.to_vec());
        }
        let static_dir = self.c.opts.root.join("content").join("static");
        statics::copy_static(&self.c.opts.root, &static_dir, &mut altri, &mut errori);
        self.link_map = self.write_and_check(altri, &generati.pages, &tree, errori)?;
        self.counts = generati.counts;
        Ok(self.report(ricerca))
    }

    /// Renders every page and writes it, with the other files `altri`, into a temporary folder as soon as it is
    /// made, checking each from what the link check keeps of it (its ids and links), so the output is never all
    /// in memory; swaps the folder in only when nothing was wrong, `errori` included (the previous site stays
    /// until then). Without an output folder, only renders and checks.
    fn write_and_check(
        &self,
        altri: std::collections::BTreeMap<String, Vec<u8>>,
        generate: &[GeneratedPage],
        tree: &Tree,
        mut errori: Vec<Diagnostic>,
    ) -> Result<LinkMap, Vec<Diagnostic>> {
        let file_pagine: Vec<String> = self.c.content.pages.iter().map(|p| format!("{}index.html", p.path)).collect();
        let nomi = file_pagine.iter().chain(generate.iter().map(|g| &g.file)).chain(altri.keys());
        let mut mappa = LinkMap::with_names(nomi.map(String::as_str));
        let staging = self.c.opts.output.clone().filter(|_| errori.is_empty());
        let cartella = match &staging {
            Some(out) => {
                Some(staging::Staging::beside(out, mappa.names()).map_err(|e| vec![staging::output_error(out, e)])?)
            }
            None => None,
        };
        // `testo`: the bytes as text when they are known to be (a rendered page), not to validate them again.
        let emetti =
            |file: String, bytes: &[u8], testo: Option<&str>| -> Result<(String, Option<Examination>), Diagnostic> {
                let esame = file.ends_with(".html").then(|| {
                    let testo = testo.map_or_else(|| String::from_utf8_lossy(bytes), std::borrow::Cow::Borrowed);
                    links::examine(&file, &testo, &|f| mappa.exists(f))
                });
                if let (Some(c), Some(out)) = (&cartella, &staging) {
                    c.write(&file, bytes).map_err(|e| staging::output_error(out, e))?;
                }
                Ok((file, esame))
            };
        // The other files first (the generators' files override a page of the same name, as they always did).
        let mut esiti: Vec<_> = altri.par_iter().map(|(f, b)| emetti(f.clone(), b, None)).collect();
        let scritti_altri: std::collections::HashSet<String> = altri.into_keys().collect();
        let resta =
            |r: &Result<(String, String), Diagnostic>| r.as_ref().map_or(true, |(f, _)| !scritti_altri.contains(f));
        let pagine = (0..self.c.content.pages.len()).into_par_iter().map(|i| self.render_page(i, tree));
        let generate = generate.par_iter().map(|g| self.render_generated(g, tree, &mappa));
        esiti.par_extend(
            pagine.chain(generate).filter(resta).map(|r| r.and_then(|(f, h)| emetti(f, h.as_bytes(), Some(&h)))),
        );
        let mut esami = Vec::new();
        for esito in esiti {
            match esito {
                Ok((file, Some(esame))) => esami.push((file, esame)),
                Ok((_, None)) => {}
                Err(e) => errori.push(e),
            }
        }
        let (mut problemi, _) = mappa.accept(esami);
        problemi.sort_by(|a, b| a.0.cmp(&b.0));
        errori.extend(problemi.into_iter().map(diagnostic));
        if !errori.is_empty() {
            return Err(errori);
        }
        if let (Some(out), Some(cartella)) = (&staging, cartella) {
            cartella.swap_with(out).map_err(|e| vec![staging::output_error(out, e)])?;
        }
        Ok(mappa)
    }

    /// The report of the site as it stands.
    fn report(&self, ricerca: (usize, std::time::Duration)) -> Report {
        let conto = |nome: &str| self.counts.iter().find(|(n, _)| *n == nome).map_or(0, |(_, c)| *c);
        Report {
            pages: self.c.content.pages.len(),
            generated: conto(assistente::PAGES),
            wizard_languages: conto(assistente::LANGUAGES),
            files: self.link_map.count(),
            wizard_paths: conto(assistente::PATHS),
            warnings: [
                crate::review::warnings(&self.c.content.pages, self.c.regole.as_ref(), self.c.opts.today),
                traduzioni::warnings(&self.c),
            ]
            .concat(),
            search_index: ricerca,
            translations: self
                .c
                .languages
                .status
                .iter()
                .map(|s| (s.code.clone(), s.counts(), s.string_counts()))
                .collect(),
        }
    }

    /// The search index of the pages in the language `codice`, as rendered.
    fn search_index(&self, codice: &str) -> SearchIndex<'_> {
        let pagine = self.c.content.pages.iter().zip(&self.c.renderings);
        SearchIndex {
            sinonimi: match (self.c.sinonimi_lingue.get(codice), Lingua::di(codice)) {
                (Some(s), _) => Cow::Borrowed(s),
                (None, Lingua::Italiano) => Cow::Borrowed(&self.c.sinonimi),
                (None, lingua) => Cow::Owned(Sinonimi::in_lingua(lingua)),
            },
            documenti: pagine.filter(|(p, _)| p.lang == codice).flat_map(|(_, r)| &r.documenti).collect(),
            folder: self.c.languages.folder(codice),
        }
    }

    /// What the generators add to the Markdown page at `path`.
    fn enrichment(&self, path: &str) -> Enrichment {
        self.generators.iter().find_map(|g| g.enrich(&self.c, path)).unwrap_or_default()
    }

    /// The context every template shares, for a page at `path`.
    fn context<'a>(&'a self, path: &str, page: PageCtx<'a>, tree: &Tree, corrente: bool) -> Context<'a> {
        let c = &self.c.content.config;
        let l = &self.c.languages;
        let radice = l.root_of(path);
        let lingua = l.get(radice.trim_end_matches('/'));
        let codice = lingua.codice.as_str();
        let tradotta = codice != l.source.codice;
        let (title, description) = if tradotta {
            (l.t(codice, "site_title"), l.t(codice, "site_description"))
        } else {
            (&*c.title, &*c.description)
        };
        let accessibilita_url = if tradotta {
            l.translation_of(codice, pages::ACCESSIBILITA).map(|a| crate::url::relative(path, a))
        } else {
            pages::url_if_exists(&self.c.page_titles, path, pages::ACCESSIBILITA)
        };
        // The wizard speaks a translation's language when the translation has the wizard's own words.
        let assistente_tradotto = l.speaks_wizard(codice);
        Context {
            site: SiteCtx { title, description, language: &c.language, publisher: c.publisher.as_deref() },
            lingua: LinguaCtx { codice, nome: &lingua.nome },
            t: l.strings(codice),
            home_url: crate::url::relative(path, radice),
            alternative: self.alternatives(path, tradotta),
            traduzione: l.source_of(path).filter(|_| tradotta).map(|(of, tr)| TraduzioneCtx {
                originale_url: crate::url::relative(path, of),
                reviewed: Data::of(Some(tr.reviewed), lingua),
                reviewer: &tr.reviewer,
                stale: l.is_stale(codice, path),
            }),
            testi_script: l.script(codice),
            root: crate::url::root_of(path),
            assistente_url: pages::url_assistente(&self.c.page_titles, path).map(|u| {
                if assistente_tradotto {
                    format!("{u}#lingua={codice}")
                } else {
                    u
                }
            }),
            assistente_tradotto,
            accessibilita_url,
            canonical: c.base_url.as_ref().map(|b| format!("{}/{path}", b.trim_end_matches('/'))),
            page,
            nav_html: self.menus.as_ref().map(|m| m.html(path, corrente)).unwrap_or_default(),
            breadcrumbs: tree.breadcrumbs(path, path),
            prev: None,
            next: None,
            dati: None,
            blocchi_json: &[],
            script_dati: &[],
            app_js: pages::app_js(path, &self.c.assets).or_else(|| {
                // The request tool's translated page runs the tool beside its source.
                let (of, _) = l.source_of(path).filter(|(of, _)| of == richiesta::PAGINA)?;
                Some(format!("{}{of}{}", crate::url::root_of(path), pages::app_js(of, &self.c.assets)?))
            }),
            risorse: self.c.assets.map(),
        }
    }

    /// The page at `path` in the site's other languages: a translated page's source and its other translations,
    /// or a source page's translations.
    fn alternatives(&self, path: &str, tradotta: bool) -> Vec<Alternativa<'_>> {
        let l = &self.c.languages;
        let origine = if tradotta {
            match l.source_of(path) {
                Some((of, _)) => of.as_str(),
                None => return Vec::new(),
            }
        } else {
            path
        };
        let mut out = Vec::new();
        if tradotta {
            out.push(Alternativa {
                codice: &l.source.codice,
                nome: &l.source.nome,
                url: crate::url::relative(path, origine),
                nascosta: false,
            });
        }
        // The wizard's start page: the app switches language in place, and shows the way back to Italian.
        if path == civis_vista::url::BASE && l.translations.iter().any(|t| l.speaks_wizard(&t.codice)) {
            out.push(Alternativa {
                codice: &l.source.codice,
                nome: &l.source.nome,
                url: "index.html".into(),
                nascosta: true,
            });
        }
        for t in &l.translations {
            match l.translation_of(&t.codice, origine) {
                Some(p) if p != path => {
                    let url = crate::url::relative(path, p);
                    out.push(Alternativa { codice: &t.codice, nome: &t.nome, url, nascosta: false })
                }
                _ => {}
            }
        }
        out
    }

    /// A step of the wizard without JavaScript (`assistente/…/`, `en/assistente/…/`) in the other languages: the
    /// same answers in their folder, when the site has that page (only languages that speak the wizard have its
    /// steps; the help desks' page is Italian only).
    fn wizard_twins(&self, path: &str, mappa: &LinkMap) -> Vec<Alternativa<'_>> {
        let l = &self.c.languages;
        let radice = l.root_of(path);
        let Some(stato) =
            path.strip_prefix(radice).filter(|s| s.starts_with(civis_vista::url::BASE) && *s != civis_vista::url::BASE)
        else {
            return Vec::new();
        };
        // A language that does not speak the wizard has no such page: the twin's existence decides.
        l.each()
            .filter(|(_, r)| r != radice)
            .map(|(lingua, r)| (lingua, format!("{r}{stato}")))
            .filter(|(_, gemella)| mappa.exists(&format!("{gemella}index.html")))
            .map(|(lingua, gemella)| Alternativa {
                codice: &lingua.codice,
                nome: &lingua.nome,
                url: crate::url::relative(path, &gemella),
                nascosta: false,
            })
            .collect()
    }

    /// The one path of a Markdown page through its template: (output file, bytes).
    pub(crate) fn render_page(&self, i: usize, tree: &Tree) -> Result<(String, String), Diagnostic> {
        let p = &self.c.content.pages[i];
        let r = &self.c.renderings[i];
        let template =
            p.front.template.clone().unwrap_or_else(|| if p.is_section { "section.html" } else { "page.html" }.into());
        if !self.c.theme.has(&template) {
            let msg = format!("il template `{template}` non esiste nel tema");
            return Err(Diagnostic::new(p.file.clone(), p.key_line("template"), 1, msg));
        }
        let f = &p.front;
        let lingua = self.c.languages.get(&p.lang);
        let children = tree
            .children(&p.path)
            .into_iter()
            .map(|c| {
                let c = &self.c.content.pages[c];
                Child {
                    title: &c.front.title,
                    description: &c.front.description,
                    url: crate::url::relative(&p.path, &c.path),
                }
            })
            .collect();
        let page = PageCtx {
            title: &f.title,
            description: &f.description,
            html: &r.html,
            path: &p.path,
            toc: toc(&r.headings),
            updated: Data::of(f.updated, lingua),
            reviewed: Data::of(f.reviewed, lingua),
            valid_from: Data::of(f.valid_from, lingua),
            valid_until: Data::of(f.valid_until, lingua),
            sources: &f.sources,
            testi: self.c.regole.as_ref().map(|r| crate::fonti::citati(p, r)).unwrap_or_default(),
            children,
        };
        let enrichment = self.enrichment(&p.path);
        let mut ctx = self.context(&p.path, page, tree, true);
        (ctx.prev, ctx.next) = tree.prev_next(&p.path);
        ctx.dati = enrichment.dati.as_ref();
        ctx.blocchi_json = &enrichment.blocks;
        ctx.script_dati = &enrichment.data_scripts;
        self.c.theme.render(&template, &ctx.tera()).map(|html| (format!("{}index.html", p.path), html)).map_err(|e| {
            let messaggio = format!("template `{template}` ({}): {}", e.file, e.message);
            Diagnostic::new(p.file.clone(), p.key_line("template"), 1, messaggio)
        })
    }

    /// A generated page through its template: (output file, bytes). `mappa` knows every file the site will have.
    fn render_generated(
        &self,
        g: &GeneratedPage,
        tree: &Tree,
        mappa: &LinkMap,
    ) -> Result<(String, String), Diagnostic> {
        let page = PageCtx { title: &g.title, description: &g.description, ..Default::default() };
        let mut ctx = self.context(&g.path, page, tree, false);
        ctx.alternative.extend(self.wizard_twins(&g.path, mappa));
        ctx.dati = Some(&g.data);
        self.c.theme.render(&g.template, &ctx.tera()).map(|html| (g.file.clone(), html))
    }

    /// `serve`'s rebuild after the files `cambiati` changed: when only the text of existing pages changed (not
    /// what other pages show of them: title, description, order, aliases, template), those pages alone are
    /// rendered, checked and written again, through the same path as a full build, as Zola's `serve --fast`
    /// does; the search index is written again on small sites. `None` when the whole site must be built again.
    pub fn update(&mut self, cambiati: &[PathBuf]) -> Option<Result<Report, Vec<Diagnostic>>> {
        let nuove = crate::update::changed_pages(&self.c, cambiati)?;
        let nuove = match nuove {
            Ok(n) => n,
            Err(e) => return Some(Err(e)),
        };
        let indici: Vec<usize> = nuove.iter().map(|(i, _)| *i).collect();
        let vecchie: Vec<(usize, Page)> =
            nuove.into_iter().map(|(i, p)| (i, std::mem::replace(&mut self.c.content.pages[i], p))).collect();
        let esito = self.rerender(&indici);
        if esito.is_err() {
            for (i, vecchia) in vecchie {
                self.c.content.pages[i] = vecchia;
            }
        }
        Some(esito)
    }

    /// Renders, checks and writes the pages at `indici` (already replaced in `content`).
    fn rerender(&mut self, indici: &[usize]) -> Result<Report, Vec<Diagnostic>> {
        let mut errori = Vec::new();
        let nuove = self.c.render_markdown_page(indici, &mut errori);
        let vecchie: Vec<Rendering> =
            indici.iter().zip(nuove).map(|(&i, r)| std::mem::replace(&mut self.c.renderings[i], r)).collect();
        errori.extend(self.c.broken_anchors(indici));
        errori.extend(self.c.fonti_non_elencate(indici));
        let tree = Tree::new(&self.c.content.pages, self.c.languages.roots().to_vec());
        let mut scritti = Vec::new();
        let mut esami = Vec::new();
        for &i in indici {
            match self.render_page(i, &tree) {
                Ok((file, html)) => {
                    let esame = links::examine(&file, &html, &|f| self.link_map.exists(f));
                    esami.push((file.clone(), esame));
                    scritti.push((file, Some(html.into_bytes())));
                }
                Err(e) => errori.push(e),
            }
        }
        // The edited pages' new ids are recorded; the old ones are put back if anything is wrong.
        let (problemi, prima) = self.link_map.accept(esami);
        errori.extend(problemi.into_iter().map(diagnostic));
        if !errori.is_empty() {
            for (&i, r) in indici.iter().zip(vecchie) {
                self.c.renderings[i] = r;
            }
            for (file, ids) in prima {
                self.link_map.record(file, ids.flatten());
            }
            return Err(errori);
        }
        let mut ricerca = (0, std::time::Duration::ZERO);
        let out = self.c.opts.output.as_deref();
        if self.documents <= search::REWRITE_UP_TO {
            let inizio = std::time::Instant::now();
            // Only pages of the site's own language take this path (see `update::changed_pages`).
            let indice = self.search_index(&self.c.languages.source.codice);
            scritti.extend(crate::update::index_changed(&indice, &self.link_map, out));
            ricerca = (indice.count(), inizio.elapsed());
        }
        crate::update::write(out, &mut self.link_map, scritti)?;
        Ok(self.report(ricerca))
    }
}

/// A problem of the output as an author reads it.
fn diagnostic((file, msg): links::Problem) -> Diagnostic {
    Diagnostic::new(format!("output: {file}"), 0, 0, msg)
}

/// The table of contents, nested: level-3 headings go under the level-2 heading before them (or stand alone
/// before the first one). An unordered list, so headings that carry their own numbers are not numbered twice.
fn toc(headings: &[civis_markdown::Heading]) -> Vec<TocEntry<'_>> {
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
