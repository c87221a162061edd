//! The findings of the parsers in words: what was found and how to fix it, one message ([`R`]) per kind.

use super::pacchetto::Difetto;
use super::{errore, odf, ooxml, pdf, Gravita, Rilievo};
use crate::parole::R;

pub(super) fn difetto(d: Difetto) -> Rilievo {
    errore(match d {
        Difetto::Danneggiato => R::Danneggiato,
        Difetto::Sovrapposto => R::Sovrapposto,
        Difetto::TroppeVoci => R::TroppeVoci,
    })
}

/// The findings, followed by "not fully checked" when the parser did not read the whole file: what was found is
/// the surer message, and the fix it asks for (saving again) reads the file anew anyway.
fn con_incompleto(incompleto_: bool, mut r: Vec<Rilievo>) -> Vec<Rilievo> {
    if incompleto_ {
        r.insert(r.iter().position(|r| r.gravita != Gravita::Errore).unwrap_or(r.len()), incompleto());
    }
    r
}

pub(super) fn incompleto() -> Rilievo {
    errore(R::Incompleto)
}

/// The findings that are true, with their messages, in the order given (the most serious first).
fn messaggi(coppie: &[(bool, Gravita, R)]) -> Vec<Rilievo> {
    coppie
        .iter()
        .filter(|(si, _, _)| *si)
        .map(|&(_, gravita, testo)| Rilievo { gravita, testo: testo.into() })
        .collect()
}

pub(super) fn rilievi_pdf(p: &pdf::Reperti) -> Vec<Rilievo> {
    use Gravita::{Avviso, Errore};
    if p.cifrato {
        return messaggi(&[(true, Errore, R::PdfCifrato)]);
    }
    let r = messaggi(&[
        (p.javascript, Errore, R::PdfJavascript),
        (p.avvio_programmi, Errore, R::PdfAvvioProgrammi),
        (p.azioni_esterne, Errore, R::PdfAzioniEsterne),
        (p.azione_apertura, Errore, R::PdfAzioneApertura),
        (p.azioni_automatiche, Errore, R::PdfAzioniAutomatiche),
        (p.file_incorporati, Errore, R::PdfFileIncorporati),
        (p.moduli, Errore, R::PdfModuli),
        (p.multimedia, Errore, R::PdfMultimedia),
        (p.f24, Avviso, R::PdfF24),
        (p.dichiarazione, Avviso, R::PdfDichiarazione),
        (p.link, Avviso, R::PdfLink),
    ]);
    con_incompleto(p.incompleto, r)
}

pub(super) fn rilievi_ooxml(o: &ooxml::Reperti) -> Vec<Rilievo> {
    use Gravita::{Avviso, Errore};
    let r = messaggi(&[
        (o.macro_vba, Errore, R::OfficeMacro),
        (o.macro_excel4, Errore, R::OfficeMacroExcel4),
        (o.activex, Errore, R::OfficeActivex),
        (o.risorse_esterne, Errore, R::OfficeRisorseEsterne),
        (o.oggetti_incorporati, Errore, R::OfficeOggetti),
        (o.collegamenti, Errore, R::OfficeCollegamenti),
        (o.contenuti_importati, Errore, R::OfficeImportati),
        (o.formule_attive, Errore, R::FormuleAttive),
        (o.campi, Errore, R::OfficeCampi),
        (o.link, Avviso, R::DocumentoLink),
    ]);
    con_incompleto(o.incompleto, r)
}

pub(super) fn rilievi_odf(o: &odf::Reperti) -> Vec<Rilievo> {
    use Gravita::{Avviso, Errore};
    let r = messaggi(&[
        (o.macro_, Errore, R::OdfMacro),
        (o.eventi, Errore, R::OdfEventi),
        (o.dde, Errore, R::OdfDde),
        (o.formule_attive, Errore, R::FormuleAttive),
        (o.risorse_esterne, Errore, R::OdfRisorseEsterne),
        (o.oggetti_incorporati, Errore, R::OdfOggetti),
        (o.link, Avviso, R::DocumentoLink),
    ]);
    con_incompleto(o.incompleto, r)
}
