//! IT's policy against every path that could change what it decides: Settings' commands,
//! imports by each route, links and the hotkey (a lookup by profile), and the commands a
//! compromised page could call. Each lock must be refused with its reason, and nothing may
//! reach a host outside the allowed list (a loopback listener counts the attempts).

use console_core::policy::{Policy, PolicyKey, PolicyLevel, PolicyProblem};
use console_core::{
    ChangeOutcome, ChangeSource, Console, ConsoleError, DesktopSettings, PhoneField, Profile, RequestSource,
    SaveOutcome, Vault, DEMO_PROFILE_ID,
};
use op_api::sign::{SignRule, SignScheme};
use op_api::ProxyMode;
use op_sim::SimHandle;

mod common;
use common::counter;
use serde_json::{json, Value};

const TOKEN: &str = "o0001-policy-test-token";
const SECRET: &str = "policy-test-secret";
const CLIENT: &str = "c0ffee00c0ffee00c0ffee00c0ffee00";
const EXAMPLE_USER: &str = "u00012b2e588bd93843168dfb67ae12cc2ee9";

struct Setup {
    dirs: tempfile::TempDir,
    vault: Vault,
}

impl Setup {
    fn new() -> Self {
        Self { dirs: tempfile::tempdir().unwrap(), vault: Vault::mock() }
    }

    /// `profile` saved with credentials and in use before any policy (an earlier start's state).
    async fn saved_before_the_policy(&self, profile: Profile) {
        let console = self.open(&json!({}));
        let id = profile.id.clone();
        if let SaveOutcome::NeedsApproval { request_id } = console.save_profile(profile).await.unwrap() {
            console.approve_changes(request_id).await.unwrap();
        }
        console.save_credentials(&id, Some(TOKEN.into()), Some(SECRET.into())).await.unwrap();
        console.select_profile(&id).await.unwrap();
    }

    /// The console as it starts under `policy` (the same folders and keyring each time).
    fn open(&self, policy: &Value) -> Console {
        let path = self.dirs.path().join("policy.json");
        let policy = Policy::from_text(&path, &policy.to_string());
        let (config, data) = (self.dirs.path().join("config"), self.dirs.path().join("data"));
        Console::open_with_policy(&config, &data, self.vault.clone(), policy).unwrap()
    }
}

async fn sim() -> SimHandle {
    common::sim_with(CLIENT, TOKEN, SECRET).await
}

fn host_of(base_url: &str) -> String {
    base_url.trim_start_matches("http://").to_owned()
}

fn profile_json(id: &str, name: &str, base_url: &str) -> Value {
    json!({"id": id, "name": name, "baseUrl": base_url, "clientId": CLIENT, "signRule": {"scheme": "alipay"}})
}

fn own(id: &str, name: &str, base_url: &str) -> Profile {
    let mut profile = Profile::new(id, name, base_url, CLIENT);
    profile.sign_rule = SignRule::preset(SignScheme::Alipay);
    profile
}

fn locked(key: PolicyKey) -> ConsoleError {
    ConsoleError::PolicyLocked { key }
}

async fn import(console: &Console, text: &str, source: ChangeSource) -> Result<ChangeOutcome, ConsoleError> {
    console.import_profiles(text, source).await
}

const EVERY_IMPORT_ROUTE: [ChangeSource; 3] =
    [ChangeSource::SettingsImport, ChangeSource::StartUp, ChangeSource::SecondLaunch];

