//! The sources a testo unico restates. From 1 January 2027 the testi unici (D.Lgs. 33/2025 versamenti e
//! riscossione, D.Lgs. 175/2024 giustizia tributaria) restate and repeal most articles of DPR 602/1973, D.Lgs.
//! 46/1999 and D.Lgs. 546/1992 that the rules cite. `fonti.yaml` holds the concordance (each testo unico article
//! names in its note the article it comes from); when the rules are loaded each source is rewritten once into its two
//! dated forms ([`riformula`]), and a deadline picks the form its dates call for ([`fonte_per`]), so that the
//! browser reads no concordance and parses no citation.

use crate::modello::{FonteRiformulata, Regole, TestoUnico};
use crate::testo::{riempi, Italiano, Scrive};
use chrono::NaiveDate;

/// How a restated source is written (key, Italian): from the day the testo unico applies, its article with the old
/// one as "già"; before, the old one with the new beside it and the day.
pub const MODELLI: &[(&str, &str)] =
    &[("fonte.gia", "{nuova} (già {vecchia})"), ("fonte.dal", "{vecchia} (dal {data}: {nuova})")];

/// The words a language restates a source with: [`MODELLI`]'s two sentences and its way of writing a date.
pub struct Forme<'a> {
    /// "{nuova} (già {vecchia})".
    pub gia: &'a str,
    /// "{vecchia} (dal {data}: {nuova})".
    pub dal: &'a str,
    /// Writes `{data}`.
    pub scrive: &'a dyn Scrive,
}

/// The engine's Italian forms.
pub const ITALIANE: Forme<'static> = Forme { gia: MODELLI[0].1, dal: MODELLI[1].1, scrive: &Italiano };

/// Rewrites every deadline's and notification's source in the forms a testo unico gives it, in `forme`'s words:
/// once when the rules are loaded, again for the rules in another language.
pub fn riformula_tutte(r: &mut Regole, forme: &Forme) {
    let testi = r.testi_unici.clone();
    let riformula = |f: &str| riformula(f, &testi, forme);
    for m in r.notifica.iter_mut() {
        m.fonte_riformulata = riformula(&m.fonte);
        m.varianti.iter_mut().for_each(|v| v.fonte_riformulata = riformula(&v.fonte));
    }
    r.termini.iter_mut().for_each(|t| t.fonte_riformulata = riformula(&t.fonte));
    r.decadenze.iter_mut().for_each(|d| d.fonte_riformulata = riformula(&d.fonte));
}

/// The articles a citation names before its law, from its first `art.` or `artt.`: `art. 50 c. 2` → `50`; `artt.
/// 19 e 21` → `19`, `21`; `art. 77 c. 1-bis e c. 2-bis` → `77`; `art. 26 c. 2 e art. 26-bis` → `26`, `26-bis`
/// (commi and letters are not articles).
fn articoli(prima: &str) -> Vec<&str> {
    let inizio = ["artt. ", "art. "].iter().filter_map(|a| prima.find(a)).min();
    let Some(inizio) = inizio else { return Vec::new() };
    let mut out = Vec::new();
    let mut parte_di_un_comma = false;
    let parole = prima[inizio..].split([' ', ',']).filter(|p| !p.is_empty()).skip(1);
    for p in parole {
        let numero = p.starts_with(|c: char| c.is_ascii_digit())
            && p.split_once('-').is_none_or(|(n, s)| {
                n.bytes().all(|b| b.is_ascii_digit()) && s.bytes().all(|b| b.is_ascii_lowercase())
            })
            && p.bytes().take_while(u8::is_ascii_digit).count() > 0;
        match p {
            "c." | "lett." | "comma" | "commi" => parte_di_un_comma = true,
            "e" => {}
            "art." | "artt." => parte_di_un_comma = false,
            _ if numero && !parte_di_un_comma => out.push(p),
            _ => parte_di_un_comma = false,
        }
    }
    out
}

