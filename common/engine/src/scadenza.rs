//! Deadlines: which rules of `scadenze.yaml` apply to the case, and their last day with the computation.

use crate::breve::Breve;
use crate::calendario::Calendario;
use crate::lettura::{AltraLettura, Nota};
use crate::modello::{Decadenza, FonteRiformulata, Regole, Termine, TipoScadenza};
use crate::notifica::Perfezionamento;
use crate::passo::Passo;
use crate::risposte::{leggi_data, Risposte};
use crate::tabella::Elenco;
use chrono::{Days, Months, NaiveDate};
use serde::Serialize;

/// A deadline in the advice.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Scadenza {
    /// Contract deadline id.
    pub id: String,
    /// Title shown to the person.
    pub titolo: String,
    /// What to do by that day, in the imperative ("Presenta ricorso"), when the rule says it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub azione: Option<String>,
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
    /// The channel through which the action is done (a `ricorso`: the tax court; a payment: `f24` or `ader`; an
    /// opposition: its judge), whatever the outcome's first channel is.
    pub canale: String,
    /// The channels the rule allows, the usual one first ([`Scadenza::canale`] is chosen among them).
    #[serde(skip)]
    pub canali: Vec<String>,
    /// The computation, step by step (each serialised as its Italian sentence).
    pub calcolo: Vec<Passo>,
    /// The rule in words.
    pub regola: String,
    /// Where the sources leave a point open, and the other reading when two rules apply.
    #[serde(skip_serializing_if = "Nota::vuota")]
    pub nota: Nota,
    /// Deadline the person must meet, or check on the act.
    pub tipo: TipoScadenza,
    /// One line shown next to the date: for a deadline, a non-working last day the law does not shift, a shift
    /// into a suspension, or a date that follows the prudent of two readings; for a check, what it concludes.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub in_breve: Option<Breve>,
    /// The day by which to act to be safe, when it is earlier than `data` (the reading in `in_breve`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub entro_prudente: Option<NaiveDate>,
}

impl Scadenza {
    /// The day to act by: the prudent one when the readings differ, else the last day. What a person is told
    /// first, counted down from, printed and put in a calendar.
    pub fn entro(&self) -> Option<NaiveDate> {
        self.entro_prudente.or(self.data)
    }

    /// A deadline stated in words; `data` (below) adds the date.
    fn in_parole(t: &Termine) -> Self {
        Scadenza {
            id: t.id.clone(),
            titolo: t.titolo.clone(),
            azione: t.azione.clone(),
            data: None,
            scaduta: None,
            giorni_rimanenti: None,
            fonte: t.fonte.clone(),
            canale: t.canale.first().cloned().unwrap_or_default(),
            canali: t.canale.clone(),
            calcolo: vec![Passo::Regola { regola: t.regola.clone(), fonte: t.fonte.clone() }],
            regola: t.regola.clone(),
            nota: Nota::della_regola(t.nota.as_deref()),
            tipo: t.tipo,
            in_breve: None,
            entro_prudente: None,
        }
    }
}

fn dentro(d: Option<NaiveDate>, dal: Option<NaiveDate>, al: Option<NaiveDate>) -> bool {
    d.is_none_or(|d| dal.is_none_or(|x| d >= x) && al.is_none_or(|x| d <= x))
}

/// How long after its elaboration an act is notified, at most, when the elaboration date is not known: the rules
/// for acts elaborated up to a day still apply to acts notified this many days after it (the earlier date of the
/// two is then kept, see [`prudente`]).
const NOTIFICATA_ENTRO: u64 = 60;

/// Whether a rule's range of elaboration dates fits the case: on the elaboration date when it is known, else on the
/// notification date (an act is elaborated before it is notified, and notified within [`NOTIFICATA_ENTRO`] days).
fn elaborata_dentro(t: &Termine, r: &Risposte) -> bool {
    match (r.data_elaborazione, r.notifica.as_ref()) {
        (Some(d), _) => dentro(Some(d), t.elaborate_dal, t.elaborate_al),
        (None, Some(n)) => {
            let fino = t.elaborate_al.and_then(|al| al.checked_add_days(Days::new(NOTIFICATA_ENTRO)));
            dentro(Some(n.data), t.elaborate_dal, fino)
        }
        (None, None) => true,
    }
}

