//! The result, in the order the view gives it: the answer to the goal (what to do, by which day, through which
//! channel, or that the day has passed), the other deadlines by date, one block of warnings, the procedure, the
//! checks on the act, the pages and the laws to read, the answers given; then print, calendar, link and restart.

use chrono::NaiveDate;
use civis_engine::consiglio::CanaleConsigliato;
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

/// Answers that cannot be used at all (no rule covers them); `messaggio` says what is wrong, in Italian. A plain
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

/// "Mancano N giorni", "scade oggi", "scaduto": for deadlines only, never for checks. The days count to the day
/// to act by; when only the prudent day has passed, act at once.
fn giorni_rimanenti(s: &Scadenza) -> String {
    match s.giorni_rimanenti {
        Some(g) if g < 0 && s.scaduta == Some(false) => "agisci oggi: il giorno più prudente è passato".into(),
        Some(g) if g < 0 => "scaduto".into(),
        Some(0) => "scade oggi".into(),
        Some(1) => "manca 1 giorno".into(),
        Some(g) => format!("mancano {g} giorni"),
        None => String::new(),
    }
}

/// A deadline or a check with its day to act by, what to read beside it and how it was computed.
fn scadenza(s: &Scadenza, notifica: Option<&String>) -> Html {
    let verifica = s.tipo == TipoScadenza::Verifica;
    html! {
        <div class={if verifica { "scadenza verifica" } else { "scadenza" }} data-scadenza={s.id.clone()} data-data={s.entro().map(|d| d.to_string()).unwrap_or_default()}>
            <h3>{ &s.titolo }</h3>
            if !verifica {
                { for s.entro().map(|d| html! {
                    <p class="data-scadenza"><strong>{ data_estesa(d) }</strong>{" · "}{ giorni_rimanenti(s) }</p>
                }) }
            }
            { prudenza(s) }
            { calcolo(s, notifica) }
        </div>
    }
}

/// The lines to read beside a date (the other reading's last day, the note), visible and printed.
fn prudenza(s: &Scadenza) -> Html {
    html! { <>{ for civis_vista::esito::prudenza(s).into_iter().map(|r| html! { <p class="prudenza">{ r }</p> }) }</> }
}

/// How a date was found, in a disclosure.
fn calcolo(s: &Scadenza, notifica: Option<&String>) -> Html {
    let verifica = s.tipo == TipoScadenza::Verifica;
    html! {
        <details>
            <summary>{ if verifica { "Come abbiamo fatto il controllo" } else { "Come abbiamo calcolato la data" } }</summary>
            <ol>{ for s.calcolo.iter().map(|r| html! { <li>{ r }</li> }) }</ol>
            <p class="fonte">{ format!("Fonte: {}", s.fonte) }</p>
            { for notifica.filter(|_| s.data.is_some() && !verifica).map(|n| html! {
                <p><em>{ format!("Sulla data di notifica: {n}") }</em></p>
            }) }
        </details>
    }
}

