//! Conditions of the rules files (`quando`): which answers a question or an outcome rule applies to.

use crate::numero::canonico;
use crate::tabella::{Lista, Testo};
use serde::Deserialize;
use std::collections::BTreeMap;

/// Answers as a flat map: `"atto"`, `"notifica.data"`, … → value.
pub type Voci = BTreeMap<String, String>;

/// The answers from pairs; a later pair wins over an earlier one with the same key. Every map of answers is
/// built here or by [`filtra`]: each `collect()` into a `BTreeMap` from a different iterator compiles its own sort
/// and bulk build, about 3 kB apiece in the browser's module, while `insert` is compiled once.
pub fn in_voci(coppie: impl IntoIterator<Item = (String, String)>) -> Voci {
    let mut voci = Voci::new();
    for (k, v) in coppie {
        voci.insert(k, v);
    }
    voci
}

/// The answers for which `tieni(key, value)` holds (see [`in_voci`] for why this is not a `collect()`).
pub fn filtra(voci: &Voci, tieni: &dyn Fn(&str, &str) -> bool) -> Voci {
    in_voci(voci.iter().filter(|(k, v)| tieni(k, v)).map(|(k, v)| (k.clone(), v.clone())))
}

/// Whether an answer is one of the allowed values. An allowed value may also compare an amount (`<20000`,
/// `>=20000`): the answer, in the canonical form of amounts, must satisfy it.
pub fn ammesso(valore: &str, ammessi: &[Testo]) -> bool {
    ammessi.iter().any(|a| match confronto(a) {
        Some((op, soglia)) => canonico(valore).is_some_and(|n| op.vale(n, soglia)),
        None => a == valore,
    })
}

/// A comparison of an amount in a condition.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Confronto {
    /// `<`
    Minore,
    /// `<=`
    MinoreUguale,
    /// `>`
    Maggiore,
    /// `>=`
    MaggioreUguale,
}

impl Confronto {
    fn vale(self, n: f64, soglia: f64) -> bool {
        match self {
            Confronto::Minore => n < soglia,
            Confronto::MinoreUguale => n <= soglia,
            Confronto::Maggiore => n > soglia,
            Confronto::MaggioreUguale => n >= soglia,
        }
    }
}

/// The comparison an allowed value writes (`<20000`), if it is one.
pub fn confronto(ammesso: &str) -> Option<(Confronto, f64)> {
    let (op, resto) = [
        ("<=", Confronto::MinoreUguale),
        (">=", Confronto::MaggioreUguale),
        ("<", Confronto::Minore),
        (">", Confronto::Maggiore),
    ]
    .into_iter()
    .find_map(|(segno, op)| ammesso.strip_prefix(segno).map(|r| (op, r)))?;
    canonico(resto).map(|soglia| (op, soglia))
}

/// One set of requirements: every key must have one of the listed values. Written as a YAML mapping; kept as a
/// list of pairs, in key order.
#[derive(Default, Debug, Clone, Deserialize)]
#[serde(from = "BTreeMap<String, Vec<String>>")]
pub struct Requisiti(pub Lista<(Testo, Lista<Testo>)>);

impl From<BTreeMap<String, Vec<String>>> for Requisiti {
    fn from(mappa: BTreeMap<String, Vec<String>>) -> Self {
        Requisiti(mappa.into_iter().collect())
    }
}

/// `quando`: one set of requirements, or a list of alternatives (any of them).
#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
pub enum Quando {
    /// All of these.
    Tutti(Requisiti),
    /// Any of these sets.
    Uno(Lista<Requisiti>),
}

impl Default for Quando {
    fn default() -> Self {
        Quando::Tutti(Requisiti::default())
    }
}

impl Quando {
    /// Whether the answers satisfy the condition. A key without an answer satisfies nothing.
    pub fn vale(&self, voci: &Voci) -> bool {
        let tutti = |r: &Requisiti| r.0.iter().all(|(k, ammessi)| voci.get(&**k).is_some_and(|v| ammesso(v, ammessi)));
        match self {
            Quando::Tutti(r) => tutti(r),
            Quando::Uno(alternative) => alternative.iter().any(tutti),
        }
    }

    /// Every (key, allowed values) pair named by the condition.
    pub fn voci(&self) -> Vec<(&str, &[Testo])> {
        fn coppie(r: &Requisiti) -> Vec<(&str, &[Testo])> {
            r.0.iter().map(|(k, v)| (&**k, &**v)).collect()
        }
        match self {
            Quando::Tutti(r) => coppie(r),
            Quando::Uno(alternative) => alternative.iter().flat_map(coppie).collect(),
        }
    }
}

#[cfg(test)]
mod test {
    use super::*;

    fn voci(coppie: &[(&str, &str)]) -> Voci {
        coppie.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
    }

    #[test]
    fn tutti_requires_every_key() {
        let q: Quando = serde_norway::from_str("{ atto: [cartella], origine: [altro_ente, accertamento] }").unwrap();
        assert!(q.vale(&voci(&[("atto", "cartella"), ("origine", "accertamento")])));
        assert!(!q.vale(&voci(&[("atto", "cartella")])));
        assert!(!q.vale(&voci(&[("atto", "avviso_bonario"), ("origine", "accertamento")])));
    }

    #[test]
    fn amounts_are_compared() {
        let q: Quando = serde_norway::from_str("{ debito_complessivo: [\"<20000\"] }").unwrap();
        assert!(q.vale(&voci(&[("debito_complessivo", "19999.99")])));
        assert!(!q.vale(&voci(&[("debito_complessivo", "20000")])), "the threshold itself is not below it");
        assert!(!q.vale(&voci(&[("debito_complessivo", "tanti")])));
        assert!(!q.vale(&voci(&[])));
        assert_eq!(confronto(">=20000"), Some((Confronto::MaggioreUguale, 20000.0)));
        assert_eq!(confronto("altro_ente"), None);
    }

    #[test]
    fn uno_accepts_any_alternative() {
        let q: Quando = serde_norway::from_str("[{ atto: [altro] }, { obiettivo: [pagare] }]").unwrap();
        assert!(q.vale(&voci(&[("obiettivo", "pagare")])));
        assert!(q.vale(&voci(&[("atto", "altro")])));
        assert!(!q.vale(&voci(&[("atto", "cartella")])));
    }
}
