//! The profiles the console knows, from three sources: the built-in demo, the managed
//! ones of IT's policy (read-only), and the operator's own (`profiles.json`); and the
//! selection. The policy plugs in here: which sources it allows, the hosts a profile may
//! send to, the proxy and CA file it forces. Every change goes through
//! [`ProfileStore::update`]: the file is written before memory changes, so a failed write
//! leaves everything as it was.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use serde::Serialize;

use crate::error::ConsoleError;
use crate::policy::{Policy, PolicyKey};
use crate::profiles::changes::name_skeleton;
#[cfg(feature = "demo")]
use crate::profiles::demo::Demo;
use crate::profiles::file::ProfilesFile;
#[cfg(not(feature = "demo"))]
use crate::profiles::no_demo::Demo;
use crate::profiles::profile::{Profile, ProfileWarning, DEMO_PROFILE_ID};
use crate::support::atomic_file::MovedAside;
use crate::support::lock::lock;

/// A profile as the settings screen shows it.
#[derive(ts_rs::TS, Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ProfileView {
    pub profile: Profile,
    pub is_demo: bool,
    /// One of IT's policy: the operator can select it and enter credentials, nothing else.
    pub managed: bool,
    pub warnings: Vec<ProfileWarning>,
    /// The demo's server could not start: the entry stays, saying so; the rest works.
    pub unavailable: bool,
}

#[derive(ts_rs::TS, Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ProfilesView {
    pub selected: String,
    /// The demo first, then the saved profiles in the order they were added.
    pub profiles: Vec<ProfileView>,
    /// IT lets the operator add profiles of their own (`allowOwnProfiles`).
    pub own_allowed: bool,
    /// IT lets the operator import profiles (`allowImports`).
    pub imports_allowed: bool,
}

pub(crate) struct ProfileStore {
    config_dir: PathBuf,
    file: Mutex<ProfilesFile>,
    demo: Demo,
    policy: Arc<Policy>,
}

impl ProfileStore {
    /// The saved profiles from `config_dir`; a file that cannot be used is moved aside.
    pub(crate) fn open(config_dir: &Path, policy: Arc<Policy>) -> (Self, Option<MovedAside>) {
        let (file, moved) = ProfilesFile::load(config_dir);
        (Self { config_dir: config_dir.to_owned(), file: Mutex::new(file), demo: Demo::default(), policy }, moved)
    }

    pub(crate) fn policy(&self) -> &Policy {
        &self.policy
    }

    /// The operator's own profiles as saved.
    pub(crate) fn file(&self) -> ProfilesFile {
        lock(&self.file).clone()
    }

    /// The profile in use: the one selected, while the policy allows it; else the first
    /// one that is allowed (the demo, a managed one, an own one).
    pub(crate) fn selected_id(&self) -> String {
        let file = self.file();
        let chosen = file.selected.clone().unwrap_or_else(|| DEMO_PROFILE_ID.to_owned());
        if self.available(&file, &chosen) {
            return chosen;
        }
        let managed = self.policy.managed_profiles().iter().map(|p| p.id.clone());
        let own = file.profiles.iter().map(|p| p.id.clone());
        std::iter::once(DEMO_PROFILE_ID.to_owned())
            .chain(managed)
            .chain(own)
            .find(|id| self.available(&file, id))
            .unwrap_or_else(|| DEMO_PROFILE_ID.to_owned())
    }

    fn available(&self, file: &ProfilesFile, id: &str) -> bool {
        self.resolve(file, id).is_ok()
    }

    pub(crate) fn is_demo(id: &str) -> bool {
        id == DEMO_PROFILE_ID
    }

    /// A managed or own profile (not the demo) as it runs, the policy checked.
    fn resolve(&self, file: &ProfilesFile, id: &str) -> Result<Option<Profile>, ConsoleError> {
        if Self::is_demo(id) {
            return if self.policy.demo_allowed() { Ok(None) } else { Err(Policy::refuse(PolicyKey::Demo)) };
        }
        if let Some(managed) = self.policy.managed_profiles().iter().find(|p| p.id == id) {
            return Ok(Some(self.policy.enforce(managed.clone())));
        }
        let own = file.get(id).cloned().ok_or_else(|| ConsoleError::ProfileNotFound { id: id.to_owned() })?;
        if !self.policy.own_profiles_allowed() {
            return Err(Policy::refuse(PolicyKey::AllowOwnProfiles));
        }
        // One written into profiles.json by hand (or before the policy) that passes for IT's.
        if self.shadows_managed(&own) {
            return Err(Policy::refuse(PolicyKey::ManagedProfiles));
        }
        // As it runs: IT's proxy (the session's, in `system` mode) is the one checked.
        let own = self.policy.enforce(own);
        self.policy.check_hosts(&own)?;
        Ok(Some(own))
    }

