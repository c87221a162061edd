//! The steps of a date's computation, as data: from which day the terms run (the notification), how the days are
//! counted (the suspension skipped, the last day, the shift off a holiday), and what a deadline counted from another
//! one or a decadenza check adds. The engine's Italian is made from them; a page in another language says the same
//! steps with its own dates. Names from the rules (a holiday, a suspension, the date a mode asks for) come filled in
//! from the rules the engine ran on, so a translated set of rules gives translated names.

use crate::testo::{Frase, Valore};
use chrono::NaiveDate;
use serde::{Serialize, Serializer};

/// Each step's key (as a strings file names it) and its Italian sentence, in the order of [`Passo::parti`].
pub const MODELLI: &[(&str, &str)] = &[
    ("passo.regola", "Regola: {regola} ({fonte})."),
    ("passo.parte_dopo", "Il termine di {giorni} giorni parte dal {n}° giorno dopo il {da}, cioè dal {data}."),
    (
        "passo.originale",
        "Il termine originale scadeva il {data}: la sanzione ridotta resta solo se la prima richiesta CIVIS è stata \
         inviata entro quel giorno.",
    ),
    (
        "passo.aggiornata",
        "Hai ricevuto la comunicazione aggiornata il {data}: da quel giorno decorre un nuovo termine di {giorni} \
         giorni, con le stesse regole (ris. 72/E/2021).",
    ),
    ("passo.dopo_scadenza", "Il termine «{titolo}» è scaduto {data}: i giorni si contano da lì."),
    (
        "passo.decadenza_conta",
        "Per la decadenza conta il giorno in cui l'ente ha avviato la notifica (consegna all'ufficio postale o invio \
         della PEC), non quello in cui la notifica vale per te: lo trovi nella relata di notifica.",
    ),
    (
        "passo.decadenza_tardi",
        "Anche la data che hai indicato, il {data}, è successiva: la cartella potrebbe essere stata notificata tardi. \
         Controlla la data nella relata di notifica.",
    ),
    (
        "passo.decadenza_in_tempo",
        "La data che hai indicato, il {data}, non è successiva al termine: la cartella risulta notificata in tempo.",
    ),
    ("passo.dichiarazione", "Dichiarazione presentata nel {anno}: la cartella andava notificata entro il {data}."),
    (
        "passo.proroga",
        "Per le dichiarazioni presentate nel {anno} la legge ha prorogato il termine di {mesi} mesi ({fonte}): diventa \
         il {data}.",
    ),
    ("passo.decorre", "Il termine decorre dal {da}: si conta dal giorno successivo, {data}."),
    ("passo.sospesi", "Non si contano i {n} giorni dal {primo} al {ultimo}: {descrizione} ({fonte})."),
    ("passo.fuori_sospensione", "La {descrizione} non cade in questo periodo."),
    ("passo.ultimo", "Il {giorni}° giorno è {data}."),
    ("passo.festivo", "Quel giorno è {motivo}: {proroga} ({fonte})."),
    ("passo.anche_dopo", "Anche il giorno dopo, {data}, non è lavorativo."),
    ("passo.anche_dopo_festivo", "Anche il giorno dopo, {data}, non è lavorativo: è {motivo}."),
    ("passo.utile", "Ultimo giorno utile: {data}."),
    ("passo.indicata", "Hai indicato la {data_inserita}: {data}."),
    ("passo.giorno_dopo", "Il giorno successivo al {da} è il {data}."),
    ("passo.giorni_dopo", "{giorni} giorni dopo il {da} è il {data}."),
    ("passo.ritiro_prima", "Hai ritirato l'atto prima, il {data}: vale questa data."),
    ("passo.ritiro_dopo", "Il ritiro del {ritiro} è successivo: resta il {data}."),
    ("passo.decorrono", "I termini decorrono dal {data}."),
    ("passo.nota", "{nota}"),
];

/// Why a day is not a working day: a weekend day (named in the reader's words) or a holiday (named by the rules).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NonLavorativo {
    /// Saturday or Sunday: that day.
    FineSettimana(NaiveDate),
    /// A holiday, by its name in the rules.
    Festa(String),
}

impl NonLavorativo {
    fn valore(&self) -> Valore {
        match self {
            NonLavorativo::FineSettimana(d) => Valore::Giorno(*d),
            NonLavorativo::Festa(nome) => Valore::Testo(nome.clone()),
        }
    }
}

/// One step of a computation. Serialised as its Italian sentence (`calcolo` in the advice).
#[derive(Debug, Clone, PartialEq, Eq)]
#[allow(missing_docs)] // each variant is its sentence in [`MODELLI`]
pub enum Passo {
    Regola {
        regola: String,
        fonte: String,
    },
    ParteDopo {
        giorni: u32,
        n: u32,
        da: NaiveDate,
        data: NaiveDate,
    },
    Originale(NaiveDate),
    Aggiornata {
        data: NaiveDate,
        giorni: u32,
    },
    DopoScadenza {
        titolo: String,
        data: NaiveDate,
    },
    DecadenzaConta,
    DecadenzaTardi(NaiveDate),
    DecadenzaInTempo(NaiveDate),
    Dichiarazione {
        anno: i32,
        data: NaiveDate,
    },
    Proroga {
        anno: i32,
        mesi: u32,
        fonte: String,
        data: NaiveDate,
    },
    Decorre {
        da: NaiveDate,
        data: NaiveDate,
    },
    Sospesi {
        n: usize,
        primo: NaiveDate,
        ultimo: NaiveDate,
        descrizione: String,
        fonte: String,
    },
    FuoriSospensione(String),
    Ultimo {
        giorni: u32,
        data: NaiveDate,
    },
    Festivo {
        motivo: NonLavorativo,
        proroga: String,
        fonte: String,
    },
    AncheDopo(NaiveDate),
    AncheDopoFestivo {
        data: NaiveDate,
        motivo: NonLavorativo,
    },
    Utile(NaiveDate),
    Indicata {
        data_inserita: String,
        data: NaiveDate,
    },
    GiornoDopo {
        da: NaiveDate,
        data: NaiveDate,
    },
    GiorniDopo {
        giorni: u32,
        da: NaiveDate,
        data: NaiveDate,
    },
    RitiroPrima(NaiveDate),
    RitiroDopo {
        ritiro: NaiveDate,
        data: NaiveDate,
    },
    Decorrono(NaiveDate),
    /// A note from the rules (on an extension), as the rules give it: its sentence is the note itself.
    Nota(String),
}

