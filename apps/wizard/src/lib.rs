//! The browser wizard: a Yew app compiled to WebAssembly on top of civis-engine. It takes over the
//! pre-rendered question page (`#wizard-root`), keeps the answers in the URL fragment and computes the dates in
//! the browser; nothing the person types leaves the page.

mod stato;
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

/// Mounts the app on `#wizard-root`, replacing the pre-rendered question; does nothing on other pages.
#[wasm_bindgen(start)]
pub fn start() {
    let Some(root) = gloo::utils::document().get_element_by_id("wizard-root") else {
        return;
    };
    if stato::carica_regole().is_none() {
        return;
    }
    root.set_inner_html("");
    yew::Renderer::<app::App>::with_root(root).render();
}
