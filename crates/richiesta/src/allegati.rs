//! The attachments of a CIVIS request, checked before sending. The guide (seed 001 l. 237–247; seed 000 l. 7–12):
//! no attachments in a first request; in the second request (from 11 May 2026) up to 10 files of at most 20 MB
//! each, in the accepted formats, without active content ("elementi attivi, come macro o campi variabili"): one
//! bad file makes the whole request SCARTATA. The checks read each file's structure, not its name.
//!
//! What this cannot see: viruses, and active content hidden in ways other than the PDF, Office Open XML and
//! OpenDocument structures read here.

use std::io::Read;

/// At most this many files in a second request.
pub const MASSIMO_FILE: usize = 10;
/// At most this many bytes a file. "20 MB" read prudently: 20,000,000 bytes, less than 20 MiB (20,971,520).
pub const MASSIMO_BYTE: usize = 20_000_000;
/// Decompressed PDF streams are read up to this many bytes each, and this many in all, so that a crafted file
/// (a "compression bomb") cannot fill the memory.
const MASSIMO_FLUSSO: u64 = 64 * 1024 * 1024;
const MASSIMO_DECOMPRESSO: usize = 256 * 1024 * 1024;

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
        "Il file pesa {:.1} MB: il massimo è 20 MB (contiamo 20.000.000 di byte, la lettura più prudente). Riducilo, per esempio stampandolo di nuovo in PDF/A a risoluzione più bassa.",
        dimensione as f64 / 1e6
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
    let formato = formato(f.byte);
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
    match formato {
        Formato::Pdf => rilievi.extend(pdf(f.byte)),
        Formato::Docx | Formato::Xlsx | Formato::OfficeConMacro | Formato::AltroOffice => {
            rilievi.extend(office(f.byte))
        }
        Formato::Odt | Formato::Ods | Formato::AltroOdf => rilievi.extend(odf(f.byte)),
        _ => {}
    }
    Verdetto { nome: f.nome.to_string(), formato, rilievi }
}

/// The format from the first bytes (and, for ZIP files, from their parts).
fn formato(b: &[u8]) -> Formato {
    if b.starts_with(b"%PDF-") {
        return Formato::Pdf;
    }
    if b.starts_with(b"II*\0") || b.starts_with(b"MM\0*") {
        return Formato::Tiff;
    }
    if b.starts_with(&[0xFF, 0xD8, 0xFF]) {
        return Formato::Jpeg;
    }
    if b.starts_with(b"\x89PNG\r\n\x1a\n") {
        return Formato::Png;
    }
    if !b.starts_with(b"PK\x03\x04") {
        return Formato::Sconosciuto;
    }
    let Ok(mut zip) = zip::ZipArchive::new(std::io::Cursor::new(b)) else { return Formato::Sconosciuto };
    if let Some(tipo) = leggi(&mut zip, "mimetype") {
        return match tipo.trim() {
            "application/vnd.oasis.opendocument.text" => Formato::Odt,
            "application/vnd.oasis.opendocument.spreadsheet" => Formato::Ods,
            t if t.starts_with("application/vnd.oasis.opendocument") => Formato::AltroOdf,
            _ => Formato::Zip,
        };
    }
    match leggi(&mut zip, "[Content_Types].xml") {
        Some(t) if t.contains("macroEnabled") => Formato::OfficeConMacro,
        Some(t) if t.contains("wordprocessingml.document.main") => Formato::Docx,
        Some(t) if t.contains("spreadsheetml.sheet.main") => Formato::Xlsx,
        Some(_) => Formato::AltroOffice,
        None => Formato::Zip,
    }
}

/// A part of a ZIP file as text (at most 64 MB), when it exists.
fn leggi<R: std::io::Read + std::io::Seek>(zip: &mut zip::ZipArchive<R>, nome: &str) -> Option<String> {
    let parte = zip.by_name(nome).ok()?;
    let mut testo = String::new();
    parte.take(MASSIMO_FLUSSO).read_to_string(&mut testo).ok()?;
    Some(testo)
}

/// The names (`/Name`) of a PDF text, with `#xx` escapes decoded (`/J#61vaScript` is `/JavaScript`).
fn nomi(testo: &[u8]) -> Vec<String> {
    let regolare = |c: u8| !c.is_ascii_whitespace() && !b"()<>[]{}/%".contains(&c);
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(barra) = memchr::memchr(b'/', &testo[i..]) {
        i += barra;
        let inizio = i + 1;
        let mut j = inizio;
        while j < testo.len() && regolare(testo[j]) {
            j += 1;
        }
        let grezzo = &testo[inizio..j];
        let mut nome = Vec::with_capacity(grezzo.len());
        let mut k = 0;
        while k < grezzo.len() {
            let esadecimale = |x: &[u8]| std::str::from_utf8(x).ok().and_then(|s| u8::from_str_radix(s, 16).ok());
            match (grezzo[k], grezzo.get(k + 1..k + 3).and_then(esadecimale)) {
                (b'#', Some(v)) => {
                    nome.push(v);
                    k += 3;
                }
                (c, _) => {
                    nome.push(c);
                    k += 1;
                }
            }
        }
        out.push(String::from_utf8_lossy(&nome).into_owned());
        i = j.max(i + 1);
    }
    out
}

