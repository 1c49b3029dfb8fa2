//! The way to the network, shared by the lookups and the console's image fetches: no
//! redirects followed (they would carry the token, or an image request, elsewhere), the
//! profile's proxy, and the operating system's roots plus a profile's CA file.

use crate::config::{ConfigProblem, ProxyMode};

/// A reqwest builder with the proxy and roots set; the caller adds timeouts and its agent.
pub fn client_builder(
    proxy: &ProxyMode,
    extra_roots_pem: Option<&[u8]>,
) -> Result<reqwest::ClientBuilder, ConfigProblem> {
    let mut builder = reqwest::Client::builder().redirect(reqwest::redirect::Policy::none());
    builder = match proxy {
        // reqwest reads HTTPS_PROXY, HTTP_PROXY and NO_PROXY itself.
        ProxyMode::System => builder,
        ProxyMode::None => builder.no_proxy(),
        ProxyMode::Url { url } => {
            builder.proxy(reqwest::Proxy::all(url.as_str()).map_err(|_| ConfigProblem::ProxyUrl { url: url.clone() })?)
        }
    };
    // The operating system's roots always; a profile's CA file adds to them.
    if let Some(pem) = extra_roots_pem {
        let certificates = reqwest::Certificate::from_pem_bundle(pem).unwrap_or_default();
        if certificates.is_empty() {
            return Err(ConfigProblem::CaFile { path: String::new() });
        }
        for certificate in certificates {
            builder = builder.add_root_certificate(certificate);
        }
    }
    Ok(builder)
}
