//! Security by configuration: the settings a reviewer checks first, checked on every run.

use serde_json::Value;

fn read(path: &str) -> Value {
    let text = std::fs::read_to_string(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(path)).unwrap();
    serde_json::from_str(&text).unwrap()
}

#[test]
fn the_page_gets_no_global_api_and_a_strict_csp() {
    let conf = read("tauri.conf.json");
    assert_eq!(conf["app"]["withGlobalTauri"], false);
    let csp = &conf["app"]["security"]["csp"];
    for (directive, allowed) in [
        ("default-src", "'self'"),
        ("script-src", "'self'"),
        ("style-src", "'self'"),
        ("connect-src", "ipc: http://ipc.localhost"),
        ("object-src", "'none'"),
        ("frame-src", "'none'"),
        ("base-uri", "'none'"),
    ] {
        assert_eq!(csp[directive], allowed, "{directive}");
    }
    // Images: the app itself, data: URLs and the image protocol that fetches only from the
    // profile's tile and asset hosts. No remote host at all.
    assert_eq!(csp["img-src"], "'self' data: opimg: http://opimg.localhost");
    let all = csp.to_string();
    assert!(!all.contains("unsafe-inline") && !all.contains("unsafe-eval") && !all.contains("https:"), "{all}");
    assert!(conf["app"]["windows"][0].get("url").is_none(), "the window loads the bundled page only");
}

#[test]
fn the_window_is_granted_only_what_it_uses() {
    let capability = read("capabilities/main-window.json");
    assert_eq!(capability["windows"], serde_json::json!(["main"]));
    let granted: Vec<&str> =
        capability["permissions"].as_array().unwrap().iter().map(|p| p.as_str().unwrap()).collect();
    for permission in &granted {
        assert!(
            permission.starts_with("allow-") || *permission == "clipboard-manager:allow-write-text",
            "unexpected permission {permission}"
        );
    }
    assert!(
        !granted.iter().any(|p| p.starts_with("core:")
            || p.starts_with("opener:")
            || p.split([':', '-']).any(|word| word == "read")),
        "{granted:?}"
    );
    let conf = read("tauri.conf.json");
    assert_eq!(conf["app"]["security"]["capabilities"], serde_json::json!(["main-window"]));
}

#[test]
fn the_capability_grants_exactly_the_app_s_commands() {
    let capability = read("capabilities/main-window.json");
    let mut granted: Vec<String> = capability["permissions"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|p| p.as_str())
        .filter(|p| !p.contains(':'))
        .map(str::to_owned)
        .collect();
    let mut commands: Vec<String> =
        op_console_lib::COMMANDS.iter().map(|c| format!("allow-{}", c.replace('_', "-"))).collect();
    granted.sort();
    commands.sort();
    assert_eq!(granted, commands, "capabilities/main-window.json and src/commands/list.rs disagree");
}