/// The parts of a PDF outside its streams (as ranges), the decompressed contents of its FlateDecode streams
/// (object streams included), and whether all of them could be read within the bounds.
fn flussi(b: &[u8]) -> (Vec<(usize, usize)>, Vec<Vec<u8>>, bool) {
    let mut out = Vec::new();
    let mut fuori = Vec::new();
    let mut fuori_da = 0;
    let mut da = 0;
    while let Some(pos) = trova(&b[da..], b"stream") {
        let inizio_parola = da + pos;
        da = inizio_parola + 6;
        if inizio_parola >= 3 && &b[inizio_parola - 3..inizio_parola] == b"end" {
            continue;
        }
        let mut inizio = da;
        if b.get(inizio) == Some(&b'\r') {
            inizio += 1;
        }
        if b.get(inizio) == Some(&b'\n') {
            inizio += 1;
        }
        let Some(fine) = trova(&b[inizio..], b"endstream").map(|f| inizio + f) else { break };
        fuori.push((fuori_da, inizio));
        fuori_da = fine;
        // The stream's dictionary: the text since the previous `obj`.
        let dizionario_da = memchr::memmem::rfind(&b[..inizio_parola], b"obj").unwrap_or(0);
        let filtri = nomi(&b[dizionario_da..inizio_parola]);
        if filtri.iter().any(|n| n == "FlateDecode") {
            if out.iter().map(Vec::len).sum::<usize>() > MASSIMO_DECOMPRESSO {
                return (fuori, out, false);
            }
            let mut decompresso = Vec::new();
            let lettore = flate2::read::ZlibDecoder::new(&b[inizio..fine]);
            if lettore.take(MASSIMO_FLUSSO).read_to_end(&mut decompresso).is_ok() || !decompresso.is_empty() {
                out.push(decompresso);
            }
        }
        da = fine + 9;
    }
    fuori.push((fuori_da, b.len()));
    (fuori, out, true)
}

fn trova(testo: &[u8], cosa: &[u8]) -> Option<usize> {
    memchr::memmem::find(testo, cosa)
}

/// Active content in a PDF, from its names (raw and inside compressed streams).
fn pdf(b: &[u8]) -> Vec<Rilievo> {
    let (fuori, contenuti, completo) = flussi(b);
    // The file's text outside its streams, then every decompressed stream: compressed bytes are never scanned.
    let testi: Vec<&[u8]> = fuori.iter().map(|&(a, z)| &b[a..z]).chain(contenuti.iter().map(Vec::as_slice)).collect();
    let tutti: Vec<String> = testi.iter().flat_map(|t| nomi(t)).collect();
    let ha = |n: &str| tutti.iter().any(|x| x == n);
    let mut r = Vec::new();
    if !completo {
        r.push(errore("Il PDF contiene più di 256 MB di dati compressi: non riusciamo a controllarlo per intero. Stampalo di nuovo in PDF/A."));
    }
    if ha("Encrypt") {
        r.push(errore("Il PDF è cifrato o protetto: non possiamo controllarne il contenuto e CIVIS potrebbe scartarlo. Togli la protezione o stampalo di nuovo in PDF/A."));
        return r;
    }
    if ha("JavaScript") || ha("JS") {
        r.push(errore("Il PDF contiene codice JavaScript, un elemento attivo. Stampalo di nuovo in PDF/A («Stampa» → «Salva come PDF»)."));
    }
    if ha("Launch") {
        r.push(errore(
            "Il PDF contiene un comando che avvia programmi, un elemento attivo. Stampalo di nuovo in PDF/A.",
        ));
    }
    if ha("AA") {
        r.push(errore("Il PDF contiene azioni automatiche (eseguite all'apertura o alla chiusura), elementi attivi. Stampalo di nuovo in PDF/A."));
    }
    if ha("EmbeddedFile") {
        r.push(errore(
            "Il PDF contiene altri file al suo interno. Allega i documenti separatamente, ciascuno come PDF.",
        ));
    }
    if ha("AcroForm") || ha("XFA") {
        r.push(errore("Il PDF contiene un modulo con campi compilabili («campi variabili»). Stampalo di nuovo in PDF/A: i campi diventano testo fisso."));
    }
    if ha("RichMedia") {
        r.push(errore("Il PDF contiene contenuti multimediali attivi. Stampalo di nuovo in PDF/A."));
    }
    // One pass over the text for the documents the Agenzia already has.
    let (mut f24, mut dichiarazione) = (false, false);
    for t in &testi {
        let maiuscolo = t.to_ascii_uppercase();
        f24 |= trova(&maiuscolo, b"DELEGA IRREVOCABILE").is_some() || trova(&maiuscolo, b"MODELLO F24").is_some();
        dichiarazione |=
            trova(&maiuscolo, b"REDDITI PERSONE FISICHE").is_some() || trova(&maiuscolo, b"MODELLO 730").is_some();
    }
    if f24 {
        r.push(avviso("Sembra la ricevuta di un modello F24: l'Agenzia ha già i pagamenti fatti con l'F24. Non allegarlo, a meno che l'ufficio non te lo chieda."));
    }
    if dichiarazione {
        r.push(avviso(
            "Sembra una dichiarazione dei redditi: l'Agenzia ha già le dichiarazioni presentate. Non allegarla.",
        ));
    }
    r
}

