use console_core::{Console, ErrorBody, LookupFailure, LookupId, LookupReply, PhoneField};
use tauri::State;

/// A user's most recent chat, on `profile_id` or the selected profile: the lookup's ID,
/// its view and the recent list as it now is (a failure carries the list too).
#[tauri::command]
pub async fn lookup_chat(
    console: State<'_, Console>,
    user_id: String,
    profile_id: Option<String>,
) -> Result<LookupReply, LookupFailure> {
    console.lookup(profile_id.as_deref(), &user_id).await
}

/// A lookup's answer for the support view: redacted, numbers masked, at most 64 KiB.
#[tauri::command]
pub async fn raw_answer(console: State<'_, Console>, lookup_id: LookupId) -> Result<Option<String>, ErrorBody> {
    Ok(console.raw_answer(lookup_id))
}

/// The exact location of a lookup shown at district precision, which the operator asked to see.
#[tauri::command]
pub async fn reveal_location(
    console: State<'_, Console>,
    lookup_id: LookupId,
    reason: Option<String>,
) -> Result<console_core::LocationView, ErrorBody> {
    Ok(console.reveal_location(lookup_id, reason.as_deref()).await?)
}

/// A phone number of a lookup, which the operator asked to see.
#[tauri::command]
pub async fn reveal_phone(
    console: State<'_, Console>,
    lookup_id: LookupId,
    field: PhoneField,
    reason: Option<String>,
) -> Result<String, ErrorBody> {
    Ok(console.reveal_phone(lookup_id, field, reason.as_deref()).await?)
}
