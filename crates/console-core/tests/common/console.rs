//! A console of a test's own (its folders, the mock keyring) and what the console tests
//! do as Settings and the trusted window would.

use std::path::Path;

use console_core::{ApprovalDone, ChangeOutcome, ChangeSource, Console, Profile, ProfileView, SaveOutcome, Vault};
use op_api::sign::{SignRule, SignScheme};
use op_sim::SimHandle;

pub const EXAMPLE_USER: &str = "u00012b2e588bd93843168dfb67ae12cc2ee9";
pub const TOKEN: &str = "o0001-console-test-token";
pub const SECRET: &str = "console-test-secret";
pub const CLIENT: &str = "c0ffee00c0ffee00c0ffee00c0ffee00";

pub struct Setup {
    pub dirs: tempfile::TempDir,
    pub vault: Vault,
    pub console: Console,
}

impl Setup {
    pub fn new() -> Self {
        let dirs = tempfile::tempdir().unwrap();
        let vault = Vault::mock();
        let console = Console::open(&dirs.path().join("config"), &dirs.path().join("data"), vault.clone()).unwrap();
        Self { dirs, vault, console }
    }

    /// The same folders and keyring, as after a restart.
    pub fn reopen(&self) -> Console {
        Console::open(&self.dirs.path().join("config"), &self.dirs.path().join("data"), self.vault.clone()).unwrap()
    }
}

/// An op-sim of the test's own: its own client id, token, secret and sign rule.
pub async fn own_sim() -> SimHandle {
    super::sim_with(CLIENT, TOKEN, SECRET).await
}

pub fn own_profile(sim: &SimHandle) -> Profile {
    let mut profile = Profile::new("", "Staging", &sim.base_url(), CLIENT);
    profile.sign_rule = SignRule::preset(SignScheme::Alipay);
    profile.timeout_ms = 700;
    profile
}

/// Saves a profile as Settings would; a save that waits for the operator is approved (the
/// test is the operator in the trusted window).
pub async fn save(console: &Console, profile: Profile) -> ProfileView {
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
pub async fn import_file(console: &Console, path: &Path) -> usize {
    import_approved(console, &std::fs::read_to_string(path).unwrap()).await
}

pub async fn import_approved(console: &Console, text: &str) -> usize {
    match console.import_profiles(text, ChangeSource::SettingsImport).await.unwrap() {
        ChangeOutcome::Applied { profiles } => profiles,
        ChangeOutcome::NeedsApproval { request_id } => match console.approve_changes(request_id).await.unwrap() {
            ApprovalDone::Changes { profiles, .. } => profiles,
            other => panic!("{other:?}"),
        },
    }
}

pub fn files_under(dir: &Path) -> Vec<std::path::PathBuf> {
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

/// `profile` saved with the test's credentials and put in use, as an operator sets one up;
/// the profile as saved.
pub async fn save_in_use(s: &Setup, profile: Profile) -> Profile {
    let profile = save(&s.console, profile).await.profile;
    s.console.save_credentials(&profile.id, Some(TOKEN.into()), Some(SECRET.into())).await.unwrap();
    s.console.select_profile(&profile.id).await.unwrap();
    profile
}
