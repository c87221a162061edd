//! What the page holds (the context from the wizard, what is typed and chosen) and what each event does to it:
//! pure, so that the page's behaviour is tested without a browser. Nothing here is written into the URL or
//! anywhere else.

use chrono::NaiveDate;
use civis_richiesta::allegati::{self, Richiesta, Verdetto};
use civis_richiesta::contesto::Contesto;
use civis_richiesta::identificativi::Identificativo;
use civis_richiesta::parole::{Messaggio, Parole};
use civis_richiesta::traccia::{componi, Motivo};
use std::collections::BTreeMap;

/// Everything the tool knows.
pub(crate) struct Stato {
    /// The page's words (its language's, Italian where it has none).
    pub(crate) parole: Parole,
    /// The site's root from the page (`../`, or `../../` on a translated page), for the links to the guide.
    pub(crate) radice: String,
    /// From the wizard (the URL fragment).
    pub(crate) contesto: Contesto,
    /// Today in the browser.
    pub(crate) oggi: NaiveDate,
    /// Whether this is the second request.
    pub(crate) seconda: bool,
    /// How the act is identified.
    pub(crate) identificativo: Identificativo,
    /// The identifier as typed.
    pub(crate) numero: String,
    /// The codice fiscale as typed.
    pub(crate) codice_fiscale: String,
    /// The first request's protocol as typed.
    pub(crate) protocollo: String,
    /// The reason chosen for the outline.
    pub(crate) motivo: Motivo,
    /// The outline's fields as typed, by id.
    pub(crate) valori: BTreeMap<String, String>,
    /// The request's text.
    pub(crate) testo: String,
    /// Whether the text was just copied.
    pub(crate) copiato: bool,
    /// The files chosen and their verdicts.
    pub(crate) scelti: Scelti,
}

/// The files chosen and their verdicts so far.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Scelti {
    /// How many files were chosen.
    pub(crate) quanti: usize,
    /// The verdicts of the files read so far, in the order chosen.
    pub(crate) verdetti: Vec<Verdetto>,
    /// Which choice of files this is: the verdicts of an earlier choice still being read are dropped.
    pub(crate) giro: u32,
}

impl Scelti {
    /// The problems of the set as a whole for this request.
    pub(crate) fn generali(&self, seconda: bool) -> Vec<Messaggio> {
        allegati::generali(self.quanti, if seconda { Richiesta::Seconda } else { Richiesta::Prima })
    }

    /// Whether every file chosen has been read and the request can be sent with them (the crate's own verdict on
    /// the set, `allegati::Esito::ammesso`).
    pub(crate) fn ammessi(&self, seconda: bool) -> bool {
        self.verdetti.len() == self.quanti
            && allegati::Esito { generali: self.generali(seconda), file: self.verdetti.clone() }.ammesso()
    }
}

/// The parts of the page built again (fields included) when what they show changes shape; everything else
/// (messages, counter, verdicts, summary) is written again after every event.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Parte {
    /// The protocol field and the attachments' choice (first or second request).
    Richiesta,
    /// The outline's fields (the reason changed).
    Traccia,
    /// The text's field (composed from the outline).
    Testo,
}

/// What the page must do after an event.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Azione {
    /// Nothing changed.
    Nulla,
    /// Build these parts again, then write the messages again.
    Aggiorna(Vec<Parte>),
    /// Copy this text, then write the messages again.
    Copia(String),
    /// Print the page.
    Stampa,
    /// Read the files chosen in the file input.
    File,
}

impl Stato {
    /// The tool as it opens, with the wizard's context, in `parole`, on a page whose site root is `radice`.
    pub(crate) fn nuovo(contesto: Contesto, oggi: NaiveDate, parole: Parole, radice: String) -> Stato {
        let identificativo = if contesto.cartella() {
            Identificativo::IdentificativoCartella
        } else {
            Identificativo::NumeroComunicazione
        };
        Stato {
            parole,
            radice,
            seconda: contesto.seconda,
            contesto,
            oggi,
            identificativo,
            numero: String::new(),
            codice_fiscale: String::new(),
            protocollo: String::new(),
            motivo: Motivo::Versamento,
            valori: BTreeMap::new(),
            testo: String::new(),
            copiato: false,
            scelti: Scelti::default(),
        }
    }

    /// A page of the site (`civis/…/index.html`) from this page.
    pub(crate) fn link(&self, pagina: &str) -> String {
        format!("{}{pagina}", self.radice)
    }