#[tokio::test]
async fn a_managed_profile_can_be_used_with_the_operator_s_credentials_and_not_changed() {
    let s = Setup::new();
    let sim = sim().await;
    let elsewhere = counter();
    let policy = json!({"managedProfiles": [profile_json("prod", "Production", &sim.base_url())]});
    let console = s.open(&policy);

    let view = console.list_profiles().await.unwrap();
    let prod = view.profiles.iter().find(|p| p.profile.id == "prod").unwrap();
    assert!(prod.managed && !prod.is_demo);

    // Its own credentials, then a lookup: allowed.
    console.save_credentials("prod", Some(TOKEN.into()), Some(SECRET.into())).await.unwrap();
    console.select_profile("prod").await.unwrap();
    console.lookup(None, EXAMPLE_USER).await.unwrap();
    assert_eq!(sim.requests_seen(), 1);

    // Re-pointed, renamed, deleted, shadowed: refused, whichever path asks.
    let mut repointed = own("prod", "Production", &elsewhere.url);
    assert_eq!(console.save_profile(repointed.clone()).await.unwrap_err(), locked(PolicyKey::ManagedProfiles));
    repointed.base_url = sim.base_url();
    repointed.name = "Mine now".into();
    assert_eq!(console.save_profile(repointed).await.unwrap_err(), locked(PolicyKey::ManagedProfiles));
    assert_eq!(console.delete_profile("prod").await.unwrap_err(), locked(PolicyKey::ManagedProfiles));
    // A new profile named like it (another id, a look-alike name) would pass for it.
    let look_alike = own("", "Prоduction", &elsewhere.url);
    assert_eq!(console.save_profile(look_alike).await.unwrap_err(), locked(PolicyKey::ManagedProfiles));
    for source in EVERY_IMPORT_ROUTE {
        let file = json!({"profiles": [profile_json("prod", "Production", &elsewhere.url)]}).to_string();
        assert_eq!(
            import(&console, &file, source).await.unwrap_err(),
            locked(PolicyKey::ManagedProfiles),
            "{source:?}"
        );
    }
    assert_eq!(console.approval_request().await, None, "nothing waits for a yes");

    // After all that, it still runs where IT said.
    console.lookup(Some("prod"), EXAMPLE_USER).await.unwrap();
    assert_eq!((sim.requests_seen(), elsewhere.connections()), (2, 0));
}

#[tokio::test]
async fn a_policy_that_moves_a_managed_profile_leaves_its_credentials_unused() {
    let s = Setup::new();
    let sim = sim().await;
    let elsewhere = counter();
    let console = s.open(&json!({"managedProfiles": [profile_json("prod", "Production", &sim.base_url())]}));
    console.save_credentials("prod", Some(TOKEN.into()), Some(SECRET.into())).await.unwrap();
    drop(console);
    // IT moves it: the next start sends the operator's token nowhere.
    let console = s.open(&json!({"managedProfiles": [profile_json("prod", "Production", &elsewhere.url)]}));
    assert!(console.credential_status("prod").await.unwrap().for_other_server);
    let err = console.lookup(Some("prod"), EXAMPLE_USER).await.unwrap_err();
    assert_eq!(err.error().code(), "credentials_for_other_server", "{:?}", err.error());
    assert_eq!(elsewhere.connections(), 0);
}