impl Frase for Passo {
    const MODELLI: &'static [(&'static str, &'static str)] = MODELLI;

    fn parti(&self) -> (usize, Vec<(&'static str, Valore)>) {
        use Valore::{Data, DataEstesa, Testo};
        let n = |x: &dyn ToString| Testo(x.to_string());
        match self {
            Passo::Regola { regola, fonte } => (0, vec![("regola", n(regola)), ("fonte", n(fonte))]),
            Passo::ParteDopo { giorni, n: dopo, da, data } => {
                (1, vec![("giorni", n(giorni)), ("n", n(dopo)), ("da", Data(*da)), ("data", Data(*data))])
            }
            Passo::Originale(d) => (2, vec![("data", Data(*d))]),
            Passo::Aggiornata { data, giorni } => (3, vec![("data", Data(*data)), ("giorni", n(giorni))]),
            Passo::DopoScadenza { titolo, data } => (4, vec![("titolo", n(titolo)), ("data", DataEstesa(*data))]),
            Passo::DecadenzaConta => (5, vec![]),
            Passo::DecadenzaTardi(d) => (6, vec![("data", Data(*d))]),
            Passo::DecadenzaInTempo(d) => (7, vec![("data", Data(*d))]),
            Passo::Dichiarazione { anno, data } => (8, vec![("anno", n(anno)), ("data", Data(*data))]),
            Passo::Proroga { anno, mesi, fonte, data } => {
                (9, vec![("anno", n(anno)), ("mesi", n(mesi)), ("fonte", n(fonte)), ("data", Data(*data))])
            }
            Passo::Decorre { da, data } => (10, vec![("da", Data(*da)), ("data", Data(*data))]),
            Passo::Sospesi { n: giorni, primo, ultimo, descrizione, fonte } => (
                11,
                vec![
                    ("n", n(giorni)),
                    ("primo", Data(*primo)),
                    ("ultimo", Data(*ultimo)),
                    ("descrizione", n(descrizione)),
                    ("fonte", n(fonte)),
                ],
            ),
            Passo::FuoriSospensione(descrizione) => (12, vec![("descrizione", n(descrizione))]),
            Passo::Ultimo { giorni, data } => (13, vec![("giorni", n(giorni)), ("data", DataEstesa(*data))]),
            Passo::Festivo { motivo, proroga, fonte } => {
                (14, vec![("motivo", motivo.valore()), ("proroga", n(proroga)), ("fonte", n(fonte))])
            }
            Passo::AncheDopo(d) => (15, vec![("data", DataEstesa(*d))]),
            Passo::AncheDopoFestivo { data, motivo } => {
                (16, vec![("data", DataEstesa(*data)), ("motivo", motivo.valore())])
            }
            Passo::Utile(d) => (17, vec![("data", DataEstesa(*d))]),
            Passo::Indicata { data_inserita, data } => {
                (18, vec![("data_inserita", n(data_inserita)), ("data", Data(*data))])
            }
            Passo::GiornoDopo { da, data } => (19, vec![("da", Data(*da)), ("data", Data(*data))]),
            Passo::GiorniDopo { giorni, da, data } => {
                (20, vec![("giorni", n(giorni)), ("da", Data(*da)), ("data", Data(*data))])
            }
            Passo::RitiroPrima(d) => (21, vec![("data", Data(*d))]),
            Passo::RitiroDopo { ritiro, data } => (22, vec![("ritiro", Data(*ritiro)), ("data", Data(*data))]),
            Passo::Decorrono(d) => (23, vec![("data", Data(*d))]),
            Passo::Nota(t) => (24, vec![("nota", n(t))]),
        }
    }
}

impl Serialize for Passo {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.messaggio())
    }
}

#[cfg(test)]
mod test {
    use super::*;

    #[test]
    fn the_weekend_reads_as_a_weekday_and_a_holiday_by_its_name() {
        let d = NaiveDate::from_ymd_opt(2026, 12, 26).unwrap();
        let p = Passo::Festivo {
            motivo: NonLavorativo::FineSettimana(d),
            proroga: "slitta".into(),
            fonte: "art. 2963 c.c.".into(),
        };
        assert_eq!(p.messaggio(), "Quel giorno è sabato: slitta (art. 2963 c.c.).");
        let p = Passo::AncheDopoFestivo { data: d, motivo: NonLavorativo::Festa("Santo Stefano".into()) };
        assert_eq!(p.messaggio(), "Anche il giorno dopo, sabato 26 dicembre 2026, non è lavorativo: è Santo Stefano.");
        assert_eq!(Passo::Nota("Una nota.".into()).messaggio(), "Una nota.");
        assert_eq!(Passo::Nota(String::new()).parti().0, MODELLI.len() - 1, "the last sentence is the last step");
    }
}
