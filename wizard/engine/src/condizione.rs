//! Conditions of the rules files (`quando`): which answers a question or an outcome rule applies to.

use crate::tabella::{Lista, Testo};
use serde::Deserialize;
use std::collections::BTreeMap;

/// Answers as a flat map: `"atto"`, `"notifica.data"`, … → value.
pub type Voci = BTreeMap<String, String>;

/// One set of requirements: every key must have one of the listed values. Written as a YAML mapping; kept as a
/// list of pairs, in key order, so that the browser's copy can be a static table.
#[derive(Debug, Clone, Deserialize)]
#[serde(from = "BTreeMap<String, Vec<String>>")]
pub struct Requisiti(pub Lista<(Testo, Lista<Testo>)>);

impl From<BTreeMap<String, Vec<String>>> for Requisiti {
    fn from(mappa: BTreeMap<String, Vec<String>>) -> Self {
        Requisiti(mappa.into_iter().map(|(k, v)| (k.into(), v.into_iter().map(Testo::from).collect())).collect())
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

impl Quando {
    /// Whether the answers satisfy the condition. A key without an answer satisfies nothing.
    pub fn vale(&self, voci: &Voci) -> bool {
        let tutti = |r: &Requisiti| r.0.iter().all(|(k, ammessi)| voci.get(&**k).is_some_and(|v| ammessi.iter().any(|a| a == v)));
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
    fn uno_accepts_any_alternative() {
        let q: Quando = serde_norway::from_str("[{ atto: [altro] }, { obiettivo: [pagare] }]").unwrap();
        assert!(q.vale(&voci(&[("obiettivo", "pagare")])));
        assert!(q.vale(&voci(&[("atto", "altro")])));
        assert!(!q.vale(&voci(&[("atto", "cartella")])));
    }
}
