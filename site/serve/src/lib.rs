//! Development server: serves the built site on 127.0.0.1 as a real host would (compressed, cached by content
//! hash, revalidated), rebuilds when `content/` or `themes/` change (debounced file watcher) and reloads the
//! browser. The reload script is added to HTML responses by the server only; the files on disk are never changed.
//! `response` decides each answer; `server` is the HTTP side and its bounds.

mod response;
mod server;

use notify_debouncer_full::new_debouncer;
use notify_debouncer_full::notify::{EventKind, RecursiveMode};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::Duration;

/// Whether a file event is a real change. The build itself opens and reads every file it watches: access events
/// (open, read, close without writing) must not trigger a rebuild, or `serve` rebuilds in a loop.
fn change(kind: &EventKind) -> bool {
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
            let mut cambiati: Vec<PathBuf> =
                events.iter().filter(|e| change(&e.event.kind)).flat_map(|e| e.event.paths.iter().cloned()).collect();
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
    server::run(
        listener,
        port,
        Arc::new(move |r: &response::Request| response::respond(&output, r, version.load(Ordering::SeqCst))),
    )
}
