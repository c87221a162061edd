//! Amounts in euro: the canonical form the answers keep (`1250.5`, what a URL fragment and `advise` carry), the
//! forms people type (`1.250,50`, `1 250,50`, `€ 1250`), and the Italian way of showing them back. Parsed by hand:
//! `f64::from_str` would double the number code of the browser's module.

/// The value of the canonical form: digits, then optionally one decimal point or comma and more digits (`2400`,
/// `2400,50`, `2400.5`). No sign, exponent or thousands separator.
pub fn canonico(valore: &str) -> Option<f64> {
    let t = valore.trim();
    let (intero, decimali) = t.split_once(['.', ',']).unwrap_or((t, ""));
    let cifre = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if !cifre(intero) || !(decimali.is_empty() || cifre(decimali)) || (t.ends_with(['.', ','])) {
        return None;
    }
    let tutte = intero.bytes().chain(decimali.bytes()).fold(0.0, |n, b| n * 10.0 + f64::from(b - b'0'));
    Some(tutte / 10f64.powi(decimali.len() as i32)).filter(|n| n.is_finite())
}

/// Why what was typed is not an amount, in Italian for the person.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NonImporto {
    /// Not a number at all.
    NonNumero,
    /// `1.250` or `1,250`: a thousands separator or decimals? The person is asked.
    Ambiguo {
        /// Read as thousands.
        migliaia: String,
        /// Read as decimals.
        decimali: String,
    },
}

impl NonImporto {
    /// Why, as data (`scritto` is what was typed).
    pub fn motivo(&self, scritto: &str) -> crate::motivo::Motivo {
        use crate::motivo::Motivo;
        match self {
            NonImporto::NonNumero => Motivo::NonImporto(scritto.into()),
            NonImporto::Ambiguo { migliaia, decimali } => Motivo::ImportoAmbiguo {
                scritto: scritto.into(),
                migliaia: migliaia.clone(),
                decimali: decimali.clone(),
            },
        }
    }

    /// The message for the person.
    pub fn messaggio(&self, scritto: &str) -> String {
        crate::testo::Frase::messaggio(&self.motivo(scritto))
    }
}

/// Whether `gruppi` (the parts between thousands separators, the first one included) are groups of three digits
/// after a first group of one to three.
fn migliaia(gruppi: &[&str]) -> bool {
    let cifre = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    gruppi.len() > 1
        && gruppi.iter().all(|g| cifre(g))
        && (1..=3).contains(&gruppi[0].len())
        && gruppi[1..].iter().all(|g| g.len() == 3)
}

/// Spaces people put between groups of digits (also the apostrophe some write).
fn separa(c: char) -> bool {
    matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}' | '\'')
}

/// What was typed without the currency before or after it (`€ 1250`, `1250 euro`).
fn senza_valuta(scritto: &str) -> &str {
    let mut t = scritto.trim().trim_start_matches('€').trim();
    for fine in ["euro", "Euro", "EURO", "eur", "EUR", "€"] {
        t = t.strip_suffix(fine).unwrap_or(t).trim();
    }
    t
}

/// An amount as people write it in Italy: `1250`, `1.250,50`, `1 250,50`, `€ 1250`, `1250 euro`, `1250.5`.
/// `1.250` (one dot, three digits after it) is ambiguous and asked back rather than guessed.
pub fn leggi_scritto(scritto: &str) -> Result<f64, NonImporto> {
    let t = senza_valuta(scritto);
    let numero = |intero: &str, decimali: &str| -> Result<f64, NonImporto> {
        let testo = if decimali.is_empty() { intero.to_string() } else { format!("{intero}.{decimali}") };
        canonico(&testo).ok_or(NonImporto::NonNumero)
    };
    if t.contains(separa) {
        // "1 250,50": groups of three separated by spaces, the decimals after the last one.
        let gruppi: Vec<&str> = t.split(separa).filter(|g| !g.is_empty()).collect();
        let (ultimo, decimali) =
            gruppi[gruppi.len() - 1].split_once([',', '.']).unwrap_or((gruppi[gruppi.len() - 1], ""));
        let mut interi = gruppi[..gruppi.len() - 1].to_vec();
        interi.push(ultimo);
        return if migliaia(&interi) { numero(&interi.concat(), decimali) } else { Err(NonImporto::NonNumero) };
    }
    let con_gruppi = |intero: &str, sep: char| -> Result<String, NonImporto> {
        let gruppi: Vec<&str> = intero.split(sep).collect();
        if gruppi.len() == 1 || migliaia(&gruppi) {
            Ok(gruppi.concat())
        } else {
            Err(NonImporto::NonNumero)
        }
    };
    // Split with `rsplit_once` rather than by index: no slicing that could panic, so no panic machinery (with
    // Debug formatting) in the browser's module.
    let (virgole, punti) = (t.matches(',').count(), t.matches('.').count());
    match (t.rsplit_once(','), t.rsplit_once('.')) {
        // Both: the last one is the decimal separator, the other one separates thousands.
        (Some((i, d)), Some((_, dp))) if d.len() < dp.len() => numero(&con_gruppi(i, '.')?, d),
        (Some(_), Some((i, d))) => numero(&con_gruppi(i, ',')?, d),
        (Some((i, d)), None) if virgole == 1 => numero(i, d),
        (None, Some((intero, decimali))) if punti == 1 => {
            if decimali.len() == 3 && (1..=3).contains(&intero.len()) {
                let (m, d) = (numero(&format!("{intero}{decimali}"), "")?, numero(intero, decimali)?);
                return Err(NonImporto::Ambiguo { migliaia: in_euro(m), decimali: in_euro(d) });
            }
            numero(intero, decimali)
        }
        (None, Some(_)) => numero(&con_gruppi(t, '.')?, ""),
        (None, None) => numero(t, ""),
        _ => Err(NonImporto::NonNumero),
    }
}

