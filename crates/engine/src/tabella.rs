//! How the rules hold their texts and lists: owned when read from YAML (the native tools), borrowed from static
//! tables compiled into the module in the browser app (`build.rs`), so that nothing is built at start-up.

use std::borrow::Cow;

/// A text of the rules. Read from YAML (the native tools) it is owned; in the browser app the rules are static
/// tables compiled into the module (`build.rs`), so it borrows from them and nothing is built at start-up.
pub type Testo = Cow<'static, str>;

/// A list of the rules: owned when read from YAML, a static slice in the browser app (see [`Testo`]).
pub type Lista<T> = Cow<'static, [T]>;

/// Membership in a list of texts, for any string (answers are `String`s, the rules' texts [`Testo`]s).
pub trait Elenco {
    /// Whether the list holds this text.
    fn ha(&self, x: &str) -> bool;
}

impl Elenco for [Testo] {
    fn ha(&self, x: &str) -> bool {
        self.iter().any(|t| t == x)
    }
}
