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

use crate::parole::radici;
use crate::sinonimi::{Frase, Sinonimi};
use civis_core::Diagnostic;
use serde::Deserialize;
use std::collections::{BTreeMap, HashMap};

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
pub fn carica_sinonimi(file: &str, testo: &str) -> Result<Sinonimi, Vec<Diagnostic>> {
    let f: FileSinonimi = civis_core::yaml::da_testo(file, testo).map_err(|e| vec![e])?;
    let mut errori = Vec::new();
    let mut s = Sinonimi::default();
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

/// A chunk's file name part: the prefix with anything but `a-z0-9` as `_` (the browser does the same).
fn chiave(prefisso: &str) -> String {
    prefisso.chars().map(|c| if c.is_ascii_lowercase() || c.is_ascii_digit() { c } else { '_' }).collect()
}

/// Splits terms (sorted) into chunks by prefix: one chunk per prefix of `n` characters, longer prefixes for chunks
/// over [`LIMITE`]. A term shorter than the prefix stays in a chunk named after itself. The browser finds a term's
/// chunk as the longest chunk name that starts its (sanitised) text. Works on references: nothing is copied.
fn dividi<'a>(termini: &[(&'a str, &'a str)], n: usize, out: &mut BTreeMap<String, Vec<(&'a str, &'a str)>>) {
    let mut gruppi: BTreeMap<String, Vec<(&'a str, &'a str)>> = BTreeMap::new();
    for &(t, p) in termini {
        gruppi.entry(chiave(&t.chars().take(n).collect::<String>())).or_default().push((t, p));
    }
    for (k, g) in gruppi {
        let peso: usize = g.iter().map(|(t, p)| t.len() + p.len() + 6).sum();
        let lungo = k.chars().count();
        let (corti, lunghi): (Vec<_>, Vec<_>) = g.iter().partition(|(t, _)| t.chars().count() <= lungo);
        if peso > LIMITE && n < 8 && !lunghi.is_empty() && g.len() > 1 {
            if !corti.is_empty() {
                out.entry(k).or_default().extend(corti);
            }
            dividi(&lunghi, n + 1, out);
        } else {
            out.entry(k).or_default().extend(g);
        }
    }
}

/// Postings in text: `doc[:weight]` with the document as a base-36 delta.
fn liste(voci: &[(usize, u32)]) -> String {
    let mut prima = 0;
    voci.iter()
        .map(|&(d, w)| {
            let delta = radix36(d - prima);
            prima = d;
            if w == 1 {
                delta
            } else {
                format!("{delta}:{}", radix36(w as usize))
            }
        })
        .collect::<Vec<_>>()
        .join(",")
}

fn radix36(mut n: usize) -> String {
    const C: &[u8] = b"0123456789abcdefghijklmnopqrstuvwxyz";
    let mut s = Vec::new();
    loop {
        s.push(C[n % 36]);
        n /= 36;
        if n == 0 {
            break;
        }
    }
    s.reverse();
    String::from_utf8(s).expect("ascii")
}

/// A part of the index as a classic script: `civisRicerca.parte(name, "<base64 of the gzipped JSON>")`. The
/// browser inflates it with `DecompressionStream`: postings are very repetitive, so this makes a query's bytes (and
/// the index on disk) several times smaller. gzip without a timestamp keeps the build reproducible.
fn parte(nome: &str, json: &[u8]) -> Vec<u8> {
    use base64::Engine;
    use std::io::Write;
    let mut gz = flate2::GzBuilder::new().mtime(0).write(Vec::new(), flate2::Compression::new(4));
    gz.write_all(json).expect("gzip in memory");
    let compresso = gz.finish().expect("gzip in memory");
    let testo = base64::engine::general_purpose::STANDARD.encode(compresso);
    format!("civisRicerca.parte({},\"{testo}\");\n", serde_json::to_string(nome).expect("json")).into_bytes()
}

/// One document: its distinct stems with their weights, and its two-word phrases as pairs of indices into them.
struct Analisi {
    termini: Vec<String>,
    pesi: Vec<u32>,
    coppie: Vec<(u32, u32)>,
}

