//! The formats recognised from a file's content, and which of them CIVIS takes.

use crate::parole::R;

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
    pub(crate) fn estensioni(self) -> &'static [&'static str] {
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

    /// The format with its article ("un'immagine JPEG"), for a sentence that says what a file is.
    pub fn con_articolo(self) -> R {
        match self {
            Formato::Pdf => R::UnPdf,
            Formato::Tiff => R::UnTiff,
            Formato::Jpeg => R::UnJpeg,
            Formato::Png => R::UnPng,
            Formato::Docx => R::UnDocx,
            Formato::Xlsx => R::UnXlsx,
            Formato::OfficeConMacro => R::UnOfficeMacro,
            Formato::AltroOffice => R::UnAltroOffice,
            Formato::Odt => R::UnOdt,
            Formato::Ods => R::UnOds,
            Formato::AltroOdf => R::UnAltroOdf,
            Formato::Zip => R::UnZip,
            Formato::Sconosciuto => R::UnSconosciuto,
        }
    }

    /// The format in words.
    pub fn nome(self) -> R {
        match self {
            Formato::Pdf => R::FormatoPdf,
            Formato::Tiff => R::FormatoTiff,
            Formato::Jpeg => R::FormatoJpeg,
            Formato::Png => R::FormatoPng,
            Formato::Docx => R::FormatoDocx,
            Formato::Xlsx => R::FormatoXlsx,
            Formato::OfficeConMacro => R::FormatoOfficeMacro,
            Formato::AltroOffice => R::FormatoAltroOffice,
            Formato::Odt => R::FormatoOdt,
            Formato::Ods => R::FormatoOds,
            Formato::AltroOdf => R::FormatoAltroOdf,
            Formato::Zip => R::FormatoZip,
            Formato::Sconosciuto => R::FormatoSconosciuto,
        }
    }
}
