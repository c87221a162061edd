//! What the rules files say of each other, checked once they are read: every id and value named somewhere is
//! defined somewhere, every address is `https:`, every group of acts (`@riscossione`) exists. The groups are
//! expanded here too, and the `atto` question gets its options from `atti.yaml`, so that an act is declared in one
//! place. Problems carry the file and the line of what they name.

#[cfg(feature = "yaml")]
use crate::condizione::{confronto, Quando, Requisiti};
#[cfg(feature = "yaml")]
use crate::modello::*;
#[cfg(feature = "yaml")]
use crate::tabella::{Elenco, Lista, Testo};
#[cfg(feature = "yaml")]
use civis_core::Diagnostic;
#[cfg(feature = "yaml")]
use std::collections::BTreeSet;

/// The rules files, by name, in the order of [`File`]'s fields.
pub const FILE: [&str; 7] =
    ["calendario.yaml", "atti.yaml", "notifica.yaml", "scadenze.yaml", "canali.yaml", "domande.yaml", "fonti.yaml"];

#[cfg(feature = "yaml")]
/// Index of a rules file in [`FILE`].
#[derive(Clone, Copy)]
pub(crate) enum F {
    Atti = 1,
    Notifica = 2,
    Scadenze = 3,
    Canali = 4,
    Domande = 5,
    Fonti = 6,
}

/// Finds the 1-based line of `cosa` in `testo`, for diagnostics on rules already parsed.
/// A whole line (`- id: altro-ente`, not the `- id: altro-ente-pagare` that contains it) wins over a line that
/// merely contains the text; 1 when the text is nowhere (the problem is then about the file as a whole).
pub fn riga_di(testo: &str, cosa: &str) -> usize {
    let intera = |l: &str| l.trim_start().trim_start_matches("- ").trim_end() == cosa;
    let riga = testo.lines().position(intera).or_else(|| testo.lines().position(|l| l.contains(cosa)));
    riga.map_or(1, |i| i + 1)
}

#[cfg(feature = "yaml")]
/// Collects problems against the files' texts.
pub(crate) struct Problemi<'a> {
    pub(crate) sorgenti: &'a [(String, String)],
    pub(crate) errori: Vec<Diagnostic>,
}

#[cfg(feature = "yaml")]
impl<'a> Problemi<'a> {
    pub(crate) fn new(sorgenti: &'a [(String, String)]) -> Self {
        Problemi { sorgenti, errori: Vec::new() }
    }

    /// A problem in file `f`, at the line of `cerca`.
    pub(crate) fn errore(&mut self, f: F, cerca: &str, messaggio: String) {
        let nome = FILE[f as usize];
        let (file, testo) = self
            .sorgenti
            .iter()
            .find(|(p, _)| p.rsplit(['/', '\\']).next() == Some(nome))
            .map(|(p, t)| (p.clone(), t.as_str()))
            .unwrap_or_else(|| (format!("content/wizard/{nome}"), ""));
        self.errori.push(Diagnostic { line: riga_di(testo, cerca), file, col: 1, message: messaggio });
    }
}

#[cfg(feature = "yaml")]
/// The acts a list names, groups expanded (`@riscossione` → every act in that group, in `atti.yaml`'s order).
fn espandi_lista(atti: &[Atto], lista: &mut Lista<Testo>, dove: F, p: &mut Problemi) {
    if !lista.iter().any(|v| v.starts_with('@')) {
        return;
    }
    let mut out: Lista<Testo> = Vec::new();
    for v in lista.iter() {
        match v.strip_prefix('@') {
            Some(gruppo) => {
                let membri: Vec<&Atto> = atti.iter().filter(|a| a.gruppi.ha(gruppo)).collect();
                if membri.is_empty() {
                    let noti: BTreeSet<&str> = atti.iter().flat_map(|a| a.gruppi.iter().map(|g| g.as_str())).collect();
                    let noti: Vec<&str> = noti.into_iter().collect();
                    p.errore(
                        dove,
                        v,
                        format!("gruppo di atti sconosciuto «{v}» (gruppi in atti.yaml: {})", noti.join(", ")),
                    );
                }
                out.extend(membri.into_iter().map(|a| a.id.clone()).filter(|id| !out.contains(id)).collect::<Vec<_>>());
            }
            None if !out.contains(v) => out.push(v.clone()),
            None => {}
        }
    }
    *lista = out;
}

