//! The wizard's generator. Without JavaScript, every state reachable by choosing or by "Cambia" is pre-rendered as
//! a plain HTML page, from the same view the app renders (`civis-vista`); outcome pages state each deadline rule in
//! words. The start page (a Markdown page at `assistente/`) gets its first step and, for the app, the guidance
//! pages' titles. Also loads the wizard's rules from `content/wizard/` and runs the engine's flow check against the
//! site's pages.

use crate::context::JsonBlock;
use crate::generators::{Enrichment, Generated, GeneratedPage, Generator};
use crate::loaded::Loaded;
use crate::url::relative;
use civis_content::Diagnostic;
use civis_engine::flusso::Voci;
use civis_engine::modello::Regole;
use civis_vista::{url, vista, Corpo, Modo, Parole, Titoli, Vista};
use serde_json::{json, Value};
use std::collections::{BTreeMap, VecDeque};

/// The report's count of the wizard's pages without JavaScript.
pub(crate) const PAGES: &str = "pagine del percorso guidato";
/// The report's count of languages the pages without JavaScript are written in.
pub(crate) const LANGUAGES: &str = "lingue del percorso guidato";
/// The report's count of paths through the question graph.
pub(crate) const PATHS: &str = "percorsi del percorso guidato";

/// The wizard's generator (registered when the site has `content/wizard/`).
pub(crate) struct Assistente;

impl Generator for Assistente {
    fn enrich(&self, site: &Loaded, path: &str) -> Option<Enrichment> {
        let regole = site.regole.as_ref().filter(|_| path == url::BASE)?;
        let dati = primo_passo(&InLingua::italiano(site, regole), site.opts.today);
        // Beside the start page: names from there.
        let accanto = |nome: String| nome.strip_prefix(url::BASE).map(str::to_string);
        // Each language the wizard speaks: its script (beside the start page; none for the site's own language) and
        // its name in its own words, for the app's switch.
        let mut lingue: BTreeMap<String, [String; 2]> = language_scripts(site, regole)
            .into_iter()
            .filter_map(|(c, n, _)| {
                let nome = site.languages.get(&c).nome.clone();
                Some((c, [accanto(n)?, nome]))
            })
            .collect();
        if !lingue.is_empty() {
            let fonte = &site.languages.source;
            lingue.insert(fonte.codice.clone(), [String::new(), fonte.nome.clone()]);
        }
        let blocchi =
            vec![JsonBlock::of("titoli-pagine", &site.page_titles), JsonBlock::of("lingue-percorso", &lingue)];
        let script_dati = rules_js(regole).and_then(|(nome, _)| accanto(nome)).into_iter().collect();
        Some(Enrichment { dati: Some(dati), blocks: blocchi, data_scripts: script_dati })
    }

    fn generate(&self, site: &Loaded, out: &mut Generated, errori: &mut Vec<Diagnostic>) {
        let Some(regole) = &site.regole else { return };
        match rules_js(regole) {
            Some((nome, byte)) => {
                out.file.insert(nome, byte);
            }
            None => {
                let msg = format!(
                    "un testo delle regole contiene il carattere «{}», che il percorso nel browser usa come separatore",
                    civis_engine::trama::SEPARATORE
                );
                errori.push(Diagnostic::new("content/wizard", 0, 0, msg));
            }
        }
        for (_, nome, byte) in language_scripts(site, regole) {
            out.file.insert(nome, byte);
        }
        let (pagine, percorsi) = pages(site, regole, errori);
        let (mut conto, mut lingue) = (pagine.len(), 1);
        out.counts.push((PATHS, percorsi));
        out.pages.extend(pagine);
        // The same pages in each language that speaks the wizard, below its folder (`en/assistente/…`).
        for lingua in &site.languages.translations {
            if let Some(l) = InLingua::di(site, regole, &lingua.codice) {
                let tradotte = pagine_in(&l, site.opts.today);
                (conto, lingue) = (conto + tradotte.len(), lingue + 1);
                out.pages.extend(tradotte);
            }
        }
        out.counts.push((PAGES, conto));
        out.counts.push((LANGUAGES, lingue));
        out.pages.push(sportelli(regole));
    }
}

/// The wizard's rules for the app, beside its start page: a classic script (it loads from `file://` too), fetched
/// while the page is parsed rather than parsed with it, named by its content's fingerprint.
const RULES_JS: &str = "regole.js";

