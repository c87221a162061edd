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

#[cfg(test)]
mod test {
    use super::riempi;

    #[test]
    fn names_are_filled_and_unknown_ones_kept() {
        assert_eq!(riempi("{a} e {b}", &[("a", "uno"), ("b", "due")]), "uno e due");
        assert_eq!(riempi("{a} {x} {", &[("a", "1")]), "1 {x} {");
    }
}
