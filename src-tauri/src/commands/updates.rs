use console_core::updates::{UpdateProgress, UpdateStatus};
use console_core::{Console, ErrorBody};
use tauri::ipc::Channel;
use tauri::{AppHandle, Runtime, State};

use crate::updates::Updates;

/// The page's channel for update news (a check's result, an install's outcome); the
/// current status is returned.
#[tauri::command]
pub fn watch_updates(updates: State<'_, Updates>, statuses: Channel<UpdateStatus>) -> UpdateStatus {
    updates.watch(statuses)
}

/// Settings → This computer → Check now.
#[tauri::command]
pub async fn check_for_update<R: Runtime>(
    app: AppHandle<R>,
    console: State<'_, Console>,
    updates: State<'_, Updates>,
) -> Result<UpdateStatus, ErrorBody> {
    Ok(updates.check(&app, &console).await)
}

/// "Install and restart" on the version the page showed: downloads (progress on the
/// channel), verifies, installs, restarts. Another version than the one found does nothing.
#[tauri::command]
pub async fn install_update<R: Runtime>(
    app: AppHandle<R>,
    console: State<'_, Console>,
    updates: State<'_, Updates>,
    version: String,
    progress: Channel<UpdateProgress>,
) -> Result<UpdateStatus, ErrorBody> {
    Ok(updates.install(&app, &console, &version, progress).await)
}
