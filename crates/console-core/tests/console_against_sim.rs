//! Every console operation (one per Tauri command), success and failure, against op-sim
//! on loopback with the mock keyring.

use std::path::Path;

use console_core::{
    ApprovalDone, ApprovalRequest, ChangeOutcome, ChangeSource, Console, ConsoleError, CredentialStatus,
    DesktopRequest, FlowField, Profile, ProfileView, ProfileWarning, RequestSource, SaveOutcome, Vault,
    DEMO_PROFILE_ID,
};
use op_api::sign::{SignRule, SignScheme};
use op_sim::{SimConfig, SimHandle};

mod common;
use common::counter;

const EXAMPLE_USER: &str = "u00012b2e588bd93843168dfb67ae12cc2ee9";
const TOKEN: &str = "o0001-console-test-token";
const SECRET: &str = "console-test-secret";
const CLIENT: &str = "c0ffee00c0ffee00c0ffee00c0ffee00";

struct Setup {
    dirs: tempfile::TempDir,
    vault: Vault,
    console: Console,
}

impl Setup {
    fn new() -> Self {
        let dirs = tempfile::tempdir().unwrap();
        let vault = Vault::mock();
        let console = Console::open(&dirs.path().join("config"), &dirs.path().join("data"), vault.clone()).unwrap();
        Self { dirs, vault, console }
    }

    /// The same folders and keyring, as after a restart.
    fn reopen(&self) -> Console {
        Console::open(&self.dirs.path().join("config"), &self.dirs.path().join("data"), self.vault.clone()).unwrap()
    }
}

/// An op-sim of the test's own: its own client id, token, secret and sign rule.
async fn own_sim() -> SimHandle {
    common::sim_with(CLIENT, TOKEN, SECRET).await
}

fn own_profile(sim: &SimHandle) -> Profile {
    let mut profile = Profile::new("", "Staging", &sim.base_url(), CLIENT);
    profile.sign_rule = SignRule::preset(SignScheme::Alipay);
    profile.timeout_ms = 700;
    profile
}

/// Saves a profile as Settings would; a save that waits for the operator is approved (the
/// test is the operator in the trusted window).
async fn save(console: &Console, profile: Profile) -> ProfileView {
    let id = profile.id.clone();
    match console.save_profile(profile).await.unwrap() {
        SaveOutcome::Saved { view } => *view,
        SaveOutcome::NeedsApproval { request_id } => {
            console.approve_changes(request_id).await.unwrap();
            let views = console.list_profiles().await.unwrap().profiles;
            views.into_iter().find(|v| v.profile.id == id).unwrap()
        }
    }
}

/// Imports a file as Settings would, the operator approving what the trusted window asks.
async fn import_file(console: &Console, path: &Path) -> usize {
    import_approved(console, &std::fs::read_to_string(path).unwrap()).await
}

async fn import_approved(console: &Console, text: &str) -> usize {
    match console.import_profiles(text, ChangeSource::SettingsImport).await.unwrap() {
        ChangeOutcome::Applied { profiles } => profiles,
        ChangeOutcome::NeedsApproval { request_id } => match console.approve_changes(request_id).await.unwrap() {
            ApprovalDone::Changes { profiles, .. } => profiles,
            other => panic!("{other:?}"),
        },
    }
}

fn files_under(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    if let Ok(entries) = std::fs::read_dir(dir) {
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                out.extend(files_under(&path));
            } else {
                out.push(path);
            }
        }
    }
    out
}

#[tokio::test]
async fn first_run_is_the_demo_and_the_example_user_resolves() {
    let s = Setup::new();
    let profiles = s.console.list_profiles().await.unwrap();
    assert_eq!(profiles.selected, DEMO_PROFILE_ID);
    assert!(profiles.profiles[0].is_demo);
    assert!(profiles.profiles[0].profile.base_url.starts_with("http://127.0.0.1:"));

    let view = s.console.lookup(None, EXAMPLE_USER).await.unwrap().chat;
    assert_eq!(view.profile_id, DEMO_PROFILE_ID);
    assert_eq!(view.chat_id.as_deref(), Some("u0001106268050147246664"));
    assert!(view.operator_is_me);
    assert_eq!(view.status_label.as_deref(), Some("已结束 (demo)"));
    let recent = s.console.recent();
    assert_eq!((recent[0].user_id.as_str(), recent[0].outcome.as_str()), (EXAMPLE_USER, "ok"));
    assert_eq!(
        s.console.credential_status(DEMO_PROFILE_ID).await.unwrap(),
        CredentialStatus { has_token: true, has_secret: true, for_other_server: false }
    );
}

#[tokio::test]
async fn demo_failures_arrive_with_their_codes_and_are_recorded() {
    let s = Setup::new();
    for (user, code) in [
        ("u0001-nochat", "no_chat"),
        ("u0001-apierror", "api"),
        ("u0001-http500", "http_status"),
        ("u0001-nobody", "api"),
    ] {
        let err = s.console.lookup(None, user).await.unwrap_err();
        assert_eq!(err.code(), code, "{user}");
        assert_eq!(s.console.recent()[0].outcome, code);
    }
    let err = s.console.lookup(None, "not valid!").await.unwrap_err();
    assert_eq!(err.code(), "invalid_user_id");
    assert_eq!(s.console.recent().len(), 4, "an invalid ID is not recorded");
    s.console.clear_recent().unwrap();
    assert!(s.console.recent().is_empty());
    assert!(s.reopen().recent().is_empty());
}

