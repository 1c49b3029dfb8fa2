//! The log plugin, with a formatter that masks anything shaped like a credential. Our code
//! never logs one; this guards the dependencies' messages too.

use tauri::plugin::TauriPlugin;
use tauri::Wry;
use tauri_plugin_log::{Target, TargetKind};

pub fn plugin() -> TauriPlugin<Wry> {
    tauri_plugin_log::Builder::new()
        .targets([Target::new(TargetKind::Stdout), Target::new(TargetKind::LogDir { file_name: None })])
        .level(log::LevelFilter::Info)
        .level_for("hyper", log::LevelFilter::Warn)
        .level_for("hyper_util", log::LevelFilter::Warn)
        .level_for("reqwest", log::LevelFilter::Warn)
        .level_for("zbus", log::LevelFilter::Warn)
        .format(|out, message, record| {
            let line = console_core::redact_log_line(&message.to_string());
            out.finish(format_args!("[{}][{}] {}", record.level(), record.target(), line))
        })
        .build()
}
