//! The root component: the answers live in the URL fragment; each change of the fragment re-renders.

use crate::stato::{oggi, titoli, voci_correnti};
use civis_vista::P;
use gloo::events::EventListener;
use yew::prelude::*;

/// The wizard.
#[function_component(App)]
pub fn app() -> Html {
    let voci = use_state(voci_correnti);
    {
        let voci = voci.clone();
        use_effect_with((), move |_| {
            let listener = EventListener::new(&gloo::utils::window(), "hashchange", move |_| {
                // Another language asked for whose script is not loaded yet: the page starts again in it.
                let chiesta = crate::stato::lingua_chiesta();
                if chiesta != crate::stato::lingua() && crate::stato::script_lingua(&chiesta).is_some() {
                    let _ = gloo::utils::window().location().reload();
                }
                voci.set(voci_correnti())
            });
            move || drop(listener)
        });
    }
    let oggi = oggi();
    let regole = crate::stato::regole();
    let lingua = crate::stato::lingua();
    let parole = crate::stato::parole();
    let vista = civis_vista::vista(regole, &voci, civis_vista::Modo::Completo, &titoli(&lingua), oggi, parole);
    // In another language, the outcome in Italian too, printed beside it for whoever helps the person.
    let italiano = match &vista.corpo {
        civis_vista::Corpo::Esito(_) if !parole.italiane() => {
            let it = civis_vista::Parole::italiano();
            let v = civis_vista::vista(
                crate::stato::regole_it(),
                &voci,
                civis_vista::Modo::Completo,
                &titoli("it"),
                oggi,
                &it,
            );
            match v.corpo {
                civis_vista::Corpo::Esito(e) => Some((*e, v.progresso)),
                _ => None,
            }
        }
        _ => None,
    };
    {
        let (voci, lingua) = ((*voci).clone(), lingua.clone());
        use_effect_with((civis_vista::url::frammento(regole, &voci), lingua.clone()), move |_| {
            lingue_in_testata(&voci, &lingua)
        });
    }
    let passo = match &vista.corpo {
        civis_vista::Corpo::Domanda(d) => Some(d.id.clone()),
        _ => None,
    };
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
        <div class="assistente" data-pronto="si" lang={lingua.clone()}>
            if !vista.progresso.finito { { crate::domanda::avanzamento(&vista.progresso) } }
            { match vista.corpo {
                civis_vista::Corpo::Domanda(d) => html! { <crate::domanda::Domanda key={d.id.clone()} domanda={d.clone()} voci={(*voci).clone()} oggi={oggi} /> },
                civis_vista::Corpo::Esito(e) => html! { <crate::esito::Esito esito={*e} progresso={vista.progresso.clone()} oggi={oggi} {italiano} /> },
                civis_vista::Corpo::Errore(m) => crate::esito::errore(&m),
            } }
            if vista.sportelli { { sportelli() } }
            { cambia_lingua(&voci, &lingua) }
        </div>
    }
}

/// The same answers in the other languages the page offers, each named in its own words (a help desk reads the
/// Italian, the person their own): a link that changes only the fragment.
fn cambia_lingua(voci: &civis_engine::flusso::Voci, lingua: &str) -> Html {
    let altre = crate::stato::lingue_offerte();
    if altre.is_empty() {
        return html! {};
    }
    html! {
        <p class="lingua-percorso non-stampare">
            { for altre.into_iter().filter(|(c, _)| c != lingua).map(|(c, nome)| html! {
                <a href={crate::stato::href_in(voci, &c)} hreflang={c.clone()} lang={c}>{ nome }</a>
            }) }
        </p>
    }
}

/// The page's own language links (the top bar's, written by the build) lead to the same answers in each language,
/// and the reader's current language is hidden among them: the build lists Italian hidden on the Italian page.
fn lingue_in_testata(voci: &civis_engine::flusso::Voci, lingua: &str) {
    let Some(nav) = gloo::utils::document().query_selector("nav.lingue").ok().flatten() else { return };
    let link = nav.get_elements_by_tag_name("a");
    for a in (0..link.length()).filter_map(|i| link.item(i)) {
        let Some(codice) = a.get_attribute("hreflang") else { continue };
        let _ = a.set_attribute("href", &crate::stato::href_in(voci, &codice));
        if let Some(voce) = a.parent_element() {
            let _ = voce.toggle_attribute_with_force("hidden", codice == lingua);
        }
    }
}

/// On the start page, after the question: the link to the help desks' page of pre-filled links (the same line as
/// the page without JavaScript).
fn sportelli() -> Html {
    html! {
        <p class="per-operatori"><a href="sportelli/index.html">{ crate::stato::parole().t(P::Sportelli) }</a></p>
    }
}
