//! Typos: a query word that the index does not have is matched against the index's vocabulary by edit distance
//! (insertions, deletions, substitutions and swaps of two neighbouring letters), at most 1 for short stems and 2
//! for longer ones. The build writes the vocabulary in parts by stem length, so the browser loads only the
//! lengths a typo can reach, never the whole index.

/// The largest edit distance allowed for a stem of `n` letters: 1 up to 5 letters, 2 above.
pub fn distanza_massima(n: usize) -> usize {
    if n <= 5 {
        1
    } else {
        2
    }
}

/// The optimal-string-alignment distance between `a` and `b`, or `None` when it is over `massimo` (computed in
/// a band of width `2 × massimo + 1`, so a long vocabulary costs little).
pub fn distanza(a: &str, b: &str, massimo: usize) -> Option<usize> {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a.len().abs_diff(b.len()) > massimo {
        return None;
    }
    let (n, m) = (a.len(), b.len());
    let oltre = massimo + 1;
    let mut prima = vec![oltre; m + 1];
    let mut sopra: Vec<usize> = (0..=m).map(|j| j.min(oltre)).collect();
    for i in 1..=n {
        let mut riga = vec![oltre; m + 1];
        riga[0] = i.min(oltre);
        let da = i.saturating_sub(massimo).max(1);
        let a_ = (i + massimo).min(m);
        let mut minimo = riga[0];
        for j in da..=a_ {
            let costo = usize::from(a[i - 1] != b[j - 1]);
            let mut d = (sopra[j] + 1).min(riga[j - 1] + 1).min(sopra[j - 1] + costo);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d = d.min(prima[j - 2] + 1);
            }
            riga[j] = d.min(oltre);
            minimo = minimo.min(riga[j]);
        }
        if minimo > massimo {
            return None;
        }
        prima = std::mem::replace(&mut sopra, riga);
    }
    (sopra[m] <= massimo).then_some(sopra[m])
}

/// The stem of the vocabulary closest to `termine` within [`distanza_massima`]: the smallest distance, then the
/// stem found in more documents, then the first in order. `vocabolario` is `stem:documents` pairs separated by
/// spaces (what the browser passes from the parts it loaded). Empty when none is close enough.
pub fn correggi(termine: &str, vocabolario: &str) -> String {
    let massimo = distanza_massima(termine.chars().count());
    let mut migliore: Option<(usize, std::cmp::Reverse<u64>, &str)> = None;
    for voce in vocabolario.split(' ').filter(|v| !v.is_empty()) {
        let (stem, documenti) = voce.split_once(':').unwrap_or((voce, "1"));
        if stem == termine {
            continue;
        }
        if let Some(d) = distanza(termine, stem, massimo) {
            let chiave = (d, std::cmp::Reverse(documenti.parse().unwrap_or(1)), stem);
            if migliore.is_none_or(|m| chiave < m) {
                migliore = Some(chiave);
            }
        }
    }
    migliore.map(|(_, _, s)| s.to_string()).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distances_within_the_band() {
        assert_eq!(distanza("ricors", "ricos", 1), Some(1));
        assert_eq!(distanza("cartell", "cartel", 1), Some(1));
        assert_eq!(distanza("esattorial", "esatorial", 2), Some(1));
        assert_eq!(distanza("ab", "ba", 1), Some(1), "a swap is one edit");
        assert_eq!(distanza("ricors", "rimbors", 1), None);
        assert_eq!(distanza("ricors", "rimbors", 2), Some(2));
        assert_eq!(distanza("pec", "pec", 1), Some(0));
        assert_eq!(distanza("a", "abcd", 2), None);
    }

    #[test]
    fn the_closest_and_most_common_stem_wins() {
        assert_eq!(correggi("ricos", "ricors:40 ricov:2 rimbors:9"), "ricors");
        assert_eq!(correggi("cartel", "cartell:80 carte:3"), "cartell");
        assert_eq!(correggi("zzzqqq", "ricors:40"), "");
        assert_eq!(correggi("ric", "rit:5 ric:9 ris:7"), "ris", "ties on distance: more documents first");
    }
}
