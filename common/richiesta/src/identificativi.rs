//! The act's identifiers as the CIVIS guide describes them (seed 001 l. 91–117, 179–181): typed with spaces or
//! dots, shown back as CIVIS wants them (digits only).

use crate::parole::{Messaggio, R};
use chrono::NaiveDate;

/// The digits of what was typed, refusing anything but digits, spaces, dots and dashes.
fn cifre(testo: &str, cosa: R) -> Result<String, Messaggio> {
    if let Some(c) = testo.chars().find(|c| !(c.is_ascii_digit() || c.is_whitespace() || *c == '.' || *c == '-')) {
        return Err(Messaggio::from(R::SoloCifre).con_parola("cosa", cosa).con("carattere", c));
    }
    Ok(testo.chars().filter(char::is_ascii_digit).collect())
}

/// The digits of what was typed, `n` of them; `cosa` names the number, `dove` says where to find it.
fn lunghezza(testo: &str, cosa: R, n: usize, dove: R) -> Result<String, Messaggio> {
    let c = cifre(testo, cosa)?;
    if c.len() != n {
        let m = Messaggio::from(R::Cifre).con_parola("cosa", cosa).con("attese", n).con("scritte", c.len());
        return Err(m.con_parola("dove", dove));
    }
    Ok(c)
}

/// The 13-digit number of a communication or avviso telematico.
pub fn numero_comunicazione(testo: &str) -> Result<String, Messaggio> {
    lunghezza(testo, R::NomeNumeroComunicazione, 13, R::DoveNumeroComunicazione)
}

/// The 11-digit codice atto of a cartella.
pub fn codice_atto(testo: &str) -> Result<String, Messaggio> {
    lunghezza(testo, R::NomeCodiceAtto, 11, R::DoveCodiceAtto)
}

/// The 17-digit identificativo of a cartella: CIVIS wants it without spaces.
pub fn identificativo_cartella(testo: &str) -> Result<String, Messaggio> {
    lunghezza(testo, R::NomeIdentificativoCartella, 17, R::DoveIdentificativoCartella)
}

/// The identificativo della partita di ruolo, the third way to find a cartella. The guide does not say its format
/// (seed 001 l. 117): we only take out spaces and dots and accept letters and digits, and say so.
pub fn partita_di_ruolo(testo: &str) -> Result<String, Messaggio> {
    let pulito: String = testo.chars().filter(|c| !(c.is_whitespace() || *c == '.')).collect();
    if pulito.is_empty() {
        return Err(R::PartitaVuota.into());
    }
    if let Some(c) = pulito.chars().find(|c| !(c.is_ascii_alphanumeric() || *c == '-' || *c == '/')) {
        return Err(Messaggio::from(R::PartitaCaratteri).con("carattere", c));
    }
    Ok(pulito.to_ascii_uppercase())
}

/// Which identifier finds the act in CIVIS: the communication's number, or one of the three ways to find a
/// cartella (seed 001 l. 91–117).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Identificativo {
    /// The 13-digit number of a communication or avviso telematico.
    NumeroComunicazione,
    /// The cartella's 11-digit codice atto.
    CodiceAtto,
    /// The cartella's 17-digit identificativo.
    IdentificativoCartella,
    /// The identificativo della partita di ruolo.
    PartitaDiRuolo,
}

impl Identificativo {
    /// The ways to find a cartella, the simplest first.
    pub const CARTELLA: [Identificativo; 3] =
        [Identificativo::IdentificativoCartella, Identificativo::CodiceAtto, Identificativo::PartitaDiRuolo];

