//! Active content in a PDF, read by objects the way readers reach them, plus what a raw scan finds outside their
//! path. Three linear passes and a resolution:
//! 0. the small direct values (`N G obj 123 endobj`, a name, a filter array, a parameters dictionary), so that a
//!    stream's `/Length`, `/Filter` or `/DecodeParms` given by reference is resolved as a reader resolves it,
//!    rather than guessed from an `endstream` its data may contain;
//! 1. the file in order, object by object: each stream's data skipped by its `/Length` (or up to its `endstream`
//!    when the length is wrong), every stream that is an object stream (by its `/N` and `/First`, whatever its
//!    `/Type` or `/Subtype` says, as qpdf and pdf.js read them) decoded and read in turn; when its length cannot
//!    be confirmed, every plausible end is tried, since its data may itself contain the word `endstream`;
//! 2. every `obj` keyword pass 1 did not reach (inside a string, a comment, another stream's data, after a header
//!    written with NUL, form feeds or comments between its numbers), which a reader following the cross-reference
//!    table would still find: its value is judged whatever its header looks like;
//! 3. the references: an action type given by reference (`/S 6 0 R`) is judged as the name it points to, and every
//!    `/OpenAction` is followed step by step (`/Next` chains, as a dictionary or an array, references resolved) as
//!    a reader runs it.
//!
//! Every dictionary met is judged by its type: actions by `/S`, embedded files, form fields, multimedia,
//! encryption. Decoding, every object visited and every byte read again spend the file's [`Budget`]; a file not
//! read in full is reported as such, never as clean.

mod filtri;
mod lessico;

use super::budget::Budget;
use filtri::{decodifica, Decodifica, Parametri};
use lessico::{spazio, Lessico, Token, Valore};

/// What was found in a PDF.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub(crate) struct Reperti {
    pub(crate) javascript: bool,
    pub(crate) avvio_programmi: bool,
    /// Actions that send data or open other files (SubmitForm, ImportData, GoToR, GoToE, a Thread in another file).
    pub(crate) azioni_esterne: bool,
    /// An `/OpenAction` that runs, at any step of its chain, an action other than moving inside the document.
    pub(crate) azione_apertura: bool,
    /// Automatic actions (`/AA`).
    pub(crate) azioni_automatiche: bool,
    /// Links to web addresses (`/S /URI`) outside `/OpenAction`.
    pub(crate) link: bool,
    pub(crate) file_incorporati: bool,
    /// Fields a person fills in (text, buttons, choices), an XFA form, or an `/AcroForm` in an unsigned file; the
    /// form of a signed PDF whose only field is the signature is not one.
    pub(crate) moduli: bool,
    /// A digital signature (PAdES): a signature field or a `/Sig` dictionary.
    pub(crate) firmato: bool,
    /// An `/AcroForm`: a form unless its only field is a signature.
    modulo_acroform: bool,
    pub(crate) multimedia: bool,
    pub(crate) cifrato: bool,
    /// An object stream that could not be decoded, or a budget hit: not fully read.
    pub(crate) incompleto: bool,
    pub(crate) f24: bool,
    pub(crate) dichiarazione: bool,
}

/// Text decoded from page streams for the F24 and tax-return hints, at most this much (charged to the file's
/// budget like any other decoding).
const TESTO_INDIZI: u64 = 32 * 1024 * 1024;
/// Bytes read after `obj` when looking for a small direct value in pass 0.
const FINESTRA_DIRETTI: usize = 512;
/// Ends tried for an object stream whose length cannot be confirmed.
const FINI_PROVATI: usize = 8;
/// Bytes read backwards from an `obj` keyword to find its two numbers: a header is never longer, and the bound
/// keeps the scan linear on a file made of one long line.
const FINESTRA_INTESTAZIONE: usize = 4096;
/// Steps followed along the open actions' chains.
const PASSI_AZIONI: usize = 10_000;

/// A value an object defines, kept when a reference may lead to it: a name (an action type by reference), an
/// integer (a length by reference), an action or an array of them (a `/Next` chain).
type Definizione = (u32, Valore);

