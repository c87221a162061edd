//! What `serve` answers for a path, decided without the network (so it is tested without one): the file, the
//! encoding the browser accepts (the build's `.br` and `.gz` beside each asset; HTML, which gets the reload script,
//! compressed here), an ETag of the bytes sent and `304` when the browser already has them, and a cache rule by
//! name (content-hashed assets are immutable, everything else is revalidated).

use std::hash::{Hash, Hasher};
use std::io::Write;
use std::path::{Path, PathBuf};

pub(crate) const RELOAD_PATH: &str = "/__livereload";
/// An external script, so that the pages' Content-Security-Policy (no inline script) lets it run.
pub(crate) const RELOAD_SCRIPT_PATH: &str = "/__livereload.js";
const RELOAD_SCRIPT: &str = "<script src=\"/__livereload.js\"></script>";
const RELOAD_JS: &str = "(function(){var v=null;setInterval(function(){fetch('/__livereload',{cache:'no-store'}).then(function(r){return r.text()}).then(function(t){if(v!==null&&t!==v){location.reload()}v=t}).catch(function(){})},1000)})();\n";

/// Brotli quality for HTML compressed per request: the build's own setting for pages (≈0.4 ms a page).
const QUALITA_HTML: u32 = 5;

/// What the request asks, as far as the answer depends on it.
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct Richiesta<'a> {
    /// The path (query and fragment are dropped here).
    pub(crate) percorso: &'a str,
    /// `Accept-Encoding`, if sent.
    pub(crate) codifiche: Option<&'a str>,
    /// `If-None-Match`, if sent.
    pub(crate) se_diverso: Option<&'a str>,
}

/// An answer: status, headers beyond the security ones (added by the server), body.
#[derive(Debug)]
pub(crate) struct Risposta {
    pub(crate) stato: u16,
    pub(crate) intestazioni: Vec<(&'static str, String)>,
    pub(crate) corpo: Vec<u8>,
}

impl Risposta {
    /// A plain-text answer that is never cached.
    pub(crate) fn testo(stato: u16, messaggio: &str) -> Risposta {
        Risposta {
            stato,
            intestazioni: vec![
                ("content-type", "text/plain; charset=utf-8".into()),
                ("cache-control", "no-store".into()),
            ],
            corpo: messaggio.as_bytes().to_vec(),
        }
    }

