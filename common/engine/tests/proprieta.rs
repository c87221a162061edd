//! Property tests of the deadline arithmetic: for any start date and term, with any suspension, the last day
//! is a working day, never earlier than the plain count, and never earlier for a later notification.

use chrono::{Days, NaiveDate};
use civis_engine::calendario::Calendario;
use civis_engine::regole::incorporate;
use proptest::prelude::*;

fn data(offset: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2024, 1, 1).unwrap().checked_add_days(Days::new(offset.into())).unwrap()
}

fn sospensione(i: usize) -> Option<&'static str> {
    [None, Some("pagamento"), Some("feriale")][i]
}

proptest! {
    #[test]
    fn the_last_day_is_a_working_day(offset in 0u32..2500, giorni in 1u32..120, s in 0usize..3) {
        let cal = Calendario::new(&incorporate().calendario);
        let c = cal.conta(data(offset), giorni, sospensione(s).and_then(|id| cal.sospensione(id)), true);
        prop_assert!(cal.lavorativo(c.data), "{} is not a working day", c.data);
    }

    #[test]
    fn never_earlier_than_the_plain_count(offset in 0u32..2500, giorni in 1u32..120, s in 0usize..3) {
        let cal = Calendario::new(&incorporate().calendario);
        let start = data(offset);
        let c = cal.conta(start, giorni, sospensione(s).and_then(|id| cal.sospensione(id)), true);
        prop_assert!(c.data >= start.checked_add_days(Days::new(giorni.into())).unwrap());
    }

    #[test]
    fn monotonic_in_the_notification_date(offset in 0u32..2500, later in 0u32..60, giorni in 1u32..120, s in 0usize..3) {
        let cal = Calendario::new(&incorporate().calendario);
        let sosp = sospensione(s).and_then(|id| cal.sospensione(id));
        let a = cal.conta(data(offset), giorni, sosp, true).data;
        let b = cal.conta(data(offset + later), giorni, sosp, true).data;
        prop_assert!(a <= b, "{a} > {b}");
    }
}
