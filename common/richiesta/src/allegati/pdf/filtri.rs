//! The standard PDF filters (ISO 32000-1 §7.4) and the predictors of Flate and LZW (§7.4.4.4), decoded within
//! the file's budget. Image filters (DCT, JPX, CCITT, JBIG2) end the chain: what they hold is a picture, not
//! objects. A filter we cannot apply (Crypt, an unknown name) leaves the stream unread, and the caller says so.

use super::super::budget::Budget;
use std::io::Read;

/// A stream's decoding parameters (only what the predictors need).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Parametri {
    pub(crate) predictor: i64,
    pub(crate) colors: i64,
    pub(crate) bits: i64,
    pub(crate) columns: i64,
}

impl Default for Parametri {
    fn default() -> Self {
        Parametri { predictor: 1, colors: 1, bits: 8, columns: 1 }
    }
}

/// How a chain of filters ended.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Decodifica {
    /// All filters applied: the stream's content.
    Testo(Vec<u8>),
    /// An image filter: the content is a picture, not read further.
    Immagine,
    /// A filter we cannot apply, or the budget ran out: the stream was not read.
    Illeggibile,
}

/// Applies `filtri` in order to `dati`. Each step may inflate at most what the budget has left.
pub(crate) fn decodifica(dati: &[u8], filtri: &[(String, Parametri)], budget: &mut Budget) -> Decodifica {
    let mut corrente: Vec<u8> = Vec::new();
    let mut primo = true;
    for (nome, parametri) in filtri {
        let ingresso: &[u8] = if primo { dati } else { &corrente };
        let uscita = match nome.as_str() {
            "FlateDecode" | "Fl" => inflate(ingresso, budget),
            "LZWDecode" | "LZW" => lzw(ingresso, budget),
            "ASCIIHexDecode" | "AHx" => Some(esadecimale(ingresso)).filter(|u| budget.spendi(u.len() as u64)),
            "ASCII85Decode" | "A85" => ascii85(ingresso, budget),
            "RunLengthDecode" | "RL" => run_length(ingresso, budget),
            "DCTDecode" | "DCT" | "JPXDecode" | "CCITTFaxDecode" | "CCF" | "JBIG2Decode" => {
                return Decodifica::Immagine
            }
            _ => None,
        };
        let Some(mut uscita) = uscita else { return Decodifica::Illeggibile };
        if matches!(nome.as_str(), "FlateDecode" | "Fl" | "LZWDecode" | "LZW") && parametri.predictor > 1 {
            match predittore(&uscita, *parametri, budget) {
                Some(p) => uscita = p,
                None => return Decodifica::Illeggibile,
            }
        }
        corrente = uscita;
        primo = false;
    }
    if primo {
        if !budget.spendi(dati.len() as u64) {
            return Decodifica::Illeggibile;
        }
        corrente = dati.to_vec();
    }
    Decodifica::Testo(corrente)
}

/// Inflates zlib data (raw deflate as a fallback, as readers accept), at most what the budget has left. A
/// stream cut short keeps what was inflated, as readers do.
fn inflate(dati: &[u8], budget: &mut Budget) -> Option<Vec<u8>> {
    let limite = budget.restanti();
    let mut out = Vec::new();
    let zlib = flate2::read::ZlibDecoder::new(dati).take(limite.saturating_add(1)).read_to_end(&mut out);
    if zlib.is_err() && out.is_empty() {
        let _ = flate2::read::DeflateDecoder::new(dati).take(limite.saturating_add(1)).read_to_end(&mut out);
    }
    budget.spendi(out.len() as u64).then_some(out)
}

