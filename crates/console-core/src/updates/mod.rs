//! Updates as this build and IT's policy allow them: whether the console looks, where and
//! how often (`plan`), by which way (`network`), the two requests on that way, each bounded
//! (`fetch`: the manifest and the package), and what the last look found, as the page shows
//! it (`status`). The signature check and the install are Tauri's updater plugin's
//! (src-tauri's `updates` module).

mod fetch;
mod network;
mod plan;
mod status;

pub use fetch::{fetch_manifest, fetch_package, FetchLimits, FetchProblem, MANIFEST_LIMITS, PACKAGE_LIMITS};
pub use network::{update_network, UpdateNetwork};
pub use plan::{plan_updates, BuildUpdates, EndpointValues, UpdatePlan, UpdatesOff, DEFAULT_CHECK_HOURS};
pub use status::{clean_notes, AvailableUpdate, UpdateOutcome, UpdateProgress, UpdateStatus, NOTES_MAX_CHARS};
