//! When a notification counts as done (perfezionata): the date from which terms run, by mode.

use crate::modello::Regole;
use crate::risposte::Notifica;
use chrono::{Days, NaiveDate};

/// The date terms run from and how it was found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Perfezionamento {
    /// The date from which terms run.
    pub data: NaiveDate,
    /// The computation in Italian.
    pub passi: Vec<crate::passo::Passo>,
    /// Legal source.
    pub fonte: String,
    /// Where the sources leave a point open.
    pub nota: Option<String>,
}

/// Computes the date from which terms run for the act `atto`. The mode is one of those in `notifica.yaml`
/// (checked when the answers are read); a variant for the act, if any, replaces the mode's own count.
pub fn perfeziona(regole: &Regole, atto: Option<&str>, n: &Notifica) -> Perfezionamento {
    let modo = regole.notifica.iter().find(|m| m.valore == n.modo).expect("mode validated with the answers");
    let variante = modo.varianti.iter().find(|v| atto.is_some_and(|a| v.atti.iter().any(|x| x == a)));
    let (giorni, regola, fonte, nota) = match variante {
        Some(v) => (v.giorni, &v.regola, &v.fonte, &v.nota),
        None => (modo.giorni, &modo.regola, &modo.fonte, &modo.nota),
    };
    // The law in force on the day of the notification: a testo unico's article from the day it applies.
    let riformulata = variante.map_or(&modo.fonte_riformulata, |v| &v.fonte_riformulata);
    let fonte = &crate::riforma::fonte_per(fonte, riformulata.as_ref(), Some(n.data), None, n.data);
    use crate::passo::Passo;
    let mut passi = vec![
        Passo::Indicata { data_inserita: modo.data_inserita.to_string(), data: n.data },
        Passo::Regola { regola: regola.to_string(), fonte: fonte.to_string() },
    ];
    let mut data = n.data.checked_add_days(Days::new(giorni.into())).expect("dates stay far from chrono's limits");
    if giorni == 1 {
        passi.push(Passo::GiornoDopo { da: n.data, data });
    } else if giorni > 0 {
        passi.push(Passo::GiorniDopo { giorni, da: n.data, data });
    }
    if let Some(ritiro) = n.data_ritiro.filter(|_| modo.ritiro_anticipa) {
        if ritiro < data {
            passi.push(Passo::RitiroPrima(ritiro));
            data = ritiro;
        } else {
            passi.push(Passo::RitiroDopo { ritiro, data });
        }
    }
    passi.push(Passo::Decorrono(data));
    Perfezionamento { data, passi, fonte: fonte.to_string(), nota: nota.as_deref().map(String::from) }
}

#[cfg(test)]
mod test {
    use super::*;

    fn g(a: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(a, m, d).unwrap()
    }

    fn data_per(atto: &str, modo: &str, d: NaiveDate, ritiro: Option<NaiveDate>) -> NaiveDate {
        let n = Notifica { modo: modo.into(), data: d, data_ritiro: ritiro };
        perfeziona(crate::regole::incorporate(), Some(atto), &n).data
    }

    fn data(modo: &str, d: NaiveDate, ritiro: Option<NaiveDate>) -> NaiveDate {
        data_per("avviso_bonario", modo, d, ritiro)
    }

    #[test]
    fn same_day_modes() {
        for modo in ["pec", "raccomandata", "mani_proprie", "entratel"] {
            assert_eq!(data(modo, g(2026, 3, 2), None), g(2026, 3, 2), "{modo}");
        }
    }

    #[test]
    fn an_uncollected_raccomandata_counts_from_the_avviso_with_the_other_reading() {
        assert_eq!(data("raccomandata_giacenza", g(2026, 3, 2), None), g(2026, 3, 2));
        let n = Notifica { modo: "raccomandata_giacenza".into(), data: g(2026, 3, 2), data_ritiro: None };
        let p = perfeziona(crate::regole::incorporate(), Some("cartella"), &n);
        assert!(p.nota.as_deref().is_some_and(|t| t.contains("10 giorni dopo")), "{:?}", p.nota);
    }

    #[test]
    fn ten_days_unless_collected_earlier() {
        for modo in ["atto_giudiziario_cad", "irreperibilita_relativa"] {
            assert_eq!(data(modo, g(2026, 3, 2), None), g(2026, 3, 12), "{modo}");
            assert_eq!(data(modo, g(2026, 3, 2), Some(g(2026, 3, 5))), g(2026, 3, 5), "{modo} collected earlier");
            assert_eq!(data(modo, g(2026, 3, 2), Some(g(2026, 3, 20))), g(2026, 3, 12), "{modo} collected later");
        }
    }

    #[test]
    fn infocamere_fifteenth_day_and_affissione_eighth_day() {
        assert_eq!(data("pec_deposito_infocamere", g(2026, 1, 10), None), g(2026, 1, 25));
        assert_eq!(data("irreperibilita_assoluta", g(2026, 1, 10), None), g(2026, 1, 18));
    }

    #[test]
    fn irreperibilita_assoluta_of_a_cartella_counts_from_the_next_day_with_the_other_reading() {
        assert_eq!(data_per("cartella", "irreperibilita_assoluta", g(2026, 1, 10), None), g(2026, 1, 11));
        assert_eq!(
            data_per("esito_controllo_formale", "irreperibilita_assoluta", g(2026, 1, 10), None),
            g(2026, 1, 18)
        );
        let n = Notifica { modo: "irreperibilita_assoluta".into(), data: g(2026, 1, 10), data_ritiro: None };
        let p = perfeziona(crate::regole::incorporate(), Some("cartella"), &n);
        assert!(p.nota.as_deref().is_some_and(|t| t.contains("ottavo")), "{:?}", p.nota);
        assert!(p.fonte.contains("258/2012"), "{}", p.fonte);
    }

    #[test]
    fn collection_date_ignored_where_it_does_not_count() {
        assert_eq!(data("pec", g(2026, 1, 10), Some(g(2026, 1, 5))), g(2026, 1, 10));
    }
}
