use console_core::{Console, ConsoleError, ErrorBody};
use tauri::{AppHandle, Runtime, State};
use tauri_plugin_opener::OpenerExt;

/// Opens a WGS-84 point in the system's browser. The URL is built here from two numbers,
/// so the page cannot make the app open anything else.
#[tauri::command]
pub async fn open_in_map<R: Runtime>(
    app: AppHandle<R>,
    console: State<'_, Console>,
    lat: f64,
    lng: f64,
) -> Result<(), ErrorBody> {
    let url = console.map_link(lat, lng)?;
    Ok(app.opener().open_url(url, None::<&str>).map_err(|e| ConsoleError::OpenFailed { detail: e.to_string() })?)
}
