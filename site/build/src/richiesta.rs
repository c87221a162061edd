//! The request tool ("Prepara la richiesta") in other languages: for each translation with the tool's words, a
//! classic script beside the tool (`richiesta/lingua-<code>.<fingerprint>.js`) that hands them to it
//! (`civisRichiestaLingue.<code>`: one string, the words in the order of [`civis_richiesta::parole::CHIAVI`]
//! separated by U+001F, empty where the language has none: the tool reads it with one call), and the translated
//! page of the tool loads it before the tool. Classic, so it loads from `file://` too.

use crate::generators::{Enrichment, Generated, Generator};
use crate::loaded::Loaded;
use civis_content::Diagnostic;

/// The tool's page in the site (its translations name it as their source).
pub(crate) const PAGINA: &str = "richiesta/";

/// Between two words in a language's script.
const SEPARATORE: char = '\u{1f}';

/// The request tool's words for the other languages.
pub(crate) struct Richiesta;

/// For each translation that has at least one of the tool's words: its code, the script's name from the site's
/// root, and its bytes.
fn scripts(site: &Loaded) -> Vec<(String, String, Vec<u8>)> {
    let chiavi = civis_richiesta::parole::CHIAVI;
    site.languages
        .translations
        .iter()
        .filter_map(|lingua| {
            // A word holding the separator (a control character no text needs) is left to Italian.
            let testi: Vec<&str> = chiavi
                .iter()
                .map(|k| lingua.testi.get(*k).map_or("", String::as_str))
                .map(|t| if t.contains(SEPARATORE) { "" } else { t })
                .collect();
            testi.iter().any(|t| !t.is_empty()).then_some(())?;
            let json = serde_json::to_string(&testi.join(&SEPARATORE.to_string()))
                .expect("strings serialise")
                .replace('<', "\\u003c");
            let codice = &lingua.codice;
            let byte =
                format!("(window.civisRichiestaLingue = window.civisRichiestaLingue || {{}})[{codice:?}] = {json};\n")
                    .into_bytes();
            let nome = civis_core::impronta::con_impronta(&format!("{PAGINA}lingua-{codice}.js"), &byte);
            Some((codice.clone(), nome, byte))
        })
        .collect()
}

impl Generator for Richiesta {
    /// A translation of the tool's page gets its language's script.
    fn enrich(&self, site: &Loaded, path: &str) -> Option<Enrichment> {
        site.languages.source_of(path).filter(|(of, _)| of == PAGINA)?;
        let codice = site.languages.root_of(path).trim_end_matches('/');
        let (_, nome, _) = scripts(site).into_iter().find(|(c, _, _)| c == codice)?;
        let script = format!("{}{nome}", crate::url::root_of(path));
        Some(Enrichment { data_scripts: vec![script], ..Default::default() })
    }

    fn generate(&self, site: &Loaded, out: &mut Generated, _errori: &mut Vec<Diagnostic>) {
        for (_, nome, byte) in scripts(site) {
            out.file.insert(nome, byte);
        }
    }
}
