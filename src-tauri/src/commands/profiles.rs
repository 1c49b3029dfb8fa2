use console_core::{Console, ErrorBody, Profile, ProfileView, ProfilesView, ServerChange};
use tauri::State;

#[tauri::command]
pub async fn list_profiles(console: State<'_, Console>) -> Result<ProfilesView, ErrorBody> {
    Ok(console.list_profiles().await?)
}

#[tauri::command]
pub async fn save_profile(console: State<'_, Console>, profile: Profile) -> Result<ProfileView, ErrorBody> {
    Ok(console.save_profile(profile)?)
}

#[tauri::command]
pub async fn delete_profile(console: State<'_, Console>, id: String) -> Result<(), ErrorBody> {
    Ok(console.delete_profile(&id).await?)
}

#[tauri::command]
pub async fn select_profile(console: State<'_, Console>, id: String) -> Result<ProfilesView, ErrorBody> {
    Ok(console.select_profile(&id).await?)
}

/// What importing that text would change for profiles with saved credentials (their server).
#[tauri::command]
pub async fn preview_import(console: State<'_, Console>, text: String) -> Result<Vec<ServerChange>, ErrorBody> {
    Ok(console.preview_import(&text).await?)
}

/// The text of a profiles file the operator picked; the page reads it, not the backend.
#[tauri::command]
pub async fn import_profiles(console: State<'_, Console>, text: String) -> Result<usize, ErrorBody> {
    Ok(console.import_profiles(&text)?)
}

/// What a draft profile's sign rule would hash for a sample user (credentials as stand-ins).
#[tauri::command]
pub async fn sign_preview(console: State<'_, Console>, profile: Profile, user_id: String) -> Result<String, ErrorBody> {
    Ok(console.sign_preview(&profile, &user_id)?)
}
