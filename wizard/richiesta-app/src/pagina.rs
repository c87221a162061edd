//! The page, the app's only browser side: the tool is built once from HTML text; one listener each for `input`,
//! `change` and `click` on its root hands the event to [`Stato::evento`] and applies what changed
//! ([`Modifica`]s). Fields are never built again while they are being used, so focus, caret and the chosen files
//! stay where the person left them; a message is written only when its text changes, so screen readers do not
//! hear it again at every keystroke.

use crate::html::{con_html, esc, Modifica};
use crate::stato::{Azione, Parte, Scelti, Stato};
use crate::{allegati, atto, riepilogo, testo};
use chrono::NaiveDate;
use civis_core::testi::Lingua;
use civis_richiesta::allegati::{oltre_il_limite, verifica_file, File, Verdetto};
use civis_richiesta::contesto::{data_italiana, Contesto};
use civis_richiesta::parole::{Parole, R};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::{Document, Element, Event};

type Condiviso = Rc<RefCell<Stato>>;

/// Today in the browser (or `?oggi=AAAA-MM-GG`, as in the wizard, for tests).
fn oggi(window: &web_sys::Window) -> NaiveDate {
    let search = window.location().search().unwrap_or_default();
    let fissato = search.trim_start_matches('?').split('&').find_map(|kv| kv.strip_prefix("oggi="));
    fissato.and_then(civis_richiesta::contesto::data_iso).unwrap_or_else(|| {
        let now = js_sys::Date::new_0();
        NaiveDate::from_ymd_opt(now.get_full_year() as i32, now.get_month() + 1, now.get_date())
            .expect("the browser's date is valid")
    })
}

/// What the wizard said: the channel, the deadline, the way back to its outcome (in the page's language).
fn dal_percorso(s: &Stato) -> String {
    let (c, t) = (&s.contesto, &s.parole);
    let Some(canale) = &c.canale else { return String::new() };
    let termine = c.termine.iter().map(|(cosa, data)| {
        let scadenza =
            format!("<strong data-termine=\"{data}\">{}</strong>", esc(&format!("{cosa}, {}", data_italiana(*data))));
        format!(" {}", con_html(t, R::ProssimaScadenza, &[("scadenza", &scadenza)]))
    });
    let lingua = match t.codice() {
        "it" => String::new(),
        codice => format!("lingua={codice}&"),
    };
    let ritorno = c.percorso.iter().map(|p| {
        format!(
            "<p class=\"non-stampare\"><a href=\"{}\">{}</a></p>",
            esc(&s.link(&format!("assistente/index.html#{lingua}{p}"))),
            esc(t.t(R::TornaAlRisultato))
        )
    });
    let canale = format!("<strong>{}</strong>", esc(canale));
    format!(
        "<aside class=\"callout dal-percorso\" role=\"note\"><p class=\"callout-title\">{}</p>\
         <p>{}{}</p>{}</aside>",
        esc(t.t(R::DalPercorso)),
        con_html(t, R::CanaleConsigliato, &[("canale", &canale)]),
        termine.collect::<String>(),
        ritorno.collect::<String>()
    )
}

/// The whole tool, built once.
fn struttura(s: &Stato) -> String {
    let (prima, seconda) = if s.seconda { ("", " checked") } else { (" checked", "") };
    let t = &s.parole;
    format!(
        "<div class=\"richiesta-app\" data-pronto=\"si\">{}\
         <fieldset class=\"scelta-richiesta non-stampare\"><legend>{}</legend>\
         <label><input type=\"radio\" name=\"richiesta\" id=\"richiesta-prima\" value=\"prima\"{prima}> {}</label>\
         <label><input type=\"radio\" name=\"richiesta\" id=\"richiesta-seconda\" value=\"seconda\"{seconda}> {}</label>\
         </fieldset>{}{}{}<section id=\"riepilogo\" class=\"sezione-richiesta riepilogo\" aria-labelledby=\"titolo-riepilogo\"></section></div>",
        dal_percorso(s),
        esc(t.t(R::QualeRichiesta)),
        esc(t.t(R::LaPrima)),
        esc(t.t(R::LaSeconda)),
        atto::sezione(s),
        testo::sezione(s),
        allegati::sezione(s),
    )
}

/// The changes after an event: the parts built again, then every message and the summary.
pub(crate) fn modifiche(s: &Stato, parti: &[Parte]) -> Vec<Modifica> {
    let mut out = Vec::new();
    for parte in parti {
        match parte {
            Parte::Richiesta => {
                out.push(Modifica::Html("protocollo-posto", atto::protocollo_html(s)));
                out.push(Modifica::Html("allegati-scelta", allegati::scelta(s)));
            }
            Parte::Traccia => out.push(Modifica::Html("traccia-campi", testo::campi_traccia(s))),
            Parte::Testo => out.push(Modifica::Valore("testo-richiesta", s.testo.clone())),
        }
    }
    atto::aggiorna(s, &mut out);
    testo::aggiorna(s, &mut out);
    allegati::aggiorna(s, &mut out);
    riepilogo::aggiorna(s, &mut out);
    out
}

