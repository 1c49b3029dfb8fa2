//! One HTTP client configuration for everything the console fetches (lookups, images):
//! redirects never followed (they would carry the request elsewhere), the proxy as
//! [`crate::effective_proxy`] resolved it and no other, the operating system's roots plus a
//! profile's CA file, timeouts and the console's user agent; and one reader of a body
//! that stops as soon as it grows past its limit.

use std::time::Duration;

use url::Url;

use crate::config::ConfigProblem;
use crate::network::client_builder;

/// Every request says who sends it.
pub const USER_AGENT: &str = concat!("OpConsole/", env!("CARGO_PKG_VERSION"));

/// The way to the network and how long to wait on it.
#[derive(Clone, Copy, Debug)]
pub struct HttpSettings<'a> {
    pub proxy: Option<&'a Url>,
    pub extra_roots_pem: Option<&'a [u8]>,
    pub connect_timeout: Duration,
    pub timeout: Duration,
}

pub fn http_client(settings: HttpSettings<'_>) -> Result<reqwest::Client, ConfigProblem> {
    http_client_builder(settings)?.build().map_err(|e| ConfigProblem::HttpClient { detail: e.to_string() })
}

/// [`http_client`]'s configuration, for a caller that adds to it (the updates: https only,
/// a stall's timeout) before building.
pub fn http_client_builder(settings: HttpSettings<'_>) -> Result<reqwest::ClientBuilder, ConfigProblem> {
    Ok(client_builder(settings.proxy, settings.extra_roots_pem)?
        .connect_timeout(settings.connect_timeout)
        .timeout(settings.timeout)
        .user_agent(USER_AGENT))
}

/// Why a body was not read whole.
#[derive(Debug)]
pub enum BodyError {
    /// It is (or says it is) larger than the limit: reading stopped there.
    TooLarge,
    Read(reqwest::Error),
}

/// The body, chunk by chunk, cut off as soon as it exceeds `limit` bytes (a
/// `Content-Length` above it stops before anything is read).
pub async fn read_capped(response: &mut reqwest::Response, limit: u64) -> Result<Vec<u8>, BodyError> {
    read_capped_with(response, limit, |_| {}).await
}

/// [`read_capped`], `progress` told the bytes read so far after each chunk (a download's bar).
pub async fn read_capped_with(
    response: &mut reqwest::Response,
    limit: u64,
    mut progress: impl FnMut(u64),
) -> Result<Vec<u8>, BodyError> {
    if response.content_length().is_some_and(|len| len > limit) {
        return Err(BodyError::TooLarge);
    }
    let mut bytes = Vec::new();
    while let Some(chunk) = response.chunk().await.map_err(BodyError::Read)? {
        if bytes.len() as u64 + chunk.len() as u64 > limit {
            return Err(BodyError::TooLarge);
        }
        bytes.extend_from_slice(&chunk);
        progress(bytes.len() as u64);
    }
    Ok(bytes)
}
