//! Reading YAML written by editors (front matter, the wizard's rules, the synonyms): serde with the parser's
//! messages in Italian at the file's real line, and a guard against alias bombs, since a few lines of nested
//! aliases (`&a [*b, *b, …]`) can expand to gigabytes before serde sees a value.

use crate::Diagnostic;
use serde::de::DeserializeOwned;

/// Aliases a file may use at most: the real files use a handful, to share a list of acts or a note.
pub const ALIAS_MASSIMI: usize = 64;

/// An anchor (`&name`) or an alias (`*name`) of a YAML text.
struct Riferimento<'a> {
    riga: usize,
    colonna: usize,
    ancora: bool,
    nome: &'a str,
}

/// The anchors and aliases of a YAML text: a plain scan that skips quoted strings and comments, enough to bound
/// what the parser would expand.
fn riferimenti(testo: &str) -> Vec<Riferimento<'_>> {
    let mut out = Vec::new();
    for (n, riga) in testo.lines().enumerate() {
        let mut virgolette: Option<char> = None;
        let b = riga.as_bytes();
        for (i, c) in riga.char_indices() {
            let dopo_separatore = i == 0 || matches!(b[i - 1], b' ' | b'[' | b',' | b'-' | b':' | b'{');
            match (virgolette, c) {
                (Some(q), c) if c == q => virgolette = None,
                (Some(_), _) => {}
                (None, '"' | '\'') => virgolette = Some(c),
                (None, '#') if i == 0 || b[i - 1] == b' ' => break,
                (None, '&' | '*') if dopo_separatore => {
                    let nome = riga[i + 1..]
                        .split(|c: char| c.is_whitespace() || matches!(c, ',' | ']' | '}' | '[' | '{'))
                        .next()
                        .unwrap_or_default();
                    if !nome.is_empty() {
                        out.push(Riferimento { riga: n + 1, colonna: i, ancora: c == '&', nome });
                    }
                }
                _ => {}
            }
        }
    }
    out
}

/// Why a text's aliases could expand beyond reason: too many, or an alias inside the value an anchor names
/// (nesting is what makes a bomb). `(line, message)`.
fn alias_pericolosi(testo: &str) -> Option<(usize, String)> {
    let rif = riferimenti(testo);
    let alias: Vec<&Riferimento> = rif.iter().filter(|r| !r.ancora).collect();
    if alias.len() > ALIAS_MASSIMI {
        let msg = format!("YAML: troppi riferimenti `*nome` ({}, al massimo {ALIAS_MASSIMI})", alias.len());
        return Some((alias[ALIAS_MASSIMI].riga, msg));
    }
    let righe: Vec<&str> = testo.lines().collect();
    let rientro = |l: &str| l.len() - l.trim_start().len();
    for a in rif.iter().filter(|r| r.ancora) {
        // The anchor's value: the rest of its line, and the lines after it indented more than that line.
        let base = rientro(righe[a.riga - 1]);
        let fine = (a.riga..righe.len())
            .find(|&i| !righe[i].trim().is_empty() && rientro(righe[i]) <= base)
            .map_or(righe.len(), |i| i);
        let dentro =
            |r: &&&Riferimento| (r.riga == a.riga && r.colonna > a.colonna) || (r.riga > a.riga && r.riga <= fine);
        if let Some(r) = alias.iter().find(dentro) {
            let msg = format!(
                "YAML: il riferimento `*{}` è dentro il valore di `&{}`: riferimenti annidati non ammessi",
                r.nome, a.nome
            );
            return Some((r.riga, msg));
        }
    }
    None
}

/// Reads `testo` (the file `file`) as `T`, with problems at their line in Italian. `riga_iniziale` is the number
/// of lines before the YAML in the file (front matter starts after `---`).
pub fn da_testo_da<T: DeserializeOwned>(file: &str, testo: &str, riga_iniziale: usize) -> Result<T, Diagnostic> {
    if let Some((riga, messaggio)) = alias_pericolosi(testo) {
        return Err(Diagnostic::new(file, riga + riga_iniziale, 1, messaggio));
    }
    serde_norway::from_str(testo)
        .map_err(|e| errore(file.into(), &e, riga_iniziale, riga_iniziale + testo.lines().count()))
}

/// [`da_testo_da`] for a whole file.
pub fn da_testo<T: DeserializeOwned>(file: &str, testo: &str) -> Result<T, Diagnostic> {
    da_testo_da(file, testo, 0)
}