/// One document's weighted stems and its two-word phrases.
fn analizza(doc: &Documento) -> Analisi {
    let mut indici: HashMap<String, u32> = HashMap::new();
    let mut a = Analisi { termini: Vec::new(), pesi: Vec::new(), coppie: Vec::new() };
    let mut indice = |r: String, a: &mut Analisi| -> u32 {
        *indici.entry(r).or_insert_with_key(|r| {
            a.termini.push(r.clone());
            a.pesi.push(0);
            a.termini.len() as u32 - 1
        })
    };
    // Title and heading words weigh more than body words (at most 3 for repetition).
    let titolo = radici(&doc.pagina);
    let campi: Vec<(Vec<String>, u32)> = match &doc.sezione {
        None => vec![(titolo, 10)],
        Some(s) => vec![(radici(s), 6), (titolo, 1)],
    };
    let mut sequenze: Vec<Vec<u32>> = Vec::new();
    let corpo: Vec<u32> = radici(&doc.testo).into_iter().map(|r| indice(r, &mut a)).collect();
    for &i in &corpo {
        let p = &mut a.pesi[i as usize];
        *p = (*p + 1).min(3);
    }
    for (campo, peso) in campi {
        let ids: Vec<u32> = campo.into_iter().map(|r| indice(r, &mut a)).collect();
        for &i in &ids {
            let p = &mut a.pesi[i as usize];
            *p = (*p).max(peso).max(*p + peso / 2);
        }
        sequenze.push(ids);
    }
    sequenze.push(corpo);
    let mut coppie: Vec<(u32, u32)> = sequenze.iter().flat_map(|s| s.windows(2).map(|w| (w[0], w[1]))).collect();
    coppie.sort_unstable();
    coppie.dedup();
    a.coppie = coppie;
    a
}

