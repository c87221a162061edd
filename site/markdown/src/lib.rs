//! Markdown rendering with pulldown-cmark: tables, footnotes, strikethrough; stable heading ids with a visible
//! self-link; callouts (`> [!ATTENZIONE]`); internal links rewritten by the caller; raw HTML rejected.

mod anchor;

pub use anchor::slug;

pub use civis_core::Diagnostic;
use pulldown_cmark::{CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd};
use std::collections::HashSet;

/// A heading of the page (for the table of contents and anchor checks).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Heading {
    /// 1–6.
    pub level: u8,
    /// The `id` attribute.
    pub id: String,
    /// Plain text.
    pub text: String,
}

/// The rendered page.
#[derive(Debug, Default)]
pub struct Rendered {
    /// HTML body.
    pub html: String,
    /// Every heading, in order.
    pub headings: Vec<Heading>,
    /// Problems, at their line in the source file.
    pub errors: Vec<Diagnostic>,
}

/// The callout kinds and their visible titles.
/// The callouts' markers, in the order of [`Words::callouts`].
const CALLOUTS: [&str; 4] = ["ATTENZIONE", "SCADENZA", "ESEMPIO", "NOTA"];

/// Whether a link target is internal (relative, no scheme), so the caller must resolve it.
pub fn is_internal(dest: &str) -> bool {
    !dest.contains(':') && !dest.starts_with("//")
}

/// Renders Markdown, the body of `file` starting at its line `first_line` (after the front matter), so that every
/// problem is reported at its line in the file. `resolve` turns an internal link target (as written) into the
/// output URL, or says why it cannot; `#anchor` links on the same page are passed too. It also gets the link's
/// line in the file.
pub fn render(
    file: &str,
    first_line: usize,
    md: &str,
    resolve: &dyn Fn(&str, usize) -> Result<String, String>,
) -> Rendered {
    render_in(file, first_line, md, resolve, &Words::ITALIANO)
}

/// The words the renderer itself writes into a page: a translated page gets them in its language.
#[derive(Debug, Clone, Copy)]
pub struct Words<'a> {
    /// The label of a heading's self-link, before the heading's text (`Link a questa sezione`).
    pub anchor_label: &'a str,
    /// The titles of the callouts `[!ATTENZIONE]`, `[!SCADENZA]`, `[!ESEMPIO]` and `[!NOTA]`, in this order: the
    /// markers stay Italian in every language, as syntax.
    pub callouts: [&'a str; 4],
}

impl Words<'static> {
    /// The site's own language.
    pub const ITALIANO: Words<'static> =
        Words { anchor_label: "Link a questa sezione", callouts: ["Attenzione", "Scadenza", "Esempio", "Nota"] };
}

/// [`render`], with the renderer's own words in a page's language.
pub fn render_in(
    file: &str,
    first_line: usize,
    md: &str,
    resolve: &dyn Fn(&str, usize) -> Result<String, String>,
    words: &Words,
) -> Rendered {
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_HEADING_ATTRIBUTES;
    // Line starts computed once: a page with tens of thousands of links is not rescanned for each of them.
    let newlines: Vec<usize> = memchr::memchr_iter(b'\n', md.as_bytes()).collect();
    let line_of = |offset: usize| newlines.partition_point(|&n| n < offset) + first_line;
    let problem = |offset: usize, message: String| Diagnostic::new(file, line_of(offset), 1, message);
    let mut out = Rendered::default();
    let mut events: Vec<Event> = Vec::new();
    let mut used = HashSet::new();
    let mut heading: Option<(HeadingLevel, Option<String>, Vec<Event>)> = None;
    let mut callouts: Vec<bool> = Vec::new();
    let all: Vec<(Event, std::ops::Range<usize>)> = Parser::new_ext(md, options).into_offset_iter().collect();
    let mut skip: Vec<usize> = Vec::new();
    for (i, (event, range)) in all.iter().cloned().enumerate() {
        if skip.last() == Some(&i) {
            skip.pop();
            continue;
        }
        let event = match event {
            Event::Start(Tag::Heading { level, id, .. }) => {
                heading = Some((level, id.map(|s| s.to_string()), Vec::new()));
                continue;
            }
            Event::End(TagEnd::Heading(_)) => {
                let (level, explicit, inner) = heading.take().expect("heading start seen");
                let (html, h) = heading_html(level, explicit, inner, &mut used, words.anchor_label, &mut |m| {
                    out.errors.push(problem(range.start, m));
                });
                out.headings.push(h);
                events.push(html);
                continue;
            }
            Event::Start(Tag::BlockQuote(kind)) => {
                let kind_title = callout_kind(&all[i + 1..]).map(|(k, t, n)| {
                    // Keep the paragraph start (i + 1), drop the marker and the break after it.
                    skip.extend((i + 2..i + 2 + n).rev());
                    (k, words.callouts[t])
                });
                callouts.push(kind_title.is_some());
                match kind_title {
                    Some((k, title)) => Event::Html(CowStr::from(format!(
                        "<aside class=\"callout callout-{}\" role=\"note\"><p class=\"callout-title\">{title}</p>\n",
                        k.to_lowercase()
                    ))),
                    None => Event::Start(Tag::BlockQuote(kind)),
                }
            }
            Event::End(TagEnd::BlockQuote(kind)) => match callouts.pop() {
                Some(true) => Event::Html(CowStr::from("</aside>\n")),
                _ => Event::End(TagEnd::BlockQuote(kind)),
            },
            Event::Start(Tag::Link { link_type, dest_url, title, id }) if is_internal(&dest_url) => {
                let dest = match resolve(&dest_url, line_of(range.start)) {
                    Ok(url) => CowStr::from(url),
                    Err(msg) => {
                        out.errors.push(problem(range.start, msg));
                        dest_url
                    }
                };
                Event::Start(Tag::Link { link_type, dest_url: dest, title, id })
            }
            Event::Html(html) | Event::InlineHtml(html) => {
                if !html.trim_start().starts_with("<!--") {
                    out.errors.push(problem(
                        range.start,
                        format!(
                            "HTML non ammesso nel testo (`{}`): scrivilo in Markdown",
                            html.trim().chars().take(40).collect::<String>()
                        ),
                    ));
                }
                continue;
            }
            other => other,
        };
        match &mut heading {
            Some((_, _, inner)) => inner.push(event),
            None => events.push(event),
        }
    }
    pulldown_cmark::html::push_html(&mut out.html, events.into_iter());
    out
}

