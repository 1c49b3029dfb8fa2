use console_core::ErrorBody;
use tauri::{Runtime, WebviewWindow};
use tauri_plugin_dialog::DialogExt;

/// Settings → CA file → "Choose…": the system's file dialog, in front of the console's
/// window. The page gets the path the operator chose (one it could have typed), or none
/// when the dialog was cancelled; the file is read, bounded, only when the profile is saved.
#[tauri::command]
pub async fn choose_ca_file<R: Runtime>(window: WebviewWindow<R>) -> Result<Option<String>, ErrorBody> {
    let (chosen, answer) = tokio::sync::oneshot::channel();
    window.dialog().file().set_parent(&window).add_filter("PEM", &["pem", "crt", "cer"]).pick_file(move |path| {
        let _ = chosen.send(path);
    });
    let path = answer.await.ok().flatten().and_then(|path| path.into_path().ok());
    Ok(path.map(|path| path.to_string_lossy().into_owned()))
}
