use console_core::Console;
use tauri::{AppHandle, Manager, Runtime, Window, WindowEvent};

pub fn show_main_window<R: Runtime>(app: &AppHandle<R>) {
    if let Some(window) = app.get_webview_window("main") {
        let _ = window.show();
        let _ = window.unminimize();
        let _ = window.set_focus();
    }
}

fn close_to_tray<R: Runtime>(app: &AppHandle<R>) -> bool {
    app.try_state::<Console>().is_some_and(|console| console.desktop_settings().close_to_tray)
}

/// The window's close button: hides to the tray when the operator chose that.
pub fn on_window_event<R: Runtime>(window: &Window<R>, event: &WindowEvent) {
    if let WindowEvent::CloseRequested { api, .. } = event {
        if window.label() == "main" && close_to_tray(window.app_handle()) {
            api.prevent_close();
            let _ = window.hide();
        }
    }
}

/// Ctrl+W in the page: the same as the close button.
pub fn hide_or_quit<R: Runtime>(app: &AppHandle<R>) {
    if close_to_tray(app) {
        if let Some(window) = app.get_webview_window("main") {
            let _ = window.hide();
        }
    } else {
        app.exit(0);
    }
}
