//! The text of the request ("Informazioni relative alla richiesta di assistenza"): at most 3,000 characters
//! (seed 001 l. 151).
//!
//! How we count, and why: the prudent count, so that a text we accept is never refused by CIVIS. A browser's
//! `maxlength` counts UTF-16 code units, so a character outside the Basic Multilingual Plane (an emoji) counts 2;
//! and a form sends each line break as CR LF, 2 characters. We count the same way: never fewer than CIVIS can.

use crate::parole::{Messaggio, R};

/// The limit.
pub const MASSIMO: usize = 3000;
/// From here on the person is warned that the limit is near.
pub const AVVISO: usize = 2700;

/// Where a text stands against the limit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stato {
    /// Well within the limit.
    Ok,
    /// Near the limit (from [`AVVISO`]).
    Vicino,
    /// Over the limit: it cannot be sent.
    Oltre,
}

/// The count of a text, the prudent way (see the module's documentation).
pub fn conta(testo: &str) -> usize {
    let normalizzato = testo.replace("\r\n", "\n");
    normalizzato.chars().map(|c| if c == '\n' { 2 } else { c.len_utf16() }).sum()
}

/// The count and where it stands, with the sentence to show under the field.
pub fn stato(testo: &str) -> (usize, Stato, Messaggio) {
    let n = conta(testo);
    let (s, frase) = if n > MASSIMO {
        (Stato::Oltre, Messaggio::from(R::ConteggioOltre).con("troppi", n - MASSIMO))
    } else if n >= AVVISO {
        (Stato::Vicino, Messaggio::from(R::ConteggioVicino).con("restano", MASSIMO - n))
    } else {
        (Stato::Ok, R::ConteggioOk.into())
    };
    (n, s, frase.con("n", n).con("massimo", MASSIMO))
}

#[cfg(test)]
mod test {
    use super::*;

    #[test]
    fn line_breaks_and_emoji_count_as_civis_may_count_them() {
        assert_eq!(conta("abc"), 3);
        assert_eq!(conta("è à"), 3, "accented letters are one character");
        assert_eq!(conta("a\nb"), 4, "a line break is sent as CR LF");
        assert_eq!(conta("a\r\nb"), 4);
        assert_eq!(conta("ok 👍"), 5, "outside the BMP: two UTF-16 units");
    }

    #[test]
    fn warns_near_the_limit_and_blocks_above_it() {
        assert_eq!(stato(&"a".repeat(100)).1, Stato::Ok);
        assert_eq!(stato(&"a".repeat(2700)).1, Stato::Vicino);
        let (n, s, frase) = stato(&"a".repeat(3001));
        assert_eq!((n, s), (3001, Stato::Oltre));
        assert!(frase.to_string().contains("togline 1"), "{frase}");
        assert_eq!(stato(&"a".repeat(3000)).1, Stato::Vicino, "exactly 3,000 can be sent");
    }
}
