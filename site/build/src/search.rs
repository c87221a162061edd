//! Step 6b, search: the index (`ricerca/`, built by civis-ricerca from every page's opening and sections, with the
//! synonyms of `content/ricerca/sinonimi.yaml`) and the A–Z page (`indice-az/`), which is what the search box
//! links to when JavaScript is off: every page, every section heading and every glossary term, by initial.

use crate::generators::{Generated, GeneratedPage, Generator};
use crate::loaded::Loaded;
use crate::pages::INDICE_AZ;
use crate::url;
use civis_content::Diagnostic;
use civis_ricerca::indice::{file_indice, Documento};
use civis_ricerca::sinonimi::Sinonimi;
use rayon::prelude::*;

/// Entries above which the A–Z page becomes one page per letter.
const AZ_PER_PAGE: usize = 5000;

/// The folder of a letter's A–Z page (`a`…`z`, `altro` for digits and signs).
fn letter_folder(l: &str) -> String {
    if l == "#" {
        "altro".into()
    } else {
        l.to_ascii_lowercase()
    }
}

/// The page of all the search results.
const CERCA: &str = "cerca/";
/// The glossary's page, whose sections are the glossary terms.
const GLOSSARIO: &str = "glossario/";

/// The search index of the pages as rendered: the synonyms and every page's documents, in page order.
pub(crate) struct SearchIndex<'a> {
    /// The synonyms, stemmed in the index's language (none when the language has no file of its own and is not
    /// stemmed as Italian, whose synonyms it would otherwise borrow).
    pub(crate) sinonimi: std::borrow::Cow<'a, Sinonimi>,
    pub(crate) documenti: Vec<&'a Documento>,
    /// Where the index goes: `` for the site's own language (`ricerca/`), the translation's folder for its own
    /// (`en/ricerca/`): one index per language, so that a reader's results are in the language of the page.
    pub(crate) folder: String,
}

/// Up to this many documents, serve's fast rebuild writes the index again (a few tens of milliseconds); above, the
/// index waits for the next full build, so that saving a page of a large site stays quick.
pub(crate) const REWRITE_UP_TO: usize = 3000;

impl SearchIndex<'_> {
    /// The index files.
    pub(crate) fn files(&self) -> Vec<(String, Vec<u8>)> {
        let file = file_indice(&self.documenti, &self.sinonimi);
        if self.folder.is_empty() {
            return file;
        }
        file.into_iter().map(|(nome, b)| (format!("{}{nome}", self.folder), b)).collect()
    }

    /// How many documents.
    pub(crate) fn count(&self) -> usize {
        self.documenti.len()
    }
}

/// The A–Z page (`indice-az/`), which the search box links to when JavaScript is off: every page, every section
/// heading and every glossary term, by initial.
pub(crate) struct SearchAndAz;