#[tokio::test]
async fn nothing_goes_to_a_host_outside_the_allowed_list_by_any_path() {
    let s = Setup::new();
    let sim = sim().await;
    let outside = counter();
    // Saved before the policy came: an own profile pointing outside, with credentials, in use.
    s.saved_before_the_policy(own("old", "Old", &outside.url)).await;

    let allowed = json!({"mandatory": {"allowedHosts": [host_of(&sim.base_url())]}});
    let console = s.open(&allowed);
    let refused = ConsoleError::HostNotAllowed { host: "127.0.0.1".into() };
    // The profile that was in use is not offered; the console is back on the demo.
    let view = console.list_profiles().await.unwrap();
    assert!(!view.profiles.iter().any(|p| p.profile.id == "old"));
    assert_eq!(view.selected, DEMO_PROFILE_ID);
    // A link or a lookup naming it, the hotkey, selecting it: none of them sends.
    assert_eq!(console.lookup(Some("old"), EXAMPLE_USER).await.unwrap_err().error(), &refused);
    let hotkey = console.clipboard_request(Some(EXAMPLE_USER), RequestSource::Hotkey).await;
    assert!(matches!(hotkey, console_core::DesktopRequest::Lookup { .. }), "{hotkey:?}");
    console.lookup(None, EXAMPLE_USER).await.unwrap();
    assert_eq!(console.select_profile("old").await.unwrap_err(), refused);
    // New ones, by Settings or an import, and tiles or assets outside.
    assert_eq!(console.save_profile(own("", "New", &outside.url)).await.unwrap_err(), refused);
    let mut tiles = own("", "Tiles", &sim.base_url());
    tiles.asset_base_url = Some(format!("{}/img", outside.url));
    assert_eq!(console.save_profile(tiles).await.unwrap_err(), refused);
    // A tile template with a placeholder in its host: held to the list as a tile is asked for.
    let mut hosted = own("", "Hosted tiles", &sim.base_url());
    hosted.tiles =
        Some(serde_json::from_value(json!({"urlTemplate": "https://t{z}.evil.example/{x}/{y}.png"})).unwrap());
    let evil = ConsoleError::HostNotAllowed { host: "t1.evil.example".into() };
    assert_eq!(console.save_profile(hosted).await.unwrap_err(), evil);
    for source in EVERY_IMPORT_ROUTE {
        let file = json!({"profiles": [profile_json("x", "X", &outside.url)]}).to_string();
        assert_eq!(import(&console, &file, source).await.unwrap_err(), refused, "{source:?}");
    }
    // An image URL outside, asked for by a page.
    let image = console.image(DEMO_PROFILE_ID, &format!("{}/a.png", outside.url)).await.unwrap_err();
    assert_eq!(image.code(), "image_refused");
    assert_eq!(outside.connections(), 0, "nothing reached the host outside the list");

    // Inside the list: works.
    let inside = match console.save_profile(own("", "Inside", &sim.base_url())).await.unwrap() {
        SaveOutcome::Saved { view } => view.profile.id,
        SaveOutcome::NeedsApproval { .. } => panic!("a new profile without credentials needs no yes"),
    };
    console.save_credentials(&inside, Some(TOKEN.into()), Some(SECRET.into())).await.unwrap();
    console.lookup(Some(&inside), EXAMPLE_USER).await.unwrap();
    assert_eq!(sim.requests_seen(), 1);
}

#[tokio::test]
async fn an_own_profile_is_held_to_the_list_with_it_s_proxy_as_it_runs() {
    let s = Setup::new();
    let sim = sim().await;
    let proxy = counter();
    // Saved before the policy: no proxy of its own, its server inside the list to come.
    s.saved_before_the_policy(own("mine", "Mine", &sim.base_url())).await;
    // IT's proxy (the session's, in `system` mode) outside the list: a lookup would pass it.
    let console = s.open(&json!({"mandatory": {
        "allowedHosts": [host_of(&sim.base_url())], "proxy": {"mode": "url", "url": proxy.url}}}));
    let refused = ConsoleError::HostNotAllowed { host: "127.0.0.1".into() };
    assert_eq!(console.lookup(Some("mine"), EXAMPLE_USER).await.unwrap_err().error(), &refused);
    assert_eq!((proxy.connections(), sim.requests_seen()), (0, 0), "nothing went through the proxy");
}

#[tokio::test]
async fn own_profiles_imports_and_the_demo_can_each_be_turned_off() {
    let s = Setup::new();
    let sim = sim().await;
    let console = s.open(&json!({
        "managedProfiles": [profile_json("prod", "Production", &sim.base_url())],
        "mandatory": {"allowOwnProfiles": false, "allowImports": false, "demo": false}
    }));
    let view = console.list_profiles().await.unwrap();
    assert!(!view.own_allowed && !view.imports_allowed);
    assert_eq!(view.profiles.iter().map(|p| p.profile.id.as_str()).collect::<Vec<_>>(), ["prod"]);
    assert_eq!(view.selected, "prod", "the demo is gone: the managed profile is in use");

    assert_eq!(
        console.save_profile(own("", "Mine", &sim.base_url())).await.unwrap_err(),
        locked(PolicyKey::AllowOwnProfiles)
    );
    for source in EVERY_IMPORT_ROUTE {
        let file = json!({"profiles": [profile_json("mine", "Mine", &sim.base_url())]}).to_string();
        assert_eq!(import(&console, &file, source).await.unwrap_err(), locked(PolicyKey::AllowImports), "{source:?}");
    }
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("profiles.json");
    std::fs::write(&file, json!({"profiles": []}).to_string()).unwrap();
    assert_eq!(
        console.import_profiles_file(&file, ChangeSource::StartUp).await.unwrap_err(),
        locked(PolicyKey::AllowImports)
    );
    assert_eq!(console.select_profile(DEMO_PROFILE_ID).await.unwrap_err(), locked(PolicyKey::Demo));
    let demo = console.lookup(Some(DEMO_PROFILE_ID), EXAMPLE_USER).await.unwrap_err();
    assert_eq!(demo.error(), &locked(PolicyKey::Demo));
    assert_eq!(sim.requests_seen(), 0);
}

