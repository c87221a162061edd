//! The root component: the answers live in the URL fragment; each change of the fragment re-renders.

use crate::stato::{oggi, voci_correnti};
use civis_engine::flusso;
use civis_engine::regole;
use gloo::events::EventListener;
use yew::prelude::*;

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