#[tokio::test]
async fn a_profile_of_our_own_with_credentials_in_the_keyring() {
    let s = Setup::new();
    let sim = own_sim().await;
    let saved = save(&s.console, own_profile(&sim)).await;
    let id = saved.profile.id.clone();
    assert_eq!(id, "profile-1");
    assert_eq!(saved.warnings, Vec::<ProfileWarning>::new());

    let err = s.console.lookup(Some(&id), EXAMPLE_USER).await.unwrap_err();
    assert_eq!(err.code(), "not_configured");
    assert_eq!(sim.requests_seen(), 0);

    let status = s.console.save_credentials(&id, Some(TOKEN.into()), Some(format!(" {SECRET} "))).await.unwrap();
    assert_eq!(status, CredentialStatus { has_token: true, has_secret: true, for_other_server: false });
    let view = s.console.lookup(Some(&id), EXAMPLE_USER).await.unwrap().chat;
    assert_eq!(view.group_id.as_deref(), Some("106268050147246664"));

    // Neither credential is in any file the console wrote.
    for path in files_under(s.dirs.path()) {
        let text = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(!text.contains(TOKEN) && !text.contains(SECRET), "{} holds a credential", path.display());
    }

    // A wrong token: the server's refusal, with its code.
    s.console.save_credentials(&id, Some("o0001-wrong".into()), None).await.unwrap();
    let err = s.console.lookup(Some(&id), EXAMPLE_USER).await.unwrap_err();
    assert!(
        matches!(err.error(), ConsoleError::Api(op_api::OpError::Api { api_code, .. }) if api_code == "4003"),
        "{err:?}"
    );

    // A slow server: the profile's timeout.
    s.console.save_credentials(&id, Some(TOKEN.into()), None).await.unwrap();
    assert_eq!(s.console.lookup(Some(&id), "u0001-slow").await.unwrap_err().code(), "timeout");

    let status = s.console.forget_credentials(&id).await.unwrap();
    assert_eq!(status, CredentialStatus::default());
    assert_eq!(s.console.lookup(Some(&id), EXAMPLE_USER).await.unwrap_err().code(), "not_configured");
}

#[tokio::test]
async fn selection_profiles_and_credentials_survive_a_restart() {
    let s = Setup::new();
    let sim = own_sim().await;
    let id = save(&s.console, own_profile(&sim)).await.profile.id;
    s.console.save_credentials(&id, Some(TOKEN.into()), Some(SECRET.into())).await.unwrap();
    assert_eq!(s.console.select_profile(&id).await.unwrap().selected, id);
    s.console.lookup(None, EXAMPLE_USER).await.unwrap();
    // A lookup's record is written in the background; the app writes the rest on exit.
    s.console.save_recent().unwrap();

    let again = s.reopen();
    assert_eq!(again.recent()[0].profile_id, id);
    assert_eq!(again.list_profiles().await.unwrap().selected, id);
    assert_eq!(again.lookup(None, EXAMPLE_USER).await.unwrap().chat.profile_id, id);
}

#[tokio::test]
async fn invalid_changes_are_refused_and_change_nothing() {
    let s = Setup::new();
    let sim = own_sim().await;
    let id = save(&s.console, own_profile(&sim)).await.profile.id;
    let file = std::fs::read(s.dirs.path().join("config/profiles.json")).unwrap();

    let mut bad = own_profile(&sim);
    bad.id = id.clone();
    bad.base_url = "not a url".into();
    let err = s.console.save_profile(bad).await.unwrap_err();
    assert_eq!(serde_json::to_value(err.body()).unwrap()["field"], "baseUrl");
    let mut demo = own_profile(&sim);
    demo.id = DEMO_PROFILE_ID.into();
    assert_eq!(s.console.save_profile(demo).await.unwrap_err(), ConsoleError::DemoReadOnly);
    assert_eq!(s.console.select_profile("nope").await.unwrap_err().code(), "profile_not_found");
    assert_eq!(s.console.delete_profile(DEMO_PROFILE_ID).await.unwrap_err().code(), "demo_read_only");
    assert_eq!(s.console.save_credentials(&id, Some("  ".into()), None).await.unwrap_err().code(), "empty_credential");
    assert_eq!(
        s.console.save_credentials(DEMO_PROFILE_ID, Some("t".into()), None).await.unwrap_err().code(),
        "demo_read_only"
    );
    assert_eq!(
        s.console
            .import_profiles("{\"profiles\":[{\"id\":\"x\"}]}", ChangeSource::SettingsImport)
            .await
            .unwrap_err()
            .code(),
        "invalid_import"
    );
    assert_eq!(std::fs::read(s.dirs.path().join("config/profiles.json")).unwrap(), file);
}

#[tokio::test]
async fn plain_http_elsewhere_needs_an_explicit_yes_and_keeps_a_visible_warning() {
    let s = Setup::new();
    let mut profile = Profile::new("lan", "LAN", "http://op.internal.example:8080", CLIENT);
    profile.timeout_ms = 1000;
    let refused = s.console.save_profile(profile.clone()).await.unwrap_err();
    assert_eq!(serde_json::to_value(refused.body()).unwrap()["problem"]["kind"], "insecureHttp");
    profile.allow_insecure_http = true;
    assert_eq!(save(&s.console, profile).await.warnings, vec![ProfileWarning::InsecureBaseUrl]);
    let listed = s.console.list_profiles().await.unwrap();
    assert_eq!(listed.profiles[1].warnings, vec![ProfileWarning::InsecureBaseUrl]);
}

