use console_core::{Console, ConsoleError, RecentLookup};
use tauri::State;

#[tauri::command]
pub async fn recent_lookups(console: State<'_, Console>) -> Result<Vec<RecentLookup>, ConsoleError> {
    Ok(console.recent())
}

#[tauri::command]
pub async fn clear_recent_lookups(console: State<'_, Console>) -> Result<(), ConsoleError> {
    console.clear_recent()
}