/// What the judge collects that only a reference can settle.
#[derive(Default)]
struct Raccolta {
    /// Every `/OpenAction`, as written (a dictionary, a reference, a destination array).
    aperture: Vec<Valore>,
    /// Objects named as an action's `/S`.
    tipi_indiretti: Vec<u32>,
}

/// Reads a PDF and returns what it holds.
pub(crate) fn leggi(b: &[u8], budget: &mut Budget) -> Reperti {
    let mut l = Lettura {
        b,
        budget,
        indizi: TESTO_INDIZI,
        reperti: Reperti::default(),
        raccolta: Raccolta::default(),
        definizioni: Vec::new(),
        diretti: Vec::new(),
        visti: Vec::new(),
    };
    indizi(b, &mut l.reperti);
    l.valori_diretti();
    l.in_ordine();
    l.oggetti_nascosti();
    l.risolvi();
    l.reperti.incompleto |= l.budget.esaurito;
    l.reperti.moduli |= l.reperti.modulo_acroform && !l.reperti.firmato;
    l.reperti
}

/// The words of an F24 receipt or a tax return, which the Agenzia already has (a hint, not a verdict).
fn indizi(t: &[u8], r: &mut Reperti) {
    let maiuscolo = t.to_ascii_uppercase();
    let c = |w: &[u8]| memchr::memmem::find(&maiuscolo, w).is_some();
    r.f24 |= c(b"DELEGA IRREVOCABILE") || c(b"MODELLO F24");
    r.dichiarazione |= c(b"REDDITI PERSONE FISICHE") || c(b"MODELLO 730");
}

/// The `/Named` actions that only turn pages; any other name runs a menu item of the reader.
fn navigazione(n: &[u8]) -> bool {
    matches!(n, b"NextPage" | b"PrevPage" | b"FirstPage" | b"LastPage")
}

struct Lettura<'a, 'b> {
    b: &'a [u8],
    budget: &'b mut Budget,
    /// What is left of [`TESTO_INDIZI`].
    indizi: u64,
    reperti: Reperti,
    raccolta: Raccolta,
    /// Values a reference may lead to, by object number (sorted when resolving). Sorted vectors rather than hash
    /// maps: the browser module does without another hash table's code.
    definizioni: Vec<Definizione>,
    /// The small direct values of pass 0, sorted: `/Length`, `/Filter`, `/DecodeParms` by reference.
    diretti: Vec<Definizione>,
    /// Where the `obj` keywords read in pass 1 are, in increasing order.
    visti: Vec<usize>,
}

impl Lettura<'_, '_> {
    /// Pass 0: `N G obj <small value> endobj`, wherever it is.
    fn valori_diretti(&mut self) {
        for p in memchr::memmem::find_iter(self.b, b"obj") {
            let Some(n) = intestazione_oggetto(self.b, p) else { continue };
            let mut lex = Lessico::new(self.b, p + 3, self.b.len().min(p + 3 + FINESTRA_DIRETTI));
            let v = lex.token().and_then(|t| lex.valore(t, &mut |_| {}));
            let chiuso = lex.token().is_some_and(|t| lex.parola(&t) == b"endobj");
            if !self.budget.rileggi((lex.pos - p) as u64) {
                return;
            }
            if let (Some(v), true) = (v, chiuso) {
                if matches!(v, Valore::Intero(_) | Valore::Nome(_) | Valore::Vettore(_) | Valore::Dizionario(_)) {
                    self.diretti.push((n, v));
                }
            }
        }
        self.diretti.sort_by_key(|(n, _)| *n);
    }

    /// A value, or the direct value a reference leads to.
    fn risolto<'v>(&'v self, v: &'v Valore) -> &'v Valore {
        match v {
            Valore::Riferimento(r) => {
                let i = self.diretti.partition_point(|(m, _)| m < r);
                self.diretti.get(i).filter(|(m, _)| m == r).map_or(v, |(_, d)| d)
            }
            _ => v,
        }
    }