    /// The value of a header set here.
    #[cfg(test)]
    pub(crate) fn intestazione(&self, nome: &str) -> Option<&str> {
        self.intestazioni.iter().find(|(k, _)| *k == nome).map(|(_, v)| v.as_str())
    }
}

/// The encodings the browser accepts, among those we have: brotli, then gzip. A `q=0` refuses one.
fn accettate(codifiche: Option<&str>) -> (bool, bool) {
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

/// Whether a file name carries a content hash (`nome.0123456789abcdef.ext`): its bytes never change under that name.
pub(crate) fn con_impronta(percorso: &str) -> bool {
    let nome = percorso.rsplit('/').next().unwrap_or_default();
    let parti: Vec<&str> = nome.split('.').collect();
    parti.len() >= 3
        && parti[1..parti.len() - 1].iter().any(|p| p.len() == 16 && p.bytes().all(|c| c.is_ascii_hexdigit()))
}

/// Whether an answer of this type can be compressed (and so varies with `Accept-Encoding`).
fn comprimibile(tipo: &str) -> bool {
    tipo.starts_with("text/")
        || ["application/wasm", "application/json", "application/xml", "image/svg+xml"].contains(&tipo)
}

/// A strong ETag of the bytes sent.
fn impronta(corpo: &[u8], codifica: &str) -> String {
    let mut h = std::collections::hash_map::DefaultHasher::new();
    corpo.hash(&mut h);
    codifica.hash(&mut h);
    format!("\"{:016x}\"", h.finish())
}

/// Whether `If-None-Match` names this ETag (a list, `*`, weak tags compared weakly as RFC 9110 §13.1.2 asks).
fn gia_in_cache(se_diverso: Option<&str>, etag: &str) -> bool {
    se_diverso.is_some_and(|v| v.split(',').map(str::trim).any(|t| t == "*" || t.trim_start_matches("W/") == etag))
}

/// The answer for a request to the site in `output`, whose live-reload version is `versione`.
pub(crate) fn rispondi(output: &Path, r: &Richiesta, versione: u64) -> Risposta {
    let percorso = r.percorso.split(['?', '#']).next().unwrap_or("/");
    if percorso == RELOAD_PATH {
        return Risposta::testo(200, &versione.to_string());
    }
    if percorso == RELOAD_SCRIPT_PATH {
        let mut risposta = Risposta::testo(200, RELOAD_JS);
        risposta.intestazioni[0].1 = "text/javascript; charset=utf-8".into();
        return risposta;
    }
    let (stato, file) = match risolvi(output, percorso) {
        Some(f) => (200, f),
        None => (404, output.join("404.html")),
    };
    let Ok(originale) = std::fs::read(&file) else { return Risposta::testo(404, "Pagina non trovata.") };
    let tipo = tipo_di(&file);
    let (br, gzip) = accettate(r.codifiche);
    let (corpo, codifica) = if tipo.starts_with("text/html") {
        html(&originale, br, gzip)
    } else {
        affiancato(&file, br, gzip).unwrap_or((originale, ""))
    };
    let etag = impronta(&corpo, codifica);
    let cache = if stato == 200 && con_impronta(percorso) { "public, max-age=31536000, immutable" } else { "no-cache" };
    let mut intestazioni = vec![("content-type", tipo.to_string()), ("cache-control", cache.into())];
    if comprimibile(tipo) {
        intestazioni.push(("vary", "Accept-Encoding".into()));
    }
    if !codifica.is_empty() {
        intestazioni.push(("content-encoding", codifica.into()));
    }
    intestazioni.push(("etag", etag.clone()));
    if stato == 200 && gia_in_cache(r.se_diverso, &etag) {
        intestazioni.retain(|(k, _)| *k != "content-type" && *k != "content-encoding");
        return Risposta { stato: 304, intestazioni, corpo: Vec::new() };
    }
    Risposta { stato, intestazioni, corpo }
}

/// A page with the reload script, compressed as the browser accepts.
fn html(originale: &[u8], br: bool, gzip: bool) -> (Vec<u8>, &'static str) {
    let testo = String::from_utf8_lossy(originale);
    let pagina = match testo.rfind("</body>") {
        Some(i) => format!("{}{RELOAD_SCRIPT}{}", &testo[..i], &testo[i..]),
        None => format!("{testo}{RELOAD_SCRIPT}"),
    };
    if br {
        let mut out = Vec::new();
        let parametri = brotli::enc::BrotliEncoderParams { quality: QUALITA_HTML as i32, ..Default::default() };
        if brotli::BrotliCompress(&mut pagina.as_bytes(), &mut out, &parametri).is_ok() {
            return (out, "br");
        }
    }
    if gzip {
        let mut z = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        if z.write_all(pagina.as_bytes()).is_ok() {
            if let Ok(out) = z.finish() {
                return (out, "gzip");
            }
        }
    }
    (pagina.into_bytes(), "")
}

/// The build's compressed copy beside `file` (`.br`, else `.gz`), when the browser accepts it.
fn affiancato(file: &Path, br: bool, gzip: bool) -> Option<(Vec<u8>, &'static str)> {
    let accanto = |estensione: &str| {
        let mut nome = file.as_os_str().to_owned();
        nome.push(estensione);
        std::fs::read(PathBuf::from(nome)).ok()
    };
    br.then(|| accanto(".br").map(|b| (b, "br")))
        .flatten()
        .or_else(|| gzip.then(|| accanto(".gz").map(|b| (b, "gzip"))).flatten())
}

/// The file for a URL path, refusing anything outside `output`.
pub(crate) fn risolvi(output: &Path, path: &str) -> Option<PathBuf> {
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

fn tipo_di(file: &Path) -> &'static str {
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

    fn sito() -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("a b")).unwrap();
        std::fs::write(dir.path().join("a b/index.html"), "<html><body>x</body></html>").unwrap();
        std::fs::write(dir.path().join("index.html"), "<html><body>home</body></html>").unwrap();
        std::fs::write(dir.path().join("app.0123456789abcdef.wasm"), b"\0asm modulo").unwrap();
        std::fs::write(dir.path().join("app.0123456789abcdef.wasm.br"), b"compresso br").unwrap();
        std::fs::write(dir.path().join("app.0123456789abcdef.wasm.gz"), b"compresso gz").unwrap();
        dir
    }

