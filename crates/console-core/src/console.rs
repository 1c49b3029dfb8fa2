//! The console's operations, one per Tauri command: the commands only pass their
//! arguments here and return the result.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use op_api::{ConfigProblem, Credentials, OpClient, OpError, Secret, UserId};
use serde::Serialize;

use crate::credentials::saved::{Destination, SavedCredentials};
use crate::credentials::vault::{CredentialKind, CredentialStatus, Vault};
use crate::desktop::request::{DesktopRequest, RequestSource};
use crate::desktop::settings::DesktopSettings;
use crate::error::ConsoleError;
use crate::images::{Image, ImageFetcher};
use crate::lookups::recent::{RecentLookup, RecentLookups};
use crate::lookups::view::{ChatView, LookupAnswer};
#[cfg(feature = "demo")]
use crate::profiles::demo::Demo;
use crate::profiles::file::ProfilesFile;
use crate::profiles::import_problem::ImportProblem;
#[cfg(not(feature = "demo"))]
use crate::profiles::no_demo::Demo;
use crate::profiles::profile::{Profile, ProfileWarning, DEMO_PROFILE_ID};
use crate::support::atomic_file::{private_dir, MovedAside};
use crate::support::lock::lock;

/// A profile as the settings screen shows it.
#[derive(ts_rs::TS, Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ProfileView {
    pub profile: Profile,
    pub is_demo: bool,
    pub warnings: Vec<ProfileWarning>,
    /// The demo's server could not start: the entry stays, saying so; the rest works.
    pub unavailable: bool,
}

#[derive(ts_rs::TS, Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ProfilesView {
    pub selected: String,
    /// The demo first, then the saved profiles in the order they were added.
    pub profiles: Vec<ProfileView>,
}

/// A profile that an import would point at another server while it has saved credentials.
#[derive(ts_rs::TS, Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ServerChange {
    pub id: String,
    pub name: String,
    /// The server (origin and path) the credentials were saved for, and the new one.
    pub from: String,
    pub to: String,
}

pub struct Console {
    config_dir: PathBuf,
    vault: Vault,
    profiles: Mutex<ProfilesFile>,
    recent: Arc<RecentLookups>,
    demo: Demo,
    /// One pooled client per profile, rebuilt when the profile changes.
    clients: Mutex<HashMap<String, (Profile, OpClient)>>,
    /// Credentials read from the keyring once, with their destination, in memory only.
    credentials: Mutex<HashMap<String, SavedCredentials>>,
    images: ImageFetcher,
    raw_answer: Mutex<Option<String>>,
    /// Files that could not be used at start and were moved aside: the page says so.
    moved_aside: Vec<MovedAside>,
    desktop: Mutex<DesktopSettings>,
}

impl Console {
    /// Opens the console's state: profiles from `config_dir`, recent lookups from `data_dir`.
    pub fn open(config_dir: &Path, data_dir: &Path, vault: Vault) -> Result<Self, ConsoleError> {
        for dir in [config_dir, data_dir] {
            private_dir(dir).map_err(|e| ConsoleError::storage(dir, format!("cannot create it: {e}")))?;
        }
        let (profiles, profiles_moved) = ProfilesFile::load(config_dir);
        migrate_legacy_credentials(config_dir, &profiles, &vault);
        let (recent, recent_moved) = RecentLookups::load(data_dir);
        let (desktop, desktop_moved) = DesktopSettings::load(config_dir);
        Ok(Self {
            config_dir: config_dir.to_owned(),
            vault,
            profiles: Mutex::new(profiles),
            recent: Arc::new(recent),
            moved_aside: profiles_moved.into_iter().chain(recent_moved).chain(desktop_moved).collect(),
            desktop: Mutex::new(desktop),
            demo: Demo::default(),
            clients: Mutex::new(HashMap::new()),
            credentials: Mutex::new(HashMap::new()),
            images: ImageFetcher::new(),
            raw_answer: Mutex::new(None),
        })
    }

