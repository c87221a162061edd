//! The request's text: a guided outline by reason that composes the text, the text itself with the prudent
//! 3,000-character counter, and "Copia".

use civis_richiesta::testo::{self, Stato, MASSIMO};
use civis_richiesta::traccia::{componi, mancanti, Motivo};
use std::collections::BTreeMap;
use web_sys::{HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};
use yew::prelude::*;

/// The section's properties.
#[derive(Properties, PartialEq)]
#[allow(unreachable_pub)] // Yew's #[function_component] makes the component, and so its props, public
pub struct TestoProps {
    /// The text.
    pub testo: AttrValue,
    /// Changes it.
    pub cambia: Callback<String>,
}

/// The section "Il testo della richiesta".
#[function_component(Testo)]
pub fn testo(p: &TestoProps) -> Html {
    let motivo = use_state(|| Motivo::Versamento);
    let valori = use_state(BTreeMap::<String, String>::new);
    let copiato = use_state(|| false);
    let scegli = {
        let motivo = motivo.clone();
        Callback::from(move |e: Event| {
            if let Some(m) = Motivo::da_id(&e.target_unchecked_into::<HtmlSelectElement>().value()) {
                motivo.set(m);
            }
        })
    };
    let componi_testo = {
        let (motivo, valori, cambia) = (motivo.clone(), valori.clone(), p.cambia.clone());
        Callback::from(move |_: MouseEvent| cambia.emit(componi(*motivo, &valori)))
    };
    let oninput = {
        let (cambia, copiato) = (p.cambia.clone(), copiato.clone());
        Callback::from(move |e: InputEvent| {
            copiato.set(false);
            cambia.emit(e.target_unchecked_into::<HtmlTextAreaElement>().value())
        })
    };
    let copia = {
        let (t, copiato) = (p.testo.to_string(), copiato.clone());
        Callback::from(move |_: MouseEvent| {
            let _ = gloo::utils::window().navigator().clipboard().write_text(&t);
            copiato.set(true);
        })
    };
    let (n, stato, frase) = testo::stato(&p.testo);
    let da_completare = mancanti(*motivo, &valori);
    html! {
        <section class="sezione-richiesta" aria-labelledby="titolo-testo">
            <h2 id="titolo-testo">{"2. Il testo della richiesta"}</h2>
            <p>{"In CIVIS il campo si chiama «Informazioni relative alla richiesta di assistenza» e contiene al massimo 3.000 caratteri. Scegli il motivo e compila la traccia: ti prepariamo il testo da copiare."}</p>
            <div class="non-stampare">
                <div class="campo">
                    <label for="motivo">{"Perché pensi che la comunicazione sia sbagliata?"}</label>
                    <select id="motivo" onchange={scegli}>
                        { for Motivo::TUTTI.iter().map(|m| html! { <option value={m.id()} selected={*m == *motivo}>{ m.nome() }</option> }) }
                    </select>
                </div>
                <fieldset class="traccia">
                    <legend>{"Traccia: gli elementi che servono all'ufficio"}</legend>
                    { for motivo.campi().into_iter().map(|c| {
                        let valore = valori.get(c.id).cloned().unwrap_or_default();
                        let valori = valori.clone();
                        let id = c.id;
                        let oninput = Callback::from(move |e: InputEvent| {
                            let mut v = (*valori).clone();
                            v.insert(id.to_string(), e.target_unchecked_into::<HtmlInputElement>().value());
                            valori.set(v);
                        });
                        html! {
                            <div class="campo">
                                <label for={format!("traccia-{}", c.id)}>{ c.etichetta }</label>
                                <p class="aiuto" id={format!("traccia-{}-aiuto", c.id)}>{ c.aiuto }</p>
                                <input id={format!("traccia-{}", c.id)} type="text" autocomplete="off" value={valore}
                                    aria-describedby={format!("traccia-{}-aiuto", c.id)} {oninput} />
                            </div>
                        }
                    }) }
                    if !da_completare.is_empty() {
                        <p class="aiuto">{"Ancora vuoti (l'ufficio potrebbe chiederli): "}{ da_completare.iter().map(|c| c.etichetta).collect::<Vec<_>>().join("; ") }{"."}</p>
                    }
                    <button type="button" class="secondario" id="componi" onclick={componi_testo}>{"Prepara il testo dalla traccia"}</button>
                </fieldset>
            </div>
            <div class={classes!("campo", (stato == Stato::Oltre).then_some("campo-errato"))}>
                <label for="testo-richiesta">{"Il testo da copiare in CIVIS"}</label>
                <p class="aiuto" id="testo-conteggio-regola">{"Contiamo come il browser e il modulo: un a capo vale 2 caratteri e un'emoji 2, così il testo non viene mai tagliato."}</p>
                <textarea id="testo-richiesta" rows="10" value={p.testo.clone()} {oninput}
                    aria-invalid={(stato == Stato::Oltre).to_string()} aria-describedby="testo-conteggio testo-conteggio-regola" />
                <p id="testo-conteggio" class={classes!("conteggio", match stato { Stato::Ok => None, Stato::Vicino => Some("vicino"), Stato::Oltre => Some("errore") })}
                    data-caratteri={n.to_string()} aria-live={if stato == Stato::Ok { "off" } else { "polite" }}>{ frase }</p>
            </div>
            <p class="non-stampare">
                <button type="button" class="pulsante" id="copia-testo" onclick={copia} disabled={n == 0 || n > MASSIMO}>{"Copia il testo"}</button>
                <span aria-live="polite">{ if *copiato { " Testo copiato: incollalo nel campo di CIVIS." } else { "" } }</span>
            </p>
        </section>
    }
}