/// Merges the documents' postings key by key. The work is split by a byte of the key over the threads (each thread
/// reads every document but keeps only its keys), then sorted for a reproducible output.
fn unisci<'a, A: Sync, T: Ord + Send + Sync + std::hash::Hash + 'a>(
    analisi: &'a [A],
    voci: impl Fn(&'a A, &mut dyn FnMut(T, u32)) + Sync,
    byte: impl Fn(&T) -> u8 + Sync,
) -> Vec<(T, String)> {
    use rayon::prelude::*;
    let parti = rayon::current_num_threads().max(1) * 4;
    let mut out: Vec<(T, String)> = (0..parti)
        .into_par_iter()
        .flat_map_iter(|k| {
            let mut m: HashMap<T, Vec<(usize, u32)>> = HashMap::new();
            for (d, a) in analisi.iter().enumerate() {
                voci(a, &mut |t, p| {
                    if byte(&t) as usize % parti == k {
                        m.entry(t).or_default().push((d, p));
                    }
                });
            }
            m.into_iter().map(|(t, v)| (t, liste(&v))).collect::<Vec<_>>()
        })
        .collect();
    out.par_sort_unstable_by(|a, b| a.0.cmp(&b.0));
    out
}

/// The index files (paths relative to the site's root, under `ricerca/`).
pub fn file_indice<D: std::borrow::Borrow<Documento> + Sync>(
    documenti: &[D],
    sinonimi: &Sinonimi,
) -> Vec<(String, Vec<u8>)> {
    use rayon::prelude::*;
    // A section repeated word for word on several pages (boilerplate) is found once: at its first page.
    let mut visti = std::collections::HashSet::new();
    let ripetuti: Vec<bool> = documenti
        .iter()
        .map(|d| {
            let d = d.borrow();
            d.sezione.is_some() && !visti.insert((d.sezione.as_deref(), d.testo.as_str()))
        })
        .collect();
    let analisi: Vec<Analisi> = documenti
        .par_iter()
        .zip(&ripetuti)
        .map(|(d, &ripetuto)| {
            if ripetuto {
                Analisi { termini: Vec::new(), pesi: Vec::new(), coppie: Vec::new() }
            } else {
                analizza(d.borrow())
            }
        })
        .collect();
    let primo = |s: &str| s.as_bytes().first().copied().unwrap_or(0) ^ s.as_bytes().get(1).copied().unwrap_or(0);
    let termini: Vec<(String, String)> = unisci(
        &analisi,
        |a, f| a.termini.iter().zip(&a.pesi).for_each(|(t, p)| f(t.as_str(), *p)),
        |t: &&str| primo(t),
    )
    .into_iter()
    .map(|(t, p)| (t.to_string(), p))
    .collect();
    // Two-word phrases merged by the terms' numbers, not their text: hashing two integers instead of two strings.
    let numero: HashMap<&str, u32> = termini.iter().enumerate().map(|(i, (t, _))| (t.as_str(), i as u32)).collect();
    let numerate: Vec<(&Analisi, Vec<u32>)> =
        analisi.par_iter().map(|a| (a, a.termini.iter().map(|t| numero[t.as_str()]).collect())).collect();
    let coppie = unisci(
        &numerate,
        |(a, g), f| a.coppie.iter().for_each(|&(x, y)| f((g[x as usize], g[y as usize]), 1)),
        |c: &(u32, u32)| (c.0 ^ c.1.rotate_left(3)) as u8,
    );
    let coppie: Vec<(String, String)> = coppie
        .into_iter()
        .map(|((a, b), p)| (format!("{} {}", termini[a as usize].0, termini[b as usize].0), p))
        .collect();
    drop(numerate);
    drop(analisi);
    let mut lavori: Vec<(String, String, Vec<u8>)> = Vec::new();
    let chiavi = |cartella: &str, termini: &[(String, String)], lavori: &mut Vec<(String, String, Vec<u8>)>| {
        let riferimenti: Vec<(&str, &str)> = termini.iter().map(|(t, p)| (t.as_str(), p.as_str())).collect();
        let mut parti = BTreeMap::new();
        dividi(&riferimenti, 2, &mut parti);
        let nomi: Vec<String> = parti.keys().cloned().collect();
        for (k, v) in parti {
            let mappa: BTreeMap<&str, &str> = v.into_iter().collect();
            lavori.push((
                format!("ricerca/{cartella}/{k}.js"),
                format!("{cartella}/{k}"),
                serde_json::to_vec(&mappa).expect("json"),
            ));
        }
        nomi
    };
    let chiavi_i = chiavi("i", &termini, &mut lavori);
    // The vocabulary by stem length, `stem:documents` pairs: what the browser's typo matching reads.
    let mut per_lunghezza: BTreeMap<usize, Vec<String>> = BTreeMap::new();
    for (t, p) in &termini {
        per_lunghezza.entry(t.chars().count()).or_default().push(format!("{t}:{}", p.split(',').count()));
    }
    let lunghezze: Vec<usize> = per_lunghezza.keys().copied().collect();
    for (n, voci) in per_lunghezza {
        lavori.push((
            format!("ricerca/v/{n}.js"),
            format!("v/{n}"),
            serde_json::to_vec(&voci.join(" ")).expect("json"),
        ));
    }
    let chiavi_b = chiavi("b", &coppie, &mut lavori);
    for (b, blocco) in documenti.chunks(BLOCCO).enumerate() {
        let v: Vec<(&str, &str, Option<&str>, String)> = blocco
            .iter()
            .map(|d| {
                let d = d.borrow();
                (d.url.as_str(), d.pagina.as_str(), d.sezione.as_deref(), d.testo.chars().take(TESTO_MASSIMO).collect())
            })
            .collect();
        lavori.push((format!("ricerca/d/{b}.js"), format!("d/{b}"), serde_json::to_vec(&v).expect("json")));
    }
    let mut file: Vec<(String, Vec<u8>)> =
        lavori.par_iter().map(|(path, nome, json)| (path.clone(), parte(nome, json))).collect();
    let radice = serde_json::json!({ "n": documenti.len(), "blocco": BLOCCO, "i": chiavi_i, "b": chiavi_b, "v": lunghezze, "s": sinonimi.compatto() });
    file.push((
        "ricerca/radice.js".into(),
        format!("civisRicerca.radice({});\n", serde_json::to_string(&radice).expect("json").replace('<', "\\u003c"))
            .into_bytes(),
    ));
    file
}

/// Reads back a part written by [`file_indice`] (for tests and tools): its name and its JSON.
pub fn leggi_parte(script: &[u8]) -> Option<(String, serde_json::Value)> {
    use base64::Engine;
    use std::io::Read;
    let testo = std::str::from_utf8(script).ok()?.trim().strip_prefix("civisRicerca.parte(")?.strip_suffix(");")?;
    let (nome, dati) = testo.split_once(',')?;
    let nome: String = serde_json::from_str(nome).ok()?;
    let compresso = base64::engine::general_purpose::STANDARD.decode(dati.trim_matches('"')).ok()?;
    let mut json = String::new();
    flate2::read::GzDecoder::new(&compresso[..]).read_to_string(&mut json).ok()?;
    Some((nome, serde_json::from_str(&json).ok()?))
}

#[cfg(test)]
mod test {
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
        assert_eq!(carica_sinonimi("s.yaml", ok).unwrap().gruppi.len(), 2);
        let e = carica_sinonimi("s.yaml", "gruppi:\n  - uguali: [rate, rateazione]\n  - uguali: [dilazione, rate]\n")
            .unwrap_err();
        assert_eq!((e[0].line, e[0].message.contains("già in un altro gruppo (riga 2)")), (3, true), "{e:?}");
        let e = carica_sinonimi("s.yaml", "gruppi:\n  - uguali: [di la, pec]\n").unwrap_err();
        assert!(e[0].message.contains("solo parole che la ricerca ignora"), "{e:?}");
        let e = carica_sinonimi("s.yaml", "gruppi:\n  - uguali: [pec]\n").unwrap_err();
        assert!(e[0].message.contains("almeno due"), "{e:?}");
        let e = carica_sinonimi("s.yaml", "gruppi:\n  - simili: [a, b]\n").unwrap_err();
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
            let termine = &radici(parola)[0];
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