/// Applies the changes, each only where it changes something.
fn applica(doc: &Document, modifiche: Vec<Modifica>) {
    // What was last written into an element is kept on it: the browser's own serialisation (`innerHTML`) does not
    // give our text back (`&#39;` comes back as `'`), so comparing with it would rewrite, and announce, every
    // message at every keystroke. An element built again has no such property, so it is always written.
    let scritto = JsValue::from_str("civisScritto");
    for m in modifiche {
        let id = match &m {
            Modifica::Html(id, _) | Modifica::Attributo(id, _, _) | Modifica::Valore(id, _) => *id,
        };
        let Some(e) = doc.get_element_by_id(id) else { continue };
        match m {
            Modifica::Html(_, html) => {
                let prima = js_sys::Reflect::get(&e, &scritto).ok().and_then(|v| v.as_string());
                if prima.as_deref() != Some(html.as_str()) {
                    e.set_inner_html(&html);
                    let _ = js_sys::Reflect::set(&e, &scritto, &JsValue::from_str(&html));
                }
            }
            Modifica::Attributo(_, nome, valore) if e.get_attribute(nome) != valore => {
                let _ = match valore {
                    Some(v) => e.set_attribute(nome, &v),
                    None => e.remove_attribute(nome),
                };
            }
            Modifica::Valore(_, v) => {
                let _ = js_sys::Reflect::set(&e, &"value".into(), &v.into());
            }
            _ => {}
        }
    }
}

/// The page's words: those its language's script handed (`civisRichiestaLingue[<lang>]`, loaded before the tool
/// by a translated page: one string, the words in the order of `R` separated by U+001F, empty where the language
/// has none, which reads with one call and no array), Italian otherwise.
fn parole(window: &web_sys::Window, doc: &Document) -> Parole {
    let codice = doc.document_element().and_then(|e| e.get_attribute("lang")).unwrap_or_default();
    let lingue = js_sys::Reflect::get(window, &"civisRichiestaLingue".into()).ok().filter(|v| v.is_object());
    let testi = lingue.and_then(|l| js_sys::Reflect::get(&l, &codice.as_str().into()).ok()?.as_string());
    match testi {
        Some(testi) if codice != "it" => {
            Parole(Lingua::di(&codice, testi.split('\u{1f}').map(|t| (!t.is_empty()).then(|| t.to_string())).collect()))
        }
        _ => Parole::italiano(),
    }
}

/// Builds the tool in `root` and listens to it.
pub(crate) fn avvia(root: Element) {
    let (Some(window), Some(doc)) = (web_sys::window(), root.owner_document()) else { return };
    let hash = window.location().hash().unwrap_or_default();
    // The site's root from the page, written by the template (a translated page sits one folder deeper).
    let radice = root.get_attribute("data-radice").unwrap_or_else(|| "../".into());
    let stato = Stato::nuovo(Contesto::da_frammento(&hash), oggi(&window), parole(&window, &doc), radice);
    root.set_inner_html(&struttura(&stato));
    applica(&doc, modifiche(&stato, &[Parte::Richiesta, Parte::Traccia]));
    let stato = Rc::new(RefCell::new(stato));
    for tipo in ["input", "change", "click"] {
        let (stato, doc) = (stato.clone(), doc.clone());
        let f = Closure::<dyn FnMut(Event)>::new(move |e: Event| gestisci(&doc, &stato, &e));
        let _ = root.add_event_listener_with_callback(tipo, f.as_ref().unchecked_ref());
        // The listeners live as long as the page.
        f.forget();
    }
}

/// One event on the tool.
fn gestisci(doc: &Document, stato: &Condiviso, e: &Event) {
    let Some(el) = e.target().and_then(|t| t.dyn_into::<Element>().ok()) else { return };
    let valore = js_sys::Reflect::get(&el, &"value".into()).ok().and_then(|v| v.as_string()).unwrap_or_default();
    let azione = stato.borrow_mut().evento(&e.type_(), &el.id(), valore);
    match azione {
        Azione::Nulla => {}
        Azione::Aggiorna(parti) => applica(doc, modifiche(&stato.borrow(), &parti)),
        Azione::Copia(t) => {
            if let Some(w) = web_sys::window() {
                let _ = w.navigator().clipboard().write_text(&t);
            }
            applica(doc, modifiche(&stato.borrow(), &[]));
        }
        Azione::Stampa => {
            let _ = web_sys::window().map(|w| w.print());
        }
        Azione::File => leggi_file(doc, stato, &el),
    }
}

