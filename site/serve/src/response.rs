//! What `serve` answers for a path, decided without the network (so it is tested without one): the file, the
//! encoding the browser accepts (the build's `.br` and `.gz` beside each asset; HTML, which gets the reload script,
//! compressed here), an ETag of the bytes sent and `304` when the browser already has them, and a cache rule by
//! name (content-hashed assets are immutable, everything else is revalidated).

use civis_core::compressione::{brotli, gzip as in_gzip, Sforzo};
use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};

pub(crate) const RELOAD_PATH: &str = "/__livereload";
/// An external script, so that the pages' Content-Security-Policy (no inline script) lets it run.
pub(crate) const RELOAD_SCRIPT_PATH: &str = "/__livereload.js";
const RELOAD_SCRIPT: &str = "<script src=\"/__livereload.js\"></script>";
const RELOAD_JS: &str = "(function(){var v=null;setInterval(function(){fetch('/__livereload',{cache:'no-store'}).then(function(r){return r.text()}).then(function(t){if(v!==null&&t!==v){location.reload()}v=t}).catch(function(){})},1000)})();\n";

/// What the request asks, as far as the answer depends on it.
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct Request<'a> {
    /// The path (query and fragment are dropped here).
    pub(crate) path: &'a str,
    /// `Accept-Encoding`, if sent.
    pub(crate) encodings: Option<&'a str>,
    /// `If-None-Match`, if sent.
    pub(crate) if_none_match: Option<&'a str>,
}

/// An answer: status, headers beyond the security ones (added by the server), body.
#[derive(Debug)]
pub(crate) struct Response {
    pub(crate) status: u16,
    pub(crate) headers: Vec<(&'static str, String)>,
    pub(crate) body: Vec<u8>,
}

impl Response {
    /// A plain-text answer that is never cached.
    pub(crate) fn text(stato: u16, messaggio: &str) -> Response {
        Response {
            status: stato,
            headers: vec![("content-type", "text/plain; charset=utf-8".into()), ("cache-control", "no-store".into())],
            body: messaggio.as_bytes().to_vec(),
        }
    }

