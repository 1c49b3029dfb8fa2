use std::time::Duration;

use console_core::{forget_later, Console, ConsoleError, ErrorBody, COPY_MAX_CHARS};
use tauri::{AppHandle, Runtime, State};
use tauri_plugin_clipboard_manager::ClipboardExt;

/// Copies `text` for the page. `forget`: it holds a revealed number (the number itself, or
/// a summary with it), so it is written as a secret (clipboard managers keep no history of
/// it) and removed after the rules' time if the clipboard still holds it.
#[tauri::command]
pub async fn copy_text<R: Runtime>(
    app: AppHandle<R>,
    console: State<'_, Console>,
    text: String,
    forget: bool,
) -> Result<(), ErrorBody> {
    if text.chars().count() > COPY_MAX_CHARS {
        return Err(ConsoleError::CopyFailed { detail: format!("more than {COPY_MAX_CHARS} characters") }.into());
    }
    let clipboard = app.clipboard();
    let written = if forget { clipboard.write_secret(text.as_str()) } else { clipboard.write_text(text.as_str()) };
    written.map_err(|e| ConsoleError::CopyFailed { detail: e.to_string() })?;
    if forget {
        let after = Duration::from_secs(u64::from(console.data_rules().clipboard_clear_seconds));
        let (read, clear) = (app.clone(), app.clone());
        // Off the main thread: reading the clipboard there can deadlock on Linux.
        tauri::async_runtime::spawn(async move {
            let cleared = forget_later(
                after,
                &text,
                move || read.clipboard().read_text().ok(),
                move || {
                    if let Err(e) = clear.clipboard().clear() {
                        tracing::warn!("the clipboard could not be cleared: {e}");
                    }
                },
            )
            .await;
            tracing::debug!("copied text forgotten: {cleared}");
        });
    }
    Ok(())
}
