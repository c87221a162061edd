//! Navigation: the section tree, the menu for a page, breadcrumbs and previous/next links.

use crate::lingue::root_in;
use crate::url::relative;
use civis_content::Page;
use serde::Serialize;
use std::collections::{BTreeSet, HashMap};

/// A link in the menu, breadcrumbs or previous/next.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct Entry {
    /// Title.
    pub title: String,
    /// URL relative to the current page.
    pub url: String,
    /// Whether it is the current page.
    pub current: bool,
    /// Whether the current page is inside it.
    pub active: bool,
    /// Children shown (only under the active top-level entry).
    pub children: Vec<Entry>,
}

/// Top-level sections the menu lists before "Tutte le sezioni".
pub(crate) const MENU_SECTIONS: usize = 12;
/// Pages of the active section the menu lists before "Tutte le pagine della sezione".
pub(crate) const MENU_PAGES: usize = 40;

/// A menu entry that leads to the full list of what the menu leaves out.
fn others(title: String, url: String) -> Entry {
    Entry { title, url, current: false, active: false, children: Vec::new() }
}

/// The site's structure: every page in reading order.
pub(crate) struct Tree<'a> {
    pages: &'a [Page],
    /// Indices of pages in depth-first reading order (home first).
    order: Vec<usize>,
    /// Position of each page in `order`, by output path.
    position: HashMap<&'a str, usize>,
    /// Index of each page, by output path.
    index: HashMap<&'a str, usize>,
    /// Sorted children of each section, by output path.
    kids: HashMap<&'a str, Vec<usize>>,
    /// The translations' folders (`en/`): each the root of its own tree, not a section of the home page.
    roots: Vec<String>,
}

/// The parent folder of an output path: `a/b/` → `a/`, `a/` → ``, `` → None.
pub(crate) fn parent(path: &str) -> Option<&str> {
    if path.is_empty() {
        return None;
    }
    let trimmed = &path[..path.len() - 1];
    Some(trimmed.rfind('/').map_or("", |i| &path[..=i]))
}

impl<'a> Tree<'a> {
    /// Builds the reading order: children sorted by weight then title, sections before their pages' siblings.
    pub(crate) fn new(pages: &'a [Page], roots: Vec<String>) -> Self {
        let index: HashMap<&str, usize> = pages.iter().enumerate().map(|(i, p)| (p.path.as_str(), i)).collect();
        let mut kids: HashMap<&str, Vec<usize>> = HashMap::new();
        for (i, p) in pages.iter().enumerate() {
            if let Some(up) = parent(&p.path).filter(|_| !roots.contains(&p.path)) {
                kids.entry(up).or_default().push(i);
            }
        }
        for c in kids.values_mut() {
            c.sort_by(|&a, &b| {
                let (pa, pb) = (&pages[a].front, &pages[b].front);
                pa.weight.cmp(&pb.weight).then_with(|| pa.title.cmp(&pb.title))
            });
        }
        let mut tree = Tree { pages, order: Vec::new(), position: HashMap::new(), index, kids, roots };
        for root in std::iter::once(String::new()).chain(tree.roots.clone()) {
            if let Some(&home) = tree.index.get(root.as_str()) {
                tree.visit(home);
            }
        }
        tree.position = tree.order.iter().enumerate().map(|(pos, &i)| (pages[i].path.as_str(), pos)).collect();
        tree
    }

    fn visit(&mut self, i: usize) {
        self.order.push(i);
        for c in self.children(&self.pages[i].path) {
            self.visit(c);
        }
    }

    /// Indices of the direct children of the section at `path`, in order.
    pub(crate) fn children(&self, path: &str) -> Vec<usize> {
        self.kids.get(path).cloned().unwrap_or_default()
    }

    fn root_of(&self, path: &str) -> &str {
        root_in(&self.roots, path)
    }

    fn entry(&self, from: &str, i: usize) -> Entry {
        let p = &self.pages[i];
        Entry {
            title: p.front.title.clone(),
            url: relative(from, &p.path),
            current: p.path == from,
            active: p.path != self.root_of(&p.path) && from.starts_with(&p.path),
            children: Vec::new(),
        }
    }

