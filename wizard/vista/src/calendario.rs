//! The deadlines as an iCalendar file (RFC 5545), made in the browser from the view: one all-day event per dated
//! deadline not yet passed, on the day to act by (the prudent one when readings differ), with what to read beside
//! it (the other reading's last day, the note) and a reminder three days before.

use chrono::{Datelike, Days, NaiveDate};
use civis_engine::scadenza::Scadenza;

/// Escapes a text value (RFC 5545 §3.3.11).
fn testo(s: &str) -> String {
    s.replace('\\', "\\\\").replace(';', "\\;").replace(',', "\\,").replace('\n', "\\n")
}

/// A date as iCalendar writes it (`20261014`), without chrono's formatting machinery in the module.
fn compatta(d: NaiveDate) -> String {
    format!("{:04}{:02}{:02}", d.year(), d.month(), d.day())
}

/// The deadlines a calendar gets: dated, to meet, not passed on `oggi`; on the day to act by.
fn in_calendario(s: &Scadenza, oggi: NaiveDate) -> Option<NaiveDate> {
    s.entro().filter(|d| *d >= oggi && s.tipo == civis_engine::modello::TipoScadenza::Termine)
}

/// How many deadlines [`calendario`] would export.
pub fn da_esportare(scadenze: &[Scadenza], oggi: NaiveDate) -> usize {
    scadenze.iter().filter(|s| in_calendario(s, oggi).is_some()).count()
}

/// The calendar for the deadlines not yet passed; `oggi` stamps the events.
pub fn calendario(scadenze: &[Scadenza], oggi: NaiveDate, parole: &crate::Parole) -> String {
    let mut out = String::from(
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//civis-guida//Percorso guidato//IT\r\nCALSCALE:GREGORIAN\r\n",
    );
    for s in scadenze {
        let Some(d) = in_calendario(s, oggi) else { continue };
        let nota: String = crate::esito::prudenza(s, parole).iter().map(|r| format!("{}\n", r.testo)).collect();
        let fine = d.checked_add_days(Days::new(1)).expect("dates stay far from chrono's limits");
        out.push_str(&format!(
            "BEGIN:VEVENT\r\nUID:{id}-{giorno}@civis-guida\r\nDTSTAMP:{oggi}T000000Z\r\nDTSTART;VALUE=DATE:{giorno}\r\nDTEND;VALUE=DATE:{fine}\r\nSUMMARY:{titolo}\r\nDESCRIPTION:{descrizione}\r\nBEGIN:VALARM\r\nACTION:DISPLAY\r\nTRIGGER:-P3D\r\nDESCRIPTION:{titolo}\r\nEND:VALARM\r\nEND:VEVENT\r\n",
            id = s.id,
            giorno = compatta(d),
            oggi = compatta(oggi),
            fine = compatta(fine),
            titolo = testo(&s.titolo),
            descrizione = testo(&format!("{nota}{} ({})", s.regola, s.fonte)),
        ));
    }
    out.push_str("END:VCALENDAR\r\n");
    out
}

#[cfg(test)]
mod test {
    use super::*;

    #[test]
    fn one_event_per_dated_deadline_with_a_reminder_and_escaped_text() {
        let s = Scadenza {
            id: "ricorso".into(),
            titolo: "Ricorso, entro il termine".into(),
            data: NaiveDate::from_ymd_opt(2026, 10, 14),
            scaduta: Some(false),
            giorni_rimanenti: Some(86),
            fonte: "art. 21 D.Lgs. 546/1992; art. 1 L. 742/1969".into(),
            calcolo: vec![],
            regola: "60 giorni".into(),
            nota: Default::default(),
            tipo: civis_engine::modello::TipoScadenza::Termine,
            in_breve: Some(civis_engine::breve::Breve::NonSlitta {
                giorno: NaiveDate::from_ymd_opt(2026, 10, 18).unwrap(),
                entro: NaiveDate::from_ymd_opt(2026, 10, 16).unwrap(),
            }),
            azione: None,
            entro_prudente: None,
            canale: "ricorso".into(),
            canali: vec!["ricorso".into()],
        };
        let mut senza_data = s.clone();
        senza_data.data = None;
        let mut passata = s.clone();
        passata.id = "pagamento_cartella".into();
        passata.data = NaiveDate::from_ymd_opt(2026, 7, 19);
        let oggi = NaiveDate::from_ymd_opt(2026, 7, 20).unwrap();
        let tutte = [s, senza_data, passata];
        let ics = calendario(&tutte, oggi, &crate::Parole::italiano());
        assert_eq!(ics.matches("BEGIN:VEVENT").count(), 1, "no event without a date or already passed: {ics}");
        assert_eq!(da_esportare(&tutte, oggi), 1);
        assert!(!ics.contains("pagamento_cartella"), "{ics}");
        assert!(
            ics.contains("DESCRIPTION:Cade di domenica e la legge non dice se il termine slitta: per prudenza agisci entro venerdì 16 ottobre 2026.\\n60 giorni"),
            "{ics}"
        );
        assert!(ics.contains("DTSTART;VALUE=DATE:20261014\r\nDTEND;VALUE=DATE:20261015"), "{ics}");
        assert!(ics.contains("SUMMARY:Ricorso\\, entro il termine"), "{ics}");
        assert!(ics.contains("art. 21 D.Lgs. 546/1992\\; art. 1"), "{ics}");
        assert!(ics.contains("TRIGGER:-P3D") && ics.ends_with("END:VCALENDAR\r\n"));
    }
}
