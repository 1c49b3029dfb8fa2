//! The global "look up the clipboard" hotkey: the operator's combination, checked by
//! console-core's rule, held by the platform's backend — an X11 grab of our own on Linux
//! (`x11.rs` says why), Tauri's global-shortcut plugin elsewhere.

use std::str::FromStr;

use console_core::{Console, ConsoleError, DesktopSettings, RequestSource, HOTKEY_MAX_CHARS};
use tauri::{AppHandle, Manager, Runtime};
use tauri_plugin_global_shortcut::Shortcut;

#[cfg(not(target_os = "linux"))]
mod plugin;
#[cfg(not(target_os = "linux"))]
use plugin as backend;
#[cfg(target_os = "linux")]
mod x11;
#[cfg(target_os = "linux")]
use x11 as backend;

/// Starts the backend and takes the saved combination. Neither failing stops the
/// console: without a hotkey it is still a window (Settings says so).
pub fn start<R: Runtime>(app: &AppHandle<R>) {
    if let Err(e) = backend::start(app, |app| super::look_up_clipboard(app, RequestSource::Hotkey)) {
        log::warn!("no global hotkey on this desktop: {e}");
        return;
    }
    let Some(console) = app.try_state::<Console>() else { return };
    if let Some(combination) = console.desktop_settings().hotkey {
        if let Err(e) = register(app, &combination) {
            log::warn!("the hotkey is not available: {e}");
        }
    }
}

/// The combination as the plugin takes it, once console-core's rule allows it (a
/// modifier besides Shift, nothing other programs need).
fn parse(combination: &str) -> Result<Shortcut, ConsoleError> {
    console_core::check_hotkey(combination)?;
    let invalid = || ConsoleError::HotkeyInvalid { combination: combination.chars().take(HOTKEY_MAX_CHARS).collect() };
    Shortcut::from_str(combination).map_err(|_| invalid())
}

fn register<R: Runtime>(app: &AppHandle<R>, combination: &str) -> Result<(), ConsoleError> {
    let shortcut = parse(combination)?;
    backend::grab(app, shortcut)
        .map_err(|detail| ConsoleError::HotkeyTaken { combination: combination.to_owned(), detail })
}

pub fn hotkey_registered<R: Runtime>(app: &AppHandle<R>, settings: &DesktopSettings) -> bool {
    let Some(shortcut) = settings.hotkey.as_deref().and_then(|c| parse(c).ok()) else { return false };
    backend::holds(app, shortcut)
}

/// Lets go of `old` (the combination held now, if any) and takes `new`; if `new` cannot
/// be had, `old` is taken back.
fn rebind<R: Runtime>(app: &AppHandle<R>, old: Option<Shortcut>, new: Option<&str>) -> Result<(), ConsoleError> {
    if let Some(old) = old {
        backend::release(app, old);
    }
    let Some(combination) = new else { return Ok(()) };
    register(app, combination).inspect_err(|_| {
        if let Some(old) = old {
            let _ = backend::grab(app, old);
        }
    })
}

/// Applies new settings, then saves them. Checked before anything changes; a combination
/// another app holds leaves the old one in place.
pub fn apply_settings<R: Runtime>(
    app: &AppHandle<R>,
    console: &Console,
    settings: DesktopSettings,
) -> Result<(), ConsoleError> {
    use tauri_plugin_autostart::ManagerExt;
    // The hotkey rule, the keymap and IT's locks, before anything is registered.
    let settings = console.check_desktop_settings(settings)?;
    let new = settings.hotkey.as_deref().map(parse).transpose()?;
    let old = console.desktop_settings();
    let held = hotkey_registered(app, &old);
    let old_shortcut = old.hotkey.as_deref().and_then(|c| parse(c).ok());
    if new != old_shortcut || !held {
        rebind(app, old_shortcut.filter(|_| held), settings.hotkey.as_deref())?;
    }
    let autostart = app.autolaunch();
    let mut applied = settings;
    let mut failed = None;
    if autostart.is_enabled().ok() != Some(applied.start_at_login) {
        let changed = if applied.start_at_login { autostart.enable() } else { autostart.disable() };
        if let Err(e) = changed {
            // The hotkey changed already: what was applied is saved, and the error said.
            applied = console.autostart_not_applied(applied);
            failed = Some(ConsoleError::AutostartFailed { detail: e.to_string() });
        }
    }
    console.save_desktop_settings(applied)?;
    failed.map_or(Ok(()), Err)
}