    /// An event of type `tipo` (`input`, `change`, `click`) on the element `id`, whose value is `valore`.
    pub(crate) fn evento(&mut self, tipo: &str, id: &str, valore: String) -> Azione {
        let aggiorna = |parti: &[Parte]| Azione::Aggiorna(parti.to_vec());
        match (tipo, id) {
            ("input", "numero-atto") => self.numero = valore,
            ("input", "codice-fiscale") => self.codice_fiscale = valore,
            ("input", "protocollo") => self.protocollo = valore,
            ("input", "testo-richiesta") => {
                self.testo = valore;
                self.copiato = false;
            }
            ("input", id) if id.starts_with("traccia-") => {
                self.valori.insert(id["traccia-".len()..].to_string(), valore);
            }
            ("change", "richiesta-prima" | "richiesta-seconda") => {
                self.seconda = id == "richiesta-seconda";
                return aggiorna(&[Parte::Richiesta]);
            }
            ("change", "tipo-numero") => match Identificativo::da_id(&valore) {
                // The attachments' part follows: a second request about a cartella has none.
                Some(i) => {
                    self.identificativo = i;
                    return aggiorna(&[Parte::Richiesta]);
                }
                None => return Azione::Nulla,
            },
            ("change", "motivo") => match Motivo::da_id(&valore) {
                Some(m) => {
                    self.motivo = m;
                    return aggiorna(&[Parte::Traccia]);
                }
                None => return Azione::Nulla,
            },
            ("change", "file-allegati") => return Azione::File,
            ("click", "componi") => {
                self.testo = componi(self.motivo, &self.valori);
                self.copiato = false;
                return aggiorna(&[Parte::Testo]);
            }
            ("click", "copia-testo") => {
                self.copiato = true;
                return Azione::Copia(self.testo.clone());
            }
            ("click", "stampa") => return Azione::Stampa,
            _ => return Azione::Nulla,
        }
        aggiorna(&[])
    }
}

#[cfg(test)]
mod test {
    use super::*;

    fn stato() -> Stato {
        Stato::nuovo(
            Contesto::default(),
            NaiveDate::from_ymd_opt(2026, 11, 25).unwrap(),
            Parole::italiano(),
            "../".into(),
        )
    }

    #[test]
    fn typing_changes_the_value_and_rebuilds_no_field() {
        let mut s = stato();
        assert_eq!(s.evento("input", "codice-fiscale", "RSS".into()), Azione::Aggiorna(vec![]));
        assert_eq!(s.codice_fiscale, "RSS");
        assert_eq!(s.evento("input", "traccia-data_versamento", "16/06/2025".into()), Azione::Aggiorna(vec![]));
        assert_eq!(s.valori["data_versamento"], "16/06/2025");
        assert_eq!(s.evento("click", "altrove", String::new()), Azione::Nulla);
    }

    #[test]
    fn choices_rebuild_only_the_parts_they_shape() {
        let mut s = stato();
        assert_eq!(s.evento("change", "richiesta-seconda", "seconda".into()), Azione::Aggiorna(vec![Parte::Richiesta]));
        assert!(s.seconda);
        assert_eq!(s.evento("change", "tipo-numero", "non-esiste".into()), Azione::Nulla);
        let id = Identificativo::CodiceAtto.id();
        assert_eq!(s.evento("change", "tipo-numero", id.into()), Azione::Aggiorna(vec![Parte::Richiesta]));
        assert_eq!(s.identificativo, Identificativo::CodiceAtto);
        assert_eq!(s.evento("change", "motivo", Motivo::TUTTI[1].id().into()), Azione::Aggiorna(vec![Parte::Traccia]));
    }

    #[test]
    fn composing_writes_the_text_and_copying_is_remembered_until_the_next_edit() {
        let mut s = stato();
        s.evento("input", "traccia-importo_versato", "10 euro".into());
        assert_eq!(s.evento("click", "componi", String::new()), Azione::Aggiorna(vec![Parte::Testo]));
        assert!(s.testo.contains("10 euro"), "{}", s.testo);
        assert_eq!(s.evento("click", "copia-testo", String::new()), Azione::Copia(s.testo.clone()));
        assert!(s.copiato);
        s.evento("input", "testo-richiesta", "altro".into());
        assert!(!s.copiato);
    }
}
