//! Words as data, for every part that speaks to a person in more than one language: a catalogue of sentences
//! (each with the key a strings file names it by and its Italian text, stated once) and the filling of a
//! sentence's `{name}`. The wizard and the request tool each declare their catalogue with [`catalogo!`]; the site
//! lists the keys as source strings, so a translation of them is kept in step like any other.

/// `modello` with its `{name}` filled in from `valori`; an unknown name stays as it is. Filled by hand:
/// `str::replace` would compile a substring searcher into the browser's modules.
pub fn riempi(modello: &str, valori: &[(&str, &str)]) -> String {
    let (mut out, mut resto) = (String::new(), modello);
    while let Some((prima, dopo)) = resto.split_once('{') {
        out.push_str(prima);
        let nome = dopo.split_once('}').and_then(|(n, r)| Some((valori.iter().find(|(k, _)| *k == n)?.1, r)));
        resto = match nome {
            Some((valore, r)) => {
                out.push_str(valore);
                r
            }
            None => {
                out.push('{');
                dopo
            }
        };
    }
    out.push_str(resto);
    out
}

/// Declares a catalogue of words: an enum `$tipo` with one variant per word (what the code names), `CHIAVI` (the
/// keys a strings file names them by, for the build) and `ITALIANO` (their Italian texts, `{name}` marking what is
/// filled in), both in the enum's order, which is also the order a language hands its words in. A browser module
/// carries only the texts it uses; the keys are for the build.
#[macro_export]
macro_rules! catalogo {
    ($(#[$doc:meta])* $tipo:ident { $($nome:ident = $chiave:literal: $testo:literal,)* }) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        #[allow(missing_docs)]
        pub enum $tipo {
            $($nome,)*
        }

        /// The keys of the words, in the order of the enum: the source strings' keys and, in a language's
        /// script, the order of its words.
        pub static CHIAVI: &[&str] = &[$($chiave,)*];

        /// The Italian words, in the order of the enum: the source of every translation. A `static`, not a
        /// `const`: a const array is copied into each crate that reads it, texts included, and a browser module
        /// would carry them twice.
        pub static ITALIANO: &[&str] = &[$($testo,)*];
    };
}

/// A language's words for one catalogue (or more, one after the other): its code and, in the catalogue's order, its
/// texts, `None` where it has none (a reader falls back to Italian there); empty for Italian itself. The wizard's
/// and the request tool's `Parole` each hold one.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Lingua {
    /// The language's code (`it`, `en`).
    codice: String,
    /// Its texts in the catalogue's order.
    testi: Vec<Option<String>>,
}

impl Lingua {
    /// Italian: the catalogues' own texts.
    pub fn italiano() -> Lingua {
        Lingua { codice: "it".into(), testi: Vec::new() }
    }

    /// The language `codice` with its texts, in the catalogue's order.
    pub fn di(codice: &str, testi: Vec<Option<String>>) -> Lingua {
        Lingua { codice: codice.into(), testi }
    }

    /// The language's code.
    pub fn codice(&self) -> &str {
        &self.codice
    }

    /// Whether this is Italian.
    pub fn italiana(&self) -> bool {
        self.codice == "it"
    }

    /// The text at `i` in the catalogue's order, if the language has one; `italiano` otherwise.
    pub fn testo<'a>(&'a self, i: usize, italiano: &'a str) -> &'a str {
        self.propria(i).unwrap_or(italiano)
    }

    /// The language's own text at `i`, if it has one.
    pub fn propria(&self, i: usize) -> Option<&str> {
        self.testi.get(i)?.as_deref()
    }
}

#[cfg(test)]
mod test {
    use super::riempi;

    #[test]
    fn names_are_filled_and_unknown_ones_kept() {
        assert_eq!(riempi("{a} e {b}", &[("a", "uno"), ("b", "due")]), "uno e due");
        assert_eq!(riempi("{a} {x} {", &[("a", "1")]), "1 {x} {");
    }
}
