use tauri::{AppHandle, Runtime};

/// macOS hands links over as events, not arguments (elsewhere the command line carries
/// them: `startup::at_start`, `startup::second_launch`).
pub fn links_as_events<R: Runtime>(app: &AppHandle<R>) {
    #[cfg(target_os = "macos")]
    {
        use console_core::DesktopRequest;
        use tauri_plugin_deep_link::DeepLinkExt;
        let handle = app.clone();
        app.deep_link().on_open_url(move |event| {
            for url in event.urls() {
                super::send(&handle, DesktopRequest::from_link(url.as_str()));
            }
            super::show_main_window(&handle);
        });
    }
    #[cfg(not(target_os = "macos"))]
    let _ = app;
}