    /// The profile by id (`None`: the one in use) as it runs, from whichever source, the
    /// policy checked; the demo's server starts on first use.
    pub(crate) async fn get(&self, id: Option<&str>) -> Result<Profile, ConsoleError> {
        let id = id.map_or_else(|| self.selected_id(), str::to_owned);
        match self.resolve(&self.file(), &id)? {
            Some(profile) => Ok(profile),
            None => self.demo.profile().await,
        }
    }

    /// A profile credentials are saved for: a managed or an own one, as it runs.
    pub(crate) fn credentialed(&self, id: &str) -> Result<Profile, ConsoleError> {
        match self.resolve(&self.file(), id)? {
            Some(profile) => Ok(profile),
            None => Err(ConsoleError::DemoReadOnly),
        }
    }

    /// An own profile as saved, to change or delete: the demo is built in, a managed one
    /// is IT's.
    pub(crate) fn own(&self, id: &str) -> Result<Profile, ConsoleError> {
        if Self::is_demo(id) {
            return Err(ConsoleError::DemoReadOnly);
        }
        if self.policy.is_managed(id) {
            return Err(Policy::refuse(PolicyKey::ManagedProfiles));
        }
        lock(&self.file).get(id).cloned().ok_or_else(|| ConsoleError::ProfileNotFound { id: id.to_owned() })
    }

    /// Whether the operator may have `profile` (new or changed) as their own: not a managed
    /// one or one named like it, own profiles allowed, its hosts allowed.
    pub(crate) fn check_own(&self, profile: &Profile) -> Result<(), ConsoleError> {
        if self.shadows_managed(profile) {
            return Err(Policy::refuse(PolicyKey::ManagedProfiles));
        }
        if !self.policy.own_profiles_allowed() {
            return Err(Policy::refuse(PolicyKey::AllowOwnProfiles));
        }
        self.policy.check_hosts(profile)
    }

    /// An own profile with a managed one's ID, or a name that looks like one's.
    fn shadows_managed(&self, profile: &Profile) -> bool {
        let skeleton = name_skeleton(&profile.name);
        self.policy.managed_profiles().iter().any(|m| m.id == profile.id || name_skeleton(&m.name) == skeleton)
    }

    /// `profile` with IT's proxy and CA file in place of its own (whatever a page or a file
    /// asked for: what is saved is what runs).
    pub(crate) fn enforce(&self, profile: Profile) -> Profile {
        self.policy.enforce(profile)
    }

    pub(crate) fn demo_credentials(&self) -> Result<op_api::Credentials, ConsoleError> {
        self.demo.credentials()
    }

    /// The demo first (or, when its server could not start, an entry saying so), IT's
    /// managed profiles, then the operator's own, each as the policy lets it run.
    pub(crate) async fn list(&self) -> ProfilesView {
        let mut profiles = Vec::new();
        let view = |profile: Profile, managed: bool| {
            let warnings = profile.validate().unwrap_or_default();
            ProfileView { profile, is_demo: false, managed, warnings, unavailable: false }
        };
        if self.policy.demo_allowed() {
            match self.demo.profile().await {
                Ok(demo) => profiles.push(ProfileView {
                    profile: demo,
                    is_demo: true,
                    managed: false,
                    warnings: vec![],
                    unavailable: false,
                }),
                // A build without the demo lists the others only.
                Err(ConsoleError::DemoUnavailable { .. }) if !cfg!(feature = "demo") => {}
                Err(e) => {
                    tracing::warn!("demo unavailable: {e}");
                    let placeholder = Profile::new(DEMO_PROFILE_ID, "Demo", "http://127.0.0.1", "demo");
                    profiles.push(ProfileView {
                        profile: placeholder,
                        is_demo: true,
                        managed: false,
                        warnings: vec![],
                        unavailable: true,
                    });
                }
            }
        }
        for managed in self.policy.managed_profiles() {
            profiles.push(view(self.policy.enforce(managed.clone()), true));
        }
        let file = self.file();
        for own in &file.profiles {
            if let Ok(Some(profile)) = self.resolve(&file, &own.id) {
                profiles.push(view(profile, false));
            }
        }
        ProfilesView {
            selected: self.selected_id(),
            profiles,
            own_allowed: self.policy.own_profiles_allowed(),
            imports_allowed: self.policy.imports_allowed(),
        }
    }

    /// An id no own or managed profile has: `profile-1`, `profile-2`, …
    pub(crate) fn new_id(&self) -> String {
        let file = lock(&self.file);
        (1..)
            .map(|n| format!("profile-{n}"))
            .find(|id| file.get(id).is_none() && !self.policy.is_managed(id))
            .unwrap_or_default()
    }

    /// Changes a copy, writes it, and only then replaces the profiles in memory.
    pub(crate) fn update<T>(
        &self,
        change: impl FnOnce(&mut ProfilesFile) -> Result<T, ConsoleError>,
    ) -> Result<T, ConsoleError> {
        let mut file = lock(&self.file);
        let mut next = file.clone();
        let out = change(&mut next)?;
        next.save(&self.config_dir)?;
        *file = next;
        Ok(out)
    }
}
