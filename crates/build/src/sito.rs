//! The site: what a build loads (content, theme, the wizard's rules, the synonyms), what it renders (each page's
//! Markdown, the generators' pages, the output files) and the one path every page takes through the templates.
//! The full build ([`Site::costruisci`]) and `serve`'s rebuild of edited pages ([`Site::aggiorna`]) both go
//! through it, so they cannot render a page differently.

use crate::caricato::{Caricato, Resa};
use crate::contesto::{Contesto, Data, Figlio, PaginaCtx, SitoCtx, VoceIndice};
use crate::generatori::{Arricchimento, GeneratedPage, Generati, Generatore};
use crate::navigazione::{Albero, Menus};
use crate::ricerca::Indice;
use crate::verifica::{Esame, Mappa};
use crate::{assistente, extra, pagina, ricerca, statici, uscita, verifica, Options, Report};
use civis_content::{Diagnostic, Page};
use rayon::prelude::*;
use std::path::PathBuf;

/// A loaded and rendered site.
pub struct Site {
    c: Caricato,
    generatori: Vec<Box<dyn Generatore>>,
    menus: Option<Menus>,
    /// What the link check knows of the output (file names, pages' ids): serve's rebuild checks edited pages
    /// against it. The output's bytes are not kept: they are on disk.
    mappa: Mappa,
    conti: Vec<(&'static str, usize)>,
    /// The search documents of the last full build: above [`ricerca::RIFAI_FINO_A`], serve leaves the index to
    /// the next full build, and the documents' texts are not kept in memory after it is written.
    documenti: usize,
}

impl Site {
    /// Loads content, theme, rules and synonyms and registers the generators; every problem is returned together.
    pub fn carica(opts: Options) -> Result<Site, Vec<Diagnostic>> {
        let c = Caricato::carica(opts)?;
        let mut generatori: Vec<Box<dyn Generatore>> = Vec::new();
        if c.regole.is_some() {
            generatori.push(Box::new(assistente::Assistente));
        }
        generatori.push(Box::new(ricerca::IndiceAz));
        generatori.push(Box::new(extra::Extra));
        Ok(Site { c, generatori, menus: None, mappa: Mappa::default(), conti: Vec::new(), documenti: 0 })
    }

    /// Builds (or, without `output`, checks) the whole site.
    pub fn costruisci(opts: Options) -> Result<(Report, Site), Vec<Diagnostic>> {
        let mut site = Site::carica(opts)?;
        let report = site.rendi_tutto()?;
        Ok((report, site))
    }

    /// Renders every page and file, checks them and writes the output folder.
    fn rendi_tutto(&mut self) -> Result<Report, Vec<Diagnostic>> {
        let mut errori = Vec::new();
        let tutte: Vec<usize> = (0..self.c.content.pages.len()).collect();
        self.c.rese = self.c.rendi_markdown(&tutte, &mut errori);
        errori.extend(self.c.ancore_rotte(&tutte));
        errori.extend(self.c.fonti_non_elencate(&tutte));
        let mut generati = Generati::default();
        for g in &self.generatori {
            g.genera(&self.c, &mut generati, &mut errori);
        }
        let albero = Albero::new(&self.c.content.pages);
        let percorsi =
            self.c.content.pages.iter().map(|p| p.path.as_str()).chain(generati.pagine.iter().map(|g| g.path.as_str()));
        let menus = Menus::render(&albero, &self.c.theme, percorsi.chain([""])).map_err(|e| vec![e])?;
        self.menus = Some(menus);
        // The search index first: it needs only the pages' Markdown, and its working set (every document's
        // stems, postings, JSON) is gone before the pages' HTML fills the memory, so the peak is the larger of
        // the two, not their sum.
        let inizio = std::time::Instant::now();
        let indice = self.indice();
        let file_indice = indice.file();
        let ricerca = (indice.quanti(), inizio.elapsed());
        drop(indice);
        self.documenti = ricerca.0;
        if self.documenti > ricerca::RIFAI_FINO_A {
            // A large site's index is written again only by a full build: its documents' texts can go now.
            for r in &mut self.c.rese {
                r.documenti = Vec::new();
            }
        }
        let mut altri = std::mem::take(&mut generati.file);
        altri.extend(file_indice);
        for (path, bytes) in self.c.theme.static_files.iter().chain(&self.c.opts.assets) {
            altri.insert(path.clone(), bytes.clone());
        }
        for (path, bytes) in self.c.risorse.copie(&self.c.theme.static_files) {
            altri.insert(path.to_string(), bytes.to_vec());
        }
        let static_dir = self.c.opts.root.join("content").join("static");
        statici::copy_static(&self.c.opts.root, &static_dir, &mut altri, &mut errori);
        self.mappa = self.scrivi_e_verifica(altri, &generati.pagine, &albero, errori)?;
        self.conti = generati.conti;
        Ok(self.report(ricerca))
    }