    /// Pass 1: the file in order.
    fn in_ordine(&mut self) {
        let mut lex = Lessico::new(self.b, 0, self.b.len());
        let mut numeri: [Option<i64>; 2] = [None, None];
        while let Some(t) = lex.token() {
            match t {
                Token::Numero(n) => numeri = [numeri[1], n],
                Token::Parola(a, z) if &self.b[a..z] == b"obj" => {
                    self.visti.push(a);
                    let numero = numeri[0].and_then(|n| u32::try_from(n).ok());
                    self.oggetto(&mut lex, numero);
                    numeri = [None, None];
                }
                t @ (Token::ApriDizionario | Token::ApriVettore) => {
                    let v = self.valore(&mut lex, t);
                    self.forse_flusso(&mut lex, v.as_ref(), false);
                }
                _ => {}
            }
            if self.budget.esaurito {
                return;
            }
        }
    }

    /// Pass 2: the `obj` keywords pass 1 did not reach, each parsed on its own; the bytes these parses read are
    /// charged to the budget, so the pass stays linear whatever the file.
    fn oggetti_nascosti(&mut self) {
        let posizioni: Vec<usize> = memchr::memmem::find_iter(self.b, b"obj")
            .filter(|&p| self.visti.binary_search(&p).is_err() && parola_intera(self.b, p, 3))
            .collect();
        for p in posizioni {
            let numero = intestazione_oggetto(self.b, p);
            let mut lex = Lessico::new(self.b, p + 3, self.b.len());
            self.oggetto(&mut lex, numero);
            if !self.budget.rileggi((lex.pos - p) as u64) {
                return;
            }
        }
    }

    /// The value after `N G obj`, and its stream if one follows.
    fn oggetto(&mut self, lex: &mut Lessico, numero: Option<u32>) {
        if !self.budget.oggetto() {
            return;
        }
        let Some(t) = lex.token() else { return };
        let v = self.valore(lex, t);
        if let (Some(n), Some(v)) = (numero, v.as_ref()) {
            self.definisci(n, v);
        }
        self.forse_flusso(lex, v.as_ref(), true);
    }

    /// Keeps what object `n` defines when a reference may lead to it.
    fn definisci(&mut self, n: u32, v: &Valore) {
        let utile = match v {
            Valore::Nome(_) | Valore::Intero(_) | Valore::Vettore(_) => true,
            Valore::Dizionario(_) => v.voce(b"S").is_some() || v.voce(b"Next").is_some(),
            _ => false,
        };
        if utile {
            self.definizioni.push((n, v.clone()));
        }
    }

    fn valore(&mut self, lex: &mut Lessico, t: Token) -> Option<Valore> {
        let reperti = &mut self.reperti;
        let raccolta = &mut self.raccolta;
        let v = lex.valore(t, &mut |d| giudica(d, reperti, raccolta));
        if v.is_none() {
            self.budget.esaurisci();
        }
        v
    }

    /// When `stream` follows, reads the data and moves the lexer past `endstream`.
    fn forse_flusso(&mut self, lex: &mut Lessico, dizionario: Option<&Valore>, dopo_obj: bool) {
        let Some(t) = lex.token() else { return };
        if lex.parola(&t) != b"stream" {
            if dopo_obj || lex.parola(&t) != b"endobj" {
                lex.rimetti(t);
            }
            return;
        }
        let lunghezza = dizionario.and_then(|d| self.intero(d.voce(b"Length")?));
        let flusso = dati_del_flusso(self.b, lex.pos, lunghezza);
        lex.pos = flusso.oltre;
        let Some(d) = dizionario else { return };
        // An object stream is read as one whatever its `/Type` or `/Subtype` claims: a reader goes by the
        // cross-reference entry that names it, and needs only `/N` and `/First`.
        let oggetti = d.voce(b"N").is_some() && d.voce(b"First").is_some();
        if oggetti || d.nome_di(b"Type") == Some(b"ObjStm") {
            let fini = if flusso.confermato { vec![flusso.fine] } else { fini_possibili(self.b, flusso.inizio) };
            for fine in fini {
                self.oggetti_compressi(d, &self.b[flusso.inizio..fine]);
            }
        } else {
            self.flusso(d, &self.b[flusso.inizio..flusso.fine]);
        }
    }

    /// An integer, direct or by reference to a direct integer object (`/Length 12 0 R`).
    fn intero(&self, v: &Valore) -> Option<i64> {
        match self.risolto(v) {
            Valore::Intero(n) => Some(*n),
            _ => None,
        }
    }

