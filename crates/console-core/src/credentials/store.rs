//! The credentials the console asks for: read from the keyring once, then kept in memory
//! (never in a file), each with the destination it was saved for. A lookup gets them only
//! for that destination; saving binds them to the profile's destination now.

use std::collections::HashMap;
use std::path::Path;
use std::sync::Mutex;

use op_api::{ConfigProblem, Credentials, OpError, Secret};

use crate::credentials::destination::Destination;
use crate::credentials::saved::SavedCredentials;
use crate::credentials::vault::{CredentialKind, CredentialStatus, Vault};
use crate::error::ConsoleError;
use crate::profiles::file::ProfilesFile;
use crate::profiles::profile::Profile;
use crate::support::blocking::blocking;
use crate::support::lock::lock;

/// How [`CredentialStore::is_credential`] compares.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Match {
    /// The text is a credential (a user ID typed or pasted).
    Whole,
    /// The text holds one (the clipboard).
    Anywhere,
}

pub(crate) struct CredentialStore {
    vault: Vault,
    /// Read from the keyring once, with their destination: in memory only.
    cache: Mutex<HashMap<String, SavedCredentials>>,
}

impl CredentialStore {
    pub(crate) fn new(vault: Vault) -> Self {
        Self { vault, cache: Mutex::new(HashMap::new()) }
    }

    /// The profile's credentials, only when they were saved for its destination now.
    pub(crate) async fn for_lookup(&self, profile: &Profile) -> Result<Credentials, ConsoleError> {
        // Where it would go cannot be said (its address, proxy or CA file unusable): that
        // problem, not "saved for another server".
        let current = Destination::of(profile)?;
        let saved = match self.cached(&profile.id) {
            Some(saved) => saved,
            None => {
                let (vault, id) = (self.vault.clone(), profile.id.clone());
                let Some(saved) = blocking(move || vault.load(&id)).await? else {
                    return Err(OpError::from(ConfigProblem::NoCredentials).into());
                };
                lock(&self.cache).insert(profile.id.clone(), saved.clone());
                saved
            }
        };
        // Saved for another server (the profile was re-pointed): send nothing.
        if current != saved.destination {
            return Err(ConsoleError::CredentialsForOtherServer {
                saved_for: saved.destination.shown(),
                profile_server: current.shown(),
            });
        }
        match (saved.token.is_some(), saved.secret.is_some()) {
            (true, false) => Err(OpError::from(ConfigProblem::NoSecret).into()),
            (false, true) => Err(OpError::from(ConfigProblem::NoToken).into()),
            _ => saved.complete().ok_or_else(|| OpError::from(ConfigProblem::NoCredentials).into()),
        }
    }

    /// Reads the profile's saved credentials from the keyring into memory, if they are not
    /// there yet and there are any. Nothing is checked or sent: a lookup checks them.
    pub(crate) async fn read_ahead(&self, profile: &Profile) {
        if self.cached(&profile.id).is_none() {
            let (vault, id) = (self.vault.clone(), profile.id.clone());
            if let Ok(Some(saved)) = blocking(move || vault.load(&id)).await {
                lock(&self.cache).insert(profile.id.clone(), saved);
            }
        }
    }

    fn cached(&self, profile_id: &str) -> Option<SavedCredentials> {
        lock(&self.cache).get(profile_id).cloned()
    }

