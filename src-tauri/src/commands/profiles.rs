use console_core::{ChangeOutcome, ChangeSource, Console, ErrorBody, Profile, ProfilesView, SaveOutcome};
use tauri::{AppHandle, Runtime, State};

#[tauri::command]
pub async fn list_profiles(console: State<'_, Console>) -> Result<ProfilesView, ErrorBody> {
    Ok(console.list_profiles().await?)
}

/// Saved, or (its tile or asset hosts moved) waiting for the operator in the trusted window.
#[tauri::command]
pub async fn save_profile<R: Runtime>(
    app: AppHandle<R>,
    console: State<'_, Console>,
    profile: Profile,
) -> Result<SaveOutcome, ErrorBody> {
    let outcome = console.save_profile(profile).await?;
    if matches!(outcome, SaveOutcome::NeedsApproval { .. }) {
        crate::desktop::open_trusted_window(&app);
    }
    Ok(outcome)
}

#[tauri::command]
pub async fn delete_profile(console: State<'_, Console>, id: String) -> Result<(), ErrorBody> {
    Ok(console.delete_profile(&id).await?)
}

#[tauri::command]
pub async fn select_profile(console: State<'_, Console>, id: String) -> Result<ProfilesView, ErrorBody> {
    Ok(console.select_profile(&id).await?)
}

/// The text of a profiles file the operator picked (the page reads it, not the backend):
/// applied, or (it moves data elsewhere) waiting for the operator in the trusted window.
#[tauri::command]
pub async fn import_profiles<R: Runtime>(
    app: AppHandle<R>,
    console: State<'_, Console>,
    text: String,
) -> Result<ChangeOutcome, ErrorBody> {
    let outcome = console.import_profiles(&text, ChangeSource::SettingsImport).await?;
    if matches!(outcome, ChangeOutcome::NeedsApproval { .. }) {
        crate::desktop::open_trusted_window(&app);
    }
    Ok(outcome)
}

/// What a draft profile's sign rule would hash for a sample user (credentials as stand-ins).
#[tauri::command]
pub async fn sign_preview(console: State<'_, Console>, profile: Profile, user_id: String) -> Result<String, ErrorBody> {
    Ok(console.sign_preview(&profile, &user_id)?)
}
