//! The view's tests: real rules (the embedded ones), real answers, what a person would read.

use super::*;
use civis_engine::regole::incorporate;

fn oggi() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 7, 20).unwrap()
}

fn voci(f: &str) -> Voci {
    flusso::da_frammento(f)
}

#[test]
fn the_static_wizard_skips_questions_that_change_only_dates() {
    let r = incorporate();
    let v = voci("atto=cartella&origine=controllo_automatizzato&obiettivo=pagare");
    assert_eq!(prossima(r, &v, Modo::Completo).unwrap().chiave, "notifica.modo");
    assert!(prossima(r, &v, Modo::Statico).is_none(), "the pages without JavaScript go to the outcome");
    let Corpo::Esito(e) = vista(r, &v, Modo::Statico, &Titoli::new(), oggi(), &Parole::italiano()).corpo else {
        panic!("outcome expected")
    };
    assert!(!e.con_date && e.consiglio.scadenze.iter().all(|s| s.data.is_none()));
}

#[test]
fn cambia_keeps_the_later_answers_and_choosing_drops_what_no_longer_applies() {
    let r = incorporate();
    let v = voci("atto=cartella&origine=controllo_automatizzato&obiettivo=sospendere&motivo_sospensione=altro");
    let vista = vista(r, &v, Modo::Statico, &Titoli::new(), oggi(), &Parole::italiano());
    let cambia_obiettivo = &vista.progresso.risposte[2].cambia;
    assert_eq!(cambia_obiettivo.get("motivo_sospensione").map(String::as_str), Some("altro"), "later answer kept");
    let dopo = scegli(r, cambia_obiettivo, "obiettivo", "pagare", Modo::Statico);
    assert!(!dopo.contains_key("motivo_sospensione"), "no longer applies: {dopo:?}");
    let dopo = scegli(r, cambia_obiettivo, "obiettivo", "sospendere", Modo::Statico);
    assert_eq!(dopo, v);
}

#[test]
fn progress_shows_answers_in_words() {
    let r = incorporate();
    let v = voci(
        "atto=cartella&origine=controllo_automatizzato&obiettivo=pagare&notifica.modo=pec&notifica.data=2026-07-15",
    );
    let vista = vista(r, &v, Modo::Completo, &Titoli::new(), oggi(), &Parole::italiano());
    let testi: Vec<&str> = vista.progresso.risposte.iter().map(|r| r.risposta.as_str()).collect();
    assert_eq!(
        testi,
        [
            "Una cartella di pagamento",
            "Dal controllo automatico della dichiarazione",
            "Pagare",
            "Via PEC",
            "15 luglio 2026"
        ]
    );
    assert_eq!(vista.progresso.numero, 6);
}

#[test]
fn the_outcome_leads_with_the_goal_s_deadline_not_the_nearest() {
    // Contesting a cartella received on 15 July 2026: the sospensione legale (13 September) comes first in
    // time, but the answer is the appeal's day.
    let r = incorporate();
    let v = voci("atto=cartella&origine=controllo_automatizzato&obiettivo=contestare&notifica.modo=pec&notifica.data=2026-07-15&anno_presentazione=2023&importo=&richiedente=");
    let Corpo::Esito(e) = vista(r, &v, Modo::Completo, &Titoli::new(), oggi(), &Parole::italiano()).corpo else {
        panic!("outcome expected")
    };
    let ids = |l: &[civis_engine::scadenza::Scadenza]| l.iter().map(|s| s.id.clone()).collect::<Vec<_>>();
    assert_eq!(ids(&e.verifiche), ["decadenza_cartella"]);
    assert_eq!(e.risposta.frase, "Presenta ricorso entro mercoledì 14 ottobre 2026.");
    assert_eq!(e.risposta.canale.as_ref().map(|c| c.id.as_str()), Some("ricorso"));
    assert_eq!(ids(&e.altre), ["sospensione_legale", "pagamento_cartella"], "the others by date, not the answer's own");
    assert!(!e.risposta.scaduta);
    assert!(vista(r, &Voci::new(), Modo::Statico, &Titoli::new(), oggi(), &Parole::italiano()).sportelli);
    assert!(!vista(r, &v, Modo::Statico, &Titoli::new(), oggi(), &Parole::italiano()).sportelli);
}

