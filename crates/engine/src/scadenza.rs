//! Deadlines: which rules of `scadenze.yaml` apply to the case, and their last day with the computation.

use crate::calendario::Calendario;
use crate::modello::{Decadenza, Regole, Termine, TipoScadenza};
use crate::notifica::Perfezionamento;
use crate::risposte::Risposte;
use crate::tabella::Elenco;
use crate::testo::{data_estesa, data_it, giorno_settimana};
use chrono::{Months, NaiveDate};
use serde::Serialize;

/// A deadline in the advice.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Scadenza {
    /// Contract deadline id.
    pub id: String,
    /// Title shown to the person.
    pub titolo: String,
    /// Last day; absent when the answers have no dates (advice in words).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub data: Option<NaiveDate>,
    /// Whether the last day is before today.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub scaduta: Option<bool>,
    /// Days from today to the last day (negative when passed).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub giorni_rimanenti: Option<i64>,
    /// Legal source.
    pub fonte: String,
    /// The computation, step by step.
    pub calcolo: Vec<String>,
    /// The rule in words.
    pub regola: String,
    /// Where the sources leave a point open.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub nota: Option<String>,
    /// Deadline the person must meet, or check on the act.
    pub tipo: TipoScadenza,
    /// One line shown next to the date: for a deadline, an unshifted non-working last day or a date that follows
    /// the prudent of two readings; for a check, what it concludes about the act.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub in_breve: Option<String>,
}

impl Scadenza {
    /// A deadline stated in words; `data` (below) adds the date.
    fn in_parole(id: &str, tipo: TipoScadenza, titolo: &str, fonte: &str, regola: &str, nota: Option<&str>) -> Self {
        Scadenza {
            tipo,
            in_breve: None,
            id: id.into(),
            titolo: titolo.into(),
            data: None,
            scaduta: None,
            giorni_rimanenti: None,
            fonte: fonte.into(),
            calcolo: vec![format!("Regola: {regola} ({fonte}).")],
            regola: regola.into(),
            nota: nota.map(String::from),
        }
    }
}

fn dentro(d: Option<NaiveDate>, dal: Option<NaiveDate>, al: Option<NaiveDate>) -> bool {
    d.is_none_or(|d| dal.is_none_or(|x| d >= x) && al.is_none_or(|x| d <= x))
}

fn si_applica(t: &Termine, r: &Risposte) -> bool {
    r.atto.as_ref().is_some_and(|a| t.atti.ha(a))
        && t.salvo.as_ref().is_none_or(|q| !q.vale(&r.voci))
        && t.origini.as_ref().is_none_or(|o| r.origine.as_ref().is_some_and(|x| o.ha(x)))
        && dentro(r.data_elaborazione, t.elaborate_dal, t.elaborate_al)
        && dentro(r.notifica.as_ref().map(|n| n.data), t.in_vigore_dal, t.in_vigore_al)
}

