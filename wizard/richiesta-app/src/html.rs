//! HTML as text: the app builds its markup as strings (escaped here) and hands them to the page, which is smaller
//! in the module than a virtual DOM and enough for a form whose fields are built once.

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

/// A labelled text field (its label, help with an optional "Dove lo trovo?" link, the input, an empty place for
/// its check's message): built once; [`esito`] fills the message.
pub(crate) fn campo(id: &str, etichetta: &str, aiuto: &str, guida: Option<&str>, valore: &str, modo: &str) -> String {
    format!(
        "<div class=\"campo\" id=\"{id}-campo\"><label for=\"{id}\" id=\"{id}-etichetta\">{}</label>\
         <p class=\"aiuto\" id=\"{id}-aiuto\">{}</p>\
         <input id=\"{id}\" type=\"text\" inputmode=\"{modo}\" autocomplete=\"off\" spellcheck=\"false\" value=\"{}\" \
         aria-invalid=\"false\" aria-describedby=\"{id}-aiuto {id}-esito\">\
         <p id=\"{id}-esito\" class=\"esito-campo\" aria-live=\"polite\"></p></div>",
        esc(etichetta),
        aiuto_html(aiuto, guida),
        esc(valore),
    )
}

/// A field's help, with the link to the guide's explanation of where to find the value when there is one.
pub(crate) fn aiuto_html(aiuto: &str, guida: Option<&str>) -> String {
    let link = guida.map(|g| format!(" <a class=\"dove-trovarlo\" href=\"{}\">Dove lo trovo?</a>", esc(g)));
    esc(aiuto) + &link.unwrap_or_default()
}

/// A field's check as its message: the value as CIVIS wants it, or what is wrong; nothing for an empty field.
pub(crate) fn esito(esito: &Option<Result<String, String>>) -> String {
    match esito {
        Some(Ok(v)) => format!("<span class=\"ok\">Corretto: in CIVIS scrivi <strong>{}</strong></span>", esc(v)),
        Some(Err(e)) => format!("<span class=\"errore\">{}</span>", esc(e)),
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

/// The changes that show a field's check: its message, the field marked wrong or not.
pub(crate) fn esito_campo(
    id: &'static str,
    campo: &'static str,
    messaggio: &'static str,
    e: &Option<Result<String, String>>,
    out: &mut Vec<Modifica>,
) {
    let errato = matches!(e, Some(Err(_)));
    out.push(Modifica::Html(messaggio, esito(e)));
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
