//! OpenDocument (odt, ods…), judged by its manifest and by the elements and attributes of every XML part
//! (content, styles, settings, meta, embedded objects), whatever the namespace prefix or the encoding.

use super::budget::Budget;
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
    for (_, valore) in &e.attributi {
        let v = valore.trim_start().to_ascii_lowercase();
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
