use std::time::{SystemTime, UNIX_EPOCH};

use console_core::{Console, DesktopRequest, DesktopSettings, DesktopView, ErrorBody, RequestSource, TrayLabels};
use tauri::ipc::Channel;
use tauri::{AppHandle, Runtime, State};

use crate::desktop::{self, Inbox};
use crate::StartedAt;

/// The page listens for what the desktop asks (hotkey, links, tray); what arrived before
/// it listened comes first. Called as soon as the profiles are known, before the window is
/// shown. `took_start`: the page took what started the console from its start (else it
/// comes here, once).
#[tauri::command]
pub fn connect_desktop(inbox: State<'_, Inbox>, requests: Channel<DesktopRequest>, took_start: bool) {
    inbox.connect(requests, took_start);
}

/// The tray, in the page's words; again on a language switch. Built on the main thread,
/// so the page asks for it once the window is shown, off the start's path.
#[tauri::command]
pub fn show_tray<R: Runtime>(app: AppHandle<R>, labels: TrayLabels) {
    desktop::show_tray(&app, &labels);
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

/// The answer to a desktop request (the hotkey, the tray, a link, `--lookup`) is painted:
/// the log says when, so that support sees how long "open this link" took, also when the
/// link started the console (the benchmark's cold link reads this line). `painted_at` is
/// the page's clock (ms since the epoch) at the paint, not this report's arrival; one
/// from the future is taken as now.
#[tauri::command]
pub fn desktop_answer_painted(started: State<'_, StartedAt>, source: RequestSource, painted_at: u64) {
    let now = SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |d| d.as_millis() as u64);
    let since_start = started.0.elapsed().as_millis() as u64;
    let at = painted_at.min(now);
    log::info!(
        "the answer to a {source:?} request was painted at {at} ms since the epoch, {} ms after start",
        since_start.saturating_sub(now - at)
    );
}