/// A channel: its guidance page and, where there is one, the official service (a plain link, never loaded).
fn canale(k: &CanaleConsigliato, principale: bool) -> Html {
    html! {
        <>
            <a class={principale.then_some("pulsante")} data-canale={k.id.clone()} href={pagina_da_app(&k.pagina)}>{ &k.titolo }</a>
            { for k.servizio.iter().map(|s| html! { <>{" "}<a class="servizio" href={s.url.clone()} rel="noreferrer">{ &s.testo }</a></> }) }
        </>
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

/// The block that answers the goal, first on the page.
fn risposta(e: &VistaEsito, notifica: Option<&String>) -> Html {
    let r = &e.risposta;
    html! {
        <section class={if r.scaduta { "risposta scaduta" } else { "risposta" }} aria-labelledby="risposta-titolo"
            data-principale={r.principale.clone().unwrap_or_default()}
            data-scadenza={r.scadenza.as_ref().map(|s| s.id.clone())}
            data-data={r.scadenza.as_ref().and_then(|s| s.entro()).map(|d| d.to_string())}>
            <h2 id="risposta-titolo" class="nascosto">{"La risposta"}</h2>
            <p class="frase"><strong>{ &r.frase }</strong></p>
            { for r.ritardo.iter().map(|x| html! { <p class="ritardo">{ x }</p> }) }
            { for r.scadenza.as_ref().filter(|s| s.data.is_some()).map(|s| html! {
                if s.scaduta != Some(true) { <p class="giorni">{ giorni_rimanenti(s) }</p> }
            }) }
            { for r.prudenza.iter().map(|x| html! { <p class="prudenza">{ x }</p> }) }
            { for r.scadenza.as_ref().filter(|s| s.data.is_some()).map(|s| calcolo(s, notifica)) }
            { for r.canale.iter().map(|k| html! { <p class="canale">{"Canale: "}{ canale(k, true) }</p> }) }
            if !r.puoi_anche.is_empty() {
                <h3 class="puoi-anche-titolo">{"Puoi anche"}</h3>
                <ul class="puoi-anche">{ for r.puoi_anche.iter().map(|a| html! {
                    <li>
                        { canale(&a.canale, false) }
                        { for a.entro.iter().map(|x| html! { <><br /><span class="entro">{ x }</span></> }) }
                        { for a.canale.avvertenza.iter().map(|x| html! { <><br /><span class="avvertenza">{ x }</span></> }) }
                    </li>
                }) }</ul>
            }
            { for e.richiesta.iter().map(|f| html! {
                <p class="prepara"><a class="secondario" data-richiesta="si" href={format!("{}#{f}", pagina_da_app(RICHIESTA))}>{"Prepara la richiesta CIVIS: controlla numeri, testo e allegati"}</a></p>
            }) }
        </section>
    }
}

/// The result page.
#[function_component(Esito)]
pub fn esito(p: &EsitoProps) -> Html {
    let e = &p.esito;
    let c = &e.consiglio;
    let da_esportare: Vec<Scadenza> = e.risposta.scadenza.iter().chain(&e.altre).cloned().collect();
    let ics = civis_vista::calendario::calendario(&da_esportare, p.oggi);
    let calendario = Callback::from(move |_: MouseEvent| scarica("scadenze-civis.ics", "text/calendar", &ics));
    let stampa = Callback::from(|_: MouseEvent| {
        let _ = gloo::utils::window().print();
    });
    let copiato = use_state(|| false);
    let copia = copia_link(copiato.clone());
    let nota_notifica = c.notifica.as_ref().and_then(|n| n.nota.as_ref());
    let indirizzo = gloo::utils::window().location().href().unwrap_or_default();
    let da_fare = civis_vista::calendario::da_esportare(&da_esportare, p.oggi);
    html! {
        <div class="esito" data-esito={c.esito.clone()}>
            <h1 id="domanda" tabindex="-1">{"Che cosa fare"}</h1>
            <p class="solo-stampa">{ format!("Stampato il {} da {indirizzo}", data_estesa(p.oggi)) }</p>
            { risposta(e, nota_notifica) }
            if !e.altre.is_empty() {
                <section><h2>{"Le altre scadenze"}</h2>{ for e.altre.iter().map(|s| scadenza(s, nota_notifica)) }</section>
            }
            if !e.avvisi.is_empty() {
                <section class="avvisi">
                    <aside class="callout callout-attenzione" role="note" aria-labelledby="avvisi-titolo">
                        <h2 id="avvisi-titolo" class="callout-title">{"Attenzione"}</h2>
                        <ul>{ for e.avvisi.iter().map(|a| html! { <li data-avviso={a.id.clone()}>{ &a.testo }</li> }) }</ul>
                    </aside>
                </section>
            }
            <section><h2>{"Come procedere"}</h2><ol class="procedura">{ for c.passi.iter().map(|x| html! { <li>{ x }</li> }) }</ol></section>
            if !e.verifiche.is_empty() {
                <section class="verifiche"><h2>{"Controlli sull'atto"}</h2>{ for e.verifiche.iter().map(|s| scadenza(s, nota_notifica)) }</section>
            }
            { for c.sanzione_ridotta.iter().map(|s| html! {
                <section><h2>{"Sanzione ridotta"}</h2><p>{ &s.testo }{" "}<span class="fonte">{ format!("({})", s.fonte) }</span></p></section>
            }) }
            <section class="da-leggere"><h2>{"Da leggere"}</h2>
                <ul>{ for e.pagine.iter().map(|x| html! { <li><a href={pagina_da_app(&x.pagina)}>{ &x.titolo }</a></li> }) }</ul>
                if !e.fonti.is_empty() {
                    <h3>{"I testi di legge"}</h3>
                    <ul class="fonti">{ for e.fonti.iter().map(|f| html! { <li><a href={f.url.clone()} rel="noreferrer">{ &f.nome }</a>{": "}{ &f.titolo }</li> }) }</ul>
                }
            </section>
            { crate::domanda::avanzamento(&p.progresso) }
            <div class="azioni non-stampare">
                <button type="button" class="pulsante" onclick={stampa}>{"Stampa"}</button>
                if da_fare > 0 {
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
