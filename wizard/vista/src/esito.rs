//! The outcome as a person reads it, computed once for the app and the pages without JavaScript: first the answer
//! to the goal (what to do, by which day, through which channel; or that the day has passed), then the other
//! deadlines in date order, one block of warnings, the procedure, the checks on the act and the pages to read.

pub use crate::parole::Riga;
use crate::parole::{Parole, P};
use crate::Titoli;
use civis_engine::consiglio::{AvvisoDato, CanaleConsigliato, Consiglio};
use civis_engine::modello::{FontePubblica, Regole, TipoScadenza};
use civis_engine::scadenza::Scadenza;
use serde::Serialize;

/// The outcome.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct VistaEsito {
    /// The advice (channels, deadlines with or without dates, warnings, procedure).
    pub consiglio: Consiglio,
    /// The answer to the goal, shown first.
    pub risposta: Risposta,
    /// The other deadlines to meet: by date in the app, in the rules' order in words.
    pub altre: Vec<Scadenza>,
    /// The checks on the act (decadenza), stated as facts, never with a countdown.
    pub verifiche: Vec<Scadenza>,
    /// The warnings, in one block.
    pub avvisi: Vec<AvvisoDato>,
    /// The pages to read, with their titles.
    pub pagine: Vec<Collegamento>,
    /// The norms and public documents the deadlines cite that a person can read, with their official address.
    pub fonti: Vec<FontePubblica>,
    /// Whether the deadlines carry dates (the app) or state their rules in words (pages without JavaScript).
    pub con_date: bool,
    /// When a CIVIS request is advised: the fragment of the "Prepara la richiesta" page.
    pub richiesta: Option<String>,
    /// In words (no dates to tell): what to do if the deadline that answers the goal has already passed.
    pub se_scaduto: Option<SeScaduto>,
}

/// The answer to the person's goal.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Risposta {
    /// One sentence: "Presenta ricorso entro mercoledì 14 ottobre 2026", or that the day has passed.
    pub frase: String,
    /// The deadline the answer leads with: the goal's, or in the days of grace after missing it, the one they end
    /// with.
    pub scadenza: Option<Scadenza>,
    /// The id of the deadline that answers the goal (`scadenza_principale`).
    pub principale: Option<String>,
    /// Whether the goal's deadline has passed (the outcome is then the one for that situation).
    pub scaduta: bool,
    /// How late the person is, when the goal's deadline has passed ("Sei in ritardo di 5 giorni …").
    pub ritardo: Option<String>,
    /// What a person must read beside the date, printed too: the last day by the other reading, and why.
    pub prudenza: Vec<Riga>,
    /// The channel through which the leading action is done (the outcome's first when no deadline leads).
    pub canale: Option<CanaleConsigliato>,
    /// "Puoi anche": the outcome's other channels, each with its own next deadline and what it does not do.
    pub puoi_anche: Vec<Alternativa>,
}

/// Another way open to the person, with its own deadline.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Alternativa {
    /// The channel.
    pub canale: CanaleConsigliato,
    /// Its next deadline not yet passed (or its rule in words), when it has one.
    pub scadenza: Option<Scadenza>,
    /// That deadline in a few words: "Notificare il ricorso … entro lunedì 19 gennaio 2027", or its rule.
    pub entro: Option<String>,
}

/// What the pages without JavaScript add for a deadline already passed.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SeScaduto {
    /// Channels, recommended first.
    pub canali: Vec<CanaleConsigliato>,
    /// What is still possible.
    pub passi: Vec<String>,
    /// The deadlines that open only once the goal's has passed (the days of grace after a missed payment), in
    /// words.
    pub dopo: Vec<Scadenza>,
}

/// A link to a guidance page.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Collegamento {
    /// Title.
    pub titolo: String,
    /// Output path of the page (`civis/`).
    pub pagina: String,
}

/// The sentence that answers the goal: what to do by the day to act by (the prudent one when readings differ); in
/// the days of grace, to pay at once; after them, that the day has passed.
fn frase(s: Option<&Scadenza>, tolleranza: bool, con_date: bool, p: &Parole) -> String {
    let Some(s) = s else {
        return p.t(P::FraseSenzaTermine).into();
    };
    let azione = s.azione.as_deref().unwrap_or(&s.titolo);
    match (s.entro(), s.scaduta) {
        (Some(d), Some(true)) => {
            p.f(P::FraseScaduto, &[("titolo", &minuscola(&s.titolo)), ("data", &p.data(s.data.unwrap_or(d)))])
        }
        (Some(d), _) if tolleranza => p.f(P::FraseTolleranza, &[("azione", azione), ("data", &p.data(d))]),
        (Some(d), _) => p.f(P::FraseEntro, &[("azione", azione), ("data", &p.data(d))]),
        (None, _) if !con_date => p.f(P::FraseRegola, &[("azione", azione), ("regola", &s.regola)]),
        (None, _) => p.f(P::FraseAzione, &[("azione", azione)]),
    }
}