/// LZW as PDF writes it (ISO 32000-1 §7.4.4.2): codes read most significant bit first, 9 to 12 bits wide, 256
/// clears the table, 257 ends the data, and the width grows one code early (`EarlyChange` 1, the default).
/// Written here rather than taken from a crate: it is 50 lines, and the general decoders cost the browser
/// module four copies of their state machine. The table keeps each string as its prefix's code and last byte,
/// so memory stays bounded whatever the input.
fn lzw(dati: &[u8], budget: &mut Budget) -> Option<Vec<u8>> {
    const VUOTO: u16 = u16::MAX;
    // (prefix code, last byte, first byte, length)
    let mut tabella: Vec<(u16, u8, u8, u16)> = (0..=255u8).map(|b| (VUOTO, b, b, 1)).collect();
    tabella.extend([(VUOTO, 0, 0, 0), (VUOTO, 0, 0, 0)]);
    let (mut larghezza, mut bit, mut accumulo, mut letti) = (9u32, 0u32, 0u32, 0usize);
    let mut precedente: Option<u16> = None;
    let mut out = Vec::new();
    let mut stringa = Vec::new();
    loop {
        while bit < larghezza {
            let Some(&b) = dati.get(letti) else { return Some(out) };
            accumulo = (accumulo << 8) | u32::from(b);
            bit += 8;
            letti += 1;
        }
        let codice = ((accumulo >> (bit - larghezza)) & ((1 << larghezza) - 1)) as u16;
        bit -= larghezza;
        match codice {
            256 => {
                tabella.truncate(258);
                larghezza = 9;
                precedente = None;
                continue;
            }
            257 => return Some(out),
            _ => {}
        }
        // The string of `codice` (or, for the code being defined, the previous string and its own first byte).
        let (base, extra) = match (usize::from(codice) < tabella.len(), precedente) {
            (true, _) => (codice, None),
            (false, Some(p)) if usize::from(codice) == tabella.len() => (p, Some(tabella[usize::from(p)].2)),
            _ => return Some(out),
        };
        stringa.clear();
        let mut c = base;
        while c != VUOTO {
            let (prefisso, ultimo, _, _) = tabella[usize::from(c)];
            stringa.push(ultimo);
            c = prefisso;
        }
        stringa.reverse();
        stringa.extend(extra);
        if !budget.spendi(stringa.len() as u64) {
            return None;
        }
        out.extend_from_slice(&stringa);
        if let Some(p) = precedente {
            if tabella.len() < 4096 {
                let (_, _, primo, lunghezza) = tabella[usize::from(p)];
                tabella.push((p, stringa[0], primo, lunghezza.saturating_add(1)));
            }
        }
        if tabella.len() + 1 >= 1 << larghezza && larghezza < 12 {
            larghezza += 1;
        }
        precedente = Some(codice);
    }
}

fn esadecimale(dati: &[u8]) -> Vec<u8> {
    let cifre: Vec<u8> =
        dati.iter().take_while(|&&c| c != b'>').filter_map(|&c| (c as char).to_digit(16).map(|d| d as u8)).collect();
    cifre.chunks(2).map(|c| c[0] << 4 | c.get(1).copied().unwrap_or(0)).collect()
}

/// ASCII85, charged as it grows: `z` turns one byte into four, so a chain of these filters multiplies.
fn ascii85(dati: &[u8], budget: &mut Budget) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(dati.len().min(budget.restanti() as usize));
    let mut gruppo = [0u8; 5];
    let mut n = 0;
    let mut i = 0;
    if dati.starts_with(b"<~") {
        i = 2;
    }
    while i < dati.len() {
        let c = dati[i];
        i += 1;
        match c {
            b'~' => break,
            b'z' if n == 0 => {
                if !budget.spendi(4) {
                    return None;
                }
                out.extend_from_slice(&[0; 4]);
            }
            b'!'..=b'u' => {
                gruppo[n] = c - b'!';
                n += 1;
                if n == 5 {
                    if !budget.spendi(4) {
                        return None;
                    }
                    out.extend_from_slice(&valore85(&gruppo).to_be_bytes());
                    n = 0;
                }
            }
            _ => {}
        }
    }
    if n > 1 {
        gruppo[n..].fill(84);
        out.extend_from_slice(&valore85(&gruppo).to_be_bytes()[..n - 1]);
    }
    Some(out)
}

fn valore85(g: &[u8; 5]) -> u32 {
    g.iter().fold(0u32, |v, &c| v.wrapping_mul(85).wrapping_add(u32::from(c)))
}

fn run_length(dati: &[u8], budget: &mut Budget) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < dati.len() {
        let n = dati[i] as usize;
        i += 1;
        let aggiunti = match n {
            128 => break,
            0..=127 => {
                let fine = (i + n + 1).min(dati.len());
                out.extend_from_slice(&dati[i..fine]);
                let k = fine - i;
                i = fine;
                k
            }
            _ => {
                let Some(&b) = dati.get(i) else { break };
                i += 1;
                out.extend(std::iter::repeat_n(b, 257 - n));
                257 - n
            }
        };
        if !budget.spendi(aggiunti as u64) {
            return None;
        }
    }
    Some(out)
}

