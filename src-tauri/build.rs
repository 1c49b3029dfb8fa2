// The app's own commands go through Tauri's permission system like any plugin's: each
// gets an `allow-…` permission, and capabilities/main.json grants them to the window.
fn main() {
    let commands = &[
        "lookup_chat",
        "list_profiles",
        "save_profile",
        "delete_profile",
        "select_profile",
        "import_profiles",
        "save_credentials",
        "forget_credentials",
        "credential_status",
        "recent_lookups",
        "clear_recent_lookups",
        "open_in_map",
        "ui_ready",
    ];
    tauri_build::try_build(
        tauri_build::Attributes::new().app_manifest(tauri_build::AppManifest::new().commands(commands)),
    )
    .expect("tauri-build failed");
}
