use console_core::{ChatView, Console, ConsoleError};
use tauri::State;

/// A user's most recent chat, on `profile_id` or the selected profile.
#[tauri::command]
pub async fn lookup_chat(
    console: State<'_, Console>,
    user_id: String,
    profile_id: Option<String>,
) -> Result<ChatView, ConsoleError> {
    console.lookup(profile_id.as_deref(), &user_id).await
}
