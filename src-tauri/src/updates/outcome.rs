//! The requests' and the plugin's errors as what the operator is told.

use console_core::updates::{FetchProblem, UpdateOutcome};
use tauri_plugin_updater::Error;

/// What a failed request for the manifest came to.
pub fn of_fetch(problem: &FetchProblem) -> UpdateOutcome {
    match problem {
        FetchProblem::Unreachable(_) => UpdateOutcome::Unreachable,
        FetchProblem::BadAnswer(_) => UpdateOutcome::BadManifest,
    }
}

/// What a manifest the plugin could not read came to (no request is the plugin's).
pub fn of_check(error: &Error) -> UpdateOutcome {
    match error {
        Error::Io(_) => UpdateOutcome::Unreachable,
        _ => UpdateOutcome::BadManifest,
    }
}

/// What a failed install came to (the download is `fetch`'s: `DownloadFailed`).
pub fn of_install(error: &Error) -> UpdateOutcome {
    match error {
        Error::Minisign(_)
        | Error::Base64(_)
        | Error::SignatureUtf8(_)
        | Error::SignedVersionMismatch { .. }
        | Error::MissingSignedVersion => UpdateOutcome::BadSignature,
        Error::Reqwest(_) | Error::Network(_) => UpdateOutcome::DownloadFailed,
        _ => UpdateOutcome::InstallFailed,
    }
}
