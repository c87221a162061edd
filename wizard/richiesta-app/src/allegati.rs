//! Section 3, the attachments: none in a first request (say where documents go instead); in a second request the
//! files are chosen with a file input, read locally one at a time (File API, never uploaded), and checked by
//! `civis_richiesta::allegati`. A file over the size limit is judged by its size without being read.

use crate::html::{esc, Modifica};
use crate::stato::Stato;
use civis_richiesta::allegati::{Gravita, Verdetto};

/// One file's verdict.
pub(crate) fn verdetto(v: &Verdetto) -> String {
    let (classe, giudizio) = if v.ammesso() { ("ammesso", "si può allegare") } else { ("scartato", "da sistemare") };
    let rilievi: String = v
        .rilievi
        .iter()
        .map(|r| {
            let classe = if r.gravita == Gravita::Errore { "errore" } else { "avviso" };
            format!("<li class=\"{classe}\">{}</li>", esc(&r.testo))
        })
        .collect();
    let rilievi = if rilievi.is_empty() { rilievi } else { format!("<ul>{rilievi}</ul>") };
    format!(
        "<li class=\"verdetto {classe}\" data-file=\"{nome}\"><strong>{nome}</strong> — {}: <strong class=\"giudizio\">{giudizio}</strong>{rilievi}</li>",
        esc(&v.descrizione()),
        nome = esc(&v.nome),
    )
}

/// The section, built once (the choice of files goes in `#allegati-scelta`, the verdicts in `#allegati-esito`).
pub(crate) fn sezione() -> String {
    "<section class=\"sezione-richiesta\" aria-labelledby=\"titolo-allegati\"><h2 id=\"titolo-allegati\">3. Gli allegati</h2>\
     <div id=\"allegati-scelta\"></div><div id=\"allegati-esito\"></div>\
     <p class=\"aiuto\">Non possiamo riconoscere i virus: fai controllare i file dal tuo antivirus prima di inviarli.</p></section>"
        .into()
}

/// Where documents go in a first request (or in a second about a cartella, which does not exist), the file input
/// in a second.
pub(crate) fn scelta(s: &Stato) -> String {
    if s.seconda && s.identificativo.cartella() {
        return "<p data-allegati=\"cartella\">Per le cartelle la seconda richiesta non c'è, e quindi nemmeno gli allegati. Se l'ufficio ti chiede documenti, mandali con il servizio \
                <a href=\"../civis/consegna-documenti/index.html\">Consegna documenti e istanze</a>.</p>"
            .into();
    }
    if !s.seconda {
        return "<p data-allegati=\"nessuno\">Nella prima richiesta CIVIS non si allegano documenti. Se l'ufficio te li chiede, mandali con il servizio \
                <a href=\"../civis/consegna-documenti/index.html\">Consegna documenti e istanze</a>.</p>"
            .into();
    }
    "<p>Nella seconda richiesta puoi allegare fino a 10 file di 20 MB al massimo ciascuno (contiamo 20.000.000 di byte, la lettura più prudente). Un solo file con macro, campi variabili o un formato non ammesso fa scartare tutta la richiesta: controllali qui prima di inviarli. I file restano sul tuo dispositivo: li leggiamo nel browser, non li inviamo.</p>\
     <div class=\"campo non-stampare\"><label for=\"file-allegati\">Scegli i file da allegare</label>\
     <input id=\"file-allegati\" type=\"file\" multiple></div>"
        .into()
}

/// The problems of the set, the progress and the verdicts.
pub(crate) fn aggiorna(s: &Stato, out: &mut Vec<Modifica>) {
    let c = &s.scelti;
    let mut html: String =
        c.generali(s.seconda).iter().map(|g| format!("<p class=\"errore\" role=\"alert\">{}</p>", esc(g))).collect();
    if c.quanti > 0 {
        let avanzamento = if c.verdetti.len() < c.quanti {
            format!("Controllo in corso: {} file su {}…", c.verdetti.len(), c.quanti)
        } else {
            match c.verdetti.iter().filter(|v| !v.ammesso()).count() {
                0 => format!("Controllati {} file: si possono allegare tutti.", c.quanti),
                n => format!("Controllati {} file: {n} da sistemare.", c.quanti),
            }
        };
        let verdetti: String = c.verdetti.iter().map(verdetto).collect();
        html += &format!(
            "<p aria-live=\"polite\" class=\"avanzamento-file\">{avanzamento}</p><ul class=\"verdetti\">{verdetti}</ul>"
        );
    }
    out.push(Modifica::Html("allegati-esito", html));
}
