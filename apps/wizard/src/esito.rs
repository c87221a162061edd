//! The result: the recommended channel first, each deadline with its date, weekday, days left and how it was
//! computed, the procedure, the warnings; print, calendar file and restart.

use chrono::NaiveDate;
use civis_engine::modello::TipoScadenza;
use civis_engine::scadenza::Scadenza;
use civis_engine::testo::data_estesa;
use civis_vista::url::{pagina_da_app, RICHIESTA};
use civis_vista::VistaEsito;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// The result's inputs.
#[derive(Properties, PartialEq)]
#[allow(unreachable_pub)] // Yew's #[function_component] makes the component, and so its props, public
pub struct EsitoProps {
    /// The outcome, as the view gives it.
    pub esito: VistaEsito,
    /// The answers given, shown after the outcome.
    pub progresso: civis_vista::Progresso,
    /// Today.
    pub oggi: NaiveDate,
}

/// Answers that cannot be used (a link edited by hand); `messaggio` says what is wrong, in Italian. A plain
/// function, like `domanda::avanzamento`.
pub(crate) fn errore(messaggio: &str) -> Html {
    html! {
        <div class="esito-errore">
            <h1 id="domanda" tabindex="-1">{"Controlla le risposte"}</h1>
            <p class="errore" role="alert">{ messaggio }</p>
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

/// "Mancano N giorni", "scade oggi", "scaduto": for deadlines only, never for checks.
fn giorni_rimanenti(g: Option<i64>) -> String {
    match g {
        Some(g) if g < 0 => "scaduto".into(),
        Some(0) => "scade oggi".into(),
        Some(1) => "manca 1 giorno".into(),
        Some(g) => format!("mancano {g} giorni"),
        None => String::new(),
    }
}

/// A deadline or a check with its date, its one-line note and how it was computed.
fn scadenza(s: &Scadenza, notifica: Option<&String>) -> Html {
    let verifica = s.tipo == TipoScadenza::Verifica;
    html! {
        <div class={classes!("scadenza", verifica.then_some("verifica"))} data-scadenza={s.id.clone()} data-data={s.data.map(|d| d.to_string()).unwrap_or_default()}>
            <h3>{ &s.titolo }</h3>
            if verifica {
                { for s.in_breve.iter().map(|b| html! { <p class="in-breve">{ b }</p> }) }
            } else {
                { for s.data.map(|d| html! {
                    <p class="data-scadenza"><strong>{ data_estesa(d) }</strong>{" · "}{ giorni_rimanenti(s.giorni_rimanenti) }</p>
                }) }
                { for s.in_breve.iter().map(|b| html! { <p class="in-breve">{ b }</p> }) }
            }
            <details>
                <summary>{ if verifica { "Come abbiamo fatto il controllo" } else { "Come abbiamo calcolato la data" } }</summary>
                <ol>{ for s.calcolo.iter().map(|r| html! { <li>{ r }</li> }) }</ol>
                <p class="fonte">{ format!("Fonte: {}", s.fonte) }</p>
                { for s.nota.iter().map(|n| html! { <p><em>{ n }</em></p> }) }
                { for notifica.filter(|_| s.data.is_some() && !verifica).map(|n| html! {
                    <p><em>{ format!("Sulla data di notifica: {n}") }</em></p>
                }) }
            </details>
        </div>
    }
}

/// Copies the current address (the state is in the fragment) and says so.
fn copia_link(fatto: UseStateHandle<bool>) -> Callback<MouseEvent> {
    Callback::from(move |_: MouseEvent| {
        let href = gloo::utils::window().location().href().unwrap_or_default();
        let _ = gloo::utils::window().navigator().clipboard().write_text(&href);
        fatto.set(true);
    })
}

/// The result page: the recommended channel and the nearest deadline first, then the warnings, the deadlines, the
/// checks on the act, the procedure, the answers given (with "Cambia") and the actions.
#[function_component(Esito)]
pub fn esito(p: &EsitoProps) -> Html {
    let e = &p.esito;
    let c = &e.consiglio;
    let ics = crate::ics::calendario(&e.termini, p.oggi);
    let calendario = Callback::from(move |_: MouseEvent| scarica("scadenze-civis.ics", "text/calendar", &ics));
    let stampa = Callback::from(|_: MouseEvent| {
        let _ = gloo::utils::window().print();
    });
    let copiato = use_state(|| false);
    let copia = copia_link(copiato.clone());
    let nota_notifica = c.notifica.as_ref().and_then(|n| n.nota.as_ref());
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
                    { for e.prossima.iter().map(|s| html! {
                        <p class="prossima" data-prossima={s.id.clone()}>{"Prossima scadenza: "}<strong>{ &s.titolo }</strong>{" — "}
                            <strong>{ s.data.map(data_estesa).unwrap_or_default() }</strong>{" · "}{ giorni_rimanenti(s.giorni_rimanenti) }
                            { for s.in_breve.iter().map(|b| html! { <><br /><span class="in-breve">{ b }</span></> }) }</p>
                    }) }
                </section>
            }) }
            { for e.richiesta.iter().map(|f| html! {
                <p class="prepara"><a class="secondario" data-richiesta="si" href={format!("{}#{f}", pagina_da_app(RICHIESTA))}>{"Prepara la richiesta CIVIS: controlla numeri, testo e allegati"}</a></p>
            }) }
            if !c.avvisi.is_empty() {
                <section class="avvisi" aria-label="Attenzione">
                    { for c.avvisi.iter().map(|a| html! {
                        <aside class="callout callout-attenzione" role="note" data-avviso={a.id.clone()}><p class="callout-title">{"Attenzione"}</p><p>{ &a.testo }</p></aside>
                    }) }
                </section>
            }
            if !e.termini.is_empty() {
                <section><h2>{"Scadenze"}</h2>{ for e.termini.iter().map(|s| scadenza(s, nota_notifica)) }</section>
            }
            if !e.verifiche.is_empty() {
                <section class="verifiche"><h2>{"Controlli sull'atto"}</h2>{ for e.verifiche.iter().map(|s| scadenza(s, nota_notifica)) }</section>
            }
            { for c.sanzione_ridotta.iter().map(|s| html! {
                <section><h2>{"Sanzione ridotta"}</h2><p>{ &s.testo }{" "}<span class="fonte">{ format!("({})", s.fonte) }</span></p></section>
            }) }
            <section><h2>{"Come procedere"}</h2><ol class="procedura">{ for c.passi.iter().map(|x| html! { <li>{ x }</li> }) }</ol></section>
            <section class="da-leggere"><h2>{"Da leggere"}</h2><ul>{ for e.pagine.iter().map(|x| html! { <li><a href={pagina_da_app(&x.pagina)}>{ &x.titolo }</a></li> }) }</ul></section>
            { crate::domanda::avanzamento(&p.progresso) }
            <div class="azioni non-stampare">
                <button type="button" class="pulsante" onclick={stampa}>{"Stampa"}</button>
                if e.termini.iter().any(|s| s.data.is_some()) {
                    <button type="button" class="secondario" onclick={calendario}>{"Aggiungi al calendario"}</button>
                }
                <button type="button" class="secondario" onclick={copia}>{"Copia il link"}</button>
                <a class="secondario" href="#">{"Ricomincia"}</a>
                <a class="secondario" href={pagina_da_app("")}>{"Torna alla guida"}</a>
            </div>
            <p class="non-stampare aiuto" aria-live="polite">
                { if *copiato { "Link copiato. " } else { "" } }
                {"Il link contiene le tue risposte e le tue date: resta sul tuo dispositivo finché non lo invii a qualcuno."}
            </p>
        </div>
    }
}
