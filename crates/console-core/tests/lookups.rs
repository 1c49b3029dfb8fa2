//! Lookups through the console: answers and failures with their codes, each lookup's raw
//! answer by its ID, images by the result's profile, numbers and exact locations kept in the
//! backend until revealed, and the reveal journal. Against op-sim on loopback, with the mock
//! keyring.

use console_core::{ConsoleError, Profile, DEMO_PROFILE_ID};
use op_sim::SimConfig;

mod common;
use common::console::*;

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

/// A result's images are its profile's: after a switch, the answer still on screen loads
/// its logo from its own profile's hosts, and the newly selected profile cannot load it.
#[tokio::test]
async fn an_image_is_checked_against_the_profile_it_is_asked_for_not_the_selected_one() {
    let s = Setup::new();
    let demo = s.console.list_profiles().await.unwrap().profiles[0].profile.clone();
    let logo = format!("{}/635d69a89716478c9c7b7fc5ea948fe5_100.png", demo.asset_base_url.unwrap());
    let other = save(&s.console, Profile::new("", "Elsewhere", "http://127.0.0.1:9", CLIENT)).await.profile.id;
    s.console.select_profile(&other).await.unwrap();
    assert_eq!(s.console.image(DEMO_PROFILE_ID, &logo).await.unwrap().content_type, "image/png");
    assert_eq!(s.console.image(&other, &logo).await.unwrap_err().code(), "image_refused");
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

    // IT's file replaced by one that holds no certificate: the CA file's problem, said as
    // such (not "cannot be read"), and nothing sent.
    let sent = sim.server.requests_seen();
    std::fs::write(&ca, "not a certificate").unwrap();
    let err = s.console.lookup(None, EXAMPLE_USER).await.unwrap_err();
    let body = serde_json::to_value(&err.body).unwrap();
    assert_eq!(body["code"], "invalid_profile", "{body}");
    assert_eq!(
        (body["field"].as_str(), body["problem"]["kind"].as_str()),
        (Some("caFile"), Some("caFileNoCertificate"))
    );
    // Gone: the file is named.
    std::fs::remove_file(&ca).unwrap();
    let body = serde_json::to_value(&s.console.lookup(None, EXAMPLE_USER).await.unwrap_err().body).unwrap();
    assert_eq!(body["code"], "not_configured", "{body}");
    assert_eq!(body["problem"]["path"].as_str(), ca.to_str());
    // Credentials entered meanwhile are bound to nothing: the same sentence, not "the
    // server address is not a URL" (the address is fine).
    let err = s.console.save_credentials(&id, Some(TOKEN.into()), Some(SECRET.into())).await.unwrap_err();
    let body = serde_json::to_value(err.body()).unwrap();
    assert_eq!(
        (body["code"].as_str(), body["problem"]["path"].as_str()),
        (Some("not_configured"), ca.to_str()),
        "{body}"
    );
    assert_eq!(sim.server.requests_seen(), sent, "nothing was sent");
    sim.server.shutdown().await;
}

#[tokio::test]
async fn a_lookup_the_console_starts_for_is_begun_and_the_page_s_call_takes_its_answer() {
    let s = Setup::new();
    let sim = own_sim().await;
    let id = save_in_use(&s, own_profile(&sim)).await.id;

    // A link naming another profile: nothing of the profile in use is read or sent for it.
    let console = s.reopen();
    let sent = sim.requests_seen();
    console.begin_lookup(Some("another"), EXAMPLE_USER).await;
    assert_eq!(sim.requests_seen(), sent, "nothing sent for a link to another profile");
    s.vault.delete(&id).unwrap();
    let err = console.lookup(None, EXAMPLE_USER).await.unwrap_err();
    assert!(
        matches!(
            err.error(),
            ConsoleError::Api(op_api::OpError::NotConfigured { problem: op_api::ConfigProblem::NoCredentials })
        ),
        "{err:?}"
    );

    // A link or --lookup for the profile in use: sent once, as the console starts; the
    // page's call a moment later takes that answer.
    s.console.save_credentials(&id, Some(TOKEN.into()), Some(SECRET.into())).await.unwrap();
    let console = s.reopen();
    let sent = sim.requests_seen();
    console.begin_lookup(None, EXAMPLE_USER).await;
    assert_eq!(sim.requests_seen(), sent + 1);
    let reply = console.lookup(None, &format!(" {EXAMPLE_USER} ")).await.unwrap();
    assert_eq!(reply.chat.user.unwrap().user_id.as_deref(), Some(EXAMPLE_USER));
    assert_eq!(sim.requests_seen(), sent + 1, "the page's call took the begun lookup's answer");
    assert_eq!(console.recent()[0].outcome, "ok", "recorded as the lookup it is");
    assert!(console.raw_answer(reply.lookup_id).is_some(), "kept under its own lookup ID");

    // Taken once: the next call asks the server again; a call for another user does not
    // take a begun lookup.
    console.lookup(None, EXAMPLE_USER).await.unwrap();
    assert_eq!(sim.requests_seen(), sent + 2);
    console.begin_lookup(Some(&id), EXAMPLE_USER).await;
    console.lookup(None, "u0001-rich").await.unwrap();
    assert_eq!(sim.requests_seen(), sent + 4);

    // Made with the credentials before: credentials saved since ask the server again.
    console.begin_lookup(None, EXAMPLE_USER).await;
    console.save_credentials(&id, Some(TOKEN.into()), Some(SECRET.into())).await.unwrap();
    console.lookup(None, EXAMPLE_USER).await.unwrap();
    assert_eq!(sim.requests_seen(), sent + 6);

    // Made with the profile as it was: a profile changed since asks again.
    console.begin_lookup(None, EXAMPLE_USER).await;
    let mut changed =
        console.list_profiles().await.unwrap().profiles.into_iter().find(|p| p.profile.id == id).unwrap().profile;
    changed.timeout_ms += 1000;
    save(&console, changed).await;
    console.lookup(None, EXAMPLE_USER).await.unwrap();
    assert_eq!(sim.requests_seen(), sent + 8);

    // A failure is not kept: the page's call asks again.
    console.begin_lookup(None, "u0001-apierror").await;
    let sent = sim.requests_seen();
    console.lookup(None, "u0001-apierror").await.unwrap_err();
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
