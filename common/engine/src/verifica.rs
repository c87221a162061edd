//! Verification of the whole question graph: every path through the choice questions, each ending in an
//! outcome; every question and outcome reachable; every page, channel and fact named by the rules exists. The top
//! layer: `civis-guida check` and the site build run it.

use crate::flusso::{a_frammento, domande_poste, prossima, Voci};
use crate::modello::{Regole, TipoDomanda, TipoScadenza};
use crate::regole::{riga_di, Diagnostic};
use chrono::NaiveDate;
use std::collections::BTreeSet;

/// One path through the choice questions (dates and amounts pass through).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Percorso {
    /// The choice answers (empty value: an optional question skipped).
    pub voci: Voci,
    /// The outcome rule reached on each day a rule comes into force (and before the first); `None` is a dead end.
    pub esiti: Vec<(NaiveDate, Option<String>)>,
}

/// The days on which the outcome rules may change: a far past day, and each day a rule comes into force.
fn ere(regole: &Regole) -> Vec<NaiveDate> {
    let mut giorni: Vec<NaiveDate> = vec![NaiveDate::from_ymd_opt(1900, 1, 1).expect("a real date")];
    giorni.extend(regole.esiti.iter().filter_map(|e| e.in_vigore_dal));
    giorni.sort();
    giorni.dedup();
    giorni
}

const QUALSIASI: &str = "\u{0}";

/// The amounts worth trying for an amount question: each threshold an outcome rule compares it with, and the cent
/// below, so that an outcome for an amount under a threshold is reached too.
fn soglie(regole: &Regole, chiave: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for (k, ammessi) in regole.esiti.iter().flat_map(|e| e.quando.voci()) {
        for (_, soglia) in ammessi.iter().filter(|_| k == chiave).filter_map(|a| crate::condizione::confronto(a)) {
            for v in [soglia - 0.01, soglia] {
                let v = format!("{v:.2}");
                if !out.contains(&v) {
                    out.push(v);
                }
            }
        }
    }
    out
}

/// Every path through the question graph.
pub fn percorsi(regole: &Regole) -> Vec<Percorso> {
    fn visita(regole: &Regole, ere: &[NaiveDate], voci: &mut Voci, out: &mut Vec<Percorso>) {
        let Some(d) = prossima(regole, voci) else {
            let scelte: Voci =
                voci.iter().filter(|(_, v)| *v != QUALSIASI).map(|(k, v)| (k.clone(), v.clone())).collect();
            let esiti = ere
                .iter()
                .map(|&giorno| (giorno, crate::esito::esito(regole, &scelte, giorno).map(|e| e.id.to_string())))
                .collect();
            out.push(Percorso { voci: scelte, esiti });
            return;
        };
        let soglie = soglie(regole, &d.chiave);
        let mut valori: Vec<&str> = match d.tipo {
            TipoDomanda::Scelta => d.opzioni_per(voci).map(|o| &*o.valore).collect(),
            TipoDomanda::Importo => std::iter::once(QUALSIASI).chain(soglie.iter().map(String::as_str)).collect(),
            _ => vec![QUALSIASI],
        };
        if d.facoltativa && d.tipo == TipoDomanda::Scelta {
            valori.push("");
        }
        for v in valori {
            voci.insert(d.chiave.to_string(), v.to_string());
            visita(regole, ere, voci, out);
        }
        voci.remove(&*d.chiave);
    }
    let mut out = Vec::new();
    visita(regole, &ere(regole), &mut Voci::new(), &mut out);
    out
}

/// Why the path's outcome on `giorno` says nothing for a deadline already passed, if it does not: its rule has no
/// `scaduto` case while the case has a deadline to meet.
fn senza_caso_scaduto(regole: &Regole, p: &Percorso, giorno: NaiveDate, esito: &str) -> Option<String> {
    let e = regole.esiti.iter().find(|e| e.id == esito)?;
    if !e.scaduto.is_empty() {
        return None;
    }
    let scelte = crate::condizione::filtra(&p.voci, &|k, _| {
        regole.domande.iter().any(|d| d.chiave == k && d.tipo == TipoDomanda::Scelta)
    });
    let r = crate::risposte::da_voci(regole, &scelte, giorno).ok()?;
    let scadenze = crate::scadenza::scadenze(regole, &r, None, giorno, false);
    let termine = scadenze.iter().find(|s| s.tipo == TipoScadenza::Termine)?;
    Some(format!(
        "l'esito «{esito}» non dice che cosa fare quando il termine «{}» è passato (manca «scaduto»), per il percorso {}",
        termine.id,
        a_frammento(regole, &p.voci)
    ))
}

/// Checks the flow: every path ends in an outcome, every question and outcome is reachable, every outcome has a
/// channel that always exists, every page named exists (`pagina_esiste` gets output paths like `civis/`).
pub fn verifica(regole: &Regole, pagina_esiste: &dyn Fn(&str) -> bool) -> Vec<Diagnostic> {
    verifica_percorsi(regole, &percorsi(regole), pagina_esiste)
}

