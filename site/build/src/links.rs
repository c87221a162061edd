//! The link check of the output: every `href`/`src` in every HTML file is relative and resolves to a file of the
//! output, anchors included; nothing points at another origin (except plain links to external pages).
//!
//! Each page is examined once, as it is rendered ([`examine`]), against the names of every output file, which are
//! known before any page is rendered. What the check keeps of a page is its ids ([`LinkMap`]) and its links into
//! other pages' anchors ([`PendingAnchor`]), checked once every page's ids are known ([`LinkMap::broken_pending`]): the
//! page's bytes can be written and dropped at once, so a build never holds its whole output in memory.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};

/// A problem of the output: (output file, message).
pub(crate) type Problem = (String, String);

/// A file's name and what [`LinkMap::record`] found under it before.
pub(crate) type Replaced = (String, Option<Option<HashSet<Box<str>>>>);

/// A link into another page's anchor, checked once every page's ids are known.
pub(crate) struct PendingAnchor {
    da: Box<str>,
    verso: Box<str>,
    ancora: Box<str>,
    link: Box<str>,
}

/// What the check learnt of one page: its ids, its problems, its links into other pages' anchors.
#[derive(Default)]
pub(crate) struct Examination {
    pub(crate) ids: HashSet<Box<str>>,
    pub(crate) problems: Vec<Problem>,
    pub(crate) pending: Vec<PendingAnchor>,
}

/// The output as the link check knows it: every file's name and, once examined, each HTML file's ids.
#[derive(Default)]
pub(crate) struct LinkMap {
    file: HashMap<String, Option<HashSet<Box<str>>>>,
}

impl LinkMap {
    /// The output's file names, none examined yet.
    pub(crate) fn with_names<'a>(nomi: impl IntoIterator<Item = &'a str>) -> LinkMap {
        LinkMap { file: nomi.into_iter().map(|n| (n.to_string(), None)).collect() }
    }

    /// Whether the output has this file.
    pub(crate) fn exists(&self, file: &str) -> bool {
        self.file.contains_key(file)
    }

    /// Every file's name, in no order.
    pub(crate) fn names(&self) -> impl Iterator<Item = &str> {
        self.file.keys().map(String::as_str)
    }

    /// How many files.
    pub(crate) fn count(&self) -> usize {
        self.file.len()
    }

    /// Records a file, with the ids of an HTML file; what was recorded before under its name.
    pub(crate) fn record(&mut self, file: String, ids: Option<HashSet<Box<str>>>) -> Option<Option<HashSet<Box<str>>>> {
        self.file.insert(file, ids)
    }

    /// Forgets a file no longer in the output.
    pub(crate) fn remove(&mut self, file: &str) {
        self.file.remove(file);
    }

    /// Records examined pages (their ids first, so that they may link to each other's anchors), then checks
    /// their links into other pages' anchors: the problems, and what each page replaced (to put it back when
    /// the pages are not kept after all).
    pub(crate) fn accept(&mut self, esami: Vec<(String, Examination)>) -> (Vec<Problem>, Vec<Replaced>) {
        let mut problemi = Vec::new();
        let mut rinvii = Vec::new();
        let mut prima = Vec::new();
        for (file, esame) in esami {
            problemi.extend(esame.problems);
            rinvii.extend(esame.pending);
            prima.push((file.clone(), self.record(file, Some(esame.ids))));
        }
        problemi.extend(self.broken_pending(&rinvii));
        (problemi, prima)
    }

    /// The links among `rinvii` whose anchor names no id of the page they point to (a page not examined, like
    /// any file that is not HTML, has no ids to check).
    fn broken_pending(&self, rinvii: &[PendingAnchor]) -> Vec<Problem> {
        rinvii
            .iter()
            .filter(|r| self.file.get(&*r.verso).and_then(Option::as_ref).is_some_and(|ids| !ids.contains(&r.ancora)))
            .map(|r| (r.da.to_string(), format!("ancora rotta `{}`: nessun id `{}` in {}", r.link, r.ancora, r.verso)))
            .collect()
    }
}

/// An attribute value as the browser reads it (the entities our templates emit decoded); borrowed when it has
/// none, which is almost always.
fn decode(value: &str) -> Cow<'_, str> {
    if !value.contains('&') {
        return Cow::Borrowed(value);
    }
    Cow::Owned(
        value
            .replace("&#x2F;", "/")
            .replace("&#x27;", "'")
            .replace("&quot;", "\"")
            .replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&amp;", "&"),
    )
}

/// The values of `attr="…"` attributes in an HTML text, decoded.
fn attributes<'a>(html: &'a str, attr: &str) -> Vec<Cow<'a, str>> {
    let needle = format!(" {attr}=\"");
    let finder = memchr::memmem::Finder::new(needle.as_bytes());
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(i) = finder.find(rest.as_bytes()) {
        let after = &rest[i + needle.len()..];
        let end = after.find('"').unwrap_or(after.len());
        out.push(decode(&after[..end]));
        rest = &after[end..];
    }
    out
}