    /// Renders every page and writes it, with the other files `altri`, into a temporary folder as soon as it is
    /// made, checking each from what the link check keeps of it (its ids and links), so the output is never all
    /// in memory; swaps the folder in only when nothing was wrong, `errori` included (the previous site stays
    /// until then). Without an output folder, only renders and checks.
    fn scrivi_e_verifica(
        &self,
        altri: std::collections::BTreeMap<String, Vec<u8>>,
        generate: &[GeneratedPage],
        albero: &Albero,
        mut errori: Vec<Diagnostic>,
    ) -> Result<Mappa, Vec<Diagnostic>> {
        let file_pagine: Vec<String> = self.c.content.pages.iter().map(|p| format!("{}index.html", p.path)).collect();
        let nomi = file_pagine.iter().chain(generate.iter().map(|g| &g.file)).chain(altri.keys());
        let mut mappa = Mappa::con_nomi(nomi.map(String::as_str));
        let uscita = self.c.opts.output.clone().filter(|_| errori.is_empty());
        let cartella = match &uscita {
            Some(out) => {
                Some(uscita::Nuova::accanto(out, mappa.nomi()).map_err(|e| vec![uscita::errore_uscita(out, e)])?)
            }
            None => None,
        };
        // `testo`: the bytes as text when they are known to be (a rendered page), not to validate them again.
        let emetti = |file: String, bytes: &[u8], testo: Option<&str>| -> Result<(String, Option<Esame>), Diagnostic> {
            let esame = file.ends_with(".html").then(|| {
                let testo = testo.map_or_else(|| String::from_utf8_lossy(bytes), std::borrow::Cow::Borrowed);
                verifica::esamina(&file, &testo, &|f| mappa.esiste(f))
            });
            if let (Some(c), Some(out)) = (&cartella, &uscita) {
                c.scrivi(&file, bytes).map_err(|e| uscita::errore_uscita(out, e))?;
            }
            Ok((file, esame))
        };
        // The other files first (the generators' files override a page of the same name, as they always did).
        let mut esiti: Vec<_> = altri.par_iter().map(|(f, b)| emetti(f.clone(), b, None)).collect();
        let scritti_altri: std::collections::HashSet<String> = altri.into_keys().collect();
        let resta =
            |r: &Result<(String, String), Diagnostic>| r.as_ref().map_or(true, |(f, _)| !scritti_altri.contains(f));
        let pagine = (0..self.c.content.pages.len()).into_par_iter().map(|i| self.rendi_pagina(i, albero));
        let generate = generate.par_iter().map(|g| self.rendi_generata(g, albero));
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
        let (mut problemi, _) = mappa.accogli(esami);
        problemi.sort_by(|a, b| a.0.cmp(&b.0));
        errori.extend(problemi.into_iter().map(diagnostica));
        if !errori.is_empty() {
            return Err(errori);
        }
        if let (Some(out), Some(cartella)) = (&uscita, cartella) {
            cartella.scambia_con(out).map_err(|e| vec![uscita::errore_uscita(out, e)])?;
        }
        Ok(mappa)
    }

    /// The report of the site as it stands.
    fn report(&self, ricerca: (usize, std::time::Duration)) -> Report {
        let conto = |nome: &str| self.conti.iter().find(|(n, _)| *n == nome).map_or(0, |(_, c)| *c);
        Report {
            pages: self.c.content.pages.len(),
            generated: conto(assistente::PAGINE),
            files: self.mappa.quanti(),
            wizard_paths: conto(assistente::PERCORSI),
            warnings: crate::revisione::avvisi(&self.c.content.pages, self.c.regole.as_ref(), self.c.opts.today),
            ricerca,
        }
    }

