//! The browser wizard: a Yew app compiled to WebAssembly on top of civis-engine.
