//! "Prepara la richiesta": a Yew app compiled to WebAssembly that checks a CIVIS request before it is sent. It
//! only renders the pure checks of `civis-richiesta`; what the person types and the files they choose stay in the
//! page's memory (files are read with the File API, one at a time, and never uploaded or stored).

mod allegati;
mod app;
mod atto;
mod campo;
mod riepilogo;
mod testo;

use wasm_bindgen::prelude::*;

/// Mounts the app on `#richiesta-root`; does nothing on other pages.
#[wasm_bindgen(start)]
pub fn start() {
    let Some(root) = gloo::utils::document().get_element_by_id("richiesta-root") else {
        return;
    };
    root.set_inner_html("");
    yew::Renderer::<app::App>::with_root(root).render();
}
