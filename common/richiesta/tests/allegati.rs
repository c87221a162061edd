//! The attachment checks on a fixture corpus generated here (no binary copied from elsewhere): PDFs written by
//! hand, clean and with active content (also hidden in a compressed object stream, with `#xx`-escaped names),
//! encrypted; Office Open XML and OpenDocument files zipped here, clean and with macros or field codes; a renamed
//! file; eleven files; a 21 MB file.

use civis_richiesta::allegati::{
    oltre_il_limite, verifica, verifica_file, File, Formato, Gravita, Richiesta, MASSIMO_BYTE,
};
use std::io::Write;

fn pdf(corpo: &str) -> Vec<u8> {
    format!("%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R {corpo} >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n").into_bytes()
}

/// A PDF whose catalog's /OpenAction is a JavaScript action kept in a compressed object stream, its names escaped.
fn pdf_con_flusso_nascosto() -> Vec<u8> {
    let dentro = b"3 0 << /S /J#61vaScript /J#53 (app.alert(1)) >>";
    let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
    z.write_all(dentro).unwrap();
    let compresso = z.finish().unwrap();
    let mut b = b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog /OpenAction 3 0 R >>\nendobj\n4 0 obj\n<< /Type /ObjStm /N 1 /First 4 /Filter /Fl#61teDecode /Length ".to_vec();
    b.extend_from_slice(format!("{} >>\nstream\n", compresso.len()).as_bytes());
    b.extend_from_slice(&compresso);
    b.extend_from_slice(b"\nendstream\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n");
    b
}

fn zip(parti: &[(&str, &str)]) -> Vec<u8> {
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let opzioni = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    for (nome, testo) in parti {
        w.start_file(*nome, opzioni).unwrap();
        w.write_all(testo.as_bytes()).unwrap();
    }
    w.finish().unwrap().into_inner()
}

const TIPI_DOCX: &str = r#"<Types><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>"#;

fn docx(documento: &str) -> Vec<u8> {
    zip(&[("[Content_Types].xml", TIPI_DOCX), ("word/document.xml", documento)])
}

fn errori(nome: &str, byte: &[u8]) -> Vec<String> {
    verifica_file(&File { nome, byte })
        .rilievi
        .into_iter()
        .filter(|r| r.gravita == Gravita::Errore)
        .map(|r| r.testo.to_string())
        .collect()
}

#[test]
fn a_clean_pdf_passes() {
    let v = verifica_file(&File { nome: "ricevuta.pdf", byte: &pdf("") });
    assert_eq!(v.formato, Formato::Pdf);
    assert!(v.ammesso(), "{v:?}");
}

#[test]
fn pdf_active_content_is_found() {
    assert!(errori("a.pdf", &pdf("/Names << /JavaScript 5 0 R >>")).iter().any(|e| e.contains("JavaScript")));
    assert!(errori("a.pdf", &pdf("/AcroForm << /Fields [<< /FT /Tx /T (nome) >>] >>"))
        .iter()
        .any(|e| e.contains("campi variabili")));
    assert!(errori("a.pdf", &pdf("/Encrypt 9 0 R")).iter().any(|e| e.contains("cifrato")));
    assert!(errori("a.pdf", &pdf("/OpenAction << /S /Launch /F (x.exe) >>"))
        .iter()
        .any(|e| e.contains("avvia programmi")));
    assert!(errori("a.pdf", &pdf("/Names << /EmbeddedFiles << /Names [(a) << /Type /EmbeddedFile >>] >> >>"))
        .iter()
        .any(|e| e.contains("altri file")));
    assert!(
        errori("a.pdf", &pdf("/OpenAction [3 0 R /Fit]")).is_empty(),
        "an /OpenAction that only opens a page is fine"
    );
}

#[test]
fn javascript_hidden_in_a_compressed_object_stream_is_found() {
    let e = errori("a.pdf", &pdf_con_flusso_nascosto());
    assert!(e.iter().any(|e| e.contains("JavaScript")), "{e:?}");
}

#[test]
fn office_and_opendocument_active_content_is_found() {
    assert!(verifica_file(&File { nome: "lettera.docx", byte: &docx("<w:document><w:p>Testo</w:p></w:document>") })
        .ammesso());
    let docm = zip(&[
        (
            "[Content_Types].xml",
            r#"<Types><Override PartName="/word/document.xml" ContentType="application/vnd.ms-word.document.macroEnabled.main+xml"/></Types>"#,
        ),
        ("word/document.xml", "<w:document/>"),
        ("word/vbaProject.bin", "macro"),
    ]);
    let v = verifica_file(&File { nome: "lettera.docm", byte: &docm });
    assert_eq!(v.formato, Formato::OfficeConMacro);
    assert!(v.rilievi.iter().any(|r| r.testo.to_string().contains("macro")), "{v:?}");
    assert!(errori("lettera.docx", &docx(r#"<w:document><w:fldSimple w:instr="DATE"/></w:document>"#))
        .iter()
        .any(|e| e.contains("campi variabili")));
    let odt = zip(&[
        ("mimetype", "application/vnd.oasis.opendocument.text"),
        ("content.xml", "<office:document-content/>"),
        ("Basic/Standard/Module1.xml", "Sub Main"),
    ]);
    let v = verifica_file(&File { nome: "lettera.odt", byte: &odt });
    assert_eq!(v.formato, Formato::Odt);
    assert!(v.rilievi.iter().any(|r| r.testo.to_string().contains("macro")), "{v:?}");
}

#[test]
fn a_renamed_file_is_found_by_its_content() {
    let e = errori("ricevuta.pdf", &docx("<w:document/>"));
    assert!(e.iter().any(|e| e.contains("«ricevuta.pdf»") && e.contains("Word")), "{e:?}");
}

#[test]
fn count_size_and_first_request() {
    let p = pdf("");
    let undici: Vec<File> = (0..11).map(|_| File { nome: "a.pdf", byte: &p }).collect();
    let esito = verifica(&undici, Richiesta::Seconda);
    assert!(!esito.ammesso() && esito.generali[0].to_string().contains("al massimo 10"), "{:?}", esito.generali);
    assert!(verifica(&undici[..10], Richiesta::Seconda).ammesso());
    let mut grande = pdf("");
    grande.resize(21_000_000, b' ');
    assert!(errori("grande.pdf", &grande).iter().any(|e| e.contains("21,0 MB") && e.contains("20 MB")));
    let mut al_limite = pdf("");
    al_limite.resize(MASSIMO_BYTE, b' ');
    assert!(errori("giusto.pdf", &al_limite).is_empty(), "exactly 20,000,000 bytes is allowed");
    // The browser judges an oversized file by its size alone, without reading it.
    let v = oltre_il_limite("grande.pdf", 21_000_000).expect("over the limit");
    assert!(!v.ammesso() && v.rilievi[0].testo.to_string().contains("21,0 MB"), "{v:?}");
    assert!(oltre_il_limite("giusto.pdf", MASSIMO_BYTE as u64).is_none());
    assert!(verifica(&undici[..1], Richiesta::Prima).generali[0].to_string().contains("Consegna documenti e istanze"));
}

#[test]
fn an_f24_receipt_is_flagged_but_allowed() {
    let v = verifica_file(&File { nome: "f24.pdf", byte: &pdf("/Title (MODELLO F24 - DELEGA IRREVOCABILE)") });
    assert!(
        v.ammesso() && v.rilievi.iter().any(|r| r.gravita == Gravita::Avviso && r.testo.to_string().contains("F24")),
        "{v:?}"
    );
}
