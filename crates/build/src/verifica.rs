//! The final check over the output: every `href`/`src` in every HTML file is relative and resolves to a file
//! of the output, anchors included; nothing points at another origin (except plain links to external pages).

use rayon::prelude::*;
use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap, HashSet};

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

/// Problems: (output file, message).
pub(crate) fn check_links(files: &BTreeMap<String, Vec<u8>>) -> Vec<(String, String)> {
    let html: HashMap<&str, &str> = files
        .iter()
        .filter(|(p, _)| p.ends_with(".html"))
        .filter_map(|(p, b)| std::str::from_utf8(b).ok().map(|s| (p.as_str(), s)))
        .collect();
    let ids: HashMap<&str, HashSet<Cow<str>>> =
        html.par_iter().map(|(p, s)| (*p, attributes(s, "id").into_iter().collect())).collect();
    let mut sorted: Vec<_> = html.iter().collect();
    sorted.sort();
    sorted.par_iter().flat_map_iter(|(page, text)| page_errors(page, text, files, &ids)).collect()
}

/// The link problems of one output page against the rest of the output, reading the ids only of the files the
/// page links to (the fast rebuild of one page in `serve`).
pub(crate) fn check_page(page: &str, text: &str, files: &BTreeMap<String, Vec<u8>>) -> Vec<(String, String)> {
    let targets: HashSet<String> = attributes(text, "href")
        .into_iter()
        .filter_map(|l| {
            let (path, _) = l.split_once('#').unwrap_or((l.as_ref(), ""));
            let path = path.split('?').next().unwrap_or_default();
            if path.is_empty() {
                Some(page.to_string())
            } else {
                resolve(page, path)
            }
        })
        .collect();
    let testi: Vec<(String, String)> = targets
        .into_iter()
        .filter_map(|t| {
            let testo = if t == page {
                Some(text.to_string())
            } else {
                files.get(&t).and_then(|b| String::from_utf8(b.clone()).ok())
            };
            testo.map(|x| (t, x))
        })
        .collect();
    let ids: HashMap<&str, HashSet<Cow<str>>> =
        testi.iter().map(|(p, s)| (p.as_str(), attributes(s, "id").into_iter().collect())).collect();
    page_errors(page, text, files, &ids)
}

/// The link problems of one page.
fn page_errors(
    page: &str,
    text: &str,
    files: &BTreeMap<String, Vec<u8>>,
    ids: &HashMap<&str, HashSet<Cow<str>>>,
) -> Vec<(String, String)> {
    let mut errors = Vec::new();
    {
        let hrefs = attributes(text, "href").into_iter().map(|h| (h, true));
        let srcs = attributes(text, "src").into_iter().map(|s| (s, false));
        for (link, is_href) in hrefs.chain(srcs) {
            let link = link.as_ref();
            if link.starts_with("data:") || link.starts_with("mailto:") || link.starts_with("tel:") {
                continue;
            }
            if link.starts_with('/') {
                errors.push((
                    page.to_string(),
                    format!("indirizzo assoluto `{link}`: ogni indirizzo interno deve essere relativo"),
                ));
                continue;
            }
            if link.contains("://") {
                if !is_href {
                    errors.push((page.to_string(), format!("risorsa da un altro sito `{link}`")));
                }
                continue;
            }
            let (path, anchor) = link.split_once('#').unwrap_or((link, ""));
            let path = path.split('?').next().unwrap_or_default();
            let target = if path.is_empty() { Some(page.to_string()) } else { resolve(page, path) };
            let Some(target) = target.filter(|t| files.contains_key(t)) else {
                errors.push((page.to_string(), format!("link rotto `{link}`: il file non esiste nel sito generato")));
                continue;
            };
            // A fragment with `=` is a state of the wizard (its answers), checked by the engine, not a heading id.
            let stato = anchor.contains('=');
            if !anchor.is_empty() && !stato && ids.get(target.as_str()).is_some_and(|set| !set.contains(anchor)) {
                errors.push((page.to_string(), format!("ancora rotta `{link}`: nessun id `{anchor}` in {target}")));
            }
        }
    }
    errors
}

#[cfg(test)]
mod test {
    use super::*;

    fn site(pages: &[(&str, &str)]) -> BTreeMap<String, Vec<u8>> {
        pages.iter().map(|(p, h)| (p.to_string(), h.as_bytes().to_vec())).collect()
    }

    #[test]
    fn finds_broken_absolute_foreign_and_anchor_links() {
        let s = site(&[
            (
                "index.html",
                r#"<a href="a/index.html#x">ok</a><a href="/a/">abs</a><img src="https://cdn.example/x.png"><a href="b/index.html">no</a><a href="a/index.html#y">anchor</a><a href="https://example.org">ext</a>"#,
            ),
            ("a/index.html", r#"<h2 id="x">X</h2><a href="../index.html">up</a>"#),
        ]);
        let msgs: Vec<String> = check_links(&s).into_iter().map(|(_, m)| m).collect();
        assert_eq!(msgs.len(), 4, "{msgs:?}");
        assert!(msgs[0].starts_with("indirizzo assoluto"), "{msgs:?}");
        assert!(msgs.iter().any(|m| m.starts_with("risorsa da un altro sito")));
        assert!(msgs.iter().any(|m| m.starts_with("link rotto `b/index.html`")));
        assert!(msgs.iter().any(|m| m.starts_with("ancora rotta `a/index.html#y`")));
    }
}
