//! Step 2, render: each page's Markdown to HTML (pulldown-cmark via civis-markdown), its links written as source
//! files resolved to relative URLs, and the anchors they name collected for the check once every page is rendered.

use crate::url;
use civis_content::{Diagnostic, Page};
use civis_markdown::Heading;
use std::cell::RefCell;
use std::collections::HashMap;

/// A page's Markdown rendered.
pub(crate) struct Rendered {
    pub(crate) html: String,
    pub(crate) headings: Vec<Heading>,
}

/// An internal link to check once every page is rendered: (source file, line, target output path, anchor).
pub(crate) type Anchor = (String, usize, String, String);

/// The problem of an anchor that names no heading of its target.
pub(crate) fn broken_anchor((file, line, target, anchor): &Anchor) -> Diagnostic {
    Diagnostic::new(
        file.clone(),
        *line,
        1,
        format!("ancora rotta `#{anchor}`: nessun titolo con questo id in `{target}`"),
    )
}

/// Renders one page's Markdown, resolving links written as source files, with the renderer's words in the page's
/// language.
pub(crate) fn render_markdown(
    p: &Page,
    by_source: &HashMap<&str, &Page>,
    words: &civis_markdown::Words,
) -> (Rendered, Vec<Diagnostic>, Vec<Anchor>) {
    let anchors = RefCell::new(Vec::new());
    let resolve = |dest: &str, line: usize| -> Result<String, String> {
        let (file, anchor) = dest.split_once('#').unwrap_or((dest, ""));
        let target = if file.is_empty() {
            p
        } else if file.ends_with(".md") {
            let joined = url::join_source(&p.source, file)
                .ok_or_else(|| format!("il link `{dest}` esce dalla cartella content/"))?;
            by_source
                .get(joined.as_str())
                .copied()
                .ok_or_else(|| format!("link rotto `{dest}`: non esiste la pagina content/{joined}"))?
        } else {
            return Ok(dest.to_string());
        };
        if !anchor.is_empty() {
            anchors.borrow_mut().push((p.file.clone(), line, target.path.clone(), anchor.to_string()));
        }
        let base = if file.is_empty() { String::new() } else { url::relative(&p.path, &target.path) };
        Ok(if anchor.is_empty() { base } else { format!("{base}#{anchor}") })
    };
    let out = civis_markdown::render_in(&p.file, p.body_line, &p.body, &resolve, words);
    (Rendered { html: out.html, headings: out.headings }, out.errors, anchors.into_inner())
}
