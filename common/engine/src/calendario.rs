//! The Italian calendar for deadlines: national holidays (fixed days, Easter Monday, 4 October from 2026),
//! Sundays and Saturdays, the summer suspensions and the shift of a last day to the next working day.
//! Every count returns its steps in Italian, so the person sees how the date was found.

use crate::modello::{self as regole, Sospensione};
use crate::passo::{NonLavorativo, Passo};
use chrono::{Datelike, Days, NaiveDate, Weekday};

/// The calendar rules of [`regole::Calendario`] with the arithmetic on top.
pub struct Calendario<'a> {
    regole: &'a regole::Calendario,
}

/// The result of a count: the last day and how it was found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Conteggio {
    /// The last day of the term.
    pub data: NaiveDate,
    /// The last day counted, before a shift off a non-working day.
    pub ultimo_contato: NaiveDate,
    /// The computation, step by step.
    pub passi: Vec<Passo>,
}

/// Easter Sunday of a Gregorian year (anonymous Gregorian algorithm, Meeus/Jones/Butcher).
pub fn pasqua(anno: i32) -> NaiveDate {
    let a = anno % 19;
    let b = anno / 100;
    let c = anno % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let mese = (h + l - 7 * m + 114) / 31;
    let giorno = (h + l - 7 * m + 114) % 31 + 1;
    NaiveDate::from_ymd_opt(anno, mese as u32, giorno as u32).expect("Easter is always a valid date")
}

fn domani(d: NaiveDate) -> NaiveDate {
    d.checked_add_days(Days::new(1)).expect("dates stay far from chrono's limits")
}

impl<'a> Calendario<'a> {
    /// The calendar of a set of rules.
    pub fn new(regole: &'a regole::Calendario) -> Self {
        Calendario { regole }
    }

    /// The suspension with this id (`pagamento`, `feriale`); `None` for `nessuna` or unknown ids.
    pub fn sospensione(&self, id: &str) -> Option<&'a Sospensione> {
        self.regole.sospensioni.iter().find(|s| s.id == id)
    }

    /// Why a day is not a working day for deadlines ("sabato", "domenica" or the holiday's name); `None` for a
    /// working day.
    pub fn festivo(&self, d: NaiveDate) -> Option<String> {
        match d.weekday() {
            Weekday::Sat => return Some("sabato".into()),
            Weekday::Sun => return Some("domenica".into()),
            _ => {}
        }
        if let Some(f) = self
            .regole
            .festivi
            .iter()
            .find(|f| f.giorno == d.day() && f.mese == d.month() && f.dal_anno.is_none_or(|anno| d.year() >= anno))
        {
            return Some(f.nome.to_string());
        }
        (pasqua(d.year()).succ_opt() == Some(d)).then(|| self.regole.pasquetta.nome.to_string())
    }

    /// Whether deadlines may end on this day.
    pub fn lavorativo(&self, d: NaiveDate) -> bool {
        self.festivo(d).is_none()
    }

    /// Counts `giorni` days from the day after `da`, not counting days in `sospensione`, and, when `slitta`,
    /// moves a last day that is not a working day to the next working day.
    pub fn conta(&self, da: NaiveDate, giorni: u32, sospensione: Option<&Sospensione>, slitta: bool) -> Conteggio {
        let mut passi = vec![Passo::Decorre { da, data: domani(da) }];
        let (mut d, mut contati, mut sospesi) = (da, 0, Vec::new());
        while contati < giorni {
            d = domani(d);
            if sospensione.is_some_and(|s| s.contiene(d)) {
                sospesi.push(d);
            } else {
                contati += 1;
            }
        }
        match (sospensione, sospesi.first(), sospesi.last()) {
            (Some(s), Some(primo), Some(ultimo)) => passi.push(Passo::Sospesi {
                n: sospesi.len(),
                primo: *primo,
                ultimo: *ultimo,
                descrizione: s.descrizione.to_string(),
                fonte: s.fonte.to_string(),
            }),
            (Some(s), _, _) => passi.push(Passo::FuoriSospensione(s.descrizione.to_string())),
            _ => {}
        }
        passi.push(Passo::Ultimo { giorni, data: d });
        let ultimo_contato = d;
        if slitta {
            let inizio = d;
            while let Some(nome) = self.festivo(d) {
                let fine_settimana = d.weekday() == Weekday::Sat || d.weekday() == Weekday::Sun;
                let motivo = if fine_settimana { NonLavorativo::FineSettimana(d) } else { NonLavorativo::Festa(nome) };
                if d == inizio {
                    passi.push(Passo::Festivo {
                        motivo,
                        proroga: self.regole.proroga.descrizione.to_string(),
                        fonte: self.regole.proroga.fonte.to_string(),
                    });
                } else if fine_settimana {
                    passi.push(Passo::AncheDopo(d));
                } else {
                    passi.push(Passo::AncheDopoFestivo { data: d, motivo });
                }
                d = domani(d);
            }
            if d != inizio {
                passi.push(Passo::Utile(d));
            }
        }
        Conteggio { data: d, ultimo_contato, passi }
    }
}

