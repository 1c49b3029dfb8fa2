//! IT's policy: one read-only file per machine (`source.rs`) that locks what operators may
//! change (`mandatory`), recommends defaults they may change (`recommended`), and gives
//! managed profiles. Read at start, key by key (`parse.rs`); enforced in console-core
//! wherever the change is made (the profile store, the desktop settings, the lookups),
//! shown in Settings → Policies and printed by `op-console --policy-report`.

pub(crate) mod hosts;
mod keys;
mod parse;
mod settings;
mod source;

use std::io::Read;
use std::path::{Path, PathBuf};

use serde::Serialize;
use url::Url;

pub use keys::{PolicyKey, PolicyLevel};
pub use parse::{PolicyIssue, PolicyProblem, POLICY_FORMAT_VERSION};
pub use settings::{
    HotkeySetting, LocationPrecision, PolicySettings, UpdatePolicy, SECONDS_MAX, SECONDS_MIN, UPDATE_HOURS_MAX,
    UPDATE_HOURS_MIN,
};
pub use source::{policy_source, system_policy_dir, PolicySource, POLICY_DIR_ENV, POLICY_FILE_NAME};

use crate::error::ConsoleError;
use crate::profiles::profile::{tile_template_url, Profile};

/// A policy file is small: this is far above any real one.
pub const POLICY_MAX_BYTES: u64 = 1024 * 1024;

/// The policy in force on this machine.
#[derive(Clone, Debug, Default)]
pub struct Policy {
    path: PathBuf,
    /// A policy file exists (readable or not).
    present: bool,
    managed_profiles: Vec<Profile>,
    mandatory: PolicySettings,
    recommended: PolicySettings,
    issues: Vec<PolicyIssue>,
    given: Vec<(PolicyLevel, String, serde_json::Value)>,
}

/// One key as IT set it, for the Policies section and the report.
#[derive(ts_rs::TS, Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PolicyEntry {
    pub key: String,
    pub level: PolicyLevel,
    /// As the file gives it.
    #[ts(type = "unknown")]
    pub value: serde_json::Value,
    /// In force (a value that could not be read is not, see `issues`).
    pub applied: bool,
}

/// Everything IT sees of the policy: where it is read from, each key and what is wrong.
#[derive(ts_rs::TS, Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PolicyReport {
    pub path: String,
    pub present: bool,
    pub entries: Vec<PolicyEntry>,
    pub issues: Vec<PolicyIssue>,
}

impl Policy {
    /// No policy: nothing locked, nothing recommended.
    pub fn none() -> Self {
        Self::default()
    }

    /// The machine's policy: the system's file, or the one `OP_CONSOLE_POLICY_DIR` names
    /// under the conditions `source.rs` sets.
    pub fn load_system() -> Self {
        let env = std::env::var_os(POLICY_DIR_ENV).map(PathBuf::from);
        Self::load_from(&system_policy_dir(), env.as_deref())
    }

    /// [`Self::load_system`] with the system's folder given: for tests.
    pub(crate) fn load_from(system_dir: &Path, env: Option<&Path>) -> Self {
        match policy_source(system_dir, env) {
            // IT's file that an operator could have written is no policy of IT's.
            PolicySource::System(path) if source::present(&path) && !source::administrators_only(&path) => {
                tracing::error!(
                    "the policy file {} may be changed by others than root: every lock is at its strictest",
                    path.display()
                );
                Self::unreadable(&path, PolicyProblem::WritableByOthers)
            }
            PolicySource::System(path) => Self::load(&path),
            PolicySource::RootOnly(path) => match source::open_root_only(&path) {
                Some(file) => Self::read(&path, file),
                // Swapped or changed since it was checked: not IT's, and no policy of the
                // system's either (there is none), so as unreadable.
                None => Self::unreadable(&path, PolicyProblem::Unreadable),
            },
        }
    }

    /// The policy at `path`: none when there is no file; its keys as far as they can be
    /// read; the restrictive value of every lock when the file cannot be read at all.
    pub fn load(path: &Path) -> Self {
        if !source::present(path) {
            return Self { path: path.to_owned(), ..Self::default() };
        }
        // A regular file only: a FIFO would block the start.
        let file = std::fs::metadata(path).ok().filter(|m| m.is_file()).and_then(|_| std::fs::File::open(path).ok());
        match file {
            Some(file) => Self::read(path, file),
            None => {
                tracing::error!("the policy file {} cannot be read: every lock is at its strictest", path.display());
                Self::unreadable(path, PolicyProblem::Unreadable)
            }
        }
    }

