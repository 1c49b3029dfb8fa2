//! The plugin's updater for one plan: the release key and the install. It makes no request
//! (console-core's `updates::fetch` does, bounded, on IT's network): it reads the manifest
//! fetched and checks the package's signature before installing it.

use console_core::updates::{EndpointValues, UpdatePlan};
use tauri::utils::config::BundleType;
use tauri::{AppHandle, Runtime};
use tauri_plugin_updater::{Updater, UpdaterExt};

pub fn updater<R: Runtime>(app: &AppHandle<R>, plan: &UpdatePlan) -> tauri_plugin_updater::Result<Updater> {
    app.updater_builder().endpoints(vec![plan.endpoint.clone()])?.build()
}

/// What the endpoint's placeholders stand for here, named as the plugin names them.
pub fn endpoint_values<R: Runtime>(app: &AppHandle<R>) -> EndpointValues {
    let target = tauri_plugin_updater::target().unwrap_or_default();
    let (os, arch) = target.split_once('-').unwrap_or_default();
    // The plugin's installer names (an .app stands for a .dmg too).
    let bundle = match tauri::utils::platform::bundle_type() {
        Some(BundleType::Deb) => "deb",
        Some(BundleType::Rpm) => "rpm",
        Some(BundleType::AppImage) => "appimage",
        Some(BundleType::Msi) => "msi",
        Some(BundleType::Nsis) => "nsis",
        Some(BundleType::App) => "app",
        _ => "unknown",
    };
    EndpointValues {
        current_version: app.package_info().version.to_string(),
        target: os.to_owned(),
        arch: arch.to_owned(),
        bundle_type: bundle.to_owned(),
    }
}
