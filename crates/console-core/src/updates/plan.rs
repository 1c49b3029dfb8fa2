//! Whether, where and how often the console looks for an update. A build without the
//! release public key never looks (it could not tell a release from anything else); IT's
//! `updates` lock turns updates off, points them at a mirror and sets the interval; the
//! build's own endpoint is held to `allowedHosts` like every other place data goes.

use std::time::Duration;

use serde::Serialize;
use url::Url;

use crate::policy::{Policy, UpdatePolicy};

/// Hours between checks when IT does not say.
pub const DEFAULT_CHECK_HOURS: u32 = 6;

/// What the build brings: the release key (or none) and the release endpoint(s).
#[derive(Clone, Debug, Default)]
pub struct BuildUpdates {
    pub has_key: bool,
    pub endpoints: Vec<Url>,
    /// Installed from a package the updater can replace (.deb, .rpm, AppImage, NSIS, MSI,
    /// .app): a binary run from a build folder is not.
    pub packaged: bool,
}

/// Why the console does not look for updates.
#[derive(ts_rs::TS, Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum UpdatesOff {
    /// IT's policy turns them off.
    Policy,
    /// This build carries no release key (a development build).
    NoKey,
    /// Not run from an installed package.
    NotPackaged,
    /// Neither the build nor IT names where to look.
    NoEndpoint,
    /// The build's endpoint is outside IT's `allowedHosts` (and IT names no mirror).
    HostNotAllowed,
}

/// Where and how often to look.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UpdatePlan {
    pub endpoint: Url,
    pub every: Duration,
    /// The endpoint is IT's mirror, not the build's.
    pub mirror: bool,
}

/// What the updater's endpoint placeholders stand for on this computer (the plugin's
/// names: `linux`, `x86_64`, `deb`).
#[derive(Clone, Debug, Default)]
pub struct EndpointValues {
    pub current_version: String,
    pub target: String,
    pub arch: String,
    pub bundle_type: String,
}

impl UpdatePlan {
    /// The endpoint as the updater plugin's own check asks it: `{{current_version}}`,
    /// `{{target}}`, `{{arch}}` and `{{bundle_type}}` filled in (a mirror may sort its
    /// releases by them).
    pub fn endpoint_url(&self, values: &EndpointValues) -> Url {
        let version = values.current_version.replace('+', "%2B");
        let mut text = self.endpoint.as_str().to_owned();
        for (name, value) in [
            ("current_version", version.as_str()),
            ("target", &values.target),
            ("arch", &values.arch),
            ("bundle_type", &values.bundle_type),
        ] {
            // The path holds them percent-encoded, the query as written.
            text = text.replace(&format!("%7B%7B{name}%7D%7D"), value).replace(&format!("{{{{{name}}}}}"), value);
        }
        Url::parse(&text).unwrap_or_else(|_| self.endpoint.clone())
    }
}

