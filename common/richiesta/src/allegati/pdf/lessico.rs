//! PDF syntax (ISO 32000-1 §7.2–7.3) read token by token: comments, literal and hexadecimal strings are skipped
//! as wholes, so a word inside them (`stream`, `/JavaScript`) is never taken for structure; names have their
//! `#xx` escapes decoded (`/J#61vaScript` is `/JavaScript`). Values are built only as far as the checks need:
//! a dictionary keeps the keys [`CHIAVI`] lists, an array its first elements; everything else is read and
//! judged as it passes, so memory stays bounded whatever the file holds.

use super::super::budget::PROFONDITA;

/// The dictionary keys the walker and the judge look at; other keys are read and dropped.
const CHIAVI: &[&[u8]] = &[
    b"Type",
    b"Subtype",
    b"S",
    b"Filter",
    b"DecodeParms",
    b"Length",
    b"N",
    b"Predictor",
    b"Colors",
    b"BitsPerComponent",
    b"Columns",
    b"OpenAction",
    b"JS",
    b"JavaScript",
    b"AA",
    b"EmbeddedFiles",
    b"EF",
    b"AcroForm",
    b"XFA",
    b"RichMedia",
    b"Encrypt",
    b"First",
    b"Next",
    b"F",
    b"DP",
    b"FT",
];
/// Array elements kept (filter chains and destinations are short).
const ELEMENTI: usize = 16;

/// A value as far as the checks need it.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Valore {
    Nome(Vec<u8>),
    Intero(i64),
    Riferimento(u32),
    Dizionario(Vec<(Vec<u8>, Valore)>),
    Vettore(Vec<Valore>),
    /// A string, a real number, a boolean, null: read, not kept.
    Altro,
}

impl Valore {
    /// The value of `chiave` when this is a dictionary.
    pub(crate) fn voce(&self, chiave: &[u8]) -> Option<&Valore> {
        match self {
            Valore::Dizionario(v) => v.iter().find(|(k, _)| k == chiave).map(|(_, v)| v),
            _ => None,
        }
    }

    /// The name that is the value of `chiave`, when this is a dictionary and that value is a name.
    pub(crate) fn nome_di(&self, chiave: &[u8]) -> Option<&[u8]> {
        match self.voce(chiave) {
            Some(Valore::Nome(n)) => Some(n),
            _ => None,
        }
    }
}

/// A token.
#[derive(Debug, PartialEq)]
pub(crate) enum Token {
    Nome(Vec<u8>),
    Numero(Option<i64>),
    Stringa,
    ApriDizionario,
    ChiudiDizionario,
    ApriVettore,
    ChiudiVettore,
    /// A keyword: `obj`, `stream`, `R`, `true`… (borrowed as its range in the input).
    Parola(usize, usize),
}

/// PDF white-space (ISO 32000-1 Table 1): NUL, TAB, LF, FF, CR, SPACE; and VT, which qpdf accepts too.
pub(crate) fn spazio(c: u8) -> bool {
    matches!(c, 0 | 9 | 10 | 11 | 12 | 13 | 32)
}

fn delimitatore(c: u8) -> bool {
    matches!(c, b'(' | b')' | b'<' | b'>' | b'[' | b']' | b'{' | b'}' | b'/' | b'%')
}

/// Reads tokens from `testo[pos..fine]`.
pub(crate) struct Lessico<'a> {
    pub(crate) testo: &'a [u8],
    pub(crate) pos: usize,
    pub(crate) fine: usize,
    /// A token read ahead by [`Lessico::valore`] (after two integers that were not a reference).
    avanti: Vec<Token>,
}

impl<'a> Lessico<'a> {
    pub(crate) fn new(testo: &'a [u8], pos: usize, fine: usize) -> Self {
        Lessico { testo, pos, fine: fine.min(testo.len()), avanti: Vec::new() }
    }

    fn byte(&self, i: usize) -> Option<u8> {
        (i < self.fine).then(|| self.testo[i])
    }

