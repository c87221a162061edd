//! Files signed for real, at test time, with OpenSSL (Debian's `openssl`) and a throwaway certificate: every form
//! a CAdES `.p7m` takes (DER; BER streamed in chunks; PEM; bare Base64; CAdES-BES attributes; signed again) around
//! clean files of the corpus must be admitted and say they are signed, and a signed file with active content
//! inside must be refused for that content.

use civis_richiesta::allegati::{verifica_file, File, Firma};
use std::path::{Path, PathBuf};
use std::process::Command;

fn openssl(args: &[&str]) {
    let out = Command::new("openssl")
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("openssl cannot be run ({e}): install it with: apt-get install -y openssl"));
    assert!(out.status.success(), "openssl {args:?}: {}", String::from_utf8_lossy(&out.stderr));
}

/// A key and a self-signed certificate in a fresh directory (one per test: tests run side by side).
fn chiavi(test: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("civis-firmati-{}-{test}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let (k, c) = (dir.join("k.pem"), dir.join("c.pem"));
    openssl(&[
        "req",
        "-x509",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-subj",
        "/CN=Prova",
        "-days",
        "2",
        "-keyout",
        k.to_str().unwrap(),
        "-out",
        c.to_str().unwrap(),
    ]);
    dir
}

/// `file` signed with `opzioni` (after `cms -sign`), written next to the keys; returns the envelope's bytes.
fn firma(dir: &Path, file: &Path, uscita: &str, opzioni: &[&str]) -> Vec<u8> {
    let out = dir.join(uscita);
    let (k, c) = (dir.join("k.pem"), dir.join("c.pem"));
    let mut args = vec!["cms", "-sign", "-binary", "-nodetach", "-in", file.to_str().unwrap()];
    args.extend(["-signer", c.to_str().unwrap(), "-inkey", k.to_str().unwrap(), "-out", out.to_str().unwrap()]);
    args.extend(opzioni);
    openssl(&args);
    std::fs::read(out).unwrap()
}

fn corpus(nome: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/allegati").join(nome)
}

#[test]
fn clean_files_signed_in_every_form_are_admitted_and_said_signed() {
    let dir = chiavi("puliti");
    let forme: [(&str, &[&str]); 4] = [
        ("der", &["-outform", "DER"]),
        ("ber", &["-outform", "DER", "-stream"]),
        ("pem", &["-outform", "PEM"]),
        ("cades", &["-outform", "DER", "-cades"]),
    ];
    let mut sbagliati = Vec::new();
    for originale in
        ["puliti/pdf_semplice.pdf", "puliti/docx_semplice.docx", "puliti/ods_semplice.ods", "puliti/png_semplice.png"]
    {
        let base = Path::new(originale).file_name().unwrap().to_str().unwrap();
        for (forma, opzioni) in forme {
            let nome = format!("{base}.p7m");
            let byte = firma(&dir, &corpus(originale), &format!("{forma}-{nome}"), opzioni);
            let v = verifica_file(&File { nome: &nome, byte: &byte });
            if !v.ammesso() || v.firma != Some(Firma::Cades { buste: 1 }) {
                sbagliati.push(format!("{originale} ({forma}): {:?} {:?}", v.firma, v.rilievi));
            }
        }
    }
    // Bare Base64 (no armour lines), and a file signed twice.
    let der = dir.join("der-pdf_semplice.pdf.p7m");
    let base64 = Command::new("openssl").args(["base64", "-in", der.to_str().unwrap()]).output().unwrap().stdout;
    let v = verifica_file(&File { nome: "pdf_semplice.pdf.p7m", byte: &base64 });
    if !v.ammesso() || v.firma.is_none() {
        sbagliati.push(format!("base64: {:?}", v.rilievi));
    }
    let due = firma(&dir, &der, "due.pdf.p7m.p7m", &["-outform", "DER", "-stream"]);
    let v = verifica_file(&File { nome: "pdf_semplice.pdf.p7m.p7m", byte: &due });
    if !v.ammesso() || v.firma != Some(Firma::Cades { buste: 2 }) {
        sbagliati.push(format!("signed twice: {:?} {:?}", v.firma, v.rilievi));
    }
    std::fs::remove_dir_all(&dir).unwrap();
    assert!(sbagliati.is_empty(), "{}", sbagliati.join("\n"));
}

#[test]
fn a_signature_does_not_hide_active_content() {
    let dir = chiavi("attivi");
    let byte = firma(&dir, &corpus("attivi/pdf_launch.pdf"), "launch.pdf.p7m", &["-outform", "DER", "-stream"]);
    let v = verifica_file(&File { nome: "launch.pdf.p7m", byte: &byte });
    assert!(!v.ammesso() && v.rilievi[0].testo.to_string().contains("avvia programmi"), "{v:?}");
    let byte = firma(&dir, &corpus("attivi/docx_activex.docx"), "activex.docx.p7m", &["-outform", "PEM"]);
    let v = verifica_file(&File { nome: "activex.docx.p7m", byte: &byte });
    assert!(!v.ammesso() && v.rilievi[0].testo.to_string().contains("ActiveX"), "{v:?}");
    std::fs::remove_dir_all(&dir).unwrap();
}