fn si_applica(t: &Termine, r: &Risposte, voci: &crate::condizione::Voci) -> bool {
    t.dopo_scadenza.is_none() && applicabile(t, r, voci)
}

/// Whether the rule fits the case, whatever it counts from.
fn applicabile(t: &Termine, r: &Risposte, voci: &crate::condizione::Voci) -> bool {
    r.atto.as_ref().is_some_and(|a| t.atti.ha(a))
        && t.quando.as_ref().is_none_or(|q| q.vale(voci))
        && t.salvo.as_ref().is_none_or(|q| !q.vale(voci))
        && t.origini.as_ref().is_none_or(|o| r.origine.as_ref().is_some_and(|x| o.ha(x)))
        && elaborata_dentro(t, r)
        && dentro(r.notifica.as_ref().map(|n| n.data), t.in_vigore_dal, t.in_vigore_al)
}

/// Every deadline that applies. With `decorrenza` (the date terms run from) each gets its date; without, the
/// rules are given in words. A deadline counted from another one (`dopo_scadenza`) is given once that one has
/// passed; in words, only when `in_ritardo` (the pages' case of a deadline already missed).
pub fn scadenze(
    regole: &Regole,
    r: &Risposte,
    decorrenza: Option<&Perfezionamento>,
    oggi: NaiveDate,
    in_ritardo: bool,
) -> Vec<Scadenza> {
    let cal = Calendario::new(&regole.calendario);
    let mut out: Vec<Scadenza> = Vec::new();
    let voci = crate::risposte::con_predefiniti(regole, &r.voci);
    for t in regole.termini.iter().filter(|t| si_applica(t, r, &voci)) {
        let s = termine(&cal, t, r, decorrenza, oggi);
        match out.iter_mut().find(|x| x.id == s.id) {
            Some(gia) => prudente(gia, s),
            None => out.push(s),
        }
    }
    let dopo = regole.termini.iter().filter(|t| t.dopo_scadenza.is_some() && applicabile(t, r, &voci));
    for t in dopo {
        let Some(prima) = out.iter().find(|s| Some(&s.id) == t.dopo_scadenza.as_ref()) else { continue };
        match (prima.data, prima.scaduta) {
            (Some(d), Some(true)) => {
                let s = dopo_scadenza(&cal, t, prima, d, decorrenza.map(|p| p.data), oggi);
                out.push(s);
            }
            (None, _) if in_ritardo => {
                let mut s = Scadenza::in_parole(t);
                cita(&mut s, &t.fonte, t.fonte_riformulata.as_ref(), None, oggi);
                out.push(s);
            }
            _ => {}
        }
    }
    let si_applica = |d: &&Decadenza| {
        r.atto.as_ref().is_some_and(|a| d.atti.ha(a)) && r.origine.as_ref().is_some_and(|o| d.origini.ha(o))
    };
    for d in regole.decadenze.iter().filter(si_applica) {
        match (r.anno_presentazione, decorrenza) {
            (Some(anno), _) => out.push(decadenza(regole, d, anno, r, oggi)),
            (None, None) => {
                let mut s = decadenza_in_parole(d);
                cita(&mut s, &d.fonte, d.fonte_riformulata.as_ref(), None, oggi);
                out.push(s);
            }
            (None, Some(_)) => {}
        }
    }
    out
}

/// Two rules with the same id apply (an avviso telematico whose elaboration date is unknown): the earlier date is
/// kept, as the prudent one, and the other is said.
fn prudente(gia: &mut Scadenza, altra: Scadenza) {
    let (prima, dopo) = match (gia.data, altra.data) {
        (Some(a), Some(b)) if b < a => (altra, gia.clone()),
        _ => (gia.clone(), altra),
    };
    *gia = prima;
    gia.nota.altre.push(AltraLettura { regola: dopo.regola, data: dopo.data });
    if gia.data.is_some() {
        gia.in_breve.get_or_insert(Breve::LetturaPrudente);
    }
}

