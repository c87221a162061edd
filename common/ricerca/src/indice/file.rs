//! Writing the index: every document analysed (stems, weights, two-word phrases), the postings merged, and the
//! parts written as classic scripts of gzipped JSON (`civisRicerca.parte(…)`), the vocabulary by stem length
//! for the browser's typo matching.

use super::{Documento, BLOCCO, LIMITE, TESTO_MASSIMO};
use crate::parole::{per_parola, radice_in, Lingua};
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

/// Postings in text: `doc[:weight]` with the document as a base-36 delta, comma-separated.
fn liste(voci: impl IntoIterator<Item = (u32, u32)>) -> String {
    let voci = voci.into_iter();
    let mut out = String::with_capacity(voci.size_hint().0 * 4);
    let mut prima = 0;
    for (d, w) in voci {
        if !out.is_empty() {
            out.push(',');
        }
        radix36((d - prima) as usize, &mut out);
        prima = d;
        if w != 1 {
            out.push(':');
            radix36(w as usize, &mut out);
        }
    }
    out
}

/// Appends `n` in base 36 (digits, then lowercase letters).
fn radix36(n: usize, out: &mut String) {
    const C: &[u8] = b"0123456789abcdefghijklmnopqrstuvwxyz";
    let mut cifre = [0u8; 16];
    let (mut n, mut i) = (n, cifre.len());
    loop {
        i -= 1;
        cifre[i] = C[n % 36];
        n /= 36;
        if n == 0 {
            break;
        }
    }
    out.extend(cifre[i..].iter().map(|&b| b as char));
}

/// A part of the index as a classic script: `civisRicerca.parte(name, "<base64 of the gzipped JSON>")`. The
/// browser inflates it with `DecompressionStream`: postings are very repetitive, so this makes a query's bytes (and
/// the index on disk) several times smaller. gzip without a timestamp keeps the build reproducible.
fn parte(nome: &str, json: &[u8], livello: Livello) -> Vec<u8> {
    use base64::Engine;
    let testo = base64::engine::general_purpose::STANDARD.encode(gzip(json, livello));
    format!("civisRicerca.parte({},\"{testo}\");\n", serde_json::to_string(nome).expect("json")).into_bytes()
}

/// How hard a part is compressed (libdeflate's levels): the terms' and phrases' parts, which every query reads,
/// harder than the snippets' blocks, which are most of the bytes and of the time. Both come out smaller than
/// zlib's level 4 did, in less time.
#[derive(Clone, Copy)]
enum Livello {
    Termini = 6,
    Testi = 5,
}

