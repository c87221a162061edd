//! The rules as the browser app receives them: a compact text the site build writes into the wizard's page, read
//! back into the same model when the app starts. So the app follows the rules of the site it is served with (an
//! installed `civis-guida` builds any site), and no YAML or JSON parser ships in the module.
//!
//! The text is a sequence of fields separated by `¦` (U+00A6, which no rule may contain: a control character
//! such as the ASCII unit separator would cost six bytes each in the page's JSON block, 20 kB in all):
//! numbers and dates as written, `0`/`1` for booleans and for an absent or present option, a count before the
//! items of a list. Every struct lists its fields here once, for both directions; a field missing from a list
//! makes the code fail to compile, so the two directions cannot drift.

use crate::condizione::{Quando, Requisiti};
use crate::modello::*;
use chrono::{Datelike, NaiveDate};

/// The separator between fields.
pub const SEPARATORE: char = '¦';

/// Reads fields one at a time. A malformed text does not stop the reading: the reader notes it (`rotto`) and
/// hands out empty values, and [`Regole::da_trama`] refuses the result. Reading without early returns keeps the
/// browser's module small: each `?` in a struct's reader compiled code to drop the fields already read.
pub struct Lettore<'a> {
    campi: core::str::Split<'a, char>,
    rotto: bool,
}

impl<'a> Lettore<'a> {
    fn new(testo: &'a str) -> Self {
        Lettore { campi: testo.split(SEPARATORE), rotto: false }
    }

    /// Notes a malformed text and gives the empty value.
    fn rotto<T: Default>(&mut self) -> T {
        self.rotto = true;
        T::default()
    }

    fn campo(&mut self) -> &'a str {
        match self.campi.next() {
            Some(c) => c,
            None => self.rotto(),
        }
    }

    fn numero(&mut self) -> i64 {
        let c = self.campo();
        let (segno, cifre) = c.strip_prefix('-').map_or((1, c), |r| (-1, r));
        let n = if cifre.is_empty() || !cifre.bytes().all(|b| b.is_ascii_digit()) {
            None
        } else {
            cifre.bytes().try_fold(0i64, |n, b| n.checked_mul(10)?.checked_add(i64::from(b - b'0')))
        };
        match n {
            Some(n) => segno * n,
            None => self.rotto(),
        }
    }

    /// A number that must fit in `T`.
    fn intero<T: TryFrom<i64> + Default>(&mut self) -> T {
        let n = self.numero();
        T::try_from(n).unwrap_or_else(|_| self.rotto())
    }
}

/// A value of the model, written and read as fields.
pub trait Trama: Sized + Default {
    /// Appends the value's fields.
    fn scrivi(&self, out: &mut String);
    /// Reads the value's fields (the empty value, noted by the reader, on a malformed text).
    fn leggi(l: &mut Lettore) -> Self;
}

fn campo(out: &mut String, s: &str) {
    out.push_str(s);
    out.push(SEPARATORE);
}

impl Trama for String {
    fn scrivi(&self, out: &mut String) {
        campo(out, self);
    }
    fn leggi(l: &mut Lettore) -> Self {
        l.campo().into()
    }
}

impl Trama for bool {
    fn scrivi(&self, out: &mut String) {
        campo(out, if *self { "1" } else { "0" });
    }
    fn leggi(l: &mut Lettore) -> Self {
        match l.campo() {
            "1" => true,
            "0" => false,
            _ => l.rotto(),
        }
    }
}

impl Trama for u32 {
    fn scrivi(&self, out: &mut String) {
        campo(out, &self.to_string());
    }
    fn leggi(l: &mut Lettore) -> Self {
        l.intero()
    }
}

impl Trama for i32 {
    fn scrivi(&self, out: &mut String) {
        campo(out, &self.to_string());
    }
    fn leggi(l: &mut Lettore) -> Self {
        l.intero()
    }
}

impl Trama for NaiveDate {
    fn scrivi(&self, out: &mut String) {
        campo(out, &format!("{}", self.num_days_from_ce()));
    }
    fn leggi(l: &mut Lettore) -> Self {
        let giorni = l.intero();
        NaiveDate::from_num_days_from_ce_opt(giorni).unwrap_or_else(|| l.rotto())
    }
}

impl<T: Trama> Trama for Option<T> {
    fn scrivi(&self, out: &mut String) {
        match self {
            Some(v) => {
                campo(out, "1");
                v.scrivi(out);
            }
            None => campo(out, "0"),
        }
    }
    fn leggi(l: &mut Lettore) -> Self {
        bool::leggi(l).then(|| T::leggi(l))
    }
}

