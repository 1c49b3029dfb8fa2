//! Which key combinations may be the global hotkey. A global hotkey is taken from every
//! other program on the desktop, so a combination those programs need is refused: copy,
//! paste and undo (Ctrl with a letter), menu accelerators (Alt with a letter), window
//! switching and closing (Alt+Tab, Alt+F4), the desktop's own (Super+L, Ctrl+Alt+Delete).
//! Checked in console-core wherever the hotkey is changed; the page only shows the refusal.

use crate::desktop::settings::HOTKEY_MAX_CHARS;
use crate::error::ConsoleError;

#[derive(Default)]
struct Chord {
    ctrl: bool,
    alt: bool,
    shift: bool,
    super_key: bool,
    key: String,
}

/// Keys that edit or move in a text: with Ctrl or Alt, every program uses them.
const EDITING_KEYS: &[&str] = &[
    "insert",
    "delete",
    "backspace",
    "home",
    "end",
    "pageup",
    "pagedown",
    "arrowup",
    "arrowdown",
    "arrowleft",
    "arrowright",
    "up",
    "down",
    "left",
    "right",
    "tab",
    "enter",
    "return",
    "space",
    "escape",
    "esc",
];

/// `Ctrl+Alt+U`: modifiers and one key, `+` between, any case.
fn parse(combination: &str) -> Option<Chord> {
    let mut chord = Chord::default();
    let parts: Vec<&str> = combination.split('+').map(str::trim).collect();
    let (key, modifiers) = parts.split_last()?;
    for modifier in modifiers {
        match modifier.to_ascii_lowercase().as_str() {
            "ctrl" | "control" | "cmdorctrl" | "commandorcontrol" | "cmdorcontrol" | "commandorctrl" => {
                chord.ctrl = true
            }
            "alt" | "option" => chord.alt = true,
            "shift" => chord.shift = true,
            "super" | "meta" | "cmd" | "command" | "win" => chord.super_key = true,
            _ => return None,
        }
    }
    let key = key.to_ascii_lowercase();
    let key = key.strip_prefix("key").filter(|k| k.len() == 1).or_else(|| key.strip_prefix("digit")).unwrap_or(&key);
    if key.is_empty() {
        return None;
    }
    chord.key = key.to_owned();
    Some(chord)
}

impl Chord {
    fn letter_or_digit(&self) -> bool {
        self.key.len() == 1 && self.key.chars().all(|c| c.is_ascii_alphanumeric())
    }

    fn editing(&self) -> bool {
        EDITING_KEYS.contains(&self.key.as_str())
    }

    /// A combination another program (or the desktop) needs.
    fn reserved(&self) -> bool {
        let only_ctrl = self.ctrl && !self.alt && !self.super_key;
        let only_alt = self.alt && !self.ctrl && !self.super_key;
        (only_ctrl && (self.letter_or_digit() || self.editing()))
            || (only_alt && (self.letter_or_digit() || self.editing() || self.key == "f4"))
            || (self.ctrl && self.alt && !self.super_key && matches!(self.key.as_str(), "delete" | "backspace" | "tab"))
            || (self.super_key && !self.ctrl && !self.alt && matches!(self.key.as_str(), "l" | "d" | "tab" | "space"))
    }
}

/// Refuses a combination that is not one (`HotkeyInvalid`: no key, a bare key, Shift
/// alone) or that other programs need (`HotkeyReserved`).
pub fn check_hotkey(combination: &str) -> Result<(), ConsoleError> {
    let shown = || combination.chars().take(HOTKEY_MAX_CHARS).collect::<String>();
    if combination.chars().count() > HOTKEY_MAX_CHARS {
        return Err(ConsoleError::HotkeyInvalid { combination: shown() });
    }
    let Some(chord) = parse(combination) else {
        return Err(ConsoleError::HotkeyInvalid { combination: shown() });
    };
    // A bare key, or Shift with one, would swallow typing in every program.
    if !(chord.ctrl || chord.alt || chord.super_key) {
        return Err(ConsoleError::HotkeyInvalid { combination: shown() });
    }
    if chord.reserved() {
        return Err(ConsoleError::HotkeyReserved { combination: shown() });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chords_other_programs_need_are_refused() {
        for reserved in [
            "Ctrl+C",
            "ctrl+v",
            "Ctrl+Shift+Z",
            "Ctrl+Shift+C",
            "Control+KeyX",
            "Ctrl+1",
            "Ctrl+Insert",
            "Ctrl+Backspace",
            "Alt+F4",
            "Alt+Tab",
            "Alt+F",
            "Alt+Shift+Tab",
            "Ctrl+Alt+Delete",
            "Super+L",
            "CmdOrCtrl+S",
        ] {
            assert_eq!(check_hotkey(reserved).unwrap_err().code(), "hotkey_reserved", "{reserved}");
        }
    }

    #[test]
    fn bare_keys_and_shift_alone_are_no_hotkey() {
        for invalid in ["U", "Shift+U", "Shift+Insert", "Ctrl+Alt+", "Ctrl+Hyper+U", "", "F9"] {
            assert_eq!(check_hotkey(invalid).unwrap_err().code(), "hotkey_invalid", "{invalid}");
        }
        assert_eq!(check_hotkey(&"Ctrl+".repeat(20)).unwrap_err().code(), "hotkey_invalid");
    }

    #[test]
    fn combinations_no_one_else_needs_pass() {
        for fine in ["Ctrl+Alt+U", "Ctrl+Alt+J", "Super+F9", "Ctrl+F9", "Ctrl+Shift+F12", "Alt+F9", "Super+Shift+U"] {
            assert!(check_hotkey(fine).is_ok(), "{fine}");
        }
    }
}
