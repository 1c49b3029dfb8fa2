//! The plugin's errors as what the operator is told.

use console_core::updates::UpdateOutcome;
use tauri_plugin_updater::Error;

/// What a failed check came to.
pub fn of_check(error: &Error) -> UpdateOutcome {
    match error {
        Error::Reqwest(_) | Error::Network(_) | Error::Io(_) => UpdateOutcome::Unreachable,
        _ => UpdateOutcome::BadManifest,
    }
}

/// What a failed download and install came to.
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
