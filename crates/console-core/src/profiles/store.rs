//! The profiles the console knows: the saved ones (`profiles.json`), the selection, and
//! the built-in demo as one more source. Every change goes through [`ProfileStore::update`]:
//! the file is written before memory changes, so a failed write leaves everything as it
//! was.

use std::path::{Path, PathBuf};
use std::sync::Mutex;

use serde::Serialize;

use crate::error::ConsoleError;
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
}

pub(crate) struct ProfileStore {
    config_dir: PathBuf,
    file: Mutex<ProfilesFile>,
    demo: Demo,
}

impl ProfileStore {
    /// The saved profiles from `config_dir`; a file that cannot be used is moved aside.
    pub(crate) fn open(config_dir: &Path) -> (Self, Option<MovedAside>) {
        let (file, moved) = ProfilesFile::load(config_dir);
        (Self { config_dir: config_dir.to_owned(), file: Mutex::new(file), demo: Demo::default() }, moved)
    }

    /// The saved profiles as they are now.
    pub(crate) fn file(&self) -> ProfilesFile {
        lock(&self.file).clone()
    }

    pub(crate) fn selected_id(&self) -> String {
        lock(&self.file).selected_id().to_owned()
    }

    pub(crate) fn is_demo(id: &str) -> bool {
        id == DEMO_PROFILE_ID
    }

    /// The profile by id (`None`: the selected one), the demo included (its server starts
    /// on first use).
    pub(crate) async fn get(&self, id: Option<&str>) -> Result<Profile, ConsoleError> {
        let id = id.map_or_else(|| self.selected_id(), str::to_owned);
        if Self::is_demo(&id) {
            return self.demo.profile().await;
        }
        lock(&self.file).get(&id).cloned().ok_or(ConsoleError::ProfileNotFound { id })
    }

    /// A saved profile: the demo is built in and cannot be changed.
    pub(crate) fn saved(&self, id: &str) -> Result<Profile, ConsoleError> {
        if Self::is_demo(id) {
            return Err(ConsoleError::DemoReadOnly);
        }
        lock(&self.file).get(id).cloned().ok_or_else(|| ConsoleError::ProfileNotFound { id: id.to_owned() })
    }

    pub(crate) fn demo_credentials(&self) -> Result<op_api::Credentials, ConsoleError> {
        self.demo.credentials()
    }

    /// The demo first (or, when its server could not start, an entry saying so), then the
    /// saved profiles with their warnings.
    pub(crate) async fn list(&self) -> ProfilesView {
        let mut profiles = Vec::new();
        match self.demo.profile().await {
            Ok(demo) => {
                profiles.push(ProfileView { profile: demo, is_demo: true, warnings: vec![], unavailable: false })
            }
            // A build without the demo lists the saved profiles only.
            Err(ConsoleError::DemoUnavailable { .. }) if !cfg!(feature = "demo") => {}
            Err(e) => {
                tracing::warn!("demo unavailable: {e}");
                let placeholder = Profile::new(DEMO_PROFILE_ID, "Demo", "http://127.0.0.1", "demo");
                profiles.push(ProfileView { profile: placeholder, is_demo: true, warnings: vec![], unavailable: true });
            }
        }
        let file = self.file();
        for profile in &file.profiles {
            let warnings = profile.validate().unwrap_or_default();
            profiles.push(ProfileView { profile: profile.clone(), is_demo: false, warnings, unavailable: false });
        }
        ProfilesView { selected: file.selected_id().to_owned(), profiles }
    }

    /// An id no saved profile has: `profile-1`, `profile-2`, …
    pub(crate) fn new_id(&self) -> String {
        let file = lock(&self.file);
        (1..).map(|n| format!("profile-{n}")).find(|id| file.get(id).is_none()).unwrap_or_default()
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