    /// The policy in `file` (opened from `path`): at most [`POLICY_MAX_BYTES`] of UTF-8.
    fn read(path: &Path, file: std::fs::File) -> Self {
        let mut bytes = Vec::new();
        let read = file
            .metadata()
            .ok()
            .filter(|m| m.is_file())
            .and_then(|_| file.take(POLICY_MAX_BYTES + 1).read_to_end(&mut bytes).ok());
        match read.and_then(|n| (n as u64 <= POLICY_MAX_BYTES).then_some(())).and(String::from_utf8(bytes).ok()) {
            Some(text) => Self::from_text(path, &text),
            None => {
                tracing::error!("the policy file {} cannot be read: every lock is at its strictest", path.display());
                Self::unreadable(path, PolicyProblem::Unreadable)
            }
        }
    }

    /// A policy file's text, read key by key.
    pub fn from_text(path: &Path, text: &str) -> Self {
        let parsed = parse::parse(text);
        let fatal = parsed.issues.iter().any(|i| {
            i.key.is_none() && matches!(i.problem, PolicyProblem::NotJson { .. } | PolicyProblem::NotAnObject)
        });
        if fatal {
            let mut policy = Self::unreadable(path, parsed.issues[0].problem.clone());
            policy.issues = parsed.issues;
            return policy;
        }
        let mut policy = Self {
            path: path.to_owned(),
            present: true,
            managed_profiles: Vec::new(),
            mandatory: parsed.mandatory,
            recommended: parsed.recommended,
            issues: parsed.issues,
            given: parsed.given,
        };
        // A managed profile that sends data where the policy itself does not allow is not
        // offered: as it runs, with IT's proxy and CA file.
        for profile in parsed.managed_profiles {
            match policy.disallowed_host(&policy.enforce(profile.clone())) {
                Some(host) => policy.issues.push(PolicyIssue {
                    key: Some(PolicyKey::ManagedProfiles.name()),
                    level: Some(PolicyLevel::Mandatory),
                    problem: PolicyProblem::ProfileHostNotAllowed { id: profile.id.clone(), host },
                }),
                None => policy.managed_profiles.push(profile),
            }
        }
        for issue in &policy.issues {
            tracing::warn!("policy {}: {:?} {:?}", path.display(), issue.key, issue.problem);
        }
        policy
    }

    /// A file that is there but cannot be read: no key is known, so every lock that has a
    /// restrictive value takes it (no own profiles, no imports, no demo, no reveal, …).
    fn unreadable(path: &Path, problem: PolicyProblem) -> Self {
        Self {
            path: path.to_owned(),
            present: true,
            mandatory: parse::restricted(),
            issues: vec![PolicyIssue { key: None, level: None, problem }],
            ..Self::default()
        }
    }

    pub fn report(&self) -> PolicyReport {
        let entries = self
            .given
            .iter()
            .map(|(level, key, value)| PolicyEntry {
                key: key.clone(),
                level: *level,
                value: value.clone(),
                applied: !self.issues.iter().any(|i| i.key.as_deref() == Some(key.as_str()) && i.level == Some(*level)),
            })
            .collect();
        PolicyReport {
            path: self.path.display().to_string(),
            present: self.present,
            entries,
            issues: self.issues.clone(),
        }
    }

    pub fn mandatory(&self) -> &PolicySettings {
        &self.mandatory
    }

    pub fn recommended(&self) -> &PolicySettings {
        &self.recommended
    }

    pub fn managed_profiles(&self) -> &[Profile] {
        &self.managed_profiles
    }

    pub fn is_managed(&self, id: &str) -> bool {
        self.managed_profiles.iter().any(|p| p.id == id)
    }

    /// The keys IT locked and that are in force (a lock that could not be read is in force
    /// at its restrictive value).
    pub fn locked(&self) -> Vec<PolicyKey> {
        PolicyKey::ALL
            .into_iter()
            .filter(|key| match key {
                PolicyKey::ManagedProfiles => !self.managed_profiles.is_empty(),
                key => parse::is_set(&self.mandatory, *key),
            })
            .collect()
    }

    pub fn demo_allowed(&self) -> bool {
        self.mandatory.demo != Some(false)
    }

    pub fn own_profiles_allowed(&self) -> bool {
        self.mandatory.allow_own_profiles != Some(false)
    }

    pub fn imports_allowed(&self) -> bool {
        self.mandatory.allow_imports != Some(false)
    }

    /// Whether a request may go to `url`'s host (no `allowedHosts`: anywhere).
    pub fn host_allowed(&self, url: &Url) -> bool {
        self.mandatory.allowed_hosts.as_ref().is_none_or(|hosts| hosts::allowed(hosts, url))
    }

