use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use console_core::Console;
use tauri::window::Color;
use tauri::{AppHandle, Manager, Runtime, Theme, Window, WindowEvent};

/// The window starts hidden and is shown once the page is ready, so that it opens painted
/// (no blank or white frame). If the page never says so (a broken page), it is shown anyway
/// after this long, so that the operator is never left without a window.
const SHOW_AT_THE_LATEST: Duration = Duration::from_secs(5);

/// The page's background, light and dark (ui/src/app.css `--bg`), for the frames before
/// WebKit's first one.
const BACKGROUND_LIGHT: Color = Color(0xf5, 0xf6, 0xf8, 0xff);
const BACKGROUND_DARK: Color = Color(0x14, 0x17, 0x1c, 0xff);

static SHOWN_AT_START: AtomicBool = AtomicBool::new(false);

/// At start: the window's own background follows the desktop's theme, its caret rests with
/// the operator, and a deadline for the page to be ready.
pub fn prepare_start<R: Runtime>(app: &AppHandle<R>) {
    if let Some(window) = app.get_webview_window(super::MAIN_WINDOW) {
        let dark = window.theme().is_ok_and(|theme| theme == Theme::Dark);
        let _ = window.set_background_color(Some(if dark { BACKGROUND_DARK } else { BACKGROUND_LIGHT }));
        #[cfg(target_os = "linux")]
        super::caret::follow(&window);
    }
    let app = app.clone();
    std::thread::spawn(move || {
        std::thread::sleep(SHOW_AT_THE_LATEST);
        if !SHOWN_AT_START.load(Ordering::SeqCst) {
            log::warn!("the page did not say it was ready within {SHOW_AT_THE_LATEST:?}: showing the window anyway");
            show_at_start(&app);
        }
    });
}

/// The page is ready (its first screen is in the DOM): show the window, once.
pub fn show_at_start<R: Runtime>(app: &AppHandle<R>) {
    if !SHOWN_AT_START.swap(true, Ordering::SeqCst) {
        show_main_window(app);
    }
}

pub fn show_main_window<R: Runtime>(app: &AppHandle<R>) {
    if let Some(window) = app.get_webview_window(super::MAIN_WINDOW) {
        let _ = window.show();
        let _ = window.unminimize();
        let _ = window.set_focus();
    }
}

fn close_to_tray<R: Runtime>(app: &AppHandle<R>) -> bool {
    app.try_state::<Console>().is_some_and(|console| console.desktop_settings().close_to_tray)
}

/// The window's close button: hides to the tray when the operator chose that (the trusted
/// window's closing is its own: a "no").
pub fn on_window_event<R: Runtime>(window: &Window<R>, event: &WindowEvent) {
    super::on_trusted_window_event(window, event);
    if let WindowEvent::CloseRequested { api, .. } = event {
        if window.label() == super::MAIN_WINDOW && close_to_tray(window.app_handle()) {
            api.prevent_close();
            let _ = window.hide();
        }
    }
}

/// Ctrl+W in the page: the same as the close button.
pub fn hide_or_quit<R: Runtime>(app: &AppHandle<R>) {
    if close_to_tray(app) {
        if let Some(window) = app.get_webview_window(super::MAIN_WINDOW) {
            let _ = window.hide();
        }
    } else {
        app.exit(0);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The window's own background is the page's `--bg`, light and dark (written twice:
    /// the window needs it before the page exists).
    #[test]
    fn the_background_is_the_page_s() {
        let css = include_str!("../../../ui/src/app.css");
        let hex = |Color(r, g, b, _): Color| format!("--bg: #{r:02x}{g:02x}{b:02x};");
        let light = css.find(&hex(BACKGROUND_LIGHT)).expect("the light --bg");
        let dark = css.find(&hex(BACKGROUND_DARK)).expect("the dark --bg");
        let dark_rules = css.find("prefers-color-scheme: dark").expect("the dark rules");
        assert!(light < dark_rules && dark_rules < dark, "light before the dark block, dark inside it");
    }
}
