//! ZIP packages (Office Open XML, OpenDocument) opened within the file's budget: at most [`VOCI`] entries, each
//! read only up to what the budget has left, and entries whose data overlap refused, since overlapping entries
//! are how a few kilobytes become gigabytes ("non-recursive" ZIP bombs) and no office suite writes them.

use super::budget::{Budget, VOCI};
use std::io::{Cursor, Read};

/// Why a package cannot be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Difetto {
    /// Not a readable ZIP.
    Danneggiato,
    /// Entries that share their data, or one name twice.
    Sovrapposto,
    /// More entries than the budget allows.
    TroppeVoci,
}

/// A package opened, with the names of its entries.
pub(crate) struct Pacchetto<'a> {
    zip: zip::ZipArchive<Cursor<&'a [u8]>>,
    /// The entries' names, in the archive's order.
    pub(crate) nomi: Vec<String>,
}

impl<'a> Pacchetto<'a> {
    /// Opens `b`, checking its entries before anything is inflated.
    pub(crate) fn apri(b: &'a [u8]) -> Result<Self, Difetto> {
        let mut zip = zip::ZipArchive::new(Cursor::new(b)).map_err(|_| Difetto::Danneggiato)?;
        if zip.len() > VOCI {
            return Err(Difetto::TroppeVoci);
        }
        let mut estensioni = Vec::with_capacity(zip.len());
        for i in 0..zip.len() {
            let voce = zip.by_index_raw(i).map_err(|_| Difetto::Danneggiato)?;
            // A local header is at least 30 bytes, then the name and the data.
            let minimo = 30 + voce.name_raw().len() as u64 + voce.compressed_size();
            estensioni.push((voce.header_start(), voce.header_start().saturating_add(minimo)));
        }
        estensioni.sort_unstable();
        if estensioni.windows(2).any(|w| w[1].0 < w[0].1) {
            return Err(Difetto::Sovrapposto);
        }
        let mut nomi: Vec<String> = zip.file_names().map(str::to_string).collect();
        let quanti = nomi.len();
        nomi.sort_unstable_by_key(|n| n.to_ascii_lowercase());
        nomi.dedup_by_key(|n| n.to_ascii_lowercase());
        if nomi.len() != quanti || nomi.len() != zip.len() {
            return Err(Difetto::Sovrapposto);
        }
        Ok(Pacchetto { zip, nomi })
    }

    /// Whether an entry of that name exists (ASCII case ignored, as Office and LibreOffice ignore it).
    pub(crate) fn ha(&self, nome: &str) -> bool {
        self.nomi.iter().any(|n| n.eq_ignore_ascii_case(nome))
    }

    /// An entry's bytes, inflated within the budget. `None` when it is missing, cannot be inflated or the
    /// budget ran out (then the budget says so).
    pub(crate) fn leggi(&mut self, nome: &str, budget: &mut Budget) -> Option<Vec<u8>> {
        let vero = self.nomi.iter().find(|n| n.eq_ignore_ascii_case(nome))?.clone();
        let voce = match self.zip.by_name(&vero) {
            Ok(v) => v,
            Err(_) => {
                budget.esaurisci();
                return None;
            }
        };
        let mut out = Vec::new();
        if voce.take(budget.restanti().saturating_add(1)).read_to_end(&mut out).is_err() {
            budget.esaurisci();
            return None;
        }
        budget.spendi(out.len() as u64).then_some(out)
    }
}
