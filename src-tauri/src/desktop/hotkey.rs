use std::str::FromStr;

use console_core::{Console, ConsoleError, DesktopSettings, RequestSource, HOTKEY_MAX_CHARS};
use tauri::{AppHandle, Manager, Runtime};
use tauri_plugin_global_shortcut::{GlobalShortcutExt, Shortcut, ShortcutState};

/// Installs the global-shortcut plugin and registers the saved combination. Neither
/// failing stops the console: without a hotkey it is still a window (Settings says so).
pub fn start<R: Runtime>(app: &AppHandle<R>) {
    let plugin = tauri_plugin_global_shortcut::Builder::new()
        // The console registers one combination at a time: any press is "look up".
        .with_handler(|app, _shortcut, event| {
            if event.state == ShortcutState::Pressed {
                super::look_up_clipboard(app, RequestSource::Hotkey);
            }
        })
        .build();
    if let Err(e) = app.plugin(plugin) {
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

fn parse(combination: &str) -> Result<Shortcut, ConsoleError> {
    let invalid = || ConsoleError::HotkeyInvalid { combination: combination.chars().take(HOTKEY_MAX_CHARS).collect() };
    if combination.chars().count() > HOTKEY_MAX_CHARS {
        return Err(invalid());
    }
    let shortcut = Shortcut::from_str(combination).map_err(|_| invalid())?;
    // A bare key would swallow it from every app: at least one modifier.
    if shortcut.mods.is_empty() {
        return Err(invalid());
    }
    Ok(shortcut)
}

fn register<R: Runtime>(app: &AppHandle<R>, combination: &str) -> Result<(), ConsoleError> {
    let shortcut = parse(combination)?;
    app.global_shortcut()
        .register(shortcut)
        .map_err(|e| ConsoleError::HotkeyTaken { combination: combination.to_owned(), detail: e.to_string() })
}

pub fn hotkey_registered<R: Runtime>(app: &AppHandle<R>, settings: &DesktopSettings) -> bool {
    let Some(shortcut) = settings.hotkey.as_deref().and_then(|c| parse(c).ok()) else { return false };
    app.try_state::<tauri_plugin_global_shortcut::GlobalShortcut<R>>().is_some()
        && app.global_shortcut().is_registered(shortcut)
}

/// Applies new settings, then saves them. Checked before anything changes; a combination
/// another app holds leaves the old one in place.
pub fn apply_settings<R: Runtime>(
    app: &AppHandle<R>,
    console: &Console,
    settings: DesktopSettings,
) -> Result<(), ConsoleError> {
    use tauri_plugin_autostart::ManagerExt;
    let settings = settings.normalised();
    let new = settings.hotkey.as_deref().map(parse).transpose()?;
    let old = console.desktop_settings();
    let old_shortcut = old.hotkey.as_deref().and_then(|c| parse(c).ok());
    if new != old_shortcut || !hotkey_registered(app, &old) {
        if app.try_state::<tauri_plugin_global_shortcut::GlobalShortcut<R>>().is_none() {
            if let Some(combination) = &settings.hotkey {
                let detail = "no global shortcuts on this desktop".to_owned();
                return Err(ConsoleError::HotkeyTaken { combination: combination.clone(), detail });
            }
        } else {
            if let Some(old) = old_shortcut.filter(|_| hotkey_registered(app, &old)) {
                let _ = app.global_shortcut().unregister(old);
            }
            if let Some(combination) = &settings.hotkey {
                if let Err(e) = register(app, combination) {
                    if let Some(old) = old_shortcut {
                        let _ = app.global_shortcut().register(old);
                    }
                    return Err(e);
                }
            }
        }
    }
    let autostart = app.autolaunch();
    let mut applied = settings;
    let mut failed = None;
    if autostart.is_enabled().ok() != Some(applied.start_at_login) {
        let changed = if applied.start_at_login { autostart.enable() } else { autostart.disable() };
        if let Err(e) = changed {
            // The hotkey changed already: what was applied is saved, and the error said.
            applied.start_at_login = !applied.start_at_login;
            failed = Some(ConsoleError::AutostartFailed { detail: e.to_string() });
        }
    }
    console.save_desktop_settings(applied)?;
    failed.map_or(Ok(()), Err)
}
