use console_core::{is_link_argument, DesktopRequest};
use tauri::{AppHandle, Runtime};

/// `op-console opconsole://lookup/…` (how the desktop starts a link's handler on Linux
/// and Windows): the request waits in the inbox until the page is ready.
pub fn links_at_start<R: Runtime>(app: &AppHandle<R>) {
    links_in_arguments(app, &std::env::args().collect::<Vec<_>>());
    // macOS hands links over as events, not arguments.
    #[cfg(target_os = "macos")]
    {
        use tauri_plugin_deep_link::DeepLinkExt;
        let handle = app.clone();
        app.deep_link().on_open_url(move |event| {
            for url in event.urls() {
                super::send(&handle, DesktopRequest::from_link(url.as_str()));
            }
            super::show_main_window(&handle);
        });
    }
}

/// The links on a command line (`argv`, the program's name first): this launch's, or a
/// second launch's routed here by single-instance. Each lands in this window.
pub fn links_in_arguments<R: Runtime>(app: &AppHandle<R>, argv: &[String]) {
    for link in argv.iter().skip(1).filter(|arg| is_link_argument(arg)) {
        super::send(app, DesktopRequest::from_link(link));
    }
}