    /// Looks up a user's most recent chat on `profile_id` (or the selected profile).
    pub async fn lookup(&self, profile_id: Option<&str>, user_id: &str) -> Result<ChatView, ConsoleError> {
        // A bad ID is the operator's typo, not a lookup: nothing is sent or recorded.
        let user_id = UserId::parse(user_id).map_err(|problem| OpError::InvalidUserId { problem })?;
        *lock(&self.raw_answer) = None;
        let profile = self.profile(profile_id).await?;
        // A token or secret pasted (or copied for the hotkey) by mistake: not sent as a
        // user ID, not written to the recent list on disk.
        if self.is_credential(user_id.as_str(), &profile, Match::Whole).await {
            return Err(ConsoleError::UserIdIsCredential);
        }
        let result = self.lookup_on(&profile, &user_id).await;
        let outcome = match &result {
            Ok(_) => "ok".to_owned(),
            Err(e) => e.code(),
        };
        let entry =
            RecentLookup { user_id: user_id.to_string(), profile_id: profile.id.clone(), at: now_ms(), outcome };
        self.recent.record(entry);
        let recent = self.recent.clone();
        tokio::task::spawn_blocking(move || {
            if let Err(e) = recent.save() {
                tracing::warn!("recent lookups not saved: {e}");
            }
        });
        result.map(|lookup| ChatView::build(lookup, &profile))
    }

    /// [`Console::lookup`] with the recent list as it now is: what the page receives.
    pub async fn lookup_answer(&self, profile_id: Option<&str>, user_id: &str) -> Result<LookupAnswer, ConsoleError> {
        let chat = self.lookup(profile_id, user_id).await?;
        Ok(LookupAnswer { chat, recent: self.recent() })
    }

    async fn lookup_on(&self, profile: &Profile, user_id: &UserId) -> Result<op_api::ChatLookup, ConsoleError> {
        let client = self.client_for(profile)?;
        let credentials = self.credentials_for(profile).await?;
        let answered = client.lookup(&credentials, user_id.as_str()).await;
        // The last answer, redacted and capped, for the raw view: in memory only.
        *lock(&self.raw_answer) = answered.raw_answer;
        Ok(answered.result?)
    }

    /// "Look up the clipboard" (the hotkey, the tray): what the page is asked to do. A
    /// clipboard that holds a credential of the profile in use (or of any profile whose
    /// credentials this session read) is refused whole: nothing is looked up, and not a
    /// character of it reaches the page.
    pub async fn clipboard_request(&self, text: Option<&str>, source: RequestSource) -> DesktopRequest {
        if let (Some(text), Ok(profile)) = (text, self.profile(None).await) {
            if self.is_credential(text, &profile, Match::Anywhere).await {
                return DesktopRequest::ClipboardHoldsCredential;
            }
        }
        DesktopRequest::from_clipboard(text, source)
    }

    /// Whether `text` is (`Whole`) or holds (`Anywhere`) a token or secret: of `profile`
    /// (read from the keyring when this session has not yet) or of any profile read so far.
    async fn is_credential(&self, text: &str, profile: &Profile, how: Match) -> bool {
        if profile.id != DEMO_PROFILE_ID && !lock(&self.credentials).contains_key(&profile.id) {
            let (vault, id) = (self.vault.clone(), profile.id.clone());
            if let Ok(Some(saved)) = blocking(move || vault.load(&id)).await {
                lock(&self.credentials).insert(profile.id.clone(), saved);
            }
        }
        let text = text.trim();
        let known = lock(&self.credentials);
        let found = known.values().flat_map(|saved| [&saved.token, &saved.secret]).flatten().any(|secret| {
            let secret = secret.expose().trim();
            match how {
                Match::Whole => secret == text,
                // Short values would match ordinary text: a credential is never that short.
                Match::Anywhere => secret.chars().count() >= 6 && text.contains(secret),
            }
        });
        found
    }

