//! The trusted window: a window of its own (`trusted.html`, capability `trusted-window`)
//! for what the main page must neither see nor decide: the token and secret the operator
//! types, and the yes to changes that move data elsewhere. The main page can ask for it to
//! open, never read it or answer for it. Closing it is a "no".

use console_core::{ApprovalDone, Console, DesktopRequest};
use tauri::{AppHandle, Manager, Runtime, WebviewUrl, WebviewWindowBuilder, Window, WindowEvent};

pub(crate) const TRUSTED_WINDOW: &str = "trusted";
/// Its title: told apart from the main window's in the task bar (and by the tests).
const TITLE: &str = "Op Console — 凭据与确认 / Credentials and approvals";

/// Shows the trusted window (made on first use), in front, with the request waiting now.
pub fn open_trusted_window<R: Runtime>(app: &AppHandle<R>) {
    if let Some(window) = app.get_webview_window(TRUSTED_WINDOW) {
        // Already open: it shows the newest request.
        let _ = window.eval("window.dispatchEvent(new Event('op-console:request'))");
        let _ = window.show();
        let _ = window.set_focus();
        return;
    }
    // In front while it waits (a hidden question would hold the change, and the operator
    // would not know why); it closes with the answer.
    let built = WebviewWindowBuilder::new(app, TRUSTED_WINDOW, WebviewUrl::App("trusted.html".into()))
        .title(TITLE)
        .inner_size(560.0, 600.0)
        .min_inner_size(420.0, 360.0)
        .center()
        .always_on_top(true)
        .focused(true)
        .build();
    match built {
        #[cfg(target_os = "linux")]
        Ok(window) => super::caret::follow(&window),
        #[cfg(not(target_os = "linux"))]
        Ok(_) => {}
        Err(e) => log::error!("the trusted window could not open: {e}"),
    }
}

/// A request was answered (or declined): the trusted window closes and the main page
/// learns what changed.
pub fn approval_answered<R: Runtime>(app: &AppHandle<R>, done: ApprovalDone) {
    super::send(app, DesktopRequest::ApprovalAnswered { answer: done });
    if let Some(window) = app.get_webview_window(TRUSTED_WINDOW) {
        let _ = window.destroy();
    }
}

/// The trusted window's close button: whatever waited is declined.
pub fn on_trusted_window_event<R: Runtime>(window: &Window<R>, event: &WindowEvent) {
    if window.label() != TRUSTED_WINDOW || !matches!(event, WindowEvent::CloseRequested { .. }) {
        return;
    }
    let app = window.app_handle().clone();
    tauri::async_runtime::spawn(async move {
        let Some(console) = app.try_state::<Console>() else { return };
        let Some(waiting) = console.approval_request().await else { return };
        let id = match waiting {
            console_core::ApprovalRequest::Credentials { request_id, .. }
            | console_core::ApprovalRequest::Changes { request_id, .. } => request_id,
        };
        if let Some(done) = console.decline(id).await {
            super::send(&app, DesktopRequest::ApprovalAnswered { answer: done });
        }
    });
}
