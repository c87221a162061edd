//! The build side of the search: the synonyms' YAML (checked, with `file:line`), the documents cut from the rendered
//! pages (a page's opening and each of its `h2`/`h3` sections, so a result links to `page/index.html#anchor`), and
//! the index files.
//!
//! The index is a set of classic scripts, so it loads from `file://` where `fetch` is refused: each calls a global
//! registration function (`civisRicerca.radice(…)`, `civisRicerca.parte(name, …)`). The root file is small (the
//! chunk names and the synonyms); terms are split into chunks by stem prefix, a prefix made longer while a chunk
//! is over [`LIMITE`], so a query loads one small chunk per stem; two-word phrases have chunks of their own
//! (`b/`), read only for queries of two words or more; the documents' texts for snippets come in blocks of
//! [`BLOCCO`]. Postings are `doc:weight` pairs with the document number as a base-36 delta (weight 1 left out).

mod file;

pub use file::{file_indice, leggi_parte};

use crate::parole::{radici_in, Lingua};
use crate::sinonimi::{Frase, Sinonimi};
use civis_core::Diagnostic;
use serde::Deserialize;
use std::collections::BTreeMap;

/// The synonyms' file, relative to the site's root.
pub const FILE_SINONIMI: &str = "content/ricerca/sinonimi.yaml";
/// A chunk's prefix grows while its text is over this many bytes (and the prefix is shorter than 8).
pub const LIMITE: usize = 6 * 1024;
/// Documents per block of snippet texts.
pub const BLOCCO: usize = 8;
/// A document's text is kept up to this many characters for its snippet.
const TESTO_MASSIMO: usize = 1200;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FileSinonimi {
    gruppi: Vec<GruppoYaml>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct GruppoYaml {
    #[serde(default)]
    uguali: Vec<String>,
    #[serde(default)]
    da: Vec<String>,
    #[serde(default)]
    a: Vec<String>,
}

/// The first line (1-based) from `da` on that holds `cosa`, for messages that point at the term.
fn riga(testo: &str, da: usize, cosa: &str) -> usize {
    testo
        .lines()
        .enumerate()
        .skip(da.saturating_sub(1))
        .find(|(_, l)| l.contains(cosa))
        .map_or(da.max(1), |(i, _)| i + 1)
}

/// Reads and checks the synonyms: each group is either `uguali` (two phrases or more) or `da` and `a`; every
/// phrase has a word that is not a stop word; a phrase triggers one group only.
/// `lingua` is the language of the index they serve, in which they are stemmed.
pub fn carica_sinonimi(file: &str, testo: &str, lingua: Lingua) -> Result<Sinonimi, Vec<Diagnostic>> {
    let f: FileSinonimi = civis_core::yaml::da_testo(file, testo).map_err(|e| vec![e])?;
    let mut errori = Vec::new();
    let mut s = Sinonimi::in_lingua(lingua);
    let radici = |t: &str| radici_in(lingua, t);
    let mut visti: BTreeMap<Frase, (usize, usize)> = BTreeMap::new();
    let mut cursore = 1;
    for (gi, g) in f.gruppi.iter().enumerate() {
        let primo = g.uguali.first().or(g.da.first()).map(String::as_str).unwrap_or("-");
        let inizio = riga(testo, cursore, primo);
        let forma_giusta = (g.uguali.len() >= 2 && g.da.is_empty() && g.a.is_empty())
            || (g.uguali.is_empty() && !g.da.is_empty() && !g.a.is_empty());
        if !forma_giusta {
            errori.push(Diagnostic::new(
                file,
                inizio,
                1,
                "ogni gruppo ha `uguali` (almeno due frasi) oppure `da` e `a` (almeno una frase ciascuno)",
            ));
            continue;
        }
        let mut valido = true;
        for t in g.uguali.iter().chain(&g.da).chain(&g.a) {
            let n = riga(testo, inizio, t);
            let r = radici(t);
            if r.is_empty() {
                errori.push(Diagnostic::new(
                    file,
                    n,
                    1,
                    format!("«{t}» contiene solo parole che la ricerca ignora (articoli, preposizioni)"),
                ));
                valido = false;
            }
        }
        for t in g.uguali.iter().chain(&g.da) {
            let r = radici(t);
            let n = riga(testo, inizio, t);
            // Two spellings with one stem in the same group (`rateizzare`, `rateizzazione`) are one phrase.
            if let Some(&(prima, _)) = visti.get(&r).filter(|(_, gruppo)| *gruppo != gi) {
                errori.push(Diagnostic::new(
                    file,
                    n,
                    1,
                    format!("«{t}» è già in un altro gruppo (riga {prima}): una frase può stare in un gruppo solo"),
                ));
                valido = false;
            }
            visti.entry(r).or_insert((n, gi));
        }
        cursore = inizio + 1;
        if valido {
            fn v(x: &[String]) -> Vec<&str> {
                x.iter().map(String::as_str).collect()
            }
            if g.uguali.is_empty() {
                s.verso(&v(&g.da), &v(&g.a));
            } else {
                s.uguali(&v(&g.uguali));
            }
        }
    }
    if errori.is_empty() {
        Ok(s)
    } else {
        Err(errori)
    }
}

/// A searchable unit: a page's opening or one of its sections.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Documento {
    /// Where it is, relative to the site's root (`civis/index.html#atti`).
    pub url: String,
    /// The page's title.
    pub pagina: String,
    /// The section's heading (none for the page's opening).
    pub sezione: Option<String>,
    /// The text.
    pub testo: String,
}