#[cfg(feature = "yaml")]
/// The same, inside a condition: the values of its `atto` key.
fn espandi_quando(atti: &[Atto], q: &mut Quando, dove: F, p: &mut Problemi) {
    let requisiti: Vec<&mut Requisiti> = match q {
        Quando::Tutti(r) => vec![r],
        Quando::Uno(alternative) => alternative.iter_mut().collect(),
    };
    for r in requisiti {
        for (k, valori) in r.0.iter_mut().filter(|(k, _)| k == "atto") {
            let _ = k;
            espandi_lista(atti, valori, dove, p);
        }
    }
}

#[cfg(feature = "yaml")]
/// Expands every group of acts, gives the `atto` question its options from `atti.yaml`, and rewrites each
/// deadline's and notification's source in the forms a testo unico gives it (`riforma`).
pub(crate) fn espandi(r: &mut Regole, p: &mut Problemi) {
    crate::riforma::riformula_tutte(r, &crate::riforma::ITALIANE);
    let atti = r.atti.clone();
    for m in r.notifica.iter_mut() {
        espandi_lista(&atti, &mut m.atti, F::Notifica, p);
        for v in m.varianti.iter_mut() {
            espandi_lista(&atti, &mut v.atti, F::Notifica, p);
        }
    }
    for t in r.termini.iter_mut() {
        espandi_lista(&atti, &mut t.atti, F::Scadenze, p);
        for q in t.quando.iter_mut().chain(t.salvo.iter_mut()) {
            espandi_quando(&atti, q, F::Scadenze, p);
        }
    }
    for d in r.decadenze.iter_mut() {
        espandi_lista(&atti, &mut d.atti, F::Scadenze, p);
    }
    for s in r.sanzioni.iter_mut() {
        espandi_lista(&atti, &mut s.atti, F::Scadenze, p);
    }
    for a in r.avvisi.iter_mut() {
        for q in a.quando.iter_mut().chain(a.salvo.iter_mut()) {
            espandi_quando(&atti, q, F::Canali, p);
        }
    }
    for e in r.esiti.iter_mut() {
        espandi_quando(&atti, &mut e.quando, F::Canali, p);
    }
    for d in r.domande.iter_mut() {
        let opzioni = d.opzioni.iter_mut().flat_map(|o| o.quando.iter_mut());
        for q in d.quando.iter_mut().chain(d.varianti.iter_mut().map(|v| &mut v.quando)).chain(opzioni) {
            espandi_quando(&atti, q, F::Domande, p);
        }
        match d.opzioni_da.as_deref() {
            Some("atti") => {
                d.opzioni = atti
                    .iter()
                    .map(|a| Opzione {
                        valore: a.id.clone(),
                        etichetta: a.etichetta.clone(),
                        aiuto: a.aiuto.clone(),
                        quando: None,
                    })
                    .collect();
            }
            Some(altro) => p.errore(
                F::Domande,
                &format!("id: {}", d.id),
                format!("domanda «{}»: «opzioni_da» ammette solo «atti», non «{altro}»", d.id),
            ),
            None => {}
        }
    }
}