    /// A stream that is not an object stream: page text, read for the hints within what is left of
    /// [`TESTO_INDIZI`]; images, embedded files and cross-reference streams are not decoded.
    fn flusso(&mut self, d: &Valore, dati: &[u8]) {
        let tipo = d.nome_di(b"Type").unwrap_or_default();
        if tipo == b"XRef" || tipo == b"EmbeddedFile" || d.nome_di(b"Subtype") == Some(b"Image") {
            return;
        }
        let tetto = self.indizi.min(self.budget.restanti());
        if tetto == 0 {
            return;
        }
        let mut parziale = Budget::con(tetto);
        let esito = decodifica(dati, &self.filtri_di(d), &mut parziale);
        let speso = tetto - parziale.restanti();
        self.indizi -= speso;
        self.budget.spendi(speso);
        if let Decodifica::Testo(t) = esito {
            indizi(&t, &mut self.reperti);
        }
    }

    /// The filter chain with each filter's parameters, references resolved; `/F` and `/DP` are the short names
    /// pdf.js also accepts on any stream (when `/F` is a name or an array of names, not a file).
    fn filtri_di(&self, d: &Valore) -> Vec<(String, Parametri)> {
        let voce = |lunga: &[u8], breve: &[u8]| d.voce(lunga).or_else(|| d.voce(breve)).map(|v| self.risolto(v));
        let nomi: Vec<&[u8]> = match voce(b"Filter", b"F") {
            Some(Valore::Nome(n)) => vec![n],
            Some(Valore::Vettore(v)) => v
                .iter()
                .filter_map(|x| if let Valore::Nome(n) = self.risolto(x) { Some(&n[..]) } else { None })
                .collect(),
            _ => Vec::new(),
        };
        let parametri = |i: usize| {
            let p = match voce(b"DecodeParms", b"DP") {
                Some(Valore::Vettore(v)) => v.get(i).map(|x| self.risolto(x)),
                altro => altro,
            };
            let intero = |k: &[u8], predefinito| p.and_then(|p| self.intero(p.voce(k)?)).unwrap_or(predefinito);
            Parametri {
                predictor: intero(b"Predictor", 1),
                colors: intero(b"Colors", 1),
                bits: intero(b"BitsPerComponent", 8),
                columns: intero(b"Columns", 1),
            }
        };
        nomi.iter().enumerate().map(|(i, n)| (String::from_utf8_lossy(n).into_owned(), parametri(i))).collect()
    }

    /// An object stream (§7.5.7): every value in it is judged; the header's pairs (object number, offset) name the
    /// objects, each read only up to the next one. Pairs whose offsets do not increase are dropped, as qpdf drops
    /// them: otherwise a few kilobytes of pairs pointing at one large value would make us read it again and again.
    fn oggetti_compressi(&mut self, d: &Valore, dati: &[u8]) {
        let t = match decodifica(dati, &self.filtri_di(d), self.budget) {
            Decodifica::Testo(t) => t,
            Decodifica::Immagine => return,
            Decodifica::Illeggibile => {
                self.reperti.incompleto = true;
                return;
            }
        };
        // Read twice (every value, then each object in its range), both bounded by what was decoded and charged.
        let t = &t[..];
        let mut lex = Lessico::new(t, 0, t.len());
        while let Some(tok) = lex.token() {
            if matches!(tok, Token::ApriDizionario | Token::ApriVettore) {
                if !self.budget.oggetto() {
                    return;
                }
                self.valore(&mut lex, tok);
            }
        }
        // The header: integer pairs up to the first token that is not an integer. `/First` says where the objects
        // start; when it is not a direct integer, they start after the header.
        let mut testa = Lessico::new(t, 0, t.len());
        let mut coppie: Vec<(u32, usize)> = Vec::new();
        let fine_testa = loop {
            let prima = testa.pos;
            match (testa.token(), testa.token()) {
                (Some(Token::Numero(Some(num))), Some(Token::Numero(Some(off)))) => {
                    if let (Ok(num), Ok(off)) = (u32::try_from(num), usize::try_from(off)) {
                        coppie.push((num, off));
                    }
                }
                _ => break prima,
            }
        };
        let primo = match d.voce(b"First").and_then(|v| self.intero(v)) {
            Some(p) => usize::try_from(p).unwrap_or(usize::MAX),
            None => fine_testa,
        };
        let mut ultimo: Option<usize> = None;
        coppie.retain(|&(_, off)| {
            let cresce = ultimo.is_none_or(|u| off > u);
            if cresce {
                ultimo = Some(off);
            }
            cresce
        });
        for (i, &(num, off)) in coppie.iter().enumerate() {
            let inizio = primo.saturating_add(off);
            let fine = coppie.get(i + 1).map_or(t.len(), |&(_, o)| primo.saturating_add(o)).min(t.len());
            if inizio >= fine {
                continue;
            }
            let mut lex = Lessico::new(t, inizio, fine);
            if let Some(tok) = lex.token() {
                if let Some(v) = lex.valore(tok, &mut |_| {}) {
                    self.definisci(num, &v);
                }
            }
        }
    }

