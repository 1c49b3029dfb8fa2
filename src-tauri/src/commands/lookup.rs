use console_core::{ChatView, Console, ErrorBody};
use tauri::State;

/// A user's most recent chat, on `profile_id` or the selected profile.
#[tauri::command]
pub async fn lookup_chat(
    console: State<'_, Console>,
    user_id: String,
    profile_id: Option<String>,
) -> Result<ChatView, ErrorBody> {
    Ok(console.lookup(profile_id.as_deref(), &user_id).await?)
}
