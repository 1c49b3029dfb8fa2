//! The Tauri app: plugins, state and thin commands over console-core.

mod commands;
mod image_protocol;
mod log_redaction;
mod startup;

use console_core::{Console, Vault};
use tauri::Manager;

pub use commands::{handlers, StartedAt, COMMANDS};

pub fn run() {
    let started = StartedAt(std::time::Instant::now());
    tauri::Builder::default()
        // First: a second launch focuses the running window (and imports its --profiles).
        .plugin(tauri_plugin_single_instance::init(|app, argv, _cwd| {
            startup::import_from_args(app, &argv);
            if let Some(window) = app.get_webview_window("main") {
                let _ = window.unminimize();
                let _ = window.set_focus();
            }
        }))
        .plugin(log_redaction::plugin())
        .plugin(tauri_plugin_window_state::Builder::default().build())
        .plugin(tauri_plugin_clipboard_manager::init())
        .plugin(tauri_plugin_opener::init())
        .manage(started)
        .register_asynchronous_uri_scheme_protocol(image_protocol::SCHEME, image_protocol::handle)
        .setup(|app| {
            let paths = app.path();
            let console = Console::open(&paths.app_config_dir()?, &paths.app_data_dir()?, Vault::os())?;
            app.manage(console);
            startup::import_from_args(app.handle(), &std::env::args().collect::<Vec<_>>());
            Ok(())
        })
        .on_page_load(|webview, payload| {
            // With `ui-ready`, tells a slow start's WebKit part from the page's own.
            if payload.event() == tauri::webview::PageLoadEvent::Finished {
                let started = webview.state::<StartedAt>();
                log::info!("page-loaded {} ms after start", started.0.elapsed().as_millis());
            }
        })
        .invoke_handler(handlers())
        .build(tauri::generate_context!())
        .expect("Op Console failed to start")
        .run(|app, event| {
            // Lookups write the recent list in the background: what is left is written now.
            if let tauri::RunEvent::Exit = event {
                if let Err(e) = app.state::<Console>().save_recent() {
                    log::warn!("recent lookups not saved: {e}");
                }
            }
        });
}
