// The benchmark's bare Tauri app. Its additions to a blank app: the `ui-ready` line Op
// Console prints too, so that both cold starts end at the same kind of moment, and, with
// BARE_CLOSE_TO_TRAY=1, a close that hides the window as Op Console's close to the tray
// does, so that both are measured at rest hidden the same way.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

use std::time::Instant;

use tauri::Manager;

struct StartedAt(Instant);

#[tauri::command]
fn ui_ready(started: tauri::State<'_, StartedAt>) {
    println!("ui-ready {} ms after start", started.0.elapsed().as_millis());
}

fn main() {
    let started = StartedAt(Instant::now());
    tauri::Builder::default()
        .manage(started)
        .on_page_load(|webview, payload| {
            if payload.event() == tauri::webview::PageLoadEvent::Finished {
                let started = webview.state::<StartedAt>();
                println!("page-loaded {} ms after start", started.0.elapsed().as_millis());
            }
        })
        .on_window_event(|window, event| {
            if let tauri::WindowEvent::CloseRequested { api, .. } = event {
                if std::env::var_os("BARE_CLOSE_TO_TRAY").is_some_and(|v| v == "1") {
                    api.prevent_close();
                    let _ = window.hide();
                }
            }
        })
        .invoke_handler(tauri::generate_handler![ui_ready])
        .run(tauri::generate_context!())
        .expect("the bare app failed to start");
}
