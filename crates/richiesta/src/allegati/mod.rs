//! The attachments of a CIVIS request, checked before sending. The guide (seed 001 l. 237–247; seed 000 l. 7–12):
//! no attachments in a first request; in the second request (from 11 May 2026) up to 10 files of at most 20 MB
//! each, in the accepted formats, without active content ("elementi attivi, come macro o campi variabili"): one
//! bad file makes the whole request SCARTATA. The checks read each file's structure, not its name.
//!
//! Each format is parsed, not searched for words: PDF by objects ([`pdf`]), Office Open XML by content types,
//! relationships and elements ([`ooxml`]), OpenDocument by manifest, elements and attributes ([`odf`]), the
//! packages through [`pacchetto`] and [`xml`]. Every file has one [`budget`]: a file that would make us inflate,
//! nest or read more than it allows is reported as not fully checked, an error, never as clean.
//!
//! What this cannot see: viruses, and active content hidden in ways other than the PDF, Office Open XML and
//! OpenDocument structures read here.

mod budget;
mod messaggi;
mod odf;
mod ooxml;
mod pacchetto;
mod pdf;
mod xml;

use budget::Budget;
use messaggi::{difetto, incompleto, rilievi_odf, rilievi_ooxml, rilievi_pdf};
use pacchetto::Pacchetto;

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

/// A format recognised from the content.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Formato {
    /// PDF (PDF/A included).
    Pdf,
    /// TIFF image.
    Tiff,
    /// JPEG image.
    Jpeg,
    /// PNG image.
    Png,
    /// Word document (Office Open XML).
    Docx,
    /// Excel workbook (Office Open XML).
    Xlsx,
    /// Office Open XML with macros (docm, xlsm, pptm): refused.
    OfficeConMacro,
    /// Other Office Open XML (pptx…).
    AltroOffice,
    /// OpenDocument text.
    Odt,
    /// OpenDocument spreadsheet.
    Ods,
    /// Other OpenDocument.
    AltroOdf,
    /// A ZIP archive that is none of the above.
    Zip,
    /// Not recognised.
    Sconosciuto,
}

impl Formato {
    /// The extensions that fit the format.
    fn estensioni(self) -> &'static [&'static str] {
        match self {
            Formato::Pdf => &["pdf"],
            Formato::Tiff => &["tif", "tiff"],
            Formato::Jpeg => &["jpg", "jpeg"],
            Formato::Png => &["png"],
            Formato::Docx => &["docx"],
            Formato::Xlsx => &["xlsx"],
            Formato::OfficeConMacro => &["docm", "xlsm", "pptm"],
            Formato::AltroOffice => &["pptx"],
            Formato::Odt => &["odt"],
            Formato::Ods => &["ods"],
            Formato::AltroOdf => &["odp", "odg"],
            Formato::Zip => &["zip"],
            Formato::Sconosciuto => &[],
        }
    }

    /// Whether the format is accepted. The Agenzia's own list (Manuale di gestione documentale, Allegato 2, cited
    /// by the guide) is not available to us: we accept the formats of the AgID guidelines on electronic documents
    /// (Allegato 2, "Formati di file e riversamento") that suit a tax document, and refuse the rest.
    pub fn ammesso(self) -> bool {
        matches!(
            self,
            Formato::Pdf
                | Formato::Tiff
                | Formato::Jpeg
                | Formato::Png
                | Formato::Docx
                | Formato::Xlsx
                | Formato::Odt
                | Formato::Ods
        )
    }

    /// The format in words.
    pub fn nome(self) -> &'static str {
        match self {
            Formato::Pdf => "PDF",
            Formato::Tiff => "immagine TIFF",
            Formato::Jpeg => "immagine JPEG",
            Formato::Png => "immagine PNG",
            Formato::Docx => "documento Word (docx)",
            Formato::Xlsx => "foglio Excel (xlsx)",
            Formato::OfficeConMacro => "documento Office con macro",
            Formato::AltroOffice => "presentazione o altro documento Office",
            Formato::Odt => "documento OpenDocument (odt)",
            Formato::Ods => "foglio OpenDocument (ods)",
            Formato::AltroOdf => "altro documento OpenDocument",
            Formato::Zip => "archivio ZIP",
            Formato::Sconosciuto => "formato non riconosciuto",
        }
    }
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

/// The verdict on one file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verdetto {
    /// The file's name.
    pub nome: String,
    /// The format read from the content.
    pub formato: Formato,
    /// The findings.
    pub rilievi: Vec<Rilievo>,
}

