//! Writing the index: every document analysed (stems, weights, two-word phrases), the postings merged, and the
//! parts written as classic scripts of gzipped JSON (`civisRicerca.parte(…)`), the vocabulary by stem length
//! for the browser's typo matching.

use super::{Documento, BLOCCO, LIMITE, TESTO_MASSIMO};
use crate::parole::radici;
use crate::sinonimi::Sinonimi;
use std::collections::{BTreeMap, HashMap};

/// A chunk's file name part: the prefix with anything but `a-z0-9` as `_` (the browser does the same).
pub(super) fn chiave(prefisso: &str) -> String {
    prefisso.chars().map(|c| if c.is_ascii_lowercase() || c.is_ascii_digit() { c } else { '_' }).collect()
}

/// Splits terms (sorted) into chunks by prefix: one chunk per prefix of `n` characters, longer prefixes for chunks
/// over [`LIMITE`]. A term shorter than the prefix stays in a chunk named after itself. The browser finds a term's
/// chunk as the longest chunk name that starts its (sanitised) text. Works on references: nothing is copied.
pub(super) fn dividi<'a>(
    termini: &[(&'a str, &'a str)],
    n: usize,
    out: &mut BTreeMap<String, Vec<(&'a str, &'a str)>>,
) {
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

/// FNV-1a: the interning of stems (tens of millions of short strings on a large site) is single-threaded, and
/// SipHash's protection against crafted keys buys nothing for the build's own stems.
#[derive(Default)]
struct Fnv(u64);

impl std::hash::Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 { 0xcbf2_9ce4_8422_2325 } else { self.0 };
        for &b in bytes {
            h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

/// A document's analysis with its stems as numbers: (stems, their weights, two-word phrases as pairs of
/// indices into the stems).
type Numerata = (Vec<u32>, Vec<u32>, Vec<(u32, u32)>);

/// Documents analysed at a time before their stems become numbers (bounds the strings alive at once).
const ANALISI_PER_BLOCCO: usize = 20_000;

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
    // Documents analysed a block at a time, their stems then replaced by numbers from one table: the index of a
    // site with 100,000 pages keeps 700,000 documents' stems as 4-byte numbers, not as strings.
    let mut numeri: HashMap<String, u32, std::hash::BuildHasherDefault<Fnv>> = HashMap::default();
    let mut nomi: Vec<String> = Vec::new();
    let mut analisi: Vec<Numerata> = Vec::with_capacity(documenti.len());
    for (blocco, ripetuti) in documenti.chunks(ANALISI_PER_BLOCCO).zip(ripetuti.chunks(ANALISI_PER_BLOCCO)) {
        let parziali: Vec<Analisi> = blocco
            .par_iter()
            .zip(ripetuti)
            .map(|(d, &ripetuto)| {
                if ripetuto {
                    Analisi { termini: Vec::new(), pesi: Vec::new(), coppie: Vec::new() }
                } else {
                    analizza(d.borrow())
                }
            })
            .collect();
        for a in parziali {
            let ids = a
                .termini
                .into_iter()
                .map(|t| {
                    *numeri.entry(t).or_insert_with_key(|t| {
                        nomi.push(t.clone());
                        nomi.len() as u32 - 1
                    })
                })
                .collect();
            analisi.push((ids, a.pesi, a.coppie));
        }
    }
    drop(numeri);
    let per_termine =
        unisci(&analisi, |(t, p, _), f| t.iter().zip(p).for_each(|(t, p)| f(*t, *p)), |t: &u32| (*t ^ (*t >> 8)) as u8);
    // The terms in text order; `rango` turns a term's number into its position in that order, so that the
    // phrases, merged by numbers, come out in the order of their text.
    let mut ordine: Vec<u32> = per_termine.iter().map(|(t, _)| *t).collect();
    ordine.par_sort_unstable_by(|a, b| nomi[*a as usize].cmp(&nomi[*b as usize]));
    let mut rango = vec![0u32; nomi.len()];
    for (posizione, &t) in ordine.iter().enumerate() {
        rango[t as usize] = posizione as u32;
    }
    let mut liste_per_numero: Vec<String> = vec![String::new(); nomi.len()];
    for (t, p) in per_termine {
        liste_per_numero[t as usize] = p;
    }
    let termini: Vec<(String, String)> = ordine
        .iter()
        .map(|&t| (std::mem::take(&mut nomi[t as usize]), std::mem::take(&mut liste_per_numero[t as usize])))
        .collect();
    drop((nomi, liste_per_numero, ordine));
    let coppie = unisci(
        &analisi,
        |(g, _, c), f| {
            c.iter().for_each(|&(x, y)| f((rango[g[x as usize] as usize], rango[g[y as usize] as usize]), 1))
        },
        |c: &(u32, u32)| (c.0 ^ c.1.rotate_left(3)) as u8,
    );
    let coppie: Vec<(String, String)> = coppie
        .into_iter()
        .map(|((a, b), p)| (format!("{} {}", termini[a as usize].0, termini[b as usize].0), p))
        .collect();
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
    let mut file: Vec<(String, Vec<u8>)> =
        lavori.into_par_iter().map(|(path, nome, json)| (path, parte(&nome, &json))).collect();
    // The snippets' text blocks: each one's JSON made and compressed in one step, so that the JSON of every
    // document (hundreds of MB on a large site) is never in memory at once.
    file.par_extend(documenti.par_chunks(BLOCCO).enumerate().map(|(b, blocco)| {
        let v: Vec<(&str, &str, Option<&str>, String)> = blocco
            .iter()
            .map(|d| {
                let d = d.borrow();
                (d.url.as_str(), d.pagina.as_str(), d.sezione.as_deref(), d.testo.chars().take(TESTO_MASSIMO).collect())
            })
            .collect();
        (format!("ricerca/d/{b}.js"), parte(&format!("d/{b}"), &serde_json::to_vec(&v).expect("json")))
    }));
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