    /// The menu for the page at `from`: the home page's children, with the children of the active one. Its size
    /// does not grow with the site: at most [`MENU_SECTIONS`] top-level sections (the first ones, and the active
    /// one), at most [`MENU_PAGES`] pages of the active section, then a link to all of them (the A–Z page, the
    /// section's own page), so that a page of a site with 100,000 pages is as large as one of a site with 100.
    pub(crate) fn menu(&self, from: &str) -> Vec<Entry> {
        let mut voci: Vec<Entry> = Vec::new();
        let radice = self.root_of(from);
        if let Some(&home) = self.index.get(radice) {
            voci.push(self.entry(from, home));
        }
        let sezioni = self.children(radice);
        for (n, &i) in sezioni.iter().enumerate() {
            let mut v = self.entry(from, i);
            if n >= MENU_SECTIONS && !v.active {
                continue;
            }
            if v.active {
                let figli = self.children(&self.pages[i].path);
                v.children = figli.iter().take(MENU_PAGES).map(|&c| self.entry(from, c)).collect();
                if figli.len() > MENU_PAGES {
                    v.children.push(others(
                        format!("Tutte le {} pagine della sezione", figli.len()),
                        relative(from, &self.pages[i].path),
                    ));
                }
            }
            voci.push(v);
        }
        if sezioni.len() > MENU_SECTIONS {
            voci.push(others(format!("Tutte le {} sezioni", sezioni.len()), relative(from, crate::pages::INDICE_AZ)));
        }
        voci
    }

    /// The sections above `path` (home first), as links from `from`.
    pub(crate) fn breadcrumbs(&self, from: &str, path: &str) -> Vec<Entry> {
        let mut out = Vec::new();
        let radice = self.root_of(path);
        let mut cur = parent(path).filter(|_| path != radice);
        while let Some(p) = cur {
            if let Some(&i) = self.index.get(p) {
                out.push(self.entry(from, i));
            }
            cur = parent(p).filter(|_| p != radice);
        }
        out.reverse();
        out
    }

    /// Previous and next pages in reading order.
    pub(crate) fn prev_next(&self, path: &str) -> (Option<Entry>, Option<Entry>) {
        let Some(&pos) = self.position.get(path) else {
            return (None, None);
        };
        let radice = self.root_of(path);
        let same = |&j: &usize| self.root_of(&self.pages[j].path) == radice;
        let prev = pos.checked_sub(1).map(|j| self.order[j]).filter(same).map(|j| self.entry(path, j));
        let next = self.order.get(pos + 1).copied().filter(same).map(|j| self.entry(path, j));
        (prev, next)
    }
}

/// The menu as HTML, rendered once per (active top-level section, depth) with the theme's `nav.html`: the menu
/// of every page at that depth in that section is the same but for the current page's link.
pub(crate) struct Menus {
    html: HashMap<(String, usize), String>,
    roots: Vec<String>,
}

/// The key of a page's menu: its top-level section (within its language's tree) and its depth.
fn menu_key(roots: &[String], path: &str) -> (String, usize) {
    let radice = root_in(roots, path);
    let resto = &path[radice.len()..];
    let top = resto.split_once('/').map(|(first, _)| format!("{radice}{first}/")).unwrap_or_else(|| radice.into());
    (top, path.matches('/').count())
}

impl Menus {
    /// Renders the menus needed by the pages at `paths`.
    pub(crate) fn render<'p>(
        tree: &Tree,
        theme: &civis_templates::Theme,
        paths: impl Iterator<Item = &'p str>,
    ) -> Result<Self, civis_content::Diagnostic> {
        let mut out = HashMap::new();
        let keys: BTreeSet<((String, usize), &str)> = paths.map(|p| (menu_key(&tree.roots, p), p)).collect();
        for (key, path) in keys {
            if out.contains_key(&key) {
                continue;
            }
            let mut voci = tree.menu(path);
            for v in &mut voci {
                v.current = false;
            }
            let mut ctx = tera::Context::new();
            ctx.insert("nav", &voci);
            out.insert(key, theme.render("nav.html", &ctx)?);
        }
        Ok(Menus { html: out, roots: tree.roots.clone() })
    }

    /// The menu of the page at `path`, its own link marked `aria-current="page"` (when it is in the menu).
    pub(crate) fn html(&self, path: &str, current: bool) -> String {
        let html = self.html.get(&menu_key(&self.roots, path)).cloned().unwrap_or_default();
        if !current {
            return html;
        }
        let href = format!("href=\"{}\"", relative(path, path));
        html.replacen(&href, &format!("{href} aria-current=\"page\""), 1)
    }
}

#[cfg(test)]
mod test {
    use super::parent;

    #[test]
    fn parents() {
        assert_eq!(parent("a/b/"), Some("a/"));
        assert_eq!(parent("a/"), Some(""));
        assert_eq!(parent(""), None);
    }
}
