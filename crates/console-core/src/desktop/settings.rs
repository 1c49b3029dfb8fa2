//! This computer's settings: how the console sits on the desktop (the global hotkey,
//! closing to the tray, starting at login, the shortcuts' keys) and the operator's choices
//! about customer data. Saved in `desktop.json` next to the profiles; Tauri applies the
//! desktop part; IT's policy may lock or recommend each (`policy.rs` beside this).

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::desktop::keymap::Keymap;
use crate::error::ConsoleError;
use crate::policy::{LocationPrecision, PolicyKey, SECONDS_MAX, SECONDS_MIN};
use std::collections::BTreeSet;

use crate::support::atomic_file::{load_or_move_aside, write_atomic, MovedAside};

pub const DESKTOP_FILE_NAME: &str = "desktop.json";

/// "Look up the clipboard", unless the operator chose another combination or none.
pub const DEFAULT_HOTKEY: &str = "Ctrl+Alt+U";

/// Longer than any combination of modifiers and a key.
pub const HOTKEY_MAX_CHARS: usize = 60;

#[derive(ts_rs::TS, Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct DesktopSettings {
    /// The global "look up the clipboard" combination (`Ctrl+Alt+U`); `None` is none.
    pub hotkey: Option<String>,
    /// Closing the window hides it to the tray. Off by default: not every Linux desktop
    /// shows a tray, and a hidden window without one is lost to the operator.
    pub close_to_tray: bool,
    /// Start with the desktop session (the system's autostart entry is the truth).
    pub start_at_login: bool,
    /// The operator's own keys for the console's shortcuts (an action left out keeps its
    /// default keys; an empty list turns them off).
    pub keys: Keymap,
    /// Seconds a revealed number stays shown (`None`: IT's recommendation, else 30).
    pub reveal_seconds: Option<u32>,
    /// Ask for a reason before revealing a number.
    pub reveal_reason: Option<bool>,
    /// "Copy summary" carries the phone line (masked unless revealed, as on screen).
    pub summary_includes_phone: Option<bool>,
    /// Seconds after which a copied number, or a summary holding one, leaves the clipboard.
    pub clipboard_clear_seconds: Option<u32>,
    /// How precisely a location is shown until the operator reveals the point.
    pub location_precision: Option<LocationPrecision>,
}

/// What the console does with customer data, as in force (the policy over the operator's
/// choices over the defaults): the page follows these, the backend enforces them.
#[derive(ts_rs::TS, Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DataRules {
    pub phone_reveal: bool,
    pub reveal_reason: bool,
    pub reveal_seconds: u32,
    pub summary_includes_phone: bool,
    pub clipboard_clear_seconds: u32,
    pub location_precision: LocationPrecision,
    pub raw_answer: bool,
    /// "Open in map" sends the point to the map's site: only when IT's allowed hosts let it.
    pub open_in_map: bool,
}

/// The defaults of [`DataRules`] where neither IT nor the operator chose.
pub const DEFAULT_REVEAL_SECONDS: u32 = 30;
pub const DEFAULT_CLIPBOARD_CLEAR_SECONDS: u32 = 30;

/// The settings as Settings shows them: `hotkey_registered` is false when the saved
/// combination could not be had at start (another app took it meanwhile, or a Wayland
/// session without global shortcuts).
#[derive(ts_rs::TS, Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DesktopView {
    /// As in force: IT's policy over the operator's choices.
    pub settings: DesktopSettings,
    pub hotkey_registered: bool,
    /// Every shortcut's keys in force: the defaults with the operator's choices over them.
    pub keymap: Keymap,
    /// What IT locked: Settings disables those controls and says why.
    pub locked: Vec<PolicyKey>,
    pub rules: DataRules,
}

/// The tray menu's words, in the page's language (the page owns every sentence).
#[derive(ts_rs::TS, Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TrayLabels {
    pub show: String,
    pub look_up_clipboard: String,
    pub quit: String,
}

impl Default for DesktopSettings {
    fn default() -> Self {
        Self {
            hotkey: Some(DEFAULT_HOTKEY.to_owned()),
            close_to_tray: false,
            start_at_login: false,
            keys: Keymap::new(),
            reveal_seconds: None,
            reveal_reason: None,
            summary_includes_phone: None,
            clipboard_clear_seconds: None,
            location_precision: None,
        }
    }
}

impl DesktopSettings {
    fn path_in(config_dir: &Path) -> PathBuf {
        config_dir.join(DESKTOP_FILE_NAME)
    }