    /// The first place `profile` would send data to that the policy does not allow: its
    /// server, its proxy, its tiles or its assets.
    pub fn disallowed_host(&self, profile: &Profile) -> Option<String> {
        let mut places: Vec<String> = vec![profile.base_url.clone()];
        if let Some(tiles) = &profile.tiles {
            // A tile as it would be asked for: a placeholder may stand in the host too.
            places
                .push(tile_template_url(&tiles.url_template).map_or_else(|_| tiles.url_template.clone(), String::from));
        }
        places.extend(profile.asset_base_url.clone());
        let host = |url: &Url| url.host_str().unwrap_or_default().to_owned();
        places.into_iter().find_map(|place| {
            // A place whose host cannot be read is not one a list names.
            let Ok(url) = Url::parse(place.trim()) else {
                return self.mandatory.allowed_hosts.is_some().then_some(place);
            };
            if !self.host_allowed(&url) {
                return Some(host(&url));
            }
            // The proxy the request would take: the profile's, or the environment's in
            // `system` mode (which the operator's session sets).
            match op_api::effective_proxy(&profile.proxy, &url) {
                Ok(Some(proxy)) if !self.host_allowed(&proxy) => Some(host(&proxy)),
                _ => None,
            }
        })
    }

    /// `Err(host_not_allowed)` when `profile` would send data outside `allowedHosts`.
    pub fn check_hosts(&self, profile: &Profile) -> Result<(), ConsoleError> {
        match self.disallowed_host(profile) {
            Some(host) => Err(ConsoleError::HostNotAllowed { host }),
            None => Ok(()),
        }
    }

    /// The profile as it runs under the policy: the forced proxy and CA file.
    pub fn enforce(&self, mut profile: Profile) -> Profile {
        if let Some(proxy) = &self.mandatory.proxy {
            profile.proxy = proxy.clone();
        }
        if let Some(ca) = &self.mandatory.ca_file {
            profile.ca_file = Some(ca.clone());
        }
        profile
    }

    /// `Err(policy_locked)` for `key` when IT locked it.
    pub fn refuse(key: PolicyKey) -> ConsoleError {
        ConsoleError::PolicyLocked { key }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn policy(value: serde_json::Value) -> Policy {
        Policy::from_text(Path::new("/etc/op-console/policy.json"), &value.to_string())
    }

    #[test]
    fn no_file_is_no_policy() {
        let dir = tempfile::tempdir().unwrap();
        let none = Policy::load(&dir.path().join("policy.json"));
        assert!(none.demo_allowed() && none.imports_allowed() && none.own_profiles_allowed());
        assert!(!none.report().present);
    }

    #[test]
    fn a_file_that_cannot_be_read_locks_everything_it_could() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("policy.json");
        std::fs::write(&path, "{ this is not json").unwrap();
        let broken = Policy::load(&path);
        assert!(!broken.demo_allowed() && !broken.imports_allowed() && !broken.own_profiles_allowed());
        assert_eq!(broken.mandatory().phone_reveal, Some(false));
        assert!(matches!(broken.report().issues[0].problem, PolicyProblem::NotJson { .. }));
        assert!(broken.locked().contains(&PolicyKey::AllowImports));
        // A folder where the file should be: unreadable too, never "no policy".
        let folder = dir.path().join("folder.json");
        std::fs::create_dir(&folder).unwrap();
        assert!(!Policy::load(&folder).imports_allowed());
    }

    #[test]
    fn a_mandatory_that_is_no_object_locks_everything_it_could() {
        for broken in [json!([]), json!(null), json!("imports off")] {
            let p = policy(json!({"mandatory": broken, "recommended": {"closeToTray": true}}));
            assert!(!p.imports_allowed() && !p.demo_allowed() && !p.own_profiles_allowed(), "{broken}");
            assert_eq!(p.mandatory().phone_reveal, Some(false));
            assert_eq!(p.recommended().close_to_tray, Some(true));
        }
    }

    #[test]
    fn a_policy_file_the_console_cannot_look_at_is_not_no_policy() {
        // Any answer but "not found" (here "not a folder"; on a desktop also "permission
        // denied", which root, running these tests, never gets) is a policy that cannot be read.
        let dir = tempfile::tempdir().unwrap();
        let not_a_folder = dir.path().join("op-console");
        std::fs::write(&not_a_folder, "").unwrap();
        let p = Policy::load(&not_a_folder.join("policy.json"));
        assert!(!p.imports_allowed() && !p.demo_allowed() && p.report().present);
    }

