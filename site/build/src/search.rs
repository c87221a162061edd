//! Step 6b, search: the index (`ricerca/`, built by civis-ricerca from every page's opening and sections, with the
//! synonyms of `content/ricerca/sinonimi.yaml`) and the A–Z page (`indice-az/`), which is what the search box
//! links to when JavaScript is off: every page, every section heading and every glossary term, by initial. Each
//! language has its own three, in its folder (`en/ricerca/`, `en/indice-az/`, `en/cerca/`).

use crate::generators::{Generated, GeneratedPage, Generator};
use crate::loaded::Loaded;
use crate::pages::INDICE_AZ;
use crate::url;
use civis_content::Diagnostic;
use civis_ricerca::indice::{file_indice, Documento};
use civis_ricerca::parole::Lingua;
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
        // One A–Z page and one page of all the results per language, in its folder, listing its own pages.
        for (lingua, radice) in site.languages.each() {
            if site.content.pages.iter().any(|p| p.lang == lingua.codice) {
                az_and_results(site, &lingua.codice, &radice, out);
            }
        }
    }
}

/// The A–Z page and the page of all the results of the language `codice`, below its folder `radice`.
fn az_and_results(site: &Loaded, codice: &str, radice: &str, out: &mut Generated) {
    let l = &site.languages;
    let (az, cerca) = (format!("{radice}{INDICE_AZ}"), format!("{radice}{CERCA}"));
    let lingua = Lingua::di(codice);
    let glossario = match radice {
        "" => Some(GLOSSARIO),
        _ => l.translation_of(codice, GLOSSARIO),
    };
    // (sort key, text, url from the A–Z page, where): the key computed once per entry, in parallel, not on
    // every comparison of the sort.
    let mut voci: Vec<(String, String, String, String)> = site
        .content
        .pages
        .par_iter()
        .zip(&site.renderings)
        .filter(|(p, _)| p.lang == codice)
        .flat_map_iter(|(p, r)| {
            let url = url::relative(&az, &p.path);
            let pagina = std::iter::once((p.front.title.clone(), url.clone(), l.t(codice, "az_page").to_string()));
            let sezioni = r.headings.iter().filter(|h| h.level == 2).map(move |h| {
                let dove = match Some(p.path.as_str()) == glossario {
                    true => l.t(codice, "az_glossary").to_string(),
                    false => civis_core::testi::riempi(l.t(codice, "az_in"), &[("titolo", &p.front.title)]),
                };
                (h.text.clone(), format!("{url}#{}", h.id), dove)
            });
            pagina.chain(sezioni).map(|(testo, u, d)| (az_key(&testo, lingua), testo, u, d)).collect::<Vec<_>>()
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
        pages_per_letter(&lettere, &az, (l, codice), out)
    } else {
        lettere.iter().map(|(l, v)| serde_json::json!({ "lettera": l, "voci": json_az(v, "") })).collect()
    };
    // The page of all the results ("Mostra tutti i risultati"): the query travels in its fragment.
    out.pages.push(GeneratedPage::in_folder(
        &cerca,
        l.t(codice, "search_results").into(),
        l.t(codice, "search_results_description").into(),
        "cerca.html",
        serde_json::json!({ "az": url::relative(&cerca, &az) }),
    ));
    out.pages.push(GeneratedPage::in_folder(
        &az,
        l.t(codice, "az_title").into(),
        l.t(codice, "az_description").into(),
        "indice-az.html",
        serde_json::json!({ "lettere": lettere }),
    ));
}

/// An A–Z entry: its text, its URL from the A–Z page, where it is.
type AzEntry = (String, String, String);

/// Entries as the template reads them, their URLs prefixed (`../` from a letter's page).
fn json_az(voci: &[AzEntry], prefisso: &str) -> Vec<serde_json::Value> {
    voci.iter().map(|(t, u, d)| serde_json::json!({ "testo": t, "url": format!("{prefisso}{u}"), "dove": d })).collect()
}

/// A large site's A–Z: pages per letter of at most [`AZ_PER_PAGE`] entries each (so that no page of the guide
/// is tens of megabytes, whatever the number of pages), and the main page's list of them.
fn pages_per_letter(
    lettere: &[(String, Vec<AzEntry>)],
    az: &str,
    (lingue, codice): (&crate::lingue::Languages, &str),
    out: &mut Generated,
) -> Vec<serde_json::Value> {
    let mut indice = Vec::new();
    for (l, v) in lettere {
        let mut parti = Vec::new();
        for (n, parte) in v.chunks(AZ_PER_PAGE).enumerate() {
            let cartella = match n {
                0 => letter_folder(l),
                n => format!("{}-{}", letter_folder(l), n + 1),
            };
            let (da, a) = (&parte[0].0, &parte[parte.len() - 1].0);
            let valori = [("lettera", l.as_str()), ("da", da.as_str()), ("a", a.as_str())];
            out.pages.push(GeneratedPage::in_folder(
                &format!("{az}{cartella}/"),
                civis_core::testi::riempi(lingue.t(codice, "az_letter_title"), &valori),
                civis_core::testi::riempi(lingue.t(codice, "az_letter_description"), &valori),
                "indice-az.html",
                serde_json::json!({ "lettere": [{ "lettera": l, "voci": json_az(parte, "../") }], "indietro": "../index.html" }),
            ));
            parti.push(serde_json::json!({ "pagina": format!("{cartella}/index.html"), "da": da, "a": a, "quante": parte.len() }));
        }
        indice.push(serde_json::json!({ "lettera": l, "parti": parti }));
    }
    indice
}

/// The sort key of an A–Z entry: lowercase, accents folded, leading articles (of `lingua`) and punctuation
/// ignored.
fn az_key(testo: &str, lingua: Lingua) -> String {
    let t = civis_ricerca::parole::piegato(testo);
    let t = t.trim_matches(|c: char| !c.is_alphanumeric());
    for articolo in lingua.articoli() {
        if let Some(resto) = t.strip_prefix(articolo) {
            return resto.to_string();
        }
    }
    t.to_string()
}

#[cfg(test)]
mod test {
    use super::{az_key, Lingua};

    #[test]
    fn entries_sort_by_their_first_real_word() {
        assert_eq!(az_key("L'avviso bonario", Lingua::Italiano), "avviso bonario");
        assert_eq!(az_key("«Èsito»", Lingua::Italiano), "esito");
        assert_eq!(az_key("La cartella", Lingua::Italiano), "cartella");
        assert_eq!(az_key("The cartella", Lingua::Inglese), "cartella");
        assert_eq!(az_key("A cartella", Lingua::Italiano), "a cartella", "Italian «a» is a preposition");
    }
}
