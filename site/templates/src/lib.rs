//! Theme templating with Tera. The default theme (`themes/default/`) is embedded in the binary; a site overrides
//! any template or static file by placing a file of the same name in `ROOT/themes/<theme>/`.

use civis_content::Diagnostic;
use std::path::Path;

include!(concat!(env!("OUT_DIR"), "/tema.rs"));

/// A loaded theme: templates ready to render and the static files to copy.
pub struct Theme {
    tera: tera::Tera,
    /// Where each template comes from, for diagnostics: the site's override, or the embedded default theme.
    origini: Vec<(String, String)>,
    /// Static files: (output path, bytes).
    pub static_files: Vec<(String, Vec<u8>)>,
    /// The strings of the theme's furniture, one file per language (`it.yaml`): (name, where it comes from, text).
    pub strings: Vec<(String, String, String)>,
}

/// Loads the built-in theme, then the overrides in `ROOT/themes/<name>/templates` and `.../static`.
pub fn load(root: &Path, name: &str) -> Result<Theme, Vec<Diagnostic>> {
    let dir = root.join("themes").join(name);
    let mut templates: Vec<(String, String)> =
        TEMPLATES.iter().map(|(n, t)| (n.to_string(), String::from_utf8_lossy(t).into_owned())).collect();
    let mut static_files: Vec<(String, Vec<u8>)> = STATIC.iter().map(|(n, b)| (n.to_string(), b.to_vec())).collect();
    let mut origini: Vec<(String, String)> =
        TEMPLATES.iter().map(|(n, _)| (n.to_string(), format!("(tema incorporato) templates/{n}"))).collect();
    let mut strings: Vec<(String, String, String)> = LINGUE
        .iter()
        .map(|(n, t)| {
            (n.to_string(), format!("(tema incorporato) lingue/{n}"), String::from_utf8_lossy(t).into_owned())
        })
        .collect();
    let mut errors = Vec::new();
    let base = dir.join("lingue");
    if base.is_dir() {
        let (trovati, mut problemi) = civis_content::folder::files_of(root, &base);
        errors.append(&mut problemi);
        for (rel, percorso) in trovati {
            let shown = percorso.strip_prefix(root).unwrap_or(&percorso).to_string_lossy().into_owned();
            match std::fs::read_to_string(&percorso) {
                Ok(text) => {
                    strings.retain(|(n, _, _)| *n != rel);
                    strings.push((rel, shown, text));
                }
                Err(e) => errors.push(Diagnostic::new(shown, 0, 0, format!("non riesco a leggere il file: {e}"))),
            }
        }
    }
    for (sub, is_template) in [("templates", true), ("static", false)] {
        let base = dir.join(sub);
        if !base.is_dir() {
            continue;
        }
        let (trovati, mut problemi) = civis_content::folder::files_of(root, &base);
        errors.append(&mut problemi);
        for (rel, percorso) in trovati {
            let shown = percorso.strip_prefix(root).unwrap_or(&percorso).to_string_lossy().into_owned();
            match std::fs::read(&percorso) {
                Ok(bytes) if is_template => match String::from_utf8(bytes) {
                    Ok(text) => {
                        replace(&mut origini, rel.clone(), shown.clone());
                        replace(&mut templates, rel, text)
                    }
                    Err(_) => errors.push(Diagnostic::new(shown, 0, 0, "il template non è in UTF-8")),
                },
                Ok(bytes) => replace(&mut static_files, rel, bytes),
                Err(e) => errors.push(Diagnostic::new(shown, 0, 0, format!("non riesco a leggere il file: {e}"))),
            }
        }
    }
    if let Some((nome, riga, giro)) = cycle(&templates) {
        let file = origini.iter().find(|(n, _)| *n == nome).map_or(nome.clone(), |(_, o)| o.clone());
        errors.push(Diagnostic::new(
            file,
            riga,
            1,
            format!("i template si includono a vicenda senza fine ({}): togli l'inclusione", giro.join(" → ")),
        ));
        return Err(errors);
    }
    let mut tera = tera::Tera::default();
    tera.autoescape_on(vec![".html"]);
    if let Err(e) = tera.add_raw_templates(templates.iter().map(|(n, t)| (n.as_str(), t.as_str()))) {
        errors.push(Diagnostic::new(format!("themes/{name}/templates"), 0, 0, chain(&e)));
    }
    if errors.is_empty() {
        Ok(Theme { tera, origini, static_files, strings })
    } else {
        Err(errors)
    }
}