/// Undoes a TIFF (2) or PNG (10–15) predictor. `None` for parameters no reader accepts, or when the budget runs
/// out. A row is never longer than the data it comes from: a row of 64 MiB declared over a few bytes allocates
/// a few bytes, and the two row buffers are reused, so many small streams cost what their data weighs.
fn predittore(dati: &[u8], p: Parametri, budget: &mut Budget) -> Option<Vec<u8>> {
    if !(1..=32).contains(&p.colors) || ![1, 2, 4, 8, 16].contains(&p.bits) || !(1..=1 << 20).contains(&p.columns) {
        return None;
    }
    if !budget.spendi(dati.len() as u64) {
        return None;
    }
    let bpp = ((p.colors * p.bits + 7) / 8) as usize;
    let riga = (((p.colors * p.bits * p.columns + 7) / 8) as usize).min(dati.len().max(1));
    if p.predictor == 2 {
        let mut out = dati.to_vec();
        if p.bits == 8 {
            for r in out.chunks_mut(riga) {
                for i in bpp..r.len() {
                    r[i] = r[i].wrapping_add(r[i - bpp]);
                }
            }
        }
        return Some(out);
    }
    if p.predictor < 10 {
        return Some(dati.to_vec());
    }
    let mut out = Vec::with_capacity(dati.len());
    let mut sopra = vec![0u8; riga];
    let mut corrente = vec![0u8; riga];
    for blocco in dati.chunks(riga + 1) {
        let (tipo, righe) = (blocco[0], &blocco[1..]);
        corrente.fill(0);
        for i in 0..righe.len() {
            let a = if i >= bpp { corrente[i - bpp] } else { 0 };
            let b = sopra[i];
            let c = if i >= bpp { sopra[i - bpp] } else { 0 };
            let x = righe[i];
            corrente[i] = match tipo {
                1 => x.wrapping_add(a),
                2 => x.wrapping_add(b),
                3 => x.wrapping_add(((u16::from(a) + u16::from(b)) / 2) as u8),
                4 => x.wrapping_add(paeth(a, b, c)),
                _ => x,
            };
        }
        out.extend_from_slice(&corrente[..righe.len()]);
        std::mem::swap(&mut sopra, &mut corrente);
    }
    Some(out)
}

fn paeth(a: u8, b: u8, c: u8) -> u8 {
    let p = i16::from(a) + i16::from(b) - i16::from(c);
    let (pa, pb, pc) = ((p - i16::from(a)).abs(), (p - i16::from(b)).abs(), (p - i16::from(c)).abs());
    if pa <= pb && pa <= pc {
        a
    } else if pb <= pc {
        b
    } else {
        c
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_filters_and_a_png_predictor_decode() {
        assert_eq!(esadecimale(b"48 65 6C6c6F>"), b"Hello");
        assert_eq!(esadecimale(b"7>"), [0x70]);
        let mut b = Budget::new();
        assert_eq!(ascii85(b"<~87cURD]i,\"Ebo80~>", &mut b).unwrap(), b"Hello World!");
        // Two rows of 3 bytes: "Up" on the second row adds the row above.
        let p = Parametri { predictor: 12, colors: 1, bits: 8, columns: 3 };
        assert_eq!(predittore(&[0, 1, 2, 3, 2, 1, 1, 1], p, &mut b).unwrap(), [1, 2, 3, 2, 3, 4]);
        // The example of ISO 32000-1 §7.4.4.2.
        let atteso = [0x2D, 0x2D, 0x2D, 0x2D, 0x2D, 0x41, 0x2D, 0x2D, 0x2D, 0x42];
        assert_eq!(lzw(&[0x80, 0x0B, 0x60, 0x50, 0x22, 0x0C, 0x0C, 0x85, 0x01], &mut b).unwrap(), atteso);
        assert_eq!(run_length(&[2, b'a', b'b', b'c', 254, b'x', 128], &mut b).unwrap(), b"abcxxx");
    }

    #[test]
    fn a_bomb_stops_at_the_budget() {
        use std::io::Write;
        let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
        z.write_all(&[b'/'; 3 * 1024 * 1024]).unwrap();
        let bomba = z.finish().unwrap();
        let mut budget = Budget::con(1024 * 1024);
        let filtri = [("FlateDecode".to_string(), Parametri::default())];
        assert_eq!(decodifica(&bomba, &filtri, &mut budget), Decodifica::Illeggibile);
        assert!(budget.esaurito);
    }

    #[test]
    fn ascii85_zeros_and_wide_predictor_rows_are_charged() {
        // `z` is four zero bytes: 1 MiB of them decodes to 4 MiB, past a 1 MiB budget.
        let mut budget = Budget::con(1024 * 1024);
        assert_eq!(ascii85(&vec![b'z'; 1024 * 1024], &mut budget), None);
        assert!(budget.esaurito);
        // A row declared 64 MiB wide over 8 bytes of data decodes those 8 bytes, and costs 8.
        let mut budget = Budget::con(100);
        let p = Parametri { predictor: 12, colors: 32, bits: 16, columns: 1 << 20 };
        assert_eq!(predittore(&[2, 1, 1, 1, 1, 1, 1, 1], p, &mut budget).unwrap(), [1; 7]);
        assert_eq!(budget.restanti(), 92);
    }
}