/// The text of an HTML fragment: tags dropped, the usual entities decoded, spaces collapsed (one pass).
pub fn testo_di(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut in_tag = false;
    let mut spazio = false;
    let mut resto = html;
    while let Some(c) = resto.chars().next() {
        let mut passo = c.len_utf8();
        let mut emetti = |c: char, out: &mut String| {
            if c.is_whitespace() {
                spazio = !out.is_empty();
            } else {
                // A space that only came from a tag before punctuation is dropped ("<b>x</b>," reads "x,").
                if spazio && !matches!(c, ',' | '.' | ';' | ':') {
                    out.push(' ');
                }
                spazio = false;
                out.push(c);
            }
        };
        match c {
            '<' => {
                in_tag = true;
                // Table cells, rows and list items are separated in the text, so a snippet does not run them
                // together ("Termine60 giorni").
                let separa = ["<td", "<th>", "<th ", "<li", "<tr"].iter().any(|t| resto.starts_with(t));
                if separa && !out.is_empty() && !out.ends_with(" ·") {
                    out.push_str(" ·");
                    spazio = true;
                } else {
                    emetti(' ', &mut out);
                }
            }
            '>' if in_tag => in_tag = false,
            _ if in_tag => {}
            '&' => {
                let entita =
                    [("&amp;", '&'), ("&lt;", '<'), ("&gt;", '>'), ("&quot;", '"'), ("&#39;", '\''), ("&nbsp;", ' ')];
                match entita.iter().find(|(e, _)| resto.starts_with(e)) {
                    Some((e, v)) => {
                        passo = e.len();
                        emetti(*v, &mut out);
                    }
                    None => emetti('&', &mut out),
                }
            }
            c => emetti(c, &mut out),
        }
        resto = &resto[passo..];
    }
    out
}

/// The documents of a rendered page: its opening (title, then the text before the first heading, or the
/// description when there is none) and each `h2`/`h3` with an `id`, whose heading text is given by `titoli`
/// (id → text, from the Markdown renderer).
pub fn documenti(
    path: &str,
    titolo: &str,
    descrizione: &str,
    html: &str,
    titoli: &BTreeMap<String, String>,
) -> Vec<Documento> {
    let url = format!("{path}index.html");
    let mut tagli: Vec<(usize, String)> = Vec::new();
    for tag in ["<h2 id=\"", "<h3 id=\""] {
        let mut da = 0;
        while let Some(i) = html[da..].find(tag) {
            let inizio = da + i;
            let id_inizio = inizio + tag.len();
            let id = html[id_inizio..].split('"').next().unwrap_or_default().to_string();
            tagli.push((inizio, id));
            da = id_inizio;
        }
    }
    tagli.sort();
    let apertura = testo_di(&html[..tagli.first().map_or(html.len(), |t| t.0)]);
    let mut out = vec![Documento {
        url: url.clone(),
        pagina: titolo.to_string(),
        sezione: None,
        testo: if apertura.is_empty() { descrizione.to_string() } else { format!("{descrizione} {apertura}") },
    }];
    for (k, (inizio, id)) in tagli.iter().enumerate() {
        let fine = tagli.get(k + 1).map_or(html.len(), |t| t.0);
        let corpo = &html[*inizio..fine];
        let dopo = corpo.find("</h2>").or_else(|| corpo.find("</h3>")).map_or(0, |i| i + 5);
        let sezione = titoli.get(id).cloned().unwrap_or_else(|| id.clone());
        out.push(Documento {
            url: format!("{url}#{id}"),
            pagina: titolo.to_string(),
            sezione: Some(sezione),
            testo: testo_di(&corpo[dopo..]),
        });
    }
    out
}

#[cfg(test)]
mod test {
    use super::file::chiave;
    use super::*;

