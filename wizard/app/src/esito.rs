//! The result, in the order the view gives it: the answer to the goal (what to do, by which day, through which
//! channel, or that the day has passed), the other deadlines by date, one block of warnings, the procedure, the
//! checks on the act, the pages and the laws to read, the answers given; then print, calendar, link and restart.

use chrono::NaiveDate;
use civis_engine::consiglio::CanaleConsigliato;
use civis_engine::modello::TipoScadenza;
use civis_engine::scadenza::Scadenza;
use civis_vista::url::RICHIESTA;
use civis_vista::P;
use civis_vista::{Parole, VistaEsito};
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
    /// In another language than Italian, the same outcome and answers in Italian, printed beside it for whoever
    /// helps the person.
    pub italiano: Option<(VistaEsito, civis_vista::Progresso)>,
}

/// Answers that cannot be used at all (no rule covers them); `messaggio` says what is wrong, in Italian. A plain
/// function, like `domanda::avanzamento`.
pub(crate) fn errore(messaggio: &str) -> Html {
    let t = crate::stato::parole();
    html! {
        <div class="esito-errore">
            <h1 id="domanda" tabindex="-1">{ t.t(P::Controlla) }</h1>
            <p class="errore" role="alert">{ crate::lingua::in_italiano(messaggio, P::MessaggioItaliano) }</p>
            <p><a href={crate::stato::href(&Default::default())}>{ t.t(P::Ricomincia) }</a></p>
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
fn giorni_rimanenti(s: &Scadenza, t: &Parole) -> String {
    match s.giorni_rimanenti {
        Some(g) if g < 0 && s.scaduta == Some(false) => t.t(P::GiorniPassatoPrudente).into(),
        Some(g) if g < 0 => t.t(P::GiorniScaduto).into(),
        Some(0) => t.t(P::GiorniOggi).into(),
        Some(1) => t.t(P::GiorniUno).into(),
        Some(g) => t.f(P::GiorniMolti, &[("giorni", &g.to_string())]),
        None => String::new(),
    }
}

/// A deadline or a check with its day to act by, what to read beside it and how it was computed.
fn scadenza(s: &Scadenza, notifica: Option<&String>, t: &Parole) -> Html {
    let verifica = s.tipo == TipoScadenza::Verifica;
    html! {
        <div class={if verifica { "scadenza verifica" } else { "scadenza" }} data-scadenza={s.id.clone()} data-data={s.entro().map(|d| d.to_string()).unwrap_or_default()}>
            <h3>{ &s.titolo }</h3>
            if !verifica {
                { for s.entro().map(|d| html! {
                    <p class="data-scadenza"><strong>{ t.data(d) }</strong>{" · "}{ giorni_rimanenti(s, t) }</p>
                }) }
            }
            { prudenza(&civis_vista::esito::prudenza(s, t)) }
            { calcolo(s, notifica, t) }
        </div>
    }
}

/// The lines to read beside a date (the other reading's last day, the note), visible and printed.
fn prudenza(righe: &[civis_vista::esito::Riga]) -> Html {
    let riga = |r: &civis_vista::esito::Riga| {
        html! {
            <p class="prudenza" lang={r.in_italiano.then_some("it")}>{ &r.testo }</p>
        }
    };
    html! { <>{ for righe.iter().map(riga) }</> }
}

/// How a date was found, in a disclosure, step by step in the reader's words; a step the language does not
/// have is the engine's Italian, marked, and the heading says so.
fn calcolo(s: &Scadenza, notifica: Option<&String>, t: &Parole) -> Html {
    let verifica = s.tipo == TipoScadenza::Verifica;
    let righe: Vec<civis_vista::Riga> =
        s.calcolo.iter().map(|p| t.frase(Some(p), &civis_engine::testo::Frase::messaggio(p), false)).collect();
    let titolo = t.t(if verifica { P::ComeControllo } else { P::ComeCalcolo });
    let titolo = match righe.iter().any(|r| r.in_italiano) {
        true => format!("{titolo} ({})", t.t(P::InItaliano)),
        false => titolo.to_string(),
    };
    html! {
        <details>
            <summary>{ titolo }</summary>
            <ol>{ for righe.iter().map(|r| html! { <li lang={r.in_italiano.then_some("it")}>{ &r.testo }</li> }) }</ol>
            <p class="fonte">{ t.f(P::Fonte, &[("fonte", &s.fonte)]) }</p>
            { for notifica.filter(|_| s.data.is_some() && !verifica).map(|n| html! {
                <p><em>{ t.f(P::SullaNotifica, &[("nota", n)]) }</em></p>
            }) }
        </details>
    }
}

/// A channel: its guidance page and, where there is one, the official service (a plain link, never loaded).
fn canale(k: &CanaleConsigliato, principale: bool, t: &Parole) -> Html {
    html! {
        <>
            <a class={principale.then_some("pulsante")} data-canale={k.id.clone()} href={crate::lingua::link(t, &k.pagina)}>{ &k.titolo }</a>
            { for k.servizio.iter().map(|s| html! { <>{" "}<a class="servizio" href={s.url.clone()} rel="noreferrer">{ &s.testo }</a></> }) }
        </>
    }
}

/// Copies the current address (the state is in the fragment) and says so.
fn copia_link(fatto: UseStateHandle<Option<P>>) -> Callback<MouseEvent> {
    Callback::from(move |_: MouseEvent| {
        let href = gloo::utils::window().location().href().unwrap_or_default();
        let _ = gloo::utils::window().navigator().clipboard().write_text(&href);
        fatto.set(Some(P::LinkCopiato));
    })
}

/// Copies the outcome as text, in the reader's language and, below it, in Italian, and says so.
fn copia_riepilogo(testo: String, fatto: UseStateHandle<Option<P>>) -> Callback<MouseEvent> {
    Callback::from(move |_: MouseEvent| {
        let _ = gloo::utils::window().navigator().clipboard().write_text(&testo);
        fatto.set(Some(P::RiepilogoCopiato));
    })
}

/// The block that answers the goal, first on the page.
fn risposta(e: &VistaEsito, notifica: Option<&String>, t: &Parole) -> Html {
    let r = &e.risposta;
    html! {
        <section class={if r.scaduta { "risposta scaduta" } else { "risposta" }}
            data-principale={r.principale.clone().unwrap_or_default()}
            data-scadenza={r.scadenza.as_ref().map(|s| s.id.clone())}
            data-data={r.scadenza.as_ref().and_then(|s| s.entro()).map(|d| d.to_string())}>
            <h2 class="nascosto">{ t.t(P::LaRisposta) }</h2>
            <p class="frase"><strong>{ &r.frase }</strong></p>
            { for r.ritardo.iter().map(|x| html! { <p class="ritardo">{ x }</p> }) }
            { for r.scadenza.as_ref().filter(|s| s.data.is_some()).map(|s| html! {
                if s.scaduta != Some(true) { <p class="giorni">{ giorni_rimanenti(s, t) }</p> }
            }) }
            { prudenza(&r.prudenza) }
            { for r.scadenza.as_ref().filter(|s| s.data.is_some()).map(|s| calcolo(s, notifica, t)) }
            { for r.canale.iter().map(|k| html! { <p class="canale">{ t.t(P::Canale) }{ canale(k, true, t) }</p> }) }
            if !r.puoi_anche.is_empty() {
                <h3 class="puoi-anche-titolo">{ t.t(P::PuoiAnche) }</h3>
                <ul class="puoi-anche">{ for r.puoi_anche.iter().map(|a| html! {
                    <li>
                        { canale(&a.canale, false, t) }
                        { for a.entro.iter().map(|x| html! { <><br /><span class="entro">{ x }</span></> }) }
                        { for a.canale.avvertenza.iter().map(|x| html! { <><br /><span class="avvertenza">{ x }</span></> }) }
                    </li>
                }) }</ul>
            }
            { for e.richiesta.iter().map(|f| html! {
                <p class="prepara"><a class="secondario" data-richiesta="si" href={format!("{}#{f}", crate::stato::pagina(RICHIESTA))}>{ t.t(P::Prepara) }</a></p>
            }) }
        </section>
    }
}

/// The outcome's sections after the answer, in the words of `t`: the other deadlines, the warnings, the procedure,
/// the checks, the reduced sanction, the pages and laws to read, the answers given.
fn sezioni(e: &VistaEsito, progresso: &civis_vista::Progresso, t: &Parole) -> Html {
    let c = &e.consiglio;
    let notifica = c.notifica.as_ref().and_then(|n| n.nota.as_ref());
    html! {
        <>
            { risposta(e, notifica, t) }
            if !e.altre.is_empty() {
                <section><h2>{ t.t(P::AltreScadenze) }</h2>{ for e.altre.iter().map(|s| scadenza(s, notifica, t)) }</section>
            }
            if !e.avvisi.is_empty() {
                <section class="avvisi">
                    <aside class="callout callout-attenzione" role="note">
                        <h2 class="callout-title">{ t.t(P::Attenzione) }</h2>
                        <ul>{ for e.avvisi.iter().map(|a| html! { <li data-avviso={a.id.clone()}>{ &a.testo }</li> }) }</ul>
                    </aside>
                </section>
            }
            <section><h2>{ t.t(P::ComeProcedere) }</h2><ol class="procedura">{ for c.passi.iter().map(|x| html! { <li>{ x }</li> }) }</ol></section>
            if !e.verifiche.is_empty() {
                <section class="verifiche"><h2>{ t.t(P::Controlli) }</h2>{ for e.verifiche.iter().map(|s| scadenza(s, notifica, t)) }</section>
            }
            { for c.sanzione_ridotta.iter().map(|s| html! {
                <section><h2>{ t.t(P::SanzioneRidotta) }</h2><p>{ &s.testo }{" "}<span class="fonte">{ format!("({})", s.fonte) }</span></p></section>
            }) }
            <section class="da-leggere"><h2>{ t.t(P::DaLeggere) }</h2>
                <ul>{ for e.pagine.iter().map(|x| html! { <li><a href={crate::lingua::link(t, &x.pagina)}>{ &x.titolo }</a>{ for (!t.italiane() && crate::stato::solo_in_italiano(&x.pagina)).then(|| html! { <>{" ("}{ t.t(P::InItaliano) }{")"}</> }) }</li> }) }</ul>
                if !e.fonti.is_empty() {
                    <h3>{ t.t(P::TestiDiLegge) }</h3>
                    <ul class="fonti">{ for e.fonti.iter().map(|f| html! { <li><a href={f.url.clone()} rel="noreferrer" hreflang="it">{ &f.nome }</a>{": "}<span lang="it">{ &f.titolo }</span></li> }) }</ul>
                }
            </section>
            { crate::domanda::avanzamento_con(progresso, t) }
        </>
    }
}

/// The result page. In another language than Italian, the same outcome in Italian follows it on paper, in a
/// second column, so a help desk can act on it; the copied summary carries both.
#[function_component(Esito)]
pub fn esito(p: &EsitoProps) -> Html {
    let t = crate::stato::parole();
    let e = &p.esito;
    let c = &e.consiglio;
    let da_esportare: Vec<Scadenza> = e.risposta.scadenza.iter().chain(&e.altre).cloned().collect();
    let ics = civis_vista::calendario::calendario(&da_esportare, p.oggi, t);
    let calendario = Callback::from(move |_: MouseEvent| scarica("scadenze-civis.ics", "text/calendar", &ics));
    let stampa = Callback::from(|_: MouseEvent| {
        let _ = gloo::utils::window().print();
    });
    let fatto = use_state(|| None);
    let copia = copia_link(fatto.clone());
    let italiano = Parole::italiano();
    let mut testo = civis_vista::riepilogo::riepilogo(e, &p.progresso, t);
    if let Some((e_it, progresso_it)) = &p.italiano {
        testo = format!(
            "{testo}\n\n{}\n\n{}",
            t.t(P::PerOperatore),
            civis_vista::riepilogo::riepilogo(e_it, progresso_it, &italiano)
        );
    }
    let riepilogo = copia_riepilogo(testo, fatto.clone());
    let indirizzo = gloo::utils::window().location().href().unwrap_or_default();
    let da_fare = civis_vista::calendario::da_esportare(&da_esportare, p.oggi);
    let stampato = t.f(P::Stampato, &[("data", &t.data(p.oggi)), ("indirizzo", &indirizzo)]);
    html! {
        <div class="esito" data-esito={c.esito.clone()}>
            <h1 id="domanda" tabindex="-1">{ t.t(P::CheCosaFare) }</h1>
            <p class="solo-stampa">{ stampato }</p>
            <div class={if p.italiano.is_some() { "bilingue" } else { "" }}>
                <div class="esito-lingua">{ sezioni(e, &p.progresso, t) }</div>
                { for p.italiano.iter().map(|(e_it, progresso_it)| html! {
                    <div class="esito-italiano" lang="it">
                        <h2 class="per-operatore">{ t.t(P::PerOperatore) }</h2>
                        { sezioni(e_it, progresso_it, &italiano) }
                    </div>
                }) }
            </div>
            <div class="azioni non-stampare">
                <button type="button" class="pulsante" onclick={stampa}>{ t.t(P::Stampa) }</button>
                if da_fare > 0 {
                    <button type="button" class="secondario" onclick={calendario}>{ t.t(P::Calendario) }</button>
                }
                <button type="button" class="secondario" onclick={copia}>{ t.t(P::CopiaLink) }</button>
                <button type="button" class="secondario" data-copia="riepilogo" onclick={riepilogo}>{ t.t(P::CopiaRiepilogo) }</button>
                <a class="secondario" href={crate::stato::href(&Default::default())}>{ t.t(P::Ricomincia) }</a>
                <a class="secondario" href={crate::lingua::link(t, "")}>{ t.t(P::Torna) }</a>
            </div>
            <p class="non-stampare aiuto" aria-live="polite">
                { fatto.map_or("", |p| t.t(p)) }
                { t.t(P::LinkPrivato) }
            </p>
        </div>
    }
}