    /// The search index of the pages as rendered.
    fn indice(&self) -> Indice<'_> {
        Indice { sinonimi: &self.c.sinonimi, documenti: self.c.rese.iter().flat_map(|r| &r.documenti).collect() }
    }

    /// What the generators add to the Markdown page at `path`.
    fn arricchimento(&self, path: &str) -> Arricchimento {
        self.generatori.iter().find_map(|g| g.arricchisci(&self.c, path)).unwrap_or_default()
    }

    /// The context every template shares, for a page at `path`.
    fn contesto<'a>(&'a self, path: &str, page: PaginaCtx<'a>, albero: &Albero, corrente: bool) -> Contesto<'a> {
        let c = &self.c.content.config;
        Contesto {
            site: SitoCtx {
                title: &c.title,
                description: &c.description,
                language: &c.language,
                publisher: c.publisher.as_deref(),
            },
            root: crate::url::root_of(path),
            assistente_url: pagina::url_assistente(&self.c.titoli, path),
            accessibilita_url: pagina::url_se_esiste(&self.c.titoli, path, pagina::ACCESSIBILITA),
            canonical: c.base_url.as_ref().map(|b| format!("{}/{path}", b.trim_end_matches('/'))),
            page,
            nav_html: self.menus.as_ref().map(|m| m.html(path, corrente)).unwrap_or_default(),
            breadcrumbs: albero.breadcrumbs(path, path),
            prev: None,
            next: None,
            dati: None,
            blocchi_json: &[],
            script_dati: &[],
            app_js: pagina::app_js(path, &self.c.risorse),
            risorse: self.c.risorse.mappa(),
        }
    }

    /// The one path of a Markdown page through its template: (output file, bytes).
    pub(crate) fn rendi_pagina(&self, i: usize, albero: &Albero) -> Result<(String, String), Diagnostic> {
        let p = &self.c.content.pages[i];
        let r = &self.c.rese[i];
        let template =
            p.front.template.clone().unwrap_or_else(|| if p.is_section { "section.html" } else { "page.html" }.into());
        if !self.c.theme.has(&template) {
            let msg = format!("il template `{template}` non esiste nel tema");
            return Err(Diagnostic::new(p.file.clone(), p.key_line("template"), 1, msg));
        }
        let f = &p.front;
        let children = albero
            .children(&p.path)
            .into_iter()
            .map(|c| {
                let c = &self.c.content.pages[c];
                Figlio {
                    title: &c.front.title,
                    description: &c.front.description,
                    url: crate::url::relative(&p.path, &c.path),
                }
            })
            .collect();
        let page = PaginaCtx {
            title: &f.title,
            description: &f.description,
            html: &r.html,
            path: &p.path,
            toc: indice(&r.headings),
            updated: Data::di(f.updated),
            reviewed: Data::di(f.reviewed),
            valid_from: Data::di(f.valid_from),
            valid_until: Data::di(f.valid_until),
            sources: &f.sources,
            testi: self.c.regole.as_ref().map(|r| crate::fonti::citati(p, r)).unwrap_or_default(),
            children,
        };
        let arricchimento = self.arricchimento(&p.path);
        let mut ctx = self.contesto(&p.path, page, albero, true);
        (ctx.prev, ctx.next) = albero.prev_next(&p.path);
        ctx.dati = arricchimento.dati.as_ref();
        ctx.blocchi_json = &arricchimento.blocchi;
        ctx.script_dati = &arricchimento.script_dati;
        self.c.theme.render(&template, &ctx.tera()).map(|html| (format!("{}index.html", p.path), html)).map_err(|e| {
            let messaggio = format!("template `{template}` ({}): {}", e.file, e.message);
            Diagnostic::new(p.file.clone(), p.key_line("template"), 1, messaggio)
        })
    }

    /// A generated page through its template: (output file, bytes).
    fn rendi_generata(&self, g: &GeneratedPage, albero: &Albero) -> Result<(String, String), Diagnostic> {
        let page = PaginaCtx { title: &g.title, description: &g.description, ..Default::default() };
        let mut ctx = self.contesto(&g.path, page, albero, false);
        ctx.dati = Some(&g.data);
        self.c.theme.render(&g.template, &ctx.tera()).map(|html| (g.file.clone(), html))
    }

