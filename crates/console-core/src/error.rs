//! The one error that crosses the IPC boundary, as data: a stable `code` plus the
//! parameters its sentence needs. The UI owns every sentence (in Chinese and English);
//! `message` is English for logs and support only.

use op_api::OpError;
use serde::Serialize;

use crate::credentials::vault::CredentialKind;
use crate::profiles::import_problem::ImportProblem;
use crate::profiles::profile_problem::{ProfileField, ProfileProblem};

/// Serialises as `{"code": "invalid_profile", "field": "baseUrl", "problem": {…}}`; the
/// op-api client's own errors keep their codes (`timeout`, `api`, …). `detail` fields are
/// diagnostic English for logs and never leave the backend.
#[derive(ts_rs::TS, Debug, Clone, PartialEq, thiserror::Error, Serialize)]
#[serde(tag = "code", rename_all = "snake_case", rename_all_fields = "camelCase")]
pub enum ConsoleError {
    #[error("The profile's {field} is not valid: {problem}.")]
    InvalidProfile { field: ProfileField, problem: ProfileProblem },

    #[error("There is no profile '{id}'.")]
    ProfileNotFound { id: String },

    #[error("The demo profile is built in and cannot be changed or deleted.")]
    DemoReadOnly,

    #[error("The profiles file could not be imported: {problem}.")]
    InvalidImport { problem: ImportProblem },

    /// The credentials were saved for another server or client ID than the profile's now
    /// (it was re-pointed, by an import say): nothing is sent until they are entered again.
    #[error("The credentials were saved for {saved_for}, but the profile now points to {profile_server}; they are not sent.")]
    CredentialsForOtherServer { saved_for: String, profile_server: String },

    #[error("The {credential} is empty: enter a value, or use Forget to remove it.")]
    EmptyCredential { credential: CredentialKind },

    #[error("No system keyring is available ({detail}). Op Console keeps credentials only there.")]
    KeyringUnavailable {
        #[serde(skip)]
        detail: String,
    },

    #[error("The system keyring is locked ({detail}). Unlock it, then try again.")]
    KeyringLocked {
        #[serde(skip)]
        detail: String,
    },

    #[error("The system keyring did not answer within {after_ms} ms; it may be waiting for an unlock prompt.")]
    KeyringTimeout { after_ms: u64 },

    #[error("The system keyring failed ({detail}).")]
    KeyringError {
        #[serde(skip)]
        detail: String,
    },

    #[error("Op Console could not read or write {path} ({detail}).")]
    Storage {
        /// The file or folder, as the operator's file manager shows it.
        path: String,
        #[serde(skip)]
        detail: String,
    },

    #[error("The demo server could not start ({detail}).")]
    DemoUnavailable {
        #[serde(skip)]
        detail: String,
    },

    #[error("The map could not be opened ({detail}).")]
    OpenFailed {
        #[serde(skip)]
        detail: String,
    },

    #[error("The text could not be copied ({detail}).")]
    CopyFailed {
        #[serde(skip)]
        detail: String,
    },

    /// A request of the trusted window was answered after it was replaced, or after the
    /// profiles changed in a way that makes it another change: nothing was made.
    #[error("The request was replaced, or the profiles changed since it was asked; nothing was changed.")]
    ApprovalOutdated,

    /// The lookup is no longer kept (its number was asked for after many newer ones).
    #[error("Lookup {lookup_id} is no longer kept.")]
    LookupGone { lookup_id: u32 },

    #[error("The image {url} is not under the profile's tile or asset URL.")]
    ImageRefused { url: String },

    #[error("The image could not be loaded ({detail}).")]
    ImageFailed {
        #[serde(skip)]
        detail: String,
    },

    /// Not a key combination the desktop understands (`Ctrl+Alt+U`, `Super+F9`, …).
    #[error("'{combination}' is not a key combination.")]
    HotkeyInvalid { combination: String },

    /// A combination other programs need (copy, paste, Alt+Tab, …): never taken from them.
    #[error("'{combination}' is a combination other programs need; it cannot be the global hotkey.")]
    HotkeyReserved { combination: String },

    /// A number of seconds outside what the setting takes.
    #[error("The number of seconds must be between {min} and {max}.")]
    SecondsOutOfRange { min: u32, max: u32 },

    /// The rules ask for a reason before a number is revealed, and none was given.
    #[error("A reason is needed before revealing a number.")]
    RevealReasonRequired,

    /// IT's policy locks this: the change is refused wherever it is tried.
    #[error("The organization's policy locks {key:?}; the change was refused.")]
    PolicyLocked { key: crate::policy::PolicyKey },

    /// IT's policy does not allow data to go to this host.
    #[error("The organization's policy does not allow sending data to {host}.")]
    HostNotAllowed { host: String },

    /// A shortcut's key that is not a combination (`Ctrl+K`, `Alt+ArrowLeft`, `F5`, `?`).
    #[error("'{key}' is not a key combination.")]
    KeyInvalid { key: String },

