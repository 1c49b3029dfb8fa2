//! WebKit's caches, sized for what the console is: one page that never navigates and
//! shows one result at a time. WebKit's default cache model ("web browser") keeps
//! decoded images and pages for going back, which here is memory held after every lookup
//! (map tiles, avatars) and never used again; "document viewer" keeps none of it.
//! Images come from the backend's `opimg` protocol, so a tile shown again is fetched
//! again from memory in Rust, not from the network.

use tauri::{Runtime, WebviewWindow};

pub fn configure<R: Runtime>(window: &WebviewWindow<R>) {
    #[cfg(target_os = "linux")]
    {
        let configured = window.with_webview(|webview| {
            use webkit2gtk::{WebContextExt, WebViewExt};
            if let Some(context) = webview.inner().context() {
                context.set_cache_model(webkit2gtk::CacheModel::DocumentViewer);
            }
        });
        if let Err(e) = configured {
            log::warn!("WebKit's cache model is unchanged: {e}");
        }
    }
    #[cfg(not(target_os = "linux"))]
    let _ = window;
}
