//! One Markdown page: front matter and body, and the output path it gets.

use crate::Diagnostic;
use chrono::NaiveDate;
use serde::Deserialize;

/// The YAML front matter of a page.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FrontMatter {
    /// Title.
    pub title: String,
    /// One-sentence description.
    pub description: String,
    /// Order among siblings (then title).
    #[serde(default)]
    pub weight: i64,
    /// Date of the last change to the text.
    #[serde(default)]
    pub updated: Option<NaiveDate>,
    /// Date a person last checked the page against the law (`check` warns after 12 months).
    #[serde(default)]
    pub reviewed: Option<NaiveDate>,
    /// Citations a citizen can check: norms and public documents, by their names.
    #[serde(default)]
    pub sources: Vec<String>,
    /// For maintainers only, never shown: where the project checked the text in its own documents (`doc. 004 l.
    /// 1636`).
    #[serde(default)]
    pub riscontro: Vec<String>,
    /// First day the page's rules are in force.
    #[serde(default)]
    pub valid_from: Option<NaiveDate>,
    /// Last day the page's rules are in force.
    #[serde(default)]
    pub valid_until: Option<NaiveDate>,
    /// Old output paths that must redirect here.
    #[serde(default)]
    pub aliases: Vec<String>,
    /// Template name (default `page.html` or `section.html`).
    #[serde(default)]
    pub template: Option<String>,
    /// For a page in a translation's folder: the source page it translates and the check of it.
    #[serde(default)]
    pub translation: Option<Translation>,
}

/// What a translated page records of its source (`translation:` in its front matter).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Translation {
    /// The source page, as a path under `content/` (`riscossione/fermo.md`).
    pub of: String,
    /// The fingerprint of the source page's text when this translation was made or last checked against it.
    pub source_fingerprint: String,
    /// The day of that check.
    pub reviewed: NaiveDate,
    /// Who checked it.
    pub reviewer: String,
}

/// A page of the site.
#[derive(Debug, Clone)]
pub struct Page {
    /// Source file relative to the site root (`content/civis/_index.md`), for messages.
    pub file: String,
    /// Source file relative to `content/` (`civis/_index.md`), used by links.
    pub source: String,
    /// Output folder (`civis/`, `` for the home page).
    pub path: String,
    /// Whether it is a section (`_index.md`).
    pub is_section: bool,
    /// Front matter.
    pub front: FrontMatter,
    /// Markdown body.
    pub body: String,
    /// 1-based line of the body's first line in the file.
    pub body_line: usize,
    /// Top-level front matter keys and their 1-based lines in the file, for diagnostics about a key.
    pub key_lines: Vec<(String, usize)>,
    /// The front matter as written (its first line is the file's line 2), for checks that read its values.
    pub header: String,
    /// The page's language: the site's own, or the translation whose folder holds it (`en/…`).
    pub lang: String,
}

/// The top-level keys of a front matter (`yaml`, starting on the file's line 2) with their lines.
fn key_lines(yaml: &str) -> Vec<(String, usize)> {
    yaml.lines()
        .enumerate()
        .filter(|(_, l)| l.starts_with(|c: char| c.is_ascii_alphabetic()))
        .filter_map(|(i, l)| l.split_once(':').map(|(k, _)| (k.trim().to_string(), i + 2)))
        .collect()
}

impl Page {
    /// The text a translation is made from, whose fingerprint it records: title, description and body.
    pub fn testo_sorgente(&self) -> String {
        format!("{}\n{}\n{}", self.front.title, self.front.description, self.body)
    }

    /// The line of a front matter key; the front matter's first line (2) when the key is absent.
    pub fn key_line(&self, key: &str) -> usize {
        self.key_lines.iter().find(|(k, _)| k == key).map_or(2, |(_, l)| *l)
    }