/// A YAML error, its position shifted by `line_offset` lines (the lines before the YAML in the file) and kept
/// inside the file's `last_line` (a parser reports the end of the input one line past the last).
pub fn errore(file: String, e: &serde_norway::Error, line_offset: usize, last_line: usize) -> Diagnostic {
    let (line, col) = e.location().map(|l| (l.line() + line_offset, l.column())).unwrap_or((line_offset + 1, 1));
    Diagnostic::new(file, line.clamp(1, last_line.max(1)), col, format!("YAML: {}", in_italiano(&e.to_string())))
}

/// The YAML parser's and serde's messages, which are in English, in Italian for the editors (the key names and
/// values stay as they are).
fn in_italiano(messaggio: &str) -> String {
    let sostituzioni = [
        ("unknown field ", "chiave sconosciuta "),
        (", expected one of ", "; ammesse: "),
        (", there are no fields", ""),
        ("missing field ", "manca la chiave "),
        ("invalid type: ", "tipo sbagliato: "),
        ("unknown variant ", "valore sconosciuto "),
        ("invalid value: ", "valore non valido: "),
        ("invalid length ", "lunghezza sbagliata "),
        ("duplicate field ", "chiave ripetuta "),
        (", expected ", ", serve "),
        ("` or `", "` o `"),
        ("`, or `", "` o `"),
        ("premature end of input", "il testo finisce prima del previsto"),
        ("did not find expected ", "non trovo "),
        ("mapping values are not allowed in this context", "qui non può iniziare un valore con `chiave:`"),
        ("found unexpected end of stream", "il testo finisce prima del previsto"),
        ("recursion limit exceeded", "troppi livelli annidati"),
        ("while parsing ", "mentre leggo "),
        ("while scanning ", "mentre leggo "),
    ];
    // The position is already in front of the message, counted in the whole file: the parser's own (counted in
    // the YAML alone) would only confuse.
    let senza_posizione = match messaggio.rfind(" at line ") {
        Some(i)
            if messaggio[i + 9..].split(" column ").all(|n| n.chars().all(|c| c.is_ascii_digit()) && !n.is_empty()) =>
        {
            &messaggio[..i]
        }
        _ => messaggio,
    };
    sostituzioni.iter().fold(senza_posizione.to_string(), |m, (en, it)| m.replace(en, it))
}

#[cfg(test)]
mod test {
    use super::*;

    #[test]
    fn nested_aliases_are_refused_at_their_line() {
        let bomba = "a: &a [x, x, x]\nb: &b [*a, *a, *a]\nc: &c [*b, *b, *b]\n";
        let e = da_testo::<serde_norway::Value>("s.yaml", bomba).unwrap_err();
        assert_eq!(e.line, 2, "{e}");
        assert!(e.message.contains("annidati"), "{e}");
        let a_blocchi = "base: &base\n  - uno\n  - *altro\n";
        assert!(da_testo::<serde_norway::Value>("s.yaml", a_blocchi).unwrap_err().message.contains("annidati"));
    }

    #[test]
    fn plain_aliases_and_stars_in_text_are_fine() {
        let ok = "modi:\n  - atti: &carta [a, b]\n  - atti: *carta\ntesto: \"paga *subito* & bene\"\n# un *commento\n";
        let v: serde_norway::Value = da_testo("s.yaml", ok).unwrap();
        assert_eq!(v["modi"][1]["atti"][1], "b");
    }

    #[test]
    fn too_many_aliases_are_refused() {
        let mut t = String::from("a: &a x\nl:\n");
        for _ in 0..=ALIAS_MASSIMI {
            t.push_str("  - *a\n");
        }
        assert!(da_testo::<serde_norway::Value>("s.yaml", &t).unwrap_err().message.contains("troppi"));
    }

    #[test]
    fn errors_are_in_italian_at_the_file_line() {
        #[derive(serde::Deserialize, Debug)]
        #[serde(deny_unknown_fields)]
        #[allow(dead_code)]
        struct S {
            a: u32,
        }
        let e = da_testo_da::<S>("p.md", "a: 1\nb: 2\n", 1).unwrap_err();
        assert_eq!((e.line, e.message.contains("chiave sconosciuta")), (3, true), "{e}");
        let e = da_testo::<crate::civis::Riferimento>("a.yaml", "cartelle").unwrap_err();
        assert_eq!(e.message, "YAML: valore sconosciuto `cartelle`, serve `comunicazione` o `cartella`");
    }
}
