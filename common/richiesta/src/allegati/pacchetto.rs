//! ZIP packages (Office Open XML, OpenDocument) read within the file's budget, with a reader of our own: the
//! central directory and each entry's local header (APPNOTE 4.3), stored or deflated entries only. A general ZIP
//! library would add its CRC tables and extra-field parsers to the browser module for nothing: we never trust a
//! CRC, and a package we cannot read in full is reported as such. Checked before anything is inflated: at most
//! [`VOCI`] entries, every entry inside the file, no two entries sharing their bytes (overlapping entries are how
//! a few kilobytes become gigabytes, and no office suite writes them), no name twice.

use super::budget::{Budget, VOCI};
use std::io::Read;

/// Why a package cannot be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Difetto {
    /// Not a readable ZIP.
    Danneggiato,
    /// Entries that share their data, or one name twice.
    Sovrapposto,
    /// More entries than the budget allows.
    TroppeVoci,
}

/// One entry: where its data is and how it is stored.
struct Voce {
    nome: String,
    metodo: u16,
    cifrata: bool,
    dati: std::ops::Range<usize>,
    /// Where its local header starts: the entry's bytes run from here to the end of its data.
    locale: usize,
}

/// A package opened, with the names of its entries.
pub(crate) struct Pacchetto<'a> {
    byte: &'a [u8],
    voci: Vec<Voce>,
    /// The entries' names, in the archive's order.
    pub(crate) nomi: Vec<String>,
}

fn u16_a(b: &[u8], i: usize) -> Option<u16> {
    Some(u16::from_le_bytes(b.get(i..i + 2)?.try_into().ok()?))
}

fn u32_a(b: &[u8], i: usize) -> Option<usize> {
    Some(u32::from_le_bytes(b.get(i..i + 4)?.try_into().ok()?) as usize)
}

/// The end-of-central-directory records a ZIP reader may take, last first: the signature in the last
/// 22 + 65,535 bytes.
fn fine_della_directory(b: &[u8]) -> impl Iterator<Item = usize> + '_ {
    let da = b.len().saturating_sub(22 + 65_535);
    (da..=b.len().saturating_sub(22)).rev().filter(move |&i| b[i..].starts_with(b"PK\x05\x06"))
}

/// The bytes before the archive: where the record says the central directory ends, against where it does.
fn spostamento(b: &[u8], fine: usize) -> Option<usize> {
    let (dimensione, inizio) = (u32_a(b, fine + 12)?, u32_a(b, fine + 16)?);
    fine.checked_sub(dimensione)?.checked_sub(inizio)
}

impl<'a> Pacchetto<'a> {
    /// Opens `b`, checking its entries before anything is inflated.
    pub(crate) fn apri(b: &'a [u8]) -> Result<Self, Difetto> {
        use Difetto::Danneggiato;
        let fine = fine_della_directory(b).next().ok_or(Danneggiato)?;
        let quante = usize::from(u16_a(b, fine + 10).ok_or(Danneggiato)?);
        if quante > VOCI {
            return Err(Difetto::TroppeVoci);
        }
        // Bytes before the archive (a ZIP appended to another file) shift every offset, as ZIP readers assume.
        let spostamento = spostamento(b, fine).ok_or(Danneggiato)?;
        let mut pos = u32_a(b, fine + 16).ok_or(Danneggiato)? + spostamento;
        let mut voci = Vec::with_capacity(quante);
        for _ in 0..quante {
            if !b.get(pos..).is_some_and(|r| r.starts_with(b"PK\x01\x02")) {
                return Err(Danneggiato);
            }
            let campo = |i| u16_a(b, pos + i).map(usize::from).ok_or(Danneggiato);
            let (flag, metodo) = (campo(8)?, campo(10)?);
            let compressi = u32_a(b, pos + 20).ok_or(Danneggiato)?;
            let (n, extra, commento) = (campo(28)?, campo(30)?, campo(32)?);
            let locale = u32_a(b, pos + 42).ok_or(Danneggiato)? + spostamento;
            let nome = String::from_utf8_lossy(b.get(pos + 46..pos + 46 + n).ok_or(Danneggiato)?).into_owned();
            // The local header: its own name and extra field lengths say where the data starts.
            if !b.get(locale..).is_some_and(|r| r.starts_with(b"PK\x03\x04")) {
                return Err(Danneggiato);
            }
            let inizio = locale
                + 30
                + usize::from(u16_a(b, locale + 26).ok_or(Danneggiato)?)
                + usize::from(u16_a(b, locale + 28).ok_or(Danneggiato)?);
            let dati = inizio..inizio.checked_add(compressi).filter(|&f| f <= b.len()).ok_or(Danneggiato)?;
            voci.push(Voce { nome, metodo: metodo as u16, cifrata: flag & 1 == 1, dati, locale });
            pos += 46 + n + extra + commento;
        }
        let mut estensioni: Vec<(usize, usize)> = voci.iter().map(|v| (v.locale, v.dati.end)).collect();
        estensioni.sort_unstable();
        if estensioni.windows(2).any(|w| w[1].0 < w[0].1) {
            return Err(Difetto::Sovrapposto);
        }
        let mut nomi: Vec<String> = voci.iter().map(|v| v.nome.to_ascii_lowercase()).collect();
        nomi.sort_unstable();
        if nomi.windows(2).any(|w| w[0] == w[1]) {
            return Err(Difetto::Sovrapposto);
        }
        let nomi = voci.iter().map(|v| v.nome.clone()).collect();
        Ok(Pacchetto { byte: b, voci, nomi })
    }

    /// Whether a ZIP reader finds an archive in `b`, even one appended to another file: an end-of-central-directory
    /// record in the last 64 KiB whose central directory, shifted as ZIP readers shift it, starts where it should.
    /// How a PDF or an image with an Office document behind it is recognised.
    pub(crate) fn nascosto(b: &[u8]) -> bool {
        fine_della_directory(b).any(|fine| {
            spostamento(b, fine).is_some_and(|s| {
                let quante = u16_a(b, fine + 10).unwrap_or(0);
                let pos = u32_a(b, fine + 16).unwrap_or(usize::MAX).saturating_add(s);
                quante > 0 && b.get(pos..).is_some_and(|r| r.starts_with(b"PK\x01\x02"))
            })
        })
    }

    /// Whether an entry of that name exists (ASCII case ignored, as Office and LibreOffice ignore it).
    pub(crate) fn ha(&self, nome: &str) -> bool {
        self.nomi.iter().any(|n| n.eq_ignore_ascii_case(nome))
    }

    /// An entry's bytes, inflated within the budget. `None` when it is missing, cannot be read (encrypted, a
    /// method other than stored or deflated) or the budget ran out (then the budget says so).
    pub(crate) fn leggi(&self, nome: &str, budget: &mut Budget) -> Option<Vec<u8>> {
        let voce = self.voci.iter().find(|v| v.nome.eq_ignore_ascii_case(nome))?;
        let dati = &self.byte[voce.dati.clone()];
        let mut out = Vec::new();
        let letto = match (voce.cifrata, voce.metodo) {
            (false, 0) => {
                out.extend_from_slice(dati);
                true
            }
            (false, 8) => flate2::read::DeflateDecoder::new(dati)
                .take(budget.restanti().saturating_add(1))
                .read_to_end(&mut out)
                .is_ok(),
            _ => false,
        };
        if !letto {
            budget.esaurisci();
            return None;
        }
        budget.spendi(out.len() as u64).then_some(out)
    }
}
