//! The console: a small facade over its parts, one Tauri command to one method here.
//!
//! - `profiles` (`ProfileStore`): the saved profiles, the selection, the demo;
//! - `credentials` (`CredentialStore`): the keyring, the in-memory copy, the destination rule;
//! - `lookups` (`Lookups`): clients, each lookup numbered and kept, the recent list;
//! - `images` (`ImageFetcher`) and `desktop` (`DesktopStore`).
//!
//! A method here only routes between parts: which profile, whose credentials, which lookup.

use std::path::Path;

use op_api::{OpError, UserId};
use serde::Serialize;

use crate::credentials::destination::Destination;
use crate::credentials::store::{CredentialStore, Match};
use crate::credentials::vault::{CredentialStatus, Vault};
use crate::desktop::request::{DesktopRequest, RequestSource};
use crate::desktop::settings::DesktopSettings;
use crate::desktop::store::DesktopStore;
use crate::error::ConsoleError;
use crate::images::{Image, ImageFetcher};
use crate::lookups::phone::PhoneField;
use crate::lookups::recent::RecentLookup;
use crate::lookups::reply::{LookupFailure, LookupId, LookupReply};
use crate::lookups::store::Lookups;
use crate::profiles::file::{ProfilesFile, IMPORT_MAX_BYTES};
use crate::profiles::import_problem::ImportProblem;
use crate::profiles::profile::Profile;
use crate::profiles::store::{ProfileStore, ProfileView, ProfilesView};
use crate::support::atomic_file::{private_dir, MovedAside};

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
    profiles: ProfileStore,
    credentials: CredentialStore,
    lookups: Lookups,
    images: ImageFetcher,
    desktop: DesktopStore,
    /// Files that could not be used at start and were moved aside: the page says so.
    moved_aside: Vec<MovedAside>,
}

/// Opening, and what the page shows at start.
impl Console {
    /// Opens the console's state: profiles and desktop settings from `config_dir`, recent
    /// lookups from `data_dir`. Credentials of the earlier keyring layout are migrated
    /// here, bound to the profiles as saved, before anything can re-point them.
    pub fn open(config_dir: &Path, data_dir: &Path, vault: Vault) -> Result<Self, ConsoleError> {
        for dir in [config_dir, data_dir] {
            private_dir(dir).map_err(|e| ConsoleError::storage(dir, format!("cannot create it: {e}")))?;
        }
        let (profiles, profiles_moved) = ProfileStore::open(config_dir);
        let credentials = CredentialStore::new(vault);
        credentials.migrate_legacy(config_dir, &profiles.file());
        let (lookups, recent_moved) = Lookups::open(data_dir);
        let (desktop, desktop_moved) = DesktopStore::open(config_dir);
        Ok(Self {
            profiles,
            credentials,
            lookups,
            images: ImageFetcher::new(),
            desktop,
            moved_aside: profiles_moved.into_iter().chain(recent_moved).chain(desktop_moved).collect(),
        })
    }

    /// The files moved aside at start, for the page's banner.
    pub fn moved_aside(&self) -> Vec<MovedAside> {
        self.moved_aside.clone()
    }
}

/// Lookups.
impl Console {
    /// Looks up a user's most recent chat on `profile_id` (or the selected profile).
    pub async fn lookup(&self, profile_id: Option<&str>, user_id: &str) -> Result<LookupReply, LookupFailure> {
        let failed = |error: ConsoleError| LookupFailure { lookup_id: None, recent: self.recent(), body: error.body() };
        // A bad ID is the operator's typo, not a lookup: nothing is sent or recorded.
        let user_id = UserId::parse(user_id).map_err(|problem| failed(OpError::InvalidUserId { problem }.into()))?;
        let profile = self.profiles.get(profile_id).await.map_err(failed)?;
        // A token or secret pasted (or copied for the hotkey) by mistake: not sent as a
        // user ID, not written to the recent list on disk.
        if self.credentials.is_credential(user_id.as_str(), &profile, Match::Whole).await {
            return Err(failed(ConsoleError::UserIdIsCredential));
        }
        let credentials = if ProfileStore::is_demo(&profile.id) {
            self.profiles.demo_credentials()
        } else {
            self.credentials.for_lookup(&profile).await
        };
        self.lookups.run(&profile, credentials, &user_id).await
    }

    /// A lookup's answer as support may see it: credentials redacted, phone numbers
    /// masked, at most 64 KiB. `None` when that lookup got no answer or is no longer kept.
    pub fn raw_answer(&self, lookup_id: LookupId) -> Option<String> {
        self.lookups.raw_answer(lookup_id)
    }

    /// The full number of `field` in lookup `lookup_id`, which the operator asked to see.
    pub fn reveal_phone(&self, lookup_id: LookupId, field: PhoneField) -> Result<String, ConsoleError> {
        let (_profile_id, _user_id, phone) =
            self.lookups.phone(lookup_id, field).ok_or(ConsoleError::LookupGone { lookup_id })?;
        Ok(phone)
    }

    /// "Look up the clipboard" (the hotkey, the tray): what the page is asked to do. A
    /// clipboard that holds a credential of the profile in use (or of any profile whose
    /// credentials this session read) is refused whole: nothing is looked up, and not a
    /// character of it reaches the page.
    pub async fn clipboard_request(&self, text: Option<&str>, source: RequestSource) -> DesktopRequest {
        if let (Some(text), Ok(profile)) = (text, self.profiles.get(None).await) {
            if self.credentials.is_credential(text, &profile, Match::Anywhere).await {
                return DesktopRequest::ClipboardHoldsCredential;
            }
        }
        DesktopRequest::from_clipboard(text, source)
    }

