// No console window on Windows in release builds.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if let Some(code) = op_console_lib::without_window(&args) {
        std::process::exit(code);
    }
    op_console_lib::run();
}