/// Articles joined as Italian lists them: `146`, `65 e 67`, `101, 102 e 103`.
fn elenco(articoli: &[&str]) -> String {
    match articoli {
        [] => String::new(),
        [uno] => uno.to_string(),
        [prima @ .., ultimo] => format!("{} e {ultimo}", prima.join(", ")),
    }
}

/// One part of a source (between `;`) with what a testo unico restates of it: the new citations, and the day.
fn riprese(parte: &str, testi: &[TestoUnico]) -> Vec<(NaiveDate, String)> {
    let mut out = Vec::new();
    let mut da = 0;
    for c in civis_core::citazioni::citazioni(parte) {
        let prima = &parte[da..c.dove];
        da = c.fine;
        for tu in testi {
            let Some(ripresa) = tu.riprende.iter().find(|r| r.legge == c.nome) else { continue };
            let nuovi: Vec<&str> = articoli(prima)
                .into_iter()
                .filter_map(|a| ripresa.articoli.iter().find(|(vecchio, _)| vecchio == a).map(|(_, n)| n.as_str()))
                .collect();
            if !nuovi.is_empty() {
                let art = if nuovi.len() == 1 { "art." } else { "artt." };
                out.push((tu.si_applica_dal, format!("{art} {} {}", elenco(&nuovi), tu.nome)));
            }
        }
    }
    out
}

/// A source in its two dated forms, when a testo unico restates part of it: from the day the testo unico applies
/// its article first, the old one beside it; before, the old one first, the new one beside it.
pub fn riformula(fonte: &str, testi: &[TestoUnico], forme: &Forme) -> Option<FonteRiformulata> {
    let mut dal: Option<NaiveDate> = None;
    let (mut dopo, mut prima) = (Vec::new(), Vec::new());
    for parte in fonte.split("; ") {
        let nuove = riprese(parte, testi);
        match nuove.iter().map(|(d, _)| *d).max() {
            Some(d) => {
                dal = Some(dal.map_or(d, |x| x.max(d)));
                let citate: Vec<&str> = nuove.iter().map(|(_, c)| c.as_str()).collect();
                let (nuova, data) = (citate.join("; "), forme.scrive.data(d));
                dopo.push(riempi(forme.gia, &[("nuova", &nuova), ("vecchia", parte)]));
                prima.push(riempi(forme.dal, &[("vecchia", parte), ("data", &data), ("nuova", &nuova)]));
            }
            None => {
                dopo.push(parte.to_string());
                prima.push(parte.to_string());
            }
        }
    }
    dal.map(|dal| FonteRiformulata { dal, dopo: dopo.join("; "), prima: prima.join("; ") })
}

/// The source a deadline cites: the testo unico's article first when it runs from a notification on or after the
/// day the testo unico applies; the old article first, with the new beside it, when the notification came before
/// but the deadline falls after that day. Without dates (the rules in words), by `oggi`: before that day the old
/// article with the new beside it.
pub fn fonte_per(
    fonte: &str,
    riformulata: Option<&FonteRiformulata>,
    notifica: Option<NaiveDate>,
    scadenza: Option<NaiveDate>,
    oggi: NaiveDate,
) -> String {
    let Some(r) = riformulata else { return fonte.to_string() };
    match (notifica, scadenza) {
        (Some(n), _) if n >= r.dal => r.dopo.clone(),
        (Some(_), Some(d)) if d >= r.dal => r.prima.clone(),
        (Some(_), _) => fonte.to_string(),
        (None, _) if oggi >= r.dal => r.dopo.clone(),
        (None, _) => r.prima.clone(),
    }
}

#[cfg(test)]
mod test {
    use super::*;
    use crate::modello::Ripresa;

    fn testi() -> Vec<TestoUnico> {
        vec![TestoUnico {
            nome: "D.Lgs. 33/2025".into(),
            titolo: "Testo unico versamenti e riscossione".into(),
            si_applica_dal: NaiveDate::from_ymd_opt(2027, 1, 1).unwrap(),
            verifica: String::new(),
            riprende: vec![Ripresa {
                legge: "DPR 602/1973".into(),
                articoli: vec![("50".into(), "146".into()), ("77".into(), "178".into()), ("86".into(), "187".into())],
            }],
        }]
    }

