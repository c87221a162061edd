//! The attachments of a CIVIS request, checked before sending. The guide (seed 001 l. 237–247; seed 000 l. 7–12):
//! no attachments in a first request; in the second request (from 11 May 2026) up to 10 files of at most 20 MB
//! each, in the accepted formats, without active content ("elementi attivi, come macro o campi variabili"): one
//! bad file makes the whole request SCARTATA. The checks read each file's structure, not its name.
//!
//! Each format is parsed, not searched for words: PDF by objects (`pdf`), Office Open XML by content types,
//! relationships, elements and formulas (`ooxml`), OpenDocument by manifest, elements, attributes and formulas
//! (`odf`), the packages through `pacchetto` and `xml`, images by their structure (`immagini`), signed
//! files by opening their envelope (`firma`); `contenuto` tells them apart and finds files that are two
//! formats at once. Every file has one `budget`: a file that would make us inflate, nest or read more than it
//! allows is reported as not fully checked, an error, never as clean.
//!
//! One message per file: the most serious finding, with what to do. Fixing it (printing again in PDF/A, saving
//! again) removes the others too.
//!
//! What this cannot see: viruses, and active content hidden in ways other than the structures read here.

mod budget;
mod contenuto;
mod firma;
mod formato;
mod formula;
mod immagini;
mod messaggi;
mod odf;
mod ooxml;
mod pacchetto;
mod pdf;
mod xml;

pub use formato::Formato;

use crate::parole::{Messaggio, R};

/// At most this many files in a second request.
pub const MASSIMO_FILE: usize = 10;
/// At most this many bytes a file. "20 MB" read prudently: 20,000,000 bytes, less than 20 MiB (20,971,520).
pub const MASSIMO_BYTE: usize = 20_000_000;

/// Which request the files are for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Richiesta {
    /// The first request: no attachments.
    Prima,
    /// The second request, from 11 May 2026.
    Seconda,
}

/// A file as the person chose it.
#[derive(Debug, Clone, Copy)]
pub struct File<'a> {
    /// Its name (only the extension is read).
    pub nome: &'a str,
    /// Its bytes.
    pub byte: &'a [u8],
}

/// How serious a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gravita {
    /// The request would be refused: the file must be fixed or left out.
    Errore,
    /// Worth knowing; the file can be sent.
    Avviso,
}

/// A finding about a file, with what to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rilievo {
    /// How serious.
    pub gravita: Gravita,
    /// What was found and how to fix it.
    pub testo: Messaggio,
}

/// A digital signature found on a file. Recognised, not verified: a browser has no list of trusted certificates.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Firma {
    /// CAdES: the document inside one or more `.p7m` envelopes.
    Cades {
        /// How many envelopes, one inside the other (a file signed twice has two).
        buste: usize,
    },
    /// PAdES: a PDF that carries its signature inside.
    Pades,
}

/// The verdict on one file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verdetto {
    /// The file's name.
    pub nome: String,
    /// The format read from the content (for a signed `.p7m`, the format of the document inside).
    pub formato: Formato,
    /// The signature, when the file is signed.
    pub firma: Option<Firma>,
    /// At most one finding: the most serious, an error when there is one.
    pub rilievi: Vec<Rilievo>,
}

impl Verdetto {
    /// Whether the file can be sent.
    pub fn ammesso(&self) -> bool {
        self.rilievi.iter().all(|r| r.gravita != Gravita::Errore)
    }

    /// The format in words, with the signature: "PDF, firmato digitalmente (CAdES, .p7m)".
    pub fn descrizione(&self) -> Messaggio {
        let (frase, buste) = match self.firma {
            None => return self.formato.nome().into(),
            Some(Firma::Pades) => (R::FirmatoPades, 0),
            Some(Firma::Cades { buste: 1 }) => (R::FirmatoCades, 1),
            Some(Firma::Cades { buste }) => (R::FirmatoCadesVolte, buste),
        };
        Messaggio::from(frase).con_parola("formato", self.formato.nome()).con("buste", buste)
    }

