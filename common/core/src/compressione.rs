//! The compressed copies a static host serves in place of a file (`x.js.br`, `x.js.gz`, sent with
//! `Content-Encoding` to browsers that accept them: nginx's `brotli_static`/`gzip_static`, Apache's rewrite
//! rules, `civis-guida serve`). Written by the build beside each text file and by the bundler beside each module,
//! the same bytes for the same input: brotli with fixed settings, gzip with no name and no timestamp in its header.

/// Files smaller than this are sent as they are: the headers would weigh more than the saving.
pub const SOGLIA: usize = 1024;
/// A copy is kept only when it is smaller than this share of the original (already compressed data, such as an
/// index part that is gzip in base64, gains little).
const RAPPORTO: f64 = 0.9;

/// How hard to compress: the shared assets are compressed once and downloaded by every visitor; the pages are
/// many, each downloaded by few.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sforzo {
    /// Brotli 11 (about 12 ms for a 10 kB page, 0.4 s for a 300 kB module).
    Massimo,
    /// Brotli 5 (about 0.3 ms for a 10 kB page, about 10 % larger than 11 on this site's pages).
    Pagine,
}

/// Whether a file of this name is text (or a WebAssembly module) that compresses.
pub fn comprimibile(path: &str) -> bool {
    let estensione = path.rsplit_once('.').map_or("", |(_, e)| e);
    matches!(estensione, "html" | "css" | "js" | "mjs" | "json" | "svg" | "xml" | "txt" | "ics" | "wasm")
}

/// The brotli and gzip copies of `byte` (suffix, bytes), those worth keeping; none for a small file.
pub fn copie(byte: &[u8], sforzo: Sforzo) -> Vec<(&'static str, Vec<u8>)> {
    if byte.len() < SOGLIA {
        return Vec::new();
    }
    let limite = (byte.len() as f64 * RAPPORTO) as usize;
    [(".br", brotli(byte, sforzo)), (".gz", gzip(byte))]
        .into_iter()
        .filter_map(|(suffisso, copia)| copia.filter(|c| c.len() < limite).map(|c| (suffisso, c)))
        .collect()
}

/// `byte` in brotli, at the quality `sforzo` asks: the settings of every copy the project writes, and of the pages
/// `civis-guida serve` compresses as it sends them.
pub fn brotli(byte: &[u8], sforzo: Sforzo) -> Option<Vec<u8>> {
    let qualita = match sforzo {
        Sforzo::Massimo => 11,
        Sforzo::Pagine => 5,
    };
    // A 1 MB window holds any page or module whole (a 16 MB one only for larger files). Measured on this site's
    // pages with the brotli crate: windows of 18–20 bits compress at about 45 MB/s, 22 bits at 31 MB/s, and 16
    // bits at under 2 MB/s, all to the same size.
    let finestra = if byte.len() < (1 << 20) - 16 { 20 } else { 24 };
    let parametri = brotli::enc::BrotliEncoderParams { quality: qualita, lgwin: finestra, ..Default::default() };
    let mut br = Vec::new();
    brotli::BrotliCompress(&mut &byte[..], &mut br, &parametri).ok().map(|_| br)
}

/// `byte` in gzip. libdeflate at level 6: on this site's pages a little smaller than zlib's best (0.243 of the size
/// against 0.245) at twice its speed (level 9 gains 0.001 for a third more time); its header has no name and no
/// timestamp.
pub fn gzip(byte: &[u8]) -> Option<Vec<u8>> {
    let mut gzip = libdeflater::Compressor::new(libdeflater::CompressionLvl::new(6).expect("a valid level"));
    let mut gz = vec![0; gzip.gzip_compress_bound(byte.len())];
    let n = gzip.gzip_compress(byte, &mut gz).ok()?;
    gz.truncate(n);
    Some(gz)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;

    #[test]
    fn copies_decompress_to_the_original_and_are_the_same_every_time() {
        let testo = "La comunicazione di irregolarità arriva dopo il controllo automatizzato. ".repeat(40);
        let copie_ = copie(testo.as_bytes(), Sforzo::Pagine);
        assert_eq!(copie_.iter().map(|(s, _)| *s).collect::<Vec<_>>(), [".br", ".gz"]);
        let mut br = Vec::new();
        brotli::BrotliDecompress(&mut copie_[0].1.as_slice(), &mut br).unwrap();
        assert_eq!(br, testo.as_bytes());
        let mut gz = Vec::new();
        flate2::read::GzDecoder::new(copie_[1].1.as_slice()).read_to_end(&mut gz).unwrap();
        assert_eq!(gz, testo.as_bytes());
        // No timestamp, no name: byte 4..8 of the gzip header (MTIME) are zero.
        assert_eq!(&copie_[1].1[4..8], &[0, 0, 0, 0]);
        assert_eq!(copie(testo.as_bytes(), Sforzo::Pagine), copie_);
    }

    #[test]
    fn small_or_incompressible_files_get_no_copy() {
        assert!(copie(b"<p>breve</p>", Sforzo::Massimo).is_empty());
        // Bytes that do not repeat (a xorshift sequence) do not compress below 90 %.
        let mut x = 0x2545F4914F6CDD1Du64;
        let casuali: Vec<u8> = (0..4096)
            .map(|_| {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                x as u8
            })
            .collect();
        assert!(copie(&casuali, Sforzo::Massimo).is_empty());
        assert!(comprimibile("a/b.wasm") && comprimibile("index.html") && !comprimibile("foto.png"));
    }
}