/// The plan, or why there is none.
pub fn plan_updates(build: &BuildUpdates, policy: &Policy) -> Result<UpdatePlan, UpdatesOff> {
    let locked: Option<&UpdatePolicy> = policy.mandatory().updates.as_ref();
    if locked.is_some_and(|u| !u.enabled) {
        return Err(UpdatesOff::Policy);
    }
    if !build.has_key {
        return Err(UpdatesOff::NoKey);
    }
    if !build.packaged {
        return Err(UpdatesOff::NotPackaged);
    }
    let hours = locked.and_then(|u| u.check_interval_hours).unwrap_or(DEFAULT_CHECK_HOURS);
    let every = Duration::from_secs(u64::from(hours) * 3600);
    // IT's mirror was checked when the policy was read (https only).
    if let Some(mirror) = locked.and_then(|u| u.endpoint.as_deref()).and_then(|e| Url::parse(e).ok()) {
        return Ok(UpdatePlan { endpoint: mirror, every, mirror: true });
    }
    let endpoint = build.endpoints.first().ok_or(UpdatesOff::NoEndpoint)?;
    if !policy.host_allowed(endpoint) {
        return Err(UpdatesOff::HostNotAllowed);
    }
    Ok(UpdatePlan { endpoint: endpoint.clone(), every, mirror: false })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    fn policy(mandatory: serde_json::Value) -> Policy {
        Policy::from_text(
            Path::new("/etc/op-console/policy.json"),
            &serde_json::json!({ "mandatory": mandatory }).to_string(),
        )
    }

    fn release() -> BuildUpdates {
        BuildUpdates {
            has_key: true,
            endpoints: vec![Url::parse("https://releases.example.com/op-console/latest.json").unwrap()],
            packaged: true,
        }
    }

    #[test]
    fn a_release_build_looks_at_its_endpoint_every_six_hours() {
        let plan = plan_updates(&release(), &Policy::none()).unwrap();
        assert_eq!(plan.endpoint.host_str(), Some("releases.example.com"));
        assert_eq!(plan.every, Duration::from_secs(6 * 3600));
        assert!(!plan.mirror);
    }

    #[test]
    fn a_build_without_the_release_key_or_a_package_never_looks() {
        let build = BuildUpdates { has_key: false, ..release() };
        assert_eq!(plan_updates(&build, &Policy::none()), Err(UpdatesOff::NoKey));
        let build = BuildUpdates { packaged: false, ..release() };
        assert_eq!(plan_updates(&build, &Policy::none()), Err(UpdatesOff::NotPackaged));
        let build = BuildUpdates { endpoints: vec![], ..release() };
        assert_eq!(plan_updates(&build, &Policy::none()), Err(UpdatesOff::NoEndpoint));
    }

    #[test]
    fn it_turns_updates_off_points_them_at_a_mirror_and_sets_the_interval() {
        let off = policy(serde_json::json!({"updates": {"enabled": false}}));
        assert_eq!(plan_updates(&release(), &off), Err(UpdatesOff::Policy));
        let mirror = policy(serde_json::json!({"updates": {"enabled": true,
            "endpoint": "https://mirror.corp.example/op-console/latest.json", "checkIntervalHours": 24}}));
        let plan = plan_updates(&release(), &mirror).unwrap();
        assert_eq!(plan.endpoint.as_str(), "https://mirror.corp.example/op-console/latest.json");
        assert_eq!(plan.every, Duration::from_secs(24 * 3600));
        assert!(plan.mirror);
        // A mirror without the release key is still no update: nothing could be verified.
        let build = BuildUpdates { has_key: false, ..release() };
        assert_eq!(plan_updates(&build, &mirror), Err(UpdatesOff::NoKey));
    }

    #[test]
    fn a_lock_that_cannot_be_read_turns_updates_off() {
        let unreadable = policy(serde_json::json!({"updates": {"enabled": "sometimes"}}));
        assert_eq!(plan_updates(&release(), &unreadable), Err(UpdatesOff::Policy));
        let plain_http = policy(
            serde_json::json!({"updates": {"enabled": true, "endpoint": "http://mirror.corp.example/latest.json"}}),
        );
        assert_eq!(plan_updates(&release(), &plain_http), Err(UpdatesOff::Policy));
    }

    #[test]
    fn the_build_s_endpoint_is_held_to_the_allowed_hosts() {
        let hosts = policy(serde_json::json!({"allowedHosts": ["op.corp.example"]}));
        assert_eq!(plan_updates(&release(), &hosts), Err(UpdatesOff::HostNotAllowed));
        let with_mirror = policy(serde_json::json!({"allowedHosts": ["op.corp.example"],
            "updates": {"enabled": true, "endpoint": "https://mirror.corp.example/latest.json"}}));
        assert!(plan_updates(&release(), &with_mirror).unwrap().mirror);
    }

    #[test]
    fn placeholders_are_filled_in_the_path_and_the_query() {
        let plan = |endpoint: &str| UpdatePlan {
            endpoint: Url::parse(endpoint).unwrap(),
            every: Duration::from_secs(3600),
            mirror: true,
        };
        let values = EndpointValues {
            current_version: "0.2.0+b1".into(),
            target: "linux".into(),
            arch: "x86_64".into(),
            bundle_type: "deb".into(),
        };
        let templated = plan(
            "https://mirror.corp.example/op/{{target}}/{{arch}}/latest.json?v={{current_version}}&b={{bundle_type}}",
        );
        assert_eq!(
            templated.endpoint_url(&values).as_str(),
            "https://mirror.corp.example/op/linux/x86_64/latest.json?v=0.2.0%2Bb1&b=deb"
        );
        let plain = plan("https://mirror.corp.example/latest.json");
        assert_eq!(plain.endpoint_url(&values), plain.endpoint);
    }
}
