//! What a file is, from its bytes: a signed envelope (opened, its document judged in turn), a PDF, an image, a
//! ZIP package; and whether it is two of these at once. A polyglot shows one content to the program its name
//! opens and another to a different reader (a PNG with a Word document appended opens as a picture, and as a
//! document to any ZIP reader): each reader may see active content the other hides, so such a file is refused.

use super::budget::Budget;
use super::firma::{self, Busta};
use super::immagini::{self, Struttura};
use super::messaggi::{difetto, incompleto, rilievi_odf, rilievi_ooxml, rilievi_pdf};
use super::pacchetto::Pacchetto;
use super::{errore, odf, ooxml, pdf, Firma, Formato, Rilievo};
use crate::parole::{Messaggio, R};

/// Envelopes opened one inside the other (a document signed by three people in turn has three).
const BUSTE: usize = 4;

/// What reading the bytes found.
pub(super) struct Lettura {
    pub(super) formato: Formato,
    pub(super) firma: Option<Firma>,
    /// Findings about the file as a whole (damaged, two formats, an envelope that does not open): they come first.
    pub(super) struttura: Vec<Rilievo>,
    /// Findings about the content, the most serious first.
    pub(super) rilievi: Vec<Rilievo>,
}

impl Lettura {
    fn di(formato: Formato) -> Lettura {
        Lettura { formato, firma: None, struttura: Vec::new(), rilievi: Vec::new() }
    }

    fn con_struttura(mut self, r: Rilievo) -> Lettura {
        self.struttura.push(r);
        self
    }
}

fn poliglotta() -> Rilievo {
    errore(R::Poliglotta)
}

/// Reads `b`; `livello` counts the envelopes already opened.
pub(super) fn leggi(b: &[u8], budget: &mut Budget, livello: usize) -> Lettura {
    if let Some(busta) = firma::apri(b, budget) {
        return busta_firmata(busta, budget, livello);
    }
    // Readers accept the PDF header anywhere in the first 1024 bytes.
    let pdf_in_testa = memchr::memmem::find(&b[..b.len().min(1024)], b"%PDF-").is_some();
    let zip_in_testa = b.starts_with(b"PK\x03\x04");
    let immagine_in_testa =
        [&b"II*\0"[..], b"MM\0*", b"\xFF\xD8\xFF", b"\x89PNG\r\n\x1a\n"].iter().any(|s| b.starts_with(s));
    if pdf_in_testa && (zip_in_testa || immagine_in_testa) {
        return Lettura::di(Formato::Pdf).con_struttura(poliglotta());
    }
    if pdf_in_testa {
        let reperti = pdf::leggi(b, budget);
        let mut l = Lettura::di(Formato::Pdf);
        l.firma = reperti.firmato.then_some(Firma::Pades);
        l.rilievi = rilievi_pdf(&reperti);
        if Pacchetto::nascosto(b) {
            l.struttura.push(poliglotta());
        }
        return l;
    }
    if zip_in_testa {
        let mut l = match Pacchetto::apri(b) {
            Ok(p) => pacchetto(&p, budget),
            Err(d) => Lettura::di(Formato::Zip).con_struttura(difetto(d)),
        };
        if pdf_nascosto(b) {
            l.struttura.insert(0, poliglotta());
        }
        return l;
    }
    let (formato, struttura) = if b.starts_with(b"II*\0") || b.starts_with(b"MM\0*") {
        (Formato::Tiff, immagini::tiff(b))
    } else if b.starts_with(&[0xFF, 0xD8, 0xFF]) {
        (Formato::Jpeg, immagini::jpeg(b))
    } else if b.starts_with(b"\x89PNG\r\n\x1a\n") {
        (Formato::Png, immagini::png(b))
    } else {
        return Lettura::di(Formato::Sconosciuto);
    };
    let l = Lettura::di(formato);
    if Pacchetto::nascosto(b) || pdf_nascosto(b) {
        return l.con_struttura(poliglotta());
    }
    match struttura {
        Struttura::Integra => l,
        Struttura::Danneggiata => l.con_struttura(errore(R::ImmagineDanneggiata)),
        Struttura::DatiInCoda => l.con_struttura(errore(R::ImmagineDatiInCoda)),
    }
}

/// A PDF inside a file that is not one: its header followed by an object, which a PDF reader would open (qpdf
/// and pdf.js find objects without a header at the start).
fn pdf_nascosto(b: &[u8]) -> bool {
    memchr::memmem::find(b, b"%PDF-").is_some_and(|i| memchr::memmem::find(&b[i..], b" obj").is_some())
}

/// The document in an envelope, judged as any file, the envelope counted.
fn busta_firmata(busta: Busta, budget: &mut Budget, livello: usize) -> Lettura {
    let cades = |buste| Some(Firma::Cades { buste });
    let mut l = match busta {
        Busta::Documento(d) if livello + 1 < BUSTE => {
            let mut l = leggi(&d, budget, livello + 1);
            l.firma = match l.firma {
                Some(Firma::Cades { buste }) => cades(buste + 1),
                _ => cades(1),
            };
            return l;
        }
        Busta::Documento(_) => {
            Lettura::di(Formato::Sconosciuto).con_struttura(errore(Messaggio::from(R::TroppeBuste).con("buste", BUSTE)))
        }
        Busta::Staccata => Lettura::di(Formato::Sconosciuto).con_struttura(errore(R::BustaStaccata)),
        Busta::Illeggibile => Lettura::di(Formato::Sconosciuto).con_struttura(errore(R::BustaIlleggibile)),
    };
    l.firma = cades(1);
    l
}