    /// The value of a header set here.
    #[cfg(test)]
    pub(crate) fn header(&self, nome: &str) -> Option<&str> {
        self.headers.iter().find(|(k, _)| *k == nome).map(|(_, v)| v.as_str())
    }
}

/// The encodings the browser accepts, among those we have: brotli, then gzip. A `q=0` refuses one.
fn accepted_encodings(codifiche: Option<&str>) -> (bool, bool) {
    let mut br = false;
    let mut gzip = false;
    for voce in codifiche.unwrap_or_default().split(',') {
        let mut parti = voce.split(';');
        let nome = parti.next().unwrap_or_default().trim().to_ascii_lowercase();
        let rifiutata =
            parti.any(|p| p.trim().strip_prefix("q=").is_some_and(|q| q.trim().parse::<f32>().is_ok_and(|q| q <= 0.0)));
        match nome.as_str() {
            "br" => br = !rifiutata,
            "gzip" | "x-gzip" => gzip = !rifiutata,
            "*" if !rifiutata => {
                br = true;
                gzip = true;
            }
            _ => {}
        }
    }
    (br, gzip)
}

/// Whether a file name carries a content hash (`nome.0123456789abcdef.ext`, as the build names them): its bytes
/// never change under that name.
pub(crate) fn is_fingerprinted(percorso: &str) -> bool {
    civis_core::impronta::senza_impronta(percorso).is_some()
}

/// Whether an answer of this type can be compressed (and so varies with `Accept-Encoding`).
fn compressible(tipo: &str) -> bool {
    tipo.starts_with("text/")
        || ["application/wasm", "application/json", "application/xml", "image/svg+xml"].contains(&tipo)
}

/// A strong ETag of the bytes sent.
fn fingerprint(corpo: &[u8], codifica: &str) -> String {
    let mut h = std::collections::hash_map::DefaultHasher::new();
    corpo.hash(&mut h);
    codifica.hash(&mut h);
    format!("\"{:016x}\"", h.finish())
}

/// Whether `If-None-Match` names this ETag (a list, `*`, weak tags compared weakly as RFC 9110 §13.1.2 asks).
fn already_cached(se_diverso: Option<&str>, etag: &str) -> bool {
    se_diverso.is_some_and(|v| v.split(',').map(str::trim).any(|t| t == "*" || t.trim_start_matches("W/") == etag))
}

/// The answer for a request to the site in `output`, whose live-reload version is `versione`.
pub(crate) fn respond(output: &Path, r: &Request, versione: u64) -> Response {
    let percorso = r.path.split(['?', '#']).next().unwrap_or("/");
    if percorso == RELOAD_PATH {
        return Response::text(200, &versione.to_string());
    }
    if percorso == RELOAD_SCRIPT_PATH {
        let mut risposta = Response::text(200, RELOAD_JS);
        risposta.headers[0].1 = "text/javascript; charset=utf-8".into();
        return risposta;
    }
    let (stato, file) = match resolve(output, percorso) {
        Some(f) => (200, f),
        None => (404, output.join("404.html")),
    };
    let Ok(originale) = std::fs::read(&file) else { return Response::text(404, "Pagina non trovata.") };
    let tipo = content_type(&file);
    let (br, gzip) = accepted_encodings(r.encodings);
    let (corpo, codifica) = if tipo.starts_with("text/html") {
        html(&originale, br, gzip)
    } else {
        sidecar(&file, br, gzip).unwrap_or((originale, ""))
    };
    let etag = fingerprint(&corpo, codifica);
    let cache =
        if stato == 200 && is_fingerprinted(percorso) { "public, max-age=31536000, immutable" } else { "no-cache" };
    let mut intestazioni = vec![("content-type", tipo.to_string()), ("cache-control", cache.into())];
    if compressible(tipo) {
        intestazioni.push(("vary", "Accept-Encoding".into()));
    }
    if !codifica.is_empty() {
        intestazioni.push(("content-encoding", codifica.into()));
    }
    intestazioni.push(("etag", etag.clone()));
    if stato == 200 && already_cached(r.if_none_match, &etag) {
        intestazioni.retain(|(k, _)| *k != "content-type" && *k != "content-encoding");
        return Response { status: 304, headers: intestazioni, body: Vec::new() };
    }
    Response { status: stato, headers: intestazioni, body: corpo }
}

/// A page with the reload script, compressed as the browser accepts.
fn html(originale: &[u8], br: bool, gzip: bool) -> (Vec<u8>, &'static str) {
    let testo = String::from_utf8_lossy(originale);
    let pagina = match testo.rfind("</body>") {
        Some(i) => format!("{}{RELOAD_SCRIPT}{}", &testo[..i], &testo[i..]),
        None => format!("{testo}{RELOAD_SCRIPT}"),
    };
    let compressa = br
        .then(|| brotli(pagina.as_bytes(), Sforzo::Pagine).map(|b| (b, "br")))
        .flatten()
        .or_else(|| gzip.then(|| in_gzip(pagina.as_bytes()).map(|g| (g, "gzip"))).flatten());
    compressa.unwrap_or_else(|| (pagina.into_bytes(), ""))
}

/// The build's compressed copy beside `file` (`.br`, else `.gz`), when the browser accepts it.
fn sidecar(file: &Path, br: bool, gzip: bool) -> Option<(Vec<u8>, &'static str)> {
    let beside = |estensione: &str| {
        let mut nome = file.as_os_str().to_owned();
        nome.push(estensione);
        std::fs::read(PathBuf::from(nome)).ok()
    };
    br.then(|| beside(".br").map(|b| (b, "br")))
        .flatten()
        .or_else(|| gzip.then(|| beside(".gz").map(|b| (b, "gzip"))).flatten())
}

/// The file for a URL path, refusing anything outside `output`.
pub(crate) fn resolve(output: &Path, path: &str) -> Option<PathBuf> {
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
        "txt" => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}

#[cfg(test)]
mod test {
    use super::*;