/// Resolves `target` relative to the output file `from` (`a/b/index.html`); a folder means its `index.html`.
fn resolve(from: &str, target: &str) -> Option<String> {
    let joined = crate::url::join_source(from, target)?;
    Some(if joined.is_empty() || target.ends_with('/') {
        format!("{joined}{}index.html", if joined.is_empty() { "" } else { "/" })
    } else {
        joined
    })
}

/// Examines the output page `page` (its HTML `text`): every link against the files the output has (`exists`),
/// anchors into the page itself at once, anchors into other pages left as [`PendingAnchor`]s.
pub(crate) fn examine(page: &str, text: &str, exists: &dyn Fn(&str) -> bool) -> Examination {
    let ids: HashSet<Box<str>> = attributes(text, "id").into_iter().map(|i| Box::from(i.as_ref())).collect();
    let mut problemi = Vec::new();
    let mut rinvii = Vec::new();
    let hrefs = attributes(text, "href").into_iter().map(|h| (h, true));
    let srcs = attributes(text, "src").into_iter().map(|s| (s, false));
    for (link, is_href) in hrefs.chain(srcs) {
        let link = link.as_ref();
        if link.starts_with("data:") || link.starts_with("mailto:") || link.starts_with("tel:") {
            continue;
        }
        if link.starts_with('/') {
            let msg = format!("indirizzo assoluto `{link}`: ogni indirizzo interno deve essere relativo");
            problemi.push((page.to_string(), msg));
            continue;
        }
        if link.contains("://") {
            if !is_href {
                problemi.push((page.to_string(), format!("risorsa da un altro sito `{link}`")));
            }
            continue;
        }
        let (path, anchor) = link.split_once('#').unwrap_or((link, ""));
        let path = path.split('?').next().unwrap_or_default();
        let target = if path.is_empty() { Some(page.to_string()) } else { resolve(page, path) };
        let Some(target) = target.filter(|t| t == page || exists(t)) else {
            problemi.push((page.to_string(), format!("link rotto `{link}`: il file non esiste nel sito generato")));
            continue;
        };
        // A fragment with `=` is a state of the wizard (its answers), checked by the engine, not a heading id.
        if anchor.is_empty() || anchor.contains('=') {
            continue;
        }
        if target == page {
            if !ids.contains(anchor) {
                problemi.push((page.to_string(), format!("ancora rotta `{link}`: nessun id `{anchor}` in {target}")));
            }
        } else {
            rinvii.push(PendingAnchor {
                da: page.into(),
                verso: target.into(),
                ancora: anchor.into(),
                link: link.into(),
            });
        }
    }
    Examination { ids, problems: problemi, pending: rinvii }
}

#[cfg(test)]
mod test {
    use super::*;

    /// Every problem of a whole output, the way a build finds them: each page examined, then the anchors.
    fn problems(pages: &[(&str, &str)]) -> Vec<String> {
        let mut mappa = LinkMap::with_names(pages.iter().map(|(p, _)| *p));
        let html = pages.iter().filter(|(p, _)| p.ends_with(".html"));
        let esami = html.map(|(p, h)| (p.to_string(), examine(p, h, &|f| mappa.exists(f)))).collect();
        mappa.accept(esami).0.into_iter().map(|(_, m)| m).collect()
    }

    #[test]
    fn finds_broken_absolute_foreign_and_anchor_links() {
        let msgs = problems(&[
            (
                "index.html",
                r##"<a href="a/index.html#x">ok</a><a href="/a/">abs</a><img src="https://cdn.example/x.png"><a href="b/index.html">no</a><a href="a/index.html#y">anchor</a><a href="https://example.org">ext</a><a href="#z">self</a><a href="#qui" id="qui">ok</a>"##,
            ),
            ("a/index.html", r#"<h2 id="x">X</h2><a href="../index.html">up</a><a href="../x.pdf#page=2">pdf</a>"#),
            ("x.pdf", ""),
        ]);
        assert_eq!(msgs.len(), 5, "{msgs:?}");
        assert!(msgs[0].starts_with("indirizzo assoluto"), "{msgs:?}");
        assert!(msgs.iter().any(|m| m.starts_with("risorsa da un altro sito")));
        assert!(msgs.iter().any(|m| m.starts_with("link rotto `b/index.html`")));
        assert!(msgs.iter().any(|m| m.starts_with("ancora rotta `a/index.html#y`")));
        assert!(msgs.iter().any(|m| m.starts_with("ancora rotta `#z`: nessun id `z` in index.html")));
    }
}
