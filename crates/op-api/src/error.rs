//! Everything that can go wrong in a lookup, as data: a stable `code` and the parameters
//! the operator's sentence needs. The UI owns every sentence; `Display` is English for logs.

use serde::Serialize;

use crate::config::ConfigProblem;
use crate::user_id::UserIdProblem;

/// One error type for the client. It serialises as `{"code": "timeout", "afterMs": 15000}`:
/// the code and the parameters, nothing else. Diagnostic `detail` text (library errors,
/// server snippets) stays in `Display` for logs and support and never crosses to the page.
/// No variant ever holds the token, the secret or the sign: server-sent text is redacted
/// before it is stored here.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, thiserror::Error, Serialize)]
#[serde(tag = "code", rename_all = "snake_case", rename_all_fields = "camelCase")]
pub enum OpError {
    #[error("The user ID is not valid: {problem}.")]
    InvalidUserId { problem: UserIdProblem },

    #[error("The connection to the Op API is not set up: {problem}.")]
    NotConfigured { problem: ConfigProblem },

    #[error("Could not connect to the Op API server ({detail}).")]
    Connect {
        #[serde(skip)]
        detail: String,
    },

    #[error("The Op API server did not answer within {after_ms} ms.")]
    Timeout { after_ms: u64 },

    #[error("The secure (TLS) connection to the Op API server failed: {cause} ({detail}).")]
    Tls {
        cause: TlsCause,
        #[serde(skip)]
        detail: String,
    },

    /// A 3xx answer. Not followed: the request would carry the token to wherever it points.
    #[error("The Op API server answered with a redirect (HTTP {status}) to {}; it was not followed.", host.as_deref().unwrap_or("an unnamed place"))]
    Redirect {
        status: u16,
        /// The host it points to, when it names one.
        host: Option<String>,
    },

    #[error("The Op API server answered with HTTP status {status}: {snippet}")]
    HttpStatus {
        status: u16,
        #[serde(skip)]
        snippet: String,
    },

    #[error("The Op API's answer could not be read: {path}: {detail}")]
    Decode {
        /// Where in the answer: `data.location.lat`, `code`, or `""` for the whole answer
        /// (not JSON, or not the API's envelope).
        path: String,
        #[serde(skip)]
        detail: String,
    },

    /// The answer came compressed (`Content-Encoding`) though none was asked for: not
    /// unpacked (it could be a bomb), so not read.
    #[error("The Op API's answer came compressed as '{encoding}', which Op Console did not ask for; it was not read.")]
    ContentEncoding { encoding: String },

    #[error("The Op API's answer is larger than the limit of {limit_bytes} bytes.")]
    TooLarge { limit_bytes: u64 },

    #[error("The connection broke while the Op API's answer was arriving ({detail}).")]
    Interrupted {
        #[serde(skip)]
        detail: String,
    },

    /// The API's own refusal: its code and message (redacted, cut) are the API's words;
    /// `status` when it came with an HTTP error status.
    #[error("The Op API refused the request with code {api_code}: {api_message}")]
    Api { api_code: String, api_message: String, status: Option<u16> },

    #[error("This user has no recent chat.")]
    NoChat,
}

/// Why a TLS connection failed, as far as the error tells.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum TlsCause {
    /// The certificate's issuer is not trusted here: a private CA or TLS inspection.
    #[error("this computer does not trust the certificate's issuer")]
    UnknownIssuer,
    #[error("the certificate is for another name")]
    NameMismatch,
    #[error("the certificate has expired or is not valid yet")]
    Expired,
    #[error("the TLS handshake failed")]
    Other,
}

impl TlsCause {
    /// From the text of a TLS error (rustls' names for the causes).
    pub(crate) fn from_detail(detail: &str) -> Self {
        if detail.contains("UnknownIssuer") || detail.contains("unknown issuer") {
            Self::UnknownIssuer
        } else if detail.contains("NotValidForName") || detail.contains("not valid for name") {
            Self::NameMismatch
        } else if detail.contains("Expired") || detail.contains("NotValidYet") || detail.contains("expired") {
            Self::Expired
        } else {
            Self::Other
        }
    }
}

impl OpError {
    /// Whether the server's answer was received: then the raw answer can be shown.
    pub fn has_answer(&self) -> bool {
        matches!(self, Self::Decode { .. } | Self::HttpStatus { .. } | Self::Api { .. } | Self::Redirect { .. })
    }

    /// The stable code the UI translates: the serialised `code`, so it is written once
    /// (the serde attribute above). For logs and the recent list.
    pub fn code(&self) -> String {
        serialised_code(self)
    }
}

/// The `code` of an internally tagged error, as serde writes it.
pub fn serialised_code(error: &impl Serialize) -> String {
    serde_json::to_value(error)
        .ok()
        .and_then(|value| value.get("code").and_then(|c| c.as_str()).map(str::to_owned))
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn serialises_the_code_and_the_parameters_only() {
        let cases = [
            (OpError::Timeout { after_ms: 15000 }, json!({"code": "timeout", "afterMs": 15000})),
            (OpError::Connect { detail: "refused".into() }, json!({"code": "connect"})),
            (
                OpError::HttpStatus { status: 502, snippet: "<html>".into() },
                json!({"code": "http_status", "status": 502}),
            ),
            (
                OpError::Api { api_code: "4003".into(), api_message: "token 无效".into(), status: None },
                json!({"code": "api", "apiCode": "4003", "apiMessage": "token 无效", "status": null}),
            ),
            (
                OpError::InvalidUserId { problem: UserIdProblem::BadCharacter { character: '<', position: 6 } },
                json!({"code": "invalid_user_id", "problem": {"kind": "badCharacter", "character": "<", "position": 6}}),
            ),
            (
                OpError::NotConfigured { problem: ConfigProblem::NoToken },
                json!({"code": "not_configured", "problem": {"kind": "noToken"}}),
            ),
            (OpError::NoChat, json!({"code": "no_chat"})),
            (
                OpError::Tls {
                    cause: TlsCause::UnknownIssuer,
                    detail: "invalid peer certificate: UnknownIssuer".into(),
                },
                json!({"code": "tls", "cause": "unknownIssuer"}),
            ),
        ];
        for (error, expected) in cases {
            assert_eq!(serde_json::to_value(&error).unwrap(), expected);
            assert_eq!(error.code(), expected["code"]);
        }
    }
}
