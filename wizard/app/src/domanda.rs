//! One question per screen: a choice (fieldset of radios), a date (day/month/year fields) or a number, with
//! Italian validation from the engine, errors linked to the fields and announced.

use chrono::NaiveDate;
use civis_engine::flusso::{self, Voci};
use civis_engine::modello::TipoDomanda;
use civis_engine::numero;
use civis_vista::P;
use civis_vista::{Progresso, VistaDomanda};
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// The progress indicator (stepper): the answers so far, each with a "Cambia" link that keeps the later answers.
/// A plain function rather than a component: it has no state, and each component type compiles its own copy of
/// Yew's lifecycle into the module.
pub(crate) fn avanzamento(p: &Progresso) -> Html {
    avanzamento_con(p, crate::stato::parole())
}

/// The progress in the words of `t` (the Italian copy of a result printed beside another language has its own).
pub(crate) fn avanzamento_con(p: &Progresso, t: &civis_vista::Parole) -> Html {
    if p.risposte.is_empty() {
        return html! {};
    }
    let id = if t.codice() == crate::stato::lingua() {
        "mostra-risposte".to_string()
    } else {
        format!("mostra-risposte-{}", t.codice())
    };
    let numero = p.numero.to_string();
    let date = p.risposte.len().to_string();
    html! {
        <nav class="passi-percorso" aria-label={t.t(P::Avanzamento).to_string()}>
            <p>{ if p.finito { t.t(P::LeTueRisposte).to_string() } else { t.f(P::DomandaNumero, &[("numero", &numero)]) } }</p>
            <input type="checkbox" id={id.clone()} class="mostra-risposte" />
            <label for={id}>{ t.f(P::MostraRisposte, &[("numero", &date)]) }</label>
            <ol>
            { for p.risposte.iter().map(|r| html! {
                <li><span class="domanda-fatta">{ &r.domanda }</span>{" "}<strong>{ &r.risposta }</strong>{" "}
                    <a href={crate::stato::href(&r.cambia)}>{ t.t(P::Cambia) }<span class="nascosto">{ t.f(P::CambiaLaRisposta, &[("domanda", &r.domanda)]) }</span></a></li>
            }) }
            </ol>
        </nav>
    }
}

/// The kind of answer as the page's `data-tipo` says it.
fn tipo(t: TipoDomanda) -> &'static str {
    match t {
        TipoDomanda::Scelta => "scelta",
        TipoDomanda::Data => "data",
        TipoDomanda::Anno => "anno",
        TipoDomanda::Importo => "importo",
    }
}

/// A question screen.
#[derive(Properties, PartialEq)]
#[allow(unreachable_pub)] // Yew's #[function_component] makes the component, and so its props, public
pub struct DomandaProps {
    /// The question, as the view gives it.
    pub domanda: VistaDomanda,
    /// Current answers.
    pub voci: Voci,
    /// Today.
    pub oggi: NaiveDate,
}

fn valore_di(e: &InputEvent) -> String {
    e.target_unchecked_into::<HtmlInputElement>().value()
}

/// Why an answer was not taken, in the reader's words or, marked, in the engine's Italian.
type Errore = civis_vista::Riga;

/// One of the app's own messages, in the reader's words.
fn proprio(testo: &str) -> Errore {
    Errore { testo: testo.into(), in_italiano: false }
}

/// What the person entered, in the form the engine reads: a choice's value, an ISO date, a year, an amount in
/// its canonical form (people write 1.250,50 or € 1250; the engine reads 1250.5). An empty amount is no answer.
fn valore_inserito(tipo: TipoDomanda, scelta: &str, campi: &[String; 3]) -> Result<String, Errore> {
    let t = crate::stato::parole();
    match tipo {
        TipoDomanda::Scelta if scelta.is_empty() => Err(proprio(t.t(P::Scegli))),
        TipoDomanda::Scelta => Ok(scelta.to_string()),
        TipoDomanda::Data => {
            let numeri: Vec<Option<u32>> = campi.iter().map(|c| c.trim().parse().ok()).collect();
            match numeri.as_slice() {
                [Some(g), Some(m), Some(a)] if *a >= 1000 => Ok(format!("{a:04}-{m:02}-{g:02}")),
                _ => Err(proprio(t.t(P::DataInNumeri))),
            }
        }
        TipoDomanda::Anno => Ok(campi[0].trim().to_string()),
        TipoDomanda::Importo if campi[0].trim().is_empty() => Ok(String::new()),
        TipoDomanda::Importo => numero::leggi_scritto(&campi[0])
            .map(numero::in_cifre)
            .map_err(|e| t.riga(Some(&e.motivo(&campi[0])), &e.messaggio(&campi[0]))),
    }
}

/// How the fields point at the help and the error: `aria-describedby` and `aria-invalid`.
#[derive(Clone, Copy)]
struct Aria {
    descritto: &'static str,
    invalido: &'static str,
}

/// An error as shown: the engine's Italian message, in a page in another language, introduced in that language and
/// marked as Italian.
fn messaggio(e: &Errore) -> Html {
    if e.in_italiano {
        crate::lingua::in_italiano(&e.testo, P::MessaggioItaliano)
    } else {
        html! { { &e.testo } }
    }
}

