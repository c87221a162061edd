//! Section 1, the act's identifier, the codice fiscale and, for a second request, the first request's protocol.

use crate::html::{aiuto_html, campo, esc, esito_campo, Modifica};
use crate::stato::Stato;
use civis_richiesta::codice_fiscale;
use civis_richiesta::identificativi::{protocollo, Identificativo};

/// Where to find the identifier, for each kind.
fn aiuto(id: Identificativo) -> &'static str {
    match id {
        Identificativo::NumeroComunicazione => "13 cifre, in alto sulla comunicazione o sull'avviso telematico.",
        Identificativo::IdentificativoCartella => {
            "17 cifre, sulla prima pagina della cartella: puoi scriverlo con gli spazi, te lo mostriamo senza."
        }
        Identificativo::CodiceAtto => "11 cifre, sulla cartella.",
        Identificativo::PartitaDiRuolo => {
            "Sulla cartella. La guida non ne indica il formato: controlliamo solo che ci siano lettere e cifre."
        }
    }
}

/// The guide's explanation of where to find it.
fn guida(id: Identificativo) -> &'static str {
    match id {
        Identificativo::NumeroComunicazione => "../civis/prima-richiesta/index.html#numero-comunicazione",
        _ => "../civis/prima-richiesta/index.html#cartella",
    }
}

/// The keyboard the identifier wants (a partita di ruolo has letters).
fn modo(id: Identificativo) -> &'static str {
    if id == Identificativo::PartitaDiRuolo {
        "text"
    } else {
        "numeric"
    }
}

/// The choice of identifier, with its label.
const OPZIONI: [(Identificativo, &str); 4] = [
    (Identificativo::NumeroComunicazione, "Numero della comunicazione o dell'avviso telematico (13 cifre)"),
    (Identificativo::IdentificativoCartella, "Cartella: identificativo della cartella (17 cifre)"),
    (Identificativo::CodiceAtto, "Cartella: codice atto (11 cifre)"),
    (Identificativo::PartitaDiRuolo, "Cartella: identificativo della partita di ruolo"),
];

/// The section, built once.
pub(crate) fn sezione(s: &Stato) -> String {
    let id = s.identificativo;
    let opzioni: String = OPZIONI
        .iter()
        .map(|(i, t)| {
            let scelta = if *i == id { " selected" } else { "" };
            format!("<option value=\"{}\"{scelta}>{}</option>", i.id(), esc(t))
        })
        .collect();
    format!(
        "<section class=\"sezione-richiesta\" aria-labelledby=\"titolo-atto\"><h2 id=\"titolo-atto\">1. L'atto e chi chiede</h2>\
         <div class=\"campo non-stampare\"><label for=\"tipo-numero\">Quale numero hai?</label>\
         <select id=\"tipo-numero\">{opzioni}</select></div>{}{}<div id=\"protocollo-posto\"></div></section>",
        campo("numero-atto", id.campo(), aiuto(id), Some(guida(id)), &s.numero, modo(id)),
        campo(
            "codice-fiscale",
            "Codice fiscale",
            "16 caratteri per una persona, 11 cifre per una società o un ente. Controlliamo il carattere di controllo; non ricaviamo nessun dato su di te.",
            None,
            &s.codice_fiscale,
            "text"
        ),
    )
}

/// The protocol field, in a second request only.
pub(crate) fn protocollo_html(s: &Stato) -> String {
    if !s.seconda {
        return String::new();
    }
    campo(
        "protocollo",
        "Numero di pratica della prima richiesta",
        "13 cifre, in «Consultazione delle richieste»: le prime 8 sono la data della richiesta (anno, mese, giorno).",
        Some("../civis/consultazione-richieste/index.html"),
        &s.protocollo,
        "numeric",
    )
}

/// The check of a non-empty value.
fn esito(testo: &str, verifica: impl FnOnce(&str) -> Result<String, String>) -> Option<Result<String, String>> {
    (!testo.trim().is_empty()).then(|| verifica(testo))
}

/// The identifier's label and help (they follow its kind) and every field's check.
pub(crate) fn aggiorna(s: &Stato, out: &mut Vec<Modifica>) {
    let id = s.identificativo;
    out.push(Modifica::Html("numero-atto-etichetta", esc(id.campo())));
    out.push(Modifica::Html("numero-atto-aiuto", aiuto_html(aiuto(id), Some(guida(id)))));
    out.push(Modifica::Attributo("numero-atto", "inputmode", Some(modo(id).into())));
    // A second request about a cartella is refused at the number, typed or not.
    let numero = match s.seconda && id.cartella() {
        true => Some(id.verifica_per(&s.numero, true)),
        false => esito(&s.numero, |t| id.verifica(t)),
    };
    esito_campo("numero-atto", "numero-atto-campo", "numero-atto-esito", &numero, out);
    let cf = esito(&s.codice_fiscale, codice_fiscale::verifica);
    esito_campo("codice-fiscale", "codice-fiscale-campo", "codice-fiscale-esito", &cf, out);
    let p = esito(&s.protocollo, |t| {
        protocollo(t, s.oggi)
            .map(|(n, d)| format!("{n} — richiesta del {}", civis_richiesta::contesto::data_italiana(d)))
    });
    esito_campo("protocollo", "protocollo-campo", "protocollo-esito", &p, out);
}