#[cfg(feature = "yaml")]
/// Every cross-reference between the files.
pub(crate) fn coerenza(r: &Regole, p: &mut Problemi) {
    atti_e_notifica(r, p);
    scadenze(r, p);
    canali_e_avvisi(r, p);
    condizioni(r, p);
    esiti(r, p);
    fonti_per_i_cittadini(r, p);
    for (nome, url) in r.fonti.iter().map(|f| (&f.nome, &f.url)).chain(r.sentenze.iter().map(|s| (&s.nome, &s.url))) {
        if !url.starts_with("https://") {
            p.errore(F::Fonti, url, format!("fonte «{nome}»: l'indirizzo deve iniziare con https://"));
        }
    }
    citazioni_elencate(r, p);
}

/// Every law and court decision a rules file cites (outside comments and `riscontro`) has its entry in
/// `fonti.yaml`, so that the result can link its official text; so has every testo unico.
#[cfg(feature = "yaml")]
fn citazioni_elencate(r: &Regole, p: &mut Problemi) {
    for tu in r.testi_unici.iter().filter(|tu| !r.fonti.iter().any(|f| f.nome == tu.nome)) {
        let msg = format!("testo unico «{}»: manca la sua voce tra le fonti, con l'indirizzo del testo", tu.nome);
        p.errore(F::Fonti, &tu.nome, msg);
    }
    let mut errori = Vec::new();
    for (file, testo) in p.sorgenti.iter().filter(|(f, _)| !f.ends_with(FILE[F::Fonti as usize])) {
        errori.extend(non_elencate(r, file, testo, 1));
    }
    p.errori.extend(errori);
}

/// The citations of a text (its first line numbered `prima_riga`) that have no entry in `fonti.yaml`, each at its
/// line and column. Comment lines (`#`) and the maintainers' `riscontro` are not read.
#[cfg(feature = "yaml")]
pub fn non_elencate(r: &Regole, file: &str, testo: &str, prima_riga: usize) -> Vec<Diagnostic> {
    let nota = |nome: &str| r.fonti.iter().any(|f| f.nome == nome) || r.sentenze.iter().any(|s| s.nome == nome);
    let mut out = Vec::new();
    for (i, riga) in testo.lines().enumerate() {
        let t = riga.trim_start();
        if t.starts_with('#') || t.starts_with("riscontro:") {
            continue;
        }
        for c in civis_core::citazioni::citazioni(riga).into_iter().filter(|c| !nota(&c.nome)) {
            let colonna = riga[..c.dove].chars().count() + 1;
            let cosa =
                if c.nome.starts_with("Cass.") || c.nome.starts_with("Corte") { "la sentenza" } else { "la norma" };
            let msg = format!(
                "{cosa} «{}» non è tra le fonti (content/wizard/fonti.yaml): aggiungila con l'indirizzo del testo ufficiale, o per una sentenza con la data e la sezione",
                c.nome
            );
            out.push(Diagnostic::new(file, prima_riga + i, colonna, msg));
        }
    }
    out
}

#[cfg(feature = "yaml")]
fn valori<'a>(r: &'a Regole, chiave: &str) -> BTreeSet<&'a str> {
    r.valori(chiave).into_iter().collect()
}

