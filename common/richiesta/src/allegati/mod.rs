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

/// A finding about a file, in Italian, with what to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rilievo {
    /// How serious.
    pub gravita: Gravita,
    /// What was found and how to fix it.
    pub testo: String,
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

    /// The format in words, with the signature: "PDF firmato digitalmente (CAdES, .p7m)".
    pub fn descrizione(&self) -> String {
        match self.firma {
            None => self.formato.nome().to_string(),
            Some(Firma::Pades) => format!("{} firmato digitalmente (PAdES)", self.formato.nome()),
            Some(Firma::Cades { buste: 1 }) => format!("{}, firmato digitalmente (CAdES, .p7m)", self.formato.nome()),
            Some(Firma::Cades { buste }) => {
                format!("{}, firmato digitalmente {buste} volte (CAdES, .p7m)", self.formato.nome())
            }
        }
    }

    /// The verdict on a file the browser could not read.
    pub fn illeggibile(nome: &str) -> Verdetto {
        Verdetto {
            nome: nome.to_string(),
            formato: Formato::Sconosciuto,
            firma: None,
            rilievi: vec![errore("Non riusciamo a leggere il file: sceglilo di nuovo.")],
        }
    }
}

/// The outcome for the whole set of files.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Esito {
    /// Problems with the set (too many files, attachments in a first request).
    pub generali: Vec<String>,
    /// One verdict per file.
    pub file: Vec<Verdetto>,
}

impl Esito {
    /// Whether the request can be sent with these files.
    pub fn ammesso(&self) -> bool {
        self.generali.is_empty() && self.file.iter().all(Verdetto::ammesso)
    }
}

fn errore(testo: impl Into<String>) -> Rilievo {
    Rilievo { gravita: Gravita::Errore, testo: testo.into() }
}

/// Checks the files for a request.
pub fn verifica(files: &[File], richiesta: Richiesta) -> Esito {
    Esito { generali: generali(files.len(), richiesta), file: files.iter().map(verifica_file).collect() }
}

/// The problems of the set of files as a whole (their number, attachments in a first request): what the browser
/// checks before reading the files one at a time.
pub fn generali(quanti: usize, richiesta: Richiesta) -> Vec<String> {
    let mut generali = Vec::new();
    if richiesta == Richiesta::Prima && quanti > 0 {
        generali.push(
            "Nella prima richiesta CIVIS non si allegano file. Se l'ufficio ti chiede documenti, mandali con il servizio «Consegna documenti e istanze»."
                .into(),
        );
    }
    if quanti > MASSIMO_FILE {
        generali.push(format!(
            "Puoi allegare al massimo {MASSIMO_FILE} file: ne hai scelti {quanti}. Togline {}.",
            quanti - MASSIMO_FILE
        ));
    }
    generali
}

fn troppo_pesante(dimensione: u64) -> Rilievo {
    errore(format!(
        "Il file pesa {},{} MB: il massimo è 20 MB (contiamo 20.000.000 di byte, la lettura più prudente). Riducilo, per esempio stampandolo di nuovo in PDF/A a risoluzione più bassa.",
        // Tenths of a megabyte in integers, with the Italian decimal comma (no float formatting in the module).
        dimensione.saturating_add(50_000) / 1_000_000,
        dimensione.saturating_add(50_000) / 100_000 % 10
    ))
}

/// The verdict on a file over the size limit, from its size alone: the browser need not read a file that cannot be
/// sent anyway, so a huge file never fills the memory. `None` when the size is within the limit.
pub fn oltre_il_limite(nome: &str, dimensione: u64) -> Option<Verdetto> {
    (dimensione > MASSIMO_BYTE as u64).then(|| {
        let mut r = troppo_pesante(dimensione);
        r.testo += " Il contenuto non è stato controllato perché il file supera il limite.";
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
        candidati.push(troppo_pesante(f.byte.len() as u64));
    }
    candidati.extend(l.struttura);
    if !l.formato.ammesso() {
        candidati.push(errore(format!(
            "Formato non ammesso ({}). Usa PDF (meglio PDF/A), un'immagine TIFF, JPEG o PNG, o un documento docx, xlsx, odt, ods senza macro; anche firmati digitalmente (.p7m).",
            l.formato.nome()
        )));
    }
    candidati.extend(contenuto::nome_giusto(f.nome, l.formato, l.firma));
    candidati.extend(l.rilievi);
    let scelto = candidati.iter().find(|r| r.gravita == Gravita::Errore).or(candidati.first()).cloned();
    Verdetto { nome: f.nome.to_string(), formato: l.formato, firma: l.firma, rilievi: scelto.into_iter().collect() }
}