/// One deadline rule for the case.
fn termine(
    cal: &Calendario,
    t: &Termine,
    r: &Risposte,
    decorrenza: Option<&Perfezionamento>,
    oggi: NaiveDate,
) -> Scadenza {
    let mut s = Scadenza::in_parole(t);
    let nuovo_inizio = t.nuovo_termine_da.as_ref().and_then(|k| r.voci.get(&**k)).and_then(|v| leggi_data(v).ok());
    let conta = |da: NaiveDate, calcolo: &mut Vec<Passo>| {
        let inizio = match t.decorre_dopo {
            0 => da,
            n => {
                let dopo = da.checked_add_days(Days::new(n.into())).expect("dates stay far from chrono's limits");
                calcolo.push(Passo::ParteDopo { giorni: t.giorni, n, da, data: dopo });
                dopo
            }
        };
        let c = cal.conta(inizio, t.giorni, cal.sospensione(&t.sospensione), t.slitta);
        calcolo.extend(c.passi.iter().cloned());
        c
    };
    if let Some(p) = decorrenza {
        s.calcolo.extend(p.passi.iter().cloned());
        let c = conta(p.data, &mut s.calcolo);
        data(&mut s, c.data, oggi);
        s.in_breve = in_breve(cal, t, &c, p.nota.as_deref(), &mut s.entro_prudente);
        conta_alla_data_prudente(&mut s, oggi);
    }
    if let Some(inizio) = nuovo_inizio {
        if let Some(originale) = s.data {
            s.calcolo.push(Passo::Originale(originale));
        }
        s.calcolo.push(Passo::Aggiornata { data: inizio, giorni: t.giorni });
        let c = conta(inizio, &mut s.calcolo);
        data(&mut s, c.data, oggi);
        s.entro_prudente = None;
        s.in_breve = in_breve(cal, t, &c, None, &mut s.entro_prudente);
        conta_alla_data_prudente(&mut s, oggi);
    }
    cita(&mut s, &t.fonte, t.fonte_riformulata.as_ref(), decorrenza.map(|p| p.data), oggi);
    s
}

/// A deadline counted from the last day of another one that has passed (`prima`, ending on `ultimo`).
fn dopo_scadenza(
    cal: &Calendario,
    t: &Termine,
    prima: &Scadenza,
    ultimo: NaiveDate,
    notifica: Option<NaiveDate>,
    oggi: NaiveDate,
) -> Scadenza {
    let mut s = Scadenza::in_parole(t);
    s.calcolo.push(Passo::DopoScadenza { titolo: prima.titolo.clone(), data: ultimo });
    let c = cal.conta(ultimo, t.giorni, cal.sospensione(&t.sospensione), t.slitta);
    s.calcolo.extend(c.passi.iter().cloned());
    data(&mut s, c.data, oggi);
    s.in_breve = in_breve(cal, t, &c, None, &mut s.entro_prudente);
    conta_alla_data_prudente(&mut s, oggi);
    cita(&mut s, &t.fonte, t.fonte_riformulata.as_ref(), notifica, oggi);
    s
}

/// The source as the deadline's dates call for it ([`crate::riforma::fonte_per`]: from the day a testo unico
/// applies, its article first), in the deadline and in the first line of its computation.
fn cita(s: &mut Scadenza, fonte: &str, r: Option<&FonteRiformulata>, notifica: Option<NaiveDate>, oggi: NaiveDate) {
    let citata = crate::riforma::fonte_per(fonte, r, notifica, s.data, oggi);
    if citata != s.fonte {
        if let Some(prima) = s.calcolo.first_mut() {
            *prima = Passo::Regola { regola: s.regola.clone(), fonte: citata.clone() };
        }
        s.fonte = citata;
    }
}

/// The days left, counted to the day to act by once the prudent day is known.
fn conta_alla_data_prudente(s: &mut Scadenza, oggi: NaiveDate) {
    s.giorni_rimanenti = s.entro().map(|d| (d - oggi).num_days());
}