/// Reads the files chosen in `input`, one at a time, showing each verdict as it comes.
fn leggi_file(doc: &Document, stato: &Condiviso, input: &Element) {
    let Some(lista) = input.dyn_ref::<web_sys::HtmlInputElement>().and_then(|i| i.files()) else { return };
    let files: Vec<web_sys::File> = (0..lista.length()).filter_map(|i| lista.get(i)).collect();
    let giro = {
        let mut s = stato.borrow_mut();
        let giro = s.scelti.giro.wrapping_add(1);
        s.scelti = Scelti { quanti: files.len(), verdetti: Vec::new(), giro };
        giro
    };
    applica(doc, modifiche(&stato.borrow(), &[]));
    let (doc, stato) = (doc.clone(), stato.clone());
    wasm_bindgen_futures::spawn_local(async move {
        for f in files {
            let v = controlla(f).await;
            if stato.borrow().scelti.giro != giro {
                return;
            }
            stato.borrow_mut().scelti.verdetti.push(v);
            applica(&doc, modifiche(&stato.borrow(), &[]));
        }
    });
}

/// Reads one file and checks it.
async fn controlla(f: web_sys::File) -> Verdetto {
    let nome = f.name();
    if let Some(v) = oltre_il_limite(&nome, f.size() as u64) {
        return v;
    }
    match JsFuture::from(f.array_buffer()).await {
        Ok(buffer) => verifica_file(&File { nome: &nome, byte: &js_sys::Uint8Array::new(&buffer).to_vec() }),
        Err(_) => Verdetto::illeggibile(&nome),
    }
}

#[cfg(test)]
mod test {
    use super::*;

    fn html_di<'a>(m: &'a [Modifica], id: &str) -> Option<&'a str> {
        m.iter().find_map(|m| match m {
            Modifica::Html(i, h) if *i == id => Some(h.as_str()),
            _ => None,
        })
    }

    #[test]
    fn the_protocol_field_and_the_file_input_exist_in_a_second_request_only() {
        let mut s = Stato::nuovo(
            Contesto::default(),
            NaiveDate::from_ymd_opt(2026, 11, 25).unwrap(),
            Parole::italiano(),
            "../".into(),
        );
        let prima = modifiche(&s, &[Parte::Richiesta]);
        assert_eq!(html_di(&prima, "protocollo-posto"), Some(""));
        assert!(html_di(&prima, "allegati-scelta").unwrap().contains("data-allegati=\"nessuno\""));
        s.evento("change", "richiesta-seconda", String::new());
        let seconda = modifiche(&s, &[Parte::Richiesta]);
        assert!(html_di(&seconda, "protocollo-posto").unwrap().contains("id=\"protocollo\""));
        assert!(html_di(&seconda, "allegati-scelta").unwrap().contains("id=\"file-allegati\""));
    }

    #[test]
    fn a_second_request_about_a_cartella_is_refused_and_has_no_attachments() {
        let mut s = Stato::nuovo(
            Contesto::default(),
            NaiveDate::from_ymd_opt(2026, 11, 25).unwrap(),
            Parole::italiano(),
            "../".into(),
        );
        s.evento("change", "richiesta-seconda", String::new());
        let parti = match s.evento("change", "tipo-numero", "identificativo".into()) {
            Azione::Aggiorna(p) => p,
            altro => panic!("{altro:?}"),
        };
        let m = modifiche(&s, &parti);
        let scelta = html_di(&m, "allegati-scelta").unwrap();
        assert!(scelta.contains("data-allegati=\"cartella\"") && !scelta.contains("file-allegati"), "{scelta}");
        assert!(html_di(&m, "numero-atto-esito").unwrap().contains("seconda richiesta CIVIS non esiste"));
        let riepilogo = html_di(&m, "riepilogo").unwrap();
        assert!(
            riepilogo.contains("seconda richiesta CIVIS non esiste") && !riepilogo.contains("<dt>Allegati"),
            "{riepilogo}"
        );
        assert!(riepilogo.contains("data-pronta=\"false\""));
    }

    #[test]
    fn a_wrong_value_is_marked_on_its_field_and_in_the_summary() {
        let mut s = Stato::nuovo(
            Contesto::default(),
            NaiveDate::from_ymd_opt(2026, 11, 25).unwrap(),
            Parole::italiano(),
            "../".into(),
        );
        s.evento("input", "codice-fiscale", "RSSMRA85T10A562T".into());
        let m = modifiche(&s, &[]);
        assert!(html_di(&m, "codice-fiscale-esito").unwrap().contains("non torna"));
        assert!(m.contains(&Modifica::Attributo("codice-fiscale", "aria-invalid", Some("true".into()))));
        assert!(html_di(&m, "riepilogo").unwrap().contains("data-pronta=\"false\""));
        assert!(html_di(&m, "traccia-campi").is_none(), "typing rebuilds no field");
    }
}