    /// The verdict on a file the browser could not read.
    pub fn illeggibile(nome: &str) -> Verdetto {
        Verdetto {
            nome: nome.to_string(),
            formato: Formato::Sconosciuto,
            firma: None,
            rilievi: vec![errore(R::Illeggibile)],
        }
    }
}

/// The outcome for the whole set of files.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Esito {
    /// Problems with the set (too many files, attachments in a first request).
    pub generali: Vec<Messaggio>,
    /// One verdict per file.
    pub file: Vec<Verdetto>,
}

impl Esito {
    /// Whether the request can be sent with these files.
    pub fn ammesso(&self) -> bool {
        self.generali.is_empty() && self.file.iter().all(Verdetto::ammesso)
    }
}

fn errore(testo: impl Into<Messaggio>) -> Rilievo {
    Rilievo { gravita: Gravita::Errore, testo: testo.into() }
}

/// Checks the files for a request.
pub fn verifica(files: &[File], richiesta: Richiesta) -> Esito {
    Esito { generali: generali(files.len(), richiesta), file: files.iter().map(verifica_file).collect() }
}

/// The problems of the set of files as a whole (their number, attachments in a first request): what the browser
/// checks before reading the files one at a time.
pub fn generali(quanti: usize, richiesta: Richiesta) -> Vec<Messaggio> {
    let mut generali = Vec::new();
    if richiesta == Richiesta::Prima && quanti > 0 {
        generali.push(R::AllegatiNellaPrima.into());
    }
    if quanti > MASSIMO_FILE {
        let m = Messaggio::from(R::TroppiFile).con("massimo", MASSIMO_FILE).con("quanti", quanti);
        generali.push(m.con("troppi", quanti - MASSIMO_FILE));
    }
    generali
}

/// A file over the limit (`frase` says whether its content was read), with its size in megabytes.
fn troppo_pesante(frase: R, dimensione: u64) -> Rilievo {
    // Tenths of a megabyte in integers, with the Italian decimal comma (no float formatting in the module).
    let (mb, decimi) =
        (dimensione.saturating_add(50_000) / 1_000_000, dimensione.saturating_add(50_000) / 100_000 % 10);
    errore(Messaggio::from(frase).con("mb", format!("{mb},{decimi}")))
}

/// The verdict on a file over the size limit, from its size alone: the browser need not read a file that cannot be
/// sent anyway, so a huge file never fills the memory. `None` when the size is within the limit.
pub fn oltre_il_limite(nome: &str, dimensione: u64) -> Option<Verdetto> {
    (dimensione > MASSIMO_BYTE as u64).then(|| {
        let r = troppo_pesante(R::OltreIlLimite, dimensione);
        Verdetto { nome: nome.to_string(), formato: Formato::Sconosciuto, firma: None, rilievi: vec![r] }
    })
}

/// The verdict on one file: its one message is the first error of, in order, the size, the structure (damaged,
/// two formats at once, an envelope that does not open), the format, the name, the content; or, when there is no
/// error, the first warning.
pub fn verifica_file(f: &File) -> Verdetto {
    let mut budget = budget::Budget::new();
    let l = contenuto::leggi(f.byte, &mut budget, 0);
    let mut candidati = Vec::new();
    if f.byte.len() > MASSIMO_BYTE {
        candidati.push(troppo_pesante(R::TroppoPesante, f.byte.len() as u64));
    }
    candidati.extend(l.struttura);
    if !l.formato.ammesso() {
        candidati.push(errore(Messaggio::from(R::FormatoNonAmmesso).con_parola("formato", l.formato.nome())));
    }
    candidati.extend(contenuto::nome_giusto(f.nome, l.formato, l.firma));
    candidati.extend(l.rilievi);
    let scelto = candidati.iter().find(|r| r.gravita == Gravita::Errore).or(candidati.first()).cloned();
    Verdetto { nome: f.nome.to_string(), formato: l.formato, firma: l.firma, rilievi: scelto.into_iter().collect() }
}
