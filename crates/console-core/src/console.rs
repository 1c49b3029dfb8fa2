//! The console: a small facade over its parts, one Tauri command to one method here.
//!
//! - `profiles` (`ProfileStore`): the saved profiles, the selection, the demo;
//! - `credentials` (`CredentialStore`): the keyring, the in-memory copy, the destination rule;
//! - `lookups` (`Lookups`): clients, each lookup numbered and kept, the recent list, the
//!   lookup begun for a link;
//! - `approvals` (`Approvals`): what waits for the operator in the trusted window, and
//!   `ProfileChanges` (`approvals/profile_changes.rs`), a change to the profiles from any path;
//! - `images` (`ImageFetcher`), `desktop` (`DesktopStore`), `reveals` (`RevealJournal`).
//!
//! A method here only routes between parts: which profile, whose credentials, which lookup.

use std::path::Path;

use op_api::{OpError, UserId};

use crate::approvals::profile_changes::ProfileChanges;
use crate::approvals::{ApprovalDone, ApprovalRequest, Approvals, ChangeOutcome, ChangeSource, Pending, SaveOutcome};
use crate::credentials::store::{CredentialStore, Match};
use crate::credentials::vault::{CredentialStatus, Vault};
use crate::desktop::request::{DesktopRequest, RequestSource};
use crate::desktop::settings::{DataRules, DesktopSettings, DesktopView};
use crate::desktop::store::DesktopStore;
use crate::error::ConsoleError;
use crate::images::{Image, ImageFetcher};
use crate::lookups::phone::PhoneField;
use crate::lookups::recent::RecentLookup;
use crate::lookups::reply::{LookupFailure, LookupId, LookupReply};
use crate::lookups::store::Lookups;
use crate::lookups::view::LocationView;
use crate::policy::{Policy, PolicyKey, PolicyReport};
use crate::profiles::changes::{flows_of, DataFlowChanges};
use crate::profiles::file::ProfilesFile;
use crate::profiles::profile::Profile;
use crate::profiles::profile_problem::{ProfileField, ProfileProblem};
use crate::profiles::store::{ProfileStore, ProfilesView};
use crate::reveals::journal::clean_reason;
use crate::reveals::{RevealEntry, RevealJournal};
use crate::support::atomic_file::{private_dir, MovedAside};
use crate::support::clock::now_ms;
use crate::updates::{plan_updates, update_network, BuildUpdates, UpdateNetwork, UpdatePlan, UpdatesOff};
use std::sync::Arc;

pub struct Console {
    profiles: ProfileStore,
    credentials: CredentialStore,
    lookups: Lookups,
    images: ImageFetcher,
    desktop: DesktopStore,
    /// What waits for the operator in the trusted window.
    approvals: Approvals,
    /// Who saw which number.
    reveals: RevealJournal,
    /// Files that could not be used at start and were moved aside: the page says so.
    moved_aside: Vec<MovedAside>,
}

/// Opening, and what the page shows at start.
impl Console {
    /// Opens the console's state: profiles and desktop settings from `config_dir`, recent
    /// lookups from `data_dir`. Credentials of the earlier keyring layout are migrated
    /// here, bound to the profiles as saved, before anything can re-point them.
    pub fn open(config_dir: &Path, data_dir: &Path, vault: Vault) -> Result<Self, ConsoleError> {
        Self::open_with_policy(config_dir, data_dir, vault, Policy::none())
    }

    /// [`Console::open`] under IT's policy (the app reads the machine's, `Policy::load_system`).
    pub fn open_with_policy(
        config_dir: &Path,
        data_dir: &Path,
        vault: Vault,
        policy: Policy,
    ) -> Result<Self, ConsoleError> {
        for dir in [config_dir, data_dir] {
            private_dir(dir).map_err(|e| ConsoleError::storage(dir, format!("cannot create it: {e}")))?;
        }
        let policy = Arc::new(policy);
        let (profiles, profiles_moved) = ProfileStore::open(config_dir, policy.clone());
        let credentials = CredentialStore::new(vault);
        credentials.migrate_legacy(config_dir, &profiles.file());
        let (lookups, recent_moved) = Lookups::open(data_dir);
        let (desktop, desktop_moved) = DesktopStore::open(config_dir, policy.clone());
        Ok(Self {
            profiles,
            credentials,
            lookups,
            images: ImageFetcher::new(),
            desktop,
            approvals: Approvals::default(),
            reveals: RevealJournal::new(data_dir),
            moved_aside: profiles_moved.into_iter().chain(recent_moved).chain(desktop_moved).collect(),
        })
    }

