//! The summary to print or keep on screen: the channel and deadline from the wizard, what to type in each CIVIS
//! field (checked), the text, the files with their verdicts, and the contact details CIVIS asks for.

use crate::allegati::{verdetto, Scelti};
use chrono::NaiveDate;
use civis_richiesta::contesto::Contesto;
use civis_richiesta::identificativi::Identificativo;
use civis_richiesta::riepilogo::{completa, righe, Dati, CAMPO_TESTO};
use yew::prelude::*;

/// The summary's properties: everything the page holds.
#[derive(Properties, PartialEq)]
#[allow(unreachable_pub)] // Yew's #[function_component] makes the component, and so its props, public
pub struct RiepilogoProps {
    /// From the wizard.
    pub contesto: Contesto,
    /// How the act is identified.
    pub identificativo: Identificativo,
    /// The identifier as typed.
    pub numero: AttrValue,
    /// The codice fiscale as typed.
    pub codice_fiscale: AttrValue,
    /// Whether this is the second request.
    pub seconda: bool,
    /// The first request's protocol as typed.
    pub protocollo: AttrValue,
    /// The text.
    pub testo: AttrValue,
    /// The files.
    pub scelti: Scelti,
    /// Today.
    pub oggi: NaiveDate,
}

/// The section "Riepilogo".
#[function_component(Riepilogo)]
pub fn riepilogo(p: &RiepilogoProps) -> Html {
    let dati = Dati {
        identificativo: p.identificativo,
        numero: &p.numero,
        codice_fiscale: &p.codice_fiscale,
        seconda: p.seconda,
        protocollo: &p.protocollo,
        testo: &p.testo,
    };
    let righe = righe(&dati, p.oggi);
    let pronta = completa(&righe) && p.scelti.ammessi(p.seconda);
    let stampa = Callback::from(|_: MouseEvent| {
        let _ = gloo::utils::window().print();
    });
    html! {
        <section class="sezione-richiesta riepilogo" aria-labelledby="titolo-riepilogo">
            <h2 id="titolo-riepilogo">{"4. Riepilogo da tenere accanto a CIVIS"}</h2>
            <p class={classes!("stato-richiesta", if pronta { "pronta" } else { "da-sistemare" })} data-pronta={pronta.to_string()}>
                { if pronta { "Tutto in ordine: puoi inviare la richiesta in CIVIS." } else { "Prima di inviare sistema i punti segnati qui sotto." } }
            </p>
            <p>{ if p.seconda { "Richiesta: seconda richiesta CIVIS, con allegati." } else { "Richiesta: prima richiesta CIVIS, senza allegati." } }
            { for p.contesto.termine.iter().map(|(cosa, data)| html! { <>{" Scadenza da rispettare: "}<strong>{ format!("{cosa}, {}", civis_richiesta::contesto::data_italiana(*data)) }</strong>{"."}</> }) }</p>
            <dl class="campi-civis">
                { for righe.iter().map(|r| html! {
                    <>
                        <dt>{ r.campo }</dt>
                        <dd data-campo={r.campo}>
                            if r.campo == CAMPO_TESTO && r.problema.is_none() { <pre class="testo-copiato">{ &r.valore }</pre> } else { <strong>{ &r.valore }</strong> }
                            { for r.problema.iter().map(|x| html! { <span class="errore">{" "}{ x }</span> }) }
                        </dd>
                    </>
                }) }
                <dt>{"Allegati"}</dt>
                <dd>
                    if p.scelti.quanti == 0 { {"Nessuno."} } else { <ul>{ for p.scelti.verdetti.iter().map(verdetto) }</ul> }
                </dd>
                <dt>{"Indirizzo e-mail e nominativo di riferimento"}</dt>
                <dd>{"Obbligatori in CIVIS: li scrivi direttamente nel modulo. Qui non li chiediamo."}</dd>
            </dl>
            <p class="non-stampare"><button type="button" class="pulsante" onclick={stampa}>{"Stampa il riepilogo"}</button></p>
            <p class="aiuto">{"Quello che scrivi in questa pagina resta nel tuo browser: non viene inviato né salvato. Chiudendo la pagina si cancella."}</p>
        </section>
    }
}
