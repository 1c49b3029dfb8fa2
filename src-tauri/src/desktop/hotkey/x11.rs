//! The global hotkey on Linux (X11): the combination grabbed on the root window, and its
//! presses read by a thread that sleeps until the X server sends one. The official plugin's
//! X11 backend (global-hotkey) looks for events every 50 ms instead: 20 wakeups a second
//! for as long as the console runs, and up to 50 ms before a press is seen
//! (bench/RESULTS.md, "At rest" and "The hotkey").

use std::sync::{Arc, Mutex};

use console_core::lock;
use tauri::{AppHandle, Manager, Runtime};
use tauri_plugin_global_shortcut::{Code, Modifiers, Shortcut};
use x11rb::connection::Connection;
use x11rb::errors::ReplyError;
use x11rb::protocol::xkb::{self, ConnectionExt as _};
use x11rb::protocol::xproto::{ConnectionExt as _, GrabMode, Keycode, ModMask, Window};
use x11rb::protocol::{ErrorKind, Event};
use x11rb::rust_connection::RustConnection;

/// Connects to the display; each press of the combination held calls `on_press`.
pub fn start<R: Runtime>(
    app: &AppHandle<R>,
    on_press: impl Fn(&AppHandle<R>) + Send + Sync + 'static,
) -> Result<(), String> {
    let handle = app.clone();
    app.manage(X11Hotkey::connect(move || on_press(&handle))?);
    Ok(())
}

pub fn grab<R: Runtime>(app: &AppHandle<R>, shortcut: Shortcut) -> Result<(), String> {
    let hotkey = app.try_state::<X11Hotkey>().ok_or("no global shortcuts on this desktop")?;
    hotkey.grab(shortcut).map_err(|e| e.to_string())
}

pub fn release<R: Runtime>(app: &AppHandle<R>, _shortcut: Shortcut) {
    if let Some(hotkey) = app.try_state::<X11Hotkey>() {
        hotkey.release();
    }
}

pub fn holds<R: Runtime>(app: &AppHandle<R>, shortcut: Shortcut) -> bool {
    app.try_state::<X11Hotkey>().is_some_and(|hotkey| hotkey.holds(shortcut))
}

/// Why a combination could not be grabbed.
#[derive(Debug)]
pub enum GrabError {
    /// Another program holds it.
    Taken,
    /// No key of this keyboard makes it, or the X server refused for another reason.
    Unavailable(String),
}

impl std::fmt::Display for GrabError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Taken => write!(f, "another program holds this combination"),
            Self::Unavailable(why) => write!(f, "{why}"),
        }
    }
}

/// The combination held now: what was asked for, and the key and modifiers grabbed.
struct Held {
    shortcut: Shortcut,
    keycode: Keycode,
    mods: ModMask,
}

/// A connection to the X server of its own, for the one combination the console holds.
pub struct X11Hotkey {
    conn: Arc<RustConnection>,
    root: Window,
    /// Shared with the thread that reads the presses: it knows the key, and forgets the
    /// grab when the connection ends.
    held: Arc<Mutex<Option<Held>>>,
}

/// A grab is for the exact modifiers: Num Lock and Caps Lock count as modifiers when on,
/// so the combination is grabbed with each of them too.
fn with_locks(mods: ModMask) -> [ModMask; 4] {
    [mods, mods | ModMask::M2, mods | ModMask::LOCK, mods | ModMask::M2 | ModMask::LOCK]
}