/// The canonical form of an amount (`1250.5`): what the answers keep.
pub fn in_cifre(n: f64) -> String {
    let centesimi = (n * 100.0).round() as u64;
    let (euro, cent) = (centesimi / 100, centesimi % 100);
    match cent {
        0 => euro.to_string(),
        c if c % 10 == 0 => format!("{euro}.{}", c / 10),
        c => format!("{euro}.{c:02}"),
    }
}

/// An amount as Italians read it: `1.250,50`, `1.250` (no decimals when they are zero).
pub fn in_euro(n: f64) -> String {
    let centesimi = (n * 100.0).round() as u64;
    let euro = (centesimi / 100).to_string();
    let mut out = String::new();
    for (i, c) in euro.chars().enumerate() {
        if i > 0 && (euro.len() - i) % 3 == 0 {
            out.push('.');
        }
        out.push(c);
    }
    match centesimi % 100 {
        0 => out,
        c => format!("{out},{c:02}"),
    }
}

#[cfg(test)]
mod test {
    use super::*;

    #[test]
    fn the_canonical_form_is_what_the_answers_keep() {
        assert_eq!(canonico("2400"), Some(2400.0));
        assert_eq!(canonico("2400,50"), Some(2400.5));
        assert_eq!(canonico(" 2400.5 "), Some(2400.5));
        assert_eq!(canonico("0,07"), Some(0.07));
        let enorme = canonico(&1e300_f64.to_string()); // what advise passes on for a JSON 1e300
        assert!(enorme.is_some_and(|n| (n / 1e300 - 1.0).abs() < 1e-9), "{enorme:?}");
        assert_eq!(canonico(&1e-7_f64.to_string()), Some(1e-7));
        for no in ["", "abc", ",50", "1.234,56", "1e3", "12 000", "-5", "2400,5x", "12."] {
            assert_eq!(canonico(no), None, "{no}");
        }
    }

    #[test]
    fn amounts_are_read_as_people_write_them() {
        for (scritto, valore) in [
            ("1250", 1250.0),
            ("1.250,50", 1250.5),
            ("1 250,50", 1250.5),
            ("€ 1250", 1250.0),
            ("1250 euro", 1250.0),
            ("1250€", 1250.0),
            ("1250,5", 1250.5),
            ("1250.5", 1250.5),
            ("1.250.000", 1_250_000.0),
            ("1.250.000,75", 1_250_000.75),
            ("1,250.50", 1250.5),
            ("12 345 678", 12_345_678.0),
            ("0,50", 0.5),
        ] {
            assert_eq!(leggi_scritto(scritto), Ok(valore), "{scritto}");
        }
    }

    #[test]
    fn one_dot_and_three_digits_is_asked_not_guessed() {
        let e = leggi_scritto("1.250").unwrap_err();
        assert_eq!(e, NonImporto::Ambiguo { migliaia: "1.250".into(), decimali: "1,25".into() });
        assert!(e.messaggio("1.250").contains("1.250 euro oppure 1,25 euro"), "{}", e.messaggio("1.250"));
    }

    #[test]
    fn what_is_not_an_amount_says_so() {
        for no in ["tanti", "1.25.0", "12 34", "1,2,3", "-5", "1.2345,00", "€", ""] {
            assert!(leggi_scritto(no).is_err(), "{no}");
        }
        assert!(NonImporto::NonNumero.messaggio(" x ").contains("«x» non è un importo"));
    }

    #[test]
    fn amounts_are_written_back_in_both_forms() {
        assert_eq!((in_cifre(1250.5), in_euro(1250.5)), ("1250.5".to_string(), "1.250,50".to_string()));
        assert_eq!((in_cifre(1250.0), in_euro(1250.0)), ("1250".to_string(), "1.250".to_string()));
        assert_eq!((in_cifre(0.07), in_euro(0.07)), ("0.07".to_string(), "0,07".to_string()));
        assert_eq!(in_euro(1_234_567.891), "1.234.567,89");
    }
}
