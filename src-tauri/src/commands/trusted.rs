//! The trusted window's commands: what it shows, the operator's yes or no, the credentials
//! typed in it. Each answer closes the window and tells the main page what changed.

use console_core::{ApprovalDone, ApprovalRequest, Console, ErrorBody};
use tauri::{AppHandle, Runtime, State};

#[tauri::command]
pub async fn approval_request(console: State<'_, Console>) -> Result<Option<ApprovalRequest>, ErrorBody> {
    Ok(console.approval_request().await)
}

#[tauri::command]
pub async fn approve_changes<R: Runtime>(
    app: AppHandle<R>,
    console: State<'_, Console>,
    request_id: u32,
) -> Result<ApprovalDone, ErrorBody> {
    let done = console.approve_changes(request_id).await?;
    crate::desktop::approval_answered(&app, done.clone());
    Ok(done)
}

#[tauri::command]
pub async fn decline_request<R: Runtime>(
    app: AppHandle<R>,
    console: State<'_, Console>,
    request_id: u32,
) -> Result<(), ErrorBody> {
    if let Some(done) = console.decline(request_id).await {
        crate::desktop::approval_answered(&app, done);
    }
    Ok(())
}

#[tauri::command]
pub async fn save_requested_credentials<R: Runtime>(
    app: AppHandle<R>,
    console: State<'_, Console>,
    request_id: u32,
    token: Option<String>,
    secret: Option<String>,
) -> Result<ApprovalDone, ErrorBody> {
    let done = console.save_requested_credentials(request_id, token, secret).await?;
    crate::desktop::approval_answered(&app, done.clone());
    Ok(done)
}
