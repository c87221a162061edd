//! Loading the rules: `content/wizard/*.yaml` parsed into the model (`modello`), cross-checked with file:line,
//! and the copy embedded in the binary at compile time.

#[cfg(feature = "yaml")]
use crate::condizione::Quando;
use crate::modello::*;
#[cfg(feature = "yaml")]
use crate::tabella::{Elenco, Testo};
pub use civis_core::Diagnostic;
#[cfg(feature = "yaml")]
use std::collections::BTreeSet;
#[cfg(feature = "yaml")]
use std::sync::OnceLock;

/// The rules files, by name, as found in `content/wizard/`.
pub const FILE: [&str; 5] = ["calendario.yaml", "notifica.yaml", "scadenze.yaml", "canali.yaml", "domande.yaml"];

#[cfg(feature = "yaml")]
const INCORPORATI: [&str; 5] = [
    include_str!("../../../content/wizard/calendario.yaml"),
    include_str!("../../../content/wizard/notifica.yaml"),
    include_str!("../../../content/wizard/scadenze.yaml"),
    include_str!("../../../content/wizard/canali.yaml"),
    include_str!("../../../content/wizard/domande.yaml"),
];

/// The embedded rules (parsed once). With the `yaml` feature (the native tools) they are the YAML files read and
/// checked like any others; panics only if they are invalid, which the test suite and `civis-guida check` rule out
/// before a release.
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

/// The embedded rules without the `yaml` feature (the browser app): the same files, turned by build.rs into a
/// static table of borrowed texts and slices, so that no parser ships to the browser and nothing is built at
/// start-up. They were checked with file:line by the native build that compiled the app.
#[cfg(not(feature = "yaml"))]
pub fn incorporate() -> &'static Regole {
    static REGOLE: Regole = include!(concat!(env!("OUT_DIR"), "/regole_cotte.rs"));
    &REGOLE
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
                Err(e) => errori.push(civis_core::Diagnostic::non_utf8(file, e.as_bytes(), e.utf8_error())),
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
    let testo = |nome: &str| files.iter().find(|(p, _)| p.rsplit(['/', '\\']).next() == Some(nome));
    let mut leggi = |nome: &str| -> Option<(String, String)> {
        match testo(nome) {
            Some((p, t)) => Some((p.clone(), t.clone())),
            None => {
                errori.push(Diagnostic { file: nome.into(), line: 0, col: 0, message: "file mancante".into() });
                None
            }
        }
    };
    let sorgenti: Vec<Option<(String, String)>> = FILE.iter().map(|n| leggi(n)).collect();
    fn parse<T: serde::de::DeserializeOwned>(s: &Option<(String, String)>, errori: &mut Vec<Diagnostic>) -> Option<T> {
        let (p, t) = s.as_ref()?;
        serde_norway::from_str(t).map_err(|e| errori.push(Diagnostic::yaml(p.clone(), &e, 0, t.lines().count()))).ok()
    }
    let calendario: Option<Calendario> = parse(&sorgenti[0], &mut errori);
    let notifica: Option<FileNotifica> = parse(&sorgenti[1], &mut errori);
    let scadenze: Option<FileScadenze> = parse(&sorgenti[2], &mut errori);
    let canali: Option<FileCanali> = parse(&sorgenti[3], &mut errori);
    let domande: Option<FileDomande> = parse(&sorgenti[4], &mut errori);
    let (Some(calendario), Some(notifica), Some(scadenze), Some(canali), Some(domande)) =
        (calendario, notifica, scadenze, canali, domande)
    else {
        return Err(errori);
    };
    // Every file was found (a missing one has no model above), so every path is there.
    let percorsi: [String; 5] =
        std::array::from_fn(|i| sorgenti[i].as_ref().map(|(p, _)| p.clone()).unwrap_or_default());
    let regole = Regole::da_file(
        calendario,
        notifica,
        scadenze,
        canali,
        domande,
        percorsi,
        sorgenti.iter().flatten().cloned().collect(),
    );
    let percorso = |i: usize| sorgenti[i].as_ref().map(|(p, t)| (p.as_str(), t.as_str())).unwrap_or_default();
    errori.extend(coerenza(&regole, &percorso));
    if errori.is_empty() {
        Ok(regole)
    } else {
        Err(errori)
    }
}

impl Regole {
    /// The allowed values of a choice key, from the options of the questions that ask for it.
    pub fn valori(&self, chiave: &str) -> Vec<&str> {
        self.domande.iter().filter(|d| d.chiave == chiave).flat_map(|d| d.opzioni()).map(|o| &*o.valore).collect()
    }
}

/// Finds the 1-based line of `cosa` in `testo`, for diagnostics on rules already parsed.
/// A whole line (`- id: altro-ente`, not the `- id: altro-ente-pagare` that contains it) wins over a line that
/// merely contains the text; 1 when the text is nowhere (the problem is then about the file as a whole).
pub(crate) fn riga_di(testo: &str, cosa: &str) -> usize {
    let intera = |l: &str| l.trim_start().trim_start_matches("- ").trim_end() == cosa;
    let riga = testo.lines().position(intera).or_else(|| testo.lines().position(|l| l.contains(cosa)));
    riga.map_or(1, |i| i + 1)
}

