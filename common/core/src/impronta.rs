//! Content-hashed file names (`style.0123456789abcdef.css`): a name that changes whenever the bytes do, so that a
//! browser may keep the file forever (`Cache-Control: immutable`) and a new build is never mixed with an old
//! cache. The bundler names the browser modules this way, the build the theme's files and the wizard's rules.

use std::hash::Hasher;

/// The content's fingerprint: 16 hexadecimal digits of FNV-1a 64, an algorithm fixed by its definition (unlike
/// the standard library's hasher), so the same bytes give the same name on any machine and toolchain.
pub fn impronta(byte: &[u8]) -> String {
    let mut h = fnv::FnvHasher::default();
    h.write(byte);
    format!("{:016x}", h.finish())
}

/// `path` with the fingerprint of `byte` before its extension: `a/stile.css` → `a/stile.<16 hex>.css`. A name
/// with several extensions keeps them all after the fingerprint (`modulo.wasm.js` → `modulo.<h>.wasm.js`).
pub fn con_impronta(path: &str, byte: &[u8]) -> String {
    let (cartella, nome) = path.rsplit_once('/').map_or(("", path), |(c, n)| (c, n));
    let (radice, estensioni) = nome.split_once('.').map_or((nome, String::new()), |(r, e)| (r, format!(".{e}")));
    let prefisso = if cartella.is_empty() { String::new() } else { format!("{cartella}/") };
    format!("{prefisso}{radice}.{}{estensioni}", impronta(byte))
}

/// The name `path` had before its fingerprint (`pkg/avvio.<16 hex>.js` → `pkg/avvio.js`), or `None` when it carries
/// none: how the build finds a bundled file whose exact name it cannot know in advance.
pub fn senza_impronta(path: &str) -> Option<String> {
    let (cartella, nome) = path.rsplit_once('/').map_or(("", path), |(c, n)| (c, n));
    let mut parti = nome.split('.');
    let radice = parti.next()?;
    let h = parti.next()?;
    let resto: Vec<&str> = parti.collect();
    let impronta = h.len() == 16 && h.bytes().all(|c| matches!(c, b'0'..=b'9' | b'a'..=b'f'));
    if !impronta || resto.is_empty() {
        return None;
    }
    let prefisso = if cartella.is_empty() { String::new() } else { format!("{cartella}/") };
    Some(format!("{prefisso}{radice}.{}", resto.join(".")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_change_with_the_bytes_and_keep_folders_and_extensions() {
        // FNV-1a 64 of the empty input is its offset basis (the algorithm's own test vector).
        assert_eq!(impronta(b""), "cbf29ce484222325");
        assert_eq!(impronta(b"a"), "af63dc4c8601ec8c");
        assert_eq!(con_impronta("style.css", b""), "style.cbf29ce484222325.css");
        assert_eq!(con_impronta("assistente/regole.js", b"a"), "assistente/regole.af63dc4c8601ec8c.js");
        assert_eq!(con_impronta("pkg/modulo_bg.wasm.js", b""), "pkg/modulo_bg.cbf29ce484222325.wasm.js");
    }

    #[test]
    fn the_name_before_the_fingerprint() {
        assert_eq!(senza_impronta("a/pkg/avvio.af63dc4c8601ec8c.js").as_deref(), Some("a/pkg/avvio.js"));
        assert_eq!(senza_impronta("m_bg.af63dc4c8601ec8c.wasm.js").as_deref(), Some("m_bg.wasm.js"));
        assert_eq!(senza_impronta("a/pkg/avvio.js"), None);
        assert_eq!(senza_impronta("stile.AF63DC4C8601EC8C.css"), None, "upper case is not what we write");
        assert_eq!(senza_impronta("a.af63dc4c8601ec8c"), None, "no extension after it");
    }
}