#[tokio::test]
async fn deleting_a_profile_forgets_its_credentials() {
    let s = Setup::new();
    let sim = own_sim().await;
    let id = save(&s.console, own_profile(&sim)).await.profile.id;
    s.console.save_credentials(&id, Some(TOKEN.into()), Some(SECRET.into())).await.unwrap();
    s.console.select_profile(&id).await.unwrap();
    s.console.delete_profile(&id).await.unwrap();
    assert!(s.vault.load(&id).unwrap().is_none());
    assert_eq!(s.console.list_profiles().await.unwrap().selected, DEMO_PROFILE_ID);
    assert_eq!(s.console.delete_profile(&id).await.unwrap_err().code(), "profile_not_found");
}

#[tokio::test]
async fn importing_an_it_profiles_file() {
    let s = Setup::new();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("it.json");
    std::fs::write(
        &path,
        r#"{"selected":"hq","profiles":[{"id":"hq","name":"总部","baseUrl":"https://op.example.com","clientId":"b2736195b38346639463ee889d6b8ff4",
            "signRule":{"scheme":"wechatV2"},"coordSystem":"bd09","statusLabels":{"5":"已结束"}}]}"#,
    )
    .unwrap();
    assert_eq!(import_file(&s.console, &path).await, 1);
    let listed = s.reopen().list_profiles().await.unwrap();
    assert_eq!(listed.selected, "hq");
    assert_eq!(listed.profiles[1].profile.sign_rule, SignRule::preset(SignScheme::WechatV2));
    let err =
        s.console.import_profiles_file(&dir.path().join("missing.json"), ChangeSource::StartUp).await.unwrap_err();
    assert!(err.to_string().contains("cannot read"), "{err}");
}

#[tokio::test]
async fn images_come_only_from_the_selected_profile_s_hosts() {
    let s = Setup::new();
    let demo = s.console.list_profiles().await.unwrap().profiles[0].profile.clone();
    let tile = demo.tiles.unwrap().url_template.replace("{z}", "3").replace("{x}", "6").replace("{y}", "2");
    let image = s.console.image(DEMO_PROFILE_ID, &tile).await.unwrap();
    assert_eq!(image.content_type, "image/png");
    assert!(image.bytes.starts_with(b"\x89PNG"));
    let logo = s
        .console
        .image(DEMO_PROFILE_ID, &format!("{}/635d69a89716478c9c7b7fc5ea948fe5_100.png", demo.asset_base_url.unwrap()))
        .await
        .unwrap();
    assert_eq!(logo.content_type, "image/png");
    let elsewhere = s.console.image(DEMO_PROFILE_ID, "http://127.0.0.1:9/tiles/1/1/1.png").await.unwrap_err();
    assert_eq!(elsewhere.code(), "image_refused");
    // The same host, outside the tile and asset paths: the API itself is not an image source.
    let api =
        s.console.image(DEMO_PROFILE_ID, &format!("{}/op/v2/getChatInfoByUserId", demo.base_url)).await.unwrap_err();
    assert_eq!(api.code(), "image_refused");
}

#[tokio::test]
async fn images_and_lookups_trust_the_profile_s_ca_file() {
    let s = Setup::new();
    let config =
        SimConfig { client_id: CLIENT.into(), token: TOKEN.into(), secret: SECRET.into(), ..SimConfig::demo() };
    let sim = op_sim::spawn_tls(config, 0, op_sim::TlsOptions::default()).await.unwrap();
    let base = sim.server.base_url();
    let mut profile = Profile::new("", "Internal CA", &base, CLIENT);
    profile.asset_base_url = Some(format!("{base}/assets"));
    let id = save(&s.console, profile.clone()).await.profile.id;
    s.console.save_credentials(&id, Some(TOKEN.into()), Some(SECRET.into())).await.unwrap();
    s.console.select_profile(&id).await.unwrap();
    let logo = format!("{base}/assets/635d69a89716478c9c7b7fc5ea948fe5_100.png");

    // Without the CA: the lookup names the cause, the image is not loaded.
    let err = s.console.lookup(None, EXAMPLE_USER).await.unwrap_err();
    assert_eq!(serde_json::to_value(&err.body).unwrap()["cause"], "unknownIssuer", "{err:?}");
    assert_eq!(s.console.image(&id, &logo).await.unwrap_err().code(), "image_failed");

    // With IT's CA file in the profile: both work.
    let ca = s.dirs.path().join("corp-ca.pem");
    std::fs::write(&ca, &sim.ca_pem).unwrap();
    profile.id = id.clone();
    profile.ca_file = Some(ca.display().to_string());
    save(&s.console, profile).await;
    // A CA file is part of the destination: the credentials are entered again for it.
    let err = s.console.lookup(None, EXAMPLE_USER).await.unwrap_err();
    assert_eq!(err.code(), "credentials_for_other_server", "{err:?}");
    s.console.save_credentials(&id, Some(TOKEN.into()), Some(SECRET.into())).await.unwrap();
    let view = s.console.lookup(None, EXAMPLE_USER).await.unwrap().chat;
    assert_eq!(view.chat_id.as_deref(), Some("u0001106268050147246664"));
    assert_eq!(s.console.image(&id, &logo).await.unwrap().content_type, "image/png");
    sim.server.shutdown().await;
}

