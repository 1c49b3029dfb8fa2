//! The way to the network, shared by the lookups and the console's image fetches: no
//! redirects followed (they would carry the token, or an image request, elsewhere), the
//! proxy resolved here (never by reqwest from the environment behind our back), and the
//! operating system's roots plus a profile's CA file.

use url::Url;

use crate::config::{ConfigProblem, ProxyMode};

/// The proxy a request to `target` goes through, exactly as [`client_builder`] will use
/// it; `None` is straight to the server. `system` reads the environment
/// (`HTTPS_PROXY`/`HTTP_PROXY`/`ALL_PROXY`, upper or lower case, and `NO_PROXY`) here, so
/// that what the credentials are bound to and where the request goes cannot differ, and
/// it never sends a request for this machine (loopback) to a proxy.
pub fn effective_proxy(mode: &ProxyMode, target: &Url) -> Result<Option<Url>, ConfigProblem> {
    effective_proxy_in(mode, target, |name| std::env::var(name).ok())
}

/// [`effective_proxy`] with the environment given: for tests.
pub fn effective_proxy_in(
    mode: &ProxyMode,
    target: &Url,
    env: impl Fn(&str) -> Option<String>,
) -> Result<Option<Url>, ConfigProblem> {
    match mode {
        ProxyMode::None => Ok(None),
        ProxyMode::Url { url } => {
            parse_proxy(url).map(Some).ok_or_else(|| ConfigProblem::ProxyUrl { url: url.clone() })
        }
        ProxyMode::System => {
            if is_loopback(target) {
                return Ok(None);
            }
            let names: &[&str] = if target.scheme() == "https" {
                &["HTTPS_PROXY", "https_proxy", "ALL_PROXY", "all_proxy"]
            } else {
                &["HTTP_PROXY", "http_proxy", "ALL_PROXY", "all_proxy"]
            };
            let Some(value) = names.iter().find_map(|name| env(name).filter(|v| !v.trim().is_empty())) else {
                return Ok(None);
            };
            let no_proxy = env("NO_PROXY").or_else(|| env("no_proxy")).unwrap_or_default();
            if excluded(&no_proxy, target) {
                return Ok(None);
            }
            // An unusable value in the environment is no proxy, as for most tools.
            Ok(parse_proxy(&value))
        }
    }
}

/// A proxy URL, normalised by parsing (`http://` assumed when no scheme is given).
fn parse_proxy(text: &str) -> Option<Url> {
    let text = text.trim();
    let with_scheme = if text.contains("://") { text.to_owned() } else { format!("http://{text}") };
    let url = Url::parse(&with_scheme).ok()?;
    let usable = matches!(url.scheme(), "http" | "https" | "socks5" | "socks5h") && url.host_str().is_some();
    usable.then_some(url)
}

/// 127.0.0.0/8, ::1 and `localhost`: this machine.
pub fn is_loopback(url: &Url) -> bool {
    match url.host() {
        Some(url::Host::Ipv4(ip)) => ip.is_loopback(),
        Some(url::Host::Ipv6(ip)) => ip.is_loopback(),
        Some(url::Host::Domain(d)) => {
            d.eq_ignore_ascii_case("localhost") || d.to_ascii_lowercase().ends_with(".localhost")
        }
        None => false,
    }
}

/// Whether `NO_PROXY` names the target: `*`, the host itself, or a domain it is under
/// (`example.com` and `.example.com` both cover `op.example.com`), with an optional port.
fn excluded(no_proxy: &str, target: &Url) -> bool {
    let host = target.host_str().unwrap_or_default().trim_matches(['[', ']']).to_ascii_lowercase();
    let port = target.port_or_known_default();
    no_proxy.split(',').map(str::trim).filter(|e| !e.is_empty()).any(|entry| {
        if entry == "*" {
            return true;
        }
        let entry = entry.to_ascii_lowercase();
        let (name, entry_port) = match entry.rsplit_once(':') {
            Some((name, p)) if !name.contains(':') || name.ends_with(']') => (name.to_owned(), p.parse::<u16>().ok()),
            _ => (entry.clone(), None),
        };
        let name = name.trim_matches(['[', ']']).trim_start_matches("*.").trim_start_matches('.');
        (entry_port.is_none() || entry_port == port) && (host == name || host.ends_with(&format!(".{name}")))
    })
}