    /// One key for two shortcuts.
    #[error("'{key}' would do two things: {first:?} and {second:?}.")]
    KeyTwice { key: String, first: crate::desktop::keymap::KeyAction, second: crate::desktop::keymap::KeyAction },

    /// The user ID is the token or the secret of a profile (pasted or copied by mistake):
    /// nothing is sent and nothing recorded.
    #[error("The user ID is a saved credential; it was not looked up.")]
    UserIdIsCredential,

    /// Another app holds the combination (or the desktop refuses it).
    #[error("The combination '{combination}' is taken or refused by the desktop ({detail}).")]
    HotkeyTaken {
        combination: String,
        #[serde(skip)]
        detail: String,
    },

    #[error("Starting at login could not be changed ({detail}).")]
    AutostartFailed {
        #[serde(skip)]
        detail: String,
    },

    /// The Op API client's own failures, with their own codes. Last: an untagged variant
    /// must follow the tagged ones.
    #[error(transparent)]
    #[serde(untagged)]
    Api(#[from] OpError),
}

impl ConsoleError {
    /// The stable code the UI translates, as serialised (written once, by serde).
    pub fn code(&self) -> String {
        op_api::serialised_code(self)
    }

    pub(crate) fn storage(path: &std::path::Path, detail: impl std::fmt::Display) -> Self {
        Self::Storage { path: path.display().to_string(), detail: detail.to_string() }
    }

    pub(crate) fn invalid(field: ProfileField, problem: impl Into<ProfileProblem>) -> Self {
        Self::InvalidProfile { field, problem: problem.into() }
    }

    /// What the UI receives: the code and its parameters. The English sentence (which
    /// may hold server text and file paths) goes to the log, never to the page.
    pub fn body(&self) -> ErrorBody {
        tracing::info!(code = %self.code(), "{self}");
        let has_raw_answer = matches!(self, Self::Api(e) if e.has_answer());
        ErrorBody { has_raw_answer, error: self.clone() }
    }
}

/// The serialised error: the code and parameters of [`ConsoleError`], nothing else.
#[derive(ts_rs::TS, Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ErrorBody {
    /// The server answered: its answer can be shown (`raw_answer`), redacted.
    pub has_raw_answer: bool,
    #[serde(flatten)]
    pub error: ConsoleError,
}

impl From<ConsoleError> for ErrorBody {
    fn from(error: ConsoleError) -> Self {
        error.body()
    }
}

impl From<OpError> for ErrorBody {
    fn from(error: OpError) -> Self {
        ConsoleError::from(error).body()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use op_api::{ConfigProblem, UrlProblem};
    use serde_json::json;

    #[test]
    fn the_page_gets_the_code_and_parameters_only() {
        // The diagnostic detail (a server's snippet, a library's words) stays in the log.
        let connect = ConsoleError::from(OpError::Connect { detail: "tcp connect error: 10.0.0.7:443".into() });
        let body = serde_json::to_string(&connect.body()).unwrap();
        assert_eq!(body, r#"{"hasRawAnswer":false,"code":"connect"}"#);
        assert!(connect.to_string().contains("10.0.0.7"), "the log still has it");
    }

    #[test]
    fn serialises_as_code_and_parameters() {
        let api = ConsoleError::from(OpError::Api {
            api_code: "4003".into(),
            api_message: "token 无效".into(),
            status: None,
        });
        assert_eq!(
            serde_json::to_value(api.body()).unwrap(),
            json!({"code": "api", "apiCode": "4003", "apiMessage": "token 无效", "status": null, "hasRawAnswer": true})
        );
        let timeout = ConsoleError::from(OpError::Timeout { after_ms: 15000 });
        assert_eq!(
            serde_json::to_value(timeout.body()).unwrap(),
            json!({"code": "timeout", "afterMs": 15000, "hasRawAnswer": false})
        );
        let locked = ConsoleError::KeyringLocked { detail: "prompt required".into() };
        assert_eq!(
            serde_json::to_value(locked.body()).unwrap(),
            json!({"code": "keyring_locked", "hasRawAnswer": false})
        );
        let invalid = ConsoleError::invalid(ProfileField::BaseUrl, UrlProblem::NoHost);
        assert_eq!(
            serde_json::to_value(&invalid).unwrap(),
            json!({"code": "invalid_profile", "field": "baseUrl", "problem": {"kind": "url", "problem": {"kind": "noHost"}}})
        );
        assert_eq!(invalid.code(), "invalid_profile");
        assert_eq!(
            serde_json::to_value(ConsoleError::from(OpError::NoChat).body()).unwrap(),
            json!({"code": "no_chat", "hasRawAnswer": false})
        );
        let missing = ConsoleError::from(OpError::NotConfigured { problem: ConfigProblem::NoCredentials });
        assert_eq!(missing.code(), "not_configured");
    }

    #[test]
    fn api_codes_pass_through() {
        for (error, code) in [
            (OpError::NoChat, "no_chat"),
            (OpError::TooLarge { limit_bytes: 1 }, "too_large"),
            (OpError::Decode { path: "data".into(), detail: "x".into() }, "decode"),
        ] {
            assert_eq!(ConsoleError::from(error).code(), code);
        }
    }
}
