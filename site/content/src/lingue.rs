//! Languages as content. The site's own language (`it`) is the source: the theme writes its furniture's strings
//! (`themes/<theme>/lingue/it.yaml`). A translation is a folder of pages (`content/en/`) plus a file of strings
//! (`content/lingue/en.yaml`); adding one needs no code. Each translated page and string records the fingerprint
//! of the source text it was made from, so that the build can tell a current translation from a stale one
//! without dates (the "source hash" pattern of MediaWiki Translate).

use crate::Diagnostic;
use chrono::NaiveDate;
use serde::Deserialize;
use std::collections::BTreeMap;

/// Where the translations' strings files are, under the site root.
pub const CARTELLA_TESTI: &str = "content/lingue";

/// A language of the site: its strings and, for a translation, who checked them and when.
#[derive(Debug, Clone)]
pub struct Lingua {
    /// Code (`en`), as in `<html lang>` and `hreflang`; also the folder of its pages.
    pub codice: String,
    /// Its name in its own words (`English`, `Română`): what a reader recognises in a language switch.
    pub nome: String,
    /// The strings file, for messages.
    pub file: String,
    /// Month names, January first, for dates in words.
    pub mesi: Vec<String>,
    /// The strings by key.
    pub testi: BTreeMap<String, String>,
    /// For a translation: the fingerprint of the source string each translated string was made from.
    pub impronte: BTreeMap<String, String>,
    /// For a translation: when and by whom its strings were last checked against the source.
    pub revisione: Option<Revisione>,
    /// 1-based lines of the strings' keys, for messages about a key.
    righe: BTreeMap<String, usize>,
}

/// A check of a translation against its source.
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Revisione {
    /// The day of the check.
    pub reviewed: NaiveDate,
    /// Who checked (a person or a team), shown on the pages and the status page.
    pub reviewer: String,
}

/// The source strings file (the theme's).
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FileSorgente {
    name: String,
    months: Vec<String>,
    strings: BTreeMap<String, String>,
}

/// A translation's strings file.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FileTraduzione {
    name: String,
    reviewed: NaiveDate,
    reviewer: String,
    months: Vec<String>,
    strings: BTreeMap<String, StringaTradotta>,
}

/// One translated string and the fingerprint of the source string it translates.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct StringaTradotta {
    text: String,
    source_fingerprint: String,
}

/// The fingerprint of a source text: what a translation records, and what makes it stale when the source
/// changes. The same function for pages and strings, so that an editor can copy it from the status page.
pub fn impronta(testo: &str) -> String {
    civis_core::impronta::impronta(testo.as_bytes())
}

/// Whether `codice` can name a language: two or three lowercase letters (`en`, `ro`, `fil`).
pub fn codice_valido(codice: &str) -> bool {
    (2..=3).contains(&codice.len()) && codice.bytes().all(|b| b.is_ascii_lowercase())
}

/// The lines of the keys under `strings:` (two spaces of indent), for messages about a key.
fn righe_delle_chiavi(testo: &str) -> BTreeMap<String, usize> {
    let mut dentro = false;
    let mut righe = BTreeMap::new();
    for (i, riga) in testo.lines().enumerate() {
        if !riga.starts_with(' ') && !riga.trim().is_empty() {
            dentro = riga.starts_with("strings:");
        } else if let Some(chiave) = riga.strip_prefix("  ").filter(|r| dentro && !r.starts_with(' ')) {
            if let Some((k, _)) = chiave.split_once(':') {
                righe.insert(k.trim().trim_matches('"').to_string(), i + 1);
            }
        }
    }
    righe
}

impl Lingua {
    /// The line of a string's key in its file (the file's first line when it is not there).
    pub fn riga(&self, chiave: &str) -> usize {
        self.righe.get(chiave).copied().unwrap_or(1)
    }

    /// Reads the source strings (the theme's `lingue/<codice>.yaml`).
    pub fn sorgente(codice: &str, file: &str, testo: &str) -> Result<Lingua, Diagnostic> {
        let f: FileSorgente = civis_core::yaml::da_testo(file, testo)?;
        let lingua = Lingua {
            codice: codice.into(),
            nome: f.name,
            file: file.into(),
            mesi: f.months,
            testi: f.strings,
            impronte: BTreeMap::new(),
            revisione: None,
            righe: righe_delle_chiavi(testo),
        };
        lingua.controlla_mesi()?;
        Ok(lingua)
    }

    /// Reads a translation's strings (`content/lingue/<codice>.yaml`).
    pub fn traduzione(codice: &str, file: &str, testo: &str) -> Result<Lingua, Diagnostic> {
        let f: FileTraduzione = civis_core::yaml::da_testo(file, testo)?;
        let (testi, impronte) =
            f.strings.into_iter().map(|(k, s)| ((k.clone(), s.text), (k, s.source_fingerprint))).unzip();
        let lingua = Lingua {
            codice: codice.into(),
            nome: f.name,
            file: file.into(),
            mesi: f.months,
            testi,
            impronte,
            revisione: Some(Revisione { reviewed: f.reviewed, reviewer: f.reviewer }),
            righe: righe_delle_chiavi(testo),
        };
        lingua.controlla_mesi()?;
        Ok(lingua)
    }