impl Generator for SearchAndAz {
    fn generate(&self, site: &Loaded, out: &mut Generated, _errori: &mut Vec<Diagnostic>) {
        // (sort key, text, url from the A–Z page, where): the key computed once per entry, in parallel, not on
        // every comparison of the sort.
        let mut voci: Vec<(String, String, String, String)> = site
            .content
            .pages
            .par_iter()
            .zip(&site.renderings)
            .filter(|(p, _)| p.lang == site.content.config.language)
            .flat_map_iter(|(p, r)| {
                let url = url::relative(INDICE_AZ, &p.path);
                let pagina = std::iter::once((p.front.title.clone(), url.clone(), "pagina".to_string()));
                let sezioni = r.headings.iter().filter(|h| h.level == 2).map(move |h| {
                    let dove =
                        if p.path == GLOSSARIO { "glossario".to_string() } else { format!("in «{}»", p.front.title) };
                    (h.text.clone(), format!("{url}#{}", h.id), dove)
                });
                pagina.chain(sezioni).map(|(t, u, d)| (az_key(&t), t, u, d)).collect::<Vec<_>>()
            })
            .collect();
        voci.par_sort_unstable();
        let totale = voci.len();
        let mut lettere: Vec<(String, Vec<AzEntry>)> = Vec::new();
        for (chiave, testo, link, dove) in voci {
            let l = chiave
                .chars()
                .next()
                .map(|c| if c.is_ascii_alphabetic() { c.to_ascii_uppercase().to_string() } else { "#".into() })
                .unwrap_or_default();
            if lettere.last().is_none_or(|x| x.0 != l) {
                lettere.push((l.clone(), Vec::new()));
            }
            lettere.last_mut().expect("pushed").1.push((testo, link, dove));
        }
        let lettere = if totale > AZ_PER_PAGE {
            pages_per_letter(&lettere, out)
        } else {
            lettere.iter().map(|(l, v)| serde_json::json!({ "lettera": l, "voci": json_az(v, "") })).collect()
        };
        // The page of all the results ("Mostra tutti i risultati"): the query travels in its fragment.
        out.pages.push(GeneratedPage::in_folder(
            CERCA,
            "Risultati della ricerca".into(),
            "Tutti i risultati della ricerca nella guida.".into(),
            "cerca.html",
            serde_json::json!({ "az": url::relative(CERCA, INDICE_AZ) }),
        ));
        out.pages.push(GeneratedPage::in_folder(
            INDICE_AZ,
            "Indice dalla A alla Z".into(),
            "Tutti gli argomenti e le parole del glossario, in ordine alfabetico.".into(),
            "indice-az.html",
            serde_json::json!({ "lettere": lettere }),
        ));
    }
}

/// An A–Z entry: its text, its URL from the A–Z page, where it is.
type AzEntry = (String, String, String);

/// Entries as the template reads them, their URLs prefixed (`../` from a letter's page).
fn json_az(voci: &[AzEntry], prefisso: &str) -> Vec<serde_json::Value> {
    voci.iter().map(|(t, u, d)| serde_json::json!({ "testo": t, "url": format!("{prefisso}{u}"), "dove": d })).collect()
}

/// A large site's A–Z: pages per letter of at most [`AZ_PER_PAGE`] entries each (so that no page of the guide
/// is tens of megabytes, whatever the number of pages), and the main page's list of them.
fn pages_per_letter(lettere: &[(String, Vec<AzEntry>)], out: &mut Generated) -> Vec<serde_json::Value> {
    let mut indice = Vec::new();
    for (l, v) in lettere {
        let mut parti = Vec::new();
        for (n, parte) in v.chunks(AZ_PER_PAGE).enumerate() {
            let cartella = match n {
                0 => letter_folder(l),
                n => format!("{}-{}", letter_folder(l), n + 1),
            };
            let (da, a) = (&parte[0].0, &parte[parte.len() - 1].0);
            out.pages.push(GeneratedPage::in_folder(
                &format!("{INDICE_AZ}{cartella}/"),
                format!("Indice dalla A alla Z: {l}, da «{da}» a «{a}»"),
                format!("Gli argomenti che iniziano con {l}, in ordine alfabetico."),
                "indice-az.html",
                serde_json::json!({ "lettere": [{ "lettera": l, "voci": json_az(parte, "../") }], "indietro": "../index.html" }),
            ));
            parti.push(serde_json::json!({ "pagina": format!("{cartella}/index.html"), "da": da, "a": a, "quante": parte.len() }));
        }
        indice.push(serde_json::json!({ "lettera": l, "parti": parti }));
    }
    indice
}

/// The sort key of an A–Z entry: lowercase, accents folded, leading articles and punctuation ignored.
fn az_key(testo: &str) -> String {
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
    use super::az_key;

    #[test]
    fn entries_sort_by_their_first_real_word() {
        assert_eq!(az_key("L'avviso bonario"), "avviso bonario");
        assert_eq!(az_key("«Èsito»"), "esito");
        assert_eq!(az_key("La cartella"), "cartella");
    }
}