    /// The policy in force, as IT sees it (Settings → Policies, `--policy-report`).
    pub fn policy_report(&self) -> PolicyReport {
        self.profiles.policy().report()
    }

    /// Whether, where and how often to look for updates, under IT's policy.
    pub fn update_plan(&self, build: &BuildUpdates) -> Result<UpdatePlan, UpdatesOff> {
        plan_updates(build, self.profiles.policy())
    }

    /// IT's network (proxy, CA file) for a request to the update endpoint.
    pub fn update_network(&self, endpoint: &url::Url) -> Result<UpdateNetwork, ConsoleError> {
        update_network(self.profiles.policy(), endpoint).map_err(|problem| {
            let field = if problem == ProfileProblem::ProxyScheme { ProfileField::Proxy } else { ProfileField::CaFile };
            ConsoleError::InvalidProfile { field, problem }
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
        // The page's call for a link's lookup, a moment after the start began it.
        let profile = async { self.profiles.get(profile_id).await.ok() };
        if let Some(answer) = self.lookups.begun_answer(user_id, profile).await {
            return answer;
        }
        self.lookup_now(profile_id, user_id).await
    }

    async fn lookup_now(&self, profile_id: Option<&str>, user_id: &str) -> Result<LookupReply, LookupFailure> {
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
        let precision = self.desktop.rules().location_precision;
        self.lookups.run(&profile, credentials, &user_id, precision).await
    }

    /// Begins the lookup a link or `--lookup` started the console for, while its window is
    /// made: the operator asked for it, and its answer is there when the page asks a moment
    /// later (the page's call takes it instead of asking the server again; see
    /// `lookups/early.rs`). Taken at once (before the returned future runs), so that the
    /// page's call cannot come between. Only on the profile in use: a request naming
    /// another one waits for the operator's yes in the page, so nothing of that profile is
    /// read or sent here.
    pub fn begin_lookup<'a>(
        &'a self,
        profile_id: Option<&'a str>,
        user_id: &str,
    ) -> impl std::future::Future<Output = ()> + 'a {
        // A bad ID is refused by the page's own call, as typed.
        let begun = UserId::parse(user_id).ok().map(|user_id| {
            let answer = self.lookups.begin(&user_id);
            (user_id, answer)
        });
        async move {
            let Some((user_id, answer)) = begun else { return };
            // Dropped without an answer: a call waiting for it asks the server itself.
            let Ok(profile) = self.profiles.get(None).await else { return };
            if profile_id.is_some_and(|named| named != profile.id) {
                return;
            }
            let reply = self.lookup_now(Some(&profile.id), user_id.as_str()).await;
            let _ = answer.send((profile, reply));
        }
    }

    /// A lookup's answer as support may see it: credentials redacted, phone numbers
    /// masked, at most 64 KiB. `None` when that lookup got no answer or is no longer kept.
    pub fn raw_answer(&self, lookup_id: LookupId) -> Option<String> {
        // Off by IT, or while locations are shown at district precision (the answer holds
        // the exact point).
        if !self.desktop.rules().raw_answer {
            return None;
        }
        self.lookups.raw_answer(lookup_id)
    }

    /// The full number of `field` in lookup `lookup_id`, which the operator asked to see
    /// (with `reason` when the rules ask for one). Written to the reveal journal first: a
    /// reveal that cannot be journaled is refused.
    pub async fn reveal_phone(
        &self,
        lookup_id: LookupId,
        field: PhoneField,
        reason: Option<&str>,
    ) -> Result<String, ConsoleError> {
        if self.profiles.policy().mandatory().phone_reveal == Some(false) {
            return Err(Policy::refuse(PolicyKey::PhoneReveal));
        }
        let reason = self.reveal_reason(reason)?;
        let (profile_id, user_id, phone) =
            self.lookups.phone(lookup_id, field).ok_or(ConsoleError::LookupGone { lookup_id })?;
        self.journal(profile_id, user_id, RevealEntry::field_name(field), reason).await?;
        Ok(phone)
    }

    /// The exact location of lookup `lookup_id`, held back at district precision, which the
    /// operator asked to see; journaled as a number is.
    pub async fn reveal_location(
        &self,
        lookup_id: LookupId,
        reason: Option<&str>,
    ) -> Result<LocationView, ConsoleError> {
        let reason = self.reveal_reason(reason)?;
        let (profile_id, user_id, location) =
            self.lookups.held_location(lookup_id).ok_or(ConsoleError::LookupGone { lookup_id })?;
        self.journal(profile_id, user_id, "location".into(), reason).await?;
        Ok(location)
    }

