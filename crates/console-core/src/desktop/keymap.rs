//! The console's keyboard shortcuts: every action, its keys by default, and the operator's
//! own choice (other keys, or none: WCAG 2.1.4, and agents whose keyboard layout makes a
//! default awkward). Written once here; the page's key handler, its shortcuts sheet and
//! its buttons' titles all read the keymap the backend gives (`DesktopSettings`).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::error::ConsoleError;

/// What a shortcut in the main window does.
#[derive(ts_rs::TS, Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum KeyAction {
    FocusSearch,
    Back,
    Forward,
    Refresh,
    CopySummary,
    CloseWindow,
    ShowShortcuts,
}

impl KeyAction {
    pub const ALL: [Self; 7] = [
        Self::FocusSearch,
        Self::Back,
        Self::Forward,
        Self::Refresh,
        Self::CopySummary,
        Self::CloseWindow,
        Self::ShowShortcuts,
    ];

    /// The keys of the action unless the operator chose others.
    pub fn default_keys(self) -> &'static [&'static str] {
        match self {
            Self::FocusSearch => &["Ctrl+K"],
            Self::Back => &["Alt+ArrowLeft"],
            Self::Forward => &["Alt+ArrowRight"],
            Self::Refresh => &["F5", "Ctrl+R"],
            Self::CopySummary => &["Ctrl+Shift+C"],
            Self::CloseWindow => &["Ctrl+W"],
            Self::ShowShortcuts => &["?"],
        }
    }
}

/// Each action's keys: the defaults with the operator's choices over them (an empty list
/// turns the action's keys off).
pub type Keymap = BTreeMap<KeyAction, Vec<String>>;

/// At most this many keys per action, this long each.
pub const KEYS_PER_ACTION: usize = 3;
pub const KEY_MAX_CHARS: usize = 40;

/// The keymap in force: the defaults, with `chosen` over them.
pub fn keymap(chosen: &Keymap) -> Keymap {
    KeyAction::ALL
        .iter()
        .map(|action| {
            let keys = chosen
                .get(action)
                .cloned()
                .unwrap_or_else(|| action.default_keys().iter().map(|k| (*k).to_owned()).collect());
            (*action, keys)
        })
        .collect()
}

/// The operator's choices, checked: each key a combination (modifiers `Ctrl`, `Alt`,
/// `Shift`, `Meta` and one key name), at most [`KEYS_PER_ACTION`] per action, and no key
/// for two actions (in the whole keymap, defaults included).
pub fn check_keymap(chosen: &Keymap) -> Result<(), ConsoleError> {
    let invalid = |key: &str| ConsoleError::KeyInvalid { key: key.chars().take(KEY_MAX_CHARS).collect() };
    let mut seen: BTreeMap<String, KeyAction> = BTreeMap::new();
    for (action, keys) in keymap(chosen) {
        if keys.len() > KEYS_PER_ACTION {
            return Err(invalid(&keys.join(" ")));
        }
        for key in &keys {
            let normal = normalise(key).ok_or_else(|| invalid(key))?;
            if let Some(other) = seen.insert(normal, action) {
                return Err(ConsoleError::KeyTwice { key: key.clone(), first: other, second: action });
            }
        }
    }
    Ok(())
}

/// `ctrl+shift+c` for `Shift+Ctrl+C`: modifiers in one order, the key's name as written
/// (one character is case-blind); `None` when it is not a combination.
fn normalise(key: &str) -> Option<String> {
    if key.trim().is_empty() || key.chars().count() > KEY_MAX_CHARS || key.chars().any(char::is_control) {
        return None;
    }
    // "+" alone, or ending a combination, is the plus key.
    let (mods, name) = match key.strip_suffix("++") {
        Some(mods) => (mods, "+"),
        None => key.rsplit_once('+').unwrap_or(("", key)),
    };
    if name.trim().is_empty() || (name.chars().count() > 1 && !name.chars().all(|c| c.is_ascii_alphanumeric())) {
        return None;
    }
    let mut flags = [false; 4];
    for modifier in mods.split('+').filter(|m| !m.is_empty()) {
        let at = ["ctrl", "alt", "shift", "meta"].iter().position(|m| m.eq_ignore_ascii_case(modifier.trim()))?;
        flags[at] = true;
    }
    let names = ["ctrl", "alt", "shift", "meta"];
    let mut out: Vec<String> = names.iter().zip(flags).filter(|(_, on)| *on).map(|(n, _)| (*n).to_owned()).collect();
    out.push(name.to_lowercase());
    Some(out.join("+"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_defaults_with_the_operator_s_choices_over_them() {
        let mut chosen = Keymap::new();
        chosen.insert(KeyAction::CopySummary, vec![]);
        chosen.insert(KeyAction::FocusSearch, vec!["Ctrl+L".into(), "F6".into()]);
        let map = keymap(&chosen);
        assert_eq!(map[&KeyAction::CopySummary], Vec::<String>::new(), "turned off");
        assert_eq!(map[&KeyAction::FocusSearch], ["Ctrl+L", "F6"]);
        assert_eq!(map[&KeyAction::Refresh], ["F5", "Ctrl+R"]);
        assert_eq!(map.len(), KeyAction::ALL.len());
        assert!(check_keymap(&chosen).is_ok());
    }

    #[test]
    fn a_key_for_two_actions_or_no_key_at_all_is_refused() {
        let mut chosen = Keymap::new();
        chosen.insert(KeyAction::FocusSearch, vec!["shift+ctrl+r".into()]);
        chosen.insert(KeyAction::Refresh, vec!["Ctrl+Shift+R".into()]);
        assert_eq!(check_keymap(&chosen).unwrap_err().code(), "key_twice");
        // A default taken by another action is a conflict too.
        let taken = Keymap::from([(KeyAction::Back, vec!["Ctrl+K".into()])]);
        assert_eq!(check_keymap(&taken).unwrap_err().code(), "key_twice");
        for bad in ["", "Ctrl+", "Hyper+K", "Ctrl+Enter\n", "Ctrl+Page Up", &"K".repeat(50)] {
            let map = Keymap::from([(KeyAction::Back, vec![bad.to_owned()])]);
            assert_eq!(check_keymap(&map).unwrap_err().code(), "key_invalid", "{bad:?}");
        }
        let plus = Keymap::from([(KeyAction::Forward, vec!["Ctrl++".into()])]);
        assert!(check_keymap(&plus).is_ok());
    }
}
