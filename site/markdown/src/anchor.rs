//! Heading anchors: readable, stable slugs ("Cos'è CIVIS" → `cose-civis`).

/// The slug of a heading: accents folded, apostrophes dropped, other non-alphanumerics as single `-`.
pub fn slug(text: &str) -> String {
    let folded = deunicode::deunicode(text).to_lowercase();
    let mut out = String::with_capacity(folded.len());
    for c in folded.chars().filter(|c| *c != '\'') {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    if out.is_empty() {
        "sezione".into()
    } else {
        out
    }
}

#[cfg(test)]
mod test {
    use super::slug;

    #[test]
    fn folds_accents_and_drops_apostrophes() {
        assert_eq!(slug("Cos'è CIVIS"), "cose-civis");
        assert_eq!(slug("Cos’è CIVIS"), "cose-civis");
        assert_eq!(slug("Perché: il «termine» di 60 giorni!"), "perche-il-termine-di-60-giorni");
        assert_eq!(slug("???"), "sezione");
    }
}