    fn site() -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("a b")).unwrap();
        std::fs::write(dir.path().join("a b/index.html"), "<html><body>x</body></html>").unwrap();
        std::fs::write(dir.path().join("index.html"), "<html><body>home</body></html>").unwrap();
        std::fs::write(dir.path().join("app.0123456789abcdef.wasm"), b"\0asm modulo").unwrap();
        std::fs::write(dir.path().join("app.0123456789abcdef.wasm.br"), b"compresso br").unwrap();
        std::fs::write(dir.path().join("app.0123456789abcdef.wasm.gz"), b"compresso gz").unwrap();
        dir
    }

    fn ask<'a>(percorso: &'a str, codifiche: Option<&'a str>) -> Request<'a> {
        Request { path: percorso, encodings: codifiche, if_none_match: None }
    }

    #[test]
    fn resolves_folders_and_refuses_traversal() {
        let dir = site();
        assert_eq!(resolve(dir.path(), "/a%20b/"), Some(dir.path().join("a b/index.html")));
        assert_eq!(resolve(dir.path(), "/../etc/passwd"), None);
        assert_eq!(resolve(dir.path(), "/nope/"), None);
    }

    #[test]
    fn html_gets_the_reload_script_and_reload_path_the_version() {
        let dir = site();
        let r = respond(dir.path(), &ask("/", None), 3);
        let body = String::from_utf8(r.body.clone()).unwrap();
        assert!(body.contains("__livereload") && body.ends_with("</body></html>"), "{body}");
        assert_eq!(r.header("cache-control"), Some("no-cache"));
        assert_eq!(respond(dir.path(), &ask(RELOAD_PATH, None), 3).body, b"3");
    }

    #[test]
    fn the_build_s_compressed_copies_are_sent_as_the_browser_accepts() {
        let dir = site();
        let wasm = "/app.0123456789abcdef.wasm";
        let r = respond(dir.path(), &ask(wasm, Some("gzip, deflate, br")), 1);
        assert_eq!((r.body.as_slice(), r.header("content-encoding")), (&b"compresso br"[..], Some("br")));
        assert_eq!(r.header("content-type"), Some("application/wasm"));
        assert_eq!(r.header("vary"), Some("Accept-Encoding"));
        assert_eq!(r.header("cache-control"), Some("public, max-age=31536000, immutable"));
        let r = respond(dir.path(), &ask(wasm, Some("gzip;q=1, br;q=0")), 1);
        assert_eq!(r.header("content-encoding"), Some("gzip"));
        let r = respond(dir.path(), &ask(wasm, None), 1);
        assert_eq!((r.body.as_slice(), r.header("content-encoding")), (&b"\0asm modulo"[..], None));
        // A page is compressed here, and decompresses to the page with the reload script.
        let r = respond(dir.path(), &ask("/", Some("br")), 1);
        assert_eq!(r.header("content-encoding"), Some("br"));
        let mut pagina = Vec::new();
        brotli::BrotliDecompress(&mut r.body.as_slice(), &mut pagina).unwrap();
        assert!(String::from_utf8(pagina).unwrap().contains("home<script src=\"/__livereload.js\"></script></body>"));
    }

    #[test]
    fn a_representation_the_browser_has_is_answered_304() {
        let dir = site();
        let r = respond(dir.path(), &ask("/", Some("gzip")), 1);
        let etag = r.header("etag").unwrap().to_string();
        let di_nuovo = Request { if_none_match: Some(&format!("\"x\", W/{etag}")), ..ask("/", Some("gzip")) };
        let r = respond(dir.path(), &di_nuovo, 1);
        assert_eq!((r.status, r.body.len()), (304, 0));
        assert_eq!(r.header("etag"), Some(etag.as_str()));
        // Another encoding is another representation: its own ETag.
        let br = respond(dir.path(), &Request { if_none_match: Some(&etag), ..ask("/", Some("br")) }, 1);
        assert_eq!(br.status, 200);
        assert_ne!(br.header("etag"), Some(etag.as_str()));
        assert_eq!(respond(dir.path(), &ask("/manca/", None), 1).status, 404);
    }

    #[test]
    fn hashed_names_are_recognised() {
        assert!(is_fingerprinted("/assistente/pkg/civis_wizard_bg.0123456789abcdef.wasm"));
        assert!(!is_fingerprinted("/assistente/index.html"));
        assert!(!is_fingerprinted("/style.css"));
        assert!(!is_fingerprinted("/a.0123456789abcdeg.js"));
    }
}