/// Why a pre-filled link is not a state the wizard reaches with choices only, if it is not.
fn problema_collegamento(regole: &Regole, frammento: &str) -> Option<String> {
    let voci = crate::flusso::da_frammento(frammento);
    let mut fatte = Voci::new();
    for (chiave, valore) in &voci {
        let Some(d) = regole.domande.iter().find(|d| &d.chiave == chiave) else {
            return Some(format!("la chiave «{chiave}» non è una domanda del percorso"));
        };
        if d.tipo != TipoDomanda::Scelta {
            return Some(format!(
                "«{chiave}» è un dato personale (data, anno o importo): un link da condividere si ferma prima"
            ));
        }
        if !d.opzioni().iter().any(|o| &o.valore == valore) {
            return Some(format!("«{valore}» non è una risposta possibile a «{chiave}»"));
        }
    }
    // Answered in the wizard's order, every answer must be to the question it asks next.
    while let Some(d) = prossima(regole, &fatte).filter(|d| voci.contains_key(&*d.chiave)) {
        fatte.insert(d.chiave.to_string(), voci[&*d.chiave].clone());
    }
    (fatte != voci)
        .then(|| "non è uno stato raggiungibile rispondendo alle domande nell'ordine del percorso".to_string())
}

/// [`verifica`] on paths already enumerated (the site build enumerates them once and reports their number).
pub fn verifica_percorsi(regole: &Regole, tutti: &[Percorso], pagina_esiste: &dyn Fn(&str) -> bool) -> Vec<Diagnostic> {
    let mut s = Segnalazioni::di(regole);
    let (chieste, raggiunti) = s.percorsi(tutti);
    s.domande(tutti, &chieste, pagina_esiste);
    s.esiti(&raggiunti, pagina_esiste);
    s.avvisi_e_collegamenti();
    for c in regole.canali.iter().filter(|c| !pagina_esiste(&c.pagina)) {
        let m = format!("il canale «{}» rimanda alla pagina «{}», che non esiste nel sito", c.id, c.pagina);
        s.in_canali(&format!("id: {}", c.id), m);
    }
    s.errori
}

/// A problem of a rules file (its name and text), at the first line that says `cerca`.
fn alla_riga((file, testo): &(String, String), cerca: &str, message: String) -> Diagnostic {
    Diagnostic { file: file.clone(), line: riga_di(testo, cerca), col: 1, message }
}

/// The problems the path checks find, each reported at its line of `canali.yaml` or `domande.yaml` (the rules keep
/// their sources' text, so the line is found by what it says: `id: …`).
struct Segnalazioni<'a> {
    regole: &'a Regole,
    canali: (String, String),
    domande: (String, String),
    errori: Vec<Diagnostic>,
}

