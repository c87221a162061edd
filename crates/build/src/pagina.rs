//! What a page's template needs beyond its own text: the link to the wizard in the header and the loader of the
//! app whose bundle sits beside the page.

use crate::url;

/// The wizard's start page relative to `from`, when the site has one (the header's link to it).
pub(crate) fn url_assistente(titoli: &civis_vista::Titoli, from: &str) -> Option<String> {
    url_se_esiste(titoli, from, civis_vista::url::BASE)
}

/// Where the accessibility statement is expected (`content/accessibilita.md`), linked from every footer.
pub(crate) const ACCESSIBILITA: &str = "accessibilita/";

/// The page at `path` relative to `from`, when the site has it.
pub(crate) fn url_se_esiste(titoli: &civis_vista::Titoli, from: &str, path: &str) -> Option<String> {
    titoli.contains_key(path).then(|| url::relative(from, path))
}

/// Where an app's loader sits beside its page (the bundle puts each app in `<page>/pkg/` with `avvio.js`).
const APP_LOADER: &str = "pkg/avvio.js";

/// The loader of the app beside the page at `path` (`pkg/avvio.js`), when the build has that app's bundle.
pub(crate) fn app_js(path: &str, assets: &[(String, Vec<u8>)]) -> Option<String> {
    let loader = format!("{path}{APP_LOADER}");
    assets.iter().any(|(a, _)| *a == loader).then(|| APP_LOADER.to_string())
}
