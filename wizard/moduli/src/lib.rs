//! The browser apps, compiled to WebAssembly when `civis-guida` is compiled and embedded in it, so that an
//! installed binary builds any site folder with no source tree present and no compiler at run time. Each app's
//! files (`avvio.js`, the module, its copy for `file://`) go beside the page that loads it.

include!(concat!(env!("OUT_DIR"), "/moduli.rs"));

/// The files of the apps a site needs: the search's always; the wizard's when the site has a wizard; "Prepara
/// la richiesta" when it has that page.
pub fn per_il_sito(wizard: bool, richiesta: bool) -> Vec<(String, Vec<u8>)> {
    let mut apps = vec![RICERCA];
    apps.extend(wizard.then_some(WIZARD));
    apps.extend(richiesta.then_some(RICHIESTA));
    apps.into_iter().flatten().map(|(p, b)| (p.to_string(), b.to_vec())).collect()
}