#[test]
fn a_passed_deadline_leads_and_the_outcome_is_the_one_for_that_situation() {
    let r = incorporate();
    let v = voci("atto=cartella&origine=controllo_automatizzato&obiettivo=contestare&notifica.modo=pec&notifica.data=2026-07-15&anno_presentazione=&importo=");
    let tardi = NaiveDate::from_ymd_opt(2026, 12, 3).unwrap();
    let Corpo::Esito(e) = vista(r, &v, Modo::Completo, &Titoli::new(), tardi, &Parole::italiano()).corpo else {
        panic!("outcome expected")
    };
    assert!(e.risposta.scaduta);
    assert!(e.risposta.frase.starts_with("Il termine per «notificare il ricorso"), "{}", e.risposta.frase);
    assert_eq!(e.consiglio.esito, "cartella-ricorso-scaduto");
    assert_ne!(e.risposta.canale.as_ref().map(|c| c.id.as_str()), Some("ricorso"), "no longer the way");
}

#[test]
fn in_another_language_the_sentences_and_the_passed_deadline_s_warning_carry_its_dates() {
    // The rules as a translation hands them (one warning's text translated), with English words.
    let mut regole = incorporate().clone();
    let avviso = regole.avvisi.iter_mut().find(|a| a.id == "termine_scaduto").unwrap();
    avviso.testo = "The deadline «{titolo}» ({data}) has passed.".into();
    let en = inglese(&[
        ("percorso.frase.scaduto", "The deadline «{titolo}» passed on {data}."),
        ("percorso.non_so", "I don't know"),
    ]);
    let v = voci("atto=cartella&origine=controllo_automatizzato&obiettivo=contestare&notifica.modo=pec&notifica.data=2026-07-15&anno_presentazione=&importo=");
    let vista = vista(&regole, &v, Modo::Completo, &Titoli::new(), NaiveDate::from_ymd_opt(2026, 12, 3).unwrap(), &en);
    let Corpo::Esito(e) = vista.corpo else { panic!("outcome expected") };
    assert!(e.risposta.frase.ends_with("passed on Wednesday 14 October 2026."), "{}", e.risposta.frase);
    let avviso = e.avvisi.iter().find(|a| a.id == "termine_scaduto").expect("the warning on the passed deadline");
    assert!(avviso.testo.ends_with("(Wednesday 14 October 2026) has passed."), "{}", avviso.testo);
    let saltata = vista.progresso.risposte.iter().find(|r| r.risposta == "I don't know");
    assert!(saltata.is_some(), "a skipped question reads in the reader's words");
}

#[test]
fn in_another_language_the_line_beside_a_date_reads_in_it_with_its_dates() {
    let en = inglese(&[("breve.non_slitta", "It falls on a {giorno}: to be safe, act by {data}.")]);
    let f = "atto=cartella&origine=controllo_automatizzato&obiettivo=sospendere&motivo_sospensione=sgravio&notifica.modo=pec&notifica.data=2026-12-02&anno_presentazione=";
    let vista = vista(incorporate(), &voci(f), Modo::Completo, &Titoli::new(), giorno(2026, 12, 7), &en);
    let Corpo::Esito(e) = vista.corpo else { panic!("outcome expected") };
    let riga = e.risposta.prudenza.iter().find(|r| r.testo.starts_with("It falls")).expect("the line in English");
    assert_eq!(riga.testo, "It falls on a Sunday: to be safe, act by Friday 29 January 2027.");
    assert!(!riga.in_italiano);
}

#[test]
fn the_pages_in_words_also_say_what_to_do_after_the_deadline() {
    let r = incorporate();
    let v = voci(
        "atto=preavviso_fermo&natura_debito=imposte&cartella_notificata=si&veicolo_strumentale=false&obiettivo=pagare",
    );
    let Corpo::Esito(e) = vista(r, &v, Modo::Statico, &Titoli::new(), oggi(), &Parole::italiano()).corpo else {
        panic!("outcome expected")
    };
    assert!(
        e.risposta
            .frase
            .starts_with("Paga, o dimostra che il veicolo ti serve per lavorare, entro il termine: 30 giorni"),
        "{}",
        e.risposta.frase
    );
    let dopo = e.se_scaduto.expect("the case after the deadline");
    assert!(dopo.passi[0].contains("30 giorni sono passati"), "{:?}", dopo.passi);
}

