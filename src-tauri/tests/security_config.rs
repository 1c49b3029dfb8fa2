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
fn each_window_is_granted_only_what_it_uses() {
    let conf = read("tauri.conf.json");
    assert_eq!(conf["app"]["security"]["capabilities"], serde_json::json!(["main-window", "trusted-window"]));
    for (file, window, extra) in
        [("capabilities/main-window.json", "main", &[][..]), ("capabilities/trusted-window.json", "trusted", &[][..])]
    {
        let capability = read(file);
        assert_eq!(capability["windows"], serde_json::json!([window]), "{file}");
        let granted: Vec<&str> =
            capability["permissions"].as_array().unwrap().iter().map(|p| p.as_str().unwrap()).collect();
        for permission in &granted {
            assert!(permission.starts_with("allow-") || extra.contains(permission), "{file}: unexpected {permission}");
        }
        assert!(
            !granted.iter().any(|p| p.starts_with("core:")
                || p.starts_with("opener:")
                || p.split([':', '-']).any(|word| word == "read")),
            "{file}: {granted:?}"
        );
    }
}

/// The app's own permissions a capability grants, sorted.
fn commands_granted(file: &str) -> Vec<String> {
    let capability = read(file);
    let mut granted: Vec<String> = capability["permissions"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|p| p.as_str())
        .filter(|p| !p.contains(':'))
        .map(str::to_owned)
        .collect();
    granted.sort();
    granted
}

fn permissions(commands: &[&str]) -> Vec<String> {
    let mut names: Vec<String> = commands.iter().map(|c| format!("allow-{}", c.replace('_', "-"))).collect();
    names.sort();
    names
}

#[test]
fn each_capability_grants_exactly_its_window_s_commands() {
    assert_eq!(
        commands_granted("capabilities/main-window.json"),
        permissions(op_console_lib::MAIN_COMMANDS),
        "capabilities/main-window.json and src/commands/list.rs disagree"
    );
    assert_eq!(
        commands_granted("capabilities/trusted-window.json"),
        permissions(op_console_lib::TRUSTED_COMMANDS),
        "capabilities/trusted-window.json and src/commands/list.rs disagree"
    );
}

#[test]
fn typed_credentials_are_never_the_main_page_s() {
    // Script in the page that renders server data can neither save credentials (so it
    // cannot make the operator type them again into itself) nor approve a change.
    let main = commands_granted("capabilities/main-window.json");
    for command in op_console_lib::TRUSTED_COMMANDS {
        assert!(!main.contains(&format!("allow-{}", command.replace('_', "-"))), "the main page may call {command}");
    }
    assert!(op_console_lib::TRUSTED_COMMANDS.contains(&"save_requested_credentials"));
    assert!(!op_console_lib::COMMANDS.iter().any(|c| *c == "save_credentials" || *c == "preview_import"));
}

#[test]
fn the_identifier_the_exports_use_is_tauri_s() {
    // `--export-reveals` finds the data folder without Tauri: by the same identifier.
    assert_eq!(read("tauri.conf.json")["identifier"], op_console_lib::IDENTIFIER);
}

/// The repository's build never looks for updates (no release key: the release workflow
/// adds it and the endpoint), and a release installs only a package signed for the version
/// it is announced as.
#[test]
fn updates_need_the_release_key_and_a_signature_for_the_version() {
    let updater = &read("tauri.conf.json")["plugins"]["updater"];
    assert_eq!(updater["pubkey"], "", "the release key comes from the release workflow");
    assert_eq!(updater["endpoints"], serde_json::json!([]));
    assert_eq!(updater["requireSignedVersion"], true);
    for dangerous in [
        "dangerousInsecureTransportProtocol",
        "dangerousAcceptInvalidCerts",
        "dangerousAcceptInvalidHostnames",
        "allowDowngrades",
    ] {
        assert!(updater.get(dangerous).is_none(), "{dangerous}");
    }
    let workflow =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../.github/workflows/release.yml")).unwrap();
    assert!(workflow.contains("secrets.TAURI_SIGNING_PRIVATE_KEY") && workflow.contains("createUpdaterArtifacts"));
}

/// No capability can be added while the console runs: Tauri is built without its
/// `dynamic-acl` feature (`Manager::add_capability`), so the built-in ones are all there is.
#[test]
fn capabilities_cannot_be_added_at_run_time() {
    let manifest =
        std::fs::read_to_string(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("Cargo.toml")).unwrap();
    let tauri: Vec<&str> = manifest.lines().filter(|line| line.starts_with("tauri = ")).collect();
    assert!(!tauri.is_empty());
    for line in tauri {
        assert!(line.contains("default-features = false") && !line.contains("dynamic-acl"), "{line}");
    }
}
