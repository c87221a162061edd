//! Office Open XML (docx, xlsx…), judged the way oletools' olevba/oleobj/msodde judge it: each part by its
//! content type in `[Content_Types].xml`, every relationship by its type and target mode, and every XML part
//! by the elements it holds, whatever the part is called. Names and paths are never trusted on their own.

use super::budget::Budget;
use super::formula::{self, Esito};
use super::pacchetto::Pacchetto;
use super::xml::{visita, visita_con_testo, Elemento};
use super::Formato;

/// What was found in an Office Open XML package.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub(crate) struct Reperti {
    pub(crate) macro_vba: bool,
    /// Excel 4 macro sheets, or a workbook that runs `Auto_Open`.
    pub(crate) macro_excel4: bool,
    pub(crate) activex: bool,
    /// Embedded objects (OLE, embedded packages).
    pub(crate) oggetti_incorporati: bool,
    /// External workbook links, DDE, data connections, web queries.
    pub(crate) collegamenti: bool,
    /// Alternative-format chunks (`altChunk`) pulled into the text.
    pub(crate) contenuti_importati: bool,
    /// Fields that update themselves.
    pub(crate) campi: bool,
    /// Formulas that run a program or fetch data (DDE, WEBSERVICE, CALL…).
    pub(crate) formule_attive: bool,
    /// Relationships with `TargetMode="External"` other than hyperlinks (remote templates, frames, linked
    /// objects): the file loads something from outside when opened.
    pub(crate) risorse_esterne: bool,
    /// Hyperlinks to outside addresses.
    pub(crate) link: bool,
    /// A part that is not well-formed XML, or the budget ran out.
    pub(crate) incompleto: bool,
}

/// The content types of a package: defaults by extension and overrides by part.
#[derive(Debug, Default)]
pub(crate) struct Tipi {
    predefiniti: Vec<(String, String)>,
    parti: Vec<(String, String)>,
}

impl Tipi {
    /// Reads `[Content_Types].xml`; `None` when it is not well-formed.
    pub(crate) fn leggi(b: &[u8]) -> Option<Tipi> {
        let mut t = Tipi::default();
        visita(b, &mut |e| {
            let tipo = e.attributo("ContentType").unwrap_or_default().to_ascii_lowercase();
            match (e.nome.as_str(), e.attributo("Extension"), e.attributo("PartName")) {
                ("Default", Some(x), _) => t.predefiniti.push((x.to_ascii_lowercase(), tipo)),
                ("Override", _, Some(p)) => t.parti.push((p.trim_start_matches('/').to_ascii_lowercase(), tipo)),
                _ => {}
            }
        })
        .ok()?;
        Some(t)
    }

    /// The content type of an entry (lowercase).
    fn di(&self, nome: &str) -> &str {
        let nome = nome.to_ascii_lowercase();
        if let Some((_, t)) = self.parti.iter().find(|(p, _)| *p == nome) {
            return t;
        }
        let estensione = nome.rsplit_once('.').map(|(_, e)| e).unwrap_or_default();
        self.predefiniti.iter().find(|(e, _)| e == estensione).map(|(_, t)| t.as_str()).unwrap_or_default()
    }

    /// The package's format, from the content type of its main part.
    pub(crate) fn formato(&self) -> Formato {
        let tipi =
            || self.parti.iter().map(|(_, t)| t.as_str()).chain(self.predefiniti.iter().map(|(_, t)| t.as_str()));
        if tipi().any(|t| t.contains("macroenabled") || t.contains("vbaproject")) {
            Formato::OfficeConMacro
        } else if tipi().any(|t| t.contains("wordprocessingml.document.main")) {
            Formato::Docx
        } else if tipi().any(|t| t.contains("spreadsheetml.sheet.main")) {
            Formato::Xlsx
        } else {
            Formato::AltroOffice
        }
    }
}

