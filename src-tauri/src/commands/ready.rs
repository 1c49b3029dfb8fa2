use std::time::Instant;

use tauri::State;

/// When the process started, for [`ui_ready`].
pub struct StartedAt(pub Instant);

/// The page is ready for input. The moment goes to the log, so that support sees a slow
/// start, and the benchmark takes its `ui-ready` line as the end of a cold start.
#[tauri::command]
pub fn ui_ready(started: State<'_, StartedAt>) {
    log::info!("ui-ready {} ms after start", started.0.elapsed().as_millis());
}