#[cfg(feature = "yaml")]
fn atti_e_notifica(r: &Regole, p: &mut Problemi) {
    let mut visti = BTreeSet::new();
    for a in r.atti.iter() {
        if !visti.insert(a.id.as_str()) {
            p.errore(F::Atti, &format!("id: {}", a.id), format!("l'atto «{}» è dichiarato due volte", a.id));
        }
    }
    if !r.domande.iter().any(|d| d.chiave == "atto" && d.opzioni_da.as_deref() == Some("atti")) {
        p.errore(
            F::Domande,
            "atto",
            "la domanda sull'atto deve prendere le opzioni da atti.yaml («opzioni_da: atti»)".into(),
        );
    }
    for modo in valori(r, "notifica.modo") {
        if !r.notifica.iter().any(|m| m.valore == modo) {
            p.errore(F::Domande, modo, format!("il modo di notifica «{modo}» non ha una regola in notifica.yaml"));
        }
    }
    let atti: BTreeSet<&str> = r.atti.iter().map(|a| a.id.as_str()).collect();
    for m in r.notifica.iter() {
        for a in m.atti.iter().chain(m.varianti.iter().flat_map(|v| v.atti.iter())) {
            if !atti.contains(&**a) {
                p.errore(
                    F::Notifica,
                    &format!("valore: {}", m.valore),
                    format!("modo «{}»: atto sconosciuto «{a}»", m.valore),
                );
            }
        }
    }
    // The wizard may offer only the modes that fit the acts for which it asks the question.
    for d in r.domande.iter().filter(|d| d.chiave == "notifica.modo") {
        let chiesta_per: Vec<&Testo> =
            d.quando.iter().flat_map(|q| q.voci()).filter(|(k, _)| *k == "atto").flat_map(|(_, v)| v).collect();
        for o in d.opzioni() {
            let Some(m) = r.notifica.iter().find(|m| m.valore == o.valore) else { continue };
            for a in chiesta_per.iter().filter(|a| !m.atti.ha(a)) {
                let msg = format!("domanda «{}»: il modo «{}» non è possibile per l'atto «{a}»", d.id, o.valore);
                p.errore(F::Domande, &format!("id: {}", d.id), msg);
            }
        }
    }
}

#[cfg(feature = "yaml")]
fn scadenze(r: &Regole, p: &mut Problemi) {
    let atti: BTreeSet<&str> = r.atti.iter().map(|a| a.id.as_str()).collect();
    let origini = valori(r, "origine");
    for pr in r.proroghe.iter() {
        for o in pr.origini.iter().filter(|o| !origini.contains(&***o)) {
            p.errore(F::Scadenze, &pr.fonte, format!("proroga: origine sconosciuta «{o}»"));
        }
    }
    for t in r.termini.iter() {
        for a in t.atti.iter().filter(|a| !atti.contains(&***a)) {
            p.errore(F::Scadenze, &t.regola, format!("termine «{}»: atto sconosciuto «{a}»", t.id));
        }
        for o in t.origini.iter().flat_map(|o| o.iter()).filter(|o| !origini.contains(&***o)) {
            p.errore(F::Scadenze, &t.regola, format!("termine «{}»: origine sconosciuta «{o}»", t.id));
        }
        if let Some(k) = t.nuovo_termine_da.as_deref() {
            if !r.domande.iter().any(|d| d.chiave == k && d.tipo == TipoDomanda::Data) {
                let msg = format!(
                    "termine «{}»: «nuovo_termine_da» deve essere la chiave di una domanda con una data, non «{k}»",
                    t.id
                );
                p.errore(F::Scadenze, &t.regola, msg);
            }
        }
        if t.sospensione != "nessuna" && !r.calendario.sospensioni.iter().any(|s| s.id == t.sospensione) {
            p.errore(
                F::Scadenze,
                &t.regola,
                format!("termine «{}»: sospensione sconosciuta «{}»", t.id, t.sospensione),
            );
        }
    }
    for d in r.decadenze.iter() {
        for o in d.origini.iter().filter(|o| !origini.contains(&***o)) {
            p.errore(F::Scadenze, &d.regola, format!("decadenza: origine sconosciuta «{o}»"));
        }
    }
    let canali: BTreeSet<&str> = r.canali.iter().map(|c| c.id.as_str()).collect();
    let ids: BTreeSet<&str> = r.termini.iter().map(|t| t.id.as_str()).collect();
    let dei_termini = r.termini.iter().map(|t| (&t.id, &t.canale[..], &t.regola));
    let delle_decadenze = r.decadenze.iter().map(|d| (&d.id, std::slice::from_ref(&d.canale), &d.regola));
    for (id, suoi, regola) in dei_termini.chain(delle_decadenze) {
        if suoi.is_empty() {
            p.errore(F::Scadenze, regola, format!("scadenza «{id}»: manca il canale"));
        }
        for c in suoi.iter().filter(|c| !canali.contains(c.as_str())) {
            p.errore(F::Scadenze, regola, format!("scadenza «{id}»: canale sconosciuto «{c}»"));
        }
    }
    for t in r.termini.iter() {
        match t.dopo_scadenza.as_deref() {
            Some(prima) if prima == t.id || !ids.contains(prima) => p.errore(
                F::Scadenze,
                &t.regola,
                format!("termine «{}»: «dopo_scadenza» deve nominare un'altra scadenza, non «{prima}»", t.id),
            ),
            Some(_) if t.decorre_dopo > 0 || t.nuovo_termine_da.is_some() => p.errore(
                F::Scadenze,
                &t.regola,
                format!("termine «{}»: «dopo_scadenza» non si combina con «decorre_dopo» o «nuovo_termine_da»", t.id),
            ),
            _ => {}
        }
    }
}