    /// The reason as the journal keeps it; refused when the rules ask for one and it is empty.
    fn reveal_reason(&self, reason: Option<&str>) -> Result<Option<String>, ConsoleError> {
        let reason = clean_reason(reason);
        if self.desktop.rules().reveal_reason && reason.is_none() {
            return Err(ConsoleError::RevealReasonRequired);
        }
        Ok(reason)
    }

    /// Writes a reveal to the journal (before anything is shown).
    async fn journal(
        &self,
        profile_id: String,
        user_id: String,
        field: String,
        reason: Option<String>,
    ) -> Result<(), ConsoleError> {
        let operator_id = self.profiles.get(Some(&profile_id)).await.ok().and_then(|p| p.operator_id);
        self.reveals.append(&RevealEntry { at: now_ms(), operator_id, profile_id, user_id, field, reason })
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

    /// "Open in map": the link for a point, when IT's allowed hosts include the map's.
    pub fn map_link(&self, lat: f64, lng: f64) -> Result<String, ConsoleError> {
        crate::desktop::map_link::check_map_allowed(self.profiles.policy())?;
        crate::desktop::map_link::map_link(lat, lng)
    }

    /// An image for a result (tile, logo, avatar), from its profile's hosts only.
    pub async fn image(&self, profile_id: &str, url: &str) -> Result<Image, ConsoleError> {
        let profile = self.profiles.get(Some(profile_id)).await?;
        if !url::Url::parse(url).is_ok_and(|u| self.profiles.policy().host_allowed(&u)) {
            return Err(ConsoleError::ImageRefused { url: url.chars().take(200).collect() });
        }
        self.images.fetch(&profile, url).await
    }
}

/// Profiles.
impl Console {
    pub async fn list_profiles(&self) -> Result<ProfilesView, ConsoleError> {
        Ok(self.profiles.list().await)
    }

    /// Validates and saves a profile (an empty id makes a new one); one whose tile or asset
    /// hosts move waits for the operator's yes in the trusted window.
    pub async fn save_profile(&self, profile: Profile) -> Result<SaveOutcome, ConsoleError> {
        self.changes().save(profile).await
    }

    /// Deletes a profile and its keyring entries. The entries go first: if the keyring
    /// cannot be reached, the profile stays, so no credential is left orphaned.
    pub async fn delete_profile(&self, id: &str) -> Result<(), ConsoleError> {
        self.profiles.own(id)?;
        self.credentials.forget(id).await?;
        self.profiles.update(|file| {
            file.remove(id);
            Ok(())
        })?;
        self.lookups.forget_client(id);
        Ok(())
    }

    pub async fn select_profile(&self, id: &str) -> Result<ProfilesView, ConsoleError> {
        // Whatever the source, only what the policy lets run.
        self.profiles.get(Some(id)).await?;
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

    /// Imports an IT-provided profiles file (its text); all of it, or nothing; one that
    /// moves data waits for the operator's yes in the trusted window.
    pub async fn import_profiles(&self, text: &str, source: ChangeSource) -> Result<ChangeOutcome, ConsoleError> {
        self.changes().import(text, source).await
    }

    /// What importing `text` would change: what the trusted window would ask.
    pub async fn preview_import(&self, text: &str) -> Result<DataFlowChanges, ConsoleError> {
        self.changes().preview_import(text).await
    }

    pub async fn import_profiles_file(&self, path: &Path, source: ChangeSource) -> Result<ChangeOutcome, ConsoleError> {
        self.import_profiles(&ProfilesFile::read_import(path)?, source).await
    }

    /// A change to the profiles, whatever path it comes by.
    fn changes(&self) -> ProfileChanges<'_> {
        ProfileChanges {
            profiles: &self.profiles,
            credentials: &self.credentials,
            approvals: &self.approvals,
            lookups: &self.lookups,
        }
    }
}

/// The trusted window: credentials typed where the page cannot read them, and the
/// operator's yes to changes that move data.
impl Console {
    /// Asks for a profile's token and secret in the trusted window.
    pub fn request_credentials(&self, profile_id: &str) -> Result<u32, ConsoleError> {
        self.profiles.credentialed(profile_id)?;
        Ok(self.approvals.ask(|id| Pending::Credentials { id, profile_id: profile_id.to_owned() }))
    }