    /// What the profile's sign rule would hash for `user_id`, credentials shown as
    /// stand-ins: the settings screen's preview of a draft (nothing is saved or sent).
    pub fn sign_preview(&self, profile: &Profile, user_id: &str) -> Result<String, ConsoleError> {
        Ok(op_api::sign_preview(&profile.client_config()?, user_id)?)
    }

    /// The last answer the server gave (success or failure), as support may see it:
    /// credentials redacted, at most 64 KiB. `None` when the last lookup got no answer.
    pub fn raw_answer(&self) -> Option<String> {
        lock(&self.raw_answer).clone()
    }

    fn client_for(&self, profile: &Profile) -> Result<OpClient, ConsoleError> {
        let mut clients = lock(&self.clients);
        if let Some((cached, client)) = clients.get(&profile.id) {
            if cached == profile {
                return Ok(client.clone());
            }
        }
        let client = OpClient::new(profile.client_config()?)?;
        clients.insert(profile.id.clone(), (profile.clone(), client.clone()));
        Ok(client)
    }

    /// The profile's credentials, only when they were saved for its destination now.
    async fn credentials_for(&self, profile: &Profile) -> Result<Credentials, ConsoleError> {
        if profile.id == DEMO_PROFILE_ID {
            return self.demo.credentials();
        }
        let current = Destination::of(profile);
        let cached = lock(&self.credentials).get(&profile.id).cloned();
        let saved = match cached {
            Some(saved) => saved,
            None => {
                let (vault, id) = (self.vault.clone(), profile.id.clone());
                let Some(saved) = blocking(move || vault.load(&id)).await? else {
                    return Err(OpError::from(ConfigProblem::NoCredentials).into());
                };
                lock(&self.credentials).insert(profile.id.clone(), saved.clone());
                saved
            }
        };
        // Saved for another server (the profile was re-pointed): send nothing.
        if current.as_ref() != Some(&saved.destination) {
            return Err(ConsoleError::CredentialsForOtherServer {
                saved_for: saved.destination.shown(),
                profile_server: current.map(|d| d.shown()).unwrap_or_default(),
            });
        }
        match (saved.token.is_some(), saved.secret.is_some()) {
            (true, false) => Err(OpError::from(ConfigProblem::NoSecret).into()),
            (false, true) => Err(OpError::from(ConfigProblem::NoToken).into()),
            _ => saved.complete().ok_or_else(|| OpError::from(ConfigProblem::NoCredentials).into()),
        }
    }

    /// The profile by id (`None`: the selected one); the demo starts its server on first use.
    pub async fn profile(&self, profile_id: Option<&str>) -> Result<Profile, ConsoleError> {
        let id = match profile_id {
            Some(id) => id.to_owned(),
            None => lock(&self.profiles).selected_id().to_owned(),
        };
        if id == DEMO_PROFILE_ID {
            return self.demo.profile().await;
        }
        lock(&self.profiles).get(&id).cloned().ok_or(ConsoleError::ProfileNotFound { id })
    }

    pub async fn list_profiles(&self) -> Result<ProfilesView, ConsoleError> {
        let mut profiles = Vec::new();
        match self.demo.profile().await {
            Ok(demo) => {
                profiles.push(ProfileView { profile: demo, is_demo: true, warnings: vec![], unavailable: false })
            }
            // A build without the demo lists the saved profiles only.
            Err(ConsoleError::DemoUnavailable { .. }) if !cfg!(feature = "demo") => {}
            // The demo server could not start: its entry says so; real profiles still work.
            Err(e) => {
                tracing::warn!("demo unavailable: {e}");
                let placeholder = Profile::new(DEMO_PROFILE_ID, "Demo", "http://127.0.0.1", "demo");
                profiles.push(ProfileView { profile: placeholder, is_demo: true, warnings: vec![], unavailable: true });
            }
        }
        let file = lock(&self.profiles).clone();
        for profile in file.profiles.iter() {
            let warnings = profile.validate().unwrap_or_default();
            profiles.push(ProfileView { profile: profile.clone(), is_demo: false, warnings, unavailable: false });
        }
        Ok(ProfilesView { selected: file.selected_id().to_owned(), profiles })
    }

