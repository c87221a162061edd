//! The guided outline of the request's text, by reason. The guide asks for "gli elementi rilevanti per la correzione
//! dell'esito", "le motivazioni della richiesta" and anything that frames the case (seed 001 l. 136–145), and says
//! that vague texts cause delays or requests for more information (l. 151–155). CIVIS has its own outline under
//! "Aiuto", which we do not have: these fields are the elements an office needs to check each usual reason without
//! writing back (which irregularity, which data were not considered, amounts, dates, F24 references).

use crate::parole::{Parole, R};
use std::collections::BTreeMap;

/// Why the person thinks the communication is wrong.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Motivo {
    /// A payment made but not considered.
    Versamento,
    /// A credit (from an earlier return, or used in compensation) not recognised.
    Credito,
    /// Withholding taxes (ritenute) or the sostituto's payments not considered.
    Ritenute,
    /// A mistake in filling in the return.
    Compilazione,
    /// Any other reason.
    Altro,
}

/// One element of the outline.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Campo {
    /// Stable id (the form field's name).
    pub id: &'static str,
    /// What to write, as the person reads it.
    pub etichetta: R,
    /// An example or where to find it.
    pub aiuto: R,
}

const IRREGOLARITA: Campo = Campo { id: "irregolarita", etichetta: R::Irregolarita, aiuto: R::IrregolaritaAiuto };
const RICHIESTA: Campo = Campo { id: "richiesta", etichetta: R::Richiesta, aiuto: R::RichiestaAiuto };
const DOCUMENTI: Campo = Campo { id: "documenti", etichetta: R::Documenti, aiuto: R::DocumentiAiuto };

const VERSAMENTO: [Campo; 5] = [
    Campo { id: "data_versamento", etichetta: R::DataVersamento, aiuto: R::DataVersamentoAiuto },
    Campo { id: "importo_versato", etichetta: R::ImportoVersato, aiuto: R::ImportoVersatoAiuto },
    Campo { id: "codice_tributo", etichetta: R::CodiceTributo, aiuto: R::CodiceTributoAiuto },
    Campo { id: "estremi_f24", etichetta: R::EstremiF24, aiuto: R::EstremiF24Aiuto },
    Campo { id: "cosa_non_considerato", etichetta: R::NonConsiderato, aiuto: R::NonConsideratoAiuto },
];
const CREDITO: [Campo; 4] = [
    Campo { id: "tipo_credito", etichetta: R::TipoCredito, aiuto: R::TipoCreditoAiuto },
    Campo { id: "anno_credito", etichetta: R::AnnoCredito, aiuto: R::AnnoCreditoAiuto },
    Campo { id: "importo_credito", etichetta: R::ImportoCredito, aiuto: R::InEuro },
    Campo { id: "uso_credito", etichetta: R::UsoCredito, aiuto: R::UsoCreditoAiuto },
];
const RITENUTE: [Campo; 4] = [
    Campo { id: "sostituto", etichetta: R::Sostituto, aiuto: R::SostitutoAiuto },
    Campo { id: "anno_ritenute", etichetta: R::AnnoRitenute, aiuto: R::AnnoRitenuteAiuto },
    Campo { id: "importo_ritenute", etichetta: R::ImportoRitenute, aiuto: R::ImportoRitenuteAiuto },
    Campo { id: "dove_indicate", etichetta: R::DoveIndicate, aiuto: R::DoveIndicateAiuto },
];
const COMPILAZIONE: [Campo; 3] = [
    Campo { id: "rigo", etichetta: R::Rigo, aiuto: R::RigoAiuto },
    Campo { id: "valore_indicato", etichetta: R::ValoreIndicato, aiuto: R::ValoreIndicatoAiuto },
    Campo { id: "valore_corretto", etichetta: R::ValoreCorretto, aiuto: R::ValoreCorrettoAiuto },
];
const ALTRO: [Campo; 1] = [Campo { id: "spiegazione", etichetta: R::Spiegazione, aiuto: R::SpiegazioneAiuto }];

impl Motivo {
    /// Every reason, in the order they are offered.
    pub const TUTTI: [Motivo; 5] =
        [Motivo::Versamento, Motivo::Credito, Motivo::Ritenute, Motivo::Compilazione, Motivo::Altro];