#[cfg(feature = "yaml")]
fn canali_e_avvisi(r: &Regole, p: &mut Problemi) {
    let canali: BTreeSet<&str> = r.canali.iter().map(|c| &*c.id).collect();
    for c in r.canali.iter() {
        if let Some(s) = c.servizio.as_ref().filter(|s| !s.url.starts_with("https://")) {
            p.errore(
                F::Canali,
                &s.url,
                format!("canale «{}»: l'indirizzo del servizio deve iniziare con https://", c.id),
            );
        }
    }
    let chiavi: BTreeSet<&str> = r.domande.iter().map(|d| &*d.chiave).collect();
    for a in r.avvisi.iter() {
        for c in a.se_canale.iter().chain(&a.senza_canale).filter(|c| !canali.contains(&***c)) {
            p.errore(F::Canali, &format!("id: {}", a.id), format!("avviso «{}»: canale sconosciuto «{c}»", a.id));
        }
        for k in a.con.iter().chain(&a.senza).filter(|k| !chiavi.contains(&***k)) {
            p.errore(F::Canali, &format!("id: {}", a.id), format!("avviso «{}»: nessuna domanda chiede «{k}»", a.id));
        }
        if a.se_canale.is_empty() && a.se_fatto.is_none() && a.quando.is_none() && a.con.is_none() && a.senza.is_none()
        {
            p.errore(
                F::Canali,
                &format!("id: {}", a.id),
                format!("avviso «{}»: manca la condizione che lo fa apparire", a.id),
            );
        }
    }
    let ids: BTreeSet<&str> =
        r.termini.iter().map(|t| t.id.as_str()).chain(r.decadenze.iter().map(|d| d.id.as_str())).collect();
    let obiettivi = valori(r, "obiettivo");
    for pr in r.principali.iter() {
        for o in pr.obiettivi.iter().filter(|o| !obiettivi.contains(&***o)) {
            p.errore(
                F::Canali,
                &format!("obiettivi: {:?}", pr.obiettivi),
                format!("scadenza principale: obiettivo sconosciuto «{o}»"),
            );
        }
        for s in pr.scadenze.iter().filter(|s| !ids.contains(&***s)) {
            p.errore(F::Canali, s, format!("scadenza principale: nessuna regola di scadenze.yaml ha l'id «{s}»"));
        }
    }
}

