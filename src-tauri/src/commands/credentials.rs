use console_core::{Console, CredentialStatus, ErrorBody};
use tauri::State;

/// Saves what is given into the OS keyring; returns only whether each is saved.
#[tauri::command]
pub async fn save_credentials(
    console: State<'_, Console>,
    profile_id: String,
    token: Option<String>,
    secret: Option<String>,
) -> Result<CredentialStatus, ErrorBody> {
    Ok(console.save_credentials(&profile_id, token, secret).await?)
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