    /// Validates and saves a profile (an empty id makes a new one). The file is written
    /// before memory changes, so a failed write leaves everything as it was.
    pub fn save_profile(&self, mut profile: Profile) -> Result<ProfileView, ConsoleError> {
        if profile.id.trim().is_empty() {
            profile.id = new_profile_id(&lock(&self.profiles));
        }
        let warnings = profile.normalise_and_validate()?;
        self.update_profiles(|file| {
            file.upsert(profile.clone());
            Ok(())
        })?;
        lock(&self.clients).remove(&profile.id);
        Ok(ProfileView { profile, is_demo: false, warnings, unavailable: false })
    }

    /// Deletes a profile and its keyring entries. The entries go first: if the keyring
    /// cannot be reached, the profile stays, so no credential is left orphaned.
    pub async fn delete_profile(&self, id: &str) -> Result<(), ConsoleError> {
        self.saved_profile(id)?;
        self.forget_credentials(id).await?;
        self.update_profiles(|file| {
            file.remove(id);
            Ok(())
        })?;
        lock(&self.clients).remove(id);
        Ok(())
    }

    pub async fn select_profile(&self, id: &str) -> Result<ProfilesView, ConsoleError> {
        if id != DEMO_PROFILE_ID {
            self.saved_profile(id)?;
        }
        self.update_profiles(|file| {
            file.selected = Some(id.to_owned());
            Ok(())
        })?;
        self.list_profiles().await
    }

    /// Imports an IT-provided profiles file (its text); all of it, or nothing.
    pub fn import_profiles(&self, text: &str) -> Result<usize, ConsoleError> {
        let import = ProfilesFile::parse_import(text)?;
        let mut count = 0;
        self.update_profiles(|file| {
            count = file.merge(import);
            Ok(())
        })?;
        lock(&self.clients).clear();
        Ok(count)
    }

    /// What an import would change that matters for credentials: each profile with saved
    /// credentials whose server it moves. The page asks the operator before importing.
    pub async fn preview_import(&self, text: &str) -> Result<Vec<ServerChange>, ConsoleError> {
        let import = ProfilesFile::parse_import(text)?;
        let mut changes = Vec::new();
        for incoming in import.profiles {
            let Some(current) = lock(&self.profiles).get(&incoming.id).cloned() else { continue };
            let (from, to) = (Destination::of(&current), Destination::of(&incoming));
            if from == to {
                continue;
            }
            // Entries of the earlier layout count as saved: they are credentials too.
            let (vault, id) = (self.vault.clone(), current.id.clone());
            let saved = blocking(move || Ok(vault.load(&id)?.is_some() || vault.has_legacy(&id)?)).await?;
            if saved {
                changes.push(ServerChange {
                    id: current.id.clone(),
                    name: current.name.clone(),
                    from: from.map(|d| d.shown()).unwrap_or_default(),
                    to: to.map(|d| d.shown()).unwrap_or_default(),
                });
            }
        }
        Ok(changes)
    }

    pub fn import_profiles_file(&self, path: &Path) -> Result<usize, ConsoleError> {
        let too_large = std::fs::metadata(path).is_ok_and(|m| m.len() > crate::profiles::file::IMPORT_MAX_BYTES as u64);
        if too_large {
            let max_bytes = crate::profiles::file::IMPORT_MAX_BYTES;
            return Err(ConsoleError::InvalidImport { problem: ImportProblem::TooLarge { max_bytes } });
        }
        let text = std::fs::read_to_string(path).map_err(|e| {
            tracing::warn!("profiles file {} unreadable: {e}", path.display());
            ConsoleError::InvalidImport { problem: ImportProblem::Unreadable { path: path.display().to_string() } }
        })?;
        self.import_profiles(&text)
    }

