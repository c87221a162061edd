//! How the rules hold their texts and lists, and the membership test every list of ids shares. The rules are read
//! from YAML by the native tools and from the page's copy (`trama`) by the browser app: owned either way.

/// A text of the rules.
pub type Testo = String;

/// A list of the rules.
pub type Lista<T> = Vec<T>;

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