/// A heading's HTML, with its id and a self-link: the id given as `{#id}` when it is valid (else `report` says
/// why), or the slug of its text; made unique on the page with `-1`, `-2`…
fn heading_html<'a>(
    level: HeadingLevel,
    explicit: Option<String>,
    inner: Vec<Event<'a>>,
    used: &mut HashSet<String>,
    anchor_label: &str,
    report: &mut dyn FnMut(String),
) -> (Event<'a>, Heading) {
    let text: String = inner
        .iter()
        .filter_map(|e| match e {
            Event::Text(t) | Event::Code(t) => Some(t.as_ref()),
            _ => None,
        })
        .collect();
    let explicit = explicit.filter(|id| {
        let valido = valid_id(id);
        if !valido {
            report(format!(
                "id della sezione non valido `{{#{}}}`: usa solo lettere, cifre, `-` e `_`",
                id.chars().take(40).collect::<String>()
            ));
        }
        valido
    });
    let mut id = explicit.unwrap_or_else(|| slug(&text));
    if used.contains(&id) {
        id = (1..).map(|n| format!("{id}-{n}")).find(|c| !used.contains(c)).expect("some suffix is free");
    }
    used.insert(id.clone());
    let mut inner_html = String::new();
    pulldown_cmark::html::push_html(&mut inner_html, inner.into_iter());
    let n = level as u8;
    let label = escape_attr(&text);
    let html = Event::Html(CowStr::from(format!(
        "<h{n} id=\"{id}\">{inner_html} <a class=\"ancora\" href=\"#{id}\" aria-label=\"{anchor_label}: {label}\">#</a></h{n}>\n"
    )));
    (html, Heading { level: n, id, text })
}