#[cfg(feature = "yaml")]
/// Cross-references between files: every id and value named somewhere is defined somewhere.
fn coerenza<'a>(r: &Regole, sorgente: &dyn Fn(usize) -> (&'a str, &'a str)) -> Vec<Diagnostic> {
    let mut errori = Vec::new();
    let mut errore = |i: usize, cerca: &str, messaggio: String| {
        let (file, testo) = sorgente(i);
        errori.push(Diagnostic { file: file.into(), line: riga_di(testo, cerca), col: 1, message: messaggio });
    };
    let canali: BTreeSet<&str> = r.canali.iter().map(|c| &*c.id).collect();
    let valori = |chiave: &str| -> BTreeSet<&str> { r.valori(chiave).into_iter().collect() };
    let chiavi: BTreeSet<&str> = r.domande.iter().map(|d| &*d.chiave).collect();
    for modo in valori("notifica.modo") {
        if !r.notifica.iter().any(|m| m.valore == modo) {
            errore(4, modo, format!("il modo di notifica «{modo}» non ha una regola in notifica.yaml"));
        }
    }
    let atti = valori("atto");
    let origini = valori("origine");
    for m in r.notifica.iter() {
        for a in m.atti.iter().chain(m.varianti.iter().flat_map(|v| v.atti.iter())) {
            if !atti.contains(&**a) {
                errore(1, &format!("valore: {}", m.valore), format!("modo «{}»: atto sconosciuto «{a}»", m.valore));
            }
        }
    }
    // The wizard may offer only the modes that fit the acts for which it asks the question.
    for d in r.domande.iter().filter(|d| d.chiave == "notifica.modo") {
        let chiesta_per: Vec<&Testo> =
            d.quando.iter().flat_map(|q| q.voci()).filter(|(k, _)| *k == "atto").flat_map(|(_, v)| v).collect();
        for o in d.opzioni() {
            let Some(m) = r.notifica.iter().find(|m| m.valore == o.valore) else { continue };
            for a in chiesta_per.iter().filter(|a| !m.atti.ha(a)) {
                errore(
                    4,
                    &format!("id: {}", d.id),
                    format!("domanda «{}»: il modo «{}» non è possibile per l'atto «{a}»", d.id, o.valore),
                );
            }
        }
    }
    for p in r.proroghe.iter() {
        for o in p.origini.iter().filter(|o| !origini.contains(&***o)) {
            errore(2, &p.fonte, format!("proroga: origine sconosciuta «{o}»"));
        }
    }
    for t in r.termini.iter() {
        for a in t.atti.iter() {
            if !atti.contains(&**a) {
                errore(2, &t.regola, format!("termine «{}»: atto sconosciuto «{a}»", t.id));
            }
        }
        for o in t.origini.iter().flat_map(|o| o.iter()) {
            if !origini.contains(&**o) {
                errore(2, &t.regola, format!("termine «{}»: origine sconosciuta «{o}»", t.id));
            }
        }
        if let Some(k) = t.nuovo_termine_da.as_deref() {
            if !r.domande.iter().any(|d| d.chiave == k && d.tipo == TipoDomanda::Data) {
                errore(
                    2,
                    &t.regola,
                    format!(
                        "termine «{}»: «nuovo_termine_da» deve essere la chiave di una domanda con una data, non «{k}»",
                        t.id
                    ),
                );
            }
        }
        if t.sospensione != "nessuna" && !r.calendario.sospensioni.iter().any(|s| s.id == t.sospensione) {
            errore(2, &t.regola, format!("termine «{}»: sospensione sconosciuta «{}»", t.id, t.sospensione));
        }
    }
    for d in r.decadenze.iter() {
        for o in d.origini.iter() {
            if !origini.contains(&**o) {
                errore(2, &d.regola, format!("decadenza: origine sconosciuta «{o}»"));
            }
        }
    }
    for a in r.avvisi.iter() {
        for c in a.se_canale.iter() {
            if !canali.contains(&**c) {
                errore(3, &format!("id: {}", a.id), format!("avviso «{}»: canale sconosciuto «{c}»", a.id));
            }
        }
    }
    let mut condizioni: Vec<(usize, String, &Quando)> =
        r.esiti.iter().map(|e| (3, format!("id: {}", e.id), &e.quando)).collect();
    condizioni.extend(r.domande.iter().filter_map(|d| d.quando.as_ref().map(|q| (4, format!("id: {}", d.id), q))));
    condizioni.extend(r.termini.iter().filter_map(|t| t.salvo.as_ref().map(|q| (2, t.regola.to_string(), q))));
    for (i, dove, q) in condizioni {
        for (chiave, ammessi) in q.voci() {
            if !chiavi.contains(chiave) {
                errore(i, &dove, format!("condizione su una chiave che nessuna domanda chiede: «{chiave}»"));
                continue;
            }
            let noti = valori(chiave);
            for v in ammessi.iter().filter(|v| !noti.is_empty() && !noti.contains(&***v)) {
                errore(i, &dove, format!("condizione «{chiave}»: valore sconosciuto «{v}»"));
            }
        }
    }
    for e in r.esiti.iter() {
        for c in e.canali.iter() {
            if !canali.contains(&**c) {
                errore(3, &format!("id: {}", e.id), format!("esito «{}»: canale sconosciuto «{c}»", e.id));
            }
        }
        if e.canali.is_empty() {
            errore(3, &format!("id: {}", e.id), format!("esito «{}»: nessun canale", e.id));
        }
    }
    errori
}