#[cfg(test)]
mod test {
    use super::*;

    fn g(a: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(a, m, d).unwrap()
    }

    fn cal() -> Calendario<'static> {
        Calendario::new(&crate::regole::incorporate().calendario)
    }

    #[test]
    fn easter_2024_to_2030() {
        // Dates of Easter Sunday from the published ecclesiastical calendar.
        let attese =
            [(2024, 3, 31), (2025, 4, 20), (2026, 4, 5), (2027, 3, 28), (2028, 4, 16), (2029, 4, 1), (2030, 4, 21)];
        for (a, m, d) in attese {
            assert_eq!(pasqua(a), g(a, m, d), "Easter {a}");
        }
    }

    #[test]
    fn easter_monday_is_a_holiday() {
        // Easter Monday per legal_updates.md §8.
        for d in [g(2024, 4, 1), g(2025, 4, 21), g(2026, 4, 6), g(2027, 3, 29), g(2028, 4, 17)] {
            assert_eq!(cal().festivo(d).as_deref(), Some("Lunedì dell'Angelo (Pasquetta)"), "{d}");
        }
        assert!(cal().lavorativo(g(2026, 4, 7)));
    }

    #[test]
    fn every_fixed_holiday_on_a_weekday() {
        // 2027: every fixed holiday checked on a year where it falls on a weekday when possible.
        for (m, d) in [(1, 1), (1, 6), (4, 25), (5, 1), (6, 2), (8, 15), (10, 4), (11, 1), (12, 8), (12, 25), (12, 26)]
        {
            for anno in 2026..=2030 {
                assert!(!cal().lavorativo(g(anno, m, d)), "{d}/{m}/{anno} must not be a working day");
            }
        }
    }

    #[test]
    fn fourth_of_october_only_from_2026() {
        assert!(cal().lavorativo(g(2024, 10, 4)), "Friday 4/10/2024 was a working day");
        assert_eq!(cal().festivo(g(2027, 10, 4)).as_deref(), Some("San Francesco d'Assisi"));
    }

    #[test]
    fn saturday_and_sunday_are_not_working_days() {
        assert_eq!(cal().festivo(g(2026, 11, 28)).as_deref(), Some("sabato"));
        assert_eq!(cal().festivo(g(2026, 11, 29)).as_deref(), Some("domenica"));
        assert!(cal().lavorativo(g(2026, 11, 27)));
    }

    #[test]
    fn plain_count_starts_the_day_after() {
        let c = cal().conta(g(2025, 3, 20), 60, None, true);
        assert_eq!(c.data, g(2025, 5, 19));
    }

    /// The steps as the engine says them in Italian.
    fn testi(c: &Conteggio) -> Vec<String> {
        c.passi.iter().map(crate::testo::Frase::messaggio).collect()
    }

    #[test]
    fn sunday_shifts_to_monday() {
        // Cartella notified 15/7/2026 by PEC: the 60th day is Sunday 13/9/2026.
        let c = cal().conta(g(2026, 7, 15), 60, None, true);
        assert_eq!(c.data, g(2026, 9, 14));
        assert!(testi(&c).iter().any(|p| p.contains("domenica")), "{:?}", c.passi);
        assert_eq!(cal().conta(g(2026, 7, 15), 60, None, false).data, g(2026, 9, 13));
    }

    #[test]
    fn holiday_then_weekend_shifts_past_all() {
        // 30 days from 25/11/2026 is Friday 25/12/2026 (Natale), then Santo Stefano (Sat), Sunday → Monday 28/12.
        let c = cal().conta(g(2026, 11, 25), 30, None, true);
        assert_eq!((c.data, c.ultimo_contato), (g(2026, 12, 28), g(2026, 12, 25)));
        assert!(
            testi(&c).contains(&"Anche il giorno dopo, domenica 27 dicembre 2026, non è lavorativo.".to_string()),
            "{:?}",
            c.passi
        );
    }

    #[test]
    fn payment_suspension_worked_examples() {
        // legal_updates.md §1: received 20/7/2025 → 23/10/2025; 10/8/2025 → 3/11/2025.
        let s = cal().sospensione("pagamento");
        assert_eq!(cal().conta(g(2025, 7, 20), 60, s, true).data, g(2025, 10, 23));
        assert_eq!(cal().conta(g(2025, 8, 10), 60, s, true).data, g(2025, 11, 3));
    }

    #[test]
    fn procedural_suspension_worked_examples() {
        // legal_updates.md §3: notified 15/7 → 14/10; 10/8 → 30/10.
        let s = cal().sospensione("feriale");
        assert_eq!(cal().conta(g(2026, 7, 15), 60, s, true).data, g(2026, 10, 14));
        assert_eq!(cal().conta(g(2026, 8, 10), 60, s, true).data, g(2026, 10, 30));
        let c = cal().conta(g(2026, 7, 15), 60, s, true);
        assert!(testi(&c).iter().any(|p| p.contains("31 giorni dal 1 agosto 2026 al 31 agosto 2026")), "{:?}", c.passi);
    }
}