    /// Saves the token and/or the secret given, bound to the profile's destination now, in
    /// one keyring entry; a field left out keeps its saved value, but only when that was
    /// saved for the same destination (a re-pointed profile needs both again).
    pub async fn save_credentials(
        &self,
        profile_id: &str,
        token: Option<String>,
        secret: Option<String>,
    ) -> Result<CredentialStatus, ConsoleError> {
        let profile = self.saved_profile(profile_id)?;
        let checked = |value: Option<String>, credential: CredentialKind| -> Result<Option<Secret>, ConsoleError> {
            match value {
                None => Ok(None),
                Some(v) if v.trim().is_empty() => Err(ConsoleError::EmptyCredential { credential }),
                Some(v) => Ok(Some(Secret::new(v.trim()))),
            }
        };
        let token = checked(token, CredentialKind::Token)?;
        let secret = checked(secret, CredentialKind::Secret)?;
        let Some(destination) = Destination::of(&profile) else {
            return Err(OpError::from(ConfigProblem::BaseUrl { problem: op_api::UrlProblem::NotUrl }).into());
        };
        lock(&self.credentials).remove(profile_id);
        let (vault, id) = (self.vault.clone(), profile_id.to_owned());
        blocking(move || {
            let kept = match vault.load(&id)? {
                Some(saved) if saved.destination == destination => saved,
                Some(saved) if token.is_none() || secret.is_none() => {
                    return Err(ConsoleError::CredentialsForOtherServer {
                        saved_for: saved.destination.shown(),
                        profile_server: destination.shown(),
                    })
                }
                _ => SavedCredentials { token: None, secret: None, destination: destination.clone() },
            };
            let next = SavedCredentials { token: token.or(kept.token), secret: secret.or(kept.secret), destination };
            vault.store(&id, &next)?;
            // Read back: the state shown is the keyring's, not what we hoped to write.
            let back = vault.load(&id)?;
            Ok(CredentialStatus::of(back.as_ref(), Some(&next.destination)))
        })
        .await
    }

    pub async fn forget_credentials(&self, profile_id: &str) -> Result<CredentialStatus, ConsoleError> {
        self.saved_profile(profile_id)?;
        lock(&self.credentials).remove(profile_id);
        let (vault, id) = (self.vault.clone(), profile_id.to_owned());
        blocking(move || {
            vault.delete(&id)?;
            let back = vault.load(&id)?;
            Ok(CredentialStatus::of(back.as_ref(), None))
        })
        .await
    }

    /// Whether the profile has a token and a secret, and for its server now: never their values.
    pub async fn credential_status(&self, profile_id: &str) -> Result<CredentialStatus, ConsoleError> {
        if profile_id == DEMO_PROFILE_ID {
            return Ok(CredentialStatus { has_token: true, has_secret: true, for_other_server: false });
        }
        let profile = self.saved_profile(profile_id)?;
        let current = Destination::of(&profile);
        let (vault, id) = (self.vault.clone(), profile_id.to_owned());
        blocking(move || {
            let saved = vault.load(&id)?;
            Ok(CredentialStatus::of(saved.as_ref(), current.as_ref()))
        })
        .await
    }

    /// An image for the page (tile, logo, avatar) from the selected profile's hosts only.
    pub async fn image(&self, url: &str) -> Result<Image, ConsoleError> {
        let profile = self.profile(None).await?;
        self.images.fetch(&profile, url).await
    }

    pub fn desktop_settings(&self) -> DesktopSettings {
        lock(&self.desktop).clone()
    }

    /// Saves what Tauri has applied (the hotkey registered, autostart set); checked here
    /// too, whoever calls.
    pub fn save_desktop_settings(&self, settings: DesktopSettings) -> Result<(), ConsoleError> {
        let settings = settings.checked()?;
        settings.save(&self.config_dir)?;
        *lock(&self.desktop) = settings;
        Ok(())
    }

