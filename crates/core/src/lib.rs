//! The bottom of the workspace: the one `Diagnostic` every crate reports problems with (content, Markdown,
//! templates, the wizard's rules, the CLI), printed as `file:line:col: message` so editors can jump to it.

use std::fmt;

/// A problem in an input file. Messages for editors are in Italian.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// File, relative to the site root.
    pub file: String,
    /// 1-based line (0: the whole file).
    pub line: usize,
    /// 1-based column (0: unknown).
    pub col: usize,
    /// What is wrong.
    pub message: String,
}

impl Diagnostic {
    /// A new diagnostic.
    pub fn new(file: impl Into<String>, line: usize, col: usize, message: impl Into<String>) -> Self {
        Diagnostic { file: file.into(), line, col, message: message.into() }
    }

    /// A file that is not UTF-8 text, at the line and column of its first invalid byte (so an editor lands on it).
    pub fn non_utf8(file: impl Into<String>, bytes: &[u8], e: std::str::Utf8Error) -> Self {
        let prima = &bytes[..e.valid_up_to()];
        let line = prima.iter().filter(|b| **b == b'\n').count() + 1;
        let inizio_riga = prima.iter().rposition(|b| *b == b'\n').map_or(0, |i| i + 1);
        let col = String::from_utf8_lossy(&prima[inizio_riga..]).chars().count() + 1;
        Diagnostic::new(file, line, col, "il file non è in UTF-8: salvalo con la codifica UTF-8")
    }

    #[cfg(feature = "yaml")]
    /// A YAML error, its position shifted by `line_offset` lines (the lines before the YAML in the file) and kept
    /// inside the file's `last_line` (a parser reports the end of the input one line past the last).
    pub fn yaml(file: String, e: &serde_norway::Error, line_offset: usize, last_line: usize) -> Self {
        let (line, col) = e.location().map(|l| (l.line() + line_offset, l.column())).unwrap_or((line_offset + 1, 1));
        Diagnostic::new(file, line.clamp(1, last_line.max(1)), col, format!("YAML: {}", in_italiano(&e.to_string())))
    }
}

/// The YAML parser's and serde's messages, which are in English, in Italian for the editors (the key names and
/// values stay as they are).
#[cfg(feature = "yaml")]
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
        ("premature end of input", "il testo finisce prima del previsto"),
        ("did not find expected ", "non trovo "),
        ("mapping values are not allowed in this context", "qui non può iniziare un valore con `chiave:`"),
        ("found unexpected end of stream", "il testo finisce prima del previsto"),
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

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}:{}: {}", self.file, self.line, self.col, self.message)
    }
}