#[tokio::test]
async fn credentials_go_only_to_the_server_they_were_saved_for() {
    let s = Setup::new();
    let sim = own_sim().await;
    let other = own_sim().await;
    let id = save(&s.console, own_profile(&sim)).await.profile.id;
    s.console.save_credentials(&id, Some(TOKEN.into()), Some(SECRET.into())).await.unwrap();
    s.console.lookup(Some(&id), EXAMPLE_USER).await.unwrap();

    // A profiles file re-points the profile (same id) to another listener.
    let file = serde_json::json!({"profiles": [{"id": id, "name": "Staging", "baseUrl": other.base_url(), "clientId": CLIENT,
        "signRule": {"scheme": "alipay"}}]});
    import_approved(&s.console, &file.to_string()).await;
    let err = s.console.lookup(Some(&id), EXAMPLE_USER).await.unwrap_err();
    assert_eq!(err.code(), "credentials_for_other_server", "{err:?}");
    assert_eq!(other.requests_seen(), 0, "nothing was sent to the new server");
    let status = s.console.credential_status(&id).await.unwrap();
    assert!(status.for_other_server && status.has_token && status.has_secret, "{status:?}");
    // Entering only one of them again is not enough: both were saved for the old server.
    let partial = s.console.save_credentials(&id, Some(TOKEN.into()), None).await.unwrap_err();
    assert_eq!(partial.code(), "credentials_for_other_server");
    // Entered again for the new server: they go there, and only there.
    let status = s.console.save_credentials(&id, Some(TOKEN.into()), Some(SECRET.into())).await.unwrap();
    assert!(!status.for_other_server);
    s.console.lookup(Some(&id), EXAMPLE_USER).await.unwrap();
    assert_eq!(other.requests_seen(), 1);
    // And after a restart, the same.
    assert!(!s.reopen().credential_status(&id).await.unwrap().for_other_server);
}

#[tokio::test]
async fn old_two_entry_credentials_do_not_follow_a_re_point() {
    let dirs = tempfile::tempdir().unwrap();
    let sim = own_sim().await;
    let elsewhere = own_sim().await;
    // An earlier version's state: profiles.json, and the token and secret as two entries.
    let config = dirs.path().join("config");
    std::fs::create_dir_all(&config).unwrap();
    let mut profile = own_profile(&sim);
    profile.id = "prod".into();
    let file = serde_json::json!({"version": 1, "selected": "prod", "profiles": [profile]});
    std::fs::write(config.join("profiles.json"), file.to_string()).unwrap();
    let store: std::sync::Arc<keyring_core::CredentialStore> = keyring_core::mock::Store::new().unwrap();
    for (account, value) in [("prod:token", TOKEN), ("prod:secret", SECRET)] {
        keyring_core::Entry::new_in_store(&store, "op-console", account).unwrap().set_password(value).unwrap();
    }
    let console = Console::open(&config, &dirs.path().join("data"), Vault::with_store(store)).unwrap();

    // An import re-points the profile before any lookup: the preview asks, as for any saved pair.
    let import = serde_json::json!({"profiles": [{"id": "prod", "name": "Staging", "baseUrl": elsewhere.base_url(),
        "clientId": CLIENT, "signRule": {"scheme": "alipay"}}]})
    .to_string();
    let changes = console.preview_import(&import).await.unwrap();
    assert!(changes.profiles[0].credentials_unusable, "the old entries count as saved: {changes:?}");
    import_approved(&console, &import).await;
    let err = console.lookup(Some("prod"), EXAMPLE_USER).await.unwrap_err();
    assert_eq!(err.code(), "credentials_for_other_server", "{err:?}");
    assert_eq!(elsewhere.requests_seen(), 0, "the token and sign did not reach the new host");
    assert!(console.credential_status("prod").await.unwrap().for_other_server, "Settings does not show them as usable");
    assert_eq!(sim.requests_seen(), 0);
}

