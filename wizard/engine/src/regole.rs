//! The rules as typed data: `content/wizard/*.yaml`, parsed with serde (unknown keys rejected), cross-checked,
//! and embedded in the binary at compile time.

use crate::condizione::Quando;
use chrono::NaiveDate;
use serde::Deserialize;
use std::collections::BTreeSet;
use std::fmt;
use std::sync::OnceLock;

/// A problem in a rules file, with its position (1-based line and column).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostica {
    /// Path of the file, as given to [`carica`].
    pub file: String,
    /// 1-based line (0 when unknown).
    pub riga: usize,
    /// 1-based column (0 when unknown).
    pub colonna: usize,
    /// What is wrong.
    pub messaggio: String,
}

impl fmt::Display for Diagnostica {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}:{}: {}", self.file, self.riga, self.colonna, self.messaggio)
    }
}

/// The rules files, by name, as found in `content/wizard/`.
pub const FILE: [&str; 5] = ["calendario.yaml", "notifica.yaml", "scadenze.yaml", "canali.yaml", "domande.yaml"];

const INCORPORATI: [&str; 5] = [
    include_str!("../../../content/wizard/calendario.yaml"),
    include_str!("../../../content/wizard/notifica.yaml"),
    include_str!("../../../content/wizard/scadenze.yaml"),
    include_str!("../../../content/wizard/canali.yaml"),
    include_str!("../../../content/wizard/domande.yaml"),
];

/// All the rules of the engine.
#[derive(Debug, Clone)]
pub struct Regole {
    /// Holidays, summer suspensions and the shift rule.
    pub calendario: Calendario,
    /// When a notification counts as done, by mode.
    pub notifica: Vec<ModoNotifica>,
    /// Deadline rules counted in days.
    pub termini: Vec<Termine>,
    /// Decadenza rules for cartelle.
    pub decadenze: Vec<Decadenza>,
    /// Reduced sanctions shown for avvisi.
    pub sanzioni: Vec<Sanzione>,
    /// Channels.
    pub canali: Vec<Canale>,
    /// Warnings.
    pub avvisi: Vec<Avviso>,
    /// Outcome rules, first match wins.
    pub esiti: Vec<Esito>,
    /// The wizard's questions, in order.
    pub domande: Vec<crate::flusso::Domanda>,
    /// Extensions of the decadenza terms, by origin and year of filing.
    pub proroghe: Vec<ProrogaDecadenza>,
    /// The source files `(path, text)`, for positions in diagnostics.
    pub sorgenti: Vec<(String, String)>,
    /// When a person last checked each rules file against the law: `(path, date)`.
    pub revisioni: Vec<(String, NaiveDate)>,
}

/// `calendario.yaml`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Calendario {
    /// When a person last checked this file against the law.
    pub reviewed: NaiveDate,
    /// Fixed-date national holidays.
    pub festivi: Vec<Festivo>,
    /// Easter Monday (date computed).
    pub pasquetta: Pasquetta,
    /// Summer suspensions of terms.
    pub sospensioni: Vec<Sospensione>,
    /// The Saturday/holiday shift rule.
    pub proroga: Proroga,
}

/// A fixed-date national holiday.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Festivo {
    /// Day of month.
    pub giorno: u32,
    /// Month (1-12).
    pub mese: u32,
    /// Name.
    pub nome: String,
    /// Legal source.
    pub fonte: String,
    /// First year in which it is a holiday.
    #[serde(default)]
    pub dal_anno: Option<i32>,
}

/// Easter Monday.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Pasquetta {
    /// Name.
    pub nome: String,
    /// Legal source.
    pub fonte: String,
}

/// A day of the year (day, month).
#[derive(Debug, Clone, Copy, Deserialize, PartialEq, Eq, PartialOrd, Ord)]
#[serde(deny_unknown_fields)]
pub struct GiornoAnno {
    /// Month (1-12); compared first.
    pub mese: u32,
    /// Day of month.
    pub giorno: u32,
}

