//! Active content in a PDF, read by objects the way pdfid and peepdf read them. Two passes, both linear:
//! 1. the file in order, object by object: each stream's data is skipped by its `/Length` (or up to its
//!    `endstream` when the length is wrong), object streams are decoded and read in turn;
//! 2. every `N G obj` in the raw bytes that pass 1 did not reach (inside a string, a comment, another stream's
//!    data), which a reader following the cross-reference table would still find.
//!
//! Every dictionary met is judged by its type: actions by `/S`, embedded files, forms, multimedia, encryption.
//! Decoding spends the file's [`Budget`]; a file not read in full is reported as such, never as clean.

mod filtri;
mod lessico;

use super::budget::Budget;
use filtri::{decodifica, Decodifica, Parametri};
use lessico::{Lessico, Token, Valore};

/// What was found in a PDF.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub(crate) struct Reperti {
    pub(crate) javascript: bool,
    pub(crate) avvio_programmi: bool,
    /// Actions that send data or open other files (SubmitForm, ImportData, GoToR, GoToE).
    pub(crate) azioni_esterne: bool,
    /// An `/OpenAction` that is an action other than going to a page.
    pub(crate) azione_apertura: bool,
    /// Automatic actions (`/AA`).
    pub(crate) azioni_automatiche: bool,
    /// Links to web addresses (`/S /URI`) outside `/OpenAction`.
    pub(crate) link: bool,
    pub(crate) file_incorporati: bool,
    pub(crate) moduli: bool,
    pub(crate) multimedia: bool,
    pub(crate) cifrato: bool,
    /// An object stream that could not be decoded, or a budget hit: not fully read.
    pub(crate) incompleto: bool,
    pub(crate) f24: bool,
    pub(crate) dichiarazione: bool,
}

/// Text decoded from page streams for the F24 and tax-return hints, at most this much.
const TESTO_INDIZI: u64 = 32 * 1024 * 1024;

/// Reads a PDF and returns what it holds.
pub(crate) fn leggi(b: &[u8], budget: &mut Budget) -> Reperti {
    let mut l = Lettura {
        b,
        budget,
        indizi: Budget::con(TESTO_INDIZI),
        reperti: Reperti::default(),
        azioni: Vec::new(),
        aperture: Vec::new(),
        visti: Vec::new(),
    };
    indizi(b, &mut l.reperti);
    l.in_ordine();
    l.oggetti_nascosti();
    l.azioni.sort_unstable();
    for n in std::mem::take(&mut l.aperture) {
        let da = l.azioni.partition_point(|(m, _)| *m < n);
        if l.azioni[da..].iter().take_while(|(m, _)| *m == n).any(|(_, s)| !innocua(s)) {
            l.reperti.azione_apertura = true;
        }
    }
    l.reperti.incompleto |= l.budget.esaurito;
    l.reperti
}

/// The words of an F24 receipt or a tax return, which the Agenzia already has (a hint, not a verdict).
fn indizi(t: &[u8], r: &mut Reperti) {
    let maiuscolo = t.to_ascii_uppercase();
    let c = |w: &[u8]| memchr::memmem::find(&maiuscolo, w).is_some();
    r.f24 |= c(b"DELEGA IRREVOCABILE") || c(b"MODELLO F24");
    r.dichiarazione |= c(b"REDDITI PERSONE FISICHE") || c(b"MODELLO 730");
}

/// Actions that only move inside the document.
fn innocua(s: &[u8]) -> bool {
    matches!(s, b"GoTo" | b"Named" | b"Thread" | b"SetOCGState" | b"Trans")
}

struct Lettura<'a, 'b> {
    b: &'a [u8],
    budget: &'b mut Budget,
    indizi: Budget,
    reperti: Reperti,
    /// (object number, the `/S` of the action it is): to judge an `/OpenAction` given by reference. Sorted
    /// vectors rather than hash maps: the browser module does without another hash table's code.
    azioni: Vec<(u32, Vec<u8>)>,
    aperture: Vec<u32>,
    /// Where the `obj` keywords read in pass 1 are, in increasing order.
    visti: Vec<usize>,
}

