use console_core::{is_link_argument, DesktopRequest};
use tauri::{AppHandle, Runtime};

/// `op-console opconsole://lookup/…` (how the desktop starts a link's handler on Linux
/// and Windows): the request waits in the inbox until the page is ready.
pub fn links_at_start<R: Runtime>(app: &AppHandle<R>) {
    links_from_second_launch(app, &std::env::args().collect::<Vec<_>>());
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

/// A second launch with a link, routed here by single-instance: it lands in this window.
/// `argv` is a whole command line, the program's name first.
pub fn links_from_second_launch<R: Runtime>(app: &AppHandle<R>, argv: &[String]) {
    for link in argv.iter().skip(1).filter(|arg| is_link_argument(arg)) {
        super::send(app, DesktopRequest::from_link(link));
    }
}
