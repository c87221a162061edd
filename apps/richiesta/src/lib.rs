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

/// A small free-list allocator instead of dlmalloc, as in the wizard: a few kB less in the module.
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATORE: lol_alloc::AssumeSingleThreaded<lol_alloc::FreeListAllocator> =
    // SAFETY: the module runs on the page's one thread (no workers, no shared memory).
    unsafe { lol_alloc::AssumeSingleThreaded::new(lol_alloc::FreeListAllocator::new()) };

/// Mounts the app on `#richiesta-root`; does nothing on other pages.
#[wasm_bindgen(start)]
pub fn start() {
    let Some(root) = gloo::utils::document().get_element_by_id("richiesta-root") else {
        return;
    };
    root.set_inner_html("");
    yew::Renderer::<app::App>::with_root(root).render();
}