/// A reqwest builder with the proxy (from [`effective_proxy`]) and the roots set; the
/// caller adds timeouts and its agent.
pub fn client_builder(
    proxy: Option<&Url>,
    extra_roots_pem: Option<&[u8]>,
) -> Result<reqwest::ClientBuilder, ConfigProblem> {
    install_crypto_provider();
    let mut builder = reqwest::Client::builder().redirect(reqwest::redirect::Policy::none()).no_proxy();
    if let Some(url) = proxy {
        builder = builder.proxy(http_proxy(url)?);
    }
    // The operating system's roots always; a profile's CA file adds to them.
    if let Some(pem) = extra_roots_pem {
        // Only the bytes are known here: the caller names the file.
        let unusable = || ConfigProblem::CaFile { path: String::new() };
        for root in roots_in(pem).ok_or_else(unusable)? {
            builder = builder.add_root_certificate(reqwest::Certificate::from_der(&root).map_err(|_| unusable())?);
        }
    }
    Ok(builder)
}

/// The certificates of a PEM bundle (other sections, such as a key, left out), when the
/// client can add each as a root: `None` for a bundle with none, or that does not decode.
/// On Linux and the BSDs the platform verifier adds them to a webpki root store, which
/// fails the client's build on one it cannot parse (as if the network component were
/// broken): there each must parse as a root. macOS and Windows hand them to the OS.
pub fn roots_in(pem: &[u8]) -> Option<Vec<rustls::pki_types::CertificateDer<'static>>> {
    use rustls::pki_types::{pem::PemObject, CertificateDer};
    let certificates: Vec<_> = CertificateDer::pem_slice_iter(pem).collect::<Result<_, _>>().ok()?;
    if certificates.is_empty() {
        return None;
    }
    if WEBPKI_JUDGES_ROOTS {
        let (_, ignored) = rustls::RootCertStore::empty().add_parsable_certificates(certificates.iter().cloned());
        if ignored > 0 {
            return None;
        }
    }
    Some(certificates)
}

/// Whether a CA file's certificates are parsed by webpki (rustls-platform-verifier on
/// Linux and the BSDs), or handed to the OS (macOS, Windows), which judges them.
pub const WEBPKI_JUDGES_ROOTS: bool = cfg!(not(any(target_vendor = "apple", windows, target_os = "android")));

/// The proxy for reqwest. SOCKS is refused here, as a proxy that cannot be used: reqwest is
/// built without it (0.13 would accept the URL and fail each request as a connection error).
pub fn http_proxy(url: &Url) -> Result<reqwest::Proxy, ConfigProblem> {
    let refused = || ConfigProblem::ProxyUrl { url: url.to_string() };
    if !matches!(url.scheme(), "http" | "https") {
        return Err(refused());
    }
    reqwest::Proxy::all(url.as_str()).map_err(|_| refused())
}