/// A ZIP-based document opened, with the names of its parts; a finding when it cannot be opened.
/// A package opened: the archive and its entries' names.
type Pacchetto<'a> = (zip::ZipArchive<std::io::Cursor<&'a [u8]>>, Vec<String>);

fn apri(b: &[u8]) -> Result<Pacchetto<'_>, Rilievo> {
    let zip = zip::ZipArchive::new(std::io::Cursor::new(b)).map_err(|_| {
        errore("Il file è danneggiato: non riusciamo ad aprirlo. Salvalo di nuovo o stampalo in PDF/A.")
    })?;
    let nomi = zip.file_names().map(str::to_string).collect();
    Ok((zip, nomi))
}

/// Active content in an Office Open XML file.
fn office(b: &[u8]) -> Vec<Rilievo> {
    let (mut zip, nomi) = match apri(b) {
        Ok(z) => z,
        Err(r) => return vec![r],
    };
    let mut r = Vec::new();
    let tipi = leggi(&mut zip, "[Content_Types].xml").unwrap_or_default();
    if nomi.iter().any(|n| n.ends_with("vbaProject.bin"))
        || tipi.contains("vbaProject")
        || tipi.contains("macroEnabled")
    {
        r.push(errore(
            "Il documento contiene macro, elementi attivi. Salvalo come PDF/A, o come docx/xlsx senza macro.",
        ));
    }
    if nomi.iter().any(|n| n.contains("/macrosheets/")) {
        r.push(errore("Il foglio contiene macro di Excel 4 (fogli macro), elementi attivi. Salvalo come PDF/A."));
    }
    if nomi.iter().any(|n| n.contains("/activeX/")) {
        r.push(errore("Il documento contiene controlli ActiveX, elementi attivi. Salvalo come PDF/A."));
    }
    if nomi.iter().any(|n| n.contains("/embeddings/") && n.to_ascii_lowercase().contains("oleobject")) {
        r.push(errore("Il documento contiene oggetti incorporati (OLE). Salvalo come PDF/A."));
    }
    let relazioni: Vec<String> = nomi.iter().filter(|n| n.ends_with(".rels")).cloned().collect();
    for rel in relazioni {
        let t = leggi(&mut zip, &rel).unwrap_or_default();
        if t.contains("attachedTemplate") && t.contains("TargetMode=\"External\"") {
            r.push(errore("Il documento usa un modello esterno, che si carica all'apertura. Salvalo come PDF/A."));
            break;
        }
    }
    let documento = leggi(&mut zip, "word/document.xml").unwrap_or_default();
    if documento.contains("<w:fldSimple") || documento.contains("<w:instrText") {
        r.push(errore("Il documento contiene campi che si aggiornano da soli («campi variabili», per esempio date o riferimenti). Salvalo come PDF/A: i campi diventano testo fisso."));
    }
    r
}

/// Active content in an OpenDocument file.
fn odf(b: &[u8]) -> Vec<Rilievo> {
    let (mut zip, nomi) = match apri(b) {
        Ok(z) => z,
        Err(r) => return vec![r],
    };
    let mut r = Vec::new();
    if nomi.iter().any(|n| n.starts_with("Basic/") || n.starts_with("Scripts/")) {
        r.push(errore("Il documento contiene macro (Basic o script), elementi attivi. Salvalo come PDF/A."));
    }
    let eventi = ["content.xml", "styles.xml"]
        .iter()
        .any(|p| leggi(&mut zip, p).is_some_and(|t| t.contains("script:event-listener")));
    if eventi {
        r.push(errore("Il documento avvia script al verificarsi di eventi (per esempio all'apertura), elementi attivi. Salvalo come PDF/A."));
    }
    r
}
