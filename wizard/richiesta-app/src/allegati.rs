//! Section 3, the attachments: none in a first request (say where documents go instead); in a second request the
//! files are chosen with a file input, read locally one at a time (File API, never uploaded), and checked by
//! `civis_richiesta::allegati`. A file over the size limit is judged by its size without being read.

use crate::html::{con_html, esc, Modifica};
use crate::stato::Stato;
use civis_richiesta::allegati::{Gravita, Verdetto};
use civis_richiesta::parole::{Parole, R};

/// One file's verdict.
pub(crate) fn verdetto(v: &Verdetto, t: &Parole) -> String {
    let (classe, giudizio) = match v.ammesso() {
        true => ("ammesso", t.t(R::SiPuoAllegare)),
        false => ("scartato", t.t(R::DaSistemare)),
    };
    let rilievi: String = v
        .rilievi
        .iter()
        .map(|r| {
            let classe = if r.gravita == Gravita::Errore { "errore" } else { "avviso" };
            format!("<li class=\"{classe}\">{}</li>", esc(&t.scrivi(&r.testo)))
        })
        .collect();
    let rilievi = if rilievi.is_empty() { rilievi } else { format!("<ul>{rilievi}</ul>") };
    format!(
        "<li class=\"verdetto {classe}\" data-file=\"{nome}\"><strong>{nome}</strong> — {}: <strong class=\"giudizio\">{}</strong>{rilievi}</li>",
        esc(&t.scrivi(&v.descrizione())),
        esc(giudizio),
        nome = esc(&v.nome),
    )
}

/// The section, built once (the choice of files goes in `#allegati-scelta`, the verdicts in `#allegati-esito`).
pub(crate) fn sezione(s: &Stato) -> String {
    let t = &s.parole;
    format!(
        "<section class=\"sezione-richiesta\" aria-labelledby=\"titolo-allegati\"><h2 id=\"titolo-allegati\">{}</h2>\
         <div id=\"allegati-scelta\"></div><div id=\"allegati-esito\"></div>\
         <p class=\"aiuto\">{}</p></section>",
        esc(t.t(R::Sezione3)),
        esc(t.t(R::Antivirus)),
    )
}

/// Where documents go in a first request (or in a second about a cartella, which does not exist), the file input
/// in a second.
pub(crate) fn scelta(s: &Stato) -> String {
    let t = &s.parole;
    let consegna = format!(
        "<a href=\"{}\">{}</a>",
        esc(&s.link("civis/consegna-documenti/index.html")),
        esc(t.t(R::ConsegnaDocumenti))
    );
    let senza =
        |dove: &str, r: R| format!("<p data-allegati=\"{dove}\">{}</p>", con_html(t, r, &[("consegna", &consegna)]));
    if s.seconda && s.identificativo.cartella() {
        return senza("cartella", R::CartellaSenzaAllegati);
    }
    if !s.seconda {
        return senza("nessuno", R::PrimaSenzaAllegati);
    }
    format!(
        "<p>{}</p><div class=\"campo non-stampare\"><label for=\"file-allegati\">{}</label>\
         <input id=\"file-allegati\" type=\"file\" multiple></div>",
        esc(t.t(R::SecondaAllegati)),
        esc(t.t(R::ScegliFile)),
    )
}

/// The problems of the set, the progress and the verdicts.
pub(crate) fn aggiorna(s: &Stato, out: &mut Vec<Modifica>) {
    let (c, t) = (&s.scelti, &s.parole);
    let mut html: String = c
        .generali(s.seconda)
        .iter()
        .map(|g| format!("<p class=\"errore\" role=\"alert\">{}</p>", esc(&t.scrivi(g))))
        .collect();
    if c.quanti > 0 {
        let quanti = c.quanti.to_string();
        let avanzamento = if c.verdetti.len() < c.quanti {
            t.f(R::ControlloInCorso, &[("letti", &c.verdetti.len().to_string()), ("quanti", &quanti)])
        } else {
            match c.verdetti.iter().filter(|v| !v.ammesso()).count() {
                0 => t.f(R::ControllatiTutti, &[("quanti", &quanti)]),
                n => t.f(R::ControllatiDaSistemare, &[("quanti", &quanti), ("n", &n.to_string())]),
            }
        };
        let verdetti: String = c.verdetti.iter().map(|v| verdetto(v, t)).collect();
        html += &format!(
            "<p aria-live=\"polite\" class=\"avanzamento-file\">{}</p><ul class=\"verdetti\">{verdetti}</ul>",
            esc(&avanzamento)
        );
    }
    out.push(Modifica::Html("allegati-esito", html));
}