#[tokio::test]
async fn a_new_proxy_or_ca_file_is_a_new_destination() {
    let s = Setup::new();
    let sim = own_sim().await;
    let mut profile = own_profile(&sim);
    profile.proxy = op_api::ProxyMode::None;
    let id = save(&s.console, profile.clone()).await.profile.id;
    profile.id = id.clone();
    s.console.save_credentials(&id, Some(TOKEN.into()), Some(SECRET.into())).await.unwrap();
    s.console.lookup(Some(&id), EXAMPLE_USER).await.unwrap();

    // An attacker's proxy (plain http to this machine: the whole request line would reach it).
    let proxy = counter();
    let mut proxied = profile.clone();
    proxied.proxy = op_api::ProxyMode::Url { url: proxy.url.clone() };
    proxied.allow_insecure_http = true;
    let import = serde_json::json!({"profiles": [proxied]}).to_string();
    let changes = s.console.preview_import(&import).await.unwrap();
    assert_eq!(changes.profiles.len(), 1, "the import asks first: {changes:?}");
    let proxy_change = changes.profiles[0].fields.iter().find(|f| f.field == FlowField::Proxy).unwrap();
    assert_eq!(proxy_change.to.as_deref(), Some(proxy.url.as_str()), "{changes:?}");
    assert!(changes.profiles[0].credentials_unusable);
    save(&s.console, proxied).await;
    let err = s.console.lookup(Some(&id), EXAMPLE_USER).await.unwrap_err();
    assert_eq!(err.code(), "credentials_for_other_server", "{err:?}");
    assert_eq!(proxy.connections(), 0, "nothing reached the proxy");

    // Back to no proxy, then a CA file added: the same refusal, nothing sent.
    save(&s.console, profile.clone()).await;
    s.console.lookup(Some(&id), EXAMPLE_USER).await.unwrap();
    let ca = s.dirs.path().join("ca.pem");
    let tls = op_sim::spawn_tls(SimConfig::demo(), 0, op_sim::TlsOptions::default()).await.unwrap();
    std::fs::write(&ca, &tls.ca_pem).unwrap();
    let mut with_ca = profile.clone();
    with_ca.ca_file = Some(ca.display().to_string());
    save(&s.console, with_ca).await;
    let before = sim.requests_seen();
    let err = s.console.lookup(Some(&id), EXAMPLE_USER).await.unwrap_err();
    assert_eq!(err.code(), "credentials_for_other_server", "{err:?}");
    assert_eq!(sim.requests_seen(), before);
}

#[tokio::test]
async fn plain_http_through_a_proxy_is_insecure() {
    let s = Setup::new();
    let mut profile = Profile::new("", "Via proxy", "http://127.0.0.1:9", CLIENT);
    profile.proxy = op_api::ProxyMode::Url { url: "http://127.0.0.1:3128".into() };
    let err = s.console.save_profile(profile.clone()).await.unwrap_err();
    assert_eq!(serde_json::to_value(err.body()).unwrap()["problem"]["kind"], "insecureHttp", "{err:?}");
    profile.allow_insecure_http = true;
    let saved = save(&s.console, profile.clone()).await;
    assert_eq!(saved.warnings, vec![ProfileWarning::InsecureBaseUrl]);
    // A proxy password belongs in no file.
    profile.proxy = op_api::ProxyMode::Url { url: "http://user:pass@127.0.0.1:3128".into() };
    let err = s.console.save_profile(profile).await.unwrap_err();
    assert_eq!(serde_json::to_value(err.body()).unwrap()["problem"]["problem"]["kind"], "userInfo", "{err:?}");
}

#[tokio::test]
async fn the_hotkey_never_looks_up_a_saved_token() {
    let s = Setup::new();
    let sim = own_sim().await;
    let id = save(&s.console, own_profile(&sim)).await.profile.id;
    s.console.save_credentials(&id, Some(TOKEN.into()), Some(SECRET.into())).await.unwrap();
    s.console.select_profile(&id).await.unwrap();
    // A fresh start: nothing read from the keyring yet; the check reads it.
    let console = s.reopen();
    for clipboard in [TOKEN.to_owned(), format!("我的令牌 {TOKEN} 别外传"), SECRET.to_owned()] {
        let request = console.clipboard_request(Some(&clipboard), RequestSource::Hotkey).await;
        assert_eq!(request, DesktopRequest::ClipboardHoldsCredential, "{clipboard}");
    }
    // Typed or pasted into the search: refused, not sent, not recorded.
    for typed in [TOKEN, SECRET] {
        let err = console.lookup(None, typed).await.unwrap_err();
        assert_eq!(err.error(), &ConsoleError::UserIdIsCredential);
    }
    assert_eq!(sim.requests_seen(), 0);
    console.save_recent().unwrap();
    assert!(console.recent().is_empty(), "{:?}", console.recent());
    for path in files_under(s.dirs.path()) {
        let text = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(!text.contains(TOKEN) && !text.contains(SECRET), "{} holds a credential", path.display());
    }
    // An ordinary ID on the clipboard still looks up.
    let request = console.clipboard_request(Some(EXAMPLE_USER), RequestSource::Hotkey).await;
    assert!(matches!(request, DesktopRequest::Lookup { .. }), "{request:?}");
}

#[tokio::test]
async fn a_lookup_the_console_starts_for_is_prepared_without_sending_anything() {
    let s = Setup::new();
    let sim = own_sim().await;
    let id = save(&s.console, own_profile(&sim)).await.profile.id;
    s.console.save_credentials(&id, Some(TOKEN.into()), Some(SECRET.into())).await.unwrap();
    s.console.select_profile(&id).await.unwrap();

    // A link naming another profile: nothing of the profile in use is read for it.
    let console = s.reopen();
    console.prepare_lookup(Some("another")).await;
    s.vault.delete(&id).unwrap();
    let err = console.lookup(None, EXAMPLE_USER).await.unwrap_err();
    assert!(
        matches!(
            err.error(),
            ConsoleError::Api(op_api::OpError::NotConfigured { problem: op_api::ConfigProblem::NoCredentials })
        ),
        "{err:?}"
    );

    // A link or --lookup for the profile in use: its credentials are read ahead, nothing sent.
    s.console.save_credentials(&id, Some(TOKEN.into()), Some(SECRET.into())).await.unwrap();
    let console = s.reopen();
    let sent = sim.requests_seen();
    console.prepare_lookup(None).await;
    assert_eq!(sim.requests_seen(), sent, "preparing sends nothing");
    // Gone from the keyring since: the lookup has what was read ahead.
    s.vault.delete(&id).unwrap();
    let reply = console.lookup(None, EXAMPLE_USER).await.unwrap();
    assert_eq!(reply.chat.user.unwrap().user_id.as_deref(), Some(EXAMPLE_USER));
    assert_eq!(sim.requests_seen(), sent + 1);
}