thread_local! {
    /// One compressor per level and thread, kept: a site has thousands of small parts.
    static COMPRESSORI: std::cell::RefCell<Vec<(i32, libdeflater::Compressor)>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// `dati` as a gzip member (no name, no timestamp: the build stays reproducible).
fn gzip(dati: &[u8], livello: Livello) -> Vec<u8> {
    let livello = livello as i32;
    COMPRESSORI.with(|c| {
        let mut c = c.borrow_mut();
        let i = match c.iter().position(|(l, _)| *l == livello) {
            Some(i) => i,
            None => {
                let l = libdeflater::CompressionLvl::new(livello).expect("a level libdeflate has");
                c.push((livello, libdeflater::Compressor::new(l)));
                c.len() - 1
            }
        };
        let compressore = &mut c[i].1;
        let mut out = vec![0; compressore.gzip_compress_bound(dati.len())];
        let n = compressore.gzip_compress(dati, &mut out).expect("the bound is enough");
        out.truncate(n);
        out
    })
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

/// A document's analysis with its stems as numbers of the build's [`Vocabolario`]: (its distinct stems, their
/// weights, its two-word phrases as pairs of stems).
type Numerata = (Vec<u32>, Vec<u32>, Vec<(u32, u32)>);

/// Documents that share one cache of the words already numbered (its keys borrow their text).
const PER_CACHE: usize = 512;

type FnvMap<K, V> = HashMap<K, V, std::hash::BuildHasherDefault<Fnv>>;

/// The stems of a build, numbered as they are met (by any thread): the analysis works on numbers, and a stem's
/// text exists once. The numbers depend on the threads' timing, so nothing written follows them: terms and
/// phrases are written in the order of their text.
#[derive(Default)]
struct Vocabolario(std::sync::Mutex<(FnvMap<String, u32>, Vec<String>)>);

impl Vocabolario {
    fn numero(&self, radice: String) -> u32 {
        let mut v = self.0.lock().expect("no thread panics holding the vocabulary");
        let (numeri, nomi) = &mut *v;
        *numeri.entry(radice).or_insert_with_key(|r| {
            nomi.push(r.clone());
            nomi.len() as u32 - 1
        })
    }

    /// The stems' texts, by number.
    fn nomi(self) -> Vec<String> {
        self.0.into_inner().expect("no thread panics holding the vocabulary").1
    }
}

/// Which documents repeat, word for word, a section met earlier (boilerplate): such a section is found once, at
/// its first page. The texts are hashed in parallel (hundreds of MB on a large site); equal hashes are confirmed
/// by comparing the texts.
fn ripetuti<D: std::borrow::Borrow<Documento> + Sync>(documenti: &[D]) -> Vec<bool> {
    use rayon::prelude::*;
    use std::hash::{Hash, Hasher};
    fn chiave(d: &Documento) -> Option<(&str, &str)> {
        d.sezione.as_deref().map(|s| (s, d.testo.as_str()))
    }
    let impronte: Vec<Option<u64>> = documenti
        .par_iter()
        .map(|d| {
            chiave(d.borrow()).map(|k| {
                let mut h = Fnv::default();
                k.hash(&mut h);
                h.finish()
            })
        })
        .collect();
    let mut visti: FnvMap<u64, Vec<usize>> = FnvMap::default();
    let mut out = vec![false; documenti.len()];
    for (i, impronta) in impronte.into_iter().enumerate() {
        let Some(impronta) = impronta else { continue };
        let primi = visti.entry(impronta).or_default();
        let k = chiave(documenti[i].borrow());
        if primi.iter().any(|&p| chiave(documenti[p].borrow()) == k) {
            out[i] = true;
        } else {
            primi.push(i);
        }
    }
    out
}

/// Analyses the documents (a repeated one as if empty), each word stemmed and numbered once per
/// [`PER_CACHE`] documents.
fn analizza_tutti<D: std::borrow::Borrow<Documento> + Sync>(
    documenti: &[D],
    ripetuti: &[bool],
    vocabolario: &Vocabolario,
    lingua: Lingua,
) -> Vec<Numerata> {
    use rayon::prelude::*;
    documenti
        .par_chunks(PER_CACHE)
        .zip(ripetuti.par_chunks(PER_CACHE))
        .flat_map_iter(|(blocco, ripetuti)| {
            let mut cache = Cache::default();
            let vuota = || (Vec::new(), Vec::new(), Vec::new());
            let analisi = blocco.iter().zip(ripetuti);
            analisi
                .map(|(d, &r)| if r { vuota() } else { analizza(d.borrow(), &mut cache, vocabolario, lingua) })
                .collect::<Vec<_>>()
        })
        .collect()
}

/// Words as written, already stemmed and numbered (`None`: a stop word).
type Cache<'d> = FnvMap<&'d str, Option<u32>>;

/// The stems of a text, as numbers.
fn numeri<'d>(testo: &'d str, cache: &mut Cache<'d>, v: &Vocabolario, lingua: Lingua) -> Vec<u32> {
    let mut out = Vec::new();
    per_parola(testo, |_, p| out.extend(*cache.entry(p).or_insert_with(|| radice_in(lingua, p).map(|r| v.numero(r)))));
    out
}

/// One document's weighted stems and its two-word phrases.
fn analizza<'d>(doc: &'d Documento, cache: &mut Cache<'d>, vocabolario: &Vocabolario, lingua: Lingua) -> Numerata {
    let mut numeri = |testo: &'d str| numeri(testo, cache, vocabolario, lingua);
    let mut locali: FnvMap<u32, u32> = FnvMap::default();
    let (mut termini, mut pesi) = (Vec::new(), Vec::new());
    let mut locale = |t: u32, termini: &mut Vec<u32>, pesi: &mut Vec<u32>| -> usize {
        *locali.entry(t).or_insert_with(|| {
            termini.push(t);
            pesi.push(0);
            termini.len() as u32 - 1
        }) as usize
    };
    // Title and heading words weigh more than body words (at most 3 for repetition).
    let titolo = numeri(&doc.pagina);
    let campi = match &doc.sezione {
        None => vec![(titolo, 10)],
        Some(s) => vec![(numeri(s), 6), (titolo, 1)],
    };
    let corpo = numeri(&doc.testo);
    for &t in &corpo {
        let i = locale(t, &mut termini, &mut pesi);
        pesi[i] = (pesi[i] + 1).min(3);
    }
    for (campo, peso) in &campi {
        for &t in campo {
            let i = locale(t, &mut termini, &mut pesi);
            pesi[i] = pesi[i].max(*peso).max(pesi[i] + peso / 2);
        }
    }
    let sequenze = campi.iter().map(|(c, _)| c).chain([&corpo]);
    let mut coppie: Vec<(u32, u32)> = sequenze.flat_map(|s| s.windows(2).map(|w| (w[0], w[1]))).collect();
    coppie.sort_unstable();
    coppie.dedup();
    (termini, pesi, coppie)
}