/// A text field bound to `campi[i]`.
fn campo(campi: &UseStateHandle<[String; 3]>, i: usize, id: &str, etichetta: &str, classe: &str, aria: Aria) -> Html {
    let attuale = campi[i].clone();
    let campi = campi.clone();
    let oninput = Callback::from(move |e: InputEvent| {
        let mut nuovi = (*campi).clone();
        nuovi[i] = valore_di(&e);
        campi.set(nuovi);
    });
    html! {
        <div class={format!("campo {classe}")}>
            <label for={id.to_string()}>{ etichetta }</label>
            <input id={id.to_string()} name={id.to_string()} type="text" inputmode={if classe == "importo" { "decimal" } else { "numeric" }} class={classe.to_string()}
                value={attuale} {oninput} aria-describedby={aria.descritto} aria-invalid={aria.invalido} />
        </div>
    }
}

/// The fields for the question's kind of answer: radios for a choice, day/month/year for a date, one field else.
fn corpo(d: &VistaDomanda, scelta: &UseStateHandle<String>, campi: &UseStateHandle<[String; 3]>, aria: Aria) -> Html {
    let t = crate::stato::parole();
    match d.tipo {
        TipoDomanda::Scelta => html! {
            <fieldset aria-describedby={aria.descritto}>
                <legend class="nascosto">{ &d.etichetta }</legend>
                { for d.opzioni.iter().map(|o| {
                    let id = format!("scelta-{}", o.valore);
                    let scelta2 = scelta.clone();
                    let valore = o.valore.clone();
                    let onchange = Callback::from(move |_: Event| scelta2.set(valore.clone()));
                    html! {
                        <div class="radio">
                            <input type="radio" id={id.clone()} name={d.chiave.clone()} value={o.valore.clone()} checked={**scelta == o.valore} {onchange} />
                            <label for={id}>{ &o.etichetta }{ for o.aiuto.iter().map(|a| html! { <span class="aiuto-scelta">{ a }</span> }) }</label>
                        </div>
                    }
                }) }
            </fieldset>
        },
        TipoDomanda::Data => html! {
            <fieldset class="data" aria-describedby={aria.descritto}>
                <legend class="nascosto">{ &d.etichetta }</legend>
                { campo(campi, 0, "giorno", t.t(P::Giorno), "giorno", aria) }
                { campo(campi, 1, "mese", t.t(P::Mese), "mese", aria) }
                { campo(campi, 2, "anno", t.t(P::Anno), "anno", aria) }
            </fieldset>
        },
        TipoDomanda::Anno => campo(campi, 0, "valore", t.t(P::AnnoCifre), "anno", aria),
        TipoDomanda::Importo => campo(campi, 0, "valore", t.t(P::Importo), "importo", aria),
    }
}

/// The question form.
#[function_component(Domanda)]
pub fn domanda(p: &DomandaProps) -> Html {
    let regole = crate::stato::regole();
    let t = crate::stato::parole();
    let d = &p.domanda;
    let scelta = use_state(String::new);
    let campi = use_state(|| [String::new(), String::new(), String::new()]);
    let errore = use_state(|| d.errore.clone());
    let invia = {
        let (scelta, campi, errore, voci, oggi, id) =
            (scelta.clone(), campi.clone(), errore.clone(), p.voci.clone(), p.oggi, d.id.clone());
        move |salta: bool| {
            let d = regole.domande.iter().find(|d| d.id == id).expect("the view's question is one of the rules");
            let valore = if salta { Ok(String::new()) } else { valore_inserito(d.tipo, &scelta, &campi) };
            match valore.and_then(|v| {
                flusso::valida_voce(regole, d, &v, &voci, oggi)
                    .map(|_| v)
                    .map_err(|e| crate::stato::parole().messaggio(&e))
            }) {
                Ok(v) => {
                    crate::stato::vai(&civis_vista::scegli(regole, &voci, &d.chiave, &v, civis_vista::Modo::Completo))
                }
                Err(m) => errore.set(Some(m)),
            }
        }
    };
    let onsubmit = {
        let invia = invia.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            invia(false)
        })
    };
    let salta = Callback::from(move |_: MouseEvent| invia(true));
    let indietro = Callback::from(|_: MouseEvent| {
        let _ = gloo::utils::window().history().map(|h| h.back());
    });
    let aria = if errore.is_some() {
        Aria { descritto: "errore aiuto", invalido: "true" }
    } else {
        Aria { descritto: "aiuto", invalido: "false" }
    };
    let pagina = d.pagina.as_deref().map(crate::stato::pagina);
    html! {
        <form class="domanda" data-chiave={d.chiave.clone()} data-tipo={tipo(d.tipo)} {onsubmit} novalidate=true>
            <h1 id="domanda" tabindex="-1">{ &d.etichetta }</h1>
            <p id="aiuto" class="aiuto">{ &d.aiuto }{ for pagina.map(|href| html! { <>{" "}<a {href}>{ t.t(P::Approfondisci) }</a></> }) }</p>
            <div aria-live="assertive">
                { for errore.as_ref().map(|m| html! { <p id="errore" class="errore" role="alert"><span class="nascosto">{ t.t(P::Errore) }</span>{ messaggio(m) }</p> }) }
            </div>
            { corpo(d, &scelta, &campi, aria) }
            <div class="azioni">
                <button type="submit" class="pulsante">{ t.t(P::Continua) }</button>
                if d.facoltativa { <button type="button" class="secondario" onclick={salta}>{ t.t(P::Salta) }</button> }
                if !p.voci.is_empty() { <button type="button" class="secondario" onclick={indietro}>{ t.t(P::Indietro) }</button> }
            </div>
        </form>
    }
}
