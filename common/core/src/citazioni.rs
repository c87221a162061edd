//! The laws and court decisions a text cites, found by their names (`DPR 602/1973`, `art. 21 D.Lgs. 546/1992`,
//! `Cass. SU 7822/2020`, `Cass. 4506/2007, 1265/2020`, `c.p.c.`): every one a page or a rule cites must have its
//! entry in `fonti.yaml`, so that a person can open its official text. Names are given in one canonical form
//! (`D.Lgs. 13/2024`, never `D. Lgs. n. 13/2024`), the one `fonti.yaml` uses.

/// A law or decision named in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Citazione {
    /// The canonical name (`DPR 602/1973`, `Cass. SU 7822/2020`, `c.p.c.`).
    pub nome: String,
    /// Byte offset of the name in the text.
    pub dove: usize,
    /// Byte offset just after it.
    pub fine: usize,
}

/// The kinds of act, as written in the texts, and their canonical prefix.
const ATTI: [(&str, &str); 10] = [
    ("D.Lgs.", "D.Lgs."),
    ("D. Lgs.", "D.Lgs."),
    ("DPR", "DPR"),
    ("D.P.R.", "DPR"),
    ("DL", "DL"),
    ("D.L.", "DL"),
    ("R.D.", "R.D."),
    ("L.", "L."),
    ("legge", "L."),
    ("DM", "DM"),
];

/// The courts, as written, and their canonical prefix.
const CORTI: [(&str, &str); 3] =
    [("Corte costituzionale", "Corte cost."), ("Corte cost.", "Corte cost."), ("Cass.", "Cass.")];

/// The codes cited by their abbreviation.
const CODICI: [&str; 2] = ["c.p.c.", "c.c."];

/// Whether `b` may end a word (or the text).
fn fine_parola(t: &[u8], i: usize) -> bool {
    t.get(i).is_none_or(|b| !b.is_ascii_alphanumeric())
}

/// Whether a word may start at `i`.
fn inizio_parola(t: &[u8], i: usize) -> bool {
    i == 0 || !t[i - 1].is_ascii_alphanumeric()
}

/// A number `N/YYYY` at `i` (after optional `n. `): its text and the index after it.
fn numero(t: &str, mut i: usize) -> Option<(String, usize)> {
    let b = t.as_bytes();
    if t[i..].starts_with("n. ") {
        i += 3;
    }
    let cifre = |mut j: usize| {
        while b.get(j).is_some_and(u8::is_ascii_digit) {
            j += 1;
        }
        j
    };
    let fine_n = cifre(i);
    if fine_n == i || b.get(fine_n) != Some(&b'/') {
        return None;
    }
    let fine_a = cifre(fine_n + 1);
    (fine_a - fine_n - 1 == 4 && fine_parola(b, fine_a)).then(|| (t[i..fine_a].to_string(), fine_a))
}

/// The court decisions after a court's name: `SU 7822/2020`, `ord. 1892/2015`, `4506/2007, 1265/2020 e 835/2016`.
fn sentenze(t: &str, mut i: usize, corte: &str, out: &mut Vec<Citazione>) {
    let mut sezioni_unite = false;
    // Words that may stand between the court and the number.
    loop {
        let resto = &t[i..];
        let parola = ["SU ", "S.U. ", "sez. un. ", "civ. ", "ord. ", "sent. ", "trib. ", "lav. "]
            .iter()
            .find(|p| resto.starts_with(**p));
        match parola {
            Some(p) => {
                sezioni_unite |= matches!(*p, "SU " | "S.U. " | "sez. un. ");
                i += p.len();
            }
            None => break,
        }
    }
    let prefisso = if sezioni_unite { format!("{corte} SU") } else { corte.to_string() };
    while let Some((n, dopo)) = numero(t, i) {
        out.push(Citazione { nome: format!("{prefisso} {n}"), dove: i, fine: dopo });
        let resto = &t[dopo..];
        let sep = [", ", " e "].iter().find(|s| resto.starts_with(**s) && numero(t, dopo + s.len()).is_some());
        match sep {
            Some(s) => i = dopo + s.len(),
            None => break,
        }
    }
}

/// Every law, code and court decision the text names, in order.
pub fn citazioni(t: &str) -> Vec<Citazione> {
    let b = t.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < t.len() {
        if !t.is_char_boundary(i) || !inizio_parola(b, i) {
            i += 1;
            continue;
        }
        let resto = &t[i..];
        if let Some((scritto, corte)) = CORTI.iter().find(|(s, _)| resto.starts_with(*s)) {
            let dopo = i + scritto.len();
            if b.get(dopo) == Some(&b' ') {
                sentenze(t, dopo + 1, corte, &mut out);
            }
            i = dopo;
            continue;
        }
        if let Some(c) = CODICI.iter().find(|c| resto.starts_with(**c)) {
            out.push(Citazione { nome: c.to_string(), dove: i, fine: i + c.len() });
            i += c.len();
            continue;
        }
        let atto = ATTI.iter().find(|(s, _)| resto.starts_with(*s) && b.get(i + s.len()) == Some(&b' '));
        if let Some((scritto, canonico)) = atto {
            if let Some((n, dopo)) = numero(t, i + scritto.len() + 1) {
                out.push(Citazione { nome: format!("{canonico} {n}"), dove: i, fine: dopo });
                i = dopo;
                continue;
            }
        }
        i += 1;
    }
    out
}

#[cfg(test)]
mod test {
    use super::*;

    fn nomi(t: &str) -> Vec<String> {
        citazioni(t).into_iter().map(|c| c.nome).collect()
    }

    #[test]
    fn laws_in_their_usual_forms() {
        assert_eq!(
            nomi("art. 21 c. 1 D.Lgs. 546/1992; art. 1 L. 742/1969 e art. 50 c. 2 DPR 602/1973"),
            ["D.Lgs. 546/1992", "L. 742/1969", "DPR 602/1973"]
        );
        assert_eq!(
            nomi("legge 890/1982, D. Lgs. n. 13/2024, D.L. 200/2025"),
            ["L. 890/1982", "D.Lgs. 13/2024", "DL 200/2025"]
        );
        assert_eq!(nomi("artt. 615 e 617 c.p.c.; art. 1335 c.c."), ["c.p.c.", "c.c."]);
    }

    #[test]
    fn court_decisions_each_once_with_their_court() {
        assert_eq!(
            nomi("(Cass. SU 10672/2009 e 11087/2010; Cass. 4506/2007, 1265/2020; Corte cost. 114/2018)"),
            [
                "Cass. SU 10672/2009",
                "Cass. SU 11087/2010",
                "Cass. 4506/2007",
                "Cass. 1265/2020",
                "Corte cost. 114/2018"
            ]
        );
        assert_eq!(
            nomi("Cass. ord. 1892/2015 e la sentenza della Corte costituzionale 258/2012"),
            ["Cass. 1892/2015", "Corte cost. 258/2012"]
        );
    }

    #[test]
    fn other_numbers_are_not_laws() {
        assert!(nomi("circ. 47/E del 2009; ris. 72/E/2021; 20/12/2026; il 15% del 2/3; HTML5/2024x").is_empty());
        assert!(nomi("L. 12/20 e DL 5/202").is_empty(), "a year has four digits");
        assert!(nomi("EL. 12/2000").is_empty(), "a kind of act starts a word");
    }
}
