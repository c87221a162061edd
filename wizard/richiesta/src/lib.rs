//! Checks a person runs before sending a CIVIS request, from the 2026 guide (seed 001): the codice fiscale, the
//! act's identifiers (13-digit communication number, 11-digit codice atto, 17-digit identificativo cartella), the
//! 13-digit CIVIS protocol whose first 8 digits are its date, the 3,000-character limit of the request's text, and
//! the attachments of a second request (count, size, format, active content read from the file's structure).
//! Pure functions with Italian messages; nothing is stored and nothing about the person is inferred or shown.
//!
//! This is the first part of issue 12's tool: the page and its WebAssembly build are not written yet.

pub mod allegati;
pub mod codice_fiscale;
pub mod identificativi;
pub mod testo;