    #[test]
    fn table_cells_and_list_items_are_separated_in_the_text() {
        let t = testo_di("<p>Termini:</p><table><tr><th>Atto</th><th>Giorni</th></tr><tr><td>Ricorso</td><td>60</td></tr></table><ul><li>uno</li><li>due</li></ul>");
        assert_eq!(t, "Termini: · Atto · Giorni · Ricorso · 60 · uno · due");
    }

    #[test]
    fn a_page_is_cut_into_its_opening_and_its_sections() {
        let html = "<p>Intro &amp; altro.</p><h2 id=\"atti\">Per quali atti <a class=\"ancora\" href=\"#atti\">#</a></h2><p>Le <strong>cartelle</strong>.</p><h3 id=\"pec\">PEC</h3><p>Piena.</p>";
        let titoli: BTreeMap<String, String> = [("atti".to_string(), "Per quali atti".to_string())].into();
        let d = documenti("civis/", "Che cos'è CIVIS", "Il canale.", html, &titoli);
        assert_eq!(d.len(), 3);
        assert_eq!((d[0].url.as_str(), d[0].testo.as_str()), ("civis/index.html", "Il canale. Intro & altro."));
        assert_eq!(
            (d[1].url.as_str(), d[1].sezione.as_deref(), d[1].testo.as_str()),
            ("civis/index.html#atti", Some("Per quali atti"), "Le cartelle.")
        );
        assert_eq!((d[2].url.as_str(), d[2].sezione.as_deref()), ("civis/index.html#pec", Some("pec")));
    }

    #[test]
    fn synonyms_are_checked_with_their_line() {
        let ok = "gruppi:\n  - uguali: [avviso bonario, comunicazione di irregolarità]\n  - da: [Equitalia]\n    a: [Agenzia delle entrate-Riscossione]\n";
        assert_eq!(carica_sinonimi("s.yaml", ok, Lingua::Italiano).unwrap().gruppi.len(), 2);
        let e = carica_sinonimi(
            "s.yaml",
            "gruppi:\n  - uguali: [rate, rateazione]\n  - uguali: [dilazione, rate]\n",
            Lingua::Italiano,
        )
        .unwrap_err();
        assert_eq!((e[0].line, e[0].message.contains("già in un altro gruppo (riga 2)")), (3, true), "{e:?}");
        let e = carica_sinonimi("s.yaml", "gruppi:\n  - uguali: [di la, pec]\n", Lingua::Italiano).unwrap_err();
        assert!(e[0].message.contains("solo parole che la ricerca ignora"), "{e:?}");
        let e = carica_sinonimi("s.yaml", "gruppi:\n  - uguali: [pec]\n", Lingua::Italiano).unwrap_err();
        assert!(e[0].message.contains("almeno due"), "{e:?}");
        let e = carica_sinonimi("s.yaml", "gruppi:\n  - simili: [a, b]\n", Lingua::Italiano).unwrap_err();
        assert_eq!(e[0].line, 2, "{e:?}");
    }

    #[test]
    fn every_term_is_in_the_chunk_the_browser_will_look_for() {
        let docs: Vec<Documento> = (0..400)
            .map(|i| Documento {
                url: format!("p{i}/index.html"),
                pagina: format!("Pagina {i}"),
                sezione: None,
                testo: format!("pagamento pagare parola{i} ricorso"),
            })
            .collect();
        let file = file_indice(&docs, &Sinonimi::default());
        let radice = String::from_utf8(file.iter().find(|f| f.0 == "ricerca/radice.js").unwrap().1.clone()).unwrap();
        let json: serde_json::Value =
            serde_json::from_str(radice.trim_start_matches("civisRicerca.radice(").trim_end_matches(");\n")).unwrap();
        let chiavi: Vec<String> =
            json["i"].as_array().unwrap().iter().map(|v| v.as_str().unwrap().to_string()).collect();
        assert!(chiavi.len() > 1, "the terms are split: {chiavi:?}");
        for parola in ["pagamento", "pagare", "ricorso", "parola399", "parola7"] {
            let termine = &crate::parole::radici(parola)[0];
            let k = chiavi
                .iter()
                .filter(|k| chiave(termine).starts_with(k.as_str()))
                .max_by_key(|k| k.len())
                .expect("a chunk");
            let (nome, parte) =
                leggi_parte(&file.iter().find(|f| f.0 == format!("ricerca/i/{k}.js")).unwrap().1).unwrap();
            assert_eq!(nome, format!("i/{k}"));
            assert!(parte.get(termine).is_some(), "{termine} not in chunk {k}");
        }
        assert!(file.iter().any(|f| f.0 == "ricerca/d/49.js") && !file.iter().any(|f| f.0 == "ricerca/d/50.js"));
    }
}