impl X11Hotkey {
    /// Connects to the display and starts the thread that calls `on_press` for each press
    /// of the combination held: once per press, a key held down does not repeat it (XKB's
    /// detectable auto-repeat: no release arrives until the key is let go).
    pub fn connect(on_press: impl Fn() + Send + 'static) -> Result<Self, String> {
        let (conn, screen) = x11rb::connect(None).map_err(|e| e.to_string())?;
        let root = conn.setup().roots.get(screen).ok_or("no X screen")?.root;
        conn.xkb_use_extension(1, 0).map_err(|e| e.to_string())?.reply().map_err(|e| e.to_string())?;
        let flag = xkb::PerClientFlag::DETECTABLE_AUTO_REPEAT;
        conn.xkb_per_client_flags(
            xkb::ID::USE_CORE_KBD.into(),
            flag,
            flag,
            Default::default(),
            Default::default(),
            Default::default(),
        )
        .map_err(|e| e.to_string())?
        .reply()
        .map_err(|e| e.to_string())?;
        let conn = Arc::new(conn);
        let held = Arc::new(Mutex::new(None::<Held>));
        let (reader, grabbed) = (conn.clone(), held.clone());
        std::thread::Builder::new()
            .name("hotkey".into())
            .spawn(move || {
                let ours = |key: Keycode| lock(&grabbed).as_ref().is_some_and(|held| held.keycode == key);
                let mut down = false;
                loop {
                    match reader.wait_for_event() {
                        Ok(Event::KeyPress(e)) if !down && ours(e.detail) => {
                            down = true;
                            on_press();
                        }
                        Ok(Event::KeyRelease(e)) if ours(e.detail) => down = false,
                        Ok(_) => {}
                        Err(e) => {
                            log::warn!("the hotkey's connection to the display ended: {e}");
                            *lock(&grabbed) = None;
                            return;
                        }
                    }
                }
            })
            .map_err(|e| e.to_string())?;
        Ok(Self { conn, root, held })
    }

    /// Grabs `shortcut` in place of the combination held; nothing is left grabbed when
    /// that fails. One at a time: two saves of the settings at once cannot leave a grab
    /// that no one holds.
    pub fn grab(&self, shortcut: Shortcut) -> Result<(), GrabError> {
        let mut held = lock(&self.held);
        if let Some(before) = held.take() {
            self.ungrab_key(before.keycode, before.mods);
        }
        let keysym =
            keysym(shortcut.key).ok_or_else(|| GrabError::Unavailable(format!("no X11 key for {}", shortcut.key)))?;
        let keycode = self
            .keycode(keysym)
            .map_err(GrabError::Unavailable)?
            .ok_or_else(|| GrabError::Unavailable(format!("no key of this keyboard makes {}", shortcut.key)))?;
        let mods = mod_mask(shortcut.mods);
        for with_lock in with_locks(mods) {
            let grabbed = self
                .conn
                .grab_key(false, self.root, with_lock, keycode, GrabMode::ASYNC, GrabMode::ASYNC)
                .map_err(|e| GrabError::Unavailable(e.to_string()))
                .and_then(|cookie| {
                    cookie.check().map_err(|e| match e {
                        ReplyError::X11Error(x) if x.error_kind == ErrorKind::Access => GrabError::Taken,
                        other => GrabError::Unavailable(other.to_string()),
                    })
                });
            if let Err(e) = grabbed {
                self.ungrab_key(keycode, mods);
                return Err(e);
            }
        }
        *held = Some(Held { shortcut, keycode, mods });
        Ok(())
    }

    /// Lets go of the combination held, if any.
    pub fn release(&self) {
        if let Some(held) = lock(&self.held).take() {
            self.ungrab_key(held.keycode, held.mods);
        }
    }

    pub fn holds(&self, shortcut: Shortcut) -> bool {
        lock(&self.held).as_ref().is_some_and(|held| held.shortcut == shortcut)
    }

    fn ungrab_key(&self, keycode: Keycode, mods: ModMask) {
        for with_lock in with_locks(mods) {
            if let Ok(cookie) = self.conn.ungrab_key(keycode, self.root, with_lock) {
                cookie.ignore_error();
            }
        }
        let _ = self.conn.flush();
    }

    /// The key of this keyboard that makes `keysym`.
    fn keycode(&self, keysym: u32) -> Result<Option<Keycode>, String> {
        let setup = self.conn.setup();
        let (first, last) = (setup.min_keycode, setup.max_keycode);
        let mapping = self
            .conn
            .get_keyboard_mapping(first, last - first + 1)
            .map_err(|e| e.to_string())?
            .reply()
            .map_err(|e| e.to_string())?;
        let per_key = usize::from(mapping.keysyms_per_keycode.max(1));
        let index = mapping.keysyms.chunks(per_key).position(|syms| syms.contains(&keysym));
        Ok(index.and_then(|i| u8::try_from(i).ok()).map(|i| first + i))
    }
}

