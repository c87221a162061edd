//! Engine benchmark (`cargo bench -p civis-engine`): time to answer one case and to enumerate and verify every
//! path of the question graph. Plain timing loop: not part of the test run.

use chrono::NaiveDate;
use civis_engine::{consiglia_json, regole};
use std::hint::black_box;
use std::time::Instant;

fn per_iteration(label: &str, iterations: u32, mut f: impl FnMut()) {
    f();
    let start = Instant::now();
    for _ in 0..iterations {
        f();
    }
    let each = start.elapsed() / iterations;
    println!("{label:<55} {:>12.1} µs", each.as_secs_f64() * 1e6);
}

fn main() {
    let oggi = NaiveDate::from_ymd_opt(2026, 7, 20).unwrap();
    let caso = r#"{"atto":"cartella","origine":"controllo_automatizzato","notifica":{"modo":"pec","data":"2026-07-15"},"obiettivo":"contestare","importo":2400,"anno_presentazione":2023}"#;
    let r = regole::incorporate();
    println!("paths in the question graph: {}", civis_engine::verifica::percorsi(r).len());
    per_iteration("one case, JSON in → JSON out (consiglia_json)", 20_000, || {
        black_box(consiglia_json(r, black_box(caso), oggi).unwrap());
    });
    per_iteration("enumerate every path (flusso::percorsi)", 20, || {
        black_box(civis_engine::verifica::percorsi(r));
    });
    per_iteration("verify the flow (flusso::verifica)", 20, || {
        black_box(civis_engine::verifica::verifica(r, &|_| true));
    });
    let files: Vec<(String, String)> = regole::FILE
        .iter()
        .map(|n| {
            (
                n.to_string(),
                std::fs::read_to_string(format!("{}/../../content/wizard/{n}", env!("CARGO_MANIFEST_DIR"))).unwrap(),
            )
        })
        .collect();
    per_iteration("load and check the rules files (regole::carica)", 200, || {
        black_box(regole::carica(&files).unwrap());
    });
}
