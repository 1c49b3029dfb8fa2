//! Reading a policy file key by key: each key that can be read applies; each that cannot
//! is named (the Policies section, the report, a banner). A lock that cannot be read falls
//! back to its restrictive value, never to "no policy": a broken `allowImports` means no
//! imports, a broken `allowedHosts` means only the managed profiles' own hosts.

use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::{Map, Value};

use crate::policy::hosts::valid_pattern;
use crate::policy::keys::{PolicyKey, PolicyLevel};
use crate::policy::settings::{
    HotkeySetting, LocationPrecision, PolicySettings, UpdatePolicy, SECONDS_MAX, SECONDS_MIN, UPDATE_HOURS_MAX,
    UPDATE_HOURS_MIN,
};
use crate::profiles::profile::Profile;
use crate::profiles::profile_problem::{ProfileField, ProfileProblem};

/// The policy format this console reads; a newer one is read as far as it can be, each key
/// it does not know named.
pub const POLICY_FORMAT_VERSION: u64 = 1;

/// What is wrong with a part of the policy, for IT's eyes (worded by the UI).
#[derive(ts_rs::TS, Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "camelCase", rename_all_fields = "camelCase")]
pub enum PolicyProblem {
    /// The file exists but could not be read (permissions, not a file).
    Unreadable,
    /// The file or a folder above it may be changed by someone other than root (Unix): an
    /// operator could loosen it, so it is not believed.
    WritableByOthers,
    NotJson {
        line: usize,
        column: usize,
    },
    /// Not a JSON object with `mandatory`, `recommended` or `managedProfiles`.
    NotAnObject,
    /// Written for a newer console: keys it does not know are named.
    NewerVersion {
        version: u64,
    },
    /// A key this console does not know (a typo, or a newer console's).
    UnknownKey,
    /// The value is not one this key takes.
    WrongValue,
    /// A restriction only: it cannot be recommended.
    OnlyMandatory,
    /// A managed profile that is not valid.
    InvalidProfile {
        id: String,
        field: ProfileField,
        problem: ProfileProblem,
    },
    /// A managed profile listed twice, or with the demo's id.
    DuplicateProfile {
        id: String,
    },
    /// A managed profile sends data to a host `allowedHosts` does not name: not offered.
    ProfileHostNotAllowed {
        id: String,
        host: String,
    },
}

/// A problem where it is: the key (`None` for the file as a whole) and its level.
#[derive(ts_rs::TS, Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PolicyIssue {
    /// The key as the file writes it; `None` for the whole file.
    pub key: Option<String>,
    pub level: Option<PolicyLevel>,
    pub problem: PolicyProblem,
}

/// A file read: its managed profiles, its two levels, what could not be read, and each
/// key's value as the file gave it (for the report).
#[derive(Clone, Debug, Default)]
pub(crate) struct ParsedPolicy {
    pub managed_profiles: Vec<Profile>,
    pub mandatory: PolicySettings,
    pub recommended: PolicySettings,
    pub issues: Vec<PolicyIssue>,
    pub given: Vec<(PolicyLevel, String, Value)>,
}

pub(crate) fn parse(text: &str) -> ParsedPolicy {
    let mut out = ParsedPolicy::default();
    let value: Value = match serde_json::from_str(text) {
        Ok(value) => value,
        Err(e) => {
            out.issue(None, None, PolicyProblem::NotJson { line: e.line(), column: e.column() });
            return out;
        }
    };
    let Value::Object(top) = value else {
        out.issue(None, None, PolicyProblem::NotAnObject);
        return out;
    };
    if let Some(version) = top.get("version").and_then(Value::as_u64).filter(|v| *v > POLICY_FORMAT_VERSION) {
        out.issue(None, None, PolicyProblem::NewerVersion { version });
    }
    for (key, value) in &top {
        match key.as_str() {
            "version" | "$schema" => {}
            "managedProfiles" => out.managed(value),
            "mandatory" | "recommended" => {
                let level = if key == "mandatory" { PolicyLevel::Mandatory } else { PolicyLevel::Recommended };
                match value {
                    Value::Object(map) => out.level(level, map),
                    _ => {
                        out.issue(Some(key), None, PolicyProblem::WrongValue);
                        // No lock of it can be read: each at its strictest.
                        if level == PolicyLevel::Mandatory {
                            out.mandatory = restricted();
                        }
                    }
                }
            }
            other => out.issue(Some(other), None, PolicyProblem::UnknownKey),
        }
    }
    out
}

