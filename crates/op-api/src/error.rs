//! Everything that can go wrong in a lookup, each with a stable machine code.

use crate::user_id::UserIdProblem;

/// One error type for the client. `code()` is stable and is what the UI translates; the
/// message is an English sentence for logs and support. No variant ever holds the token,
/// the secret or the sign: server-sent text is redacted before it is stored here.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum OpError {
    #[error("The user ID is not valid: {problem}.")]
    InvalidUserId { problem: UserIdProblem },

    #[error("The connection to the Op API is not set up: {what}.")]
    NotConfigured { what: String },

    #[error("Could not connect to the Op API server ({detail}).")]
    Connect { detail: String },

    #[error("The Op API server did not answer within {after_ms} ms.")]
    Timeout { after_ms: u64 },

    #[error("The secure (TLS) connection to the Op API server failed ({detail}).")]
    Tls { detail: String },

    #[error("The Op API server answered with HTTP status {status}: {snippet}")]
    HttpStatus { status: u16, snippet: String },

    #[error("The Op API's answer could not be read: {path}: {detail}")]
    Decode { path: String, detail: String },

    #[error("The Op API's answer is larger than the limit of {limit_bytes} bytes.")]
    TooLarge { limit_bytes: u64 },

    #[error("The connection broke while the Op API's answer was arriving ({detail}).")]
    Interrupted { detail: String },

    #[error("The Op API refused the request with code {code}: {message}")]
    Api { code: String, message: String },

    #[error("This user has no recent chat.")]
    NoChat,
}

impl OpError {
    /// The stable code the UI translates. Never change one; add new ones.
    pub fn code(&self) -> &'static str {
        match self {
            Self::InvalidUserId { .. } => "invalid_user_id",
            Self::NotConfigured { .. } => "not_configured",
            Self::Connect { .. } => "connect",
            Self::Timeout { .. } => "timeout",
            Self::Tls { .. } => "tls",
            Self::HttpStatus { .. } => "http_status",
            Self::Decode { .. } => "decode",
            Self::TooLarge { .. } => "too_large",
            Self::Interrupted { .. } => "interrupted",
            Self::Api { .. } => "api",
            Self::NoChat => "no_chat",
        }
    }

    /// Every code, for tests and for the UI's translation table.
    pub const CODES: &'static [&'static str] = &[
        "invalid_user_id",
        "not_configured",
        "connect",
        "timeout",
        "tls",
        "http_status",
        "decode",
        "too_large",
        "interrupted",
        "api",
        "no_chat",
    ];
}
