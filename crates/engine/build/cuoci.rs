//! Turns the rule model into a Rust constant expression (static tables of borrowed texts and slices), for the
//! browser app: the rules arrive compiled, with no parser and no code that builds them at start-up. Every struct
//! lists its fields here; a field missing from a list makes the generated code fail to compile, so the two cannot
//! drift.

use crate::condizione::{Quando, Requisiti};
use crate::modello::*;
use chrono::{Datelike, NaiveDate};
use std::borrow::Cow;

/// A value as a Rust expression.
pub(crate) trait Cuoci {
    fn cuoci(&self) -> String;
}

impl Cuoci for Cow<'static, str> {
    fn cuoci(&self) -> String {
        format!("std::borrow::Cow::Borrowed({:?})", &**self)
    }
}

impl Cuoci for bool {
    fn cuoci(&self) -> String {
        self.to_string()
    }
}

impl Cuoci for u32 {
    fn cuoci(&self) -> String {
        self.to_string()
    }
}

impl Cuoci for i32 {
    fn cuoci(&self) -> String {
        self.to_string()
    }
}

impl Cuoci for NaiveDate {
    fn cuoci(&self) -> String {
        format!("crate::modello::data({}, {}, {})", self.year(), self.month(), self.day())
    }
}

impl<T: Cuoci> Cuoci for Option<T> {
    fn cuoci(&self) -> String {
        match self {
            Some(v) => format!("Some({})", v.cuoci()),
            None => "None".into(),
        }
    }
}

impl<T: Cuoci + Clone> Cuoci for Cow<'static, [T]> {
    fn cuoci(&self) -> String {
        format!("std::borrow::Cow::Borrowed(&[{}])", self.iter().map(Cuoci::cuoci).collect::<Vec<_>>().join(", "))
    }
}

impl<A: Cuoci, B: Cuoci> Cuoci for (A, B) {
    fn cuoci(&self) -> String {
        format!("({}, {})", self.0.cuoci(), self.1.cuoci())
    }
}

impl Cuoci for Requisiti {
    fn cuoci(&self) -> String {
        format!("crate::condizione::Requisiti({})", self.0.cuoci())
    }
}

impl Cuoci for Quando {
    fn cuoci(&self) -> String {
        match self {
            Quando::Tutti(r) => format!("crate::condizione::Quando::Tutti({})", r.cuoci()),
            Quando::Uno(a) => format!("crate::condizione::Quando::Uno({})", a.cuoci()),
        }
    }
}

impl Cuoci for TipoDomanda {
    fn cuoci(&self) -> String {
        format!("crate::modello::TipoDomanda::{self:?}")
    }
}

impl Cuoci for TipoScadenza {
    fn cuoci(&self) -> String {
        format!("crate::modello::TipoScadenza::{self:?}")
    }
}

/// `Cuoci` for a struct of the model, from the list of its fields.
macro_rules! cuoci_struttura {
    ($($tipo:ident { $($campo:ident),* $(,)? })*) => {$(
        impl Cuoci for $tipo {
            fn cuoci(&self) -> String {
                let campi: Vec<String> = vec![$(format!("{}: {}", stringify!($campo), self.$campo.cuoci())),*];
                format!("crate::modello::{} {{ {} }}", stringify!($tipo), campi.join(", "))
            }
        }
    )*};
}

cuoci_struttura! {
    Regole { calendario, notifica, termini, decadenze, sanzioni, canali, avvisi, esiti, domande, collegamenti, proroghe, sorgenti, revisioni }
    Calendario { reviewed, festivi, pasquetta, sospensioni, proroga }
    Festivo { giorno, mese, nome, fonte, dal_anno }
    Pasquetta { nome, fonte }
    GiornoAnno { mese, giorno }
    Sospensione { id, dal, al, descrizione, fonte }
    Proroga { descrizione, fonte }
    ModoNotifica { valore, atti, data_inserita, giorni, ritiro_anticipa, regola, fonte, nota, varianti }
    VarianteNotifica { atti, giorni, regola, fonte, nota }
    Termine { id, tipo, titolo, atti, origini, giorni, sospensione, slitta, elaborate_dal, elaborate_al, in_vigore_dal, in_vigore_al, salvo, nuovo_termine_da, regola, fonte, nota }
    Decadenza { id, tipo, titolo, atti, origini, anni, regola, fonte, nota }
    ProrogaDecadenza { origini, presentate_nel, mesi, fonte }
    Sanzione { atti, testo, fonte }
    Canale { id, titolo, pagina, fonte, in_vigore_dal }
    Avviso { id, testo, se_canale, se_fatto }
    Esito { id, quando, canali, passi, pagine }
    CollegamentoPrecompilato { descrizione, frammento }
    Domanda { id, chiave, tipo, etichetta, aiuto, pagina, opzioni, facoltativa, quando, fuori_caso, anno_minimo, non_cambia_esito }
    Opzione { valore, etichetta, aiuto }
}