impl ParsedPolicy {
    fn issue(&mut self, key: Option<&str>, level: Option<PolicyLevel>, problem: PolicyProblem) {
        self.issues.push(PolicyIssue { key: key.map(str::to_owned), level, problem });
    }

    fn managed(&mut self, value: &Value) {
        let key = PolicyKey::ManagedProfiles.name();
        self.given.push((PolicyLevel::Mandatory, key.clone(), value.clone()));
        let Value::Array(items) = value else {
            self.issue(Some(&key), Some(PolicyLevel::Mandatory), PolicyProblem::WrongValue);
            return;
        };
        for item in items {
            let id = item.get("id").and_then(Value::as_str).unwrap_or_default().to_owned();
            let mut profile: Profile = match serde_json::from_value(item.clone()) {
                Ok(profile) => profile,
                Err(_) => {
                    let problem = PolicyProblem::InvalidProfile {
                        id,
                        field: ProfileField::Id,
                        problem: ProfileProblem::IdFormat { max_chars: crate::profiles::profile::limits::ID_MAX_CHARS },
                    };
                    self.issue(Some(&key), Some(PolicyLevel::Mandatory), problem);
                    continue;
                }
            };
            match profile.normalise_and_validate() {
                Err(crate::error::ConsoleError::InvalidProfile { field, problem }) => {
                    let problem = PolicyProblem::InvalidProfile { id: profile.id.clone(), field, problem };
                    self.issue(Some(&key), Some(PolicyLevel::Mandatory), problem);
                }
                Err(_) => {
                    let problem = PolicyProblem::DuplicateProfile { id: profile.id.clone() };
                    self.issue(Some(&key), Some(PolicyLevel::Mandatory), problem);
                }
                Ok(_) if self.managed_profiles.iter().any(|p| p.id == profile.id) => {
                    let problem = PolicyProblem::DuplicateProfile { id: profile.id.clone() };
                    self.issue(Some(&key), Some(PolicyLevel::Mandatory), problem);
                }
                Ok(_) => self.managed_profiles.push(profile),
            }
        }
    }

    fn level(&mut self, level: PolicyLevel, map: &Map<String, Value>) {
        for (name, value) in map {
            let Some(key) = PolicyKey::from_name(name).filter(|k| *k != PolicyKey::ManagedProfiles) else {
                self.issue(Some(name), Some(level), PolicyProblem::UnknownKey);
                continue;
            };
            self.given.push((level, name.clone(), value.clone()));
            if level == PolicyLevel::Recommended && key.only_mandatory() {
                self.issue(Some(name), Some(level), PolicyProblem::OnlyMandatory);
                continue;
            }
            let settings = match level {
                PolicyLevel::Mandatory => &mut self.mandatory,
                PolicyLevel::Recommended => &mut self.recommended,
            };
            if !read_key(settings, key, value) {
                self.issue(Some(name), Some(level), PolicyProblem::WrongValue);
                if level == PolicyLevel::Mandatory {
                    restrict(&mut self.mandatory, key);
                }
            }
        }
    }
}

/// Sets `key` from `value` when it is one the key takes; `false` otherwise.
fn read_key(settings: &mut PolicySettings, key: PolicyKey, value: &Value) -> bool {
    fn read<T: DeserializeOwned>(value: &Value) -> Option<T> {
        serde_json::from_value(value.clone()).ok()
    }
    let seconds = |value: &Value| read::<u32>(value).filter(|s| (SECONDS_MIN..=SECONDS_MAX).contains(s));
    match key {
        PolicyKey::ManagedProfiles => return false,
        PolicyKey::AllowedHosts => {
            settings.allowed_hosts = read::<Vec<String>>(value).filter(|hosts| hosts.iter().all(|h| valid_pattern(h)))
        }
        PolicyKey::AllowOwnProfiles => settings.allow_own_profiles = read(value),
        PolicyKey::AllowImports => settings.allow_imports = read(value),
        PolicyKey::Demo => settings.demo = read(value),
        PolicyKey::Proxy => settings.proxy = read::<op_api::ProxyMode>(value).filter(valid_proxy),
        PolicyKey::CaFile => {
            settings.ca_file = read::<String>(value).filter(|path| crate::profiles::ca_file::read_ca_file(path).is_ok())
        }
        PolicyKey::Hotkey => {
            settings.hotkey = match value {
                Value::Null => Some(HotkeySetting::Off),
                Value::String(keys) if crate::desktop::hotkey_rule::check_hotkey(keys).is_ok() => {
                    Some(HotkeySetting::Combination(keys.clone()))
                }
                _ => None,
            }
        }
        PolicyKey::CloseToTray => settings.close_to_tray = read(value),
        PolicyKey::StartAtLogin => settings.start_at_login = read(value),
        PolicyKey::PhoneReveal => settings.phone_reveal = read(value),
        PolicyKey::RevealReason => settings.reveal_reason = read(value),
        PolicyKey::RevealSeconds => settings.reveal_seconds = seconds(value),
        PolicyKey::SummaryIncludesPhone => settings.summary_includes_phone = read(value),
        PolicyKey::ClipboardClearSeconds => settings.clipboard_clear_seconds = seconds(value),
        PolicyKey::LocationPrecision => settings.location_precision = read::<LocationPrecision>(value),
        PolicyKey::RawAnswer => settings.raw_answer = read(value),
        PolicyKey::Updates => {
            settings.updates = read::<UpdatePolicy>(value).filter(|u| {
                u.check_interval_hours.is_none_or(|h| (UPDATE_HOURS_MIN..=UPDATE_HOURS_MAX).contains(&h))
                    // The updater reads https only (a manifest in clear could be swapped on the way).
                    && u.endpoint.as_deref().is_none_or(|e| url::Url::parse(e).is_ok_and(|u| u.scheme() == "https"))
            })
        }
    }
    is_set(settings, key)
}