impl<'a> Segnalazioni<'a> {
    fn di(regole: &'a Regole) -> Segnalazioni<'a> {
        let sorgente =
            |nome: &str| regole.sorgenti.iter().find(|(p, _)| p.ends_with(nome)).cloned().unwrap_or_default();
        Segnalazioni { regole, canali: sorgente("canali.yaml"), domande: sorgente("domande.yaml"), errori: Vec::new() }
    }

    fn in_canali(&mut self, cerca: &str, message: String) {
        self.errori.push(alla_riga(&self.canali, cerca, message));
    }

    fn in_domande(&mut self, cerca: &str, message: String) {
        self.errori.push(alla_riga(&self.domande, cerca, message));
    }

    /// Every path's outcomes, day by day: a path with none, an outcome whose passed term has no case of its own.
    /// Returns the questions asked and the outcomes reached on some path.
    fn percorsi(&mut self, tutti: &[Percorso]) -> (BTreeSet<String>, BTreeSet<String>) {
        let mut chieste = BTreeSet::new();
        let mut raggiunti = BTreeSet::new();
        let mut senza_scaduto = BTreeSet::new();
        for p in tutti {
            for (giorno, esito) in &p.esiti {
                match esito {
                    Some(e) => {
                        raggiunti.insert(e.clone());
                        if senza_scaduto.contains(e) {
                            continue;
                        }
                        if let Some(m) = senza_caso_scaduto(self.regole, p, *giorno, e) {
                            self.in_canali(&format!("id: {e}"), m);
                            senza_scaduto.insert(e.clone());
                        }
                    }
                    None => {
                        let dal = if *giorno > NaiveDate::from_ymd_opt(1900, 1, 1).expect("a real date") {
                            format!(" dal {}", crate::testo::data_it(*giorno))
                        } else {
                            String::new()
                        };
                        let m = format!("nessun esito{dal} per il percorso {}", a_frammento(self.regole, &p.voci));
                        self.in_canali("esiti:", m);
                    }
                }
            }
            chieste.extend(domande_poste(self.regole, &p.voci).into_iter().map(|d| d.id.to_string()));
        }
        (chieste, raggiunti)
    }

    /// Questions never asked, and questions whose help page is not in the site. Non-choice questions are answered
    /// with a placeholder on every path that asks them.
    fn domande(&mut self, tutti: &[Percorso], chieste: &BTreeSet<String>, pagina_esiste: &dyn Fn(&str) -> bool) {
        for d in self.regole.domande.iter() {
            let cerca = format!("id: {}", d.id);
            let chiesta = chieste.contains(&*d.id)
                || (d.tipo != TipoDomanda::Scelta && tutti.iter().any(|p| d.si_applica(&p.voci)));
            if !chiesta {
                self.in_domande(&cerca, format!("la domanda «{}» non viene mai posta", d.id));
            }
            if let Some(p) = d.pagina.as_deref().filter(|p| !pagina_esiste(p)) {
                self.in_domande(&cerca, format!("la pagina «{p}» non esiste nel sito"));
            }
        }
    }

    /// Outcomes never reached, without a channel always available, or linking a page the site lacks.
    fn esiti(&mut self, raggiunti: &BTreeSet<String>, pagina_esiste: &dyn Fn(&str) -> bool) {
        let regole = self.regole;
        for e in regole.esiti.iter() {
            let cerca = format!("id: {}", e.id);
            if !raggiunti.contains(&*e.id) {
                self.in_canali(&cerca, format!("l'esito «{}» non viene mai raggiunto", e.id));
            }
            if !e.canali.iter().any(|c| regole.canali.iter().any(|k| &k.id == c && k.in_vigore_dal.is_none())) {
                self.in_canali(&cerca, format!("l'esito «{}» non ha un canale sempre disponibile", e.id));
            }
            for p in e.pagine.iter().filter(|p| !pagina_esiste(p)) {
                let m = format!("l'esito «{}» rimanda alla pagina «{p}», che non esiste nel sito", e.id);
                self.in_canali(&cerca, m);
            }
        }
    }

    /// Warnings that name an unknown fact, and help desks' pre-filled links that lead nowhere.
    fn avvisi_e_collegamenti(&mut self) {
        let regole = self.regole;
        for a in regole.avvisi.iter() {
            if let Some(f) = a.se_fatto.as_deref().filter(|f| !crate::esito::FATTI.iter().any(|(n, _)| n == f)) {
                let noti: Vec<&str> = crate::esito::FATTI.iter().map(|(n, _)| *n).collect();
                let m = format!("avviso «{}»: fatto sconosciuto «{f}» (noti: {})", a.id, noti.join(", "));
                self.in_canali(&format!("id: {}", a.id), m);
            }
        }
        for c in regole.collegamenti.iter() {
            if let Some(problema) = problema_collegamento(regole, &c.frammento) {
                self.in_domande(&c.frammento, format!("collegamento precompilato «{}»: {problema}", c.frammento));
            }
        }
    }
}

#[cfg(test)]
mod test {
    use super::*;
    use crate::regole::incorporate;

    #[test]
    fn every_path_of_the_real_rules_ends_in_an_outcome() {
        let r = incorporate();
        let tutti = percorsi(r);
        assert!(tutti.len() > 100, "{} paths", tutti.len());
        let vicoli: Vec<_> = tutti.iter().filter(|p| p.esiti.iter().any(|(_, e)| e.is_none())).collect();
        assert!(vicoli.is_empty(), "dead ends: {vicoli:?}");
        assert!(verifica(r, &|_| true).is_empty(), "{:?}", verifica(r, &|_| true));
    }

    #[test]
    fn verification_reports_missing_pages_with_their_line() {
        let r = incorporate();
        let errori = verifica(r, &|p| p != "civis/seconda-richiesta/");
        let e = errori.iter().find(|e| e.message.contains("civis_seconda_richiesta")).expect("missing page reported");
        assert!(e.file.ends_with("canali.yaml") && e.line > 0, "{e}");
    }

    #[test]
    fn an_id_is_found_at_its_own_line_not_at_a_longer_id() {
        let r = incorporate();
        let errori = verifica(r, &|p| p != "cartelle/altri-enti/");
        let (_, testo) = r.sorgenti.iter().find(|(p, _)| p.ends_with("canali.yaml")).unwrap();
        let riga = testo.lines().position(|l| l.trim() == "- id: altro-ente").unwrap() + 1;
        let e = errori.iter().find(|e| e.message.contains("l'esito «altro-ente»")).expect("missing page reported");
        assert_eq!(e.line, riga, "{e}");
    }

    #[test]
    fn pre_filled_links_are_reachable_choice_states() {
        let r = incorporate();
        assert_eq!(problema_collegamento(r, "atto=cartella&origine=controllo_automatizzato"), None);
        assert!(problema_collegamento(r, "atto=cartella&notifica.data=2026-07-15").unwrap().contains("dato personale"));
        assert!(problema_collegamento(r, "atto=cartella&colore=blu").unwrap().contains("colore"));
        assert!(
            problema_collegamento(r, "atto=cartella&obiettivo=contestare").unwrap().contains("raggiungibile"),
            "origine is asked first"
        );
        assert!(problema_collegamento(r, "atto=multa").unwrap().contains("multa"));
        assert!(r.collegamenti.len() >= 3);
    }
}
