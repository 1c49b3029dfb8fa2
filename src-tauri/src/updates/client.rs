//! The plugin's updater for one plan: the release key and the install. It makes no request
//! (console-core's `updates::fetch` does, bounded, on IT's network): it reads the manifest
//! fetched and checks the package's signature before installing it.

use console_core::updates::UpdatePlan;
use tauri::utils::config::BundleType;
use tauri::{AppHandle, Runtime};
use tauri_plugin_updater::{Updater, UpdaterExt};
use url::Url;

pub fn updater<R: Runtime>(app: &AppHandle<R>, plan: &UpdatePlan) -> tauri_plugin_updater::Result<Updater> {
    app.updater_builder().endpoints(vec![plan.endpoint.clone()])?.build()
}

/// The endpoint as the plugin's own check would ask it: `{{current_version}}`, `{{target}}`,
/// `{{arch}}` and `{{bundle_type}}` filled in (a mirror may sort its releases by them).
pub fn endpoint_url<R: Runtime>(app: &AppHandle<R>, endpoint: &Url) -> Url {
    let version = app.package_info().version.to_string().replace('+', "%2B");
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
    fill(endpoint, &[("current_version", version.as_str()), ("target", os), ("arch", arch), ("bundle_type", bundle)])
}

fn fill(endpoint: &Url, values: &[(&str, &str)]) -> Url {
    let mut text = endpoint.as_str().to_owned();
    for (name, value) in values {
        // The path holds them percent-encoded, the query as written.
        text = text.replace(&format!("%7B%7B{name}%7D%7D"), value).replace(&format!("{{{{{name}}}}}"), value);
    }
    Url::parse(&text).unwrap_or_else(|_| endpoint.clone())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_are_filled_in_the_path_and_the_query() {
        let endpoint = Url::parse(
            "https://mirror.corp.example/op/{{target}}/{{arch}}/latest.json?v={{current_version}}&b={{bundle_type}}",
        )
        .unwrap();
        let filled = fill(
            &endpoint,
            &[("current_version", "0.2.0"), ("target", "linux"), ("arch", "x86_64"), ("bundle_type", "deb")],
        );
        assert_eq!(filled.as_str(), "https://mirror.corp.example/op/linux/x86_64/latest.json?v=0.2.0&b=deb");
        let plain = Url::parse("https://mirror.corp.example/latest.json").unwrap();
        assert_eq!(fill(&plain, &[("target", "linux")]), plain);
    }
}
