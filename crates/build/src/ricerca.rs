//! Step 6b, search: the index (`ricerca/`, built by civis-ricerca from every page's opening and sections, with the
//! synonyms of `content/ricerca/sinonimi.yaml`) and the A–Z page (`indice-az/`), which is what the search box
//! links to when JavaScript is off: every page, every section heading and every glossary term, by initial.

use crate::markdown::Rendered;
use crate::navigazione::Menus;
use crate::pagina::context;
use crate::url;
use civis_content::{Content, Diagnostic};
use civis_ricerca::indice::{carica_sinonimi, documenti, file_indice, Documento, FILE_SINONIMI};
use civis_ricerca::sinonimi::Sinonimi;
use rayon::prelude::*;
use std::collections::BTreeMap;
use std::path::Path;

/// The A–Z page's folder.
pub(crate) const INDICE_AZ: &str = "indice-az/";
/// The glossary's page, whose sections are the glossary terms.
const GLOSSARIO: &str = "glossario/";

/// The synonyms, when the site has them (a site without the file searches without synonyms).
fn sinonimi(root: &Path, errors: &mut Vec<Diagnostic>) -> Sinonimi {
    match std::fs::read_to_string(root.join(FILE_SINONIMI)) {
        Ok(testo) => carica_sinonimi(FILE_SINONIMI, &testo).unwrap_or_else(|mut e| {
            errors.append(&mut e);
            Sinonimi::default()
        }),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Sinonimi::default(),
        Err(e) => {
            errors.push(Diagnostic::new(FILE_SINONIMI, 0, 0, format!("non riesco a leggere il file: {e}")));
            Sinonimi::default()
        }
    }
}

/// What the search keeps for serve's fast rebuild: the synonyms and each page's documents, in page order.
pub(crate) struct Indice {
    pub(crate) sinonimi: Sinonimi,
    pub(crate) per_pagina: Vec<Vec<Documento>>,
}

/// Up to this many documents, serve's fast rebuild writes the index again (a few tens of milliseconds); above, the
/// index waits for the next full build, so that saving a page of a large site stays quick.
pub(crate) const RIFAI_FINO_A: usize = 3000;

/// A rendered page's documents.
pub(crate) fn documenti_di(r: &Rendered) -> Vec<Documento> {
    let p = r.page;
    let titoli: BTreeMap<String, String> = r.headings.iter().map(|h| (h.id.clone(), h.text.clone())).collect();
    documenti(&p.path, &p.front.title, &p.front.description, &r.html, &titoli)
}

impl Indice {
    /// The index files.
    pub(crate) fn file(&self) -> Vec<(String, Vec<u8>)> {
        let tutti: Vec<&Documento> = self.per_pagina.iter().flatten().collect();
        file_indice(&tutti, &self.sinonimi)
    }

    /// How many documents.
    pub(crate) fn quanti(&self) -> usize {
        self.per_pagina.iter().map(Vec::len).sum()
    }
}

/// The index files and the A–Z page; returns the index's state, and how long the index took (cutting the pages into
/// documents and writing the index; the A–Z page is not counted).
#[allow(clippy::too_many_arguments)] // the pipeline's shared state, as the other steps take it
pub(crate) fn ricerca(
    root: &Path,
    content: &Content,
    rendered: &[Rendered],
    theme: &civis_templates::Theme,
    menus: &Menus,
    wizard_url: &dyn Fn(&str) -> Option<String>,
    files: &mut BTreeMap<String, Vec<u8>>,
    errors: &mut Vec<Diagnostic>,
) -> (Indice, std::time::Duration) {
    let inizio = std::time::Instant::now();
    let indice =
        Indice { sinonimi: sinonimi(root, errors), per_pagina: rendered.par_iter().map(documenti_di).collect() };
    files.extend(indice.file());
    let tempo = inizio.elapsed();

    let mut voci: Vec<(String, String, String)> = Vec::new(); // (text, url from the A–Z page, where)
    for r in rendered {
        let p = r.page;
        voci.push((p.front.title.clone(), url::relative(INDICE_AZ, &p.path), "pagina".into()));
        for h in r.headings.iter().filter(|h| h.level == 2) {
            let dove = if p.path == GLOSSARIO { "glossario".to_string() } else { format!("in «{}»", p.front.title) };
            voci.push((h.text.clone(), format!("{}#{}", url::relative(INDICE_AZ, &p.path), h.id), dove));
        }
    }
    voci.sort_by_key(|v| (chiave_az(&v.0), v.0.clone(), v.1.clone()));
    let mut lettere: Vec<(String, Vec<serde_json::Value>)> = Vec::new();
    for (testo, link, dove) in voci {
        let l = chiave_az(&testo)
            .chars()
            .next()
            .map(|c| if c.is_ascii_alphabetic() { c.to_ascii_uppercase().to_string() } else { "#".into() })
            .unwrap_or_default();
        if lettere.last().is_none_or(|x| x.0 != l) {
            lettere.push((l.clone(), Vec::new()));
        }
        lettere.last_mut().expect("pushed").1.push(serde_json::json!({ "testo": testo, "url": link, "dove": dove }));
    }
    let mut ctx = context(content, INDICE_AZ, wizard_url);
    ctx.insert("page", &serde_json::json!({ "title": "Indice dalla A alla Z", "description": "Tutti gli argomenti e le parole del glossario, in ordine alfabetico." }));
    ctx.insert("nav_html", &menus.html(INDICE_AZ, false));
    ctx.insert(
        "lettere",
        &lettere.iter().map(|(l, v)| serde_json::json!({ "lettera": l, "voci": v })).collect::<Vec<_>>(),
    );
    match theme.render("indice-az.html", &ctx) {
        Ok(html) => {
            files.insert(format!("{INDICE_AZ}index.html"), html.into_bytes());
        }
        Err(e) => errors.push(Diagnostic::new("themes: indice-az.html", 0, 0, e)),
    }
    (indice, tempo)
}

/// The sort key of an A–Z entry: lowercase, accents folded, leading articles and punctuation ignored.
fn chiave_az(testo: &str) -> String {
    let t = civis_ricerca::parole::piegato(testo);
    let t = t.trim_matches(|c: char| !c.is_alphanumeric());
    for articolo in ["il ", "lo ", "la ", "i ", "gli ", "le ", "l'", "un ", "una ", "uno "] {
        if let Some(resto) = t.strip_prefix(articolo) {
            return resto.to_string();
        }
    }
    t.to_string()
}

#[cfg(test)]
mod test {
    use super::chiave_az;

    #[test]
    fn entries_sort_by_their_first_real_word() {
        assert_eq!(chiave_az("L'avviso bonario"), "avviso bonario");
        assert_eq!(chiave_az("«Èsito»"), "esito");
        assert_eq!(chiave_az("La cartella"), "cartella");
    }
}
