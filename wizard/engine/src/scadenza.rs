//! Deadlines: which rules of `scadenze.yaml` apply to the case, and their last day with the computation.

use crate::calendario::{data_it, Calendario};
use crate::notifica::Perfezionamento;
use crate::regole::{Regole, Termine};
use crate::risposte::Risposte;
use chrono::NaiveDate;
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
}

impl Scadenza {
    /// A deadline stated in words; `data` (below) adds the date.
    fn in_parole(id: &str, titolo: &str, fonte: &str, regola: &str, nota: Option<&String>) -> Self {
        Scadenza {
            id: id.into(),
            titolo: titolo.into(),
            data: None,
            scaduta: None,
            giorni_rimanenti: None,
            fonte: fonte.into(),
            calcolo: vec![format!("Regola: {regola} ({fonte}).")],
            regola: regola.into(),
            nota: nota.cloned(),
        }
    }
}

fn dentro(d: Option<NaiveDate>, dal: Option<NaiveDate>, al: Option<NaiveDate>) -> bool {
    d.is_none_or(|d| dal.is_none_or(|x| d >= x) && al.is_none_or(|x| d <= x))
}

fn si_applica(t: &Termine, r: &Risposte) -> bool {
    r.atto.as_ref().is_some_and(|a| t.atti.contains(a))
        && t.origini.as_ref().is_none_or(|o| r.origine.as_ref().is_some_and(|x| o.contains(x)))
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
            let mut s = Scadenza::in_parole(&t.id, &t.titolo, &t.fonte, &t.regola, t.nota.as_ref());
            if let Some(p) = decorrenza {
                let conto = cal.conta(p.data, t.giorni, cal.sospensione(&t.sospensione), t.slitta);
                s.calcolo.extend(p.passi.iter().cloned());
                s.calcolo.extend(conto.passi);
                data(&mut s, conto.data, oggi);
            }
            s
        })
        .collect();
    if r.atto.as_deref() == Some("cartella") {
        for d in regole.decadenze.iter().filter(|d| r.origine.as_ref().is_some_and(|o| d.origini.contains(o))) {
            let mut s = Scadenza::in_parole(&d.id, &d.titolo, &d.fonte, &d.regola, None);
            match r.anno_presentazione {
                Some(anno) => {
                    let ultimo = NaiveDate::from_ymd_opt(anno + d.anni, 12, 31).expect("31 December exists");
                    s.calcolo.push(format!("Dichiarazione presentata nel {anno}: la cartella andava notificata entro il {}.", data_it(ultimo)));
                    if let Some(p) = decorrenza {
                        s.calcolo.push(if p.data > ultimo {
                            format!("La notifica del {} è successiva: la cartella potrebbe essere stata notificata tardi.", data_it(p.data))
                        } else {
                            format!("La notifica del {} è entro il termine.", data_it(p.data))
                        });
                    }
                    data(&mut s, ultimo, oggi);
                }
                None if decorrenza.is_some() => continue,
                None => {}
            }
            out.push(s);
        }
    }
    out
}

fn data(s: &mut Scadenza, d: NaiveDate, oggi: NaiveDate) {
    s.data = Some(d);
    s.scaduta = Some(d < oggi);
    s.giorni_rimanenti = Some((d - oggi).num_days());
}
