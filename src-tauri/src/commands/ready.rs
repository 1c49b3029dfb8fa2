use std::time::Instant;

use console_core::{Console, ErrorBody, MovedAside};
use tauri::{AppHandle, Manager, Runtime, State};

/// When the process started, for [`ui_ready`].
pub struct StartedAt(pub Instant);

/// The page is ready for input: the window, hidden until now, is shown painted. The
/// moment goes to the log, so that support sees a slow start, and the benchmark takes its
/// `ui-ready` line as the end of a cold start. Update checks start after it, not before.
#[tauri::command]
pub fn ui_ready<R: Runtime>(app: AppHandle<R>, started: State<'_, StartedAt>) {
    log::info!("ui-ready {} ms after start", started.0.elapsed().as_millis());
    crate::desktop::show_at_start(&app);
    if let Some(updates) = app.try_state::<crate::updates::Updates>() {
        updates.start_checks(&app);
    }
}

/// Files that could not be used at start and were moved aside: the page shows a banner.
#[tauri::command]
pub async fn moved_aside(console: State<'_, Console>) -> Result<Vec<MovedAside>, ErrorBody> {
    Ok(console.moved_aside())
}

/// The policy in force, for Settings → Policies (as `op-console --policy-report` prints it).
#[tauri::command]
pub async fn policy_report(console: State<'_, Console>) -> Result<console_core::policy::PolicyReport, ErrorBody> {
    Ok(console.policy_report())
}
