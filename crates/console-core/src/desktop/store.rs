//! This computer's settings as the console holds them: loaded at start (with which keys
//! the operator has saved: the others follow IT's recommendation), in force under IT's
//! policy, saved when Tauri has applied them, checked (the hotkey rule, the keymap, the
//! policy's locks) whoever saves.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use crate::desktop::policy::{check_locks, effective, rules};
use crate::desktop::settings::{DataRules, DesktopSettings, DESKTOP_FILE_NAME};
use crate::error::ConsoleError;
use crate::policy::{Policy, PolicyKey};
use crate::support::atomic_file::MovedAside;
use crate::support::lock::lock;

pub(crate) struct DesktopStore {
    config_dir: PathBuf,
    /// As `desktop.json` holds them, and the keys it holds.
    saved: Mutex<(DesktopSettings, BTreeSet<String>)>,
    policy: Arc<Policy>,
}

impl DesktopStore {
    pub(crate) fn open(config_dir: &Path, policy: Arc<Policy>) -> (Self, Option<MovedAside>) {
        let (settings, moved) = DesktopSettings::load(config_dir);
        let explicit = saved_keys(&config_dir.join(DESKTOP_FILE_NAME));
        (Self { config_dir: config_dir.to_owned(), saved: Mutex::new((settings, explicit)), policy }, moved)
    }

    /// The settings in force.
    pub(crate) fn get(&self) -> DesktopSettings {
        let saved = lock(&self.saved);
        effective(&saved.0, &saved.1, &self.policy)
    }

    pub(crate) fn rules(&self) -> DataRules {
        rules(&self.get(), &self.policy)
    }

    pub(crate) fn locked(&self) -> Vec<PolicyKey> {
        self.policy.locked()
    }

    /// Checks `next` (the hotkey rule, the keymap, the seconds, IT's locks) without saving.
    pub(crate) fn check(&self, next: DesktopSettings) -> Result<DesktopSettings, ConsoleError> {
        let next = next.checked()?;
        check_locks(&next, &self.get(), &self.policy)?;
        Ok(next)
    }

    /// Saves `next`: the keys the operator saved before and those `next` changes from what
    /// is in force (a recommended value passed back unchanged stays IT's).
    pub(crate) fn save(&self, next: DesktopSettings) -> Result<(), ConsoleError> {
        let next = self.check(next)?;
        let in_force = self.get().as_map();
        let mut explicit = lock(&self.saved).1.clone();
        explicit.extend(
            next.as_map().into_iter().filter(|(key, value)| in_force.get(key) != Some(value)).map(|(key, _)| key),
        );
        next.save_keys(&self.config_dir, Some(&explicit))?;
        *lock(&self.saved) = (next, explicit);
        Ok(())
    }
}

/// The keys `desktop.json` holds (none when there is no file yet).
fn saved_keys(path: &Path) -> BTreeSet<String> {
    std::fs::read(path)
        .ok()
        .and_then(|bytes| serde_json::from_slice::<serde_json::Map<String, serde_json::Value>>(&bytes).ok())
        .map(|map| map.into_iter().map(|(k, _)| k).collect())
        .unwrap_or_default()
}
