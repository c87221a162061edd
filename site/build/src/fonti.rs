//! Every source one click away: the laws and court decisions a page cites must be in the rules' `fonti.yaml` (the
//! build fails at the page's line otherwise), and each page lists the ones it cites with their official text. The
//! sources' page (`fonti/`) shows them all, with their dates, and the concordance of the testi unici.

use crate::context::CitedText;
use civis_content::{Diagnostic, Page};
use civis_core::citazioni::citazioni;
use civis_engine::modello::Regole;
use civis_engine::testo::data_it;
use serde_json::{json, Value};

/// The guidance page that lists every source (a Markdown page the build enriches).
pub(crate) const PAGINA: &str = "fonti/";

/// The lines a page's citations are read from: its front matter but `riscontro` (for maintainers), then its body;
/// each with its line in the file.
fn lines(p: &Page) -> impl Iterator<Item = (usize, &str)> {
    let mut in_riscontro = false;
    let header = p.header.lines().enumerate().filter_map(move |(i, l)| {
        if !l.starts_with([' ', '-']) {
            in_riscontro = l.starts_with("riscontro:");
        }
        (!in_riscontro).then_some((i + 2, l))
    });
    header.chain(p.body.lines().enumerate().map(|(i, l)| (p.body_line + i, l)))
}

/// The citations of the pages at `indici` that have no entry in `fonti.yaml`, each at its line and column.
pub(crate) fn non_elencate(pagine: &[Page], indici: &[usize], regole: &Regole) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for p in indici.iter().map(|&i| &pagine[i]) {
        for (riga, testo) in lines(p) {
            out.extend(civis_engine::coerenza::non_elencate(regole, &p.file, testo, riga));
        }
    }
    out
}

/// The laws, decisions and public documents a page cites (front matter and body), once each, in the order of
/// `fonti.yaml`: laws and decisions by their names in any written form, documents (the Guida CIVIS) by their name.
pub(crate) fn citati(p: &Page, regole: &Regole) -> Vec<CitedText> {
    let nomi: Vec<String> = lines(p).flat_map(|(_, l)| citazioni(l)).map(|c| c.nome).collect();
    let citata = |nome: &String| nomi.contains(nome) || lines(p).any(|(_, l)| l.contains(nome.as_str()));
    let leggi = regole.fonti.iter().filter(|f| citata(&f.nome)).map(|f| CitedText {
        nome: f.nome.clone(),
        titolo: f.titolo.clone(),
        url: f.url.clone(),
    });
    let sentenze = regole.sentenze.iter().filter(|s| nomi.contains(&s.nome)).map(|s| CitedText {
        nome: s.nome.clone(),
        titolo: format!("{}, {} del {}", s.sezione, s.tipo, data_it(s.data)),
        url: s.url.clone(),
    });
    leggi.chain(sentenze).collect()
}

/// The sources' page data: every law with its dates, every decision with its date and section, and each testo
/// unico with the articles it restates.
pub(crate) fn data(regole: &Regole) -> Value {
    let leggi: Vec<Value> = regole
        .fonti
        .iter()
        .map(|f| {
            json!({
                "nome": f.nome, "titolo": f.titolo, "url": f.url,
                "in_vigore_dal": f.in_vigore_dal.map(data_it), "nota": f.nota,
            })
        })
        .collect();
    let sentenze: Vec<Value> = regole
        .sentenze
        .iter()
        .map(|s| json!({ "nome": s.nome, "sezione": s.sezione, "tipo": s.tipo, "data": data_it(s.data), "url": s.url, "principio": s.principio }))
        .collect();
    let testi_unici: Vec<Value> = regole
        .testi_unici
        .iter()
        .map(|tu| {
            let righe: Vec<Value> = tu
                .riprende
                .iter()
                .flat_map(|r| {
                    r.articoli.iter().map(move |(vecchio, nuovo)| {
                        json!({ "vecchio": format!("art. {vecchio} {}", r.legge), "nuovo": format!("art. {nuovo} {}", tu.nome) })
                    })
                })
                .collect();
            json!({ "nome": tu.nome, "titolo": tu.titolo, "dal": data_it(tu.si_applica_dal), "righe": righe })
        })
        .collect();
    json!({ "leggi": leggi, "sentenze": sentenze, "testi_unici": testi_unici })
}
