//! HTML as text: the app builds its markup as strings (escaped here) and hands them to the page, which is smaller
//! in the module than a virtual DOM and enough for a form whose fields are built once.

use civis_richiesta::parole::{Messaggio, Parole, R};

/// `testo` escaped for HTML text and attribute values (in double quotes).
pub(crate) fn esc(testo: &str) -> String {
    let mut out = String::with_capacity(testo.len());
    for c in testo.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// A sentence of `t` escaped, with its `{name}` filled with markup (already escaped by the caller).
pub(crate) fn con_html(t: &Parole, r: R, valori: &[(&str, &str)]) -> String {
    civis_core::testi::riempi(&esc(t.t(r)), valori)
}

/// A text field: its id, label and help (with an optional "Dove lo trovo?" link), the value typed and the keyboard
/// it wants.
pub(crate) struct Campo<'a> {
    /// The input's id; its label, help and message take it as prefix.
    pub(crate) id: &'a str,
    /// The label.
    pub(crate) etichetta: &'a str,
    /// The help line.
    pub(crate) aiuto: &'a str,
    /// Where the guide explains where to find the value, if it does.
    pub(crate) guida: Option<&'a str>,
    /// What was typed.
    pub(crate) valore: &'a str,
    /// The `inputmode`.
    pub(crate) modo: &'a str,
}

/// A labelled text field (its label, help, the input, an empty place for its check's message): built once;
/// [`esito`] fills the message.
pub(crate) fn campo(c: &Campo, t: &Parole) -> String {
    format!(
        "<div class=\"campo\" id=\"{id}-campo\"><label for=\"{id}\" id=\"{id}-etichetta\">{}</label>\
         <p class=\"aiuto\" id=\"{id}-aiuto\">{}</p>\
         <input id=\"{id}\" type=\"text\" inputmode=\"{modo}\" autocomplete=\"off\" spellcheck=\"false\" value=\"{}\" \
         aria-invalid=\"false\" aria-describedby=\"{id}-aiuto {id}-esito\">\
         <p id=\"{id}-esito\" class=\"esito-campo\" aria-live=\"polite\"></p></div>",
        esc(c.etichetta),
        aiuto_html(c.aiuto, c.guida, t),
        esc(c.valore),
        id = c.id,
        modo = c.modo,
    )
}

/// A field's help, with the link to the guide's explanation of where to find the value when there is one.
pub(crate) fn aiuto_html(aiuto: &str, guida: Option<&str>, t: &Parole) -> String {
    let link =
        guida.map(|g| format!(" <a class=\"dove-trovarlo\" href=\"{}\">{}</a>", esc(g), esc(t.t(R::DoveLoTrovo))));
    esc(aiuto) + &link.unwrap_or_default()
}

/// A field's check as its message: the value as CIVIS wants it, or what is wrong; nothing for an empty field.
pub(crate) fn esito(esito: &Option<Result<String, Messaggio>>, t: &Parole) -> String {
    match esito {
        Some(Ok(v)) => {
            let valore = format!("<strong>{}</strong>", esc(v));
            format!("<span class=\"ok\">{}</span>", con_html(t, R::Corretto, &[("valore", &valore)]))
        }
        Some(Err(e)) => format!("<span class=\"errore\">{}</span>", esc(&t.scrivi(e))),
        None => String::new(),
    }
}

/// A change to make in the page, by element id (an element not in the page is left alone: the protocol field
/// exists only in a second request).
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Modifica {
    /// Its content, as HTML.
    Html(&'static str, String),
    /// An attribute: set, or removed (`None`).
    Attributo(&'static str, &'static str, Option<String>),
    /// The value of a field (the text composed from the outline).
    Valore(&'static str, String),
}

/// The ids of a field's parts: the input, its wrapper, its message.
pub(crate) type Ids = (&'static str, &'static str, &'static str);

/// The changes that show a field's check: its message, the field marked wrong or not.
pub(crate) fn esito_campo(ids: Ids, e: &Option<Result<String, Messaggio>>, t: &Parole, out: &mut Vec<Modifica>) {
    let (id, campo, messaggio) = ids;
    let errato = matches!(e, Some(Err(_)));
    out.push(Modifica::Html(messaggio, esito(e, t)));
    let classe = if errato { "campo campo-errato" } else { "campo" };
    out.push(Modifica::Attributo(campo, "class", Some(classe.into())));
    out.push(Modifica::Attributo(id, "aria-invalid", Some(errato.to_string())));
}

#[cfg(test)]
mod test {
    #[test]
    fn text_and_attributes_are_escaped() {
        assert_eq!(super::esc(r#"<a href="x">'&'</a>"#), "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
    }
}
