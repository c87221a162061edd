//! Section 4, the summary to print or keep on screen: the deadline from the wizard, what to type in each CIVIS
//! field (checked), the text, the files with their verdicts, and the contact details CIVIS asks for.

use crate::allegati::verdetto;
use crate::html::{con_html, esc, Modifica};
use crate::stato::Stato;
use civis_richiesta::contesto::data_italiana;
use civis_richiesta::parole::R;
use civis_richiesta::riepilogo::{completa, righe, Dati, Riga};

/// One CIVIS field of the summary: its name, the value to type (the request's text as a block), what is wrong.
fn campo(r: &Riga, s: &Stato) -> String {
    let t = &s.parole;
    let valore = match r.campo == R::CampoTesto && r.problema.is_none() {
        true => format!("<pre class=\"testo-copiato\" lang=\"it\">{}</pre>", esc(&r.valore)),
        false => format!("<strong>{}</strong>", esc(&r.valore)),
    };
    let nota = r.nota.iter().map(|n| format!(" {}", esc(&t.scrivi(n))));
    let problema = r.problema.iter().map(|x| format!("<span class=\"errore\"> {}</span>", esc(&t.scrivi(x))));
    // The field's name in the page's words; the attribute keeps the Italian name, which CIVIS shows.
    format!(
        "<dt>{}</dt><dd data-campo=\"{}\">{valore}{}{}</dd>",
        esc(t.t(r.campo)),
        esc(civis_richiesta::parole::ITALIANO[r.campo as usize]),
        nota.collect::<String>(),
        problema.collect::<String>(),
    )
}

/// The summary, written again after every change.
pub(crate) fn aggiorna(s: &Stato, out: &mut Vec<Modifica>) {
    let t = &s.parole;
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
        true => ("pronta", R::Pronta),
        false => ("da-sistemare", R::NonPronta),
    };
    let cartella = s.seconda && s.identificativo.cartella();
    let richiesta = match (s.seconda, cartella) {
        (true, true) => R::RichiestaSecondaCartella,
        (true, false) => R::RichiestaSeconda,
        (false, _) => R::RichiestaPrima,
    };
    let termine = s.contesto.termine.iter().map(|(cosa, data)| {
        let scadenza = format!("<strong>{}, {}</strong>", esc(cosa), data_italiana(*data));
        format!(" {}", con_html(t, R::ScadenzaDaRispettare, &[("scadenza", &scadenza)]))
    });
    let campi: String = righe.iter().map(|r| campo(r, s)).collect();
    // No attachments where the request cannot have them (a second request about a cartella does not exist).
    let allegati = match (cartella, s.scelti.quanti) {
        (true, _) => String::new(),
        (false, 0) => format!("<dt>{}</dt><dd>{}</dd>", esc(t.t(R::Allegati)), esc(t.t(R::Nessuno))),
        (false, _) => format!(
            "<dt>{}</dt><dd><ul>{}</ul></dd>",
            esc(t.t(R::Allegati)),
            s.scelti.verdetti.iter().map(|v| verdetto(v, t)).collect::<String>()
        ),
    };
    let html = format!(
        "<h2 id=\"titolo-riepilogo\">{}</h2>\
         <p class=\"stato-richiesta {classe}\" data-pronta=\"{pronta}\">{}</p><p>{}{}</p>\
         <dl class=\"campi-civis\">{campi}{allegati}\
         <dt>{}</dt><dd>{}</dd></dl>\
         <p class=\"non-stampare\"><button type=\"button\" class=\"pulsante\" id=\"stampa\">{}</button></p>\
         <p class=\"aiuto\">{}</p>",
        esc(t.t(R::Sezione4)),
        esc(t.t(stato)),
        esc(t.t(richiesta)),
        termine.collect::<String>(),
        esc(t.t(R::EmailNominativo)),
        esc(t.t(R::EmailNominativoNota)),
        esc(t.t(R::Stampa)),
        esc(t.t(R::Riservatezza)),
    );
    out.push(Modifica::Html("riepilogo", html));
}
