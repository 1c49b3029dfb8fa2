//! The global hotkey on Windows and macOS: Tauri's global-shortcut plugin.

use tauri::{AppHandle, Manager, Runtime};
use tauri_plugin_global_shortcut::{GlobalShortcut, GlobalShortcutExt, Shortcut, ShortcutState};

/// Installs the plugin; each press of the combination it holds calls `on_press`.
pub fn start<R: Runtime>(
    app: &AppHandle<R>,
    on_press: impl Fn(&AppHandle<R>) + Send + Sync + 'static,
) -> Result<(), String> {
    let plugin = tauri_plugin_global_shortcut::Builder::new()
        // The console registers one combination at a time: any press is "look up".
        .with_handler(move |app, _shortcut, event| {
            if event.state == ShortcutState::Pressed {
                on_press(app);
            }
        })
        .build();
    app.plugin(plugin).map_err(|e| e.to_string())
}

pub fn grab<R: Runtime>(app: &AppHandle<R>, shortcut: Shortcut) -> Result<(), String> {
    app.try_state::<GlobalShortcut<R>>().ok_or("no global shortcuts on this desktop")?;
    app.global_shortcut().register(shortcut).map_err(|e| e.to_string())
}

pub fn release<R: Runtime>(app: &AppHandle<R>, shortcut: Shortcut) {
    if let Some(shortcuts) = app.try_state::<GlobalShortcut<R>>() {
        let _ = shortcuts.unregister(shortcut);
    }
}

pub fn holds<R: Runtime>(app: &AppHandle<R>, shortcut: Shortcut) -> bool {
    app.try_state::<GlobalShortcut<R>>().is_some_and(|shortcuts| shortcuts.is_registered(shortcut))
}
