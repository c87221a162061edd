//! A fuzzing target for each parser, run as property tests: the small files of the crafted corpus
//! (`tests/allegati`: PDFs, Office and OpenDocument packages with formulas, images, signed envelopes), cut,
//! flipped and spliced, and random bytes behind each format's signature (PDF, ZIP, JPEG, PNG, TIFF, a BER
//! envelope, a Base64 one). Whatever the bytes, the checker returns a verdict with at most one message: no panic,
//! no endless loop (proptest's per-case timeout).

use civis_richiesta::allegati::{verifica_file, File};
use proptest::prelude::*;
use std::path::Path;

/// The corpus files under 64 kB (the large ones are bombs: they are judged in the corpus test).
fn semi() -> Vec<Vec<u8>> {
    let radice = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/allegati");
    let mut out = Vec::new();
    for cartella in ["attivi", "puliti"] {
        let mut files: Vec<_> = std::fs::read_dir(radice.join(cartella)).unwrap().map(|e| e.unwrap().path()).collect();
        files.sort();
        out.extend(files.iter().map(|f| std::fs::read(f).unwrap()).filter(|b| b.len() < 64 * 1024));
    }
    assert!(out.len() > 20);
    out
}

fn giudica(byte: &[u8]) {
    for nome in ["a.pdf", "a.docx", "a.odt", "a.pdf.p7m"] {
        let v = verifica_file(&File { nome, byte });
        // A verdict, when refused, says why, in one message.
        assert!(v.ammesso() || v.rilievi.len() == 1);
        assert!(v.rilievi.len() <= 1);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, timeout: 20_000, ..ProptestConfig::default() })]

    #[test]
    fn mutated_corpus_files_get_a_verdict(
        i in any::<prop::sample::Index>(),
        cambi in prop::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 0..12),
        taglio in any::<prop::sample::Index>(),
    ) {
        let semi = semi();
        let mut b = semi[i.index(semi.len())].clone();
        for (pos, byte) in cambi {
            let p = pos.index(b.len());
            b[p] = byte;
        }
        let fine = taglio.index(b.len() + 1).max(b.len() / 2);
        b.truncate(fine);
        giudica(&b);
    }

    #[test]
    fn random_bytes_behind_a_signature_get_a_verdict(
        firma in prop::sample::select(vec![
            &b"%PDF-1.7\n"[..],
            b"PK\x03\x04",
            b"\xff\xd8\xff",
            b"\x89PNG\r\n\x1a\n",
            b"II*\x00\x08\x00\x00\x00",
            b"MM\x00*\x00\x00\x00\x08",
            b"\x30\x80\x06\x09\x2a\x86\x48\x86\xf7\x0d\x01\x07\x02\xa0\x80\x30\x80",
            b"MIAGCSqGSIb3DQEHAqCAMIACAQEx",
            b"",
        ]),
        corpo in prop::collection::vec(
            prop::sample::select(b"<>[]()/%# \n0123456789objstreamendRJSAa\\\x00\xff\x80\x04\x24\x30|PK\x05\x06\x01\x02".to_vec()),
            0..4000,
        ),
    ) {
        let mut b = firma.to_vec();
        b.extend_from_slice(&corpo);
        giudica(&b);
    }
}
