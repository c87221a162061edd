//! The advice (output of `advise`, docs/advise-contract.md): channels, deadlines, warnings and procedure.

use crate::condizione::Voci;
use crate::esito::{esito, vale, Caso};
use crate::modello::{Regole, Sanzione};
use crate::notifica::{perfeziona, Perfezionamento};
use crate::risposte::{ErroreRisposte, Risposte};
use crate::scadenza::{scadenze, Scadenza};
use crate::tabella::Elenco;
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
    /// Warnings.
    pub avvisi: Vec<AvvisoDato>,
    /// The procedure, step by step.
    pub passi: Vec<String>,
    /// Pages to read.
    pub pagine: Vec<String>,
    /// The reduced sanction, for avvisi.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sanzione_ridotta: Option<Sanzione>,
    /// The outcome rule applied (id in `canali.yaml`).
    pub esito: String,
}

/// How the notification date was found.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct DettaglioNotifica {
    /// The computation.
    pub calcolo: Vec<String>,
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
}

/// A warning in the advice.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct AvvisoDato {
    /// Contract warning id.
    pub id: String,
    /// Text.
    pub testo: String,
}

/// Advice for complete answers, with dates.
pub fn consiglia_con(regole: &Regole, r: &Risposte, oggi: NaiveDate) -> Result<Consiglio, ErroreRisposte> {
    if let Some(d) = crate::flusso::mancante(regole, &r.voci) {
        return Err(ErroreRisposte {
            chiave: d.chiave.to_string(),
            messaggio: format!("manca la risposta («{}»)", d.etichetta),
        });
    }
    let perf = r.notifica.as_ref().map(|n| perfeziona(regole, r.atto.as_deref(), n));
    componi(regole, r, perf.as_ref(), oggi)
}

/// Advice in words for the choice answers only (no dates): each deadline states its rule.
pub fn in_parole(regole: &Regole, voci: &Voci, oggi: NaiveDate) -> Result<Consiglio, ErroreRisposte> {
    let scelte = crate::condizione::filtra(voci, &|k, _| {
        regole
            .domande
            .iter()
            .any(|d| d.chiave == k && d.tipo == crate::modello::TipoDomanda::Scelta && !d.non_cambia_esito)
    });
    let mut r = crate::risposte::da_voci(regole, &scelte, oggi)?;
    r.voci = voci.clone();
    componi(regole, &r, None, oggi)
}

fn componi(
    regole: &Regole,
    r: &Risposte,
    perf: Option<&Perfezionamento>,
    oggi: NaiveDate,
) -> Result<Consiglio, ErroreRisposte> {
    let e = esito(regole, &r.voci).ok_or_else(|| ErroreRisposte {
        chiave: "(input)".into(),
        messaggio: "nessuna regola copre questa combinazione di risposte".into(),
    })?;
    let canali: Vec<CanaleConsigliato> = e
        .canali
        .iter()
        .filter_map(|id| regole.canali.iter().find(|c| c.id == *id))
        .filter(|c| c.in_vigore_dal.is_none_or(|d| oggi >= d))
        .map(|c| CanaleConsigliato { id: c.id.to_string(), titolo: c.titolo.to_string(), pagina: c.pagina.to_string() })
        .collect();
    let scadenze = scadenze(regole, r, perf, oggi);
    let ha = |id: &str| canali.iter().any(|c| c.id == id);
    let ids: Vec<&str> = canali.iter().map(|c| c.id.as_str()).collect();
    let caso = Caso { regole, risposte: r, canali: &ids, scadenze: &scadenze };
    let avvisi = regole
        .avvisi
        .iter()
        .filter(|a| a.se_canale.iter().any(|c| ha(c)) || a.se_fatto.as_deref().is_some_and(|f| vale(f, &caso)))
        .map(|a| AvvisoDato { id: a.id.to_string(), testo: a.testo.to_string() })
        .collect();
    let mut pagine: Vec<String> = e.pagine.iter().map(|p| p.to_string()).collect();
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
        scadenze,
        avvisi,
        passi: e.passi.iter().map(|p| p.to_string()).collect(),
        pagine,
        sanzione_ridotta: r.atto.as_ref().and_then(|a| regole.sanzioni.iter().find(|s| s.atti.ha(a))).cloned(),
        esito: e.id.to_string(),
    })
}

#[cfg(test)]
mod test {
    use crate::flusso::{da_frammento, in_risposte};
    use crate::regole::incorporate;
    use chrono::NaiveDate;

    fn oggi() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 7, 20).unwrap()
    }

    fn consiglio(frammento: &str) -> super::Consiglio {
        let r = incorporate();
        super::consiglia_con(r, &in_risposte(r, &da_frammento(frammento), oggi()).unwrap(), oggi()).unwrap()
    }

    #[test]
    fn sospensione_legale_only_for_the_cases_of_the_law() {
        let base = "atto=cartella&origine=controllo_automatizzato&obiettivo=sospendere&notifica.modo=pec&notifica.data=2026-07-15";
        let altro = consiglio(&format!("{base}&motivo_sospensione=altro"));
        assert!(altro.scadenze.iter().all(|s| s.id != "sospensione_legale"), "{:?}", altro.scadenze);
        assert_eq!(altro.canali[0].id, "ricorso");
        assert!(altro.passi.iter().any(|p| p.contains("art. 47 D.Lgs. 546/1992")));
        let sgravio = consiglio(&format!("{base}&motivo_sospensione=sgravio"));
        assert!(sgravio.scadenze.iter().any(|s| s.id == "sospensione_legale"));
        assert_eq!(sgravio.canali[0].id, "ader");
    }

    #[test]
    fn tassazione_separata_has_no_sanction_within_thirty_days() {
        let c = consiglio("atto=tassazione_separata&obiettivo=pagare&notifica.modo=pec&notifica.data=2026-07-15");
        let s = c.sanzione_ridotta.expect("stated for tassazione separata");
        assert!(s.testo.contains("non paghi sanzioni") && s.fonte.contains("412"), "{s:?}");
    }

    #[test]
    fn an_answer_left_behind_by_cambia_does_not_break_the_wizard() {
        // The person first said «chiusa_parziale» and gave the updated communication's date, then changed the
        // state of the request: the date no longer applies and is ignored, not an error.
        let c = consiglio(
            "atto=avviso_bonario&obiettivo=pagare&prima_richiesta_civis=chiusa_respinta&data_elaborazione=2026-01-15&notifica.modo=pec&notifica.data=2026-02-02&data_comunicazione_aggiornata=2026-04-10",
        );
        assert_eq!(c.scadenze[0].data, NaiveDate::from_ymd_opt(2026, 4, 3));
    }

    #[test]
    fn an_unshifted_sunday_and_a_check_say_so_in_one_line() {
        let c = consiglio("atto=cartella&origine=controllo_automatizzato&obiettivo=contestare&notifica.modo=pec&notifica.data=2026-07-15&anno_presentazione=2023");
        let s = |id: &str| c.scadenze.iter().find(|s| s.id == id).unwrap();
        assert_eq!(
            s("sospensione_legale").in_breve.as_deref(),
            Some("Cade di domenica e la legge non dice se il termine slitta: per prudenza agisci entro venerdì 11 settembre 2026.")
        );
        assert_eq!(s("ricorso").in_breve, None, "a shifted deadline needs no note");
        let d = s("decadenza_cartella");
        assert_eq!(d.tipo, crate::modello::TipoScadenza::Verifica);
        assert_eq!(
            d.in_breve.as_deref(),
            Some("La cartella doveva esserti notificata entro il 31 dicembre 2026: è arrivata in tempo.")
        );
    }
}
