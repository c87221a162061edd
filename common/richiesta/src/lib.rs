//! Checks a person runs before sending a CIVIS request, from the 2026 guide (seed 001): the codice fiscale, the
//! act's identifiers (13-digit communication number, 11-digit codice atto, 17-digit identificativo cartella), the
//! 13-digit CIVIS protocol whose first 8 digits are its date, the 3,000-character limit of the request's text, and
//! the attachments of a second request (count, size, format, active content read from the file's structure).
//! Pure functions whose messages are data ([`parole`]), read in Italian or in the page's language; nothing is stored and nothing about the person is inferred or shown.
//!
//! The page "Prepara la richiesta" (`wizard/richiesta-app`) only renders these checks. The attachment checks, which
//! need ZIP and deflate, sit behind the default feature `allegati`, so that the wizard can link here with
//! [`contesto`] alone.

#[cfg(feature = "allegati")]
pub mod allegati;
pub mod codice_fiscale;
pub mod contesto;
pub mod identificativi;
pub mod parole;
pub mod riepilogo;
pub mod testo;
pub mod traccia;