    /// `serve`'s rebuild after the files `cambiati` changed: when only the text of existing pages changed (not
    /// what other pages show of them: title, description, order, aliases, template), those pages alone are
    /// rendered, checked and written again, through the same path as a full build, as Zola's `serve --fast`
    /// does; the search index is written again on small sites. `None` when the whole site must be built again.
    pub fn aggiorna(&mut self, cambiati: &[PathBuf]) -> Option<Result<Report, Vec<Diagnostic>>> {
        let nuove = crate::aggiorna::pagine_cambiate(&self.c, cambiati)?;
        let nuove = match nuove {
            Ok(n) => n,
            Err(e) => return Some(Err(e)),
        };
        let indici: Vec<usize> = nuove.iter().map(|(i, _)| *i).collect();
        let vecchie: Vec<(usize, Page)> =
            nuove.into_iter().map(|(i, p)| (i, std::mem::replace(&mut self.c.content.pages[i], p))).collect();
        let esito = self.rigenera(&indici);
        if esito.is_err() {
            for (i, vecchia) in vecchie {
                self.c.content.pages[i] = vecchia;
            }
        }
        Some(esito)
    }

    /// Renders, checks and writes the pages at `indici` (already replaced in `content`).
    fn rigenera(&mut self, indici: &[usize]) -> Result<Report, Vec<Diagnostic>> {
        let mut errori = Vec::new();
        let nuove = self.c.rendi_markdown(indici, &mut errori);
        let vecchie: Vec<Resa> =
            indici.iter().zip(nuove).map(|(&i, r)| std::mem::replace(&mut self.c.rese[i], r)).collect();
        errori.extend(self.c.ancore_rotte(indici));
        errori.extend(self.c.fonti_non_elencate(indici));
        let albero = Albero::new(&self.c.content.pages);
        let mut scritti = Vec::new();
        let mut esami = Vec::new();
        for &i in indici {
            match self.rendi_pagina(i, &albero) {
                Ok((file, html)) => {
                    let esame = verifica::esamina(&file, &html, &|f| self.mappa.esiste(f));
                    esami.push((file.clone(), esame));
                    scritti.push((file, Some(html.into_bytes())));
                }
                Err(e) => errori.push(e),
            }
        }
        // The edited pages' new ids are recorded; the old ones are put back if anything is wrong.
        let (problemi, prima) = self.mappa.accogli(esami);
        errori.extend(problemi.into_iter().map(diagnostica));
        if !errori.is_empty() {
            for (&i, r) in indici.iter().zip(vecchie) {
                self.c.rese[i] = r;
            }
            for (file, ids) in prima {
                self.mappa.registra(file, ids.flatten());
            }
            return Err(errori);
        }
        let mut ricerca = (0, std::time::Duration::ZERO);
        let out = self.c.opts.output.as_deref();
        if self.documenti <= ricerca::RIFAI_FINO_A {
            let inizio = std::time::Instant::now();
            let indice = self.indice();
            scritti.extend(crate::aggiorna::indice_cambiato(&indice, &self.mappa, out));
            ricerca = (indice.quanti(), inizio.elapsed());
        }
        crate::aggiorna::scrivi(out, &mut self.mappa, scritti)?;
        Ok(self.report(ricerca))
    }
}

/// A problem of the output as an author reads it.
fn diagnostica((file, msg): verifica::Problema) -> Diagnostic {
    Diagnostic::new(format!("output: {file}"), 0, 0, msg)
}

/// The table of contents, nested: level-3 headings go under the level-2 heading before them (or stand alone
/// before the first one). An unordered list, so headings that carry their own numbers are not numbered twice.
fn indice(headings: &[civis_markdown::Heading]) -> Vec<VoceIndice<'_>> {
    let mut toc: Vec<VoceIndice> = Vec::new();
    for h in headings.iter().filter(|h| (2..=3).contains(&h.level)) {
        let e = VoceIndice { id: &h.id, text: &h.text, children: Vec::new() };
        match toc.last_mut() {
            Some(last) if h.level == 3 => last.children.push(e),
            _ => toc.push(e),
        }
    }
    toc
}
