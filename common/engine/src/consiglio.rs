//! The advice (output of `advise`, docs/advise-contract.md): channels, deadlines with the one that answers the
//! goal, warnings and procedure; when that deadline has passed, the outcome for that situation.

use crate::condizione::Voci;
use crate::esito::{esito, principale, vale, Caso, Scelto};
use crate::modello::{Avviso, Regole, Sanzione, TipoDomanda};
use crate::notifica::{perfeziona, Perfezionamento};
use crate::risposte::{ErroreRisposte, Risposte};
use crate::scadenza::{scadenze, Scadenza};
use crate::tabella::Elenco;
use crate::testo::data_estesa;
use chrono::NaiveDate;
use serde::Serialize;

/// The advice for one case.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Consiglio {
    /// The date terms run from (absent without `notifica`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub notifica_perfezionata: Option<NaiveDate>,
    /// How that date was found.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub notifica: Option<DettaglioNotifica>,
    /// Channels, the recommended one first.
    pub canali: Vec<CanaleConsigliato>,
    /// Deadlines.
    pub scadenze: Vec<Scadenza>,
    /// The id of the deadline that answers the person's goal; present whenever `scadenze` has a deadline to meet.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub scadenza_principale: Option<String>,
    /// When the goal's deadline has passed: the calendar days from it to today (1 on the day after).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub giorni_di_ritardo: Option<i64>,
    /// In the days of grace after a missed payment: the id of the deadline they end with (the outcome is the one
    /// for those days).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tolleranza: Option<String>,
    /// Warnings.
    pub avvisi: Vec<AvvisoDato>,
    /// The procedure, step by step.
    pub passi: Vec<String>,
    /// Pages to read.
    pub pagine: Vec<String>,
    /// The reduced sanction, for avvisi.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sanzione_ridotta: Option<Sanzione>,
    /// The outcome applied (an id of `canali.yaml`: a rule's, or its case after the deadline).
    pub esito: String,
}

/// How the notification date was found.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct DettaglioNotifica {
    /// The computation.
    pub calcolo: Vec<crate::passo::Passo>,
    /// Legal source.
    pub fonte: String,
    /// Where the sources leave a point open.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub nota: Option<String>,
}

/// A channel in the advice.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct CanaleConsigliato {
    /// Contract channel id.
    pub id: String,
    /// Title.
    pub titolo: String,
    /// Guidance page (output path).
    pub pagina: String,
    /// The official service, linked (never loaded).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub servizio: Option<crate::modello::Servizio>,
    /// What to know before choosing it instead of another ("non sospende i termini").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub avvertenza: Option<String>,
}

impl CanaleConsigliato {
    /// The channel as the advice gives it.
    pub fn di(c: &crate::modello::Canale) -> Self {
        CanaleConsigliato {
            id: c.id.clone(),
            titolo: c.titolo.clone(),
            pagina: c.pagina.clone(),
            servizio: c.servizio.clone(),
            avvertenza: c.avvertenza.clone(),
        }
    }
}

/// A warning in the advice.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct AvvisoDato {
    /// Contract warning id.
    pub id: String,
    /// Text.
    pub testo: String,
    /// The deadline whose title and date fill the text (`{titolo}`, `{data}`), by id: a page in another language
    /// fills the (translated) text again with the date in its words. Not part of the advice.
    #[serde(skip)]
    pub scadenza: Option<String>,
}

/// Advice for complete answers, with dates.
pub fn consiglia_con(regole: &Regole, r: &Risposte, oggi: NaiveDate) -> Result<Consiglio, ErroreRisposte> {
    if let Some(d) = crate::flusso::mancante(regole, &r.voci) {
        let messaggio = format!("manca la risposta («{}»)", d.etichetta);
        return Err(ErroreRisposte { chiave: d.chiave.to_string(), messaggio, motivo: None });
    }
    let perf = r.notifica.as_ref().map(|n| perfeziona(regole, r.atto.as_deref(), n));
    componi(regole, r, perf.as_ref(), oggi, None)
}

/// Advice in words for the choice answers only (no dates): each deadline states its rule. With `scaduto`, the
/// outcome for a goal's deadline already passed (the pages without JavaScript show both).
pub fn in_parole(regole: &Regole, voci: &Voci, oggi: NaiveDate, scaduto: bool) -> Result<Consiglio, ErroreRisposte> {
    let scelte = crate::condizione::filtra(voci, &|k, _| {
        regole.domande.iter().any(|d| d.chiave == k && d.tipo == TipoDomanda::Scelta && !d.non_cambia_esito)
    });
    let mut r = crate::risposte::da_voci(regole, &scelte, oggi)?;
    r.voci = voci.clone();
    componi(regole, &r, None, oggi, Some(scaduto))
}

