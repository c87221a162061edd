//! The wizard's state lives in the URL: the answers and the language in the fragment, a fixed "today" in
//! `?oggi=`. Reading and changing it is this module's job, so the components never touch `window.location`
//! themselves. The language's words and rules come from its classic script (`civisLingue`, written by the build).

use chrono::NaiveDate;
use civis_engine::flusso::{self, Voci};
use civis_engine::modello::Regole;
use civis_vista::Parole;
use std::sync::OnceLock;

/// The fragment's key for the language: kept in every link the app writes, so a help desk's link carries it.
const LINGUA: &str = "lingua";

/// The current URL fragment's keys and values.
fn frammento() -> Voci {
    flusso::da_frammento(&gloo::utils::window().location().hash().unwrap_or_default())
}

/// The answers in the current URL fragment.
pub(crate) fn voci_correnti() -> Voci {
    let mut voci = frammento();
    voci.remove(LINGUA);
    voci
}

/// The language the fragment asks for (`it` without one).
pub(crate) fn lingua_chiesta() -> String {
    frammento().remove(LINGUA).filter(|l| !l.is_empty()).unwrap_or_else(|| "it".into())
}

/// The language the app shows: the one asked for when its script has run, Italian otherwise.
pub(crate) fn lingua() -> String {
    Some(lingua_chiesta()).filter(|l| dati_lingua(l).is_some()).unwrap_or_else(|| "it".into())
}

/// The link to a state of the wizard, in the current language.
pub(crate) fn href(voci: &Voci) -> String {
    href_in(voci, &lingua())
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
    let _ = gloo::utils::window().location().set_hash(&href(voci));
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

/// The site's rules in Italian, once [`carica_regole`] has found them (the app is mounted only then).
pub(crate) fn regole_it() -> &'static Regole {
    carica_regole().expect("the app is mounted only when the page's rules were read")
}

/// What a language's script hands the app: the rules with their texts translated, the wizard's words, and the
/// guidance pages translated (Italian path → the translation's path and title).
pub(crate) struct DatiLingua {
    regole: Regole,
    parole: Parole,
    pagine: civis_vista::Titoli,
    titoli: civis_vista::Titoli,
}

/// A language's data, read once from its script (`civisLingue.<code>`); `None` before the script has run or when
/// it cannot be read. Leaked: a page reads at most a language or two, once.
fn dati_lingua(codice: &str) -> Option<&'static DatiLingua> {
    use std::cell::RefCell;
    thread_local! {
        static LETTE: RefCell<Vec<(String, &'static DatiLingua)>> = const { RefCell::new(Vec::new()) };
    }
    if codice == "it" {
        return None;
    }
    if let Some(d) = LETTE.with(|l| l.borrow().iter().find(|(c, _)| c == codice).map(|(_, d)| *d)) {
        return Some(d);
    }
    let lingue = js_sys::Reflect::get(&js_sys::global(), &"civisLingue".into()).ok()?;
    let dati = js_sys::Reflect::get(&lingue, &codice.into()).ok().filter(|d| d.is_object())?;
    let campo = |nome: &str| js_sys::Reflect::get(&dati, &nome.into()).ok();
    let regole = Regole::da_trama(&campo("regole")?.as_string()?)?;
    let parole = Parole::di(codice, js_sys::Array::from(&campo("testi")?).iter().map(|v| v.as_string()).collect());
    let (pagine, titoli) = (coppie(campo("pagine")?), coppie(campo("titoli")?));
    let dati: &'static DatiLingua = Box::leak(Box::new(DatiLingua { regole, parole, pagine, titoli }));
    LETTE.with(|l| l.borrow_mut().push((codice.to_string(), dati)));
    Some(dati)
}

/// A JavaScript object's string entries, as a map (built by inserting, as the answers are).
fn coppie(oggetto: wasm_bindgen::JsValue) -> Voci {
    civis_engine::condizione::in_voci(js_sys::Object::entries(&oggetto.into()).iter().filter_map(|coppia| {
        let coppia = js_sys::Array::from(&coppia);
        Some((coppia.get(0).as_string()?, coppia.get(1).as_string()?))
    }))
}

/// The site's rules in the language shown.
pub(crate) fn regole() -> &'static Regole {
    dati_lingua(&lingua()).map_or_else(regole_it, |d| &d.regole)
}

/// The wizard's words in the language shown.
pub(crate) fn parole() -> &'static Parole {
    static ITALIANO: OnceLock<Parole> = OnceLock::new();
    dati_lingua(&lingua()).map_or_else(|| ITALIANO.get_or_init(Parole::italiano), |d| &d.parole)
}

/// The address of a guidance page (output path) from the app's page: its translation in the language shown when
/// there is one.
pub(crate) fn pagina(p: &str) -> String {
    let tradotta = dati_lingua(&lingua()).and_then(|d| d.pagine.get(p));
    civis_vista::url::pagina_da_app(tradotta.map_or(p, String::as_str))
}

/// Whether a guidance page is read in Italian only while the app shows another language.
pub(crate) fn solo_in_italiano(p: &str) -> bool {
    dati_lingua(&lingua()).is_some_and(|d| !d.pagine.contains_key(p))
}

/// The languages the page offers (`#lingue-percorso`), Italian included when there is another: each code with the
/// script beside the page (none for Italian) and its name in its own words. Read once per call, in one place.
fn lingue_percorso() -> Vec<(String, Option<String>, String)> {
    let Some(blocco) = blocco("lingue-percorso") else { return Vec::new() };
    let voci = js_sys::Object::entries(&blocco.into());
    voci.iter()
        .filter_map(|coppia| {
            let coppia = js_sys::Array::from(&coppia);
            let voce = js_sys::Array::from(&coppia.get(1));
            let script = voce.get(0).as_string().filter(|s| !s.is_empty());
            Some((coppia.get(0).as_string()?, script, voce.get(1).as_string()?))
        })
        .collect()
}

/// The script of a language the page offers, beside the page.
pub(crate) fn script_lingua(codice: &str) -> Option<String> {
    lingue_percorso().into_iter().find(|(c, _, _)| c == codice)?.1
}

/// The languages the page offers, each with its name in its own words.
pub(crate) fn lingue_offerte() -> Vec<(String, String)> {
    lingue_percorso().into_iter().map(|(c, _, nome)| (c, nome)).collect()
}

/// The address of the same answers in another language (`it` for Italian).
pub(crate) fn href_in(voci: &Voci, codice: &str) -> String {
    let f = civis_vista::url::frammento(regole(), voci);
    match (codice, f.is_empty()) {
        ("it", _) => format!("#{f}"),
        (_, true) => format!("#{LINGUA}={codice}"),
        (_, false) => format!("#{f}&{LINGUA}={codice}"),
    }
}

/// The guidance pages' titles, handed by the build in the page (`#titoli-pagine`, a JSON block), so that the app's
/// links carry the same titles as the pages without JavaScript; in another language, a translated page's own
/// title. Empty when absent. Read with the browser's own JSON parser, so that no JSON parser ships in the module.
pub(crate) fn titoli(lingua: &str) -> civis_vista::Titoli {
    let Some(oggetto) = blocco("titoli-pagine") else { return Default::default() };
    let mut titoli = coppie(oggetto);
    if let Some(d) = dati_lingua(lingua) {
        titoli.extend(d.titoli.iter().map(|(k, v)| (k.clone(), v.clone())));
    }
    titoli
}