#[tokio::test]
async fn own_profiles_saved_before_a_policy_forbade_them_stay_in_the_file_unused() {
    let s = Setup::new();
    let sim = sim().await;
    let console = s.open(&json!({}));
    console.save_profile(own("mine", "Mine", &sim.base_url())).await.unwrap();
    drop(console);
    let console = s.open(&json!({"mandatory": {"allowOwnProfiles": false}}));
    assert_eq!(
        console.lookup(Some("mine"), EXAMPLE_USER).await.unwrap_err().error(),
        &locked(PolicyKey::AllowOwnProfiles)
    );
    assert_eq!(console.delete_profile("mine").await, Ok(()), "deleting one's own is still allowed");
    assert_eq!(sim.requests_seen(), 0);
}

#[tokio::test]
async fn a_forced_proxy_and_ca_file_replace_what_a_page_or_a_file_asks_for() {
    let s = Setup::new();
    let sim = sim().await;
    // IT's CA file (a real one: a profile's CA file must read).
    let tls = op_sim::spawn_tls(op_sim::SimConfig::demo(), 0, Default::default()).await.unwrap();
    let ca = s.dirs.path().join("corp-ca.pem");
    std::fs::write(&ca, &tls.ca_pem).unwrap();
    let ca = ca.display().to_string();
    let console = s.open(&json!({"mandatory": {"proxy": {"mode": "none"}, "caFile": ca}}));
    let mut asked = own("", "Mine", &sim.base_url());
    asked.proxy = ProxyMode::Url { url: "http://127.0.0.1:9/".into() };
    asked.ca_file = Some("/tmp/attacker-ca.pem".into());
    let SaveOutcome::Saved { view } = console.save_profile(asked).await.unwrap() else { panic!("no yes needed") };
    assert_eq!((view.profile.proxy.clone(), view.profile.ca_file.as_deref()), (ProxyMode::None, Some(ca.as_str())));
    let mut file = profile_json("imported", "Imported", &sim.base_url());
    file["proxy"] = json!({"mode": "system"});
    let outcome =
        import(&console, &json!({"profiles": [file]}).to_string(), ChangeSource::SettingsImport).await.unwrap();
    // A new profile waits for the operator's yes.
    let ChangeOutcome::NeedsApproval { request_id } = outcome else { panic!("{outcome:?}") };
    console.approve_changes(request_id).await.unwrap();
    let listed = console.list_profiles().await.unwrap();
    for view in listed.profiles.iter().filter(|p| !p.is_demo) {
        assert_eq!(view.profile.proxy, ProxyMode::None, "{}", view.profile.id);
        assert_eq!(view.profile.ca_file.as_deref(), Some(ca.as_str()));
    }
    assert!(console.policy_report().entries.iter().all(|e| e.applied));
}

fn with(settings: &DesktopSettings, change: impl FnOnce(&mut DesktopSettings)) -> DesktopSettings {
    let mut next = settings.clone();
    change(&mut next);
    next
}