impl<T: Trama> Trama for Vec<T> {
    fn scrivi(&self, out: &mut String) {
        (self.len() as u32).scrivi(out);
        for v in self {
            v.scrivi(out);
        }
    }
    fn leggi(l: &mut Lettore) -> Self {
        // No capacity reserved from a count not yet checked; a malformed text stops the loop.
        let n = u32::leggi(l);
        let mut v = Vec::new();
        for _ in 0..n {
            if l.rotto {
                break;
            }
            v.push(T::leggi(l));
        }
        v
    }
}

impl<A: Trama, B: Trama> Trama for (A, B) {
    fn scrivi(&self, out: &mut String) {
        self.0.scrivi(out);
        self.1.scrivi(out);
    }
    fn leggi(l: &mut Lettore) -> Self {
        (A::leggi(l), B::leggi(l))
    }
}

impl Trama for Requisiti {
    fn scrivi(&self, out: &mut String) {
        self.0.scrivi(out);
    }
    fn leggi(l: &mut Lettore) -> Self {
        Requisiti(Vec::leggi(l))
    }
}

impl Trama for Quando {
    fn scrivi(&self, out: &mut String) {
        match self {
            Quando::Tutti(r) => {
                campo(out, "T");
                r.scrivi(out);
            }
            Quando::Uno(a) => {
                campo(out, "U");
                a.scrivi(out);
            }
        }
    }
    fn leggi(l: &mut Lettore) -> Self {
        match l.campo() {
            "T" => Quando::Tutti(Requisiti::leggi(l)),
            "U" => Quando::Uno(Vec::leggi(l)),
            _ => l.rotto(),
        }
    }
}

/// `Trama` for a field-less enum, by the position of its variants.
macro_rules! trama_enum {
    ($tipo:ident { $($variante:ident),* }) => {
        impl Trama for $tipo {
            fn scrivi(&self, out: &mut String) {
                let tutte = [$($tipo::$variante),*];
                (tutte.iter().position(|v| v == self).expect("a variant of its own enum") as u32).scrivi(out);
            }
            fn leggi(l: &mut Lettore) -> Self {
                let i = u32::leggi(l) as usize;
                [$($tipo::$variante),*].get(i).copied().unwrap_or_else(|| l.rotto())
            }
        }
    };
}

trama_enum!(TipoDomanda { Scelta, Data, Anno, Importo });
trama_enum!(TipoScadenza { Termine, Verifica });
trama_enum!(Riferimento { Comunicazione, Cartella });
trama_enum!(Richiesta { Prima, Seconda });

/// `Trama` for a struct of the model, from the list of its fields.
macro_rules! trama_struttura {
    ($($tipo:ident { $($campo:ident),* $(,)? })*) => {$(
        impl Trama for $tipo {
            fn scrivi(&self, out: &mut String) {
                $(self.$campo.scrivi(out);)*
            }
            fn leggi(l: &mut Lettore) -> Self {
                $tipo { $($campo: Trama::leggi(l)),* }
            }
        }
    )*};
}

trama_struttura! {
    Regole { calendario, atti, notifica, termini, decadenze, sanzioni, canali, avvisi, principali, esiti, domande, collegamenti, proroghe, fonti, sentenze, testi_unici, sorgenti, revisioni }
    Calendario { reviewed, festivi, pasquetta, sospensioni, proroga }
    Festivo { giorno, mese, nome, fonte, dal_anno }
    Pasquetta { nome, fonte }
    GiornoAnno { mese, giorno }
    Sospensione { id, dal, al, descrizione, fonte }
    Proroga { descrizione, fonte }
    Atto { id, etichetta, aiuto, gruppi, identificativo }
    ModoNotifica { valore, atti, data_inserita, giorni, ritiro_anticipa, regola, fonte, fonte_riformulata, riscontro, nota, varianti }
    VarianteNotifica { atti, giorni, regola, fonte, fonte_riformulata, riscontro, nota }
    Termine { id, tipo, titolo, azione, canale, atti, origini, quando, giorni, decorre_dopo, dopo_scadenza, sospensione, slitta, elaborate_dal, elaborate_al, in_vigore_dal, in_vigore_al, salvo, nuovo_termine_da, regola, fonte, fonte_riformulata, riscontro, nota }
    Decadenza { id, tipo, titolo, canale, atti, origini, anni, regola, fonte, fonte_riformulata, riscontro, nota }
    ProrogaDecadenza { origini, presentate_nel, mesi, fonte, riscontro, nota }
    Sanzione { atti, testo, fonte, riscontro }
    Servizio { testo, url }
    Canale { id, titolo, pagina, fonte, riscontro, in_vigore_dal, richiesta, servizio, avvertenza, solo_nei_termini }
    Avviso { id, testo, se_canale, se_fatto, quando, salvo, con, senza, senza_canale }
    Principale { obiettivi, scadenze }
    EsitoScaduto { id, finche, canali, passi, pagine }
    Esito { id, quando, in_vigore_dal, canali, principali, passi, pagine, scaduto }
    CollegamentoPrecompilato { descrizione, frammento }
    Domanda { id, chiave, tipo, etichetta, aiuto, pagina, opzioni, opzioni_da, varianti, facoltativa, non_so, predefinito, quando, fuori_caso, anno_minimo, non_cambia_esito }
    VarianteDomanda { quando, etichetta, aiuto }
    Opzione { valore, etichetta, aiuto, quando }
    FontePubblica { nome, titolo, url, in_vigore_dal, nota, verifica }
    Sentenza { nome, sezione, tipo, data, url, principio, verifica }
    TestoUnico { nome, titolo, si_applica_dal, verifica, riprende }
    Ripresa { legge, articoli }
    FonteRiformulata { dal, dopo, prima }
}

