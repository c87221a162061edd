//! The parser boundary under random and mutated input: front matter, Markdown and the wizard's rules files never
//! make the loaders panic, and every problem they report points at a real line of the file (1 to its last line).
//! A few thousand cases run in the normal test command (proptest, deterministic seed per case file).

mod support;

use proptest::prelude::*;
use proptest::test_runner::Config;

/// The real files, as seeds for the mutations.
fn seed(path: &str) -> String {
    std::fs::read_to_string(support::repo().join(path)).unwrap()
}

/// One mutation of a text: delete, duplicate or swap lines, insert bytes, cut the text.
#[derive(Debug, Clone)]
enum Mutazione {
    TogliRiga(usize),
    DuplicaRiga(usize),
    Inserisci(usize, String),
    Taglia(usize),
    ScambiaRighe(usize, usize),
}

fn mutazione() -> impl Strategy<Value = Mutazione> {
    prop_oneof![
        any::<usize>().prop_map(Mutazione::TogliRiga),
        any::<usize>().prop_map(Mutazione::DuplicaRiga),
        (
            any::<usize>(),
            prop_oneof![
                Just(": ".to_string()),
                Just("- ".into()),
                Just("\t".into()),
                Just("[".into()),
                Just("{".into()),
                Just("\"".into()),
                Just("---\n".into()),
                Just("&a ".into()),
                Just("*a".into()),
                Just("#".into()),
                ".{0,8}"
            ]
        )
            .prop_map(|(i, s)| Mutazione::Inserisci(i, s)),
        any::<usize>().prop_map(Mutazione::Taglia),
        (any::<usize>(), any::<usize>()).prop_map(|(a, b)| Mutazione::ScambiaRighe(a, b)),
    ]
}

fn applica(testo: &str, mutazioni: &[Mutazione]) -> String {
    let mut righe: Vec<String> = testo.lines().map(str::to_string).collect();
    for m in mutazioni {
        if righe.is_empty() {
            break;
        }
        let n = righe.len();
        match m {
            Mutazione::TogliRiga(i) => {
                righe.remove(i % n);
            }
            Mutazione::DuplicaRiga(i) => {
                let r = righe[i % n].clone();
                righe.insert(i % n, r);
            }
            Mutazione::Inserisci(i, s) => {
                let r = &mut righe[i % n];
                let at = (i / n) % (r.chars().count() + 1);
                let at = r.char_indices().nth(at).map_or(r.len(), |(b, _)| b);
                r.insert_str(at, s);
            }
            Mutazione::Taglia(i) => righe.truncate(i % n),
            Mutazione::ScambiaRighe(a, b) => righe.swap(a % n, b % n),
        }
    }
    righe.join("\n") + "\n"
}

fn righe(testo: &str) -> usize {
    testo.lines().count().max(1)
}

proptest! {
    #![proptest_config(Config { cases: 1000, failure_persistence: None, ..Config::default() })]

    #[test]
    fn front_matter_and_markdown_never_panic_and_errors_have_real_lines(m in prop::collection::vec(mutazione(), 1..6)) {
        let testo = applica(&seed("content/cartelle/_index.md"), &m);
        match civis_content::Page::parse("content/x/_index.md", "x/_index.md", &testo) {
            Err(errori) => for e in errori {
                prop_assert!(e.line >= 1 && e.line <= righe(&testo), "{e} (the file has {} lines)\n{testo}", righe(&testo));
            },
            Ok(p) => {
                let out = civis_markdown::render(&p.file, p.body_line, &p.body, &|d: &str, _| Ok(d.to_string()));
                for e in out.errors {
                    prop_assert!(e.line >= 1 && e.line <= righe(&testo), "{e}");
                }
            }
        }
    }

    #[test]
    fn arbitrary_text_never_panics_the_page_parser(testo in "(---\n)?[a-z: \\-\\[\\]\"\n#>!*_`]{0,200}") {
        if let Err(errori) = civis_content::Page::parse("content/x.md", "x.md", &testo) {
            for e in errori {
                prop_assert!(e.line >= 1 && e.line <= righe(&testo), "{e}");
            }
        }
    }

    #[test]
    fn rules_files_never_panic_and_errors_have_real_lines(file in 0usize..5, m in prop::collection::vec(mutazione(), 1..5)) {
        let nomi = civis_engine::regole::FILE;
        let mut files: Vec<(String, String)> =
            nomi.iter().map(|n| (format!("content/wizard/{n}"), seed(&format!("content/wizard/{n}")))).collect();
        files[file].1 = applica(&files[file].1, &m);
        if let Err(errori) = civis_engine::regole::carica(&files) {
            for e in errori {
                let testo = &files.iter().find(|(p, _)| *p == e.file).expect("a diagnostic names one of the files").1;
                prop_assert!(e.line >= 1 && e.line <= righe(testo), "{e} (the file has {} lines)", righe(testo));
            }
        }
    }
}
