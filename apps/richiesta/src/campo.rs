//! A labelled text field with its check's message under it, linked with `aria-describedby` and announced.

use web_sys::HtmlInputElement;
use yew::prelude::*;

/// The field's properties.
#[derive(Properties, PartialEq)]
#[allow(unreachable_pub)] // Yew's #[function_component] makes the component, and so its props, public
pub struct CampoProps {
    /// The input's id (the message's id derives from it).
    pub id: AttrValue,
    /// The label.
    pub etichetta: AttrValue,
    /// Where to find the value.
    pub aiuto: AttrValue,
    /// The current value.
    pub valore: AttrValue,
    /// The check's outcome for a non-empty value: the value as CIVIS wants it, or what is wrong.
    pub esito: Option<Result<String, String>>,
    /// Called with the new value at each keystroke.
    pub cambia: Callback<String>,
    /// `inputmode` (`numeric` for numbers).
    #[prop_or("text".into())]
    pub modo: AttrValue,
    /// The guide's explanation of where to find the value (a link relative to the request page).
    #[prop_or_default]
    pub guida: Option<AttrValue>,
}

/// A text field with its check.
#[function_component(Campo)]
pub fn campo(p: &CampoProps) -> Html {
    let cambia = p.cambia.clone();
    let oninput =
        Callback::from(move |e: InputEvent| cambia.emit(e.target_unchecked_into::<HtmlInputElement>().value()));
    let msg = format!("{}-esito", p.id);
    let aiuto = format!("{}-aiuto", p.id);
    let errato = matches!(p.esito, Some(Err(_)));
    html! {
        <div class={classes!("campo", errato.then_some("campo-errato"))}>
            <label for={p.id.clone()}>{ &p.etichetta }</label>
            <p class="aiuto" id={aiuto.clone()}>{ &p.aiuto }
                { for p.guida.iter().map(|g| html! { <>{" "}<a class="dove-trovarlo" href={g.clone()}>{"Dove lo trovo?"}</a></> }) }</p>
            <input id={p.id.clone()} type="text" inputmode={p.modo.clone()} autocomplete="off" spellcheck="false"
                value={p.valore.clone()} aria-invalid={errato.to_string()} aria-describedby={format!("{aiuto} {msg}")} {oninput} />
            <p id={msg} class="esito-campo" aria-live="polite">
                { match &p.esito {
                    Some(Ok(v)) => html! { <span class="ok">{"Corretto: in CIVIS scrivi "}<strong>{ v }</strong></span> },
                    Some(Err(e)) => html! { <span class="errore">{ e }</span> },
                    None => html! {},
                } }
            </p>
        </div>
    }
}
