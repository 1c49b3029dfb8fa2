//! The console on the operator's desktop (#12): the global "look up the clipboard" hotkey,
//! `opconsole://` links, the tray and closing to it, starting at login. Each ends in a
//! [`DesktopRequest`] for the page, which does what the operator would have typed.

#[cfg(target_os = "linux")]
mod caret;
mod hotkey;
mod inbox;
mod links;
mod main_window;
mod tray;
mod trusted_window;
mod window;

pub use hotkey::{apply_settings, hotkey_registered};
pub use inbox::Inbox;
pub use links::links_as_events;
pub use main_window::{open_main_window, MAIN_WINDOW};
pub use tray::show_tray;
pub use trusted_window::{approval_answered, on_trusted_window_event, open_trusted_window};
pub use window::{hide_or_quit, on_window_event, prepare_start, show_at_start, show_main_window};

use std::time::{Duration, Instant};

use console_core::{Console, DesktopRequest, RequestSource};
use tauri::{AppHandle, Manager, Runtime};

/// At start, once the console's state is open: the hotkey, and links as events (macOS).
pub fn start<R: Runtime>(app: &AppHandle<R>) {
    hotkey::start(app);
    links_as_events(app);
    login_item_as_in_force(app);
}

/// Starting at login as IT's policy forces it (the operator's own choice is applied when
/// saved): the system's autostart entry made or removed at each start.
fn login_item_as_in_force<R: Runtime>(app: &AppHandle<R>) {
    use tauri_plugin_autostart::ManagerExt;
    let Some(console) = app.try_state::<Console>() else { return };
    if !console.policy_report().entries.iter().any(|e| e.key == "startAtLogin") {
        return;
    }
    let wanted = console.desktop_settings().start_at_login;
    let autostart = app.autolaunch();
    if autostart.is_enabled().ok() != Some(wanted) {
        let changed = if wanted { autostart.enable() } else { autostart.disable() };
        if let Err(e) = changed {
            log::warn!("starting at login could not be set as the policy says: {e}");
        }
    }
}

/// "Look up the clipboard", from the hotkey or the tray. The clipboard is read here, in
/// Rust: the page has no permission to read it.
pub fn look_up_clipboard<R: Runtime>(app: &AppHandle<R>, source: RequestSource) {
    // When each step ended, in the log: the benchmark's breakdown of a hotkey press
    // (bench/RESULTS.md, "The hotkey"). No clipboard text is logged.
    let asked = Instant::now();
    let asked_at = console_core::now_ms();
    show_main_window(app);
    let shown = asked.elapsed();
    let app = app.clone();
    // The selection owner may take a moment to answer: not on the event loop.
    tauri::async_runtime::spawn(async move {
        let text = crate::clipboard::read_text(&app).await;
        let read = asked.elapsed();
        let Some(console) = app.try_state::<Console>() else { return };
        let request = console.clipboard_request(text.as_deref(), source).await;
        send(&app, request);
        let ms = |d: Duration| d.as_secs_f64() * 1000.0;
        log::info!(
            "look up the clipboard ({source:?}) asked at {asked_at} ms since the epoch: window shown after {:.1} ms, clipboard read after {:.1} ms, sent to the page after {:.1} ms",
            ms(shown),
            ms(read),
            ms(asked.elapsed())
        );
    });
}

pub fn send<R: Runtime>(app: &AppHandle<R>, request: DesktopRequest) {
    if let Some(inbox) = app.try_state::<Inbox>() {
        inbox.send(request);
    }
}

/// The system's word on starting at login (its autostart entry is the truth).
pub fn starts_at_login<R: Runtime>(app: &AppHandle<R>) -> Option<bool> {
    use tauri_plugin_autostart::ManagerExt;
    app.autolaunch().is_enabled().ok()
}
