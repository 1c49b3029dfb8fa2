//! What this build and this installation bring to updates: the release key and endpoint
//! compiled in (tauri.conf.json's `plugins.updater`, filled by the release workflow), and
//! whether the console runs from a package the updater can replace and may do so.

use console_core::updates::BuildUpdates;
use tauri::utils::config::BundleType;
use tauri::{AppHandle, Runtime};
use url::Url;

pub fn build_updates<R: Runtime>(app: &AppHandle<R>) -> BuildUpdates {
    let config = app.config().plugins.0.get("updater");
    let has_key = config.and_then(|c| c.get("pubkey")).and_then(|k| k.as_str()).is_some_and(|k| !k.trim().is_empty());
    let endpoints = config
        .and_then(|c| c.get("endpoints"))
        .and_then(|e| e.as_array())
        .map(|list| list.iter().filter_map(|e| e.as_str()).filter_map(|e| Url::parse(e).ok()).collect())
        .unwrap_or_default();
    BuildUpdates { has_key, endpoints, packaged: tauri::utils::platform::bundle_type().is_some() }
}

/// Whether the console can put the package in place itself. A .deb or .rpm belongs to the
/// package manager: the updater hands it to `dpkg`/`rpm` through pkexec, or through sudo
/// (with zenity's or kdialog's password prompt, or none for root); without any of them
/// the notice asks for IT instead of failing at every try.
pub fn can_install() -> bool {
    match tauri::utils::platform::bundle_type() {
        Some(BundleType::Deb | BundleType::Rpm) => {
            on_path("pkexec") || (on_path("sudo") && (is_root() || on_path("zenity") || on_path("kdialog")))
        }
        Some(_) => true,
        None => false,
    }
}

#[cfg(unix)]
fn is_root() -> bool {
    use std::os::unix::fs::MetadataExt;
    // /proc/self belongs to the process's effective user.
    std::fs::metadata("/proc/self").is_ok_and(|m| m.uid() == 0)
}

#[cfg(not(unix))]
fn is_root() -> bool {
    false
}

fn on_path(program: &str) -> bool {
    std::env::var_os("PATH").is_some_and(|paths| std::env::split_paths(&paths).any(|dir| dir.join(program).is_file()))
}
