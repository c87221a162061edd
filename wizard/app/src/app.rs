//! The root component: the answers live in the URL fragment; each change of the fragment re-renders.

use chrono::NaiveDate;
use civis_engine::flusso::{self, Voci};
use civis_engine::regole;
use gloo::events::EventListener;
use yew::prelude::*;

/// The answers in the current URL fragment.
fn voci_correnti() -> Voci {
    flusso::da_frammento(&gloo::utils::window().location().hash().unwrap_or_default())
}

/// "Today": `?oggi=YYYY-MM-DD` (for help desks and tests) or the browser's local date.
fn oggi() -> NaiveDate {
    let search = gloo::utils::window().location().search().unwrap_or_default();
    let fissato = search.trim_start_matches('?').split('&').find_map(|kv| kv.strip_prefix("oggi="));
    fissato.and_then(|d| civis_engine::risposte::leggi_data(d).ok()).unwrap_or_else(|| {
        let now = js_sys::Date::new_0();
        NaiveDate::from_ymd_opt(now.get_full_year() as i32, now.get_month() + 1, now.get_date()).expect("the browser's date is valid")
    })
}

/// Moves to a new set of answers (a new history entry, so the back button works).
pub fn vai(voci: &Voci) {
    let _ = gloo::utils::window().location().set_hash(&flusso::a_frammento(regole::incorporate(), voci));
}

/// The wizard.
#[function_component(App)]
pub fn app() -> Html {
    let voci = use_state(voci_correnti);
    {
        let voci = voci.clone();
        use_effect_with((), move |_| {
            let listener = EventListener::new(&gloo::utils::window(), "hashchange", move |_| voci.set(voci_correnti()));
            move || drop(listener)
        });
    }
    let oggi = oggi();
    let regole = regole::incorporate();
    let passo = flusso::prossima(regole, &voci).map(|d| d.id.clone());
    {
        let passo = passo.clone();
        use_effect_with(passo, |_| {
            if let Some(h) = gloo::utils::document().get_element_by_id("domanda") {
                use wasm_bindgen::JsCast;
                let _ = h.unchecked_into::<web_sys::HtmlElement>().focus();
            }
        });
    }
    html! {
        <div class="assistente" data-pronto="si">
            <crate::domanda::Progresso voci={(*voci).clone()} />
            { match passo {
                Some(id) => html! { <crate::domanda::Domanda key={id.clone()} id={id.clone()} voci={(*voci).clone()} oggi={oggi} /> },
                None => html! { <crate::esito::Esito voci={(*voci).clone()} oggi={oggi} /> },
            } }
        </div>
    }
}
