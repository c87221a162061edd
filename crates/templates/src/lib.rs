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
}

/// Loads the built-in theme, then the overrides in `ROOT/themes/<name>/templates` and `.../static`.
pub fn load(root: &Path, name: &str) -> Result<Theme, Vec<Diagnostic>> {
    let dir = root.join("themes").join(name);
    let mut templates: Vec<(String, String)> =
        TEMPLATES.iter().map(|(n, t)| (n.to_string(), String::from_utf8_lossy(t).into_owned())).collect();
    let mut static_files: Vec<(String, Vec<u8>)> = STATIC.iter().map(|(n, b)| (n.to_string(), b.to_vec())).collect();
    let mut origini: Vec<(String, String)> =
        TEMPLATES.iter().map(|(n, _)| (n.to_string(), format!("(tema incorporato) templates/{n}"))).collect();
    let mut errors = Vec::new();
    for (sub, is_template) in [("templates", true), ("static", false)] {
        let base = dir.join(sub);
        for entry in walkdir::WalkDir::new(&base).into_iter().filter_map(Result::ok).filter(|e| e.file_type().is_file())
        {
            let rel = entry.path().strip_prefix(&base).expect("under base").to_string_lossy().replace('\\', "/");
            let shown = entry.path().strip_prefix(root).unwrap_or(entry.path()).to_string_lossy().into_owned();
            match std::fs::read(entry.path()) {
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
    let mut tera = tera::Tera::default();
    tera.autoescape_on(vec![".html"]);
    if let Err(e) = tera.add_raw_templates(templates.iter().map(|(n, t)| (n.as_str(), t.as_str()))) {
        errors.push(Diagnostic::new(format!("themes/{name}/templates"), 0, 0, chain(&e)));
    }
    if errors.is_empty() {
        Ok(Theme { tera, origini, static_files })
    } else {
        Err(errors)
    }
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
        self.tera.render(name, ctx).map_err(|e| Diagnostic::new(self.origine(name), 0, 0, chain(&e)))
    }

    /// The file a template comes from, as shown to the author.
    pub fn origine(&self, name: &str) -> String {
        self.origini.iter().find(|(n, _)| n == name).map_or_else(|| format!("templates/{name}"), |(_, o)| o.clone())
    }
}
