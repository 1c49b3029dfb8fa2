//! The console's window, made once its state is open: its page starts with the profiles
//! the backend has, so that the first screen (and a link that started the console) does
//! not wait for a round trip that WebKit answers only after the page has loaded
//! (bench/RESULTS.md, "Start: the profiles with the page").

use console_core::{Console, ProfilesView};
use tauri::{AppHandle, Runtime, WebviewWindowBuilder};

/// The window's label (and its config's in `tauri.conf.json`, where `create` is false).
pub const MAIN_WINDOW: &str = "main";

/// The page's global that holds the profiles at start (`ui/src/lib/profilesAtStart.ts`).
pub const PROFILES_AT_START: &str = "__OP_CONSOLE_PROFILES__";

/// Makes the main window from its config, its page given `profiles` before its scripts run.
pub fn open_main_window<R: Runtime>(app: &AppHandle<R>, console: &Console) -> tauri::Result<()> {
    let config = app.config().app.windows.iter().find(|w| w.label == MAIN_WINDOW).cloned().unwrap_or_default();
    let profiles = tauri::async_runtime::block_on(console.list_profiles()).ok();
    let mut builder = WebviewWindowBuilder::from_config(app, &config)?;
    if let Some(script) = profiles.as_ref().and_then(profiles_script) {
        builder = builder.initialization_script(script);
    }
    builder.build().map(|_| ())
}

/// The script that gives the page its profiles: only the app's own page (a page that
/// somehow navigated elsewhere gets nothing), as data (JSON.parse: no key can set a
/// prototype), read-only. Names and addresses only: a profile holds no secret.
fn profiles_script(profiles: &ProfilesView) -> Option<String> {
    let json = serde_json::to_string(profiles).ok()?;
    let literal = serde_json::to_string(&json).ok()?;
    Some(format!(
        r#"if (location.protocol === "tauri:" || location.hostname === "tauri.localhost") Object.defineProperty(window, "{PROFILES_AT_START}", {{ value: Object.freeze(JSON.parse({literal})) }});"#
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

    /// A profile's text cannot end the string or the script it is written into.
    #[test]
    fn the_script_holds_the_profiles_as_one_string() {
        let selected = "x\"); alert(1); (\"\u{2028}</script>\\".to_string();
        let view = ProfilesView { selected: selected.clone(), profiles: vec![], own_allowed: true, imports_allowed: false };
        let script = profiles_script(&view).unwrap();
        let start = script.find("JSON.parse(").unwrap() + "JSON.parse(".len();
        let end = script.rfind(")) })").unwrap();
        let literal: String = serde_json::from_str(&script[start..end]).unwrap();
        let back: serde_json::Value = serde_json::from_str(&literal).unwrap();
        assert_eq!(back["selected"], selected.as_str());
        assert_eq!(back["importsAllowed"], false);
    }
}
