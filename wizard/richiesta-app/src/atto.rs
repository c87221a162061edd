//! Section 1, the act's identifier, the codice fiscale and, for a second request, the first request's protocol.

use crate::html::{aiuto_html, campo, esc, esito_campo, Campo, Modifica};
use crate::stato::Stato;
use civis_richiesta::codice_fiscale;
use civis_richiesta::identificativi::{protocollo, Identificativo};
use civis_richiesta::parole::{Messaggio, R};

/// Where to find the identifier, for each kind.
fn aiuto(id: Identificativo) -> R {
    match id {
        Identificativo::NumeroComunicazione => R::AiutoComunicazione,
        Identificativo::IdentificativoCartella => R::AiutoIdentificativo,
        Identificativo::CodiceAtto => R::AiutoCodiceAtto,
        Identificativo::PartitaDiRuolo => R::AiutoPartita,
    }
}

/// The guide's explanation of where to find it, from the site's root.
fn guida(id: Identificativo) -> &'static str {
    match id {
        Identificativo::NumeroComunicazione => "civis/prima-richiesta/index.html#numero-comunicazione",
        _ => "civis/prima-richiesta/index.html#cartella",
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
const OPZIONI: [(Identificativo, R); 4] = [
    (Identificativo::NumeroComunicazione, R::OpzioneComunicazione),
    (Identificativo::IdentificativoCartella, R::OpzioneIdentificativo),
    (Identificativo::CodiceAtto, R::OpzioneCodiceAtto),
    (Identificativo::PartitaDiRuolo, R::OpzionePartita),
];

/// The section, built once.
pub(crate) fn sezione(s: &Stato) -> String {
    let (id, t) = (s.identificativo, &s.parole);
    let opzioni: String = OPZIONI
        .iter()
        .map(|(i, r)| {
            let scelta = if *i == id { " selected" } else { "" };
            format!("<option value=\"{}\"{scelta}>{}</option>", i.id(), esc(t.t(*r)))
        })
        .collect();
    let guida = s.link(guida(id));
    let numero = Campo {
        id: "numero-atto",
        etichetta: t.t(id.campo()),
        aiuto: t.t(aiuto(id)),
        guida: Some(&guida),
        valore: &s.numero,
        modo: modo(id),
    };
    let cf = Campo {
        id: "codice-fiscale",
        etichetta: t.t(R::CampoCodiceFiscale),
        aiuto: t.t(R::AiutoCodiceFiscale),
        guida: None,
        valore: &s.codice_fiscale,
        modo: "text",
    };
    format!(
        "<section class=\"sezione-richiesta\" aria-labelledby=\"titolo-atto\"><h2 id=\"titolo-atto\">{}</h2>\
         <div class=\"campo non-stampare\"><label for=\"tipo-numero\">{}</label>\
         <select id=\"tipo-numero\">{opzioni}</select></div>{}{}<div id=\"protocollo-posto\"></div></section>",
        esc(t.t(R::Sezione1)),
        esc(t.t(R::QualeNumero)),
        campo(&numero, t),
        campo(&cf, t),
    )
}

/// The protocol field, in a second request only.
pub(crate) fn protocollo_html(s: &Stato) -> String {
    if !s.seconda {
        return String::new();
    }
    let t = &s.parole;
    let guida = s.link("civis/consultazione-richieste/index.html");
    let c = Campo {
        id: "protocollo",
        etichetta: t.t(R::CampoProtocollo),
        aiuto: t.t(R::AiutoProtocollo),
        guida: Some(&guida),
        valore: &s.protocollo,
        modo: "numeric",
    };
    campo(&c, t)
}

/// The check of a non-empty value.
fn esito(testo: &str, verifica: impl FnOnce(&str) -> Result<String, Messaggio>) -> Option<Result<String, Messaggio>> {
    (!testo.trim().is_empty()).then(|| verifica(testo))
}

/// The identifier's label and help (they follow its kind) and every field's check.
pub(crate) fn aggiorna(s: &Stato, out: &mut Vec<Modifica>) {
    let (id, t) = (s.identificativo, &s.parole);
    out.push(Modifica::Html("numero-atto-etichetta", esc(t.t(id.campo()))));
    out.push(Modifica::Html("numero-atto-aiuto", aiuto_html(t.t(aiuto(id)), Some(&s.link(guida(id))), t)));
    out.push(Modifica::Attributo("numero-atto", "inputmode", Some(modo(id).into())));
    // A second request about a cartella is refused at the number, typed or not.
    let numero = match s.seconda && id.cartella() {
        true => Some(id.verifica_per(&s.numero, true)),
        false => esito(&s.numero, |t| id.verifica(t)),
    };
    esito_campo(("numero-atto", "numero-atto-campo", "numero-atto-esito"), &numero, t, out);
    let cf = esito(&s.codice_fiscale, codice_fiscale::verifica);
    esito_campo(("codice-fiscale", "codice-fiscale-campo", "codice-fiscale-esito"), &cf, t, out);
    let p = esito(&s.protocollo, |testo| {
        protocollo(testo, s.oggi).map(|(n, d)| {
            t.f(R::RichiestaDel, &[("numero", &n), ("data", &civis_richiesta::contesto::data_italiana(d))])
        })
    });
    esito_campo(("protocollo", "protocollo-campo", "protocollo-esito"), &p, t, out);
}
