use std::time::Duration;

use console_core::{forget_later, Console, ConsoleError, ErrorBody, COPY_MAX_CHARS};
use tauri::{AppHandle, Runtime, State};

use crate::clipboard;

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
    clipboard::write_text(&app, text.clone(), forget).await.map_err(|detail| ConsoleError::CopyFailed { detail })?;
    if forget {
        let after = Duration::from_secs(u64::from(console.data_rules().clipboard_clear_seconds));
        tauri::async_runtime::spawn(async move {
            let cleared = forget_later(after, &text, clipboard::read_text(&app), async {
                if let Err(e) = clipboard::clear(&app).await {
                    tracing::warn!("the clipboard could not be cleared: {e}");
                }
            })
            .await;
            tracing::debug!("copied text forgotten: {cleared}");
        });
    }
    Ok(())
}
