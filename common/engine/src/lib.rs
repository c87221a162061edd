//! Decision engine: Italian calendar, notification dates, deadlines, channels and procedure for a CIVIS case.
//! Pure Rust, no browser dependencies. The rules live in `content/wizard/*.yaml` (the repository's are also
//! embedded at compile time, for `advise` outside a site); "today" is always a parameter.

// Layers, bottom first: each module imports only modules above it in this list (checked by tests/strati.rs).
pub mod testo;
pub mod motivo;
pub mod passo;
pub mod numero;
pub mod tabella;
pub mod condizione;
pub mod modello;
pub mod riforma;
pub mod trama;
pub mod coerenza;
pub mod regole;
pub mod calendario;
pub mod breve;
pub mod lettura;
pub mod risposte;
pub mod notifica;
pub mod flusso;
pub mod scadenza;
pub mod esito;
pub mod consiglio;
pub mod verifica;
#[cfg(feature = "json")]
pub mod schemi;

pub use consiglio::Consiglio;
pub use risposte::{ErroreRisposte, Risposte};

#[cfg(any(feature = "yaml", feature = "json"))]
use chrono::NaiveDate;

/// Advice for a case, with the rules embedded at compile time.
#[cfg(feature = "yaml")]
pub fn consiglia(r: &Risposte, oggi: NaiveDate) -> Result<Consiglio, ErroreRisposte> {
    consiglio::consiglia_con(regole::incorporate(), r, oggi)
}

/// JSON answers in, JSON advice out (the `advise` command), with these rules.
#[cfg(feature = "json")]
pub fn consiglia_json(regole: &modello::Regole, json: &str, oggi: NaiveDate) -> Result<String, ErroreRisposte> {
    let r = risposte::da_json(regole, json, oggi)?;
    let c = consiglio::consiglia_con(regole, &r, oggi)?;
    Ok(serde_json::to_string_pretty(&c).expect("the advice always serialises"))
}