    /// Stable id (the form's value).
    pub fn id(self) -> &'static str {
        match self {
            Identificativo::NumeroComunicazione => "comunicazione",
            Identificativo::CodiceAtto => "codice_atto",
            Identificativo::IdentificativoCartella => "identificativo",
            Identificativo::PartitaDiRuolo => "partita",
        }
    }

    /// The identifier with this id.
    pub fn da_id(id: &str) -> Option<Identificativo> {
        [Identificativo::NumeroComunicazione].into_iter().chain(Identificativo::CARTELLA).find(|i| i.id() == id)
    }

    /// The CIVIS field it goes in.
    pub fn campo(self) -> R {
        match self {
            Identificativo::NumeroComunicazione => R::CampoNumeroComunicazione,
            Identificativo::CodiceAtto => R::CampoCodiceAtto,
            Identificativo::IdentificativoCartella => R::CampoIdentificativoCartella,
            Identificativo::PartitaDiRuolo => R::CampoPartitaDiRuolo,
        }
    }

    /// Whether it identifies a cartella.
    pub fn cartella(self) -> bool {
        self != Identificativo::NumeroComunicazione
    }

    /// Checks what was typed for a first (`seconda` false) or second request; the value as CIVIS wants it. The
    /// second request exists only for communications and avvisi telematici from the automated check (seed 000
    /// l. 7 and 40–42): for a cartella it is refused whatever the number ([`R::SecondaSuCartella`] says why and what
    /// to do instead).
    pub fn verifica_per(self, testo: &str, seconda: bool) -> Result<String, Messaggio> {
        if seconda && self.cartella() {
            return Err(R::SecondaSuCartella.into());
        }
        self.verifica(testo)
    }

    /// Checks what was typed; the value as CIVIS wants it.
    pub fn verifica(self, testo: &str) -> Result<String, Messaggio> {
        match self {
            Identificativo::NumeroComunicazione => numero_comunicazione(testo),
            Identificativo::CodiceAtto => codice_atto(testo),
            Identificativo::IdentificativoCartella => identificativo_cartella(testo),
            Identificativo::PartitaDiRuolo => partita_di_ruolo(testo),
        }
    }
}

/// The 13-digit protocol of an earlier CIVIS request, whose first 8 digits are the day it was received
/// (year, month, day): returns the digits and that day, which cannot be in the future.
pub fn protocollo(testo: &str, oggi: NaiveDate) -> Result<(String, NaiveDate), Messaggio> {
    let c = lunghezza(testo, R::NomeProtocollo, 13, R::DoveProtocollo)?;
    let n = |a: usize, b: usize| c[a..b].parse::<u32>().expect("digits");
    let data =
        NaiveDate::from_ymd_opt(n(0, 4) as i32, n(4, 6), n(6, 8)).ok_or(Messaggio::from(R::ProtocolloNonData))?;
    if data > oggi {
        return Err(R::ProtocolloFuturo.into());
    }
    Ok((c, data))
}

#[cfg(test)]
mod test {
    use super::*;

    fn g(a: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(a, m, d).unwrap()
    }

    #[test]
    fn identifiers_typed_with_spaces_come_back_as_digits() {
        assert_eq!(identificativo_cartella("068 2026 0012 3456 78").unwrap(), "06820260012345678");
        assert_eq!(numero_comunicazione("1234 5678 90123").unwrap(), "1234567890123");
        assert_eq!(codice_atto("123.456.789.01").unwrap(), "12345678901");
    }

    #[test]
    fn wrong_identifiers_say_what_and_where() {
        let e = identificativo_cartella("1234").unwrap_err().to_string();
        assert!(e.contains("17 cifre") && e.contains("ne hai scritte 4") && e.contains("senza spazi"), "{e}");
        assert!(numero_comunicazione("12345678901A3").unwrap_err().to_string().contains("«A»"));
    }

    #[test]
    fn the_partita_di_ruolo_is_kept_as_printed_without_spaces() {
        assert_eq!(partita_di_ruolo(" 2026 ab.12 ").unwrap(), "2026AB12");
        assert!(partita_di_ruolo("  ").unwrap_err().to_string().contains("come è stampato"));
        assert!(partita_di_ruolo("12;3").unwrap_err().to_string().contains("«;»"));
    }

    #[test]
    fn the_protocol_starts_with_a_real_past_date() {
        assert_eq!(protocollo("2026051100001", g(2026, 11, 25)).unwrap().1, g(2026, 5, 11));
        assert!(protocollo("2026023000001", g(2026, 11, 25)).unwrap_err().to_string().contains("non formano una data"));
        assert!(protocollo("2026122600001", g(2026, 11, 25)).unwrap_err().to_string().contains("futura"));
        assert!(protocollo("202605110001", g(2026, 11, 25)).unwrap_err().to_string().contains("13 cifre"));
    }
}