/// Every term's postings, by the term's number (every number has some): the numbers are dense, so the postings
/// are placed by counting (a pass to count each term's documents, a pass to place them), with no map.
fn per_termine(analisi: &[Numerata], termini: usize) -> Vec<String> {
    use rayon::prelude::*;
    let mut inizio = vec![0usize; termini + 1];
    for (t, _, _) in analisi {
        for &t in t {
            inizio[t as usize + 1] += 1;
        }
    }
    for i in 1..inizio.len() {
        inizio[i] += inizio[i - 1];
    }
    let mut voci = vec![(0u32, 0u32); inizio[termini]];
    let mut cursore = inizio.clone();
    for (d, (t, p, _)) in analisi.iter().enumerate() {
        for (&t, &p) in t.iter().zip(p) {
            let c = &mut cursore[t as usize];
            voci[*c] = (d as u32, p);
            *c += 1;
        }
    }
    (0..termini).into_par_iter().map(|t| liste(voci[inizio[t]..inizio[t + 1]].iter().copied())).collect()
}

/// Phrases (as pairs of stems' positions) and their documents, in order.
type Coppie = FnvMap<(u32, u32), Vec<u32>>;

/// Every two-word phrase's postings, the phrase as the text-order positions (`rango`) of its stems, sorted. The
/// phrases are sparse, so they are merged in maps, in one pass over the documents: each thread reads a run of
/// consecutive documents into maps split by a hash of the phrase; then each split joins its maps in the runs'
/// order, so every phrase's documents stay in order.
fn per_coppia(analisi: &[Numerata], rango: &[u32]) -> Vec<((u32, u32), String)> {
    use rayon::prelude::*;
    let parti = rayon::current_num_threads().max(1) * 4;
    let parte = |c: (u32, u32)| (c.0 ^ c.1.rotate_left(3)) as usize % parti;
    let corsa = analisi.len().div_ceil(rayon::current_num_threads().max(1)).max(1);
    let corse: Vec<Vec<Coppie>> = analisi
        .par_chunks(corsa)
        .enumerate()
        .map(|(n, documenti)| {
            let mut mappe: Vec<Coppie> = (0..parti).map(|_| FnvMap::default()).collect();
            for (j, (_, _, coppie)) in documenti.iter().enumerate() {
                let d = (n * corsa + j) as u32;
                for &(x, y) in coppie {
                    let c = (rango[x as usize], rango[y as usize]);
                    mappe[parte(c)].entry(c).or_default().push(d);
                }
            }
            mappe
        })
        .collect();
    let mut per_parte: Vec<Vec<Coppie>> = (0..parti).map(|_| Vec::new()).collect();
    for mappe in corse {
        for (k, m) in mappe.into_iter().enumerate() {
            per_parte[k].push(m);
        }
    }
    let mut out: Vec<((u32, u32), String)> = per_parte
        .into_par_iter()
        .flat_map_iter(|mappe| {
            let mut unita: Coppie = FnvMap::default();
            for m in mappe {
                for (c, documenti) in m {
                    unita.entry(c).or_default().extend(documenti);
                }
            }
            unita.into_iter().map(|(c, documenti)| (c, liste(documenti.into_iter().map(|d| (d, 1)))))
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
    let ripetuti = ripetuti(documenti);
    let vocabolario = Vocabolario::default();
    let analisi = analizza_tutti(documenti, &ripetuti, &vocabolario, sinonimi.lingua);
    let mut nomi = vocabolario.nomi();
    let mut liste_per_numero = per_termine(&analisi, nomi.len());
    // The terms in text order; `rango` turns a term's number into its position in that order, so that the
    // phrases, merged by numbers, come out in the order of their text.
    let mut ordine: Vec<u32> = (0..nomi.len() as u32).collect();
    ordine.par_sort_unstable_by(|a, b| nomi[*a as usize].cmp(&nomi[*b as usize]));
    let mut rango = vec![0u32; nomi.len()];
    for (posizione, &t) in ordine.iter().enumerate() {
        rango[t as usize] = posizione as u32;
    }
    let termini: Vec<(String, String)> = ordine
        .iter()
        .map(|&t| (std::mem::take(&mut nomi[t as usize]), std::mem::take(&mut liste_per_numero[t as usize])))
        .collect();
    drop((nomi, liste_per_numero, ordine));
    let coppie = per_coppia(&analisi, &rango);
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
        lavori.into_par_iter().map(|(path, nome, json)| (path, parte(&nome, &json, Livello::Termini))).collect();
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
        (format!("ricerca/d/{b}.js"), parte(&format!("d/{b}"), &serde_json::to_vec(&v).expect("json"), Livello::Testi))
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
    let testo = std::str::from_utf8(script).ok()?.trim().strip_prefix("civisRicerca.parte(")?.strip_suffix(");")?;
    let (nome, dati) = testo.split_once(',')?;
    let nome: String = serde_json::from_str(nome).ok()?;
    let compresso = base64::engine::general_purpose::STANDARD.decode(dati.trim_matches('"')).ok()?;
    // The gzip trailer ends with the data's size (ours are far below 4 GB).
    let dimensione = u32::from_le_bytes(compresso.get(compresso.len().checked_sub(4)?..)?.try_into().ok()?);
    if dimensione > 1 << 26 {
        return None;
    }
    let mut json = vec![0; dimensione as usize];
    let n = libdeflater::Decompressor::new().gzip_decompress(&compresso, &mut json).ok()?;
    json.truncate(n);
    Some((nome, serde_json::from_slice(&json).ok()?))
}

#[cfg(test)]
mod test {
    use super::liste;

    #[test]
    fn postings_are_base36_deltas_with_weights_other_than_one() {
        assert_eq!(liste([(3, 1), (40, 2), (40 + 36 * 36, 1), (40 + 36 * 36, 35)]), "3,11:2,100,0:z");
        assert_eq!(liste([]), "");
    }
}
