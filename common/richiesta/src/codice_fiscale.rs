//! The codice fiscale: 16 characters for people (check character verified with the official odd/even tables,
//! omocodia letters accepted where digits stand), or 11 digits for organisations (with their check digit).

/// The omocodia letters, standing for the digits 0–9 in the positions where digits stand.
const OMOCODIA: &str = "LMNPQRSTUV";
/// The 0-based positions of the digits that omocodia may replace.
const CIFRE: [usize; 7] = [6, 7, 9, 10, 12, 13, 14];
/// The month letters.
const MESI: &str = "ABCDEHLMPRST";
/// Values of the characters in odd positions (1st, 3rd, …), for `0`–`9` and `A`–`Z` alike by their index.
const DISPARI: [u32; 26] =
    [1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23];

/// The index of a digit or letter in the tables (`0`/`A` → 0, …).
fn indice(c: char) -> u32 {
    match c {
        '0'..='9' => c as u32 - '0' as u32,
        _ => c as u32 - 'A' as u32,
    }
}

/// The check character of the first 15 characters.
fn controllo(primi: &str) -> char {
    let somma: u32 =
        primi.chars().enumerate().map(|(i, c)| if i % 2 == 0 { DISPARI[indice(c) as usize] } else { indice(c) }).sum();
    char::from(b'A' + (somma % 26) as u8)
}

/// The check digit of an 11-digit code (the first ten digits).
fn cifra_di_controllo(primi: &[u32]) -> u32 {
    let somma: u32 = primi
        .iter()
        .enumerate()
        .map(|(i, &d)| {
            if i % 2 == 1 {
                if d * 2 > 9 {
                    d * 2 - 9
                } else {
                    d * 2
                }
            } else {
                d
            }
        })
        .sum();
    (10 - somma % 10) % 10
}

use crate::parole::{Messaggio, R};

/// Checks a codice fiscale as typed (spaces and lowercase accepted); returns it normalised, or what is wrong.
pub fn verifica(testo: &str) -> Result<String, Messaggio> {
    let cf: String = testo.chars().filter(|c| !c.is_whitespace()).collect::<String>().to_ascii_uppercase();
    if cf.is_empty() {
        return Err(R::CfVuoto.into());
    }
    if cf.chars().all(|c| c.is_ascii_digit()) {
        return verifica_numerico(&cf);
    }
    if cf.chars().count() != 16 {
        return Err(Messaggio::from(R::CfLunghezza).con("n", cf.chars().count()));
    }
    let c: Vec<char> = cf.chars().collect();
    for (i, &x) in c.iter().enumerate() {
        let atteso_cifra = CIFRE.contains(&i);
        let valido = if atteso_cifra { x.is_ascii_digit() || OMOCODIA.contains(x) } else { x.is_ascii_uppercase() };
        if !valido {
            let cosa = if atteso_cifra { R::CfUnaCifra } else { R::CfUnaLettera };
            let m = Messaggio::from(R::CfCarattere).con("posizione", i + 1).con("carattere", x);
            return Err(m.con_parola("cosa", cosa));
        }
    }
    if !MESI.contains(c[8]) {
        return Err(Messaggio::from(R::CfMese).con("carattere", c[8]));
    }
    // Not saying which character would match: that would turn the check into a generator of valid-looking codes,
    // and a typo is usually elsewhere in the code anyway.
    if c[15] != controllo(&cf[..15]) {
        return Err(R::CfNonTorna.into());
    }
    Ok(cf)
}

/// An 11-digit codice fiscale (organisations, and the partita IVA).
fn verifica_numerico(cf: &str) -> Result<String, Messaggio> {
    if cf.len() != 11 {
        return Err(Messaggio::from(R::CfNumerico).con("n", cf.len()));
    }
    let cifre: Vec<u32> = cf.chars().map(|c| c as u32 - '0' as u32).collect();
    if cifre[10] != cifra_di_controllo(&cifre[..10]) {
        return Err(R::CfNonTorna.into());
    }
    Ok(cf.to_string())
}

#[cfg(test)]
mod test {
    use super::*;

    // Expected values from published examples (RSSMRA85T10A562S; the Agenzia delle entrate's own 06363391001)
    // and from a separate Python implementation of the official tables, not from this code.
    #[test]
    fn valid_codes_pass_normalised() {
        assert_eq!(verifica("RSSMRA85T10A562S").unwrap(), "RSSMRA85T10A562S");
        assert_eq!(verifica(" rssmra85t10a562s ").unwrap(), "RSSMRA85T10A562S");
        assert_eq!(verifica("BNCGLI90A41H501E").unwrap(), "BNCGLI90A41H501E");
        assert_eq!(verifica("VRDLGU70S15F205Q").unwrap(), "VRDLGU70S15F205Q");
        assert_eq!(verifica("06363391001").unwrap(), "06363391001");
    }

    #[test]
    fn omocodia_letters_are_accepted_in_their_positions() {
        assert_eq!(verifica("RSSMRA85T10A56NH").unwrap(), "RSSMRA85T10A56NH");
        assert!(verifica("RSSMRAK5T10A562S").unwrap_err().to_string().contains("7° carattere"));
    }

    #[test]
    fn a_wrong_check_character_says_so_without_revealing_the_right_one() {
        for (sbagliato, giusto) in [("RSSMRA85T10A562T", "S"), ("06363391002", "1"), ("RSSMRA85T10A56NS", "H")] {
            let e = verifica(sbagliato).unwrap_err().to_string();
            assert!(e.contains("non torna"), "{e}");
            assert!(
                !e.contains(&format!("«{giusto}»")) && !e.contains(&format!("«{}»", &sbagliato[sbagliato.len() - 1..])),
                "{e}"
            );
        }
    }

    #[test]
    fn wrong_shapes_say_what_is_wrong() {
        assert!(verifica("").unwrap_err().to_string().contains("Scrivi"));
        assert!(verifica("RSSMRA85T10A562").unwrap_err().to_string().contains("16 caratteri"));
        assert!(verifica("1234567890").unwrap_err().to_string().contains("11 cifre"));
        assert!(verifica("RSSMRA85Z10A562S").unwrap_err().to_string().contains("9° carattere"));
        assert!(verifica("R5SMRA85T10A562S").unwrap_err().to_string().contains("2° carattere"));
    }
}