/// The script that hands the rules ([`civis_engine::trama`]) to the app, as a JavaScript string, and its name
/// (from the site root); `None` when the rules cannot be written in that form.
fn rules_js(regole: &Regole) -> Option<(String, Vec<u8>)> {
    let trama = regole.in_trama()?;
    let stringa = serde_json::to_string(&trama).expect("a string serialises").replace('<', "\\u003c");
    let byte = format!("window.civisRegolePercorso = {stringa};\n").into_bytes();
    Some((civis_core::impronta::con_impronta(&format!("{}{RULES_JS}", url::BASE), &byte), byte))
}

/// For each translation that speaks the wizard ([`InLingua::di`]), the classic script that hands the app that
/// language (`civisLingue.<code>`): the rules with their texts translated (as [`rules_js`] writes them), the
/// wizard's own words, and the guidance pages translated (Italian path → the translation's path, and its title).
/// Loaded only when the fragment asks for the language (`lingua=<code>`), from `file://` too. Each as (code, name
/// from the site root, bytes).
fn language_scripts(site: &Loaded, regole: &Regole) -> Vec<(String, String, Vec<u8>)> {
    let l = &site.languages;
    l.translations
        .iter()
        .filter_map(|lingua| {
            let codice = &lingua.codice;
            let il = InLingua::di(site, regole, codice)?;
            let trama = il.regole.in_trama()?;
            // The wizard's words in the order the app reads them; `null` where the language has none.
            let testi: Vec<Option<&String>> = civis_vista::parole::chiavi().map(|(k, _)| lingua.testi.get(k)).collect();
            let titoli: BTreeMap<&str, &str> =
                il.tradotte.iter().filter_map(|(p, t)| Some((*p, site.page_titles.get(*t)?.as_str()))).collect();
            let dati = json!({ "regole": trama, "testi": testi, "pagine": il.tradotte, "titoli": titoli });
            let json = serde_json::to_string(&dati).expect("JSON serialises").replace('<', "\\u003c");
            let byte =
                format!("(window.civisLingue = window.civisLingue || {{}})[{codice:?}] = {json};\n").into_bytes();
            let nome = civis_core::impronta::con_impronta(&format!("{}lingua-{codice}.js", url::BASE), &byte);
            Some((codice.clone(), nome, byte))
        })
        .collect()
}

/// The help desks' page: the pre-filled links of `domande.yaml`, each as the app's address (with the answers in
/// the fragment) and as the folder of the pages without JavaScript for the same state.
fn sportelli(regole: &Regole) -> GeneratedPage {
    let link = |p: &str| relative(url::SPORTELLI, p);
    let collegamenti: Vec<Value> = regole
        .collegamenti
        .iter()
        .map(|c| {
            let voci = civis_engine::flusso::da_frammento(&c.frammento);
            json!({
                "descrizione": c.descrizione,
                "frammento": c.frammento,
                "url": format!("{}#{}", link(url::BASE), c.frammento),
                "senza_js": link(&url::cartella(regole, &voci)),
            })
        })
        .collect();
    GeneratedPage::in_folder(
        url::SPORTELLI,
        "Per gli sportelli: link al percorso già compilati".into(),
        "Link da inviare a una persona per aprire il percorso guidato con le prime risposte già date.".into(),
        "sportelli.html",
        json!({ "collegamenti": collegamenti, "inizio": link(url::BASE) }),
    )
}

/// The states a step links to: its choices and its "Cambia" links.
fn collegati(v: &Vista) -> Vec<&Voci> {
    let mut out: Vec<&Voci> = v.progresso.risposte.iter().map(|r| &r.cambia).collect();
    if let Corpo::Domanda(d) = &v.corpo {
        out.extend(d.opzioni.iter().map(|o| &o.voci).chain(&d.salta));
    }
    out
}

/// The wizard in one language, as its pages without JavaScript show it: the rules and words in that language, the
/// guidance pages' titles (an Italian page's path → its title in the language, Italian where not translated), the
/// folder its pages live in (`` for Italian, `en/`), and the guidance pages translated (Italian path → the
/// language's path).
pub(crate) struct InLingua<'a> {
    regole: std::borrow::Cow<'a, Regole>,
    parole: Parole,
    titoli: std::borrow::Cow<'a, Titoli>,
    radice: String,
    tradotte: BTreeMap<&'a str, &'a str>,
    /// The site's strings in the language (the pages' titles).
    t: &'a BTreeMap<String, String>,
}

