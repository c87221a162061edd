//! "Prepara la richiesta": an app compiled to WebAssembly that checks a CIVIS request before it is sent. It only
//! renders the pure checks of `civis-richiesta`; what the person types and the files they choose stay in the
//! page's memory (files are read with the File API, one at a time, and never uploaded or stored).
//!
//! No virtual DOM: a form whose fields are built once needs none, and without Yew the module is a third smaller.
//! stato (what the page holds, what each event does: pure) → html (markup as text, the changes to make) → atto,
//! testo, allegati, riepilogo (the four sections) → pagina (the browser side: builds, listens, applies).

mod stato;
mod html;
mod allegati;
mod atto;
mod testo;
mod riepilogo;
mod pagina;

use wasm_bindgen::prelude::*;

/// A small free-list allocator instead of dlmalloc, as in the wizard: a few kB less in the module.
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATORE: lol_alloc::AssumeSingleThreaded<lol_alloc::FreeListAllocator> =
    // SAFETY: the module runs on the page's one thread (no workers, no shared memory).
    unsafe { lol_alloc::AssumeSingleThreaded::new(lol_alloc::FreeListAllocator::new()) };

/// Mounts the tool on `#richiesta-root`; does nothing on other pages.
#[wasm_bindgen(start)]
pub fn start() {
    let root = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id("richiesta-root"));
    if let Some(root) = root {
        pagina::avvia(root);
    }
}