#[cfg(feature = "yaml")]
/// Every condition names a key some question asks, with values that question allows (or an amount comparison).
fn condizioni(r: &Regole, p: &mut Problemi) {
    let chiavi: BTreeSet<&str> = r.domande.iter().map(|d| &*d.chiave).collect();
    let mut tutte: Vec<(F, String, &Quando)> =
        r.esiti.iter().map(|e| (F::Canali, format!("id: {}", e.id), &e.quando)).collect();
    for a in r.avvisi.iter() {
        tutte.extend(a.quando.iter().chain(&a.salvo).map(|q| (F::Canali, format!("id: {}", a.id), q)));
    }
    for d in r.domande.iter() {
        let dove = format!("id: {}", d.id);
        let opzioni = d.opzioni.iter().flat_map(|o| o.quando.iter());
        tutte.extend(
            d.quando
                .iter()
                .chain(d.varianti.iter().map(|v| &v.quando))
                .chain(opzioni)
                .map(|q| (F::Domande, dove.clone(), q)),
        );
    }
    for t in r.termini.iter() {
        tutte.extend(t.quando.iter().chain(&t.salvo).map(|q| (F::Scadenze, t.regola.clone(), q)));
    }
    for (f, dove, q) in tutte {
        for (chiave, ammessi) in q.voci() {
            if !chiavi.contains(chiave) {
                p.errore(f, &dove, format!("condizione su una chiave che nessuna domanda chiede: «{chiave}»"));
                continue;
            }
            let noti = valori(r, chiave);
            for v in ammessi.iter().filter(|v| !noti.is_empty() && !noti.contains(&***v) && confronto(v).is_none()) {
                p.errore(f, &dove, format!("condizione «{chiave}»: valore sconosciuto «{v}»"));
            }
        }
    }
}

#[cfg(feature = "yaml")]
fn esiti(r: &Regole, p: &mut Problemi) {
    let canali: BTreeSet<&str> = r.canali.iter().map(|c| &*c.id).collect();
    let mut ids = BTreeSet::new();
    let regole: BTreeSet<&str> = r.esiti.iter().map(|e| e.id.as_str()).collect();
    for e in r.esiti.iter() {
        let dove = format!("id: {}", e.id);
        let scaduto = e.scaduto.iter().flat_map(|s| s.canali.iter().flatten());
        for c in e.canali.iter().chain(scaduto).filter(|c| !canali.contains(&***c)) {
            p.errore(F::Canali, &dove, format!("esito «{}»: canale sconosciuto «{c}»", e.id));
        }
        if e.canali.is_empty() {
            p.errore(F::Canali, &dove, format!("esito «{}»: nessun canale", e.id));
        }
        if !ids.insert(e.id.as_str()) {
            p.errore(F::Canali, &dove, format!("l'id di esito «{}» è usato due volte", e.id));
        }
        // A rule's case after the deadline may be shared by several rules (a YAML alias), but it is not a rule.
        for s in e.scaduto.iter().filter(|s| regole.contains(s.id.as_str())) {
            p.errore(F::Canali, &format!("id: {}", s.id), format!("l'id «{}» è già quello di un esito", s.id));
        }
        let scadenze: BTreeSet<&str> = r.termini.iter().map(|t| t.id.as_str()).collect();
        for f in e.scaduto.iter().filter_map(|s| s.finche.as_deref()).filter(|f| !scadenze.contains(f)) {
            p.errore(F::Canali, &dove, format!("esito «{}»: «finche» nomina una scadenza sconosciuta «{f}»", e.id));
        }
        if e.scaduto.iter().rev().skip(1).any(|s| s.finche.is_none()) {
            let msg = format!("esito «{}»: tra i casi «scaduto» solo l'ultimo può essere senza «finche»", e.id);
            p.errore(F::Canali, &dove, msg);
        }
    }
}

/// Every `fonte` a citizen reads names a norm or a public document: the project's own documents (`doc. 004 l.
/// 1636`) go in `riscontro`, for maintainers.
#[cfg(feature = "yaml")]
fn fonti_per_i_cittadini(r: &Regole, p: &mut Problemi) {
    let fonti = r
        .notifica
        .iter()
        .flat_map(|m| {
            std::iter::once((F::Notifica, &m.fonte)).chain(m.varianti.iter().map(|v| (F::Notifica, &v.fonte)))
        })
        .chain(r.termini.iter().map(|t| (F::Scadenze, &t.fonte)))
        .chain(r.decadenze.iter().map(|d| (F::Scadenze, &d.fonte)))
        .chain(r.proroghe.iter().map(|x| (F::Scadenze, &x.fonte)))
        .chain(r.sanzioni.iter().map(|s| (F::Scadenze, &s.fonte)))
        .chain(r.canali.iter().map(|c| (F::Canali, &c.fonte)));
    for (f, fonte) in fonti.filter(|(_, f)| civis_core::cita_documento_interno(f)) {
        let msg = format!(
            "la fonte «{fonte}» cita un documento interno del progetto, che chi legge non può consultare: scrivi la \
             norma o il documento pubblico, e sposta il riferimento in `riscontro`"
        );
        p.errore(f, fonte, msg);
    }
}