    /// The files moved aside at start, for the page's banner.
    pub fn moved_aside(&self) -> Vec<MovedAside> {
        self.moved_aside.clone()
    }

    pub fn recent(&self) -> Vec<RecentLookup> {
        self.recent.entries()
    }

    pub fn clear_recent(&self) -> Result<(), ConsoleError> {
        self.recent.clear()
    }

    /// Writes what lookups recorded and a background write has not yet: before exit.
    pub fn save_recent(&self) -> Result<(), ConsoleError> {
        self.recent.save()
    }

    fn saved_profile(&self, id: &str) -> Result<Profile, ConsoleError> {
        if id == DEMO_PROFILE_ID {
            return Err(ConsoleError::DemoReadOnly);
        }
        lock(&self.profiles).get(id).cloned().ok_or_else(|| ConsoleError::ProfileNotFound { id: id.to_owned() })
    }

    /// Changes a copy, writes it, and only then replaces the profiles in memory.
    fn update_profiles(
        &self,
        change: impl FnOnce(&mut ProfilesFile) -> Result<(), ConsoleError>,
    ) -> Result<(), ConsoleError> {
        let mut profiles = lock(&self.profiles);
        let mut next = profiles.clone();
        change(&mut next)?;
        next.save(&self.config_dir)?;
        *profiles = next;
        Ok(())
    }
}

/// Marks that the earlier keyring layout was migrated: the pass runs once.
const LEGACY_MIGRATED_FILE: &str = "keyring-layout-migrated";

/// Entries of the earlier keyring layout (`<id>:token`, `<id>:secret`) become one entry
/// each, bound to the profile as `profiles.json` holds it now: before any import, link or
/// page can re-point it, and never on a lookup. A profile whose destination cannot be
/// read (its CA file gone, say) keeps its old entries unused, and the log names it. A
/// keyring that cannot be reached stops the pass; it runs again at the next start.
fn migrate_legacy_credentials(config_dir: &Path, profiles: &ProfilesFile, vault: &Vault) {
    let marker = config_dir.join(LEGACY_MIGRATED_FILE);
    if marker.exists() || profiles.profiles.is_empty() {
        return;
    }
    for profile in &profiles.profiles {
        let outcome = match Destination::of(profile) {
            Some(destination) => vault.migrate_legacy(&profile.id, &destination).map(|moved| {
                if moved {
                    tracing::info!("keyring entries of profile {} migrated to one entry", profile.id);
                }
            }),
            None => vault.has_legacy(&profile.id).map(|left| {
                if left {
                    tracing::warn!(
                        "old keyring entries of profile {} left unused: its server cannot be read",
                        profile.id
                    );
                }
            }),
        };
        if let Err(e) = outcome {
            tracing::warn!("old keyring entries not migrated, trying again at the next start: {e}");
            return;
        }
    }
    if let Err(e) = crate::support::atomic_file::write_atomic(&marker, b"2\n") {
        tracing::warn!("the keyring migration's marker was not written: {e}");
    }
}

/// How [`Console::is_credential`] compares.
#[derive(Clone, Copy)]
enum Match {
    Whole,
    Anywhere,
}

/// Keyring calls block for up to the vault's wait: keep them off the async workers.
async fn blocking<T: Send + 'static>(
    work: impl FnOnce() -> Result<T, ConsoleError> + Send + 'static,
) -> Result<T, ConsoleError> {
    tokio::task::spawn_blocking(work).await.map_err(|e| ConsoleError::KeyringError { detail: e.to_string() })?
}

fn now_ms() -> i64 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_millis() as i64).unwrap_or_default()
}

fn new_profile_id(file: &ProfilesFile) -> String {
    (1..).map(|n| format!("profile-{n}")).find(|id| file.get(id).is_none()).unwrap_or_default()
}
