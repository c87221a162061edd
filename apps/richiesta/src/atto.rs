//! The act's identifier, the codice fiscale and, for a second request, the first request's protocol.

use crate::campo::Campo;
use chrono::NaiveDate;
use civis_richiesta::codice_fiscale;
use civis_richiesta::identificativi::{protocollo, Identificativo};
use web_sys::HtmlSelectElement;
use yew::prelude::*;

/// The section's properties.
#[derive(Properties, PartialEq)]
#[allow(unreachable_pub)] // Yew's #[function_component] makes the component, and so its props, public
pub struct AttoProps {
    /// How the act is identified.
    pub identificativo: Identificativo,
    /// Changes it.
    pub scegli: Callback<Identificativo>,
    /// The identifier as typed.
    pub numero: AttrValue,
    /// Changes it.
    pub cambia_numero: Callback<String>,
    /// The codice fiscale as typed.
    pub codice_fiscale: AttrValue,
    /// Changes it.
    pub cambia_codice_fiscale: Callback<String>,
    /// Whether this is the second request (which asks for the first one's protocol).
    pub seconda: bool,
    /// The first request's protocol as typed.
    pub protocollo: AttrValue,
    /// Changes it.
    pub cambia_protocollo: Callback<String>,
    /// Today, which the protocol's date cannot follow.
    pub oggi: NaiveDate,
}

/// The check of a non-empty value.
fn esito(testo: &str, verifica: impl FnOnce(&str) -> Result<String, String>) -> Option<Result<String, String>> {
    (!testo.trim().is_empty()).then(|| verifica(testo))
}

/// The section "L'atto e chi chiede".
#[function_component(Atto)]
pub fn atto(p: &AttoProps) -> Html {
    let scegli = p.scegli.clone();
    let onchange = Callback::from(move |e: Event| {
        if let Some(i) = Identificativo::da_id(&e.target_unchecked_into::<HtmlSelectElement>().value()) {
            scegli.emit(i);
        }
    });
    let id = p.identificativo;
    let opzione =
        |i: Identificativo, testo: &'static str| html! { <option value={i.id()} selected={i == id}>{ testo }</option> };
    let aiuto_numero = match id {
        Identificativo::NumeroComunicazione => "13 cifre, in alto sulla comunicazione o sull'avviso telematico.",
        Identificativo::IdentificativoCartella => {
            "17 cifre, sulla prima pagina della cartella: puoi scriverlo con gli spazi, te lo mostriamo senza."
        }
        Identificativo::CodiceAtto => "11 cifre, sulla cartella.",
        Identificativo::PartitaDiRuolo => {
            "Sulla cartella. La guida non ne indica il formato: controlliamo solo che ci siano lettere e cifre."
        }
    };
    let oggi = p.oggi;
    let guida = match id {
        Identificativo::NumeroComunicazione => "../civis/prima-richiesta/index.html#numero-comunicazione",
        _ => "../civis/prima-richiesta/index.html#cartella",
    };
    html! {
        <section class="sezione-richiesta" aria-labelledby="titolo-atto">
            <h2 id="titolo-atto">{"1. L'atto e chi chiede"}</h2>
            <div class="campo non-stampare">
                <label for="tipo-numero">{"Quale numero hai?"}</label>
                <select id="tipo-numero" {onchange}>
                    { opzione(Identificativo::NumeroComunicazione, "Numero della comunicazione o dell'avviso telematico (13 cifre)") }
                    { opzione(Identificativo::IdentificativoCartella, "Cartella: identificativo della cartella (17 cifre)") }
                    { opzione(Identificativo::CodiceAtto, "Cartella: codice atto (11 cifre)") }
                    { opzione(Identificativo::PartitaDiRuolo, "Cartella: identificativo della partita di ruolo") }
                </select>
            </div>
            <Campo id="numero-atto" etichetta={id.campo()} aiuto={aiuto_numero} valore={p.numero.clone()}
                esito={esito(&p.numero, |t| id.verifica(t))} cambia={p.cambia_numero.clone()} modo={if id == Identificativo::PartitaDiRuolo { "text" } else { "numeric" }}
                guida={Some(AttrValue::from(guida))} />
            <Campo id="codice-fiscale" etichetta="Codice fiscale" valore={p.codice_fiscale.clone()}
                aiuto="16 caratteri per una persona, 11 cifre per una società o un ente. Controlliamo il carattere di controllo; non ricaviamo nessun dato su di te."
                esito={esito(&p.codice_fiscale, codice_fiscale::verifica)} cambia={p.cambia_codice_fiscale.clone()} />
            if p.seconda {
                <Campo id="protocollo" etichetta="Numero di pratica della prima richiesta" valore={p.protocollo.clone()}
                    aiuto="13 cifre, in «Consultazione delle richieste»: le prime 8 sono la data della richiesta (anno, mese, giorno)."
                    esito={esito(&p.protocollo, |t| protocollo(t, oggi).map(|(n, d)| format!("{n} — richiesta del {}", civis_richiesta::contesto::data_italiana(d))))}
                    cambia={p.cambia_protocollo.clone()} modo="numeric" guida={Some(AttrValue::from("../civis/consultazione-richieste/index.html"))} />
            }
        </section>
    }
}