    /// Pass 3: what only a reference settles.
    fn risolvi(&mut self) {
        self.definizioni.sort_by_key(|(n, _)| *n);
        for n in std::mem::take(&mut self.raccolta.tipi_indiretti) {
            let nomi: Vec<Vec<u8>> = self
                .definiti(n)
                .iter()
                .filter_map(|v| if let Valore::Nome(s) = v { Some(s.clone()) } else { None })
                .collect();
            for s in nomi {
                giudica_tipo(&s, None, &mut self.reperti);
            }
        }
        let mut coda = std::mem::take(&mut self.raccolta.aperture);
        let mut seguiti: Vec<u32> = Vec::new();
        let mut passi = 0;
        while let Some(v) = coda.pop() {
            passi += 1;
            if passi > PASSI_AZIONI {
                self.budget.esaurisci();
                return;
            }
            match v {
                Valore::Riferimento(n) if !seguiti.contains(&n) => {
                    seguiti.push(n);
                    coda.extend(self.definiti(n));
                }
                d @ Valore::Dizionario(_) => {
                    if !self.passo_innocuo(&d) {
                        self.reperti.azione_apertura = true;
                    }
                    coda.extend(d.voce(b"Next").cloned());
                }
                Valore::Vettore(elementi) => coda.extend(elementi),
                _ => {}
            }
        }
    }

    /// The values object `n` defines (every definition: a later update may replace one, and a reader follows the
    /// latest; judging them all is the prudent reading).
    fn definiti(&self, n: u32) -> Vec<Valore> {
        let da = self.definizioni.partition_point(|(m, _)| *m < n);
        self.definizioni[da..].iter().take_while(|(m, _)| *m == n).map(|(_, v)| v.clone()).collect()
    }

    /// Whether one step of an open action only moves inside the document (a dictionary that is no action, a page of
    /// a destination, `GoTo`, `Trans`, `SetOCGState`, a page-turning `Named`, a `Thread` in this file).
    fn passo_innocuo(&self, d: &Valore) -> bool {
        let tipo: Vec<u8> = match d.voce(b"S") {
            None => return true,
            Some(Valore::Nome(s)) => s.clone(),
            Some(Valore::Riferimento(r)) => match self.definiti(*r).first() {
                Some(Valore::Nome(s)) => s.clone(),
                _ => return false,
            },
            Some(_) => return false,
        };
        match tipo.as_slice() {
            b"GoTo" | b"Trans" | b"SetOCGState" => true,
            b"Named" => match d.voce(b"N").map(|n| self.risolto(n)) {
                Some(Valore::Nome(n)) => navigazione(n),
                Some(Valore::Riferimento(r)) => {
                    matches!(self.definiti(*r).first(), Some(Valore::Nome(n)) if navigazione(n))
                }
                _ => false,
            },
            b"Thread" => d.voce(b"F").is_none(),
            _ => false,
        }
    }
}

/// Whether `b[p..p + n]` is a whole keyword: a PDF delimiter, white-space or the file's edge on both sides.
fn parola_intera(b: &[u8], p: usize, n: usize) -> bool {
    let confine = |c: Option<&u8>| c.is_none_or(|&c| spazio(c) || b"()<>[]{}/%".contains(&c));
    confine(p.checked_sub(1).and_then(|i| b.get(i))) && confine(b.get(p + n))
}

