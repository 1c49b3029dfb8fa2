//! What every part of the console leans on: crash-safe private files, the process's
//! hardening, the clock, log lines, locks and URL prefixes.

pub(crate) mod atomic_file;
pub(crate) mod blocking;
pub(crate) mod clock;
pub(crate) mod harden;
pub(crate) mod lock;
pub(crate) mod log_redact;
pub(crate) mod url_prefix;
