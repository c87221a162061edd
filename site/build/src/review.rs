//! Keeping the guidance current: every page and rules file says when a person last checked it against the law
//! (`reviewed`); a review older than 12 months at the build's date is a warning, not an error, so that an old
//! review never blocks publishing a correction.

use chrono::{Months, NaiveDate};
use civis_content::{Diagnostic, Page};
use civis_engine::modello::Regole;
use civis_engine::testo::data_it;

/// How long a review stays fresh.
const VALIDITY: Months = Months::new(12);

/// The warnings for missing or stale reviews, at the build's date `oggi`.
pub(crate) fn warnings(pagine: &[Page], regole: Option<&Regole>, oggi: NaiveDate) -> Vec<Diagnostic> {
    let scaduta = |d: NaiveDate| d.checked_add_months(VALIDITY).is_some_and(|limite| limite < oggi);
    let vecchia = |d: NaiveDate| {
        format!(
            "avviso: verificata il {}, più di 12 mesi fa: ricontrolla il testo sulle fonti e aggiorna `reviewed`",
            data_it(d)
        )
    };
    let mut out = Vec::new();
    // A translation is checked against its source, not the law: its date is `translation.reviewed`, and a change
    // of its source makes it stale (`traduzioni`), which the source's own review covers.
    for p in pagine.iter().filter(|p| p.front.translation.is_none()) {
        match p.front.reviewed {
            None => out.push(Diagnostic::new(
                &p.file,
                p.key_line("reviewed"),
                1,
                "avviso: manca `reviewed`, la data in cui una persona ha verificato la pagina sulle norme",
            )),
            Some(d) if scaduta(d) => out.push(Diagnostic::new(&p.file, p.key_line("reviewed"), 1, vecchia(d))),
            Some(_) => {}
        }
    }
    for (file, d) in regole.map(|r| &*r.revisioni).unwrap_or_default() {
        if scaduta(*d) {
            let riga = regole
                .and_then(|r| r.sorgenti.iter().find(|(f, _)| f == file))
                .and_then(|(_, testo)| testo.lines().position(|l| l.starts_with("reviewed:")))
                .map_or(0, |i| i + 1);
            out.push(Diagnostic::new(&**file, riga, 1, vecchia(*d)));
        }
    }
    out
}

#[cfg(test)]
mod test {
    use super::*;

    fn pagina(reviewed: &str) -> Page {
        let testo = format!(
            "---\ntitle: T\ndescription: D\nupdated: 2025-01-01\n{reviewed}sources: [\"art. 1\"]\n---\ntesto\n"
        );
        Page::parse("content/a.md", "a.md", &testo).unwrap()
    }

    fn g(a: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(a, m, d).unwrap()
    }

    #[test]
    fn a_review_older_than_twelve_months_is_a_warning_at_its_line() {
        let p = [pagina("reviewed: 2025-11-24\n")];
        let w = warnings(&p, None, g(2026, 11, 25));
        assert_eq!(w.len(), 1, "{w:?}");
        assert_eq!((w[0].file.as_str(), w[0].line), ("content/a.md", 5));
        assert!(w[0].message.contains("24 novembre 2025"), "{}", w[0]);
        assert!(warnings(&p, None, g(2026, 11, 24)).is_empty(), "exactly 12 months is still fresh");
    }

    #[test]
    fn a_missing_review_is_a_warning() {
        let w = warnings(&[pagina("")], None, g(2026, 11, 25));
        assert!(w[0].message.contains("manca `reviewed`"), "{}", w[0]);
    }

    #[test]
    fn stale_rules_files_are_named_at_their_line() {
        let r = civis_engine::regole::incorporate();
        let oggi = r.revisioni[0].1.checked_add_months(Months::new(13)).unwrap();
        let w = warnings(&[], Some(r), oggi);
        assert_eq!(w.len(), civis_engine::regole::FILE.len(), "{w:?}");
        assert!(w.iter().all(|d| d.line > 0 && d.file.starts_with("content/wizard/")), "{w:?}");
    }
}