#[test]
fn a_bad_value_in_a_link_asks_its_question_again_and_keeps_the_others() {
    let r = incorporate();
    let v = voci(
        "atto=cartella&origine=controllo_automatizzato&obiettivo=pagare&notifica.modo=pec&notifica.data=2026-02-30",
    );
    let vista = vista(r, &v, Modo::Completo, &Titoli::new(), oggi(), &Parole::italiano());
    let Corpo::Domanda(d) = vista.corpo else { panic!("the date question expected") };
    assert_eq!(d.chiave, "notifica.data");
    assert!(d.errore.as_ref().is_some_and(|m| m.testo.contains("non esiste")), "{:?}", d.errore);
    assert_eq!(vista.progresso.risposte.len(), 4, "the four other answers are kept");
}

fn esito(f: &str, oggi: NaiveDate) -> Box<VistaEsito> {
    match vista(incorporate(), &voci(f), Modo::Completo, &Titoli::new(), oggi, &Parole::italiano()).corpo {
        Corpo::Esito(e) => e,
        altro => panic!("outcome expected for {f}: {altro:?}"),
    }
}

fn giorno(a: i32, m: u32, g: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(a, m, g).unwrap()
}

#[test]
fn the_plumber_who_wants_to_stop_the_fermo_reads_the_thirty_days_first() {
    // A preavviso di fermo on the work van, received on 20 November 2026: the 30 days end on Sunday 20
    // December, moved to Monday 21; the ricorso's 60 days end on Tuesday 19 January 2027.
    let f = "atto=preavviso_fermo&natura_debito=imposte&cartella_notificata=si&veicolo_strumentale=true&obiettivo=evitare&notifica.modo=raccomandata&notifica.data=2026-11-20&debito_complessivo=";
    let e = esito(f, giorno(2026, 12, 7));
    assert_eq!(
        e.risposta.frase,
        "Paga, o dimostra che il veicolo ti serve per lavorare, entro lunedì 21 dicembre 2026."
    );
    assert_eq!(e.risposta.canale.as_ref().map(|c| c.id.as_str()), Some("ader"));
    assert!(e.consiglio.passi[0].contains("dimostra"), "{:?}", e.consiglio.passi);
    let ricorso = e.altre.iter().find(|s| s.id == "ricorso").expect("the appeal among the other dates");
    assert_eq!((ricorso.data, ricorso.canale.as_str()), (Some(giorno(2027, 1, 19)), "ricorso"));
}

#[test]
fn the_answer_shows_the_channel_of_its_own_deadline() {
    // Contesting a fine: the outcome's first channel is the giudice di pace, and its 30 days lead; the
    // Tribunale's 20 days are offered beside it with their own date.
    let f = "atto=intimazione_pagamento&natura_debito=multe&cartella_notificata=no&obiettivo=contestare&notifica.modo=pec&notifica.data=2026-11-30";
    let e = esito(f, giorno(2026, 12, 1));
    assert_eq!(e.consiglio.scadenza_principale.as_deref(), Some("opposizione_multe"));
    assert_eq!(e.risposta.canale.as_ref().map(|c| c.id.as_str()), Some("giudice_pace"));
    let tribunale = e.risposta.puoi_anche.iter().find(|a| a.canale.id == "giudice_esecuzione").expect("offered");
    assert_eq!(tribunale.entro.as_deref().map(|t| t.ends_with("entro lunedì 21 dicembre 2026")), Some(true));
    // A person who wants the avviso corrected meets the payment term through CIVIS, not F24.
    let f = "atto=avviso_bonario&obiettivo=correggere&prima_richiesta_civis=nessuna&richiedente=contribuente&data_elaborazione=2026-09-01&notifica.modo=pec&notifica.data=2026-09-20&richiedente=contribuente";
    let e = esito(f, giorno(2026, 10, 1));
    assert_eq!(e.risposta.scadenza.as_ref().map(|s| s.canale.as_str()), Some("civis"));
    let autotutela = ["autotutela", "civis"];
    assert!(e
        .risposta
        .puoi_anche
        .iter()
        .all(|a| !autotutela.contains(&a.canale.id.as_str()) || a.canale.avvertenza.is_some()));
}