/// reqwest is built without a crypto provider of its own (one TLS stack for the console and
/// the updater plugin, which does the same): ring, the process's default, installed before
/// the first client is built. A provider already installed is kept.
fn install_crypto_provider() {
    if rustls::crypto::CryptoProvider::get_default().is_none() {
        // Another thread may install one in between: theirs is kept, and it is ring too.
        let _ = rustls::crypto::ring::default_provider().install_default();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env(vars: &'static [(&'static str, &'static str)]) -> impl Fn(&str) -> Option<String> {
        move |name| vars.iter().find(|(k, _)| *k == name).map(|(_, v)| v.to_string())
    }

    fn resolved(mode: &ProxyMode, target: &str, vars: &'static [(&'static str, &'static str)]) -> Option<String> {
        effective_proxy_in(mode, &Url::parse(target).unwrap(), env(vars)).unwrap().map(|u| u.to_string())
    }

    #[test]
    fn system_mode_never_sends_a_loopback_request_to_the_environment_s_proxy() {
        let vars = &[("HTTP_PROXY", "http://proxy.corp:3128"), ("HTTPS_PROXY", "http://proxy.corp:3128")];
        for target in ["http://127.0.0.1:8787/", "http://localhost:1/", "http://[::1]:80/", "https://127.9.9.9/"] {
            assert_eq!(resolved(&ProxyMode::System, target, vars), None, "{target}");
        }
        assert_eq!(
            resolved(&ProxyMode::System, "http://op.example.com/", vars).as_deref(),
            Some("http://proxy.corp:3128/")
        );
    }

    #[test]
    fn system_mode_follows_the_environment_and_no_proxy() {
        let vars = &[("https_proxy", "proxy.corp:8080"), ("NO_PROXY", "internal.example, .corp.example:8443")];
        assert_eq!(
            resolved(&ProxyMode::System, "https://op.example.com/", vars).as_deref(),
            Some("http://proxy.corp:8080/")
        );
        assert_eq!(resolved(&ProxyMode::System, "http://op.example.com/", vars), None, "no HTTP_PROXY");
        assert_eq!(resolved(&ProxyMode::System, "https://a.internal.example/", vars), None);
        assert_eq!(resolved(&ProxyMode::System, "https://x.corp.example:8443/", vars), None);
        assert!(resolved(&ProxyMode::System, "https://x.corp.example/", vars).is_some(), "another port");
        assert!(resolved(&ProxyMode::System, "https://notinternal.example/", vars).is_some());
        assert_eq!(
            resolved(&ProxyMode::System, "https://op.example.com/", &[("ALL_PROXY", "x"), ("NO_PROXY", "*")]),
            None
        );
    }

    #[test]
    fn a_socks_proxy_is_refused_when_the_client_is_made() {
        for url in ["socks5://127.0.0.1:1080", "socks5h://proxy.corp:1080"] {
            let url = Url::parse(url).unwrap();
            assert!(matches!(client_builder(Some(&url), None), Err(ConfigProblem::ProxyUrl { .. })), "{url}");
        }
        assert!(client_builder(Some(&Url::parse("http://proxy.corp:3128").unwrap()), None).is_ok());
    }

    /// A CA file with the marker but no certificate TLS can trust (bad base64, a truncated
    /// or garbled body, one good and one bad) is the CA file's problem, not a network
    /// component that cannot start.
    #[test]
    fn a_ca_bundle_is_roots_only_when_every_certificate_can_be_one() {
        let good = op_sim::throwaway_ca_pem();
        let other = op_sim::throwaway_ca_pem();
        assert_eq!(roots_in(good.as_bytes()).map(|r| r.len()), Some(1));
        // Text between them and CRLF line ends, as files from Windows have.
        let bundle = format!("# IT's roots\r\n{}\r\nsecond:\r\n{}", good.replace('\n', "\r\n"), other);
        assert_eq!(roots_in(bundle.as_bytes()).map(|r| r.len()), Some(2));
        assert!(client_builder(None, Some(good.as_bytes())).is_ok_and(|b| b.build().is_ok()));
        let truncated = &good[..good.len() / 2];
        let mut bad = vec![truncated.to_owned(), "not a PEM".into(), String::new()];
        // Decoded but not a certificate: where webpki judges the roots (macOS and Windows
        // hand them to the OS, which does).
        if WEBPKI_JUDGES_ROOTS {
            let garbled = "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n";
            bad.extend([garbled.to_owned(), format!("{good}{garbled}")]);
        }
        for bad in bad {
            assert_eq!(roots_in(bad.as_bytes()), None, "{bad}");
            assert!(matches!(client_builder(None, Some(bad.as_bytes())), Err(ConfigProblem::CaFile { .. })), "{bad}");
        }
    }

    #[test]
    fn a_given_proxy_is_normalised_and_none_is_none() {
        let given = ProxyMode::Url { url: " HTTP://Proxy.Corp:80 ".into() };
        assert_eq!(resolved(&given, "https://op.example.com/", &[]).as_deref(), Some("http://proxy.corp/"));
        assert_eq!(resolved(&ProxyMode::None, "https://op.example.com/", &[("HTTPS_PROXY", "http://p:1")]), None);
        let bad = ProxyMode::Url { url: "ftp://p".into() };
        assert!(effective_proxy_in(&bad, &Url::parse("https://h/").unwrap(), env(&[])).is_err());
    }
}
