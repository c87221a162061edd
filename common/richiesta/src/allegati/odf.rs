//! OpenDocument (odt, ods…), judged by its manifest and by the elements and attributes of every XML part
//! (content, styles, settings, meta, embedded objects), whatever the namespace prefix or the encoding.

use super::budget::Budget;
use super::formula::{self, Esito};
use super::pacchetto::Pacchetto;
use super::xml::{visita, Elemento};

/// What was found in an OpenDocument package.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub(crate) struct Reperti {
    /// Basic or script libraries, or links that run a macro (`vnd.sun.star.script:`, `macro:`).
    pub(crate) macro_: bool,
    /// Scripts bound to events (opening, closing, a click).
    pub(crate) eventi: bool,
    /// DDE links.
    pub(crate) dde: bool,
    /// Embedded OLE objects.
    pub(crate) oggetti_incorporati: bool,
    /// Content loaded from outside the file when it opens: a linked image, object, frame, section, table or
    /// cell range, an automatic reload, an external script.
    pub(crate) risorse_esterne: bool,
    /// Formulas that run a program or fetch data (DDE, WEBSERVICE…).
    pub(crate) formule_attive: bool,
    /// Links to outside addresses.
    pub(crate) link: bool,
    pub(crate) incompleto: bool,
}

/// Reads every XML part of the package within the budget.
pub(crate) fn leggi(p: &Pacchetto, budget: &mut Budget) -> Reperti {
    let mut r = Reperti::default();
    for nome in &p.nomi {
        let minuscolo = nome.to_ascii_lowercase();
        r.macro_ |= minuscolo.starts_with("basic/") || minuscolo.starts_with("scripts/");
        if !(minuscolo.ends_with(".xml") || minuscolo.ends_with(".rdf")) {
            continue;
        }
        let Some(b) = p.leggi(nome, budget) else {
            r.incompleto = true;
            continue;
        };
        if visita(&b, &mut |e| giudica(e, &mut r)).is_err() {
            r.incompleto = true;
        }
    }
    r.incompleto |= budget.esaurito;
    r
}

/// The elements whose `xlink:href` is loaded or embedded when the document opens (ODF 1.3 schema:
/// `common-draw-data-attlist`, linked sources, `meta:auto-reload`, external scripts and fonts, sounds).
const CARICATI: &[&str] = &[
    "image",
    "object",
    "object-ole",
    "plugin",
    "applet",
    "floating-frame",
    "fill-image",
    "background-image",
    "list-level-style-image",
    "section-source",
    "table-source",
    "cell-range-source",
    "auto-reload",
    "font-face-uri",
    "definition-src",
    "sound",
    "audio",
    "script",
];

/// The attributes that hold a formula, whatever their value's prefix.
const FORMULE: &[&str] = &["formula", "condition", "expression"];

/// Whether a reference points outside the package: an address with a scheme (other than the old internal
/// `vnd.sun.star.GraphicObject:`), a network or absolute path, or a path that climbs out of the package.
fn esterno(v: &str) -> bool {
    let v = v.trim().to_ascii_lowercase();
    let schema = v.split_once(':').is_some_and(|(s, _)| {
        s.len() > 1 && s.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '.' | '-'))
    });
    (schema && !v.starts_with("vnd.sun.star.graphicobject:"))
        || v.starts_with('/')
        || v.starts_with('\\')
        || v.starts_with("../")
        || v.starts_with("..\\")
        || v.as_bytes().get(1) == Some(&b':')
}

fn giudica(e: &Elemento, r: &mut Reperti) {
    match e.nome.as_str() {
        "event-listener" | "script" => r.eventi = true,
        "dde-source" | "dde-connection-decl" | "dde-link" | "dde-connection" => r.dde = true,
        "object-ole" => r.oggetti_incorporati = true,
        "file-entry" => {
            let tipo = e.attributo("media-type").unwrap_or_default().to_ascii_lowercase();
            r.macro_ |= tipo.contains("basic") || tipo.contains("script") || tipo.contains("macro");
        }
        _ => {}
    }
    if CARICATI.contains(&e.nome.as_str()) && e.attributo("href").is_some_and(esterno) {
        r.risorse_esterne = true;
    }
    for (nome, valore) in &e.attributi {
        let v = valore.trim_start().to_ascii_lowercase();
        if FORMULE.contains(&nome.as_str()) || ["of:", "ooow:", "msoxl:"].iter().any(|p| v.starts_with(p)) {
            match formula::giudica(valore) {
                Some(Esito::Attiva) => r.formule_attive = true,
                Some(Esito::Esterna) => r.risorse_esterne = true,
                Some(Esito::Link) => r.link = true,
                None => {}
            }
        }
        if ["vnd.sun.star.script:", "vnd.sun.star.basic:", "macro:", "javascript:", "vbscript:"]
            .iter()
            .any(|p| v.starts_with(p))
        {
            r.macro_ = true;
        } else if ["http:", "https:", "ftp:", "file:", "smb:"].iter().any(|p| v.starts_with(p)) {
            r.link = true;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inside_and_outside_the_package() {
        for dentro in ["Pictures/1.png", "./Object 1", "Object 1", "#segnalibro", "vnd.sun.star.GraphicObject:1000"] {
            assert!(!esterno(dentro), "{dentro}");
        }
        for fuori in
            ["http://x/a.png", "file:///C:/a.odt", "../a.ods", "\\\\server\\a", "/etc/a", "C:\\a.png", "smb://x/a"]
        {
            assert!(esterno(fuori), "{fuori}");
        }
    }
}
