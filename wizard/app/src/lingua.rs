//! What the app shows in which language: the engine's Italian texts marked as such on a page in another language,
//! and guidance pages linked in the reader's language when they are translated.

use civis_vista::url::pagina_da_app;
use civis_vista::{Parole, P};
use yew::prelude::*;

/// A text the engine wrote, always in Italian: as it is on an Italian page; on a page in another language,
/// introduced by the words of `chiave` and marked as Italian, so a screen reader reads it in Italian.
pub(crate) fn in_italiano(testo: &str, chiave: P) -> Html {
    in_italiano_con(crate::stato::parole(), testo, chiave)
}

fn in_italiano_con(t: &Parole, testo: &str, chiave: P) -> Html {
    if t.italiane() {
        return html! { { testo } };
    }
    html! { <>{ t.t(chiave) }{" "}<span lang="it">{ testo }</span></> }
}

/// A guidance page's address in the words' language: its translation when there is one.
pub(crate) fn link(t: &Parole, p: &str) -> String {
    if t.italiane() {
        pagina_da_app(p)
    } else {
        crate::stato::pagina(p)
    }
}