/// What to read beside a date: the last day by the other reading when the prudent one leads, the one-line
/// prudence note and the note on the rule. Shown under the date, printed, and put in the calendar.
pub fn prudenza(s: &Scadenza, p: &Parole) -> Vec<Riga> {
    let mut righe = Vec::new();
    if let (Some(prudente), Some(d)) = (s.entro_prudente, s.data) {
        if prudente != d {
            righe.push(Riga { testo: p.f(P::AltraLettura, &[("data", &p.data(d))]), in_italiano: false });
        }
    }
    if let Some(b) = &s.in_breve {
        righe.push(p.frase(Some(b), &civis_engine::testo::Frase::messaggio(b), false));
    }
    righe.extend(nota(s, p));
    righe
}

/// A deadline's note in these words: the rule's own (the rules are in the page's language), then each other
/// reading with its date.
pub fn nota(s: &Scadenza, p: &Parole) -> Vec<Riga> {
    let regola = s.nota.regola.iter().map(|t| Riga { testo: t.clone(), in_italiano: false });
    let altre = s.nota.altre.iter().map(|a| p.frase(Some(a), &civis_engine::testo::Frase::messaggio(a), false));
    regola.chain(altre).collect()
}

/// "Sei in ritardo di N giorni" on the goal's deadline.
fn ritardo(giorni: i64, principale: &Scadenza, p: &Parole) -> String {
    let quando = principale.data.map(|d| p.f(P::RitardoQuando, &[("data", &p.data(d))])).unwrap_or_default();
    let titolo = minuscola(&principale.titolo);
    match giorni {
        1 => p.f(P::RitardoUno, &[("titolo", &titolo), ("quando", &quando)]),
        n => p.f(P::RitardoMolti, &[("giorni", &n.to_string()), ("titolo", &titolo), ("quando", &quando)]),
    }
}

fn minuscola(s: &str) -> String {
    let mut c = s.chars();
    // Titles start with an ASCII letter: no Unicode case tables in the browser's module.
    c.next().map(|p| p.to_ascii_lowercase().to_string() + c.as_str()).unwrap_or_default()
}

/// The norms the texts name (`DPR 602/1973` in a deadline's source), once each, in the order of `fonti.yaml`.
fn fonti_citate(regole: &Regole, testi: &[&str]) -> Vec<FontePubblica> {
    regole.fonti.iter().filter(|f| testi.iter().any(|t| contiene(t, &f.nome))).cloned().collect()
}

/// Whether `testo` contains `parola`, byte by byte: `str::contains` would compile a substring searcher (and its
/// panic formatting) into the browser's module for these few short texts.
fn contiene(testo: &str, parola: &str) -> bool {
    let (t, p) = (testo.as_bytes(), parola.as_bytes());
    !p.is_empty() && t.windows(p.len()).any(|w| w == p)
}