    /// Parses a page; `file` is for messages, `source` is the path under `content/`.
    pub fn parse(file: &str, source: &str, text: &str) -> Result<Page, Vec<Diagnostic>> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let Some(rest) = text.strip_prefix("---\n").or_else(|| text.strip_prefix("---\r\n")) else {
            return Err(vec![Diagnostic::new(
                file,
                1,
                1,
                "manca l'intestazione (front matter): il file deve iniziare con una riga `---`",
            )]);
        };
        let Some(end) = rest
            .find("\n---")
            .filter(|&i| rest[i + 4..].starts_with('\n') || rest[i + 4..].starts_with("\r\n") || rest.len() == i + 4)
        else {
            return Err(vec![Diagnostic::new(
                file,
                1,
                1,
                "intestazione non chiusa: aggiungi una riga `---` dopo l'ultima chiave",
            )]);
        };
        let yaml = &rest[..end + 1];
        let body_start = (end + 4 + rest[end + 4..].find('\n').map_or(0, |i| i + 1)).min(rest.len());
        let body_line = 1 + yaml.matches('\n').count() + 2;
        let front: FrontMatter = civis_core::yaml::da_testo_da(file, yaml, 1).map_err(|e| vec![e])?;
        let mut errors = Vec::new();
        if front.sources.is_empty() {
            errors.push(Diagnostic::new(
                file,
                2,
                1,
                "manca `sources`: cita il documento o l'articolo di legge da cui viene il testo",
            ));
        }
        if let Some(interna) = front.sources.iter().find(|f| civis_core::cita_documento_interno(f)) {
            errors.push(Diagnostic::new(
                file,
                key_lines(yaml).into_iter().find(|(k, _)| k == "sources").map_or(2, |(_, l)| l),
                1,
                format!(
                    "la fonte «{interna}» cita un documento interno del progetto, che chi legge non può consultare: \
                     scrivi la norma o il documento pubblico, e sposta il riferimento in `riscontro`"
                ),
            ));
        }
        if front.updated.is_none() {
            errors.push(Diagnostic::new(
                file,
                2,
                1,
                "manca `updated`: indica la data dell'ultima modifica (AAAA-MM-GG)",
            ));
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        let url_safe = |p: &str| {
            p.split('/').all(|seg| {
                !seg.is_empty()
                    && seg.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_')
            })
        };
        if !url_safe(source.strip_suffix(".md").unwrap_or(source)) {
            errors.push(Diagnostic::new(
                file,
                1,
                1,
                "il nome del file diventa un indirizzo: usa solo lettere minuscole, cifre, `-` e `_`",
            ));
        }
        if let Some(a) = front.aliases.iter().find(|a| !url_safe(a.trim_matches('/'))) {
            let line = key_lines(yaml).into_iter().find(|(k, _)| k == "aliases").map_or(2, |(_, l)| l);
            errors.push(Diagnostic::new(
                file,
                line,
                1,
                format!("alias `{a}`: usa solo lettere minuscole, cifre, `-`, `_` e `/`"),
            ));
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        let (path, is_section) = output_path(source);
        let key_lines = key_lines(yaml);
        Ok(Page {
            file: file.into(),
            source: source.into(),
            path,
            is_section,
            front,
            body: rest[body_start..].to_string(),
            body_line,
            key_lines,
            header: yaml.to_string(),
            lang: String::new(),
        })
    }
}

/// The output folder of a source path: `a/_index.md` → `a/`, `a/b.md` → `a/b/`, `_index.md` → ``.
pub(crate) fn output_path(source: &str) -> (String, bool) {
    let stem = source.strip_suffix(".md").unwrap_or(source);
    match stem.strip_suffix("_index") {
        Some(dir) => (dir.to_string(), true),
        None => (format!("{stem}/"), false),
    }
}

#[cfg(test)]
mod test {
    use super::*;

    const OK: &str =
        "---\ntitle: T\ndescription: D\nupdated: 2026-11-25\nsources: [\"art. 1\"]\n---\n# Titolo\n\ntesto\n";

    #[test]
    fn parses_front_matter_and_body_line() {
        let p = Page::parse("content/a/b.md", "a/b.md", OK).unwrap();
        assert_eq!(p.path, "a/b/");
        assert_eq!(p.body_line, 7);
        assert!(p.body.starts_with("# Titolo"));
    }

    #[test]
    fn unknown_key_is_reported_at_its_line() {
        let e = Page::parse("content/x.md", "x.md", &OK.replace("updated:", "colore: blu\nupdated:")).unwrap_err();
        assert_eq!((e[0].line, e[0].file.as_str()), (4, "content/x.md"), "{}", e[0]);
        assert!(e[0].message.contains("chiave sconosciuta `colore`"), "{}", e[0]);
    }

    #[test]
    fn file_names_and_aliases_must_be_url_safe() {
        let e = Page::parse("content/Perché.md", "Perché.md", OK).unwrap_err();
        assert!(e[0].message.contains("diventa un indirizzo"), "{}", e[0]);
        let e = Page::parse("content/a.md", "a.md", &OK.replace("---\n#", "aliases: [\"vecchia pagina\"]\n---\n#"))
            .unwrap_err();
        assert!(e[0].message.contains("alias `vecchia pagina`"), "{}", e[0]);
        assert!(Page::parse("content/civis/_index.md", "civis/_index.md", OK).is_ok());
    }

    #[test]
    fn sections_and_home() {
        assert_eq!(output_path("_index.md"), (String::new(), true));
        assert_eq!(output_path("civis/_index.md"), ("civis/".into(), true));
    }
}
