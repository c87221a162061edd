//! The wizard's state lives in the URL: the answers in the fragment, a fixed "today" in `?oggi=`. Reading and
//! changing it is this module's job, so the components never touch `window.location` themselves.

use chrono::NaiveDate;
use civis_engine::flusso::{self, Voci};
use civis_engine::modello::Regole;
use std::sync::OnceLock;

/// The answers in the current URL fragment.
pub(crate) fn voci_correnti() -> Voci {
    flusso::da_frammento(&gloo::utils::window().location().hash().unwrap_or_default())
}

/// "Today": `?oggi=YYYY-MM-DD` (for help desks and tests) or the browser's local date.
pub(crate) fn oggi() -> NaiveDate {
    let search = gloo::utils::window().location().search().unwrap_or_default();
    let fissato = search.trim_start_matches('?').split('&').find_map(|kv| kv.strip_prefix("oggi="));
    fissato.and_then(|d| civis_engine::risposte::leggi_data(d).ok()).unwrap_or_else(|| {
        let now = js_sys::Date::new_0();
        NaiveDate::from_ymd_opt(now.get_full_year() as i32, now.get_month() + 1, now.get_date())
            .expect("the browser's date is valid")
    })
}

/// Moves to a new set of answers (a new history entry, so the back button works).
pub(crate) fn vai(voci: &Voci) {
    let _ = gloo::utils::window().location().set_hash(&civis_vista::url::frammento(regole(), voci));
}

/// The text of a JSON block of the page (`<script type="application/json" id="…">`), read with the browser's
/// own parser so that no JSON parser ships in the module.
fn blocco(id: &str) -> Option<wasm_bindgen::JsValue> {
    let testo = gloo::utils::document().get_element_by_id(id)?.text_content()?;
    js_sys::JSON::parse(&testo).ok()
}

/// Whether the page has the rules (`regole.js` ran), without reading them yet: the reading is the app's largest
/// piece of work, done when it is mounted.
pub(crate) fn regole_presenti() -> bool {
    js_sys::Reflect::get(&js_sys::global(), &"civisRegolePercorso".into()).is_ok_and(|v| v.is_string())
}

/// The site's rules, which the build writes beside the page (`regole.js` sets `civisRegolePercorso`, civis-engine's
/// `trama`), read once; `None` when they are missing or cannot be read (the app then leaves the page without
/// JavaScript).
pub(crate) fn carica_regole() -> Option<&'static Regole> {
    static REGOLE: OnceLock<Option<Regole>> = OnceLock::new();
    REGOLE
        .get_or_init(|| {
            let testo = js_sys::Reflect::get(&js_sys::global(), &"civisRegolePercorso".into()).ok()?.as_string()?;
            Regole::da_trama(&testo)
        })
        .as_ref()
}

/// The site's rules, once [`carica_regole`] has found them (the app is mounted only then).
pub(crate) fn regole() -> &'static Regole {
    carica_regole().expect("the app is mounted only when the page's rules were read")
}

/// The guidance pages' titles, handed by the build in the page (`#titoli-pagine`, a JSON block), so that the app's
/// links carry the same titles as the pages without JavaScript. Empty when absent.
/// Read with the browser's own JSON parser, so that no JSON parser ships in the module.
pub(crate) fn titoli() -> civis_vista::Titoli {
    let Some(oggetto) = blocco("titoli-pagine") else { return Default::default() };
    civis_engine::condizione::in_voci(js_sys::Object::entries(&oggetto.into()).iter().filter_map(|coppia| {
        let coppia = js_sys::Array::from(&coppia);
        Some((coppia.get(0).as_string()?, coppia.get(1).as_string()?))
    }))
}