/// The outcome for the advice `c`; `scaduto` is the advice for the same answers after the deadline (pages without
/// JavaScript), `titoli` the guidance pages' titles.
pub(crate) fn vista_esito(
    regole: &Regole,
    c: Consiglio,
    scaduto: Option<Consiglio>,
    titoli: &Titoli,
    con_date: bool,
    richiesta: Option<String>,
    parole: &Parole,
) -> VistaEsito {
    let trova = |id: &str| c.scadenze.iter().find(|s| s.id == id).cloned();
    let principale = c.scadenza_principale.as_deref().and_then(trova);
    let in_tolleranza = c.tolleranza.as_deref().and_then(trova);
    let guida = in_tolleranza.clone().or_else(|| principale.clone());
    let mostrate = [c.scadenza_principale.as_deref(), c.tolleranza.as_deref()];
    let (verifiche, mut altre): (Vec<Scadenza>, Vec<Scadenza>) = c
        .scadenze
        .iter()
        .filter(|s| !mostrate.contains(&Some(s.id.as_str())))
        .cloned()
        .partition(|s| s.tipo == TipoScadenza::Verifica);
    if con_date {
        altre = per_data(altre);
    }
    let scaduta = principale.as_ref().is_some_and(|s| s.scaduta == Some(true));
    // The leading deadline's own channel, while it can still be met; after it, the outcome's first (what is still
    // possible).
    let canale_di = |id: &str| regole.canali.iter().find(|k| k.id == id).map(CanaleConsigliato::di);
    let canale = match guida.as_ref().filter(|s| s.scaduta != Some(true)) {
        Some(s) => canale_di(&s.canale),
        None => c.canali.first().cloned(),
    };
    let aperta = |s: &&Scadenza| s.tipo == TipoScadenza::Termine && s.scaduta != Some(true);
    let puoi_anche = c
        .canali
        .iter()
        .filter(|k| canale.as_ref().is_none_or(|x| x.id != k.id))
        .map(|k| {
            let suoi = c.scadenze.iter().filter(aperta).filter(|s| s.canale == k.id).cloned().collect();
            let scadenza = per_data(suoi).into_iter().next();
            let entro = scadenza.as_ref().map(|s| match s.entro() {
                Some(d) => parole.f(P::AlternativaEntro, &[("titolo", &s.titolo), ("data", &parole.data(d))]),
                None => parole.f(P::AlternativaRegola, &[("titolo", &s.titolo), ("regola", &s.regola)]),
            });
            Alternativa { canale: k.clone(), scadenza, entro }
        })
        .collect();
    let risposta = Risposta {
        frase: frase(guida.as_ref(), in_tolleranza.is_some(), con_date, parole),
        ritardo: c.giorni_di_ritardo.zip(principale.as_ref()).map(|(g, p)| ritardo(g, p, parole)),
        prudenza: guida.as_ref().map(|s| prudenza(s, parole)).unwrap_or_default(),
        principale: c.scadenza_principale.clone(),
        scaduta,
        scadenza: guida,
        canale,
        puoi_anche,
    };
    let pagine = c
        .pagine
        .iter()
        .map(|p| Collegamento { titolo: titoli.get(p).cloned().unwrap_or_else(|| p.clone()), pagina: p.clone() })
        .collect();
    let testi: Vec<&str> =
        c.scadenze.iter().map(|s| s.fonte.as_str()).chain(c.notifica.iter().map(|n| n.fonte.as_str())).collect();
    let se_scaduto = scaduto.filter(|s| s.esito != c.esito).map(|s| SeScaduto {
        dopo: s.scadenze.iter().filter(|x| !c.scadenze.iter().any(|y| y.id == x.id)).cloned().collect(),
        canali: s.canali,
        passi: s.passi,
    });
    VistaEsito {
        avvisi: avvisi(regole, &c, parole),
        fonti: fonti_citate(regole, &testi),
        consiglio: c,
        risposta,
        altre,
        verifiche,
        pagine,
        con_date,
        richiesta,
        se_scaduto,
    }
}

/// The warnings in the words' language. The engine fills a warning that names a passed deadline (`{titolo}`,
/// `{data}`) with an Italian date; in another language it is filled again, from its translated text and the
/// deadline the engine named, with the date in the reader's words.
fn avvisi(regole: &Regole, c: &Consiglio, p: &Parole) -> Vec<AvvisoDato> {
    if p.italiane() {
        return c.avvisi.clone();
    }
    let riempito = |a: &AvvisoDato| {
        let modello = &regole.avvisi.iter().find(|x| x.id == a.id)?.testo;
        let s = c.scadenze.iter().find(|s| Some(&s.id) == a.scadenza.as_ref())?;
        let data = s.data.map(|d| p.data(d)).unwrap_or_default();
        let testo = civis_engine::testo::riempi(modello, &[("titolo", &s.titolo), ("data", &data)]);
        Some(AvvisoDato { testo, ..a.clone() })
    };
    c.avvisi.iter().map(|a| riempito(a).unwrap_or_else(|| a.clone())).collect()
}

/// The deadlines by date, equal dates in their order: a few items, placed one by one, so that no sort is compiled
/// into the browser's module.
fn per_data(scadenze: Vec<Scadenza>) -> Vec<Scadenza> {
    let mut out: Vec<Scadenza> = Vec::new();
    for s in scadenze {
        let i = out.iter().position(|x| x.entro() > s.entro()).unwrap_or(out.len());
        out.insert(i, s);
    }
    out
}
