//! The bottom of the workspace: the one `Diagnostic` every crate reports problems with (content, Markdown,
//! templates, the wizard's rules, the CLI), printed as `file:line:col: message` so editors can jump to it.

pub mod citazioni;
pub mod civis;
#[cfg(feature = "comprimi")]
pub mod compressione;
pub mod impronta;
pub mod testi;
#[cfg(feature = "yaml")]
pub mod yaml;

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
}

/// Whether a source names one of the project's own documents (`doc. 004 l. 1636`, `seed 001`) instead of a norm
/// or a public document a reader can check: pages and rules keep those for maintainers, in `riscontro`.
pub fn cita_documento_interno(fonte: &str) -> bool {
    let f = fonte.to_lowercase();
    ["doc. 00", "doc.00", "seed 00", "(seed"].iter().any(|m| f.contains(m))
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // A problem about a file or folder as a whole (no line) names only the path, never `file:0:0`.
        match (self.line, self.col) {
            (0, _) => write!(f, "{}: {}", self.file, self.message),
            (l, 0) => write!(f, "{}:{l}: {}", self.file, self.message),
            (l, c) => write!(f, "{}:{l}:{c}: {}", self.file, self.message),
        }
    }
}
