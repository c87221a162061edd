//! Loading the rules: `content/wizard/*.yaml` parsed into the model (`modello`), groups of acts expanded and every
//! cross-reference checked (`coerenza`) with file:line; the copy embedded in the binary at compile time (the
//! repository's own rules, for `advise` outside a site); the rules of any site folder.

pub use crate::coerenza::{riga_di, FILE};
pub use civis_core::Diagnostic;

#[cfg(feature = "yaml")]
use crate::coerenza::{coerenza, espandi, Problemi};
#[cfg(feature = "yaml")]
use crate::modello::*;
#[cfg(feature = "yaml")]
use std::sync::OnceLock;

#[cfg(feature = "yaml")]
const INCORPORATI: [&str; 7] = [
    include_str!("../../../content/wizard/calendario.yaml"),
    include_str!("../../../content/wizard/atti.yaml"),
    include_str!("../../../content/wizard/notifica.yaml"),
    include_str!("../../../content/wizard/scadenze.yaml"),
    include_str!("../../../content/wizard/canali.yaml"),
    include_str!("../../../content/wizard/domande.yaml"),
    include_str!("../../../content/wizard/fonti.yaml"),
];

/// The rules embedded at compile time (the repository's `content/wizard/`, parsed once). Panics only if they
/// are invalid, which the test suite and `civis-guida check` rule out before a release.
#[cfg(feature = "yaml")]
pub fn incorporate() -> &'static Regole {
    static REGOLE: OnceLock<Regole> = OnceLock::new();
    REGOLE.get_or_init(|| {
        let files: Vec<(String, String)> =
            FILE.iter().zip(INCORPORATI).map(|(n, t)| (format!("content/wizard/{n}"), t.to_string())).collect();
        carica(&files).unwrap_or_else(|e| {
            let righe: Vec<String> = e.iter().map(ToString::to_string).collect();
            panic!("embedded rules are invalid:\n{}", righe.join("\n"))
        })
    })
}

/// The rules of the site at `root` (its `content/wizard/`), `None` when the site has no wizard. Paths in
/// diagnostics are relative to the site (`content/wizard/scadenze.yaml`); a file that cannot be read is reported.
#[cfg(feature = "yaml")]
pub fn del_sito(root: &std::path::Path) -> Result<Option<Regole>, Vec<Diagnostic>> {
    let dir = root.join("content").join("wizard");
    if !dir.is_dir() {
        return Ok(None);
    }
    let mut errori = Vec::new();
    let mut files = Vec::new();
    for nome in FILE {
        let file = format!("content/wizard/{nome}");
        match std::fs::read(dir.join(nome)) {
            Ok(bytes) => match String::from_utf8(bytes) {
                Ok(testo) => files.push((file, testo)),
                Err(e) => errori.push(Diagnostic::non_utf8(file, e.as_bytes(), e.utf8_error())),
            },
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => errori.push(Diagnostic::new(file, 0, 0, format!("non riesco a leggere il file: {e}"))),
        }
    }
    if !errori.is_empty() {
        return Err(errori);
    }
    carica(&files).map(Some)
}

/// Loads the rules from `(path, text)` pairs, one per name in [`FILE`] (matched by file name), reporting every
/// problem with its position.
#[cfg(feature = "yaml")]
pub fn carica(files: &[(String, String)]) -> Result<Regole, Vec<Diagnostic>> {
    let mut errori = Vec::new();
    let sorgenti: Vec<Option<(String, String)>> = FILE
        .iter()
        .map(|nome| {
            let trovato = files.iter().find(|(p, _)| p.rsplit(['/', '\\']).next() == Some(*nome)).cloned();
            if trovato.is_none() {
                errori.push(Diagnostic::new(format!("content/wizard/{nome}"), 0, 0, "file mancante"));
            }
            trovato
        })
        .collect();
    fn parse<T: serde::de::DeserializeOwned>(s: &Option<(String, String)>, errori: &mut Vec<Diagnostic>) -> Option<T> {
        let (p, t) = s.as_ref()?;
        civis_core::yaml::da_testo(p, t).map_err(|e| errori.push(e)).ok()
    }
    let calendario: Option<Calendario> = parse(&sorgenti[0], &mut errori);
    let atti: Option<FileAtti> = parse(&sorgenti[1], &mut errori);
    let notifica: Option<FileNotifica> = parse(&sorgenti[2], &mut errori);
    let scadenze: Option<FileScadenze> = parse(&sorgenti[3], &mut errori);
    let canali: Option<FileCanali> = parse(&sorgenti[4], &mut errori);
    let domande: Option<FileDomande> = parse(&sorgenti[5], &mut errori);
    let fonti: Option<FileFonti> = parse(&sorgenti[6], &mut errori);
    let (Some(calendario), Some(atti), Some(notifica), Some(scadenze), Some(canali), Some(domande), Some(fonti)) =
        (calendario, atti, notifica, scadenze, canali, domande, fonti)
    else {
        return Err(errori);
    };
    // Every file was found (a missing one has no model above), so every path is there.
    let percorsi: [String; 7] =
        std::array::from_fn(|i| sorgenti[i].as_ref().map(|(p, _)| p.clone()).unwrap_or_default());
    let testi: Vec<(String, String)> = sorgenti.into_iter().flatten().collect();
    let file = File { calendario, atti, notifica, scadenze, canali, domande, fonti };
    let mut regole = Regole::da_file(file, percorsi, testi.clone());
    let mut problemi = Problemi::new(&testi);
    espandi(&mut regole, &mut problemi);
    coerenza(&regole, &mut problemi);
    errori.extend(problemi.errori);
    if errori.is_empty() {
        Ok(regole)
    } else {
        Err(errori)
    }
}
