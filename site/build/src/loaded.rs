//! What a build reads and renders before any template: the content, the theme, the wizard's rules, the search's
//! synonyms, and each page's Markdown rendered. The generators read it; the site (`Site`) owns it.

use crate::markdown::{self, Anchor};
use crate::Options;
use civis_content::{Content, Diagnostic, Page};
use civis_engine::modello::Regole;
use civis_ricerca::indice::{carica_sinonimi, documenti, Documento, FILE_SINONIMI};
use civis_ricerca::parole::Lingua;
use civis_ricerca::sinonimi::Sinonimi;
use rayon::prelude::*;
use std::collections::{BTreeMap, HashMap};
use std::path::Path;

/// One Markdown page rendered: its HTML body, headings, the anchors its links name and its search documents.
pub(crate) struct Rendering {
    pub(crate) html: String,
    pub(crate) headings: Vec<civis_markdown::Heading>,
    pub(crate) anchors: Vec<Anchor>,
    pub(crate) documenti: Vec<Documento>,
}

/// The site's inputs, loaded, and its pages' Markdown, rendered.
pub(crate) struct Loaded {
    pub(crate) opts: Options,
    pub(crate) content: Content,
    pub(crate) theme: civis_templates::Theme,
    /// The wizard's rules, when the site has `content/wizard/`.
    pub(crate) regole: Option<Regole>,
    pub(crate) sinonimi: Sinonimi,
    /// A translation's own synonyms (`content/ricerca/sinonimi.<code>.yaml`), for its own index: the words its
    /// readers type for the Italian acts ("garnishment" for pignoramento). A translation without the file
    /// searches with the Italian synonyms.
    pub(crate) sinonimi_lingue: HashMap<String, Sinonimi>,
    /// Page titles by output path (the wizard links pages by path and shows their titles).
    pub(crate) page_titles: civis_vista::Titoli,
    /// Each page rendered, in the order of `content.pages` (empty until [`Loaded::render_markdown_page`]).
    pub(crate) renderings: Vec<Rendering>,
    /// The theme's and the bundles' fingerprinted file names.
    pub(crate) assets: crate::assets::Assets,
    /// The site's languages: strings, which page translates which, the translations' status.
    pub(crate) languages: crate::lingue::Languages,
}

impl Loaded {
    /// Loads content, theme, rules and synonyms; every problem is returned together.
    pub(crate) fn load(opts: Options) -> Result<Loaded, Vec<Diagnostic>> {
        let content = civis_content::load(&opts.root)?;
        let theme_name = content.config.theme.clone().unwrap_or_else(|| "default".into());
        let theme = civis_templates::load(&opts.root, &theme_name)?;
        let mut errori = Vec::new();
        let regole = civis_engine::regole::del_sito(&opts.root).unwrap_or_else(|mut e| {
            errori.append(&mut e);
            None
        });
        let sinonimi = leggi_sinonimi(&opts.root, FILE_SINONIMI, Lingua::Italiano, &mut errori).unwrap_or_default();
        let sinonimi_lingue = content
            .traduzioni
            .iter()
            .filter_map(|l| {
                let file = FILE_SINONIMI.replace(".yaml", &format!(".{}.yaml", l.codice));
                leggi_sinonimi(&opts.root, &file, Lingua::di(&l.codice), &mut errori).map(|s| (l.codice.clone(), s))
            })
            .collect();
        let languages = crate::lingue::Languages::load(&theme, &content, regole.as_ref())
            .map_err(|mut e| errori.append(&mut e))
            .ok();
        let Some(languages) = languages.filter(|_| errori.is_empty()) else {
            return Err(errori);
        };
        let page_titles = content.pages.iter().map(|p| (p.path.clone(), p.front.title.clone())).collect();
        let assets = crate::assets::Assets::of(&theme.static_files, &opts.assets);
        Ok(Loaded {
            opts,
            content,
            theme,
            regole,
            sinonimi,
            sinonimi_lingue,
            page_titles,
            renderings: Vec::new(),
            assets,
            languages,
        })
    }

    /// The Markdown of the pages at `indici`, in parallel; link targets checked as they are rewritten.
    pub(crate) fn render_markdown_page(&self, indici: &[usize], errori: &mut Vec<Diagnostic>) -> Vec<Rendering> {
        let by_source: HashMap<&str, &Page> = self.content.pages.iter().map(|p| (p.source.as_str(), p)).collect();
        let risultati: Vec<(Rendering, Vec<Diagnostic>)> = indici
            .par_iter()
            .map(|&i| {
                let p = &self.content.pages[i];
                let words = self.languages.words(&p.lang);
                let (r, e, ancore) = markdown::render_markdown(p, &by_source, &words);
                let titoli: BTreeMap<String, String> =
                    r.headings.iter().map(|h| (h.id.clone(), h.text.clone())).collect();
                let documenti = documenti(&p.path, &p.front.title, &p.front.description, &r.html, &titoli);
                (Rendering { html: r.html, headings: r.headings, anchors: ancore, documenti }, e)
            })
            .collect();
        risultati
            .into_iter()
            .map(|(r, mut e)| {
                errori.append(&mut e);
                r
            })
            .collect()
    }

    /// The laws and decisions the pages at `indici` cite without an entry in the rules' `fonti.yaml` (a site
    /// without the wizard's rules has no list to check against).
    pub(crate) fn fonti_non_elencate(&self, indici: &[usize]) -> Vec<Diagnostic> {
        self.regole.as_ref().map(|r| crate::fonti::non_elencate(&self.content.pages, indici, r)).unwrap_or_default()
    }

    /// The anchors that name no heading: those named by the pages at `indici`, and those other pages name into
    /// them (every anchor when `indici` is every page).
    pub(crate) fn broken_anchors(&self, indici: &[usize]) -> Vec<Diagnostic> {
        let ids: HashMap<&str, Vec<&str>> = self
            .content
            .pages
            .iter()
            .zip(&self.renderings)
            .map(|(p, r)| (p.path.as_str(), r.headings.iter().map(|h| h.id.as_str()).collect()))
            .collect();
        let toccate: Vec<&str> = indici.iter().map(|&i| self.content.pages[i].path.as_str()).collect();
        let tutte = indici.len() == self.content.pages.len();
        self.renderings
            .iter()
            .enumerate()
            .flat_map(|(i, r)| r.anchors.iter().map(move |a| (i, a)))
            .filter(|(i, a)| tutte || indici.contains(i) || toccate.contains(&a.2.as_str()))
            .filter(|(_, a)| ids.get(a.2.as_str()).is_some_and(|set| !set.contains(&a.3.as_str())))
            .map(|(_, a)| markdown::broken_anchor(a))
            .collect()
    }
}

/// The synonyms of `file`, when the site has it (`None`: a site without the file searches without synonyms).
fn leggi_sinonimi(root: &Path, file: &str, lingua: Lingua, errors: &mut Vec<Diagnostic>) -> Option<Sinonimi> {
    match std::fs::read_to_string(root.join(file)) {
        Ok(testo) => Some(carica_sinonimi(file, &testo, lingua).unwrap_or_else(|mut e| {
            errors.append(&mut e);
            Sinonimi::in_lingua(lingua)
        })),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(e) => {
            errors.push(Diagnostic::new(file, 0, 0, format!("non riesco a leggere il file: {e}")));
            None
        }
    }
}