impl Regole {
    /// The rules as the browser app receives them: what a browser does not need (the files' texts, the
    /// maintainers' `riscontro`) left out. `None` when a text holds the separator.
    pub fn in_trama(&self) -> Option<String> {
        let mut per_il_browser = self.clone();
        per_il_browser.sorgenti.clear();
        for m in per_il_browser.notifica.iter_mut() {
            m.riscontro = None;
            m.varianti.iter_mut().for_each(|v| v.riscontro = None);
        }
        per_il_browser.termini.iter_mut().for_each(|t| t.riscontro = None);
        per_il_browser.decadenze.iter_mut().for_each(|d| d.riscontro = None);
        per_il_browser.proroghe.iter_mut().for_each(|p| p.riscontro = None);
        per_il_browser.sanzioni.iter_mut().for_each(|s| s.riscontro = None);
        per_il_browser.canali.iter_mut().for_each(|c| c.riscontro = None);
        // The concordance is already applied to every source it touches (`fonte_riformulata`).
        per_il_browser.testi_unici.clear();
        per_il_browser.fonti.iter_mut().for_each(|f| f.verifica = None);
        per_il_browser.sentenze.iter_mut().for_each(|s| s.verifica = None);
        let mut out = String::new();
        per_il_browser.scrivi(&mut out);
        // Every field ends with a separator; a text that held one would shift every field after it.
        let campi = out.matches(SEPARATORE).count();
        let mut conta = String::new();
        Regole::da_trama(&out)?.scrivi(&mut conta);
        (conta.matches(SEPARATORE).count() == campi && conta == out).then_some(out)
    }

    /// The rules from the page's text ([`Regole::in_trama`]); `None` when it is not such a text.
    pub fn da_trama(testo: &str) -> Option<Regole> {
        let mut l = Lettore::new(testo);
        let r = Regole::leggi(&mut l);
        let fine = l.campo().is_empty() && l.campi.next().is_none();
        (fine && !l.rotto).then_some(r)
    }
}

#[cfg(all(test, feature = "yaml"))]
mod test {
    use super::*;

    #[test]
    fn the_rules_go_through_the_page_and_back_unchanged() {
        let r = crate::regole::incorporate();
        let testo = r.in_trama().expect("no rule holds the separator");
        let letto = Regole::da_trama(&testo).expect("read back");
        let mut di_nuovo = String::new();
        letto.scrivi(&mut di_nuovo);
        assert_eq!(di_nuovo, testo);
        assert_eq!(letto.domande.len(), r.domande.len());
        assert!(letto.sorgenti.is_empty() && letto.termini.iter().all(|t| t.riscontro.is_none()));
        assert!(Regole::da_trama(&testo[..testo.len() / 2]).is_none(), "a cut text is refused");
        assert!(Regole::da_trama(&format!("{testo}x{SEPARATORE}")).is_none(), "a longer text is refused");
        assert!(Regole::da_trama("").is_none() && Regole::da_trama("x").is_none());
        // A hostile count: the reading stops at the first missing field, nothing is reserved from the count.
        assert!(Regole::da_trama(&format!("0{SEPARATORE}4294967295{SEPARATORE}")).is_none());
    }

    #[test]
    fn a_rule_holding_the_separator_is_refused() {
        let mut r = crate::regole::incorporate().clone();
        r.canali[0].titolo.push(SEPARATORE);
        assert!(r.in_trama().is_none());
    }
}