/// The object number when `p` is the `obj` of `N G obj`: two integers before it, separated by PDF white-space
/// (NUL, form feed… included) or comments, the generation of any length. `None` when the header cannot be read.
fn intestazione_oggetto(b: &[u8], p: usize) -> Option<u32> {
    if !parola_intera(b, p, 3) {
        return None;
    }
    let da = p.saturating_sub(FINESTRA_INTESTAZIONE);
    let b = &b[da..p];
    let mut i = b.len();
    // Backwards over white-space and over comments: a comment runs from a `%` to the end of its line, so a line
    // with a `%` is cut there before its digits are read.
    let indietro = |i: &mut usize| loop {
        while *i > 0 && spazio(b[*i - 1]) {
            *i -= 1;
        }
        let riga = b[..*i].iter().rposition(|&c| c == b'\n' || c == b'\r').map_or(0, |k| k + 1);
        match b[riga..*i].iter().position(|&c| c == b'%') {
            Some(k) if riga + k < *i => *i = riga + k,
            _ => return,
        }
    };
    let cifre = |i: &mut usize| {
        let da = *i;
        while *i > 0 && b[*i - 1].is_ascii_digit() {
            *i -= 1;
        }
        let testo = &b[*i..da];
        (*i < da).then(|| testo.iter().try_fold(0u64, |n, c| n.checked_mul(10)?.checked_add(u64::from(c - b'0'))))
    };
    indietro(&mut i);
    cifre(&mut i)?;
    indietro(&mut i);
    let numero = cifre(&mut i)?;
    numero.and_then(|n| u32::try_from(n).ok())
}

/// Where a stream's data lies.
struct Flusso {
    inizio: usize,
    fine: usize,
    /// Where reading resumes.
    oltre: usize,
    /// Whether `/Length` led to `endstream`; otherwise the end is the first `endstream`, which the data itself may
    /// contain.
    confermato: bool,
}

/// The stream's data, from `/Length` when it leads to `endstream`, otherwise up to the next `endstream`.
fn dati_del_flusso(b: &[u8], mut inizio: usize, lunghezza: Option<i64>) -> Flusso {
    if b.get(inizio) == Some(&b'\r') {
        inizio += 1;
    }
    if b.get(inizio) == Some(&b'\n') {
        inizio += 1;
    }
    inizio = inizio.min(b.len());
    if let Some(n) = lunghezza {
        if let Some(fine) = usize::try_from(n).ok().and_then(|n| inizio.checked_add(n)).filter(|&f| f <= b.len()) {
            let mut k = fine;
            while k < b.len() && spazio(b[k]) {
                k += 1;
            }
            if b[k..].starts_with(b"endstream") {
                return Flusso { inizio, fine, oltre: k + 9, confermato: true };
            }
        }
    }
    match fini_possibili(b, inizio).first() {
        Some(&fine) => {
            let oltre = memchr::memmem::find(&b[fine..], b"endstream").map_or(b.len(), |f| fine + f + 9);
            Flusso { inizio, fine, oltre, confermato: false }
        }
        None => Flusso { inizio, fine: b.len(), oltre: b.len(), confermato: false },
    }
}

/// The ends a stream starting at `inizio` may have when its length is unknown: before each of the next
/// [`FINI_PROVATI`] `endstream` words (the end-of-line before the word is not data), or the file's end.
fn fini_possibili(b: &[u8], inizio: usize) -> Vec<usize> {
    let fini: Vec<usize> = memchr::memmem::find_iter(&b[inizio..], b"endstream")
        .take(FINI_PROVATI)
        .map(|f| {
            let mut fine = inizio + f;
            while fine > inizio && matches!(b[fine - 1], b'\r' | b'\n') {
                fine -= 1;
            }
            fine
        })
        .collect();
    if fini.is_empty() {
        vec![b.len()]
    } else {
        fini
    }
}

/// Judges an action type (`/S`), with the action's dictionary when it is at hand.
fn giudica_tipo(s: &[u8], d: Option<&Valore>, r: &mut Reperti) {
    match s {
        b"JavaScript" => r.javascript = true,
        b"Launch" => r.avvio_programmi = true,
        b"SubmitForm" | b"ImportData" | b"GoToR" | b"GoToE" | b"GoToDp" => r.azioni_esterne = true,
        // A thread in another file opens that file, as GoToR does.
        b"Thread" => r.azioni_esterne |= d.is_some_and(|d| d.voce(b"F").is_some()),
        b"URI" => r.link = true,
        b"Rendition" | b"Movie" | b"Sound" | b"RichMediaExecute" | b"GoTo3DView" => r.multimedia = true,
        _ => {}
    }
}