impl<'a> InLingua<'a> {
    /// The wizard in the site's own language.
    fn italiano(site: &'a Loaded, regole: &'a Regole) -> InLingua<'a> {
        InLingua {
            regole: std::borrow::Cow::Borrowed(regole),
            parole: Parole::italiano(),
            titoli: std::borrow::Cow::Borrowed(&site.page_titles),
            radice: String::new(),
            tradotte: BTreeMap::new(),
            t: site.languages.strings(&site.languages.source.codice),
        }
    }

    /// The wizard in the translation `codice`, when its strings have the wizard's words (else the language's
    /// readers use the Italian wizard, and its links say so).
    pub(crate) fn di(site: &'a Loaded, regole: &Regole, codice: &str) -> Option<InLingua<'a>> {
        let l = &site.languages;
        l.speaks_wizard(codice).then_some(())?;
        let strings = l.strings(codice);
        let lingua = l.get(codice);
        let testi = civis_vista::parole::chiavi().map(|(k, _)| lingua.testi.get(k).cloned()).collect();
        let parole = Parole::di(codice, testi);
        let tradotte = l.translated_pages(codice, site.page_titles.keys());
        let mut titoli = site.page_titles.clone();
        titoli.extend(tradotte.iter().filter_map(|(p, t)| Some((p.to_string(), site.page_titles.get(*t)?.clone()))));
        Some(InLingua {
            regole: std::borrow::Cow::Owned(crate::lingue::regole_tradotte(regole, strings, &parole)),
            parole,
            titoli: std::borrow::Cow::Owned(titoli),
            radice: format!("{codice}/"),
            tradotte,
            t: strings,
        })
    }

    /// The folder of a state's page.
    fn cartella(&self, voci: &Voci) -> String {
        format!("{}{}", self.radice, url::cartella(&self.regole, voci))
    }

    /// A guidance page in the language (the Italian one where not translated), and whether it is the Italian one
    /// on a page in another language.
    fn pagina<'p>(&'p self, p: &'p str) -> (&'p str, bool) {
        match self.tradotte.get(p) {
            Some(t) => (t, false),
            None => (p, !self.radice.is_empty()),
        }
    }

    /// The view of a state.
    fn vista(&self, voci: &Voci, oggi: chrono::NaiveDate) -> Vista {
        vista(&self.regole, voci, Modo::Statico, &self.titoli, oggi, &self.parole)
    }
}

/// Every wizard page below the start page (every state reachable from it), the number of paths of the full
/// question graph, and the flow check (every path ends in an outcome whose pages exist).
fn pages(site: &Loaded, regole: &Regole, errors: &mut Vec<Diagnostic>) -> (Vec<GeneratedPage>, usize) {
    let titoli = &site.page_titles;
    let exists = |p: &str| titoli.contains_key(p);
    let percorsi = civis_engine::verifica::percorsi(regole);
    errors.extend(civis_engine::verifica::verifica_percorsi(regole, &percorsi, &exists));
    if !exists(url::BASE) {
        errors.push(Diagnostic::new(
            "content/assistente/_index.md",
            0,
            0,
            "manca la pagina iniziale del percorso guidato",
        ));
    }
    (pagine_in(&InLingua::italiano(site, regole), site.opts.today), percorsi.len())
}

/// Every wizard page of a language below its start page: every state reachable from it.
fn pagine_in(l: &InLingua, oggi: chrono::NaiveDate) -> Vec<GeneratedPage> {
    let mut visti: BTreeMap<String, Vista> = BTreeMap::new();
    let mut coda = VecDeque::from([Voci::new()]);
    while let Some(voci) = coda.pop_front() {
        let path = l.cartella(&voci);
        if visti.contains_key(&path) {
            continue;
        }
        let v = l.vista(&voci, oggi);
        coda.extend(collegati(&v).into_iter().cloned());
        visti.insert(path, v);
    }
    let inizio = format!("{}{}", l.radice, url::BASE);
    let t = |k: &str| l.t.get(k).map_or("", String::as_str).to_string();
    visti
        .iter()
        .filter(|(path, _)| **path != inizio)
        .map(|(path, v)| {
            let title = match &v.corpo {
                Corpo::Domanda(d) => d.etichetta.clone(),
                _ => l.parole.t(civis_vista::parole::P::CheCosaFare).to_string(),
            };
            GeneratedPage::in_folder(
                path,
                format!("{title} · {}", t("wizard_title")),
                t("wizard_description"),
                "assistente.html",
                data(l, path, v),
            )
        })
        .collect()
}

/// The first step of the wizard in a language, as its start page shows it without JavaScript (`<code>/assistente/`,
/// the language's guide to the questions).
pub(crate) fn primo_passo(l: &InLingua, oggi: chrono::NaiveDate) -> Value {
    let path = format!("{}{}", l.radice, url::BASE);
    data(l, &path, &l.vista(&Voci::new(), oggi))
}