/// The advice; `scaduto` forces the case (the pages in words), else the dates decide it.
fn componi(
    regole: &Regole,
    r: &Risposte,
    perf: Option<&Perfezionamento>,
    oggi: NaiveDate,
    scaduto: Option<bool>,
) -> Result<Consiglio, ErroreRisposte> {
    let e = esito(regole, &r.voci, oggi).ok_or_else(|| ErroreRisposte {
        chiave: "(input)".into(),
        messaggio: "nessuna regola copre questa combinazione di risposte".into(),
        motivo: None,
    })?;
    let mut scadenze = scadenze(regole, r, perf, oggi, scaduto == Some(true));
    let principale = principale(regole, e, &r.voci, &scadenze).cloned();
    let passata = principale.as_ref().is_some_and(|s| s.scaduta == Some(true));
    let scelto = Scelto::di(e, scaduto.unwrap_or(passata), &scadenze);
    // A channel that exists only within its terms (a ricorso) is no longer offered once every one has passed.
    let chiuso = |id: &str| {
        let mut suoi = scadenze.iter().filter(|s| s.canali.first().is_some_and(|c| c == id)).peekable();
        suoi.peek().is_some() && suoi.all(|s| s.scaduta == Some(true))
    };
    let canali: Vec<CanaleConsigliato> = scelto
        .canali
        .iter()
        .filter_map(|id| regole.canali.iter().find(|c| c.id == *id))
        .filter(|c| c.in_vigore_dal.is_none_or(|d| oggi >= d))
        .filter(|c| !(c.solo_nei_termini && chiuso(&c.id)))
        .map(CanaleConsigliato::di)
        .collect();
    // Each deadline names the first of its channels the outcome offers (else its usual one).
    for s in scadenze.iter_mut() {
        if let Some(c) = s.canali.iter().find(|c| canali.iter().any(|k| k.id == **c)) {
            s.canale = c.clone();
        }
    }
    let ids: Vec<&str> = canali.iter().map(|c| c.id.as_str()).collect();
    let caso = Caso { regole, risposte: r, canali: &ids, scadenze: &scadenze, decorrenza: perf.map(|p| p.data) };
    let scaduta = principale.iter().chain(&scadenze).find(|s| s.scaduta == Some(true));
    let avvisi = regole
        .avvisi
        .iter()
        .filter(|a| si_applica(a, &caso))
        .map(|a| AvvisoDato {
            id: a.id.clone(),
            testo: testo_avviso(&a.testo, scaduta),
            scadenza: scaduta.map(|s| s.id.clone()),
        })
        .collect();
    let mut pagine: Vec<String> = scelto.pagine.to_vec();
    for c in &canali {
        if !pagine.contains(&c.pagina) {
            pagine.push(c.pagina.clone());
        }
    }
    Ok(Consiglio {
        notifica_perfezionata: perf.map(|p| p.data),
        notifica: perf.map(|p| DettaglioNotifica {
            calcolo: p.passi.clone(),
            fonte: p.fonte.clone(),
            nota: p.nota.clone(),
        }),
        canali,
        tolleranza: scelto.tolleranza.map(String::from),
        giorni_di_ritardo: principale.as_ref().filter(|_| passata).and_then(|s| s.data).map(|d| (oggi - d).num_days()),
        scadenza_principale: principale.map(|s| s.id),
        scadenze,
        avvisi,
        passi: scelto.passi.to_vec(),
        pagine,
        // The reduction holds in time and in the days of grace after a missed payment, not after them.
        sanzione_ridotta: r
            .atto
            .as_ref()
            .filter(|_| scelto.id == e.id || scelto.tolleranza.is_some())
            .and_then(|a| regole.sanzioni.iter().find(|s| s.atti.ha(a)))
            .cloned(),
        esito: scelto.id.to_string(),
    })
}

/// Whether a warning applies: every condition it gives holds.
fn si_applica(a: &Avviso, c: &Caso) -> bool {
    let voci = &c.risposte.voci;
    let ha_canale = |id: &str| c.canali.contains(&id);
    (a.se_canale.is_empty() || a.se_canale.iter().any(|id| ha_canale(id)))
        && a.se_fatto.as_deref().is_none_or(|f| vale(f, c))
        && a.quando.as_ref().is_none_or(|q| q.vale(voci))
        && a.salvo.as_ref().is_none_or(|q| !q.vale(voci))
        && a.con.as_deref().is_none_or(|k| voci.get(k).is_some_and(|v| !v.is_empty()))
        && a.senza.as_deref().is_none_or(|k| voci.get(k).is_none_or(|v| v.is_empty()))
        && a.senza_canale.as_deref().is_none_or(|id| !ha_canale(id))
}

/// A warning's text with the deadline it names (`{titolo}`, `{data}`: the goal's deadline when it has passed, else
/// the first one passed).
fn testo_avviso(testo: &str, scaduta: Option<&Scadenza>) -> String {
    let Some(s) = scaduta else { return testo.to_string() };
    let data = s.data.map(data_estesa).unwrap_or_default();
    crate::testo::riempi(testo, &[("titolo", &s.titolo), ("data", &data)])
}