/// Reads every part of the package within the budget.
pub(crate) fn leggi(p: &Pacchetto, tipi: &Tipi, budget: &mut Budget) -> Reperti {
    let mut r = Reperti::default();
    for nome in &p.nomi {
        let minuscolo = nome.to_ascii_lowercase();
        let tipo = tipi.di(nome);
        giudica_tipo(&minuscolo, tipo, &mut r);
        let xml = minuscolo.ends_with(".xml")
            || minuscolo.ends_with(".rels")
            || minuscolo.ends_with(".vml")
            || tipo.contains("xml");
        if !xml || minuscolo.ends_with('/') {
            continue;
        }
        let Some(b) = p.leggi(nome, budget) else {
            r.incompleto = true;
            continue;
        };
        let mut formule = Vec::new();
        let letto = visita_con_testo(&b, &mut |e| giudica_elemento(e, &mut r), &mut |elemento, testo| {
            if FORMULE.contains(&elemento) {
                formule.extend(formula::giudica(testo));
            }
        });
        r.incompleto |= letto.is_err();
        formule.into_iter().for_each(|f| giudica_formula(f, &mut r));
    }
    r.incompleto |= budget.esaurito;
    r
}

/// The elements whose text is a formula: cells (`f`, also a chart's series reference and an x14 rule's), names,
/// conditional formats, data validations.
const FORMULE: &[&str] = &["f", "definedName", "formula", "formula1", "formula2"];

fn giudica_formula(f: Esito, r: &mut Reperti) {
    match f {
        Esito::Attiva => r.formule_attive = true,
        Esito::Esterna => r.collegamenti = true,
        Esito::Link => r.link = true,
    }
}

fn giudica_tipo(nome: &str, tipo: &str, r: &mut Reperti) {
    r.macro_vba |= nome.ends_with("vbaproject.bin")
        || ["macroenabled", "vbaproject", "vbadata", "ms-office.vba"].iter().any(|t| tipo.contains(t));
    r.macro_excel4 |= tipo.contains("macrosheet");
    r.activex |= tipo.contains("activex") || nome.contains("/activex/");
    r.oggetti_incorporati |= tipo.contains("oleobject") || nome.contains("/embeddings/");
    r.collegamenti |= ["externallink", "connections", "querytable"].iter().any(|t| tipo.contains(t));
}

fn giudica_elemento(e: &Elemento, r: &mut Reperti) {
    match e.nome.as_str() {
        "Relationship" => giudica_relazione(e, r),
        "fldSimple" | "instrText" | "fldChar" => r.campi = true,
        "macrosheet" => r.macro_excel4 = true,
        "definedName" => {
            let nome = e.attributo("name").unwrap_or_default().to_ascii_lowercase();
            r.macro_excel4 |= nome.trim_start_matches("_xlnm.").starts_with("auto_open");
        }
        "ddeLink" | "ddeItem" | "externalLink" | "connection" | "queryTable" | "oleLink" | "DataMashup" => {
            r.collegamenti = true
        }
        "altChunk" => r.contenuti_importati = true,
        "oleObject" | "OLEObject" | "objectEmbed" | "objectLink" => r.oggetti_incorporati = true,
        "control" | "ocx" => r.activex = true,
        _ => {}
    }
    // Pivot caches keep calculated fields and items as attributes.
    if let Some(f) = e.attributo("formula").and_then(formula::giudica) {
        giudica_formula(f, r);
    }
}

fn giudica_relazione(e: &Elemento, r: &mut Reperti) {
    let tipo = e.attributo("Type").unwrap_or_default().to_ascii_lowercase();
    let finale = tipo.rsplit('/').next().unwrap_or_default();
    match finale {
        "vbaproject" | "vbaprojectsignature" | "wordvbadata" => r.macro_vba = true,
        "xlmacrosheet" | "xlintlmacrosheet" | "macrosheet" => r.macro_excel4 = true,
        "oleobject" | "package" => r.oggetti_incorporati = true,
        "control" | "activexcontrol" | "activexcontrolbinary" => r.activex = true,
        "externallink" | "externallinkpath" | "connections" | "querytable" => r.collegamenti = true,
        "afchunk" => r.contenuti_importati = true,
        _ => {}
    }
    if e.attributo("TargetMode").is_some_and(|m| m.trim().eq_ignore_ascii_case("external")) {
        if finale == "hyperlink" {
            r.link = true;
        } else {
            r.risorse_esterne = true;
        }
    }
}