    pub fn recent(&self) -> Vec<RecentLookup> {
        self.lookups.recent()
    }

    pub fn clear_recent(&self) -> Result<(), ConsoleError> {
        self.lookups.clear_recent()
    }

    /// Writes what lookups recorded and a background write has not yet: before exit.
    pub fn save_recent(&self) -> Result<(), ConsoleError> {
        self.lookups.save_recent()
    }

    /// An image for a result (tile, logo, avatar), from its profile's hosts only.
    pub async fn image(&self, profile_id: &str, url: &str) -> Result<Image, ConsoleError> {
        let profile = self.profiles.get(Some(profile_id)).await?;
        self.images.fetch(&profile, url).await
    }
}

/// Profiles.
impl Console {
    pub async fn list_profiles(&self) -> Result<ProfilesView, ConsoleError> {
        Ok(self.profiles.list().await)
    }

    /// Validates and saves a profile (an empty id makes a new one).
    pub fn save_profile(&self, mut profile: Profile) -> Result<ProfileView, ConsoleError> {
        if profile.id.trim().is_empty() {
            profile.id = self.profiles.new_id();
        }
        let warnings = profile.normalise_and_validate()?;
        self.profiles.update(|file| {
            file.upsert(profile.clone());
            Ok(())
        })?;
        self.lookups.forget_client(&profile.id);
        Ok(ProfileView { profile, is_demo: false, warnings, unavailable: false })
    }

    /// Deletes a profile and its keyring entries. The entries go first: if the keyring
    /// cannot be reached, the profile stays, so no credential is left orphaned.
    pub async fn delete_profile(&self, id: &str) -> Result<(), ConsoleError> {
        self.profiles.saved(id)?;
        self.credentials.forget(id).await?;
        self.profiles.update(|file| {
            file.remove(id);
            Ok(())
        })?;
        self.lookups.forget_client(id);
        Ok(())
    }

    pub async fn select_profile(&self, id: &str) -> Result<ProfilesView, ConsoleError> {
        if !ProfileStore::is_demo(id) {
            self.profiles.saved(id)?;
        }
        self.profiles.update(|file| {
            file.selected = Some(id.to_owned());
            Ok(())
        })?;
        Ok(self.profiles.list().await)
    }

    /// What the profile's sign rule would hash for `user_id`, credentials shown as
    /// stand-ins: the settings screen's preview of a draft (nothing is saved or sent).
    pub fn sign_preview(&self, profile: &Profile, user_id: &str) -> Result<String, ConsoleError> {
        Ok(op_api::sign_preview(&profile.client_config()?, user_id)?)
    }

    /// Imports an IT-provided profiles file (its text); all of it, or nothing.
    pub fn import_profiles(&self, text: &str) -> Result<usize, ConsoleError> {
        let import = ProfilesFile::parse_import(text)?;
        let count = self.profiles.update(|file| Ok(file.merge(import)))?;
        self.lookups.forget_clients();
        Ok(count)
    }

    /// What an import would change that matters for credentials: each profile with saved
    /// credentials whose server it moves. The page asks the operator before importing.
    pub async fn preview_import(&self, text: &str) -> Result<Vec<ServerChange>, ConsoleError> {
        let import = ProfilesFile::parse_import(text)?;
        let mut changes = Vec::new();
        for incoming in import.profiles {
            let Some(current) = self.profiles.file().get(&incoming.id).cloned() else { continue };
            let (from, to) = (Destination::of(&current), Destination::of(&incoming));
            if from == to {
                continue;
            }
            // Entries of the earlier layout count as saved: they are credentials too.
            if self.credentials.any_saved(&current.id).await? {
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
        let too_large = std::fs::metadata(path).is_ok_and(|m| m.len() > IMPORT_MAX_BYTES as u64);
        if too_large {
            return Err(ConsoleError::InvalidImport {
                problem: ImportProblem::TooLarge { max_bytes: IMPORT_MAX_BYTES },
            });
        }
        let text = std::fs::read_to_string(path).map_err(|e| {
            tracing::warn!("profiles file {} unreadable: {e}", path.display());
            ConsoleError::InvalidImport { problem: ImportProblem::Unreadable { path: path.display().to_string() } }
        })?;
        self.import_profiles(&text)
    }
}

/// Credentials.
impl Console {
    /// Saves the token and/or the secret given, bound to the profile's destination now.
    pub async fn save_credentials(
        &self,
        profile_id: &str,
        token: Option<String>,
        secret: Option<String>,
    ) -> Result<CredentialStatus, ConsoleError> {
        let profile = self.profiles.saved(profile_id)?;
        self.credentials.save(&profile, token, secret).await
    }

    pub async fn forget_credentials(&self, profile_id: &str) -> Result<CredentialStatus, ConsoleError> {
        self.profiles.saved(profile_id)?;
        self.credentials.forget(profile_id).await
    }

    /// Whether the profile has a token and a secret, and for its server now: never their values.
    pub async fn credential_status(&self, profile_id: &str) -> Result<CredentialStatus, ConsoleError> {
        if ProfileStore::is_demo(profile_id) {
            return Ok(CredentialStatus { has_token: true, has_secret: true, for_other_server: false });
        }
        let profile = self.profiles.saved(profile_id)?;
        self.credentials.status(&profile).await
    }
}

/// The desktop.
impl Console {
    pub fn desktop_settings(&self) -> DesktopSettings {
        self.desktop.get()
    }

    /// Saves what Tauri has applied (the hotkey registered, autostart set); checked here
    /// too, whoever calls.
    pub fn save_desktop_settings(&self, settings: DesktopSettings) -> Result<(), ConsoleError> {
        self.desktop.save(settings)
    }
}