#[test]
fn a_few_days_late_reads_how_late_and_only_the_case_that_applies() {
    let f = "atto=avviso_bonario&obiettivo=pagare&prima_richiesta_civis=nessuna&richiedente=contribuente&data_elaborazione=2026-09-01&notifica.modo=pec&notifica.data=2026-09-20";
    // The 60 days ended on Thursday 19 November 2026; the seventh day after is Thursday 26.
    let e = esito(f, giorno(2026, 11, 24));
    assert_eq!(e.consiglio.giorni_di_ritardo, Some(5));
    assert_eq!(e.consiglio.esito, "avviso-pagare-lieve-inadempimento");
    assert!(
        e.risposta.frase.starts_with("Paga subito: il pagamento vale ancora se lo fai entro giovedì 26 novembre 2026"),
        "{}",
        e.risposta.frase
    );
    assert!(
        e.risposta.ritardo.as_deref().is_some_and(|r| r.starts_with("Sei in ritardo di 5 giorni")),
        "{:?}",
        e.risposta.ritardo
    );
    assert!(e.consiglio.sanzione_ridotta.is_some(), "the reduction still holds");
    let tardi = esito(f, giorno(2026, 11, 28));
    assert_eq!(tardi.consiglio.esito, "avviso-pagare-termine-scaduto");
    assert!(tardi.consiglio.sanzione_ridotta.is_none(), "no reduced sanction after the days of grace");
    assert!(tardi.consiglio.passi.iter().all(|p| !p.contains("al massimo 7 giorni")), "{:?}", tardi.consiglio.passi);
}

#[test]
fn the_prudent_date_leads_and_the_other_reading_is_beside_it() {
    // A sospensione legale asked for a cartella notified on 2 December 2026: the 60th day is Sunday 31 January
    // 2027, not moved by law; the answer leads with Friday 29.
    let f = "atto=cartella&origine=controllo_automatizzato&obiettivo=sospendere&motivo_sospensione=sgravio&notifica.modo=pec&notifica.data=2026-12-02&anno_presentazione=";
    let e = esito(f, giorno(2026, 12, 7));
    assert_eq!(e.consiglio.scadenza_principale.as_deref(), Some("sospensione_legale"));
    assert_eq!(e.risposta.frase, "Presenta la dichiarazione di sospensione legale entro venerdì 29 gennaio 2027.");
    assert!(
        e.risposta.prudenza.iter().any(|r| r.testo.contains("domenica 31 gennaio 2027")),
        "{:?}",
        e.risposta.prudenza
    );
    let s = e.risposta.scadenza.as_ref().unwrap();
    assert_eq!(s.giorni_rimanenti, Some(53), "counted to the prudent day");
    let ics = calendario::calendario(std::slice::from_ref(s), giorno(2026, 12, 7), &Parole::italiano());
    assert!(ics.contains("DTSTART;VALUE=DATE:20270129"), "{ics}");
    assert!(ics.contains("domenica 31 gennaio 2027"), "{ics}");
}

#[test]
fn in_another_language_the_other_reading_of_a_deadline_reads_in_it_with_its_date() {
    let en =
        inglese(&[("lettura.altra_data", "Another rule applies too ({regola}): {data}. We show the nearer date.")]);
    let f = "atto=avviso_bonario&obiettivo=pagare&prima_richiesta_civis=nessuna&data_elaborazione=&notifica.modo=pec&notifica.data=2025-01-08";
    let righe = |p: &Parole| {
        let vista = vista(incorporate(), &voci(f), Modo::Completo, &Titoli::new(), giorno(2025, 1, 10), p);
        let Corpo::Esito(e) = vista.corpo else { panic!("outcome expected: {:?}", vista.corpo) };
        e.risposta.prudenza
    };
    let en = righe(&en);
    let altra = en
        .iter()
        .find(|r| r.testo.starts_with("Another rule"))
        .unwrap_or_else(|| panic!("the other reading in English: {en:?}"));
    assert!(altra.testo.ends_with("): Monday 10 March 2025. We show the nearer date."), "{}", altra.testo);
    assert!(!altra.in_italiano);
    let it = righe(&Parole::italiano());
    let altra = it.iter().find(|r| r.testo.starts_with("Con le risposte date vale anche")).expect("the Italian");
    assert!(altra.testo.contains("): lunedì 10 marzo 2025. Indichiamo la data più vicina"), "{}", altra.testo);
}

/// English words for a test: `testi` by key (any of [`parole::chiavi`]), with the months and weekdays.
fn inglese(testi: &[(&str, &str)]) -> Parole {
    let mut tutte = vec![None; parole::chiavi().count()];
    let nomi = [
        ("percorso.mesi", "January February March April May June July August September October November December"),
        ("percorso.giorni", "Monday Tuesday Wednesday Thursday Friday Saturday Sunday"),
    ];
    for (chiave, testo) in testi.iter().chain(&nomi) {
        tutte[parole::chiavi().position(|(c, _)| c == *chiave).unwrap()] = Some(testo.to_string());
    }
    Parole::di("en", tutte)
}