impl Lettura<'_, '_> {
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
        }
    }

    /// Pass 2: objects pass 1 did not reach. Each starts a parse of its own; the bytes these parses read are
    /// bounded by a multiple of the file's size, so the pass stays linear whatever the file.
    fn oggetti_nascosti(&mut self) {
        let limite = 4 * self.b.len() + (1 << 20);
        let mut letti = 0;
        let posizioni: Vec<usize> = memchr::memmem::find_iter(self.b, b"obj")
            .filter(|&p| self.visti.binary_search(&p).is_err() && intestazione_oggetto(self.b, p).is_some())
            .collect();
        for p in posizioni {
            let numero = intestazione_oggetto(self.b, p);
            let mut lex = Lessico::new(self.b, p + 3, self.b.len());
            self.oggetto(&mut lex, numero);
            letti += lex.pos - p;
            if letti > limite {
                self.budget.esaurisci();
                return;
            }
        }
    }

    /// The value after `N G obj`, and its stream if one follows.
    fn oggetto(&mut self, lex: &mut Lessico, numero: Option<u32>) {
        let Some(t) = lex.token() else { return };
        let v = self.valore(lex, t);
        if let (Some(n), Some(s)) = (numero, v.as_ref().and_then(|v| v.nome_di(b"S"))) {
            self.azioni.push((n, s.to_vec()));
        }
        self.forse_flusso(lex, v.as_ref(), true);
    }

    fn valore(&mut self, lex: &mut Lessico, t: Token) -> Option<Valore> {
        let reperti = &mut self.reperti;
        let aperture = &mut self.aperture;
        let v = lex.valore(t, &mut |d| giudica(d, reperti, aperture));
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
        let (inizio, fine, oltre) = dati_del_flusso(self.b, lex.pos, dizionario);
        lex.pos = oltre;
        if let Some(d) = dizionario {
            self.flusso(d, &self.b[inizio..fine]);
        }
    }

    fn flusso(&mut self, d: &Valore, dati: &[u8]) {
        let tipo = d.nome_di(b"Type").unwrap_or_default();
        let sottotipo = d.nome_di(b"Subtype").unwrap_or_default();
        if tipo == b"XRef" || tipo == b"EmbeddedFile" || sottotipo == b"Image" {
            return;
        }
        let filtri = filtri_di(d);
        if tipo == b"ObjStm" {
            match decodifica(dati, &filtri, self.budget) {
                Decodifica::Testo(t) => self.oggetti_compressi(d, &t),
                Decodifica::Immagine => {}
                Decodifica::Illeggibile => self.reperti.incompleto = true,
            }
        } else if let Decodifica::Testo(t) = decodifica(dati, &filtri, &mut self.indizi) {
            indizi(&t, &mut self.reperti);
        }
    }

    /// An object stream (§7.5.7): every value in it is judged; the header's numbers name the actions.
    fn oggetti_compressi(&mut self, d: &Valore, t: &[u8]) {
        let mut lex = Lessico::new(t, 0, t.len());
        while let Some(tok) = lex.token() {
            if matches!(tok, Token::ApriDizionario | Token::ApriVettore) {
                self.valore(&mut lex, tok);
            }
        }
        let (Some(Valore::Intero(n)), Some(Valore::Intero(primo))) = (d.voce(b"N"), d.voce(b"First")) else { return };
        let mut testa = Lessico::new(t, 0, t.len());
        let coppie = (*n).clamp(0, t.len() as i64);
        for _ in 0..coppie {
            let (Some(Token::Numero(Some(num))), Some(Token::Numero(Some(off)))) = (testa.token(), testa.token())
            else {
                return;
            };
            let inizio = usize::try_from(primo.saturating_add(off)).unwrap_or(usize::MAX);
            if inizio >= t.len() {
                continue;
            }
            let mut lex = Lessico::new(t, inizio, t.len());
            if let (Some(tok), Ok(num)) = (lex.token(), u32::try_from(num)) {
                if let Some(s) = lex.valore(tok, &mut |_| {}).as_ref().and_then(|v| v.nome_di(b"S")) {
                    self.azioni.push((num, s.to_vec()));
                }
            }
        }
    }
}

/// The object number when `p` is the `obj` of `N G obj` (digits, space, digits, space before it).
fn intestazione_oggetto(b: &[u8], p: usize) -> Option<u32> {
    if b.get(p + 3).is_some_and(|&c| c.is_ascii_alphanumeric()) {
        return None;
    }
    let mut i = p;
    let spazi = |i: &mut usize| {
        let da = *i;
        while *i > 0 && b[*i - 1].is_ascii_whitespace() {
            *i -= 1;
        }
        *i < da
    };
    let cifre = |i: &mut usize| {
        let da = *i;
        while *i > 0 && da - *i < 10 && b[*i - 1].is_ascii_digit() {
            *i -= 1;
        }
        (*i < da).then(|| std::str::from_utf8(&b[*i..da]).ok()?.parse::<u32>().ok()).flatten()
    };
    if !spazi(&mut i) {
        return None;
    }
    cifre(&mut i)?;
    if !spazi(&mut i) {
        return None;
    }
    cifre(&mut i)
}

