//! Development server: serves the built site on 127.0.0.1, rebuilds when `content/` or `themes/` change
//! (debounced file watcher) and reloads the browser. The reload script is added to HTML responses by the
//! server only; the files on disk are never changed.

mod http;

use http::Risposta;
use notify_debouncer_full::new_debouncer;
use notify_debouncer_full::notify::{EventKind, RecursiveMode};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::Duration;

const RELOAD_PATH: &str = "/__livereload";
/// An external script, so that the pages' Content-Security-Policy (no inline script) lets it run.
const RELOAD_SCRIPT_PATH: &str = "/__livereload.js";
const RELOAD_SCRIPT: &str = "<script src=\"/__livereload.js\"></script>";
const RELOAD_JS: &str = "(function(){var v=null;setInterval(function(){fetch('/__livereload').then(function(r){return r.text()}).then(function(t){if(v!==null&&t!==v){location.reload()}v=t}).catch(function(){})},1000)})();\n";

/// Whether a file event is a real change. The build itself opens and reads every file it watches: access events
/// (open, read, close without writing) must not trigger a rebuild, or `serve` rebuilds in a loop.
fn cambiamento(kind: &EventKind) -> bool {
    use notify_debouncer_full::notify::event::{AccessKind, AccessMode, ModifyKind};
    match kind {
        EventKind::Create(_) | EventKind::Remove(_) => true,
        EventKind::Modify(ModifyKind::Metadata(_)) => false,
        EventKind::Modify(_) => true,
        EventKind::Access(AccessKind::Close(AccessMode::Write)) => true,
        _ => false,
    }
}

/// Serves `output` on 127.0.0.1:`port`; runs `rebuild` (which writes `output`) with the changed files after every
/// change under the `watch` folders. Returns only on error.
pub fn serve(
    output: &Path,
    port: u16,
    watch: &[PathBuf],
    mut rebuild: impl FnMut(&[PathBuf]) -> bool + Send + 'static,
) -> Result<(), String> {
    let listener = std::net::TcpListener::bind(("127.0.0.1", port))
        .map_err(|e| format!("non riesco ad ascoltare su 127.0.0.1:{port}: {e}"))?;
    let version = Arc::new(AtomicU64::new(1));
    let bump = Arc::clone(&version);
    // 50 ms: long enough to gather an editor's burst of events for one save, short enough for a fast rebuild.
    let mut debouncer =
        new_debouncer(Duration::from_millis(50), None, move |res: notify_debouncer_full::DebounceEventResult| {
            let Ok(events) = res else { return };
            let mut cambiati: Vec<PathBuf> = events
                .iter()
                .filter(|e| cambiamento(&e.event.kind))
                .flat_map(|e| e.event.paths.iter().cloned())
                .collect();
            cambiati.sort();
            cambiati.dedup();
            if !cambiati.is_empty() && rebuild(&cambiati) {
                bump.fetch_add(1, Ordering::SeqCst);
            }
        })
        .map_err(|e| format!("non riesco ad avviare il controllo dei file: {e}"))?;
    for dir in watch.iter().filter(|d| d.is_dir()) {
        debouncer
            .watch(dir, RecursiveMode::Recursive)
            .map_err(|e| format!("non riesco a controllare {}: {e}", dir.display()))?;
    }
    eprintln!("In ascolto su http://127.0.0.1:{port}/ (Ctrl+C per uscire)");
    let output = output.to_path_buf();
    http::servi(listener, port, Arc::new(move |url: &str| respond(&output, url, version.load(Ordering::SeqCst))));
    Ok(())
}

/// The response for a request path.
fn respond(output: &Path, url: &str, version: u64) -> Risposta {
    let path = url.split(['?', '#']).next().unwrap_or("/");
    if path == RELOAD_PATH {
        return Risposta { stato: 200, tipo: "text/plain; charset=utf-8", corpo: version.to_string().into_bytes() };
    }
    if path == RELOAD_SCRIPT_PATH {
        return Risposta { stato: 200, tipo: "text/javascript; charset=utf-8", corpo: RELOAD_JS.as_bytes().to_vec() };
    }
    let (status, file) = match resolve(output, path) {
        Some(f) => (200, f),
        None => (404, output.join("404.html")),
    };
    let mut body = std::fs::read(&file).unwrap_or_else(|_| b"404".to_vec());
    let kind = content_type(&file);
    if kind.starts_with("text/html") {
        let html = String::from_utf8_lossy(&body);
        body = match html.rfind("</body>") {
            Some(i) => format!("{}{RELOAD_SCRIPT}{}", &html[..i], &html[i..]).into_bytes(),
            None => format!("{html}{RELOAD_SCRIPT}").into_bytes(),
        };
    }
    Risposta { stato: status, tipo: kind, corpo: body }
}

/// The file for a URL path, refusing anything outside `output`.
fn resolve(output: &Path, path: &str) -> Option<PathBuf> {
    let decoded = percent_encoding::percent_decode_str(path).decode_utf8_lossy();
    let mut file = output.to_path_buf();
    for seg in decoded.split('/').filter(|s| !s.is_empty()) {
        if seg == ".." || seg.contains('\\') {
            return None;
        }
        file.push(seg);
    }
    if file.is_dir() {
        file.push("index.html");
    }
    file.is_file().then_some(file)
}

fn content_type(file: &Path) -> &'static str {
    match file.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "wasm" => "application/wasm",
        "json" => "application/json",
        "xml" => "application/xml",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "ics" => "text/calendar; charset=utf-8",
        _ => "application/octet-stream",
    }
}

#[cfg(test)]
mod test {
    use super::*;

    #[test]
    fn resolves_folders_and_refuses_traversal() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("a b")).unwrap();
        std::fs::write(dir.path().join("a b/index.html"), "x").unwrap();
        assert_eq!(resolve(dir.path(), "/a%20b/"), Some(dir.path().join("a b/index.html")));
        assert_eq!(resolve(dir.path(), "/../etc/passwd"), None);
        assert_eq!(resolve(dir.path(), "/nope/"), None);
    }

    #[test]
    fn html_gets_the_reload_script_and_reload_path_the_version() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("index.html"), "<html><body>x</body></html>").unwrap();
        let body = String::from_utf8(respond(dir.path(), "/", 3).corpo).unwrap();
        assert!(body.contains("__livereload") && body.ends_with("</body></html>"), "{body}");
        assert_eq!(respond(dir.path(), RELOAD_PATH, 3).corpo, b"3");
    }
}