impl Verdetto {
    /// Whether the file can be sent.
    pub fn ammesso(&self) -> bool {
        self.rilievi.iter().all(|r| r.gravita != Gravita::Errore)
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

fn avviso(testo: impl Into<String>) -> Rilievo {
    Rilievo { gravita: Gravita::Avviso, testo: testo.into() }
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
    (dimensione > MASSIMO_BYTE as u64).then(|| Verdetto {
        nome: nome.to_string(),
        formato: Formato::Sconosciuto,
        rilievi: vec![
            troppo_pesante(dimensione),
            avviso("Il contenuto non è stato controllato perché il file supera il limite."),
        ],
    })
}

/// The verdict on one file.
pub fn verifica_file(f: &File) -> Verdetto {
    let mut rilievi = Vec::new();
    if f.byte.len() > MASSIMO_BYTE {
        rilievi.push(troppo_pesante(f.byte.len() as u64));
    }
    let mut budget = Budget::new();
    let (formato, contenuto) = leggi(f.byte, &mut budget);
    let estensione = f.nome.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase()).unwrap_or_default();
    if formato != Formato::Sconosciuto && !formato.estensioni().contains(&estensione.as_str()) {
        rilievi.push(errore(format!(
            "Il nome finisce in «.{estensione}», ma il contenuto è un {}: un file rinominato viene scartato. Salvalo di nuovo nel formato giusto.",
            formato.nome()
        )));
    }
    if !formato.ammesso() {
        rilievi.push(errore(format!(
            "Formato non ammesso ({}). Usa PDF (meglio PDF/A), un'immagine TIFF, JPEG o PNG, o un documento docx, xlsx, odt, ods senza macro.",
            formato.nome()
        )));
    }
    rilievi.extend(contenuto);
    Verdetto { nome: f.nome.to_string(), formato, rilievi }
}

/// The format from the content, and the findings of the parser for it.
fn leggi(b: &[u8], budget: &mut Budget) -> (Formato, Vec<Rilievo>) {
    // Readers accept the PDF header anywhere in the first 1024 bytes.
    if memchr::memmem::find(&b[..b.len().min(1024)], b"%PDF-").is_some() {
        return (Formato::Pdf, rilievi_pdf(&pdf::leggi(b, budget)));
    }
    if b.starts_with(b"II*\0") || b.starts_with(b"MM\0*") {
        return (Formato::Tiff, Vec::new());
    }
    if b.starts_with(&[0xFF, 0xD8, 0xFF]) {
        return (Formato::Jpeg, Vec::new());
    }
    if b.starts_with(b"\x89PNG\r\n\x1a\n") {
        return (Formato::Png, Vec::new());
    }
    if !b.starts_with(b"PK\x03\x04") {
        return (Formato::Sconosciuto, Vec::new());
    }
    let p = match Pacchetto::apri(b) {
        Ok(p) => p,
        Err(d) => return (Formato::Zip, vec![difetto(d)]),
    };
    pacchetto(&p, budget)
}

/// A ZIP package: OpenDocument when it has a manifest or a `mimetype`, Office Open XML when it has content
/// types; both checks run when it has both (an Office file dressed as OpenDocument), and that alone is refused.
fn pacchetto(p: &Pacchetto, budget: &mut Budget) -> (Formato, Vec<Rilievo>) {
    let (odf, ooxml) = (p.ha("mimetype") || p.ha("META-INF/manifest.xml"), p.ha("[Content_Types].xml"));
    let mut r = Vec::new();
    let mut formato = Formato::Zip;
    if ooxml {
        let tipi = p.leggi("[Content_Types].xml", budget).and_then(|b| ooxml::Tipi::leggi(&b));
        match tipi {
            Some(tipi) => {
                formato = tipi.formato();
                r.extend(rilievi_ooxml(&ooxml::leggi(p, &tipi, budget)));
            }
            None => r.push(incompleto()),
        }
    }
    if odf {
        let tipo = p.leggi("mimetype", budget).map(|t| String::from_utf8_lossy(&t).trim().to_string());
        formato = match tipo.as_deref().unwrap_or_default() {
            _ if ooxml => formato,
            "application/vnd.oasis.opendocument.text" => Formato::Odt,
            "application/vnd.oasis.opendocument.spreadsheet" => Formato::Ods,
            t if t.starts_with("application/vnd.oasis.opendocument") => Formato::AltroOdf,
            _ => Formato::Zip,
        };
        r.extend(rilievi_odf(&odf::leggi(p, budget)));
    }
    if odf && ooxml {
        r.push(errore("Il file è insieme un documento Office e un documento OpenDocument: chi lo apre potrebbe leggerlo nel modo che non abbiamo controllato. Salvalo di nuovo in un solo formato, meglio PDF/A."));
    }
    if budget.esaurito && !r.contains(&incompleto()) {
        r.push(incompleto());
    }
    (formato, r)
}
