//! The plugin's updater for one plan, on IT's network: exactly the proxy console-core
//! resolved (never reqwest's own reading of the environment) and IT's CA file on top of the
//! operating system's roots, as lookups have them.

use std::time::Duration;

use console_core::updates::{UpdateNetwork, UpdatePlan};
use tauri::{AppHandle, Runtime};
use tauri_plugin_updater::{Updater, UpdaterExt};

/// A check or a download that hears nothing for this long has failed.
const UPDATE_TIMEOUT: Duration = Duration::from_secs(120);

pub fn updater<R: Runtime>(
    app: &AppHandle<R>,
    plan: &UpdatePlan,
    network: UpdateNetwork,
) -> tauri_plugin_updater::Result<Updater> {
    app.updater_builder()
        .endpoints(vec![plan.endpoint.clone()])?
        .timeout(UPDATE_TIMEOUT)
        .configure_client(move |client| {
            let mut client = client.no_proxy();
            if let Some(proxy) = network.proxy.as_ref().and_then(|url| reqwest::Proxy::all(url.as_str()).ok()) {
                client = client.proxy(proxy);
            }
            if let Some(pem) = network.extra_roots_pem.as_deref() {
                for certificate in reqwest::Certificate::from_pem_bundle(pem).unwrap_or_default() {
                    client = client.add_root_certificate(certificate);
                }
            }
            client
        })
        .build()
}
