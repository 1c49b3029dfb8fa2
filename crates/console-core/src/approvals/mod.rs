//! What only the operator may decide, asked in a window of its own (the trusted window)
//! that the main page cannot script: entering a profile's token and secret (typed where no
//! server data is ever rendered), and agreeing to changes that move data elsewhere (an
//! import from any path, a page's change of tile or asset hosts). One request at a time: a
//! new one replaces the one waiting, which counts as declined.

pub(crate) mod profile_changes;

use std::sync::Mutex;

use serde::Serialize;

use crate::credentials::vault::CredentialStatus;
use crate::profiles::changes::{DataFlowChanges, FlowValue};
use crate::profiles::file::ProfilesFile;
use crate::profiles::profile::Profile;
use crate::support::lock::lock;

/// Where a change to the profiles came from: the trusted window says so.
#[derive(ts_rs::TS, Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum ChangeSource {
    /// A file picked in Settings.
    SettingsImport,
    /// `--profiles FILE` or `OP_CONSOLE_PROFILES` when the console started.
    StartUp,
    /// `op-console --profiles FILE` while the console was running.
    SecondLaunch,
    /// A profile saved in Settings.
    SettingsSave,
}

/// What the trusted window shows and asks.
#[derive(ts_rs::TS, Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "camelCase", rename_all_fields = "camelCase")]
pub enum ApprovalRequest {
    /// Enter the token and secret of this profile: they will be sent only to these places.
    Credentials { request_id: u32, profile_id: String, name: String, flows: Vec<FlowValue>, status: CredentialStatus },
    /// Agree to these changes, or keep everything as it is.
    Changes { request_id: u32, source: ChangeSource, changes: DataFlowChanges },
}

/// What happened to a request, for the main page (it reloads what changed).
#[derive(ts_rs::TS, Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "camelCase", rename_all_fields = "camelCase")]
pub enum ApprovalDone {
    /// The changes were applied (`profiles` imported or saved), or declined.
    Changes { applied: bool, profiles: usize },
    /// The credentials window closed; the profile's credentials are as `status` says.
    Credentials { profile_id: String, status: CredentialStatus },
}

/// A change waiting for the operator's yes: applied only if the profiles are still as they
/// were when it was asked (else the yes would be to another change).
#[derive(Clone, Debug)]
pub(crate) enum Staged {
    /// An import file, read and checked.
    Import(ProfilesFile),
    /// A profile as it would be saved.
    Profile(Box<Profile>),
}

impl Staged {
    /// `file` with the change made; how many profiles it touched.
    pub(crate) fn apply_to(&self, file: &mut ProfilesFile) -> usize {
        match self {
            Self::Import(import) => file.merge(import.clone()),
            Self::Profile(profile) => {
                file.upsert(Profile::clone(profile));
                1
            }
        }
    }
}

/// A profile saved from Settings: saved, or (its tile or asset hosts moved) waiting for
/// the operator in the trusted window.
#[derive(ts_rs::TS, Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "camelCase", rename_all_fields = "camelCase")]
pub enum SaveOutcome {
    Saved { view: Box<crate::profiles::store::ProfileView> },
    NeedsApproval { request_id: u32 },
}

/// What a staged change does, answered now or later: applied at once when it moves no
/// data, or waiting for the operator in the trusted window.
#[derive(ts_rs::TS, Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "camelCase", rename_all_fields = "camelCase")]
pub enum ChangeOutcome {
    Applied { profiles: usize },
    NeedsApproval { request_id: u32 },
}

#[derive(Clone, Debug)]
pub(crate) enum Pending {
    Credentials {
        id: u32,
        profile_id: String,
    },
    /// `before`: the profiles as they were when asked; the yes applies only to them.
    Changes {
        id: u32,
        source: ChangeSource,
        changes: DataFlowChanges,
        staged: Staged,
        before: Box<ProfilesFile>,
    },
}

impl Pending {
    pub(crate) fn id(&self) -> u32 {
        match self {
            Self::Credentials { id, .. } | Self::Changes { id, .. } => *id,
        }
    }
}

#[derive(Default)]
pub(crate) struct Approvals {
    pending: Mutex<Option<Pending>>,
    last_id: Mutex<u32>,
}

impl Approvals {
    /// Waits for the operator: replaces whatever was waiting. Returns the request's ID.
    pub(crate) fn ask(&self, make: impl FnOnce(u32) -> Pending) -> u32 {
        let id = {
            let mut last = lock(&self.last_id);
            *last += 1;
            *last
        };
        *lock(&self.pending) = Some(make(id));
        id
    }

    pub(crate) fn current(&self) -> Option<Pending> {
        lock(&self.pending).clone()
    }

    /// The request `id`, taken (answered): `None` when another replaced it, or none waits.
    pub(crate) fn take(&self, id: u32) -> Option<Pending> {
        let mut pending = lock(&self.pending);
        if pending.as_ref().is_some_and(|p| p.id() == id) {
            pending.take()
        } else {
            None
        }
    }
}
