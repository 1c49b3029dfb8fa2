//! The profile store through the console: the demo as the first profile, saving and
//! validating, IT's file, and every change that would move data waiting for the operator.
//! Against op-sim on loopback, with the mock keyring.

use console_core::{
    ApprovalDone, ApprovalRequest, ChangeOutcome, ChangeSource, ConsoleError, CredentialStatus, FlowField, Profile,
    ProfileWarning, SaveOutcome, DEMO_PROFILE_ID,
};
use op_api::sign::{SignRule, SignScheme};
use op_sim::{SimConfig, SimHandle};

mod common;
use common::console::*;
use common::counter;

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

/// A profile of op-sim's with credentials saved, tiles and assets on op-sim, in use.
async fn trusted_setup(s: &Setup, sim: &SimHandle) -> Profile {
    let mut profile = own_profile(sim);
    profile.tiles = Some(console_core::TileLayer {
        url_template: format!("{}/tiles/{{z}}/{{x}}/{{y}}.png", sim.base_url()),
        attribution: String::new(),
        coord_system: console_core::CoordSystem::Wgs84,
    });
    profile.asset_base_url = Some(format!("{}/assets", sim.base_url()));
    save_in_use(s, profile).await
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
