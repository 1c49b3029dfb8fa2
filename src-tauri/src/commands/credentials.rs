use console_core::{Console, CredentialStatus, ErrorBody};
use tauri::{AppHandle, Runtime, State};

/// Opens the trusted window for the profile's token and secret: the main page never holds
/// what the operator types there.
#[tauri::command]
pub async fn request_credentials<R: Runtime>(
    app: AppHandle<R>,
    console: State<'_, Console>,
    profile_id: String,
) -> Result<u32, ErrorBody> {
    let request = console.request_credentials(&profile_id)?;
    crate::desktop::open_trusted_window(&app);
    Ok(request)
}

#[tauri::command]
pub async fn forget_credentials(
    console: State<'_, Console>,
    profile_id: String,
) -> Result<CredentialStatus, ErrorBody> {
    Ok(console.forget_credentials(&profile_id).await?)
}

#[tauri::command]
pub async fn credential_status(console: State<'_, Console>, profile_id: String) -> Result<CredentialStatus, ErrorBody> {
    Ok(console.credential_status(&profile_id).await?)
}