/// The line shown next to a deadline's date: a last day on a non-working day that the law does not shift, a shift
/// that lands in the suspension the term skips, or a date that follows the prudent of two readings (of the rule,
/// or of the notification date). Sets the prudent day to act by, when it is earlier than the date.
fn in_breve(
    cal: &Calendario,
    t: &Termine,
    c: &crate::calendario::Conteggio,
    nota_notifica: Option<&str>,
    entro: &mut Option<NaiveDate>,
) -> Option<Breve> {
    let ultimo_utile_prima = |d: NaiveDate| {
        let mut prima = d;
        while !cal.lavorativo(prima) {
            prima = prima.pred_opt().expect("dates stay far from chrono's limits");
        }
        prima
    };
    if !t.slitta && !cal.lavorativo(c.data) {
        let prima = ultimo_utile_prima(c.data);
        *entro = Some(prima);
        return Some(Breve::NonSlitta { giorno: c.data, entro: prima });
    }
    let sospensione = cal.sospensione(&t.sospensione);
    if c.ultimo_contato != c.data && sospensione.is_some_and(|s| s.contiene(c.data)) {
        let prima = ultimo_utile_prima(c.ultimo_contato);
        *entro = Some(prima);
        return Some(Breve::Agosto { giorni: t.giorni, ultimo: c.ultimo_contato, entro: prima });
    }
    if t.nota.is_some() {
        return Some(Breve::LetturaPrudente);
    }
    nota_notifica.map(|_| Breve::NotificaIncerta)
}

fn decadenza_in_parole(d: &Decadenza) -> Scadenza {
    Scadenza {
        id: d.id.clone(),
        titolo: d.titolo.clone(),
        azione: None,
        data: None,
        scaduta: None,
        giorni_rimanenti: None,
        fonte: d.fonte.clone(),
        canale: d.canale.clone(),
        canali: vec![d.canale.clone()],
        calcolo: vec![Passo::Regola { regola: d.regola.clone(), fonte: d.fonte.clone() }],
        regola: d.regola.clone(),
        nota: Nota::della_regola(d.nota.as_deref()),
        tipo: d.tipo,
        in_breve: None,
        entro_prudente: None,
    }
}

/// The decadenza check for a return filed in `anno`, judged on the date entered with the mode.
fn decadenza(regole: &Regole, d: &Decadenza, anno: i32, r: &Risposte, oggi: NaiveDate) -> Scadenza {
    let mut s = decadenza_in_parole(d);
    let (ultimo, passi) = termine_decadenza(regole, d, anno);
    s.calcolo.extend(passi);
    // In time or maybe late, judged on the date entered with the mode (never earlier than the notifier's).
    let tardi = r.notifica.as_ref().map(|n| (n.data, n.data > ultimo));
    s.in_breve = Some(match tardi {
        None => Breve::Decadenza(ultimo),
        Some((_, true)) => Breve::DecadenzaTardi(ultimo),
        Some((_, false)) => Breve::DecadenzaInTempo(ultimo),
    });
    if let Some((indicata, tardi)) = tardi {
        s.calcolo.push(Passo::DecadenzaConta);
        s.calcolo.push(if tardi { Passo::DecadenzaTardi(indicata) } else { Passo::DecadenzaInTempo(indicata) });
    }
    data(&mut s, ultimo, oggi);
    cita(&mut s, &d.fonte, d.fonte_riformulata.as_ref(), r.notifica.as_ref().map(|n| n.data), oggi);
    s
}

/// The last day to notify a cartella for a return filed in `anno`, with the extensions by law that apply.
fn termine_decadenza(regole: &Regole, d: &Decadenza, anno: i32) -> (NaiveDate, Vec<Passo>) {
    let mut ultimo = NaiveDate::from_ymd_opt(anno + d.anni, 12, 31).expect("31 December exists");
    let mut passi = vec![Passo::Dichiarazione { anno, data: ultimo }];
    let proroghe = regole
        .proroghe
        .iter()
        .filter(|p| p.presentate_nel.contains(&anno) && p.origini.iter().any(|o| d.origini.contains(o)));
    for p in proroghe {
        ultimo = ultimo.checked_add_months(Months::new(p.mesi)).expect("dates stay far from chrono's limits");
        passi.push(Passo::Proroga { anno, mesi: p.mesi, fonte: p.fonte.to_string(), data: ultimo });
        passi.extend(p.nota.clone().map(Passo::Nota));
    }
    (ultimo, passi)
}

/// Sets the last day and the days left to it ([`conta_alla_data_prudente`] counts them again to the prudent day).
fn data(s: &mut Scadenza, d: NaiveDate, oggi: NaiveDate) {
    s.data = Some(d);
    s.scaduta = Some(d < oggi);
    s.giorni_rimanenti = Some((d - oggi).num_days());
}
