//! What the page receives from the wizard, in its URL fragment like the wizard's own answers (it never leaves the
//! browser): the act and how CIVIS finds it (both from the wizard's rules, so that a new act needs no code here),
//! whether this is the first or the second request, the recommended channel, the deadline that answers the goal and
//! the way back to the wizard's outcome. The wizard writes it ([`Contesto::a_frammento`]); the page
//! reads it ([`Contesto::da_frammento`]), ignoring what it does not understand.

use chrono::NaiveDate;
pub use civis_core::civis::Riferimento;

/// The request's context from the wizard.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Contesto {
    /// The act, in words ("Una cartella di pagamento").
    pub atto: Option<String>,
    /// How CIVIS finds the act: by a communication's 13-digit number, or as a cartella (codice atto,
    /// identificativo, partita di ruolo).
    pub identificativo: Option<Riferimento>,
    /// Whether the channel is the second request (from 11 May 2026).
    pub seconda: bool,
    /// The recommended channel, in words.
    pub canale: Option<String>,
    /// The nearest deadline: what it is for and its date.
    pub termine: Option<(String, NaiveDate)>,
    /// The wizard's fragment, to go back to the outcome.
    pub percorso: Option<String>,
}

impl Contesto {
    /// Whether CIVIS finds the act as a cartella (by codice atto, identificativo or partita di ruolo) rather than
    /// by a communication's 13-digit number.
    pub fn cartella(&self) -> bool {
        self.identificativo == Some(Riferimento::Cartella)
    }

    /// The fragment (without `#`).
    pub fn a_frammento(&self) -> String {
        let mut f = form_urlencoded::Serializer::new(String::new());
        if let Some(a) = &self.atto {
            f.append_pair("atto", a);
        }
        if let Some(i) = &self.identificativo {
            f.append_pair("identificativo", i.parola());
        }
        f.append_pair("richiesta", if self.seconda { "seconda" } else { "prima" });
        if let Some(c) = &self.canale {
            f.append_pair("canale", c);
        }
        if let Some((cosa, data)) = &self.termine {
            f.append_pair("cosa", cosa);
            f.append_pair("termine", &data.to_string());
        }
        if let Some(p) = &self.percorso {
            f.append_pair("percorso", p);
        }
        f.finish()
    }

    /// Reads a fragment (with or without `#`); unknown keys and malformed dates are ignored.
    pub fn da_frammento(s: &str) -> Contesto {
        let mut c = Contesto::default();
        let (mut cosa, mut data) = (None, None);
        for (k, v) in form_urlencoded::parse(s.trim_start_matches('#').as_bytes()) {
            let v = v.trim().to_string();
            match &*k {
                "atto" if !v.is_empty() => c.atto = Some(v),
                "identificativo" => c.identificativo = Riferimento::da_parola(&v),
                "richiesta" => c.seconda = v == "seconda",
                "canale" if !v.is_empty() => c.canale = Some(v),
                "cosa" if !v.is_empty() => cosa = Some(v),
                "termine" => data = data_iso(&v),
                "percorso" if !v.is_empty() => c.percorso = Some(v),
                _ => {}
            }
        }
        c.termine = cosa.zip(data);
        c
    }
}

/// A date as people read it, `GG/MM/AAAA`. Written by hand, like [`data_iso`]: chrono's formatting machinery
/// would be a large part of a WebAssembly module.
pub fn data_italiana(d: NaiveDate) -> String {
    use chrono::Datelike;
    format!("{:02}/{:02}/{}", d.day(), d.month(), d.year())
}

/// A `YYYY-MM-DD` date (`NaiveDate`'s `Display` writes it). Read by hand: chrono's format parser would be the
/// largest part of the date code in the wizard's WebAssembly module.
pub fn data_iso(s: &str) -> Option<NaiveDate> {
    let mut parti = s.splitn(3, '-');
    let mut numero = |cifre: usize| -> Option<u32> {
        parti.next().filter(|p| p.len() == cifre && p.bytes().all(|b| b.is_ascii_digit()))?.parse().ok()
    };
    let (anno, mese, giorno) = (numero(4)?, numero(2)?, numero(2)?);
    NaiveDate::from_ymd_opt(anno as i32, mese, giorno)
}

#[cfg(test)]
mod test {
    use super::*;

    #[test]
    fn the_context_goes_through_the_fragment_and_back() {
        let c = Contesto {
            atto: Some("Una comunicazione di irregolarità (avviso bonario)".into()),
            identificativo: Some(Riferimento::Comunicazione),
            seconda: true,
            canale: Some("Seconda richiesta CIVIS (con allegati)".into()),
            termine: Some(("Pagare con la sanzione ridotta".into(), NaiveDate::from_ymd_opt(2026, 12, 10).unwrap())),
            percorso: Some("atto=avviso_bonario&obiettivo=correggere".into()),
        };
        let f = c.a_frammento();
        assert!(
            f.contains("termine=2026-12-10") && f.contains("percorso=atto%3Davviso_bonario%26obiettivo%3Dcorreggere"),
            "{f}"
        );
        assert_eq!(Contesto::da_frammento(&format!("#{f}")), c);
        assert!(!c.cartella());
    }

    #[test]
    fn bad_or_unknown_parts_are_ignored() {
        let c = Contesto::da_frammento("identificativo=cartella&termine=2026-02-30&cosa=Pagare&x=1");
        assert!(c.cartella() && c.termine.is_none() && !c.seconda);
        for data in ["2026-1-05", "2026-01-05x", "26-01-05", "2026/01/05", "2026-01-05-01"] {
            assert!(Contesto::da_frammento(&format!("cosa=Pagare&termine={data}")).termine.is_none(), "{data}");
        }
        assert_eq!(Contesto::da_frammento(""), Contesto::default());
    }
}
