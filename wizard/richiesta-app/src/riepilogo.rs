//! Section 4, the summary to print or keep on screen: the deadline from the wizard, what to type in each CIVIS
//! field (checked), the text, the files with their verdicts, and the contact details CIVIS asks for.

use crate::allegati::verdetto;
use crate::html::{esc, Modifica};
use crate::stato::Stato;
use civis_richiesta::contesto::data_italiana;
use civis_richiesta::riepilogo::{completa, righe, Dati, CAMPO_TESTO};

/// The summary, written again after every change.
pub(crate) fn aggiorna(s: &Stato, out: &mut Vec<Modifica>) {
    let dati = Dati {
        identificativo: s.identificativo,
        numero: &s.numero,
        codice_fiscale: &s.codice_fiscale,
        seconda: s.seconda,
        protocollo: &s.protocollo,
        testo: &s.testo,
    };
    let righe = righe(&dati, s.oggi);
    let pronta = completa(&righe) && s.scelti.ammessi(s.seconda);
    let (classe, stato) = match pronta {
        true => ("pronta", "Tutto in ordine: puoi inviare la richiesta in CIVIS."),
        false => ("da-sistemare", "Prima di inviare sistema i punti segnati qui sotto."),
    };
    let cartella = s.seconda && s.identificativo.cartella();
    let richiesta = match (s.seconda, cartella) {
        (true, true) => "Richiesta: seconda richiesta CIVIS, che per le cartelle non esiste.",
        (true, false) => "Richiesta: seconda richiesta CIVIS, con allegati.",
        (false, _) => "Richiesta: prima richiesta CIVIS, senza allegati.",
    };
    let termine = s.contesto.termine.iter().map(|(cosa, data)| {
        format!(" Scadenza da rispettare: <strong>{}, {}</strong>.", esc(cosa), data_italiana(*data))
    });
    let campi: String = righe
        .iter()
        .map(|r| {
            let valore = match r.campo == CAMPO_TESTO && r.problema.is_none() {
                true => format!("<pre class=\"testo-copiato\">{}</pre>", esc(&r.valore)),
                false => format!("<strong>{}</strong>", esc(&r.valore)),
            };
            let problema = r.problema.iter().map(|x| format!("<span class=\"errore\"> {}</span>", esc(x)));
            format!(
                "<dt>{c}</dt><dd data-campo=\"{c}\">{valore}{}</dd>",
                problema.collect::<String>(),
                c = esc(r.campo)
            )
        })
        .collect();
    // No attachments where the request cannot have them (a second request about a cartella does not exist).
    let allegati = match (cartella, s.scelti.quanti) {
        (true, _) => String::new(),
        (false, 0) => "<dt>Allegati</dt><dd>Nessuno.</dd>".to_string(),
        (false, _) => {
            format!("<dt>Allegati</dt><dd><ul>{}</ul></dd>", s.scelti.verdetti.iter().map(verdetto).collect::<String>())
        }
    };
    let html = format!(
        "<h2 id=\"titolo-riepilogo\">4. Riepilogo da tenere accanto a CIVIS</h2>\
         <p class=\"stato-richiesta {classe}\" data-pronta=\"{pronta}\">{stato}</p><p>{richiesta}{}</p>\
         <dl class=\"campi-civis\">{campi}{allegati}\
         <dt>Indirizzo e-mail e nominativo di riferimento</dt><dd>Obbligatori in CIVIS: li scrivi direttamente nel modulo. Qui non li chiediamo.</dd></dl>\
         <p class=\"non-stampare\"><button type=\"button\" class=\"pulsante\" id=\"stampa\">Stampa il riepilogo</button></p>\
         <p class=\"aiuto\">Quello che scrivi in questa pagina resta nel tuo browser: non viene inviato né salvato. Chiudendo la pagina si cancella.</p>",
        termine.collect::<String>()
    );
    out.push(Modifica::Html("riepilogo", html));
}
