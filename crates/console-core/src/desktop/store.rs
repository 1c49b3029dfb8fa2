//! The desktop settings as the console holds them: loaded at start, saved when Tauri has
//! applied them, checked (the hotkey rule) whoever saves.

use std::path::{Path, PathBuf};
use std::sync::Mutex;

use crate::desktop::settings::DesktopSettings;
use crate::error::ConsoleError;
use crate::support::atomic_file::MovedAside;
use crate::support::lock::lock;

pub(crate) struct DesktopStore {
    config_dir: PathBuf,
    settings: Mutex<DesktopSettings>,
}

impl DesktopStore {
    pub(crate) fn open(config_dir: &Path) -> (Self, Option<MovedAside>) {
        let (settings, moved) = DesktopSettings::load(config_dir);
        (Self { config_dir: config_dir.to_owned(), settings: Mutex::new(settings) }, moved)
    }

    pub(crate) fn get(&self) -> DesktopSettings {
        lock(&self.settings).clone()
    }

    pub(crate) fn save(&self, settings: DesktopSettings) -> Result<(), ConsoleError> {
        let settings = settings.checked()?;
        settings.save(&self.config_dir)?;
        *lock(&self.settings) = settings;
        Ok(())
    }
}
