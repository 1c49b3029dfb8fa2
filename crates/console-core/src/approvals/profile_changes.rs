//! A change to the profiles, from any path (Settings' save, an import from a file or a
//! page, the operator's yes in the trusted window): made at once when it moves no data,
//! else staged for the trusted window, and applied only to the profiles it was asked about.

use crate::approvals::{ApprovalDone, Approvals, ChangeOutcome, ChangeSource, Pending, SaveOutcome, Staged};
use crate::credentials::destination::Destination;
use crate::credentials::store::CredentialStore;
use crate::error::ConsoleError;
use crate::lookups::store::Lookups;
use crate::policy::{Policy, PolicyKey};
use crate::profiles::changes::{flows_of, DataFlowChanges, FlowField};
use crate::profiles::file::ProfilesFile;
use crate::profiles::profile::Profile;
use crate::profiles::store::{ProfileStore, ProfileView};

/// The parts a change touches: the profiles it changes, the credentials it may leave
/// unusable, the trusted window that asks, the clients it makes stale.
pub(crate) struct ProfileChanges<'a> {
    pub(crate) profiles: &'a ProfileStore,
    pub(crate) credentials: &'a CredentialStore,
    pub(crate) approvals: &'a Approvals,
    pub(crate) lookups: &'a Lookups,
}

impl ProfileChanges<'_> {
    /// Validates and saves a profile (an empty id makes a new one). A saved profile whose
    /// tile or asset hosts move (customer locations and per-user file names would go there)
    /// waits for the operator's yes in the trusted window instead: a page cannot move them.
    pub(crate) async fn save(&self, mut profile: Profile) -> Result<SaveOutcome, ConsoleError> {
        if profile.id.trim().is_empty() {
            profile.id = self.profiles.new_id();
        }
        let mut profile = self.profiles.enforce(profile);
        let warnings = profile.normalise_and_validate()?;
        self.profiles.check_own(&profile)?;
        let current = self.profiles.file();
        if let Some(saved) = current.get(&profile.id) {
            let moved =
                |field| flows_of(saved).iter().zip(flows_of(&profile)).any(|(a, b)| a.field == field && a != &b);
            if moved(FlowField::Tiles) || moved(FlowField::Assets) {
                let staged = Staged::Profile(Box::new(profile));
                let request_id = self.stage(ChangeSource::SettingsSave, &current, staged).await?;
                return Ok(SaveOutcome::NeedsApproval { request_id });
            }
        }
        self.profiles.update(|file| {
            file.upsert(profile.clone());
            Ok(())
        })?;
        self.lookups.forget_client(&profile.id);
        let view = ProfileView { profile, is_demo: false, managed: false, warnings, unavailable: false };
        Ok(SaveOutcome::Saved { view: Box::new(view) })
    }

    /// Imports an IT-provided profiles file (its text); all of it, or nothing. One that
    /// would move data elsewhere (a server, a proxy, a CA, tiles, assets, the profile in
    /// use, a new profile) waits for the operator's yes in the trusted window, whatever
    /// path it came by; one that moves nothing is applied at once.
    pub(crate) async fn import(&self, text: &str, source: ChangeSource) -> Result<ChangeOutcome, ConsoleError> {
        if !self.profiles.policy().imports_allowed() {
            return Err(Policy::refuse(PolicyKey::AllowImports));
        }
        let mut import = ProfilesFile::parse_import(text)?;
        for profile in &mut import.profiles {
            *profile = self.profiles.enforce(profile.clone());
            self.profiles.check_own(profile)?;
        }
        let current = self.profiles.file();
        let staged = Staged::Import(import);
        let changes = self.changes_of(&current, &staged).await?;
        if changes.is_empty() {
            let profiles = self.profiles.update(|file| Ok(staged.apply_to(file)))?;
            self.lookups.forget_clients();
            return Ok(ChangeOutcome::Applied { profiles });
        }
        let request_id =
            self.approvals.ask(|id| Pending::Changes { id, source, changes, staged, before: Box::new(current) });
        Ok(ChangeOutcome::NeedsApproval { request_id })
    }

    /// What importing `text` would change: what the trusted window would ask.
    pub(crate) async fn preview_import(&self, text: &str) -> Result<DataFlowChanges, ConsoleError> {
        let staged = Staged::Import(ProfilesFile::parse_import(text)?);
        self.changes_of(&self.profiles.file(), &staged).await
    }

    /// The operator's yes to request `request_id`: the change is made, if the profiles
    /// still are as they were when it was asked (else `approval_outdated`, nothing made).
    pub(crate) fn approve(&self, request_id: u32) -> Result<ApprovalDone, ConsoleError> {
        let Some(Pending::Changes { staged, before, .. }) = self.approvals.take(request_id) else {
            return Err(ConsoleError::ApprovalOutdated);
        };
        let profiles = self.profiles.update(|file| {
            if *file != *before {
                return Err(ConsoleError::ApprovalOutdated);
            }
            Ok(staged.apply_to(file))
        })?;
        self.lookups.forget_clients();
        Ok(ApprovalDone::Changes { applied: true, profiles })
    }

    /// Asks the trusted window about `staged` (changes as they would be made to `current`).
    async fn stage(&self, source: ChangeSource, current: &ProfilesFile, staged: Staged) -> Result<u32, ConsoleError> {
        let changes = self.changes_of(current, &staged).await?;
        let before = Box::new(current.clone());
        Ok(self.approvals.ask(|id| Pending::Changes { id, source, changes, staged, before }))
    }

    /// What `staged` would move, with the profiles whose saved credentials would stop
    /// being sent (their destination moves; the earlier keyring layout counts too).
    async fn changes_of(&self, current: &ProfilesFile, staged: &Staged) -> Result<DataFlowChanges, ConsoleError> {
        let mut next = current.clone();
        staged.apply_to(&mut next);
        let mut changes = DataFlowChanges::between(current, &next);
        for change in &mut changes.profiles {
            let (Some(before), Some(after)) = (current.get(&change.id), next.get(&change.id)) else { continue };
            let to = Destination::of(after).ok();
            if Destination::of(before).ok() != to {
                change.credentials_unusable = self.credentials.saved_for_elsewhere(&change.id, to).await?;
            }
        }
        Ok(changes)
    }
}