#[tokio::test]
async fn each_lookup_keeps_its_own_raw_answer() {
    // A later lookup (Settings' test, a hotkey, a link) no longer replaces the answer under
    // an earlier error: each is kept by its lookup's ID.
    let s = Setup::new();
    let failed = s.console.lookup(None, "u0001-apierror").await.unwrap_err();
    let first = failed.lookup_id.expect("an answer arrived, so the lookup has an ID");
    assert!(failed.body.has_raw_answer);
    assert_eq!(failed.recent[0].user_id, "u0001-apierror", "a failure carries the recent list");
    let later = s.console.lookup(None, EXAMPLE_USER).await.unwrap();
    assert_ne!(later.lookup_id, first);
    assert!(s.console.raw_answer(first).unwrap().contains("5001"));
    assert!(s.console.raw_answer(later.lookup_id).unwrap().contains("u0001106268050147246664"));
    assert_eq!(s.console.raw_answer(9999), None);
}

#[tokio::test]
async fn phone_numbers_reach_the_page_only_when_revealed() {
    let s = Setup::new();
    let reply = s.console.lookup(None, "u0001-rich").await.unwrap();
    let page = serde_json::to_string(&reply).unwrap();
    assert!(!page.contains("13812345678") && !page.contains("13900001111"), "{page}");
    let phone = reply.chat.user.as_ref().unwrap().phone.clone().unwrap();
    assert_eq!(phone.masked, "138****5678");
    assert_eq!(s.console.reveal_phone(reply.lookup_id, phone.field, None).await.unwrap(), "13812345678");
    let contact = console_core::PhoneField::Contact { index: 1 };
    assert_eq!(s.console.reveal_phone(reply.lookup_id, contact, None).await.unwrap(), "021-55550000");
    // The raw view masks them too.
    let raw = s.console.raw_answer(reply.lookup_id).unwrap();
    assert!(!raw.contains("13812345678") && raw.contains("138****5678"), "{raw}");
    assert_eq!(s.console.reveal_phone(9999, phone.field, None).await.unwrap_err().code(), "lookup_gone");
}

/// A profile of op-sim's with credentials saved, tiles and assets on op-sim, in use.
async fn trusted_setup(s: &Setup, sim: &SimHandle) -> Profile {
    let mut profile = own_profile(sim);
    profile.tiles = Some(console_core::TileLayer {
        url_template: format!("{}/tiles/{{z}}/{{x}}/{{y}}.png", sim.base_url()),
        attribution: String::new(),
        coord_system: console_core::CoordSystem::Wgs84,
    });
    profile.asset_base_url = Some(format!("{}/assets", sim.base_url()));
    let profile = save(&s.console, profile).await.profile;
    s.console.save_credentials(&profile.id, Some(TOKEN.into()), Some(SECRET.into())).await.unwrap();
    s.console.select_profile(&profile.id).await.unwrap();
    profile
}

#[tokio::test]
async fn an_import_lists_every_place_data_would_go_and_changes_nothing_until_approved() {
    let s = Setup::new();
    let sim = own_sim().await;
    let profile = trusted_setup(&s, &sim).await;
    let evil = counter();
    let ca = s.dirs.path().join("evil-ca.pem");
    std::fs::write(&ca, op_sim::spawn_tls(SimConfig::demo(), 0, op_sim::TlsOptions::default()).await.unwrap().ca_pem)
        .unwrap();
    let mut moved = profile.clone();
    moved.tiles.as_mut().unwrap().url_template = format!("{}/osm/{{z}}/{{x}}/{{y}}.png", evil.url);
    moved.asset_base_url = Some(format!("{}/img", evil.url));
    moved.proxy = op_api::ProxyMode::Url { url: evil.url.clone() };
    moved.allow_insecure_http = true;
    moved.ca_file = Some(ca.display().to_string());
    let mut look_alike = own_profile(&sim);
    look_alike.id = "staging-2".into();
    look_alike.name = "Stаging".into(); // a Cyrillic а
    let file = serde_json::json!({"selected": "staging-2", "profiles": [moved, look_alike]}).to_string();

    let request_id = match s.console.import_profiles(&file, ChangeSource::SettingsImport).await.unwrap() {
        ChangeOutcome::NeedsApproval { request_id } => request_id,
        other => panic!("applied without asking: {other:?}"),
    };
    let Some(ApprovalRequest::Changes { changes, source, .. }) = s.console.approval_request().await else {
        panic!("the trusted window has nothing to ask")
    };
    assert_eq!(source, ChangeSource::SettingsImport);
    let fields: Vec<FlowField> = changes.profiles[0].fields.iter().map(|f| f.field).collect();
    assert_eq!(fields, [FlowField::Proxy, FlowField::CaFile, FlowField::Tiles, FlowField::Assets]);
    assert!(changes.profiles[0].credentials_unusable);
    assert!(changes.profiles[1].added);
    assert_eq!(changes.profiles[1].looks_like.as_deref(), Some("Staging"));
    assert_eq!(changes.selected.as_ref().map(|c| c.to.as_str()), Some("Stаging"));

    // Until the operator says yes, nothing changed: lookups and tiles go where they went.
    s.console.lookup(None, EXAMPLE_USER).await.unwrap();
    let tile = format!("{}/osm/1/1/1.png", evil.url);
    assert_eq!(s.console.image(&profile.id, &tile).await.unwrap_err().code(), "image_refused");
    assert_eq!(evil.connections(), 0);
    // A no keeps it so; a yes makes the change.
    assert!(matches!(s.console.decline(request_id).await, Some(ApprovalDone::Changes { applied: false, .. })));
    assert_eq!(s.console.list_profiles().await.unwrap().selected, profile.id);
    let again = s.console.import_profiles(&file, ChangeSource::SettingsImport).await.unwrap();
    let ChangeOutcome::NeedsApproval { request_id } = again else { panic!("{again:?}") };
    s.console.approve_changes(request_id).await.unwrap();
    assert_eq!(s.console.list_profiles().await.unwrap().selected, "staging-2");
}

