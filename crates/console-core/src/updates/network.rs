//! The way to the update endpoint: IT's network as lookups take it. The policy's forced
//! proxy (else the environment's `HTTPS_PROXY`/`ALL_PROXY`, resolved as for lookups: never
//! for a loopback address), worked out for each address a request goes to (the package may
//! be on another host than the manifest); its CA file on top of the operating system's
//! roots; where update requests may go at all (https, IT's allowed hosts, the proxy
//! included). A profile's own proxy or CA file is the operator's choice for that server and
//! plays no part here.

use std::sync::Arc;

use op_api::ProxyMode;
use url::Url;

use crate::policy::hosts::allowed;
use crate::policy::Policy;
use crate::profiles::ca_file::read_ca_file;
use crate::profiles::profile_problem::ProfileProblem;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UpdateNetwork {
    proxy: ProxyMode,
    /// PEM certificates trusted besides the system's.
    pub extra_roots_pem: Option<Arc<Vec<u8>>>,
    /// IT's `allowedHosts` (none: any host).
    allowed_hosts: Option<Vec<String>>,
}

impl UpdateNetwork {
    /// Whether an update request may go to `url`: https only, and to a host IT allows. The
    /// package's address comes from the manifest and a redirect can lead anywhere: both are
    /// held to this, not only the endpoint.
    pub fn allows(&self, url: &Url) -> bool {
        url.scheme() == "https" && self.host_allowed(url)
    }

    /// The proxy a request to `url` goes through, if any: `Err` with the reason when it cannot
    /// be used or is on a host IT does not allow (no way there, never "straight there instead").
    pub fn proxy_for(&self, url: &Url) -> Result<Option<Url>, String> {
        match op_api::effective_proxy(&self.proxy, url) {
            Err(e) => Err(e.to_string()),
            Ok(Some(proxy)) if !self.host_allowed(&proxy) => {
                Err(format!("the proxy {} is not on a host IT allows", proxy.host_str().unwrap_or_default()))
            }
            Ok(proxy) => Ok(proxy),
        }
    }

    fn host_allowed(&self, url: &Url) -> bool {
        self.allowed_hosts.as_ref().is_none_or(|hosts| allowed(hosts, url))
    }
}

/// The network settings for update requests, starting at `endpoint`.
pub fn update_network(policy: &Policy, endpoint: &Url) -> Result<UpdateNetwork, ProfileProblem> {
    let proxy = policy.mandatory().proxy.clone().unwrap_or(ProxyMode::System);
    op_api::effective_proxy(&proxy, endpoint).map_err(|_| ProfileProblem::ProxyScheme)?;
    let extra_roots_pem = match policy.mandatory().ca_file.as_deref() {
        Some(path) => Some(read_ca_file(path)?.bytes),
        None => None,
    };
    Ok(UpdateNetwork { proxy, extra_roots_pem, allowed_hosts: policy.mandatory().allowed_hosts.clone() })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    #[test]
    fn it_s_proxy_and_ca_file_are_the_update_s_and_loopback_goes_direct() {
        let dir = tempfile::tempdir().unwrap();
        let ca = dir.path().join("ca.pem");
        std::fs::write(&ca, op_sim::throwaway_ca_pem()).unwrap();
        let text = serde_json::json!({"mandatory": {
            "proxy": {"mode": "url", "url": "http://proxy.corp.example:3128"},
            "caFile": ca.to_str().unwrap()}})
        .to_string();
        let policy = Policy::from_text(Path::new("/etc/op-console/policy.json"), &text);
        let endpoint = Url::parse("https://mirror.corp.example/latest.json").unwrap();
        let network = update_network(&policy, &endpoint).unwrap();
        assert_eq!(network.proxy_for(&endpoint).unwrap().unwrap().as_str(), "http://proxy.corp.example:3128/");
        assert!(network.extra_roots_pem.unwrap().starts_with(b"-----BEGIN CERTIFICATE-----"));
        let loopback = Url::parse("https://127.0.0.1:8443/latest.json").unwrap();
        let none = update_network(&Policy::none(), &loopback).unwrap();
        assert_eq!((none.proxy_for(&loopback), none.extra_roots_pem), (Ok(None), None));
    }

    #[test]
    fn a_proxy_on_a_host_it_does_not_allow_is_no_way_there() {
        let text = serde_json::json!({"mandatory": {
            "allowedHosts": ["*.corp.example"],
            "proxy": {"mode": "url", "url": "http://proxy.elsewhere.example:3128"}}})
        .to_string();
        let policy = Policy::from_text(Path::new("/etc/op-console/policy.json"), &text);
        let endpoint = Url::parse("https://mirror.corp.example/latest.json").unwrap();
        let network = update_network(&policy, &endpoint).unwrap();
        let refused = network.proxy_for(&endpoint).unwrap_err();
        assert!(refused.contains("proxy.elsewhere.example"), "{refused}");
        let allowed = serde_json::json!({"mandatory": {
            "allowedHosts": ["*.corp.example"],
            "proxy": {"mode": "url", "url": "http://proxy.corp.example:3128"}}})
        .to_string();
        let policy = Policy::from_text(Path::new("/etc/op-console/policy.json"), &allowed);
        assert!(update_network(&policy, &endpoint).unwrap().proxy_for(&endpoint).unwrap().is_some());
    }

    #[test]
    fn a_package_or_a_redirect_goes_over_https_to_a_host_it_allows() {
        let text = serde_json::json!({"mandatory": {"allowedHosts": ["*.corp.example"]}}).to_string();
        let policy = Policy::from_text(Path::new("/etc/op-console/policy.json"), &text);
        let network = update_network(&policy, &Url::parse("https://mirror.corp.example/latest.json").unwrap()).unwrap();
        let allows = |url: &str| network.allows(&Url::parse(url).unwrap());
        assert!(allows("https://mirror.corp.example/op-console_0.1.1_amd64.deb"));
        assert!(!allows("http://mirror.corp.example/op-console_0.1.1_amd64.deb"), "plain http");
        assert!(!allows("https://objects.githubusercontent.com/op-console.deb"), "another host");
        let open =
            update_network(&Policy::none(), &Url::parse("https://releases.example.com/latest.json").unwrap()).unwrap();
        assert!(open.allows(&Url::parse("https://objects.githubusercontent.com/x.deb").unwrap()));
        assert!(!open.allows(&Url::parse("http://objects.githubusercontent.com/x.deb").unwrap()));
    }
}
