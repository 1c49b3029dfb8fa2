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
