//! The files a browser may keep forever: the theme's style sheets and scripts, given a copy named by their
//! content's fingerprint (`style.<16 hex>.css`, [`civis_core::impronta`]), and the browser modules, which the
//! bundler names that way itself. Templates and pages ask for a file by the name it has before its fingerprint
//! (`risorse["style.css"]`) and get the one to link; a theme that names `style.css` directly still finds it, since
//! the original stays beside its copy.

use civis_core::impronta::{con_impronta, senza_impronta};
use std::collections::BTreeMap;

/// The theme's files that get a fingerprinted copy: what every page links.
fn to_fingerprint(path: &str) -> bool {
    path.ends_with(".css") || path.ends_with(".js")
}

/// Fingerprinted names by the names before their fingerprint (both relative to the site root).
#[derive(Default)]
pub(crate) struct Assets {
    nomi: BTreeMap<String, String>,
    /// The theme's fingerprinted copies: (name, index of the original in the theme's files).
    copie: Vec<(String, usize)>,
}

impl Assets {
    /// From the theme's files (fingerprinted here) and the bundles' (fingerprinted by the bundler).
    pub(crate) fn of(tema: &[(String, Vec<u8>)], assets: &[(String, Vec<u8>)]) -> Assets {
        let mut r = Assets::default();
        for (i, (path, byte)) in tema.iter().enumerate().filter(|(_, (p, _))| to_fingerprint(p)) {
            let nome = con_impronta(path, byte);
            r.nomi.insert(path.clone(), nome.clone());
            r.copie.push((nome, i));
        }
        for (path, _) in assets {
            if let Some(logico) = senza_impronta(path) {
                r.nomi.insert(logico, path.clone());
            }
        }
        r
    }

    /// The fingerprinted copies of the theme's files, to add to the output: (name, bytes).
    pub(crate) fn copies<'a>(&'a self, tema: &'a [(String, Vec<u8>)]) -> impl Iterator<Item = (&'a str, &'a [u8])> {
        self.copie.iter().map(|(nome, i)| (nome.as_str(), tema[*i].1.as_slice()))
    }

    /// The name to link for `logico`, when it has a fingerprinted one.
    pub(crate) fn name(&self, logico: &str) -> Option<&str> {
        self.nomi.get(logico).map(String::as_str)
    }

    /// Every fingerprinted name by the name before it, as templates read them.
    pub(crate) fn map(&self) -> &BTreeMap<String, String> {
        &self.nomi
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn theme_files_get_a_copy_and_bundles_are_found_by_their_logical_name() {
        let tema = vec![("style.css".to_string(), b"a{}".to_vec()), ("logo.svg".to_string(), b"<svg/>".to_vec())];
        let assets = vec![("assistente/pkg/avvio.0123456789abcdef.js".to_string(), Vec::new())];
        let r = Assets::of(&tema, &assets);
        let stile = r.name("style.css").unwrap();
        assert!(stile.starts_with("style.") && stile.ends_with(".css") && stile != "style.css", "{stile}");
        assert_eq!(r.name("assistente/pkg/avvio.js"), Some("assistente/pkg/avvio.0123456789abcdef.js"));
        assert_eq!(r.name("logo.svg"), None, "only style sheets and scripts");
        assert_eq!(
            r.copies(&tema).map(|(n, b)| (n.to_string(), b.len())).collect::<Vec<_>>(),
            [(stile.to_string(), 3)]
        );
    }
}
