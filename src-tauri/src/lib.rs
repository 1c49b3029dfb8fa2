//! The Tauri app: plugins, state and thin commands over console-core.

mod clipboard;
mod commands;
mod desktop;
mod image_protocol;
mod log_redaction;
mod startup;
mod updates;
mod webkit_options;

use console_core::policy::Policy;
use console_core::{Console, Vault};
use tauri::Manager;

pub use commands::{handlers, StartedAt, COMMANDS, MAIN_COMMANDS, TRUSTED_COMMANDS};

/// What `op-console` does without a window, for support and IT scripts; `None` when the
/// command line asks for none of it (the console starts). Its exit code otherwise.
pub fn without_window(args: &[String]) -> Option<i32> {
    let args = &args[1.min(args.len())..];
    if args.iter().any(|a| a == "--policy-report") {
        return Some(print(serde_json::to_string_pretty(&Policy::load_system().report()).map_err(|e| e.to_string())));
    }
    if args.iter().any(|a| a == "--export-reveals") {
        return Some(export_reveals(args));
    }
    None
}

/// `--export-reveals [--format csv|json]`: the reveal journal of this user (CSV by default).
fn export_reveals(args: &[String]) -> i32 {
    use console_core::reveals::{export_reveals, ExportFormat, REVEALS_FILE_NAME};
    let name = args.iter().position(|a| a == "--format").and_then(|i| args.get(i + 1)).map_or("csv", String::as_str);
    let Some(format) = ExportFormat::from_name(name) else {
        eprintln!("Op Console: --format takes csv or json, not '{name}'. / --format 只能是 csv 或 json。");
        return 2;
    };
    // Where Tauri puts the app's data folder (`app_data_dir`): the data folder + identifier.
    let Some(data) = dirs::data_dir().map(|d| d.join(IDENTIFIER)) else {
        eprintln!("Op Console: this user has no data folder. / 找不到此用户的数据文件夹。");
        return 1;
    };
    print(export_reveals(&data.join(REVEALS_FILE_NAME), format).map_err(|e| e.to_string()))
}

/// Tauri's identifier (`tauri.conf.json`), which names the app's folders.
pub const IDENTIFIER: &str = "com.opconsole.desktop";

fn print(out: Result<String, String>) -> i32 {
    match out {
        Ok(text) => {
            // CSV ends its last line itself.
            if text.ends_with('\n') {
                print!("{text}");
            } else {
                println!("{text}");
            }
            0
        }
        Err(e) => {
            eprintln!("Op Console: {e}");
            1
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
            startup::second_launch(app, &argv, std::path::Path::new(&cwd));
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
        .plugin(tauri_plugin_opener::init())
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_deep_link::init())
        .plugin(tauri_plugin_autostart::Builder::new().build())
        .plugin(tauri_plugin_updater::Builder::new().build())
        .manage(started)
        .manage(desktop::Inbox::default())
        .register_asynchronous_uri_scheme_protocol(image_protocol::SCHEME, image_protocol::handle)
        .setup(|app| {
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
                    let console = app.state::<Console>();
                    let args: Vec<String> = std::env::args().collect();
                    let cwd = std::env::current_dir().unwrap_or_default();
                    let request = startup::at_start(app.handle(), &args, &cwd);
                    // The window is made once the console is open: its page starts with
                    // the profiles and what started the console (desktop/main_window.rs).
                    desktop::open_main_window(app.handle(), &console, request)?;
                    desktop::prepare_start(app.handle());
                    app.manage(updates::Updates::new(app.handle(), &console));
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
    // Linux's clipboard is GTK's own (clipboard/gtk.rs); elsewhere the plugin's.
    #[cfg(not(target_os = "linux"))]
    let builder = builder.plugin(tauri_plugin_clipboard_manager::init());
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