/// The template data of a step: the view with every state turned into a URL relative to `path`.
fn data(l: &InLingua, path: &str, v: &Vista) -> Value {
    let regole = &*l.regole;
    let link = |p: &str| relative(path, p);
    let stato = |voci: &Voci| link(&l.cartella(voci));
    let risposte: Vec<Value> = v
        .progresso
        .risposte
        .iter()
        .map(|r| json!({ "etichetta": r.domanda, "risposta": r.risposta, "cambia": stato(&r.cambia) }))
        .collect();
    let mut dati = json!({
        "inizio": link(&format!("{}{}", l.radice, url::BASE)),
        "guida": link(&l.radice),
        "progresso": { "numero": v.progresso.numero, "finito": v.progresso.finito, "domande": risposte },
        "sportelli": v.sportelli.then(|| link(url::SPORTELLI)),
    });
    // On the start page, which the app enhances, each choice also carries the state it leads to as the app writes
    // it in the fragment: a click there starts the app on the next step instead of loading the next page.
    let frammento = |voci: &Voci| (path == url::BASE).then(|| url::frammento(regole, voci));
    let pagina = |p: &str| {
        let (p, italiano) = l.pagina(p);
        (link(p), italiano)
    };
    match &v.corpo {
        Corpo::Domanda(d) => {
            let opzioni: Vec<Value> = d
                .opzioni
                .iter()
                .map(|o| {
                    json!({ "valore": o.valore, "etichetta": o.etichetta, "aiuto": o.aiuto, "url": stato(&o.voci),
                            "frammento": frammento(&o.voci) })
                })
                .collect();
            dati["domanda"] = json!({
                "id": d.id, "chiave": d.chiave, "etichetta": d.etichetta, "aiuto": d.aiuto,
                "pagina": d.pagina.as_deref().map(|p| pagina(p).0),
                "opzioni": opzioni, "salta": d.salta.as_ref().map(stato), "salta_frammento": d.salta.as_ref().and_then(frammento),
                "errore": d.errore,
            });
        }
        Corpo::Esito(e) => dati["esito"] = esito(e, &pagina, &l.parole),
        Corpo::Errore(m) => dati["errore"] = json!(m),
    }
    dati
}

/// Deadlines as the page lists them, each note in the page's words ([`civis_vista::esito::nota`]) instead of the
/// engine's Italian.
fn scadenze(scadenze: &[civis_engine::scadenza::Scadenza], p: &Parole) -> Vec<Value> {
    let con_nota = |s: &civis_engine::scadenza::Scadenza| {
        let mut v = json!(s);
        let righe: Vec<String> = civis_vista::esito::nota(s, p).into_iter().map(|r| r.testo).collect();
        v["nota"] = if righe.is_empty() { Value::Null } else { json!(righe.join(" ")) };
        v
    };
    scadenze.iter().map(con_nota).collect()
}

/// The outcome's template data, in the order the page shows it: the answer to the goal, the other deadlines, the
/// warnings, the procedure, the checks, what to do after the deadline, the pages and the sources.
/// `pagina` gives a guidance page's link and whether it is in Italian on a page in another language.
fn esito(e: &civis_vista::VistaEsito, pagina: &dyn Fn(&str) -> (String, bool), p: &Parole) -> Value {
    let c = &e.consiglio;
    let link = |p: &str| pagina(p).0;
    let canale = |k: &civis_engine::consiglio::CanaleConsigliato| json!({ "id": k.id, "titolo": k.titolo, "url": link(&k.pagina), "servizio": k.servizio, "avvertenza": k.avvertenza });
    let r = &e.risposta;
    let puoi_anche: Vec<Value> =
        r.puoi_anche.iter().map(|a| json!({ "canale": canale(&a.canale), "entro": a.entro })).collect();
    json!({
        "risposta": {
            "frase": r.frase, "scaduta": r.scaduta, "scadenza": r.scadenza, "principale": r.principale,
            "ritardo": r.ritardo, "prudenza": r.prudenza, "canale": r.canale.as_ref().map(canale), "puoi_anche": puoi_anche,
        },
        "altre": scadenze(&e.altre, p), "avvisi": e.avvisi, "passi": c.passi, "verifiche": scadenze(&e.verifiche, p), "sanzione": c.sanzione_ridotta,
        "se_scaduto": e.se_scaduto.as_ref().map(|s| json!({
            "canali": s.canali.iter().map(canale).collect::<Vec<_>>(), "passi": s.passi, "dopo": s.dopo,
        })),
        "pagine": e.pagine.iter().map(|p| {
            let (url, italiano) = pagina(&p.pagina);
            json!({ "titolo": p.titolo, "url": url, "italiano": italiano })
        }).collect::<Vec<_>>(),
        "fonti": e.fonti,
        "richiesta": e.richiesta.as_ref().map(|f| format!("{}#{f}", link(url::RICHIESTA))),
    })
}
