//! The attachments: none in a first request (say where documents go instead); in a second request the files are
//! chosen with a file input, read locally one at a time (File API, never uploaded), and checked by
//! `civis_richiesta::allegati`. A file over the size limit is judged by its size without being read.

use civis_richiesta::allegati::{
    self, oltre_il_limite, verifica_file, File, Formato, Gravita, Richiesta, Rilievo, Verdetto,
};
use wasm_bindgen_futures::JsFuture;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// The files chosen and their verdicts so far.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Scelti {
    /// How many files were chosen.
    pub(crate) quanti: usize,
    /// The verdicts of the files read so far, in the order chosen.
    pub(crate) verdetti: Vec<Verdetto>,
}

impl Scelti {
    /// The problems of the set as a whole for this request.
    pub(crate) fn generali(&self, seconda: bool) -> Vec<String> {
        allegati::generali(self.quanti, if seconda { Richiesta::Seconda } else { Richiesta::Prima })
    }

    /// Whether every file chosen has been read and the request can be sent with them (the crate's own verdict on
    /// the set, `allegati::Esito::ammesso`).
    pub(crate) fn ammessi(&self, seconda: bool) -> bool {
        self.verdetti.len() == self.quanti
            && allegati::Esito { generali: self.generali(seconda), file: self.verdetti.clone() }.ammesso()
    }
}

/// The section's properties.
#[derive(Properties, PartialEq)]
#[allow(unreachable_pub)] // Yew's #[function_component] makes the component, and so its props, public
pub struct AllegatiProps {
    /// Whether this is the second request.
    pub seconda: bool,
    /// The files and verdicts.
    pub scelti: Scelti,
    /// Replaces them.
    pub cambia: Callback<Scelti>,
}

/// Reads one file and checks it.
async fn controlla(f: web_sys::File) -> Verdetto {
    let nome = f.name();
    if let Some(v) = oltre_il_limite(&nome, f.size() as u64) {
        return v;
    }
    match JsFuture::from(f.array_buffer()).await {
        Ok(buffer) => verifica_file(&File { nome: &nome, byte: &js_sys::Uint8Array::new(&buffer).to_vec() }),
        Err(_) => Verdetto {
            nome,
            formato: Formato::Sconosciuto,
            rilievi: vec![Rilievo {
                gravita: Gravita::Errore,
                testo: "Non riesco a leggere il file: sceglilo di nuovo.".into(),
            }],
        },
    }
}

/// One file's verdict.
pub(crate) fn verdetto(v: &Verdetto) -> Html {
    html! {
        <li class={classes!("verdetto", if v.ammesso() { "ammesso" } else { "scartato" })} data-file={v.nome.clone()}>
            <strong>{ &v.nome }</strong>{" — "}{ v.formato.nome() }{": "}
            <strong class="giudizio">{ if v.ammesso() { "si può allegare" } else { "da sistemare" } }</strong>
            if !v.rilievi.is_empty() {
                <ul>{ for v.rilievi.iter().map(|r| html! {
                    <li class={if r.gravita == Gravita::Errore { "errore" } else { "avviso" }}>{ &r.testo }</li>
                }) }</ul>
            }
        </li>
    }
}

/// The section "Gli allegati".
#[function_component(Allegati)]
pub fn allegati(p: &AllegatiProps) -> Html {
    let onchange = {
        let cambia = p.cambia.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            let Some(lista) = input.files() else { return };
            let files: Vec<web_sys::File> = (0..lista.length()).filter_map(|i| lista.get(i)).collect();
            let quanti = files.len();
            cambia.emit(Scelti { quanti, verdetti: Vec::new() });
            let cambia = cambia.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let mut verdetti = Vec::new();
                for f in files {
                    verdetti.push(controlla(f).await);
                    cambia.emit(Scelti { quanti, verdetti: verdetti.clone() });
                }
            });
        })
    };
    let s = &p.scelti;
    let generali = s.generali(p.seconda);
    html! {
        <section class="sezione-richiesta" aria-labelledby="titolo-allegati">
            <h2 id="titolo-allegati">{"3. Gli allegati"}</h2>
            if !p.seconda {
                <p data-allegati="nessuno">{"Nella prima richiesta CIVIS non si allegano documenti. Se l'ufficio te li chiede, mandali con il servizio "}
                    <a href="../civis/consegna-documenti/index.html">{"Consegna documenti e istanze"}</a>{"."}</p>
            } else {
                <p>{"Nella seconda richiesta puoi allegare fino a 10 file di 20 MB al massimo ciascuno (contiamo 20.000.000 di byte, la lettura più prudente). Un solo file con macro, campi variabili o un formato non ammesso fa scartare tutta la richiesta: controllali qui prima di inviarli. I file restano sul tuo dispositivo: li leggiamo nel browser, non li inviamo."}</p>
                <div class="campo non-stampare">
                    <label for="file-allegati">{"Scegli i file da allegare"}</label>
                    <input id="file-allegati" type="file" multiple=true {onchange} />
                </div>
            }
            { for generali.iter().map(|g| html! { <p class="errore" role="alert">{ g }</p> }) }
            if s.quanti > 0 {
                <p aria-live="polite" class="avanzamento-file">{ if s.verdetti.len() < s.quanti {
                    format!("Controllo in corso: {} file su {}…", s.verdetti.len(), s.quanti)
                } else {
                    let scartati = s.verdetti.iter().filter(|v| !v.ammesso()).count();
                    match scartati {
                        0 => format!("Controllati {} file: si possono allegare tutti.", s.quanti),
                        n => format!("Controllati {} file: {n} da sistemare.", s.quanti),
                    }
                } }</p>
                <ul class="verdetti">{ for s.verdetti.iter().map(verdetto) }</ul>
            }
            <p class="aiuto">{"Non possiamo riconoscere i virus: fai controllare i file dal tuo antivirus prima di inviarli."}</p>
        </section>
    }
}
