//! Where credentials may go. A lookup sends them only to the destination they were saved
//! for: a profile re-pointed elsewhere (by an import, a page, a policy) gets
//! `credentials_for_other_server` until the operator enters them again.

use op_api::{ConfigProblem, OpError};
use serde::{Deserialize, Serialize};

use crate::error::ConsoleError;
use crate::profiles::ca_file::read_ca_file_for_lookup;
use crate::profiles::profile::Profile;

/// Where credentials may go, the whole way: scheme, host and port, the base URL's path
/// prefix, the client ID they were issued with, the proxy the request passes (resolved as
/// the client will use it, the environment's included) and the SHA-256 of the CA file
/// trusted besides the system's. Compared after parsing, so `HTTPS://Op.Example.com:443/`
/// and `https://op.example.com` are the same destination. Entries saved before the proxy
/// and CA were part of it read as "no proxy, no CA file": any other way asks again.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Destination {
    pub origin: String,
    pub path_prefix: String,
    pub client_id: String,
    #[serde(default)]
    pub proxy: Option<String>,
    #[serde(default)]
    pub ca_sha256: Option<String>,
}

impl Destination {
    /// The profile's destination, or why it cannot be said: its base URL, proxy or CA file
    /// cannot be used (then nothing is sent anyway), worded as a lookup's client words it.
    pub fn of(profile: &Profile) -> Result<Self, ConsoleError> {
        let url = op_api::parse_base_url(&profile.base_url)
            .map_err(|problem| OpError::from(ConfigProblem::BaseUrl { problem }))?;
        let port = url.port_or_known_default().map(|p| format!(":{p}")).unwrap_or_default();
        let proxy = op_api::effective_proxy(&profile.proxy, &url).map_err(OpError::from)?;
        let ca_sha256 = match &profile.ca_file {
            Some(path) => Some(read_ca_file_for_lookup(path)?.sha256),
            None => None,
        };
        // `parse_base_url` refuses a URL without a host.
        let host = url.host_str().unwrap_or_default().to_ascii_lowercase();
        Ok(Self {
            origin: format!("{}://{host}{port}", url.scheme()),
            path_prefix: url.path().trim_end_matches('/').to_owned(),
            client_id: profile.client_id.trim().to_owned(),
            proxy: proxy.map(proxy_identity),
            ca_sha256,
        })
    }

    /// `https://op.example.com:443/gw`, then ` | proxy=…` and ` | ca-sha256=…` (its first 16
    /// digits) when they are part of it: for the operator's sentence, in no language.
    pub fn shown(&self) -> String {
        let mut shown = format!("{}{}", self.origin, self.path_prefix);
        if let Some(proxy) = &self.proxy {
            shown.push_str(&format!(" | proxy={proxy}"));
        }
        if let Some(sha) = &self.ca_sha256 {
            shown.push_str(&format!(" | ca-sha256={}", &sha[..sha.len().min(16)]));
        }
        shown
    }
}

/// The proxy as the destination records it: scheme, host and port. A user name and
/// password in the environment's proxy URL are the system's, not ours to show the page.
fn proxy_identity(mut proxy: url::Url) -> String {
    let _ = proxy.set_password(None);
    let _ = proxy.set_username("");
    proxy.as_str().trim_end_matches('/').to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_destination_is_compared_after_parsing() {
        let a = Profile::new("p", "P", "HTTPS://Op.Example.com:443/gw/", "c0ffee");
        let b = Profile::new("p", "P", "https://op.example.com/gw", " c0ffee ");
        assert_eq!(Destination::of(&a).unwrap(), Destination::of(&b).unwrap());
        for other in [
            "https://op.example.com/gw2",
            "http://op.example.com/gw",
            "https://op.example.com:8443/gw",
            "https://evil.example.com/gw",
        ] {
            assert_ne!(
                Destination::of(&a).unwrap(),
                Destination::of(&Profile::new("p", "P", other, "c0ffee")).unwrap(),
                "{other}"
            );
        }
        assert_ne!(
            Destination::of(&a).unwrap(),
            Destination::of(&Profile::new("p", "P", "https://op.example.com/gw", "other")).unwrap()
        );
        assert_eq!(Destination::of(&a).unwrap().shown(), "https://op.example.com:443/gw");
    }

    #[test]
    fn a_destination_that_cannot_be_said_says_why() {
        let code_of = |profile: &Profile| serde_json::to_value(Destination::of(profile).unwrap_err().body()).unwrap();
        let body = code_of(&Profile::new("p", "P", "op.example.com", "c0ffee"));
        assert_eq!(body["code"], "not_configured", "{body}");
        assert_eq!(
            (body["problem"]["kind"].as_str(), body["problem"]["problem"]["kind"].as_str()),
            (Some("baseUrl"), Some("notUrl")),
            "{body}"
        );
        let mut proxied = Profile::new("p", "P", "https://op.example.com", "c0ffee");
        proxied.proxy = op_api::ProxyMode::Url { url: "not a proxy".into() };
        assert_eq!(code_of(&proxied)["problem"]["kind"], "proxyUrl");
        let mut gone = Profile::new("p", "P", "https://op.example.com", "c0ffee");
        gone.ca_file = Some("/nonexistent/ca.pem".into());
        let body = code_of(&gone);
        assert_eq!(
            (body["problem"]["kind"].as_str(), body["problem"]["path"].as_str()),
            (Some("caFile"), Some("/nonexistent/ca.pem")),
            "{body}"
        );
    }

    #[test]
    fn the_proxy_and_the_ca_file_are_part_of_the_destination() {
        let mut plain = Profile::new("p", "P", "https://op.example.com/gw", "c0ffee");
        plain.proxy = op_api::ProxyMode::None;
        let mut proxied = plain.clone();
        proxied.proxy = op_api::ProxyMode::Url { url: "http://proxy.evil.example:3128".into() };
        let (a, b) = (Destination::of(&plain).unwrap(), Destination::of(&proxied).unwrap());
        assert_ne!(a, b);
        assert_eq!(b.proxy.as_deref(), Some("http://proxy.evil.example:3128"));
        assert!(b.shown().ends_with(" | proxy=http://proxy.evil.example:3128"), "{}", b.shown());

        let dir = tempfile::tempdir().unwrap();
        let ca = dir.path().join("ca.pem");
        std::fs::write(&ca, op_sim::throwaway_ca_pem()).unwrap();
        let mut with_ca = plain.clone();
        with_ca.ca_file = Some(ca.display().to_string());
        let c = Destination::of(&with_ca).unwrap();
        assert_ne!(a, c);
        // The same path with other contents is another destination too.
        std::fs::write(&ca, op_sim::throwaway_ca_pem()).unwrap();
        assert_ne!(Destination::of(&with_ca).unwrap(), c);
        // The environment's proxy with a password: the way, never what the page is shown.
        let env_proxy = url::Url::parse("http://agent:hunter2@proxy.corp:3128").unwrap();
        assert_eq!(proxy_identity(env_proxy), "http://proxy.corp:3128");
        // An entry written before the proxy and CA were recorded: no proxy, no CA file.
        let old: Destination =
            serde_json::from_str(r#"{"origin":"https://op.example.com:443","pathPrefix":"/gw","clientId":"c0ffee"}"#)
                .unwrap();
        assert_eq!(old, a);
    }
}
