//! The browser wizard: a Yew app compiled to WebAssembly on top of civis-engine. It takes over the
//! pre-rendered question page (`#wizard-root`), keeps the answers in the URL fragment and computes the dates in
//! the browser; nothing the person types leaves the page.

mod stato;
mod lingua;
mod app;
mod domanda;
mod esito;

use wasm_bindgen::prelude::*;

/// The allocator: see Cargo.toml for why not the standard one. Single-threaded is all a browser page is.
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATORE: lol_alloc::AssumeSingleThreaded<lol_alloc::FreeListAllocator> =
    // SAFETY: the module runs on the page's one thread (no workers, no shared memory).
    unsafe { lol_alloc::AssumeSingleThreaded::new(lol_alloc::FreeListAllocator::new()) };

/// Starts the wizard on `#wizard-root`; does nothing on other pages. With answers in the fragment (a help desk's
/// link, the back button) the app takes over at once. On the start page it does not: the pre-rendered first
/// question stays as it is (so the page neither moves nor paints again while the module loads), and the app takes
/// over at the first choice, on the step that choice leads to (`accendi_al_primo_clic`).
#[wasm_bindgen(start)]
pub fn start() {
    let Some(root) = gloo::utils::document().get_element_by_id("wizard-root") else {
        return;
    };
    if !stato::regole_presenti() {
        return;
    }
    let lingua = stato::lingua_chiesta();
    if lingua != "it" {
        in_lingua(root, &lingua);
    } else if stato::voci_correnti().is_empty() {
        accendi_al_primo_clic(root);
    } else {
        monta(root);
    }
}

/// Shows the wizard in another language (`lingua=<code>` in the fragment): loads that language's classic script,
/// beside the page (so it loads from `file://` too), then mounts the app. A language the page does not offer, or a
/// script that does not load, leaves the app in Italian.
fn in_lingua(root: web_sys::Element, codice: &str) {
    let Some(nome) = stato::script_lingua(codice) else { return monta(root) };
    let documento = gloo::utils::document();
    let Some((script, testa)) = documento.create_element("script").ok().zip(documento.head()) else {
        return monta(root);
    };
    let _ = script.set_attribute("src", &nome);
    let radice = std::rc::Rc::new(std::cell::Cell::new(Some(root)));
    for evento in ["load", "error"] {
        let radice = radice.clone();
        gloo::events::EventListener::once(&script, evento, move |_| {
            if let Some(r) = radice.take() {
                monta(r);
            }
        })
        .forget();
    }
    if testa.append_child(&script).is_err() {
        if let Some(r) = radice.take() {
            monta(r);
        }
    }
}

/// Replaces the pre-rendered page with the app.
fn monta(root: web_sys::Element) {
    if stato::carica_regole().is_none() {
        return;
    }
    root.set_inner_html("");
    yew::Renderer::<app::App>::with_root(root).render();
}

/// Waits on the pre-rendered start page for a click on one of its choices (`a[data-frammento]`, the state the
/// choice leads to, as the app writes it in the fragment): then writes that state and mounts the app on it. A click
/// meant for another tab or window (a modifier key, another button) is left to the browser. The root says
/// `data-pronto` once the page listens, as the app does once it is mounted.
fn accendi_al_primo_clic(root: web_sys::Element) {
    use wasm_bindgen::JsCast;
    let radice = root.clone();
    let ascolta = gloo::events::EventListenerOptions::enable_prevent_default();
    gloo::events::EventListener::new_with_options(&root, "click", ascolta, move |evento| {
        let clic = evento.unchecked_ref::<web_sys::MouseEvent>();
        if clic.button() != 0 || clic.ctrl_key() || clic.meta_key() || clic.shift_key() || clic.alt_key() {
            return;
        }
        let Some(origine) = evento.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) else { return };
        let Some(link) = origine.closest("a[data-frammento]").ok().flatten() else { return };
        let Some(frammento) = link.get_attribute("data-frammento") else { return };
        if radice.get_attribute("data-montata").is_some() {
            return;
        }
        evento.prevent_default();
        let _ = gloo::utils::window().location().set_hash(&frammento);
        let _ = radice.set_attribute("data-montata", "si");
        monta(radice.clone());
    })
    .forget();
    let _ = root.set_attribute("data-pronto", "si");
}
