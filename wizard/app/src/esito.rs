//! The result: the recommended channel first, each deadline with its date, weekday, days left and how it was
//! computed, the procedure, the warnings; print, calendar file and restart.

use chrono::NaiveDate;
use civis_engine::testo::data_estesa;
use civis_vista::url::pagina_da_app;
use civis_vista::VistaEsito;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// The result's inputs.
#[derive(Properties, PartialEq)]
#[allow(unreachable_pub)] // Yew's #[function_component] makes the component, and so its props, public
pub struct EsitoProps {
    /// The outcome, as the view gives it.
    pub esito: VistaEsito,
    /// Today.
    pub oggi: NaiveDate,
}

/// The error screen's inputs.
#[derive(Properties, PartialEq)]
#[allow(unreachable_pub)] // Yew's #[function_component] makes the component, and so its props, public
pub struct ErroreProps {
    /// What is wrong with the answers, in Italian.
    pub messaggio: String,
}

/// Answers that cannot be used (a link edited by hand).
#[function_component(Errore)]
pub fn errore(p: &ErroreProps) -> Html {
    html! {
        <div class="esito-errore">
            <h1 id="domanda" tabindex="-1">{"Controlla le risposte"}</h1>
            <p class="errore" role="alert">{ &p.messaggio }</p>
            <p><a href="#">{"Ricomincia"}</a></p>
        </div>
    }
}

/// Downloads a file made in the browser.
fn scarica(nome: &str, tipo: &str, testo: &str) {
    let parti = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(testo));
    let opzioni = web_sys::BlobPropertyBag::new();
    opzioni.set_type(tipo);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parti, &opzioni) else { return };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else { return };
    if let Ok(a) = gloo::utils::document().create_element("a") {
        let a: web_sys::HtmlAnchorElement = a.unchecked_into();
        a.set_href(&url);
        a.set_download(nome);
        a.click();
    }
    let _ = web_sys::Url::revoke_object_url(&url);
}

/// The result page.
#[function_component(Esito)]
pub fn esito(p: &EsitoProps) -> Html {
    let c = &p.esito.consiglio;
    let ics = crate::ics::calendario(&c.scadenze, p.oggi);
    let calendario = Callback::from(move |_: MouseEvent| scarica("scadenze-civis.ics", "text/calendar", &ics));
    let stampa = Callback::from(|_: MouseEvent| {
        let _ = gloo::utils::window().print();
    });
    let primo = c.canali.first();
    html! {
        <div class="esito" data-esito={c.esito.clone()}>
            <h1 id="domanda" tabindex="-1">{"Che cosa fare"}</h1>
            { for primo.map(|k| html! {
                <section class="canale-principale">
                    <h2>{"Canale consigliato"}</h2>
                    <p class="canale"><a class="pulsante" data-canale={k.id.clone()} href={pagina_da_app(&k.pagina)}>{ &k.titolo }</a></p>
                    if c.canali.len() > 1 {
                        <p>{"In alternativa: "}{ for c.canali[1..].iter().map(|a| html! {
                            <><a data-canale={a.id.clone()} href={pagina_da_app(&a.pagina)}>{ &a.titolo }</a>{"; "}</>
                        }) }</p>
                    }
                </section>
            }) }
            if !c.avvisi.is_empty() {
                <section class="avvisi" aria-label="Attenzione">
                    { for c.avvisi.iter().map(|a| html! {
                        <aside class="callout callout-attenzione" role="note" data-avviso={a.id.clone()}><p class="callout-title">{"Attenzione"}</p><p>{ &a.testo }</p></aside>
                    }) }
                </section>
            }
            if !c.scadenze.is_empty() {
                <section>
                    <h2>{"Scadenze"}</h2>
                    { for c.scadenze.iter().map(|s| html! {
                        <div class="scadenza" data-scadenza={s.id.clone()} data-data={s.data.map(|d| d.to_string()).unwrap_or_default()}>
                            <h3>{ &s.titolo }</h3>
                            { for s.data.map(|d| html! {
                                <p class="data-scadenza"><strong>{ data_estesa(d) }</strong>{" · "}
                                { match s.giorni_rimanenti { Some(g) if g < 0 => "scaduto".to_string(), Some(0) => "scade oggi".into(),
                                    Some(1) => "manca 1 giorno".into(), Some(g) => format!("mancano {g} giorni"), None => String::new() } }</p>
                            }) }
                            <details>
                                <summary>{"Come abbiamo calcolato la data"}</summary>
                                <ol>{ for s.calcolo.iter().map(|r| html! { <li>{ r }</li> }) }</ol>
                                <p class="fonte">{ format!("Fonte: {}", s.fonte) }</p>
                                { for s.nota.iter().map(|n| html! { <p><em>{ n }</em></p> }) }
                                { for c.notifica.iter().filter_map(|n| n.nota.as_ref()).filter(|_| s.data.is_some() && s.id != "decadenza_cartella").map(|n| html! {
                                    <p><em>{ format!("Sulla data di notifica: {n}") }</em></p>
                                }) }
                            </details>
                        </div>
                    }) }
                </section>
            }
            { for c.sanzione_ridotta.iter().map(|s| html! {
                <section><h2>{"Sanzione ridotta"}</h2><p>{ &s.testo }{" "}<span class="fonte">{ format!("({})", s.fonte) }</span></p></section>
            }) }
            <section><h2>{"Come procedere"}</h2><ol class="procedura">{ for c.passi.iter().map(|x| html! { <li>{ x }</li> }) }</ol></section>
            <section class="da-leggere"><h2>{"Da leggere"}</h2><ul>{ for p.esito.pagine.iter().map(|x| html! { <li><a href={pagina_da_app(&x.pagina)}>{ &x.titolo }</a></li> }) }</ul></section>
            <div class="azioni non-stampare">
                <button type="button" class="pulsante" onclick={stampa}>{"Stampa"}</button>
                if !c.scadenze.iter().all(|s| s.data.is_none()) {
                    <button type="button" class="secondario" onclick={calendario}>{"Aggiungi al calendario"}</button>
                }
                <a class="secondario" href="#">{"Ricomincia"}</a>
            </div>
        </div>
    }
}
