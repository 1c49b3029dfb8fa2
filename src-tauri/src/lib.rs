//! The Tauri app: plugins, state and thin commands over console-core.

mod commands;
mod desktop;
mod image_protocol;
mod log_redaction;
mod startup;
mod webkit_options;

use console_core::policy::Policy;
use console_core::{Console, Vault};
use tauri::Manager;

pub use commands::{handlers, StartedAt, COMMANDS, MAIN_COMMANDS, TRUSTED_COMMANDS};

/// `op-console --policy-report`: the policy in force as JSON on standard output (for
/// support scripts), without starting the console. `None` when not asked for.
pub fn policy_report(args: &[String]) -> Option<i32> {
    if !args.iter().skip(1).any(|a| a == "--policy-report") {
        return None;
    }
    let report = Policy::load_system().report();
    match serde_json::to_string_pretty(&report) {
        Ok(json) => {
            println!("{json}");
            Some(0)
        }
        Err(e) => {
            eprintln!("Op Console: the policy report could not be written: {e}");
            Some(1)
        }
    }
}

pub fn run() {
    let started = StartedAt(std::time::Instant::now());
    // Before WebKit (and any thread) starts: its processes inherit the environment.
    webkit_options::prepare();
    // No core file and no same-user ptrace of a process that holds credentials.
    console_core::harden_process();
    let builder = tauri::Builder::default()
        // First: a second launch shows the running window, with its link or --profiles.
        .plugin(tauri_plugin_single_instance::init(|app, argv, cwd| {
            startup::command_line(app, &argv, std::path::Path::new(&cwd), false);
            desktop::show_main_window(app);
        }))
        .plugin(log_redaction::plugin())
        // Size and place, not visibility: the window is shown when the page is ready.
        .plugin(
            tauri_plugin_window_state::Builder::default()
                .with_state_flags(
                    tauri_plugin_window_state::StateFlags::all() - tauri_plugin_window_state::StateFlags::VISIBLE,
                )
                .build(),
        )
        .plugin(tauri_plugin_clipboard_manager::init())
        .plugin(tauri_plugin_opener::init())
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_deep_link::init())
        .plugin(tauri_plugin_autostart::Builder::new().build())
        .manage(started)
        .manage(desktop::Inbox::default())
        .register_asynchronous_uri_scheme_protocol(image_protocol::SCHEME, image_protocol::handle)
        .setup(|app| {
            desktop::prepare_start(app.handle());
            let paths = app.path();
            let opened = paths
                .app_config_dir()
                .and_then(|config| Ok((config, paths.app_data_dir()?)))
                .map_err(|e| e.to_string())
                .and_then(|(config, data)| {
                    Console::open_with_policy(&config, &data, Vault::os(), Policy::load_system())
                        .map_err(|e| e.to_string())
                });
            match opened {
                Ok(console) => {
                    app.manage(console);
                    let args: Vec<String> = std::env::args().collect();
                    let cwd = std::env::current_dir().unwrap_or_default();
                    startup::command_line(app.handle(), &args, &cwd, true);
                    desktop::start(app.handle());
                }
                // Never a silent exit: a native dialog says why, the log keeps it, then it ends.
                Err(reason) => startup::cannot_start(app.handle(), &reason),
            }
            Ok(())
        })
        .on_window_event(desktop::on_window_event)
        .on_page_load(|webview, payload| {
            // With `ui-ready`, tells a slow start's WebKit part from the page's own.
            if payload.event() == tauri::webview::PageLoadEvent::Finished {
                let started = webview.state::<StartedAt>();
                log::info!("page-loaded {} ms after start", started.0.elapsed().as_millis());
            }
        })
        .invoke_handler(handlers());
    let app = match builder.build(tauri::generate_context!()) {
        Ok(app) => app,
        Err(e) => {
            // Before any window exists (no display, no WebKit): the terminal and the exit code.
            eprintln!("Op Console cannot start: {e}");
            std::process::exit(1);
        }
    };
    app.run(|app, event| {
        // Lookups write the recent list in the background: what is left is written now.
        if let tauri::RunEvent::Exit = event {
            if let Some(console) = app.try_state::<Console>() {
                if let Err(e) = console.save_recent() {
                    log::warn!("recent lookups not saved: {e}");
                }
            }
        }
    });
}
