//! PNG, JPEG and TIFF read by their structure (no pixel is decoded), to find where the image ends as a viewer
//! sees it. What lies beyond is invisible to the viewer but not to another program: a ZIP behind a PNG is an
//! Office document to a ZIP reader. The rules follow what each format's writers do:
//! - PNG: chunks by their lengths up to `IEND`; nothing may follow (no writer puts anything there);
//! - JPEG: segments up to the first end of image; what follows is common on phones (a second image, a video, a
//!   maker's trailer) and is allowed, unless it is a PDF (the ZIP case is checked for every format);
//! - TIFF: the chain of directories and every area they point to; more than a few bytes past the last one is
//!   refused, as in PNG.
//!
//! Lengths are enough to find the ends: checksums are not read (their tables would weigh on the browser module).

/// What the structure says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Struttura {
    /// The image ends where the file ends (or, for JPEG, what follows is allowed).
    Integra,
    /// The structure breaks off: a length past the end, no end marker, a loop.
    Danneggiata,
    /// Data after the end of the image that a viewer ignores.
    DatiInCoda,
}

/// Directories and entries a TIFF may have (a multi-page scan has one directory per page).
const DIRECTORY: usize = 10_000;
/// Bytes a TIFF writer may leave after the last area (word alignment).
const TOLLERANZA_TIFF: usize = 16;

fn u16_be(b: &[u8], i: usize) -> Option<usize> {
    Some(usize::from(u16::from_be_bytes(b.get(i..i + 2)?.try_into().ok()?)))
}

fn u32_be(b: &[u8], i: usize) -> Option<usize> {
    usize::try_from(u32::from_be_bytes(b.get(i..i + 4)?.try_into().ok()?)).ok()
}

/// A PNG: the 8-byte signature, then chunks (length, type, data, CRC) up to `IEND`.
pub(crate) fn png(b: &[u8]) -> Struttura {
    let mut pos = 8;
    loop {
        let (Some(lunghezza), Some(tipo)) = (u32_be(b, pos), b.get(pos + 4..pos + 8)) else {
            return Struttura::Danneggiata;
        };
        let Some(dopo) = pos.checked_add(12).and_then(|p| p.checked_add(lunghezza)).filter(|&d| d <= b.len()) else {
            return Struttura::Danneggiata;
        };
        if tipo == b"IEND" {
            return if dopo == b.len() { Struttura::Integra } else { Struttura::DatiInCoda };
        }
        pos = dopo;
    }
}

/// Where the first JPEG image in `b` ends (after its `FFD9`), following ITU T.81 Annex B: markers with a length,
/// stand-alone markers, and entropy-coded data after each start of scan up to the next marker that is not a
/// stuffed zero or a restart.
pub(crate) fn fine_jpeg(b: &[u8]) -> Option<usize> {
    let mut pos = 2;
    loop {
        if *b.get(pos)? != 0xFF {
            return None;
        }
        while *b.get(pos)? == 0xFF {
            pos += 1;
        }
        let marcatore = b[pos];
        pos += 1;
        match marcatore {
            0xD9 => return Some(pos),
            0x01 | 0xD0..=0xD7 => {}
            _ => {
                pos = pos.checked_add(u16_be(b, pos)?).filter(|&p| p <= b.len())?;
                if marcatore == 0xDA {
                    pos = fine_dati_entropici(b, pos);
                }
            }
        }
    }
}

/// The first byte after the entropy-coded data that starts at `pos`: a `FF` not followed by `00`, a restart
/// marker or another `FF`.
fn fine_dati_entropici(b: &[u8], mut pos: usize) -> usize {
    while let Some(i) = memchr::memchr(0xFF, &b[pos.min(b.len())..]) {
        let p = pos + i;
        match b.get(p + 1) {
            Some(0x00 | 0xD0..=0xD7) => pos = p + 2,
            Some(0xFF) => pos = p + 1,
            _ => return p,
        }
    }
    b.len()
}