/// A ZIP package: OpenDocument when it has a manifest or a `mimetype`, Office Open XML when it has content
/// types; both checks run when it has both (an Office file dressed as OpenDocument), and that alone is refused.
fn pacchetto(p: &Pacchetto, budget: &mut Budget) -> Lettura {
    let (odf, ooxml) = (p.ha("mimetype") || p.ha("META-INF/manifest.xml"), p.ha("[Content_Types].xml"));
    let mut l = Lettura::di(Formato::Zip);
    if ooxml {
        let tipi = p.leggi("[Content_Types].xml", budget).and_then(|b| ooxml::Tipi::leggi(&b));
        match tipi {
            Some(tipi) => {
                l.formato = tipi.formato();
                l.rilievi.extend(rilievi_ooxml(&ooxml::leggi(p, &tipi, budget)));
            }
            None => l.rilievi.push(incompleto()),
        }
    }
    if odf {
        let tipo = p.leggi("mimetype", budget).map(|t| String::from_utf8_lossy(&t).trim().to_string());
        l.formato = match tipo.as_deref().unwrap_or_default() {
            _ if ooxml => l.formato,
            "application/vnd.oasis.opendocument.text" => Formato::Odt,
            "application/vnd.oasis.opendocument.spreadsheet" => Formato::Ods,
            t if t.starts_with("application/vnd.oasis.opendocument") => Formato::AltroOdf,
            _ => Formato::Zip,
        };
        l.rilievi.extend(rilievi_odf(&odf::leggi(p, budget)));
    }
    if odf && ooxml {
        l.rilievi.push(errore(R::OfficeEOdf));
    }
    if budget.esaurito && !l.rilievi.contains(&incompleto()) {
        l.rilievi.push(incompleto());
    }
    l
}

/// The error when the name does not say what the content is: the extension must be the format's, followed by one
/// `.p7m` per envelope. Said as a fact and a fix, without guessing how it happened.
pub(super) fn nome_giusto(nome: &str, formato: Formato, firma: Option<Firma>) -> Option<Rilievo> {
    if formato == Formato::Sconosciuto {
        return None;
    }
    let minuscolo = nome.to_ascii_lowercase();
    let buste = match firma {
        Some(Firma::Cades { buste }) => buste,
        _ => 0,
    };
    let mut base = minuscolo.as_str();
    let mut buste_nel_nome = 0;
    while buste_nel_nome < buste {
        match base.strip_suffix(".p7m") {
            Some(b) => base = b,
            None => break,
        }
        buste_nel_nome += 1;
    }
    let estensione = base.rsplit_once('.').map(|(_, e)| e).unwrap_or_default();
    let attesa = formato.estensioni()[0];
    let giusto = formato.estensioni().contains(&estensione) && buste_nel_nome == buste;
    if giusto {
        return None;
    }
    let (cosa, suffisso) = match buste {
        0 => (R::NomeFormato, String::new()),
        n => (R::NomeFormatoFirmato, ".p7m".repeat(n)),
    };
    let mut radice = minuscolo.as_str();
    while let Some(r) = radice.strip_suffix(".p7m") {
        radice = r;
    }
    let radice = radice.rsplit_once('.').map_or(radice, |(r, _)| r);
    let nome_atteso = format!("{radice}.{attesa}{suffisso}");
    let cosa = Messaggio::from(cosa).con_parola("formato", formato.con_articolo());
    let m = Messaggio::from(R::NomeSbagliato).con_frase("cosa", cosa).con("nome", nome).con("atteso", nome_atteso);
    Some(errore(m))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_name_must_say_the_format_and_each_envelope() {
        let cades = |buste| Some(Firma::Cades { buste });
        assert!(nome_giusto("Ricevuta.PDF", Formato::Pdf, None).is_none());
        assert!(nome_giusto("ricevuta.pdf.p7m", Formato::Pdf, cades(1)).is_none());
        assert!(nome_giusto("ricevuta.pdf.P7M.p7m", Formato::Pdf, cades(2)).is_none());
        let e = nome_giusto("ricevuta.p7m", Formato::Pdf, cades(1)).unwrap().testo.to_string();
        assert!(e.contains("«ricevuta.pdf.p7m»"), "{e}");
        let e = nome_giusto("ricevuta.pdf", Formato::Docx, None).unwrap().testo.to_string();
        assert!(e.contains("documento Word") && e.contains("«ricevuta.docx»") && !e.contains("rinomin"), "{e}");
        let e = nome_giusto("ricevuta.pdf.p7m", Formato::Pdf, None).unwrap().testo.to_string();
        assert!(e.contains("«ricevuta.pdf»"), "an envelope named but not there: {e}");
    }
}