    pub fn load(config_dir: &Path) -> (Self, Option<MovedAside>) {
        let (settings, moved) = load_or_move_aside(&Self::path_in(config_dir), |_: &Self| None);
        (settings.unwrap_or_default(), moved)
    }

    pub fn save(&self, config_dir: &Path) -> Result<(), ConsoleError> {
        self.save_keys(config_dir, None)
    }

    /// Saves only `keys` (all when `None`): a setting the operator never chose stays out
    /// of the file, so IT's recommendation for it keeps applying.
    pub(crate) fn save_keys(&self, config_dir: &Path, keys: Option<&BTreeSet<String>>) -> Result<(), ConsoleError> {
        let path = Self::path_in(config_dir);
        let mut map = self.as_map();
        if let Some(keys) = keys {
            map.retain(|key, _| keys.contains(key));
        }
        let bytes = serde_json::to_vec_pretty(&map).map_err(|e| ConsoleError::storage(&path, e))?;
        write_atomic(&path, &bytes)
    }

    /// Each setting by its key in `desktop.json`.
    pub(crate) fn as_map(&self) -> serde_json::Map<String, serde_json::Value> {
        match serde_json::to_value(self) {
            Ok(serde_json::Value::Object(map)) => map,
            _ => serde_json::Map::new(),
        }
    }

    /// Empty means no hotkey; spaces around the combination do not count.
    pub fn normalised(mut self) -> Self {
        self.hotkey = self.hotkey.map(|h| h.trim().to_owned()).filter(|h| !h.is_empty());
        self
    }

    /// Normalised, and refused when the hotkey is no combination or one other programs
    /// need (`hotkey_rule.rs`): before anything is registered or saved.
    pub fn checked(self) -> Result<Self, ConsoleError> {
        let settings = self.normalised();
        if let Some(combination) = &settings.hotkey {
            crate::desktop::hotkey_rule::check_hotkey(combination)?;
        }
        crate::desktop::keymap::check_keymap(&settings.keys)?;
        let out_of_range = |s: Option<u32>| s.is_some_and(|s| !(SECONDS_MIN..=SECONDS_MAX).contains(&s));
        if out_of_range(settings.reveal_seconds) || out_of_range(settings.clipboard_clear_seconds) {
            return Err(ConsoleError::SecondsOutOfRange { min: SECONDS_MIN, max: SECONDS_MAX });
        }
        Ok(settings)
    }

    /// What Settings shows: these settings (as in force), whether the hotkey is held, the
    /// keymap in force, what IT locked, the customer-data rules.
    pub fn view(self, hotkey_registered: bool, locked: Vec<PolicyKey>, rules: DataRules) -> DesktopView {
        let keymap = crate::desktop::keymap::keymap(&self.keys);
        DesktopView { settings: self, hotkey_registered, keymap, locked, rules }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_saves_and_reads_back() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(DesktopSettings::load(dir.path()), (DesktopSettings::default(), None));
        let keys = Keymap::from([(crate::desktop::keymap::KeyAction::CopySummary, vec![])]);
        let mine = DesktopSettings {
            hotkey: Some("Ctrl+Shift+F9".into()),
            close_to_tray: true,
            start_at_login: true,
            keys,
            reveal_seconds: Some(15),
            ..Default::default()
        };
        mine.save(dir.path()).unwrap();
        assert_eq!(DesktopSettings::load(dir.path()).0, mine);
        // A file from an older console lacks the newer keys: their defaults fill in.
        std::fs::write(dir.path().join(DESKTOP_FILE_NAME), r#"{"closeToTray": true}"#).unwrap();
        let old = DesktopSettings::load(dir.path()).0;
        assert_eq!((old.hotkey.as_deref(), old.close_to_tray), (Some(DEFAULT_HOTKEY), true));
    }

    #[test]
    fn a_damaged_file_is_moved_aside_and_the_defaults_used() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join(DESKTOP_FILE_NAME), "{oops").unwrap();
        let (settings, moved) = DesktopSettings::load(dir.path());
        assert_eq!(settings, DesktopSettings::default());
        assert!(moved.is_some());
    }

    #[test]
    fn an_empty_hotkey_is_none() {
        let blank = DesktopSettings { hotkey: Some("  ".into()), ..Default::default() }.normalised();
        assert_eq!(blank.hotkey, None);
        let spaced = DesktopSettings { hotkey: Some(" Ctrl+Alt+K ".into()), ..Default::default() }.normalised();
        assert_eq!(spaced.hotkey.as_deref(), Some("Ctrl+Alt+K"));
    }
}
