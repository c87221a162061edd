//! The findings of the parsers in words: what was found and how to fix it, in Italian, one message per kind.

use super::pacchetto::Difetto;
use super::{errore, odf, ooxml, pdf, Gravita, Rilievo};

pub(super) fn difetto(d: Difetto) -> Rilievo {
    errore(match d {
        Difetto::Danneggiato => "Il file è danneggiato: non riusciamo ad aprirlo. Salvalo di nuovo o stampalo in PDF/A.",
        Difetto::Sovrapposto => "Il file ha una struttura anomala (parti sovrapposte o ripetute), tipica dei file costruiti per bloccare i controlli. Salvalo di nuovo dal programma con cui l'hai creato, o stampalo in PDF/A.",
        Difetto::TroppeVoci => "Il file è composto da troppe parti (più di 10.000): non riusciamo a controllarlo per intero. Stampalo in PDF/A.",
    })
}

/// The findings, followed by "not fully checked" when the parser did not read the whole file: what was found is
/// the surer message, and the fix it asks for (saving again) reads the file anew anyway.
fn con_incompleto(incompleto_: bool, mut r: Vec<Rilievo>) -> Vec<Rilievo> {
    if incompleto_ {
        r.insert(r.iter().position(|r| r.gravita != Gravita::Errore).unwrap_or(r.len()), incompleto());
    }
    r
}

pub(super) fn incompleto() -> Rilievo {
    errore("Non siamo riusciti a controllare il file per intero (dati compressi troppo grandi, o una struttura che non leggiamo): potrebbe nascondere elementi attivi. Salvalo di nuovo in PDF/A e controllalo ancora.")
}

/// The findings that are true, with their messages, in the order given (the most serious first).
fn messaggi(coppie: &[(bool, Gravita, &str)]) -> Vec<Rilievo> {
    coppie
        .iter()
        .filter(|(si, _, _)| *si)
        .map(|&(_, gravita, testo)| Rilievo { gravita, testo: testo.to_string() })
        .collect()
}

pub(super) fn rilievi_pdf(p: &pdf::Reperti) -> Vec<Rilievo> {
    use Gravita::{Avviso, Errore};
    if p.cifrato {
        return messaggi(&[(true, Errore, "Il PDF è cifrato o protetto: non possiamo controllarne il contenuto e CIVIS potrebbe scartarlo. Togli la protezione o stampalo di nuovo in PDF/A.")]);
    }
    let r = messaggi(&[
        (p.javascript, Errore, "Il PDF contiene codice JavaScript, un elemento attivo. Stampalo di nuovo in PDF/A («Stampa» → «Salva come PDF»)."),
        (p.avvio_programmi, Errore, "Il PDF contiene un comando che avvia programmi, un elemento attivo. Stampalo di nuovo in PDF/A."),
        (p.azioni_esterne, Errore, "Il PDF contiene azioni che inviano dati o aprono altri file (invio di moduli, collegamenti ad altri documenti), elementi attivi. Stampalo di nuovo in PDF/A."),
        (p.azione_apertura, Errore, "Il PDF esegue un'azione appena viene aperto (per esempio apre un indirizzo internet o un altro file), un elemento attivo. Stampalo di nuovo in PDF/A."),
        (p.azioni_automatiche, Errore, "Il PDF contiene azioni automatiche (eseguite all'apertura o alla chiusura), elementi attivi. Stampalo di nuovo in PDF/A."),
        (p.file_incorporati, Errore, "Il PDF contiene altri file al suo interno. Allega i documenti separatamente, ciascuno come PDF."),
        (p.moduli, Errore, "Il PDF contiene un modulo con campi compilabili («campi variabili»). Stampalo di nuovo in PDF/A: i campi diventano testo fisso."),
        (p.multimedia, Errore, "Il PDF contiene contenuti multimediali attivi. Stampalo di nuovo in PDF/A."),
        (p.f24, Avviso, "Sembra la ricevuta di un modello F24: l'Agenzia ha già i pagamenti fatti con l'F24. Non allegarlo, a meno che l'ufficio non te lo chieda."),
        (p.dichiarazione, Avviso, "Sembra una dichiarazione dei redditi: l'Agenzia ha già le dichiarazioni presentate. Non allegarla."),
        (p.link, Avviso, "Il PDF contiene link a indirizzi internet. Un link che si apre solo con un clic non è un elemento attivo; se puoi, stampalo in PDF/A senza link."),
    ]);
    con_incompleto(p.incompleto, r)
}