/// Every deadline that applies. With `decorrenza` (the date terms run from) each gets its date; without, the
/// rules are given in words.
pub fn scadenze(regole: &Regole, r: &Risposte, decorrenza: Option<&Perfezionamento>, oggi: NaiveDate) -> Vec<Scadenza> {
    let cal = Calendario::new(&regole.calendario);
    let mut out: Vec<Scadenza> = regole
        .termini
        .iter()
        .filter(|t| si_applica(t, r))
        .map(|t| {
            let mut s = Scadenza::in_parole(&t.id, t.tipo, &t.titolo, &t.fonte, &t.regola, t.nota.as_deref());
            let nuovo_inizio = t.nuovo_termine_da.as_ref().and_then(|k| r.voci.get(&**k)).and_then(|v| crate::risposte::leggi_data(v).ok());
            if let Some(p) = decorrenza {
                let conto = cal.conta(p.data, t.giorni, cal.sospensione(&t.sospensione), t.slitta);
                s.calcolo.extend(p.passi.iter().cloned());
                s.calcolo.extend(conto.passi);
                data(&mut s, conto.data, oggi);
            }
            if let Some(inizio) = nuovo_inizio {
                if let Some(originale) = s.data {
                    s.calcolo.push(format!(
                        "Il termine originale scadeva il {}: la sanzione ridotta resta solo se la prima richiesta CIVIS è stata inviata entro quel giorno.",
                        data_it(originale)
                    ));
                }
                s.calcolo.push(format!(
                    "Hai ricevuto la comunicazione aggiornata il {}: da quel giorno decorre un nuovo termine di {} giorni, con le stesse regole (ris. 72/E/2021; doc. 004 l. 138-146, 364-373).",
                    data_it(inizio),
                    t.giorni
                ));
                let conto = cal.conta(inizio, t.giorni, cal.sospensione(&t.sospensione), t.slitta);
                s.calcolo.extend(conto.passi);
                data(&mut s, conto.data, oggi);
            }
            s.in_breve = in_breve(&cal, t, s.data, decorrenza.and_then(|p| p.nota.as_deref()));
            s
        })
        .collect();
    let si_applica = |d: &&Decadenza| {
        r.atto.as_ref().is_some_and(|a| d.atti.ha(a)) && r.origine.as_ref().is_some_and(|o| d.origini.ha(o))
    };
    for d in regole.decadenze.iter().filter(si_applica) {
        let mut s = Scadenza::in_parole(&d.id, d.tipo, &d.titolo, &d.fonte, &d.regola, d.nota.as_deref());
        match r.anno_presentazione {
            Some(anno) => {
                let (ultimo, passi) = termine_decadenza(regole, d, anno);
                s.calcolo.extend(passi);
                // In time or maybe late, judged on the date entered with the mode (never earlier than the notifier's).
                let tardi = r.notifica.as_ref().map(|n| (n.data, n.data > ultimo));
                let entro = format!("La cartella doveva esserti notificata entro il {}", data_it(ultimo));
                s.in_breve = Some(match tardi {
                    None => format!("{entro}."),
                    Some((_, true)) => {
                        format!("{entro}: potrebbe essere arrivata tardi, controlla la data nella relata di notifica.")
                    }
                    Some((_, false)) => format!("{entro}: è arrivata in tempo."),
                });
                if let Some((indicata, tardi)) = tardi {
                    s.calcolo.push("Per la decadenza conta il giorno in cui l'ente ha avviato la notifica (consegna all'ufficio postale o invio della PEC), non quello in cui la notifica vale per te: lo trovi nella relata di notifica.".into());
                    s.calcolo.push(if tardi {
                        format!("Anche la data che hai indicato, il {}, è successiva: la cartella potrebbe essere stata notificata tardi. Controlla la data nella relata di notifica.", data_it(indicata))
                    } else {
                        format!("La data che hai indicato, il {}, non è successiva al termine: la cartella risulta notificata in tempo.", data_it(indicata))
                    });
                }
                data(&mut s, ultimo, oggi);
            }
            None if decorrenza.is_some() => continue,
            None => {}
        }
        out.push(s);
    }
    out
}

/// The line shown next to a deadline's date: a last day on a non-working day that the law does not shift, or a
/// date that follows the prudent of two readings (of the rule, or of the notification date).
fn in_breve(cal: &Calendario, t: &Termine, data: Option<NaiveDate>, nota_notifica: Option<&str>) -> Option<String> {
    let d = data?;
    if !t.slitta && !cal.lavorativo(d) {
        let mut prima = d;
        while !cal.lavorativo(prima) {
            prima = prima.pred_opt().expect("dates stay far from chrono's limits");
        }
        return Some(format!(
            "Cade di {} e la legge non dice se il termine slitta: per prudenza agisci entro {}.",
            giorno_settimana(d),
            data_estesa(prima)
        ));
    }
    if t.nota.is_some() {
        return Some("Data calcolata con la lettura più prudente: l'altra è spiegata nel calcolo.".into());
    }
    nota_notifica.map(|_| "Sulla data di notifica le fonti non concordano: leggi la nota nel calcolo.".into())
}

/// The last day to notify a cartella for a return filed in `anno`, with the extensions by law that apply.
fn termine_decadenza(regole: &Regole, d: &Decadenza, anno: i32) -> (NaiveDate, Vec<String>) {
    let mut ultimo = NaiveDate::from_ymd_opt(anno + d.anni, 12, 31).expect("31 December exists");
    let mut passi = vec![format!(
        "Dichiarazione presentata nel {anno}: la cartella andava notificata entro il {}.",
        data_it(ultimo)
    )];
    let proroghe = regole
        .proroghe
        .iter()
        .filter(|p| p.presentate_nel.contains(&anno) && p.origini.iter().any(|o| d.origini.contains(o)));
    for p in proroghe {
        ultimo = ultimo.checked_add_months(Months::new(p.mesi)).expect("dates stay far from chrono's limits");
        passi.push(format!(
            "Per le dichiarazioni presentate nel {anno} la legge ha prorogato il termine di {} mesi ({}): diventa il {}.",
            p.mesi,
            p.fonte,
            data_it(ultimo)
        ));
    }
    (ultimo, passi)
}

fn data(s: &mut Scadenza, d: NaiveDate, oggi: NaiveDate) {
    s.data = Some(d);
    s.scaduta = Some(d < oggi);
    s.giorni_rimanenti = Some((d - oggi).num_days());
}
