//! The templates' context, typed: what every template may read, built in one place for Markdown pages and for
//! the pages the generators add, so that a template never meets a key that one kind of page forgot.

use crate::navigation::Entry;
use chrono::NaiveDate;
use civis_content::Lingua;
use serde::Serialize;
use std::collections::BTreeMap;

/// The site as templates see it (`site.title`…).
#[derive(Serialize)]
pub(crate) struct SiteCtx<'a> {
    pub(crate) title: &'a str,
    pub(crate) description: &'a str,
    pub(crate) language: &'a str,
    pub(crate) publisher: Option<&'a str>,
}

/// An entry of a page's table of contents: a level-2 heading with the level-3 headings under it.
#[derive(Serialize)]
pub(crate) struct TocEntry<'a> {
    pub(crate) id: &'a str,
    pub(crate) text: &'a str,
    pub(crate) children: Vec<TocEntry<'a>>,
}

/// A child of a section, listed on the section's page.
#[derive(Serialize)]
pub(crate) struct Child<'a> {
    pub(crate) title: &'a str,
    pub(crate) description: &'a str,
    pub(crate) url: String,
}

/// A date in the page's metadata: ISO for `datetime`, in words in the page's language for the reader.
#[derive(Serialize)]
pub(crate) struct Data {
    pub(crate) iso: NaiveDate,
    pub(crate) testo: String,
}

impl Data {
    pub(crate) fn of(d: Option<NaiveDate>, lingua: &Lingua) -> Option<Data> {
        d.map(|iso| Data { iso, testo: lingua.data(iso) })
    }
}

/// The page's language.
#[derive(Serialize)]
pub(crate) struct LinguaCtx<'a> {
    /// `it`, `en`: `<html lang>`.
    pub(crate) codice: &'a str,
    /// Its name in its own words.
    pub(crate) nome: &'a str,
}

/// The same page in another language: a link with `hreflang`.
#[derive(Serialize)]
pub(crate) struct Alternativa<'a> {
    pub(crate) codice: &'a str,
    pub(crate) nome: &'a str,
    pub(crate) url: String,
    /// Listed hidden, for a script to show: the wizard's start page in its own language, whose app offers it once
    /// the reader switched to another (and points each link to the same answers).
    pub(crate) nascosta: bool,
}

/// What a translated page says of itself: its source, when it was checked, and whether the source changed since.
#[derive(Serialize)]
pub(crate) struct TraduzioneCtx<'a> {
    /// The source page from here.
    pub(crate) originale_url: String,
    pub(crate) reviewed: Option<Data>,
    pub(crate) reviewer: &'a str,
    /// The source changed after the check: the page shows a notice sending the reader to it.
    pub(crate) stale: bool,
}

/// A law, decision or public document a page cites, with its official text.
#[derive(Serialize, Debug, Clone, PartialEq)]
pub(crate) struct CitedText {
    pub(crate) nome: String,
    pub(crate) titolo: String,
    pub(crate) url: String,
}

/// The page as templates see it (`page.title`…). Generated pages fill in the title and the description only.
#[derive(Serialize, Default)]
pub(crate) struct PageCtx<'a> {
    pub(crate) title: &'a str,
    pub(crate) description: &'a str,
    pub(crate) html: &'a str,
    pub(crate) path: &'a str,
    pub(crate) toc: Vec<TocEntry<'a>>,
    pub(crate) updated: Option<Data>,
    pub(crate) reviewed: Option<Data>,
    pub(crate) valid_from: Option<Data>,
    pub(crate) valid_until: Option<Data>,
    pub(crate) sources: &'a [String],
    /// The laws and court decisions the page cites, each with its official text (`fonti.yaml`).
    pub(crate) testi: Vec<CitedText>,
    pub(crate) children: Vec<Child<'a>>,
}

/// A JSON block in the page for a browser app (`<script type="application/json" id="…">`), read with the
/// browser's own parser: the guidance pages' titles, the wizard's rules.
#[derive(Serialize, Clone)]
pub(crate) struct JsonBlock {
    pub(crate) id: &'static str,
    /// The JSON text, with `<` escaped so that it cannot close the script element.
    pub(crate) json: String,
}

impl JsonBlock {
    pub(crate) fn of(id: &'static str, valore: &impl Serialize) -> JsonBlock {
        let json = serde_json::to_string(valore).expect("the app's data serialise").replace('<', "\\u003c");
        JsonBlock { id, json }
    }
}

/// Everything a template may read.
#[derive(Serialize)]
pub(crate) struct Context<'a> {
    pub(crate) site: SiteCtx<'a>,
    /// The page's language.
    pub(crate) lingua: LinguaCtx<'a>,
    /// The theme's strings in the page's language (`t.skip_to_content`).
    pub(crate) t: &'a BTreeMap<String, String>,
    /// The home page of the page's language, from here.
    pub(crate) home_url: String,
    /// The same page in the site's other languages.
    pub(crate) alternative: Vec<Alternativa<'a>>,
    /// For a translated page: its source and its check.
    pub(crate) traduzione: Option<TraduzioneCtx<'a>>,
    /// For a page not in the site's own language: the strings its scripts write (search, copy link), as JSON.
    pub(crate) testi_script: Option<&'a str>,
    /// From the page back to the site root (`../../`).
    pub(crate) root: String,
    /// The wizard's start page from here, when the site has one.
    pub(crate) assistente_url: Option<String>,
    /// Whether the wizard speaks the page's language (its link then carries `#lingua=<code>`, not "in Italian").
    pub(crate) assistente_tradotto: bool,
    /// The accessibility statement from here, when the site has one.
    pub(crate) accessibilita_url: Option<String>,
    /// Absolute address, only with `base_url`.
    pub(crate) canonical: Option<String>,
    pub(crate) page: PageCtx<'a>,
    pub(crate) nav_html: String,
    pub(crate) breadcrumbs: Vec<Entry>,
    pub(crate) prev: Option<Entry>,
    pub(crate) next: Option<Entry>,
    /// What a generator computed for the page (a wizard step, the A–Z entries, a redirect's target).
    pub(crate) dati: Option<&'a serde_json::Value>,
    /// Data blocks for the page's app.
    pub(crate) blocchi_json: &'a [JsonBlock],
    /// Data scripts for the page's app, loaded before it.
    pub(crate) script_dati: &'a [String],
    /// The page's app loader (`pkg/avvio.<fingerprint>.js`), when the build has its bundle beside the page.
    pub(crate) app_js: Option<String>,
    /// Fingerprinted file names by the names before their fingerprint, from the site root
    /// (`risorse["style.css"]`): what a page links so that browsers may keep the file forever.
    pub(crate) risorse: &'a std::collections::BTreeMap<String, String>,
}

impl Context<'_> {
    /// The Tera context.
    pub(crate) fn tera(&self) -> tera::Context {
        tera::Context::from_serialize(self).expect("a struct serialises to a map")
    }
}
