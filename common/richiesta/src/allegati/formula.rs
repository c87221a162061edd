//! Spreadsheet formulas that reach outside the file, in Excel's syntax (cell `<f>`, names, conditional formats,
//! validations) and in OpenFormula (`of:=…` attributes of OpenDocument). Found after the string literals are set
//! aside, so that a cell showing the text "WEBSERVICE(" is no call:
//! - a DDE reference: `application|topic!item` (`=cmd|' /c calc'!A0`); `|` is no operator in either syntax, so any
//!   `|` outside a string is one;
//! - functions that run code or fetch data: `DDE`, `WEBSERVICE`, `FILTERXML`, `RTD`, `CALL`, `REGISTER`,
//!   `REGISTER.ID`, `EXEC`, `IMAGE`, `STOCKHISTORY`, with or without the prefixes files carry (`_xlfn.`,
//!   `_xlws.`, `COM.MICROSOFT.`);
//! - a reference to another file by its address (`'file:///…'#$Foglio1.A1`, `'https://…'`, `'C:\…\[libro.xlsx]…'`);
//! - `HYPERLINK`, which opens an address only on a click: a warning, like other links.

/// What a formula does beyond computing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Esito {
    /// Runs a program or fetches data by itself (DDE, web service, a DLL call, a remote image).
    Attiva,
    /// Reads another file when the sheet is recalculated.
    Esterna,
    /// A link opened on a click.
    Link,
}

const ATTIVE: &[&str] =
    &["DDE", "WEBSERVICE", "FILTERXML", "RTD", "CALL", "REGISTER", "REGISTER.ID", "EXEC", "IMAGE", "STOCKHISTORY"];
const PREFISSI: &[&str] = &["_XLFN.", "_XLWS.", "COM.MICROSOFT.", "ORG.OPENOFFICE.", "OF:", "OOOW:", "MSOXL:"];
const INDIRIZZI: &[&str] = &["'FILE:", "'HTTP:", "'HTTPS:", "'FTP:", "'SMB:", "'WEBDAV:", "'\\\\", "'//"];

/// The most serious thing `formula` does, if any.
pub(crate) fn giudica(formula: &str) -> Option<Esito> {
    let fuori = fuori_dalle_stringhe(formula).to_ascii_uppercase();
    if fuori.contains('|') || funzioni(&fuori).any(|f| ATTIVE.contains(&f)) {
        return Some(Esito::Attiva);
    }
    if INDIRIZZI.iter().any(|i| fuori.contains(i)) || libro_per_percorso(&fuori) {
        return Some(Esito::Esterna);
    }
    let link = funzioni(&fuori).any(|f| f == "HYPERLINK");
    link.then_some(Esito::Link)
}

/// The formula with every `"…"` literal (`""` inside it is a quote) replaced by a space.
fn fuori_dalle_stringhe(f: &str) -> String {
    let mut out = String::with_capacity(f.len());
    let mut dentro = false;
    for c in f.chars() {
        match (c, dentro) {
            ('"', false) => dentro = true,
            // `""` inside a literal closes and reopens it: the same state in the end.
            ('"', true) => {
                dentro = false;
                out.push(' ');
            }
            (c, false) => out.push(c),
            (_, true) => {}
        }
    }
    out
}

/// The names called in `f` (upper case, prefixes dropped): the word before each `(`.
fn funzioni(f: &str) -> impl Iterator<Item = &str> {
    f.match_indices('(').filter_map(move |(i, _)| {
        let prima = f[..i].trim_end();
        let inizio =
            prima.rfind(|c: char| !(c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | ':'))).map_or(0, |k| k + 1);
        let mut nome = &prima[inizio..];
        while let Some(p) = PREFISSI.iter().find(|p| nome.starts_with(*p)) {
            nome = &nome[p.len()..];
        }
        (!nome.is_empty()).then_some(nome)
    })
}

/// A workbook named inside a reference (`'C:\dati\[libro.xlsx]Foglio1'!A1`): Excel itself writes `[1]`, an
/// index into the package's external links (judged there), and OpenFormula's `[.A1]` is a cell; brackets that
/// hold a spreadsheet file's name are another file.
fn libro_per_percorso(f: &str) -> bool {
    const ESTENSIONI: &[&str] =
        &[".XLS", ".XLSX", ".XLSM", ".XLSB", ".XLA", ".XLAM", ".XLT", ".XLTX", ".XLTM", ".ODS", ".CSV"];
    f.match_indices('[').any(|(i, _)| {
        let dentro = f[i + 1..].split(']').next().unwrap_or_default().trim_matches('\'');
        ESTENSIONI.iter().any(|e| dentro.ends_with(e))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dde_web_services_and_calls_are_active_in_either_syntax() {
        assert_eq!(giudica("cmd|' /C calc'!A0"), Some(Esito::Attiva));
        assert_eq!(giudica("=MSEXCEL|'\\..\\..\\..\\Windows\\System32\\cmd.exe /c calc.exe'!''"), Some(Esito::Attiva));
        assert_eq!(giudica("_xlfn.WEBSERVICE(\"http://x\")"), Some(Esito::Attiva));
        assert_eq!(giudica("SUM(A1:A3)+_xlfn._xlws.FILTERXML(B1,\"//a\")"), Some(Esito::Attiva));
        assert_eq!(giudica("of:=DDE(\"soffice\";\"file:///x.ods\";\"Foglio1.A1\")"), Some(Esito::Attiva));
        assert_eq!(giudica("of:=COM.MICROSOFT.WEBSERVICE(\"http://x\")"), Some(Esito::Attiva));
        assert_eq!(giudica("call (\"kernel32\",\"WinExec\",\"JCJ\",\"calc\",0)"), Some(Esito::Attiva));
    }

    #[test]
    fn other_files_by_address_and_links() {
        assert_eq!(giudica("of:=['file:///C:/dati.ods'#$Foglio1.A1]"), Some(Esito::Esterna));
        assert_eq!(giudica("'C:\\dati\\[libro.xlsx]Foglio1'!A1"), Some(Esito::Esterna));
        assert_eq!(giudica("[1]Foglio1!A1"), None, "Excel's own index into its external links, judged there");
        assert_eq!(giudica("HYPERLINK(\"https://www.agenziaentrate.gov.it\")"), Some(Esito::Link));
    }

    #[test]
    fn the_same_words_inside_strings_are_text() {
        assert_eq!(giudica("CONCATENATE(\"a|b\",\"WEBSERVICE(\",\"\"\"|\")"), None);
        assert_eq!(giudica("SUM(A1:B2)*IF(C1>0,1,2)"), None);
        assert_eq!(giudica("of:=SUM([.A1:.A3])+[Foglio2.B1]"), None);
    }
}
