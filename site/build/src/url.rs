//! Relative URLs between output folders, and resolution of links written as source files.

/// The prefix from an output folder back to the site root: `a/b/` → `../../`, `` → ``.
pub(crate) fn root_of(path: &str) -> String {
    "../".repeat(path.matches('/').count())
}

/// The relative URL from the page in folder `from` to the folder `to` (both output folders like `a/b/`),
/// pointing at its `index.html` so that it works from disk too.
pub(crate) fn relative(from: &str, to: &str) -> String {
    format!("{}{}index.html", root_of(from), to)
}

/// Joins a relative link to the folder of a file and normalises `.` and `..` (`civis/a.md` + `../b/c.md` →
/// `b/c.md`). `None` when it climbs above the root.
pub(crate) fn join_source(source: &str, link: &str) -> Option<String> {
    let mut parts: Vec<&str> = source.split('/').collect();
    parts.pop();
    for seg in link.split('/') {
        match seg {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            s => parts.push(s),
        }
    }
    Some(parts.join("/"))
}

#[cfg(test)]
mod test {
    use super::*;

    #[test]
    fn relative_urls() {
        assert_eq!(root_of(""), "");
        assert_eq!(root_of("a/b/"), "../../");
        assert_eq!(relative("a/b/", "c/"), "../../c/index.html");
        assert_eq!(relative("", ""), "index.html");
    }

    #[test]
    fn joins_sources() {
        assert_eq!(join_source("civis/a.md", "../b/c.md").as_deref(), Some("b/c.md"));
        assert_eq!(join_source("civis/a.md", "b.md").as_deref(), Some("civis/b.md"));
        assert_eq!(join_source("a.md", "../x.md"), None);
    }
}