/// The templates a template includes or extends, with the line of each tag: a plain scan of `{% include "…" %}`
/// and `{% extends "…" %}` tags, enough to find a loop before Tera would recurse into it until the stack ends.
fn includes(testo: &str) -> Vec<(String, usize)> {
    let mut out = Vec::new();
    let mut resto = testo;
    let mut offset = 0;
    while let Some(inizio) = resto.find("{%") {
        let Some(fine) = resto[inizio..].find("%}") else { break };
        let tag = resto[inizio + 2..inizio + fine].trim_start_matches('-').trim();
        if tag.starts_with("include") || tag.starts_with("extends") {
            let riga = testo[..offset + inizio].matches('\n').count() + 1;
            for (i, parte) in tag.split(['"', '\'']).enumerate() {
                if i % 2 == 1 {
                    out.push((parte.to_string(), riga));
                }
            }
        }
        offset += inizio + fine + 2;
        resto = &resto[inizio + fine + 2..];
    }
    out
}

/// A loop of inclusions: the template where it closes, the line of its tag and the chain of names.
fn cycle(templates: &[(String, String)]) -> Option<(String, usize, Vec<String>)> {
    let archi: Vec<(String, Vec<(String, usize)>)> = templates.iter().map(|(n, t)| (n.clone(), includes(t))).collect();
    let figli = |n: &str| archi.iter().find(|(m, _)| m == n).map(|(_, a)| a.as_slice()).unwrap_or_default();
    // Depth-first from every template; `percorso` is the chain being explored.
    fn visit<'a>(
        n: &'a str,
        figli: &dyn Fn(&str) -> &'a [(String, usize)],
        percorso: &mut Vec<&'a str>,
        finiti: &mut std::collections::HashSet<&'a str>,
    ) -> Option<(String, usize, Vec<String>)> {
        if finiti.contains(n) {
            return None;
        }
        percorso.push(n);
        for (figlio, riga) in figli(n) {
            if let Some(i) = percorso.iter().position(|p| p == figlio) {
                let mut giro: Vec<String> = percorso[i..].iter().map(|s| s.to_string()).collect();
                giro.push(figlio.clone());
                return Some((n.to_string(), *riga, giro));
            }
            if let Some(c) = visit(figlio, figli, percorso, finiti) {
                return Some(c);
            }
        }
        percorso.pop();
        finiti.insert(n);
        None
    }
    let mut finiti = std::collections::HashSet::new();
    templates.iter().find_map(|(n, _)| visit(n, &figli, &mut Vec::new(), &mut finiti))
}

fn replace<T>(list: &mut Vec<(String, T)>, name: String, value: T) {
    match list.iter_mut().find(|(n, _)| *n == name) {
        Some(slot) => slot.1 = value,
        None => list.push((name, value)),
    }
}

/// A Tera error with its causes, on one line.
fn chain(e: &tera::Error) -> String {
    let mut msg = e.to_string();
    let mut source = std::error::Error::source(e);
    while let Some(s) = source {
        msg.push_str(": ");
        msg.push_str(&s.to_string());
        source = s.source();
    }
    msg
}

impl Theme {
    /// Whether the theme has this template.
    pub fn has(&self, name: &str) -> bool {
        self.tera.get_template_names().any(|n| n == name)
    }

    /// Renders a template; the problem is reported at the template's file (the site's override or the embedded
    /// theme's), with Tera's causes.
    pub fn render(&self, name: &str, ctx: &tera::Context) -> Result<String, Diagnostic> {
        self.tera.render(name, ctx).map_err(|e| Diagnostic::new(self.origin(name), 0, 0, chain(&e)))
    }

    /// The file a template comes from, as shown to the author.
    pub fn origin(&self, name: &str) -> String {
        self.origini.iter().find(|(n, _)| n == name).map_or_else(|| format!("templates/{name}"), |(_, o)| o.clone())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_template_that_includes_itself_is_an_error_at_its_line() {
        let t = |n: &str, s: &str| (n.to_string(), s.to_string());
        let templates = [
            t("a.html", "x\n{% include \"b.html\" %}"),
            t("b.html", "\n\n{%- include 'a.html' -%}"),
            t("c.html", "{% include \"b.html\" %}"),
        ];
        let (nome, riga, giro) = cycle(&templates).unwrap();
        assert_eq!((nome.as_str(), riga), ("b.html", 3));
        assert_eq!(giro, ["a.html", "b.html", "a.html"]);
        assert!(cycle(&[t("a.html", "{% include \"b.html\" %}"), t("b.html", "{{ x }}")]).is_none());
    }
}
