//! One budget per file, the way scanners such as ClamAV bound their work: bytes decoded (by any filter, not only
//! inflated), objects and values visited, bytes parsed again (object streams, hidden objects), parts of a package,
//! nesting. Every reader asks the budget before it grows or loops; when it says no, the verdict becomes "not fully
//! checked" (never "clean"), so a crafted file can neither fill the memory nor keep the page busy.

/// Bytes a file may inflate to, over all its compressed streams or parts. Real documents of 20 MB stay far
/// below; a compression bomb stops here.
pub(crate) const GONFIATI: u64 = 160 * 1024 * 1024;
/// Entries a package may have (a large real workbook has a few hundred).
pub(crate) const VOCI: usize = 10_000;
/// Nesting of PDF arrays and dictionaries (real files rarely exceed 10).
pub(crate) const PROFONDITA: usize = 64;
/// Objects a file may define, over its own body, its object streams and what the second pass finds (a large
/// real PDF has a few hundred thousand).
pub(crate) const OGGETTI: u64 = 2_000_000;
/// Bytes the parser may read again beyond its one pass over the file (the small values of pass 0, hidden objects
/// parsed on their own): decoded data is charged to [`GONFIATI`] instead.
pub(crate) const RILETTURE: u64 = 64 * 1024 * 1024;

/// What a file has left to spend, and whether it ran out.
#[derive(Debug)]
pub(crate) struct Budget {
    gonfiati: u64,
    oggetti: u64,
    riletture: u64,
    /// Set once a limit is hit: part of the file was not read.
    pub(crate) esaurito: bool,
}

impl Budget {
    pub(crate) fn new() -> Self {
        Budget::con(GONFIATI)
    }

    /// A budget of `gonfiati` decoded bytes (for reading that only gives hints, not verdicts).
    pub(crate) fn con(gonfiati: u64) -> Self {
        Budget { gonfiati, oggetti: OGGETTI, riletture: RILETTURE, esaurito: false }
    }

    /// Records one object or value visited; `false` (and the budget exhausted) past [`OGGETTI`].
    pub(crate) fn oggetto(&mut self) -> bool {
        Budget::togli(&mut self.oggetti, 1, &mut self.esaurito)
    }

    /// Records `n` bytes parsed again (an object stream's content, a hidden object); `false` (and the budget
    /// exhausted) past [`RILETTURE`].
    pub(crate) fn rileggi(&mut self, n: u64) -> bool {
        Budget::togli(&mut self.riletture, n, &mut self.esaurito)
    }

    fn togli(disponibili: &mut u64, n: u64, esaurito: &mut bool) -> bool {
        if n > *disponibili {
            *disponibili = 0;
            *esaurito = true;
            false
        } else {
            *disponibili -= n;
            true
        }
    }

    /// How many more bytes may be inflated.
    pub(crate) fn restanti(&self) -> u64 {
        self.gonfiati
    }

    /// Records `n` decoded bytes; `false` (and the budget exhausted) when they were more than what was left.
    pub(crate) fn spendi(&mut self, n: u64) -> bool {
        Budget::togli(&mut self.gonfiati, n, &mut self.esaurito)
    }

    /// Marks the file as not fully read.
    pub(crate) fn esaurisci(&mut self) {
        self.esaurito = true;
    }
}
