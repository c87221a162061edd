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

    #[cfg(feature = "yaml")]
    /// A YAML error, its position shifted by `line_offset` lines (the lines before the YAML in the file) and kept
    /// inside the file's `last_line` (a parser reports the end of the input one line past the last).
    pub fn yaml(file: String, e: &serde_norway::Error, line_offset: usize, last_line: usize) -> Self {
        let (line, col) = e.location().map(|l| (l.line() + line_offset, l.column())).unwrap_or((line_offset + 1, 1));
        Diagnostic::new(file, line.clamp(1, last_line.max(1)), col, format!("YAML: {e}"))
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}:{}: {}", self.file, self.line, self.col, self.message)
    }
}