/// The stream's data (start, end) and where reading resumes, from `/Length` when it leads to `endstream`,
/// otherwise from the next `endstream`.
fn dati_del_flusso(b: &[u8], mut inizio: usize, d: Option<&Valore>) -> (usize, usize, usize) {
    if b.get(inizio) == Some(&b'\r') {
        inizio += 1;
    }
    if b.get(inizio) == Some(&b'\n') {
        inizio += 1;
    }
    inizio = inizio.min(b.len());
    if let Some(Valore::Intero(n)) = d.and_then(|d| d.voce(b"Length")) {
        if let Some(fine) = usize::try_from(*n).ok().and_then(|n| inizio.checked_add(n)).filter(|&f| f <= b.len()) {
            let mut k = fine;
            while k < b.len() && b[k].is_ascii_whitespace() {
                k += 1;
            }
            if b[k..].starts_with(b"endstream") {
                return (inizio, fine, k + 9);
            }
        }
    }
    match memchr::memmem::find(&b[inizio..], b"endstream") {
        Some(f) => {
            let mut fine = inizio + f;
            while fine > inizio && matches!(b[fine - 1], b'\r' | b'\n') {
                fine -= 1;
            }
            (inizio, fine, inizio + f + 9)
        }
        None => (inizio, b.len(), b.len()),
    }
}

/// The filter chain with each filter's parameters.
fn filtri_di(d: &Valore) -> Vec<(String, Parametri)> {
    let nomi: Vec<&[u8]> = match d.voce(b"Filter") {
        Some(Valore::Nome(n)) => vec![n],
        Some(Valore::Vettore(v)) => {
            v.iter().filter_map(|x| if let Valore::Nome(n) = x { Some(&n[..]) } else { None }).collect()
        }
        _ => Vec::new(),
    };
    let parametri = |i: usize| {
        let p = match d.voce(b"DecodeParms") {
            Some(Valore::Vettore(v)) => v.get(i),
            altro => altro,
        };
        let intero = |k: &[u8], predefinito| match p.and_then(|p| p.voce(k)) {
            Some(Valore::Intero(n)) => *n,
            _ => predefinito,
        };
        Parametri {
            predictor: intero(b"Predictor", 1),
            colors: intero(b"Colors", 1),
            bits: intero(b"BitsPerComponent", 8),
            columns: intero(b"Columns", 1),
        }
    };
    nomi.iter().enumerate().map(|(i, n)| (String::from_utf8_lossy(n).into_owned(), parametri(i))).collect()
}

/// Judges one dictionary.
fn giudica(d: &Valore, r: &mut Reperti, aperture: &mut Vec<u32>) {
    let ha = |k: &[u8]| d.voce(k).is_some();
    let tipo = d.nome_di(b"Type").unwrap_or_default();
    let sottotipo = d.nome_di(b"Subtype").unwrap_or_default();
    match d.nome_di(b"S").unwrap_or_default() {
        b"JavaScript" => r.javascript = true,
        b"Launch" => r.avvio_programmi = true,
        b"SubmitForm" | b"ImportData" | b"GoToR" | b"GoToE" => r.azioni_esterne = true,
        b"URI" => r.link = true,
        b"Rendition" | b"Movie" | b"Sound" | b"RichMediaExecute" | b"GoTo3DView" => r.multimedia = true,
        _ => {}
    }
    r.javascript |= ha(b"JS") || ha(b"JavaScript");
    r.azioni_automatiche |= ha(b"AA");
    r.file_incorporati |=
        tipo == b"EmbeddedFile" || ha(b"EmbeddedFiles") || ha(b"EF") || sottotipo == b"FileAttachment";
    r.moduli |= ha(b"AcroForm") || ha(b"XFA");
    r.multimedia |= ha(b"RichMedia") || matches!(sottotipo, b"RichMedia" | b"Screen" | b"Movie" | b"Sound" | b"3D");
    r.cifrato |= ha(b"Encrypt");
    match d.voce(b"OpenAction") {
        Some(Valore::Riferimento(n)) => aperture.push(*n),
        Some(a @ Valore::Dizionario(_)) => r.azione_apertura |= !innocua(a.nome_di(b"S").unwrap_or(b"GoTo")),
        _ => {}
    }
}