    /// Saves the token and/or the secret given, bound to the profile's destination now, in
    /// one keyring entry; a field left out keeps its saved value, but only when that was
    /// saved for the same destination (a re-pointed profile needs both again).
    pub(crate) async fn save(
        &self,
        profile: &Profile,
        token: Option<String>,
        secret: Option<String>,
    ) -> Result<CredentialStatus, ConsoleError> {
        let checked = |value: Option<String>, credential: CredentialKind| -> Result<Option<Secret>, ConsoleError> {
            match value {
                None => Ok(None),
                Some(v) if v.trim().is_empty() => Err(ConsoleError::EmptyCredential { credential }),
                Some(v) => Ok(Some(Secret::new(v.trim()))),
            }
        };
        let token = checked(token, CredentialKind::Token)?;
        let secret = checked(secret, CredentialKind::Secret)?;
        // Bound to nothing that cannot be said: its address, proxy or CA file, as a lookup would say it.
        let destination = Destination::of(profile)?;
        lock(&self.cache).remove(&profile.id);
        let (vault, id) = (self.vault.clone(), profile.id.clone());
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

    /// Deletes the profile's entry (and any of the earlier layout).
    pub(crate) async fn forget(&self, profile_id: &str) -> Result<CredentialStatus, ConsoleError> {
        lock(&self.cache).remove(profile_id);
        let (vault, id) = (self.vault.clone(), profile_id.to_owned());
        blocking(move || {
            vault.delete(&id)?;
            let back = vault.load(&id)?;
            Ok(CredentialStatus::of(back.as_ref(), None))
        })
        .await
    }

    /// Whether the profile has a token and a secret, and for its destination now.
    pub(crate) async fn status(&self, profile: &Profile) -> Result<CredentialStatus, ConsoleError> {
        let current = Destination::of(profile).ok();
        let (vault, id) = (self.vault.clone(), profile.id.clone());
        blocking(move || {
            let saved = vault.load(&id)?;
            Ok(CredentialStatus::of(saved.as_ref(), current.as_ref()))
        })
        .await
    }

    /// Whether credentials are saved for the profile (in either keyring layout) that would
    /// not be sent to `destination`: a change that moves it there says they must be
    /// entered again. Entries of the earlier layout are bound to no destination yet.
    pub(crate) async fn saved_for_elsewhere(
        &self,
        profile_id: &str,
        destination: Option<Destination>,
    ) -> Result<bool, ConsoleError> {
        let (vault, id) = (self.vault.clone(), profile_id.to_owned());
        blocking(move || {
            Ok(match vault.load(&id)? {
                Some(saved) => Some(saved.destination) != destination,
                None => vault.has_legacy(&id)?,
            })
        })
        .await
    }

    /// Whether `text` is (`Whole`) or holds (`Anywhere`) a token or secret: of `profile`
    /// (read from the keyring when this session has not yet) or of any profile read so
    /// far. A keyring that cannot be read counts as "no".
    pub(crate) async fn is_credential(&self, text: &str, profile: &Profile, how: Match) -> bool {
        self.read_ahead(profile).await;
        let text = text.trim();
        let cache = lock(&self.cache);
        let found = cache.values().flat_map(|saved| [&saved.token, &saved.secret]).flatten().any(|secret| {
            let secret = secret.expose().trim();
            match how {
                Match::Whole => secret == text,
                // Short values would match ordinary text: a credential is never that short.
                Match::Anywhere => secret.chars().count() >= 6 && text.contains(secret),
            }
        });
        found
    }

    /// Entries of the earlier keyring layout (`<id>:token`, `<id>:secret`) become one entry
    /// each, bound to the profile as `profiles.json` holds it now: before any import, link or
    /// page can re-point it, and never on a lookup. A profile whose destination cannot be
    /// read (its CA file gone, say) keeps its old entries unused, and the log names it. A
    /// keyring that cannot be reached stops the pass; it runs again at the next start.
    pub(crate) fn migrate_legacy(&self, config_dir: &Path, profiles: &ProfilesFile) {
        let marker = config_dir.join(LEGACY_MIGRATED_FILE);
        if marker.exists() || profiles.profiles.is_empty() {
            return;
        }
        for profile in &profiles.profiles {
            let outcome = match Destination::of(profile) {
                Ok(destination) => self.vault.migrate_legacy(&profile.id, &destination).map(|moved| {
                    if moved {
                        tracing::info!("keyring entries of profile {} migrated to one entry", profile.id);
                    }
                }),
                Err(why) => self.vault.has_legacy(&profile.id).map(|left| {
                    if left {
                        tracing::warn!("old keyring entries of profile {} left unused: {why}", profile.id);
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
}

/// Marks that the earlier keyring layout was migrated: the pass runs once.
const LEGACY_MIGRATED_FILE: &str = "keyring-layout-migrated";
