//! Updates as this build and IT's policy allow them: whether the console looks, where and
//! how often (`plan`), by which way (`network`), and what the last look found, as the page shows it (`status`). The
//! check, the signature and the install are Tauri's updater plugin's (src-tauri's
//! `updates` module); nothing here talks to the network.

mod network;
mod plan;
mod status;

pub use network::{update_network, UpdateNetwork};
pub use plan::{plan_updates, BuildUpdates, UpdatePlan, UpdatesOff, DEFAULT_CHECK_HOURS};
pub use status::{clean_notes, AvailableUpdate, UpdateOutcome, UpdateProgress, UpdateStatus, NOTES_MAX_CHARS};