fn valid_proxy(proxy: &op_api::ProxyMode) -> bool {
    match proxy {
        op_api::ProxyMode::Url { url } => url::Url::parse(url).is_ok_and(|u| {
            matches!(u.scheme(), "http" | "https" | "socks5" | "socks5h")
                && u.username().is_empty()
                && u.password().is_none()
        }),
        _ => true,
    }
}

pub(crate) fn is_set(s: &PolicySettings, key: PolicyKey) -> bool {
    match key {
        PolicyKey::ManagedProfiles => false,
        PolicyKey::AllowedHosts => s.allowed_hosts.is_some(),
        PolicyKey::AllowOwnProfiles => s.allow_own_profiles.is_some(),
        PolicyKey::AllowImports => s.allow_imports.is_some(),
        PolicyKey::Demo => s.demo.is_some(),
        PolicyKey::Proxy => s.proxy.is_some(),
        PolicyKey::CaFile => s.ca_file.is_some(),
        PolicyKey::Hotkey => s.hotkey.is_some(),
        PolicyKey::CloseToTray => s.close_to_tray.is_some(),
        PolicyKey::StartAtLogin => s.start_at_login.is_some(),
        PolicyKey::PhoneReveal => s.phone_reveal.is_some(),
        PolicyKey::RevealReason => s.reveal_reason.is_some(),
        PolicyKey::RevealSeconds => s.reveal_seconds.is_some(),
        PolicyKey::SummaryIncludesPhone => s.summary_includes_phone.is_some(),
        PolicyKey::ClipboardClearSeconds => s.clipboard_clear_seconds.is_some(),
        PolicyKey::LocationPrecision => s.location_precision.is_some(),
        PolicyKey::RawAnswer => s.raw_answer.is_some(),
        PolicyKey::Updates => s.updates.is_some(),
    }
}

/// A mandatory key whose value cannot be read: its restrictive value, never none. Keys
/// that set a choice rather than restrict one (the hotkey, the tray, the proxy) have none
/// and stay as the operator has them.
pub(crate) fn restrict(settings: &mut PolicySettings, key: PolicyKey) {
    match key {
        PolicyKey::AllowedHosts => settings.allowed_hosts = Some(Vec::new()),
        PolicyKey::AllowOwnProfiles => settings.allow_own_profiles = Some(false),
        PolicyKey::AllowImports => settings.allow_imports = Some(false),
        PolicyKey::Demo => settings.demo = Some(false),
        PolicyKey::PhoneReveal => settings.phone_reveal = Some(false),
        PolicyKey::RevealReason => settings.reveal_reason = Some(true),
        PolicyKey::SummaryIncludesPhone => settings.summary_includes_phone = Some(false),
        PolicyKey::RawAnswer => settings.raw_answer = Some(false),
        PolicyKey::RevealSeconds => settings.reveal_seconds = Some(SECONDS_MIN),
        PolicyKey::ClipboardClearSeconds => settings.clipboard_clear_seconds = Some(SECONDS_MIN),
        PolicyKey::LocationPrecision => settings.location_precision = Some(LocationPrecision::District),
        // No traffic to a place IT may not have meant; the banner sends the operator to IT.
        PolicyKey::Updates => {
            settings.updates = Some(UpdatePolicy { enabled: false, endpoint: None, check_interval_hours: None })
        }
        _ => {}
    }
}