#[tokio::test]
async fn this_computer_s_settings_locked_or_recommended() {
    let s = Setup::new();
    let console = s.open(&json!({
        "mandatory": {"hotkey": null, "closeToTray": true, "revealSeconds": 10, "summaryIncludesPhone": false},
        "recommended": {"startAtLogin": true, "clipboardClearSeconds": 20}
    }));
    let in_force = console.desktop_settings();
    assert_eq!(in_force.hotkey, None, "the hotkey is off");
    assert!(in_force.close_to_tray && in_force.start_at_login);
    let view = console.desktop_view(false);
    for key in [PolicyKey::Hotkey, PolicyKey::CloseToTray, PolicyKey::RevealSeconds, PolicyKey::SummaryIncludesPhone] {
        assert!(view.locked.contains(&key), "{key:?}");
    }
    assert!(!view.locked.contains(&PolicyKey::StartAtLogin), "recommended is no lock");
    assert_eq!(
        (view.rules.reveal_seconds, view.rules.summary_includes_phone, view.rules.clipboard_clear_seconds),
        (10, false, 20)
    );

    // Each locked one, changed by whatever page: refused, nothing saved.
    let attempts: [(PolicyKey, DesktopSettings); 4] = [
        (PolicyKey::Hotkey, with(&in_force, |s| s.hotkey = Some("Ctrl+Alt+U".into()))),
        (PolicyKey::CloseToTray, with(&in_force, |s| s.close_to_tray = false)),
        (PolicyKey::RevealSeconds, with(&in_force, |s| s.reveal_seconds = Some(600))),
        (PolicyKey::SummaryIncludesPhone, with(&in_force, |s| s.summary_includes_phone = Some(true))),
    ];
    for (key, next) in attempts {
        assert_eq!(console.check_desktop_settings(next.clone()).unwrap_err(), locked(key));
        assert_eq!(console.save_desktop_settings(next).unwrap_err(), locked(key));
    }
    assert_eq!(console.desktop_settings(), in_force);

    // Recommended: the operator may change it, and the change outlives a restart.
    console.save_desktop_settings(with(&in_force, |s| s.start_at_login = false)).unwrap();
    drop(console);
    let console = s.open(&json!({"recommended": {"startAtLogin": true, "clipboardClearSeconds": 45}}));
    assert!(!console.desktop_settings().start_at_login, "the operator's choice");
    // One the operator passed back unchanged stays IT's: a new recommendation applies.
    assert_eq!(console.data_rules().clipboard_clear_seconds, 45);
    // The start-at-login entry could not be written: the setting as the system has it is
    // saved (the error says why) ...
    let wanted = with(&console.desktop_settings(), |s| s.start_at_login = true);
    assert!(!console.autostart_not_applied(wanted).start_at_login);
    drop(console);
    // ... unless IT locks it: IT's value stays, and the rest (a new hotkey) is saved, not
    // refused as a change to the lock.
    let console = s.open(&json!({"mandatory": {"startAtLogin": true}}));
    let wanted = with(&console.desktop_settings(), |s| s.hotkey = Some("Ctrl+Alt+J".into()));
    let kept = console.autostart_not_applied(wanted);
    assert!(kept.start_at_login);
    console.save_desktop_settings(kept).unwrap();
    assert_eq!(console.desktop_settings().hotkey.as_deref(), Some("Ctrl+Alt+J"));
}

#[tokio::test]
async fn customer_data_rules_are_kept_by_the_backend() {
    let s = Setup::new();
    let console = s.open(&json!({"mandatory": {"phoneReveal": false, "rawAnswer": false}}));
    let reply = console.lookup(None, "u0001-rich").await.unwrap();
    let phone = reply.chat.user.as_ref().unwrap().phone.clone().unwrap();
    assert_eq!(phone.masked, "138****5678");
    assert_eq!(
        console.reveal_phone(reply.lookup_id, phone.field, None).await.unwrap_err(),
        locked(PolicyKey::PhoneReveal)
    );
    let contact = PhoneField::Contact { index: 1 };
    assert_eq!(console.reveal_phone(reply.lookup_id, contact, None).await.unwrap_err(), locked(PolicyKey::PhoneReveal));
    assert_eq!(console.raw_answer(reply.lookup_id), None, "no raw view");
    let rules = console.data_rules();
    assert!(!rules.phone_reveal && !rules.raw_answer);

    // Without the policy, the same lookup reveals and shows its answer.
    let open = s.open(&json!({}));
    let reply = open.lookup(None, "u0001-rich").await.unwrap();
    assert_eq!(open.reveal_phone(reply.lookup_id, phone.field, None).await.unwrap(), "13812345678");
    assert!(open.raw_answer(reply.lookup_id).is_some());
}