    fn chiedi<'a>(percorso: &'a str, codifiche: Option<&'a str>) -> Richiesta<'a> {
        Richiesta { percorso, codifiche, se_diverso: None }
    }

    #[test]
    fn resolves_folders_and_refuses_traversal() {
        let dir = sito();
        assert_eq!(risolvi(dir.path(), "/a%20b/"), Some(dir.path().join("a b/index.html")));
        assert_eq!(risolvi(dir.path(), "/../etc/passwd"), None);
        assert_eq!(risolvi(dir.path(), "/nope/"), None);
    }

    #[test]
    fn html_gets_the_reload_script_and_reload_path_the_version() {
        let dir = sito();
        let r = rispondi(dir.path(), &chiedi("/", None), 3);
        let body = String::from_utf8(r.corpo.clone()).unwrap();
        assert!(body.contains("__livereload") && body.ends_with("</body></html>"), "{body}");
        assert_eq!(r.intestazione("cache-control"), Some("no-cache"));
        assert_eq!(rispondi(dir.path(), &chiedi(RELOAD_PATH, None), 3).corpo, b"3");
    }

    #[test]
    fn the_build_s_compressed_copies_are_sent_as_the_browser_accepts() {
        let dir = sito();
        let wasm = "/app.0123456789abcdef.wasm";
        let r = rispondi(dir.path(), &chiedi(wasm, Some("gzip, deflate, br")), 1);
        assert_eq!((r.corpo.as_slice(), r.intestazione("content-encoding")), (&b"compresso br"[..], Some("br")));
        assert_eq!(r.intestazione("content-type"), Some("application/wasm"));
        assert_eq!(r.intestazione("vary"), Some("Accept-Encoding"));
        assert_eq!(r.intestazione("cache-control"), Some("public, max-age=31536000, immutable"));
        let r = rispondi(dir.path(), &chiedi(wasm, Some("gzip;q=1, br;q=0")), 1);
        assert_eq!(r.intestazione("content-encoding"), Some("gzip"));
        let r = rispondi(dir.path(), &chiedi(wasm, None), 1);
        assert_eq!((r.corpo.as_slice(), r.intestazione("content-encoding")), (&b"\0asm modulo"[..], None));
        // A page is compressed here, and decompresses to the page with the reload script.
        let r = rispondi(dir.path(), &chiedi("/", Some("br")), 1);
        assert_eq!(r.intestazione("content-encoding"), Some("br"));
        let mut pagina = Vec::new();
        brotli::BrotliDecompress(&mut r.corpo.as_slice(), &mut pagina).unwrap();
        assert!(String::from_utf8(pagina).unwrap().contains("home<script src=\"/__livereload.js\"></script></body>"));
    }

    #[test]
    fn a_representation_the_browser_has_is_answered_304() {
        let dir = sito();
        let r = rispondi(dir.path(), &chiedi("/", Some("gzip")), 1);
        let etag = r.intestazione("etag").unwrap().to_string();
        let di_nuovo = Richiesta { se_diverso: Some(&format!("\"x\", W/{etag}")), ..chiedi("/", Some("gzip")) };
        let r = rispondi(dir.path(), &di_nuovo, 1);
        assert_eq!((r.stato, r.corpo.len()), (304, 0));
        assert_eq!(r.intestazione("etag"), Some(etag.as_str()));
        // Another encoding is another representation: its own ETag.
        let br = rispondi(dir.path(), &Richiesta { se_diverso: Some(&etag), ..chiedi("/", Some("br")) }, 1);
        assert_eq!(br.stato, 200);
        assert_ne!(br.intestazione("etag"), Some(etag.as_str()));
        assert_eq!(rispondi(dir.path(), &chiedi("/manca/", None), 1).stato, 404);
    }

    #[test]
    fn hashed_names_are_recognised() {
        assert!(con_impronta("/assistente/pkg/civis_wizard_bg.0123456789abcdef.wasm"));
        assert!(!con_impronta("/assistente/index.html"));
        assert!(!con_impronta("/style.css"));
        assert!(!con_impronta("/a.0123456789abcdeg.js"));
    }
}