    #[test]
    fn the_environment_s_proxy_is_checked_against_the_allowed_hosts() {
        let p = policy(json!({"mandatory": {"allowedHosts": ["op.example.com"]}}));
        let profile = Profile::new("x", "X", "https://op.example.com", "c");
        assert_eq!(p.disallowed_host(&profile), None);
        let mut through = profile.clone();
        through.proxy = op_api::ProxyMode::Url { url: "http://proxy.evil.example:3128".into() };
        assert_eq!(p.disallowed_host(&through).as_deref(), Some("proxy.evil.example"));
    }

    #[test]
    fn managed_profiles_outside_the_allowed_hosts_are_not_offered() {
        let p = policy(json!({
            "managedProfiles": [
                {"id": "prod", "name": "Prod", "baseUrl": "https://op.example.com", "clientId": "c"},
                {"id": "rogue", "name": "Rogue", "baseUrl": "https://op.evil.example", "clientId": "c"}
            ],
            "mandatory": {"allowedHosts": ["op.example.com"], "proxy": {"mode": "none"}}
        }));
        assert!(p.is_managed("prod") && !p.is_managed("rogue"));
        assert_eq!(p.report().issues.len(), 1);
        let mut own = Profile::new("x", "X", "https://op.example.com", "c");
        own.asset_base_url = Some("https://cdn.evil.example/img".into());
        assert_eq!(p.check_hosts(&own).unwrap_err(), ConsoleError::HostNotAllowed { host: "cdn.evil.example".into() });
        assert_eq!(p.enforce(own).proxy, op_api::ProxyMode::None);
    }

    #[test]
    fn the_report_says_each_key_its_level_and_whether_it_applies() {
        let p =
            policy(json!({"mandatory": {"demo": false, "allowImports": "no"}, "recommended": {"closeToTray": true}}));
        let report = p.report();
        let row = |key: &str| report.entries.iter().find(|e| e.key == key).unwrap();
        assert!(row("demo").applied);
        assert!(!row("allowImports").applied, "a value that cannot be read");
        assert_eq!(row("closeToTray").level, PolicyLevel::Recommended);
        assert_eq!(p.locked(), vec![PolicyKey::AllowImports, PolicyKey::Demo]);
    }

    #[cfg(unix)]
    #[test]
    fn a_system_file_others_may_write_is_not_believed() {
        use std::os::unix::fs::PermissionsExt;
        let system = tempfile::tempdir().unwrap();
        let file = system.path().join(POLICY_FILE_NAME);
        std::fs::write(&file, json!({"mandatory": {"allowOwnProfiles": true, "allowImports": true}}).to_string())
            .unwrap();
        std::fs::set_permissions(system.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
        std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o644)).unwrap();
        // The tests' own files are root's when they run as root (as in CI).
        let root = std::os::unix::fs::MetadataExt::uid(&std::fs::metadata(&file).unwrap()) == 0;
        let strictest = |policy: &Policy| {
            policy.issues.iter().any(|i| i.problem == PolicyProblem::WritableByOthers) && !policy.own_profiles_allowed()
        };
        // Root's and root's alone (the tests run as root in CI): read as written.
        if root {
            let policy = Policy::load_from(system.path(), None);
            assert!(policy.issues.is_empty() && policy.own_profiles_allowed(), "{:?}", policy.issues);
        }
        // Anyone may write the file, or the folder (its file could be replaced): every lock
        // at its strictest, and said.
        std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o666)).unwrap();
        assert!(strictest(&Policy::load_from(system.path(), None)));
        std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o644)).unwrap();
        std::fs::set_permissions(system.path(), std::fs::Permissions::from_mode(0o777)).unwrap();
        assert!(strictest(&Policy::load_from(system.path(), None)));
    }

    #[test]
    fn a_managed_profile_s_tiles_are_held_to_the_list_as_a_tile_is_asked_for() {
        // A placeholder in the tile host: its prefix (`https://`) names no host at all.
        let managed = |template: &str| {
            json!({"mandatory": {"allowedHosts": ["op.corp.example", "tiles.corp.example"]},
                "managedProfiles": [{"id": "prod", "name": "Prod", "baseUrl": "https://op.corp.example",
                    "clientId": "b2736195b38346639463ee889d6b8ff4", "tiles": {"urlTemplate": template}}]})
        };
        let rogue = policy(managed("https://t{z}.evil.example/{x}/{y}.png"));
        assert!(rogue.managed_profiles().is_empty(), "not offered");
        assert!(rogue
            .issues
            .iter()
            .any(|i| i.problem
                == PolicyProblem::ProfileHostNotAllowed { id: "prod".into(), host: "t1.evil.example".into() }));
        assert_eq!(policy(managed("https://tiles.corp.example/{z}/{x}/{y}.png")).managed_profiles().len(), 1);
    }
}
