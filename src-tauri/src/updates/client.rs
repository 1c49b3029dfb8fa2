//! The plugin's updater for one plan, on IT's network: exactly the proxy console-core
//! resolved (never reqwest's own reading of the environment or the system), IT's CA file on
//! top of the operating system's roots, https only, redirects only to hosts IT allows, and
//! no request that may hang: a connection or a read that stalls fails.

use std::time::Duration;

use console_core::updates::{UpdateNetwork, UpdatePlan};
use tauri::{AppHandle, Runtime};
use tauri_plugin_updater::{Updater, UpdaterExt};

/// The manifest's whole answer.
const CHECK_TIMEOUT: Duration = Duration::from_secs(30);
const CONNECT_TIMEOUT: Duration = Duration::from_secs(15);
/// A download that receives nothing for this long has stalled.
const READ_TIMEOUT: Duration = Duration::from_secs(60);
const MAX_REDIRECTS: usize = 5;

pub fn updater<R: Runtime>(
    app: &AppHandle<R>,
    plan: &UpdatePlan,
    network: UpdateNetwork,
) -> tauri_plugin_updater::Result<Updater> {
    // A proxy that cannot be used is no way to the network, never "straight there instead".
    let proxy = match &network.proxy {
        Some(url) => Some(op_api::http_proxy(url).map_err(|e| tauri_plugin_updater::Error::Network(e.to_string()))?),
        None => None,
    };
    let roots = match network.extra_roots_pem.as_deref() {
        Some(pem) => reqwest::Certificate::from_pem_bundle(pem)?,
        None => Vec::new(),
    };
    app.updater_builder()
        .endpoints(vec![plan.endpoint.clone()])?
        .timeout(CHECK_TIMEOUT)
        .configure_client(move |client| {
            let mut client = client
                .no_proxy()
                .https_only(true)
                .connect_timeout(CONNECT_TIMEOUT)
                .read_timeout(READ_TIMEOUT)
                .redirect(redirects(network.clone()));
            if let Some(proxy) = proxy.clone() {
                client = client.proxy(proxy);
            }
            for certificate in &roots {
                client = client.add_root_certificate(certificate.clone());
            }
            client
        })
        .build()
}

/// A release location may redirect (GitHub sends downloads to its storage host), but only
/// over https, to a host IT allows, and a few times.
fn redirects(network: UpdateNetwork) -> reqwest::redirect::Policy {
    reqwest::redirect::Policy::custom(move |attempt| {
        if attempt.previous().len() >= MAX_REDIRECTS || !network.allows(attempt.url()) {
            attempt.stop()
        } else {
            attempt.follow()
        }
    })
}