/// Judges one dictionary.
fn giudica(d: &Valore, r: &mut Reperti, raccolta: &mut Raccolta) {
    let ha = |k: &[u8]| d.voce(k).is_some();
    let tipo = d.nome_di(b"Type").unwrap_or_default();
    let sottotipo = d.nome_di(b"Subtype").unwrap_or_default();
    match d.voce(b"S") {
        Some(Valore::Nome(s)) => giudica_tipo(s, Some(d), r),
        Some(Valore::Riferimento(n)) => raccolta.tipi_indiretti.push(*n),
        _ => {}
    }
    r.javascript |= ha(b"JS") || ha(b"JavaScript");
    r.azioni_automatiche |= ha(b"AA");
    r.file_incorporati |=
        tipo == b"EmbeddedFile" || ha(b"EmbeddedFiles") || ha(b"EF") || sottotipo == b"FileAttachment";
    // A form a person fills in: XFA, or a field of text, buttons or choices. A signed PDF (PAdES) has an
    // `/AcroForm` whose only field is the signature: that is no form.
    // A field type other than a signature, even one given by reference, is read as a fillable field.
    match d.voce(b"FT") {
        Some(Valore::Nome(t)) if t == b"Sig" => r.firmato = true,
        Some(_) => r.moduli = true,
        None => {}
    }
    r.moduli |= ha(b"XFA");
    r.modulo_acroform |= ha(b"AcroForm");
    r.firmato |= tipo == b"Sig";
    r.multimedia |= ha(b"RichMedia") || matches!(sottotipo, b"RichMedia" | b"Screen" | b"Movie" | b"Sound" | b"3D");
    r.cifrato |= ha(b"Encrypt");
    if let Some(a) = d.voce(b"OpenAction") {
        raccolta.aperture.push(a.clone());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reperti(b: &[u8]) -> Reperti {
        leggi(b, &mut Budget::new())
    }

    #[test]
    fn headers_with_nul_form_feeds_comments_and_long_generations() {
        assert_eq!(intestazione_oggetto(b"4\x00%c\n0\x0c%x\nobj", 10), Some(4));
        assert_eq!(intestazione_oggetto(b"\n7 000000000000000000000000000000 obj", 34), Some(7));
        assert_eq!(intestazione_oggetto(b"xobj", 1), None, "not a keyword");
    }

    #[test]
    fn an_action_type_by_reference_and_a_next_chain_are_followed() {
        let r = reperti(b"%PDF-1.7\n1 0 obj << /Type /Catalog /OpenAction 4 0 R >> endobj\n4 0 obj << /S /GoTo /D [] /Next 5 0 R >> endobj\n5 0 obj << /S 6 0 R /F (calc.exe) >> endobj\n6 0 obj /Launch endobj\n");
        assert!(r.avvio_programmi && r.azione_apertura, "{r:?}");
        let r = reperti(b"%PDF-1.7\n1 0 obj << /OpenAction << /S /GoTo /D [] /Next [ << /S /URI /URI (http://x) >> ] >> >> endobj\n");
        assert!(r.azione_apertura, "{r:?}");
        let r = reperti(b"%PDF-1.7\n1 0 obj << /OpenAction << /S /Named /N /NextPage >> >> endobj\n");
        assert!(!r.azione_apertura, "{r:?}");
    }

    #[test]
    fn a_signature_field_alone_is_no_form() {
        let r = reperti(b"%PDF-1.7\n1 0 obj << /AcroForm << /Fields [2 0 R] /SigFlags 3 >> >> endobj\n2 0 obj << /FT /Sig /V 3 0 R >> endobj\n");
        assert!(r.firmato && !r.moduli, "{r:?}");
        let r = reperti(
            b"%PDF-1.7\n1 0 obj << /AcroForm << /Fields [2 0 R] >> >> endobj\n2 0 obj << /FT /Tx /T (nome) >> endobj\n",
        );
        assert!(r.moduli, "{r:?}");
    }
}