#[tokio::test]
async fn every_import_path_waits_for_the_operator() {
    let s = Setup::new();
    let sim = own_sim().await;
    let profile = trusted_setup(&s, &sim).await;
    let mut moved = profile.clone();
    moved.base_url = counter().url;
    moved.allow_insecure_http = true;
    let path = s.dirs.path().join("it.json");
    std::fs::write(&path, serde_json::json!({"profiles": [moved]}).to_string()).unwrap();
    for source in [ChangeSource::StartUp, ChangeSource::SecondLaunch, ChangeSource::SettingsImport] {
        let outcome = s.console.import_profiles_file(&path, source).await.unwrap();
        assert!(matches!(outcome, ChangeOutcome::NeedsApproval { .. }), "{source:?}: {outcome:?}");
        let asked = s.console.approval_request().await;
        assert!(matches!(asked, Some(ApprovalRequest::Changes { source: asked, .. }) if asked == source));
    }
    assert_eq!(s.console.list_profiles().await.unwrap().profiles[1].profile.base_url, profile.base_url);
    // A file that moves nothing (IT's file at every start) is applied without a question.
    std::fs::write(&path, serde_json::json!({"profiles": [profile]}).to_string()).unwrap();
    let same = s.console.import_profiles_file(&path, ChangeSource::StartUp).await.unwrap();
    assert_eq!(same, ChangeOutcome::Applied { profiles: 1 });
}

#[tokio::test]
async fn a_page_cannot_move_tile_or_asset_hosts_without_the_operator() {
    let s = Setup::new();
    let sim = own_sim().await;
    let profile = trusted_setup(&s, &sim).await;
    let evil = counter();
    let mut moved = profile.clone();
    moved.asset_base_url = Some(format!("{}/img", evil.url));
    let outcome = s.console.save_profile(moved).await.unwrap();
    let SaveOutcome::NeedsApproval { request_id } = outcome else { panic!("saved without asking: {outcome:?}") };
    let logo = format!("{}/img/a.png", evil.url);
    assert_eq!(s.console.image(&profile.id, &logo).await.unwrap_err().code(), "image_refused");
    assert_eq!(evil.connections(), 0, "no request reached the new host");
    // Other changes save at once.
    let mut renamed = profile.clone();
    renamed.name = "Staging (EU)".into();
    assert!(matches!(s.console.save_profile(renamed).await.unwrap(), SaveOutcome::Saved { .. }));
    // The waiting change is now another one than the operator would see: refused.
    assert_eq!(s.console.approve_changes(request_id).await.unwrap_err(), ConsoleError::ApprovalOutdated);
    assert_eq!(s.console.approve_changes(request_id).await.unwrap_err(), ConsoleError::ApprovalOutdated);
}

#[tokio::test]
async fn typed_credentials_are_saved_only_for_the_profile_the_window_was_opened_for() {
    let s = Setup::new();
    let sim = own_sim().await;
    let profile = save(&s.console, own_profile(&sim)).await.profile;
    let request_id = s.console.request_credentials(&profile.id).unwrap();
    let Some(ApprovalRequest::Credentials { profile_id, flows, .. }) = s.console.approval_request().await else {
        panic!("nothing to ask")
    };
    assert_eq!(profile_id, profile.id);
    assert_eq!(flows[0].value.as_deref(), Some(sim.base_url().as_str()), "the window says where they will go");
    let stale = s.console.save_requested_credentials(request_id + 1, Some(TOKEN.into()), Some(SECRET.into())).await;
    assert_eq!(stale.unwrap_err(), ConsoleError::ApprovalOutdated);
    let done = s.console.save_requested_credentials(request_id, Some(TOKEN.into()), Some(SECRET.into())).await.unwrap();
    assert!(
        matches!(done, ApprovalDone::Credentials { ref profile_id, status } if *profile_id == profile.id && status.has_token)
    );
    assert!(s.console.approval_request().await.is_none(), "answered");
    s.console.lookup(Some(&profile.id), EXAMPLE_USER).await.unwrap();
}

