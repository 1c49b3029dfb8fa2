//! The console's window, made once its state is open: its page starts with the profiles
//! the backend has and what started the console (console-core's `PageStart`), so that
//! the first screen and a link's answer do not wait for a round trip (bench/RESULTS.md,
//! "Start: the profiles with the page" and "A cold link"). The window stays on the
//! console's own page: a navigation elsewhere is refused.

use console_core::{Console, DesktopRequest, PageStart};
use tauri::{AppHandle, Manager, Runtime, Url, WebviewWindowBuilder};

/// The window's label (and its config's in `tauri.conf.json`, where `create` is false).
pub const MAIN_WINDOW: &str = "main";

/// Where the embedded page is served (Tauri's custom protocol; Windows and Android serve it
/// over http).
const APP_ORIGIN: &str =
    if cfg!(any(windows, target_os = "android")) { "http://tauri.localhost" } else { "tauri://localhost" };

/// Makes the main window from its config, its page given the profiles and `request` (what
/// started the console) before its scripts run.
pub fn open_main_window<R: Runtime>(
    app: &AppHandle<R>,
    console: &Console,
    request: Option<DesktopRequest>,
) -> tauri::Result<()> {
    let config = app.config().app.windows.iter().find(|w| w.label == MAIN_WINDOW).cloned().unwrap_or_default();
    // `tauri dev` (no custom protocol) serves the page from Vite's dev server instead.
    let app_page = Url::parse(APP_ORIGIN).expect("the app's origin is a URL");
    let page = match &app.config().build.dev_url {
        Some(dev) if !cfg!(feature = "custom-protocol") => dev.clone(),
        _ => app_page,
    };
    // Kept in the inbox too: a page that did not get its start (or a failed script) has it
    // when it listens.
    if let Some(request) = &request {
        app.state::<super::Inbox>().keep_start(request.clone());
    }
    let start = PageStart { profiles: tauri::async_runtime::block_on(console.list_profiles()).ok(), request };
    let script = page_start_script(&start, &origin_of(&page));
    let mut builder = WebviewWindowBuilder::from_config(app, &config)?.on_navigation(move |url| is_own(url, &page));
    if let Some(script) = script {
        builder = builder.initialization_script(script);
    }
    builder.build().map(|_| ())
}

/// A navigation the window may make: within its own page's origin only (links out go
/// through the opener, in the operator's browser). Compared as console-core compares a URL
/// with a prefix (normalised; no user info).
fn is_own(url: &Url, page: &Url) -> bool {
    let own = console_core::url_under(page, url);
    if !own {
        log::warn!("the console's window was asked to go to another origin ({}): refused", origin_of(url));
    }
    own
}

/// `scheme://host[:port]`, as the page's `location.protocol + "//" + location.host` reads
/// (the URL standard gives a custom scheme such as `tauri:` an opaque origin).
fn origin_of(url: &Url) -> String {
    let port = url.port().map(|p| format!(":{p}")).unwrap_or_default();
    format!("{}://{}{port}", url.scheme(), url.host_str().unwrap_or_default())
}

/// The script that gives the page its start: only on the console's own page (a page that
/// somehow were elsewhere gets nothing), as data (JSON.parse: no key can set a
/// prototype), read-only. The profiles as Settings lists them: names, addresses, the
/// client and operator IDs, proxy, CA file and map hosts; no token or secret. The request
/// holds what a link named (user ID, profile ID, or a bad link's problem), as text; the
/// page takes it once in its session (`ui/src/lib/pageStart.ts`: not again on a reload).
fn page_start_script(start: &PageStart, origin: &str) -> Option<String> {
    let json = serde_json::to_string(start).ok()?;
    let literal = serde_json::to_string(&json).ok()?;
    let origin = serde_json::to_string(origin).ok()?;
    let global = PageStart::GLOBAL;
    Some(format!(
        r#"if (location.protocol + "//" + location.host === {origin}) Object.defineProperty(window, "{global}", {{ value: Object.freeze(JSON.parse({literal})) }});"#
    ))
}

#[cfg(test)]
mod tests {
    use console_core::{ProfilesView, RequestSource};

    use super::*;

    /// The window's config is there and is not made by Tauri before the console is open.
    #[test]
    fn the_config_leaves_the_window_to_this_module() {
        let conf: serde_json::Value = serde_json::from_str(include_str!("../../tauri.conf.json")).unwrap();
        let windows = conf["app"]["windows"].as_array().unwrap();
        let main = windows.iter().find(|w| w["label"] == MAIN_WINDOW).expect("the main window's config");
        assert_eq!(main["create"], false);
    }

    /// The window goes nowhere but its own page's origin.
    #[test]
    fn navigation_stays_on_the_console_s_page() {
        let page = Url::parse("tauri://localhost").unwrap();
        let own = |u: &str| is_own(&Url::parse(u).unwrap(), &page);
        assert!(own("tauri://localhost/index.html"));
        assert!(own("tauri://localhost/"));
        assert!(!own("https://example.com/"));
        assert!(!own("http://tauri.localhost:8080/"));
        assert!(!own("tauri://localhost.example.com/"));
    }

    fn start_with(selected: &str, user_id: &str) -> PageStart {
        PageStart {
            profiles: Some(ProfilesView {
                selected: selected.into(),
                profiles: vec![],
                own_allowed: true,
                imports_allowed: false,
            }),
            request: Some(DesktopRequest::Lookup {
                user_id: user_id.into(),
                profile_id: None,
                source: RequestSource::Link,
            }),
        }
    }

    /// The script names the origin it gives the start on, exactly.
    #[test]
    fn the_script_checks_the_whole_origin() {
        let script = page_start_script(&start_with("demo", "u1"), APP_ORIGIN).unwrap();
        assert!(
            script.starts_with(&format!("if (location.protocol + \"//\" + location.host === \"{APP_ORIGIN}\")")),
            "{script}"
        );
    }

    /// A profile's or a link's text cannot end the string or the script it is written into.
    #[test]
    fn the_script_holds_the_start_as_one_string() {
        let hostile = "x\"); alert(1); (\"\u{2028}</script>\\".to_string();
        let script = page_start_script(&start_with(&hostile, &hostile), APP_ORIGIN).unwrap();
        let start = script.find("JSON.parse(").unwrap() + "JSON.parse(".len();
        let end = script.rfind(")) })").unwrap();
        let literal: String = serde_json::from_str(&script[start..end]).unwrap();
        let back: serde_json::Value = serde_json::from_str(&literal).unwrap();
        assert_eq!(back["profiles"]["selected"], hostile.as_str());
        assert_eq!(back["profiles"]["importsAllowed"], false);
        assert_eq!(back["request"]["kind"], "lookup");
        assert_eq!(back["request"]["userId"], hostile.as_str());
    }
}