    #[test]
    fn articles_not_commas_nor_letters() {
        assert_eq!(articoli("art. 50 c. 2 "), ["50"]);
        assert_eq!(articoli("artt. 19 e 21 "), ["19", "21"]);
        assert_eq!(articoli("art. 77 c. 1-bis e c. 2-bis "), ["77"]);
        assert_eq!(articoli("artt. 50, 72-bis, 72-ter, 76, 77, 86 "), ["50", "72-bis", "72-ter", "76", "77", "86"]);
        assert_eq!(articoli("art. 29 c. 1 lett. a "), ["29"]);
        assert_eq!(articoli("art. 26 c. 2 e art. 26-bis "), ["26", "26-bis"]);
        assert!(articoli("come previsto ").is_empty());
    }

    #[test]
    fn a_restated_source_in_its_two_forms() {
        let r = riformula("art. 50 c. 2 DPR 602/1973; art. 1 L. 742/1969", &testi(), &ITALIANE).unwrap();
        assert_eq!(r.dopo, "art. 146 D.Lgs. 33/2025 (già art. 50 c. 2 DPR 602/1973); art. 1 L. 742/1969");
        assert_eq!(
            r.prima,
            "art. 50 c. 2 DPR 602/1973 (dal 1 gennaio 2027: art. 146 D.Lgs. 33/2025); art. 1 L. 742/1969"
        );
        let r = riformula("artt. 77 e 86 DPR 602/1973", &testi(), &ITALIANE).unwrap();
        assert!(r.dopo.starts_with("artt. 178 e 187 D.Lgs. 33/2025 (già"), "{}", r.dopo);
        assert!(riformula("art. 617 c.p.c.; art. 3 L. 742/1969", &testi(), &ITALIANE).is_none(), "nothing restated");
        assert!(riformula("art. 25 DPR 602/1973", &testi(), &ITALIANE).is_none(), "an article the concordance lacks");
    }

    #[test]
    fn another_language_restates_a_source_in_its_words_and_dates() {
        struct Inglese;
        impl Scrive for Inglese {
            fn data(&self, d: NaiveDate) -> String {
                d.format("%-d %B %Y").to_string()
            }
            fn data_estesa(&self, d: NaiveDate) -> String {
                self.data(d)
            }
            fn giorno(&self, d: NaiveDate) -> String {
                d.format("%A").to_string()
            }
        }
        let forme =
            Forme { gia: "{nuova} (formerly {vecchia})", dal: "{vecchia} (from {data}: {nuova})", scrive: &Inglese };
        let r = riformula("art. 50 c. 2 DPR 602/1973; art. 1 L. 742/1969", &testi(), &forme).unwrap();
        assert_eq!(r.dopo, "art. 146 D.Lgs. 33/2025 (formerly art. 50 c. 2 DPR 602/1973); art. 1 L. 742/1969");
        assert_eq!(
            r.prima,
            "art. 50 c. 2 DPR 602/1973 (from 1 January 2027: art. 146 D.Lgs. 33/2025); art. 1 L. 742/1969"
        );
    }

    #[test]
    fn the_dates_choose_the_form() {
        let r = riformula("art. 50 c. 2 DPR 602/1973", &testi(), &ITALIANE).unwrap();
        let g = |a, m, d| NaiveDate::from_ymd_opt(a, m, d);
        let oggi = g(2026, 12, 7).unwrap();
        let f = |n, s| fonte_per("art. 50 c. 2 DPR 602/1973", Some(&r), n, s, oggi);
        assert_eq!(f(g(2027, 1, 4), g(2027, 1, 11)), r.dopo, "notified under the testo unico");
        assert_eq!(f(g(2026, 12, 28), g(2027, 1, 4)), r.prima, "notified before, due after");
        assert_eq!(f(g(2026, 11, 2), g(2026, 11, 9)), "art. 50 c. 2 DPR 602/1973", "all before");
        assert_eq!(f(None, None), r.prima, "in words, before the day");
    }
}
