// The app's own commands go through Tauri's permission system like any plugin's: each
// gets an `allow-…` permission, and capabilities/main-window.json grants them to the window.
include!("src/commands/list.rs");

fn main() {
    let commands: &[&str] = app_commands!(command_names);
    tauri_build::try_build(
        tauri_build::Attributes::new().app_manifest(tauri_build::AppManifest::new().commands(commands)),
    )
    .expect("tauri-build failed");
}