#[tokio::test]
async fn every_reveal_is_journaled_without_the_number_and_a_reason_is_asked_when_the_rules_say() {
    let s = Setup::new();
    let reply = s.console.lookup(None, "u0001-rich").await.unwrap();
    let phone = reply.chat.user.as_ref().unwrap().phone.clone().unwrap();
    s.console.reveal_phone(reply.lookup_id, phone.field, None).await.unwrap();
    let contact = console_core::PhoneField::Contact { index: 1 };
    s.console.reveal_phone(reply.lookup_id, contact, Some("  客户来电\n核对 ")).await.unwrap();
    let journal = s.dirs.path().join("data").join(console_core::reveals::REVEALS_FILE_NAME);
    let text = std::fs::read_to_string(&journal).unwrap();
    assert!(!text.contains("13812345678") && !text.contains("021-55550000") && !text.contains("5678"), "{text}");
    let json = console_core::reveals::export_reveals(&journal, console_core::reveals::ExportFormat::Json).unwrap();
    let entries: Vec<serde_json::Value> = serde_json::from_str(&json).unwrap();
    let seen: Vec<(&str, &str, &str, Option<&str>)> = entries
        .iter()
        .map(|e| {
            (
                e["profileId"].as_str().unwrap(),
                e["userId"].as_str().unwrap(),
                e["field"].as_str().unwrap(),
                e["reason"].as_str(),
            )
        })
        .collect();
    assert_eq!(
        seen,
        [("demo", "u0001-rich", "user", None), ("demo", "u0001-rich", "contact-1", Some("客户来电 核对"))]
    );
    // A reveal of a lookup no longer kept writes nothing.
    assert!(s.console.reveal_phone(9999, phone.field, None).await.is_err());
    assert_eq!(std::fs::read_to_string(&journal).unwrap().lines().count(), 2);

    // The operator (or IT) asks for a reason: none, no number and no line.
    let mut settings = s.console.desktop_settings();
    settings.reveal_reason = Some(true);
    s.console.save_desktop_settings(settings).unwrap();
    for reason in [None, Some("   ")] {
        let err = s.console.reveal_phone(reply.lookup_id, phone.field, reason).await.unwrap_err();
        assert_eq!(err, ConsoleError::RevealReasonRequired);
    }
    assert_eq!(std::fs::read_to_string(&journal).unwrap().lines().count(), 2);
    s.console.reveal_phone(reply.lookup_id, phone.field, Some("回访")).await.unwrap();
    assert_eq!(std::fs::read_to_string(&journal).unwrap().lines().count(), 3);
}

#[tokio::test]
async fn a_reveal_that_cannot_be_journaled_is_refused() {
    let s = Setup::new();
    let reply = s.console.lookup(None, "u0001-rich").await.unwrap();
    let phone = reply.chat.user.as_ref().unwrap().phone.clone().unwrap();
    // A folder where the journal should be: it cannot be appended to.
    std::fs::create_dir(s.dirs.path().join("data").join(console_core::reveals::REVEALS_FILE_NAME)).unwrap();
    let err = s.console.reveal_phone(reply.lookup_id, phone.field, None).await.unwrap_err();
    assert_eq!(err.code(), "storage");
}

#[tokio::test]
async fn at_district_precision_the_point_stays_in_the_backend_until_revealed() {
    let s = Setup::new();
    let mut settings = s.console.desktop_settings();
    settings.location_precision = Some(console_core::policy::LocationPrecision::District);
    s.console.save_desktop_settings(settings).unwrap();
    let reply = s.console.lookup(None, EXAMPLE_USER).await.unwrap();
    let page = serde_json::to_string(&reply).unwrap();
    let location = reply.chat.location.clone().unwrap();
    assert_eq!(location.address.as_deref(), Some("北京市海淀区"));
    assert!(location.point_held && location.lat.is_none() && location.lng.is_none() && location.tiles.is_none());
    assert!(!page.contains("小清河路") && !page.contains("40.02248") && !page.contains("116.2986"), "{page}");
    assert_eq!(s.console.raw_answer(reply.lookup_id), None, "the raw answer holds the point");
    assert!(!s.console.data_rules().raw_answer);

    let exact = s.console.reveal_location(reply.lookup_id, None).await.unwrap();
    assert_eq!(exact.address.as_deref(), Some("北京市海淀区小清河路"));
    assert_eq!((exact.lat, exact.lng), (Some(40.02248), Some(116.2986)));
    assert!(!exact.point_held);
    let journal = s.dirs.path().join("data").join(console_core::reveals::REVEALS_FILE_NAME);
    let text = std::fs::read_to_string(&journal).unwrap();
    assert!(text.contains("\"field\":\"location\"") && !text.contains("40.02") && !text.contains("小清河路"), "{text}");

    // At exact precision nothing is held back, and there is nothing to reveal.
    let mut settings = s.console.desktop_settings();
    settings.location_precision = Some(console_core::policy::LocationPrecision::Exact);
    s.console.save_desktop_settings(settings).unwrap();
    let reply = s.console.lookup(None, EXAMPLE_USER).await.unwrap();
    assert!(!reply.chat.location.as_ref().unwrap().point_held);
    assert_eq!(s.console.reveal_location(reply.lookup_id, None).await.unwrap_err().code(), "lookup_gone");
}
