use console_core::{Console, ErrorBody, LookupAnswer};
use tauri::State;

/// A user's most recent chat, on `profile_id` or the selected profile, with the recent
/// list as it now is.
#[tauri::command]
pub async fn lookup_chat(
    console: State<'_, Console>,
    user_id: String,
    profile_id: Option<String>,
) -> Result<LookupAnswer, ErrorBody> {
    Ok(console.lookup_answer(profile_id.as_deref(), &user_id).await?)
}

/// The last answer the server gave, for the support view: redacted, at most 64 KiB.
#[tauri::command]
pub async fn raw_answer(console: State<'_, Console>) -> Result<Option<String>, ErrorBody> {
    Ok(console.raw_answer())
}
