//! The one error that crosses the IPC boundary: `{code, message, …}` with a stable code
//! the UI translates, and a few fields where the UI needs more than the code.

use op_api::OpError;
use serde::Serialize;

#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum ConsoleError {
    /// The Op API client's own failures, with their own codes (see `OpError::code`).
    #[error(transparent)]
    Api(#[from] OpError),

    #[error("The profile's {field} is not valid: {reason}.")]
    InvalidProfile { field: String, reason: String },

    #[error("There is no profile '{id}'.")]
    ProfileNotFound { id: String },

    #[error("The demo profile is built in and cannot be changed or deleted.")]
    DemoReadOnly,

    #[error("The profiles file could not be imported: {detail}.")]
    InvalidImport { detail: String },

    #[error("The {what} is empty: enter a value, or use Forget to remove it.")]
    EmptyCredential { what: String },

    #[error("No system keyring is available ({detail}). Op Console keeps credentials only there.")]
    KeyringUnavailable { detail: String },

    #[error("The system keyring is locked ({detail}). Unlock it, then try again.")]
    KeyringLocked { detail: String },

    #[error("The system keyring did not answer within {after_ms} ms; it may be waiting for an unlock prompt.")]
    KeyringTimeout { after_ms: u64 },

    #[error("The system keyring failed ({detail}).")]
    KeyringFailed { detail: String },

    #[error("Op Console could not save its settings ({detail}).")]
    Storage { detail: String },

    #[error("The demo server could not start ({detail}).")]
    DemoUnavailable { detail: String },

    #[error("The map could not be opened ({detail}).")]
    OpenFailed { detail: String },

    #[error("The image {url} is not under the profile's tile or asset URL.")]
    ImageRefused { url: String },

    #[error("The image could not be loaded ({detail}).")]
    ImageFailed { detail: String },
}

impl ConsoleError {
    /// The stable code the UI translates.
    pub fn code(&self) -> &'static str {
        match self {
            Self::Api(e) => e.code(),
            Self::InvalidProfile { .. } => "invalid_profile",
            Self::ProfileNotFound { .. } => "profile_not_found",
            Self::DemoReadOnly => "demo_read_only",
            Self::InvalidImport { .. } => "invalid_import",
            Self::EmptyCredential { .. } => "empty_credential",
            Self::KeyringUnavailable { .. } => "keyring_unavailable",
            Self::KeyringLocked { .. } => "keyring_locked",
            Self::KeyringTimeout { .. } => "keyring_timeout",
            Self::KeyringFailed { .. } => "keyring_error",
            Self::Storage { .. } => "storage",
            Self::DemoUnavailable { .. } => "demo_unavailable",
            Self::OpenFailed { .. } => "open_failed",
            Self::ImageRefused { .. } => "image_refused",
            Self::ImageFailed { .. } => "image_failed",
        }
    }

    pub(crate) fn storage(detail: impl std::fmt::Display) -> Self {
        Self::Storage { detail: detail.to_string() }
    }

    pub(crate) fn invalid(field: &str, reason: impl Into<String>) -> Self {
        Self::InvalidProfile { field: field.to_owned(), reason: reason.into() }
    }

    /// What the UI receives.
    pub fn body(&self) -> ErrorBody {
        let mut body = ErrorBody { code: self.code().to_owned(), message: self.to_string(), ..ErrorBody::default() };
        match self {
            Self::Api(OpError::Api { code, message }) => {
                body.api_code = Some(code.clone());
                body.api_message = Some(message.clone());
            }
            Self::Api(OpError::HttpStatus { status, .. }) => body.status = Some(*status),
            Self::Api(OpError::Decode { path, .. }) => body.path = Some(path.clone()),
            Self::Api(OpError::Timeout { after_ms }) | Self::KeyringTimeout { after_ms } => {
                body.after_ms = Some(*after_ms)
            }
            Self::InvalidProfile { field, .. } => body.field = Some(field.clone()),
            _ => {}
        }
        body
    }
}

/// The serialised error: `code` is stable, `message` is English for logs and support; the
/// optional fields carry what the UI's sentence needs.
#[derive(ts_rs::TS, Debug, Clone, Default, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ErrorBody {
    pub code: String,
    pub message: String,
    /// The API's own code and message (code `api`).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub api_code: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub api_message: Option<String>,
    /// The HTTP status (code `http_status`).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub status: Option<u16>,
    /// The failing field's path in the answer (code `decode`).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub path: Option<String>,
    /// The profile field at fault (code `invalid_profile`).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub field: Option<String>,
    /// How long we waited (codes `timeout`, `keyring_timeout`).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub after_ms: Option<u64>,
}

impl Serialize for ConsoleError {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.body().serialize(serializer)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn serialises_as_code_and_message_with_the_fields_the_ui_needs() {
        let api = ConsoleError::from(OpError::Api { code: "4003".into(), message: "token 无效".into() });
        assert_eq!(
            serde_json::to_value(&api).unwrap(),
            json!({"code": "api", "message": "The Op API refused the request with code 4003: token 无效", "apiCode": "4003", "apiMessage": "token 无效"})
        );
        let timeout = ConsoleError::from(OpError::Timeout { after_ms: 15000 });
        assert_eq!(
            serde_json::to_value(&timeout).unwrap(),
            json!({"code": "timeout", "message": "The Op API server did not answer within 15000 ms.", "afterMs": 15000})
        );
        let locked = ConsoleError::KeyringLocked { detail: "prompt required".into() };
        assert_eq!(
            serde_json::to_value(&locked).unwrap(),
            json!({"code": "keyring_locked", "message": "The system keyring is locked (prompt required). Unlock it, then try again."})
        );
        let invalid = ConsoleError::invalid("baseUrl", "it has no host");
        assert_eq!(serde_json::to_value(&invalid).unwrap()["field"], "baseUrl");
        assert_eq!(
            serde_json::to_value(ConsoleError::from(OpError::NoChat)).unwrap(),
            json!({"code": "no_chat", "message": "This user has no recent chat."})
        );
    }

    #[test]
    fn api_codes_pass_through() {
        for (error, code) in [
            (OpError::NoChat, "no_chat"),
            (OpError::TooLarge { limit_bytes: 1 }, "too_large"),
            (OpError::Decode { path: "data".into(), detail: "x".into() }, "decode"),
        ] {
            let body = ConsoleError::from(error).body();
            assert_eq!(body.code, code);
        }
    }
}
