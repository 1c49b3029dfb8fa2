//! The clipboard through the official plugin (Windows, macOS).

use tauri::{AppHandle, Runtime};
use tauri_plugin_clipboard_manager::ClipboardExt;

/// The clipboard's text; `None` when it holds none. Off the main thread: reading there can
/// wait on the owner.
pub async fn read_text<R: Runtime>(app: &AppHandle<R>) -> Option<String> {
    let app = app.clone();
    tauri::async_runtime::spawn_blocking(move || app.clipboard().read_text().ok()).await.ok().flatten()
}

/// Puts `text` on the clipboard; `secret`: kept out of clipboard managers' history.
pub async fn write_text<R: Runtime>(app: &AppHandle<R>, text: String, secret: bool) -> Result<(), String> {
    let clipboard = app.clipboard();
    let written = if secret { clipboard.write_secret(text) } else { clipboard.write_text(text) };
    written.map_err(|e| e.to_string())
}

/// Empties the clipboard.
pub async fn clear<R: Runtime>(app: &AppHandle<R>) -> Result<(), String> {
    app.clipboard().clear().map_err(|e| e.to_string())
}