    fn controlla_mesi(&self) -> Result<(), Diagnostic> {
        if self.mesi.len() == 12 {
            return Ok(());
        }
        Err(Diagnostic::new(
            self.file.clone(),
            0,
            0,
            format!("`months` deve avere i 12 nomi dei mesi, da gennaio a dicembre (ne ha {})", self.mesi.len()),
        ))
    }

    /// A date in words (`7 December 2026`), day, month name, year: the order both languages of the site use.
    pub fn data(&self, d: NaiveDate) -> String {
        use chrono::Datelike;
        let mese = self.mesi.get(d.month0() as usize).map_or("", String::as_str);
        format!("{} {mese} {}", d.day(), d.year())
    }
}

/// Reads every `content/lingue/*.yaml` of the site at `root` (none: the site has one language). `sorgente` is
/// the site's own language, which cannot be a translation of itself.
pub fn traduzioni(root: &std::path::Path, sorgente: &str) -> (Vec<Lingua>, Vec<Diagnostic>) {
    let dir = root.join(CARTELLA_TESTI);
    let mut lingue = Vec::new();
    let mut errori = Vec::new();
    if !dir.is_dir() {
        return (lingue, errori);
    }
    let (file, mut problemi) = crate::folder::files_of(root, &dir);
    errori.append(&mut problemi);
    for (nome, path) in file {
        let mostrato = format!("{CARTELLA_TESTI}/{nome}");
        let Some(codice) = nome.strip_suffix(".yaml") else {
            errori.push(Diagnostic::new(
                mostrato,
                0,
                0,
                "qui vanno solo i file dei testi delle lingue, `<codice>.yaml`",
            ));
            continue;
        };
        if !codice_valido(codice) || codice == sorgente {
            let perche = if codice == sorgente {
                format!("`{sorgente}` è la lingua del sito: i suoi testi sono nel tema (`lingue/{sorgente}.yaml`)")
            } else {
                "il nome del file è il codice della lingua: due o tre lettere minuscole (`en.yaml`, `ro.yaml`)".into()
            };
            errori.push(Diagnostic::new(mostrato, 0, 0, perche));
            continue;
        }
        let testo = match std::fs::read_to_string(&path) {
            Ok(t) => t,
            Err(e) => {
                errori.push(Diagnostic::new(mostrato, 0, 0, format!("non riesco a leggere il file: {e}")));
                continue;
            }
        };
        match Lingua::traduzione(codice, &mostrato, &testo) {
            Ok(l) => lingue.push(l),
            Err(e) => errori.push(e),
        }
    }
    (lingue, errori)
}

#[cfg(test)]
mod test {
    use super::*;

    const MESI: &str = "[a, b, c, d, e, f, g, h, i, j, k, l]";

    #[test]
    fn a_translation_records_the_source_fingerprint_of_each_string() {
        let testo = format!(
            "name: English\nreviewed: 2026-12-07\nreviewer: Team\nmonths: {MESI}\nstrings:\n  salta: {{ text: Skip, source_fingerprint: \"abc\" }}\n  menu:\n    text: Menu\n    source_fingerprint: \"def\"\n"
        );
        let l = Lingua::traduzione("en", "content/lingue/en.yaml", &testo).unwrap();
        assert_eq!(l.testi["salta"], "Skip");
        assert_eq!(l.impronte["menu"], "def");
        assert_eq!((l.riga("salta"), l.riga("menu")), (6, 7));
        assert_eq!(l.revisione.unwrap().reviewer, "Team");
    }

    #[test]
    fn months_must_be_twelve_and_keys_known() {
        let e = Lingua::sorgente("it", "t/it.yaml", "name: I\nmonths: [a]\nstrings: {}\n").unwrap_err();
        assert!(e.message.contains("12 nomi"), "{e}");
        let e = Lingua::sorgente("it", "t/it.yaml", &format!("name: I\nmonths: {MESI}\nstrings: {{}}\ncolore: blu\n"))
            .unwrap_err();
        assert!(e.message.contains("colore"), "{e}");
    }

    #[test]
    fn codes_and_dates() {
        assert!(codice_valido("en") && codice_valido("fil"));
        assert!(!codice_valido("EN") && !codice_valido("e") && !codice_valido("en-gb"));
        let l = Lingua::sorgente("it", "t", &format!("name: I\nmonths: {MESI}\nstrings: {{}}\n")).unwrap();
        assert_eq!(l.data(NaiveDate::from_ymd_opt(2026, 12, 7).unwrap()), "7 l 2026");
    }
}
