//! The update's two requests, made here and not by the updater plugin, so that neither can
//! take the console down or hold it: the manifest (JSON, small, quick) and the package
//! (capped, the whole download timed). Both go over IT's network ([`UpdateNetwork`]): https
//! only, to hosts IT allows, the proxy worked out for each address, and a redirect followed
//! here, a few times, each hop held to the same rules and sent its own way. The package's
//! signature is the plugin's to check (src-tauri's `updates`), before anything is installed.

use std::time::Duration;

use op_api::{BodyError, HttpSettings};
use reqwest::{header, StatusCode};
use url::Url;

use super::network::UpdateNetwork;

/// How much one request may bring and how long it may take.
#[derive(Clone, Copy, Debug)]
pub struct FetchLimits {
    pub max_bytes: u64,
    /// The whole request, its body included.
    pub timeout: Duration,
    /// A body that brings nothing for this long has stalled.
    pub read_timeout: Duration,
}

/// A manifest is a few hundred bytes: a server that sends more is not an update server.
pub const MANIFEST_LIMITS: FetchLimits =
    FetchLimits { max_bytes: 64 * 1024, timeout: Duration::from_secs(30), read_timeout: Duration::from_secs(30) };
/// A package is a few MiB (a .deb is 4: bench/RESULTS.md); half an hour brings 512 MiB at 2.5 Mbit/s.
pub const PACKAGE_LIMITS: FetchLimits = FetchLimits {
    max_bytes: 512 * 1024 * 1024,
    timeout: Duration::from_secs(30 * 60),
    read_timeout: Duration::from_secs(60),
};
const CONNECT_TIMEOUT: Duration = Duration::from_secs(15);
const MAX_REDIRECTS: usize = 5;

/// Why a request brought nothing usable (the log's words; the page is told an outcome).
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum FetchProblem {
    /// No way there or no answer: the proxy cannot be used or IT does not allow it, no
    /// connection, no trusted certificate, a timeout, a server error.
    #[error("the update server was not reached: {0}")]
    Unreachable(String),
    /// It answered with something that cannot be used: not JSON, too large, a redirect to a
    /// place updates may not go, a refusal.
    #[error("the update server's answer cannot be used: {0}")]
    BadAnswer(String),
}

use FetchProblem::{BadAnswer, Unreachable};

/// The manifest at `url`; `None` when the server says there is nothing new (204).
pub async fn fetch_manifest(
    network: &UpdateNetwork,
    url: &Url,
    limits: FetchLimits,
) -> Result<Option<serde_json::Value>, FetchProblem> {
    within(limits, async {
        let mut response = get(network, url, "application/json", limits).await?;
        if response.status() == StatusCode::NO_CONTENT {
            return Ok(None);
        }
        let body = read(&mut response, limits, |_| {}).await?;
        // The type is not asked: release hosts serve `latest.json` as octet-stream.
        serde_json::from_slice(&body).map(Some).map_err(|e| BadAnswer(format!("not JSON ({e})")))
    })
    .await
}

/// The package at `url`; `progress` is told the bytes so far and the total announced.
pub async fn fetch_package(
    network: &UpdateNetwork,
    url: &Url,
    limits: FetchLimits,
    mut progress: impl FnMut(u64, Option<u64>),
) -> Result<Vec<u8>, FetchProblem> {
    within(limits, async {
        let mut response = get(network, url, "application/octet-stream", limits).await?;
        let total = response.content_length();
        read(&mut response, limits, |so_far| progress(so_far, total)).await
    })
    .await
}

/// `request` within the limits' time, redirects and body included.
async fn within<T>(
    limits: FetchLimits,
    request: impl std::future::Future<Output = Result<T, FetchProblem>>,
) -> Result<T, FetchProblem> {
    tokio::time::timeout(limits.timeout, request)
        .await
        .unwrap_or_else(|_| Err(Unreachable(format!("no whole answer in {} s", limits.timeout.as_secs()))))
}

/// A successful answer from `url`, redirects followed here.
async fn get(
    network: &UpdateNetwork,
    url: &Url,
    accept: &str,
    limits: FetchLimits,
) -> Result<reqwest::Response, FetchProblem> {
    let mut url = url.clone();
    for _ in 0..=MAX_REDIRECTS {
        if !network.allows(&url) {
            return Err(BadAnswer(format!("{} is not a place updates may go", url.origin().ascii_serialization())));
        }
        let response = client(network, &url, limits)?
            .get(url.clone())
            .header(header::ACCEPT, accept)
            .send()
            .await
            .map_err(|e| Unreachable(chain(&e)))?;
        let status = response.status();
        if status.is_redirection() {
            let location = response.headers().get(header::LOCATION).and_then(|v| v.to_str().ok());
            url = location
                .and_then(|to| url.join(to).ok())
                .ok_or_else(|| BadAnswer(format!("a redirect ({status}) to no usable address")))?;
            continue;
        }
        return match status {
            s if s.is_success() => Ok(response),
            // Busy or down for now: what was offered before still stands.
            s if s.is_server_error() || s == StatusCode::REQUEST_TIMEOUT || s == StatusCode::TOO_MANY_REQUESTS => {
                Err(Unreachable(format!("status {s}")))
            }
            s => Err(BadAnswer(format!("status {s}"))),
        };
    }
    Err(BadAnswer(format!("more than {MAX_REDIRECTS} redirects")))
}

/// A client for one request to `url`: op-api's one configuration (the console's agent, no
/// redirect followed by reqwest, no header but its own: no cookie, no credential of any
/// profile) with its own way there (the proxy for that address), IT's CA file, https only.
fn client(network: &UpdateNetwork, url: &Url, limits: FetchLimits) -> Result<reqwest::Client, FetchProblem> {
    let proxy = network.proxy_for(url).map_err(Unreachable)?;
    let settings = HttpSettings {
        proxy: proxy.as_ref(),
        extra_roots_pem: network.extra_roots_pem.as_deref().map(Vec::as_slice),
        connect_timeout: CONNECT_TIMEOUT,
        timeout: limits.timeout,
    };
    op_api::http_client_builder(settings)
        .map_err(|e| Unreachable(e.to_string()))?
        .https_only(true)
        .read_timeout(limits.read_timeout)
        .build()
        .map_err(|e| Unreachable(e.to_string()))
}

async fn read(
    response: &mut reqwest::Response,
    limits: FetchLimits,
    progress: impl FnMut(u64),
) -> Result<Vec<u8>, FetchProblem> {
    op_api::read_capped_with(response, limits.max_bytes, progress).await.map_err(|e| match e {
        BodyError::TooLarge => BadAnswer(format!("larger than {} bytes", limits.max_bytes)),
        BodyError::Read(e) => Unreachable(chain(&e)),
    })
}

/// reqwest's error with its causes (the cause says which: a timeout, a certificate).
fn chain(error: &reqwest::Error) -> String {
    let mut text = error.to_string();
    let mut cause = std::error::Error::source(error);
    while let Some(e) = cause {
        text.push_str(&format!(": {e}"));
        cause = e.source();
    }
    text
}
