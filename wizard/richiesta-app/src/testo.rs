//! Section 2, the request's text: a guided outline by reason that composes the text (in Italian, the office's
//! language, whatever the page's), the text itself with the prudent 3,000-character counter, and "Copia".

use crate::html::{esc, Modifica};
use crate::stato::Stato;
use civis_richiesta::parole::R;
use civis_richiesta::testo::{self, Stato as Conteggio, MASSIMO};
use civis_richiesta::traccia::{mancanti, Motivo};

/// The section, built once (the outline's fields go in `#traccia-campi`).
pub(crate) fn sezione(s: &Stato) -> String {
    let t = &s.parole;
    let motivi: String = Motivo::TUTTI
        .iter()
        .map(|m| {
            let scelto = if *m == s.motivo { " selected" } else { "" };
            format!("<option value=\"{}\"{scelto}>{}</option>", m.id(), esc(t.t(m.nome())))
        })
        .collect();
    // In another language, say that the text prepared is Italian.
    let in_italiano = match t.codice() {
        "it" => String::new(),
        _ => format!("<p class=\"aiuto\">{}</p>", esc(t.t(R::TestoInItaliano))),
    };
    format!(
        "<section class=\"sezione-richiesta\" aria-labelledby=\"titolo-testo\"><h2 id=\"titolo-testo\">{}</h2>\
         <p>{}</p>\
         <div class=\"non-stampare\"><div class=\"campo\"><label for=\"motivo\">{}</label>\
         <select id=\"motivo\">{motivi}</select></div>\
         <fieldset class=\"traccia\"><legend>{}</legend><div id=\"traccia-campi\"></div>\
         <p class=\"aiuto\" id=\"traccia-mancanti\"></p>\
         <button type=\"button\" class=\"secondario\" id=\"componi\">{}</button></fieldset></div>\
         <div class=\"campo\" id=\"testo-campo\"><label for=\"testo-richiesta\">{}</label>{in_italiano}\
         <p class=\"aiuto\" id=\"testo-conteggio-regola\">{}</p>\
         <textarea id=\"testo-richiesta\" rows=\"10\" aria-invalid=\"false\" aria-describedby=\"testo-conteggio testo-conteggio-regola\" lang=\"it\">{}</textarea>\
         <p id=\"testo-conteggio\" class=\"conteggio\"></p></div>\
         <p class=\"non-stampare\"><button type=\"button\" class=\"pulsante\" id=\"copia-testo\">{}</button>\
         <span aria-live=\"polite\" id=\"testo-copiato\"></span></p></section>",
        esc(t.t(R::Sezione2)),
        esc(t.t(R::TestoIntro)),
        esc(t.t(R::PercheSbagliata)),
        esc(t.t(R::TracciaLegenda)),
        esc(t.t(R::Componi)),
        esc(t.t(R::TestoDaCopiare)),
        esc(t.t(R::RegolaConteggio)),
        esc(&s.testo),
        esc(t.t(R::CopiaTesto)),
    )
}

/// The outline's fields for the reason chosen, with what was typed in them.
pub(crate) fn campi_traccia(s: &Stato) -> String {
    let t = &s.parole;
    s.motivo
        .campi()
        .into_iter()
        .map(|c| {
            let valore = s.valori.get(c.id).map(String::as_str).unwrap_or_default();
            format!(
                "<div class=\"campo\"><label for=\"traccia-{id}\">{}</label><p class=\"aiuto\" id=\"traccia-{id}-aiuto\">{}</p>\
                 <input id=\"traccia-{id}\" type=\"text\" autocomplete=\"off\" value=\"{}\" aria-describedby=\"traccia-{id}-aiuto\"></div>",
                esc(t.t(c.etichetta)),
                esc(t.t(c.aiuto)),
                esc(valore),
                id = c.id,
            )
        })
        .collect()
}

/// What is still empty in the outline, the counter, the text marked too long, "Copia" and its confirmation.
pub(crate) fn aggiorna(s: &Stato, out: &mut Vec<Modifica>) {
    let t = &s.parole;
    let vuoti = mancanti(s.motivo, &s.valori);
    let vuoti = match vuoti.is_empty() {
        true => String::new(),
        false => {
            // Joined by hand: `join` would add its own code to the module.
            let mut nomi = String::new();
            for c in &vuoti {
                if !nomi.is_empty() {
                    nomi.push_str("; ");
                }
                nomi.push_str(t.t(c.etichetta));
            }
            esc(&t.f(R::AncoraVuoti, &[("campi", &nomi)]))
        }
    };
    out.push(Modifica::Html("traccia-mancanti", vuoti));
    let (n, stato, frase) = testo::stato(&s.testo);
    let oltre = stato == Conteggio::Oltre;
    out.push(Modifica::Attributo(
        "testo-campo",
        "class",
        Some(if oltre { "campo campo-errato" } else { "campo" }.into()),
    ));
    out.push(Modifica::Attributo("testo-richiesta", "aria-invalid", Some(oltre.to_string())));
    let classe = match stato {
        Conteggio::Ok => "conteggio",
        Conteggio::Vicino => "conteggio vicino",
        Conteggio::Oltre => "conteggio errore",
    };
    out.push(Modifica::Html("testo-conteggio", esc(&t.scrivi(&frase))));
    out.push(Modifica::Attributo("testo-conteggio", "class", Some(classe.into())));
    out.push(Modifica::Attributo("testo-conteggio", "data-caratteri", Some(n.to_string())));
    let annuncia = if stato == Conteggio::Ok { "off" } else { "polite" };
    out.push(Modifica::Attributo("testo-conteggio", "aria-live", Some(annuncia.into())));
    let disattivo = (n == 0 || n > MASSIMO).then(String::new);
    out.push(Modifica::Attributo("copia-testo", "disabled", disattivo));
    let copiato = if s.copiato { format!(" {}", esc(t.t(R::TestoCopiato))) } else { String::new() };
    out.push(Modifica::Html("testo-copiato", copiato));
}