    /// Stable id (the form's value).
    pub fn id(self) -> &'static str {
        match self {
            Motivo::Versamento => "versamento",
            Motivo::Credito => "credito",
            Motivo::Ritenute => "ritenute",
            Motivo::Compilazione => "compilazione",
            Motivo::Altro => "altro",
        }
    }

    /// The reason with this id.
    pub fn da_id(id: &str) -> Option<Motivo> {
        Motivo::TUTTI.into_iter().find(|m| m.id() == id)
    }

    /// The reason in words.
    pub fn nome(self) -> R {
        match self {
            Motivo::Versamento => R::MotivoVersamento,
            Motivo::Credito => R::MotivoCredito,
            Motivo::Ritenute => R::MotivoRitenute,
            Motivo::Compilazione => R::MotivoCompilazione,
            Motivo::Altro => R::MotivoAltro,
        }
    }

    /// The outline's fields: what the irregularity is, the reason's own elements, what is asked, the documents.
    pub fn campi(self) -> Vec<Campo> {
        let propri: &[Campo] = match self {
            Motivo::Versamento => &VERSAMENTO,
            Motivo::Credito => &CREDITO,
            Motivo::Ritenute => &RITENUTE,
            Motivo::Compilazione => &COMPILAZIONE,
            Motivo::Altro => &ALTRO,
        };
        std::iter::once(IRREGOLARITA).chain(propri.iter().copied()).chain([RICHIESTA, DOCUMENTI]).collect()
    }
}

/// The fields of the outline still empty: the text is sent anyway, but each is something the office may ask for.
pub fn mancanti(motivo: Motivo, valori: &BTreeMap<String, String>) -> Vec<Campo> {
    motivo.campi().into_iter().filter(|c| valori.get(c.id).is_none_or(|v| v.trim().is_empty())).collect()
}

/// The text to copy into R::CampoTesto: the reason, then one line per filled
/// field ("Label: value"), in the outline's order. Empty fields are left out. In Italian whatever the page's language:
/// the office reads Italian.
pub fn componi(motivo: Motivo, valori: &BTreeMap<String, String>) -> String {
    let it = Parole::italiano();
    let mut testo = format!("Motivo della richiesta: {}.", it.t(motivo.nome()).to_ascii_lowercase());
    for c in motivo.campi() {
        // Written by hand, not with `join`: the browser's module then carries no copy of `join` for it.
        let mut v = String::new();
        for parola in valori.get(c.id).map(|v| v.split_whitespace()).into_iter().flatten() {
            if !v.is_empty() {
                v.push(' ');
            }
            v.push_str(parola);
        }
        if !v.is_empty() {
            testo.push_str(&format!("\n{}: {v}", it.t(c.etichetta)));
        }
    }
    testo
}

#[cfg(test)]
mod test {
    use super::*;

    fn valori(coppie: &[(&str, &str)]) -> BTreeMap<String, String> {
        coppie.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
    }

    #[test]
    fn every_reason_asks_what_is_contested_what_is_asked_and_its_own_elements() {
        for m in Motivo::TUTTI {
            let ids: Vec<&str> = m.campi().iter().map(|c| c.id).collect();
            assert_eq!(ids.first(), Some(&"irregolarita"), "{m:?}");
            assert!(ids.contains(&"richiesta") && ids.len() >= 4, "{m:?}: {ids:?}");
            assert_eq!(Motivo::da_id(m.id()), Some(m));
            let mut unici = ids.clone();
            unici.sort();
            unici.dedup();
            assert_eq!(unici.len(), ids.len(), "{m:?}: repeated field ids");
        }
        assert!(Motivo::Versamento.campi().iter().any(|c| c.id == "estremi_f24"));
    }

    #[test]
    fn the_text_keeps_the_outline_order_and_leaves_out_empty_fields() {
        let v = valori(&[
            ("richiesta", "Annullare la comunicazione."),
            ("importo_versato", "1.250,00 euro"),
            ("data_versamento", " 16/06/2025 "),
            ("codice_tributo", ""),
        ]);
        let testo = componi(Motivo::Versamento, &v);
        assert_eq!(
            testo,
            "Motivo della richiesta: un pagamento fatto ma non considerato.\nData del versamento: 16/06/2025\nImporto versato: 1.250,00 euro\nChe cosa chiedi all'ufficio: Annullare la comunicazione."
        );
        let m: Vec<&str> = mancanti(Motivo::Versamento, &v).iter().map(|c| c.id).collect();
        assert_eq!(m, ["irregolarita", "codice_tributo", "estremi_f24", "cosa_non_considerato", "documenti"]);
    }
}
