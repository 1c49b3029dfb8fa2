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

/// The last answer the server gave, for the support view: redacted, at most 64 KiB.
#[tauri::command]
pub async fn raw_answer(console: State<'_, Console>) -> Result<Option<String>, ErrorBody> {
    Ok(console.raw_answer())
}