/// A yearly suspension window of terms.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Sospensione {
    /// `pagamento` or `feriale`.
    pub id: String,
    /// First suspended day.
    pub dal: GiornoAnno,
    /// Last suspended day.
    pub al: GiornoAnno,
    /// In words.
    pub descrizione: String,
    /// Legal source.
    pub fonte: String,
}

/// The shift of a last day that is not a working day.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Proroga {
    /// In words.
    pub descrizione: String,
    /// Legal source.
    pub fonte: String,
}

/// A notification mode and when it counts as done.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ModoNotifica {
    /// Contract value of `notifica.modo`.
    pub valore: String,
    /// The acts that can arrive this way; any other pairing is bad input.
    pub atti: Vec<String>,
    /// Which date the person enters.
    pub data_inserita: String,
    /// Days added to that date.
    pub giorni: u32,
    /// Whether an earlier collection date wins.
    pub ritiro_anticipa: bool,
    /// The rule in words.
    pub regola: String,
    /// Legal source.
    pub fonte: String,
    /// Where the sources leave a point open.
    #[serde(default)]
    pub nota: Option<String>,
    /// A different count for some acts (first match wins).
    #[serde(default)]
    pub varianti: Vec<VarianteNotifica>,
}

/// The count of a notification mode for some acts only (e.g. irreperibilità assoluta for a cartella).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VarianteNotifica {
    /// The acts it applies to.
    pub atti: Vec<String>,
    /// Days added to the date entered.
    pub giorni: u32,
    /// The rule in words.
    pub regola: String,
    /// Legal source.
    pub fonte: String,
    /// The other reading, where the sources disagree.
    #[serde(default)]
    pub nota: Option<String>,
}

/// A deadline counted in days.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Termine {
    /// Contract deadline id.
    pub id: String,
    /// Title shown to the person.
    pub titolo: String,
    /// Acts it applies to.
    pub atti: Vec<String>,
    /// For cartelle: origins it applies to (all when absent).
    #[serde(default)]
    pub origini: Option<Vec<String>>,
    /// Days.
    pub giorni: u32,
    /// Suspension skipped: `pagamento`, `feriale` or `nessuna`.
    pub sospensione: String,
    /// Whether a last day on Saturday/holiday moves on (default true).
    #[serde(default = "vero")]
    pub slitta: bool,
    /// Applies to acts elaborated from this date.
    #[serde(default)]
    pub elaborate_dal: Option<NaiveDate>,
    /// Applies to acts elaborated up to this date.
    #[serde(default)]
    pub elaborate_al: Option<NaiveDate>,
    /// Applies to acts notified from this date.
    #[serde(default)]
    pub in_vigore_dal: Option<NaiveDate>,
    /// Applies to acts notified up to this date.
    #[serde(default)]
    pub in_vigore_al: Option<NaiveDate>,
    /// Does not apply when the answers match this condition.
    #[serde(default)]
    pub salvo: Option<Quando>,
    /// An answer key (a date) from which the same term runs again when it is given.
    #[serde(default)]
    pub nuovo_termine_da: Option<String>,
    /// The rule in words.
    pub regola: String,
    /// Legal source.
    pub fonte: String,
    /// Where the sources leave a point open.
    #[serde(default)]
    pub nota: Option<String>,
}

fn vero() -> bool {
    true
}

/// The decadenza term for notifying a cartella.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Decadenza {
    /// Contract deadline id.
    pub id: String,
    /// Title.
    pub titolo: String,
    /// Origins of the cartella it applies to.
    pub origini: Vec<String>,
    /// 31 December of the year of filing plus `anni`.
    pub anni: i32,
    /// The rule in words.
    pub regola: String,
    /// Legal source.
    pub fonte: String,
    /// The cases the engine does not compute, in words.
    #[serde(default)]
    pub nota: Option<String>,
}

/// An extension of the decadenza term by law, for returns filed in given years.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProrogaDecadenza {
    /// Origins of the cartella it applies to.
    pub origini: Vec<String>,
    /// Years of filing it applies to.
    pub presentate_nel: Vec<i32>,
    /// Months added to the term (the result is the last day of the month).
    pub mesi: u32,
    /// Legal source.
    pub fonte: String,
}