    /// The next token, or `None` at the end.
    pub(crate) fn token(&mut self) -> Option<Token> {
        if let Some(t) = self.avanti.pop() {
            return Some(t);
        }
        loop {
            let c = self.byte(self.pos)?;
            if spazio(c) {
                self.pos += 1;
            } else if c == b'%' {
                while self.byte(self.pos).is_some_and(|c| c != b'\n' && c != b'\r') {
                    self.pos += 1;
                }
            } else {
                break;
            }
        }
        let c = self.testo[self.pos];
        self.pos += 1;
        Some(match c {
            b'/' => self.nome(),
            b'(' => self.stringa(),
            b'<' if self.byte(self.pos) == Some(b'<') => {
                self.pos += 1;
                Token::ApriDizionario
            }
            b'<' => {
                while self.byte(self.pos).is_some_and(|c| c != b'>') {
                    self.pos += 1;
                }
                self.pos += 1;
                Token::Stringa
            }
            b'>' if self.byte(self.pos) == Some(b'>') => {
                self.pos += 1;
                Token::ChiudiDizionario
            }
            b'[' => Token::ApriVettore,
            b']' => Token::ChiudiVettore,
            b')' | b'>' | b'{' | b'}' => Token::Parola(self.pos - 1, self.pos),
            _ => {
                let inizio = self.pos - 1;
                while self.byte(self.pos).is_some_and(|c| !spazio(c) && !delimitatore(c)) {
                    self.pos += 1;
                }
                let parola = &self.testo[inizio..self.pos];
                if parola.iter().all(|c| c.is_ascii_digit() || b"+-.".contains(c)) {
                    Token::Numero(std::str::from_utf8(parola).ok().and_then(|s| s.parse().ok()))
                } else {
                    Token::Parola(inizio, self.pos)
                }
            }
        })
    }

    fn nome(&mut self) -> Token {
        let mut nome = Vec::new();
        while let Some(c) = self.byte(self.pos).filter(|&c| !spazio(c) && !delimitatore(c)) {
            let esadecimale = |i: usize| self.byte(i).and_then(|c| (c as char).to_digit(16));
            match (c, esadecimale(self.pos + 1), esadecimale(self.pos + 2)) {
                (b'#', Some(a), Some(b)) => {
                    nome.push((a * 16 + b) as u8);
                    self.pos += 3;
                }
                _ => {
                    nome.push(c);
                    self.pos += 1;
                }
            }
        }
        Token::Nome(nome)
    }

    fn stringa(&mut self) -> Token {
        let mut livello = 1usize;
        while let Some(c) = self.byte(self.pos) {
            self.pos += 1;
            match c {
                b'\\' => self.pos += 1,
                b'(' => livello += 1,
                b')' => {
                    livello -= 1;
                    if livello == 0 {
                        break;
                    }
                }
                _ => {}
            }
        }
        self.pos = self.pos.min(self.fine);
        Token::Stringa
    }

    /// Gives a token back: the next [`Lessico::token`] returns it.
    pub(crate) fn rimetti(&mut self, t: Token) {
        self.avanti.push(t);
    }