/// Whether an explicit heading id (`{#id}`) is safe and portable as an `id` and a URL fragment: ASCII letters,
/// digits, `-` and `_`, starting with a letter.
fn valid_id(id: &str) -> bool {
    id.len() <= 80
        && id.starts_with(|c: char| c.is_ascii_alphabetic())
        && id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

/// Text escaped for an HTML attribute value.
fn escape_attr(text: &str) -> String {
    let mut out = String::new();
    pulldown_cmark_escape::escape_html(&mut out, text).expect("writing to a String cannot fail");
    out
}

/// The events after a blockquote start: if its first paragraph starts with `[!KIND]`, returns the kind, its
/// title's index in [`Words::callouts`] and how many events after the paragraph start make up the marker (text and the break after it).
fn callout_kind(after: &[(Event, std::ops::Range<usize>)]) -> Option<(&'static str, usize, usize)> {
    if !matches!(after.first(), Some((Event::Start(Tag::Paragraph), _))) {
        return None;
    }
    let mut marker = String::new();
    let mut taken = 0;
    for (e, _) in &after[1..] {
        match e {
            Event::Text(t) => {
                marker.push_str(t);
                taken += 1;
            }
            Event::SoftBreak | Event::HardBreak => {
                taken += 1;
                break;
            }
            Event::End(TagEnd::Paragraph) => break,
            _ => return None,
        }
        if marker.len() > 16 {
            return None;
        }
    }
    let kind = marker.trim().strip_prefix("[!")?.strip_suffix(']')?;
    let i = CALLOUTS.iter().position(|k| *k == kind)?;
    Some((CALLOUTS[i], i, taken))
}

#[cfg(test)]
mod test {
    use super::*;

    fn md(s: &str) -> Rendered {
        render("p.md", 1, s, &|d, _| {
            if d.contains("manca") {
                Err(format!("no page for {d}"))
            } else {
                Ok(format!("OUT:{d}"))
            }
        })
    }

    #[test]
    fn heading_ids_are_slugs_with_duplicates_numbered_and_explicit_ids() {
        let r = md("## Cos'è CIVIS\n\n## Cos'è CIVIS\n\n## Allegati {#allegati}\n");
        let ids: Vec<&str> = r.headings.iter().map(|h| h.id.as_str()).collect();
        assert_eq!(ids, ["cose-civis", "cose-civis-1", "allegati"]);
        assert!(
            r.html.contains("<h2 id=\"cose-civis\">Cos’è CIVIS <a class=\"ancora\" href=\"#cose-civis\"")
                || r.html.contains("<h2 id=\"cose-civis\">Cos'è CIVIS <a class=\"ancora\" href=\"#cose-civis\""),
            "{}",
            r.html
        );
    }

    #[test]
    fn callout_becomes_an_aside_with_title() {
        let r = md("> [!SCADENZA]\n> Paga entro **60 giorni**.\n");
        assert!(
            r.html.contains(
                "<aside class=\"callout callout-scadenza\" role=\"note\"><p class=\"callout-title\">Scadenza</p>"
            ),
            "{}",
            r.html
        );
        assert!(r.html.contains("<strong>60 giorni</strong>") && r.html.contains("</aside>"), "{}", r.html);
        assert!(!r.html.contains("[!SCADENZA]"), "{}", r.html);
        let plain = md("> una citazione\n");
        assert!(plain.html.contains("<blockquote>"), "{}", plain.html);
    }

    #[test]
    fn internal_links_are_resolved_and_failures_reported_with_line() {
        let r = md("testo\n\n[a](../b.md#x) [e](https://example.org) [m](manca.md)\n");
        assert!(r.html.contains("href=\"OUT:../b.md#x\""), "{}", r.html);
        assert!(r.html.contains("href=\"https://example.org\""), "{}", r.html);
        assert_eq!(r.errors, vec![Diagnostic::new("p.md", 3, 1, "no page for manca.md")]);
        let dopo = render("p.md", 5, "testo\n\n[m](manca.md)\n", &|d, _| Err(d.into()));
        assert_eq!(dopo.errors[0].line, 7, "counted from the body's first line in the file");
    }

    #[test]
    fn raw_html_is_rejected_with_line_and_comments_dropped() {
        let r = md("a\n\n<script>alert(1)</script>\n\n<!-- nota -->\n");
        assert_eq!(r.errors.len(), 1, "{:?}", r.errors);
        assert_eq!(r.errors[0].line, 3);
        assert!(!r.html.contains("<script>"));
    }

    #[test]
    fn tables_footnotes_strikethrough() {
        let r = md("| a | b |\n|---|---|\n| 1 | 2 |\n\n~~no~~ nota[^1]\n\n[^1]: testo\n");
        assert!(
            r.html.contains("<table>") && r.html.contains("<del>no</del>") && r.html.contains("footnote"),
            "{}",
            r.html
        );
    }

    #[test]
    fn an_explicit_id_that_is_not_a_plain_name_is_refused_and_never_emitted() {
        let r = render("p.md", 5, "testo\n\n## Titolo {#a\"autofocus/onfocus=alert(1)}\n", &|_, _| Ok(String::new()));
        assert!(!r.html.contains("autofocus"), "{}", r.html);
        assert!(r.html.contains("<h2 id=\"titolo\">"), "{}", r.html);
        assert_eq!(r.errors.len(), 1);
        assert_eq!(r.errors[0].line, 7, "{:?}", r.errors);
        assert!(r.errors[0].message.contains("id della sezione non valido"));
    }

    #[test]
    fn lines_of_many_links_are_right() {
        let md: String = (0..2000).map(|i| format!("[x](/manca-{i})\n\n")).collect();
        let r = render("p.md", 3, &md, &|_, _| Err("manca".into()));
        assert_eq!(r.errors.len(), 2000);
        assert_eq!((r.errors[0].line, r.errors[1999].line), (3, 3 + 2 * 1999));
    }
}