/// The reduced sanction for paying an avviso in time.
#[derive(Debug, Clone, Deserialize, serde::Serialize)]
#[serde(deny_unknown_fields)]
pub struct Sanzione {
    /// Acts it applies to.
    #[serde(skip_serializing)]
    pub atti: Vec<String>,
    /// The reduction and the rates, in words.
    pub testo: String,
    /// Legal source.
    pub fonte: String,
}

/// A channel.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Canale {
    /// Contract channel id.
    pub id: String,
    /// Title.
    pub titolo: String,
    /// Guidance page (output path).
    pub pagina: String,
    /// Legal or documentary source.
    pub fonte: String,
    /// First day the channel exists.
    #[serde(default)]
    pub in_vigore_dal: Option<NaiveDate>,
}

/// A warning and when it applies.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Avviso {
    /// Contract warning id.
    pub id: String,
    /// Text shown.
    pub testo: String,
    /// Applies when one of these channels is offered.
    #[serde(default)]
    pub se_canale: Vec<String>,
    /// Applies when this computed fact holds.
    #[serde(default)]
    pub se_fatto: Option<String>,
}

/// An outcome rule.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Esito {
    /// Rule id.
    pub id: String,
    /// When it applies.
    pub quando: Quando,
    /// Channels, recommended first.
    pub canali: Vec<String>,
    /// The procedure, step by step.
    pub passi: Vec<String>,
    /// Pages to read.
    pub pagine: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FileNotifica {
    reviewed: NaiveDate,
    modi: Vec<ModoNotifica>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FileScadenze {
    reviewed: NaiveDate,
    termini: Vec<Termine>,
    decadenze: Vec<Decadenza>,
    proroghe: Vec<ProrogaDecadenza>,
    sanzioni: Vec<Sanzione>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FileCanali {
    reviewed: NaiveDate,
    canali: Vec<Canale>,
    avvisi: Vec<Avviso>,
    esiti: Vec<Esito>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FileDomande {
    reviewed: NaiveDate,
    domande: Vec<crate::flusso::Domanda>,
}

/// The facts computed by the engine that a warning may name in `se_fatto`.
pub const FATTI: [&str; 5] = [
    "seconda_richiesta_non_disponibile",
    "termine_scaduto",
    "possibile_decadenza",
    "nuovo_termine_comunicazione_aggiornata",
    "comunicazione_aggiornata_da_indicare",
];

/// The embedded rules (parsed once). Panics only if the embedded files are invalid, which the test suite and
/// `civis-guida check` rule out before a release.
pub fn incorporate() -> &'static Regole {
    static REGOLE: OnceLock<Regole> = OnceLock::new();
    REGOLE.get_or_init(|| {
        let files: Vec<(String, String)> =
            FILE.iter().zip(INCORPORATI).map(|(n, t)| (format!("content/wizard/{n}"), t.to_string())).collect();
        carica(&files).unwrap_or_else(|e| {
            let righe: Vec<String> = e.iter().map(ToString::to_string).collect();
            panic!("embedded rules are invalid:\n{}", righe.join("\n"))
        })
    })
}

/// Loads the rules from `(path, text)` pairs, one per name in [`FILE`] (matched by file name), reporting every
/// problem with its position.
pub fn carica(files: &[(String, String)]) -> Result<Regole, Vec<Diagnostica>> {
    let mut errori = Vec::new();
    let testo = |nome: &str| files.iter().find(|(p, _)| p.rsplit(['/', '\\']).next() == Some(nome));
    let mut leggi = |nome: &str| -> Option<(String, String)> {
        match testo(nome) {
            Some((p, t)) => Some((p.clone(), t.clone())),
            None => {
                errori.push(Diagnostica { file: nome.into(), riga: 0, colonna: 0, messaggio: "file mancante".into() });
                None
            }
        }
    };
    let sorgenti: Vec<Option<(String, String)>> = FILE.iter().map(|n| leggi(n)).collect();
    fn parse<T: serde::de::DeserializeOwned>(s: &Option<(String, String)>, errori: &mut Vec<Diagnostica>) -> Option<T> {
        let (p, t) = s.as_ref()?;
        serde_norway::from_str(t)
            .map_err(|e| {
                let (riga, colonna) = e.location().map(|l| (l.line(), l.column())).unwrap_or((0, 0));
                errori.push(Diagnostica { file: p.clone(), riga, colonna, messaggio: e.to_string() });
            })
            .ok()
    }
    let calendario: Option<Calendario> = parse(&sorgenti[0], &mut errori);
    let notifica: Option<FileNotifica> = parse(&sorgenti[1], &mut errori);
    let scadenze: Option<FileScadenze> = parse(&sorgenti[2], &mut errori);
    let canali: Option<FileCanali> = parse(&sorgenti[3], &mut errori);
    let domande: Option<FileDomande> = parse(&sorgenti[4], &mut errori);
    let (Some(calendario), Some(notifica), Some(scadenze), Some(canali), Some(domande)) =
        (calendario, notifica, scadenze, canali, domande)
    else {
        return Err(errori);
    };
    let revisioni = [calendario.reviewed, notifica.reviewed, scadenze.reviewed, canali.reviewed, domande.reviewed]
        .into_iter()
        .zip(&sorgenti)
        .filter_map(|(data, s)| s.as_ref().map(|(p, _)| (p.clone(), data)))
        .collect();
    let regole = Regole {
        calendario,
        notifica: notifica.modi,
        termini: scadenze.termini,
        decadenze: scadenze.decadenze,
        sanzioni: scadenze.sanzioni,
        canali: canali.canali,
        avvisi: canali.avvisi,
        esiti: canali.esiti,
        domande: domande.domande,
        proroghe: scadenze.proroghe,
        sorgenti: sorgenti.iter().flatten().cloned().collect(),
        revisioni,
    };
    let percorso = |i: usize| sorgenti[i].as_ref().map(|(p, t)| (p.as_str(), t.as_str())).unwrap_or_default();
    errori.extend(coerenza(&regole, &percorso));
    if errori.is_empty() {
        Ok(regole)
    } else {
        Err(errori)
    }
}

impl Regole {
    /// The allowed values of a choice key, from the options of the questions that ask for it.
    pub fn valori(&self, chiave: &str) -> Vec<&str> {
        self.domande.iter().filter(|d| d.chiave == chiave).flat_map(|d| d.opzioni()).map(|o| o.valore.as_str()).collect()
    }
}

/// Finds the 1-based line of the first occurrence of `cosa` in `testo` (0 when absent).
pub(crate) fn riga_di(testo: &str, cosa: &str) -> usize {
    testo.find(cosa).map(|i| testo[..i].matches('\n').count() + 1).unwrap_or(0)
}

/// Cross-references between files: every id and value named somewhere is defined somewhere.
fn coerenza<'a>(r: &Regole, sorgente: &dyn Fn(usize) -> (&'a str, &'a str)) -> Vec<Diagnostica> {
    let mut errori = Vec::new();
    let mut errore = |i: usize, cerca: &str, messaggio: String| {
        let (file, testo) = sorgente(i);
        errori.push(Diagnostica { file: file.into(), riga: riga_di(testo, cerca), colonna: 1, messaggio });
    };
    let canali: BTreeSet<&str> = r.canali.iter().map(|c| c.id.as_str()).collect();
    let valori = |chiave: &str| -> BTreeSet<&str> { r.valori(chiave).into_iter().collect() };
    let chiavi: BTreeSet<&str> = r.domande.iter().map(|d| d.chiave.as_str()).collect();
    for modo in valori("notifica.modo") {
        if !r.notifica.iter().any(|m| m.valore == modo) {
            errore(4, modo, format!("il modo di notifica «{modo}» non ha una regola in notifica.yaml"));
        }
    }
    let atti = valori("atto");
    let origini = valori("origine");
    for m in &r.notifica {
        for a in m.atti.iter().chain(m.varianti.iter().flat_map(|v| &v.atti)) {
            if !atti.contains(a.as_str()) {
                errore(1, &format!("valore: {}", m.valore), format!("modo «{}»: atto sconosciuto «{a}»", m.valore));
            }
        }
    }
    // The wizard may offer only the modes that fit the acts for which it asks the question.
    for d in r.domande.iter().filter(|d| d.chiave == "notifica.modo") {
        let chiesta_per: Vec<&String> = d.quando.iter().flat_map(|q| q.voci()).filter(|(k, _)| *k == "atto").flat_map(|(_, v)| v).collect();
        for o in d.opzioni() {
            let Some(m) = r.notifica.iter().find(|m| m.valore == o.valore) else { continue };
            for a in chiesta_per.iter().filter(|a| !m.atti.contains(a)) {
                errore(4, &format!("id: {}", d.id), format!("domanda «{}»: il modo «{}» non è possibile per l'atto «{a}»", d.id, o.valore));
            }
        }
    }
    for p in &r.proroghe {
        for o in p.origini.iter().filter(|o| !origini.contains(o.as_str())) {
            errore(2, &p.fonte, format!("proroga: origine sconosciuta «{o}»"));
        }
    }
    for t in &r.termini {
        for a in &t.atti {
            if !atti.contains(a.as_str()) {
                errore(2, &t.regola, format!("termine «{}»: atto sconosciuto «{a}»", t.id));
            }
        }
        for o in t.origini.iter().flatten() {
            if !origini.contains(o.as_str()) {
                errore(2, &t.regola, format!("termine «{}»: origine sconosciuta «{o}»", t.id));
            }
        }
        if let Some(k) = t.nuovo_termine_da.as_deref() {
            if !r.domande.iter().any(|d| d.chiave == k && d.tipo == crate::flusso::TipoDomanda::Data) {
                errore(2, &t.regola, format!("termine «{}»: «nuovo_termine_da» deve essere la chiave di una domanda con una data, non «{k}»", t.id));
            }
        }
        if t.sospensione != "nessuna" && !r.calendario.sospensioni.iter().any(|s| s.id == t.sospensione) {
            errore(2, &t.regola, format!("termine «{}»: sospensione sconosciuta «{}»", t.id, t.sospensione));
        }
    }
    for d in &r.decadenze {
        for o in &d.origini {
            if !origini.contains(o.as_str()) {
                errore(2, &d.regola, format!("decadenza: origine sconosciuta «{o}»"));
            }
        }
    }
    for a in &r.avvisi {
        for c in &a.se_canale {
            if !canali.contains(c.as_str()) {
                errore(3, &format!("id: {}", a.id), format!("avviso «{}»: canale sconosciuto «{c}»", a.id));
            }
        }
        if let Some(f) = &a.se_fatto {
            if !FATTI.contains(&f.as_str()) {
                errore(3, &format!("id: {}", a.id), format!("avviso «{}»: fatto sconosciuto «{f}» (noti: {})", a.id, FATTI.join(", ")));
            }
        }
    }
    let mut condizioni: Vec<(usize, String, &Quando)> =
        r.esiti.iter().map(|e| (3, format!("id: {}", e.id), &e.quando)).collect();
    condizioni.extend(r.domande.iter().filter_map(|d| d.quando.as_ref().map(|q| (4, format!("id: {}", d.id), q))));
    condizioni.extend(r.termini.iter().filter_map(|t| t.salvo.as_ref().map(|q| (2, t.regola.clone(), q))));
    for (i, dove, q) in condizioni {
        for (chiave, ammessi) in q.voci() {
            if !chiavi.contains(chiave.as_str()) {
                errore(i, &dove, format!("condizione su una chiave che nessuna domanda chiede: «{chiave}»"));
                continue;
            }
            let noti = valori(chiave);
            for v in ammessi.iter().filter(|v| !noti.is_empty() && !noti.contains(v.as_str())) {
                errore(i, &dove, format!("condizione «{chiave}»: valore sconosciuto «{v}»"));
            }
        }
    }
    for e in &r.esiti {
        for c in &e.canali {
            if !canali.contains(c.as_str()) {
                errore(3, &format!("id: {}", e.id), format!("esito «{}»: canale sconosciuto «{c}»", e.id));
            }
        }
        if e.canali.is_empty() {
            errore(3, &format!("id: {}", e.id), format!("esito «{}»: nessun canale", e.id));
        }
    }
    errori
}
