//! Wizard bundle: compiles wizard/app to wasm32, runs wasm-bindgen (library) and wasm-opt when available.