/// A JPEG: its first image must end; what follows is allowed unless it holds a PDF.
pub(crate) fn jpeg(b: &[u8]) -> Struttura {
    match fine_jpeg(b) {
        None => Struttura::Danneggiata,
        Some(fine) if memchr::memmem::find(&b[fine..], b"%PDF-").is_some() => Struttura::DatiInCoda,
        Some(_) => Struttura::Integra,
    }
}

/// A TIFF (classic, either byte order): the chain of image directories, the sub-directories their tags point to
/// (Exif, GPS, interoperability, `SubIFDs`) and every value stored outside its entry, strips and tiles included.
pub(crate) fn tiff(b: &[u8]) -> Struttura {
    let lettore = Tiff { b, big: b.starts_with(b"MM") };
    match lettore.estensione() {
        None => Struttura::Danneggiata,
        Some(fine) if b.len() > fine.saturating_add(TOLLERANZA_TIFF) => Struttura::DatiInCoda,
        Some(_) => Struttura::Integra,
    }
}

struct Tiff<'a> {
    b: &'a [u8],
    /// Big-endian (`MM`) rather than little-endian (`II`).
    big: bool,
}

impl Tiff<'_> {
    fn u16(&self, i: usize) -> Option<usize> {
        let v: [u8; 2] = self.b.get(i..i + 2)?.try_into().ok()?;
        Some(usize::from(if self.big { u16::from_be_bytes(v) } else { u16::from_le_bytes(v) }))
    }

    fn u32(&self, i: usize) -> Option<usize> {
        let v: [u8; 4] = self.b.get(i..i + 4)?.try_into().ok()?;
        usize::try_from(if self.big { u32::from_be_bytes(v) } else { u32::from_le_bytes(v) }).ok()
    }

    /// The end of the furthest area the directories point to; `None` when one points outside the file or the
    /// directories loop.
    fn estensione(&self) -> Option<usize> {
        let mut fine = 8;
        let mut da_leggere = vec![self.u32(4)?];
        let mut visti: Vec<usize> = Vec::new();
        let mut aree: Vec<(usize, usize)> = Vec::new();
        while let Some(ifd) = da_leggere.pop() {
            if ifd == 0 {
                continue;
            }
            if visti.contains(&ifd) || visti.len() >= DIRECTORY {
                return None;
            }
            visti.push(ifd);
            let voci = self.u16(ifd)?;
            let coda = ifd.checked_add(2 + 12 * voci)?;
            da_leggere.push(self.u32(coda)?);
            fine = fine.max(coda + 4);
            let (mut offset_aree, mut lunghezze_aree) = (Vec::new(), Vec::new());
            for k in 0..voci {
                let voce = ifd + 2 + 12 * k;
                let (etichetta, tipo, quanti) = (self.u16(voce)?, self.u16(voce + 2)?, self.u32(voce + 4)?);
                let valori = self.valori(voce, tipo, quanti)?;
                if let Some((inizio, byte)) = valori {
                    fine = fine.max(inizio.checked_add(byte).filter(|&f| f <= self.b.len())?);
                }
                let numeri = || self.numeri(voce, tipo, quanti, valori);
                match etichetta {
                    330 | 34665 | 34853 | 40965 => da_leggere.extend(numeri()?),
                    273 | 324 | 513 => offset_aree = numeri()?,
                    279 | 325 | 514 => lunghezze_aree = numeri()?,
                    _ => {}
                }
            }
            aree.extend(offset_aree.into_iter().zip(lunghezze_aree));
        }
        for (inizio, byte) in aree {
            fine = fine.max(inizio.checked_add(byte).filter(|&f| f <= self.b.len())?);
        }
        Some(fine)
    }

    /// Where an entry's values lie when they do not fit in its last four bytes: `Some(None)` when they fit,
    /// `None` for an unknown type.
    fn valori(&self, voce: usize, tipo: usize, quanti: usize) -> Option<Option<(usize, usize)>> {
        let dimensione = match tipo {
            1 | 2 | 6 | 7 => 1,
            3 | 8 => 2,
            4 | 9 | 11 | 13 => 4,
            5 | 10 | 12 => 8,
            _ => return Some(None),
        };
        let byte = quanti.checked_mul(dimensione)?;
        Some((byte > 4).then(|| self.u32(voce + 8).map(|o| (o, byte))).flatten())
    }

    /// The integer values of a SHORT or LONG entry (offsets, byte counts), at most [`DIRECTORY`] of them.
    fn numeri(&self, voce: usize, tipo: usize, quanti: usize, fuori: Option<(usize, usize)>) -> Option<Vec<usize>> {
        let da = fuori.map_or(voce + 8, |(o, _)| o);
        let passo = match tipo {
            3 => 2,
            4 | 13 => 4,
            _ => return Some(Vec::new()),
        };
        (0..quanti.min(DIRECTORY))
            .map(|i| if passo == 2 { self.u16(da + 2 * i) } else { self.u32(da + 4 * i) })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chunk(tipo: &[u8], dati: &[u8]) -> Vec<u8> {
        let mut c = (dati.len() as u32).to_be_bytes().to_vec();
        c.extend_from_slice(tipo);
        c.extend_from_slice(dati);
        c.extend_from_slice(&[0; 4]);
        c
    }

    #[test]
    fn a_png_ends_at_iend() {
        let mut b = b"\x89PNG\r\n\x1a\n".to_vec();
        b.extend(chunk(b"IHDR", &[0; 13]));
        b.extend(chunk(b"IEND", &[]));
        assert_eq!(png(&b), Struttura::Integra);
        let mut dopo = b.clone();
        dopo.extend_from_slice(b"PK\x03\x04");
        assert_eq!(png(&dopo), Struttura::DatiInCoda);
        assert_eq!(png(&b[..b.len() - 3]), Struttura::Danneggiata);
    }

    #[test]
    fn a_jpeg_ends_at_its_first_eoi_past_stuffed_bytes_and_restarts() {
        let b = [0xFF, 0xD8, 0xFF, 0xDA, 0, 2, 1, 0xFF, 0x00, 2, 0xFF, 0xD0, 3, 0xFF, 0xD9, b'M', b'P', b'4'];
        assert_eq!(fine_jpeg(&b), Some(15));
        assert_eq!(jpeg(&b), Struttura::Integra, "a video after the image is what phones write");
        let mut pdf = b.to_vec();
        pdf.extend_from_slice(b"%PDF-1.7");
        assert_eq!(jpeg(&pdf), Struttura::DatiInCoda);
        assert_eq!(jpeg(&b[..12]), Struttura::Danneggiata);
    }

    #[test]
    fn a_tiff_ends_after_its_last_strip() {
        // One directory at 8 with two entries: StripOffsets = 38, StripByteCounts = 4; the strip at 38..42.
        let mut b = b"II*\x00\x08\x00\x00\x00\x02\x00".to_vec();
        b.extend_from_slice(&[0x11, 0x01, 4, 0, 1, 0, 0, 0, 38, 0, 0, 0]);
        b.extend_from_slice(&[0x17, 0x01, 4, 0, 1, 0, 0, 0, 4, 0, 0, 0]);
        b.extend_from_slice(&[0, 0, 0, 0]);
        b.extend_from_slice(&[1, 2, 3, 4]);
        assert_eq!(tiff(&b), Struttura::Integra);
        let mut coda = b.clone();
        coda.extend_from_slice(&[0; 100]);
        assert_eq!(tiff(&coda), Struttura::DatiInCoda);
        let mut fuori = b.clone();
        fuori[30] = 200;
        assert_eq!(tiff(&fuori), Struttura::Danneggiata, "a strip past the end");
    }
}