fn mod_mask(mods: Modifiers) -> ModMask {
    let mut mask = ModMask::default();
    for (modifier, bit) in [
        (Modifiers::CONTROL, ModMask::CONTROL),
        (Modifiers::SHIFT, ModMask::SHIFT),
        (Modifiers::ALT, ModMask::M1),
        (Modifiers::SUPER, ModMask::M4),
        (Modifiers::META, ModMask::M4),
    ] {
        if mods.contains(modifier) {
            mask |= bit;
        }
    }
    mask
}

/// The X keysym of a key (`/usr/include/X11/keysymdef.h`): letters in lower case, as the
/// keyboard map lists them first.
fn keysym(code: Code) -> Option<u32> {
    let name = code.to_string();
    let numbered = |prefix: &str, first: u32, most: u32| {
        name.strip_prefix(prefix).and_then(|n| n.parse::<u32>().ok()).filter(|n| *n <= most).map(|n| first + n)
    };
    if let Some(letter) = name.strip_prefix("Key").filter(|l| l.len() == 1).and_then(|l| l.chars().next()) {
        return letter.is_ascii_uppercase().then(|| u32::from(letter.to_ascii_lowercase()));
    }
    if let Some(sym) = numbered("Digit", 0x30, 9).or_else(|| numbered("Numpad", 0xffb0, 9)) {
        return Some(sym);
    }
    if let Some(n) = numbered("F", 0, 24).filter(|n| *n >= 1) {
        return Some(0xffbe + n - 1);
    }
    Some(match name.as_str() {
        "Space" => 0x20,
        "Quote" => 0x27,
        "Comma" => 0x2c,
        "Minus" => 0x2d,
        "Period" => 0x2e,
        "Slash" => 0x2f,
        "Semicolon" => 0x3b,
        "Equal" => 0x3d,
        "BracketLeft" => 0x5b,
        "Backslash" => 0x5c,
        "BracketRight" => 0x5d,
        "Backquote" => 0x60,
        "Backspace" => 0xff08,
        "Tab" => 0xff09,
        "Enter" => 0xff0d,
        "Pause" => 0xff13,
        "ScrollLock" => 0xff14,
        "Escape" => 0xff1b,
        "Home" => 0xff50,
        "ArrowLeft" => 0xff51,
        "ArrowUp" => 0xff52,
        "ArrowRight" => 0xff53,
        "ArrowDown" => 0xff54,
        "PageUp" => 0xff55,
        "PageDown" => 0xff56,
        "End" => 0xff57,
        "PrintScreen" => 0xff61,
        "Insert" => 0xff63,
        "NumpadEnter" => 0xff8d,
        "NumpadMultiply" => 0xffaa,
        "NumpadAdd" => 0xffab,
        "NumpadSubtract" => 0xffad,
        "NumpadDecimal" => 0xffae,
        "NumpadDivide" => 0xffaf,
        "Delete" => 0xffff,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use std::str::FromStr;

    use super::*;

    fn sym(combination: &str) -> Option<u32> {
        keysym(Shortcut::from_str(combination).unwrap().key)
    }

    #[test]
    fn keys_are_their_x11_keysyms() {
        assert_eq!(sym("Ctrl+Alt+U"), Some(0x75)); // XK_u
        assert_eq!(sym("Ctrl+Alt+KeyZ"), Some(0x7a));
        assert_eq!(sym("Ctrl+Alt+7"), Some(0x37));
        assert_eq!(sym("Ctrl+Shift+F1"), Some(0xffbe));
        assert_eq!(sym("Ctrl+Shift+F12"), Some(0xffc9));
        assert_eq!(sym("Ctrl+Alt+Numpad5"), Some(0xffb5));
        assert_eq!(sym("Ctrl+Alt+Space"), Some(0x20));
        assert_eq!(sym("Ctrl+Alt+Backquote"), Some(0x60));
    }

    #[test]
    fn modifiers_are_their_x11_masks() {
        let mods = |c: &str| mod_mask(Shortcut::from_str(c).unwrap().mods);
        assert_eq!(mods("Ctrl+Alt+U"), ModMask::CONTROL | ModMask::M1);
        assert_eq!(mods("Super+Shift+U"), ModMask::M4 | ModMask::SHIFT);
    }
}