const FORMULE_ATTIVE: &str = "Il foglio contiene formule che avviano programmi o scaricano dati da fuori (per esempio DDE, WEBSERVICE, CALL), elementi attivi. Salvalo come PDF/A: le formule diventano valori.";

pub(super) fn rilievi_ooxml(o: &ooxml::Reperti) -> Vec<Rilievo> {
    use Gravita::{Avviso, Errore};
    let r = messaggi(&[
        (o.macro_vba, Errore, "Il documento contiene macro, elementi attivi. Salvalo come PDF/A, o come docx/xlsx senza macro."),
        (o.macro_excel4, Errore, "Il foglio contiene macro di Excel 4 (fogli macro o avvio automatico), elementi attivi. Salvalo come PDF/A."),
        (o.activex, Errore, "Il documento contiene controlli ActiveX, elementi attivi. Salvalo come PDF/A."),
        (o.risorse_esterne, Errore, "Il documento carica all'apertura qualcosa che sta fuori dal file (un modello, una pagina o un oggetto collegato). Salvalo come PDF/A."),
        (o.oggetti_incorporati, Errore, "Il documento contiene oggetti o file incorporati (OLE). Salvalo come PDF/A."),
        (o.collegamenti, Errore, "Il documento contiene collegamenti ad altri file o a fonti di dati (collegamenti esterni, DDE, connessioni) che si aggiornano da soli. Salvalo come PDF/A."),
        (o.contenuti_importati, Errore, "Il documento importa contenuti da altri formati (per esempio pagine web incorporate). Salvalo come PDF/A."),
        (o.formule_attive, Errore, FORMULE_ATTIVE),
        (o.campi, Errore, "Il documento contiene campi che si aggiornano da soli («campi variabili», per esempio date o riferimenti). Salvalo come PDF/A: i campi diventano testo fisso."),
        (o.link, Avviso, "Il documento contiene link a indirizzi internet. Un link che si apre solo con un clic non è un elemento attivo; se puoi, salvalo in PDF/A."),
    ]);
    con_incompleto(o.incompleto, r)
}

pub(super) fn rilievi_odf(o: &odf::Reperti) -> Vec<Rilievo> {
    use Gravita::{Avviso, Errore};
    let r = messaggi(&[
        (o.macro_, Errore, "Il documento contiene macro (Basic o script, o link che le avviano), elementi attivi. Salvalo come PDF/A."),
        (o.eventi, Errore, "Il documento avvia script al verificarsi di eventi (per esempio all'apertura), elementi attivi. Salvalo come PDF/A."),
        (o.dde, Errore, "Il documento contiene collegamenti DDE ad altri programmi, che si aggiornano da soli. Salvalo come PDF/A."),
        (o.formule_attive, Errore, FORMULE_ATTIVE),
        (o.risorse_esterne, Errore, "Il documento carica all'apertura qualcosa che sta fuori dal file (un'immagine, un oggetto, una sezione o una tabella collegati). Salvalo come PDF/A."),
        (o.oggetti_incorporati, Errore, "Il documento contiene oggetti incorporati (OLE). Salvalo come PDF/A."),
        (o.link, Avviso, "Il documento contiene link a indirizzi internet. Un link che si apre solo con un clic non è un elemento attivo; se puoi, salvalo in PDF/A."),
    ]);
    con_incompleto(o.incompleto, r)
}
