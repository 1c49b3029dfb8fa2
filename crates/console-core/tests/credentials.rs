//! The credential store through the console: the keyring, the rule that a credential goes
//! only to the destination it was saved for (server, proxy and CA), the earlier layout's
//! migration, and the paths that must never carry a token. Against op-sim on loopback, with
//! the mock keyring.

use console_core::{
    ApprovalDone, ApprovalRequest, Console, ConsoleError, CredentialStatus, DesktopRequest, FlowField, Profile,
    ProfileWarning, RequestSource, Vault, DEMO_PROFILE_ID,
};
use op_sim::SimConfig;

mod common;
use common::console::*;
use common::counter;

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
async fn deleting_a_profile_forgets_its_credentials() {
    let s = Setup::new();
    let sim = own_sim().await;
    let id = save_in_use(&s, own_profile(&sim)).await.id;
    s.console.delete_profile(&id).await.unwrap();
    assert!(s.vault.load(&id).unwrap().is_none());
    assert_eq!(s.console.list_profiles().await.unwrap().selected, DEMO_PROFILE_ID);
    assert_eq!(s.console.delete_profile(&id).await.unwrap_err().code(), "profile_not_found");
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
    save_in_use(&s, own_profile(&sim)).await;
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
