//! The outcome as plain text, for "Copia il riepilogo": what a person pastes into a message to a help desk. Made
//! from the view, so it says what the page says; in another language the app puts the Italian one after it, so an
//! operator can act on it.

use crate::parole::{Parole, P};
use crate::{Progresso, VistaEsito};

/// The summary of an outcome in the words of `t`: the answer, the channel, the other deadlines and the answers
/// given.
pub fn riepilogo(e: &VistaEsito, progresso: &Progresso, t: &Parole) -> String {
    let r = &e.risposta;
    let mut righe = vec![t.t(P::CheCosaFare).to_string(), r.frase.clone()];
    righe.extend(r.ritardo.iter().cloned());
    righe.extend(r.prudenza.iter().map(|p| p.testo.clone()));
    if let Some(k) = &r.canale {
        righe.push(format!("{}{}", t.t(P::Canale), k.titolo));
    }
    if !e.altre.is_empty() {
        righe.push(String::new());
        righe.push(format!("{}:", t.t(P::AltreScadenze)));
        righe.extend(e.altre.iter().map(|s| match s.entro() {
            Some(d) => format!("- {}", t.f(P::AlternativaEntro, &[("titolo", &s.titolo), ("data", &t.data(d))])),
            None => format!("- {}", t.f(P::AlternativaRegola, &[("titolo", &s.titolo), ("regola", &s.regola)])),
        }));
    }
    if !progresso.risposte.is_empty() {
        righe.push(String::new());
        righe.push(format!("{}:", t.t(P::LeTueRisposte)));
        righe.extend(progresso.risposte.iter().map(|a| format!("- {} {}", a.domanda, a.risposta)));
    }
    // Joined by hand: `join` would compile its own copy loop into the browser's module.
    let mut out = String::new();
    for (i, r) in righe.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        out.push_str(r);
    }
    out
}
