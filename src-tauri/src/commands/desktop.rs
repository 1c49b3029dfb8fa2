use console_core::{Console, DesktopRequest, DesktopSettings, DesktopView, ErrorBody, TrayLabels};
use tauri::ipc::Channel;
use tauri::{AppHandle, Runtime, State};

use crate::desktop::{self, Inbox};

/// The page listens for what the desktop asks (hotkey, links, tray) and gives the tray
/// its words; what arrived before it listened comes first.
#[tauri::command]
pub fn connect_desktop<R: Runtime>(
    app: AppHandle<R>,
    inbox: State<'_, Inbox>,
    labels: TrayLabels,
    requests: Channel<DesktopRequest>,
) {
    desktop::show_tray(&app, &labels);
    inbox.connect(requests);
}

#[tauri::command]
pub async fn desktop_settings<R: Runtime>(
    app: AppHandle<R>,
    console: State<'_, Console>,
) -> Result<DesktopView, ErrorBody> {
    let held = desktop::hotkey_registered(&app, &console.desktop_settings());
    let mut view = console.desktop_view(held);
    // The system's autostart entry is the truth, unless IT locked the setting (then the
    // console sets the entry to IT's value at start, and Settings shows IT's).
    if !view.locked.contains(&console_core::policy::PolicyKey::StartAtLogin) {
        view.settings.start_at_login = desktop::starts_at_login(&app).unwrap_or(view.settings.start_at_login);
    }
    Ok(view)
}

#[tauri::command]
pub async fn save_desktop_settings<R: Runtime>(
    app: AppHandle<R>,
    console: State<'_, Console>,
    settings: DesktopSettings,
) -> Result<DesktopView, ErrorBody> {
    desktop::apply_settings(&app, &console, settings)?;
    desktop_settings(app, console).await
}

/// Ctrl+W: what the window's close button does (hide to the tray, or quit).
#[tauri::command]
pub fn close_window<R: Runtime>(app: AppHandle<R>) {
    desktop::hide_or_quit(&app);
}
