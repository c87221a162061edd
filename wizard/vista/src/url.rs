//! The wizard's URLs, in one place: where the wizard lives in the site, the app's fragment, the folders of the
//! pages without JavaScript, and the links from the wizard to the guidance pages.

use crate::{chiede, Modo};
use civis_engine::consiglio::Consiglio;
use civis_engine::flusso::{self, Voci};
use civis_engine::modello::{Regole, Richiesta};
use civis_engine::scadenza::Scadenza;
use civis_richiesta::contesto::Contesto;

/// The wizard's folder in the site.
pub const BASE: &str = "assistente/";

/// The help desks' page of pre-filled links, below the wizard's folder.
pub const SPORTELLI: &str = "assistente/sportelli/";

/// The app's state as a URL fragment (without `#`).
pub fn frammento(regole: &Regole, voci: &Voci) -> String {
    flusso::a_frammento(regole, voci)
}

/// The folder of the page without JavaScript for a state: one segment per answer in question order (`non-so` for a
/// skipped question); a question left unanswered before later answers (after "Cambia") is `cambia-<id>`.
pub fn cartella(regole: &Regole, voci: &Voci) -> String {
    let mut path = BASE.to_string();
    let domande: Vec<_> = regole.domande.iter().filter(|d| chiede(Modo::Statico, d) && d.si_applica(voci)).collect();
    for (i, d) in domande.iter().enumerate() {
        match voci.get(&*d.chiave) {
            Some(v) if v.is_empty() => path.push_str("non-so"),
            Some(v) => path.push_str(v),
            None if domande[i + 1..].iter().any(|l| voci.contains_key(&*l.chiave)) => {
                path.push_str(&format!("cambia-{}", d.id))
            }
            None => break,
        }
        path.push('/');
    }
    path
}

/// The "Prepara la richiesta" page in the site.
pub const RICHIESTA: &str = "richiesta/";

/// The fragment of the "Prepara la richiesta" page for an outcome that advises a CIVIS request (the first channel
/// that is a request, `richiesta` in `canali.yaml`, decides between first and second request), `None` otherwise.
/// The request tool learns from it how CIVIS finds the act (`identificativo` in `atti.yaml`) and the deadline that
/// answers the goal.
pub fn richiesta(regole: &Regole, voci: &Voci, consiglio: &Consiglio, termine: Option<&Scadenza>) -> Option<String> {
    let (canale, tipo) = consiglio.canali.iter().find_map(|k| {
        let c = regole.canali.iter().find(|c| c.id == k.id)?;
        Some((k, c.richiesta?))
    })?;
    let atto = voci.get("atto").and_then(|a| regole.atto(a));
    let contesto = Contesto {
        atto: atto.map(|a| a.etichetta.clone()),
        identificativo: atto.and_then(|a| a.identificativo),
        seconda: tipo == Richiesta::Seconda,
        canale: Some(canale.titolo.clone()),
        termine: termine.and_then(|s| Some((s.titolo.clone(), s.data?))),
        percorso: Some(frammento(regole, voci)),
    };
    Some(contesto.a_frammento())
}

/// A guidance page (output path, e.g. `civis/`) linked from the app's page (`assistente/index.html`).
pub fn pagina_da_app(pagina: &str) -> String {
    format!("../{pagina}index.html")
}

#[cfg(test)]
mod test {
    use super::*;
    use civis_engine::regole::incorporate;

    #[test]
    fn folders_follow_the_question_order_and_mark_a_changed_answer() {
        let r = incorporate();
        let v = flusso::da_frammento("obiettivo=pagare&atto=cartella&origine=controllo_automatizzato");
        assert_eq!(cartella(r, &v), "assistente/cartella/controllo_automatizzato/pagare/");
        let v = flusso::da_frammento("atto=cartella&obiettivo=pagare");
        assert_eq!(cartella(r, &v), "assistente/cartella/cambia-origine/pagare/");
        assert_eq!(cartella(r, &Voci::new()), BASE);
    }
}
