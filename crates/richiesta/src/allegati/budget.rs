//! One budget per file, the way scanners such as ClamAV bound their work: bytes inflated, parts of a package,
//! nesting. Every reader asks the budget before it grows; when it says no, the verdict becomes "not fully
//! checked" (never "clean"), so a crafted file can neither fill the memory nor keep the page busy.

/// Bytes a file may inflate to, over all its compressed streams or parts. Real documents of 20 MB stay far
/// below; a compression bomb stops here.
pub(crate) const GONFIATI: u64 = 160 * 1024 * 1024;
/// Entries a package may have (a large real workbook has a few hundred).
pub(crate) const VOCI: usize = 10_000;
/// Nesting of PDF arrays and dictionaries (real files rarely exceed 10).
pub(crate) const PROFONDITA: usize = 64;

/// What a file has left to spend, and whether it ran out.
#[derive(Debug)]
pub(crate) struct Budget {
    gonfiati: u64,
    /// Set once a limit is hit: part of the file was not read.
    pub(crate) esaurito: bool,
}

impl Budget {
    pub(crate) fn new() -> Self {
        Budget::con(GONFIATI)
    }

    /// A budget of `gonfiati` inflated bytes (for reading that only gives hints, not verdicts).
    pub(crate) fn con(gonfiati: u64) -> Self {
        Budget { gonfiati, esaurito: false }
    }

    /// How many more bytes may be inflated.
    pub(crate) fn restanti(&self) -> u64 {
        self.gonfiati
    }

    /// Records `n` inflated bytes; `false` (and the budget exhausted) when they were more than what was left.
    pub(crate) fn spendi(&mut self, n: u64) -> bool {
        if n > self.gonfiati {
            self.gonfiati = 0;
            self.esaurito = true;
            false
        } else {
            self.gonfiati -= n;
            true
        }
    }

    /// Marks the file as not fully read.
    pub(crate) fn esaurisci(&mut self) {
        self.esaurito = true;
    }
}