    /// The keyword of a [`Token::Parola`].
    pub(crate) fn parola(&self, t: &Token) -> &'a [u8] {
        match *t {
            Token::Parola(a, z) => &self.testo[a..z],
            _ => b"",
        }
    }

    /// Reads one value starting with `primo`; `giudica` sees every dictionary as it closes (nested ones first).
    /// `None` when the nesting is deeper than the budget allows (the rest of the value is skipped).
    pub(crate) fn valore(&mut self, primo: Token, giudica: &mut dyn FnMut(&Valore)) -> Option<Valore> {
        self.valore_a(primo, giudica, 0)
    }

    fn valore_a(&mut self, primo: Token, giudica: &mut dyn FnMut(&Valore), livello: usize) -> Option<Valore> {
        if livello > PROFONDITA {
            return None;
        }
        Some(match primo {
            Token::Nome(n) => Valore::Nome(n),
            Token::Numero(Some(n)) => self.forse_riferimento(n),
            Token::ApriDizionario => {
                let mut voci = Vec::new();
                loop {
                    let chiave = match self.token() {
                        None | Some(Token::ChiudiDizionario) => break,
                        Some(Token::Nome(k)) => k,
                        Some(t @ Token::Parola(..)) if self.chiude(&t) => break,
                        Some(_) => continue,
                    };
                    let Some(t) = self.token() else { break };
                    if t == Token::ChiudiDizionario || self.chiude(&t) {
                        break;
                    }
                    let v = self.valore_a(t, giudica, livello + 1)?;
                    if CHIAVI.contains(&chiave.as_slice()) {
                        voci.push((chiave, v));
                    }
                }
                let d = Valore::Dizionario(voci);
                giudica(&d);
                d
            }
            Token::ApriVettore => {
                let mut elementi = Vec::new();
                loop {
                    match self.token() {
                        None | Some(Token::ChiudiVettore) => break,
                        Some(t @ Token::Parola(..)) if self.chiude(&t) => break,
                        Some(t) => {
                            let v = self.valore_a(t, giudica, livello + 1)?;
                            if elementi.len() < ELEMENTI {
                                elementi.push(v);
                            }
                        }
                    }
                }
                Valore::Vettore(elementi)
            }
            _ => Valore::Altro,
        })
    }

    /// Whether `t` is a keyword that cannot be inside a value (`endobj`, `stream`…): it ends an unclosed one, as
    /// readers recover, and is given back so that the caller reads it next.
    fn chiude(&mut self, t: &Token) -> bool {
        let chiude = matches!(self.parola(t), b"endobj" | b"stream" | b"endstream" | b"obj" | b"trailer" | b"xref");
        if let (true, Token::Parola(a, z)) = (chiude, t) {
            self.avanti.push(Token::Parola(*a, *z));
        }
        chiude
    }

    /// `n` followed by `g R` is a reference; otherwise the tokens read ahead are kept for the next calls.
    fn forse_riferimento(&mut self, n: i64) -> Valore {
        let salvato = self.pos;
        let secondo = self.token();
        if let Some(Token::Numero(Some(_))) = secondo {
            let terzo = self.token();
            if let Some(t @ Token::Parola(..)) = &terzo {
                if self.parola(t) == b"R" {
                    return Valore::Riferimento(u32::try_from(n).unwrap_or(0));
                }
            }
            // Not a reference: give the tokens back in order.
            self.pos = salvato;
            self.avanti.clear();
        } else if let Some(t) = secondo {
            self.avanti.push(t);
        }
        Valore::Intero(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tutti(testo: &[u8]) -> Vec<Valore> {
        let mut l = Lessico::new(testo, 0, testo.len());
        let mut out = Vec::new();
        while let Some(t) = l.token() {
            if let Some(v) = l.valore(t, &mut |_| {}) {
                out.push(v);
            }
        }
        out
    }

    #[test]
    fn strings_and_comments_hide_no_structure() {
        let v = tutti(b"(a stream ( nested ) \\) /JS) % stream /JavaScript\n/J#61vaScript <73747265616d>");
        assert_eq!(v, [Valore::Altro, Valore::Nome(b"JavaScript".to_vec()), Valore::Altro]);
    }

    #[test]
    fn references_and_dictionaries() {
        let v = tutti(b"<< /OpenAction 12 0 R /Length 5 /Other (x) /S /URI >> 3 4 [1 2 R]");
        let d = &v[0];
        assert_eq!(d.voce(b"OpenAction"), Some(&Valore::Riferimento(12)));
        assert_eq!(d.voce(b"Length"), Some(&Valore::Intero(5)));
        assert_eq!(d.voce(b"Other"), None);
        assert_eq!(d.nome_di(b"S"), Some(&b"URI"[..]));
        assert_eq!(v[1..3], [Valore::Intero(3), Valore::Intero(4)]);
        assert_eq!(v[3], Valore::Vettore(vec![Valore::Riferimento(1)]));
    }

    #[test]
    fn deep_nesting_is_refused_not_recursed() {
        let testo = "[".repeat(100_000);
        let mut l = Lessico::new(testo.as_bytes(), 0, testo.len());
        let t = l.token().unwrap();
        assert_eq!(l.valore(t, &mut |_| {}), None);
    }
}