#[cfg(all(test, feature = "yaml"))]
mod test {
    use super::FILE;

    /// The repository's rules with one text replaced in one file, loaded: the problems.
    fn problemi(nome: &str, da: &str, a: &str) -> Vec<civis_core::Diagnostic> {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../content/wizard");
        let files: Vec<(String, String)> = FILE
            .iter()
            .map(|n| {
                let t = std::fs::read_to_string(dir.join(n)).unwrap();
                let t = if *n == nome {
                    assert!(t.contains(da), "{da}");
                    t.replacen(da, a, 1)
                } else {
                    t
                };
                (format!("content/wizard/{n}"), t)
            })
            .collect();
        crate::regole::carica(&files).err().unwrap_or_default()
    }

    #[test]
    fn an_unknown_group_of_acts_is_named_at_its_line() {
        let e = problemi("notifica.yaml", "atti: [\"@entratel\"]", "atti: [\"@telematici\"]");
        let e = e.iter().find(|d| d.message.contains("@telematici")).expect("reported");
        assert!(e.file.ends_with("notifica.yaml") && e.line > 1, "{e}");
        assert!(e.message.contains("gruppi in atti.yaml"), "{e}");
    }

    #[test]
    fn a_citizen_s_source_never_cites_the_project_s_own_documents() {
        let e = problemi(
            "scadenze.yaml",
            "fonte: \"art. 50 c. 2 DPR 602/1973\"",
            "fonte: \"art. 50 c. 2 DPR 602/1973 (doc. 004 l. 1574)\"",
        );
        assert!(e.iter().any(|d| d.message.contains("documento interno") && d.line > 1), "{e:?}");
    }

    #[test]
    fn an_address_must_be_https_and_an_act_declared_once() {
        let e = problemi(
            "fonti.yaml",
            "https://www.normattiva.it/uri-res/N2Ls?urn:nir:stato:legge:2000-07-27;212",
            "http://example.org/statuto",
        );
        assert!(e.iter().any(|d| d.message.contains("https://")), "{e:?}");
        let e = problemi("atti.yaml", "  - id: altro\n", "  - id: cartella\n");
        assert!(e.iter().any(|d| d.message.contains("«cartella» è dichiarato due volte")), "{e:?}");
    }

    #[test]
    fn the_words_the_request_tool_knows_are_checked_at_their_line() {
        let e = problemi("atti.yaml", "identificativo: cartella", "identificativo: cartelle");
        let e = e.iter().find(|d| d.message.contains("cartelle")).expect("reported");
        assert!(e.file.ends_with("atti.yaml") && e.line > 1, "{e}");
        let e = problemi("canali.yaml", "richiesta: seconda", "richiesta: terza");
        let e = e.iter().find(|d| d.message.contains("terza")).expect("reported");
        assert!(e.file.ends_with("canali.yaml") && e.line > 1, "{e}");
    }

    #[test]
    fn the_act_question_takes_its_options_from_atti_yaml() {
        let r = crate::regole::incorporate();
        let opzioni: Vec<&str> = r.valori("atto");
        let atti: Vec<&str> = r.atti.iter().map(|a| a.id.as_str()).collect();
        assert_eq!(opzioni, atti);
    }
}