    /// What the trusted window shows now; `None` when nothing waits.
    pub async fn approval_request(&self) -> Option<ApprovalRequest> {
        match self.approvals.current()? {
            Pending::Changes { id, source, changes, .. } => {
                Some(ApprovalRequest::Changes { request_id: id, source, changes })
            }
            Pending::Credentials { id, profile_id } => {
                let profile = self.profiles.credentialed(&profile_id).ok()?;
                let status = self.credentials.status(&profile).await.unwrap_or_default();
                let flows = flows_of(&profile);
                Some(ApprovalRequest::Credentials { request_id: id, profile_id, name: profile.name, flows, status })
            }
        }
    }

    /// The operator's yes to request `request_id`: the change is made, if the profiles
    /// still are as they were when it was asked (else `approval_outdated`, nothing made).
    pub async fn approve_changes(&self, request_id: u32) -> Result<ApprovalDone, ConsoleError> {
        self.changes().approve(request_id)
    }

    /// The operator's no (or the window closed): nothing changes.
    pub async fn decline(&self, request_id: u32) -> Option<ApprovalDone> {
        match self.approvals.take(request_id)? {
            Pending::Changes { .. } => Some(ApprovalDone::Changes { applied: false, profiles: 0 }),
            Pending::Credentials { profile_id, .. } => {
                let status = self.credential_status(&profile_id).await.unwrap_or_default();
                Some(ApprovalDone::Credentials { profile_id, status })
            }
        }
    }

    /// The token and/or secret typed in the trusted window for request `request_id`, saved
    /// for that request's profile (the page chose which profile; the operator saw its
    /// destination while typing).
    pub async fn save_requested_credentials(
        &self,
        request_id: u32,
        token: Option<String>,
        secret: Option<String>,
    ) -> Result<ApprovalDone, ConsoleError> {
        let Some(Pending::Credentials { profile_id, .. }) = self.approvals.current().filter(|p| p.id() == request_id)
        else {
            return Err(ConsoleError::ApprovalOutdated);
        };
        let status = self.save_credentials(&profile_id, token, secret).await?;
        self.approvals.take(request_id);
        Ok(ApprovalDone::Credentials { profile_id, status })
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
        let profile = self.profiles.credentialed(profile_id)?;
        self.lookups.forget_begun();
        self.credentials.save(&profile, token, secret).await
    }

    pub async fn forget_credentials(&self, profile_id: &str) -> Result<CredentialStatus, ConsoleError> {
        self.profiles.credentialed(profile_id)?;
        self.lookups.forget_begun();
        self.credentials.forget(profile_id).await
    }

    /// Whether the profile has a token and a secret, and for its server now: never their values.
    pub async fn credential_status(&self, profile_id: &str) -> Result<CredentialStatus, ConsoleError> {
        if ProfileStore::is_demo(profile_id) {
            return Ok(CredentialStatus { has_token: true, has_secret: true, for_other_server: false });
        }
        let profile = self.profiles.credentialed(profile_id)?;
        self.credentials.status(&profile).await
    }
}

/// This computer's settings.
impl Console {
    /// The settings in force: IT's policy over the operator's choices.
    pub fn desktop_settings(&self) -> DesktopSettings {
        self.desktop.get()
    }

    /// What Settings shows of them (`hotkey_registered`: Tauri's word).
    pub fn desktop_view(&self, hotkey_registered: bool) -> DesktopView {
        self.desktop.get().view(hotkey_registered, self.desktop.locked(), self.desktop.rules())
    }

    /// What the console does with customer data, as in force.
    pub fn data_rules(&self) -> DataRules {
        self.desktop.rules()
    }

    /// Checks settings before Tauri applies them (the hotkey rule, IT's locks).
    pub fn check_desktop_settings(&self, settings: DesktopSettings) -> Result<DesktopSettings, ConsoleError> {
        self.desktop.check(settings)
    }

    /// What to save when the start-at-login entry could not be written: the setting as the
    /// system now has it, unless IT locks it (then IT's value stays; the error says the
    /// entry is missing, and saving the rest is not refused as a change to a lock).
    pub fn autostart_not_applied(&self, applied: DesktopSettings) -> DesktopSettings {
        let as_the_system_has_it = DesktopSettings { start_at_login: !applied.start_at_login, ..applied.clone() };
        match self.desktop.check(as_the_system_has_it.clone()) {
            Ok(_) => as_the_system_has_it,
            Err(_) => applied,
        }
    }

    /// Saves what Tauri has applied (the hotkey registered, autostart set); checked here
    /// too, whoever calls.
    pub fn save_desktop_settings(&self, settings: DesktopSettings) -> Result<(), ConsoleError> {
        self.desktop.save(settings)
    }
}
