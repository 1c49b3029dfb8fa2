use console_core::{Console, ErrorBody, RecentLookup};
use tauri::State;

#[tauri::command]
pub async fn recent_lookups(console: State<'_, Console>) -> Result<Vec<RecentLookup>, ErrorBody> {
    Ok(console.recent())
}

#[tauri::command]
pub async fn clear_recent_lookups(console: State<'_, Console>) -> Result<(), ErrorBody> {
    Ok(console.clear_recent()?)
}
