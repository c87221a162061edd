//! The root component: the context from the wizard (URL fragment), then the sections in the order CIVIS asks for
//! them, and the summary. Nothing typed here is written into the URL or anywhere else.

use crate::allegati::{Allegati, Scelti};
use crate::atto::Atto;
use crate::riepilogo::Riepilogo;
use crate::testo::Testo;
use chrono::NaiveDate;
use civis_richiesta::contesto::Contesto;
use civis_richiesta::identificativi::Identificativo;
use yew::prelude::*;

/// Today in the browser (or `?oggi=AAAA-MM-GG`, as in the wizard, for tests).
fn oggi() -> NaiveDate {
    let search = gloo::utils::window().location().search().unwrap_or_default();
    let fissato = search.trim_start_matches('?').split('&').find_map(|kv| kv.strip_prefix("oggi="));
    fissato.and_then(civis_richiesta::contesto::data_iso).unwrap_or_else(|| {
        let now = js_sys::Date::new_0();
        NaiveDate::from_ymd_opt(now.get_full_year() as i32, now.get_month() + 1, now.get_date())
            .expect("the browser's date is valid")
    })
}

/// A string state's setter as a callback.
pub(crate) fn imposta(s: &UseStateHandle<String>) -> Callback<String> {
    let s = s.clone();
    Callback::from(move |v| s.set(v))
}

/// The tool.
#[function_component(App)]
pub fn app() -> Html {
    let contesto =
        use_memo((), |_| Contesto::da_frammento(&gloo::utils::window().location().hash().unwrap_or_default()));
    let oggi = oggi();
    let seconda = use_state(|| contesto.seconda);
    let identificativo = use_state(|| {
        if contesto.cartella() {
            Identificativo::IdentificativoCartella
        } else {
            Identificativo::NumeroComunicazione
        }
    });
    let numero = use_state(String::new);
    let codice_fiscale = use_state(String::new);
    let protocollo = use_state(String::new);
    let testo = use_state(String::new);
    let scelti = use_state(Scelti::default);
    let scegli_richiesta = |valore: bool| {
        let seconda = seconda.clone();
        Callback::from(move |_: Event| seconda.set(valore))
    };
    html! {
        <div class="richiesta-app" data-pronto="si">
            { for contesto.canale.iter().map(|canale| html! {
                <aside class="callout dal-percorso" role="note">
                    <p class="callout-title">{"Dal percorso guidato"}</p>
                    <p>{"Canale consigliato: "}<strong>{ canale }</strong>{"."}
                    { for contesto.termine.iter().map(|(cosa, data)| html! {
                        <>{" Prossima scadenza: "}<strong data-termine={data.to_string()}>{ format!("{cosa}, {}", civis_richiesta::contesto::data_italiana(*data)) }</strong>{"."}</>
                    }) }</p>
                    { for contesto.percorso.iter().map(|p| html! {
                        <p class="non-stampare"><a href={format!("../assistente/index.html#{p}")}>{"Torna al risultato del percorso guidato"}</a></p>
                    }) }
                </aside>
            }) }
            <fieldset class="scelta-richiesta non-stampare">
                <legend>{"Quale richiesta prepari?"}</legend>
                <label><input type="radio" name="richiesta" checked={!*seconda} onchange={scegli_richiesta(false)} />
                    {" La prima richiesta (senza allegati)"}</label>
                <label><input type="radio" name="richiesta" checked={*seconda} onchange={scegli_richiesta(true)} />
                    {" La seconda richiesta, dopo la chiusura della prima (con allegati, dall'11 maggio 2026)"}</label>
            </fieldset>
            <Atto identificativo={*identificativo} scegli={{ let i = identificativo.clone(); Callback::from(move |v| i.set(v)) }}
                numero={(*numero).clone()} cambia_numero={imposta(&numero)}
                codice_fiscale={(*codice_fiscale).clone()} cambia_codice_fiscale={imposta(&codice_fiscale)}
                seconda={*seconda} protocollo={(*protocollo).clone()} cambia_protocollo={imposta(&protocollo)} {oggi} />
            <Testo testo={(*testo).clone()} cambia={imposta(&testo)} />
            <Allegati seconda={*seconda} scelti={(*scelti).clone()} cambia={{ let s = scelti.clone(); Callback::from(move |v| s.set(v)) }} />
            <Riepilogo contesto={(*contesto).clone()} identificativo={*identificativo} numero={(*numero).clone()}
                codice_fiscale={(*codice_fiscale).clone()} seconda={*seconda} protocollo={(*protocollo).clone()}
                testo={(*testo).clone()} scelti={(*scelti).clone()} {oggi} />
        </div>
    }
}