/// The restrictive value of every key that has one: a policy file that exists but cannot
/// be read at all.
pub(crate) fn restricted() -> PolicySettings {
    let mut settings = PolicySettings::default();
    for key in PolicyKey::ALL {
        restrict(&mut settings, key);
    }
    settings
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn each_key_at_its_level() {
        let text = json!({
            "version": 1,
            "managedProfiles": [{"id": "prod", "name": "Prod", "baseUrl": "https://op.example.com", "clientId": "c0ffee"}],
            "mandatory": {"allowedHosts": ["op.example.com"], "allowImports": false, "demo": false, "hotkey": null,
                "phoneReveal": false, "revealSeconds": 15, "locationPrecision": "district",
                "updates": {"enabled": true, "endpoint": "https://mirror.example.com/latest.json", "checkIntervalHours": 6}},
            "recommended": {"closeToTray": true, "summaryIncludesPhone": false}
        })
        .to_string();
        let parsed = parse(&text);
        assert_eq!(parsed.issues, vec![]);
        assert_eq!(parsed.managed_profiles[0].id, "prod");
        assert_eq!(parsed.mandatory.hotkey, Some(HotkeySetting::Off));
        assert_eq!(parsed.mandatory.allow_imports, Some(false));
        assert_eq!(parsed.mandatory.location_precision, Some(LocationPrecision::District));
        assert_eq!(parsed.mandatory.updates.as_ref().unwrap().check_interval_hours, Some(6));
        assert_eq!(parsed.recommended.close_to_tray, Some(true));
        assert_eq!(parsed.recommended.allow_imports, None);
    }

    #[test]
    fn a_bad_key_is_named_and_a_bad_lock_falls_closed() {
        let text = json!({
            "mandatory": {"allowImports": "no", "allowedHosts": ["http://x/"], "demo": false, "revealSecnods": 5, "hotkey": "Ctrl+C"},
            "recommended": {"allowImports": true, "revealSeconds": 9999},
            "extra": 1
        })
        .to_string();
        let parsed = parse(&text);
        let named: Vec<(Option<&str>, &PolicyProblem)> =
            parsed.issues.iter().map(|i| (i.key.as_deref(), &i.problem)).collect();
        assert!(named.contains(&(Some("allowImports"), &PolicyProblem::WrongValue)), "{named:?}");
        assert!(named.contains(&(Some("allowedHosts"), &PolicyProblem::WrongValue)));
        assert!(named.contains(&(Some("revealSecnods"), &PolicyProblem::UnknownKey)));
        assert!(named.contains(&(Some("hotkey"), &PolicyProblem::WrongValue)), "a combination other programs need");
        assert!(named.contains(&(Some("allowImports"), &PolicyProblem::OnlyMandatory)));
        assert!(named.contains(&(Some("revealSeconds"), &PolicyProblem::WrongValue)));
        assert!(named.contains(&(Some("extra"), &PolicyProblem::UnknownKey)));
        // What could not be read is locked the strict way; what could, applies.
        assert_eq!(parsed.mandatory.allow_imports, Some(false));
        assert_eq!(parsed.mandatory.allowed_hosts, Some(vec![]));
        assert_eq!(parsed.mandatory.demo, Some(false));
        assert_eq!(parsed.recommended.reveal_seconds, None);
    }

    #[test]
    fn a_broken_managed_profile_is_named_and_the_others_stay() {
        let text = json!({"managedProfiles": [
            {"id": "prod", "name": "Prod", "baseUrl": "https://op.example.com", "clientId": "c0ffee"},
            {"id": "bad", "name": "Bad", "baseUrl": "nope", "clientId": "c0ffee"},
            {"id": "prod", "name": "Again", "baseUrl": "https://op.example.com", "clientId": "c0ffee"},
            {"id": "demo", "name": "Demo", "baseUrl": "https://op.example.com", "clientId": "c0ffee"}
        ]})
        .to_string();
        let parsed = parse(&text);
        assert_eq!(parsed.managed_profiles.len(), 1);
        assert_eq!(parsed.issues.len(), 3, "{:?}", parsed.issues);
    }

    #[test]
    fn not_json_is_said_with_its_place() {
        let parsed = parse("{\n  \"mandatory\": {,}");
        assert_eq!(parsed.issues[0].problem, PolicyProblem::NotJson { line: 2, column: 17 });
    }
}
