//! Development server: serves a built site on 127.0.0.1, rebuilds on change and live-reloads the browser.
