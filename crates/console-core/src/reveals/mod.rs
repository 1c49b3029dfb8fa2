//! Who saw which customer's number: every reveal leaves a line in a local, append-only
//! journal (time, the profile's operator ID, profile, user ID, which number and the reason
//! when one was asked; never the number itself) that IT collects with
//! `op-console --export-reveals`.

pub mod export;
pub mod journal;

pub use export::{export_reveals, ExportFormat};
pub use journal::{RevealEntry, RevealJournal, REASON_MAX_CHARS, REVEALS_FILE_NAME};