#[tokio::test]
async fn a_bad_policy_applies_what_it_can_names_the_rest_and_never_falls_open() {
    let s = Setup::new();
    let sim = sim().await;
    let console = s.open(&json!({
        "mandatory": {"allowImports": false, "phoneReveal": "maybe", "hotkey": 7, "allowOwnProfile": true},
        "recommended": {"allowedHosts": ["op.example.com"], "closeToTray": true}
    }));
    let report = console.policy_report();
    let problem = |key: &str| report.issues.iter().find(|i| i.key.as_deref() == Some(key)).map(|i| i.problem.clone());
    assert_eq!(problem("phoneReveal"), Some(PolicyProblem::WrongValue));
    assert_eq!(problem("hotkey"), Some(PolicyProblem::WrongValue));
    assert_eq!(problem("allowOwnProfile"), Some(PolicyProblem::UnknownKey));
    assert_eq!(problem("allowedHosts"), Some(PolicyProblem::OnlyMandatory));
    assert!(report.entries.iter().any(|e| e.key == "allowImports" && e.applied && e.level == PolicyLevel::Mandatory));
    // The valid lock applies; a lock that cannot be read takes its strict value.
    let file = json!({"profiles": [profile_json("x", "X", &sim.base_url())]}).to_string();
    assert_eq!(
        import(&console, &file, ChangeSource::SettingsImport).await.unwrap_err(),
        locked(PolicyKey::AllowImports)
    );
    assert!(!console.data_rules().phone_reveal, "an unreadable phoneReveal is off");
    // The hotkey chooses rather than restricts: unreadable, it is no lock at all.
    assert!(!console.desktop_view(true).locked.contains(&PolicyKey::Hotkey));
    assert!(console.desktop_settings().close_to_tray, "a good recommendation beside bad keys applies");

    // A file that is no JSON at all: every lock at its strictest, the console still opens.
    let path = s.dirs.path().join("broken.json");
    std::fs::write(&path, "{\"mandatory\": {").unwrap();
    let broken = Policy::load(&path);
    let console = Console::open_with_policy(
        &s.dirs.path().join("config2"),
        &s.dirs.path().join("data2"),
        s.vault.clone(),
        broken,
    )
    .unwrap();
    assert!(console.list_profiles().await.unwrap().profiles.is_empty(), "no demo, no own profiles");
    assert_eq!(
        console.save_profile(own("", "Mine", &sim.base_url())).await.unwrap_err(),
        locked(PolicyKey::AllowOwnProfiles)
    );
    assert!(matches!(console.policy_report().issues[0].problem, PolicyProblem::NotJson { .. }));
    assert_eq!(sim.requests_seen(), 0);
}

#[tokio::test]
async fn an_own_profile_that_passes_for_a_managed_one_is_not_used() {
    let s = Setup::new();
    let sim = sim().await;
    let outside = counter();
    // Written before the policy (or into profiles.json by hand): IT's name, another host.
    let console = s.open(&json!({}));
    console.save_profile(own("fake", "Production", &outside.url)).await.unwrap();
    drop(console);
    let console = s.open(&json!({"managedProfiles": [profile_json("prod", "Production", &sim.base_url())]}));
    let ids: Vec<String> = console.list_profiles().await.unwrap().profiles.into_iter().map(|p| p.profile.id).collect();
    assert!(!ids.contains(&"fake".to_owned()), "{ids:?}");
    let err = console.lookup(Some("fake"), EXAMPLE_USER).await.unwrap_err();
    assert_eq!(err.error(), &locked(PolicyKey::ManagedProfiles));
    assert_eq!(outside.connections(), 0);
}

#[tokio::test]
async fn open_in_map_only_when_the_map_s_host_is_allowed() {
    let s = Setup::new();
    let open = s.open(&json!({}));
    assert!(open.data_rules().open_in_map);
    assert!(open.map_link(40.0, 116.3).unwrap().starts_with("https://www.openstreetmap.org/"));
    let locked_down = s.open(&json!({"mandatory": {"allowedHosts": ["op.example.com"]}}));
    assert!(!locked_down.data_rules().open_in_map);
    assert_eq!(
        locked_down.map_link(40.0, 116.3).unwrap_err(),
        ConsoleError::HostNotAllowed { host: "www.openstreetmap.org".into() }
    );
    let allowed = s.open(&json!({"mandatory": {"allowedHosts": ["op.example.com", "www.openstreetmap.org"]}}));
    assert!(allowed.map_link(40.0, 116.3).is_ok());
}
