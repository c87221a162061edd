//! The formats recognised from a file's content, and which of them CIVIS takes.

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

    /// The format in words after an indefinite article ("un PDF", "un'immagine PNG"), for sentences.
    pub fn con_articolo(self) -> String {
        let nome = self.nome();
        match nome.split(' ').next().unwrap_or_default() {
            "immagine" => format!("un'{nome}"),
            "presentazione" => format!("una {nome}"),
            _ => format!("un {nome}"),
        }
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
