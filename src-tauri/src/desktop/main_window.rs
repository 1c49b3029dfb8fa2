//! The console's window, made once its state is open: its page starts with the profiles
//! the backend has, so that the first screen (and a link that started the console) does
//! not wait for a round trip (bench/RESULTS.md, "Start: the profiles with the page"). The
//! window stays on the console's own page: a navigation elsewhere is refused.

use console_core::{Console, ProfilesView};
use tauri::{AppHandle, Runtime, Url, WebviewWindowBuilder};

/// The window's label (and its config's in `tauri.conf.json`, where `create` is false).
pub const MAIN_WINDOW: &str = "main";

/// The page's global that holds the profiles at start (`ui/src/lib/profilesAtStart.ts`).
pub const PROFILES_AT_START: &str = "__OP_CONSOLE_PROFILES__";

/// Where the embedded page is served (Tauri's custom protocol; Windows and Android serve it
/// over http).
const APP_ORIGIN: &str =
    if cfg!(any(windows, target_os = "android")) { "http://tauri.localhost" } else { "tauri://localhost" };

/// Makes the main window from its config, its page given `profiles` before its scripts run.
pub fn open_main_window<R: Runtime>(app: &AppHandle<R>, console: &Console) -> tauri::Result<()> {
    let config = app.config().app.windows.iter().find(|w| w.label == MAIN_WINDOW).cloned().unwrap_or_default();
    // `tauri dev` (no custom protocol) serves the page from Vite's dev server instead.
    let app_page = Url::parse(APP_ORIGIN).expect("the app's origin is a URL");
    let page = match &app.config().build.dev_url {
        Some(dev) if !cfg!(feature = "custom-protocol") => dev.clone(),
        _ => app_page,
    };
    let profiles = tauri::async_runtime::block_on(console.list_profiles()).ok();
    let script = profiles.as_ref().and_then(|p| profiles_script(p, &origin_of(&page)));
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

/// The script that gives the page its profiles: only on the console's own page (a page
/// that somehow were elsewhere gets nothing), as data (JSON.parse: no key can set a
/// prototype), read-only. The profiles as Settings lists them: names, addresses, the
/// client and operator IDs, proxy, CA file and map hosts; no token or secret.
fn profiles_script(profiles: &ProfilesView, origin: &str) -> Option<String> {
    let json = serde_json::to_string(profiles).ok()?;
    let literal = serde_json::to_string(&json).ok()?;
    let origin = serde_json::to_string(origin).ok()?;
    Some(format!(
        r#"if (location.protocol + "//" + location.host === {origin}) Object.defineProperty(window, "{PROFILES_AT_START}", {{ value: Object.freeze(JSON.parse({literal})) }});"#
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The page reads the global this module writes (written twice: Rust and TypeScript).
    #[test]
    fn the_page_reads_the_same_global() {
        let ts = include_str!("../../../ui/src/lib/profilesAtStart.ts");
        assert!(ts.contains(&format!("\"{PROFILES_AT_START}\"")), "profilesAtStart.ts names {PROFILES_AT_START}");
    }

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

    /// The script names the origin it gives the profiles on, exactly.
    #[test]
    fn the_script_checks_the_whole_origin() {
        let view = ProfilesView { selected: "demo".into(), profiles: vec![], own_allowed: true, imports_allowed: true };
        let script = profiles_script(&view, APP_ORIGIN).unwrap();
        assert!(
            script.starts_with(&format!("if (location.protocol + \"//\" + location.host === \"{APP_ORIGIN}\")")),
            "{script}"
        );
    }

    /// A profile's text cannot end the string or the script it is written into.
    #[test]
    fn the_script_holds_the_profiles_as_one_string() {
        let selected = "x\"); alert(1); (\"\u{2028}</script>\\".to_string();
        let view =
            ProfilesView { selected: selected.clone(), profiles: vec![], own_allowed: true, imports_allowed: false };
        let script = profiles_script(&view, APP_ORIGIN).unwrap();
        let start = script.find("JSON.parse(").unwrap() + "JSON.parse(".len();
        let end = script.rfind(")) })").unwrap();
        let literal: String = serde_json::from_str(&script[start..end]).unwrap();
        let back: serde_json::Value = serde_json::from_str(&literal).unwrap();
        assert_eq!(back["selected"], selected.as_str());
        assert_eq!(back["importsAllowed"], false);
    }
}
